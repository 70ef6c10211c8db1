// SPDX-License-Identifier: MIT
// The EventSource state machine: one QNetworkReply at a time, a Parser, and QTimers.
#include "eventsource.h"

#include "contentdecoder.h"
#include "httpurl.h"
#include "jsontext.h"
#include "logging_p.h"
#include "networkpool_p.h"
#include "parser.h"
#include "secrets.h"
#include "ssedash/version.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Sse {

namespace {

constexpr qint64 MaxTimerMs = std::numeric_limits<int>::max();

// How long a refused response's body is read before the error is reported: long enough for
// an error page, short enough that a body which never ends does not hold the error back.
constexpr int RefusedBodyWaitMs = 1500;

// How much Qt's network thread hands on before the source has read it
// (QNetworkReply::setReadBufferSize). Without a limit it reads the socket without pause and
// queues everything for this thread: a server that writes faster than the source parses filled
// the heap with most of the stream. With one, the rest waits in the kernel, and TCP flow control
// slows the server down. Qt 6.4 limit: over plain HTTP each of Qt's read passes still takes
// all the kernel holds (docs/reliability.md, "Bounded memory").
constexpr qint64 ReadBufferSize = 256 * 1024;
// The bytes taken from the reply at a time. A compressed slice inflates to at most about
// 1000 times its size with deflate, so it is smaller.
constexpr qint64 ReadSlice = 64 * 1024;
constexpr qint64 CompressedReadSlice = 4 * 1024;
// Decoded bytes parsed per event-loop turn before the rest of the application gets a turn:
// a flood, or a body that inflates a thousandfold, does not freeze it.
constexpr qint64 TurnBudget = 4 * 1024 * 1024;
constexpr qint64 NoBudget = std::numeric_limits<qint64>::max();
// Distinct event types whose bytes are kept for reuse: a stream names few, and each event of a
// known type then shares them instead of allocating its own.
constexpr qsizetype KnownTypesMax = 16;
// A reused buffer this much larger than what it holds is given back (after a huge event).
constexpr qsizetype ReuseSlack = 64 * 1024;

// Sets `target` to `bytes` in target's own buffer when no one else holds it (no allocation on
// the hot path); else, or when the buffer is far too big, in a new one.
void assignBytes(QByteArray &target, QByteArrayView bytes)
{
    const bool reusable = target.isDetached() && target.capacity() <= bytes.size() + ReuseSlack;
    if (!reusable || bytes.isEmpty()) { // empty: null, as toByteArray() makes it
        target = bytes.toByteArray();
        return;
    }
    target.resize(bytes.size());
    std::memcpy(target.data(), bytes.data(), size_t(bytes.size()));
}

bool sameBytes(const QByteArray &a, QByteArrayView b)
{
    return a.size() == b.size()
            && (b.isEmpty() || std::memcmp(a.constData(), b.data(), size_t(b.size())) == 0);
}

QString serialisedOrigin(const QUrl &url)
{
    QUrl origin = url.adjusted(
            QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    const int defaultPort = url.scheme() == "https"_L1 ? 443 : 80;
    if (origin.port() == defaultPort)
        origin.setPort(-1);
    return origin.toString();
}

// The MIME type essence: "Text/Event-Stream; charset=utf-8" -> "text/event-stream".
QByteArray mimeEssence(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
}

// The status attribute is 0 when no response came.
std::optional<int> httpStatus(int status)
{
    return status > 0 ? std::optional<int>(status) : std::nullopt;
}

bool isFollowedRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

class EventSource::Private final : public ParserHandler
{
public:
    Private(EventSource *q, const QUrl &url, const SourceOptions &options);
    ~Private() override;

    void setState(ReadyState newState);
    void scheduleConnect(qint64 delayMs);
    void startRequest();
    [[nodiscard]] QNetworkRequest buildRequest() const;
    void releaseReply();
    void dropReply();

    void onMetaDataChanged();
    void onReadyRead();
    void readStream(qint64 budget);
    void onFinished();
    [[nodiscard]] QString cutShortMessage() const;
    void onReadTimer();
    void onReinitTimer();
    void feedStream(QByteArrayView bytes);

    [[nodiscard]] bool checkResponse();
    void announce();
    void reestablish(SourceError::Kind kind, const QString &message, int status = 0);
    void failConnection(SourceError::Kind kind, const QString &message, int status = 0);
    [[nodiscard]] ResponseInfo responseInfo() const;
    [[nodiscard]] RequestInfo requestInfo(const QNetworkRequest &request) const;
    /// Refuses the response: reads some of its body (readRefusedBody()), then reports it
    /// (responseReceived, then the error) in finishRefusal().
    bool rejectResponse(SourceError::Kind kind, const QString &message, int status);
    void readRefusedBody();
    void finishRefusal();
    [[nodiscard]] qint64 retryDelay() const;
    void setLastEventId(QByteArrayView id);
    void fillEvent(Event &event, const ParsedEvent &parsed);
    [[nodiscard]] QByteArray knownType(QByteArrayView type);
    void setReconnectionTime(qint64 ms);

    // ParserHandler
    void event(const ParsedEvent &parsed) override;
    void comment(QByteArrayView text) override;
    void retry(quint64 milliseconds, QByteArrayView digits) override;
    void lastEventIdChanged(QByteArrayView id) override;
    void error(const ParseError &error) override;

    EventSource *const q;
    QUrl url;
    SourceOptions options;
    QPointer<QNetworkAccessManager> customManager;
    QPointer<NetworkPool> pool;
    QPointer<QNetworkAccessManager> manager; // the one the current reply came from
    // A QPointer, not a unique_ptr: the manager deletes its replies when it goes first.
    QPointer<QNetworkReply> reply;
    Parser parser;
    QTimer connectTimer;
    QTimer readTimer;
    QTimer reinitTimer;
    QTimer readLaterTimer; // the rest of what the reply holds, after a turn's budget
    qint64 parsedThisTurn = 0;
    QElapsedTimer lastBytes;
    QElapsedTimer openSince;
    QByteArray lastEventId;
    QString origin;
    qint64 reconnectionTime;
    ReadyState state = ReadyState::Closed;
    int connections = 0;
    int failures = 0; // consecutive failed attempts, for backoff and maxAttempts
    bool responseChecked = false;
    bool tlsErrorsSeen = false;
    QString tlsErrorText;
    QList<QUrl> redirects; // of the current request
    std::unique_ptr<ContentDecoder> decoder; // of the current response's Content-Encoding

    // The hot path, per event and per read, allocates nothing that a listener does not keep.
    QByteArray readBuffer; // the slice being parsed
    qint64 readMs = 0; // when it was read: the receive time of the events it completes
    Event reusedEvent; // emitted and overwritten in place while no listener holds its bytes
    bool emittingEvent = false; // a listener's nested event loop parses on: it gets a fresh one
    QList<QByteArray> knownTypes;

    /// A response being refused while some of its body is read.
    struct Refusal
    {
        SourceError::Kind kind = SourceError::Kind::HttpStatus;
        QString message;
        int status = 0;
        ResponseInfo response; ///< as it was when the head came; the body follows
    };

    std::optional<Refusal> refusal;
    QTimer refusalTimer;
};

EventSource::Private::Private(EventSource *q, const QUrl &url, const SourceOptions &options)
    : q(q)
    , url(url)
    , options(options)
    , parser(this)
    , lastEventId(options.initialLastEventId)
    , reconnectionTime(options.reconnectionTime.count())
{
    connectTimer.setSingleShot(true);
    readTimer.setSingleShot(true);
    reinitTimer.setSingleShot(true);
    refusalTimer.setSingleShot(true);
    refusalTimer.setInterval(RefusedBodyWaitMs);
    readLaterTimer.setSingleShot(true);
    readLaterTimer.setInterval(0);
    QObject::connect(&readLaterTimer, &QTimer::timeout, q, [this] {
        if (reply && responseChecked)
            readStream(TurnBudget);
    });
    QObject::connect(&refusalTimer, &QTimer::timeout, q, [this] { finishRefusal(); });
    QObject::connect(&connectTimer, &QTimer::timeout, q, [this] { startRequest(); });
    QObject::connect(&readTimer, &QTimer::timeout, q, [this] { onReadTimer(); });
    QObject::connect(&reinitTimer, &QTimer::timeout, q, [this] { onReinitTimer(); });
}

EventSource::Private::~Private()
{
    dropReply();
}

void EventSource::Private::setState(ReadyState newState)
{
    if (state == newState)
        return;
    state = newState;
    Q_EMIT q->readyStateChanged(state);
}

// Connections always start from the event loop, never inside a parser callback, so that the
// parser is never reset while it is still working through a chunk.
void EventSource::Private::scheduleConnect(qint64 delayMs)
{
    connectTimer.start(int(std::clamp<qint64>(delayMs, 0, MaxTimerMs)));
}

QNetworkRequest EventSource::Private::buildRequest() const
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-cache");
    request.setRawHeader("User-Agent", QByteArrayLiteral("ssedash/" SSEDASH_VERSION));
    // Set here, so that the network stack leaves decoding to ContentDecoder in every case.
    request.setRawHeader("Accept-Encoding",
            options.allowCompression ? ContentDecoder::acceptEncoding() : "identity");
    if (!lastEventId.isEmpty())
        request.setRawHeader("Last-Event-ID", lastEventId);
    if (!options.body.isEmpty()) {
        request.setRawHeader("Content-Type",
                Json::looksLikeJson(options.body) ? "application/json"
                                                  : "text/plain;charset=UTF-8");
    }
    for (const auto &[name, value] : options.headers)
        request.setRawHeader(name, value);

    request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(options.maxRedirects);
    request.setAttribute(
            QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    const auto control =
            options.withCredentials ? QNetworkRequest::Automatic : QNetworkRequest::Manual;
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, control);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, control);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, control);
    request.setTransferTimeout(0); // idle detection is ours: see onReadTimer()
    return request;
}

