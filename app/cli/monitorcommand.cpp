// SPDX-License-Identifier: MIT
// MonitorCommand: `ssedash-cli monitor`, an EventSource printed as JSON lines.
#include "monitorcommand.h"

#include "consoleoutput.h"
#include "exitcode.h"
#include "logrecording.h"

#include "sselib/eventlog.h"
#include "sselib/jsonlines.h"
#include "sselib/utf8.h"

#include <QLoggingCategory>

#include <limits>

using namespace std::chrono_literals;

namespace {

Q_LOGGING_CATEGORY(lcMonitor, "ssedash.cli.monitor", QtWarningMsg)

// A fatal error should close the source at once; do not hang if it does not.
constexpr auto FatalGrace = 2000ms;

} // namespace

MonitorCommand::MonitorCommand(const MonitorOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_source(new Sse::EventSource(options.url, options.source, this))
{
    m_clock.start();
    m_line.reserve(1024);
    m_deadlineTimer.setSingleShot(true);
    m_deadlineTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &MonitorCommand::handleDeadline);
    m_fatalGraceTimer.setSingleShot(true);
    m_fatalGraceTimer.setInterval(FatalGrace);
    connect(&m_fatalGraceTimer, &QTimer::timeout, this, [this] { finish(ExitFailure); });
    if (!options.outputFile.isEmpty()) {
        m_recording = new LogRecording(options.outputFile, this);
        connect(m_recording, &LogRecording::failed, this, [this] { finish(ExitFailure); });
    }

    connect(m_source, &Sse::EventSource::readyStateChanged, this,
            &MonitorCommand::handleStateChanged);
    connect(m_source, &Sse::EventSource::opened, this, &MonitorCommand::handleOpened);
    connect(m_source, &Sse::EventSource::eventReceived, this, &MonitorCommand::handleEvent);
    connect(m_source, &Sse::EventSource::commentReceived, this, &MonitorCommand::handleComment);
    connect(m_source, &Sse::EventSource::responseReceived, this, &MonitorCommand::handleResponse);
    connect(m_source, &Sse::EventSource::errorOccurred, this, &MonitorCommand::handleError);
    connect(m_source, &Sse::EventSource::parseErrorOccurred, this,
            &MonitorCommand::handleParseError);
}

MonitorCommand::~MonitorCommand() = default;

void MonitorCommand::start()
{
    if (m_finished)
        return;
    m_clock.start();
    if (m_recording && !m_recording->open()) {
        finish(ExitFailure);
        return;
    }
    if (m_options.timeout) {
        m_deadline = QDeadlineTimer(*m_options.timeout, Qt::PreciseTimer);
        handleDeadline();
        if (m_finished)
            return;
    }
    m_source->open();
    // The browser's EventSource starts out connecting; print that state even when open()
    // did not change it.
    if (m_lastState == -1 && !m_finished)
        writeState(m_source->readyState());
}

void MonitorCommand::stop()
{
    finish(ExitSuccess);
}

void MonitorCommand::reconnectNow()
{
    if (m_finished)
        return;
    qCDebug(lcMonitor) << "reconnecting at the user's request";
    m_source->reconnectNow();
}

void MonitorCommand::handleStateChanged(Sse::EventSource::ReadyState state)
{
    if (m_finished)
        return;
    writeState(state);
    if (m_fatalErrorSeen && state == Sse::EventSource::ReadyState::Closed)
        finishAfterFatalError();
}

void MonitorCommand::handleOpened()
{
    if (m_finished || m_options.count)
        return;
    m_line.resize(0);
    m_line.append("{\"kind\":\"open\"}");
    writeLine();
}

void MonitorCommand::handleEvent(const Sse::Event &event)
{
    if (m_finished)
        return;
    ++m_events;
    m_dataBytes += event.data.size();
    recordEvent(event);
    if (m_finished)
        return; // the recording failed
    if (!m_options.count) {
        m_line.resize(0);
        m_line.append("{\"kind\":\"event\",\"type\":");
        Sse::JsonLines::appendString(m_line, event.type);
        m_line.append(",\"data\":");
        Sse::JsonLines::appendString(m_line, event.data);
        m_line.append(",\"lastEventId\":");
        Sse::JsonLines::appendString(m_line, event.lastEventId);
        m_line.append('}');
        writeLine();
    }
    if (m_options.maxEvents > 0 && m_events >= m_options.maxEvents)
        finish(ExitSuccess);
}

void MonitorCommand::handleComment(const Sse::Comment &comment)
{
    if (m_finished)
        return;
    recordComment(comment);
    if (m_finished || m_options.count)
        return;
    m_line.resize(0);
    m_line.append("{\"kind\":\"comment\",\"comment\":");
    Sse::JsonLines::appendString(m_line, comment.data);
    m_line.append('}');
    writeLine();
}

