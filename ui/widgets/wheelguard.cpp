// SPDX-License-Identifier: MIT
// WheelGuard: a wheel over a spin box or combo box the user is not editing scrolls instead.
#include "wheelguard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QWidget>

WheelGuard::WheelGuard(QObject *parent)
    : QObject(parent)
{ }

void WheelGuard::install(QWidget *root)
{
    auto *guard = new WheelGuard(root);
    QList<QWidget *> boxes;
    const QList<QAbstractSpinBox *> spins = root->findChildren<QAbstractSpinBox *>();
    const QList<QComboBox *> combos = root->findChildren<QComboBox *>();
    boxes.append(QList<QWidget *>(spins.cbegin(), spins.cend()));
    boxes.append(QList<QWidget *>(combos.cbegin(), combos.cend()));
    for (QWidget *box : std::as_const(boxes)) {
        box->setFocusPolicy(Qt::StrongFocus);
        box->installEventFilter(guard);
    }
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Wheel || !watched->isWidgetType())
        return false;
    if (static_cast<QWidget *>(watched)->hasFocus())
        return false;
    // Filtered and ignored: the application hands the wheel to the parent widgets.
    event->ignore();
    return true;
}
