// SPDX-License-Identifier: MIT
// TimeMapping: how the connection timeline maps times to pixels and back; a plain value type.
#pragma once

#include <QList>
#include <QtGlobal>

/// A closed range of times, in ms since the Unix epoch.
struct TimeRange
{
    qint64 startMs = 0;
    qint64 endMs = 0;

    [[nodiscard]] qint64 length() const { return endMs - startMs; }

    [[nodiscard]] bool contains(qint64 ms) const { return ms >= startMs && ms <= endMs; }

    friend bool operator==(const TimeRange &a, const TimeRange &b)
    {
        return a.startMs == b.startMs && a.endMs == b.endMs;
    }

    friend bool operator!=(const TimeRange &a, const TimeRange &b) { return !(a == b); }
};

/// Maps times (ms since the Unix epoch) to x positions in a strip widthPx wide, and back.
/// The visible window is [startMs, startMs + widthPx * msPerPixel]. startMs is a double so that
/// panning and zooming keep sub-millisecond precision at the finest zoom. Every mutator keeps
/// msPerPixel within [MinMsPerPixel, MaxMsPerPixel] and widthPx >= 0.
struct TimeMapping
{
    static constexpr double MinMsPerPixel = 0.05;
    static constexpr double MaxMsPerPixel = 86'400'000.0; // one day per pixel
    // About half a minute across a typical window: a new feed fills it soon.
    static constexpr double DefaultMsPerPixel = 25.0;

    double startMs = 0.0; ///< the time at x = 0
    double msPerPixel = DefaultMsPerPixel;
    int widthPx = 0;

    [[nodiscard]] static double clampMsPerPixel(double msPerPixel);

    [[nodiscard]] double endMs() const { return startMs + widthPx * msPerPixel; }

    /// The x position of a time; may lie outside [0, widthPx].
    [[nodiscard]] double x(qint64 ms) const { return (double(ms) - startMs) / msPerPixel; }

    /// The exact time at an x position.
    [[nodiscard]] double timeAt(double x) const { return startMs + x * msPerPixel; }

    /// The time at an x position, rounded to the nearest millisecond.
    [[nodiscard]] qint64 ms(double x) const;

    /// The whole milliseconds that cover the visible window (start rounded down, end up).
    [[nodiscard]] TimeRange visibleRange() const;

    void setWidth(int widthPx);
    /// Changes the scale, keeping startMs.
    void setMsPerPixel(double msPerPixel);
    /// factor > 1 zooms in (fewer ms per pixel), < 1 zooms out; the time under anchorX stays
    /// under anchorX unless the scale hits a clamp. Returns false if nothing changed.
    bool zoomAt(double factor, double anchorX);
    /// Moves the content by dx pixels, as a drag does: dx > 0 shows earlier times.
    void panBy(double dx);
    /// Puts nowMs at the right edge, keeping the scale.
    void followLive(qint64 nowMs);
    /// Fits [fromMs, toMs] into the width; centred if the scale had to be clamped.
    void showRange(qint64 fromMs, qint64 toMs);

    /// The smallest "nice" tick step (1, 2, 5 ms ... 1 min, 5 min ... 1 h, 6 h, 1 day ...) whose
    /// ticks are at least minSpacingPx apart.
    [[nodiscard]] qint64 tickStepMs(double minSpacingPx) const;
    /// Tick times in the visible window, stepMs apart and aligned to whole steps of local time
    /// (utcOffsetMs: the local offset from UTC, so that hour ticks fall on local hours).
    [[nodiscard]] QList<qint64> ticks(qint64 stepMs, qint64 utcOffsetMs = 0) const;

    friend bool operator==(const TimeMapping &a, const TimeMapping &b)
    {
        return a.startMs == b.startMs && a.msPerPixel == b.msPerPixel && a.widthPx == b.widthPx;
    }

    friend bool operator!=(const TimeMapping &a, const TimeMapping &b) { return !(a == b); }
};
