// SPDX-License-Identifier: MIT
// LogActions: the dialogs of the dashboard's event-log export, import and replay.
#include "logactions.h"

#include "ui/dialogs/exportdialog.h"
#include "ui/models/eventfiltermodel.h"
#include "ui/models/feed.h"
#include "ui/models/logcontroller.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

LogActions::LogActions(LogController *logs, QWidget *window)
    : QObject(window)
    , m_logs(logs)
    , m_window(window)
{
    connect(m_logs, &LogController::exportFinished, this, &LogActions::onExportFinished);
}

LogActions::~LogActions() = default;

LogExportJob *LogActions::exportLog(
        Feed *feed, const QString &fileName, Sse::LogFormat format, const EventFilterModel *shown)
{
    LogExportJob *job = m_logs->exportLog(feed, fileName, format, shown);
    if (!job)
        return nullptr;
    auto *progress = new QProgressDialog(tr("Exporting %L1 records to %2…")
                                                 .arg(job->recordCount())
                                                 .arg(QDir::toNativeSeparators(fileName)),
            tr("Cancel"), 0, int(qMax<qsizetype>(1, job->recordCount())), m_window);
    progress->setObjectName(u"exportProgress"_s);
    progress->setWindowTitle(tr("Export Log"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400); // small logs finish before a dialog would flash
    progress->setAutoReset(false);
    progress->setAutoClose(false);
    connect(progress, &QProgressDialog::canceled, job, &LogExportJob::cancel);
    connect(job, &LogExportJob::progressChanged, progress,
            [progress](qint64 done) { progress->setValue(int(done)); });
    connect(job, &LogExportJob::finished, progress, &QObject::deleteLater);
    return job;
}

void LogActions::onExportFinished(const Sse::ExportResult &result)
{
    if (!result.ok && !result.cancelled) {
        showError(tr("Export Failed"),
                tr("%1\n\nNothing was written; an existing file was left as it was.")
                        .arg(result.error));
    }
}

void LogActions::showExportDialog(Feed *feed, const EventFilterModel *shown)
{
    if (!feed || !shown || m_logs->exportJob())
        return;
    feed->model()->flush();
    auto *dialog = new ExportDialog(feed->model()->rowCount(), shown->rowCount(), m_window);
    dialog->setObjectName(u"exportDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString directory = m_lastDirectory.isEmpty() ? QDir::homePath() : m_lastDirectory;
    QString base = feed->config().name;
    base.replace(QRegularExpression(u"[^\\w.-]+"_s), u"-"_s);
    dialog->setFileName(QDir(directory).filePath(base + u".ndjson"_s));
    // Not exec(): the feeds go on while it is up, and one may be removed meanwhile.
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, feed = QPointer<Feed>(feed),
                    shown = QPointer<const EventFilterModel>(shown)] {
                m_lastDirectory = QFileInfo(dialog->fileName()).absolutePath();
                if (feed)
                    exportLog(feed, dialog->fileName(), dialog->format(),
                            dialog->filteredOnly() ? shown.data() : nullptr);
            });
    dialog->open();
}

void LogActions::showImportDialog()
{
    const QString fileName = QFileDialog::getOpenFileName(m_window, tr("Import Log"),
            m_lastDirectory.isEmpty() ? QDir::homePath() : m_lastDirectory,
            tr("NDJSON event logs (*.ndjson *.jsonl);;All files (*)"));
    if (fileName.isEmpty())
        return;
    m_lastDirectory = QFileInfo(fileName).absolutePath();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const LogController::FeedResult imported = m_logs->importLog(fileName);
    QApplication::restoreOverrideCursor();
    if (!imported.ok)
        showError(tr("Import Failed"), imported.error);
}

void LogActions::replay(Feed *feed)
{
    const LogController::FeedResult replayed = m_logs->replayLog(feed, 1.0);
    if (!replayed.ok)
        showError(tr("Replay"), replayed.error);
}

void LogActions::showError(const QString &title, const QString &text)
{
    Q_EMIT statusMessage(text.section(u'\n', 0, 0));
    // Window-modal and not exec(): the feeds go on while the message is up.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(u"errorBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
