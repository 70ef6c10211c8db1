// SPDX-License-Identifier: MIT
// LogActions: the dashboard's event-log export, import and replay.
#include "logactions.h"

#include "sselib/publisher/publisher.h"
#include "sselib/publisher/replay.h"
#include "ui/dialogs/exportdialog.h"
#include "ui/models/eventfiltermodel.h"
#include "ui/models/feed.h"
#include "ui/models/feedlist.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

// Every record of `feed`'s log, or the rows `shown` shows.
QList<Sse::EventLog::Record> snapshot(Feed *feed, const EventFilterModel *shown)
{
    QList<Sse::EventLog::Record> records;
    EventLogModel *model = feed->model();
    model->flush();
    if (!shown) {
        records.reserve(model->rowCount());
        for (int row = 0; row < model->rowCount(); ++row)
            records.append(model->record(row));
        return records;
    }
    records.reserve(shown->rowCount());
    for (int row = 0; row < shown->rowCount(); ++row)
        records.append(model->record(shown->mapToSource(shown->index(row, 0)).row()));
    return records;
}

} // namespace

LogActions::LogActions(FeedList *feeds, QWidget *window)
    : QObject(window)
    , m_feeds(feeds)
    , m_window(window)
{ }

LogActions::~LogActions()
{
    // The replay publishes through m_replayPublisher: it goes first.
    delete m_replay;
}

LogExportJob *LogActions::exportLog(
        Feed *feed, const QString &fileName, Sse::LogFormat format, const EventFilterModel *shown)
{
    if (!feed || m_exportJob)
        return nullptr;
    auto *job = new LogExportJob(snapshot(feed, shown), fileName, format, this);
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
        Q_EMIT statusMessage(tr("Exported %L1 records to %2")
                                     .arg(result.records)
                                     .arg(QDir::toNativeSeparators(job->fileName())));
    } else if (result.cancelled) {
        Q_EMIT statusMessage(tr("Export cancelled; %1 was left as it was.")
                                     .arg(QDir::toNativeSeparators(job->fileName())));
    } else {
        showError(tr("Export Failed"),
                tr("%1\n\nNothing was written; an existing file was left as it was.")
                        .arg(result.error));
    }
    Q_EMIT exportFinished(result);
}

Feed *LogActions::importLog(const QString &fileName, QString *error)
{
    QList<Sse::EventLog::Record> records;
    QString why;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = Sse::importLog(fileName, &records, &why);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        if (error)
            *error = why;
        return nullptr;
    }
    FeedConfig config;
    config.name = tr("Imported: %1").arg(QFileInfo(fileName).fileName());
    // Room for the whole file: an imported log is looked at, not streamed.
    config.logCapacity = int(std::clamp<qsizetype>(
            records.size(), EventLogModel::DefaultCapacity, std::numeric_limits<int>::max()));
    Feed *feed = m_feeds->add(config, FeedList::Origin::Imported, fileName);
    feed->loadRecording(records);
    Q_EMIT statusMessage(tr("Imported %L1 records from %2")
                                 .arg(feed->model()->rowCount())
                                 .arg(QDir::toNativeSeparators(fileName)));
    return feed;
}

Feed *LogActions::replayLog(Feed *feed, double speed, QString *error)
{
    auto fail = [error](const QString &why) -> Feed * {
        if (error)
            *error = why;
        return nullptr;
    };
    QList<Sse::Event> events;
    const QList<Sse::EventLog::Record> records =
            feed ? snapshot(feed, nullptr) : QList<Sse::EventLog::Record>();
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
    config.name = tr("Replay: %1").arg(feed->config().name);
    config.url = m_replayPublisher->url(Sse::Publisher::pathOf({}));
    Feed *replayFeed = m_feeds->add(config, FeedList::Origin::Transient);
    m_replay = new Sse::Replay(m_replayPublisher.get(), events, speed, {}, this);
    // Start once the feed listens, so that it sees the first event too.
    auto *replay = m_replay.get();
    connect(replayFeed, &Feed::readyStateChanged, replay, [replay](Feed::ReadyState state) {
        if (state == Feed::ReadyState::Open && !replay->isRunning() && replay->position() == 0)
            replay->start();
    });
    connect(replay, &Sse::Replay::finished, this, [this, replay] {
        Q_EMIT statusMessage(tr("Replay finished: %L1 events published.").arg(replay->size()));
    });
    // Opened last, with the replay waiting for it.
    replayFeed->open();
    return replayFeed;
}

void LogActions::showExportDialog(Feed *feed, const EventFilterModel *shown)
{
    if (!feed || !shown || m_exportJob)
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
    QString error;
    if (!importLog(fileName, &error))
        showError(tr("Import Failed"), error);
}

void LogActions::replay(Feed *feed)
{
    QString error;
    if (!replayLog(feed, 1.0, &error))
        showError(tr("Replay"), error);
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
