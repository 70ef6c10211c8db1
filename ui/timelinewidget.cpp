// SPDX-License-Identifier: MIT
// TimelineWidget: paints a feed's ConnectionHistory along a time axis.
#include "timelinewidget.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

using Marker = ConnectionHistory::Marker;
using ReadyState = ConnectionHistory::ReadyState;
using ReconnectReason = ConnectionHistory::ReconnectReason;
using ErrorKind = Sse::SourceError::Kind;

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

constexpr double WheelStepFactor = 1.25; // zoom per wheel notch (120 eighths of a degree)
constexpr double KeyPanFraction = 0.1; // of the width, per key press or wheel notch
constexpr double HoverTolerancePx = 6.0;
constexpr int MaxTooltipMarkers = 6;
constexpr int FastLiveIntervalMs = 100; // 10 Hz while zoomed in
constexpr int SlowLiveIntervalMs = 250; // 4 Hz

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
            float(a.greenF() + (b.greenF() - a.greenF()) * t),
            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Of the palette's text and base colours, the one that reads better on `fill`.
QColor textOn(const QColor &fill, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return contrast(text, fill) >= contrast(base, fill) ? text : base;
}

struct MarkerColors
{
    QColor request;
    QColor responseOk;
    QColor reconnect;
    QColor transient;
    QColor fatal;
    QColor label;
};

MarkerColors markerColors(const QPalette &palette)
{
    const bool dark = isDark(palette);
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return {text, mix(text, base, 0.3), dark ? QColor(0xb3, 0x92, 0xf0) : QColor(0x82, 0x50, 0xdf),
            dark ? QColor(0xf0, 0x88, 0x3e) : QColor(0xd1, 0x6d, 0x12),
            dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xcf, 0x22, 0x2e), mix(text, base, 0.25)};
}

QFont smallFont(QFont font)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    else
        font.setPixelSize(std::max(8, int(font.pixelSize() * 0.85)));
    return font;
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"hh:mm:ss.zzz"_s);
}

QString durationText(qint64 ms)
{
    const QLocale locale;
    if (ms < Second)
        return TimelineWidget::tr("%1 ms").arg(ms);
    if (ms < Minute)
        return TimelineWidget::tr("%1 s").arg(locale.toString(double(ms) / Second, 'f', 1));
    if (ms < Hour)
        return TimelineWidget::tr("%1 min %2 s").arg(ms / Minute).arg(ms % Minute / Second);
    if (ms < Day)
        return TimelineWidget::tr("%1 h %2 min").arg(ms / Hour).arg(ms % Hour / Minute);
    return TimelineWidget::tr("%1 d %2 h").arg(ms / Day).arg(ms % Day / Hour);
}

// "250 ms", "3 s", "2.5 s", "5 min": short enough for a label next to a glyph.
QString shortDelayText(qint64 ms)
{
    if (ms < Second)
        return TimelineWidget::tr("%1 ms").arg(ms);
    if (ms < Minute) {
        const QString seconds = ms % Second == 0 ? QString::number(ms / Second)
                                                 : QLocale().toString(double(ms) / Second, 'f', 1);
        return TimelineWidget::tr("%1 s").arg(seconds);
    }
    if (ms < Hour)
        return TimelineWidget::tr("%1 min").arg(QLocale().toString(double(ms) / Minute, 'g', 2));
    return TimelineWidget::tr("%1 h").arg(QLocale().toString(double(ms) / Hour, 'g', 2));
}

QString reasonText(const Marker &marker)
{
    switch (marker.reconnectReason) {
    case ReconnectReason::ReconnectionTime:
        return marker.delayFromRetryField ? TimelineWidget::tr("retry:")
                                          : TimelineWidget::tr("reconnection time");
    case ReconnectReason::Backoff:
        return TimelineWidget::tr("backoff");
    case ReconnectReason::ServerRequest:
        return TimelineWidget::tr("server reconnect event");
    case ReconnectReason::ManualReinit:
        return TimelineWidget::tr("manual re-init");
    case ReconnectReason::Restart:
        return TimelineWidget::tr("restart");
    }
    return {};
}

