// SPDX-License-Identifier: MIT
// MainWindow: the dashboard: a list of feeds, one FeedPanel each, the built-in publisher.
#pragma once

#include "mainwindowactions.h"

#include "ui/models/feedlist.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

QT_BEGIN_NAMESPACE
class QDockWidget;
class QSettings;
class QLabel;
class QListView;
class QScrollArea;
class QSplitter;
class QStackedWidget;
QT_END_NAMESPACE

namespace Sse {
class Publisher;
}
class CaptureActions;
class CaptureSession;
class FeedDialog;
class FeedPanel;
class FeedSecrets;
class SecretStore;
class LogActions;
class LogController;
class PublisherController;
class PublisherPanel;

/// The list of feeds on the left (name and a dot in the colour of its ready state), the
/// FeedPanel of the current one on the right, actions in a menu and a toolbar, and the
/// built-in publisher's URL and client count in the status bar. The feeds live in a FeedList;
/// the list view and the panel stack follow it. Parts have objectNames for tools and tests:
/// "feeds" (the FeedList), "logController", "logActions", "feedList", "panelStack",
/// "publisherDock", "publisherPanel", "publisherLabel", "captureSession", "captureActions",
/// "captureDock", "captureLabel", and each action ("exportAction", "captureAction", ...).
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

    /// Adds a feed to the window's FeedList (objectName "feeds"; its panel follows), makes it
    /// current and opens it when `open` is true.
    Feed *addFeed(const FeedConfig &config, bool open = true,
            FeedList::Origin origin = FeedList::Origin::Configured);

    /// The panel of the current feed; null when there is none.
    [[nodiscard]] FeedPanel *currentPanel() const;

    /// The built-in publisher while it runs (see publisherController()).
    [[nodiscard]] Sse::Publisher *publisher() const;

    /// Why the built-in publisher could not start; empty when it could.
    [[nodiscard]] QString publisherError() const;

    [[nodiscard]] PublisherController *publisherController() const { return m_publisherController; }

    /// The capture proxy's session (objectName "captureSession"): its feeds are Captured ones.
    [[nodiscard]] CaptureSession *captureSession() const { return m_capture; }

    /// The Capture menu, dialog and dock (objectName "captureActions").
    [[nodiscard]] CaptureActions *captureActions() const { return m_captureActions; }

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

    /// Remembers the secrets of feeds with rememberSecrets in `store`'s keychain (not owned;
    /// set before restoreSettings()). Without one, no secret is remembered.
    void setSecretStore(SecretStore *store);

    /// Keeps the feeds' remembered secrets in the secret store.
    [[nodiscard]] FeedSecrets *feedSecrets() const { return m_secrets; }

    /// The text of the About box: ssedash's and Qt's versions, the system and platform.
    [[nodiscard]] static QString aboutText();

    /// Every action's shortcut, as the Help menu shows them (F1).
    [[nodiscard]] QString shortcutsText() const;

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

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createPublisherDock();
    void connectActions();
    void connectFeedList();
    /// Makes the panels of the feeds in `first`..`last`, in the stack at their rows.
    void createPanels(int first, int last);
    void restoreSplitter(const QByteArray &state);
    /// Makes the publisher dock at least as wide as its form.
    void fitPublisherDock();
    void shareWidthWithDock();
    /// Gives the feed at `index` a new configuration (it reconnects when it was connected).
    void updateFeed(int index, const FeedConfig &config);
    /// Opens `feed`; when values of its secret headers are missing, asks for them first (a
    /// window-modal SecretPrompt) and leaves the feed closed when the user cancels.
    void openFeed(Feed *feed);
    /// Asks whether to remove `feed`, whose log holds `records` records (Cancel is the
    /// default), and removes it on Remove.
    void confirmRemoval(Feed *feed, int records);
    /// Shows `dialog` window-modal, deleted when closed, and hands it to `onAccepted` on OK.
    void openFeedDialog(FeedDialog *dialog, std::function<void(const FeedConfig &)> onAccepted);
    bool startOnFreePort();
    void onPublisherChanged(Sse::Publisher *publisher);
    void updateActions();
    void updatePublisherLabel();
    void showStatus(const QString &text);

    FeedList *m_feeds = nullptr; ///< owns the feeds; the panels in m_stack follow its rows
    LogController *m_logs = nullptr; ///< export, import and replay
    LogActions *m_logActions = nullptr; ///< their dialogs
    FeedSecrets *m_secrets = nullptr; ///< remembered secrets in the keychain
    QSettings *m_settings = nullptr;
    QSplitter *m_splitter = nullptr;
    QListView *m_list = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_publisherLabel = nullptr;
    PublisherController *m_publisherController = nullptr;
    PublisherPanel *m_publisherPanel = nullptr;
    QDockWidget *m_publisherDock = nullptr;
    CaptureSession *m_capture = nullptr; ///< the capture proxy; its feeds are in m_feeds
    CaptureActions *m_captureActions = nullptr;
    QPointer<QScrollArea> m_publisherScroll; ///< the publisher panel's form scrolls in it
    QPointer<Feed> m_builtinFeed;
    bool m_publisherRestored = false; ///< the publisher's form came from saved settings
    MainWindowActions m_actions;
};
