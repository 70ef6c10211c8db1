// SPDX-License-Identifier: MIT
// TimelineToolTip: what the connection timeline's tooltip says at a point.
#include "timelinetooltip.h"

#include "timelinetext.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cstdlib>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

using Marker = ConnectionHistory::Marker;
using Lane = TimelineLayout::Lane;

constexpr qint64 Second = 1000;
constexpr double HoverTolerancePx = 6.0;
constexpr int MaxTooltipMarkers = 6;

} // namespace

QString TimelineToolTip::markersText(
        const ConnectionHistory &history, const TimeMapping &mapping, int row, qint64 t)
{
    const qint64 tolerance = std::max<qint64>(1, qint64(HoverTolerancePx * mapping.msPerPixel));
    std::vector<const Marker *> hits;
    for (const Marker &marker : history.markersIn(t - tolerance, t + tolerance)) {
        if (TimelineLayout::markerRow(marker.kind) == row)
            hits.push_back(&marker);
    }
    if (hits.empty())
        return {};
    const qsizetype extra = qsizetype(hits.size()) - MaxTooltipMarkers;
    if (extra > 0) {
        std::stable_sort(hits.begin(), hits.end(), [t](const Marker *a, const Marker *b) {
            return std::abs(a->timeMs - t) < std::abs(b->timeMs - t);
        });
        hits.resize(MaxTooltipMarkers);
        std::stable_sort(hits.begin(), hits.end(),
                [](const Marker *a, const Marker *b) { return a->timeMs < b->timeMs; });
    }
    QStringList lines;
    for (const Marker *marker : hits)
        lines.append(TimelineText::time(marker->timeMs) + u"  "_s + TimelineText::marker(*marker));
    if (extra > 0)
        lines.append(tr("\u2026 and %n more", nullptr, int(extra)));
    return lines.join(u'\n');
}

QString TimelineToolTip::densityText(
        const ConnectionHistory &history, const TimeMapping &mapping, double x)
{
    const qint64 t = mapping.ms(x);
    qint64 from = 0;
    qint64 to = 0;
    if (Second / mapping.msPerPixel >= 2.0 * HoverTolerancePx) {
        // Zoomed in: the pointer is over one second's bar.
        from = t - (t % Second + Second) % Second;
        to = from + Second - 1;
    } else {
        from = mapping.ms(x - HoverTolerancePx / 2.0);
        to = mapping.ms(x + HoverTolerancePx / 2.0);
    }
    qint64 count = 0;
    int peak = 0;
    for (const ConnectionHistory::DensityBucket &bucket : history.densityIn(from, to)) {
        count += bucket.count;
        peak = std::max(peak, bucket.count);
    }
    if (to - from < Second) {
        return tr("%n event(s) in the second from %1", nullptr, int(count))
                .arg(TimelineText::time(from));
    }
    return tr("%n event(s) from %1 to %2", nullptr, int(count))
                   .arg(TimelineText::time(from), TimelineText::time(to))
            + u'\n' + tr("peak %1/s").arg(peak);
}

QString TimelineToolTip::text(const ConnectionHistory &history, const TimeMapping &mapping,
        const TimelineLayout &layout, const QPoint &pos)
{
    const double x = pos.x();
    const qint64 t = mapping.ms(x);

    for (const Lane lane : {Lane::Request, Lane::Reconnect}) {
        if (layout.lane(lane).contains(pos))
            return markersText(history, mapping, lane == Lane::Request ? 0 : 1, t);
    }
    if (layout.lane(Lane::State).contains(pos)) {
        const auto span = history.spanAt(t);
        return span ? TimelineText::span(*span, history.now()) : QString();
    }
    if (layout.lane(Lane::Density).contains(pos))
        return densityText(history, mapping, x);
    if (layout.lane(Lane::Axis).contains(pos))
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(t), u"yyyy-MM-dd hh:mm:ss.zzz"_s);
    return {};
}
