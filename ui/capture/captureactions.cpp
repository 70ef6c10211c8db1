// SPDX-License-Identifier: MIT
// CaptureActions: the dashboard's Capture menu, dialog, dock and status over a CaptureSession.
#include "captureactions.h"

#include "capturedialog.h"
#include "capturepanel.h"

#include "ui/models/capturesession.h"
#include "ui/models/feedlist.h"

#include <QAction>
#include <QClipboard>
#include <QDockWidget>
#include <QGuiApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

namespace {

QAction *makeAction(QObject *parent, const QString &name, const QString &text,
        const QKeySequence &shortcut = {}, const QIcon &icon = {})
{
    auto *action = new QAction(icon, text, parent);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    const QString plain = QString(text).remove(u'&').remove(u"…"_s);
    action->setToolTip(shortcut.isEmpty()
                    ? plain
                    : u"%1 (%2)"_s.arg(plain, shortcut.toString(QKeySequence::NativeText)));
    return action;
}

QString rulesText(const QList<Sse::CaptureRule> &rules)
{
    QStringList lines;
    for (const Sse::CaptureRule &rule : rules)
        lines.append(rule.toString());
    return lines.join(u'\n');
}

} // namespace

CaptureActions::CaptureActions(
        CaptureSession *session, QMainWindow *window, QToolBar *toolBar, QAction *menuBefore)
    : QObject(window)
    , m_session(session)
    , m_window(window)
    , m_label(new QLabel(window))
{
    m_label->setObjectName(u"captureLabel"_s);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    window->statusBar()->addPermanentWidget(m_label);
    createActions(toolBar, menuBefore);
    createDock();
    connect(session, &CaptureSession::runningChanged, this, &CaptureActions::update);
    update();
}

CaptureActions::~CaptureActions() = default;

void CaptureActions::createActions(QToolBar *toolBar, QAction *menuBefore)
{
    // The window's actions are its children: shortcutsText() finds these too.
    m_captureAction = makeAction(m_window, u"captureAction"_s, tr("&Capture…"),
            QKeySequence(u"Ctrl+Shift+X"_s),
            QIcon::fromTheme(u"network-transmit-receive"_s,
                    m_window->style()->standardIcon(QStyle::SP_ComputerIcon)));
    m_captureAction->setIconText(tr("Capture"));
    m_rulesAction = makeAction(m_window, u"editCaptureRulesAction"_s, tr("Edit Capture &Rules…"));
    m_copyUrlAction = makeAction(m_window, u"copyProxyUrlAction"_s, tr("Copy &Proxy URL"));
    m_stopAction = makeAction(m_window, u"stopCaptureAction"_s, tr("&Stop Capture"), {},
            m_window->style()->standardIcon(QStyle::SP_MediaStop));
    connect(m_captureAction, &QAction::triggered, this, &CaptureActions::showCaptureDialog);
    connect(m_rulesAction, &QAction::triggered, this, &CaptureActions::showRulesDialog);
    connect(m_copyUrlAction, &QAction::triggered, this, &CaptureActions::copyProxyUrl);
    connect(m_stopAction, &QAction::triggered, this, &CaptureActions::stop);

    auto *menu = new QMenu(tr("&Capture"), m_window->menuBar());
    menu->setObjectName(u"captureMenu"_s);
    m_window->menuBar()->insertMenu(menuBefore, menu);
    menu->addActions({m_captureAction, m_rulesAction, m_copyUrlAction});
    menu->addSeparator();
    menu->addAction(m_stopAction);
    if (toolBar) {
        toolBar->addSeparator();
        toolBar->addAction(m_captureAction);
    }
}

void CaptureActions::createDock()
{
    m_dock = new QDockWidget(tr("Capture"), m_window);
    m_dock->setObjectName(u"captureDock"_s);
    m_panel = new CapturePanel(m_session, m_dock);
    m_panel->setObjectName(u"capturePanel"_s);
    m_dock->setWidget(m_panel);
    m_dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    QAction *toggle = m_dock->toggleViewAction();
    toggle->setObjectName(u"captureDockAction"_s);
    toggle->setText(tr("C&apture Panel"));
    if (QMenu *menu = m_window->menuBar()->findChild<QMenu *>(u"captureMenu"_s))
        menu->insertAction(m_stopAction, toggle);
    connect(m_panel, &CapturePanel::feedRequested, this, [this](Feed *feed) {
        FeedList *feeds = m_session->feeds();
        feeds->setCurrentIndex(feeds->indexOf(feed));
    });
}

