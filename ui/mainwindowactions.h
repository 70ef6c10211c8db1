// SPDX-License-Identifier: MIT
// MainWindowActions: the main window's actions, menus and toolbar.
#pragma once

#include <QAction>
#include <QCoreApplication>
#include <QString>

QT_BEGIN_NAMESPACE
class QMainWindow;
class QMenu;
class QToolBar;
class QWidget;
QT_END_NAMESPACE

/// MainWindow's actions, made by create() as the window's children (each with its shortcut in
/// its tooltip and an objectName such as "exportAction"), then put in the window's menus, a
/// toolbar and the feed list's context menu by addToMenus(). The window connects them to its
/// slots and enables and disables them.
struct MainWindowActions
{
    // The texts were translated as the window's: they keep its context.
    Q_DECLARE_TR_FUNCTIONS(MainWindow)

public:
    void create(QWidget *window);
    void addToMenus(QMainWindow *window, QWidget *feedList);

    /// Every shortcut of the actions below `window`, as an HTML table with a heading.
    [[nodiscard]] static QString shortcutsText(const QObject *window);

    QAction *addFeedAction = nullptr;
    QAction *editAction = nullptr;
    QAction *duplicateAction = nullptr;
    QAction *connectAction = nullptr;
    QAction *disconnectAction = nullptr;
    QAction *reconnectAction = nullptr;
    QAction *removeAction = nullptr;
    QAction *stopAllAction = nullptr;
    QAction *copyCurlAction = nullptr;
    QAction *copyCurlSecretsAction = nullptr;
    QAction *exportAction = nullptr;
    QAction *importAction = nullptr;
    QAction *replayAction = nullptr;
    QAction *quitAction = nullptr;
    QAction *aboutAction = nullptr;
    QAction *aboutQtAction = nullptr;
    QAction *shortcutsAction = nullptr;
    QMenu *viewMenu = nullptr; ///< where the window adds its docks' toggles
    QToolBar *toolBar = nullptr; ///< the toolbar; the window adds its docks' toggles too
};
