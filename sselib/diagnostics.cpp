// SPDX-License-Identifier: MIT
// Sse::Diagnostics, Sse::ArrivalMonitor: explain stream trouble from what a connection showed.
#include "diagnostics.h"

#include "contentdecoder.h"
#include "statusfinding_p.h"

#include <QByteArrayList>
#include <QCoreApplication>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sse {

namespace {

// The context of this file's messages. Calls say Text::tr(): lupdate files a bare tr() under
// the enclosing namespace or class ("Sse"), not under the context used at run time.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Sse::Diagnostics)
};

Finding makeFinding(Finding::Severity severity, const QString &code, const QString &message,
        const QString &advice)
{
    return Finding{severity, code, message, advice};
}

// The part of "name=value" before the '=', or all of it, trimmed and lowercased.
QByteArray parameterName(const QByteArray &item)
{
    const qsizetype equals = item.indexOf('=');
    return (equals < 0 ? item : item.left(equals)).trimmed().toLower();
}

// A header's comma- or semicolon-separated items, trimmed, empty ones dropped.
QByteArrayList items(const QByteArray &value, char separator)
{
    QByteArrayList result;
    for (const QByteArray &item : value.split(separator)) {
        const QByteArray trimmed = item.trimmed();
        if (!trimmed.isEmpty())
            result.append(trimmed);
    }
    return result;
}

QByteArray unquoted(const QByteArray &value)
{
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        return value.mid(1, value.size() - 2);
    return value;
}

bool isUtf8Label(const QByteArray &charset)
{
    // The WHATWG Encoding standard's labels for UTF-8.
    const QByteArray label = charset.toLower();
    return label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8";
}

QByteArray essenceOf(const QByteArrayList &contentTypeParts)
{
    return contentTypeParts.isEmpty() ? QByteArray() : contentTypeParts.first().toLower();
}

bool isRefused(const ResponseInfo &response)
{
    return (response.status != 0 && response.status != 200)
            || essenceOf(items(response.header("Content-Type"), ';')) != "text/event-stream";
}

bool looksLikeHtml(const ResponseInfo &response)
{
    if (essenceOf(items(response.header("Content-Type"), ';')) == "text/html")
        return true;
    const QByteArray start = response.body.left(512).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}

// The encoding the body came in: the source's word for it, else the header's.
QByteArray encodingOf(const ResponseInfo &response)
{
    return response.contentEncoding.isEmpty()
            ? ContentDecoder::normalized(response.header("Content-Encoding"))
            : response.contentEncoding;
}

void checkContentType(const ResponseInfo &response, QList<Finding> &out)
{
    const QByteArray contentType = response.header("Content-Type");
    const QByteArrayList parts = items(contentType, ';');
    const QByteArray essence = essenceOf(parts);
    if (essence != "text/event-stream") {
        const QString message = contentType.isEmpty()
                ? Text::tr("The response has no Content-Type; browsers' EventSource rejects it.")
                : Text::tr("The Content-Type is %1, not text/event-stream; browsers' EventSource "
                           "rejects it.")
                          .arg(QString::fromUtf8(contentType));
        out.append(makeFinding(Finding::Severity::Problem, u"content-type"_s, message,
                Text::tr("Send \"Content-Type: text/event-stream\".")));
        return;
    }

    QByteArrayList others;
    QByteArray charset;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray &parameter = parts.at(i);
        const qsizetype equals = parameter.indexOf('=');
        const QByteArray name = parameterName(parameter);
        if (name == "charset" && equals >= 0)
            charset = unquoted(parameter.mid(equals + 1).trimmed());
        else
            others.append(parameter);
    }
    if (!charset.isEmpty() && !isUtf8Label(charset)) {
        out.append(makeFinding(Finding::Severity::Warning, u"content-type-charset"_s,
                Text::tr("The Content-Type names the charset %1, but event streams are always "
                         "decoded as UTF-8, so other text will be garbled.")
                        .arg(QString::fromUtf8(charset)),
                Text::tr("Encode the stream as UTF-8 and send \"charset=utf-8\" or no charset.")));
    }
    if (!others.isEmpty()) {
        out.append(makeFinding(Finding::Severity::Info, u"content-type-params"_s,
                Text::tr("The Content-Type has parameters that event streams ignore: %1.")
                        .arg(QString::fromUtf8(others.join("; "))),
                Text::tr("Nothing needs to change; plain \"text/event-stream\" is the usual "
                         "form.")));
    }
}

