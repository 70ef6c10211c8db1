// SPDX-License-Identifier: MIT
// FeedListProxyModel: a FeedList as the main window's list shows it: a state dot and words.
#pragma once

#include <QHash>
#include <QIcon>
#include <QIdentityProxyModel>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

/// Adds to a FeedList's rows what a view shows beyond their text and is no business of a
/// model: a dot in the colour of the feed's ready state (DecorationRole, in the palette of
/// `view`) and the state in words (StatusTipRole).
class FeedListProxyModel final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedListProxyModel)

public:
    /// `view` gives the palette; it is also the parent.
    explicit FeedListProxyModel(QWidget *view);
    ~FeedListProxyModel() override;

    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;

private:
    [[nodiscard]] QIcon dotIcon(const QColor &color) const;

    QPointer<QWidget> m_view;
    // One icon per colour: a new icon on every paint added an entry to QPixmapCache each time.
    mutable QHash<QRgb, QIcon> m_dots;
};
