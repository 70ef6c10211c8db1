// SPDX-License-Identifier: MIT
// The publisher: a front door that routes each connection, channels with history, feeds.
#include "publisher.h"

#include "httprequesthead.h"
#include "logging.h"
#include "streamclient.h"
#include "tokenstreamer.h"
#include "wire.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <deque>

using namespace Qt::Literals::StringLiterals;

namespace Sse {

namespace {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

constexpr int HeadTimeoutMs = 30000;
constexpr qsizetype MaxLastEventIdSize = 1024;
constexpr int DefaultTokenIntervalMs = 40;
constexpr int MaxTokenIntervalMs = 10000;
constexpr char LlmChannel[] = "/llm"; // the channel LLM clients report

/// Hands sockets that the front door has already accepted to QHttpServer.
class HandoffServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

    void hand(QTcpSocket *socket)
    {
        socket->setParent(this);
        addPendingConnection(socket);
        Q_EMIT newConnection();
        // The request bytes were only peeked at: let the server see them.
        QTimer::singleShot(0, socket, [socket] { Q_EMIT socket->readyRead(); });
    }
};

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray statusLine(int status)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
}

QByteArray headerLines(const HeaderList &headers)
{
    QByteArray out;
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    return out;
}

// RFC 9110: 1xx, 204 and 304 responses never have content.
bool statusHasBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

// QHttpServer's request and response header API changed in Qt 6.8 (QHttpHeaders).
QByteArray requestHeader(const QHttpServerRequest &request, const QByteArray &name)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    return request.headers().value(name).toByteArray();
#else
    return request.value(name);
#endif
}

void addHeaders(QHttpServerResponse &response, const HeaderList &headers)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders all = response.headers();
    for (const auto &[name, value] : headers)
        all.append(name, value);
    response.setHeaders(std::move(all));
#else
    for (const auto &[name, value] : headers)
        response.addHeader(name, value);
#endif
}

bool hasHeader(const QHttpServerResponse &response, const QByteArray &name)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    return response.headers().contains(name);
#else
    return response.hasHeader(name);
#endif
}

void setConnectionClose(QHttpServerResponse &response)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders all = response.headers();
    all.replaceOrAppend(QHttpHeaders::WellKnownHeader::Connection, "close");
    response.setHeaders(std::move(all));
#else
    response.setHeader("Connection", "close");
#endif
}

// The path a client subscribed to, for log lines.
QString pathOfClient(const StreamClient *client)
{
    return client->channel() == LlmChannel ? QString::fromLatin1(LlmChannel)
                                           : Publisher::pathOf(client->channel());
}

void abortSockets(QObject *owner)
{
    const auto sockets = owner->findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        socket->abort();
}

struct Channel
{
    explicit Channel(const QByteArray &name = {})
        : name(name)
    { }

    QByteArray name;
    std::deque<StoredEvent> history;
    QList<StreamClient *> clients;
    quint64 nextId = 1;
    qint64 eventsPublished = 0;
    qint64 eventsSent = 0;
    qint64 bytesSent = 0;
};

/// What a client that sent Last-Event-ID gets before the live events.
struct Resume
{
    QByteArray status; ///< X-SSE-Resume: "ok", "gap", or empty without Last-Event-ID
    QByteArray comment; ///< says what was lost, for a gap
    QList<StoredEvent> missed;
};

} // namespace

class Publisher::Private
{
public:
    Private(Publisher *q, const PublisherOptions &options);

