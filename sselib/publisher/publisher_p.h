// SPDX-License-Identifier: MIT
// Publisher::Private and the helpers its sources share; internal to ssepublisher.
#pragma once

#include "publisher.h"
#include "publisherhttp_p.h"
#include "publisherroutes_p.h"
#include "streamclient_p.h"

#include "sselib/headers.h"
#include "sselib/httprequesthead_p.h"

#include <QElapsedTimer>
#include <QList>
#include <QTcpServer>
#include <QTimer>

#include <deque>

QT_BEGIN_NAMESPACE
class QDateTime;
class QTcpSocket;
QT_END_NAMESPACE

namespace Sse {

namespace PublisherDetail {

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

} // namespace PublisherDetail

class Publisher::Private final : public PublisherDetail::RouteBackend
{
public:
    using Channel = PublisherDetail::Channel;
    using HeaderList = PublisherDetail::HeaderList;
    using Resume = PublisherDetail::Resume;

    Private(Publisher *q, const PublisherOptions &options);

    // publisherstreams.cpp: the front door and the streams it serves
    void acceptConnections();
    void route(QTcpSocket *socket);
    void handOver(QTcpSocket *socket, const HttpRequestHead &head);
    [[nodiscard]] bool refuseHead(QTcpSocket *socket, HttpRequestHead::Status status);
    void serveChannel(QTcpSocket *socket, const HttpRequestHead &head);
    void serveTokens(QTcpSocket *socket, const HttpRequestHead &head);
    [[nodiscard]] bool readFaults(
            QTcpSocket *socket, const HttpRequestHead &head, StreamFaults *faults);
    [[nodiscard]] StreamClient *startStream(QTcpSocket *socket, const HttpRequestHead &head,
            const QByteArray &channel, const StreamFaults &faults,
            std::optional<std::chrono::milliseconds> retry, const QByteArray &resumeStatus);
    void answer(QTcpSocket *socket, int status, const QByteArray &body, HeaderList headers = {});
    void answer(QTcpSocket *socket, const HttpRequestHead &head, int status, const QByteArray &body,
            const HeaderList &headers = {});
    [[nodiscard]] QByteArray streamHead(const HttpRequestHead &head, const StreamFaults &faults,
            bool chunked, const QByteArray &resumeStatus) const;
    [[nodiscard]] Resume resumeFrom(const Channel &channel, const QByteArray &lastEventId) const;

    // publisher.cpp: channels, clients and the generator
    // RouteBackend: what the QHttpServer routes ask
    [[nodiscard]] QJsonObject stats() const override;
    [[nodiscard]] bool hasChannel(const QByteArray &name) const override;
    [[nodiscard]] QByteArray unknownChannelText(const QByteArray &what) const override;
    QByteArray publish(const QByteArray &channel, const QByteArray &data, const QByteArray &type,
            const QByteArray &id, std::optional<std::chrono::milliseconds> retry) override;
    [[nodiscard]] int clientCount(const QByteArray &channel) const override;
    [[nodiscard]] HeaderList corsHeaders(const QByteArray &origin) const override;

    [[nodiscard]] QByteArray nextId(Channel &channel) const;
    [[nodiscard]] QByteArray generatedPayload(
            const QByteArray &type, const QByteArray &id, const QDateTime &now) const;
    void deliver(Channel &channel, StreamClient *client, const StoredEvent &event);
    void addClient(QList<StreamClient *> &list, StreamClient *client);
    void removeClient(StreamClient *client);
    void dropAllClients(bool notify);
    void applyGeneratorTimers();
    void sendHeartbeat();
    [[nodiscard]] Channel *channel(const QByteArray &name);
    [[nodiscard]] int totalClients() const;

    Publisher *const q;
    PublisherOptions options;
    StreamFaults defaultFaults;
    QTcpServer frontDoor;
    PublisherRoutes routes; // everything that is not a stream goes through QHttpServer
    std::deque<Channel> channels; // deque: references stay valid as channels are added
    QList<StreamClient *> llmClients; // /llm
    QTimer generatorTimer;
    QTimer heartbeatTimer;
    QElapsedTimer uptime;
    QString error;
};

} // namespace Sse
