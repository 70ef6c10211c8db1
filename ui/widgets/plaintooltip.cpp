// SPDX-License-Identifier: MIT
// PlainToolTip: tooltips that show their text literally, never as HTML.
#include "plaintooltip.h"

#include <QTextDocument>
#include <QToolTip>

QString PlainToolTip::text(const QString &text)
{
    return Qt::mightBeRichText(text) ? Qt::convertFromPlainText(text, Qt::WhiteSpacePre) : text;
}

void PlainToolTip::show(const QPoint &globalPos, const QString &text, QWidget *widget)
{
    QToolTip::showText(globalPos, PlainToolTip::text(text), widget);
}
