// SPDX-License-Identifier: MIT
// ConnectionHistory: what one feed's connection did over time, recorded for the timeline.
#pragma once

#include "timemapping.h"

#include "sselib/eventsource.h"
#include "sselib/sourceerror.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <deque>
#include <functional>
#include <limits>
#include <optional>

/// A view of consecutive entries of a ConnectionHistory, usable in a range-for. Valid until
/// the history changes.
template <typename T>
class HistoryRange
{
public:
    using const_iterator = typename std::deque<T>::const_iterator;

    HistoryRange(const_iterator begin, const_iterator end)
        : m_begin(begin)
        , m_end(end)
    { }

    [[nodiscard]] const_iterator begin() const { return m_begin; }

    [[nodiscard]] const_iterator end() const { return m_end; }

    [[nodiscard]] qsizetype size() const { return qsizetype(m_end - m_begin); }

    [[nodiscard]] bool isEmpty() const { return m_begin == m_end; }

    [[nodiscard]] const T &operator[](qsizetype i) const { return m_begin[i]; }

private:
    const_iterator m_begin;
    const_iterator m_end;
};

/// Records, with timestamps, what an Sse::EventSource did: ready-state spans, markers for
/// requests, responses, scheduled reconnects and errors, and events per second. Memory is
/// bounded (the oldest entries go first). Paints nothing: TimelineWidget shows it.
///
/// Times are ms since the Unix epoch and never go backwards: a record...() call with a time
/// before the latest one is recorded at the latest one, which keeps every list sorted.
class ConnectionHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionHistory)

