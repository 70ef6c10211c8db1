// SPDX-License-Identifier: MIT
// The dashboard's main window.
#include "mainwindow.h"

#include "appicon.h"
#include "logactions.h"
#include "mainwindowactions.h"
#include "ssedash/version.h"

#include "sselib/publisher/publisher.h"
#include "ui/capture/captureactions.h"
#include "ui/dialogs/feeddialog.h"
#include "ui/dialogs/secretprompt.h"
#include "ui/feedpanel/feedpanel.h"
#include "ui/models/capturesession.h"
#include "ui/models/feedsecrets.h"
#include "ui/models/feedsettings.h"
#include "ui/models/logcontroller.h"
#include "ui/models/publishercontroller.h"
#include "ui/models/secretstore.h"
#include "ui/publisher/publisherpanel.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/widgets/feedlistdelegate.h"
#include "ui/widgets/feedlistproxymodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QSysInfo>
#include <QTimer>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int TimelineHeight = 110;
constexpr int PublisherDockWidth = 370;
constexpr int StatusMessageMs = 8000;
constexpr std::chrono::milliseconds SecretWriteGrace{3000};
constexpr int FeedListWidth = 190;
constexpr int FeedListMinWidth = 150;
constexpr int LogMinChars = 30; // the log table never gets narrower: time, type and some data

// A state saved with a pane collapsed (by an older version, or edited by hand) is not restored.
bool hasCollapsedPane(const QSplitter *splitter)
{
    const QList<int> sizes = splitter->sizes();
    return sizes.size() != splitter->count() || sizes.contains(0);
}