void EventSource::Private::startRequest()
{
    if (state != ReadyState::Connecting)
        return;
    dropReply();
    if (const UrlCheck check = checkHttpUrl(url); check != UrlCheck::Ok) {
        failConnection(SourceError::Kind::InvalidUrl,
                check == UrlCheck::NoHost
                        ? tr("\"%1\" has no host name.").arg(url.toDisplayString())
                        : tr("\"%1\" is not an http or https URL.").arg(url.toDisplayString()));
        return;
    }

    ++connections;
    parser.reset();
    parser.setLastEventId(lastEventId);
    parser.setMaxLineSize(options.maxLineSize);
    parser.setMaxEventSize(options.maxEventSize);
    parser.setKeepRaw(options.keepRawLines);
    responseChecked = false;
    tlsErrorsSeen = false;
    tlsErrorText.clear();
    redirects.clear();
    decoder.reset();

    if (customManager) {
        manager = customManager;
    } else {
        if (!pool) {
            // The shared pool lives in the main thread; a source elsewhere keeps its own.
            pool = QThread::currentThread() == QCoreApplication::instance()->thread()
                    ? NetworkPool::instance()
                    : new NetworkPool(q);
        }
        manager = pool->acquire(options.ignoreTlsErrors ? NetworkPool::Tls::IgnoreErrors
                                                        : NetworkPool::Tls::Verify);
    }

    const QNetworkRequest request = buildRequest();
    Q_EMIT q->connectionStarted(connections, lastEventId);
    Q_EMIT q->requestSent(requestInfo(request));
    if (state != ReadyState::Connecting || !manager)
        return; // a slot closed or restarted the source
    qCDebug(lcSseClient) << "connection" << connections << options.method
                         << Secrets::redactedUrl(url);
    if (options.method == "GET" && options.body.isEmpty())
        reply = manager->get(request);
    else
        reply = manager->sendCustomRequest(request, options.method, options.body);
    reply->setReadBufferSize(ReadBufferSize);

    QObject::connect(reply, &QNetworkReply::metaDataChanged, q, [this] { onMetaDataChanged(); });
    QObject::connect(reply, &QNetworkReply::readyRead, q, [this] { onReadyRead(); });
    QObject::connect(reply, &QNetworkReply::finished, q, [this] { onFinished(); });
    QObject::connect(reply, &QNetworkReply::redirected, q,
            [this](const QUrl &target) { redirects.append(target); });
#if QT_CONFIG(ssl)
    QObject::connect(reply, &QNetworkReply::sslErrors, q, [this](const QList<QSslError> &errors) {
        if (options.ignoreTlsErrors) {
            reply->ignoreSslErrors();
            return;
        }
        tlsErrorsSeen = true;
        QStringList texts;
        for (const QSslError &error : errors)
            texts.append(error.errorString());
        tlsErrorText = texts.join(u"; "_s);
    });
#endif

    lastBytes.start();
    if (options.readTimeout)
        readTimer.start(int(std::min<qint64>(options.readTimeout->count(), MaxTimerMs)));
}

