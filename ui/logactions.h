// SPDX-License-Identifier: MIT
// LogActions: the main window's event-log export, import and replay.
#pragma once

#include "sselib/eventlog.h"
#include "sselib/logexport.h"
#include "ui/models/logexportjob.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace Sse {
class Publisher;
class Replay;
} // namespace Sse
class Feed;
class MainWindow;

/// What MainWindow's Log menu does, on the window's feeds through its public interface: exports
/// a feed's log on a worker thread behind a progress dialog, reads an NDJSON log into a new feed,
/// and replays a log through a publisher of its own. Outcomes go to the window's status bar, and
/// failures of the dialogs' actions to a message box that does not block the feeds.
class LogActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogActions)

public:
    /// Works on `window`'s feeds; a child of `window`.
    explicit LogActions(MainWindow *window);
    ~LogActions() override;

    /// See MainWindow::exportLog().
    LogExportJob *exportLog(
            int index, const QString &fileName, Sse::LogFormat format, bool filteredOnly = false);

    /// The running export, if any.
    [[nodiscard]] LogExportJob *exportJob() const { return m_exportJob; }

    /// See MainWindow::importLog(); feedImported() marks the new feed before its records arrive.
    Feed *importLog(const QString &fileName, QString *error = nullptr);

    /// See MainWindow::replayLog(); replayFeedAdded() names the feed that listens to the replay.
    Feed *replayLog(int index, double speed = 1.0, QString *error = nullptr);

    /// Asks for a file, a format and which rows, then exports the current feed's log.
    void showExportDialog();

    /// Asks for a file and imports it; a failure is shown.
    void showImportDialog();

    /// Replays the current feed's log at its recorded speed; a failure is shown.
    void replayCurrent();

    /// Where the file dialogs start (the home directory when empty).
    [[nodiscard]] QString lastDirectory() const { return m_lastDirectory; }

    void setLastDirectory(const QString &directory) { m_lastDirectory = directory; }

Q_SIGNALS:
    /// exportJob() changed: an export started or ended.
    void exportJobChanged();
    void exportFinished(const Sse::ExportResult &result);
    /// A feed importLog() made, right after it was added.
    void feedImported(Feed *feed);
    /// A feed replayLog() made, right after it was added.
    void replayFeedAdded(Feed *feed);

private:
    void onExportFinished();
    void showError(const QString &title, const QString &text);
    [[nodiscard]] QList<Sse::EventLog::Record> snapshot(int index, bool filteredOnly) const;

    MainWindow *m_window;
    std::unique_ptr<Sse::Publisher> m_replayPublisher; ///< plays logs, see replayLog()
    QPointer<Sse::Replay> m_replay;
    QPointer<LogExportJob> m_exportJob;
    QString m_lastDirectory;
};