bool CaptureActions::start(const Sse::CaptureOptions &options, const QString &certificateFile)
{
    m_last = options;
    m_certificateFile = certificateFile;
    if (!m_session->start(options)) {
        const QString why = m_session->errorString();
        Q_EMIT statusMessage(tr("The capture could not start: %1").arg(why));
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Capture"),
                tr("The capture proxy could not start."), QMessageBox::Close, m_window);
        box->setObjectName(u"captureErrorBox"_s);
        box->setInformativeText(why);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    if (m_dock->isHidden()) {
        m_dock->show();
        // The feed's log keeps most of the height.
        m_window->resizeDocks({m_dock}, {m_window->height() / 4}, Qt::Vertical);
    }
    Q_EMIT statusMessage(tr("Point your app at %1: its streams show as captured feeds.")
                                 .arg(m_session->url().toDisplayString()));
    return true;
}

void CaptureActions::showCaptureDialog()
{
    if (m_session->isRunning()) {
        showRulesDialog();
        return;
    }
    auto *dialog = new CaptureDialog(CaptureDialog::Mode::Start, m_window);
    dialog->setOptions(m_last);
    dialog->setCertificateFile(m_certificateFile);
    openDialog(dialog);
}

void CaptureActions::showRulesDialog()
{
    if (!m_session->isRunning())
        return;
    auto *dialog = new CaptureDialog(CaptureDialog::Mode::EditRules, m_window);
    dialog->setOptions(m_session->options());
    openDialog(dialog);
}

void CaptureActions::openDialog(CaptureDialog *dialog)
{
    dialog->setObjectName(u"captureDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Sse::CaptureOptions options = dialog->options();
        if (dialog->mode() == CaptureDialog::Mode::Start) {
            start(options, dialog->certificateFile());
            return;
        }
        // The capture may have stopped while the dialog was up: the rules wait for the next.
        m_session->setRules(options.rules);
        m_last.rules = options.rules;
        Q_EMIT statusMessage(
                tr("Capture rules applied: %n rule(s).", nullptr, int(options.rules.size())));
    });
    dialog->open();
}

void CaptureActions::copyProxyUrl()
{
    if (!m_session->isRunning())
        return;
    const QString url = m_session->url().toString();
    QGuiApplication::clipboard()->setText(url);
    Q_EMIT statusMessage(tr("Copied the proxy URL %1.").arg(url));
}

void CaptureActions::stop()
{
    if (!m_session->isRunning())
        return;
    m_session->stop();
    Q_EMIT statusMessage(tr("The capture stopped; its feeds stay."));
}

void CaptureActions::update()
{
    const bool running = m_session->isRunning();
    m_rulesAction->setEnabled(running);
    m_copyUrlAction->setEnabled(running);
    m_stopAction->setEnabled(running);
    m_captureAction->setText(running ? tr("&Capture (running)…") : tr("&Capture…"));
    m_label->setVisible(running);
    if (running) {
        m_label->setText(tr("Capturing %1 -> %2")
                                 .arg(m_session->url().toDisplayString(),
                                         m_session->options().upstream.toDisplayString()));
    }
}

void CaptureActions::saveSettings(QSettings &settings) const
{
    settings.beginGroup(u"capture"_s);
    settings.setValue(u"upstream"_s, m_last.upstream.toString());
    settings.setValue(u"port"_s, m_last.port);
    settings.setValue(u"bindAddress"_s, m_last.bindAddress.toString());
    settings.setValue(u"rules"_s, rulesText(m_last.rules));
    settings.setValue(u"certificateFile"_s, m_certificateFile);
    settings.setValue(u"rewriteHost"_s, m_last.rewriteHost);
    settings.setValue(u"rewriteOrigin"_s, m_last.rewriteOrigin);
    settings.endGroup();
}

void CaptureActions::restoreSettings(QSettings &settings)
{
    settings.beginGroup(u"capture"_s);
    Sse::CaptureOptions options;
    options.upstream = QUrl(settings.value(u"upstream"_s).toString());
    options.port = quint16(settings.value(u"port"_s, 0).toUInt());
    const QHostAddress bind(settings.value(u"bindAddress"_s).toString());
    if (!bind.isNull())
        options.bindAddress = bind;
    // Saved rules this version cannot read are dropped, all of them: they were meant together.
    QList<Sse::CaptureRule> rules;
    QString error;
    if (CaptureDialog::parseRules(settings.value(u"rules"_s).toString(), &rules, &error))
        options.rules = rules;
    options.rewriteHost = settings.value(u"rewriteHost"_s, true).toBool();
    options.rewriteOrigin = settings.value(u"rewriteOrigin"_s, false).toBool();
    m_certificateFile = settings.value(u"certificateFile"_s).toString();
    settings.endGroup();
    m_last = options;
}
