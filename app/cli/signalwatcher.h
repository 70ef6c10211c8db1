// SPDX-License-Identifier: MIT
// SignalWatcher: POSIX signals as a Qt signal, through a self-pipe.
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <csignal>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

/// Turns POSIX signals (SIGINT, SIGTERM, SIGUSR1, ...) into signalReceived() in the event loop.
/// The handler installed with sigaction() only writes the signal number to a non-blocking pipe,
/// which is all a signal handler may safely do; a QSocketNotifier reads it back.
/// One instance at a time; the destructor restores the previous handlers.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    /// Starts catching `signalNumber`; false (see errorString()) if that failed.
    [[nodiscard]] bool watch(int signalNumber);

    [[nodiscard]] QString errorString() const { return m_errorString; }

Q_SIGNALS:
    void signalReceived(int signalNumber);

private:
    static void handleSignal(int signalNumber);
    void readPipe();

    struct Previous
    {
        int signalNumber = 0;
        struct sigaction action;
    };

    int m_readFd = -1;
    int m_writeFd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QList<Previous> m_previous;
    QString m_errorString;
};
