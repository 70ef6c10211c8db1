// SPDX-License-Identifier: MIT
// WheelGuard: a wheel over a spin box or combo box the user is not editing scrolls instead.
#pragma once

#include <QObject>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

/// Keeps a mouse wheel that passes over a form from changing live values: a guarded spin box or
/// combo box takes the wheel only while it has the focus; otherwise the wheel goes on to its
/// parents (a scroll area scrolls). Guarded boxes get Qt::StrongFocus, so that the wheel does
/// not focus them either; a click or Tab does.
class WheelGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WheelGuard)

public:
    /// Guards every spin box and combo box below `root` at the time of the call; the guard is a
    /// child of `root`.
    static void install(QWidget *root);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit WheelGuard(QObject *parent);
};
