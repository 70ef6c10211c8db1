// SPDX-License-Identifier: MIT
// TimelineWidget: paints a feed's ConnectionHistory along a time axis.
#include "timelinewidget.h"

#include "timelinelayout.h"
#include "timelinepainter.h"
#include "timelinescene.h"
#include "timelinestyle.h"
#include "timelinetext.h"
#include "timelinetooltip.h"

#include "ui/widgets/emptystatelabel.h"
#include "ui/widgets/plaintooltip.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace {

constexpr double WheelStepFactor = 1.25; // zoom per wheel notch (120 eighths of a degree)
constexpr double KeyPanFraction = 0.1; // of the width, per key press or wheel notch
constexpr int FastLiveIntervalMs = 100; // 10 Hz while zoomed in
constexpr int SlowLiveIntervalMs = 250; // 4 Hz

} // namespace

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
    if (m_followLive) {
        m_markMs.reset();
        m_mapping.followLive(now());
    }
    updateLiveTimer();
    update();
    Q_EMIT followLiveChanged(m_followLive);
}

void TimelineWidget::markTime(qint64 ms)
{
    setFollowLive(false);
    m_mapping.setWidth(width());
    const double widest = double(MarkSpanMs) / std::max(1, width());
    m_mapping.setMsPerPixel(std::min(m_mapping.msPerPixel, widest));
    m_mapping.startMs = double(ms) - m_mapping.widthPx / 2.0 * m_mapping.msPerPixel;
    m_markMs = ms;
    update();
}

QString TimelineWidget::emptyText() const
{
    using State = EmptyStateLabel::State;
    if (!m_history || m_history->isEmpty())
        return EmptyStateLabel::text(State::NotConnected);
    if (m_history->totalEvents() > 0 || m_history->spans().empty())
        return {};
    // The state lane shows CLOSED by itself; the rest deserves words.
    const ConnectionHistory::ReadyState state = m_history->spans().back().state;
    if (state == ConnectionHistory::ReadyState::Closed)
        return {};
    return EmptyStateLabel::text(EmptyStateLabel::pick(state, true, false, 0, 0));
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

TimelineLayout TimelineWidget::layout() const
{
    return TimelineLayout::compute(font(), size());
}

TimelineScene TimelineWidget::scene() const
{
    TimelineScene scene;
    scene.mapping = m_mapping;
    scene.history = m_history;
    scene.palette = palette();
    scene.font = font();
    scene.rect = rect();
    scene.layout = layout();
    scene.nowMs = now();
    scene.markMs = m_markMs;
    scene.emptyText = emptyText();
    scene.followLive = m_followLive;
    scene.hasFocus = hasFocus();
    return scene;
}

QSize TimelineWidget::sizeHint() const
{
    return TimelineLayout::sizeHint(font());
}

QSize TimelineWidget::minimumSizeHint() const
{
    return TimelineLayout::minimumSizeHint(font());
}

QColor TimelineWidget::stateColor(ConnectionHistory::ReadyState state) const
{
    return stateColor(state, palette());
}

QColor TimelineWidget::stateColor(ConnectionHistory::ReadyState state, const QPalette &palette)
{
    return TimelineStyle::stateColor(state, palette);
}

QString TimelineWidget::stateName(ConnectionHistory::ReadyState state)
{
    return TimelineText::stateName(state);
}

void TimelineWidget::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    if (m_mapping.widthPx != width())
        m_mapping.setWidth(width());
    if (m_followLive)
        m_mapping.followLive(now());

    QPainter painter(this);
    TimelinePainter(scene()).paint(painter);
}

QString TimelineWidget::toolTipAt(const QPoint &pos) const
{
    if (!m_history)
        return {};
    return TimelineToolTip::text(*m_history, m_mapping, layout(), pos);
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
            PlainToolTip::show(help->globalPos(), text, this); // ids and messages from the server
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
