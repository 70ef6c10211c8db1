// SPDX-License-Identifier: MIT
// TimelineMarkerPainter: paints the marker rows of the connection timeline.
#include "timelinemarkerpainter.h"

#include "timelinestyle.h"
#include "timelinetext.h"

#include "ui/models/connectionhistory.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

using Marker = ConnectionHistory::Marker;
using ErrorKind = Sse::SourceError::Kind;
using Lane = TimelineLayout::Lane;

constexpr double ClusterWidthPx = 10.0; // markers closer than this share glyphs and a label
constexpr double GlyphStepPx = 9.0;
constexpr size_t MaxClusterGlyphs = 4;

enum class Glyph {
    Request,
    ResponseOk,
    ResponseBad,
    Reconnect,
    Transient,
    Fatal
};

struct LabelPart
{
    QString text;
    QColor color;
};

struct Cluster
{
    double x = 0; ///< of the first glyph
    unsigned seen = 0; ///< bit per Glyph
    std::vector<Glyph> glyphs; ///< distinct, in time order
    std::vector<LabelPart> labels; ///< one per glyph
    qsizetype members = 0;
};

Glyph glyphOf(const Marker &marker)
{
    switch (marker.kind) {
    case Marker::Kind::Request:
        return Glyph::Request;
    case Marker::Kind::Response:
        return marker.httpStatus >= 200 && marker.httpStatus < 300 ? Glyph::ResponseOk
                                                                   : Glyph::ResponseBad;
    case Marker::Kind::ReconnectScheduled:
        return Glyph::Reconnect;
    case Marker::Kind::Error:
        return marker.fatal ? Glyph::Fatal : Glyph::Transient;
    }
    return Glyph::Request;
}

// The short text next to a glyph; the tooltip has the long one.
LabelPart labelOf(const Marker &marker, const TimelineMarkerColors &colors)
{
    switch (marker.kind) {
    case Marker::Kind::Request:
        return {u"#%1"_s.arg(marker.connection), colors.label};
    case Marker::Kind::Response:
        return {QString::number(marker.httpStatus),
                glyphOf(marker) == Glyph::ResponseOk ? colors.label : colors.fatal};
    case Marker::Kind::ReconnectScheduled:
        return {u"%1 %2"_s.arg(TimelineText::shortDelay(marker.delay.count()),
                        TimelineText::shortReason(marker)),
                colors.label};
    case Marker::Kind::Error:
        return {marker.errorKind == ErrorKind::HttpStatus ? QString::number(marker.httpStatus)
                                                          : TimelineText::errorKind(marker),
                marker.fatal ? colors.fatal : colors.transient};
    }
    return {};
}

