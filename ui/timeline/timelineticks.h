// SPDX-License-Identifier: MIT
// TimelineTicks: the tick step of the connection timeline's axis and its tick labels.
#pragma once

#include "ui/models/timemapping.h"

#include <QDate>
#include <QFontMetricsF>
#include <QString>

/// How far apart the axis ticks are and what their labels show: the finest step whose labels
/// still fit between the ticks.
struct TimelineTicks
{
    enum class Unit {
        Millisecond,
        Second,
        Minute,
        Day
    };

    qint64 stepMs = 1000;
    Unit unit = Unit::Second;

    /// The finest tick step whose labels, in `metrics`, fit between the ticks of `mapping`.
    [[nodiscard]] static TimelineTicks plan(
            const TimeMapping &mapping, const QFontMetricsF &metrics);
    [[nodiscard]] static Unit unitOf(qint64 stepMs);
    /// The label of a tick at ms; midnight shows the date.
    [[nodiscard]] static QString label(qint64 ms, Unit unit);
    [[nodiscard]] static QString dateLabel(const QDate &date);
};
