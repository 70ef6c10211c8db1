// SPDX-License-Identifier: MIT
// TimelineTicks: the tick step of the connection timeline's axis and its tick labels.
#include "timelineticks.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <array>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Day = 24 * 60 * Minute;

} // namespace

TimelineTicks::Unit TimelineTicks::unitOf(qint64 stepMs)
{
    if (stepMs < Second)
        return Unit::Millisecond;
    if (stepMs < Minute)
        return Unit::Second;
    return stepMs < Day ? Unit::Minute : Unit::Day;
}

QString TimelineTicks::dateLabel(const QDate &date)
{
    return QLocale().toString(date, u"d MMM"_s);
}

QString TimelineTicks::label(qint64 ms, Unit unit)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms);
    // Midnight shows the date, so that a day boundary is visible at any zoom.
    if (unit == Unit::Day || time.time() == QTime(0, 0))
        return dateLabel(time.date());
    switch (unit) {
    case Unit::Millisecond:
        return time.toString(u"hh:mm:ss.zzz"_s);
    case Unit::Second:
        return time.toString(u"hh:mm:ss"_s);
    case Unit::Minute:
    case Unit::Day:
        break;
    }
    return time.toString(u"hh:mm"_s);
}

TimelineTicks TimelineTicks::plan(const TimeMapping &mapping, const QFontMetricsF &metrics)
{
    const double gap = metrics.averageCharWidth() * 2.5;
    double dateWidth = 0;
    for (int month = 1; month <= 12; ++month)
        dateWidth =
                std::max(dateWidth, metrics.horizontalAdvance(dateLabel(QDate(2000, month, 28))));

    struct UnitRange
    {
        Unit unit;
        qint64 minStep;
        qint64 maxStep;
        double labelWidth;
    };

    const std::array<UnitRange, 4> units = {{
            {Unit::Millisecond, 1, Second, metrics.horizontalAdvance(u"00:00:00.000"_s)},
            {Unit::Second, Second, Minute, metrics.horizontalAdvance(u"00:00:00"_s)},
            {Unit::Minute, Minute, Day, std::max(metrics.horizontalAdvance(u"00:00"_s), dateWidth)},
            {Unit::Day, Day, std::numeric_limits<qint64>::max(), dateWidth},
    }};
    for (const UnitRange &range : units) {
        const qint64 step = std::max(mapping.tickStepMs(range.labelWidth + gap), range.minStep);
        if (step < range.maxStep)
            return {step, range.unit};
    }
    return {};
}
