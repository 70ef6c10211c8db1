// SPDX-License-Identifier: MIT
// ColorDecorationDelegate: paints a model's QColor decorations with one icon per colour.
#pragma once

#include <QHash>
#include <QIcon>
#include <QStyledItemDelegate>

/// A QStyledItemDelegate that turns a QColor in Qt::DecorationRole into a cached icon.
/// QStyledItemDelegate makes a new pixmap for such a colour on every paint, and each new
/// pixmap adds an entry to QPixmapCache when the style scales it: a view repainting a busy log
/// filled that cache for hours. Reusing one icon per colour and size keeps it at a few entries.
class ColorDecorationDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColorDecorationDelegate)

public:
    explicit ColorDecorationDelegate(QObject *parent = nullptr);
    ~ColorDecorationDelegate() override;

    /// The icons made so far, one per colour and size.
    [[nodiscard]] qsizetype cachedIconCount() const { return m_icons.size(); }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    [[nodiscard]] QIcon iconFor(const QColor &color, const QSize &size) const;

    mutable QHash<quint64, QIcon> m_icons; // key: ARGB, width and height
};