QString shortReasonText(const Marker &marker)
{
    switch (marker.reconnectReason) {
    case ReconnectReason::ReconnectionTime:
        return marker.delayFromRetryField ? TimelineWidget::tr("retry:")
                                          : TimelineWidget::tr("default");
    case ReconnectReason::Backoff:
        return TimelineWidget::tr("backoff");
    case ReconnectReason::ServerRequest:
        return TimelineWidget::tr("server");
    case ReconnectReason::ManualReinit:
        return TimelineWidget::tr("re-init");
    case ReconnectReason::Restart:
        return TimelineWidget::tr("restart");
    }
    return {};
}

QString errorKindText(const Marker &marker)
{
    switch (marker.errorKind) {
    case ErrorKind::Network:
        return TimelineWidget::tr("network");
    case ErrorKind::StreamEnded:
        return TimelineWidget::tr("stream ended");
    case ErrorKind::ReadTimeout:
        return TimelineWidget::tr("read timeout");
    case ErrorKind::HttpStatus:
        return TimelineWidget::tr("HTTP %1").arg(marker.httpStatus);
    case ErrorKind::ContentType:
        return TimelineWidget::tr("content type");
    case ErrorKind::Tls:
        return TimelineWidget::tr("TLS");
    case ErrorKind::TooManyRedirects:
        return TimelineWidget::tr("redirects");
    case ErrorKind::GaveUp:
        return TimelineWidget::tr("gave up");
    case ErrorKind::InvalidUrl:
        return TimelineWidget::tr("invalid URL");
    }
    return {};
}

int markerRow(Marker::Kind kind)
{
    return kind == Marker::Kind::Request || kind == Marker::Kind::Response ? 0 : 1;
}

enum class TickUnit {
    Millisecond,
    Second,
    Minute,
    Day
};

struct TickPlan
{
    qint64 stepMs = Second;
    TickUnit unit = TickUnit::Second;
};

TickUnit unitOf(qint64 stepMs)
{
    if (stepMs < Second)
        return TickUnit::Millisecond;
    if (stepMs < Minute)
        return TickUnit::Second;
    return stepMs < Day ? TickUnit::Minute : TickUnit::Day;
}

QString dateLabel(const QDate &date)
{
    return QLocale().toString(date, u"d MMM"_s);
}

QString tickLabel(qint64 ms, TickUnit unit)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms);
    // Midnight shows the date, so that a day boundary is visible at any zoom.
    if (unit == TickUnit::Day || time.time() == QTime(0, 0))
        return dateLabel(time.date());
    switch (unit) {
    case TickUnit::Millisecond:
        return time.toString(u"hh:mm:ss.zzz"_s);
    case TickUnit::Second:
        return time.toString(u"hh:mm:ss"_s);
    case TickUnit::Minute:
    case TickUnit::Day:
        break;
    }
    return time.toString(u"hh:mm"_s);
}

// The finest tick step whose labels fit between the ticks.
TickPlan planTicks(const TimeMapping &mapping, const QFontMetricsF &metrics)
{
    const double gap = metrics.averageCharWidth() * 2.5;
    double dateWidth = 0;
    for (int month = 1; month <= 12; ++month)
        dateWidth =
                std::max(dateWidth, metrics.horizontalAdvance(dateLabel(QDate(2000, month, 28))));

    struct Unit
    {
        TickUnit unit;
        qint64 minStep;
        qint64 maxStep;
        double labelWidth;
    };

    const std::array<Unit, 4> units = {{
            {TickUnit::Millisecond, 1, Second, metrics.horizontalAdvance(u"00:00:00.000"_s)},
            {TickUnit::Second, Second, Minute, metrics.horizontalAdvance(u"00:00:00"_s)},
            {TickUnit::Minute, Minute, Day,
                    std::max(metrics.horizontalAdvance(u"00:00"_s), dateWidth)},
            {TickUnit::Day, Day, std::numeric_limits<qint64>::max(), dateWidth},
    }};
    for (const Unit &unit : units) {
        const qint64 step = std::max(mapping.tickStepMs(unit.labelWidth + gap), unit.minStep);
        if (step < unit.maxStep)
            return {step, unit.unit};
    }
    return {};
}

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
LabelPart labelOf(const Marker &marker, const MarkerColors &colors)
{
    switch (marker.kind) {
    case Marker::Kind::Request:
        return {u"#%1"_s.arg(marker.connection), colors.label};
    case Marker::Kind::Response:
        return {QString::number(marker.httpStatus),
                glyphOf(marker) == Glyph::ResponseOk ? colors.label : colors.fatal};
    case Marker::Kind::ReconnectScheduled:
        return {u"%1 %2"_s.arg(shortDelayText(marker.delayMs), shortReasonText(marker)),
                colors.label};
    case Marker::Kind::Error:
        return {marker.errorKind == ErrorKind::HttpStatus ? QString::number(marker.httpStatus)
                                                          : errorKindText(marker),
                marker.fatal ? colors.fatal : colors.transient};
    }
    return {};
}

