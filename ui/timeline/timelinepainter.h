// SPDX-License-Identifier: MIT
// TimelinePainter: paints one frame of the connection timeline.
#pragma once

#include "timelinescene.h"

#include <QCoreApplication>
#include <QList>
#include <QRectF>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

/// Paints a TimelineScene: the grid, the ready-state spans, the events per second, the marker
/// rows (TimelineMarkerPainter), the "now" line, the axis with its live badge and the focus
/// frame. Changes nothing but the painter.
class TimelinePainter final
{
    // The texts were translated as the widget's: they keep its context.
    Q_DECLARE_TR_FUNCTIONS(TimelineWidget)

public:
    /// Paints `scene`, whose mapping is up to date.
    explicit TimelinePainter(TimelineScene scene);

    void paint(QPainter &painter) const;

private:
    void paintGrid(QPainter &painter, const QList<qint64> &ticks) const;
    void paintSpans(QPainter &painter) const;
    void paintDensity(QPainter &painter) const;
    void paintAxis(QPainter &painter, const QList<qint64> &ticks, qint64 stepMs) const;
    void paintEmptyText(QPainter &painter, const QRectF &rect) const;
    void paintMark(QPainter &painter) const;

    [[nodiscard]] QRectF laneRect(TimelineLayout::Lane lane) const
    {
        return m_scene.layout.lane(lane);
    }

    TimelineScene m_scene;
};
