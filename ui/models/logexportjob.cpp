// SPDX-License-Identifier: MIT
// Writes a snapshot of an event log to a file on a worker thread.
#include "logexportjob.h"

#include <QThread>

LogExportJob::LogExportJob(QList<Sse::EventLog::Record> records, QString fileName,
        Sse::LogFormat format, QObject *parent)
    : QObject(parent)
    , m_records(std::move(records))
    , m_fileName(std::move(fileName))
    , m_format(format)
{ }

LogExportJob::~LogExportJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool LogExportJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void LogExportJob::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("LogExportJob"));
    // Queued to this object's thread: result() is complete and the worker is gone.
    connect(m_thread, &QThread::finished, this, &LogExportJob::finished);
    m_thread->start();
}

void LogExportJob::cancel()
{
    m_cancelled = true;
}

void LogExportJob::run()
{
    const qint64 total = m_records.size();
    m_result = Sse::exportLog(
            m_fileName, m_format, m_records.size(),
            [this](qsizetype i) -> const Sse::EventLog::Record & { return m_records.at(i); },
            [this, total](qsizetype done) {
                Q_EMIT progressChanged(qint64(done), total);
                return !m_cancelled.load();
            });
}
