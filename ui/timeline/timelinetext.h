// SPDX-License-Identifier: MIT
// TimelineText: the words of the connection timeline for times, durations, states and markers.
#pragma once

#include "ui/models/connectionhistory.h"

#include <QCoreApplication>
#include <QString>

/// Turns what a ConnectionHistory recorded into text: long forms for the tooltips, short ones
/// for the labels next to the marker glyphs.
class TimelineText final
{
    // The texts were translated as the widget's: they keep its context.
    Q_DECLARE_TR_FUNCTIONS(TimelineWidget)

public:
    TimelineText() = delete;

    /// hh:mm:ss.zzz in local time.
    [[nodiscard]] static QString time(qint64 ms);
    /// "250 ms", "2.5 s", "3 min 5 s", "2 h 10 min", "1 d 3 h".
    [[nodiscard]] static QString duration(qint64 ms);
    /// "250 ms", "3 s", "2.5 s", "5 min": short enough for a label next to a glyph.
    [[nodiscard]] static QString shortDelay(qint64 ms);
    /// Why a reconnect was scheduled.
    [[nodiscard]] static QString reason(const ConnectionHistory::Marker &marker);
    [[nodiscard]] static QString shortReason(const ConnectionHistory::Marker &marker);
    /// What kind of error an Error marker stands for.
    [[nodiscard]] static QString errorKind(const ConnectionHistory::Marker &marker);
    /// The standard's name of a ready state: CONNECTING, OPEN or CLOSED.
    [[nodiscard]] static QString stateName(ConnectionHistory::ReadyState state);
    /// One line of the tooltip on a marker.
    [[nodiscard]] static QString marker(const ConnectionHistory::Marker &marker);
    /// The two lines of the tooltip on a span; an ongoing span lasts until nowMs.
    [[nodiscard]] static QString span(const ConnectionHistory::StateSpan &span, qint64 nowMs);
};
