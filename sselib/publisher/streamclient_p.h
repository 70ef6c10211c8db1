// SPDX-License-Identifier: MIT
// Sse::StreamClient: one subscriber of the publisher, and the faults applied to it.
#pragma once

#include "sselib/publisher/streamfaults.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <optional>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace Sse {

/// An event as a channel keeps it: its fields and its wire form with LF line ends.
struct StoredEvent
{
    QByteArray id;
    QByteArray type;
    QByteArray data;
    std::optional<std::chrono::milliseconds> retry; ///< the retry field, as Wire::event() takes it
    QByteArray wire;
};

/// Writes one text/event-stream response on a socket: chunked HTTP/1.1 framing (several
/// events per chunk when they come together), or raw until close for HTTP/1.0; applies the
/// client's faults; drops the client when it stops reading.
class StreamClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamClient)

public:
    /// Takes the socket over (as its parent); what the client sends from now on is ignored.
    StreamClient(QTcpSocket *socket, const QByteArray &channel, const StreamFaults &faults,
            bool chunked, qint64 maxBacklog, QObject *parent = nullptr);
    ~StreamClient() override;

    [[nodiscard]] QByteArray channel() const { return m_channel; }

    [[nodiscard]] QString peer() const { return m_peer; }

    [[nodiscard]] qint64 eventsSent() const { return m_eventsSent; }

    [[nodiscard]] bool isFinished() const { return m_finished; }

    /// Writes the status line and headers at once (no fault holds them back), then queues the
    /// retry field (when there is one) and the longLine fault's event.
    void start(const QByteArray &head, std::optional<std::chrono::milliseconds> retry);
    /// Queues an event; counts for closeAfter and cutAfter. Returns the bytes queued.
    qsizetype sendEvent(const StoredEvent &event);
    void sendComment(QByteArrayView text); ///< heartbeats, resume notes
    /// Ends the stream cleanly once everything queued is written.
    void finish();

Q_SIGNALS:
    /// The socket went away or the stream ended; the client is done and may be deleted.
    void finished(Sse::StreamClient *client);

private:
    [[nodiscard]] bool isActive() const { return !m_finishing && !m_finished; }

    [[nodiscard]] bool holdsBack() const;
    [[nodiscard]] int dripInterval() const;
    [[nodiscard]] qint64 backlog() const;
    void queue(const QByteArray &bytes);
    void scheduleFlush();
    void flush();
    void endStall();
    void drip();
    void writeFramed(QByteArrayView bytes);
    template <typename Segments>
    void writeFramed(const Segments &segments, qint64 size);
    void endWhenDrained();
    void drop();
    void done();
    void discardInput();

    QPointer<QTcpSocket> m_socket;
    QByteArray m_channel;
    QString m_peer;
    StreamFaults m_faults;
    // Events waiting for this event loop iteration's flush, shared with the channel's copy
    // rather than copied: the flush copies each once, into the chunk it writes.
    QByteArrayList m_out;
    qint64 m_outBytes = 0;
    QList<QByteArray> m_held; // segments held back by stall, dribble or splitUtf8
    qint64 m_heldBytes = 0;
    QTimer m_dripTimer;
    qint64 m_maxBacklog;
    qint64 m_eventsSent = 0;
    bool m_chunked;
    bool m_flushScheduled = false;
    bool m_stalled = false;
    bool m_finishing = false;
    bool m_finished = false;
    bool m_cleanEnd = false; // finish() rather than a cut
};

} // namespace Sse
