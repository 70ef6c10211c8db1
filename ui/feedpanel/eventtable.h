// SPDX-License-Identifier: MIT
// EventTable: one feed's event log as a table that follows live and never moves under the user.
#pragma once

#include "ui/widgets/emptystatelabel.h"

#include <QByteArray>
#include <QList>
#include <QTableView>

#include <array>

QT_BEGIN_NAMESPACE
class QAction;
QT_END_NAMESPACE

class EventFilterModel;
class EventLogModel;

/// The table of a feed's log: an EventFilterModel over an EventLogModel.
///
/// Following live (followLiveAction(), on by default) keeps the newest row in view; scrolling
/// up or selecting a row turns it off, End (in the table) turns it on again. The selection stays
/// on the same events while rows arrive and the oldest leave; when the current event leaves
/// (evicted from the ring, or hidden by a filter) the selection clears and currentEventLeft()
/// says why. While not following, the rows in view stay in view as rows leave above them.
///
/// The ID and Type columns widen to fit what arrives (leaving the data a third of the view),
/// until the user sizes them; Size fits any size. Ctrl+C copies the data of the selected rows, one
/// a line; Ctrl+Shift+C copies them as SSE wire lines (overriding the window's shortcut while the
/// table has focus). The context menu adds "Filter by this type" and "Show in timeline". While no
/// row shows, a message (setEmptyState(); objectName "emptyStateLabel") sits in the middle of the
/// viewport. The actions are named "copyDataAction", "copySseAction", "filterByTypeAction" and
/// "showInTimelineAction".
class EventTable final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventTable)
    Q_PROPERTY(bool followLive READ followsLive WRITE setFollowLive NOTIFY followLiveChanged)

public:
    /// Why the current event left the table.
    enum class Departure {
        Evicted, ///< the log's ring buffer dropped it for newer records
        Filtered ///< a filter hides it
    };
    Q_ENUM(Departure)

    explicit EventTable(QWidget *parent = nullptr);
    ~EventTable() override;

    /// Shows `log` through `filter`, whose source model it sets; neither is owned. Call once.
    void setModels(EventFilterModel *filter, EventLogModel *log);

    [[nodiscard]] bool followsLive() const { return m_followLive; }

    /// The checkable "Follow live" action (objectName "followLiveAction").
    [[nodiscard]] QAction *followLiveAction() const { return m_followAction; }

    /// The log rows of the selected rows, in the table's order.
    [[nodiscard]] QList<int> selectedLogRows() const;
    /// What Ctrl+C copies: the data of each selected row (a comment's text), one a line.
    [[nodiscard]] QString selectedDataText() const;
    /// What Ctrl+Shift+C copies: each selected row as text/event-stream lines: the lines as they
    /// arrived where the log kept them, else as Sse::Wire writes the event or comment.
    [[nodiscard]] QByteArray selectedSseText() const;

    /// The message over the viewport; State::None hides it.
    void setEmptyState(EmptyStateLabel::State state);

public Q_SLOTS:
    void setFollowLive(bool follow);
    void copyData();
    void copySse();

Q_SIGNALS:
    void followLiveChanged(bool follow);
    /// The current row is now the log row `logRow` (-1: none).
    void currentLogRowChanged(int logRow);
    /// The current event left the table and the selection was cleared.
    void currentEventLeft(EventTable::Departure why);
    /// "Filter by this type" on a row of type `type`.
    void filterByTypeRequested(const QString &type);
    /// "Show in timeline" on a row received at `receivedMs`.
    void showInTimelineRequested(qint64 receivedMs);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void selectionChanged(
            const QItemSelection &selected, const QItemSelection &deselected) override;

private:
    /// How an auto-fitting column has been sized so far.
    struct Fit
    {
        qsizetype longest = 0; ///< bytes of the longest text measured
        bool userSized = false; ///< the user dragged it: leave it alone
    };

    void createActions();
    void setUpColumns();
    void updateActions();
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onScrollValueChanged(int value);
    void onScrollRangeChanged();
    void scrollToBottomQuietly();
    void fitColumn(int column, int row, qsizetype length);
    void setColumnWidthQuietly(int column, int width);
    [[nodiscard]] int logRow(const QModelIndex &index) const;
    [[nodiscard]] bool isLogRowEvent(int logRow) const;

    EventFilterModel *m_filter = nullptr;
    EventLogModel *m_log = nullptr;
    EmptyStateLabel *m_emptyLabel = nullptr;
    QAction *m_followAction = nullptr;
    QAction *m_copyDataAction = nullptr;
    QAction *m_copySseAction = nullptr;
    QAction *m_filterByTypeAction = nullptr;
    QAction *m_showInTimelineAction = nullptr;
    std::array<Fit, 2> m_fits{}; ///< the ID and Type columns
    bool m_followLive = true;
    bool m_scrolling = false; ///< the table scrolls itself: not the user
    bool m_sizing = false; ///< the table sizes a column itself: not the user
    bool m_evicting = false; ///< the log is removing rows
    bool m_currentLeaving = false; ///< between rowsAboutToBeRemoved() and rowsRemoved()
    bool m_leavingEvicted = false; ///< the current row goes because the log drops it
    int m_removedAbove = 0; ///< rows being removed above the first row in view
};
