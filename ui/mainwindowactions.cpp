// SPDX-License-Identifier: MIT
// The main window's actions, menus and toolbar.
#include "mainwindowactions.h"

#include <QAction>
#include <QMainWindow>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

void MainWindowActions::create(QWidget *window)
{
    auto make = [window](const QString &name, const QString &text, const QKeySequence &shortcut,
                        const QIcon &icon = {}) {
        auto *action = new QAction(icon, text, window);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        const QString plain = QString(text).remove(u'&').remove(u"…"_s);
        action->setToolTip(shortcut.isEmpty()
                        ? plain
                        : u"%1 (%2)"_s.arg(plain, shortcut.toString(QKeySequence::NativeText)));
        return action;
    };
    auto icon = [window](const char *themeName, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QLatin1String(themeName), window->style()->standardIcon(fallback));
    };
    addFeedAction = make(u"addFeedAction"_s, tr("&Add Feed…"), QKeySequence(u"Ctrl+N"_s),
            icon("list-add", QStyle::SP_FileDialogNewFolder));
    editAction = make(u"editAction"_s, tr("&Edit Feed…"), QKeySequence(u"F2"_s),
            icon("document-properties", QStyle::SP_FileDialogDetailedView));
    duplicateAction = make(u"duplicateAction"_s, tr("D&uplicate Feed…"), QKeySequence(u"Ctrl+D"_s),
            icon("edit-copy", QStyle::SP_FileLinkIcon));
    connectAction = make(u"connectAction"_s, tr("&Connect"), QKeySequence(u"Ctrl+Return"_s),
            icon("media-playback-start", QStyle::SP_MediaPlay));
    disconnectAction = make(u"disconnectAction"_s, tr("&Disconnect"), QKeySequence(u"Ctrl+."_s),
            icon("media-playback-stop", QStyle::SP_MediaStop));
    reconnectAction = make(u"reconnectAction"_s, tr("&Reconnect Now"), QKeySequence(u"Ctrl+R"_s),
            icon("view-refresh", QStyle::SP_BrowserReload));
    removeAction = make(u"removeAction"_s, tr("Re&move Feed"), QKeySequence(QKeySequence::Delete),
            icon("list-remove", QStyle::SP_TrashIcon));
    stopAllAction = make(u"stopAllAction"_s, tr("&Stop All"), QKeySequence(u"Ctrl+Shift+."_s),
            icon("process-stop", QStyle::SP_BrowserStop));
    copyCurlAction =
            make(u"copyCurlAction"_s, tr("Copy as &curl"), QKeySequence(u"Ctrl+Shift+C"_s));
    copyCurlSecretsAction =
            make(u"copyCurlSecretsAction"_s, tr("Copy as curl with &Secrets"), QKeySequence());
    exportAction = make(u"exportAction"_s, tr("&Export Log…"), QKeySequence(u"Ctrl+E"_s),
            icon("document-save-as", QStyle::SP_DialogSaveButton));
    importAction = make(u"importAction"_s, tr("&Import Log…"), QKeySequence(u"Ctrl+O"_s),
            icon("document-open", QStyle::SP_DialogOpenButton));
    replayAction =
            make(u"replayAction"_s, tr("Re&play in Publisher"), QKeySequence(u"Ctrl+Shift+P"_s),
                    icon("media-seek-forward", QStyle::SP_MediaSeekForward));
    quitAction = make(u"quitAction"_s, tr("&Quit"), QKeySequence(u"Ctrl+Q"_s));
    quitAction->setMenuRole(QAction::QuitRole);
    aboutAction = make(u"aboutAction"_s, tr("&About ssedash"), QKeySequence());
    aboutAction->setMenuRole(QAction::AboutRole);
    aboutQtAction = make(u"aboutQtAction"_s, tr("About &Qt"), QKeySequence());
    shortcutsAction = make(u"shortcutsAction"_s, tr("&Keyboard Shortcuts"),
            QKeySequence(QKeySequence::HelpContents));
    aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindowActions::addToMenus(QMainWindow *window, QWidget *feedList)
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
    feedList->setContextMenuPolicy(Qt::ActionsContextMenu);
    feedList->addActions({editAction, duplicateAction, connectAction, disconnectAction,
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
