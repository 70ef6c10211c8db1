// SPDX-License-Identifier: MIT
// The publisher: a front door that routes each connection, channels with history, feeds.
#include "publisher.h"

#include "httprequesthead.h"
#include "logging.h"
#include "streamclient.h"
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

constexpr int HeadTimeoutMs = 30000;
constexpr qsizetype MaxLastEventIdSize = 1024;

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

QByteArray headerLines(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray out;
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    return out;
}

struct Channel
{
    QByteArray name;
    std::deque<StoredEvent> history;
    QList<StreamClient *> clients;
    quint64 nextId = 1;
    qint64 eventsPublished = 0;
    qint64 eventsSent = 0;
    qint64 bytesSent = 0;
};

} // namespace

class Publisher::Private
{
public:
    Private(Publisher *q, const PublisherOptions &options);

    void setUpHttpRoutes();
    void onNewConnection();
    void route(QTcpSocket *socket);
    void serveStream(QTcpSocket *socket, const HttpRequestHead &head);
    void answer(QTcpSocket *socket, int status, const QByteArray &body,
            QList<QPair<QByteArray, QByteArray>> headers = {});
    [[nodiscard]] QList<QPair<QByteArray, QByteArray>> corsHeaders(const QByteArray &origin) const;
    [[nodiscard]] QByteArray streamHead(const HttpRequestHead &head, const StreamFaults &faults,
            bool chunked, const QByteArray &resume) const;
    [[nodiscard]] QByteArray resumePreamble(
            Channel &channel, const QByteArray &lastEventId, QByteArray *resume) const;
    [[nodiscard]] QByteArray nextId(Channel &channel) const;
    [[nodiscard]] QByteArray feedPayload(const Channel &channel, const QByteArray &id) const;
    void addClient(Channel &channel, StreamClient *client);
    void removeClient(StreamClient *client);
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
    QTimer feedTimer;
    QTimer heartbeatTimer;
    QElapsedTimer uptime;
    QString error;
};

Publisher::Private::Private(Publisher *q, const PublisherOptions &options)
    : q(q)
    , options(options)
{
    channels.push_back({});
    for (const QByteArray &name : options.channels)
        channels.push_back({name, {}, {}, 1, 0, 0, 0});
    QObject::connect(&frontDoor, &QTcpServer::newConnection, q, [this] { onNewConnection(); });
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
    int count = 0;
    for (const Channel &c : channels)
        count += int(c.clients.size());
    return count;
}

QList<QPair<QByteArray, QByteArray>> Publisher::Private::corsHeaders(const QByteArray &origin) const
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
                const QByteArray name = query.queryItemValue(u"channel"_s).toUtf8();
                if (!channel(name)) {
                    return QHttpServerResponse("text/plain; charset=utf-8", "Unknown channel.\n",
                            QHttpServerResponder::StatusCode::NotFound);
                }
                bool retryOk = false;
                const qint64 retry = query.queryItemValue(u"retry"_s).toLongLong(&retryOk);
                const QByteArray id =
                        q->publish(name, request.body(), query.queryItemValue(u"event"_s).toUtf8(),
                                query.queryItemValue(u"id"_s).toUtf8(), retryOk ? retry : -1);
                return QHttpServerResponse(QJsonObject{
                        {u"id"_s, QString::fromUtf8(id)}, {u"clients"_s, q->clientCount(name)}});
            });
    const auto preflight = [this](const QHttpServerRequest &request) {
        QHttpServerResponse response(QHttpServerResponder::StatusCode::NoContent);
        for (auto [name, value] : corsHeaders(request.value("Origin")))
            response.addHeader(std::move(name), std::move(value));
        response.addHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        const QByteArray asked = request.value("Access-Control-Request-Headers");
        response.addHeader("Access-Control-Allow-Headers",
                asked.isEmpty() ? QByteArray("Last-Event-ID, Cache-Control, Content-Type") : asked);
        response.addHeader("Access-Control-Max-Age", "600");
        return response;
    };
    for (const QString &path : {u"/events"_s, u"/events/<arg>"_s, u"/publish"_s, u"/stats"_s}) {
        if (path.contains(u'<')) {
            http.route(path, QHttpServerRequest::Method::Options,
                    [preflight](const QString &, const QHttpServerRequest &request) {
                        return preflight(request);
                    });
        } else {
            http.route(path, QHttpServerRequest::Method::Options, preflight);
        }
    }
    // One request per connection: a browser that reuses a kept-alive connection for its
    // EventSource must come back through the front door, where streams are routed.
    http.afterRequest([this](QHttpServerResponse &&response, const QHttpServerRequest &request) {
        response.setHeader("Connection", "close");
        if (!response.hasHeader("Access-Control-Allow-Origin")) {
            for (auto [name, value] : corsHeaders(request.value("Origin")))
                response.addHeader(std::move(name), std::move(value));
        }
        return std::move(response);
    });
}

