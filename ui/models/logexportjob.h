// SPDX-License-Identifier: MIT
// LogExportJob: writes a snapshot of an event log to a file on a worker thread.
#pragma once

#include "sselib/logexport.h"

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

/// Runs Sse::exportLog() on a thread of its own over records copied when the job is made (the
/// copy is cheap: the byte arrays are shared), so that the window stays responsive and the
/// live log may change meanwhile. progressChanged() and finished() arrive on the job's thread.
class LogExportJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogExportJob)

public:
    LogExportJob(QList<Sse::EventLog::Record> records, QString fileName, Sse::LogFormat format,
            QObject *parent = nullptr);
    /// Cancels a running export and waits for it: the target file stays as it was.
    ~LogExportJob() override;

    [[nodiscard]] QString fileName() const { return m_fileName; }

    [[nodiscard]] Sse::LogFormat format() const { return m_format; }

    [[nodiscard]] qsizetype recordCount() const { return m_records.size(); }

    [[nodiscard]] bool isRunning() const;

    /// What the export did; valid after finished().
    [[nodiscard]] const Sse::ExportResult &result() const { return m_result; }

public Q_SLOTS:
    void start();
    /// Stops at the next progress step; finished() follows with result().cancelled set.
    void cancel();

Q_SIGNALS:
    void progressChanged(qint64 done, qint64 total);
    void finished();

private:
    void run();

    QList<Sse::EventLog::Record> m_records;
    QString m_fileName;
    Sse::LogFormat m_format;
    Sse::ExportResult m_result;
    QThread *m_thread = nullptr;
    std::atomic_bool m_cancelled{false};
};
