// SPDX-License-Identifier: MIT
// TimelineLayout: where the lanes of the connection timeline lie.
#include "timelinelayout.h"

#include "timelinestyle.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace {

struct LaneHeights
{
    double top = 3.0;
    double row = 0; ///< each marker row
    double state = 0;
    double gap = 3.0;
    double axis = 0;
    double minDensity = 14.0;
    double preferredDensity = 24.0;

    [[nodiscard]] double fixed() const { return top + 2 * row + state + 2 * gap + axis; }
};

LaneHeights laneHeights(const QFont &font)
{
    const QFontMetricsF metrics(font);
    const QFontMetricsF smallMetrics(TimelineStyle::smallFont(font));
    LaneHeights heights;
    heights.row = std::ceil(std::max(smallMetrics.height() + 4.0, 15.0));
    heights.state = std::ceil(metrics.height() + 5.0);
    heights.axis = std::ceil(metrics.height() + 8.0);
    return heights;
}

} // namespace

TimelineLayout TimelineLayout::compute(const QFont &font, const QSize &size)
{
    const LaneHeights heights = laneHeights(font);
    const double top = heights.top;
    const double row = heights.row;
    const double state = heights.state;
    const double gap = heights.gap;
    const double axis = heights.axis;
    const double density = std::max(heights.minDensity, size.height() - heights.fixed());
    const double w = size.width();

    TimelineLayout l;
    const auto place = [&l, w](Lane lane, double y, double height) {
        l.lanes[std::size_t(lane)] = QRectF(0, y, w, height);
    };
    double y = top;
    place(Lane::Request, y, row);
    y += row;
    place(Lane::Reconnect, y, row);
    y += row + gap;
    place(Lane::State, y, state);
    y += state + gap;
    place(Lane::Density, y, density);
    y += density;
    place(Lane::Axis, y, axis);
    return l;
}

QSize TimelineLayout::sizeHint(const QFont &font)
{
    const LaneHeights heights = laneHeights(font);
    return {600, int(std::ceil(heights.fixed() + heights.preferredDensity))};
}

QSize TimelineLayout::minimumSizeHint(const QFont &font)
{
    const LaneHeights heights = laneHeights(font);
    return {160, int(std::ceil(heights.fixed() + heights.minDensity))};
}

int TimelineLayout::markerRow(ConnectionHistory::Marker::Kind kind)
{
    using Kind = ConnectionHistory::Marker::Kind;
    return kind == Kind::Request || kind == Kind::Response ? 0 : 1;
}
