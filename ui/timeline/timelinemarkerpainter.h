// SPDX-License-Identifier: MIT
// TimelineMarkerPainter: paints the marker rows of the connection timeline.
#pragma once

#include "timelinelayout.h"

#include "ui/models/connectionhistory.h"
#include "ui/models/timemapping.h"

#include <QCoreApplication>
#include <QFont>
#include <QPalette>

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

    /// Paints the markers of `history` that `mapping` shows, in a strip `width` pixels wide.
    static void paint(QPainter &painter, const ConnectionHistory &history,
            const TimeMapping &mapping, const TimelineLayout &layout, double width,
            const QPalette &palette, const QFont &font);
};
