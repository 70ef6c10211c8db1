// SPDX-License-Identifier: MIT
// The main window's event-log export, import and replay.
#include "logactions.h"

#include "mainwindow.h"

#include "sselib/publisher/publisher.h"
#include "sselib/publisher/replay.h"
#include "ui/dialogs/exportdialog.h"
#include "ui/feedpanel/feedpanel.h"
#include "ui/models/eventfiltermodel.h"
#include "ui/models/feed.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QStatusBar>

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int StatusMessageMs = 8000; // as long as the window's other status messages

} // namespace

LogActions::LogActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
{ }

LogActions::~LogActions()
{
    // The replay publishes through m_replayPublisher: it goes first.
    delete m_replay;
}

QList<Sse::EventLog::Record> LogActions::snapshot(int index, bool filteredOnly) const
{
    QList<Sse::EventLog::Record> records;
    Feed *feed = m_window->feed(index);
    if (!feed)
        return records;
    EventLogModel *model = feed->model();
    model->flush();
    if (!filteredOnly) {
        records.reserve(model->rowCount());
        for (int row = 0; row < model->rowCount(); ++row)
            records.append(model->record(row));
        return records;
    }
    const EventFilterModel *filter = m_window->panel(index)->filterModel();
    records.reserve(filter->rowCount());
    for (int row = 0; row < filter->rowCount(); ++row)
        records.append(model->record(filter->mapToSource(filter->index(row, 0)).row()));
    return records;
}

LogExportJob *LogActions::exportLog(
        int index, const QString &fileName, Sse::LogFormat format, bool filteredOnly)
{
    if (!m_window->feed(index) || m_exportJob)
        return nullptr;
    auto *job = new LogExportJob(snapshot(index, filteredOnly), fileName, format, this);
    m_exportJob = job;
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
    connect(job, &LogExportJob::finished, this, &LogActions::onExportFinished);
    job->start();
    Q_EMIT exportJobChanged();
    return job;
}

void LogActions::onExportFinished()
{
    LogExportJob *job = m_exportJob;
    if (!job)
        return;
    const Sse::ExportResult result = job->result();
    m_exportJob = nullptr;
    job->deleteLater();
    Q_EMIT exportJobChanged();
    if (result.ok) {
        m_window->statusBar()->showMessage(tr("Exported %L1 records to %2")
                                                   .arg(result.records)
                                                   .arg(QDir::toNativeSeparators(job->fileName())),
                StatusMessageMs);
    } else if (result.cancelled) {
        m_window->statusBar()->showMessage(tr("Export cancelled; %1 was left as it was.")
                                                   .arg(QDir::toNativeSeparators(job->fileName())),
                StatusMessageMs);
    } else {
        showError(tr("Export Failed"),
                tr("%1\n\nNothing was written; an existing file was left as it was.")
                        .arg(result.error));
    }
    Q_EMIT exportFinished(result);
}

Feed *LogActions::importLog(const QString &fileName, QString *error)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    Sse::ImportResult imported = Sse::importLog(fileName);
    QApplication::restoreOverrideCursor();
    if (!imported.ok) {
        if (error)
            *error = imported.error;
        return nullptr;
    }
    const QList<Sse::EventLog::Record> records = std::move(imported.records);
    FeedConfig config;
    config.name = tr("Imported: %1").arg(QFileInfo(fileName).fileName());
    // Room for the whole file: an imported log is looked at, not streamed.
    config.logCapacity = int(std::clamp<qsizetype>(
            records.size(), EventLogModel::DefaultCapacity, std::numeric_limits<int>::max()));
    Feed *feed = m_window->addFeed(config, false);
    Q_EMIT feedImported(feed);
    // addFeed() made it the current feed.
    if (QListWidgetItem *item = m_window->feedList()->currentItem())
        item->setToolTip(config.name + u'\n' + QDir::toNativeSeparators(fileName));
    feed->loadRecording(records);
    m_window->statusBar()->showMessage(tr("Imported %L1 records from %2")
                                               .arg(feed->model()->rowCount())
                                               .arg(QDir::toNativeSeparators(fileName)),
            StatusMessageMs);
    return feed;
}

