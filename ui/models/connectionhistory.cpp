// SPDX-License-Identifier: MIT
// ConnectionHistory: what one feed's connection did over time, recorded for the timeline.
#include "connectionhistory.h"

#include <QDateTime>

#include <algorithm>

namespace {

qint64 secondOf(qint64 ms)
{
    const qint64 q = ms / 1000;
    return (ms % 1000 < 0 ? q - 1 : q) * 1000;
}

} // namespace

ConnectionHistory::ConnectionHistory(QObject *parent)
    : QObject(parent)
{
    m_changeTimer.setSingleShot(true);
    m_changeTimer.setInterval(DefaultChangeIntervalMs);
    connect(&m_changeTimer, &QTimer::timeout, this, &ConnectionHistory::changed);
}

ConnectionHistory::~ConnectionHistory() = default;

void ConnectionHistory::attach(Sse::EventSource *source)
{
    if (source == m_source && source)
        return;
    if (m_source)
        detach();
    if (!source)
        return;
    m_source = source;
    m_retryFromStream = source->reconnectionTime() != source->options().reconnectionTime;
    recordState(now(), source->readyState());

    using Source = Sse::EventSource;
    m_connections = {
            connect(source, &Source::readyStateChanged, this,
                    [this](ReadyState state) { recordState(now(), state); }),
            connect(source, &Source::connectionStarted, this,
                    [this](int connection, const QByteArray &lastEventIdSent) {
                        recordRequest(now(), connection, lastEventIdSent);
                    }),
            connect(source, &Source::responseReceived, this,
                    [this](const Sse::ResponseInfo &response) {
                        recordResponse(now(), response.connection, response.status, response.reason,
                                response.httpVersion);
                    }),
            connect(source, &Source::reconnectScheduled, this,
                    [this](std::chrono::milliseconds delay, ReconnectReason reason) {
                        recordReconnectScheduled(now(), delay, reason);
                    }),
            connect(source, &Source::errorOccurred, this,
                    [this](const Sse::SourceError &error) { recordError(now(), error); }),
            connect(source, &Source::eventReceived, this,
                    [this](const Sse::Event &) { recordEvent(now()); }),
            connect(source, &Source::reconnectionTimeChanged, this,
                    [this](std::chrono::milliseconds time) {
                        recordReconnectionTime(now(), time);
                    }),
            connect(source, &QObject::destroyed, this,
                    [this] {
                        m_connections.clear();
                        recordDetached(now());
                    }),
    };
}

void ConnectionHistory::detach()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    if (m_source) {
        m_source = nullptr;
        recordDetached(now());
    }
}

void ConnectionHistory::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
}

qint64 ConnectionHistory::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

qint64 ConnectionHistory::stamp(qint64 nowMs)
{
    m_latestMs = std::max(m_latestMs, nowMs);
    return m_latestMs;
}

void ConnectionHistory::recordState(qint64 nowMs, ReadyState state)
{
    const qint64 t = stamp(nowMs);
    if (!m_spans.empty() && m_spans.back().isOngoing()) {
        if (m_spans.back().state == state)
            return;
        m_spans.back().endMs = t;
    }
    m_spans.push_back({state, t, Ongoing});
    while (qsizetype(m_spans.size()) > m_spanCapacity)
        m_spans.pop_front();
    noteChange();
}

void ConnectionHistory::recordDetached(qint64 nowMs)
{
    const qint64 t = stamp(nowMs);
    if (m_spans.empty() || !m_spans.back().isOngoing())
        return;
    m_spans.back().endMs = t;
    noteChange();
}

void ConnectionHistory::recordRequest(
        qint64 nowMs, int connection, const QByteArray &lastEventIdSent)
{
    Marker marker;
    marker.kind = Marker::Kind::Request;
    marker.timeMs = stamp(nowMs);
    marker.connection = connection;
    marker.lastEventIdSent = lastEventIdSent;
    addMarker(std::move(marker));
}

