// SPDX-License-Identifier: MIT
// TimelineWidget: paints a feed's ConnectionHistory along a time axis.
#pragma once

#include "ui/models/connectionhistory.h"
#include "ui/models/timemapping.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

struct TimelineLayout;
struct TimelineScene;

/// Paints one feed's connection history, time running left to right: a lane of ready-state
/// spans (CONNECTING, OPEN, CLOSED), marker rows above it (requests and responses; scheduled
/// reconnects and errors), events per second below it and a time axis. The wheel zooms around
/// the pointer, a drag pans, a double-click follows live again. Only shows: the history
/// records, TimeMapping does the time-to-pixel arithmetic, TimelinePainter paints a frame (a
/// TimelineScene the widget hands it), TimelineLayout places the lanes and TimelineToolTip words
/// the tooltips.
class TimelineWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineWidget)
    Q_PROPERTY(bool followLive READ followsLive WRITE setFollowLive NOTIFY followLiveChanged)

public:
    explicit TimelineWidget(QWidget *parent = nullptr);
    ~TimelineWidget() override;

    /// Shows `history` (not owned; may be null).
    void setHistory(ConnectionHistory *history);

    [[nodiscard]] const TimeMapping &mapping() const { return m_mapping; }

    /// Shows [fromMs, toMs] and stops following live.
    void setVisibleRange(qint64 fromMs, qint64 toMs);
    /// Changes the scale around the right edge while following live, else around the centre.
    void setMsPerPixel(double msPerPixel);

    [[nodiscard]] bool followsLive() const { return m_followLive; }

    /// While on, "now" stays at the right edge (repainted a few times a second while visible).
    void setFollowLive(bool follow);

    /// Stops following live and centres `ms`, zoomed in to show at most MarkSpanMs around it,
    /// and marks it with a line until another mark or following live again.
    void markTime(qint64 ms);

    [[nodiscard]] std::optional<qint64> markedTime() const { return m_markMs; }

    static constexpr qint64 MarkSpanMs = 20'000;

    /// What the timeline says while it has nothing to show: "Not connected yet" before the
    /// first connection, "Waiting for the first event…" while connected without events; empty
    /// otherwise.
    [[nodiscard]] QString emptyText() const;

    /// The fill of a ready-state span, for the current palette.
    [[nodiscard]] QColor stateColor(ConnectionHistory::ReadyState state) const;
    /// The colour of a readyState on a palette: one scheme for the whole dashboard.
    [[nodiscard]] static QColor stateColor(
            ConnectionHistory::ReadyState state, const QPalette &palette);
    /// The standard's name of a ready state: CONNECTING, OPEN or CLOSED.
    [[nodiscard]] static QString stateName(ConnectionHistory::ReadyState state);

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

Q_SIGNALS:
    void followLiveChanged(bool follow);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    [[nodiscard]] TimelineLayout layout() const;
    /// What a frame shows now, for TimelinePainter.
    [[nodiscard]] TimelineScene scene() const;
    /// What the tooltip at pos says; empty where there is nothing to explain.
    [[nodiscard]] QString toolTipAt(const QPoint &pos) const;
    [[nodiscard]] qint64 now() const;
    void zoomBy(double factor, double anchorX);
    void panBy(double dx);
    void updateLiveTimer();
    void onLiveTick();

    QPointer<ConnectionHistory> m_history;
    QMetaObject::Connection m_historyConnection;
    TimeMapping m_mapping;
    bool m_followLive = true;
    std::optional<qint64> m_markMs;
    bool m_dragging = false;
    double m_lastDragX = 0.0;
    QTimer m_liveTimer;
};
