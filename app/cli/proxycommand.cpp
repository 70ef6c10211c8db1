// SPDX-License-Identifier: MIT
// ProxyCommand: `ssedash-cli proxy`, the capture proxy printed as JSON lines.
#include "proxycommand.h"

#include "consoleoutput.h"
#include "exitcode.h"
#include "logrecording.h"

#include "sselib/capture/captureproxy.h"
#include "sselib/eventlog.h"
#include "sselib/jsonlines.h"

#include <QFile>
#include <QSslCertificate>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

// The "reason" of an end line (a contract, see the README).
QByteArrayView reasonName(Sse::CaptureEnd::Reason reason)
{
    using Reason = Sse::CaptureEnd::Reason;
    switch (reason) {
    case Reason::Completed:
        return "completed";
    case Reason::UpstreamClosed:
        return "upstream-closed";
    case Reason::UpstreamFailed:
        return "upstream-failed";
    case Reason::ClientClosed:
        return "client-closed";
    case Reason::Cut:
        return "cut";
    case Reason::Answered:
        return "answered";
    case Reason::Stopped:
        return "stopped";
    }
    return "stopped";
}

void appendKey(QByteArray &line, QByteArrayView key, QByteArrayView utf8)
{
    line.append(",\"").append(key).append("\":");
    Sse::JsonLines::appendString(line, utf8);
}

void appendKey(QByteArray &line, QByteArrayView key, qint64 number)
{
    line.append(",\"").append(key).append("\":");
    Sse::JsonLines::appendNumber(line, number);
}

} // namespace

ProxyCommand::ProxyCommand(const ProxyOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_line.reserve(1024);
    m_deadlineTimer.setSingleShot(true);
    m_deadlineTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &ProxyCommand::handleDeadline);
    if (!options.outputFile.isEmpty()) {
        m_recording = new LogRecording(options.outputFile, this);
        // Queued: a write fails inside a proxy's signal, and finish() closes the proxy.
        connect(
                m_recording, &LogRecording::failed, this, [this] { finish(ExitFailure); },
                Qt::QueuedConnection);
    }
}

ProxyCommand::~ProxyCommand() = default;

int ProxyCommand::start()
{
    if (!readCertificates())
        return ExitFailure;
    if (m_recording && !m_recording->open())
        return ExitFailure;
    m_proxy = new Sse::CaptureProxy(m_options.capture, this);
    connectProxy();
    if (!m_proxy->listen()) {
        printMessage(tr("cannot proxy: %1").arg(m_proxy->errorString()));
        return ExitFailure;
    }
    if (!m_options.capture.bindAddress.isLoopback()) {
        printMessage(tr("listening on %1, not only on loopback: whoever reaches this host can "
                        "reach the upstream through it")
                             .arg(m_options.capture.bindAddress.toString()));
    }
    // Not translated: scripts and tests read this line.
    writeStdout(u"%1: proxying %2 -> %3\n"_s
                        .arg(OptionParsing::ProgramName, m_proxy->url().toString(),
                                m_options.upstreamText)
                        .toUtf8());
    if (m_options.timeout) {
        m_deadline = QDeadlineTimer(*m_options.timeout, Qt::PreciseTimer);
        handleDeadline();
    }
    return ExitSuccess;
}

void ProxyCommand::stop()
{
    finish(ExitSuccess);
}

bool ProxyCommand::readCertificates()
{
    for (const QString &fileName : m_options.certificateFiles) {
        QFile file(fileName);
        if (!file.open(QIODevice::ReadOnly)) {
            printMessage(tr("cannot read the certificate file %1: %2")
                                 .arg(fileName, file.errorString()));
            return false;
        }
        const QList<QSslCertificate> certificates =
                QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (certificates.isEmpty()) {
            printMessage(tr("%1 holds no PEM certificate").arg(fileName));
            return false;
        }
        m_options.capture.trustedCertificates += certificates;
    }
    return true;
}

void ProxyCommand::connectProxy()
{
    using Proxy = Sse::CaptureProxy;
    connect(m_proxy, &Proxy::exchangeStarted, this, &ProxyCommand::handleExchangeStarted);
    connect(m_proxy, &Proxy::responseStarted, this, &ProxyCommand::handleResponseStarted);
    connect(m_proxy, &Proxy::eventCaptured, this, &ProxyCommand::handleEvent);
    connect(m_proxy, &Proxy::commentCaptured, this, &ProxyCommand::handleComment);
    connect(m_proxy, &Proxy::faultApplied, this, &ProxyCommand::handleFault);
    connect(m_proxy, &Proxy::exchangeEnded, this, &ProxyCommand::handleEnded);
}