// The stream's own checks (charset, parameters) after the Content-Type's, for a refused
// response only the Content-Type and a hint at what its body is.
void checkRefused(const ResponseInfo &response, QList<Finding> &out)
{
    if (response.status == 0 || response.status == 200) {
        QList<Finding> contentType;
        checkContentType(response, contentType);
        if (!contentType.isEmpty())
            out.append(contentType.constFirst()); // "content-type": the rest is stream advice
    }
    if (!response.body.trimmed().isEmpty() && looksLikeHtml(response)) {
        out.append(makeFinding(Finding::Severity::Info, u"refused-html"_s,
                Text::tr("The refused response's body is an HTML page, often a login page or a "
                         "proxy's error page that stands in for the stream."),
                Text::tr("Read the body, or open the URL in a browser; check the login and any "
                         "proxy in front of the server.")));
    }
}

void checkEncoding(const ResponseInfo &response, QList<Finding> &out)
{
    const QByteArray encoding = encodingOf(response);
    if (encoding.isEmpty())
        return;
    const QString name = QString::fromUtf8(encoding);
    if (!ContentDecoder::canDecode(encoding)) {
        out.append(makeFinding(Finding::Severity::Problem, u"content-encoding"_s,
                Text::tr("The response is compressed with %1, which ssedash cannot decode, so none "
                         "of its events can be read.")
                        .arg(name),
                Text::tr("Turn compression off for text/event-stream responses, or use gzip, "
                         "deflate or br.")));
        return;
    }
    out.append(makeFinding(Finding::Severity::Warning, u"content-encoding"_s,
            Text::tr("The stream is compressed (Content-Encoding: %1). ssedash decodes it as "
                     "browsers "
                     "do, but a server or proxy that compresses holds events back until its "
                     "compressor's buffer fills, so they can arrive late and in bursts.")
                    .arg(name),
            Text::tr("Turn compression off for text/event-stream responses, or flush the "
                     "compressor after every event.")));
}

} // namespace

QList<Finding> Diagnostics::checkResponse(const ResponseInfo &response)
{
    QList<Finding> out;
    if (const std::optional<Finding> status = statusFinding(response))
        out.append(*status);
    if (isRefused(response)) {
        checkRefused(response, out);
        return out;
    }

    checkContentType(response, out);
    checkEncoding(response, out);

    bool noCache = false;
    for (const QByteArray &directive : items(response.header("Cache-Control"), ',')) {
        const QByteArray name = parameterName(directive);
        noCache = noCache || name == "no-cache" || name == "no-store";
    }
    if (!noCache) {
        out.append(makeFinding(Finding::Severity::Warning, u"no-cache-control"_s,
                Text::tr("The response does not say \"Cache-Control: no-cache\", so caches and "
                         "proxies may store or buffer the stream."),
                Text::tr("Send \"Cache-Control: no-cache\".")));
    }

    if (response.header("X-Accel-Buffering").trimmed().compare("yes", Qt::CaseInsensitive) == 0) {
        out.append(makeFinding(Finding::Severity::Warning, u"x-accel-buffering"_s,
                Text::tr("The response says \"X-Accel-Buffering: yes\", which asks nginx to buffer "
                         "it and hold events back."),
                Text::tr("Send \"X-Accel-Buffering: no\" for event streams.")));
    }
    return out;
}

QList<Finding> Diagnostics::checkResponse(const ResponseInfo &response, const SourceError &error)
{
    QList<Finding> out = checkResponse(response);
    // An encoding that cannot be decoded at all already has its Problem.
    const QByteArray encoding = encodingOf(response);
    if (error.kind != SourceError::Kind::ContentEncoding || !ContentDecoder::canDecode(encoding))
        return out;
    const QString name = QString::fromUtf8(encoding);
    const Finding failed = makeFinding(Finding::Severity::Problem, u"content-encoding"_s,
            Text::tr("The body could not be decoded as %1: the server or a proxy sent data that is "
                     "not valid %1, so the stream stopped.")
                    .arg(name),
            Text::tr("Check what compresses the response (the server, a framework's middleware, a "
                     "proxy), or turn compression off for text/event-stream responses."));
    const auto it = std::find_if(out.begin(), out.end(),
            [](const Finding &finding) { return finding.code == u"content-encoding"_s; });
    if (it == out.end())
        out.append(failed);
    else
        *it = failed;
    return out;
}

namespace {

// Over a limit: `one` for a single drop ("%1" the limit), else `many` ("%1" the count, "%2" the
// limit); a Problem, as those lines or events are in no view.
Finding overLimit(const QString &code, int count, qsizetype limit, const QString &one,
        const QString &many, const QString &advice)
{
    const QString message = count == 1 ? one.arg(limit) : many.arg(count).arg(limit);
    return makeFinding(Finding::Severity::Problem, code, message, advice);
}

} // namespace

