// SPDX-License-Identifier: MIT
// TimelineScene: what one frame of the connection timeline shows, as a value.
#pragma once

#include "timelinelayout.h"

#include "ui/models/timemapping.h"

#include <QFont>
#include <QPalette>
#include <QRect>
#include <QString>

#include <optional>

class ConnectionHistory;

/// Everything the timeline's painters read, taken from the widget at one moment: they paint a
/// scene, not the widget, so they never include it (and a test can paint a scene of its own).
struct TimelineScene
{
    TimeMapping mapping; ///< up to date with the width and, while following live, with now
    const ConnectionHistory *history = nullptr; ///< not owned; may be null
    QPalette palette;
    QFont font;
    QRect rect; ///< the whole timeline
    TimelineLayout layout; ///< of rect's size in font
    qint64 nowMs = 0;
    std::optional<qint64> markMs; ///< the marked time, if any
    QString emptyText; ///< what to say while there is nothing to show; may be empty
    bool followLive = true;
    bool hasFocus = false;

    [[nodiscard]] int width() const { return rect.width(); }
};
