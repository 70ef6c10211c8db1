// SPDX-License-Identifier: MIT
// Sparkline: a small line-and-area chart of recent values.
#include "sparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

Sparkline::Sparkline(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

Sparkline::~Sparkline() = default;

void Sparkline::setValues(const QList<qreal> &values)
{
    m_values = values;
    update();
}

void Sparkline::setCapacity(int capacity)
{
    m_capacity = std::max(2, capacity);
    update();
}

QSize Sparkline::sizeHint() const
{
    const int h = fontMetrics().height();
    return {h * 6, h};
}

QSize Sparkline::minimumSizeHint() const
{
    const int h = fontMetrics().height();
    return {h * 3, h};
}

void Sparkline::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(1.0, 1.0, -1.0, -1.0);
    QColor base = palette().color(QPalette::Base);
    painter.setPen(QPen(palette().color(QPalette::Mid), 0.0));
    painter.setBrush(base);
    painter.drawRoundedRect(area, 2.0, 2.0);

    const qsizetype count = std::min<qsizetype>(m_values.size(), m_capacity);
    if (count < 1)
        return;
    const auto first = m_values.cend() - count;
    const qreal maxValue = std::max<qreal>(1.0, *std::max_element(first, m_values.cend()));
    const QRectF plot = area.adjusted(1.5, 2.0, -1.5, -1.5);
    // Until capacity() values have come, the ones there are fill the width.
    const qsizetype slots = std::max<qsizetype>(count, std::min(m_capacity, 10));
    const qreal step = plot.width() / qreal(slots - 1);
    auto pointAt = [&](qsizetype i) {
        const qreal x = plot.right() - qreal(count - 1 - i) * step;
        const qreal y = plot.bottom() - plot.height() * (first[i] / maxValue);
        return QPointF(x, y);
    };

    QPainterPath line;
    line.moveTo(pointAt(0));
    for (qsizetype i = 1; i < count; ++i)
        line.lineTo(pointAt(i));
    if (count == 1)
        line.lineTo(pointAt(0) + QPointF(0.5, 0.0));

    QPainterPath fill = line;
    fill.lineTo(QPointF(pointAt(count - 1).x(), plot.bottom()));
    fill.lineTo(QPointF(pointAt(0).x(), plot.bottom()));
    fill.closeSubpath();

    QColor accent = palette().color(QPalette::Highlight);
    QColor translucent = accent;
    translucent.setAlphaF(0.25f);
    painter.setPen(Qt::NoPen);
    painter.setBrush(translucent);
    painter.drawPath(fill);
    painter.setPen(QPen(accent, 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(line);
}
