// SPDX-License-Identifier: MIT
// The application icon, painted in code.
#include "appicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {

QPixmap paintIcon(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;

    QLinearGradient background(0, 0, 0, s);
    background.setColorAt(0, QColor(0x1e, 0x88, 0xe5));
    background.setColorAt(1, QColor(0x15, 0x65, 0xc0));
    painter.setPen(Qt::NoPen);
    painter.setBrush(background);
    painter.drawRoundedRect(
            QRectF(0, 0, s, s).adjusted(s / 32, s / 32, -s / 32, -s / 32), s * 0.2, s * 0.2);

    // The source at the lower left, its events running to the upper right as arcs.
    const QPointF source(s * 0.27, s * 0.73);
    painter.setBrush(Qt::white);
    painter.drawEllipse(source, s * 0.09, s * 0.09);
    QPen wave(Qt::white, qMax(1.5, s * 0.075), Qt::SolidLine, Qt::RoundCap);
    painter.setBrush(Qt::NoBrush);
    for (int i = 1; i <= 3; ++i) {
        const qreal radius = s * (0.12 + 0.16 * i);
        wave.setColor(QColor(255, 255, 255, 255 - 45 * (i - 1)));
        painter.setPen(wave);
        painter.drawArc(QRectF(source.x() - radius, source.y() - radius, 2 * radius, 2 * radius),
                5 * 16, 80 * 16);
    }
    return pixmap;
}

} // namespace

QIcon appIcon()
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(paintIcon(size));
    return icon;
}
