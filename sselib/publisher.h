// SPDX-License-Identifier: MIT
// Sse::Publisher: the built-in test server for text/event-stream clients.
#pragma once

#include "sselib/publisheroptions.h"
#include "sselib/streamfaults.h"

#include <QByteArrayList>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <memory>

namespace Sse {

/// A local SSE server that behaves like the seeds' publishers (broadcast and named channels,
/// periodic feeds, retry, ids, Last-Event-ID resume, CORS) and misbehaves on request
/// (StreamFaults). Streams are served on the raw socket for full control of every byte; all
/// other routes (demo page, stats, publish, CORS preflight) go through QHttpServer.
class Publisher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Publisher)
    Q_PROPERTY(int clientCount READ clientCount NOTIFY clientCountChanged)

public:
    explicit Publisher(const PublisherOptions &options = {}, QObject *parent = nullptr);
    ~Publisher() override;

    /// Starts listening; false with errorString() when the address or port cannot be bound.
    [[nodiscard]] bool listen();
    /// Ends every stream and stops listening.
    void close();
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] quint16 port() const;
    /// http://ADDRESS:PORT/path
    [[nodiscard]] QUrl url(const QString &path = {}) const;
    [[nodiscard]] QString errorString() const;

    [[nodiscard]] const PublisherOptions &options() const;
    /// Changes the periodic feed at once (interval, payload, ids, heartbeat, ...).
    void setFeed(const FeedSettings &feed);
    /// Faults applied to every new stream, on top of those its URL asks for.
    void setDefaultFaults(const StreamFaults &faults);
    [[nodiscard]] StreamFaults defaultFaults() const;

    /// "" (the broadcast channel, /events) first, then the named ones (/events/NAME).
    [[nodiscard]] QByteArrayList channels() const;
    void addChannel(const QByteArray &name);
    [[nodiscard]] static QString pathOf(const QByteArray &channel);

    [[nodiscard]] int clientCount() const;
    [[nodiscard]] int clientCount(const QByteArray &channel) const;
    /// Clients, events and bytes per channel, as the /stats endpoint serves them.
    [[nodiscard]] QJsonObject stats() const;

    /// Sends an event to every client of `channel` now and keeps it for resume. An empty
    /// `id` takes the feed's next id (unless ids are off); an empty `type` takes the channel's
    /// (its name, or the feed's event name on the broadcast channel). Returns the id used.
    QByteArray publish(const QByteArray &channel, const QByteArray &data,
            const QByteArray &type = {}, const QByteArray &id = {}, qint64 retryMs = -1);
    /// One tick of the periodic feed on every channel, now.
    void publishTick();

Q_SIGNALS:
    void clientCountChanged(int count);
    void clientConnected(const QString &peer, const QByteArray &channel);
    void clientDisconnected(const QString &peer, const QByteArray &channel);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Sse
