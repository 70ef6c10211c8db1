// SPDX-License-Identifier: MIT
// Feed: one configured SSE stream with its event log, history and live counters.
#include "feed.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

// Drops the oldest items of `list` beyond `keep`. The lists here are appended to while a view
// holds a copy; a shared QList that grows keeps the room of the items removed at its front
// (Qt 6.4's QArrayDataPointer::allocateGrow), so trimmed at the front and appended at the
// back it grew by one item per append without end. Its room is given back instead.
template <typename T>
void dropOldest(QList<T> &list, qsizetype keep)
{
    if (list.size() <= keep)
        return;
    list.remove(0, list.size() - keep);
    if (list.capacity() > 2 * keep)
        list.squeeze();
}

} // namespace

int ConnectionRecord::warningCount() const
{
    return int(std::count_if(findings.cbegin(), findings.cend(), [](const Sse::Finding &finding) {
        return finding.severity != Sse::Finding::Severity::Info;
    }));
}

Feed::Feed(const FeedConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    m_config.options.keepRawLines = true;
    m_model.setCapacity(m_config.logCapacity);
    m_rateTimer.setInterval(1000);
    connect(&m_rateTimer, &QTimer::timeout, this, &Feed::onRateTick);
    m_statsTimer.setSingleShot(true);
    m_statsTimer.setInterval(StatsIntervalMs);
    connect(&m_statsTimer, &QTimer::timeout, this, &Feed::onStatsTimer);
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
    m_model.setCapacity(m_config.logCapacity);
    m_llm.reset();
    m_llmDirty = false;
    Q_EMIT llmChanged();
    noteChange();
}

int Feed::reconnectCount() const
{
    if (m_captured)
        return std::max(0, m_capturedConnections - 1);
    return m_source ? std::max(0, m_source->connectionCount() - 1) : 0;
}

std::chrono::milliseconds Feed::reconnectionTime() const
{
    return m_source ? m_source->reconnectionTime() : m_config.options.reconnectionTime;
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

QString Feed::missingSecretsText() const
{
    const QList<QByteArray> &missing = m_config.missingSecrets;
    if (missing.isEmpty())
        return {};
    QStringList names;
    for (const QByteArray &name : missing)
        names.append(QString::fromLatin1(name));
    return missing.size() == 1 ? tr("%1 needs a value").arg(names.constFirst())
                               : tr("%1 need values").arg(names.join(", "_L1));
}

void Feed::provideSecrets(const Sse::HeaderList &headers)
{
    FeedConfig config = m_config;
    for (const auto &header : headers) {
        config.options.headers.append(header);
        config.missingSecrets.removeIf([&header](const QByteArray &name) {
            return name.compare(header.first, Qt::CaseInsensitive) == 0;
        });
    }
    setConfig(config);
}

void Feed::loadRecording(const QList<Sse::EventLog::Record> &records)
{
    m_recording = true;
    QSet<int> connections;
    int connection = 0;
    qint64 firstMs = std::numeric_limits<qint64>::max();
    qint64 lastMs = std::numeric_limits<qint64>::min();
    bool any = false;
    for (const Sse::EventLog::Record &record : records) {
        // A kind this version does not know may lack a time and connection: it would put the
        // recording's start in 1970. The log shows only events and comments anyway.
        if (record.kind == Sse::EventLog::Record::Kind::Other)
            continue;
        any = true;
        const Sse::Event &event = record.event;
        if (connections.isEmpty() || event.connection != connection) {
            // The next connection's span; the time between the two was not recorded.
            if (!connections.isEmpty())
                m_history.recordDetached(lastMs);
            m_history.recordState(event.receivedMs, ReadyState::Open);
            connection = event.connection;
            connections.insert(connection);
        }
        if (record.kind == Sse::EventLog::Record::Kind::Event) {
            ++m_events;
            m_lastEventId = event.lastEventId;
            m_history.recordEvent(event.receivedMs);
        } else if (record.kind == Sse::EventLog::Record::Kind::Comment) {
            ++m_comments;
        }
        firstMs = std::min(firstMs, event.receivedMs);
        lastMs = std::max(lastMs, event.receivedMs);
        m_model.append(record);
    }
    if (any) {
        m_history.recordDetached(lastMs);
        m_recordedSpan = {firstMs, lastMs};
    }
    m_recordedConnections = int(connections.size());
    m_model.flush();
    noteChange();
}

void Feed::beginCapture()
{
    m_captured = true;
}

int Feed::captureRequest(Sse::RequestInfo request)
{
    request.connection = ++m_capturedConnections;
    const QByteArray lastId =
            Sse::headerValue(request.headers, "Last-Event-ID").value_or(QByteArray());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // In a source's order: CONNECTING, then the connection, then its request.
    setCaptureState(ReadyState::Connecting);
    onConnectionStarted(request.connection, lastId);
    m_history.recordRequest(now, request.connection, lastId);
    onRequest(request);
    m_capturedBytes.insert(request.connection, 0);
    return request.connection;
}

void Feed::captureResponse(const Sse::ResponseInfo &response, bool stream)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_history.recordResponse(
            now, response.connection, response.status, response.reason, response.httpVersion);
    onResponse(response);
    if (!stream || response.connection != m_capturedConnections)
        return;
    m_arrival.connectionOpened(now);
    setCaptureState(ReadyState::Open);
}

