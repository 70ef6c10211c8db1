// SPDX-License-Identifier: MIT
// EventTable: one feed's event log as a table that follows live and never moves under the user.
#include "eventtable.h"

#include "sselib/wire.h"
#include "ui/models/eventfiltermodel.h"
#include "ui/models/eventlogmodel.h"
#include "ui/widgets/colordecorationdelegate.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QStyle>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;
using Sse::EventLog::Record;

namespace {

constexpr int MaxFitChars = 48; // a UUID fits; longer ids and types elide
constexpr std::array<int, 2> FitColumns{EventLogModel::IdColumn, EventLogModel::TypeColumn};
const QKeySequence CopySseKeys(Qt::CTRL | Qt::SHIFT | Qt::Key_C);

bool isCopySse(const QKeyEvent *event)
{
    return QKeySequence(event->keyCombination()) == CopySseKeys;
}

bool isCopyData(const QKeyEvent *event)
{
    return event->matches(QKeySequence::Copy);
}

// The widest text the Size column can show, so that its width never changes.
QString widestSizeText(const QFontMetrics &metrics)
{
    QString widest = EventLogModel::sizeText(1023);
    for (qint64 unit = 1024; unit <= qint64(1) << 40; unit *= 1024) {
        const QString text = EventLogModel::sizeText(unit * 1023 + unit - unit / 10);
        if (metrics.horizontalAdvance(text) > metrics.horizontalAdvance(widest))
            widest = text;
    }
    return widest;
}

} // namespace

EventTable::EventTable(QWidget *parent)
    : QTableView(parent)
    , m_emptyLabel(new EmptyStateLabel(viewport()))
{
    setObjectName(u"eventTable"_s);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setWordWrap(false);
    setShowGrid(false);
    setAlternatingRowColors(true);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Per item: the scroll bar's value is the first row in view, which eviction shifts.
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The type and id columns decorate with colours: one icon each, not one per paint.
    setItemDelegate(new ColorDecorationDelegate(this));

    // Fixed, uniform rows: the view never measures row contents, whatever the rate.
    QHeaderView *vertical = verticalHeader();
    vertical->setSectionResizeMode(QHeaderView::Fixed);
    vertical->setDefaultSectionSize(fontMetrics().height() + 6);
    vertical->hide();
    createActions();

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            &EventTable::onScrollValueChanged);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this,
            &EventTable::onScrollRangeChanged);
}

EventTable::~EventTable() = default;

void EventTable::createActions()
{
    m_followAction = new QAction(tr("Follow live"), this);
    m_followAction->setObjectName(u"followLiveAction"_s);
    m_followAction->setCheckable(true);
    m_followAction->setChecked(m_followLive);
    m_followAction->setToolTip(tr("Keep the newest event in view (End in the table). Scrolling "
                                  "up or selecting a row stops following."));
    connect(m_followAction, &QAction::toggled, this, &EventTable::setFollowLive);

    const auto make = [this](const QString &text, const QString &name) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        return action;
    };
    // The shortcuts are shown in the menu; keyPressEvent() does the work, so that Ctrl+Shift+C
    // wins over the window's shortcut only while the table has focus.
    m_copyDataAction = make(tr("Copy Data"), u"copyDataAction"_s);
    m_copyDataAction->setShortcut(QKeySequence::Copy);
    m_copyDataAction->setToolTip(tr("Copy the data of the selected events, one a line"));
    connect(m_copyDataAction, &QAction::triggered, this, &EventTable::copyData);
    m_copySseAction = make(tr("Copy as SSE"), u"copySseAction"_s);
    m_copySseAction->setShortcut(CopySseKeys);
    m_copySseAction->setToolTip(tr("Copy the selected events as text/event-stream lines"));
    connect(m_copySseAction, &QAction::triggered, this, &EventTable::copySse);
    for (QAction *action : {m_copyDataAction, m_copySseAction}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        action->setShortcutVisibleInContextMenu(true);
    }
    m_filterByTypeAction = make(tr("Filter by This Type"), u"filterByTypeAction"_s);
    connect(m_filterByTypeAction, &QAction::triggered, this, [this] {
        const int row = logRow(currentIndex());
        if (isLogRowEvent(row))
            Q_EMIT filterByTypeRequested(QString::fromUtf8(m_log->record(row).event.type));
    });
    m_showInTimelineAction = make(tr("Show in Timeline"), u"showInTimelineAction"_s);
    connect(m_showInTimelineAction, &QAction::triggered, this, [this] {
        const int row = logRow(currentIndex());
        if (row >= 0)
            Q_EMIT showInTimelineRequested(m_log->record(row).event.receivedMs);
    });
    updateActions();
}