Feed *LogActions::replayLog(int index, double speed, QString *error)
{
    auto fail = [error](const QString &why) -> Feed * {
        if (error)
            *error = why;
        return nullptr;
    };
    QList<Sse::Event> events;
    const QList<Sse::EventLog::Record> records = snapshot(index, false);
    for (const Sse::EventLog::Record &record : records) {
        if (record.kind == Sse::EventLog::Record::Kind::Event)
            events.append(record.event);
    }
    if (events.isEmpty())
        return fail(tr("The log has no events to replay."));
    if (!m_replayPublisher) {
        // A publisher of its own: no periodic events of its own mixed in, the recorded ids kept.
        Sse::PublisherOptions options;
        options.channels.clear();
        options.feed.interval = std::chrono::milliseconds(0);
        options.feed.ids = Sse::FeedSettings::Ids::None;
        auto publisher = std::make_unique<Sse::Publisher>(options);
        if (!publisher->listen())
            return fail(tr("Cannot start the replay publisher: %1").arg(publisher->errorString()));
        m_replayPublisher = std::move(publisher);
    }
    if (m_replay)
        m_replay->stop();
    delete m_replay;
    FeedConfig config;
    config.name = tr("Replay: %1").arg(m_window->feed(index)->config().name);
    config.url = m_replayPublisher->url(Sse::Publisher::pathOf({}));
    Feed *replayFeed = m_window->addFeed(config, true);
    Q_EMIT replayFeedAdded(replayFeed);
    m_replay = new Sse::Replay(m_replayPublisher.get(), events, speed, {}, this);
    // Start once the feed listens, so that it sees the first event too.
    auto *replay = m_replay.get();
    connect(replayFeed, &Feed::readyStateChanged, replay, [replay](Feed::ReadyState state) {
        if (state == Feed::ReadyState::Open && !replay->isRunning() && replay->position() == 0)
            replay->start();
    });
    connect(replay, &Sse::Replay::finished, this, [this, replay] {
        m_window->statusBar()->showMessage(
                tr("Replay finished: %L1 events published.").arg(replay->size()), StatusMessageMs);
    });
    return replayFeed;
}

void LogActions::showExportDialog()
{
    const int index = m_window->currentIndex();
    Feed *feed = m_window->feed(index);
    if (!feed || m_exportJob)
        return;
    feed->model()->flush();
    ExportDialog dialog(
            feed->model()->rowCount(), m_window->panel(index)->filterModel()->rowCount(), m_window);
    const QString directory = m_lastDirectory.isEmpty() ? QDir::homePath() : m_lastDirectory;
    QString base = feed->config().name;
    base.replace(QRegularExpression(u"[^\\w.-]+"_s), u"-"_s);
    dialog.setFileName(QDir(directory).filePath(base + u".ndjson"_s));
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_lastDirectory = QFileInfo(dialog.fileName()).absolutePath();
    exportLog(index, dialog.fileName(), dialog.format(), dialog.filteredOnly());
}

void LogActions::showImportDialog()
{
    const QString fileName = QFileDialog::getOpenFileName(m_window, tr("Import Log"),
            m_lastDirectory.isEmpty() ? QDir::homePath() : m_lastDirectory,
            tr("NDJSON event logs (*.ndjson *.jsonl);;All files (*)"));
    if (fileName.isEmpty())
        return;
    m_lastDirectory = QFileInfo(fileName).absolutePath();
    QString error;
    if (!importLog(fileName, &error))
        showError(tr("Import Failed"), error);
}

void LogActions::replayCurrent()
{
    QString error;
    if (!replayLog(m_window->currentIndex(), 1.0, &error))
        showError(tr("Replay"), error);
}

void LogActions::showError(const QString &title, const QString &text)
{
    m_window->statusBar()->showMessage(text.section(u'\n', 0, 0), StatusMessageMs);
    // Window-modal and not exec(): the feeds go on while the message is up.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(u"errorBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
