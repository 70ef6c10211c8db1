// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::CaptureExchange: forwards one request and streams its response back.
#include "captureexchange_p.h"
#include "faultstage_p.h"
#include "gzipencoder_p.h"
#include "httpforward_p.h"
#include "streamcopy_p.h"
#include "upstreamsocket_p.h"

#include "sselib/contentdecoder.h"

#include <QDateTime>
#include <QScopedValueRollback>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Sse::CaptureDetail {

namespace {

constexpr qint64 ReadSlice = 64 * 1024;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool asksToClose(const HttpRequestHead &head)
{
    const QByteArrayList tokens = head.headerValues("Connection");
    const bool close = std::any_of(tokens.begin(), tokens.end(), [](const QByteArray &token) {
        return token.compare("close", Qt::CaseInsensitive) == 0;
    });
    return close || head.version != "HTTP/1.1";
}

// How the upstream's body is framed (RFC 9112 6.3); Framing::None with `ok` false for a broken
// Content-Length.
BodyReader responseBody(const HttpResponseHead &head, bool headRequest, bool &ok)
{
    ok = true;
    using Framing = BodyReader::Framing;
    if (headRequest || head.isInterim() || head.status == 204 || head.status == 304)
        return BodyReader(Framing::None);
    if (head.hasHeader("Transfer-Encoding")) {
        const QByteArray codings = head.header("Transfer-Encoding").toLower();
        return BodyReader(
                codings.trimmed().endsWith("chunked") ? Framing::Chunked : Framing::UntilClose);
    }
    if (head.hasHeader("Content-Length")) {
        const qint64 length = head.header("Content-Length").toLongLong(&ok);
        ok = ok && length >= 0;
        return BodyReader(ok ? Framing::Length : Framing::None, length);
    }
    return BodyReader(Framing::UntilClose);
}

QString defaultMessage(CaptureEnd::Reason reason)
{
    using Reason = CaptureEnd::Reason;
    switch (reason) {
    case Reason::Completed:
        return CaptureExchange::tr("The response was passed on whole.");
    case Reason::UpstreamClosed:
        return CaptureExchange::tr("The upstream closed the connection mid-response.");
    case Reason::UpstreamFailed:
        return CaptureExchange::tr("The upstream could not be reached.");
    case Reason::ClientClosed:
        return CaptureExchange::tr("The app closed the connection.");
    case Reason::Cut:
        return CaptureExchange::tr("A fault rule cut the connection.");
    case Reason::Answered:
        return CaptureExchange::tr("A fault rule answered instead of the upstream.");
    case Reason::Stopped:
        return CaptureExchange::tr("The capture proxy was closed.");
    }
    return {};
}

} // namespace