// Gives the reply back without emitting anything more from it.
void EventSource::Private::releaseReply()
{
    readTimer.stop();
    refusalTimer.stop();
    readLaterTimer.stop();
    refusal.reset();
    if (reply) {
        QObject::disconnect(reply, nullptr, q, nullptr);
        reply->deleteLater();
    }
    reply = nullptr;
    if (manager && pool && manager != customManager)
        pool->release(manager);
    manager = nullptr;
}

void EventSource::Private::dropReply()
{
    if (reply && reply->isRunning()) {
        QObject::disconnect(reply, nullptr, q, nullptr);
        reply->abort();
    }
    releaseReply();
}

ResponseInfo EventSource::Private::responseInfo() const
{
    ResponseInfo info;
    info.connection = connections;
    info.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    info.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    info.httpVersion =
            reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool() ? "2" : "1.1";
    info.finalUrl = reply->url();
    info.redirects = redirects;
    info.headers = reply->rawHeaderPairs();
    info.receivedMs = QDateTime::currentMSecsSinceEpoch();
    info.contentEncoding = ContentDecoder::normalized(reply->rawHeader("Content-Encoding"));
    return info;
}

RequestInfo EventSource::Private::requestInfo(const QNetworkRequest &request) const
{
    RequestInfo info;
    info.connection = connections;
    info.method = options.method;
    info.url = url;
    for (const QByteArray &name : request.rawHeaderList())
        info.headers.append({name, request.rawHeader(name)});
    info.body = options.body;
    info.sentMs = QDateTime::currentMSecsSinceEpoch();
    return info;
}