void ConnectionHistory::recordResponse(qint64 nowMs, int connection, int status,
        const QByteArray &reasonPhrase, const QByteArray &httpVersion)
{
    Marker marker;
    marker.kind = Marker::Kind::Response;
    marker.timeMs = stamp(nowMs);
    marker.connection = connection;
    marker.httpStatus = status;
    marker.reasonPhrase = reasonPhrase;
    marker.httpVersion = httpVersion;
    addMarker(std::move(marker));
}

void ConnectionHistory::recordReconnectScheduled(
        qint64 nowMs, std::chrono::milliseconds delay, ReconnectReason reason)
{
    Marker marker;
    marker.kind = Marker::Kind::ReconnectScheduled;
    marker.timeMs = stamp(nowMs);
    marker.delay = delay;
    marker.reconnectReason = reason;
    marker.delayFromRetryField = reason == ReconnectReason::ReconnectionTime && m_retryFromStream;
    addMarker(std::move(marker));
}

void ConnectionHistory::recordError(qint64 nowMs, const Sse::SourceError &error)
{
    Marker marker;
    marker.kind = Marker::Kind::Error;
    marker.timeMs = stamp(nowMs);
    marker.httpStatus = error.httpStatus.value_or(0);
    marker.fatal = error.fatal;
    marker.errorKind = error.kind;
    marker.message = error.message;
    addMarker(std::move(marker));
}

void ConnectionHistory::recordEvent(qint64 nowMs, int count)
{
    if (count <= 0)
        return;
    const qint64 second = secondOf(stamp(nowMs));
    if (!m_density.empty() && m_density.back().secondMs == second)
        m_density.back().count += count;
    else
        m_density.push_back({second, count});
    m_totalEvents += count;
    trimDensity();
    noteChange();
}

void ConnectionHistory::recordReconnectionTime(
        qint64 nowMs, std::chrono::milliseconds reconnectionTime)
{
    Q_UNUSED(reconnectionTime)
    stamp(nowMs);
    // Only a stream's retry: field changes it while connected; re-init resets it while closed.
    const bool closed = !m_spans.empty() && m_spans.back().isOngoing()
            && m_spans.back().state == ReadyState::Closed;
    m_retryFromStream = !closed;
}

void ConnectionHistory::clear()
{
    m_spans.clear();
    m_markers.clear();
    m_density.clear();
    m_totalEvents = 0;
    // A source still attached goes on in the state it is in now.
    if (m_source)
        recordState(stamp(now()), m_source->readyState());
    noteChange();
}

bool ConnectionHistory::isEmpty() const
{
    return m_spans.empty() && m_markers.empty() && m_density.empty();
}

TimeRange ConnectionHistory::extent(qint64 nowMs) const
{
    if (isEmpty())
        return {nowMs, nowMs};
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    if (!m_spans.empty()) {
        first = std::min(first, m_spans.front().startMs);
        last = std::max(last, m_spans.back().endOr(nowMs));
    }
    if (!m_markers.empty()) {
        first = std::min(first, m_markers.front().timeMs);
        last = std::max(last, m_markers.back().timeMs);
    }
    if (!m_density.empty()) {
        first = std::min(first, m_density.front().secondMs);
        last = std::max(last, m_density.back().secondMs + 1000);
    }
    return {first, last};
}

HistoryRange<ConnectionHistory::StateSpan> ConnectionHistory::spansIn(
        qint64 fromMs, qint64 toMs) const
{
    // Spans are contiguous and sorted, so both their starts and their ends are sorted.
    const auto first = std::partition_point(m_spans.cbegin(), m_spans.cend(),
            [fromMs](const StateSpan &span) { return span.endMs < fromMs; });
    const auto last = std::partition_point(
            first, m_spans.cend(), [toMs](const StateSpan &span) { return span.startMs <= toMs; });
    return {first, last};
}

