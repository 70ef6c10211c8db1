// SPDX-License-Identifier: MIT
// TestSupport::turnWheel(): a mouse wheel over a widget, as the application delivers it.
#pragma once

#include <QApplication>
#include <QSpontaneKeyEvent>
#include <QWheelEvent>
#include <QWidget>

namespace TestSupport {

/// Wheel notches (negative: down) over the middle of `widget`, delivered as the application
/// delivers a real wheel's: spontaneous, so that it propagates to the parents the widget leaves
/// it to (Qt does not propagate synthetic wheel events).
inline void turnWheel(QWidget *widget, int notches)
{
    const QPointF local(widget->width() / 2.0, widget->height() / 2.0);
    QWheelEvent event(local, widget->mapToGlobal(local), QPoint(), QPoint(0, 120 * notches),
            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    // As QTest delivers keys and mouse buttons: sendEvent() would make it synthetic again.
    QSpontaneKeyEvent::setSpontaneous(&event);
    qApp->notify(widget, &event);
}

} // namespace TestSupport
