// SPDX-License-Identifier: MIT
// MainWindow: the dashboard: a list of feeds, one FeedPanel each, the built-in publisher.
#pragma once

#include "mainwindowactions.h"

#include "sselib/logexport.h"
#include "ui/models/feed.h"
#include "ui/models/logexportjob.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

QT_BEGIN_NAMESPACE
class QDockWidget;
class QSettings;
class QLabel;
class QListWidget;
class QScrollArea;
class QSplitter;
class QStackedWidget;
QT_END_NAMESPACE

namespace Sse {
class Publisher;
}
class FeedPanel;
class LogActions;
class PublisherController;
class PublisherPanel;

/// The list of feeds on the left (name and a dot in the colour of its ready state), the
/// FeedPanel of the current one on the right, actions in a menu and a toolbar, and the
/// built-in publisher's URL and client count in the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts the built-in publisher (on the saved port, or a free loopback port when that one
    /// is taken or none was saved) and opens a feed on its /events. False with
    /// publisherError() when it cannot listen.
    bool startDefault();

    /// Adds a feed (owned by the window) with its list entry and panel, makes it current and
    /// opens it when `open` is true.
    Feed *addFeed(const FeedConfig &config, bool open = true);

    /// Gives the feed at `index` a new configuration (it reconnects when it was connected).
    void updateFeed(int index, const FeedConfig &config);

    /// Closes and deletes the feed at `index` with its panel, without asking (removeCurrent()
    /// asks first when the feed's log holds records).
    void removeFeed(int index);

    /// Opens `feed`; when values of its secret headers are missing, asks for them first (a
    /// SecretPrompt) and returns false, leaving the feed closed, when the user cancels.
    bool openFeed(Feed *feed);

    [[nodiscard]] int feedCount() const { return int(m_feeds.size()); }

    [[nodiscard]] Feed *feed(int index) const { return m_feeds.value(index); }

    [[nodiscard]] FeedPanel *panel(int index) const;

    [[nodiscard]] int currentIndex() const;
    void setCurrentIndex(int index);

    [[nodiscard]] Feed *currentFeed() const { return feed(currentIndex()); }

    /// The built-in publisher while it runs (see publisherController()).
    [[nodiscard]] Sse::Publisher *publisher() const;

    /// Why the built-in publisher could not start; empty when it could.
    [[nodiscard]] QString publisherError() const;

    [[nodiscard]] PublisherController *publisherController() const { return m_publisherController; }

    [[nodiscard]] PublisherPanel *publisherPanel() const { return m_publisherPanel; }

    [[nodiscard]] QDockWidget *publisherDock() const { return m_publisherDock; }

    [[nodiscard]] QListWidget *feedList() const { return m_list; }

    [[nodiscard]] QStackedWidget *panelStack() const { return m_stack; }

    [[nodiscard]] QLabel *publisherLabel() const { return m_publisherLabel; }

    [[nodiscard]] QAction *addFeedAction() const { return m_actions.addFeedAction; }

    [[nodiscard]] QAction *connectAction() const { return m_actions.connectAction; }

    [[nodiscard]] QAction *disconnectAction() const { return m_actions.disconnectAction; }

    [[nodiscard]] QAction *reconnectAction() const { return m_actions.reconnectAction; }

    [[nodiscard]] QAction *removeAction() const { return m_actions.removeAction; }

    [[nodiscard]] QAction *stopAllAction() const { return m_actions.stopAllAction; }

    [[nodiscard]] QAction *quitAction() const { return m_actions.quitAction; }

    [[nodiscard]] QAction *aboutAction() const { return m_actions.aboutAction; }

    [[nodiscard]] QAction *editAction() const { return m_actions.editAction; }

    [[nodiscard]] QAction *duplicateAction() const { return m_actions.duplicateAction; }

    [[nodiscard]] QAction *copyCurlAction() const { return m_actions.copyCurlAction; }

    [[nodiscard]] QAction *exportAction() const { return m_actions.exportAction; }

    [[nodiscard]] QAction *importAction() const { return m_actions.importAction; }

    [[nodiscard]] QAction *replayAction() const { return m_actions.replayAction; }

    /// Writes the feeds (not the built-in, imported and replay ones, whose addresses do not
    /// last), which of them are connected, the publisher panel's port and feed, and the
    /// window's layout.
    void saveSettings(QSettings &settings) const;

    /// Adds the feeds saveSettings() wrote (connecting those that were, unless a secret header's
    /// value was not remembered) and restores the layout (a pane saved collapsed gets its
    /// default size). Returns warnings about entries that could not be used, for people.
    QStringList restoreSettings(QSettings &settings);

    /// Saves to `settings` (not owned; null: nowhere) when the window closes.
    void setAutoSaveSettings(QSettings *settings);

    /// The text of the About box: ssedash's and Qt's versions, the system and platform.
    [[nodiscard]] static QString aboutText();

    /// Every action's shortcut, as the Help menu shows them (F1).
    [[nodiscard]] QString shortcutsText() const;

    /// Exports the log of the feed at `index` (every record, or the rows its panel's filters
    /// show) on a worker thread, with a progress dialog that can cancel; exportFinished()
    /// tells the outcome. Null when there is no such feed or an export is running.
    LogExportJob *exportLog(
            int index, const QString &fileName, Sse::LogFormat format, bool filteredOnly = false);

    /// The running export, if any.
    [[nodiscard]] LogExportJob *exportJob() const;

    /// Reads an NDJSON event log into a new feed that has no connection (its panel shows the
    /// records as if they had just arrived). Null with `error` set when the file cannot be used.
    Feed *importLog(const QString &fileName, QString *error = nullptr);

    /// True for feeds made by importLog().
    [[nodiscard]] bool isImported(const Feed *feed) const { return m_imported.contains(feed); }

    /// Hands the events of the feed at `index` to a replay publisher (the built-in publisher's
    /// code on a port of its own, with no periodic events), which plays them with their
    /// recorded timing divided by `speed`, and opens a feed on it. Null with `error` set when
    /// there is nothing to replay.
    Feed *replayLog(int index, double speed = 1.0, QString *error = nullptr);

