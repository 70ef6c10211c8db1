// SPDX-License-Identifier: MIT
// MonitorCommand: `ssedash-cli monitor`, an EventSource printed as JSON lines.
#pragma once

#include "monitoroptions.h"

#include "sselib/eventsource.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

/// Runs an Sse::EventSource and prints one compact JSON object a line for what it reports:
/// state, open, event, comment and error (or only the totals with --count). Emits finished()
/// once: after --max-events events, when --timeout passes, on stop(), soon after a fatal
/// error has closed the source, or with --once at the first transient error (exit code 0 when
/// the server ended the stream, else 1). Nothing is printed after that but the totals.
///
/// With --output FILE it also records each event and comment to FILE as an NDJSON event log
/// (see sselib/eventlog.h), appending as they arrive and flushing at most 100 ms later, so
/// that a crash loses little (LogRecording). This live recording is not atomic: FILE is truncated
/// at start and holds a partial log while the monitor runs. A recording that fails (disk full)
/// stops the monitor with exit code 1, and FILE then ends with the last record written whole.
class LogRecording;

class MonitorCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorCommand)

public:
    explicit MonitorCommand(const MonitorOptions &options, QObject *parent = nullptr);
    ~MonitorCommand() override;

    [[nodiscard]] bool isFinished() const { return m_finished; }

public Q_SLOTS:
    /// Opens the source and starts the --timeout clock.
    void start();
    /// The user asked to stop: finishes with exit code 0.
    void stop();
    /// Drops the connection and reconnects at once, reporting no error.
    void reconnectNow();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void handleStateChanged(Sse::EventSource::ReadyState state);
    void handleOpened();
    void handleEvent(const Sse::Event &event);
    void handleComment(const Sse::Comment &comment);
    void handleResponse(const Sse::ResponseInfo &response);
    void handleError(const Sse::SourceError &error);
    void handleParseError(const Sse::ParseError &error);
    void finishOnce(const Sse::SourceError &error);
    void handleDeadline();
    void finishAfterFatalError();
    void finish(int exitCode);
    void writeState(Sse::EventSource::ReadyState state);
    void writeLine();
    void recordEvent(const Sse::Event &event);
    void recordComment(const Sse::Comment &comment);

    MonitorOptions m_options;
    Sse::EventSource *m_source = nullptr;
    QByteArray m_line;
    QElapsedTimer m_clock;
    QDeadlineTimer m_deadline;
    QTimer m_deadlineTimer;
    QTimer m_fatalGraceTimer;
    LogRecording *m_recording = nullptr; ///< --output; null without it
    qint64 m_events = 0;
    qint64 m_dataBytes = 0;
    int m_lastState = -1;
    /// The newest response, for the status and body of a refused one's error line.
    Sse::ResponseInfo m_response;
    bool m_fatalErrorSeen = false;
    bool m_finished = false;
};
