// SPDX-License-Identifier: MIT
// ElidedLabel: a one-line label that elides what does not fit and tells it in its tooltip.
#include "elidedlabel.h"

#include "plaintooltip.h"

#include <QHelpEvent>
#include <QPainter>
#include <QStyle>
#include <QToolTip>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int MinimumChars = 4; // "Ev…" still hints at what the label is

} // namespace

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

ElidedLabel::~ElidedLabel() = default;

bool ElidedLabel::isElided() const
{
    return shownText() != text();
}

QString ElidedLabel::shownText() const
{
    return fontMetrics().elidedText(text(), Qt::ElideRight, contentsRect().width());
}

QString ElidedLabel::effectiveToolTip() const
{
    if (!isElided())
        return toolTip();
    return toolTip().isEmpty() ? text() : text() + u'\n' + toolTip();
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QSize hint = QLabel::minimumSizeHint();
    const int margins = contentsMargins().left() + contentsMargins().right();
    const int width = fontMetrics().averageCharWidth() * MinimumChars + margins;
    return {std::min(hint.width(), width), hint.height()};
}

bool ElidedLabel::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const QString tip = effectiveToolTip();
        const auto *help = static_cast<QHelpEvent *>(event);
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            PlainToolTip::show(help->globalPos(), tip, this);
        return true;
    }
    return QLabel::event(event);
}

void ElidedLabel::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    drawFrame(&painter);
    style()->drawItemText(&painter, contentsRect(), int(alignment()), palette(), isEnabled(),
            shownText(), foregroundRole());
}
