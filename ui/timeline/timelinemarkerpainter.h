// SPDX-License-Identifier: MIT
// TimelineMarkerPainter: paints the marker rows of the connection timeline.
#pragma once

#include "timelinescene.h"

#include <QCoreApplication>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

/// Paints the markers of a ConnectionHistory into the two marker rows of the timeline:
/// requests and responses above, scheduled reconnects (with a bracket for the wait) and errors
/// below, each as a glyph with a short label. Markers a few pixels apart form one cluster.
class TimelineMarkerPainter final
{
    // The texts were translated as the widget's: they keep its context.
    Q_DECLARE_TR_FUNCTIONS(TimelineWidget)

public:
    TimelineMarkerPainter() = delete;

    /// Paints the markers of the scene's history that its mapping shows; nothing without one.
    static void paint(QPainter &painter, const TimelineScene &scene);
};