void ProxyCommand::handleExchangeStarted(int exchange, const Sse::RequestInfo &request)
{
    m_exchanges.insert(
            exchange, Exchange{request.method, request.url.toEncoded(QUrl::RemovePassword), false});
}

void ProxyCommand::handleResponseStarted(
        int exchange, const Sse::ResponseInfo &response, bool stream)
{
    const auto found = m_exchanges.find(exchange);
    if (!stream || found == m_exchanges.end())
        return;
    found->shown = true;
    beginLine("open", exchange);
    appendKey(m_line, "method", found->method);
    appendKey(m_line, "url", found->url);
    appendKey(m_line, "status", response.status);
    writeLine();
}

void ProxyCommand::handleEvent(int exchange, const Sse::Event &event)
{
    if (m_recording && m_recording->isOpen()) {
        const QByteArray url = m_exchanges.value(exchange).url;
        Sse::EventLog::appendEvent(m_recording->buffer(), event, {exchange, url});
        m_recording->recorded();
    }
    beginLine("event", exchange);
    appendKey(m_line, "type", event.type);
    appendKey(m_line, "data", event.data);
    appendKey(m_line, "lastEventId", event.lastEventId);
    writeLine();
}

void ProxyCommand::handleComment(int exchange, const Sse::Comment &comment)
{
    if (m_recording && m_recording->isOpen()) {
        const QByteArray url = m_exchanges.value(exchange).url;
        Sse::EventLog::appendComment(m_recording->buffer(), comment.data, comment.receivedMs,
                comment.connection, {exchange, url});
        m_recording->recorded();
    }
    beginLine("comment", exchange);
    appendKey(m_line, "comment", comment.data);
    writeLine();
}

void ProxyCommand::handleFault(int exchange, const Sse::CaptureRule &rule, const QString &what)
{
    const auto found = m_exchanges.find(exchange);
    if (found != m_exchanges.end())
        found->shown = true;
    beginLine("fault", exchange);
    appendKey(m_line, "rule", rule.toString().toUtf8());
    appendKey(m_line, "message", what.toUtf8());
    writeLine();
}

void ProxyCommand::handleEnded(int exchange, const Sse::CaptureEnd &end)
{
    const Exchange ended = m_exchanges.take(exchange);
    if (!ended.shown) {
        logExchange(ended, end);
        return;
    }
    beginLine("end", exchange);
    appendKey(m_line, "reason", reasonName(end.reason));
    appendKey(m_line, "message", end.message.toUtf8());
    appendKey(m_line, "bytesReceived", end.bytesReceived);
    appendKey(m_line, "bytesSent", end.bytesSent);
    writeLine();
}

// A log line, not translated: "GET URL -> 200, 12 bytes", and why when it did not complete.
void ProxyCommand::logExchange(const Exchange &exchange, const Sse::CaptureEnd &end) const
{
    QString line =
            u"%1 %2 -> "_s.arg(QString::fromUtf8(exchange.method), QString::fromUtf8(exchange.url));
    if (end.status > 0)
        line += u"%1, %2 bytes"_s.arg(end.status).arg(end.bytesSent);
    if (end.reason != Sse::CaptureEnd::Reason::Completed) {
        line += (end.status > 0 ? u"; "_s : QString()) + QString::fromLatin1(reasonName(end.reason))
                + u": "_s + end.message;
    }
    printMessage(line);
}

void ProxyCommand::handleDeadline()
{
    const qint64 remaining = m_deadline.remainingTime();
    if (remaining == 0) {
        finish(ExitSuccess);
        return;
    }
    // QTimer takes an int: wait in steps for deadlines weeks away.
    m_deadlineTimer.start(int(qMin<qint64>(remaining, std::numeric_limits<int>::max())));
}

void ProxyCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_deadlineTimer.stop();
    // Still connected: the exchanges that close() ends print their end lines.
    if (m_proxy) {
        m_proxy->close();
        disconnect(m_proxy, nullptr, this, nullptr);
    }
    m_finished = true;
    if (m_recording && !m_recording->close())
        exitCode = ExitFailure;
    // Queued: finish() may run inside start() (--timeout 0), before the event loop.
    QMetaObject::invokeMethod(
            this, [this, exitCode] { Q_EMIT finished(exitCode); }, Qt::QueuedConnection);
}

void ProxyCommand::beginLine(QByteArrayView kind, int exchange)
{
    m_line.resize(0);
    m_line.append("{\"kind\":\"").append(kind).append("\",\"stream\":");
    Sse::JsonLines::appendNumber(m_line, exchange);
}

void ProxyCommand::writeLine()
{
    m_line.append("}\n");
    writeStdout(m_line);
}
