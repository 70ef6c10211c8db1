// SPDX-License-Identifier: MIT
// FeedPanel: one feed's status header, filters, event table, detail pane and timeline.
#pragma once

#include "eventtable.h"

#include "ui/models/feed.h"

#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolButton;
QT_END_NAMESPACE

class ConnectionView;
class DetailPane;
class EventFilterModel;
class LlmView;
class Sparkline;
class TimelineWidget;

/// Everything about one Feed, always visible: a status header (ready state in the standard's
/// words and colours, counters, events per second with a sparkline, last error; values that do
/// not fit are elided, with the full text in their tooltips), a filter bar with the "Follow
/// live" toggle, the event table (EventTable), beside it the tabs "Event" (the detail pane of
/// the current row), "Connection" (requests, responses and diagnostics; its title counts the
/// warnings of the newest connection) and, for LLM feeds only, "LLM" (the assembled answer), and
/// the connection timeline. Empty views say why they are empty. Ctrl+F focuses the text filter,
/// Ctrl+L clears the log; in the filter fields, Ctrl+letter shortcuts of the window (Ctrl+E
/// export, ...) still work. An imported recording shows "IMPORTED", when its records arrived
/// and on how many connections instead of live values; a feed whose secret headers lack values
/// says which, under the header, and a feed that ignores TLS certificate errors says so there
/// ("tlsNote"), as do its connection page and report.
///
/// Its parts have object names, for tests and tools: the "eventTable", the "sideTabs" with the
/// "detailPane", "connectionView" and "llmView", the "timeline", the "sparkline" in the
/// "stateStrip", and in the "filterBar" the "typeButton" (with its "typeMenu"),
/// "textFilterEdit", "regexButton", "idFilterEdit", "commentsButton", "followLiveButton" and
/// "clearButton".
class FeedPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedPanel)

public:
    /// The tabs beside the table, in this order; LlmTab exists only for LLM feeds.
    enum SideTab {
        EventTab,
        ConnectionTab,
        LlmTab
    };

    /// Shows `feed` (not owned; it must outlive the panel or be deleted with it).
    explicit FeedPanel(Feed *feed, QWidget *parent = nullptr);
    ~FeedPanel() override;

    [[nodiscard]] Feed *feed() const { return m_feed; }

    [[nodiscard]] QTableView *tableView() const { return m_table; }

    [[nodiscard]] EventTable *eventTable() const { return m_table; }

    [[nodiscard]] EventFilterModel *filterModel() const { return m_filter; }

    /// Warnings and problems among the newest connection's findings.
    [[nodiscard]] int connectionWarningCount() const { return m_warningCount; }

    /// "OPEN (1)" and so on.
    [[nodiscard]] QString stateText() const;
    /// Every field of the status header, one "name: value" a line.
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] static QString stateLabel(Feed::ReadyState state);

public Q_SLOTS:
    /// Removes every row of the log (the feed's counters go on).
    void clearLog();
    /// Rebuilds the type checklist from the types seen so far.
    void refreshTypeMenu();
    /// Reads the feed's counters into the header now (statsChanged() does it otherwise).
    void updateStatus();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createStatusBar();
    QWidget *createFilterBar();
    void setUpTable();
    void applyTextFilter();
    void onCurrentLogRowChanged(int logRow);
    void onCurrentEventLeft(EventTable::Departure why);
    void filterByType(const QString &type);
    void updateTypeButton();
    void updateEmptyStates();
    void updateErrorLabel();
    void updateStateBadge();
    void updateConnections();
    void updateLlmTab();
    void updateRetryLabel();
    void updateSecretsNote();
    void updateTlsNote();
    void showRecordingStatus();
    void fitTimelineToRecording();

    QPointer<Feed> m_feed;
    EventFilterModel *m_filter = nullptr;
    EventTable *m_table = nullptr;
    DetailPane *m_detail = nullptr;
    ConnectionView *m_connectionView = nullptr;
    LlmView *m_llmView = nullptr;
    QTabWidget *m_sideTabs = nullptr;
    int m_warningCount = 0;
    TimelineWidget *m_timeline = nullptr;
    Sparkline *m_sparkline = nullptr;

    QLabel *m_stateLabel = nullptr;
    QLabel *m_eventsLabel = nullptr;
    QLabel *m_rateLabel = nullptr;
    QLabel *m_bytesLabel = nullptr;
    QLabel *m_reconnectsLabel = nullptr;
    QLabel *m_retryLabel = nullptr;
    QLabel *m_lastIdLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QString m_errorText;
    QLabel *m_secretsNote = nullptr; ///< which secret headers need a value before connecting
    QLabel *m_tlsNote = nullptr; ///< shown while the feed ignores TLS certificate errors
    bool m_timelineFitted = false; ///< a recording's timeline was fitted to its span

    QToolButton *m_typeButton = nullptr;
    QMenu *m_typeMenu = nullptr;
    QLineEdit *m_textEdit = nullptr;
    QToolButton *m_regexButton = nullptr;
    QLineEdit *m_idEdit = nullptr;
    QToolButton *m_commentsButton = nullptr;
    QToolButton *m_followButton = nullptr;
    QToolButton *m_clearButton = nullptr;
};