static_assert(int(FeedList::NoteRole) == int(FeedListDelegate::NoteRole));

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_feeds(new FeedList(this))
    , m_logs(new LogController(m_feeds, this))
    , m_logActions(new LogActions(m_logs, this))
    , m_secrets(new FeedSecrets(m_feeds, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_list(new QListView(m_splitter))
    , m_stack(new QStackedWidget(m_splitter))
    , m_publisherLabel(new QLabel(this))
    , m_publisherController(new PublisherController(this))
    , m_publisherPanel(new PublisherPanel(m_publisherController))
    , m_publisherDock(new QDockWidget(tr("Publisher"), this))
    , m_capture(new CaptureSession(m_feeds, this))
{
    setWindowTitle(tr("ssedash"));
    setWindowIcon(appIcon());
    m_feeds->setObjectName(u"feeds"_s);
    m_logs->setObjectName(u"logController"_s);
    m_logActions->setObjectName(u"logActions"_s);
    m_list->setObjectName(u"feedList"_s);
    m_list->setMinimumWidth(FeedListMinWidth);
    m_list->setItemDelegate(new FeedListDelegate(m_list));
    auto *shown = new FeedListProxyModel(m_list);
    shown->setSourceModel(m_feeds);
    m_list->setModel(shown);
    m_stack->setObjectName(u"panelStack"_s);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({FeedListWidth, 1000});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_actions.create(this);
    m_actions.addToMenus(this, m_list);
    connectActions();
    createPublisherDock();
    m_capture->setObjectName(u"captureSession"_s);
    m_captureActions = new CaptureActions(
            m_capture, this, m_actions.toolBar, m_actions.viewMenu->menuAction());
    m_captureActions->setObjectName(u"captureActions"_s);
    connect(m_captureActions, &CaptureActions::statusMessage, this, &MainWindow::showStatus);
    statusBar()->addPermanentWidget(m_publisherLabel);
    m_publisherLabel->setObjectName(u"publisherLabel"_s);
    m_publisherPanel->setObjectName(u"publisherPanel"_s);
    m_publisherLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    updatePublisherLabel();

    connect(m_logs, &LogController::exportJobChanged, this, &MainWindow::updateActions);
    connect(m_logs, &LogController::statusMessage, this, &MainWindow::showStatus);
    connect(m_logActions, &LogActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_secrets, &FeedSecrets::notice, this, &MainWindow::showStatus);
    connectFeedList();
    updateActions();
    // A first start: most of the screen, the publisher panel at a width its form fits.
    const QRect available = screen()->availableGeometry();
    resize(std::min(1480, available.width() * 9 / 10), std::min(900, available.height() * 9 / 10));
    resizeDocks({m_publisherDock}, {PublisherDockWidth}, Qt::Horizontal);
}

MainWindow::~MainWindow()
{
    // The publisher's last signals (clients leaving) must not reach a half-destroyed window.
    if (Sse::Publisher *running = publisher())
        running->disconnect(this);
    m_publisherController->disconnect(this);
    m_publisherPanel->disconnect(this);
    delete m_publisherDock;
    // Nor may the feeds' and the logs' (a replay ending).
    m_feeds->disconnect(this);
    m_logs->disconnect(this);
    m_logActions->disconnect(this);
    // The capture's last exchanges end into feeds that go with the list.
    delete m_capture;
    // The panels point at their feeds: the views go before the list that owns the feeds.
    delete m_splitter;
}

void MainWindow::connectActions()
{
    const MainWindowActions &a = m_actions;
    connect(a.addFeedAction, &QAction::triggered, this, &MainWindow::showAddFeedDialog);
    connect(a.editAction, &QAction::triggered, this, &MainWindow::editCurrent);
    connect(a.duplicateAction, &QAction::triggered, this, &MainWindow::duplicateCurrent);
    connect(a.connectAction, &QAction::triggered, this, &MainWindow::connectCurrent);
    connect(a.disconnectAction, &QAction::triggered, this, &MainWindow::disconnectCurrent);
    connect(a.reconnectAction, &QAction::triggered, this, &MainWindow::reconnectCurrent);
    connect(a.removeAction, &QAction::triggered, this, &MainWindow::removeCurrent);
    connect(a.stopAllAction, &QAction::triggered, this, &MainWindow::stopAll);
    connect(a.copyCurlAction, &QAction::triggered, this, &MainWindow::copyCurlCommand);
    connect(a.copyCurlSecretsAction, &QAction::triggered, this,
            &MainWindow::copyCurlCommandWithSecrets);
    connect(a.exportAction, &QAction::triggered, this, &MainWindow::showExportDialog);
    connect(a.importAction, &QAction::triggered, this, &MainWindow::showImportDialog);
    connect(a.replayAction, &QAction::triggered, this, &MainWindow::replayCurrent);
    connect(a.quitAction, &QAction::triggered, this, &QWidget::close);
    connect(a.aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(a.aboutQtAction, &QAction::triggered, this, &QApplication::aboutQt);
    connect(a.shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
}

// The stack holds one panel for each row of the list, in its order; the list view and the
// stack show the list's current feed, and the user's choice in the view makes it current.
void MainWindow::connectFeedList()
{
    connect(m_feeds, &FeedList::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { createPanels(first, last); });
    connect(m_feeds, &FeedList::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                for (int row = last; row >= first; --row)
                    delete m_stack->widget(row);
            });
    connect(m_feeds, &FeedList::rowsRemoved, this, &MainWindow::updateActions);
    connect(m_feeds, &FeedList::dataChanged, this, &MainWindow::updateActions);
    connect(m_feeds, &FeedList::currentIndexChanged, this, [this](int row) {
        m_list->setCurrentIndex(m_list->model()->index(row, 0));
        if (row >= 0)
            m_stack->setCurrentIndex(row);
        updateActions();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_feeds->setCurrentIndex(current.row()); });
}

void MainWindow::createPanels(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        auto *panel = new FeedPanel(m_feeds->at(row));
        // Most of the height for the table and the detail pane, a strip for the timeline.
        const QList<QSplitter *> splitters = panel->findChildren<QSplitter *>();
        for (QSplitter *splitter : splitters) {
            if (splitter->orientation() == Qt::Vertical) {
                splitter->setSizes({1000, TimelineHeight});
            } else {
                // The table before the detail pane, and never too narrow to read.
                splitter->widget(0)->setMinimumWidth(
                        fontMetrics().averageCharWidth() * LogMinChars);
                splitter->setSizes({3000, 2000});
            }
        }
        m_stack->insertWidget(row, panel);
    }
}

bool MainWindow::startDefault()
{
    if (!m_publisherController->isRunning()) {
        if (!m_publisherRestored) {
            // Lively but readable for a first look: JSON twice a second.
            Sse::PublisherOptions options = m_publisherController->options();
            options.generator.interval = std::chrono::milliseconds(500);
            options.generator.payload = Sse::GeneratorSettings::Payload::Json;
            m_publisherController->setOptions(options);
        }
        if (!m_publisherController->start() && !startOnFreePort())
            return false;
    }
    // The first look shows a live feed at once, not after the generator's first interval.
    connect(publisher(), &Sse::Publisher::clientConnected, publisher(),
            &Sse::Publisher::publishTick, Qt::SingleShotConnection);
    FeedConfig config;
    config.name = tr("Built-in publisher");
    config.url = publisher()->channelUrl({});
    // Its port changes from run to run: not one of the feeds to remember.
    m_builtinFeed = addFeed(config, true, FeedList::Origin::Transient);
    return true;
}

bool MainWindow::startOnFreePort()
{
    // A saved port that something else holds now: the first look should still show a feed.
    const quint16 taken = m_publisherController->options().port;
    if (taken == 0)
        return false;
    const QString why = m_publisherController->errorString();
    m_publisherController->setPort(0);
    if (!m_publisherController->start())
        return false;
    statusBar()->showMessage(tr("Port %1 is not free (%2); the built-in publisher uses port %3.")
                                     .arg(taken)
                                     .arg(why)
                                     .arg(publisher()->port()),
            10000);
    return true;
}

Sse::Publisher *MainWindow::publisher() const
{
    return m_publisherController->publisher();
}

QString MainWindow::publisherError() const
{
    return m_publisherController->errorString();
}

void MainWindow::createPublisherDock()
{
    m_publisherDock->setObjectName(u"publisherDock"_s);
    m_publisherDock->setWidget(m_publisherPanel);
    m_publisherDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::RightDockWidgetArea, m_publisherDock);
    // Closed at first, so that the log has the room; a saved layout may open it again.
    m_publisherDock->hide();
    // Never narrower than its form, which does not scroll sideways (see eventFilter()).
    if (auto *scroll = m_publisherPanel->findChild<QScrollArea *>(u"scrollArea"_s)) {
        m_publisherScroll = scroll;
        scroll->widget()->installEventFilter(this);
        fitPublisherDock();
    }
    QAction *toggle = m_publisherDock->toggleViewAction();
    toggle->setText(tr("&Publisher Panel"));
    toggle->setIconText(tr("Publisher"));
    toggle->setShortcut(QKeySequence(u"Ctrl+Shift+B"_s));
    toggle->setToolTip(
            tr("Publisher Panel (%1)").arg(toggle->shortcut().toString(QKeySequence::NativeText)));
    toggle->setIcon(
            QIcon::fromTheme(u"network-server"_s, style()->standardIcon(QStyle::SP_DriveNetIcon)));
    m_actions.viewMenu->addAction(toggle);
    m_actions.toolBar->addSeparator();
    m_actions.toolBar->addAction(toggle);
    connect(m_publisherDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // After the layout has placed the dock: resizeDocks() before that is lost.
        if (visible)
            QTimer::singleShot(0, this, &MainWindow::shareWidthWithDock);
    });

    connect(m_publisherController, &PublisherController::publisherChanged, this,
            &MainWindow::onPublisherChanged);
    connect(m_publisherPanel, &PublisherPanel::openFeedRequested, this,
            [this](const QUrl &url, const QString &name) {
                FeedConfig config;
                config.name = name;
                config.url = url;
                addFeed(config, true, FeedList::Origin::Transient);
            });
}

