// SPDX-License-Identifier: MIT
// The dashboard's main window.
#include "mainwindow.h"

#include "addfeeddialog.h"
#include "feedpanel.h"
#include "timelinewidget.h"

#include "sselib/publisher.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int TimelineHeight = 110;

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
{
    setWindowTitle(tr("ssedash"));
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
    statusBar()->addPermanentWidget(m_publisherLabel);
    m_publisherLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    updatePublisherLabel();

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_stack->setCurrentIndex(row);
        updateActions();
    });
    updateActions();
    resize(1200, 760);
}

MainWindow::~MainWindow()
{
    // Panels point at their feeds: let them go first.
    while (m_stack->count() > 0)
        delete m_stack->widget(0);
    qDeleteAll(m_feeds);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&Feed"));
    QToolBar *toolBar = addToolBar(tr("Feeds"));
    toolBar->setObjectName(u"feedToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto make = [this](const QString &text, const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setToolTip(u"%1 (%2)"_s.arg(QString(text).remove(u'&').remove(u"…"_s),
                shortcut.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_addAction = make(tr("&Add Feed…"), QKeySequence(u"Ctrl+N"_s), &MainWindow::showAddFeedDialog);
    m_connectAction =
            make(tr("&Connect"), QKeySequence(u"Ctrl+Return"_s), &MainWindow::connectCurrent);
    m_disconnectAction =
            make(tr("&Disconnect"), QKeySequence(u"Ctrl+."_s), &MainWindow::disconnectCurrent);
    m_reconnectAction =
            make(tr("&Reconnect Now"), QKeySequence(u"Ctrl+R"_s), &MainWindow::reconnectCurrent);
    m_removeAction = make(
            tr("Re&move Feed"), QKeySequence(QKeySequence::Delete), &MainWindow::removeCurrent);
    m_stopAllAction = make(tr("&Stop All"), QKeySequence(u"Ctrl+Shift+."_s), &MainWindow::stopAll);
    m_quitAction = make(tr("&Quit"), QKeySequence(u"Ctrl+Q"_s), &QWidget::close);
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_aboutAction = new QAction(tr("&About ssedash"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    fileMenu->addAction(m_addAction);
    fileMenu->addSeparator();
    fileMenu->addActions({m_connectAction, m_disconnectAction, m_reconnectAction});
    fileMenu->addSeparator();
    fileMenu->addActions({m_removeAction, m_stopAllAction});
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);
    menuBar()->addMenu(tr("&Help"))->addAction(m_aboutAction);

    toolBar->addAction(m_addAction);
    toolBar->addSeparator();
    toolBar->addActions({m_connectAction, m_disconnectAction, m_reconnectAction});
    toolBar->addSeparator();
    toolBar->addActions({m_removeAction, m_stopAllAction});
}

bool MainWindow::startDefault()
{
    if (!m_publisher) {
        Sse::PublisherOptions options;
        options.feed.interval = std::chrono::milliseconds(500);
        options.feed.payload = Sse::FeedSettings::Payload::Json;
        m_publisher = std::make_unique<Sse::Publisher>(options);
        connect(m_publisher.get(), &Sse::Publisher::clientCountChanged, this,
                &MainWindow::updatePublisherLabel);
        if (!m_publisher->listen()) {
            m_publisherError = m_publisher->errorString();
            m_publisher.reset();
            updatePublisherLabel();
            return false;
        }
        updatePublisherLabel();
    }
    FeedConfig config;
    config.name = tr("Built-in publisher");
    config.url = m_publisher->url(Sse::Publisher::pathOf({}));
    addFeed(config, true);
    return true;
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
    return tr("<h3>ssedash %1</h3><p>Watch, debug and publish Server-Sent Events feeds.</p>"
              "<p>Built with Qt %2, running on Qt %3.</p>")
            .arg(QStringLiteral(SSEDASH_VERSION), QStringLiteral(QT_VERSION_STR),
                    QString::fromLatin1(qVersion()));
}

void MainWindow::showAddFeedDialog()
{
    AddFeedDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        addFeed(dialog.config(), true);
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
    m_connectAction->setEnabled(closed);
    m_disconnectAction->setEnabled(feed && !closed);
    m_reconnectAction->setEnabled(feed != nullptr);
    m_removeAction->setEnabled(feed != nullptr);
    m_stopAllAction->setEnabled(!m_feeds.isEmpty());
}

void MainWindow::updatePublisherLabel()
{
    if (!m_publisher) {
        m_publisherLabel->setText(m_publisherError.isEmpty()
                        ? tr("Built-in publisher: off")
                        : tr("Built-in publisher: %1").arg(m_publisherError));
        return;
    }
    m_publisherLabel->setText(tr("Built-in publisher: %1 · clients: %2")
                                      .arg(m_publisher->url().toDisplayString())
                                      .arg(m_publisher->clientCount()));
}