    void setUpHttpRoutes();
    void finishHttpResponse(const QHttpServerRequest &request, QHttpServerResponse &response) const;
    [[nodiscard]] bool openHandoff();
    void acceptConnections();
    void route(QTcpSocket *socket);
    void serveChannel(QTcpSocket *socket, const HttpRequestHead &head);
    void serveTokens(QTcpSocket *socket, const HttpRequestHead &head);
    [[nodiscard]] bool readFaults(
            QTcpSocket *socket, const HttpRequestHead &head, StreamFaults *faults);
    [[nodiscard]] StreamClient *startStream(QTcpSocket *socket, const HttpRequestHead &head,
            const QByteArray &channel, const StreamFaults &faults, qint64 retryMs,
            const QByteArray &resumeStatus);
    void answer(QTcpSocket *socket, int status, const QByteArray &body, HeaderList headers = {});
    void answer(QTcpSocket *socket, const HttpRequestHead &head, int status, const QByteArray &body,
            const HeaderList &headers = {});
    [[nodiscard]] HeaderList corsHeaders(const QByteArray &origin) const;
    [[nodiscard]] QByteArray streamHead(const HttpRequestHead &head, const StreamFaults &faults,
            bool chunked, const QByteArray &resumeStatus) const;
    [[nodiscard]] Resume resumeFrom(const Channel &channel, const QByteArray &lastEventId) const;
    [[nodiscard]] QByteArray unknownChannelText(const QByteArray &what) const;
    [[nodiscard]] QByteArray nextId(Channel &channel) const;
    [[nodiscard]] QByteArray feedPayload(
            const QByteArray &type, const QByteArray &id, const QDateTime &now) const;
    void deliver(Channel &channel, StreamClient *client, const StoredEvent &event);
    void addClient(QList<StreamClient *> &list, StreamClient *client);
    void removeClient(StreamClient *client);
    void dropAllClients(bool notify);
    void applyFeedTimers();
    void sendHeartbeat();
    [[nodiscard]] Channel *channel(const QByteArray &name);
    [[nodiscard]] int totalClients() const;

    Publisher *const q;
    PublisherOptions options;
    StreamFaults defaultFaults;
    QTcpServer frontDoor;
    QHttpServer http;
    QPointer<HandoffServer> handoff;
    std::deque<Channel> channels; // deque: references stay valid as channels are added
    QList<StreamClient *> llmClients; // /llm
    QTimer feedTimer;
    QTimer heartbeatTimer;
    QElapsedTimer uptime;
    QString error;
};

Publisher::Private::Private(Publisher *q, const PublisherOptions &options)
    : q(q)
    , options(options)
{
    channels.emplace_back();
    for (const QByteArray &name : options.channels) {
        if (!channel(name))
            channels.emplace_back(name);
    }
    QObject::connect(&frontDoor, &QTcpServer::newConnection, q, [this] { acceptConnections(); });
    QObject::connect(&feedTimer, &QTimer::timeout, q, [this] { this->q->publishTick(); });
    QObject::connect(&heartbeatTimer, &QTimer::timeout, q, [this] { sendHeartbeat(); });
    setUpHttpRoutes();
}