CaptureExchange::CaptureExchange(CaptureContext *context, int number, const HttpRequestHead &head,
        BodyReader requestBody, QTcpSocket *app, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_number(number)
    , m_head(head)
    , m_requestBody(requestBody)
    , m_app(app)
    , m_rules(context->options.rules)
{
    m_closeAfter = asksToClose(head);
    connect(app, &QTcpSocket::bytesWritten, this, [this] {
        if (m_upstream && m_app && m_app->bytesToWrite() <= HighWater)
            pumpUpstream();
    });
}

CaptureExchange::~CaptureExchange() = default;

void CaptureExchange::start()
{
    const QUrl &upstream = m_context->options.upstream;
    QByteArray base = upstream.path(QUrl::FullyEncoded).toUtf8();
    while (base.endsWith('/'))
        base.chop(1);
    m_upstreamTarget = base + m_head.target;
    m_request.connection = m_number;
    m_request.method = m_head.method;
    m_request.url = QUrl::fromEncoded(UpstreamSocket::origin(upstream).toUtf8() + m_upstreamTarget);
    m_request.headers = m_head.headers;
    m_request.sentMs = nowMs();
    for (const CaptureRule &rule : std::as_const(m_rules)) {
        if (rule.action == CaptureRule::Action::Status && rule.matches(m_head.target)) {
            answerWithStatus(rule);
            return;
        }
    }
    connectUpstream();
    if (m_requestBody.isDone())
        ensureStarted();
}

void CaptureExchange::connectUpstream()
{
    m_upstream = UpstreamSocket::open(*m_context, SocketReadBuffer, this);
    connect(m_upstream, &QTcpSocket::readyRead, this, &CaptureExchange::pumpUpstream);
    connect(m_upstream, &QTcpSocket::disconnected, this, &CaptureExchange::onUpstreamDisconnected);
    connect(m_upstream, &QTcpSocket::errorOccurred, this, &CaptureExchange::onUpstreamError);
    connect(m_upstream, &QTcpSocket::bytesWritten, this, [this] {
        if (!m_ended && m_upstream->bytesToWrite() <= HighWater)
            Q_EMIT requestBytesWanted();
    });
    // The system's own connect timeout is minutes long: the app would wait as long.
    m_connectTimer = new QTimer(this);
    m_connectTimer->setSingleShot(true);
    connect(m_connectTimer, &QTimer::timeout, this, [this] {
        failUpstream(UpstreamSocket::timedOut(m_context->options.upstream, ConnectTimeoutMs));
    });
    m_connectTimer->start(ConnectTimeoutMs);
    if (auto *tls = qobject_cast<QSslSocket *>(m_upstream))
        connect(tls, &QSslSocket::encrypted, m_connectTimer, qOverload<>(&QTimer::stop));
    else
        connect(m_upstream, &QTcpSocket::connected, m_connectTimer, qOverload<>(&QTimer::stop));
    m_upstream->write(upstreamHead());
}

QByteArray CaptureExchange::upstreamHead() const
{
    const CaptureOptions &options = m_context->options;
    HeaderList headers = withoutHopByHop(m_head.headers);
    // A chunked body is forwarded as it came, framing included.
    if (m_requestBody.framing() == BodyReader::Framing::Chunked)
        headers.append(qMakePair(QByteArray("Transfer-Encoding"), QByteArray("chunked")));
    if (options.rewriteHost || !headerValue(headers, "Host"))
        setHeader(headers, "Host", UpstreamSocket::hostField(options.upstream));
    if (options.rewriteOrigin && headerValue(headers, "Origin"))
        setHeader(headers, "Origin", UpstreamSocket::origin(options.upstream).toUtf8());
    headers.append(qMakePair(QByteArray("Connection"), QByteArray("close")));
    return headBytes(QByteArray(m_head.method + ' ' + m_upstreamTarget + " HTTP/1.1"), headers);
}

void CaptureExchange::ensureStarted()
{
    if (m_started)
        return;
    m_started = true;
    Q_EMIT started(m_number, m_request);
}

void CaptureExchange::pushRequestBytes(QByteArray &buffer)
{
    if (m_ended)
        return;
    QByteArray content;
    const qsizetype taken = m_requestBody.feed(buffer, content);
    if (taken < 0) {
        if (!m_headDone)
            writeToApp(plainResponse(400, tr("The request body's chunked framing is broken.")));
        m_closeAfter = true;
        end(CaptureEnd::Reason::ClientClosed, tr("The app's request body was malformed."));
        return;
    }
    if (m_upstream)
        m_upstream->write(buffer.constData(), taken);
    const qsizetype room = ResponseInfo::MaxBodySize - m_request.body.size();
    if (room > 0)
        m_request.body.append(content.first(std::min(room, content.size())));
    buffer.remove(0, taken);
    if (m_requestBody.isDone() || m_request.body.size() >= ResponseInfo::MaxBodySize)
        ensureStarted();
}

bool CaptureExchange::wantsRequestBytes() const
{
    return !m_ended && !m_requestBody.isDone() && m_upstream
            && m_upstream->bytesToWrite() <= HighWater;
}

bool CaptureExchange::keepsConnection() const
{
    return m_ended && !m_closeAfter && m_requestBody.isDone();
}

void CaptureExchange::setRules(const QList<CaptureRule> &rules)
{
    m_rules = rules;
    if (m_stage)
        m_stage->setRules(rules);
    else if (m_copy)
        noteCompressedStream();
}

void CaptureExchange::clientClosed()
{
    end(CaptureEnd::Reason::ClientClosed);
}

void CaptureExchange::stop()
{
    end(CaptureEnd::Reason::Stopped);
}

// By value: the slots of the signals on the way may replace m_rules.
void CaptureExchange::answerWithStatus(const CaptureRule rule)
{
    ensureStarted();
    const int status = int(rule.value);
    const QString text =
            tr("Answered %1 by the capture proxy's fault rule %2 instead of the upstream.")
                    .arg(status)
                    .arg(rule.toString());
    writeToApp(plainResponse(status, text));
    m_closeAfter = true;
    m_status = status;
    Q_EMIT faultApplied(
            m_number, rule, tr("Answered %1 instead of forwarding the request.").arg(status));
    end(CaptureEnd::Reason::Answered, text);
}

void CaptureExchange::failUpstream(const QString &why)
{
    if (m_ended)
        return;
    ensureStarted();
    if (!m_headDone)
        writeToApp(plainResponse(502, why));
    m_closeAfter = true;
    m_status = 502;
    end(CaptureEnd::Reason::UpstreamFailed, why);
}

void CaptureExchange::onUpstreamError()
{
    if (m_ended || m_upstream->error() == QAbstractSocket::RemoteHostClosedError)
        return; // disconnected() follows: the rest of the buffer is read first
    if (m_headDone)
        end(CaptureEnd::Reason::UpstreamClosed, m_upstream->errorString());
    else
        failUpstream(UpstreamSocket::failure(*m_upstream, m_context->options.upstream));
}

void CaptureExchange::onUpstreamDisconnected()
{
    m_upstreamEof = true;
    pumpUpstream();
}

void CaptureExchange::pumpUpstream()
{
    // Writing to the app flushes, which may emit the app's bytesWritten() and call this again:
    // the loop below goes on by itself, and a nested one would pass later bytes on (and to the
    // copy and the stage) before earlier ones.
    if (m_pumping)
        return;
    const QScopedValueRollback<bool> pumping(m_pumping, true);
    while (!m_ended && m_upstream->bytesAvailable() > 0) {
        if (m_app && m_app->bytesToWrite() > HighWater)
            return; // the app's bytesWritten() resumes
        if (m_stage && m_stage->heldBytes() > StageHighWater) {
            m_waitingForStage = true; // sendToApp() resumes
            return;
        }
        takeUpstreamBytes(m_upstream->read(ReadSlice));
    }
    if (m_ended || !m_upstreamEof)
        return;
    if (!m_headDone) {
        failUpstream(m_responseBuffer.isEmpty()
                        ? tr("The upstream closed the connection without answering.")
                        : tr("The upstream closed the connection in the middle of its answer's "
                             "head."));
    } else if (m_responseBody.framing() == BodyReader::Framing::UntilClose) {
        onBodyDone();
    } else if (!m_responseBody.isDone()) {
        end(CaptureEnd::Reason::UpstreamClosed,
                tr("The upstream closed the connection before the response was complete."));
    }
}

void CaptureExchange::takeUpstreamBytes(QByteArrayView bytes)
{
    if (!m_headDone) {
        m_responseBuffer.append(bytes);
        readResponseHead();
        return;
    }
    if (m_responseBody.isDone())
        return; // bytes after the body: the upstream is closed anyway
    QByteArray content;
    const bool broken = m_responseBody.feed(bytes, content) < 0;
    if (!content.isEmpty())
        onBody(content); // what came before the break is the upstream's, and passes
    if (broken && !m_ended)
        end(CaptureEnd::Reason::UpstreamClosed, tr("The upstream's chunked framing is broken."));
    if (!m_ended && m_responseBody.isDone())
        onBodyDone();
}

void CaptureExchange::readResponseHead()
{
    while (!m_ended && !m_headDone) {
        HttpResponseHead head;
        switch (HttpResponseHead::parse(m_responseBuffer, head)) {
        case HttpResponseHead::Status::Incomplete:
            return;
        case HttpResponseHead::Status::Invalid:
        case HttpResponseHead::Status::TooLarge:
            failUpstream(tr("The upstream's answer is not an HTTP/1.x response."));
            return;
        case HttpResponseHead::Status::Complete:
            break;
        }
        const QByteArray rest = m_responseBuffer.sliced(head.size);
        m_responseBuffer.clear();
        if (head.isInterim() && head.status != 101) {
            if (m_head.version == "HTTP/1.1") {
                writeToApp(headBytes(
                        statusLine(head.status, head.reason), withoutHopByHop(head.headers)));
            }
            m_responseBuffer = rest;
            continue;
        }
        startResponse(head);
        if (!m_ended && !rest.isEmpty())
            takeUpstreamBytes(rest);
    }
}

void CaptureExchange::startResponse(const HttpResponseHead &head)
{
    ensureStarted();
    bool framingOk = true;
    BodyReader body = responseBody(head, m_head.method == "HEAD", framingOk);
    if (!framingOk) {
        failUpstream(tr("The upstream sent an invalid Content-Length."));
        return;
    }
    m_headDone = true;
    m_status = head.status;
    const bool noBody = body.framing() == BodyReader::Framing::None;
    const bool stream = !noBody && mediaType(head.header("Content-Type")) == "text/event-stream";
    ResponseInfo info;
    info.connection = m_number;
    info.status = head.status;
    info.reason = head.reason;
    info.httpVersion = head.version;
    info.finalUrl = m_request.url;
    info.headers = head.headers;
    info.receivedMs = nowMs();
    info.contentEncoding = ContentDecoder::normalized(head.header("Content-Encoding"));
    Q_EMIT responseStarted(m_number, info, stream);
    if (m_ended)
        return;
    // A copy: a slot of faultApplied() may replace the rules.
    const std::optional<CaptureRule> gzip =
            stream && info.contentEncoding.isEmpty() ? gzipRule() : std::nullopt;
    if (gzip)
        m_gzip = std::make_unique<GzipEncoder>();

    HeaderList headers = withoutHopByHop(head.headers);
    const bool keepLength = body.framing() == BodyReader::Framing::Length && !stream;
    if (!noBody && !keepLength) {
        removeHeader(headers, "Content-Length");
        if (m_head.version == "HTTP/1.1") {
            m_chunkedToApp = true;
            headers.append(qMakePair(QByteArray("Transfer-Encoding"), QByteArray("chunked")));
        } else {
            m_closeAfter = true;
        }
    }
    if (m_gzip)
        headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("gzip")));
    if (m_closeAfter)
        headers.append(qMakePair(QByteArray("Connection"), QByteArray("close")));
    writeToApp(headBytes(statusLine(head.status, head.reason), headers));
    if (gzip) {
        Q_EMIT faultApplied(m_number, *gzip, tr("The stream is compressed with gzip, unflushed."));
    }
    if (stream && !m_ended)
        setUpStream(info.contentEncoding);
    m_responseBody = body;
    if (m_responseBody.isDone())
        onBodyDone();
}