std::optional<ConnectionHistory::StateSpan> ConnectionHistory::spanAt(qint64 ms) const
{
    // The later of two spans that meet at ms wins: it is the state from ms on.
    const auto after = std::partition_point(m_spans.cbegin(), m_spans.cend(),
            [ms](const StateSpan &span) { return span.startMs <= ms; });
    if (after == m_spans.cbegin())
        return std::nullopt;
    const StateSpan &span = *std::prev(after);
    if (span.endMs < ms)
        return std::nullopt;
    return span;
}

HistoryRange<ConnectionHistory::Marker> ConnectionHistory::markersIn(
        qint64 fromMs, qint64 toMs) const
{
    const auto first = std::partition_point(m_markers.cbegin(), m_markers.cend(),
            [fromMs](const Marker &marker) { return marker.timeMs < fromMs; });
    const auto last = std::partition_point(first, m_markers.cend(),
            [toMs](const Marker &marker) { return marker.timeMs <= toMs; });
    return {first, last};
}

std::optional<ConnectionHistory::Marker> ConnectionHistory::markerNear(
        qint64 ms, qint64 toleranceMs) const
{
    toleranceMs = std::max<qint64>(0, toleranceMs);
    const auto range = markersIn(ms - toleranceMs, ms + toleranceMs);
    const Marker *best = nullptr;
    for (const Marker &marker : range) {
        if (!best || std::abs(marker.timeMs - ms) < std::abs(best->timeMs - ms))
            best = &marker;
    }
    if (!best)
        return std::nullopt;
    return *best;
}

HistoryRange<ConnectionHistory::DensityBucket> ConnectionHistory::densityIn(
        qint64 fromMs, qint64 toMs) const
{
    const auto first = std::partition_point(m_density.cbegin(), m_density.cend(),
            [fromMs](const DensityBucket &bucket) { return bucket.secondMs + 1000 <= fromMs; });
    const auto last = std::partition_point(first, m_density.cend(),
            [toMs](const DensityBucket &bucket) { return bucket.secondMs <= toMs; });
    return {first, last};
}

void ConnectionHistory::setMarkerCapacity(qsizetype capacity)
{
    m_markerCapacity = std::max<qsizetype>(1, capacity);
    if (qsizetype(m_markers.size()) <= m_markerCapacity)
        return;
    m_markers.erase(m_markers.begin(), m_markers.end() - m_markerCapacity);
    noteChange();
}

void ConnectionHistory::setSpanCapacity(qsizetype capacity)
{
    m_spanCapacity = std::max<qsizetype>(1, capacity);
    if (qsizetype(m_spans.size()) <= m_spanCapacity)
        return;
    m_spans.erase(m_spans.begin(), m_spans.end() - m_spanCapacity);
    noteChange();
}

void ConnectionHistory::setDensityCapacity(qsizetype capacity)
{
    m_densityCapacity = std::max<qsizetype>(1, capacity);
    trimDensity();
}

void ConnectionHistory::setDensityWindowMs(qint64 windowMs)
{
    m_densityWindowMs = std::max<qint64>(1000, windowMs);
    trimDensity();
}

void ConnectionHistory::setChangeInterval(int ms)
{
    m_changeTimer.setInterval(std::max(0, ms));
}

void ConnectionHistory::addMarker(Marker marker)
{
    m_markers.push_back(std::move(marker));
    while (qsizetype(m_markers.size()) > m_markerCapacity)
        m_markers.pop_front();
    noteChange();
}

void ConnectionHistory::trimDensity()
{
    if (m_density.empty())
        return;
    const qint64 oldest = m_density.back().secondMs - m_densityWindowMs;
    bool dropped = false;
    while (!m_density.empty()
            && (qsizetype(m_density.size()) > m_densityCapacity
                    || m_density.front().secondMs <= oldest)) {
        m_density.pop_front();
        dropped = true;
    }
    if (dropped)
        noteChange();
}

void ConnectionHistory::noteChange()
{
    if (!m_changeTimer.isActive())
        m_changeTimer.start();
}
