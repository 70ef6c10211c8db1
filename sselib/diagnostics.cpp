// SPDX-License-Identifier: MIT
// Sse::Diagnostics, Sse::ArrivalMonitor: explain stream trouble from what a connection showed.
#include "diagnostics.h"

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

void checkContentType(const ResponseInfo &response, QList<Finding> &out)
{
    const QByteArray contentType = response.header("Content-Type");
    const QByteArrayList parts = items(contentType, ';');
    const QByteArray essence = parts.isEmpty() ? QByteArray() : parts.first().toLower();
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

} // namespace

QList<Finding> Diagnostics::checkResponse(const ResponseInfo &response)
{
    QList<Finding> out;

    if (response.status == 204) {
        out.append(makeFinding(Finding::Severity::Info, u"status"_s,
                Text::tr("The server answered 204 No Content, which tells clients to stop "
                         "reconnecting."),
                Text::tr("If events were expected, check why the server ended the stream.")));
    } else if (response.status != 0 && response.status != 200) {
        out.append(makeFinding(Finding::Severity::Problem, u"status"_s,
                Text::tr("The server answered %1 %2; an event stream needs 200 OK, and browsers "
                         "give up without reconnecting.")
                        .arg(response.status)
                        .arg(QString::fromUtf8(response.reason)),
                Text::tr("Check the URL, the credentials and the server's log.")));
    }

    checkContentType(response, out);

    const QByteArray encoding = response.header("Content-Encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity") {
        out.append(makeFinding(Finding::Severity::Warning, u"content-encoding"_s,
                Text::tr("The stream is compressed (Content-Encoding: %1); compressors hold events "
                         "back until their buffer fills, so events arrive late and in bursts.")
                        .arg(QString::fromUtf8(encoding)),
                Text::tr("Turn compression off for text/event-stream responses, or flush the "
                         "compressor after every event.")));
    }

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
    if (gap >= BurstSilenceMs) {
        m_windowStartMs = ms;
        m_windowEvents = 0;
    } else if (m_windowStartMs >= 0 && ms - m_windowStartMs > BurstWindowMs) {
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
    if (silence > SilenceWarningMs) {
        const auto severity = silence > SilenceProblemMs ? Finding::Severity::Problem
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
