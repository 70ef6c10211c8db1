// SPDX-License-Identifier: MIT
// TestSupport::FileSizeLimit: makes writes fail as on a full disk, for the scope of a test.
#pragma once

#include <QtGlobal>

#include <csignal>
#include <sys/resource.h>

namespace TestSupport {

/// Lowers the soft RLIMIT_FSIZE and ignores SIGXFSZ, so that writing past the limit fails
/// with EFBIG ("File too large"), which works as root too (unlike a read-only directory);
/// puts both back when it goes out of scope. The limit is process-wide: worker threads that
/// write meanwhile hit it as well.
class FileSizeLimit
{
    Q_DISABLE_COPY_MOVE(FileSizeLimit)

public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        if (::getrlimit(RLIMIT_FSIZE, &m_old) != 0)
            return;
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        m_active = ::setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }

    ~FileSizeLimit()
    {
        if (m_active)
            ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }

    [[nodiscard]] bool isActive() const { return m_active; }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = SIG_DFL;
    bool m_active = false;
};

/// For a child process, between fork and exec (QProcess::setChildProcessModifier()): the same
/// limit for good, with async-signal-safe calls only, so that writing a file past `bytes`
/// fails with EFBIG.
inline void limitChildFileSize(rlim_t bytes)
{
    ::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0) {
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
}

} // namespace TestSupport
