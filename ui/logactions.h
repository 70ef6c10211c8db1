// SPDX-License-Identifier: MIT
// LogActions: the dashboard's event-log export, import and replay.
#pragma once

#include "sselib/eventlog.h"
#include "sselib/logexport.h"
#include "ui/models/logexportjob.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace Sse {
class Publisher;
class Replay;
} // namespace Sse
class EventFilterModel;
class Feed;
class FeedList;

/// What the Log menu does with the feeds of a FeedList: exports a feed's log on a worker thread
/// behind a progress dialog, reads an NDJSON log into a new feed of the list, and replays a log
/// through a publisher of its own into another new feed. Outcomes go out as statusMessage(),
/// failures of the dialogs' actions also to a message box that does not block the feeds. The
/// dialogs come up over the window given to the constructor.
class LogActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogActions)

public:
    /// Adds feeds to `feeds`; `window` is the dialogs' parent and this object's.
    LogActions(FeedList *feeds, QWidget *window);
    ~LogActions() override;

    /// Exports the log of `feed` (every record, or the rows `shown` shows when it is given) on
    /// a worker thread, with a progress dialog that can cancel; exportFinished() tells the
    /// outcome. Null when there is no feed or an export is running.
    LogExportJob *exportLog(Feed *feed, const QString &fileName, Sse::LogFormat format,
            const EventFilterModel *shown = nullptr);

    /// The running export, if any.
    [[nodiscard]] LogExportJob *exportJob() const { return m_exportJob; }

    /// Reads an NDJSON event log into a new, current feed of the list (FeedList::Origin::
    /// Imported) that has no connection. Null with `error` set when the file cannot be used.
    Feed *importLog(const QString &fileName, QString *error = nullptr);

    /// Hands the events of `feed` to a replay publisher (the built-in publisher's code on a
    /// port of its own, with no periodic events), which plays them with their recorded timing
    /// divided by `speed`, and opens a new, current feed on it. Null with `error` set when
    /// there is nothing to replay.
    Feed *replayLog(Feed *feed, double speed = 1.0, QString *error = nullptr);

    /// Asks (in a window-modal dialog) for a file, a format and which rows, then exports the
    /// log of `feed`; `shown` is what its view shows.
    void showExportDialog(Feed *feed, const EventFilterModel *shown);

    /// Asks for a file and imports it; a failure is shown.
    void showImportDialog();

    /// Replays the log of `feed` at its recorded speed; a failure is shown.
    void replay(Feed *feed);

    /// Where the file dialogs start (the home directory when empty).
    [[nodiscard]] QString lastDirectory() const { return m_lastDirectory; }

    void setLastDirectory(const QString &directory) { m_lastDirectory = directory; }

Q_SIGNALS:
    /// exportJob() changed: an export started or ended.
    void exportJobChanged();
    void exportFinished(const Sse::ExportResult &result);
    /// A line for the status bar.
    void statusMessage(const QString &text);

private:
    void onExportFinished();
    void showError(const QString &title, const QString &text);

    FeedList *m_feeds;
    QWidget *m_window;
    std::unique_ptr<Sse::Publisher> m_replayPublisher; ///< plays logs, see replayLog()
    QPointer<Sse::Replay> m_replay;
    QPointer<LogExportJob> m_exportJob;
    QString m_lastDirectory;
};
