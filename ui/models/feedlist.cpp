// SPDX-License-Identifier: MIT
// FeedList: the dashboard's feeds, owned, in order, with the current one and where each came from.
#include "feedlist.h"

#include <QDir>

#include <algorithm>

FeedList::FeedList(QObject *parent)
    : QAbstractListModel(parent)
{ }

FeedList::~FeedList() = default;

int FeedList::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant FeedList::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(size_t(index.row()));
    const Feed *feed = entry.feed.get();
    switch (role) {
    case Qt::DisplayRole:
        return feed->config().name;
    case Qt::ToolTipRole:
        return toolTip(entry);
    case NoteRole:
        return entry.origin == Origin::Captured ? tr("captured") : feed->missingSecretsText();
    case StateRole:
        return int(feed->readyState());
    case FeedRole:
        return QVariant::fromValue(entry.feed.get());
    default:
        return {};
    }
}

// The whole name (a view may elide it), where the records come from and what is missing.
QString FeedList::toolTip(const Entry &entry) const
{
    const FeedConfig &config = entry.feed->config();
    if (entry.origin == Origin::Imported)
        return config.name + u'\n' + QDir::toNativeSeparators(entry.fileName);
    QStringList lines{config.name, config.url.toDisplayString(), entry.feed->missingSecretsText()};
    if (entry.origin == Origin::Captured)
        lines.append(tr("captured: the streams of this request that passed the capture proxy"));
    lines.removeAll(QString());
    return lines.join(u'\n');
}

Feed *FeedList::add(const FeedConfig &config, Origin origin, const QString &fileName)
{
    FeedConfig named = config;
    if (named.name.isEmpty())
        named.name = config.url.toDisplayString();
    if (named.id.isNull())
        named.id = QUuid::createUuid();
    const int row = count();
    beginInsertRows({}, row, row);
    m_entries.push_back({std::make_unique<Feed>(named), origin, fileName});
    Feed *feed = m_entries.back().feed.get();
    if (origin == Origin::Captured)
        feed->beginCapture();
    connect(feed, &Feed::readyStateChanged, this, [this, feed] { onStateChanged(feed); });
    endInsertRows();
    setCurrentIndex(row);
    return feed;
}

void FeedList::update(int index, const FeedConfig &config)
{
    Feed *feed = at(index);
    if (!feed)
        return;
    FeedConfig named = config;
    if (named.name.isEmpty())
        named.name = config.url.toDisplayString();
    if (named.id.isNull())
        named.id = feed->config().id; // the same feed: its keychain entry stays its own
    feed->setConfig(named);
    refresh(feed);
}

void FeedList::refresh(const Feed *feed)
{
    const int row = indexOf(feed);
    if (row >= 0)
        Q_EMIT dataChanged(this->index(row), this->index(row));
}

void FeedList::onStateChanged(const Feed *feed)
{
    const int row = indexOf(feed);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {StateRole, NoteRole, Qt::ToolTipRole});
}

void FeedList::remove(int index)
{
    Feed *feed = at(index);
    if (!feed)
        return;
    feed->close();
    // Move away first, so that views never show a current feed that is going.
    if (index == m_current)
        setCurrentIndex(index > 0 ? index - 1 : (index + 1 < count() ? index + 1 : -1));
    beginRemoveRows({}, index, index);
    const std::unique_ptr<Feed> gone = std::move(m_entries[size_t(index)].feed);
    m_entries.erase(m_entries.begin() + index);
    endRemoveRows();
    if (m_current > index) {
        --m_current;
        Q_EMIT currentIndexChanged(m_current);
    }
}

Feed *FeedList::at(int index) const
{
    return index >= 0 && index < count() ? m_entries[size_t(index)].feed.get() : nullptr;
}

int FeedList::indexOf(const Feed *feed) const
{
    const auto it = std::find_if(m_entries.cbegin(), m_entries.cend(),
            [feed](const Entry &entry) { return entry.feed.get() == feed; });
    return it == m_entries.cend() ? -1 : int(it - m_entries.cbegin());
}

FeedList::Origin FeedList::origin(const Feed *feed) const
{
    const int row = indexOf(feed);
    return row < 0 ? Origin::Configured : m_entries[size_t(row)].origin;
}

QList<std::pair<FeedConfig, bool>> FeedList::savedFeeds() const
{
    QList<std::pair<FeedConfig, bool>> saved;
    for (const Entry &entry : m_entries) {
        if (entry.origin == Origin::Configured)
            saved.append(
                    {entry.feed->config(), entry.feed->readyState() != Feed::ReadyState::Closed});
    }
    return saved;
}

void FeedList::setCurrentIndex(int index)
{
    if (index < -1 || index >= count() || index == m_current)
        return;
    m_current = index;
    Q_EMIT currentIndexChanged(index);
}

void FeedList::closeAll()
{
    for (const Entry &entry : m_entries)
        entry.feed->close();
}