void drawGlyph(QPainter &painter, Glyph glyph, const QPointF &c, const MarkerColors &colors)
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

struct TimelineWidget::Layout
{
    std::array<QRectF, LaneCount> lanes;
};

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Connection timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::OpenHandCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_mapping.setWidth(width());
    connect(&m_liveTimer, &QTimer::timeout, this, &TimelineWidget::onLiveTick);
}

TimelineWidget::~TimelineWidget() = default;

void TimelineWidget::setHistory(ConnectionHistory *history)
{
    if (history == m_history)
        return;
    disconnect(m_historyConnection);
    m_history = history;
    if (m_history) {
        m_historyConnection = connect(
                m_history, &ConnectionHistory::changed, this, qOverload<>(&TimelineWidget::update));
    }
    if (m_followLive)
        m_mapping.followLive(now());
    update();
}

void TimelineWidget::setVisibleRange(qint64 fromMs, qint64 toMs)
{
    setFollowLive(false);
    m_mapping.setWidth(width());
    m_mapping.showRange(fromMs, toMs);
    update();
}

void TimelineWidget::setMsPerPixel(double msPerPixel)
{
    const double factor = m_mapping.msPerPixel / TimeMapping::clampMsPerPixel(msPerPixel);
    zoomBy(factor, m_mapping.widthPx / 2.0);
}

void TimelineWidget::setFollowLive(bool follow)
{
    if (follow == m_followLive)
        return;
    m_followLive = follow;
    if (m_followLive)
        m_mapping.followLive(now());
    updateLiveTimer();
    update();
    Q_EMIT followLiveChanged(m_followLive);
}

qint64 TimelineWidget::now() const
{
    return m_history ? m_history->now() : QDateTime::currentMSecsSinceEpoch();
}

void TimelineWidget::zoomBy(double factor, double anchorX)
{
    if (m_followLive) {
        m_mapping.zoomAt(factor, m_mapping.widthPx);
        m_mapping.followLive(now());
    } else {
        m_mapping.zoomAt(factor, anchorX);
    }
    updateLiveTimer();
    update();
}

void TimelineWidget::panBy(double dx)
{
    if (dx == 0.0)
        return;
    setFollowLive(false);
    m_mapping.panBy(dx);
    update();
}

void TimelineWidget::updateLiveTimer()
{
    if (!m_followLive || !isVisible()) {
        m_liveTimer.stop();
        return;
    }
    // Zoomed out, "now" moves less than a pixel per frame: no need to paint as often.
    const int interval =
            m_mapping.msPerPixel < FastLiveIntervalMs ? FastLiveIntervalMs : SlowLiveIntervalMs;
    if (!m_liveTimer.isActive() || m_liveTimer.interval() != interval)
        m_liveTimer.start(interval);
}

void TimelineWidget::onLiveTick()
{
    m_mapping.followLive(now());
    update();
}

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
    const QFontMetricsF smallMetrics(smallFont(font));
    LaneHeights heights;
    heights.row = std::ceil(std::max(smallMetrics.height() + 4.0, 15.0));
    heights.state = std::ceil(metrics.height() + 5.0);
    heights.axis = std::ceil(metrics.height() + 8.0);
    return heights;
}

} // namespace

TimelineWidget::Layout TimelineWidget::layout() const
{
    const LaneHeights heights = laneHeights(font());
    const double top = heights.top;
    const double row = heights.row;
    const double state = heights.state;
    const double gap = heights.gap;
    const double axis = heights.axis;
    const double density = std::max(heights.minDensity, height() - heights.fixed());
    const double w = width();

    Layout l;
    double y = top;
    l.lanes[RequestLane] = QRectF(0, y, w, row);
    y += row;
    l.lanes[ReconnectLane] = QRectF(0, y, w, row);
    y += row + gap;
    l.lanes[StateLane] = QRectF(0, y, w, state);
    y += state + gap;
    l.lanes[DensityLane] = QRectF(0, y, w, density);
    y += density;
    l.lanes[AxisLane] = QRectF(0, y, w, axis);
    return l;
}

