// SPDX-License-Identifier: MIT
// One publisher stream: framing, coalescing, faults and backpressure.
#include "streamclient_p.h"

#include "sselib/logging_p.h"

#include <QTcpSocket>

#include <array>
#include <utility>

namespace Sse {

namespace {

constexpr int SplitPauseMs = 10;

// Two pieces, the cut right after the lead byte of the first multi-byte UTF-8 character (or
// in the middle when there is none).
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
    connect(socket, &QIODevice::readyRead, this, &StreamClient::discardInput);
    connect(&m_dripTimer, &QTimer::timeout, this, &StreamClient::drip);
    discardInput(); // a request body that came with the head (POST /llm)
}

StreamClient::~StreamClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void StreamClient::start(const QByteArray &head, std::optional<std::chrono::milliseconds> retry)
{
    m_socket->write(head);
    if (m_faults.stallMs > 0) {
        m_stalled = true;
        QTimer::singleShot(m_faults.stallMs, this, &StreamClient::endStall);
    }
    if (retry)
        queue(Wire::retry(*retry, m_faults.lineEnd));
    if (m_faults.longLine > 0) {
        queue(Wire::event(QByteArray(m_faults.longLine, 'x'), "long-line", {}, std::nullopt,
                m_faults.lineEnd));
    }
}

qsizetype StreamClient::sendEvent(const StoredEvent &event)
{
    if (!isActive())
        return 0;
    const QByteArray bytes = m_faults.lineEnd == Wire::LineEnd::Lf
            ? event.wire
            : Wire::event(event.data, event.type, event.id, event.retry, m_faults.lineEnd);
    if (m_faults.cutAfter > 0 && m_eventsSent >= m_faults.cutAfter) {
        queue(bytes.left(bytes.size() / 2));
        endWhenDrained(); // not clean: no last chunk
        return bytes.size() / 2;
    }
    queue(bytes);
    ++m_eventsSent;
    if (m_faults.reconnect && m_faults.reconnect->count() >= 0 && m_eventsSent == 1) {
        queue(Wire::event(QByteArray::number(qint64(m_faults.reconnect->count())), "reconnect", {},
                std::nullopt, m_faults.lineEnd));
    }
    if (m_faults.closeAfter > 0 && m_eventsSent >= m_faults.closeAfter)
        finish();
    return bytes.size();
}

void StreamClient::sendComment(QByteArrayView text)
{
    if (isActive())
        queue(Wire::comment(text, m_faults.lineEnd));
}

void StreamClient::finish()
{
    if (!isActive())
        return;
    m_cleanEnd = true;
    endWhenDrained();
}

bool StreamClient::holdsBack() const
{
    return m_stalled || m_faults.dribbleMs > 0 || m_faults.splitUtf8;
}

int StreamClient::dripInterval() const
{
    return m_faults.dribbleMs > 0 ? m_faults.dribbleMs : SplitPauseMs;
}

// Unsent bytes: in the socket, held back by faults, and queued for this loop iteration's flush.
// A client that does not read, or that dribbles on a fast generator, must not make the publisher
// grow for ever, not even within one burst of publishing. A single event larger than the limit
// still goes out.
qint64 StreamClient::backlog() const
{
    return (m_socket ? m_socket->bytesToWrite() : 0) + m_heldBytes + m_outBytes;
}

void StreamClient::queue(const QByteArray &bytes)
{
    if (backlog() > m_maxBacklog) {
        drop();
        return;
    }
    if (!holdsBack()) {
        m_out.append(bytes);
        m_outBytes += bytes.size();
        scheduleFlush();
    } else {
        m_held.append(m_faults.splitUtf8 ? splitInsideCharacter(bytes) : QList{bytes});
        m_heldBytes += bytes.size();
        if (!m_stalled && !m_dripTimer.isActive())
            m_dripTimer.start(dripInterval());
    }
}

// Everything queued in one event loop iteration goes out as one chunk.
void StreamClient::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &StreamClient::flush, Qt::QueuedConnection);
}

void StreamClient::flush()
{
    m_flushScheduled = false;
    if (!m_out.isEmpty()) {
        writeFramed(m_out, m_outBytes);
        m_out.clear();
        m_outBytes = 0;
    }
    if (m_finishing)
        endWhenDrained();
}

void StreamClient::endStall()
{
    m_stalled = false;
    if (holdsBack()) { // dribble or splitUtf8 go on where the stall held them
        drip();
        return;
    }
    m_out.append(m_held);
    m_outBytes += m_heldBytes;
    m_held.clear();
    m_heldBytes = 0;
    scheduleFlush();
}

// Writes held-back bytes: one byte per tick when dribbling, else one segment per tick.
void StreamClient::drip()
{
    if (m_stalled)
        return;
    if (m_held.isEmpty()) {
        m_dripTimer.stop();
        if (m_finishing)
            endWhenDrained();
        return;
    }
    if (!m_dripTimer.isActive())
        m_dripTimer.start(dripInterval());
    QByteArray &front = m_held.first();
    if (m_faults.dribbleMs > 0 && front.size() > 1) {
        writeFramed(QByteArrayView(front).first(1));
        front.remove(0, 1);
        --m_heldBytes;
        return;
    }
    m_heldBytes -= front.size();
    writeFramed(m_held.takeFirst());
}

void StreamClient::writeFramed(QByteArrayView bytes)
{
    writeFramed(std::array{bytes}, bytes.size());
}

// All the segments in one write: one chunk when chunked, so the bytes are copied once, into it.
template <typename Segments>
void StreamClient::writeFramed(const Segments &segments, qint64 size)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState || size == 0)
        return;
    if (!m_chunked) {
        for (const auto &segment : segments)
            m_socket->write(segment.data(), segment.size());
        return;
    }
    QByteArray frame = QByteArray::number(size, 16);
    frame.reserve(frame.size() + size + 4);
    frame.append("\r\n");
    for (const auto &segment : segments)
        frame.append(segment);
    frame.append("\r\n");
    m_socket->write(frame);
}

// Ends the connection once nothing is queued: a clean end writes the last chunk first; a cut
// (cutAfter) closes in the middle of an event and leaves the chunked body unterminated.
void StreamClient::endWhenDrained()
{
    m_finishing = true;
    if (m_finished || !m_socket)
        return;
    if (m_flushScheduled || !m_held.isEmpty() || m_stalled)
        return; // flush(), drip() or endStall() come back here
    if (m_cleanEnd && m_chunked && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write("0\r\n\r\n");
    m_socket->disconnectFromHost();
    if (m_socket && m_socket->state() == QAbstractSocket::UnconnectedState)
        done();
}

void StreamClient::drop()
{
    if (m_finished)
        return;
    qCWarning(lcSsePublisher).noquote()
            << "dropping" << m_peer << "with" << backlog() << "unsent bytes: it does not read";
    m_held.clear();
    m_heldBytes = 0;
    m_out.clear();
    m_outBytes = 0;
    if (m_socket)
        m_socket->abort();
    done();
}

void StreamClient::done()
{
    if (m_finished)
        return;
    m_finished = true;
    m_finishing = true;
    m_dripTimer.stop();
    Q_EMIT finished(this);
}

void StreamClient::discardInput()
{
    if (m_socket)
        m_socket->skip(m_socket->bytesAvailable());
}

} // namespace Sse