void drawGlyph(QPainter &painter, Glyph glyph, const QPointF &c, const TimelineMarkerColors &colors)
{
    switch (glyph) {
    case Glyph::Request: {
        QPainterPath triangle;
        triangle.moveTo(c.x(), c.y() - 4.5);
        triangle.lineTo(c.x() + 4.5, c.y() + 3.5);
        triangle.lineTo(c.x() - 4.5, c.y() + 3.5);
        triangle.closeSubpath();
        painter.fillPath(triangle, colors.request);
        break;
    }
    case Glyph::ResponseOk:
    case Glyph::ResponseBad:
        painter.setPen(Qt::NoPen);
        painter.setBrush(glyph == Glyph::ResponseOk ? colors.responseOk : colors.fatal);
        painter.drawEllipse(c, 3.0, 3.0);
        break;
    case Glyph::Reconnect: {
        QPainterPath diamond;
        diamond.moveTo(c.x(), c.y() - 4.5);
        diamond.lineTo(c.x() + 4.5, c.y());
        diamond.lineTo(c.x(), c.y() + 4.5);
        diamond.lineTo(c.x() - 4.5, c.y());
        diamond.closeSubpath();
        painter.fillPath(diamond, colors.reconnect);
        break;
    }
    case Glyph::Transient:
    case Glyph::Fatal:
        painter.setPen(QPen(glyph == Glyph::Fatal ? colors.fatal : colors.transient, 1.8,
                Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(c + QPointF(-3.5, -3.5), c + QPointF(3.5, 3.5));
        painter.drawLine(c + QPointF(-3.5, 3.5), c + QPointF(3.5, -3.5));
        break;
    }
}

} // namespace

void TimelineMarkerPainter::paint(QPainter &painter, const TimelineScene &scene)
{
    if (!scene.history)
        return;
    const ConnectionHistory &history = *scene.history;
    const TimeMapping &mapping = scene.mapping;
    const QPalette &palette = scene.palette;
    const TimelineMarkerColors colors = TimelineStyle::markerColors(palette);
    const QFont small = TimelineStyle::smallFont(scene.font);
    const QFontMetricsF metrics(small);
    painter.setFont(small);
    painter.setRenderHint(QPainter::Antialiasing, true);

    const double w = scene.width();
    const double margin = 8.0 * mapping.msPerPixel;
    const TimeRange visible = mapping.visibleRange();
    const auto markers =
            history.markersIn(visible.startMs - qint64(margin), visible.endMs + qint64(margin));

    // Markers a few pixels apart form one cluster: its glyphs sit side by side and its labels
    // read as one ("#3 200", "503 5 s re-init"). Zoomed out, a cluster stands for many markers
    // but keeps a few glyphs and labels, so 20,000 markers cost little more than 100.
    std::array<std::vector<Cluster>, 2> rows;
    QColor delayColor = colors.reconnect;
    delayColor.setAlphaF(0.75f);
    for (const Marker &marker : markers) {
        const double x = mapping.x(marker.timeMs);
        const int row = TimelineLayout::markerRow(marker.kind);
        std::vector<Cluster> &clusters = rows[size_t(row)];
        if (clusters.empty() || x - clusters.back().x > ClusterWidthPx)
            clusters.push_back({x, 0, {}, {}, 0});
        Cluster &cluster = clusters.back();
        ++cluster.members;

        if (marker.kind == Marker::Kind::ReconnectScheduled) {
            // The wait itself: a bracket from the decision to the planned request.
            const double until = mapping.x(marker.timeMs + marker.delay.count());
            if (until - x > 12.0 && until > 0 && x < w) {
                const double y = scene.layout.lane(Lane::Reconnect).bottom() - 1.5;
                painter.setPen(QPen(delayColor, 1.0, Qt::DotLine));
                painter.drawLine(QPointF(x + 5.0, y), QPointF(std::min(until, w + 1.0), y));
                painter.setPen(QPen(delayColor, 1.0));
                painter.drawLine(QPointF(until, y - 4.0), QPointF(until, y));
            }
        }
        // One glyph and one label per kind: "network 1 s backoff +2", not the same twice.
        const Glyph glyph = glyphOf(marker);
        const unsigned bit = 1u << unsigned(glyph);
        if (!(cluster.seen & bit) && cluster.glyphs.size() < MaxClusterGlyphs) {
            cluster.seen |= bit;
            cluster.glyphs.push_back(glyph);
            cluster.labels.push_back(labelOf(marker, colors));
        }
    }

    const double space = metrics.horizontalAdvance(u' ');
    const double minLabelWidth = metrics.horizontalAdvance(u"#1"_s);
    for (size_t row = 0; row < rows.size(); ++row) {
        const std::vector<Cluster> &clusters = rows[row];
        const QRectF lane = scene.layout.lane(row == 0 ? Lane::Request : Lane::Reconnect);
        const double cy = lane.center().y();
        for (size_t i = 0; i < clusters.size(); ++i) {
            const Cluster &cluster = clusters[i];
            double x = cluster.x;
            for (const Glyph glyph : cluster.glyphs) {
                drawGlyph(painter, glyph, QPointF(x, cy), colors);
                x += GlyphStepPx;
            }
            // The label fits between its glyphs and the next cluster, or is left out (the
            // tooltip still tells).
            const double left = x - GlyphStepPx + 7.0;
            const double limit = i + 1 < clusters.size() ? clusters[i + 1].x - 8.0 : w;
            if (left >= w || limit - left < minLabelWidth)
                continue;
            std::vector<double> widths;
            for (const LabelPart &part : cluster.labels)
                widths.push_back(metrics.horizontalAdvance(part.text));
            const auto moreText = [&cluster](size_t shown) {
                const qsizetype hidden = cluster.members - qsizetype(shown);
                return hidden > 0 ? tr("+%1").arg(hidden) : QString();
            };
            size_t shown = widths.size();
            for (; shown > 0; --shown) {
                double total = 0;
                for (size_t p = 0; p < shown; ++p)
                    total += widths[p] + space;
                const QString more = moreText(shown);
                total += more.isEmpty() ? -space : metrics.horizontalAdvance(more);
                if (left + total <= limit)
                    break;
            }
            if (shown == 0)
                continue;
            double cursor = left;
            for (size_t p = 0; p < shown; ++p) {
                const LabelPart &part = cluster.labels[p];
                painter.setPen(part.color);
                painter.drawText(QRectF(cursor, lane.top(), widths[p] + 1.0, lane.height()),
                        Qt::AlignLeft | Qt::AlignVCenter, part.text);
                cursor += widths[p] + space;
            }
            const QString more = moreText(shown);
            if (!more.isEmpty()) {
                painter.setPen(palette.color(QPalette::PlaceholderText));
                painter.drawText(QRectF(cursor, lane.top(), metrics.horizontalAdvance(more) + 1.0,
                                         lane.height()),
                        Qt::AlignLeft | Qt::AlignVCenter, more);
            }
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}