void Publisher::Private::onNewConnection()
{
    while (QTcpSocket *socket = frontDoor.nextPendingConnection()) {
        QObject::connect(socket, &QTcpSocket::readyRead, q, [this, socket] { route(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // A client that never finishes its request head is not kept for ever.
        QTimer::singleShot(HeadTimeoutMs, socket, [socket] {
            if (socket->parent() && !socket->property("routed").toBool())
                socket->abort();
        });
    }
}

void Publisher::Private::route(QTcpSocket *socket)
{
    HttpRequestHead head;
    switch (HttpRequestHead::parse(socket->peek(HttpRequestHead::MaxSize + 4), head)) {
    case HttpRequestHead::Status::Incomplete:
        return;
    case HttpRequestHead::Status::Invalid:
        QObject::disconnect(socket, &QTcpSocket::readyRead, q, nullptr);
        socket->setProperty("routed", true);
        answer(socket, 400, "Malformed HTTP request.\n");
        return;
    case HttpRequestHead::Status::Complete:
        break;
    }
    QObject::disconnect(socket, &QTcpSocket::readyRead, q, nullptr);
    socket->setProperty("routed", true);
    const bool isStream = head.path == "/events" || head.path.startsWith("/events/");
    if (isStream && (head.method == "GET" || head.method == "HEAD")) {
        socket->read(head.size);
        serveStream(socket, head);
        return;
    }
    QObject::disconnect(socket, &QTcpSocket::disconnected, socket, nullptr);
    handoff->hand(socket);
}

void Publisher::Private::answer(QTcpSocket *socket, int status, const QByteArray &body,
        QList<QPair<QByteArray, QByteArray>> headers)
{
    headers += {{"Content-Type", "text/plain; charset=utf-8"},
            {"Content-Length", QByteArray::number(body.size())}, {"Cache-Control", "no-cache"},
            {"Connection", "close"}};
    socket->write(statusLine(status) + headerLines(headers) + "\r\n" + body);
    socket->disconnectFromHost();
}

QByteArray Publisher::Private::streamHead(const HttpRequestHead &head, const StreamFaults &faults,
        bool chunked, const QByteArray &resume) const
{
    QList<QPair<QByteArray, QByteArray>> headers{
            {"Content-Type",
                    faults.contentType.isNull() ? QByteArray("text/event-stream; charset=utf-8")
                                                : faults.contentType},
            {"Cache-Control", "no-cache"}, {"X-Accel-Buffering", "no"},
            {"Connection", chunked ? "keep-alive" : "close"}};
    if (chunked)
        headers += {{"Transfer-Encoding", "chunked"}};
    if (!resume.isEmpty())
        headers += {{"X-SSE-Resume", resume}};
    headers += corsHeaders(head.header("Origin"));
    return statusLine(200) + headerLines(headers) + "\r\n";
}

// The events a client with Last-Event-ID missed, or a comment that says they are lost.
QByteArray Publisher::Private::resumePreamble(
        Channel &channel, const QByteArray &lastEventId, QByteArray *resume) const
{
    const auto found = std::find_if(channel.history.begin(), channel.history.end(),
            [&](const StoredEvent &e) { return e.id == lastEventId; });
    if (found == channel.history.end()) {
        *resume = "gap";
        const QByteArray oldest =
                channel.history.empty() ? QByteArray("none") : channel.history.front().id;
        const QByteArray text = "resume: Last-Event-ID " + lastEventId
                + " is not in the history (oldest kept: " + oldest
                + "); events since then may be lost";
        return Wire::comment(text);
    }
    *resume = "ok";
    QByteArray missed;
    for (auto it = std::next(found); it != channel.history.end(); ++it)
        missed += it->wire;
    return missed;
}

void Publisher::Private::serveStream(QTcpSocket *socket, const HttpRequestHead &head)
{
    const QByteArray name = head.path == "/events" ? QByteArray() : head.path.mid(8);
    Channel *target = channel(name);
    if (!target) {
        QByteArrayList known;
        for (const Channel &c : channels)
            known.append(pathOf(c.name).toUtf8());
        answer(socket, 404, "No channel at " + head.path + ". Channels: " + known.join(", ") + "\n",
                corsHeaders(head.header("Origin")));
        return;
    }
    StreamFaults faults = defaultFaults;
    QString error;
    if (!faults.readQuery(head.query, &error)) {
        answer(socket, 400, error.toUtf8() + '\n', corsHeaders(head.header("Origin")));
        return;
    }
    const QByteArray lastEventId = head.header("Last-Event-ID");
    if (lastEventId.size() > MaxLastEventIdSize || lastEventId.contains('\0')) {
        answer(socket, 400, "Malformed Last-Event-ID header.\n");
        return;
    }
    if (faults.status != 0) {
        answer(socket, faults.status,
                "Status " + QByteArray::number(faults.status) + " asked for by the status fault.\n",
                corsHeaders(head.header("Origin")));
        return;
    }
    if (faults.redirect != 0) {
        QUrlQuery query = head.query;
        query.removeAllQueryItems(u"redirect"_s);
        QUrl location;
        location.setPath(QString::fromUtf8(head.path));
        location.setQuery(query);
        answer(socket, faults.redirect, {}, {{"Location", location.toEncoded()}});
        return;
    }
    if (faults.closeAfter == 0)
        faults.closeAfter = options.feed.limit;

    QByteArray resume;
    QByteArray preamble;
    const qint64 retry = faults.retryMs >= 0 ? faults.retryMs : options.feed.retryMs;
    if (retry >= 0)
        preamble += Wire::retry(retry);
    if (!lastEventId.isEmpty())
        preamble += resumePreamble(*target, lastEventId, &resume);

    const bool chunked = head.version == "HTTP/1.1";
    auto *client = new StreamClient(socket, name, faults, chunked, options.maxClientBacklog, q);
    QObject::disconnect(socket, &QTcpSocket::disconnected, socket, nullptr);
    client->start(streamHead(head, faults, chunked, resume), preamble);
    addClient(*target, client);
    if (head.method == "HEAD")
        client->finish();
}

void Publisher::Private::addClient(Channel &channel, StreamClient *client)
{
    channel.clients.append(client);
    QObject::connect(
            client, &StreamClient::finished, q,
            [this](StreamClient *finished) { removeClient(finished); }, Qt::QueuedConnection);
    qCInfo(lcSsePublisher).noquote()
            << "client" << client->peer() << "subscribed to" << pathOf(channel.name);
    Q_EMIT q->clientConnected(client->peer(), channel.name);
    Q_EMIT q->clientCountChanged(totalClients());
}

void Publisher::Private::removeClient(StreamClient *client)
{
    for (Channel &c : channels) {
        if (!c.clients.removeOne(client))
            continue;
        qCInfo(lcSsePublisher).noquote() << "client" << client->peer() << "left" << pathOf(c.name);
        Q_EMIT q->clientDisconnected(client->peer(), c.name);
        Q_EMIT q->clientCountChanged(totalClients());
        break;
    }
    client->deleteLater();
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

QByteArray Publisher::Private::feedPayload(const Channel &channel, const QByteArray &id) const
{
    const QDateTime now = QDateTime::currentDateTime();
    if (options.feed.payload == FeedSettings::Payload::ClockText)
        return "send data: " + now.toString(u"yyyy-MM-dd HH:mm:ss"_s).toUtf8();
    const QJsonObject message{{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {u"type"_s, channel.name.isEmpty() ? u"message"_s : QString::fromUtf8(channel.name)},
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
    const QByteArray heartbeat = Wire::comment("heartbeat");
    for (Channel &c : channels) {
        for (StreamClient *client : std::as_const(c.clients))
            client->sendRaw(heartbeat);
    }
}

Publisher::Publisher(const PublisherOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, options))
{ }

Publisher::~Publisher()
{
    close();
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
    // QHttpServer only ever sees sockets handed over by the front door; its own listening
    // server stays on loopback, as Qt 6.8's bind() wants one that listens.
    d->handoff = new HandoffServer;
    if (!d->handoff->listen(QHostAddress::LocalHost, 0)) {
        d->error = tr("Cannot open the internal HTTP server: %1").arg(d->handoff->errorString());
        delete d->handoff;
        d->frontDoor.close();
        return false;
    }
    d->http.bind(d->handoff);
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
    if (d->handoff)
        d->handoff->close();
    for (Channel &c : d->channels) {
        const QList<StreamClient *> clients = c.clients;
        c.clients.clear();
        for (StreamClient *client : clients)
            delete client;
    }
    Q_EMIT clientCountChanged(0);
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
    url.setHost(address == QHostAddress::Any || address == QHostAddress::AnyIPv4
                    ? u"127.0.0.1"_s
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
        d->channels.push_back({name, {}, {}, 1, 0, 0, 0});
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
    return QJsonObject{{u"clients"_s, clientCount()},
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

    StoredEvent event{eventId, eventType, data, Wire::event(data, eventType, eventId, retryMs)};
    ++target.eventsPublished;
    for (StreamClient *client : std::as_const(target.clients)) {
        client->sendEvent(event);
        ++target.eventsSent;
        target.bytesSent += event.wire.size();
    }
    if (!eventId.isEmpty() && d->options.historySize > 0) {
        target.history.push_back(std::move(event));
        if (qsizetype(target.history.size()) > d->options.historySize) {
            target.history.pop_front();
        }
    }
    return eventId;
}

void Publisher::publishTick()
{
    for (Channel &c : d->channels) {
        const QByteArray id = d->nextId(c);
        publish(c.name, d->feedPayload(c, id), {}, id.isEmpty() ? QByteArray() : id);
    }
}

} // namespace Sse
