// SPDX-License-Identifier: MIT
// Sse::StreamClient: one subscriber of the publisher, and the faults applied to it.
#pragma once

#include "sselib/streamfaults.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

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
    StreamClient(QTcpSocket *socket, const QByteArray &channel, const StreamFaults &faults,
            bool chunked, qint64 maxBacklog, QObject *parent = nullptr);
    ~StreamClient() override;

    [[nodiscard]] QByteArray channel() const { return m_channel; }

    [[nodiscard]] QString peer() const { return m_peer; }

    [[nodiscard]] qint64 eventsSent() const { return m_eventsSent; }

    [[nodiscard]] bool isFinished() const { return m_finished; }

    /// Status line and headers; then `preamble` (retry field, missed events) as stream bytes.
    void start(const QByteArray &head, const QByteArray &preamble);
    void sendEvent(const StoredEvent &event);
    void sendRaw(const QByteArray &bytes); ///< comments, heartbeats
    /// Ends the stream cleanly once everything queued is written.
    void finish();

Q_SIGNALS:
    /// The socket went away or the stream ended; the client is done and may be deleted.
    void finished(Sse::StreamClient *client);

private:
    void queue(const QByteArray &bytes);
    void flush();
    void writeFramed(const QByteArray &bytes);
    void drip();
    void cut();
    void done();

    QPointer<QTcpSocket> m_socket;
    QByteArray m_channel;
    QString m_peer;
    StreamFaults m_faults;
    QByteArray m_out; // bytes waiting for this loop iteration's flush
    QList<QByteArray> m_delayed; // segments held back by stall, dribble or split
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
