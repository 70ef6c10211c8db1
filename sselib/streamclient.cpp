// SPDX-License-Identifier: MIT
// One publisher stream: framing, coalescing, faults and backpressure.
#include "streamclient.h"

#include "logging.h"

#include <QTcpSocket>

namespace Sse {

namespace {

constexpr int SplitPauseMs = 10;

// Two pieces, the cut inside the first multi-byte UTF-8 character (or in the middle).
QList<QByteArray> splitInsideCharacter(const QByteArray &bytes)
{
    qsizetype cut = bytes.size() / 2;
    for (qsizetype i = 0; i + 1 < bytes.size(); ++i) {
        if (uchar(bytes[i]) >= 0xC0) {
            cut = i + 1;
            break;
        }
    }
    if (cut <= 0 || cut >= bytes.size())
        return {bytes};
    return {bytes.left(cut), bytes.mid(cut)};
}

} // namespace

StreamClient::StreamClient(QTcpSocket *socket, const QByteArray &channel,
        const StreamFaults &faults, bool chunked, qint64 maxBacklog, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_channel(channel)
    , m_peer(socket->peerAddress().toString() + u':' + QString::number(socket->peerPort()))
    , m_faults(faults)
    , m_maxBacklog(maxBacklog)
    , m_chunked(chunked)
{
    socket->setParent(this);
    connect(socket, &QAbstractSocket::disconnected, this, &StreamClient::done);
    connect(&m_dripTimer, &QTimer::timeout, this, &StreamClient::drip);
}

StreamClient::~StreamClient()
{
    if (m_socket)
        m_socket->abort();
}

void StreamClient::start(const QByteArray &head, const QByteArray &preamble)
{
    m_socket->write(head);
    if (m_faults.stallMs > 0) {
        m_stalled = true;
        QTimer::singleShot(m_faults.stallMs, this, [this] {
            m_stalled = false;
            drip();
        });
    }
    if (!preamble.isEmpty())
        queue(preamble);
    if (m_faults.longLine > 0) {
        queue(Wire::event(
                QByteArray(m_faults.longLine, 'x'), "long-line", {}, -1, m_faults.lineEnd));
    }
}

void StreamClient::sendEvent(const StoredEvent &event)
{
    if (m_finishing || m_finished)
        return;
    const QByteArray bytes = m_faults.lineEnd == Wire::LineEnd::Lf
            ? event.wire
            : Wire::event(event.data, event.type, event.id, -1, m_faults.lineEnd);
    if (m_faults.cutAfter > 0 && m_eventsSent >= m_faults.cutAfter) {
        queue(bytes.left(bytes.size() / 2));
        cut();
        return;
    }
    queue(bytes);
    ++m_eventsSent;
    if (m_faults.reconnectMs >= 0 && m_eventsSent == 1) {
        queue(Wire::event(
                QByteArray::number(m_faults.reconnectMs), "reconnect", {}, -1, m_faults.lineEnd));
    }
    if (m_faults.closeAfter > 0 && m_eventsSent >= m_faults.closeAfter)
        finish();
}

void StreamClient::sendRaw(const QByteArray &bytes)
{
    if (!m_finishing && !m_finished)
        queue(bytes);
}

void StreamClient::queue(const QByteArray &bytes)
{
    if (!m_faults.delaysWrites()) {
        m_out.append(bytes);
        if (!m_flushScheduled) {
            m_flushScheduled = true;
            QMetaObject::invokeMethod(this, &StreamClient::flush, Qt::QueuedConnection);
        }
        return;
    }
    if (m_faults.splitUtf8)
        m_delayed.append(splitInsideCharacter(bytes));
    else
        m_delayed.append(bytes);
    if (!m_stalled && !m_dripTimer.isActive())
        m_dripTimer.start(m_faults.dribbleMs > 0 ? m_faults.dribbleMs : SplitPauseMs);
}

// Everything queued in one event loop iteration goes out as one chunk.
void StreamClient::flush()
{
    m_flushScheduled = false;
    if (!m_out.isEmpty()) {
        writeFramed(m_out);
        m_out.resize(0);
    }
    if (m_finishing && !m_finished)
        cut();
}

// Writes held-back bytes: one byte per tick when dribbling, else one segment per tick.
void StreamClient::drip()
{
    if (m_stalled)
        return;
    if (m_delayed.isEmpty()) {
        m_dripTimer.stop();
        if (m_finishing && !m_finished)
            cut();
        return;
    }
    if (!m_dripTimer.isActive())
        m_dripTimer.start(m_faults.dribbleMs > 0 ? m_faults.dribbleMs : SplitPauseMs);
    QByteArray &front = m_delayed.first();
    if (m_faults.dribbleMs > 0 && front.size() > 1) {
        writeFramed(front.left(1));
        front.remove(0, 1);
        return;
    }
    writeFramed(front);
    m_delayed.removeFirst();
}

void StreamClient::writeFramed(const QByteArray &bytes)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_chunked) {
        m_socket->write(QByteArray::number(bytes.size(), 16) + "\r\n");
        m_socket->write(bytes);
        m_socket->write("\r\n");
    } else {
        m_socket->write(bytes);
    }
    if (m_socket->bytesToWrite() > m_maxBacklog) {
        qCWarning(lcSsePublisher).noquote()
                << "dropping" << m_peer << "after" << m_socket->bytesToWrite()
                << "unsent bytes: the client does not read";
        m_socket->abort();
        done();
    }
}

void StreamClient::finish()
{
    if (m_finishing || m_finished)
        return;
    m_cleanEnd = true;
    cut();
}

// Ends the connection once nothing is queued: a clean end writes the last chunk first; a cut
// (cutAfter) closes in the middle of an event and leaves the chunked body unterminated.
void StreamClient::cut()
{
    m_finishing = true;
    if (m_flushScheduled || !m_delayed.isEmpty() || m_stalled)
        return; // flush() or drip() comes back here when done
    if (!m_socket || m_finished)
        return;
    if (m_cleanEnd && m_chunked && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write("0\r\n\r\n");
    m_socket->disconnectFromHost();
    if (m_socket && m_socket->state() == QAbstractSocket::UnconnectedState)
        done();
}

void StreamClient::done()
{
    if (m_finished)
        return;
    m_finished = true;
    m_dripTimer.stop();
    Q_EMIT finished(this);
}

} // namespace Sse
