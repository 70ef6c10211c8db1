// SPDX-License-Identifier: MIT
// Replay of an NDJSON event log, scheduled on a single-shot timer.
#include "replay.h"

#include "publisher.h"

#include "sselib/eventlog.h"
#include "sselib/logexport.h"

#include <algorithm>
#include <cmath>

namespace Sse {

namespace {

constexpr double MinSpeed = 1e-3;

} // namespace

Replay::Replay(Publisher *publisher, const QList<Event> &events, double speed,
        const QByteArray &channel, QObject *parent)
    : QObject(parent)
    , m_publisher(publisher)
    , m_events(events)
    , m_channel(channel)
    , m_speed(std::max(speed, MinSpeed))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Replay::publishDue);
}

ReplayFileResult Replay::readFile(const QString &fileName)
{
    const ImportResult imported = importLog(fileName);
    if (!imported.ok)
        return {false, {}, imported.error};
    ReplayFileResult result{true, {}, {}};
    for (const EventLog::Record &record : imported.records) {
        if (record.kind == EventLog::Record::Kind::Event)
            result.events.append(record.event);
    }
    return result;
}

void Replay::start()
{
    m_next = 0;
    m_clock.start();
    publishDue();
}

void Replay::stop()
{
    m_timer.stop();
}

qint64 Replay::dueMs(qsizetype index) const
{
    const qint64 offset = m_events[index].receivedMs - m_events.first().receivedMs;
    return qint64(std::llround(double(std::max<qint64>(offset, 0)) / m_speed));
}

// Publishes every event whose time has come, then sleeps until the next one is due.
void Replay::publishDue()
{
    while (m_next < m_events.size() && dueMs(m_next) <= m_clock.elapsed()) {
        const Event &event = m_events[m_next];
        if (m_publisher) {
            const QByteArray type = event.type == "message" ? QByteArray() : event.type;
            m_publisher->publish(m_channel, event.data, type, event.lastEventId);
        }
        Q_EMIT eventReplayed(m_next++);
    }
    if (m_next == m_events.size()) {
        Q_EMIT finished();
        return;
    }
    m_timer.start(int(std::min<qint64>(dueMs(m_next) - m_clock.elapsed(), 1 << 30)));
}

} // namespace Sse
