// SPDX-License-Identifier: MIT
// CaptureActions: the dashboard's Capture menu, dialog, dock and status over a CaptureSession.
#pragma once

#include "sselib/capture/captureoptions.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

QT_BEGIN_NAMESPACE
class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QSettings;
class QToolBar;
QT_END_NAMESPACE

class CaptureDialog;
class CapturePanel;
class CaptureSession;

/// What a window needs to capture an app's streams: the actions "captureAction" (Capture…,
/// Ctrl+Shift+X: a CaptureDialog, then a running proxy), "editCaptureRulesAction" (the dialog
/// for the running proxy's rules, applied live), "copyProxyUrlAction" (to the clipboard) and
/// "stopCaptureAction", in a Capture menu and the window's toolbar; the "captureDock" with a
/// CapturePanel; and "captureLabel" in the status bar ("Capturing PROXY -> UPSTREAM"). The
/// last upstream, port, bind address, rules, certificate file and rewrites are remembered
/// (saveSettings()).
class CaptureActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureActions)

public:
    /// Runs `session` (not owned) for `window`, whose menu bar (the Capture menu goes before
    /// `menuBefore`, or last when null), `toolBar` (may be null), status bar and dock area it
    /// adds to; `window` is the parent.
    CaptureActions(CaptureSession *session, QMainWindow *window, QToolBar *toolBar,
            QAction *menuBefore = nullptr);
    ~CaptureActions() override;

    /// Starts a capture with `options` (a running one stops first); on failure shows why and
    /// returns false. `certificateFile` is remembered with the options.
    bool start(const Sse::CaptureOptions &options, const QString &certificateFile = {});

    /// The options the Capture dialog starts with (the last ones used).
    [[nodiscard]] Sse::CaptureOptions lastOptions() const { return m_last; }

    [[nodiscard]] QDockWidget *dock() const { return m_dock; }

    void saveSettings(QSettings &settings) const;
    void restoreSettings(QSettings &settings);

public Q_SLOTS:
    /// The Capture dialog: a new capture, or the rules of the running one.
    void showCaptureDialog();
    void showRulesDialog();
    void copyProxyUrl();
    void stop();

Q_SIGNALS:
    /// For the status bar.
    void statusMessage(const QString &text);

private:
    void createActions(QToolBar *toolBar, QAction *menuBefore);
    void createDock();
    void openDialog(CaptureDialog *dialog);
    void update();

    CaptureSession *m_session;
    QMainWindow *m_window;
    QAction *m_captureAction = nullptr;
    QAction *m_rulesAction = nullptr;
    QAction *m_copyUrlAction = nullptr;
    QAction *m_stopAction = nullptr;
    QDockWidget *m_dock = nullptr;
    CapturePanel *m_panel = nullptr;
    QLabel *m_label = nullptr;
    Sse::CaptureOptions m_last;
    QString m_certificateFile;
};
