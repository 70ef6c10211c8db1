// SPDX-License-Identifier: MIT
// The dashboard's main window.
#include "mainwindow.h"

#include "appicon.h"
#include "eventfiltermodel.h"
#include "exportdialog.h"
#include "feeddialog.h"
#include "feedpanel.h"
#include "feedsettings.h"
#include "logexportjob.h"
#include "publisherpanel.h"
#include "timelinewidget.h"

#include "sselib/publisher.h"
#include "sselib/replay.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QSysInfo>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int TimelineHeight = 110;
constexpr int PublisherDockWidth = 370;
constexpr int StatusMessageMs = 8000;

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

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_list(new QListWidget(m_splitter))
    , m_stack(new QStackedWidget(m_splitter))
    , m_publisherLabel(new QLabel(this))
    , m_publisherPanel(new PublisherPanel)
    , m_publisherDock(new QDockWidget(tr("Publisher"), this))
{
    setWindowTitle(tr("ssedash"));
    setWindowIcon(appIcon());
    m_list->setObjectName(u"feedList"_s);
    m_list->setMinimumWidth(150);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({190, 1000});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    createActions();
    createMenus();
    createPublisherDock();
    statusBar()->addPermanentWidget(m_publisherLabel);
    m_publisherLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    updatePublisherLabel();

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
    delete m_replay;
    // The publisher's last signals (clients leaving) must not reach a half-destroyed window.
    if (Sse::Publisher *running = publisher())
        running->disconnect(this);
    m_publisherPanel->disconnect(this);
    delete m_publisherDock;
    // Panels point at their feeds: let them go first.
    while (m_stack->count() > 0)
        delete m_stack->widget(0);
    qDeleteAll(m_feeds);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QKeySequence &shortcut, auto slot,
                        const QIcon &icon = {}) {
        auto *action = new QAction(icon, text, this);
        action->setShortcut(shortcut);
        const QString plain = QString(text).remove(u'&').remove(u"…"_s);
        action->setToolTip(shortcut.isEmpty()
                        ? plain
                        : u"%1 (%2)"_s.arg(plain, shortcut.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    auto icon = [this](const char *themeName, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QLatin1String(themeName), style()->standardIcon(fallback));
    };
    m_addAction = make(tr("&Add Feed…"), QKeySequence(u"Ctrl+N"_s), &MainWindow::showAddFeedDialog,
            icon("list-add", QStyle::SP_FileDialogNewFolder));
    m_editAction = make(tr("&Edit Feed…"), QKeySequence(u"F2"_s), &MainWindow::editCurrent,
            icon("document-properties", QStyle::SP_FileDialogDetailedView));
    m_duplicateAction = make(tr("D&uplicate Feed…"), QKeySequence(u"Ctrl+D"_s),
            &MainWindow::duplicateCurrent, icon("edit-copy", QStyle::SP_FileLinkIcon));
    m_connectAction = make(tr("&Connect"), QKeySequence(u"Ctrl+Return"_s),
            &MainWindow::connectCurrent, icon("media-playback-start", QStyle::SP_MediaPlay));
    m_disconnectAction = make(tr("&Disconnect"), QKeySequence(u"Ctrl+."_s),
            &MainWindow::disconnectCurrent, icon("media-playback-stop", QStyle::SP_MediaStop));
    m_reconnectAction = make(tr("&Reconnect Now"), QKeySequence(u"Ctrl+R"_s),
            &MainWindow::reconnectCurrent, icon("view-refresh", QStyle::SP_BrowserReload));
    m_removeAction = make(tr("Re&move Feed"), QKeySequence(QKeySequence::Delete),
            &MainWindow::removeCurrent, icon("list-remove", QStyle::SP_TrashIcon));
    m_stopAllAction = make(tr("&Stop All"), QKeySequence(u"Ctrl+Shift+."_s), &MainWindow::stopAll,
            icon("process-stop", QStyle::SP_BrowserStop));
    m_copyCurlAction = make(
            tr("Copy as &curl"), QKeySequence(u"Ctrl+Shift+C"_s), &MainWindow::copyCurlCommand);
    m_copyCurlSecretsAction = make(tr("Copy as curl with &Secrets"), QKeySequence(),
            &MainWindow::copyCurlCommandWithSecrets);
    m_exportAction = make(tr("&Export Log…"), QKeySequence(u"Ctrl+E"_s),
            &MainWindow::showExportDialog, icon("document-save-as", QStyle::SP_DialogSaveButton));
    m_importAction = make(tr("&Import Log…"), QKeySequence(u"Ctrl+O"_s),
            &MainWindow::showImportDialog, icon("document-open", QStyle::SP_DialogOpenButton));
    m_replayAction = make(tr("Re&play in Publisher"), QKeySequence(u"Ctrl+Shift+P"_s),
            &MainWindow::replayCurrent, icon("media-seek-forward", QStyle::SP_MediaSeekForward));
    m_quitAction = make(tr("&Quit"), QKeySequence(u"Ctrl+Q"_s), &QWidget::close);
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_aboutAction = make(tr("&About ssedash"), QKeySequence(), &MainWindow::showAbout);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutQtAction = make(tr("About &Qt"), QKeySequence(), &QApplication::aboutQt);
    m_shortcutsAction = make(tr("&Keyboard Shortcuts"), QKeySequence(QKeySequence::HelpContents),
            &MainWindow::showShortcuts);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createMenus()
{
    QMenu *feedMenu = menuBar()->addMenu(tr("&Feed"));
    feedMenu->addActions({m_addAction, m_editAction, m_duplicateAction});
    feedMenu->addSeparator();
    feedMenu->addActions({m_connectAction, m_disconnectAction, m_reconnectAction});
    feedMenu->addSeparator();
    feedMenu->addActions({m_copyCurlAction, m_copyCurlSecretsAction});
    feedMenu->addSeparator();
    feedMenu->addActions({m_removeAction, m_stopAllAction});
    feedMenu->addSeparator();
    feedMenu->addAction(m_quitAction);

    QMenu *logMenu = menuBar()->addMenu(tr("&Log"));
    logMenu->addActions({m_exportAction, m_importAction});
    logMenu->addSeparator();
    logMenu->addAction(m_replayAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_shortcutsAction);
    helpMenu->addSeparator();
    helpMenu->addActions({m_aboutAction, m_aboutQtAction});

    QToolBar *toolBar = addToolBar(tr("Feeds"));
    toolBar->setObjectName(u"feedToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addActions({m_addAction, m_editAction});
    toolBar->addSeparator();
    toolBar->addActions({m_connectAction, m_disconnectAction, m_reconnectAction});
    toolBar->addSeparator();
    toolBar->addActions({m_removeAction, m_stopAllAction});
    toolBar->addSeparator();
    toolBar->addActions({m_exportAction, m_importAction});
    m_viewMenu->addAction(toolBar->toggleViewAction());

    // The feed list's context menu: what applies to the feed under the mouse.
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->addActions({m_editAction, m_duplicateAction, m_connectAction, m_disconnectAction,
            m_reconnectAction, m_copyCurlAction, m_exportAction, m_replayAction, m_removeAction});
}

bool MainWindow::startDefault()
{
    if (!m_publisherPanel->isRunning()) {
        if (!m_publisherRestored) {
            // Lively but readable for a first look: JSON twice a second.
            Sse::PublisherOptions options = m_publisherPanel->options();
            options.feed.interval = std::chrono::milliseconds(500);
            options.feed.payload = Sse::FeedSettings::Payload::Json;
            m_publisherPanel->setOptions(options);
        }
        if (!m_publisherPanel->start())
            return false;
    }
    FeedConfig config;
    config.name = tr("Built-in publisher");
    config.url = publisher()->url(Sse::Publisher::pathOf({}));
    m_builtinFeed = addFeed(config, true);
    // Its port changes from run to run: not one of the feeds to remember.
    m_transient.insert(m_builtinFeed);
    return true;
}

Sse::Publisher *MainWindow::publisher() const
{
    return m_publisherPanel->publisher();
}

QString MainWindow::publisherError() const
{
    return m_publisherPanel->errorString();
}

void MainWindow::createPublisherDock()
{
    m_publisherDock->setObjectName(u"publisherDock"_s);
    m_publisherDock->setWidget(m_publisherPanel);
    m_publisherDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::RightDockWidgetArea, m_publisherDock);
    QAction *toggle = m_publisherDock->toggleViewAction();
    toggle->setText(tr("&Publisher Panel"));
    toggle->setShortcut(QKeySequence(u"Ctrl+Shift+B"_s));
    m_viewMenu->addAction(toggle);

    connect(m_publisherPanel, &PublisherPanel::publisherChanged, this,
            &MainWindow::onPublisherChanged);
    connect(m_publisherPanel, &PublisherPanel::openFeedRequested, this,
            [this](const QUrl &url, const QString &name) {
                FeedConfig config;
                config.name = name;
                config.url = url;
                m_transient.insert(addFeed(config, true));
            });
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
        if (splitter->orientation() == Qt::Vertical)
            splitter->setSizes({1000, TimelineHeight});
        else
            splitter->setSizes({3000, 2000}); // the table before the detail pane
    }
    m_feeds.append(feed);
    m_stack->addWidget(panel);
    auto *item = new QListWidgetItem(named.name, m_list);
    item->setToolTip(named.url.toDisplayString());
    connect(feed, &Feed::readyStateChanged, this, [this, feed] {
        updateItem(feed);
        updateActions();
    });
    updateItem(feed);
    m_list->setCurrentItem(item);
    if (open)
        feed->open();
    updateActions();
    return feed;
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
    QString rows;
    const QList<QAction *> actions = findChildren<QAction *>();
    for (const QAction *action : actions) {
        if (action->shortcut().isEmpty())
            continue;
        rows += u"<tr><td>%1</td><td>&nbsp;&nbsp;<b>%2</b></td></tr>"_s.arg(
                action->text().remove(u'&').remove(u"…"_s).toHtmlEscaped(),
                action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped());
    }
    return tr("<h3>Keyboard shortcuts</h3><table>%1</table>"
              "<p>In a feed: Ctrl+F filters the text, Space pauses or resumes scrolling, "
              "Ctrl+L clears the log.</p>")
            .arg(rows);
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
    if (QListWidgetItem *item = m_list->item(index)) {
        item->setText(named.name);
        item->setToolTip(named.url.toDisplayString());
    }
    if (wasRunning)
        feed->open();
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
        feed->open();
}

void MainWindow::disconnectCurrent()
{
    if (Feed *feed = currentFeed())
        feed->close();
}

void MainWindow::reconnectCurrent()
{
    if (Feed *feed = currentFeed())
        feed->reconnectNow();
}

void MainWindow::removeCurrent()
{
    removeFeed(currentIndex());
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
    if (QListWidgetItem *item = m_list->item(index)) {
        item->setIcon(dotIcon(TimelineWidget::stateColor(feed->readyState(), palette())));
        item->setStatusTip(FeedPanel::stateLabel(feed->readyState()));
    }
}

void MainWindow::updateActions()
{
    const Feed *feed = currentFeed();
    const bool closed = feed && feed->readyState() == Feed::ReadyState::Closed;
    const bool live = feed && !isImported(feed);
    m_connectAction->setEnabled(live && closed);
    m_disconnectAction->setEnabled(live && !closed);
    m_reconnectAction->setEnabled(live);
    m_editAction->setEnabled(live);
    m_duplicateAction->setEnabled(live);
    m_copyCurlAction->setEnabled(live);
    m_copyCurlSecretsAction->setEnabled(live);
    m_exportAction->setEnabled(feed != nullptr && !m_exportJob);
    m_replayAction->setEnabled(feed != nullptr);
    m_removeAction->setEnabled(feed != nullptr);
    m_stopAllAction->setEnabled(!m_feeds.isEmpty());
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

QList<Sse::EventLog::Record> MainWindow::snapshot(int index, bool filteredOnly) const
{
    QList<Sse::EventLog::Record> records;
    Feed *feed = this->feed(index);
    if (!feed)
        return records;
    EventLogModel *model = feed->model();
    model->flush();
    if (!filteredOnly) {
        records.reserve(model->rowCount());
        for (int row = 0; row < model->rowCount(); ++row)
            records.append(model->record(row));
        return records;
    }
    const EventFilterModel *filter = panel(index)->filterModel();
    records.reserve(filter->rowCount());
    for (int row = 0; row < filter->rowCount(); ++row)
        records.append(model->record(filter->mapToSource(filter->index(row, 0)).row()));
    return records;
}

LogExportJob *MainWindow::exportLog(
        int index, const QString &fileName, Sse::LogFormat format, bool filteredOnly)
{
    if (!feed(index) || m_exportJob)
        return nullptr;
    auto *job = new LogExportJob(snapshot(index, filteredOnly), fileName, format, this);
    m_exportJob = job;
    auto *progress = new QProgressDialog(tr("Exporting %L1 records to %2…")
                                                 .arg(job->recordCount())
                                                 .arg(QDir::toNativeSeparators(fileName)),
            tr("Cancel"), 0, int(qMax<qsizetype>(1, job->recordCount())), this);
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
    connect(job, &LogExportJob::finished, this, &MainWindow::onExportFinished);
    job->start();
    updateActions();
    return job;
}

void MainWindow::onExportFinished()
{
    LogExportJob *job = m_exportJob;
    if (!job)
        return;
    const Sse::ExportResult result = job->result();
    m_exportJob = nullptr;
    job->deleteLater();
    updateActions();
    if (result.ok) {
        statusBar()->showMessage(tr("Exported %L1 records to %2")
                                         .arg(result.records)
                                         .arg(QDir::toNativeSeparators(job->fileName())),
                StatusMessageMs);
    } else if (result.cancelled) {
        statusBar()->showMessage(tr("Export cancelled; %1 was left as it was.")
                                         .arg(QDir::toNativeSeparators(job->fileName())),
                StatusMessageMs);
    } else {
        showError(tr("Export Failed"),
                tr("%1\n\nNothing was written; an existing file was left as it was.")
                        .arg(result.error));
    }
    Q_EMIT exportFinished(result);
}

Feed *MainWindow::importLog(const QString &fileName, QString *error)
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
    Feed *feed = addFeed(config, false);
    m_imported.insert(feed);
    m_transient.insert(feed);
    if (QListWidgetItem *item = m_list->item(int(m_feeds.indexOf(feed))))
        item->setToolTip(QDir::toNativeSeparators(fileName));
    for (const Sse::EventLog::Record &record : std::as_const(records))
        feed->model()->append(record);
    feed->model()->flush();
    updateActions();
    statusBar()->showMessage(tr("Imported %L1 records from %2")
                                     .arg(records.size())
                                     .arg(QDir::toNativeSeparators(fileName)),
            StatusMessageMs);
    return feed;
}

Feed *MainWindow::replayLog(int index, double speed, QString *error)
{
    auto fail = [error](const QString &why) -> Feed * {
        if (error)
            *error = why;
        return nullptr;
    };
    QList<Sse::Event> events;
    const QList<Sse::EventLog::Record> records = snapshot(index, false);
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
    config.name = tr("Replay: %1").arg(feed(index)->config().name);
    config.url = m_replayPublisher->url(Sse::Publisher::pathOf({}));
    Feed *replayFeed = addFeed(config, true);
    m_transient.insert(replayFeed);
    m_replay = new Sse::Replay(m_replayPublisher.get(), events, speed, {}, this);
    // Start once the feed listens, so that it sees the first event too.
    auto *replay = m_replay.get();
    connect(replayFeed, &Feed::readyStateChanged, replay, [replay](Feed::ReadyState state) {
        if (state == Feed::ReadyState::Open && !replay->isRunning() && replay->position() == 0)
            replay->start();
    });
    connect(replay, &Sse::Replay::finished, this, [this, replay] {
        statusBar()->showMessage(
                tr("Replay finished: %L1 events published.").arg(replay->size()), StatusMessageMs);
    });
    return replayFeed;
}

void MainWindow::showExportDialog()
{
    const int index = currentIndex();
    Feed *feed = this->feed(index);
    if (!feed || m_exportJob)
        return;
    feed->model()->flush();
    ExportDialog dialog(feed->model()->rowCount(), panel(index)->filterModel()->rowCount(), this);
    const QString directory = m_lastDirectory.isEmpty() ? QDir::homePath() : m_lastDirectory;
    QString base = feed->config().name;
    base.replace(QRegularExpression(u"[^\\w.-]+"_s), u"-"_s);
    dialog.setFileName(QDir(directory).filePath(base + u".ndjson"_s));
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_lastDirectory = QFileInfo(dialog.fileName()).absolutePath();
    exportLog(index, dialog.fileName(), dialog.format(), dialog.filteredOnly());
}

void MainWindow::showImportDialog()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Import Log"),
            m_lastDirectory.isEmpty() ? QDir::homePath() : m_lastDirectory,
            tr("NDJSON event logs (*.ndjson *.jsonl);;All files (*)"));
    if (fileName.isEmpty())
        return;
    m_lastDirectory = QFileInfo(fileName).absolutePath();
    QString error;
    if (!importLog(fileName, &error))
        showError(tr("Import Failed"), error);
}

