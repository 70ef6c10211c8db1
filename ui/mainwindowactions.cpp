// SPDX-License-Identifier: MIT
// The main window's actions, menus and toolbar.
#include "mainwindowactions.h"

#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QListWidget>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

void MainWindowActions::create(MainWindow *window)
{
    auto make = [window](const QString &text, const QKeySequence &shortcut, auto slot,
                        const QIcon &icon = {}) {
        auto *action = new QAction(icon, text, window);
        action->setShortcut(shortcut);
        const QString plain = QString(text).remove(u'&').remove(u"…"_s);
        action->setToolTip(shortcut.isEmpty()
                        ? plain
                        : u"%1 (%2)"_s.arg(plain, shortcut.toString(QKeySequence::NativeText)));
        QObject::connect(action, &QAction::triggered, window, slot);
        return action;
    };
    auto icon = [window](const char *themeName, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QLatin1String(themeName), window->style()->standardIcon(fallback));
    };
    addFeedAction = make(tr("&Add Feed…"), QKeySequence(u"Ctrl+N"_s),
            &MainWindow::showAddFeedDialog, icon("list-add", QStyle::SP_FileDialogNewFolder));
    editAction = make(tr("&Edit Feed…"), QKeySequence(u"F2"_s), &MainWindow::editCurrent,
            icon("document-properties", QStyle::SP_FileDialogDetailedView));
    duplicateAction = make(tr("D&uplicate Feed…"), QKeySequence(u"Ctrl+D"_s),
            &MainWindow::duplicateCurrent, icon("edit-copy", QStyle::SP_FileLinkIcon));
    connectAction = make(tr("&Connect"), QKeySequence(u"Ctrl+Return"_s),
            &MainWindow::connectCurrent, icon("media-playback-start", QStyle::SP_MediaPlay));
    disconnectAction = make(tr("&Disconnect"), QKeySequence(u"Ctrl+."_s),
            &MainWindow::disconnectCurrent, icon("media-playback-stop", QStyle::SP_MediaStop));
    reconnectAction = make(tr("&Reconnect Now"), QKeySequence(u"Ctrl+R"_s),
            &MainWindow::reconnectCurrent, icon("view-refresh", QStyle::SP_BrowserReload));
    removeAction = make(tr("Re&move Feed"), QKeySequence(QKeySequence::Delete),
            &MainWindow::removeCurrent, icon("list-remove", QStyle::SP_TrashIcon));
    stopAllAction = make(tr("&Stop All"), QKeySequence(u"Ctrl+Shift+."_s), &MainWindow::stopAll,
            icon("process-stop", QStyle::SP_BrowserStop));
    copyCurlAction = make(
            tr("Copy as &curl"), QKeySequence(u"Ctrl+Shift+C"_s), &MainWindow::copyCurlCommand);
    copyCurlSecretsAction = make(tr("Copy as curl with &Secrets"), QKeySequence(),
            &MainWindow::copyCurlCommandWithSecrets);
    exportAction = make(tr("&Export Log…"), QKeySequence(u"Ctrl+E"_s),
            &MainWindow::showExportDialog, icon("document-save-as", QStyle::SP_DialogSaveButton));
    importAction = make(tr("&Import Log…"), QKeySequence(u"Ctrl+O"_s),
            &MainWindow::showImportDialog, icon("document-open", QStyle::SP_DialogOpenButton));
    replayAction = make(tr("Re&play in Publisher"), QKeySequence(u"Ctrl+Shift+P"_s),
            &MainWindow::replayCurrent, icon("media-seek-forward", QStyle::SP_MediaSeekForward));
    quitAction = make(tr("&Quit"), QKeySequence(u"Ctrl+Q"_s), &QWidget::close);
    quitAction->setMenuRole(QAction::QuitRole);
    aboutAction = make(tr("&About ssedash"), QKeySequence(), &MainWindow::showAbout);
    aboutAction->setMenuRole(QAction::AboutRole);
    aboutQtAction = make(tr("About &Qt"), QKeySequence(), &QApplication::aboutQt);
    shortcutsAction = make(tr("&Keyboard Shortcuts"), QKeySequence(QKeySequence::HelpContents),
            &MainWindow::showShortcuts);
    aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindowActions::addToMenus(MainWindow *window)
{
    QMenu *feedMenu = window->menuBar()->addMenu(tr("&Feed"));
    feedMenu->addActions({addFeedAction, editAction, duplicateAction});
    feedMenu->addSeparator();
    feedMenu->addActions({connectAction, disconnectAction, reconnectAction});
    feedMenu->addSeparator();
    feedMenu->addActions({copyCurlAction, copyCurlSecretsAction});
    feedMenu->addSeparator();
    feedMenu->addActions({removeAction, stopAllAction});
    feedMenu->addSeparator();
    feedMenu->addAction(quitAction);

    QMenu *logMenu = window->menuBar()->addMenu(tr("&Log"));
    logMenu->addActions({exportAction, importAction});
    logMenu->addSeparator();
    logMenu->addAction(replayAction);

    viewMenu = window->menuBar()->addMenu(tr("&View"));

    QMenu *helpMenu = window->menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(shortcutsAction);
    helpMenu->addSeparator();
    helpMenu->addActions({aboutAction, aboutQtAction});

    // Short words on the toolbar, so that it fits a 1024 px window; menus keep the full text.
    addFeedAction->setIconText(tr("Add"));
    editAction->setIconText(tr("Edit"));
    reconnectAction->setIconText(tr("Reconnect"));
    removeAction->setIconText(tr("Remove"));
    exportAction->setIconText(tr("Export"));
    importAction->setIconText(tr("Import"));
    toolBar = window->addToolBar(tr("Feeds"));
    toolBar->setObjectName(u"feedToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addActions({addFeedAction, editAction});
    toolBar->addSeparator();
    toolBar->addActions({connectAction, disconnectAction, reconnectAction});
    toolBar->addSeparator();
    toolBar->addActions({removeAction, stopAllAction});
    toolBar->addSeparator();
    toolBar->addActions({exportAction, importAction});
    viewMenu->addAction(toolBar->toggleViewAction());

    // The feed list's context menu: what applies to the feed under the mouse.
    window->feedList()->setContextMenuPolicy(Qt::ActionsContextMenu);
    window->feedList()->addActions({editAction, duplicateAction, connectAction, disconnectAction,
            reconnectAction, copyCurlAction, exportAction, replayAction, removeAction});
}

QString MainWindowActions::shortcutsText(const QObject *window)
{
    QString rows;
    const QList<QAction *> actions = window->findChildren<QAction *>();
    for (const QAction *action : actions) {
        if (action->shortcut().isEmpty())
            continue;
        rows += u"<tr><td>%1</td><td>&nbsp;&nbsp;<b>%2</b></td></tr>"_s.arg(
                action->text().remove(u'&').remove(u"…"_s).toHtmlEscaped(),
                action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped());
    }
    return tr("<h3>Keyboard shortcuts</h3><table>%1</table>"
              "<p>In a feed: Ctrl+F filters the text, Ctrl+L clears the log. In its event "
              "table: End follows live again, Ctrl+C copies the selected events' data, "
              "Ctrl+Shift+C copies them as SSE lines.</p>")
            .arg(rows);
}
