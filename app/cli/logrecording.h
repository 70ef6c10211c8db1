// SPDX-License-Identifier: MIT
// LogRecording: the live NDJSON event log that `monitor --output` and `proxy --output` write.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QObject>
#include <QString>
#include <QTimer>

/// Records event-log lines (see sselib/eventlog.h) to a file as they come: append whole records
/// to buffer(), then call recorded(). They are written at most 100 ms later, or at once when
/// 64 KiB wait, so that a crash loses little. Not atomic: the file is truncated by open() and
/// holds a partial log meanwhile. When a write fails (a full disk), the file is cut back to its
/// last whole record, nothing more is recorded, a message goes to stderr and failed() is
/// emitted (from recorded() or the flush timer).
class LogRecording final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogRecording)

public:
    explicit LogRecording(const QString &fileName, QObject *parent = nullptr);
    ~LogRecording() override;

    /// Opens the file, replacing it; false after printing why not.
    [[nodiscard]] bool open();

    [[nodiscard]] bool isOpen() const { return m_file.isOpen(); }

    /// Where the next records go, whole lines only.
    [[nodiscard]] QByteArray &buffer() { return m_pending; }

    /// Records were appended to buffer(): writes them soon.
    void recorded();
    /// Writes what waits; false (after printing why) when the write failed, now or earlier.
    [[nodiscard]] bool flush();
    /// Flushes and closes; false as for flush().
    [[nodiscard]] bool close();

Q_SIGNALS:
    /// A write failed; the recording is closed.
    void failed();

private:
    [[nodiscard]] bool write();

    QString m_fileName;
    QFile m_file;
    QByteArray m_pending; ///< records not yet written
    qint64 m_size = 0; ///< bytes of whole records in the file
    QTimer m_flushTimer;
    bool m_failed = false;
};