void EventTable::setModels(EventFilterModel *filter, EventLogModel *log)
{
    Q_ASSERT(filter && log && !filter->sourceModel() && !m_filter);
    m_filter = filter;
    m_log = log;
    // Rows the log removes were evicted. The filter removes its rows while the log is about to
    // (or, in other Qt versions, has just): these connections bracket both.
    connect(log, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { m_evicting = true; });
    filter->setSourceModel(log);
    connect(log, &QAbstractItemModel::rowsRemoved, this, [this] { m_evicting = false; });
    // Before setModel(): this must see a removal before the view and the selection model move
    // the current index off the rows that go.
    connect(filter, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &EventTable::onRowsAboutToBeRemoved);
    setModel(filter);
    connect(filter, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &parent) { onRowsRemoved(parent); });
    connect(filter, &QAbstractItemModel::rowsInserted, this, &EventTable::onRowsInserted);
    setUpColumns();
    updateActions();
}

void EventTable::setUpColumns()
{
    QHeaderView *horizontal = horizontalHeader();
    horizontal->setSectionResizeMode(QHeaderView::Interactive);
    horizontal->setStretchLastSection(false);
    horizontal->setHighlightSections(false);
    const int charWidth = fontMetrics().averageCharWidth();
    const int padding = charWidth * 3;
    setColumnWidth(EventLogModel::TimeColumn,
            fontMetrics().horizontalAdvance(u"00:00:00.000"_s) + padding);
    // Wide enough for the header and "message"; longer names widen it as they arrive, so the
    // data column keeps the room when every event is a "message".
    setColumnWidth(EventLogModel::TypeColumn,
            std::max(horizontal->sectionSizeHint(EventLogModel::TypeColumn),
                    fontMetrics().horizontalAdvance(u"message"_s) + padding));
    setColumnWidth(EventLogModel::IdColumn,
            std::max(horizontal->sectionSizeHint(EventLogModel::IdColumn), charWidth * 8));
    const int textMargin = style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1;
    setColumnWidth(EventLogModel::SizeColumn,
            std::max(horizontal->sectionSizeHint(EventLogModel::SizeColumn),
                    fontMetrics().horizontalAdvance(widestSizeText(fontMetrics())) + 2 * textMargin
                            + charWidth));
    horizontal->setSectionResizeMode(EventLogModel::DataColumn, QHeaderView::Stretch);
    connect(horizontal, &QHeaderView::sectionResized, this, [this](int column) {
        for (std::size_t i = 0; i < FitColumns.size(); ++i) {
            if (FitColumns[i] == column && !m_sizing)
                m_fits[i].userSized = true;
        }
    });
}

void EventTable::setFollowLive(bool follow)
{
    if (follow == m_followLive)
        return;
    m_followLive = follow;
    m_followAction->setChecked(follow);
    if (follow)
        scrollToBottomQuietly();
    Q_EMIT followLiveChanged(follow);
}

void EventTable::scrollToBottomQuietly()
{
    const QScopedValueRollback guard(m_scrolling, true);
    scrollToBottom();
}

void EventTable::onScrollValueChanged(int value)
{
    // Only the user moves the bar off the bottom; the table's own moves are quiet.
    if (!m_scrolling && value < verticalScrollBar()->maximum())
        setFollowLive(false);
}

void EventTable::onScrollRangeChanged()
{
    if (m_followLive)
        scrollToBottomQuietly();
}

void EventTable::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const QModelIndex current = currentIndex();
    if (current.isValid() && current.row() >= first && current.row() <= last) {
        m_currentLeaving = true;
        m_leavingEvicted = m_evicting;
    }
    const int top = verticalScrollBar()->value();
    m_removedAbove = m_followLive ? 0 : std::max(0, std::min(last + 1, top) - first);
}

void EventTable::onRowsRemoved(const QModelIndex &parent)
{
    if (parent.isValid())
        return;
    if (m_removedAbove > 0) {
        const QScopedValueRollback guard(m_scrolling, true);
        verticalScrollBar()->setValue(verticalScrollBar()->value() - m_removedAbove);
        m_removedAbove = 0;
    }
    if (!m_currentLeaving)
        return;
    selectionModel()->clear();
    m_currentLeaving = false;
    viewport()->update();
    Q_EMIT currentLogRowChanged(-1);
    Q_EMIT currentEventLeft(m_leavingEvicted ? Departure::Evicted : Departure::Filtered);
}

void EventTable::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    for (int row = first; row <= last; ++row) {
        const Record &record = m_log->record(logRow(m_filter->index(row, 0)));
        const bool isEvent = record.kind == Record::Kind::Event;
        fitColumn(EventLogModel::IdColumn, row, record.event.lastEventId.size());
        fitColumn(EventLogModel::TypeColumn, row, isEvent ? record.event.type.size() : 0);
    }
}

// Measures a cell only when its text is longer than any before: a few times per feed, not per
// row, whatever the rate.
void EventTable::fitColumn(int column, int row, qsizetype length)
{
    Fit &fit = m_fits[column == FitColumns[0] ? 0 : 1];
    if (fit.userSized || length <= fit.longest)
        return;
    fit.longest = length;
    const QModelIndex index = m_filter->index(row, column);
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    // The data column keeps a third of the view: it is what the table is for.
    int others = 0;
    for (int c = 0; c < EventLogModel::ColumnCount; ++c)
        others += c == column || c == EventLogModel::DataColumn ? 0 : columnWidth(c);
    const int room = viewport()->width() * 2 / 3 - others;
    const int wanted = std::min({itemDelegateForIndex(index)->sizeHint(option, index).width(),
            fontMetrics().averageCharWidth() * MaxFitChars, room});
    if (wanted > columnWidth(column))
        setColumnWidthQuietly(column, wanted);
}