bool EventSource::Private::rejectResponse(
        SourceError::Kind kind, const QString &message, int status)
{
    // Diagnostics want the headers of a refused response most of all (what was the type?),
    // and then its body, which often says what is wrong.
    refusal = Refusal{kind, message, status, responseInfo()};
    if (!decoder->isSupported()) {
        finishRefusal(); // a body that cannot be decoded tells nothing
        return false;
    }
    readTimer.stop();
    refusalTimer.start();
    readRefusedBody();
    return false;
}

void EventSource::Private::readRefusedBody()
{
    const QByteArray bytes = reply->readAll();
    const auto keep = [this](QByteArrayView piece) {
        ResponseInfo &response = refusal->response;
        const qsizetype room = ResponseInfo::MaxBodySize - response.body.size();
        response.body.append(piece.first(std::min(room, piece.size())));
        response.bodyTruncated = piece.size() > room;
        return !response.bodyTruncated;
    };
    // A body that stops decoding shows what decoded so far.
    if (!decoder->decode(bytes, keep))
        finishRefusal();
}

void EventSource::Private::finishRefusal()
{
    if (!refusal || !reply)
        return;
    const Refusal refused = *std::exchange(refusal, std::nullopt);
    refusalTimer.stop();
    QPointer<QNetworkReply> current = reply;
    Q_EMIT q->responseReceived(refused.response);
    if (current == reply && reply)
        failConnection(refused.kind, refused.message, refused.status);
}

