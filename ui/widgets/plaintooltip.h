// SPDX-License-Identifier: MIT
// PlainToolTip: tooltips that show their text literally, never as HTML.
#pragma once

#include <QString>

QT_BEGIN_NAMESPACE
class QPoint;
class QWidget;
QT_END_NAMESPACE

/// QToolTip renders a text that looks like HTML (Qt::mightBeRichText()) as rich text, so a
/// tooltip quoting event data such as "<img src=x>" would render it. These keep it literal.
class PlainToolTip final
{
public:
    PlainToolTip() = delete;

    /// `text` as a tooltip shows it literally: unchanged when Qt takes it for plain text, else
    /// escaped HTML that keeps its line breaks.
    [[nodiscard]] static QString text(const QString &text);

    /// QToolTip::showText() of text(`text`).
    static void show(const QPoint &globalPos, const QString &text, QWidget *widget);
};