void CaptureExchange::setUpStream(const QByteArray &encoding)
{
    const QString origin = UpstreamSocket::origin(m_context->options.upstream);
    StreamCopy::Sinks sinks;
    sinks.event = [this](const Event &event) {
        Q_EMIT eventCaptured(m_number, event);
    };
    sinks.comment = [this](const Comment &comment) {
        Q_EMIT commentCaptured(m_number, comment);
    };
    sinks.retry = [this](std::chrono::milliseconds time) {
        Q_EMIT retryCaptured(m_number, time);
    };
    m_copy = std::make_unique<StreamCopy>(m_number, origin, encoding, std::move(sinks));
    if (!encoding.isEmpty()) {
        noteCompressedStream();
        return;
    }
    m_stage = new FaultStage(m_head.target, this);
    m_stage->setRules(m_rules);
    connect(m_stage, &FaultStage::bytesReady, this, &CaptureExchange::sendToApp);
    connect(m_stage, &FaultStage::finished, this, &CaptureExchange::finishToApp);
    connect(m_stage, &FaultStage::faultApplied, this,
            [this](const CaptureRule &rule, const QString &what) {
                if (m_pushing) // reported after the events of the bytes that carried it
                    m_pendingFaults.append({rule, what});
                else
                    Q_EMIT faultApplied(m_number, rule, what);
            });
    connect(m_stage, &FaultStage::cutRequested, this, [this](const CaptureRule &rule) {
        if (m_pushing)
            m_pendingCut = rule; // onBody() ends it once the copy has seen the bytes
        else
            cut(rule);
    });
}