bool EventSource::Private::checkResponse()
{
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.toInt();
    const QByteArray reason =
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    decoder = std::make_unique<ContentDecoder>(reply->rawHeader("Content-Encoding"));
    if (status != 200) {
        const QString message = status == 204
                ? tr("HTTP 204 No Content: the server asked the client to stop reconnecting.")
                : tr("HTTP %1 %2: an EventSource does not reconnect after an error status.")
                          .arg(status)
                          .arg(QString::fromUtf8(reason));
        return rejectResponse(SourceError::Kind::HttpStatus, message, status);
    }
    const QByteArray contentType = reply->rawHeader("Content-Type");
    if (mimeEssence(contentType) != "text/event-stream") {
        const QString shown = contentType.isEmpty()
                ? tr("missing")
                : u"\"%1\""_s.arg(QString::fromUtf8(contentType));
        return rejectResponse(SourceError::Kind::ContentType,
                tr("Content-Type is %1, not text/event-stream.").arg(shown), status);
    }
    if (!decoder->isSupported()) {
        return rejectResponse(SourceError::Kind::ContentEncoding,
                tr("The response came with Content-Encoding \"%1\" that ssedash cannot "
                   "decode (it decodes gzip, deflate and br).")
                        .arg(QString::fromUtf8(decoder->encoding())),
                status);
    }
    responseChecked = true;
    return true;
}

void EventSource::Private::announce()
{
    origin = serialisedOrigin(reply->url());
    openSince.start();
    const ResponseInfo info = responseInfo();
    QPointer<QNetworkReply> current = reply;
    setState(ReadyState::Open);
    Q_EMIT q->opened();
    if (current == reply)
        Q_EMIT q->responseReceived(info);
}

void EventSource::Private::onMetaDataChanged()
{
    if (responseChecked || refusal)
        return;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    // Redirects show up here before the manager follows them; the final response comes later.
    if (!status.isValid() || isFollowedRedirect(status.toInt()))
        return;
    if (checkResponse())
        announce();
}

void EventSource::Private::onReadyRead()
{
    if (refusal) {
        readRefusedBody();
        return;
    }
    if (!responseChecked) {
        onMetaDataChanged();
        if (!responseChecked)
            return; // a redirect body, or the connection just failed
    }
    readStream(TurnBudget);
}

// Reads in slices until the reply is empty or `budget` decoded bytes were parsed; then the
// rest waits in the reply for the next turn of the event loop. Reading until read() comes back
// empty matters: that read tells Qt the read buffer is free, and its network thread goes on.
void EventSource::Private::readStream(qint64 budget)
{
    const qint64 slice = decoder->encoding().isEmpty() ? ReadSlice : CompressedReadSlice;
    parsedThisTurn = 0;
    const QNetworkReply *const current = reply; // a slot may close the source or open it anew
    while (reply && reply == current) {
        if (parsedThisTurn >= budget) {
            readLaterTimer.start();
            return;
        }
        // Into a buffer of our own: a listener's nested event loop may read while this one is
        // still being parsed.
        QByteArray buffer = std::exchange(readBuffer, {});
        if (buffer.size() != slice)
            buffer.resize(slice);
        const qint64 size = reply->read(buffer.data(), slice);
        if (size <= 0) {
            readBuffer = std::move(buffer);
            return;
        }
        lastBytes.start();
        Q_EMIT q->bytesReceived(size);
        if (reply == current)
            feedStream(QByteArrayView(buffer.constData(), size));
        readBuffer = std::move(buffer);
    }
}

