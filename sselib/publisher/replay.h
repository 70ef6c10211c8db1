// SPDX-License-Identifier: MIT
// Sse::Replay: plays a recorded event log into a publisher with its recorded timing.
#pragma once

#include "sselib/event.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Sse {

class Publisher;

/// The outcome of Replay::readFile().
struct ReplayFileResult
{
    bool ok = false;
    QList<Event> events;
    QString error; ///< "FILE:LINE: why" for people; empty when ok
};

/// Publishes recorded events on one channel of a publisher, each at its recorded offset from
/// the first one divided by `speed` (2.0: twice as fast). Types other than "message" keep
/// their name; ids are the recorded last event ids. An event with no id gets the publisher's
/// next id unless the publisher's generator ids are GeneratorSettings::Ids::None (what a faithful
/// replay wants).
class Replay final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Replay)

public:
    Replay(Publisher *publisher, const QList<Event> &events, double speed = 1.0,
            const QByteArray &channel = {}, QObject *parent = nullptr);

    /// Reads the events of an NDJSON event log (see eventlog.h); comments and unknown kinds
    /// are skipped.
    [[nodiscard]] static ReplayFileResult readFile(const QString &fileName);

    void start();
    void stop();

    [[nodiscard]] bool isRunning() const { return m_timer.isActive(); }

    [[nodiscard]] qsizetype position() const { return m_next; }

    [[nodiscard]] qsizetype size() const { return m_events.size(); }

Q_SIGNALS:
    void eventReplayed(qsizetype index);
    void finished();

private:
    void publishDue();
    [[nodiscard]] qint64 dueMs(qsizetype index) const;

    QPointer<Publisher> m_publisher;
    QList<Event> m_events;
    QByteArray m_channel;
    double m_speed;
    QElapsedTimer m_clock;
    QTimer m_timer;
    qsizetype m_next = 0;
};

} // namespace Sse
