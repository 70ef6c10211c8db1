// SPDX-License-Identifier: MIT
// TimelineStyle: the colours and fonts of the connection timeline, from a palette and a font.
#pragma once

#include "ui/models/connectionhistory.h"

#include <QColor>
#include <QFont>
#include <QPalette>

/// The colours of the timeline's marker glyphs and their labels.
struct TimelineMarkerColors
{
    QColor request;
    QColor responseOk;
    QColor reconnect;
    QColor transient;
    QColor fatal;
    QColor label;
};

/// How the timeline derives its colours and fonts from the widget's palette and font, so that
/// a light and a dark theme both read well.
class TimelineStyle final
{
public:
    TimelineStyle() = delete;

    [[nodiscard]] static bool isDark(const QPalette &palette);
    /// a blended towards b by t (0: a, 1: b).
    [[nodiscard]] static QColor mix(const QColor &a, const QColor &b, double t);
    /// Of the palette's text and base colours, the one that reads better on `fill`.
    [[nodiscard]] static QColor textOn(const QColor &fill, const QPalette &palette);
    /// The colour of a readyState on a palette: one scheme for the whole dashboard.
    [[nodiscard]] static QColor stateColor(
            ConnectionHistory::ReadyState state, const QPalette &palette);
    [[nodiscard]] static TimelineMarkerColors markerColors(const QPalette &palette);
    /// The font of labels and badges: a little smaller than `font`.
    [[nodiscard]] static QFont smallFont(QFont font);
};
