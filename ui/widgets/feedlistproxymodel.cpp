// SPDX-License-Identifier: MIT
// FeedListProxyModel: a FeedList as the main window's list shows it: a state dot and words.
#include "feedlistproxymodel.h"

#include "ui/feedpanel/feedpanel.h"
#include "ui/models/feedlist.h"
#include "ui/timeline/timelinewidget.h"

#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QWidget>

FeedListProxyModel::FeedListProxyModel(QWidget *view)
    : QIdentityProxyModel(view)
    , m_view(view)
{ }

FeedListProxyModel::~FeedListProxyModel() = default;

QVariant FeedListProxyModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DecorationRole && role != Qt::StatusTipRole)
        return QIdentityProxyModel::data(index, role);
    const QVariant state = QIdentityProxyModel::data(index, FeedList::StateRole);
    if (!state.isValid())
        return {};
    const auto readyState = Feed::ReadyState(state.toInt());
    if (role == Qt::StatusTipRole)
        return FeedPanel::stateLabel(readyState);
    return dotIcon(TimelineWidget::stateColor(readyState, m_view ? m_view->palette() : QPalette()));
}

QIcon FeedListProxyModel::dotIcon(const QColor &color) const
{
    const auto found = m_dots.constFind(color.rgba());
    if (found != m_dots.cend())
        return *found;
    if (m_dots.size() >= 64) // palettes change rarely; never let them pile up
        m_dots.clear();
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(3.5, 3.5, 9, 9));
    painter.end();
    return *m_dots.insert(color.rgba(), QIcon(pixmap));
}
