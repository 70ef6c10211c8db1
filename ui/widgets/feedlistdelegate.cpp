// SPDX-License-Identifier: MIT
// FeedListDelegate: the main window's feed list entries: names elided in the middle, a note.
#include "feedlistdelegate.h"

#include <algorithm>

namespace {

constexpr int MinimumChars = 12; // what an entry asks for; the list gives it its whole width

} // namespace

FeedListDelegate::FeedListDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

FeedListDelegate::~FeedListDelegate() = default;

QSize FeedListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // A list view makes its entries as wide as the widest hint or itself, whichever is wider.
    size.setWidth(std::min(size.width(), option.fontMetrics.averageCharWidth() * MinimumChars));
    return size;
}

void FeedListDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->textElideMode = Qt::ElideMiddle;
    const QString note = index.data(NoteRole).toString();
    if (!note.isEmpty())
        option->text += QChar(QChar::LineSeparator) + note;
}
