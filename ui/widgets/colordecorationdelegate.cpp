// SPDX-License-Identifier: MIT
// ColorDecorationDelegate: paints a model's QColor decorations with one icon per colour.
#include "colordecorationdelegate.h"

#include <QPixmap>

namespace {

// A view shows a handful of colours; a model that made up colours freely could still not
// grow the cache beyond this.
constexpr qsizetype MaxIcons = 256;

} // namespace

ColorDecorationDelegate::ColorDecorationDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

ColorDecorationDelegate::~ColorDecorationDelegate() = default;

void ColorDecorationDelegate::initStyleOption(
        QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant decoration = index.data(Qt::DecorationRole);
    if (decoration.typeId() == QMetaType::QColor)
        option->icon = iconFor(decoration.value<QColor>(), option->decorationSize);
}

QIcon ColorDecorationDelegate::iconFor(const QColor &color, const QSize &size) const
{
    // Painted for every decorated cell: a key made of numbers, not of text.
    const quint64 key = quint64(color.rgba()) << 32 | quint64(size.width() & 0xffff) << 16
            | quint64(size.height() & 0xffff);
    const auto found = m_icons.constFind(key);
    if (found != m_icons.cend())
        return *found;
    if (m_icons.size() >= MaxIcons)
        m_icons.clear();
    // What QStyledItemDelegate draws for a colour: a pixmap of the decoration size, filled.
    QPixmap pixmap(size);
    pixmap.fill(color);
    return *m_icons.insert(key, QIcon(pixmap));
}
