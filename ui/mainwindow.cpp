// SPDX-License-Identifier: MIT
// The dashboard's main window.
#include "mainwindow.h"

#include "appicon.h"
#include "logactions.h"
#include "mainwindowactions.h"

#include "sselib/publisher/publisher.h"
#include "ui/dialogs/feeddialog.h"
#include "ui/dialogs/secretprompt.h"
#include "ui/feedpanel/feedpanel.h"
#include "ui/models/feedsettings.h"
#include "ui/models/publishercontroller.h"
#include "ui/publisher/publisherpanel.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/widgets/feedlistdelegate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
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
constexpr int FeedListWidth = 190;
constexpr int FeedListMinWidth = 150;
constexpr int LogMinChars = 30; // the log table never gets narrower: time, type and some data

QIcon dotIcon(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(3.5, 3.5, 9, 9));
    return QIcon(pixmap);
}

// The feed list's tooltip: the whole name (the list may elide it), where the records come from
// and what is missing.
QString feedToolTip(const QString &name, const QString &where, const QString &note)
{
    QStringList lines{name, where};
    if (!note.isEmpty())
        lines.append(note);
    lines.removeAll(QString());
    return lines.join(u'\n');
}

// A state saved with a pane collapsed (by an older version, or edited by hand) is not restored.
bool hasCollapsedPane(const QSplitter *splitter)
{
    const QList<int> sizes = splitter->sizes();
    return sizes.size() != splitter->count() || sizes.contains(0);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_logActions(new LogActions(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_list(new QListWidget(m_splitter))
    , m_stack(new QStackedWidget(m_splitter))
    , m_publisherLabel(new QLabel(this))
    , m_publisherController(new PublisherController(this))
    , m_publisherPanel(new PublisherPanel(m_publisherController))
    , m_publisherDock(new QDockWidget(tr("Publisher"), this))
{
    setWindowTitle(tr("ssedash"));
    setWindowIcon(appIcon());
    m_list->setObjectName(u"feedList"_s);
    m_list->setMinimumWidth(FeedListMinWidth);
    m_list->setItemDelegate(new FeedListDelegate(m_list));
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({FeedListWidth, 1000});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_actions.create(this);
    m_actions.addToMenus(this);
    createPublisherDock();
    statusBar()->addPermanentWidget(m_publisherLabel);
    m_publisherLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    updatePublisherLabel();

    connect(m_logActions, &LogActions::exportJobChanged, this, &MainWindow::updateActions);
    connect(m_logActions, &LogActions::exportFinished, this, &MainWindow::exportFinished);
    connect(m_logActions, &LogActions::feedImported, this, [this](Feed *feed) {
        m_imported.insert(feed);
        m_transient.insert(feed); // its records live in a file, not at an address
        updateActions();
    });
    connect(m_logActions, &LogActions::replayFeedAdded, this,
            [this](Feed *feed) { m_transient.insert(feed); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_stack->setCurrentIndex(row);
        updateActions();
    });
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
    // Panels point at their feeds: let them go first.
    while (m_stack->count() > 0)
        delete m_stack->widget(0);
    qDeleteAll(m_feeds);
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
    FeedConfig config;
    config.name = tr("Built-in publisher");
    config.url = publisher()->channelUrl({});
    m_builtinFeed = addFeed(config, true);
    // Its port changes from run to run: not one of the feeds to remember.
    m_transient.insert(m_builtinFeed);
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
                m_transient.insert(addFeed(config, true));
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
        const QUrl url = publisher->url(Sse::Publisher::pathOf({}));
        if (m_builtinFeed && m_builtinFeed->config().url != url) {
            FeedConfig config = m_builtinFeed->config();
            config.url = url;
            updateFeed(int(m_feeds.indexOf(m_builtinFeed.data())), config);
            m_builtinFeed->open();
        }
    }
    updatePublisherLabel();
    updateActions();
}

Feed *MainWindow::addFeed(const FeedConfig &config, bool open)
{
    FeedConfig named = config;
    if (named.name.isEmpty())
        named.name = config.url.toDisplayString();
    auto *feed = new Feed(named);
    auto *panel = new FeedPanel(feed);
    // Most of the height for the table and the detail pane, a strip for the timeline.
    const QList<QSplitter *> splitters = panel->findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        if (splitter->orientation() == Qt::Vertical) {
            splitter->setSizes({1000, TimelineHeight});
        } else {
            // The table before the detail pane, and never too narrow to read.
            splitter->widget(0)->setMinimumWidth(fontMetrics().averageCharWidth() * LogMinChars);
            splitter->setSizes({3000, 2000});
        }
    }
    m_feeds.append(feed);
    m_stack->addWidget(panel);
    auto *item = new QListWidgetItem(named.name, m_list);
    connect(feed, &Feed::readyStateChanged, this, [this, feed] {
        updateItem(feed);
        updateActions();
    });
    updateItem(feed);
    m_list->setCurrentItem(item);
    if (open)
        openFeed(feed);
    updateActions();
    return feed;
}

bool MainWindow::openFeed(Feed *feed)
{
    if (!feed->config().missingSecrets.isEmpty()) {
        SecretPrompt prompt(feed->config().name, feed->config().missingSecrets, this);
        // The prompt's event loop may remove the feed (Stop All, a replay ending, ...).
        const QPointer<Feed> asked = feed;
        if (prompt.exec() != QDialog::Accepted || !asked)
            return false;
        feed->provideSecrets(prompt.headers());
        updateItem(feed);
    }
    feed->open();
    return true;
}

void MainWindow::removeFeed(int index)
{
    Feed *feed = m_feeds.value(index);
    if (!feed)
        return;
    feed->close();
    m_feeds.removeAt(index);
    m_imported.remove(feed);
    m_transient.remove(feed);
    QWidget *panel = m_stack->widget(index);
    m_stack->removeWidget(panel);
    delete panel;
    delete m_list->takeItem(index);
    delete feed;
    if (m_list->currentRow() >= 0)
        m_stack->setCurrentIndex(m_list->currentRow());
    updateActions();
}

FeedPanel *MainWindow::panel(int index) const
{
    return qobject_cast<FeedPanel *>(m_stack->widget(index));
}

int MainWindow::currentIndex() const
{
    return m_list->currentRow();
}

void MainWindow::setCurrentIndex(int index)
{
    m_list->setCurrentRow(index);
}

QString MainWindow::aboutText()
{
    return tr("<h3>ssedash %1</h3>"
              "<p>Watch, debug and publish Server-Sent Events (text/event-stream) feeds: every "
              "event, every connection, live and lossless.</p>"
              "<p>Built with Qt %2, running on Qt %3<br>%4, %5 platform</p>"
              "<p>MIT licence.</p>")
            .arg(QStringLiteral(SSEDASH_VERSION), QStringLiteral(QT_VERSION_STR),
                    QString::fromLatin1(qVersion()), QSysInfo::prettyProductName(),
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

void MainWindow::showAddFeedDialog()
{
    FeedDialog dialog(FeedDialog::Mode::Add, this);
    if (dialog.exec() == QDialog::Accepted)
        addFeed(dialog.config(), true);
}

void MainWindow::editCurrent()
{
    const int index = currentIndex();
    Feed *feed = this->feed(index);
    if (!feed || isImported(feed))
        return;
    FeedDialog dialog(FeedDialog::Mode::Edit, this);
    dialog.setConfig(feed->config());
    if (dialog.exec() == QDialog::Accepted)
        updateFeed(index, dialog.config());
}

void MainWindow::updateFeed(int index, const FeedConfig &config)
{
    Feed *feed = this->feed(index);
    if (!feed)
        return;
    const bool wasRunning = feed->readyState() != Feed::ReadyState::Closed;
    FeedConfig named = config;
    if (named.name.isEmpty())
        named.name = config.url.toDisplayString();
    feed->setConfig(named);
    if (wasRunning)
        openFeed(feed);
    updateItem(feed);
    updateActions();
}

void MainWindow::duplicateCurrent()
{
    Feed *feed = currentFeed();
    if (!feed || isImported(feed))
        return;
    FeedDialog dialog(FeedDialog::Mode::Duplicate, this);
    dialog.setConfig(feed->config());
    if (dialog.exec() == QDialog::Accepted)
        addFeed(dialog.config(), true);
}

void MainWindow::copyCurlCommand()
{
    if (const Feed *feed = currentFeed(); feed && !isImported(feed)) {
        QGuiApplication::clipboard()->setText(FeedSettingsStore::curlCommand(feed->config()));
        statusBar()->showMessage(tr("Copied a curl command for %1 (secret headers redacted).")
                                         .arg(feed->config().name),
                StatusMessageMs);
    }
}

void MainWindow::copyCurlCommandWithSecrets()
{
    if (const Feed *feed = currentFeed(); feed && !isImported(feed)) {
        QGuiApplication::clipboard()->setText(FeedSettingsStore::curlCommand(feed->config(), true));
        statusBar()->showMessage(tr("Copied a curl command for %1, secret headers included.")
                                         .arg(feed->config().name),
                StatusMessageMs);
    }
}

void MainWindow::connectCurrent()
{
    if (Feed *feed = currentFeed())
        openFeed(feed);
}

void MainWindow::disconnectCurrent()
{
    if (Feed *feed = currentFeed())
        feed->close();
}

void MainWindow::reconnectCurrent()
{
    Feed *feed = currentFeed();
    if (feed && !feed->config().missingSecrets.isEmpty())
        openFeed(feed);
    else if (feed)
        feed->reconnectNow();
}

void MainWindow::removeCurrent()
{
    const QPointer<Feed> feed = currentFeed();
    if (!feed)
        return;
    feed->model()->flush();
    const int records = feed->model()->rowCount();
    if (records > 0 && !confirmRemoval(feed->config().name, records))
        return;
    // The box's event loop may have changed the list, or removed the feed.
    if (feed)
        removeFeed(int(m_feeds.indexOf(feed.data())));
}

bool MainWindow::confirmRemoval(const QString &name, int records)
{
    QMessageBox box(QMessageBox::Question, tr("Remove Feed"),
            tr("Remove the feed \"%1\"? Its log holds %n record(s), which are lost with it.",
                    nullptr, records)
                    .arg(name),
            QMessageBox::Cancel, this);
    box.setObjectName(u"removeFeedConfirmation"_s);
    box.setInformativeText(tr("Export the log first (Ctrl+E) to keep it."));
    QPushButton *remove = box.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"removeButton"_s);
    box.setDefaultButton(QMessageBox::Cancel);
    box.setEscapeButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == remove;
}

void MainWindow::stopAll()
{
    for (Feed *feed : std::as_const(m_feeds))
        feed->close();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About ssedash"), aboutText());
}

void MainWindow::updateItem(Feed *feed)
{
    const int index = int(m_feeds.indexOf(feed));
    QListWidgetItem *item = m_list->item(index);
    if (!item)
        return;
    const FeedConfig &config = feed->config();
    const QString note = feed->missingSecretsText();
    item->setText(config.name);
    item->setIcon(dotIcon(TimelineWidget::stateColor(feed->readyState(), palette())));
    item->setStatusTip(FeedPanel::stateLabel(feed->readyState()));
    item->setData(FeedListDelegate::NoteRole, note);
    // An imported feed's tooltip names its file (LogActions sets it).
    if (!isImported(feed))
        item->setToolTip(feedToolTip(config.name, config.url.toDisplayString(), note));
}

void MainWindow::updateActions()
{
    const Feed *feed = currentFeed();
    const bool closed = feed && feed->readyState() == Feed::ReadyState::Closed;
    const bool live = feed && !isImported(feed);
    m_actions.connectAction->setEnabled(live && closed);
    m_actions.disconnectAction->setEnabled(live && !closed);
    m_actions.reconnectAction->setEnabled(live);
    m_actions.editAction->setEnabled(live);
    m_actions.duplicateAction->setEnabled(live);
    m_actions.copyCurlAction->setEnabled(live);
    m_actions.copyCurlSecretsAction->setEnabled(live);
    m_actions.exportAction->setEnabled(feed != nullptr && !exportJob());
    m_actions.replayAction->setEnabled(feed != nullptr);
    m_actions.removeAction->setEnabled(feed != nullptr);
    m_actions.stopAllAction->setEnabled(!m_feeds.isEmpty());
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

LogExportJob *MainWindow::exportLog(
        int index, const QString &fileName, Sse::LogFormat format, bool filteredOnly)
{
    return m_logActions->exportLog(index, fileName, format, filteredOnly);
}

LogExportJob *MainWindow::exportJob() const
{
    return m_logActions->exportJob();
}

Feed *MainWindow::importLog(const QString &fileName, QString *error)
{
    return m_logActions->importLog(fileName, error);
}

Feed *MainWindow::replayLog(int index, double speed, QString *error)
{
    return m_logActions->replayLog(index, speed, error);
}

void MainWindow::showExportDialog()
{
    m_logActions->showExportDialog();
}

void MainWindow::showImportDialog()
{
    m_logActions->showImportDialog();
}

void MainWindow::replayCurrent()
{
    m_logActions->replayCurrent();
}

void MainWindow::saveSettings(QSettings &settings) const
{
    QList<FeedConfig> feeds;
    QVariantList open;
    for (const Feed *feed : m_feeds) {
        if (m_transient.contains(feed))
            continue;
        feeds.append(feed->config());
        open.append(feed->readyState() != Feed::ReadyState::Closed);
    }
    FeedSettingsStore::save(settings, feeds);
    m_publisherController->saveSettings(settings);
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
    settings.beginGroup(u"window"_s);
    restoreGeometry(settings.value(u"geometry"_s).toByteArray());
    restoreState(settings.value(u"state"_s).toByteArray());
    restoreSplitter(settings.value(u"splitter"_s).toByteArray());
    const QVariantList open = settings.value(u"openFeeds"_s).toList();
    m_logActions->setLastDirectory(settings.value(u"lastDirectory"_s).toString());
    settings.endGroup();
    QStringList warnings = loaded.warnings;
    for (qsizetype i = 0; i < loaded.feeds.size(); ++i) {
        const FeedConfig &config = loaded.feeds.at(i);
        const bool wasOpen = open.value(i, true).toBool();
        // Not without its secrets, and not with a prompt before the window is up: Connect asks.
        const bool canOpen = config.missingSecrets.isEmpty();
        Feed *feed = addFeed(config, wasOpen && canOpen);
        if (wasOpen && !canOpen) {
            warnings.append(tr("The feed \"%1\" was not connected: %2; Connect asks for it.")
                                    .arg(config.name, feed->missingSecretsText()));
        }
    }
    return warnings;
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
        m_settings->sync();
        if (m_settings->status() != QSettings::NoError)
            qWarning("ssedash: cannot save the settings to %s",
                    qPrintable(QDir::toNativeSeparators(m_settings->fileName())));
    }
    QMainWindow::closeEvent(event);
}