std::optional<CaptureRule> CaptureExchange::gzipRule() const
{
    for (const CaptureRule &rule : m_rules) {
        if (rule.action == CaptureRule::Action::Gzip && rule.matches(m_head.target))
            return rule;
    }
    return std::nullopt;
}

void CaptureExchange::noteCompressedStream()
{
    if (m_compressedNoticeGiven)
        return;
    for (const CaptureRule &rule : std::as_const(m_rules)) {
        if (rule.isEventRule() && rule.matches(m_head.target)) {
            m_compressedNoticeGiven = true;
            const CaptureRule matched = rule; // a slot may replace m_rules
            Q_EMIT faultApplied(m_number, matched,
                    tr("The upstream compressed the stream, so event rules cannot see its events: "
                       "it passes unchanged."));
            return;
        }
    }
}

void CaptureExchange::onBody(const QByteArray &content)
{
    m_bytesReceived += content.size();
    // The app first, the copy after: the slots of eventCaptured() add nothing to the latency.
    if (m_stage) {
        m_pushing = true;
        m_stage->push(content);
        m_pushing = false;
    } else {
        sendToApp(content);
    }
    if (m_copy && !m_ended)
        m_copy->feed(content);
    for (const auto &[rule, what] : std::exchange(m_pendingFaults, {})) {
        if (!m_ended)
            Q_EMIT faultApplied(m_number, rule, what);
    }
    if (m_pendingCut && !m_ended)
        cut(*std::exchange(m_pendingCut, std::nullopt));
}

