// SPDX-License-Identifier: MIT
// Publisher::Private and the helpers its sources share; internal to ssepublisher.
#pragma once

#include "httprequesthead_p.h"
#include "publisher.h"
#include "publisherroutes_p.h"
#include "streamclient_p.h"

#include "sselib/headers.h"

#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QTcpServer>
#include <QTimer>

#include <deque>

QT_BEGIN_NAMESPACE
class QDateTime;
class QTcpSocket;
QT_END_NAMESPACE

namespace Sse {

namespace PublisherDetail {

using Sse::HeaderList;

inline constexpr char LlmChannel[] = "/llm"; // the channel LLM clients report

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

/// The CORS headers of an answer to a request from `origin`.
[[nodiscard]] HeaderList corsHeaders(const PublisherOptions &options, const QByteArray &origin);
/// The 404 text for an unknown channel: `what` was asked for, `channels` exist.
[[nodiscard]] QByteArray unknownChannelText(const QByteArrayList &channels, const QByteArray &what);
/// Aborts every socket `owner` still holds.
void abortSockets(QObject *owner);

} // namespace PublisherDetail

class Publisher::Private
{
public:
    using Channel = PublisherDetail::Channel;
    using HeaderList = PublisherDetail::HeaderList;
    using Resume = PublisherDetail::Resume;

    Private(Publisher *q, const PublisherOptions &options);

    // publisherstreams.cpp: the front door and the streams it serves
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
    [[nodiscard]] QByteArray streamHead(const HttpRequestHead &head, const StreamFaults &faults,
            bool chunked, const QByteArray &resumeStatus) const;
    [[nodiscard]] Resume resumeFrom(const Channel &channel, const QByteArray &lastEventId) const;

    // publisher.cpp: channels, clients and the feed
    [[nodiscard]] HeaderList corsHeaders(const QByteArray &origin) const;
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
    PublisherRoutes routes; // everything that is not a stream goes through QHttpServer
    std::deque<Channel> channels; // deque: references stay valid as channels are added
    QList<StreamClient *> llmClients; // /llm
    QTimer feedTimer;
    QTimer heartbeatTimer;
    QElapsedTimer uptime;
    QString error;
};

} // namespace Sse