// In a narrow window the dock opens at a quarter of it (never below its form's minimum), so
// that the log keeps the room; a wide window gets the usual width.
void MainWindow::shareWidthWithDock()
{
    const int share = std::clamp(width() / 4, m_publisherPanel->minimumWidth(), PublisherDockWidth);
    if (m_publisherDock->width() > share)
        resizeDocks({m_publisherDock}, {share}, Qt::Horizontal);
}

void MainWindow::fitPublisherDock()
{
    const QWidget *form = m_publisherScroll ? m_publisherScroll->widget() : nullptr;
    if (!form)
        return;
    m_publisherPanel->setMinimumWidth(form->minimumSizeHint().width()
            + m_publisherScroll->verticalScrollBar()->sizeHint().width());
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The form's minimum grows once it is styled, and with the addresses it shows.
    if (event->type() == QEvent::LayoutRequest && m_publisherScroll
            && watched == m_publisherScroll->widget()) {
        fitPublisherDock();
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::onPublisherChanged(Sse::Publisher *publisher)
{
    if (publisher) {
        connect(publisher, &Sse::Publisher::clientCountChanged, this,
                &MainWindow::updatePublisherLabel);
        // Restarted on another port: the built-in feed follows it.
        const QUrl url = publisher->channelUrl({});
        if (m_builtinFeed && m_builtinFeed->config().url != url) {
            FeedConfig config = m_builtinFeed->config();
            config.url = url;
            updateFeed(m_feeds->indexOf(m_builtinFeed.data()), config);
            m_builtinFeed->open();
        }
    }
    updatePublisherLabel();
    updateActions();
}

Feed *MainWindow::addFeed(const FeedConfig &config, bool open, FeedList::Origin origin)
{
    Feed *feed = m_feeds->add(config, origin);
    if (open)
        openFeed(feed);
    return feed;
}

void MainWindow::openFeed(Feed *feed)
{
    if (feed->config().missingSecrets.isEmpty()) {
        feed->open();
        return;
    }
    auto *prompt = new SecretPrompt(feed->config().name, feed->config().missingSecrets, this);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    // The feed may be removed while the prompt is up (Stop All, a replay ending, ...).
    connect(prompt, &QDialog::accepted, this, [this, prompt, asked = QPointer<Feed>(feed)] {
        if (!asked)
            return;
        asked->provideSecrets(prompt->headers());
        m_feeds->refresh(asked);
        asked->open();
    });
    prompt->open();
}

FeedPanel *MainWindow::currentPanel() const
{
    return qobject_cast<FeedPanel *>(m_stack->currentWidget());
}

QString MainWindow::aboutText()
{
    // The Qt running, and the one built against when they differ (as ssedash-cli --version).
    const QString running = QString::fromLatin1(qVersion());
    const QString built = QStringLiteral(QT_VERSION_STR);
    const QString qt = running == built ? running : tr("%1 (built with Qt %2)").arg(running, built);
    return tr("<h3>ssedash %1</h3>"
              "<p>Watch, debug and publish Server-Sent Events (text/event-stream) feeds: every "
              "event, every connection, live and lossless.</p>"
              "<p>Qt %2<br>%3, %4 platform</p>"
              "<p>MIT licence.</p>")
            .arg(QStringLiteral(SSEDASH_VERSION), qt, QSysInfo::prettyProductName(),
                    QGuiApplication::platformName().toHtmlEscaped());
}

QString MainWindow::shortcutsText() const
{
    return MainWindowActions::shortcutsText(this);
}

void MainWindow::showShortcuts()
{
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("Keyboard Shortcuts"), shortcutsText(),
            QMessageBox::Close, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::openFeedDialog(
        FeedDialog *dialog, std::function<void(const FeedConfig &)> onAccepted)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRememberUnavailable(m_secrets->unavailableReason());
    connect(dialog, &QDialog::accepted, this,
            [dialog, onAccepted = std::move(onAccepted)] { onAccepted(dialog->config()); });
    dialog->open();
}

void MainWindow::showAddFeedDialog()
{
    openFeedDialog(new FeedDialog(FeedDialog::Mode::Add, this),
            [this](const FeedConfig &config) { addFeed(config, true); });
}

void MainWindow::editCurrent()
{
    Feed *feed = m_feeds->current();
    if (!feed || m_feeds->isImported(feed) || feed->isCaptured())
        return;
    auto *dialog = new FeedDialog(FeedDialog::Mode::Edit, this);
    dialog->setConfig(feed->config());
    // The feed may be removed while the dialog is up.
    openFeedDialog(dialog, [this, edited = QPointer<Feed>(feed)](const FeedConfig &config) {
        if (edited)
            updateFeed(m_feeds->indexOf(edited), config);
    });
}

void MainWindow::updateFeed(int index, const FeedConfig &config)
{
    Feed *feed = m_feeds->at(index);
    if (!feed)
        return;
    const bool wasRunning = feed->readyState() != Feed::ReadyState::Closed;
    m_feeds->update(index, config);
    if (wasRunning)
        openFeed(feed);
    updateActions();
}

void MainWindow::duplicateCurrent()
{
    Feed *feed = m_feeds->current();
    if (!feed || m_feeds->isImported(feed) || feed->isCaptured())
        return;
    auto *dialog = new FeedDialog(FeedDialog::Mode::Duplicate, this);
    dialog->setConfig(feed->config());
    openFeedDialog(dialog, [this](const FeedConfig &config) { addFeed(config, true); });
}

void MainWindow::copyCurlCommand()
{
    if (const Feed *feed = m_feeds->current(); feed && !m_feeds->isImported(feed)) {
        QGuiApplication::clipboard()->setText(FeedSettingsStore::curlCommand(feed->config()));
        statusBar()->showMessage(tr("Copied a curl command for %1 (secret headers redacted).")
                                         .arg(feed->config().name),
                StatusMessageMs);
    }
}

void MainWindow::copyCurlCommandWithSecrets()
{
    if (const Feed *feed = m_feeds->current(); feed && !m_feeds->isImported(feed)) {
        QGuiApplication::clipboard()->setText(FeedSettingsStore::curlCommand(feed->config(), true));
        statusBar()->showMessage(tr("Copied a curl command for %1, secret headers included.")
                                         .arg(feed->config().name),
                StatusMessageMs);
    }
}

void MainWindow::connectCurrent()
{
    if (Feed *feed = m_feeds->current())
        openFeed(feed);
}

void MainWindow::disconnectCurrent()
{
    if (Feed *feed = m_feeds->current())
        feed->close();
}

void MainWindow::reconnectCurrent()
{
    Feed *feed = m_feeds->current();
    if (feed && !feed->config().missingSecrets.isEmpty())
        openFeed(feed);
    else if (feed)
        feed->reconnectNow();
}

void MainWindow::removeCurrent()
{
    Feed *feed = m_feeds->current();
    if (!feed)
        return;
    feed->model()->flush();
    const int records = feed->model()->rowCount();
    if (records > 0)
        confirmRemoval(feed, records);
    else
        m_feeds->remove(m_feeds->currentIndex());
}

void MainWindow::confirmRemoval(Feed *feed, int records)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Feed"),
            tr("Remove the feed \"%1\"? Its log holds %n record(s), which are lost with it.",
                    nullptr, records)
                    .arg(feed->config().name),
            QMessageBox::Cancel, this);
    box->setObjectName(u"removeFeedConfirmation"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Export the log first (Ctrl+E) to keep it."));
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"removeButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    // The list may change while the box is up, and the feed may go.
    connect(remove, &QPushButton::clicked, this, [this, removed = QPointer<Feed>(feed)] {
        if (removed)
            m_feeds->remove(m_feeds->indexOf(removed));
    });
    box->open();
}

void MainWindow::stopAll()
{
    m_feeds->closeAll();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About ssedash"), aboutText());
}

void MainWindow::updateActions()
{
    const Feed *feed = m_feeds->current();
    const bool closed = feed && feed->readyState() == Feed::ReadyState::Closed;
    // Imported and captured feeds have no source of their own to connect.
    const bool live = feed && !m_feeds->isImported(feed) && !feed->isCaptured();
    m_actions.connectAction->setEnabled(live && closed);
    m_actions.disconnectAction->setEnabled(live && !closed);
    m_actions.reconnectAction->setEnabled(live);
    m_actions.editAction->setEnabled(live);
    m_actions.duplicateAction->setEnabled(live);
    m_actions.copyCurlAction->setEnabled(live);
    m_actions.copyCurlSecretsAction->setEnabled(live);
    m_actions.exportAction->setEnabled(feed != nullptr && !m_logs->exportJob());
    m_actions.replayAction->setEnabled(feed != nullptr);
    m_actions.removeAction->setEnabled(feed != nullptr);
    m_actions.stopAllAction->setEnabled(m_feeds->count() > 0);
}

void MainWindow::updatePublisherLabel()
{
    const Sse::Publisher *running = publisher();
    if (!running) {
        const QString error = publisherError();
        m_publisherLabel->setText(error.isEmpty() ? tr("Built-in publisher: off")
                                                  : tr("Built-in publisher: %1").arg(error));
        return;
    }
    m_publisherLabel->setText(tr("Built-in publisher: %1 · clients: %2")
                                      .arg(running->url().toDisplayString())
                                      .arg(running->clientCount()));
}

void MainWindow::showStatus(const QString &text)
{
    statusBar()->showMessage(text, StatusMessageMs);
}

void MainWindow::showExportDialog()
{
    if (const FeedPanel *panel = currentPanel())
        m_logActions->showExportDialog(m_feeds->current(), panel->filterModel());
}

void MainWindow::showImportDialog()
{
    m_logActions->showImportDialog();
}

void MainWindow::replayCurrent()
{
    m_logActions->replay(m_feeds->current());
}

void MainWindow::saveSettings(QSettings &settings) const
{
    QList<FeedConfig> feeds;
    QVariantList open;
    const QList<std::pair<FeedConfig, bool>> saved = m_feeds->savedFeeds();
    for (const auto &[config, connected] : saved) {
        feeds.append(config);
        open.append(connected);
    }
    FeedSettingsStore::save(settings, feeds);
    m_secrets->syncNow();
    m_publisherController->saveSettings(settings);
    m_captureActions->saveSettings(settings);
    settings.beginGroup(u"window"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"state"_s, saveState());
    if (hasCollapsedPane(m_splitter))
        settings.remove(u"splitter"_s);
    else
        settings.setValue(u"splitter"_s, m_splitter->saveState());
    settings.setValue(u"openFeeds"_s, open);
    settings.setValue(u"lastDirectory"_s, m_logActions->lastDirectory());
    settings.endGroup();
}

QStringList MainWindow::restoreSettings(QSettings &settings)
{
    const FeedSettingsStore::LoadResult loaded = FeedSettingsStore::load(settings);
    if (m_publisherController->restoreSettings(settings))
        m_publisherRestored = true;
    m_captureActions->restoreSettings(settings);
    settings.beginGroup(u"window"_s);
    restoreGeometry(settings.value(u"geometry"_s).toByteArray());
    restoreState(settings.value(u"state"_s).toByteArray());
    restoreSplitter(settings.value(u"splitter"_s).toByteArray());
    const QVariantList open = settings.value(u"openFeeds"_s).toList();
    m_logActions->setLastDirectory(settings.value(u"lastDirectory"_s).toString());
    settings.endGroup();
    QStringList warnings = loaded.warnings;
    QList<Feed *> waiting; // for their secrets in the keychain
    for (qsizetype i = 0; i < loaded.feeds.size(); ++i) {
        const FeedConfig &config = loaded.feeds.at(i);
        const bool wasOpen = open.value(i, true).toBool();
        const bool waits = m_secrets->waitsForKeychain(config);
        // Not without its secrets, and not with a prompt before the window is up: Connect asks.
        const bool canOpen = config.missingSecrets.isEmpty() && !waits;
        Feed *feed = addFeed(config, wasOpen && canOpen);
        if (wasOpen && waits) {
            waiting.append(feed);
        } else if (wasOpen && !canOpen) {
            warnings.append(tr("The feed \"%1\" was not connected: %2; Connect asks for it.")
                                    .arg(config.name, feed->missingSecretsText()));
        }
    }
    m_secrets->restore(waiting, loaded.plainSecrets);
    return warnings;
}

void MainWindow::setSecretStore(SecretStore *store)
{
    m_secrets->setStore(store);
}

void MainWindow::restoreSplitter(const QByteArray &state)
{
    // restoreState() takes the saved childrenCollapsible too; ours stays off.
    if (!m_splitter->restoreState(state) || hasCollapsedPane(m_splitter))
        m_splitter->setSizes({FeedListWidth, 1000});
    m_splitter->setChildrenCollapsible(false);
}

void MainWindow::setAutoSaveSettings(QSettings *settings)
{
    m_settings = settings;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_settings) {
        saveSettings(*m_settings);
        // The keychain answers asynchronously: give the last writes a moment to land.
        if (SecretStore *store = m_secrets->store())
            store->waitForPending(SecretWriteGrace);
        m_settings->sync();
        if (m_settings->status() != QSettings::NoError)
            qWarning("ssedash: cannot save the settings to %s",
                    qPrintable(QDir::toNativeSeparators(m_settings->fileName())));
    }
    QMainWindow::closeEvent(event);
}