void MainWindow::replayCurrent()
{
    QString error;
    if (!replayLog(currentIndex(), 1.0, &error))
        showError(tr("Replay"), error);
}

void MainWindow::showError(const QString &title, const QString &text)
{
    statusBar()->showMessage(text.section(u'\n', 0, 0), StatusMessageMs);
    // Window-modal and not exec(): the feeds go on while the message is up.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(u"errorBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
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
    savePublisherSettings(settings);
    settings.beginGroup(u"window"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"state"_s, saveState());
    settings.setValue(u"splitter"_s, m_splitter->saveState());
    settings.setValue(u"openFeeds"_s, open);
    settings.setValue(u"lastDirectory"_s, m_lastDirectory);
    settings.endGroup();
}

QStringList MainWindow::restoreSettings(QSettings &settings)
{
    const FeedSettingsStore::LoadResult loaded = FeedSettingsStore::load(settings);
    restorePublisherSettings(settings);
    settings.beginGroup(u"window"_s);
    restoreGeometry(settings.value(u"geometry"_s).toByteArray());
    restoreState(settings.value(u"state"_s).toByteArray());
    m_splitter->restoreState(settings.value(u"splitter"_s).toByteArray());
    const QVariantList open = settings.value(u"openFeeds"_s).toList();
    m_lastDirectory = settings.value(u"lastDirectory"_s).toString();
    settings.endGroup();
    for (qsizetype i = 0; i < loaded.feeds.size(); ++i)
        addFeed(loaded.feeds.at(i), open.value(i, true).toBool());
    return loaded.warnings;
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

void MainWindow::savePublisherSettings(QSettings &settings) const
{
    const Sse::PublisherOptions options = m_publisherPanel->options();
    const Sse::FeedSettings &feed = options.feed;
    settings.beginGroup(u"publisher"_s);
    settings.setValue(u"port"_s, options.port);
    settings.setValue(u"intervalMs"_s, qint64(feed.interval.count()));
    settings.setValue(u"payload"_s, int(feed.payload));
    settings.setValue(u"ids"_s, int(feed.ids));
    settings.setValue(u"eventName"_s, QString::fromUtf8(feed.eventName));
    settings.setValue(u"retryMs"_s, feed.retryMs);
    settings.setValue(u"heartbeatMs"_s, qint64(feed.heartbeat.count()));
    settings.setValue(u"limit"_s, feed.limit);
    settings.endGroup();
}

void MainWindow::restorePublisherSettings(QSettings &settings)
{
    settings.beginGroup(u"publisher"_s);
    if (settings.contains(u"intervalMs"_s)) {
        Sse::PublisherOptions options = m_publisherPanel->options();
        Sse::FeedSettings &feed = options.feed;
        // Out-of-range values are the panel's to clamp; unknown enum values fall back.
        options.port = quint16(std::clamp(settings.value(u"port"_s).toInt(), 0, 65535));
        feed.interval = std::chrono::milliseconds(
                std::max<qint64>(0, settings.value(u"intervalMs"_s).toLongLong()));
        const int payload = settings.value(u"payload"_s).toInt();
        feed.payload = payload == int(Sse::FeedSettings::Payload::Json)
                ? Sse::FeedSettings::Payload::Json
                : Sse::FeedSettings::Payload::ClockText;
        const int ids = settings.value(u"ids"_s).toInt();
        if (ids >= int(Sse::FeedSettings::Ids::Counter) && ids <= int(Sse::FeedSettings::Ids::None))
            feed.ids = Sse::FeedSettings::Ids(ids);
        feed.eventName = settings.value(u"eventName"_s).toString().toUtf8();
        feed.retryMs = settings.value(u"retryMs"_s, -1).toLongLong();
        feed.heartbeat = std::chrono::milliseconds(
                std::max<qint64>(0, settings.value(u"heartbeatMs"_s).toLongLong()));
        feed.limit = std::max(0, settings.value(u"limit"_s).toInt());
        m_publisherPanel->setOptions(options);
        m_publisherRestored = true;
    }
    settings.endGroup();
}