// Decodes the bytes piece by piece into the parser, so that a body that decompresses to far
// more never sits in memory whole.
void EventSource::Private::feedStream(QByteArrayView bytes)
{
    // One clock read per slice, not per event: its events all arrived by now.
    readMs = QDateTime::currentMSecsSinceEpoch();
    const auto parse = [this](QByteArrayView piece) {
        parsedThisTurn += piece.size();
        parser.feed(piece);
        return reply != nullptr; // a slot may have closed or restarted the source
    };
    if (decoder->decode(bytes, parse) || !decoder->hasError() || !reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    failConnection(SourceError::Kind::ContentEncoding,
            tr("%1 The stream cannot go on.").arg(decoder->errorString()), status);
}

void EventSource::Private::onFinished()
{
    if (!reply)
        return;
    if (refusal) {
        readRefusedBody();
        finishRefusal();
        return;
    }
    if (responseChecked)
        readStream(NoBudget); // the body has ended: what Qt holds is all there is
    if (!reply)
        return; // a slot closed the source, or a reconnect event dropped the connection

    const QNetworkReply::NetworkError error = reply->error();
    const QString errorText = reply->errorString();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    if (!responseChecked) {
        if (tlsErrorsSeen || error == QNetworkReply::SslHandshakeFailedError) {
            failConnection(SourceError::Kind::Tls,
                    tr("TLS error: %1").arg(tlsErrorText.isEmpty() ? errorText : tlsErrorText));
        } else if (error == QNetworkReply::TooManyRedirectsError) {
            failConnection(SourceError::Kind::TooManyRedirects,
                    tr("More than %1 redirects.").arg(options.maxRedirects), status);
        } else if (error == QNetworkReply::InsecureRedirectError) {
            failConnection(SourceError::Kind::TooManyRedirects,
                    tr("Refused a redirect from https to http."), status);
        } else if (status != 0) {
            if (checkResponse()) { // a 200 whose headers were never announced: stream ended
                reestablish(SourceError::Kind::StreamEnded,
                        tr("The server ended the stream before any data."), status);
            } else if (refusal) {
                finishRefusal(); // the whole body, if any, has been read
            }
        } else {
            reestablish(SourceError::Kind::Network, errorText);
        }
        return;
    }

    // The standard discards an event the stream ended inside of, silently: say so, as a
    // server that never sends the last blank line loses its last event in every browser.
    if (parser.hasUnfinishedEvent()) {
        this->error({ParseError::Kind::UnfinishedEvent, 0});
        if (!reply)
            return; // a slot closed the source
    }
    parser.finish();
    if (error == QNetworkReply::NoError)
        reestablish(SourceError::Kind::StreamEnded, tr("The server closed the stream."), status);
    else if (error == QNetworkReply::RemoteHostClosedError)
        reestablish(SourceError::Kind::Network, cutShortMessage(), status);
    else
        reestablish(SourceError::Kind::Network, errorText, status);
}

// Qt says only "Connection closed" when the connection ends before the body's framing does.
QString EventSource::Private::cutShortMessage() const
{
    const QByteArray length = reply->rawHeader("Content-Length");
    if (!length.isEmpty()) {
        return tr("The connection closed before the end of the body, whose Content-Length "
                  "announced %1 bytes: the server or a proxy cut the stream off.")
                .arg(QString::fromLatin1(length));
    }
    if (reply->rawHeader("Transfer-Encoding").toLower().contains("chunked")) {
        return tr("The connection closed inside the chunked body, before its last chunk: the "
                  "server or a proxy cut the stream off.");
    }
    return reply->errorString();
}

void EventSource::Private::onReadTimer()
{
    const qint64 idle = lastBytes.elapsed();
    const qint64 timeout = options.readTimeout.value_or(std::chrono::milliseconds(0)).count();
    if (idle < timeout) {
        readTimer.start(int(std::min<qint64>(timeout - idle, MaxTimerMs)));
        return;
    }
    dropReply();
    reestablish(SourceError::Kind::ReadTimeout,
            tr("No data for %1 ms: the connection is taken for dead.").arg(timeout));
}

void EventSource::Private::onReinitTimer()
{
    if (state != ReadyState::Closed)
        return;
    // Like a page creating a new EventSource: fresh id and reconnection time.
    setLastEventId(options.initialLastEventId);
    setReconnectionTime(options.reconnectionTime.count());
    failures = 0;
    setState(ReadyState::Connecting);
    scheduleConnect(0);
}

// The standard's "reestablish the connection", plus the optional policies.
void EventSource::Private::reestablish(SourceError::Kind kind, const QString &message, int status)
{
    const bool wasHealthy =
            openSince.isValid() && openSince.elapsed() >= options.policy.healthyAfter.count();
    openSince.invalidate();
    releaseReply();
    failures = wasHealthy ? 1 : failures + 1;

    const std::optional<int> maxAttempts = options.policy.maxAttempts;
    if (maxAttempts && *maxAttempts > 0 && failures >= *maxAttempts) {
        failConnection(SourceError::Kind::GaveUp,
                tr("%1 Gave up after %n failed attempt(s).", nullptr, failures).arg(message),
                status);
        return;
    }

    setState(ReadyState::Connecting);
    Q_EMIT q->errorOccurred({kind, false, httpStatus(status), message});
    if (state != ReadyState::Connecting)
        return; // a slot closed the source
    const qint64 delay = retryDelay();
    const auto reason =
            options.policy.backoff ? ReconnectReason::Backoff : ReconnectReason::ReconnectionTime;
    Q_EMIT q->reconnectScheduled(std::chrono::milliseconds(delay), reason);
    if (state == ReadyState::Connecting)
        scheduleConnect(delay);
}

// The standard's "fail the connection": closed for good, unless manual re-init is on.
void EventSource::Private::failConnection(
        SourceError::Kind kind, const QString &message, int status)
{
    openSince.invalidate();
    // Not abort(): this runs inside the reply's own signals, where QNAM may already be failing
    // it (an error status); deleting the reply aborts whatever is left.
    releaseReply();
    connectTimer.stop();
    setState(ReadyState::Closed);
    Q_EMIT q->errorOccurred({kind, true, httpStatus(status), message});
    if (state != ReadyState::Closed || !options.policy.manualReinit || reinitTimer.isActive())
        return;
    const qint64 delay = options.policy.reinitDelay.count();
    Q_EMIT q->reconnectScheduled(std::chrono::milliseconds(delay), ReconnectReason::ManualReinit);
    if (state == ReadyState::Closed)
        reinitTimer.start(int(std::clamp<qint64>(delay, 0, MaxTimerMs)));
}

qint64 EventSource::Private::retryDelay() const
{
    const ReconnectPolicy &policy = options.policy;
    if (!policy.backoff)
        return reconnectionTime;
    const double grown = double(reconnectionTime) * std::pow(policy.backoffFactor, failures - 1);
    double delay = std::min(grown, double(policy.backoffCap.count()));
    if (policy.jitter > 0) {
        const double spread = 2.0 * QRandomGenerator::global()->generateDouble() - 1.0;
        delay *= 1.0 + policy.jitter * spread;
    }
    return qint64(std::clamp(delay, 0.0, double(MaxTimerMs)));
}

void EventSource::Private::setLastEventId(QByteArrayView id)
{
    if (sameBytes(lastEventId, id))
        return;
    assignBytes(lastEventId, id);
    Q_EMIT q->lastEventIdChanged(lastEventId);
}

void EventSource::Private::setReconnectionTime(qint64 ms)
{
    if (reconnectionTime == ms)
        return;
    reconnectionTime = ms;
    Q_EMIT q->reconnectionTimeChanged(std::chrono::milliseconds(ms));
}

void EventSource::Private::event(const ParsedEvent &parsed)
{
    if (!reply)
        return; // the source was closed or restarted while this chunk was being parsed
    // Copy-on-write keeps the reuse safe: a listener that keeps the event (or a queued
    // connection) shares its buffers, and the next event then gets new ones.
    const bool nested = std::exchange(emittingEvent, true);
    Event fresh;
    Event &event = nested ? fresh : reusedEvent;
    fillEvent(event, parsed);
    Q_EMIT q->eventReceived(event);
    if (reply && event.type == "message")
        Q_EMIT q->messageReceived(event);
    // Not kept between events: the next id is written in place only while no one holds it.
    event.lastEventId = QByteArray();
    emittingEvent = nested;

    if (!reply || !options.policy.obeyReconnectEvent
            || event.type != options.policy.reconnectEventType) {
        return;
    }
    bool isNumber = false;
    const qint64 requested = event.data.trimmed().toLongLong(&isNumber);
    const qint64 delay = isNumber && requested >= 0 ? requested : reconnectionTime;
    openSince.invalidate();
    dropReply();
    setState(ReadyState::Connecting);
    Q_EMIT q->reconnectScheduled(std::chrono::milliseconds(delay), ReconnectReason::ServerRequest);
    if (state == ReadyState::Connecting)
        scheduleConnect(delay);
}

void EventSource::Private::fillEvent(Event &event, const ParsedEvent &parsed)
{
    if (!sameBytes(event.type, parsed.type))
        event.type = knownType(parsed.type);
    assignBytes(event.data, parsed.data);
    event.lastEventId = lastEventId;
    if (event.origin != origin)
        event.origin = origin;
    event.receivedMs = readMs;
    event.connection = connections;
    if (!parsed.raw.isEmpty() || !event.raw.isNull())
        assignBytes(event.raw, parsed.raw);
    event.hasIdField = parsed.hasIdField;
}

QByteArray EventSource::Private::knownType(QByteArrayView type)
{
    for (const QByteArray &known : std::as_const(knownTypes)) {
        if (sameBytes(known, type))
            return known;
    }
    QByteArray made = type.toByteArray();
    if (knownTypes.size() < KnownTypesMax)
        knownTypes.append(made);
    return made;
}

void EventSource::Private::comment(QByteArrayView text)
{
    if (!reply)
        return;
    Comment received;
    received.data = text.toByteArray();
    received.receivedMs = readMs;
    received.connection = connections;
    Q_EMIT q->commentReceived(received);
}

void EventSource::Private::retry(quint64 milliseconds, QByteArrayView digits)
{
    Q_UNUSED(digits)
    if (reply)
        setReconnectionTime(qint64(std::min<quint64>(milliseconds, quint64(MaxTimerMs))));
}

void EventSource::Private::lastEventIdChanged(QByteArrayView id)
{
    if (reply)
        setLastEventId(id);
}

void EventSource::Private::error(const ParseError &error)
{
    if (!reply)
        return;
    // Info, not a warning: parseErrorOccurred() is how it is reported, and an application that
    // shows it (ssedash-cli monitor prints it) would otherwise print it twice.
    qCInfo(lcSseClient) << Secrets::redactedUrl(url) << error.message();
    Q_EMIT q->parseErrorOccurred(error);
}

EventSource::EventSource(const QUrl &url, const SourceOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, url, options))
{ }

