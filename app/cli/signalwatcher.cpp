// SPDX-License-Identifier: MIT
// SignalWatcher: POSIX signals as a Qt signal, through a self-pipe.
#include "signalwatcher.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

Q_LOGGING_CATEGORY(lcSignals, "ssedash.cli.signals", QtWarningMsg)

// The write end of the active watcher's pipe, for the signal handler; -1 when none.
volatile sig_atomic_t s_writeFd = -1;

QString errnoString(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    int fds[2] = {-1, -1};
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
        m_errorString = tr("cannot create a pipe for signals: %1").arg(errnoString(errno));
        return;
    }
    m_readFd = fds[0];
    m_writeFd = fds[1];
    Q_ASSERT(s_writeFd == -1); // one watcher at a time
    s_writeFd = m_writeFd;
    m_notifier = new QSocketNotifier(m_readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::readPipe);
}

SignalWatcher::~SignalWatcher()
{
    for (const Previous &previous : std::as_const(m_previous))
        ::sigaction(previous.signalNumber, &previous.action, nullptr);
    if (m_writeFd != -1) {
        s_writeFd = -1;
        ::close(m_writeFd);
        ::close(m_readFd);
    }
}

bool SignalWatcher::watch(int signalNumber)
{
    if (m_writeFd == -1)
        return false;
    struct sigaction action = {};
    action.sa_handler = &SignalWatcher::handleSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    Previous previous;
    previous.signalNumber = signalNumber;
    if (::sigaction(signalNumber, &action, &previous.action) != 0) {
        m_errorString = tr("cannot catch signal %1: %2").arg(signalNumber).arg(errnoString(errno));
        return false;
    }
    m_previous.append(previous);
    return true;
}

void SignalWatcher::handleSignal(int signalNumber)
{
    // Async-signal-safe only: write(2), and keep errno for the code we interrupted.
    const int savedErrno = errno;
    const int fd = s_writeFd;
    if (fd != -1) {
        const unsigned char byte = static_cast<unsigned char>(signalNumber);
        const ssize_t written = ::write(fd, &byte, 1); // a full pipe loses only duplicates
        Q_UNUSED(written)
    }
    errno = savedErrno;
}

void SignalWatcher::readPipe()
{
    unsigned char bytes[64];
    for (;;) {
        const ssize_t n = ::read(m_readFd, bytes, sizeof(bytes));
        if (n > 0) {
            for (ssize_t i = 0; i < n; ++i)
                Q_EMIT signalReceived(int(bytes[i]));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            qCWarning(lcSignals) << "reading the signal pipe failed:" << errnoString(errno);
        return;
    }
}