Channel *Publisher::Private::channel(const QByteArray &name)
{
    for (Channel &c : channels) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

int Publisher::Private::totalClients() const
{
    qsizetype count = llmClients.size();
    for (const Channel &c : channels)
        count += c.clients.size();
    return int(count);
}

HeaderList Publisher::Private::corsHeaders(const QByteArray &origin) const
{
    if (options.allowOrigin.isEmpty())
        return {};
    if (!options.allowCredentials)
        return {{"Access-Control-Allow-Origin", options.allowOrigin}};
    // With credentials a browser refuses "*": name the origin, if it is allowed.
    const bool allowed = options.allowOrigin == "*" || options.allowOrigin == origin;
    if (!allowed || origin.isEmpty())
        return {};
    return {{"Access-Control-Allow-Origin", origin}, {"Access-Control-Allow-Credentials", "true"},
            {"Vary", "Origin"}};
}

QByteArray Publisher::Private::unknownChannelText(const QByteArray &what) const
{
    QStringList known;
    for (const Channel &c : channels)
        known.append(pathOf(c.name));
    return Publisher::tr("No channel %1. Channels: %2")
                   .arg(QString::fromUtf8(what), known.join(u", "_s))
                   .toUtf8()
            + '\n';
}

void Publisher::Private::setUpHttpRoutes()
{
    http.route(u"/"_s, QHttpServerRequest::Method::Get, [] {
        QFile page(u":/ssedash/publisher/index.html"_s);
        if (!page.open(QIODevice::ReadOnly))
            return QHttpServerResponse(QHttpServerResponder::StatusCode::NotFound);
        return QHttpServerResponse("text/html; charset=utf-8", page.readAll());
    });
    http.route(u"/stats"_s, QHttpServerRequest::Method::Get,
            [this] { return QHttpServerResponse(q->stats()); });
    http.route(u"/publish"_s, QHttpServerRequest::Method::Post,
            [this](const QHttpServerRequest &request) {
                const QUrlQuery query = request.query();
                const auto item = [&query](const QString &key) {
                    return query.queryItemValue(key, QUrl::FullyDecoded).toUtf8();
                };
                const QByteArray name = item(u"channel"_s);
                if (!channel(name)) {
                    return QHttpServerResponse("text/plain; charset=utf-8",
                            unknownChannelText("\"" + name + "\""),
                            QHttpServerResponder::StatusCode::NotFound);
                }
                bool retryOk = false;
                const qint64 retry = item(u"retry"_s).toLongLong(&retryOk);
                const QByteArray id = q->publish(name, request.body(), item(u"event"_s),
                        item(u"id"_s), retryOk ? retry : -1);
                return QHttpServerResponse(QJsonObject{
                        {u"id"_s, QString::fromUtf8(id)}, {u"clients"_s, q->clientCount(name)}});
            });
    const auto preflight = [this](const QHttpServerRequest &request) {
        QHttpServerResponse response(QHttpServerResponder::StatusCode::NoContent);
        const QByteArray asked = requestHeader(request, "Access-Control-Request-Headers");
        addHeaders(response, corsHeaders(requestHeader(request, "Origin")));
        addHeaders(response,
                {{"Access-Control-Allow-Methods", "GET, POST, OPTIONS"},
                        {"Access-Control-Allow-Headers",
                                asked.isEmpty() ? "Last-Event-ID, Cache-Control, Content-Type"
                                                : asked},
                        {"Access-Control-Max-Age", "600"}});
        return response;
    };
    for (const QString &path : {u"/events"_s, u"/publish"_s, u"/stats"_s, u"/llm"_s})
        http.route(path, QHttpServerRequest::Method::Options, preflight);
    http.route(u"/events/<arg>"_s, QHttpServerRequest::Method::Options,
            [preflight](const QString &, const QHttpServerRequest &request) {
                return preflight(request);
            });
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    http.addAfterRequestHandler(
            q, [this](const QHttpServerRequest &request, QHttpServerResponse &response) {
                finishHttpResponse(request, response);
            });
#else
    http.afterRequest([this](QHttpServerResponse &&response, const QHttpServerRequest &request) {
        finishHttpResponse(request, response);
        return std::move(response);
    });
#endif
}

void Publisher::Private::finishHttpResponse(
        const QHttpServerRequest &request, QHttpServerResponse &response) const
{
    // One request per connection: a browser that reuses a kept-alive connection for its
    // EventSource must come back through the front door, where streams are routed.
    setConnectionClose(response);
    if (!hasHeader(response, "Access-Control-Allow-Origin"))
        addHeaders(response, corsHeaders(requestHeader(request, "Origin")));
}

// QHttpServer only ever sees sockets handed over by the front door; its own listening server
// stays on loopback, as Qt 6.8's bind() wants one that listens.
bool Publisher::Private::openHandoff()
{
    if (handoff && handoff->isListening())
        return true;
    const bool bound = !handoff.isNull();
    if (!bound)
        handoff = new HandoffServer(&http);
    if (!handoff->listen(QHostAddress::LocalHost, 0)) {
        error = Publisher::tr("Cannot open the internal HTTP server: %1")
                        .arg(handoff->errorString());
        return false;
    }
    if (bound)
        return true;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    if (!http.bind(handoff)) {
        error = Publisher::tr("Cannot bind the internal HTTP server.");
        return false;
    }
#else
    http.bind(handoff);
#endif
    return true;
}

void Publisher::Private::acceptConnections()
{
    while (QTcpSocket *socket = frontDoor.nextPendingConnection()) {
        QObject::connect(socket, &QTcpSocket::readyRead, q, [this, socket] { route(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // A client that never finishes its request head is not kept for ever.
        QTimer::singleShot(HeadTimeoutMs, socket, [socket] {
            if (!socket->property("routed").toBool())
                socket->abort();
        });
    }
}

void Publisher::Private::route(QTcpSocket *socket)
{
    HttpRequestHead head;
    const auto status = HttpRequestHead::parse(socket->peek(HttpRequestHead::MaxSize + 4), head);
    if (status == HttpRequestHead::Status::Incomplete)
        return;
    QObject::disconnect(socket, &QTcpSocket::readyRead, q, nullptr);
    socket->setProperty("routed", true);
    if (status == HttpRequestHead::Status::Invalid) {
        answer(socket, 400, Publisher::tr("Malformed HTTP request.").toUtf8() + '\n');
        return;
    }
    const bool isChannel = head.path == "/events" || head.path.startsWith("/events/");
    const bool isRead = head.method == "GET" || head.method == "HEAD";
    if (isChannel && isRead) {
        socket->skip(head.size);
        serveChannel(socket, head);
    } else if (head.path == "/llm" && (isRead || head.method == "POST")) {
        socket->skip(head.size);
        serveTokens(socket, head);
    } else {
        QObject::disconnect(socket, &QTcpSocket::disconnected, socket, nullptr);
        handoff->hand(socket);
    }
}

void Publisher::Private::answer(
        QTcpSocket *socket, int status, const QByteArray &body, HeaderList headers)
{
    if (statusHasBody(status)) {
        headers += {{"Content-Type", "text/plain; charset=utf-8"},
                {"Content-Length", QByteArray::number(body.size())}};
    }
    headers += {{"Cache-Control", "no-cache"}, {"Connection", "close"}};
    socket->write(statusLine(status) + headerLines(headers) + "\r\n"
            + (statusHasBody(status) ? body : QByteArray()));
    socket->disconnectFromHost();
}

void Publisher::Private::answer(QTcpSocket *socket, const HttpRequestHead &head, int status,
        const QByteArray &body, const HeaderList &headers)
{
    answer(socket, status, body, headers + corsHeaders(head.header("Origin")));
}

QByteArray Publisher::Private::streamHead(const HttpRequestHead &head, const StreamFaults &faults,
        bool chunked, const QByteArray &resumeStatus) const
{
    HeaderList headers{
            {"Content-Type",
                    faults.contentType.isNull() ? QByteArray("text/event-stream; charset=utf-8")
                                                : faults.contentType},
            {"Cache-Control", "no-cache"}, {"X-Accel-Buffering", "no"},
            {"Connection", chunked ? "keep-alive" : "close"}};
    if (chunked)
        headers += {{"Transfer-Encoding", "chunked"}};
    if (!resumeStatus.isEmpty())
        headers += {{"X-SSE-Resume", resumeStatus}};
    headers += corsHeaders(head.header("Origin"));
    return statusLine(200) + headerLines(headers) + "\r\n";
}

Resume Publisher::Private::resumeFrom(const Channel &channel, const QByteArray &lastEventId) const
{
    // The latest event with that id: ids may repeat when publish() was given them.
    const auto found = std::find_if(channel.history.rbegin(), channel.history.rend(),
            [&](const StoredEvent &e) { return e.id == lastEventId; });
    if (found == channel.history.rend()) {
        const QByteArray oldest =
                channel.history.empty() ? QByteArray("none") : channel.history.front().id;
        return {"gap",
                "resume: Last-Event-ID " + lastEventId + " is not in the history (oldest kept: "
                        + oldest + "); events since then may be lost",
                {}};
    }
    Resume resume{"ok", {}, {}};
    for (auto it = found.base(); it != channel.history.end(); ++it)
        resume.missed.append(*it);
    return resume;
}

// Answers bad fault values (400) and the faults that replace the stream (status, redirect).
// Returns true when the stream goes ahead.
bool Publisher::Private::readFaults(
        QTcpSocket *socket, const HttpRequestHead &head, StreamFaults *faults)
{
    *faults = defaultFaults;
    QString problem;
    if (!faults->readQuery(head.query, &problem)) {
        answer(socket, head, 400, problem.toUtf8() + '\n');
        return false;
    }
    if (faults->status != 0) {
        answer(socket, head, faults->status,
                Publisher::tr("Status %1, as the status fault asks.").arg(faults->status).toUtf8()
                        + '\n');
        return false;
    }
    if (faults->redirect != 0) {
        QUrlQuery query = head.query;
        query.removeAllQueryItems(u"redirect"_s);
        QUrl location;
        location.setPath(QString::fromUtf8(head.path));
        location.setQuery(query);
        answer(socket, head, faults->redirect, {}, {{"Location", location.toEncoded()}});
        return false;
    }
    return true;
}

// Writes the response head and returns the client, or null when nothing more is to be sent
// (HEAD, or the peer is already gone).
StreamClient *Publisher::Private::startStream(QTcpSocket *socket, const HttpRequestHead &head,
        const QByteArray &channel, const StreamFaults &faults, qint64 retryMs,
        const QByteArray &resumeStatus)
{
    const bool chunked = head.version == "HTTP/1.1" && head.method != "HEAD";
    const QByteArray responseHead = streamHead(head, faults, chunked, resumeStatus);
    if (head.method == "HEAD" || socket->state() != QAbstractSocket::ConnectedState) {
        socket->write(responseHead);
        socket->disconnectFromHost();
        return nullptr;
    }
    QObject::disconnect(socket, &QTcpSocket::disconnected, socket, nullptr);
    auto *client = new StreamClient(socket, channel, faults, chunked, options.maxClientBacklog, q);
    client->start(responseHead, retryMs);
    return client;
}

void Publisher::Private::serveChannel(QTcpSocket *socket, const HttpRequestHead &head)
{
    const QByteArray name = head.path.mid(8); // after "/events/"
    Channel *target = head.path == "/events" ? &channels.front()
            : name.isEmpty()                 ? nullptr
                                             : channel(name);
    if (!target) {
        answer(socket, head, 404, unknownChannelText("at " + head.path));
        return;
    }
    const QByteArray lastEventId = head.header("Last-Event-ID");
    if (lastEventId.size() > MaxLastEventIdSize || lastEventId.contains('\0')) {
        answer(socket, head, 400,
                Publisher::tr("Malformed Last-Event-ID header: more than %1 bytes, or a NUL.")
                                .arg(MaxLastEventIdSize)
                                .toUtf8()
                        + '\n');
        return;
    }
    StreamFaults faults;
    if (!readFaults(socket, head, &faults))
        return;
    if (faults.closeAfter == 0)
        faults.closeAfter = options.feed.limit;

    const Resume resume = lastEventId.isEmpty() ? Resume() : resumeFrom(*target, lastEventId);
    const qint64 retry = faults.retryMs >= 0 ? faults.retryMs : options.feed.retryMs;
    StreamClient *client = startStream(socket, head, target->name, faults, retry, resume.status);
    if (!client)
        return;
    // What the client missed goes first: a slot on clientConnected may publish at once.
    if (!resume.comment.isEmpty())
        client->sendComment(resume.comment);
    for (const StoredEvent &event : resume.missed)
        deliver(*target, client, event);
    addClient(target->clients, client);
}

void Publisher::Private::serveTokens(QTcpSocket *socket, const HttpRequestHead &head)
{
    const QString style = head.query.queryItemValue(u"style"_s).toLower();
    if (!style.isEmpty() && style != "openai"_L1 && style != "anthropic"_L1) {
        answer(socket, head, 400,
                Publisher::tr("Query parameter style must be openai or anthropic.").toUtf8()
                        + '\n');
        return;
    }
    int intervalMs = DefaultTokenIntervalMs;
    QString problem;
    if (!StreamFaults::readNumber(
                head.query, u"interval"_s, 0, MaxTokenIntervalMs, intervalMs, &problem)) {
        answer(socket, head, 400, problem.toUtf8() + '\n');
        return;
    }
    StreamFaults faults;
    if (!readFaults(socket, head, &faults))
        return;
    StreamClient *client = startStream(socket, head, LlmChannel, faults, faults.retryMs, {});
    if (!client)
        return;
    addClient(llmClients, client);
    const auto kind = style == "anthropic"_L1 ? TokenStreamer::Style::Anthropic
                                              : TokenStreamer::Style::OpenAi;
    new TokenStreamer(client,
            TokenStreamer::script(kind, TokenStreamer::tokenize(TokenStreamer::paragraph())),
            std::chrono::milliseconds(intervalMs));
}

void Publisher::Private::deliver(Channel &channel, StreamClient *client, const StoredEvent &event)
{
    const qsizetype bytes = client->sendEvent(event);
    if (bytes > 0) {
        ++channel.eventsSent;
        channel.bytesSent += bytes;
    }
}

void Publisher::Private::addClient(QList<StreamClient *> &list, StreamClient *client)
{
    list.append(client);
    // The client is the context: should it be deleted first, the queued call is dropped.
    const auto remove = [this, client] {
        removeClient(client);
    };
    QObject::connect(client, &StreamClient::finished, client, remove, Qt::QueuedConnection);
    if (client->isFinished()) // it ended before it was added (the peer went at once)
        QMetaObject::invokeMethod(client, remove, Qt::QueuedConnection);
    qCInfo(lcSsePublisher).noquote()
            << "client" << client->peer() << "subscribed to" << pathOfClient(client);
    Q_EMIT q->clientConnected(client->peer(), client->channel());
    Q_EMIT q->clientCountChanged(totalClients());
}

void Publisher::Private::removeClient(StreamClient *client)
{
    bool removed = llmClients.removeOne(client);
    for (auto it = channels.begin(); !removed && it != channels.end(); ++it)
        removed = it->clients.removeOne(client);
    if (removed) {
        qCInfo(lcSsePublisher).noquote()
                << "client" << client->peer() << "left" << pathOfClient(client);
        Q_EMIT q->clientDisconnected(client->peer(), client->channel());
        Q_EMIT q->clientCountChanged(totalClients());
    }
    client->deleteLater();
}

// Ends every stream at once; signals only when `notify` (not from the destructor).
void Publisher::Private::dropAllClients(bool notify)
{
    QList<StreamClient *> all = std::exchange(llmClients, {});
    for (Channel &c : channels)
        all += std::exchange(c.clients, {});
    for (StreamClient *client : std::as_const(all)) {
        if (notify)
            Q_EMIT q->clientDisconnected(client->peer(), client->channel());
        delete client;
    }
    if (notify && !all.isEmpty())
        Q_EMIT q->clientCountChanged(0);
}

QByteArray Publisher::Private::nextId(Channel &channel) const
{
    switch (options.feed.ids) {
    case FeedSettings::Ids::Counter:
        return QByteArray::number(channel.nextId++);
    case FeedSettings::Ids::Uuid:
        return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    case FeedSettings::Ids::None:
        break;
    }
    return {};
}

QByteArray Publisher::Private::feedPayload(
        const QByteArray &type, const QByteArray &id, const QDateTime &now) const
{
    if (options.feed.payload == FeedSettings::Payload::ClockText)
        return "send data: " + now.toString(u"yyyy-MM-dd HH:mm:ss"_s).toUtf8();
    const QJsonObject message{{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {u"type"_s, type.isEmpty() ? u"message"_s : QString::fromUtf8(type)},
            {u"timestamp"_s, now.toString(Qt::ISODateWithMs)},
            {u"payload"_s,
                    QJsonObject{{u"sequence"_s, QString::fromUtf8(id)},
                            {u"status"_s, u"connected"_s}}}};
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

void Publisher::Private::applyFeedTimers()
{
    const FeedSettings &feed = options.feed;
    if (feed.interval.count() > 0 && frontDoor.isListening())
        feedTimer.start(feed.interval);
    else
        feedTimer.stop();
    if (feed.heartbeat.count() > 0 && frontDoor.isListening())
        heartbeatTimer.start(feed.heartbeat);
    else
        heartbeatTimer.stop();
}

void Publisher::Private::sendHeartbeat()
{
    for (Channel &c : channels) {
        for (StreamClient *client : std::as_const(c.clients))
            client->sendComment("heartbeat");
    }
}

Publisher::Publisher(const PublisherOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, options))
{ }

Publisher::~Publisher()
{
    d->feedTimer.stop();
    d->heartbeatTimer.stop();
    d->dropAllClients(false);
}

bool Publisher::listen()
{
    if (d->frontDoor.isListening())
        return true;
    if (!d->frontDoor.listen(d->options.address, d->options.port)) {
        d->error = tr("Cannot listen on %1 port %2: %3")
                           .arg(d->options.address.toString())
                           .arg(d->options.port)
                           .arg(d->frontDoor.errorString());
        return false;
    }
    if (!d->openHandoff()) {
        d->frontDoor.close();
        return false;
    }
    d->uptime.start();
    d->applyFeedTimers();
    qCInfo(lcSsePublisher).noquote() << "publishing on" << url().toString();
    return true;
}

void Publisher::close()
{
    d->feedTimer.stop();
    d->heartbeatTimer.stop();
    d->frontDoor.close();
    abortSockets(&d->frontDoor); // connections whose request head has not come yet
    if (d->handoff) {
        d->handoff->close();
        abortSockets(d->handoff);
    }
    d->dropAllClients(true);
}

bool Publisher::isListening() const
{
    return d->frontDoor.isListening();
}

quint16 Publisher::port() const
{
    return d->frontDoor.serverPort();
}

QUrl Publisher::url(const QString &path) const
{
    QUrl url;
    url.setScheme(u"http"_s);
    const QHostAddress address = d->frontDoor.serverAddress();
    url.setHost(address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ? u"127.0.0.1"_s
                    : address == QHostAddress::AnyIPv6                           ? u"::1"_s
                                                       : address.toString());
    url.setPort(port());
    url.setPath(path.isEmpty() ? u"/"_s : path);
    return url;
}

QString Publisher::errorString() const
{
    return d->error;
}

const PublisherOptions &Publisher::options() const
{
    return d->options;
}

void Publisher::setFeed(const FeedSettings &feed)
{
    d->options.feed = feed;
    d->applyFeedTimers();
}

void Publisher::setDefaultFaults(const StreamFaults &faults)
{
    d->defaultFaults = faults;
}

StreamFaults Publisher::defaultFaults() const
{
    return d->defaultFaults;
}

QByteArrayList Publisher::channels() const
{
    QByteArrayList names;
    for (const Channel &c : d->channels)
        names.append(c.name);
    return names;
}

void Publisher::addChannel(const QByteArray &name)
{
    if (!d->channel(name))
        d->channels.emplace_back(name);
}

QString Publisher::pathOf(const QByteArray &channel)
{
    return channel.isEmpty() ? u"/events"_s : u"/events/"_s + QString::fromUtf8(channel);
}

int Publisher::clientCount() const
{
    return d->totalClients();
}

int Publisher::clientCount(const QByteArray &channel) const
{
    if (channel == LlmChannel)
        return int(d->llmClients.size());
    const Channel *c = d->channel(channel);
    return c ? int(c->clients.size()) : 0;
}

QJsonObject Publisher::stats() const
{
    QJsonArray channels;
    for (const Channel &c : d->channels) {
        channels.append(QJsonObject{{u"name"_s, QString::fromUtf8(c.name)},
                {u"path"_s, pathOf(c.name)}, {u"clients"_s, int(c.clients.size())},
                {u"eventsPublished"_s, c.eventsPublished}, {u"eventsSent"_s, c.eventsSent},
                {u"bytesSent"_s, c.bytesSent}, {u"history"_s, qint64(c.history.size())}});
    }
    return QJsonObject{{u"clients"_s, clientCount()}, {u"llmClients"_s, int(d->llmClients.size())},
            {u"uptimeMs"_s, d->uptime.isValid() ? d->uptime.elapsed() : 0},
            {u"channels"_s, channels}};
}

QByteArray Publisher::publish(const QByteArray &channel, const QByteArray &data,
        const QByteArray &type, const QByteArray &id, qint64 retryMs)
{
    addChannel(channel);
    Channel &target = *d->channel(channel);
    const QByteArray eventId = id.isEmpty() ? d->nextId(target) : id;
    QByteArray eventType = type;
    if (eventType.isEmpty())
        eventType = channel.isEmpty() ? d->options.feed.eventName : channel;

    const StoredEvent event{
            eventId, eventType, data, retryMs, Wire::event(data, eventType, eventId, retryMs)};
    ++target.eventsPublished;
    for (StreamClient *client : std::as_const(target.clients))
        d->deliver(target, client, event);
    if (!eventId.isEmpty() && d->options.historySize > 0) {
        target.history.push_back(event);
        while (qsizetype(target.history.size()) > d->options.historySize)
            target.history.pop_front();
    }
    return eventId;
}

void Publisher::publishTick()
{
    const QDateTime now = QDateTime::currentDateTime();
    for (Channel &c : d->channels) {
        const QByteArray id = d->nextId(c);
        const QByteArray type = c.name.isEmpty() ? d->options.feed.eventName : c.name;
        publish(c.name, d->feedPayload(type, id, now), type, id);
    }
}

} // namespace Sse
