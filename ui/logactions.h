// SPDX-License-Identifier: MIT
// LogActions: the dialogs of the dashboard's event-log export, import and replay.
#pragma once

#include "sselib/logexport.h"

#include <QObject>
#include <QString>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

class EventFilterModel;
class Feed;
class LogController;
class LogExportJob;

/// The Log menu's dialogs over a LogController: a progress dialog that can cancel an export,
/// the export dialog, the import file dialog, and a message box, which does not block the
/// feeds, for what failed. Each comes up over the window given to the constructor.
class LogActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogActions)

public:
    /// Works through `logs`; `window` is the dialogs' parent and this object's.
    LogActions(LogController *logs, QWidget *window);
    ~LogActions() override;

    /// LogController::exportLog() behind a progress dialog that can cancel it.
    LogExportJob *exportLog(Feed *feed, const QString &fileName, Sse::LogFormat format,
            const EventFilterModel *shown = nullptr);

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
    /// The first line of what failed, for the status bar.
    void statusMessage(const QString &text);

private:
    void onExportFinished(const Sse::ExportResult &result);
    void showError(const QString &title, const QString &text);

    LogController *m_logs;
    QWidget *m_window;
    QString m_lastDirectory;
};
