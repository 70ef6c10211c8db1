// SPDX-License-Identifier: MIT
// Feed: one configured SSE stream with its event log, history and live counters.
#pragma once

#include "connectionhistory.h"
#include "eventlogmodel.h"
#include "timemapping.h"

#include "sselib/capture/captureend.h"
#include "sselib/comment.h"
#include "sselib/diagnostics.h"
#include "sselib/eventlog.h"
#include "sselib/eventsource.h"
#include "sselib/llmstream.h"
#include "sselib/responseinfo.h"
#include "sselib/secrets.h"
#include "sselib/sourceerror.h"
#include "sselib/sourceoptions.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <chrono>
#include <map>
#include <memory>
#include <optional>

/// What the user configured for one feed.
struct FeedConfig
{
    QString name;
    QUrl url;
    Sse::SourceOptions options;
    bool llm = false; ///< an LLM completion stream (shown as text, not as a log)
    bool rememberSecrets = false; ///< store secret headers (Authorization, Cookie, ...) too
    int logCapacity = EventLogModel::DefaultCapacity; ///< events kept in the log's ring buffer
    /// Secret headers whose values were not remembered, by name: they must be given values
    /// (Feed::provideSecrets()) before the feed connects.
    QList<QByteArray> missingSecrets;
    /// Names the feed for as long as it lasts (its keychain entry, FeedSecrets); FeedList::add()
    /// gives one to a feed without. Identity, not content: operator== leaves it out.
    QUuid id;

    friend bool operator==(const FeedConfig &a, const FeedConfig &b)
    {
        return a.name == b.name && a.url == b.url && a.options == b.options && a.llm == b.llm
                && a.rememberSecrets == b.rememberSecrets && a.logCapacity == b.logCapacity
                && a.missingSecrets == b.missingSecrets;
    }

    friend bool operator!=(const FeedConfig &a, const FeedConfig &b) { return !(a == b); }
};

/// One request of a feed's source and what its response showed.
struct ConnectionRecord
{
    int connection = 0; ///< 1-based, per source
    QByteArray lastEventIdSent; ///< empty when no Last-Event-ID header was sent
    qint64 startedMs = 0; ///< when the request went out, ms since the epoch
    /// When it failed, dropped or closed, ms since the epoch; std::nullopt while it goes on.
    std::optional<qint64> endedMs;
    /// What was sent (secret header values included: mask them before showing them); empty
    /// until the request went out.
    std::optional<Sse::RequestInfo> request;
    /// Empty until (unless) the final response came, a stream or one the source refused (then
    /// with its body).
    std::optional<Sse::ResponseInfo> response;
    /// Sse::Diagnostics::checkResponse() of the response, then the ArrivalMonitor's findings.
    QList<Sse::Finding> findings;
    QString error; ///< why the attempt failed or the stream dropped; empty if it did not
    bool fatal = false; ///< the error closed the source

    [[nodiscard]] bool isOngoing() const { return !endedMs; }

    /// Findings of at least Warning severity.
    [[nodiscard]] int warningCount() const;
};

/// One feed: owns its Sse::EventSource, the EventLogModel its events and comments go to and the
/// ConnectionHistory of its connection, and keeps the counters the status header shows. The hot
/// path (one event) appends to the model and bumps counters; everything else is coalesced into
/// statsChanged(), at most about ten times a second. No widgets.
class Feed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Feed)

