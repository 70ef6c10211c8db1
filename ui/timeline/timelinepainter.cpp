// SPDX-License-Identifier: MIT
// TimelinePainter: paints one frame of the connection timeline.
#include "timelinepainter.h"

#include "timelinemarkerpainter.h"
#include "timelinestyle.h"
#include "timelinetext.h"
#include "timelineticks.h"

#include "ui/models/connectionhistory.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace {

using ReadyState = ConnectionHistory::ReadyState;
using Lane = TimelineLayout::Lane;

constexpr qint64 Second = 1000;

} // namespace

TimelinePainter::TimelinePainter(TimelineScene scene)
    : m_scene(std::move(scene))
{ }

void TimelinePainter::paint(QPainter &painter) const
{
    painter.fillRect(m_scene.rect, m_scene.palette.base());

    const QFontMetricsF metrics(m_scene.font);
    const TimelineTicks plan = TimelineTicks::plan(m_scene.mapping, metrics);
    const qint64 offset =
            qint64(QDateTime::fromMSecsSinceEpoch(qint64(m_scene.mapping.startMs)).offsetFromUtc())
            * 1000;
    const QList<qint64> ticks = m_scene.mapping.ticks(plan.stepMs, offset);
    paintGrid(painter, ticks);

    if (!m_scene.history || m_scene.history->isEmpty()) {
        paintEmptyText(painter, laneRect(Lane::State));
    } else {
        paintSpans(painter);
        paintDensity(painter);
        TimelineMarkerPainter::paint(painter, m_scene);
        paintEmptyText(painter, laneRect(Lane::Density));
    }
    paintMark(painter);

    // "Now", unless it is the right edge anyway.
    const double nowX = m_scene.mapping.x(m_scene.nowMs);
    if (!m_scene.followLive && nowX >= 0 && nowX <= m_scene.width()) {
        painter.setPen(QPen(m_scene.palette.color(QPalette::Highlight), 1.0));
        painter.drawLine(QPointF(nowX, laneRect(Lane::Request).top()),
                QPointF(nowX, laneRect(Lane::Density).bottom()));
    }

    paintAxis(painter, ticks, plan.stepMs);

    if (m_scene.hasFocus) {
        painter.setPen(QPen(m_scene.palette.color(QPalette::Highlight), 1.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(m_scene.rect).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void TimelinePainter::paintEmptyText(QPainter &painter, const QRectF &rect) const
{
    if (m_scene.emptyText.isEmpty())
        return;
    painter.setFont(m_scene.font);
    painter.setPen(m_scene.palette.color(QPalette::PlaceholderText));
    painter.drawText(rect, Qt::AlignCenter, m_scene.emptyText);
}

// The event "Show in timeline" picked: a line across the lanes with a notch on top.
void TimelinePainter::paintMark(QPainter &painter) const
{
    if (!m_scene.markMs)
        return;
    const double x = m_scene.mapping.x(*m_scene.markMs);
    if (x < 0 || x > m_scene.width())
        return;
    const double top = laneRect(Lane::Request).top();
    const double bottom = laneRect(Lane::Density).bottom();
    const QColor colour = m_scene.palette.color(QPalette::Highlight);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(colour, 2.0));
    painter.drawLine(QPointF(x, top), QPointF(x, bottom));
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    const QPointF notch[3] = {QPointF(x - 5.0, top), QPointF(x + 5.0, top), QPointF(x, top + 6.0)};
    painter.drawPolygon(notch, 3);
    painter.setBrush(Qt::NoBrush);
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void TimelinePainter::paintGrid(QPainter &painter, const QList<qint64> &ticks) const
{
    QColor grid = m_scene.palette.color(QPalette::Text);
    grid.setAlphaF(TimelineStyle::isDark(m_scene.palette) ? 0.14f : 0.10f);
    painter.setPen(QPen(grid, 1.0));
    const double top = laneRect(Lane::Request).top();
    const double bottom = laneRect(Lane::Density).bottom();
    for (const qint64 tick : ticks) {
        const double x = std::floor(m_scene.mapping.x(tick)) + 0.5;
        painter.drawLine(QPointF(x, top), QPointF(x, bottom));
    }
}

void TimelinePainter::paintSpans(QPainter &painter) const
{
    const int columns = m_scene.width();
    if (columns <= 0)
        return;
    const QRectF lane = laneRect(Lane::State);
    const TimeRange visible = m_scene.mapping.visibleRange();
    const qint64 nowMs = m_scene.nowMs;
    const double w = columns;
    const auto spans = m_scene.history->spansIn(visible.startMs, visible.endMs);

    // How much of each pixel column each state covers. Zoomed out, one column may hold many
    // spans: it shows the state that filled most of it, and a strip along the bottom for the
    // worst state in it, so that a brief drop stays visible.
    std::vector<std::array<float, 3>> cover(size_t(columns), std::array<float, 3>{});
    for (const ConnectionHistory::StateSpan &span : spans) {
        const double x0 = std::clamp(m_scene.mapping.x(span.startMs), 0.0, w);
        const double x1 = std::clamp(m_scene.mapping.x(span.endOr(nowMs)), 0.0, w);
        if (x1 <= x0)
            continue;
        const int last = std::min(columns - 1, int(std::ceil(x1)) - 1);
        for (int c = int(x0); c <= last; ++c) {
            cover[size_t(c)][size_t(span.state)] +=
                    float(std::min(x1, c + 1.0) - std::max(x0, double(c)));
        }
    }
    constexpr std::array<ReadyState, 3> bestFirst = {
            ReadyState::Open, ReadyState::Connecting, ReadyState::Closed};
    std::vector<int> dominant(size_t(columns), -1);
    std::vector<int> worst(size_t(columns), -1);
    for (size_t c = 0; c < size_t(columns); ++c) {
        const auto &shares = cover[c];
        if (shares[0] + shares[1] + shares[2] < 0.5f)
            continue;
        dominant[c] = int(std::max_element(shares.cbegin(), shares.cend()) - shares.cbegin());
        for (const ReadyState state : bestFirst) {
            if (shares[size_t(state)] > 0.0f)
                worst[c] = int(state);
        }
    }

    std::vector<int> strip(size_t(columns), -1);
    for (size_t c = 0; c < size_t(columns); ++c) {
        if (worst[c] != dominant[c])
            strip[c] = worst[c];
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    const auto fillRuns = [&](const std::vector<int> &states, double top, double bottom) {
        for (int c = 0; c < columns;) {
            const int state = states[size_t(c)];
            int end = c + 1;
            while (end < columns && states[size_t(end)] == state)
                ++end;
            if (state >= 0) {
                painter.fillRect(QRectF(c, top, end - c, bottom - top),
                        TimelineStyle::stateColor(ReadyState(state), m_scene.palette));
            }
            c = end;
        }
    };
    fillRuns(dominant, lane.top(), lane.bottom());
    fillRuns(strip, lane.bottom() - 3.0, lane.bottom());

    // Names on spans wide enough for them, centred in their visible part.
    QFont labelFont = TimelineStyle::smallFont(m_scene.font);
    labelFont.setBold(true);
    const QFontMetricsF labelMetrics(labelFont);
    painter.setFont(labelFont);
    std::array<double, 3> nameWidths{};
    for (const ReadyState state : bestFirst)
        nameWidths[size_t(state)] =
                labelMetrics.horizontalAdvance(TimelineText::stateName(state)) + 10.0;
    for (const ConnectionHistory::StateSpan &span : spans) {
        const double x0 = std::max(m_scene.mapping.x(span.startMs), 0.0);
        const double x1 = std::min(m_scene.mapping.x(span.endOr(nowMs)), w);
        if (x1 - x0 < nameWidths[size_t(span.state)])
            continue;
        painter.setPen(TimelineStyle::textOn(
                TimelineStyle::stateColor(span.state, m_scene.palette), m_scene.palette));
        painter.drawText(QRectF(QPointF(x0, lane.top()), QPointF(x1, lane.bottom())),
                Qt::AlignCenter, TimelineText::stateName(span.state));
    }
}

void TimelinePainter::paintDensity(QPainter &painter) const
{
    const QRectF lane = laneRect(Lane::Density);
    const int w = m_scene.width();
    if (w <= 0)
        return;
    const TimeRange visible = m_scene.mapping.visibleRange();
    std::vector<int> columns(size_t(w), 0);
    for (const ConnectionHistory::DensityBucket &bucket :
            m_scene.history->densityIn(visible.startMs, visible.endMs)) {
        const double x0 = m_scene.mapping.x(bucket.secondMs);
        const double x1 = m_scene.mapping.x(bucket.secondMs + Second);
        const int first = int(std::clamp(std::floor(x0), 0.0, double(w - 1)));
        int last = int(std::clamp(std::ceil(x1) - 1.0, double(first), double(w - 1)));
        if (x1 - x0 >= 4.0)
            last = std::max(first, last - 1); // a gap between wide bars
        for (int c = first; c <= last; ++c)
            columns[size_t(c)] = std::max(columns[size_t(c)], bucket.count);
    }
    const int peak = *std::max_element(columns.cbegin(), columns.cend());
    if (peak == 0)
        return;

    QColor bar = m_scene.palette.color(QPalette::Highlight);
    bar.setAlphaF(0.7f);
    const double room = lane.height() - 3.0;
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (int c = 0; c < w;) {
        int end = c + 1;
        while (end < w && columns[size_t(end)] == columns[size_t(c)])
            ++end;
        if (columns[size_t(c)] > 0) {
            const double h = std::max(1.0, std::round(room * columns[size_t(c)] / peak));
            painter.fillRect(QRectF(c, lane.bottom() - h, end - c, h), bar);
        }
        c = end;
    }

    const QFont small = TimelineStyle::smallFont(m_scene.font);
    painter.setFont(small);
    const QString label = tr("peak %1/s").arg(peak);
    const QFontMetricsF metrics(small);
    const QRectF box(
            3.0, lane.top() + 1.0, metrics.horizontalAdvance(label) + 6.0, metrics.height());
    QColor back = m_scene.palette.color(QPalette::Base);
    back.setAlphaF(0.8f);
    painter.fillRect(box, back);
    painter.setPen(m_scene.palette.color(QPalette::PlaceholderText));
    painter.drawText(box, Qt::AlignCenter, label);
}

void TimelinePainter::paintAxis(QPainter &painter, const QList<qint64> &ticks, qint64 stepMs) const
{
    const QRectF axis = laneRect(Lane::Axis);
    const QFontMetricsF metrics(m_scene.font);
    const TimelineTicks::Unit unit = TimelineTicks::unitOf(stepMs);
    const QColor text = m_scene.palette.color(QPalette::Text);
    const QColor faint = TimelineStyle::mix(text, m_scene.palette.color(QPalette::Base), 0.45);
    painter.setPen(QPen(faint, 1.0));
    painter.drawLine(QPointF(0, axis.top() + 0.5), QPointF(m_scene.width(), axis.top() + 0.5));

    // The live badge sits at the right end of the axis; tick labels keep clear of it.
    const QString badge = m_scene.followLive ? tr("LIVE") : tr("paused \u00b7 double-click: live");
    const QFont small = TimelineStyle::smallFont(m_scene.font);
    const QFontMetricsF smallMetrics(small);
    const double badgeWidth =
            smallMetrics.horizontalAdvance(badge) + (m_scene.followLive ? 14.0 : 6.0);
    const QRectF badgeRect(
            m_scene.width() - badgeWidth - 4.0, axis.top() + 3.0, badgeWidth, axis.height() - 4.0);
    painter.setFont(small);
    if (m_scene.followLive) {
        const QColor live = m_scene.palette.color(QPalette::Highlight);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(live);
        painter.drawEllipse(QPointF(badgeRect.left() + 5.0, badgeRect.center().y()), 3.0, 3.0);
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(live);
        painter.drawText(
                badgeRect.adjusted(12.0, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, badge);
    } else {
        painter.setPen(m_scene.palette.color(QPalette::PlaceholderText));
        painter.drawText(badgeRect, Qt::AlignVCenter | Qt::AlignRight, badge);
    }

    painter.setFont(m_scene.font);
    double labelRight = -std::numeric_limits<double>::infinity();
    for (const qint64 tick : ticks) {
        const double x = m_scene.mapping.x(tick);
        painter.setPen(QPen(faint, 1.0));
        painter.drawLine(QPointF(x, axis.top()), QPointF(x, axis.top() + 4.0));
        const QString label = TimelineTicks::label(tick, unit);
        const double labelWidth = metrics.horizontalAdvance(label);
        const double left = x - labelWidth / 2.0;
        if (left < 0.0 || left < labelRight + 6.0 || left + labelWidth > badgeRect.left() - 6.0)
            continue;
        painter.setPen(text);
        painter.drawText(QRectF(left, axis.top() + 4.0, labelWidth + 1.0, axis.height() - 4.0),
                Qt::AlignLeft | Qt::AlignVCenter, label);
        labelRight = left + labelWidth;
    }
}
