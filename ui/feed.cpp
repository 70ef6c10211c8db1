// SPDX-License-Identifier: MIT
// Feed: one configured SSE stream with its event log, history and live counters.
#include "feed.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

Feed::Feed(const FeedConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    m_config.options.keepRawLines = true;
    m_rateTimer.setInterval(1000);
    connect(&m_rateTimer, &QTimer::timeout, this, &Feed::onRateTick);
    m_statsTimer.setSingleShot(true);
    m_statsTimer.setInterval(StatsIntervalMs);
    connect(&m_statsTimer, &QTimer::timeout, this, &Feed::statsChanged);
}

Feed::~Feed()
{
    m_history.detach();
    if (m_source)
        m_source->disconnect(this);
}

void Feed::setConfig(const FeedConfig &config)
{
    close();
    m_history.detach();
    m_source.reset();
    m_config = config;
    m_config.options.keepRawLines = true;
    noteChange();
}

int Feed::reconnectCount() const
{
    return m_source ? std::max(0, m_source->connectionCount() - 1) : 0;
}

qint64 Feed::reconnectionTime() const
{
    return m_source ? m_source->reconnectionTime()
                    : qint64(m_config.options.reconnectionTime.count());
}

void Feed::resetCounters()
{
    m_model.clear();
    m_events = 0;
    m_comments = 0;
    m_bytes = 0;
    m_eventsAtLastTick = 0;
    m_rates.clear();
    noteChange();
}

void Feed::createSource()
{
    m_source = std::make_unique<Sse::EventSource>(m_config.url, m_config.options);
    Sse::EventSource *source = m_source.get();
    connect(source, &Sse::EventSource::eventReceived, this, &Feed::onEvent);
    connect(source, &Sse::EventSource::commentReceived, this, &Feed::onComment);
    connect(source, &Sse::EventSource::errorOccurred, this, &Feed::onError);
    connect(source, &Sse::EventSource::readyStateChanged, this, &Feed::onReadyState);
    connect(source, &Sse::EventSource::bytesReceived, this, [this](qint64 count) {
        m_bytes += count;
        noteChange();
    });
    connect(source, &Sse::EventSource::lastEventIdChanged, this, [this](const QByteArray &id) {
        m_lastEventId = id;
        noteChange();
    });
    connect(source, &Sse::EventSource::reconnectionTimeChanged, this, &Feed::noteChange);
    connect(source, &Sse::EventSource::connectionStarted, this, &Feed::noteChange);
    m_history.attach(source);
}

void Feed::open()
{
    if (!m_source)
        createSource();
    m_lastError.clear();
    m_lastErrorFatal = false;
    if (!m_rateTimer.isActive())
        m_rateTimer.start();
    m_source->open();
    noteChange();
}

void Feed::close()
{
    if (m_source)
        m_source->close();
}

void Feed::reconnectNow()
{
    if (!m_source) {
        open();
        return;
    }
    m_source->reconnectNow();
}

void Feed::onEvent(const Sse::Event &event)
{
    Sse::EventLog::Record record;
    record.kind = Sse::EventLog::Record::Kind::Event;
    record.event = event;
    m_model.append(record);
    ++m_events;
    noteChange();
}

void Feed::onComment(const QString &comment)
{
    Sse::EventLog::Record record;
    record.kind = Sse::EventLog::Record::Kind::Comment;
    record.comment = comment.toUtf8();
    record.event.receivedMs = QDateTime::currentMSecsSinceEpoch();
    record.event.connection = m_source ? m_source->connectionCount() : 0;
    m_model.append(record);
    ++m_comments;
    noteChange();
}

void Feed::onError(const Sse::SourceError &error)
{
    m_lastError = error.message;
    m_lastErrorFatal = error.fatal;
    noteChange();
    Q_EMIT errorOccurred(error);
}

void Feed::onReadyState(ReadyState state)
{
    if (state == m_state)
        return;
    m_state = state;
    if (state != ReadyState::Closed && !m_rateTimer.isActive())
        m_rateTimer.start();
    noteChange();
    Q_EMIT readyStateChanged(state);
}

void Feed::onRateTick()
{
    m_rates.append(qreal(m_events - m_eventsAtLastTick));
    m_eventsAtLastTick = m_events;
    if (m_rates.size() > RateHistorySeconds)
        m_rates.remove(0, m_rates.size() - RateHistorySeconds);
    // Keep sampling while closed only until the graph has fallen to zero.
    if (m_state == ReadyState::Closed && m_rates.last() == 0.0)
        m_rateTimer.stop();
    noteChange();
}

void Feed::noteChange()
{
    if (!m_statsTimer.isActive())
        m_statsTimer.start();
}
