// SPDX-License-Identifier: MIT
// TimeMapping: how the connection timeline maps times to pixels and back; a plain value type.
#include "timemapping.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

constexpr std::array<qint64, 36> NiceSteps = {1, 2, 5, 10, 20, 50, 100, 200, 500, Second,
        2 * Second, 5 * Second, 10 * Second, 15 * Second, 30 * Second, Minute, 2 * Minute,
        5 * Minute, 10 * Minute, 15 * Minute, 30 * Minute, Hour, 2 * Hour, 3 * Hour, 6 * Hour,
        12 * Hour, Day, 2 * Day, 7 * Day, 14 * Day, 30 * Day, 60 * Day, 90 * Day, 180 * Day,
        365 * Day, 730 * Day};

// Keeps doubles that come from times well inside qint64 before converting back.
constexpr double TimeLimit = 4.0e15;

qint64 toMs(double t)
{
    return std::llround(std::clamp(t, -TimeLimit, TimeLimit));
}

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

double TimeMapping::clampMsPerPixel(double msPerPixel)
{
    if (std::isnan(msPerPixel))
        return DefaultMsPerPixel;
    return std::clamp(msPerPixel, MinMsPerPixel, MaxMsPerPixel);
}

qint64 TimeMapping::ms(double x) const
{
    return toMs(timeAt(x));
}

TimeRange TimeMapping::visibleRange() const
{
    return {toMs(std::floor(startMs)), toMs(std::ceil(endMs()))};
}

void TimeMapping::setWidth(int px)
{
    widthPx = std::max(0, px);
}

void TimeMapping::setMsPerPixel(double value)
{
    msPerPixel = clampMsPerPixel(value);
}

bool TimeMapping::zoomAt(double factor, double anchorX)
{
    if (!(factor > 0.0) || !std::isfinite(factor) || !std::isfinite(anchorX))
        return false;
    const double anchorTime = timeAt(anchorX);
    const double scale = clampMsPerPixel(msPerPixel / factor);
    if (scale == msPerPixel)
        return false;
    msPerPixel = scale;
    startMs = anchorTime - anchorX * msPerPixel;
    return true;
}

void TimeMapping::panBy(double dx)
{
    if (std::isfinite(dx))
        startMs = std::clamp(startMs - dx * msPerPixel, -TimeLimit, TimeLimit);
}

void TimeMapping::followLive(qint64 nowMs)
{
    startMs = double(nowMs) - widthPx * msPerPixel;
}

void TimeMapping::showRange(qint64 fromMs, qint64 toMs)
{
    if (toMs < fromMs)
        std::swap(fromMs, toMs);
    if (widthPx == 0) {
        startMs = double(fromMs);
        return;
    }
    const double wanted = double(toMs - fromMs) / widthPx;
    msPerPixel = clampMsPerPixel(wanted);
    const double middle = (double(fromMs) + double(toMs)) / 2.0;
    startMs = msPerPixel == wanted ? double(fromMs) : middle - widthPx * msPerPixel / 2.0;
}

qint64 TimeMapping::tickStepMs(double minSpacingPx) const
{
    const double minStep = std::max(minSpacingPx, 1.0) * msPerPixel;
    for (const qint64 step : NiceSteps) {
        if (double(step) >= minStep)
            return step;
    }
    // Beyond two years: keep doubling.
    qint64 step = NiceSteps.back();
    while (double(step) < minStep && step < std::numeric_limits<qint64>::max() / 4)
        step *= 2;
    return step;
}

QList<qint64> TimeMapping::ticks(qint64 stepMs, qint64 utcOffsetMs) const
{
    QList<qint64> result;
    // Never more ticks than pixels, whatever the step.
    if (widthPx <= 0 || stepMs <= 0 || double(stepMs) < msPerPixel)
        return result;
    const qint64 step = stepMs;
    const TimeRange range = visibleRange();
    qint64 tick = floorDiv(range.startMs + utcOffsetMs, step) * step - utcOffsetMs;
    if (tick < range.startMs)
        tick += step;
    for (; tick <= range.endMs; tick += step)
        result.append(tick);
    return result;
}
