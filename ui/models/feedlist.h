// SPDX-License-Identifier: MIT
// FeedList: the dashboard's feeds, owned, in order, with the current one and where each came from.
#pragma once

#include "feed.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

/// The feeds of the dashboard: owns them, keeps their order and which one is current, and
/// remembers where each came from (whether it is one to save, or an imported log). A list model
/// of one column: the name (DisplayRole), a tooltip with the address (or the imported file) and
/// what is missing, the missing secrets or "captured" (NoteRole), the ready state (StateRole); rows
/// change (dataChanged()) when a feed's ready state does. No widgets: views show it.
class FeedList final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedList)

public:
    /// Where a feed came from; only Configured feeds are saved (the others' addresses or
    /// records do not last).
    enum class Origin {
        Configured, ///< added or restored by the user
        Transient, ///< the built-in publisher's, a publisher channel's or a replay's
        Imported, ///< an imported log: a recording without a connection
        /// the streams a capture proxy passed (Feed::isCaptured()); shown with the note
        /// "captured", kept after they end, never saved
        Captured,
    };
    Q_ENUM(Origin)

    enum Role {
        /// A line about what is missing (as FeedListDelegate::NoteRole), empty when nothing is.
        NoteRole = Qt::UserRole + 1,
        StateRole, ///< Feed::ReadyState as int
        FeedRole, ///< the Feed *
    };

    explicit FeedList(QObject *parent = nullptr);
    ~FeedList() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;

    /// Appends a feed (named after its URL when it has no name, given a FeedConfig::id when it
    /// has none), closed, and makes it current.
    /// `fileName` is the log an Imported feed was read from.
    Feed *add(const FeedConfig &config, Origin origin = Origin::Configured,
            const QString &fileName = {});

    /// Gives the feed at `index` a new configuration (named as add() does; without an id, it
    /// keeps its own); it is left closed.
    void update(int index, const FeedConfig &config);

    /// Tells views that `feed`'s configuration changed without update() (provideSecrets()).
    void refresh(const Feed *feed);

    /// Closes and deletes the feed at `index`. When it was current, the one before it becomes
    /// current, or else the next one (as a list view's selection does).
    void remove(int index);

    [[nodiscard]] int count() const { return int(m_entries.size()); }

    /// The feed at `index`; null when there is none.
    [[nodiscard]] Feed *at(int index) const;

    /// The row of `feed`; -1 when it is not in the list.
    [[nodiscard]] int indexOf(const Feed *feed) const;

    /// Configured for a feed that is not in the list.
    [[nodiscard]] Origin origin(const Feed *feed) const;

    /// True for feeds added as Origin::Imported.
    [[nodiscard]] bool isImported(const Feed *feed) const
    {
        return origin(feed) == Origin::Imported;
    }

    /// True for feeds added as Origin::Captured.
    [[nodiscard]] bool isCaptured(const Feed *feed) const
    {
        return origin(feed) == Origin::Captured;
    }

    /// The configurations of the Configured feeds, in order, with whether each is connected.
    [[nodiscard]] QList<std::pair<FeedConfig, bool>> savedFeeds() const;

    /// -1 when the list is empty.
    [[nodiscard]] int currentIndex() const { return m_current; }

    void setCurrentIndex(int index);

    [[nodiscard]] Feed *current() const { return at(m_current); }

    /// Closes every feed.
    void closeAll();

Q_SIGNALS:
    void currentIndexChanged(int index);

private:
    struct Entry
    {
        std::unique_ptr<Feed> feed;
        Origin origin = Origin::Configured;
        QString fileName;
    };

    [[nodiscard]] QString toolTip(const Entry &entry) const;
    void onStateChanged(const Feed *feed);

    std::vector<Entry> m_entries;
    int m_current = -1;
};
