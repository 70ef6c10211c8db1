// SPDX-License-Identifier: MIT
// LogRecording: the live NDJSON event log that `monitor --output` and `proxy --output` write.
#include "logrecording.h"

#include "consoleoutput.h"

#include <QLoggingCategory>

using namespace std::chrono_literals;

namespace {

Q_LOGGING_CATEGORY(lcRecording, "ssedash.cli.recording", QtWarningMsg)

// How long a record may wait in memory, and how much may wait.
constexpr auto FlushInterval = 100ms;
constexpr qsizetype FlushSize = 64 * 1024;

} // namespace

LogRecording::LogRecording(const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_fileName(fileName)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushInterval);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        if (!write())
            Q_EMIT failed();
    });
}

LogRecording::~LogRecording() = default;

bool LogRecording::open()
{
    m_file.setFileName(m_fileName);
    // Unbuffered: each flush is one write(2) of whole records, so that the file never ends
    // inside one (a write the disk refused in part is cut back in write()).
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        printMessage(tr("cannot record to %1: %2").arg(m_fileName, m_file.errorString()));
        return false;
    }
    m_pending.reserve(FlushSize + 4096);
    return true;
}

void LogRecording::recorded()
{
    if (!m_file.isOpen()) {
        m_pending.clear(); // not recording, or no more
        return;
    }
    if (m_pending.size() >= FlushSize) {
        if (!write())
            Q_EMIT failed();
    } else if (!m_flushTimer.isActive()) {
        m_flushTimer.start();
    }
}

bool LogRecording::flush()
{
    return write() && !m_failed;
}

bool LogRecording::close()
{
    const bool ok = flush();
    m_file.close();
    return ok;
}

bool LogRecording::write()
{
    m_flushTimer.stop();
    if (!m_file.isOpen() || m_pending.isEmpty())
        return true;
    const char *data = m_pending.constData();
    qint64 left = m_pending.size();
    // A short write says nothing of why: write the rest, which fails with the reason.
    while (left > 0) {
        const qint64 written = m_file.write(data, left);
        if (written <= 0) {
            printMessage(tr("cannot record to %1: %2").arg(m_fileName, m_file.errorString()));
            // Drop the part of this flush that got through, so that the file ends with a
            // whole record and stays readable.
            if (!m_file.resize(m_size))
                qCWarning(lcRecording) << "cannot truncate" << m_fileName;
            m_file.close(); // record nothing more
            m_pending.clear();
            m_failed = true;
            return false;
        }
        data += written;
        left -= written;
    }
    m_size += m_pending.size();
    m_pending.resize(0);
    return true;
}