QRect TimelineWidget::laneRect(Lane lane) const
{
    if (lane < 0 || lane >= LaneCount)
        return {};
    return layout().lanes[lane].toRect();
}

QSize TimelineWidget::sizeHint() const
{
    const LaneHeights heights = laneHeights(font());
    return {600, int(std::ceil(heights.fixed() + heights.preferredDensity))};
}

QSize TimelineWidget::minimumSizeHint() const
{
    const LaneHeights heights = laneHeights(font());
    return {160, int(std::ceil(heights.fixed() + heights.minDensity))};
}

QColor TimelineWidget::stateColor(ConnectionHistory::ReadyState state) const
{
    return stateColor(state, palette());
}

QColor TimelineWidget::stateColor(ConnectionHistory::ReadyState state, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (state) {
    case ReadyState::Connecting:
        return dark ? QColor(0xc9, 0x8a, 0x10) : QColor(0xe8, 0xa3, 0x10);
    case ReadyState::Open:
        return dark ? QColor(0x2e, 0x9a, 0x4a) : QColor(0x3c, 0xb0, 0x5a);
    case ReadyState::Closed:
        return dark ? QColor(0xc0, 0x42, 0x42) : QColor(0xd8, 0x4f, 0x4f);
    }
    return palette.color(QPalette::Mid);
}

QString TimelineWidget::stateName(ConnectionHistory::ReadyState state)
{
    switch (state) {
    case ReadyState::Connecting:
        return u"CONNECTING"_s;
    case ReadyState::Open:
        return u"OPEN"_s;
    case ReadyState::Closed:
        return u"CLOSED"_s;
    }
    return {};
}

// --- painting ---

void TimelineWidget::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    if (m_mapping.widthPx != width())
        m_mapping.setWidth(width());
    if (m_followLive)
        m_mapping.followLive(now());

    QPainter painter(this);
    const Layout l = layout();
    painter.fillRect(rect(), palette().base());

    const QFontMetricsF metrics(font());
    const TickPlan plan = planTicks(m_mapping, metrics);
    const qint64 offset =
            qint64(QDateTime::fromMSecsSinceEpoch(qint64(m_mapping.startMs)).offsetFromUtc())
            * 1000;
    const QList<qint64> ticks = m_mapping.ticks(plan.stepMs, offset);
    paintGrid(painter, l, ticks);

    if (!m_history || m_history->isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(l.lanes[StateLane], Qt::AlignCenter, tr("No connection recorded yet"));
    } else {
        paintSpans(painter, l);
        paintDensity(painter, l);
        paintMarkers(painter, l);
    }

    // "Now", unless it is the right edge anyway.
    const double nowX = m_mapping.x(now());
    if (!m_followLive && nowX >= 0 && nowX <= width()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1.0));
        painter.drawLine(QPointF(nowX, l.lanes[RequestLane].top()),
                QPointF(nowX, l.lanes[DensityLane].bottom()));
    }

    paintAxis(painter, l, ticks, plan.stepMs);

    if (hasFocus()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void TimelineWidget::paintGrid(
        QPainter &painter, const Layout &layout, const QList<qint64> &ticks) const
{
    QColor grid = palette().color(QPalette::Text);
    grid.setAlphaF(isDark(palette()) ? 0.14f : 0.10f);
    painter.setPen(QPen(grid, 1.0));
    const double top = layout.lanes[RequestLane].top();
    const double bottom = layout.lanes[DensityLane].bottom();
    for (const qint64 tick : ticks) {
        const double x = std::floor(m_mapping.x(tick)) + 0.5;
        painter.drawLine(QPointF(x, top), QPointF(x, bottom));
    }
}

void TimelineWidget::paintSpans(QPainter &painter, const Layout &layout) const
{
    const int columns = width();
    if (columns <= 0)
        return;
    const QRectF lane = layout.lanes[StateLane];
    const TimeRange visible = m_mapping.visibleRange();
    const qint64 nowMs = now();
    const double w = columns;
    const auto spans = m_history->spansIn(visible.startMs, visible.endMs);

    // How much of each pixel column each state covers. Zoomed out, one column may hold many
    // spans: it shows the state that filled most of it, and a strip along the bottom for the
    // worst state in it, so that a brief drop stays visible.
    std::vector<std::array<float, 3>> cover(size_t(columns), std::array<float, 3>{});
    for (const ConnectionHistory::StateSpan &span : spans) {
        const double x0 = std::clamp(m_mapping.x(span.startMs), 0.0, w);
        const double x1 = std::clamp(m_mapping.x(span.endOr(nowMs)), 0.0, w);
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
                painter.fillRect(
                        QRectF(c, top, end - c, bottom - top), stateColor(ReadyState(state)));
            }
            c = end;
        }
    };
    fillRuns(dominant, lane.top(), lane.bottom());
    fillRuns(strip, lane.bottom() - 3.0, lane.bottom());

    // Names on spans wide enough for them, centred in their visible part.
    QFont labelFont = smallFont(font());
    labelFont.setBold(true);
    const QFontMetricsF labelMetrics(labelFont);
    painter.setFont(labelFont);
    std::array<double, 3> nameWidths{};
    for (const ReadyState state : bestFirst)
        nameWidths[size_t(state)] = labelMetrics.horizontalAdvance(stateName(state)) + 10.0;
    for (const ConnectionHistory::StateSpan &span : spans) {
        const double x0 = std::max(m_mapping.x(span.startMs), 0.0);
        const double x1 = std::min(m_mapping.x(span.endOr(nowMs)), w);
        if (x1 - x0 < nameWidths[size_t(span.state)])
            continue;
        painter.setPen(textOn(stateColor(span.state), palette()));
        painter.drawText(QRectF(QPointF(x0, lane.top()), QPointF(x1, lane.bottom())),
                Qt::AlignCenter, stateName(span.state));
    }
}