Finding Diagnostics::droppedFinding(const ParseError &error, int count)
{
    switch (error.kind) {
    case ParseError::Kind::LineTooLong:
        return overLimit(u"line-too-long"_s, count, error.limit,
                Text::tr("A line longer than %1 bytes was dropped, with the event it belonged "
                         "to: it is not in the log."),
                Text::tr("%1 lines longer than %2 bytes were dropped, each with the event it "
                         "belonged to: they are not in the log."),
                Text::tr("Send long data over several data: lines, or raise the feed's "
                         "maxLineSize setting."));
    case ParseError::Kind::EventTooLarge:
        return overLimit(u"event-too-large"_s, count, error.limit,
                Text::tr("An event with more than %1 bytes of data was dropped: it is not in "
                         "the log."),
                Text::tr("%1 events with more than %2 bytes of data were dropped: they are not "
                         "in the log."),
                Text::tr("Send smaller events, or raise the feed's maxEventSize setting."));
    case ParseError::Kind::UnfinishedEvent:
        break;
    }
    return makeFinding(Finding::Severity::Warning, u"unfinished-event"_s,
            Text::tr("The stream ended inside an event: the blank line that ends it never came, "
                     "so the event was discarded, as the standard says (browsers drop it too)."),
            Text::tr("End every event with a blank line, the last one too: \"data: [DONE]\" "
                     "needs an empty line after it."));
}

void ArrivalMonitor::reset()
{
    *this = ArrivalMonitor();
}

void ArrivalMonitor::connectionOpened(qint64 ms)
{
    // Time between connections is not silence on a stream, so no gap is recorded here.
    m_lastActivityMs = ms;
    m_windowStartMs = -1;
    m_windowEvents = 0;
}

void ArrivalMonitor::bytesArrived(qint64 ms)
{
    activity(ms);
}

void ArrivalMonitor::commentArrived(qint64 ms)
{
    activity(ms);
}

void ArrivalMonitor::eventArrived(qint64 receivedMs)
{
    activity(receivedMs);
    if (m_windowStartMs < 0)
        return;
    ++m_windowEvents;
    if (m_windowEvents == BurstMinEvents)
        ++m_burstCount;
}

void ArrivalMonitor::activity(qint64 ms)
{
    if (m_lastActivityMs < 0) {
        // The first byte ever: with no connection time there is no silence to measure.
        m_lastActivityMs = ms;
        return;
    }
    // Clocks may step back; never let the reference move backwards.
    const qint64 gap = std::max<qint64>(0, ms - m_lastActivityMs);
    m_longestGapMs = std::max(m_longestGapMs, gap);
    m_lastActivityMs = std::max(m_lastActivityMs, ms);
    if (gap >= BurstSilence.count()) {
        m_windowStartMs = ms;
        m_windowEvents = 0;
    } else if (m_windowStartMs >= 0 && ms - m_windowStartMs > BurstWindow.count()) {
        m_windowStartMs = -1;
        m_windowEvents = 0;
    }
}

QList<Finding> ArrivalMonitor::findings(qint64 nowMs) const
{
    QList<Finding> out;
    if (m_burstCount >= BurstsToWarn) {
        out.append(makeFinding(Finding::Severity::Warning, u"bursts"_s,
                Text::tr("Events arrived in bursts after silences %1 times, the pattern of a proxy "
                         "or compressor that buffers the stream.")
                        .arg(m_burstCount),
                Text::tr("Send \"X-Accel-Buffering: no\", turn off proxy buffering and compression "
                         "for the stream, and flush after every event.")));
    }

    const qint64 current = m_lastActivityMs < 0 ? 0 : std::max<qint64>(0, nowMs - m_lastActivityMs);
    const qint64 silence = std::max(current, m_longestGapMs);
    if (silence > SilenceWarning.count()) {
        const auto severity = silence > SilenceProblem.count() ? Finding::Severity::Problem
                                                               : Finding::Severity::Warning;
        const QString seconds = QString::number(silence / 1000);
        const QString message = current >= m_longestGapMs
                ? Text::tr("Nothing has arrived for %1 s, not even a heartbeat; proxies commonly "
                           "close connections that are idle for 30 to 60 s.")
                          .arg(seconds)
                : Text::tr("The stream was silent for up to %1 s, not even a heartbeat; proxies "
                           "commonly close connections that are idle for 30 to 60 s.")
                          .arg(seconds);
        out.append(makeFinding(severity, u"long-silence"_s, message,
                Text::tr("Send a heartbeat comment line (\": ping\") every 15 s.")));
    }
    return out;
}

} // namespace Sse
