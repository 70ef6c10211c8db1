// SPDX-License-Identifier: MIT
// FeedListDelegate: the main window's feed list entries: names elided in the middle, a note.
#pragma once

#include <QStyledItemDelegate>

/// Draws a feed's entry in the main window's list: its name elided in the middle (so that
/// "name" and "name (copy)" stay apart in a narrow list) and, under it, the item's NoteRole
/// text when it has one ("Authorization needs a value"). Entries are never wider than the list,
/// so that it does not scroll sideways.
class FeedListDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedListDelegate)

public:
    /// A line shown under the name; none when empty.
    static constexpr int NoteRole = Qt::UserRole + 1;

    explicit FeedListDelegate(QObject *parent = nullptr);
    ~FeedListDelegate() override;

    [[nodiscard]] QSize sizeHint(
            const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
