// SPDX-License-Identifier: MIT
// LogController: export, import and replay of the event logs of a FeedList's feeds; no widgets.
#include "logcontroller.h"

#include "eventfiltermodel.h"
#include "feed.h"
#include "feedlist.h"

#include "sselib/eventlog.h"
#include "sselib/publisher/publisher.h"
#include "sselib/publisher/replay.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <limits>

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

LogController::LogController(FeedList *feeds, QObject *parent)
    : QObject(parent)
    , m_feeds(feeds)
{ }

LogController::~LogController()
{
    // The replay publishes through m_replayPublisher: it goes first.
    delete m_replay;
}

LogExportJob *LogController::exportLog(
        Feed *feed, const QString &fileName, Sse::LogFormat format, const EventFilterModel *shown)
{
    if (!feed || m_exportJob)
        return nullptr;
    auto *job = new LogExportJob(snapshot(feed, shown), fileName, format, this);
    m_exportJob = job;
    connect(job, &LogExportJob::finished, this, &LogController::onExportFinished);
    job->start();
    Q_EMIT exportJobChanged();
    return job;
}

void LogController::onExportFinished()
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
    }
    Q_EMIT exportFinished(result);
}

LogController::FeedResult LogController::importLog(const QString &fileName)
{
    // A recording whose recorder was killed may end in a torn line: the rest is still good.
    Sse::ImportResult imported = Sse::importLog(fileName, Sse::TornLastLine::Skip);
    if (!imported.ok)
        return {false, nullptr, imported.error};
    const QList<Sse::EventLog::Record> records = std::move(imported.records);
    FeedConfig config;
    config.name = tr("Imported: %1").arg(QFileInfo(fileName).fileName());
    // Room for the whole file: an imported log is looked at, not streamed.
    config.logCapacity = int(std::clamp<qsizetype>(
            records.size(), EventLogModel::DefaultCapacity, std::numeric_limits<int>::max()));
    Feed *feed = m_feeds->add(config, FeedList::Origin::Imported, fileName);
    feed->loadRecording(records);
    const QString shownName = QDir::toNativeSeparators(fileName);
    const int rows = feed->model()->rowCount();
    Q_EMIT statusMessage(imported.tornLine.isEmpty()
                    ? tr("Imported %L1 records from %2").arg(rows).arg(shownName)
                    : tr("Imported %L1 records from %2; %3")
                              .arg(rows)
                              .arg(shownName, imported.tornLine));
    return {true, feed, {}};
}

LogController::FeedResult LogController::replayLog(Feed *feed, double speed)
{
    const auto fail = [](const QString &why) {
        return FeedResult{false, nullptr, why};
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
        options.generator.interval = std::chrono::milliseconds(0);
        options.generator.ids = Sse::GeneratorSettings::Ids::None;
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
    config.url = m_replayPublisher->channelUrl({});
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
    return {true, replayFeed, {}};
}