public Q_SLOTS:
    void showAddFeedDialog();
    void connectCurrent();
    void disconnectCurrent();
    void reconnectCurrent();
    void removeCurrent();
    void stopAll();
    void showAbout();
    void showShortcuts();
    void showExportDialog();
    void showImportDialog();
    void replayCurrent();
    void editCurrent();
    void duplicateCurrent();
    void copyCurlCommand();
    void copyCurlCommandWithSecrets();

Q_SIGNALS:
    void exportFinished(const Sse::ExportResult &result);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createPublisherDock();
    void restoreSplitter(const QByteArray &state);
    /// Makes the publisher dock at least as wide as its form.
    void fitPublisherDock();
    void shareWidthWithDock();
    /// Asks whether to remove a feed whose log holds `records` records; Cancel is the default.
    bool confirmRemoval(const QString &name, int records);
    bool startOnFreePort();
    void onPublisherChanged(Sse::Publisher *publisher);
    void updateItem(Feed *feed);
    void updateActions();
    void updatePublisherLabel();

    QList<Feed *> m_feeds;
    QSet<const Feed *> m_imported;
    QSet<const Feed *> m_transient; ///< feeds that saveSettings() leaves out
    QSettings *m_settings = nullptr;
    LogActions *m_logActions = nullptr; ///< export, import and replay
    QSplitter *m_splitter = nullptr;
    QListWidget *m_list = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_publisherLabel = nullptr;
    PublisherController *m_publisherController = nullptr;
    PublisherPanel *m_publisherPanel = nullptr;
    QDockWidget *m_publisherDock = nullptr;
    QPointer<QScrollArea> m_publisherScroll; ///< the publisher panel's form scrolls in it
    QPointer<Feed> m_builtinFeed;
    bool m_publisherRestored = false; ///< the publisher's form came from saved settings
    MainWindowActions m_actions;
};