void Feed::captureEvent(const Sse::Event &event)
{
    const qint64 size = event.raw.isEmpty() ? event.data.size() : event.raw.size();
    m_capturedBytes[event.connection] += size;
    m_bytes += size;
    if (event.connection == m_capturedConnections)
        m_arrival.bytesArrived(event.receivedMs);
    m_history.recordEvent(event.receivedMs);
    if (m_lastEventId != event.lastEventId)
        m_lastEventId = event.lastEventId;
    detectLlm(event);
    onEvent(event);
}

void Feed::captureComment(const Sse::Comment &comment)
{
    m_capturedBytes[comment.connection] += comment.data.size();
    m_bytes += comment.data.size();
    onComment(comment);
}

void Feed::captureRetry(std::chrono::milliseconds time)
{
    m_capturedRetry = time;
    noteChange();
}

void Feed::captureFault(int connection, const QString &what)
{
    const Sse::Finding finding{Sse::Finding::Severity::Info, u"capture-fault"_s, what, {}};
    if (connection == m_capturedConnections && lastConnection() && lastConnection()->isOngoing()) {
        if (!m_responseFindings.contains(finding)) {
            m_responseFindings.append(finding);
            updateFindings(QDateTime::currentMSecsSinceEpoch());
        }
        return;
    }
    ConnectionRecord *record = connectionRecord(connection);
    if (record && !record->findings.contains(finding)) {
        record->findings.append(finding);
        Q_EMIT connectionsChanged();
    }
}

void Feed::captureEnd(int connection, const Sse::CaptureEnd &end)
{
    // The estimate made from the events gives way to the bytes the upstream sent.
    m_bytes += end.bytesReceived - m_capturedBytes.take(connection);
    QString message = end.reason == Sse::CaptureEnd::Reason::Completed ? QString() : end.message;
    const ConnectionRecord *record = connectionRecord(connection);
    if (message.isEmpty() && record && record->response
            && !record->response->header("Content-Type").contains("text/event-stream")) {
        message = tr("The server answered HTTP %1 with no event stream.")
                          .arg(record->response->status);
    }
    if (connection == m_capturedConnections) {
        if (!message.isEmpty()) {
            Sse::SourceError error;
            error.kind = end.reason == Sse::CaptureEnd::Reason::UpstreamFailed
                    ? Sse::SourceError::Kind::Network
                    : Sse::SourceError::Kind::StreamEnded;
            if (end.status != 0)
                error.httpStatus = end.status;
            error.message = message;
            m_history.recordError(end.endedMs, error);
            onError(error);
        }
        setCaptureState(ReadyState::Closed);
        return;
    }
    ConnectionRecord *older = connectionRecord(connection);
    if (!older)
        return;
    if (older->isOngoing())
        older->endedMs = end.endedMs;
    if (older->error.isEmpty())
        older->error = message;
    Q_EMIT connectionsChanged();
    noteChange();
}

// A captured feed has no dialog to say it is an LLM stream: one of its first events does.
void Feed::detectLlm(const Sse::Event &event)
{
    if (m_config.llm || m_llmProbesLeft <= 0)
        return;
    --m_llmProbesLeft;
    Sse::LlmStream probe;
    if (!probe.add(event) || probe.style() == Sse::LlmStream::Style::Unknown)
        return;
    m_config.llm = true;
    m_llm.start(lastConnection() ? lastConnection()->startedMs : event.receivedMs);
    noteChange();
}

