// SPDX-License-Identifier: MIT
// ProxyCommand: `ssedash-cli proxy`, the capture proxy printed as JSON lines.
#pragma once

#include "proxyoptions.h"

#include "sselib/capture/captureend.h"
#include "sselib/capture/capturerule.h"
#include "sselib/comment.h"
#include "sselib/event.h"
#include "sselib/responseinfo.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace Sse {
class CaptureProxy;
} // namespace Sse

class LogRecording;

/// Runs an Sse::CaptureProxy. Once it listens, prints "ssedash-cli: proxying URL -> UPSTREAM"
/// to stdout, then one compact JSON object a line for each text/event-stream response that
/// passes: open, event, comment, fault and end, each with the exchange number as "stream".
/// An exchange that is no stream gets a log line on stderr when it ends (and its fault lines,
/// if a rule answered it). With --output, every event and comment is recorded as an NDJSON
/// event log with "stream" and "url" (LogRecording). Runs until stop() or --timeout, which
/// emit finished(ExitSuccess); a recording that fails emits finished(ExitFailure).
class ProxyCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxyCommand)

public:
    explicit ProxyCommand(const ProxyOptions &options, QObject *parent = nullptr);
    ~ProxyCommand() override;

    /// Reads the certificates, opens the recording, listens and prints the first line.
    /// Returns ExitSuccess, or the exit code to end with after printing why not.
    [[nodiscard]] int start();

public Q_SLOTS:
    /// Ends every exchange (their end lines say "stopped") and stops listening; emits
    /// finished(ExitSuccess).
    void stop();

Q_SIGNALS:
    void finished(int exitCode);

private:
    /// What the lines of one exchange need, from its start to its end.
    struct Exchange
    {
        QByteArray method;
        QByteArray url; ///< the upstream URL, encoded, without a password
        bool shown = false; ///< it has lines on stdout (open or fault), so an end line too
    };

    [[nodiscard]] bool readCertificates();
    void connectProxy();
    void handleExchangeStarted(int exchange, const Sse::RequestInfo &request);
    void handleResponseStarted(int exchange, const Sse::ResponseInfo &response, bool stream);
    void handleEvent(int exchange, const Sse::Event &event);
    void handleComment(int exchange, const Sse::Comment &comment);
    void handleFault(int exchange, const Sse::CaptureRule &rule, const QString &what);
    void handleEnded(int exchange, const Sse::CaptureEnd &end);
    void logExchange(const Exchange &exchange, const Sse::CaptureEnd &end) const;
    void handleDeadline();
    void finish(int exitCode);
    void beginLine(QByteArrayView kind, int exchange);
    void writeLine();

    ProxyOptions m_options;
    Sse::CaptureProxy *m_proxy = nullptr;
    LogRecording *m_recording = nullptr; ///< --output; null without it
    QHash<int, Exchange> m_exchanges; ///< started and not yet ended
    QByteArray m_line;
    QDeadlineTimer m_deadline;
    QTimer m_deadlineTimer;
    bool m_finished = false;
};