void MonitorCommand::handleResponse(const Sse::ResponseInfo &response)
{
    m_response = response;
}

void MonitorCommand::handleError(const Sse::SourceError &error)
{
    if (m_finished)
        return;
    if (!m_options.count) {
        m_line.resize(0);
        m_line.append("{\"kind\":\"error\",\"fatal\":");
        Sse::JsonLines::appendBool(m_line, error.fatal);
        m_line.append(",\"message\":");
        Sse::JsonLines::appendString(m_line, error.message.toUtf8());
        // A refused response: what it said, as text (its first 64 KiB).
        const bool refused = error.kind == Sse::SourceError::Kind::HttpStatus
                || error.kind == Sse::SourceError::Kind::ContentType;
        if (refused && m_response.connection == m_source->connectionCount()) {
            m_line.append(",\"status\":");
            Sse::JsonLines::appendNumber(m_line, m_response.status);
            m_line.append(",\"body\":");
            Sse::JsonLines::appendString(m_line, Sse::Utf8::repaired(m_response.body));
        }
        m_line.append('}');
        writeLine();
    }
    if (!error.fatal) {
        if (m_options.once)
            finishOnce(error);
        return;
    }
    printMessage(error.message);
    m_fatalErrorSeen = true;
    if (m_source->readyState() == Sse::EventSource::ReadyState::Closed)
        finishAfterFatalError();
    else
        m_fatalGraceTimer.start();
}

void MonitorCommand::finishOnce(const Sse::SourceError &error)
{
    // Closed here, inside the error's signal, the source schedules no reconnect. Only a stream
    // that the server ended is a success; a network failure or a read timeout is not.
    if (error.kind == Sse::SourceError::Kind::StreamEnded) {
        finish(ExitSuccess);
        return;
    }
    printMessage(error.message);
    finish(ExitFailure);
}

void MonitorCommand::handleParseError(const Sse::ParseError &error)
{
    if (!m_finished)
        printMessage(error.message());
}

void MonitorCommand::handleDeadline()
{
    const qint64 remaining = m_deadline.remainingTime();
    if (remaining == 0) {
        finish(ExitSuccess);
        return;
    }
    // QTimer takes an int: wait in steps for deadlines weeks away.
    m_deadlineTimer.start(int(qMin<qint64>(remaining, std::numeric_limits<int>::max())));
}

void MonitorCommand::finishAfterFatalError()
{
    // Queued, so that what the source reports in the same breath (its state) still prints.
    QMetaObject::invokeMethod(
            this, [this] { finish(ExitFailure); }, Qt::QueuedConnection);
}

void MonitorCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadlineTimer.stop();
    m_fatalGraceTimer.stop();
    // Silence the source first: closing it reports a state change nobody asked for.
    disconnect(m_source, nullptr, this, nullptr);
    m_source->close();
    if (m_recording && !m_recording->close())
        exitCode = ExitFailure;
    if (m_options.count) {
        m_line.resize(0);
        m_line.append("{\"events\": ");
        Sse::JsonLines::appendNumber(m_line, m_events);
        m_line.append(", \"dataBytes\": ");
        Sse::JsonLines::appendNumber(m_line, m_dataBytes);
        m_line.append(", \"seconds\": ");
        Sse::JsonLines::appendDecimal(m_line, double(m_clock.nsecsElapsed()) / 1e9, 3);
        m_line.append('}');
        writeLine();
    }
    // No grace period for Qt's HTTP thread: the aborted request's delegate is freed when that
    // thread ends, and Sse::NetworkPool ends it (clearConnectionCache() joins it) on aboutToQuit.
    QMetaObject::invokeMethod(
            this, [this, exitCode] { Q_EMIT finished(exitCode); }, Qt::QueuedConnection);
}

void MonitorCommand::writeState(Sse::EventSource::ReadyState state)
{
    const int value = int(state);
    if (value == m_lastState)
        return;
    m_lastState = value;
    if (m_options.count)
        return;
    m_line.resize(0);
    m_line.append("{\"kind\":\"state\",\"readyState\":");
    Sse::JsonLines::appendNumber(m_line, value);
    m_line.append('}');
    writeLine();
}

void MonitorCommand::writeLine()
{
    m_line.append('\n');
    writeStdout(m_line);
}

void MonitorCommand::recordEvent(const Sse::Event &event)
{
    if (!m_recording || !m_recording->isOpen())
        return;
    Sse::EventLog::appendEvent(m_recording->buffer(), event);
    m_recording->recorded();
}

void MonitorCommand::recordComment(const Sse::Comment &comment)
{
    if (!m_recording || !m_recording->isOpen())
        return;
    Sse::EventLog::appendComment(
            m_recording->buffer(), comment.data, comment.receivedMs, comment.connection);
    m_recording->recorded();
}