void Feed::setCaptureState(ReadyState state)
{
    m_history.recordState(QDateTime::currentMSecsSinceEpoch(), state);
    onReadyState(state);
}

ConnectionRecord *Feed::connectionRecord(int connection)
{
    const auto it = std::find_if(m_connections.begin(), m_connections.end(),
            [connection](
                    const ConnectionRecord &record) { return record.connection == connection; });
    return it == m_connections.end() ? nullptr : &*it;
}

void Feed::createSource()
{
    m_source = std::make_unique<Sse::EventSource>(m_config.url, m_config.options);
    Sse::EventSource *source = m_source.get();
    connect(source, &Sse::EventSource::eventReceived, this, &Feed::onEvent);
    connect(source, &Sse::EventSource::commentReceived, this, &Feed::onComment);
    connect(source, &Sse::EventSource::errorOccurred, this, &Feed::onError);
    connect(source, &Sse::EventSource::parseErrorOccurred, this, &Feed::onParseError);
    connect(source, &Sse::EventSource::readyStateChanged, this, &Feed::onReadyState);
    connect(source, &Sse::EventSource::bytesReceived, this, [this](qint64 count) {
        m_bytes += count;
        m_arrival.bytesArrived(QDateTime::currentMSecsSinceEpoch());
        noteChange();
    });
    connect(source, &Sse::EventSource::opened, this,
            [this] { m_arrival.connectionOpened(QDateTime::currentMSecsSinceEpoch()); });
    connect(source, &Sse::EventSource::requestSent, this, &Feed::onRequest);
    connect(source, &Sse::EventSource::responseReceived, this, &Feed::onResponse);
    connect(source, &Sse::EventSource::lastEventIdChanged, this, [this](const QByteArray &id) {
        m_lastEventId = id;
        noteChange();
    });
    connect(source, &Sse::EventSource::reconnectionTimeChanged, this, &Feed::noteChange);
    connect(source, &Sse::EventSource::connectionStarted, this, &Feed::onConnectionStarted);
    m_history.attach(source);
}

void Feed::open()
{
    if (m_captured)
        return; // nothing to connect: the app's requests open its connections
    // Without them the request would go out without its credentials, and fail for that.
    if (!m_config.missingSecrets.isEmpty()) {
        m_lastError = tr("Not connected: %1.").arg(missingSecretsText());
        m_lastErrorFatal = false;
        noteChange();
        return;
    }
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
    m_model.append(std::move(record));
    ++m_events;
    m_arrival.eventArrived(event.receivedMs);
    if (m_config.llm && m_llm.add(event)) {
        m_llmDirty = true;
        // The answer is complete: reconnecting would only request another one.
        if (m_llm.isDone())
            close();
    }
    noteChange();
}

void Feed::onComment(const Sse::Comment &comment)
{
    Sse::EventLog::Record record;
    record.kind = Sse::EventLog::Record::Kind::Comment;
    record.text = comment.data;
    record.event.receivedMs = comment.receivedMs;
    record.event.connection = comment.connection;
    m_model.append(std::move(record));
    ++m_comments;
    m_arrival.commentArrived(comment.receivedMs);
    noteChange();
}

void Feed::onError(const Sse::SourceError &error)
{
    m_lastError = error.message;
    m_lastErrorFatal = error.fatal;
    if (!m_connections.isEmpty() && m_connections.constLast().error.isEmpty()) {
        ConnectionRecord &last = m_connections.last();
        last.error = error.message;
        last.fatal = error.fatal;
        endConnection(QDateTime::currentMSecsSinceEpoch());
        // A body that could not be decoded changes what the response's findings say. (No
        // reference into the list across these calls: a slot may have copied it.)
        const ConnectionRecord &ended = m_connections.constLast();
        if (error.kind == Sse::SourceError::Kind::ContentEncoding && ended.response) {
            m_responseFindings = Sse::Diagnostics::checkResponse(*ended.response, error);
            updateFindings(ended.endedMs.value_or(0));
        }
        Q_EMIT connectionsChanged();
    }
    noteChange();
    Q_EMIT errorOccurred(error);
}

