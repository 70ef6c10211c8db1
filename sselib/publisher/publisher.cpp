// SPDX-License-Identifier: MIT
// The publisher: channels with history, clients, the generator; streams and routes beside it.
#include "publisher.h"

#include "publisher_p.h"

#include "sselib/logging_p.h"
#include "sselib/wire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Sse {

namespace {

using PublisherDetail::Channel;
using PublisherDetail::LlmPath;

constexpr int ListenBacklog = 1024;

} // namespace

Publisher::Private::Private(Publisher *q, const PublisherOptions &options)
    : q(q)
    , options(options)
    , routes(this)
{
    channels.emplace_back();
    for (const QByteArray &name : options.channels) {
        if (!channel(name))
            channels.emplace_back(name);
    }
    // Hundreds of clients that connect at once are queued, not turned away (the default is 50).
    frontDoor.setListenBacklogSize(ListenBacklog);
    QObject::connect(&frontDoor, &QTcpServer::newConnection, q, [this] { acceptConnections(); });
    QObject::connect(&generatorTimer, &QTimer::timeout, q, [this] { this->q->publishTick(); });
    QObject::connect(&heartbeatTimer, &QTimer::timeout, q, [this] { sendHeartbeat(); });
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

Publisher::Private::HeaderList Publisher::Private::corsHeaders(const QByteArray &origin) const
{
    return PublisherDetail::corsHeaders(options, origin);
}

QByteArray Publisher::Private::unknownChannelText(const QByteArray &what) const
{
    QStringList known;
    for (const Channel &c : channels)
        known.append(Publisher::pathOf(c.name));
    return Publisher::tr("No channel %1. Channels: %2")
                   .arg(QString::fromUtf8(what), known.join(u", "_s))
                   .toUtf8()
            + '\n';
}

QJsonObject Publisher::Private::stats() const
{
    return q->stats();
}

bool Publisher::Private::hasChannel(const QByteArray &name) const
{
    return std::any_of(
            channels.begin(), channels.end(), [&name](const Channel &c) { return c.name == name; });
}

QByteArray Publisher::Private::publish(const QByteArray &channel, const QByteArray &data,
        const QByteArray &type, const QByteArray &id,
        std::optional<std::chrono::milliseconds> retry)
{
    return q->publish(channel, data, type, id, retry);
}

int Publisher::Private::clientCount(const QByteArray &channel) const
{
    return q->clientCount(channel);
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
    qCInfo(lcSsePublisher).noquote() << "client" << client->peer() << "subscribed to"
                                     << Publisher::streamPath(client->channel());
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
                << "client" << client->peer() << "left" << Publisher::streamPath(client->channel());
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
    switch (options.generator.ids) {
    case GeneratorSettings::Ids::Counter:
        return QByteArray::number(channel.nextId++);
    case GeneratorSettings::Ids::Uuid:
        return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    case GeneratorSettings::Ids::None:
        break;
    }
    return {};
}

QByteArray Publisher::Private::generatedPayload(
        const QByteArray &type, const QByteArray &id, const QDateTime &now) const
{
    if (options.generator.payload == GeneratorSettings::Payload::ClockText)
        return "send data: " + now.toString(u"yyyy-MM-dd HH:mm:ss"_s).toUtf8();
    const QJsonObject message{{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {u"type"_s, type.isEmpty() ? u"message"_s : QString::fromUtf8(type)},
            {u"timestamp"_s, now.toString(Qt::ISODateWithMs)},
            {u"payload"_s,
                    QJsonObject{{u"sequence"_s, QString::fromUtf8(id)},
                            {u"status"_s, u"connected"_s}}}};
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

void Publisher::Private::applyGeneratorTimers()
{
    const GeneratorSettings &generator = options.generator;
    if (generator.interval.count() > 0 && frontDoor.isListening())
        generatorTimer.start(generator.interval);
    else
        generatorTimer.stop();
    if (generator.heartbeat.count() > 0 && frontDoor.isListening())
        heartbeatTimer.start(generator.heartbeat);
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
    d->generatorTimer.stop();
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
    if (const PublisherRoutes::OpenResult opened = d->routes.open(); !opened.ok) {
        d->error = opened.error;
        d->frontDoor.close();
        return false;
    }
    d->uptime.start();
    d->applyGeneratorTimers();
    qCInfo(lcSsePublisher).noquote() << "publishing on" << url().toString();
    // Anything but loopback exposes every channel and POST /publish to the network: say so.
    if (!d->options.address.isLoopback()) {
        qCWarning(lcSsePublisher).noquote()
                << "listening on" << d->options.address.toString()
                << "- not only on loopback: anyone on the network can connect, read every"
                   " channel and publish events";
    }
    return true;
}

void Publisher::close()
{
    d->generatorTimer.stop();
    d->heartbeatTimer.stop();
    d->frontDoor.close();
    // connections whose request head has not come yet
    PublisherDetail::abortSockets(&d->frontDoor);
    d->routes.close();
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
    return urlOf(d->frontDoor.serverAddress(), port(), path);
}

QUrl Publisher::channelUrl(const QByteArray &channel) const
{
    return url(pathOf(channel));
}

QUrl Publisher::urlOf(const QHostAddress &address, quint16 port, const QString &path)
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ? u"127.0.0.1"_s
                    : address == QHostAddress::AnyIPv6                           ? u"::1"_s
                                                       : address.toString());
    if (port != 0)
        url.setPort(port);
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

void Publisher::setGenerator(const GeneratorSettings &generator)
{
    d->options.generator = generator;
    d->applyGeneratorTimers();
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

QString Publisher::llmPath()
{
    return QString::fromLatin1(LlmPath);
}

QString Publisher::streamPath(const QByteArray &channel)
{
    return channel == LlmPath ? llmPath() : pathOf(channel);
}

int Publisher::clientCount() const
{
    return d->totalClients();
}

int Publisher::clientCount(const QByteArray &channel) const
{
    if (channel == LlmPath)
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
        const QByteArray &type, const QByteArray &id,
        std::optional<std::chrono::milliseconds> retry)
{
    addChannel(channel);
    Channel &target = *d->channel(channel);
    const QByteArray eventId = id.isEmpty() ? d->nextId(target) : id;
    QByteArray eventType = type;
    if (eventType.isEmpty())
        eventType = channel.isEmpty() ? d->options.generator.eventName : channel;

    if (retry && retry->count() < 0)
        retry.reset(); // as the wire has it: a negative retry is no retry field
    const StoredEvent event{
            eventId, eventType, data, retry, Wire::event(data, eventType, eventId, retry)};
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
        const QByteArray type = c.name.isEmpty() ? d->options.generator.eventName : c.name;
        publish(c.name, d->generatedPayload(type, id, now), type, id);
    }
}

} // namespace Sse