EventSource::~EventSource() = default;

QUrl EventSource::url() const
{
    return d->url;
}

const SourceOptions &EventSource::options() const
{
    return d->options;
}

void EventSource::setOptions(const SourceOptions &options)
{
    d->options = options;
}

void EventSource::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    d->customManager = manager;
}

EventSource::ReadyState EventSource::readyState() const
{
    return d->state;
}

QByteArray EventSource::lastEventId() const
{
    return d->lastEventId;
}

std::chrono::milliseconds EventSource::reconnectionTime() const
{
    return std::chrono::milliseconds(d->reconnectionTime);
}

int EventSource::connectionCount() const
{
    return d->connections;
}

int EventSource::reconnectCount() const
{
    return std::max(0, d->connections - 1);
}

QString EventSource::origin() const
{
    return d->origin;
}

bool EventSource::isConnectionScheduled() const
{
    return d->connectTimer.isActive() || d->reinitTimer.isActive();
}

void EventSource::open()
{
    if (d->state != ReadyState::Closed)
        return;
    d->reinitTimer.stop();
    d->failures = 0;
    d->setState(ReadyState::Connecting);
    d->scheduleConnect(0);
}

void EventSource::close()
{
    d->connectTimer.stop();
    d->reinitTimer.stop();
    d->openSince.invalidate();
    d->dropReply();
    d->setState(ReadyState::Closed);
}

void EventSource::reconnectNow()
{
    if (d->state == ReadyState::Closed && !d->reinitTimer.isActive()) {
        open();
        return;
    }
    d->reinitTimer.stop();
    d->openSince.invalidate();
    d->dropReply();
    d->failures = 0;
    d->setState(ReadyState::Connecting);
    Q_EMIT reconnectScheduled(std::chrono::milliseconds(0), ReconnectReason::Restart);
    if (d->state == ReadyState::Connecting)
        d->scheduleConnect(0);
}

} // namespace Sse
