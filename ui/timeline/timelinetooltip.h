// SPDX-License-Identifier: MIT
// TimelineToolTip: what the connection timeline's tooltip says at a point.
#pragma once

#include "timelinelayout.h"

#include "ui/models/connectionhistory.h"
#include "ui/models/timemapping.h"

#include <QCoreApplication>
#include <QPoint>
#include <QString>

/// The tooltip of the timeline: the markers near the pointer in a marker row, the span under
/// it in the state lane, the events around it in the density lane, the full time on the axis.
class TimelineToolTip final
{
    // The texts were translated as the widget's: they keep its context.
    Q_DECLARE_TR_FUNCTIONS(TimelineWidget)

public:
    TimelineToolTip() = delete;

    /// What the tooltip at pos says; empty where there is nothing to explain.
    [[nodiscard]] static QString text(const ConnectionHistory &history, const TimeMapping &mapping,
            const TimelineLayout &layout, const QPoint &pos);

private:
    [[nodiscard]] static QString markersText(
            const ConnectionHistory &history, const TimeMapping &mapping, int row, qint64 t);
    [[nodiscard]] static QString densityText(
            const ConnectionHistory &history, const TimeMapping &mapping, double x);
};