void EventTable::setColumnWidthQuietly(int column, int width)
{
    const QScopedValueRollback guard(m_sizing, true);
    setColumnWidth(column, width);
}

void EventTable::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    // While its row goes, the selection model moves the current index to a neighbour; that is
    // no choice of the user's: no detail, no scrolling to it.
    if (m_currentLeaving)
        return;
    QTableView::currentChanged(current, previous);
    updateActions();
    Q_EMIT currentLogRowChanged(logRow(current));
}

void EventTable::selectionChanged(const QItemSelection &selected, const QItemSelection &deselected)
{
    QTableView::selectionChanged(selected, deselected);
    if (!m_currentLeaving && !selected.isEmpty())
        setFollowLive(false);
    updateActions();
}

void EventTable::updateActions()
{
    const bool hasSelection = selectionModel() && selectionModel()->hasSelection();
    m_copyDataAction->setEnabled(hasSelection);
    m_copySseAction->setEnabled(hasSelection);
    const int row = m_log ? logRow(currentIndex()) : -1;
    m_showInTimelineAction->setEnabled(row >= 0);
    const bool isEvent = isLogRowEvent(row);
    m_filterByTypeAction->setEnabled(isEvent);
    m_filterByTypeAction->setText(isEvent
                    ? tr("Filter by Type “%1”")
                              .arg(QString::fromUtf8(m_log->record(row).event.type))
                    : tr("Filter by This Type"));
}

QList<int> EventTable::selectedLogRows() const
{
    QModelIndexList rows = selectionModel() ? selectionModel()->selectedRows() : QModelIndexList();
    std::sort(rows.begin(), rows.end(),
            [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<int> logRows;
    logRows.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows))
        logRows.append(logRow(index));
    return logRows;
}

QString EventTable::selectedDataText() const
{
    QByteArray out;
    const QList<int> rows = selectedLogRows();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Record &record = m_log->record(rows.at(i));
        if (i > 0)
            out.append('\n');
        out.append(record.kind == Record::Kind::Comment ? record.text : record.event.data);
    }
    return QString::fromUtf8(out);
}

QByteArray EventTable::selectedSseText() const
{
    QByteArray out;
    const QList<int> rows = selectedLogRows();
    for (const int row : rows) {
        const Record &record = m_log->record(row);
        const Sse::Event &event = record.event;
        const QByteArray raw = m_log->rawLines(row);
        if (record.kind == Record::Kind::Comment)
            out.append(Sse::Wire::comment(record.text));
        else if (!raw.isEmpty())
            out.append(raw);
        else
            out.append(Sse::Wire::event(event.data,
                    event.type == "message" ? QByteArrayView() : QByteArrayView(event.type),
                    event.lastEventId));
    }
    return out;
}

void EventTable::copyData()
{
    if (!selectionModel()->hasSelection())
        return;
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(selectedDataText());
}

void EventTable::copySse()
{
    if (!selectionModel()->hasSelection())
        return;
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(QString::fromUtf8(selectedSseText()));
}

void EventTable::setEmptyState(EmptyStateLabel::State state)
{
    m_emptyLabel->setState(state);
}

bool EventTable::event(QEvent *event)
{
    // The copy keys and Delete are the table's while it has focus, ahead of any window shortcut.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        // Delete on a selected event must not reach the window's "Remove Feed".
        const bool isDelete = key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier;
        if (isCopySse(key) || isCopyData(key) || isDelete) {
            event->accept();
            return true;
        }
    }
    return QTableView::event(event);
}

void EventTable::keyPressEvent(QKeyEvent *event)
{
    if (isCopySse(event)) {
        copySse();
    } else if (isCopyData(event)) {
        copyData();
    } else if (event->key() == Qt::Key_End && event->modifiers() == Qt::NoModifier) {
        setFollowLive(true);
    } else {
        QTableView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void EventTable::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index =
            event->reason() == QContextMenuEvent::Mouse ? indexAt(event->pos()) : currentIndex();
    if (!index.isValid()) {
        event->ignore();
        return;
    }
    if (!selectionModel()->isRowSelected(index.row(), index.parent()))
        setCurrentIndex(index);
    else
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    QMenu menu(this);
    menu.addActions({m_copyDataAction, m_copySseAction});
    menu.addSeparator();
    menu.addActions({m_filterByTypeAction, m_showInTimelineAction});
    menu.exec(event->globalPos());
    event->accept();
}

int EventTable::logRow(const QModelIndex &index) const
{
    if (!index.isValid() || !m_filter)
        return -1;
    return m_filter->mapToSource(index).row();
}

bool EventTable::isLogRowEvent(int logRow) const
{
    return logRow >= 0 && m_log->record(logRow).kind == Record::Kind::Event;
}