void CaptureExchange::cut(const CaptureRule &rule)
{
    end(CaptureEnd::Reason::Cut, tr("The fault rule %1 cut the connection.").arg(rule.toString()));
}

void CaptureExchange::onBodyDone()
{
    if (m_copy)
        m_copy->finish();
    if (m_ended)
        return;
    if (m_stage)
        m_stage->finish(); // finished() -> finishToApp()
    else
        finishToApp();
}

void CaptureExchange::sendToApp(const QByteArray &bytes)
{
    if (m_ended)
        return;
    if (std::exchange(m_waitingForStage, false))
        QMetaObject::invokeMethod(this, &CaptureExchange::pumpUpstream, Qt::QueuedConnection);
    const QByteArray out = m_gzip ? m_gzip->encode(bytes) : bytes;
    if (out.isEmpty())
        return;
    m_bytesSent += out.size();
    writeToApp(m_chunkedToApp ? chunk(out) : out);
}

void CaptureExchange::finishToApp()
{
    if (m_ended)
        return;
    if (m_gzip) {
        const QByteArray tail = m_gzip->finish();
        m_bytesSent += tail.size();
        writeToApp(m_chunkedToApp ? chunk(tail) : tail);
    }
    if (m_chunkedToApp)
        writeToApp(LastChunk.toByteArray());
    end(CaptureEnd::Reason::Completed);
}

void CaptureExchange::writeToApp(const QByteArray &bytes)
{
    if (!m_app || m_app->state() != QAbstractSocket::ConnectedState || bytes.isEmpty())
        return;
    m_app->write(bytes);
    m_app->flush();
}

void CaptureExchange::end(CaptureEnd::Reason reason, const QString &message)
{
    if (m_ended)
        return;
    ensureStarted();
    m_ended = true;
    if (m_connectTimer)
        m_connectTimer->stop();
    if (m_upstream) {
        disconnect(m_upstream, nullptr, this, nullptr);
        m_upstream->abort();
    }
    if (m_stage)
        disconnect(m_stage, nullptr, this, nullptr);
    if (reason != CaptureEnd::Reason::Completed)
        m_closeAfter = true;
    CaptureEnd captureEnd;
    captureEnd.reason = reason;
    captureEnd.status = m_status;
    captureEnd.endedMs = nowMs();
    captureEnd.bytesReceived = m_bytesReceived;
    captureEnd.bytesSent = m_bytesSent;
    captureEnd.message = message.isEmpty() ? defaultMessage(reason) : message;
    Q_EMIT ended(m_number, captureEnd);
}

} // namespace Sse::CaptureDetail
