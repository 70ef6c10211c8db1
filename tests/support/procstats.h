// SPDX-License-Identifier: MIT
// TestSupport::ProcStats: this process's resident memory, open fds and threads, from /proc.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>

namespace TestSupport::ProcStats {

/// One reading; -1 in each field where there is no /proc (not Linux).
struct Snapshot
{
    double rssMiB = -1;
    int fds = -1;
    int threads = -1;
};

/// The number after "key:" in /proc/self/status (kB for sizes); -1 when absent.
inline qint64 statusValue(const QByteArray &status, const QByteArray &key)
{
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(QByteArray(key + ':')))
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// A field of /proc/self/status ("VmRSS", "VmHWM", ...), in kB for sizes; -1 when absent.
inline qint64 statusKiB(const QByteArray &key)
{
    QFile file(QStringLiteral("/proc/self/status"));
    return file.open(QIODevice::ReadOnly) ? statusValue(file.readAll(), key) : -1;
}

inline Snapshot snapshot()
{
    Snapshot snapshot;
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return snapshot;
    const QByteArray status = file.readAll();
    const qint64 rssKiB = statusValue(status, QByteArrayLiteral("VmRSS"));
    snapshot.rssMiB = rssKiB < 0 ? -1 : double(rssKiB) / 1024.0;
    snapshot.threads = int(statusValue(status, QByteArrayLiteral("Threads")));
    // Counts the listing's own descriptor too: one more than otherwise, in every reading.
    snapshot.fds = int(QDir(QStringLiteral("/proc/self/fd"))
                               .entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)
                               .size());
    return snapshot;
}

} // namespace TestSupport::ProcStats