public:
    using ReadyState = Sse::EventSource::ReadyState;

    static constexpr int RateHistorySeconds = 60;
    static constexpr int StatsIntervalMs = 100;
    static constexpr int MaxConnections = 200; ///< connection records kept, newest last

    explicit Feed(const FeedConfig &config, QObject *parent = nullptr);
    ~Feed() override;

    [[nodiscard]] const FeedConfig &config() const { return m_config; }

    /// Takes effect with the next open(); an open feed closes first.
    void setConfig(const FeedConfig &config);

    [[nodiscard]] EventLogModel *model() { return &m_model; }

    [[nodiscard]] ConnectionHistory *history() { return &m_history; }

    /// The current source; null before the first open() and after setConfig().
    [[nodiscard]] Sse::EventSource *source() const { return m_source.get(); }

    [[nodiscard]] ReadyState readyState() const { return m_state; }

    [[nodiscard]] quint64 eventCount() const { return m_events; }

    [[nodiscard]] quint64 commentCount() const { return m_comments; }

    [[nodiscard]] qint64 bytesReceived() const { return m_bytes; }

    /// Connections after the first one (of the current source).
    [[nodiscard]] int reconnectCount() const;

    [[nodiscard]] QString lastError() const { return m_lastError; }

    [[nodiscard]] bool isLastErrorFatal() const { return m_lastErrorFatal; }

    [[nodiscard]] std::chrono::milliseconds reconnectionTime() const;

    [[nodiscard]] QByteArray lastEventId() const { return m_lastEventId; }

    /// Events per second for each of the last (up to) 60 whole seconds, oldest first.
    [[nodiscard]] QList<qreal> rateHistory() const { return m_rates; }

    /// Events in the last whole second.
    [[nodiscard]] qreal eventsPerSecond() const { return m_rates.isEmpty() ? 0.0 : m_rates.last(); }

    /// The connections of this feed, oldest first, at most MaxConnections.
    [[nodiscard]] QList<ConnectionRecord> connections() const { return m_connections; }

    /// The newest connection, or null before the first request.
    [[nodiscard]] const ConnectionRecord *lastConnection() const
    {
        return m_connections.isEmpty() ? nullptr : &m_connections.constLast();
    }

    /// The text of the current LLM message (only fed when config().llm is set). It restarts
    /// with each request; once it is done the feed closes, as an LLM answer is complete and a
    /// reconnect would request a new one.
    [[nodiscard]] const Sse::LlmStream &llmStream() const { return m_llm; }

    /// Clears the log and the counters of events, comments and bytes (not the connection).
    void resetCounters();

    /// "Authorization needs a value" for config().missingSecrets; empty when none is missing.
    [[nodiscard]] QString missingSecretsText() const;

    /// Adds the values of missing secret headers to the configuration (the feed closes, as with
    /// setConfig()); the names given are no longer missing.
    void provideSecrets(const Sse::HeaderList &headers);

    /// Makes this an imported recording: appends `records` to the log, counts their events and
    /// comments, takes the last event id, and puts into the history one OPEN span per
    /// connection, from its first record to its last, and the events' density. What happened
    /// between connections was not recorded and is left blank.
    void loadRecording(const QList<Sse::EventLog::Record> &records);

    /// True once loadRecording() made this a recording: nothing about it is live.
    [[nodiscard]] bool isRecording() const { return m_recording; }

    /// The receive times of the recording's first and last records.
    [[nodiscard]] TimeRange recordedSpan() const { return m_recordedSpan; }

    /// How many connections carried the recording's records.
    [[nodiscard]] int recordedConnections() const { return m_recordedConnections; }

    // Capture mode: the feed shows the streams a capture proxy passed (CaptureSession feeds
    // it) through the same handlers as a source's, so that its log, counters, timeline,
    // findings and export work as for a monitored feed. It has no source: open(), close() and
    // reconnectNow() do nothing. With overlapping streams the state follows the newest.

    /// Makes this a captured feed (before any other capture call).
    void beginCapture();

    /// True once beginCapture() made this a captured feed.
    [[nodiscard]] bool isCaptured() const { return m_captured; }

    /// A request of the app opens the feed's next connection (CONNECTING), with the
    /// Last-Event-ID its headers carry; returns the connection's number (1-based).
    int captureRequest(Sse::RequestInfo request);
    /// The response of `response.connection`: OPEN for a stream; otherwise the connection
    /// is refused, and its findings say why.
    void captureResponse(const Sse::ResponseInfo &response, bool stream);
    /// An event; one of the first that looks like an LLM stream's makes config().llm true.
    void captureEvent(const Sse::Event &event);
    void captureComment(const Sse::Comment &comment);
    /// A stream's retry field: the reconnection time it sets for the app's client.
    void captureRetry(std::chrono::milliseconds time);

    /// The reconnection time the last captured retry field set; none before one came (the
    /// app's client then uses its own default, which the proxy cannot see).
    [[nodiscard]] std::optional<std::chrono::milliseconds> capturedRetry() const
    {
        return m_capturedRetry;
    }

    /// A fault rule changed what the app got: an Info finding "capture-fault" saying `what`.
    void captureFault(int connection, const QString &what);
    /// The connection ended (CLOSED when it is the newest); its error is end.message unless the
    /// exchange Completed.
    void captureEnd(int connection, const Sse::CaptureEnd &end);

