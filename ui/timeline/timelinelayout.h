// SPDX-License-Identifier: MIT
// TimelineLayout: where the lanes of the connection timeline lie.
#pragma once

#include "ui/models/connectionhistory.h"

#include <QFont>
#include <QObject>
#include <QRectF>
#include <QSize>

#include <array>
#include <cstddef>

/// The lanes of the connection timeline, top to bottom: two marker rows, the ready-state spans,
/// the events per second (which take what height is left) and the time axis.
struct TimelineLayout
{
    Q_GADGET

public:
    /// The horizontal strips of the timeline, top to bottom.
    enum class Lane {
        Request, ///< requests and responses
        Reconnect, ///< scheduled reconnects and errors
        State, ///< ready-state spans
        Density, ///< events per second
        Axis, ///< tick labels and the live badge
    };
    Q_ENUM(Lane)

    static constexpr std::size_t LaneCount = 5;

    std::array<QRectF, LaneCount> lanes;

    [[nodiscard]] QRectF lane(Lane lane) const { return lanes[std::size_t(lane)]; }

    /// The lanes of a timeline of `size` that uses `font`.
    [[nodiscard]] static TimelineLayout compute(const QFont &font, const QSize &size);
    [[nodiscard]] static QSize sizeHint(const QFont &font);
    [[nodiscard]] static QSize minimumSizeHint(const QFont &font);
    /// The marker row of a kind of marker: 0 (Lane::Request) for requests and responses, 1
    /// (Lane::Reconnect) for scheduled reconnects and errors.
    [[nodiscard]] static int markerRow(ConnectionHistory::Marker::Kind kind);
};

static_assert(std::size_t(TimelineLayout::Lane::Axis) + 1 == TimelineLayout::LaneCount);
