// SPDX-License-Identifier: MIT
// MainWindow: the dashboard: a list of feeds, one FeedPanel each, the built-in publisher.
#pragma once

#include "feed.h"

#include <QList>
#include <QMainWindow>

#include <memory>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QListWidget;
class QSplitter;
class QStackedWidget;
QT_END_NAMESPACE

namespace Sse {
class Publisher;
}
class FeedPanel;

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

    /// Starts the built-in publisher on a free loopback port and opens a feed on its /events.
    /// False with publisherError() when it cannot listen.
    bool startDefault();

    /// Adds a feed (owned by the window) with its list entry and panel, makes it current and
    /// opens it when `open` is true.
    Feed *addFeed(const FeedConfig &config, bool open = true);

    /// Closes and deletes the feed at `index` with its panel.
    void removeFeed(int index);

    [[nodiscard]] int feedCount() const { return int(m_feeds.size()); }

    [[nodiscard]] Feed *feed(int index) const { return m_feeds.value(index); }

    [[nodiscard]] FeedPanel *panel(int index) const;

    [[nodiscard]] int currentIndex() const;
    void setCurrentIndex(int index);

    [[nodiscard]] Feed *currentFeed() const { return feed(currentIndex()); }

    [[nodiscard]] Sse::Publisher *publisher() const { return m_publisher.get(); }

    [[nodiscard]] QString publisherError() const { return m_publisherError; }

    [[nodiscard]] QListWidget *feedList() const { return m_list; }

    [[nodiscard]] QStackedWidget *panelStack() const { return m_stack; }

    [[nodiscard]] QLabel *publisherLabel() const { return m_publisherLabel; }

    [[nodiscard]] QAction *addFeedAction() const { return m_addAction; }

    [[nodiscard]] QAction *connectAction() const { return m_connectAction; }

    [[nodiscard]] QAction *disconnectAction() const { return m_disconnectAction; }

    [[nodiscard]] QAction *reconnectAction() const { return m_reconnectAction; }

    [[nodiscard]] QAction *removeAction() const { return m_removeAction; }

    [[nodiscard]] QAction *stopAllAction() const { return m_stopAllAction; }

    [[nodiscard]] QAction *quitAction() const { return m_quitAction; }

    [[nodiscard]] QAction *aboutAction() const { return m_aboutAction; }

    /// The text of the About box: ssedash's and Qt's versions.
    [[nodiscard]] static QString aboutText();

public Q_SLOTS:
    void showAddFeedDialog();
    void connectCurrent();
    void disconnectCurrent();
    void reconnectCurrent();
    void removeCurrent();
    void stopAll();
    void showAbout();

private:
    void createActions();
    void updateItem(Feed *feed);
    void updateActions();
    void updatePublisherLabel();

    std::unique_ptr<Sse::Publisher> m_publisher;
    QString m_publisherError;
    QList<Feed *> m_feeds;
    QSplitter *m_splitter = nullptr;
    QListWidget *m_list = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_publisherLabel = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_reconnectAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_stopAllAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
};