// A line or event the parser dropped is in no view: the connection's findings say so.
void Feed::onParseError(const Sse::ParseError &error)
{
    if (m_connections.isEmpty() || !m_connections.constLast().isOngoing())
        return;
    const Sse::Finding finding =
            Sse::Diagnostics::droppedFinding(error, ++m_dropCounts[error.kind]);
    const auto sameCode = [&finding](const Sse::Finding &f) {
        return f.code == finding.code;
    };
    const auto it = std::find_if(m_droppedFindings.begin(), m_droppedFindings.end(), sameCode);
    if (it == m_droppedFindings.end())
        m_droppedFindings.append(finding);
    else
        *it = finding;
    updateFindings(QDateTime::currentMSecsSinceEpoch());
    noteChange();
}

void Feed::onReadyState(ReadyState state)
{
    if (state == m_state)
        return;
    m_state = state;
    if (state != ReadyState::Open)
        endConnection(QDateTime::currentMSecsSinceEpoch());
    if (state != ReadyState::Closed && !m_rateTimer.isActive())
        m_rateTimer.start();
    noteChange();
    Q_EMIT readyStateChanged(state);
}

void Feed::onRateTick()
{
    m_rates.append(qreal(m_events - m_eventsAtLastTick));
    m_eventsAtLastTick = m_events;
    dropOldest(m_rates, RateHistorySeconds);
    // Keep sampling while closed only until the graph has fallen to zero.
    if (m_state == ReadyState::Closed && m_rates.last() == 0.0)
        m_rateTimer.stop();
    // Silence grows without any signal, so the open connection is rechecked every second.
    if (!m_connections.isEmpty() && m_connections.constLast().isOngoing())
        updateFindings(QDateTime::currentMSecsSinceEpoch());
    noteChange();
}

void Feed::onStatsTimer()
{
    if (m_llmDirty) {
        m_llmDirty = false;
        Q_EMIT llmChanged();
    }
    Q_EMIT statsChanged();
}

void Feed::onConnectionStarted(int connection, const QByteArray &lastEventIdSent)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    endConnection(now);
    ConnectionRecord record;
    record.connection = connection;
    record.lastEventIdSent = lastEventIdSent;
    record.startedMs = now;
    m_connections.append(record);
    dropOldest(m_connections, MaxConnections);
    m_responseFindings.clear();
    m_droppedFindings.clear();
    m_dropCounts.clear();
    m_arrival.reset();
    if (m_config.llm) {
        m_llm.start(now);
        m_llmDirty = false;
        Q_EMIT llmChanged();
    }
    Q_EMIT connectionsChanged();
    noteChange();
}

void Feed::onRequest(const Sse::RequestInfo &request)
{
    if (m_connections.isEmpty() || m_connections.constLast().connection != request.connection)
        return;
    m_connections.last().request = request;
    Q_EMIT connectionsChanged();
}

void Feed::onResponse(const Sse::ResponseInfo &response)
{
    if (m_connections.isEmpty() || m_connections.constLast().connection != response.connection)
        return;
    m_connections.last().response = response;
    m_responseFindings = Sse::Diagnostics::checkResponse(response);
    m_connections.last().findings = m_responseFindings;
    Q_EMIT connectionsChanged();
}

void Feed::endConnection(qint64 nowMs)
{
    if (m_connections.isEmpty() || !m_connections.constLast().isOngoing())
        return;
    // The last look at the arrivals, measured up to the end rather than to "now" later on.
    updateFindings(nowMs);
    m_connections.last().endedMs = nowMs;
}

void Feed::updateFindings(qint64 nowMs)
{
    if (m_connections.isEmpty())
        return;
    QList<Sse::Finding> findings = m_responseFindings + m_droppedFindings;
    // Without an accepted response nothing streamed, so arrivals say nothing.
    if (m_connections.constLast().response)
        findings += m_arrival.findings(nowMs);
    // Compared before last() is called: that would copy a list a view still shares.
    if (findings == m_connections.constLast().findings)
        return;
    m_connections.last().findings = findings;
    Q_EMIT connectionsChanged();
}

void Feed::noteChange()
{
    if (!m_statsTimer.isActive())
        m_statsTimer.start();
}