public:
    using ReadyState = Sse::EventSource::ReadyState;
    using ReconnectReason = Sse::EventSource::ReconnectReason;

    static constexpr qint64 Ongoing = std::numeric_limits<qint64>::max();
    static constexpr qsizetype DefaultMarkerCapacity = 20'000;
    static constexpr qsizetype DefaultSpanCapacity = 10'000;
    static constexpr qsizetype DefaultDensityCapacity = 100'000;
    static constexpr qint64 DefaultDensityWindowMs = 24 * 3600 * 1000;
    static constexpr int DefaultChangeIntervalMs = 50;

    /// One stretch of time in one ready state; the latest may still be going on.
    struct StateSpan
    {
        ReadyState state = ReadyState::Closed;
        qint64 startMs = 0;
        qint64 endMs = Ongoing;

        [[nodiscard]] bool isOngoing() const { return endMs == Ongoing; }

        [[nodiscard]] qint64 endOr(qint64 nowMs) const
        {
            return isOngoing() ? std::max(startMs, nowMs) : endMs;
        }

        [[nodiscard]] qint64 durationMs(qint64 nowMs) const { return endOr(nowMs) - startMs; }
    };

    /// Something that happened at one moment. Only the fields of its kind are set.
    struct Marker
    {
        enum class Kind {
            Request,
            Response,
            ReconnectScheduled,
            Error
        };

        Kind kind = Kind::Request;
        qint64 timeMs = 0;
        int connection = 0; ///< Request, Response: 1-based connection number
        QByteArray lastEventIdSent; ///< Request; empty when no Last-Event-ID was sent
        int httpStatus = 0; ///< Response; Error (0 when no response came)
        QByteArray reasonPhrase; ///< Response
        QByteArray httpVersion; ///< Response
        std::chrono::milliseconds delay{0}; ///< ReconnectScheduled
        ReconnectReason reconnectReason = ReconnectReason::ReconnectionTime;
        /// ReconnectScheduled with ReconnectionTime: the stream had set it with retry:.
        bool delayFromRetryField = false;
        bool fatal = false; ///< Error
        Sse::SourceError::Kind errorKind = Sse::SourceError::Kind::Network; ///< Error
        QString message; ///< Error
    };

    /// How many events arrived in the second starting at secondMs.
    struct DensityBucket
    {
        qint64 secondMs = 0;
        int count = 0;
    };

    explicit ConnectionHistory(QObject *parent = nullptr);
    ~ConnectionHistory() override;

    /// Records what `source` does from now on (and its current state) until detach(), another
    /// attach() or the source's destruction. The history does not own the source.
    void attach(Sse::EventSource *source);
    /// Stops recording; the current state span ends now.
    void detach();

    [[nodiscard]] Sse::EventSource *source() const { return m_source; }

    /// The clock that attach() stamps with; QDateTime::currentMSecsSinceEpoch() by default.
    void setClock(std::function<qint64()> clock);
    [[nodiscard]] qint64 now() const;

    // The recording API that attach() uses; call it directly to feed a history by hand.
    void recordState(qint64 nowMs, ReadyState state);
    /// The source went away: the current span ends, and no state is known after it.
    void recordDetached(qint64 nowMs);
    void recordRequest(qint64 nowMs, int connection, const QByteArray &lastEventIdSent);
    void recordResponse(qint64 nowMs, int connection, int status, const QByteArray &reasonPhrase,
            const QByteArray &httpVersion);
    void recordReconnectScheduled(
            qint64 nowMs, std::chrono::milliseconds delay, ReconnectReason reason);
    void recordError(qint64 nowMs, const Sse::SourceError &error);
    void recordEvent(qint64 nowMs, int count = 1);
    /// The reconnection time changed; a change while connected came from a retry: field.
    void recordReconnectionTime(qint64 nowMs, std::chrono::milliseconds reconnectionTime);

    void clear();

    [[nodiscard]] bool isEmpty() const;
    /// From the earliest entry to the latest (or nowMs, while a span is ongoing).
    [[nodiscard]] TimeRange extent(qint64 nowMs) const;

    [[nodiscard]] const std::deque<StateSpan> &spans() const { return m_spans; }

    [[nodiscard]] const std::deque<Marker> &markers() const { return m_markers; }

    [[nodiscard]] const std::deque<DensityBucket> &density() const { return m_density; }

    [[nodiscard]] qint64 totalEvents() const { return m_totalEvents; }

    /// Spans that overlap [fromMs, toMs] (an ongoing span reaches to the end of time).
    [[nodiscard]] HistoryRange<StateSpan> spansIn(qint64 fromMs, qint64 toMs) const;
    /// The span at a time, if any.
    [[nodiscard]] std::optional<StateSpan> spanAt(qint64 ms) const;
    /// Markers with fromMs <= timeMs <= toMs, in time order.
    [[nodiscard]] HistoryRange<Marker> markersIn(qint64 fromMs, qint64 toMs) const;
    /// The marker closest to ms, if one lies within toleranceMs.
    [[nodiscard]] std::optional<Marker> markerNear(qint64 ms, qint64 toleranceMs) const;
    /// Buckets whose second overlaps [fromMs, toMs].
    [[nodiscard]] HistoryRange<DensityBucket> densityIn(qint64 fromMs, qint64 toMs) const;

    [[nodiscard]] qsizetype markerCapacity() const { return m_markerCapacity; }

    void setMarkerCapacity(qsizetype capacity);

    [[nodiscard]] qsizetype spanCapacity() const { return m_spanCapacity; }

    void setSpanCapacity(qsizetype capacity);

    [[nodiscard]] qsizetype densityCapacity() const { return m_densityCapacity; }

    void setDensityCapacity(qsizetype capacity);

    /// Buckets older than this before the newest one are dropped.
    [[nodiscard]] qint64 densityWindowMs() const { return m_densityWindowMs; }

    void setDensityWindowMs(qint64 windowMs);
    /// changed() fires at most once per interval.
    void setChangeInterval(int ms);

Q_SIGNALS:
    /// Something was recorded or dropped; coalesced, at most once per change interval.
    void changed();

private:
    qint64 stamp(qint64 nowMs);
    void addMarker(Marker marker);
    void trimDensity();
    void noteChange();

    QPointer<Sse::EventSource> m_source;
    QList<QMetaObject::Connection> m_connections;
    std::function<qint64()> m_clock;
    std::deque<StateSpan> m_spans;
    std::deque<Marker> m_markers;
    std::deque<DensityBucket> m_density;
    qint64 m_totalEvents = 0;
    qint64 m_latestMs = std::numeric_limits<qint64>::min();
    bool m_retryFromStream = false;
    qsizetype m_markerCapacity = DefaultMarkerCapacity;
    qsizetype m_spanCapacity = DefaultSpanCapacity;
    qsizetype m_densityCapacity = DefaultDensityCapacity;
    qint64 m_densityWindowMs = DefaultDensityWindowMs;
    QTimer m_changeTimer;
};
