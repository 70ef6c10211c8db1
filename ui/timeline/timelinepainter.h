// SPDX-License-Identifier: MIT
// TimelinePainter: paints one frame of the connection timeline.
#pragma once

#include "timelinelayout.h"

#include "ui/models/timemapping.h"

#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QPalette>
#include <QRect>
#include <QString>

#include <optional>

class ConnectionHistory;
class TimelineWidget;

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

/// Paints a TimelineWidget as it is at one moment: the grid, the ready-state spans, the events
/// per second, the marker rows (TimelineMarkerPainter), the "now" line, the axis with its live
/// badge and the focus frame. Reads the widget; changes nothing but the painter.
class TimelinePainter final
{
    // The texts were translated as the widget's: they keep its context.
    Q_DECLARE_TR_FUNCTIONS(TimelineWidget)

public:
    /// Takes what it paints from `widget`, whose mapping is up to date; nowMs is "now".
    TimelinePainter(const TimelineWidget &widget, qint64 nowMs);

    void paint(QPainter &painter) const;

private:
    void paintGrid(QPainter &painter, const QList<qint64> &ticks) const;
    void paintSpans(QPainter &painter) const;
    void paintDensity(QPainter &painter) const;
    void paintAxis(QPainter &painter, const QList<qint64> &ticks, qint64 stepMs) const;
    void paintEmptyText(QPainter &painter, const QRectF &rect) const;
    void paintMark(QPainter &painter) const;

    const TimeMapping &m_mapping;
    const ConnectionHistory *m_history;
    QPalette m_palette;
    QFont m_font;
    QRect m_rect;
    int m_width;
    bool m_followLive;
    bool m_hasFocus;
    qint64 m_nowMs;
    std::optional<qint64> m_markMs;
    QString m_emptyText;
    TimelineLayout m_layout;
};
