// SPDX-License-Identifier: MIT
// LogController: export, import and replay of the event logs of a FeedList's feeds; no widgets.
#pragma once

#include "sselib/logexport.h"
#include "ui/models/logexportjob.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace Sse {
class Publisher;
class Replay;
} // namespace Sse
class EventFilterModel;
class Feed;
class FeedList;

/// What the Log menu does, without its dialogs: exports a feed's log on a worker thread (one
/// export at a time), reads an NDJSON log into a new feed of the list, and replays a log
/// through a publisher of its own into another new feed. Outcomes go out as statusMessage().
class LogController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogController)

public:
    /// The outcome of importLog() and replayLog().
    struct FeedResult
    {
        bool ok = false;
        Feed *feed = nullptr; ///< the new feed; null when not ok
        QString error; ///< for people; empty when ok
    };

    /// Adds feeds to `feeds`, which must outlive it.
    explicit LogController(FeedList *feeds, QObject *parent = nullptr);
    ~LogController() override;

    /// Starts exporting the log of `feed` (every record, or the rows `shown` shows when it is
    /// given) on a worker thread; exportFinished() tells the outcome. Null when there is no
    /// feed or an export is running.
    LogExportJob *exportLog(Feed *feed, const QString &fileName, Sse::LogFormat format,
            const EventFilterModel *shown = nullptr);

    /// The running export, if any.
    [[nodiscard]] LogExportJob *exportJob() const { return m_exportJob; }

    /// Reads an NDJSON event log into a new, current feed of the list (FeedList::Origin::
    /// Imported) that has no connection; not ok when the file cannot be used.
    FeedResult importLog(const QString &fileName);

    /// Hands the events of `feed` to a replay publisher (the built-in publisher's code on a
    /// port of its own, with no periodic events), which plays them with their recorded timing
    /// divided by `speed`, and opens a new, current feed on it; not ok when there is nothing
    /// to replay.
    FeedResult replayLog(Feed *feed, double speed = 1.0);

Q_SIGNALS:
    /// exportJob() changed: an export started or ended.
    void exportJobChanged();
    /// The export ended; exportJob() is null again.
    void exportFinished(const Sse::ExportResult &result);
    /// A line for people: an export, import or replay went well, or an export was cancelled.
    void statusMessage(const QString &text);

private:
    void onExportFinished();

    FeedList *m_feeds;
    std::unique_ptr<Sse::Publisher> m_replayPublisher; ///< plays logs, see replayLog()
    QPointer<Sse::Replay> m_replay;
    QPointer<LogExportJob> m_exportJob;
};