void TimelineWidget::paintMarkers(QPainter &painter, const Layout &layout) const
{
    const MarkerColors colors = markerColors(palette());
    const QFont small = smallFont(font());
    const QFontMetricsF metrics(small);
    painter.setFont(small);
    painter.setRenderHint(QPainter::Antialiasing, true);

    const double w = width();
    const double margin = 8.0 * m_mapping.msPerPixel;
    const TimeRange visible = m_mapping.visibleRange();
    const auto markers =
            m_history->markersIn(visible.startMs - qint64(margin), visible.endMs + qint64(margin));

    // Markers a few pixels apart form one cluster: its glyphs sit side by side and its labels
    // read as one ("#3 200", "503 5 s re-init"). Zoomed out, a cluster stands for many markers
    // but keeps a few glyphs and labels, so 20,000 markers cost little more than 100.
    std::array<std::vector<Cluster>, 2> rows;
    QColor delayColor = colors.reconnect;
    delayColor.setAlphaF(0.75f);
    for (const Marker &marker : markers) {
        const double x = m_mapping.x(marker.timeMs);
        const int row = markerRow(marker.kind);
        std::vector<Cluster> &clusters = rows[size_t(row)];
        if (clusters.empty() || x - clusters.back().x > ClusterWidthPx)
            clusters.push_back({x, 0, {}, {}, 0});
        Cluster &cluster = clusters.back();
        ++cluster.members;

        if (marker.kind == Marker::Kind::ReconnectScheduled) {
            // The wait itself: a bracket from the decision to the planned request.
            const double until = m_mapping.x(marker.timeMs + marker.delayMs);
            if (until - x > 12.0 && until > 0 && x < w) {
                const double y = layout.lanes[ReconnectLane].bottom() - 1.5;
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
        const QRectF lane = layout.lanes[row == 0 ? RequestLane : ReconnectLane];
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
                painter.setPen(palette().color(QPalette::PlaceholderText));
                painter.drawText(QRectF(cursor, lane.top(), metrics.horizontalAdvance(more) + 1.0,
                                         lane.height()),
                        Qt::AlignLeft | Qt::AlignVCenter, more);
            }
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void TimelineWidget::paintDensity(QPainter &painter, const Layout &layout) const
{
    const QRectF lane = layout.lanes[DensityLane];
    const int w = width();
    if (w <= 0)
        return;
    const TimeRange visible = m_mapping.visibleRange();
    std::vector<int> columns(size_t(w), 0);
    for (const ConnectionHistory::DensityBucket &bucket :
            m_history->densityIn(visible.startMs, visible.endMs)) {
        const double x0 = m_mapping.x(bucket.secondMs);
        const double x1 = m_mapping.x(bucket.secondMs + Second);
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

    QColor bar = palette().color(QPalette::Highlight);
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

    const QFont small = smallFont(font());
    painter.setFont(small);
    const QString label = tr("peak %1/s").arg(peak);
    const QFontMetricsF metrics(small);
    const QRectF box(
            3.0, lane.top() + 1.0, metrics.horizontalAdvance(label) + 6.0, metrics.height());
    QColor back = palette().color(QPalette::Base);
    back.setAlphaF(0.8f);
    painter.fillRect(box, back);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(box, Qt::AlignCenter, label);
}

void TimelineWidget::paintAxis(
        QPainter &painter, const Layout &layout, const QList<qint64> &ticks, qint64 stepMs) const
{
    const QRectF axis = layout.lanes[AxisLane];
    const QFontMetricsF metrics(font());
    const TickUnit unit = unitOf(stepMs);
    const QColor text = palette().color(QPalette::Text);
    const QColor faint = mix(text, palette().color(QPalette::Base), 0.45);
    painter.setPen(QPen(faint, 1.0));
    painter.drawLine(QPointF(0, axis.top() + 0.5), QPointF(width(), axis.top() + 0.5));

    // The live badge sits at the right end of the axis; tick labels keep clear of it.
    const QString badge = m_followLive ? tr("LIVE") : tr("paused \u00b7 double-click: live");
    const QFont small = smallFont(font());
    const QFontMetricsF smallMetrics(small);
    const double badgeWidth = smallMetrics.horizontalAdvance(badge) + (m_followLive ? 14.0 : 6.0);
    const QRectF badgeRect(
            width() - badgeWidth - 4.0, axis.top() + 3.0, badgeWidth, axis.height() - 4.0);
    painter.setFont(small);
    if (m_followLive) {
        const QColor live = palette().color(QPalette::Highlight);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(live);
        painter.drawEllipse(QPointF(badgeRect.left() + 5.0, badgeRect.center().y()), 3.0, 3.0);
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(live);
        painter.drawText(
                badgeRect.adjusted(12.0, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, badge);
    } else {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(badgeRect, Qt::AlignVCenter | Qt::AlignRight, badge);
    }

    painter.setFont(font());
    double labelRight = -std::numeric_limits<double>::infinity();
    for (const qint64 tick : ticks) {
        const double x = m_mapping.x(tick);
        painter.setPen(QPen(faint, 1.0));
        painter.drawLine(QPointF(x, axis.top()), QPointF(x, axis.top() + 4.0));
        const QString label = tickLabel(tick, unit);
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

// --- tooltips ---

QString TimelineWidget::markerText(const Marker &marker) const
{
    switch (marker.kind) {
    case Marker::Kind::Request:
        if (marker.lastEventIdSent.isEmpty())
            return tr("Request #%1, no Last-Event-ID").arg(marker.connection);
        return tr("Request #%1, Last-Event-ID: %2")
                .arg(marker.connection)
                .arg(QString::fromUtf8(marker.lastEventIdSent.left(200)));
    case Marker::Kind::Response:
        return tr("Response #%1: HTTP/%2 %3 %4")
                .arg(marker.connection)
                .arg(QString::fromUtf8(marker.httpVersion))
                .arg(marker.httpStatus)
                .arg(QString::fromUtf8(marker.reasonPhrase))
                .trimmed();
    case Marker::Kind::ReconnectScheduled:
        return tr("Reconnect in %1 ms (%2)").arg(marker.delayMs).arg(reasonText(marker));
    case Marker::Kind::Error:
        return (marker.fatal ? tr("Fatal error (%1): %2") : tr("Transient error (%1): %2"))
                .arg(errorKindText(marker), marker.message);
    }
    return {};
}

QString TimelineWidget::spanText(const ConnectionHistory::StateSpan &span) const
{
    const QString first =
            tr("%1 for %2").arg(stateName(span.state), durationText(span.durationMs(now())));
    const QString second = span.isOngoing()
            ? tr("readyState %1, since %2").arg(int(span.state)).arg(timeText(span.startMs))
            : tr("readyState %1, %2 to %3")
                      .arg(int(span.state))
                      .arg(timeText(span.startMs), timeText(span.endMs));
    return first + u'\n' + second;
}

QString TimelineWidget::densityText(double x) const
{
    const qint64 t = m_mapping.ms(x);
    qint64 from = 0;
    qint64 to = 0;
    if (Second / m_mapping.msPerPixel >= 2.0 * HoverTolerancePx) {
        // Zoomed in: the pointer is over one second's bar.
        from = t - (t % Second + Second) % Second;
        to = from + Second - 1;
    } else {
        from = m_mapping.ms(x - HoverTolerancePx / 2.0);
        to = m_mapping.ms(x + HoverTolerancePx / 2.0);
    }
    qint64 count = 0;
    int peak = 0;
    for (const ConnectionHistory::DensityBucket &bucket : m_history->densityIn(from, to)) {
        count += bucket.count;
        peak = std::max(peak, bucket.count);
    }
    if (to - from < Second)
        return tr("%n event(s) in the second from %1", nullptr, int(count)).arg(timeText(from));
    return tr("%n event(s) from %1 to %2", nullptr, int(count)).arg(timeText(from), timeText(to))
            + u'\n' + tr("peak %1/s").arg(peak);
}

QString TimelineWidget::toolTipAt(const QPoint &pos) const
{
    if (!m_history)
        return {};
    const Layout l = layout();
    const double x = pos.x();
    const qint64 t = m_mapping.ms(x);

    for (const Lane lane : {RequestLane, ReconnectLane}) {
        if (!l.lanes[lane].contains(pos))
            continue;
        const int row = lane == RequestLane ? 0 : 1;
        const qint64 tolerance =
                std::max<qint64>(1, qint64(HoverTolerancePx * m_mapping.msPerPixel));
        std::vector<const Marker *> hits;
        for (const Marker &marker : m_history->markersIn(t - tolerance, t + tolerance)) {
            if (markerRow(marker.kind) == row)
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
            lines.append(timeText(marker->timeMs) + u"  "_s + markerText(*marker));
        if (extra > 0)
            lines.append(tr("\u2026 and %n more", nullptr, int(extra)));
        return lines.join(u'\n');
    }
    if (l.lanes[StateLane].contains(pos)) {
        const auto span = m_history->spanAt(t);
        return span ? spanText(*span) : QString();
    }
    if (l.lanes[DensityLane].contains(pos))
        return densityText(x);
    if (l.lanes[AxisLane].contains(pos))
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(t), u"yyyy-MM-dd hh:mm:ss.zzz"_s);
    return {};
}

// --- input ---

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void TimelineWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_mapping.setWidth(width());
    if (m_followLive)
        m_mapping.followLive(now());
}

void TimelineWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_followLive)
        m_mapping.followLive(now());
    updateLiveTimer();
}

void TimelineWidget::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_liveTimer.stop();
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (delta.isNull()) {
        event->ignore();
        return;
    }
    const bool horizontal = std::abs(delta.x()) > std::abs(delta.y());
    if (horizontal || (event->modifiers() & Qt::ShiftModifier)) {
        const int notches = horizontal ? delta.x() : delta.y();
        panBy(notches / 120.0 * width() * KeyPanFraction);
    } else {
        zoomBy(std::pow(WheelStepFactor, delta.y() / 120.0), event->position().x());
    }
    event->accept();
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_dragging = true;
    m_lastDragX = event->position().x();
    setCursor(Qt::ClosedHandCursor);
    event->accept();
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    const double x = event->position().x();
    panBy(x - m_lastDragX);
    m_lastDragX = x;
    event->accept();
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragging) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_dragging = false;
    setCursor(Qt::OpenHandCursor);
    event->accept();
}

void TimelineWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    setFollowLive(true);
    event->accept();
}

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(WheelStepFactor, width() / 2.0);
        break;
    case Qt::Key_Minus:
        zoomBy(1.0 / WheelStepFactor, width() / 2.0);
        break;
    case Qt::Key_Left:
        panBy(width() * KeyPanFraction);
        break;
    case Qt::Key_Right:
        panBy(-width() * KeyPanFraction);
        break;
    case Qt::Key_End:
        setFollowLive(true);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}
