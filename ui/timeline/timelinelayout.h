// SPDX-License-Identifier: MIT
// TimelineLayout: where the lanes of the connection timeline lie.
#pragma once

#include "timelinewidget.h"

#include "ui/models/connectionhistory.h"

#include <QFont>
#include <QRectF>
#include <QSize>

#include <array>

/// The lanes of a TimelineWidget, top to bottom: two marker rows, the ready-state spans, the
/// events per second (which take what height is left) and the time axis.
struct TimelineLayout
{
    std::array<QRectF, TimelineWidget::LaneCount> lanes;

    /// The lanes of a widget of `size` that uses `font`.
    [[nodiscard]] static TimelineLayout compute(const QFont &font, const QSize &size);
    [[nodiscard]] static QSize sizeHint(const QFont &font);
    [[nodiscard]] static QSize minimumSizeHint(const QFont &font);
    /// The marker row of a kind of marker: 0 (RequestLane) for requests and responses, 1
    /// (ReconnectLane) for scheduled reconnects and errors.
    [[nodiscard]] static int markerRow(ConnectionHistory::Marker::Kind kind);
};