public Q_SLOTS:
    /// Connects; refused (with lastError() saying why) while a secret header has no value.
    void open();
    void close();
    void reconnectNow();

Q_SIGNALS:
    /// Counters changed; coalesced, at most once per StatsIntervalMs.
    void statsChanged();
    void readyStateChanged(Feed::ReadyState state);
    void errorOccurred(const Sse::SourceError &error);
    /// A connection was added, or one's response, findings or error changed.
    void connectionsChanged();
    /// llmStream() changed; coalesced with statsChanged() while it streams.
    void llmChanged();

private:
    void createSource();
    void onEvent(const Sse::Event &event);
    void onComment(const Sse::Comment &comment);
    void onError(const Sse::SourceError &error);
    void onParseError(const Sse::ParseError &error);
    void onReadyState(ReadyState state);
    void onRateTick();
    void onStatsTimer();
    void onConnectionStarted(int connection, const QByteArray &lastEventIdSent);
    void onRequest(const Sse::RequestInfo &request);
    void onResponse(const Sse::ResponseInfo &response);
    void endConnection(qint64 nowMs);
    /// Recomputes the newest connection's findings; emits connectionsChanged() on a change.
    void updateFindings(qint64 nowMs);
    void noteChange();
    void setCaptureState(ReadyState state);
    void detectLlm(const Sse::Event &event);
    /// The record of `connection`; null when it is gone (or never was).
    [[nodiscard]] ConnectionRecord *connectionRecord(int connection);

    FeedConfig m_config;
    std::unique_ptr<Sse::EventSource> m_source;
    EventLogModel m_model;
    ConnectionHistory m_history;
    ReadyState m_state = ReadyState::Closed;
    quint64 m_events = 0;
    quint64 m_comments = 0;
    qint64 m_bytes = 0;
    quint64 m_eventsAtLastTick = 0;
    QString m_lastError;
    bool m_lastErrorFatal = false;
    QByteArray m_lastEventId;
    QList<qreal> m_rates;
    QTimer m_rateTimer;
    QTimer m_statsTimer;
    QList<ConnectionRecord> m_connections;
    QList<Sse::Finding> m_responseFindings; ///< of the newest connection
    /// What the newest connection's stream lost (Diagnostics::droppedFinding()), and how often.
    QList<Sse::Finding> m_droppedFindings;
    std::map<Sse::ParseError::Kind, int> m_dropCounts;
    Sse::ArrivalMonitor m_arrival; ///< of the newest connection
    Sse::LlmStream m_llm;
    bool m_llmDirty = false; ///< llmChanged() is due with the next stats tick
    bool m_recording = false;
    TimeRange m_recordedSpan;
    int m_recordedConnections = 0;
    bool m_captured = false;
    int m_capturedConnections = 0;
    std::optional<std::chrono::milliseconds> m_capturedRetry;
    int m_llmProbesLeft = 16; ///< a captured feed's first events, looked at for an LLM stream
    QHash<int, qint64> m_capturedBytes; ///< body bytes counted so far, per open connection
};
