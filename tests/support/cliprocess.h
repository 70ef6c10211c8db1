// SPDX-License-Identifier: MIT
// TestSupport::CliProcess: a command-line program run beside the test's event loop.
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <signal.h>
#include <sys/types.h>

namespace TestSupport {

/// A long-running program (`ssedash-cli COMMAND ...`) next to servers or clients of this
/// process: never blocks; read its output from the event loop (QTRY_*).
class CliProcess
{
public:
    static constexpr int StartTimeoutMs = 20000;

    /// `childSetup` runs in the child between fork and exec (async-signal-safe calls only).
    CliProcess(const QString &program, const QStringList &arguments,
            const std::function<void()> &childSetup = {})
    {
        if (childSetup)
            m_process.setChildProcessModifier(childSetup);
        m_process.start(program, arguments);
        m_started = m_process.waitForStarted(StartTimeoutMs);
    }

    ~CliProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    [[nodiscard]] bool isStarted() const { return m_started; }

    /// The complete stdout lines so far.
    QByteArrayList lines()
    {
        m_out += m_process.readAllStandardOutput();
        const qsizetype end = m_out.lastIndexOf('\n');
        if (end < 0)
            return {};
        return m_out.left(end).split('\n');
    }

    int count(const QByteArray &line)
    {
        const QByteArrayList all = lines();
        return int(std::count(all.cbegin(), all.cend(), line));
    }

    int countKind(const QString &kind)
    {
        int n = 0;
        for (const QByteArray &line : lines()) {
            if (QJsonDocument::fromJson(line).object().value(QLatin1StringView("kind")).toString()
                    == kind)
                ++n;
        }
        return n;
    }

    QByteArray errorOutput()
    {
        m_err += m_process.readAllStandardError();
        return m_err;
    }

    [[nodiscard]] bool isFinished() const { return m_process.state() == QProcess::NotRunning; }

    [[nodiscard]] bool exitedWith(int code) const
    {
        return isFinished() && m_process.exitStatus() == QProcess::NormalExit
                && m_process.exitCode() == code;
    }

    [[nodiscard]] int exitCode() const { return m_process.exitCode(); }

    /// Exit status and stderr, for failure messages.
    QByteArray describe()
    {
        return "exit status " + QByteArray::number(int(m_process.exitStatus())) + ", code "
                + QByteArray::number(m_process.exitCode()) + ", stderr: " + errorOutput();
    }

    void sendSignal(int signalNumber) { ::kill(pid_t(m_process.processId()), signalNumber); }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    bool m_started = false;
};

} // namespace TestSupport
