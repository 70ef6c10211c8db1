// SPDX-License-Identifier: MIT
// TestSupport::PacedPublisher and SequenceCheck: a numbered run of events at a set rate, checked.
#pragma once

#include "sselib/event.h"
#include "sselib/eventlog.h"
#include "sselib/publisher/publisher.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

namespace TestSupport {

/// Publishes events 1..total on the broadcast channel of a publisher whose ids are its counter
/// (so event n has id n and data dataOf(n)), at about perSecond events a second: a timer
/// publishes in batches what is due. A loop that lags catches up in batches of at most
/// MaxBatch, so the rate is the load a test puts on a client, not a promise.
class PacedPublisher
{
    Q_DISABLE_COPY_MOVE(PacedPublisher)

public:
    static constexpr int TickMs = 5;
    static constexpr int MaxBatch = 2000;

    PacedPublisher(Sse::Publisher *publisher, int total, int perSecond)
        : m_publisher(publisher)
        , m_total(total)
        , m_perSecond(perSecond)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(TickMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
    }

    /// The data of event n: it names the event, padded to 64 bytes.
    [[nodiscard]] static QByteArray dataOf(int n)
    {
        QByteArray data = "event " + QByteArray::number(n) + ' ';
        for (qsizetype i = data.size(); i < 64; ++i)
            data.append(char('a' + (n + i) % 26));
        return data;
    }

    /// Events 1..count as lines of an event log, as a recorder of the run writes them (on
    /// connection 1, received a millisecond apart).
    [[nodiscard]] static QByteArray logOf(int count)
    {
        QByteArray log;
        for (int n = 1; n <= count; ++n) {
            Sse::Event event;
            event.type = "message";
            event.data = dataOf(n);
            event.lastEventId = QByteArray::number(n);
            event.receivedMs = 1764000000000 + n;
            event.connection = 1;
            Sse::EventLog::appendEvent(log, event);
        }
        return log;
    }

    void start()
    {
        m_clock.start();
        tick();
        m_timer.start();
    }

    /// Publishes nothing more (what is sent stays sent).
    void stop() { m_timer.stop(); }

    [[nodiscard]] int sent() const { return m_sent; }

    [[nodiscard]] bool isDone() const { return m_sent >= m_total; }

    /// Events a second from the start to the last publish.
    [[nodiscard]] double achievedRate() const
    {
        return m_lastNs > 0 ? double(m_sent) * 1e9 / double(m_lastNs) : 0.0;
    }

private:
    void tick()
    {
        const qint64 due =
                std::min<qint64>(m_total, m_clock.nsecsElapsed() * m_perSecond / 1000000000 + 1);
        const qint64 until = std::min<qint64>(due, qint64(m_sent) + MaxBatch);
        while (m_sent < until) {
            ++m_sent;
            m_publisher->publish({}, dataOf(m_sent));
        }
        m_lastNs = m_clock.nsecsElapsed();
        if (isDone())
            m_timer.stop();
    }

    Sse::Publisher *m_publisher;
    int m_total;
    qint64 m_perSecond;
    int m_sent = 0;
    qint64 m_lastNs = 0;
    QElapsedTimer m_clock;
    QTimer m_timer;
};

/// Checks a run of events against PacedPublisher's: the n-th event that counts has id n and
/// data dataOf(n). Keeps the first problem; nothing stored per event.
class SequenceCheck
{
public:
    /// Takes the next event; false (and problem() says why) when it is not the expected one.
    bool take(const Sse::Event &event)
    {
        const int n = m_count + 1;
        if (m_problem.isEmpty()
                && (event.lastEventId != QByteArray::number(n)
                        || event.data != PacedPublisher::dataOf(n) || event.type != "message")) {
            m_problem = "event " + QByteArray::number(n) + " expected, got type " + event.type
                    + " id " + event.lastEventId + " data " + event.data.left(80);
        }
        ++m_count;
        return m_problem.isEmpty();
    }

    /// Events taken, good or not.
    [[nodiscard]] int count() const { return m_count; }

    [[nodiscard]] QByteArray problem() const { return m_problem; }

private:
    int m_count = 0;
    QByteArray m_problem;
};

} // namespace TestSupport
