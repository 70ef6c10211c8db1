// SPDX-License-Identifier: MIT
// FeedPanel: one feed's status header, filters, event table, detail pane and timeline.
#include "feedpanel.h"

#include "connectionview.h"
#include "detailpane.h"
#include "llmview.h"
#include "sparkline.h"

#include "ui/models/eventfiltermodel.h"
#include "ui/timeline/timelinetext.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/widgets/elidedlabel.h"
#include "ui/widgets/emptystatelabel.h"
#include "ui/widgets/plaintooltip.h"

#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QShortcut>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int MaxTypeButtonChars = 24; // "Type: <name>" elides longer names

QLabel *makeValueLabel(QWidget *parent, const QString &name, const QString &toolTip)
{
    auto *label = new ElidedLabel(parent);
    label->setObjectName(name);
    label->setToolTip(toolTip);
    return label;
}

QFrame *makeSeparator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

// "12:01:03 – 12:05:40 (4 min 37 s)": when a recording's records arrived, as short as the
// times in the table (the end gets its date when it falls on another day).
QString spanText(const TimeRange &span)
{
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(span.startMs);
    const QDateTime last = QDateTime::fromMSecsSinceEpoch(span.endMs);
    const QString end =
            last.toString(first.date() == last.date() ? u"hh:mm:ss"_s : u"yyyy-MM-dd hh:mm:ss"_s);
    return FeedPanel::tr("%1 \u2013 %2 (%3)")
            .arg(first.toString(u"hh:mm:ss"_s), end, TimelineText::duration(span.length()));
}

// The long form, for the tooltip: dates and milliseconds.
QString spanToolTip(const TimeRange &span)
{
    const QString format = u"yyyy-MM-dd hh:mm:ss.zzz"_s;
    return FeedPanel::tr("Recorded from %1 to %2")
            .arg(QDateTime::fromMSecsSinceEpoch(span.startMs).toString(format),
                    QDateTime::fromMSecsSinceEpoch(span.endMs).toString(format));
}

QToolButton *makeToggle(QWidget *parent, const QString &text, const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setCheckable(true);
    button->setAutoRaise(true);
    return button;
}

// Whether a filter field should leave a key to the window's shortcuts. Line edits claim
// Ctrl+letter keys for emacs-style moves on Linux desktops (Ctrl+E: end of line), which would
// swallow Ctrl+E (export) there; the clipboard, undo and select-all keys stay the field's. A key
// no shortcut takes still reaches the field.
bool leavesToShortcuts(const QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::ShiftModifier;
    if (!(modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)))
        return false;
    if (event->key() < Qt::Key_A || event->key() > Qt::Key_Z)
        return false;
    for (const QKeySequence::StandardKey key :
            {QKeySequence::Copy, QKeySequence::Cut, QKeySequence::Paste, QKeySequence::Undo,
                    QKeySequence::Redo, QKeySequence::SelectAll}) {
        if (event->matches(key))
            return false;
    }
    return true;
}

} // namespace

FeedPanel::FeedPanel(Feed *feed, QWidget *parent)
    : QWidget(parent)
    , m_feed(feed)
    , m_filter(new EventFilterModel(this))
    , m_table(new EventTable(this))
    , m_detail(new DetailPane(this))
    , m_connectionView(new ConnectionView(this))
    , m_sideTabs(new QTabWidget(this))
    , m_timeline(new TimelineWidget(this))
{
    Q_ASSERT(feed);
    m_detail->setObjectName(u"detailPane"_s);
    m_connectionView->setObjectName(u"connectionView"_s);
    m_sideTabs->setObjectName(u"sideTabs"_s);
    m_timeline->setObjectName(u"timeline"_s);
    m_timeline->setHistory(feed->history());

    QWidget *status = createStatusBar();
    QWidget *filters = createFilterBar();
    setUpTable();

    auto *tableAndDetail = new QSplitter(Qt::Horizontal, this);
    tableAndDetail->setChildrenCollapsible(false);
    tableAndDetail->addWidget(m_table);
    m_sideTabs->setDocumentMode(true);
    m_sideTabs->addTab(m_detail, tr("Event"));
    m_sideTabs->addTab(m_connectionView, tr("Connection"));
    m_sideTabs->setTabToolTip(EventTab, tr("The selected event"));
    tableAndDetail->addWidget(m_sideTabs);
    tableAndDetail->setStretchFactor(0, 3);
    tableAndDetail->setStretchFactor(1, 2);

    auto *main = new QSplitter(Qt::Vertical, this);
    main->setChildrenCollapsible(false);
    main->addWidget(tableAndDetail);
    main->addWidget(m_timeline);
    main->setStretchFactor(0, 1);
    main->setStretchFactor(1, 0);

    m_secretsNote = new QLabel(this);
    m_secretsNote->setObjectName(u"secretsNote"_s);
    m_secretsNote->setWordWrap(true);
    m_secretsNote->hide();
    m_tlsNote = new QLabel(this);
    m_tlsNote->setObjectName(u"tlsNote"_s);
    m_tlsNote->setTextFormat(Qt::PlainText);
    m_tlsNote->setWordWrap(true);
    m_tlsNote->setStyleSheet(u"color: #c62828; font-weight: bold;"_s);
    m_tlsNote->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(status);
    layout->addWidget(m_secretsNote);
    layout->addWidget(m_tlsNote);
    layout->addWidget(filters);
    layout->addWidget(main, 1);

    auto *findShortcut = new QShortcut(QKeySequence::Find, this);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findShortcut, &QShortcut::activated, this, [this] {
        m_textEdit->setFocus(Qt::ShortcutFocusReason);
        m_textEdit->selectAll();
    });
    auto *clearShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    clearShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(clearShortcut, &QShortcut::activated, this, &FeedPanel::clearLog);

    connect(feed, &Feed::statsChanged, this, &FeedPanel::updateStatus);
    connect(feed, &Feed::readyStateChanged, this, &FeedPanel::updateStatus);
    connect(feed, &Feed::statsChanged, this, &FeedPanel::updateEmptyStates);
    connect(feed, &Feed::readyStateChanged, this, &FeedPanel::updateEmptyStates);
    connect(feed, &Feed::connectionsChanged, this, &FeedPanel::updateConnections);
    connect(feed, &Feed::llmChanged, this, [this] {
        if (m_llmView && m_feed)
            m_llmView->setStream(m_feed->llmStream());
        updateEmptyStates();
    });
    updateConnections();
    updateStatus();
    updateEmptyStates();
    // An LLM feed is read as text first.
    if (m_llmView)
        m_sideTabs->setCurrentIndex(LlmTab);
}

FeedPanel::~FeedPanel() = default;

QWidget *FeedPanel::createStatusBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(u"stateStrip"_s);
    m_stateLabel = new QLabel(bar);
    m_stateLabel->setObjectName(u"stateLabel"_s);
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setAlignment(Qt::AlignCenter);
    m_stateLabel->setAutoFillBackground(true);
    m_stateLabel->setToolTip(tr("readyState of the feed's EventSource"));
    QFont bold = m_stateLabel->font();
    bold.setBold(true);
    m_stateLabel->setFont(bold);
    m_stateLabel->setMinimumWidth(
            QFontMetrics(bold).horizontalAdvance(stateLabel(Feed::ReadyState::Connecting)) + 16);

    m_eventsLabel =
            makeValueLabel(bar, u"eventsLabel"_s, tr("Events received (comments in brackets)"));
    m_rateLabel = makeValueLabel(bar, u"rateLabel"_s, tr("Events per second over the last second"));
    m_sparkline = new Sparkline(bar);
    m_sparkline->setObjectName(u"sparkline"_s);
    m_sparkline->setCapacity(Feed::RateHistorySeconds);
    m_sparkline->setToolTip(tr("Events per second, last minute"));
    m_bytesLabel = makeValueLabel(bar, u"bytesLabel"_s, tr("Bytes received"));
    m_reconnectsLabel =
            makeValueLabel(bar, u"reconnectsLabel"_s, tr("Connections after the first"));
    m_retryLabel = makeValueLabel(bar, u"retryLabel"_s, tr("Current reconnection time"));
    m_lastIdLabel = makeValueLabel(bar, u"lastIdLabel"_s, tr("Last event ID"));
    m_errorLabel = makeValueLabel(bar, u"errorLabel"_s, tr("The feed's last error"));
    // When the strip is short of room, the error text (its tooltip has it whole) and a long id
    // give way first, so that the counters stay readable.
    m_errorLabel->setSizePolicy(QSizePolicy::Ignored, m_errorLabel->sizePolicy().verticalPolicy());
    m_lastIdLabel->setMaximumWidth(m_lastIdLabel->fontMetrics().averageCharWidth() * 48);

    // Two rows, so that a 1024 px window shows every counter whole: the counters, then the
    // last id and the last error, which can be long.
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(2);
    auto *layout = new QHBoxLayout;
    layout->setSpacing(8);
    auto *second = new QHBoxLayout;
    second->setSpacing(8);
    rows->addLayout(layout);
    rows->addLayout(second);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_eventsLabel);
    layout->addWidget(makeSeparator(bar));
    layout->addWidget(m_rateLabel);
    layout->addWidget(m_sparkline);
    layout->addWidget(makeSeparator(bar));
    layout->addWidget(m_bytesLabel);
    layout->addWidget(makeSeparator(bar));
    layout->addWidget(m_reconnectsLabel);
    layout->addWidget(makeSeparator(bar));
    layout->addWidget(m_retryLabel);
    layout->addStretch(1);
    second->addWidget(m_lastIdLabel);
    second->addWidget(makeSeparator(bar));
    second->addWidget(m_errorLabel, 1);
    return bar;
}

QWidget *FeedPanel::createFilterBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(u"filterBar"_s);

    m_typeButton = new QToolButton(bar);
    m_typeButton->setObjectName(u"typeButton"_s);
    m_typeButton->setText(tr("Types"));
    m_typeButton->setToolTip(tr("Show or hide event types"));
    m_typeButton->setPopupMode(QToolButton::InstantPopup);
    m_typeButton->setAutoRaise(true);
    m_typeMenu = new QMenu(m_typeButton);
    m_typeMenu->setObjectName(u"typeMenu"_s);
    m_typeButton->setMenu(m_typeMenu);
    connect(m_typeMenu, &QMenu::aboutToShow, this, &FeedPanel::refreshTypeMenu);

    m_textEdit = new QLineEdit(bar);
    m_textEdit->setObjectName(u"textFilterEdit"_s);
    m_textEdit->installEventFilter(this);
    m_textEdit->setPlaceholderText(tr("Filter data (Ctrl+F)"));
    m_textEdit->setClearButtonEnabled(true);
    connect(m_textEdit, &QLineEdit::textChanged, this, &FeedPanel::applyTextFilter);

    m_regexButton = makeToggle(bar, tr(".*"), tr("Treat the filter as a regular expression"));
    m_regexButton->setObjectName(u"regexButton"_s);
    connect(m_regexButton, &QToolButton::toggled, this, &FeedPanel::applyTextFilter);
    connect(m_filter, &EventFilterModel::textFilterErrorChanged, this,
            [this](const QString &error) {
                m_textEdit->setToolTip(error);
                QPalette palette = m_textEdit->parentWidget()->palette();
                if (!error.isEmpty())
                    palette.setColor(QPalette::Text, QColor(0xd8, 0x4f, 0x4f));
                m_textEdit->setPalette(palette);
            });

    m_idEdit = new QLineEdit(bar);
    m_idEdit->setObjectName(u"idFilterEdit"_s);
    m_idEdit->installEventFilter(this);
    m_idEdit->setPlaceholderText(tr("Filter id"));
    m_idEdit->setClearButtonEnabled(true);
    m_idEdit->setMaximumWidth(fontMetrics().averageCharWidth() * 18);
    connect(m_idEdit, &QLineEdit::textChanged, m_filter, &EventFilterModel::setIdFilter);

    m_commentsButton = makeToggle(bar, tr("Comments"), tr("Show comments and heartbeats"));
    m_commentsButton->setObjectName(u"commentsButton"_s);
    m_commentsButton->setChecked(m_filter->showComments());
    connect(m_commentsButton, &QToolButton::toggled, m_filter, &EventFilterModel::setShowComments);

    m_followButton = new QToolButton(bar);
    m_followButton->setObjectName(u"followLiveButton"_s);
    m_followButton->setDefaultAction(m_table->followLiveAction());
    m_followButton->setAutoRaise(true);

    m_clearButton = new QToolButton(bar);
    m_clearButton->setObjectName(u"clearButton"_s);
    m_clearButton->setText(tr("Clear"));
    m_clearButton->setToolTip(tr("Remove every row (Ctrl+L)"));
    m_clearButton->setAutoRaise(true);
    connect(m_clearButton, &QToolButton::clicked, this, &FeedPanel::clearLog);

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_typeButton);
    layout->addWidget(m_textEdit, 1);
    layout->addWidget(m_regexButton);
    layout->addWidget(m_idEdit);
    layout->addWidget(m_commentsButton);
    layout->addWidget(m_followButton);
    layout->addWidget(m_clearButton);
    return bar;
}

void FeedPanel::setUpTable()
{
    m_table->setModels(m_filter, m_feed->model());
    connect(m_table, &EventTable::currentLogRowChanged, this, &FeedPanel::onCurrentLogRowChanged);
    connect(m_table, &EventTable::currentEventLeft, this, &FeedPanel::onCurrentEventLeft);
    connect(m_table, &EventTable::filterByTypeRequested, this, &FeedPanel::filterByType);
    connect(m_table, &EventTable::showInTimelineRequested, m_timeline, &TimelineWidget::markTime);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &FeedPanel::updateEmptyStates);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &FeedPanel::updateEmptyStates);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &FeedPanel::updateEmptyStates);
}

void FeedPanel::onCurrentLogRowChanged(int logRow)
{
    if (logRow < 0 || !m_feed) {
        m_detail->clear();
        return;
    }
    m_detail->setRecord(
            m_feed->model()->recordWithRawLines(logRow), m_feed->model()->isRawDropped(logRow));
}

void FeedPanel::onCurrentEventLeft(EventTable::Departure why)
{
    if (why == EventTable::Departure::Filtered) {
        m_detail->clear(tr("The selected event is hidden by the filter."));
        return;
    }
    m_detail->clear(tr("The selected event left the log: it keeps the newest %L1 records.")
                            .arg(m_feed ? m_feed->model()->capacity() : 0));
}

void FeedPanel::applyTextFilter()
{
    m_filter->setTextFilter(m_textEdit->text(), m_regexButton->isChecked());
}

void FeedPanel::refreshTypeMenu()
{
    m_typeMenu->clear();
    if (!m_feed)
        return;
    const QStringList types = m_feed->model()->typesSeen();
    if (types.isEmpty()) {
        m_typeMenu->addAction(tr("No events yet"))->setEnabled(false);
        return;
    }
    m_typeMenu->addAction(tr("Show all"), this, [this] {
        m_filter->setOnlyType({});
        m_filter->setHiddenTypes({});
        updateTypeButton();
    });
    m_typeMenu->addSeparator();
    const QString only = m_filter->onlyType();
    for (const QString &type : types) {
        QAction *action = m_typeMenu->addAction(type);
        action->setCheckable(true);
        action->setChecked(only.isEmpty() ? !m_filter->isTypeHidden(type) : type == only);
        // Changing the checklist ends "only this type": what was shown stays shown.
        connect(action, &QAction::toggled, this, [this, type, types](bool checked) {
            if (const QString onlyType = m_filter->onlyType(); !onlyType.isEmpty()) {
                QStringList others = types;
                others.removeAll(onlyType);
                m_filter->setHiddenTypes(others);
                m_filter->setOnlyType({});
            }
            m_filter->setTypeHidden(type, !checked);
            updateTypeButton();
        });
    }
}

void FeedPanel::filterByType(const QString &type)
{
    m_filter->setOnlyType(type);
    updateTypeButton();
}

void FeedPanel::updateTypeButton()
{
    const QString only = m_filter->onlyType();
    const QString shown = fontMetrics().elidedText(
            only, Qt::ElideMiddle, fontMetrics().averageCharWidth() * MaxTypeButtonChars);
    m_typeButton->setText(only.isEmpty() ? tr("Types") : tr("Type: %1").arg(shown));
    m_typeButton->setToolTip(only.isEmpty()
                    ? tr("Show or hide event types")
                    : PlainToolTip::text(
                            tr("Only events of type “%1” show; “Show all” in this menu ends it.")
                                    .arg(only)));
}

void FeedPanel::updateEmptyStates()
{
    Feed *feed = m_feed;
    if (!feed)
        return;
    const bool everConnected = feed->lastConnection() != nullptr;
    const bool received = feed->eventCount() + feed->commentCount() > 0;
    m_table->setEmptyState(EmptyStateLabel::pick(feed->readyState(), everConnected, received,
            feed->model()->rowCount(), m_filter->rowCount()));
    if (m_llmView) {
        // The answer restarts with each request: until its first token there is nothing.
        const bool hasText = !feed->llmStream().text().isEmpty();
        m_llmView->setEmptyState(
                EmptyStateLabel::pick(feed->readyState(), everConnected, false, 0, hasText));
    }
}

void FeedPanel::clearLog()
{
    if (!m_feed)
        return;
    m_feed->model()->clear();
    m_detail->clear();
    m_table->setFollowLive(true);
}

QString FeedPanel::stateLabel(Feed::ReadyState state)
{
    return tr("%1 (%2)").arg(TimelineWidget::stateName(state)).arg(int(state));
}

QString FeedPanel::stateText() const
{
    return m_stateLabel->text();
}

QString FeedPanel::statusText() const
{
    const QStringList lines{stateText(), m_eventsLabel->text(), m_rateLabel->text(),
            m_bytesLabel->text(), m_reconnectsLabel->text(), m_retryLabel->text(),
            m_lastIdLabel->text(), m_errorText.isEmpty() ? tr("No error") : m_errorText};
    return lines.join(u'\n');
}

void FeedPanel::updateStatus()
{
    if (!m_feed)
        return;
    const Feed &feed = *m_feed;
    const QLocale locale;
    updateStateBadge();
    m_eventsLabel->setText(
            tr("Events: %1 (+%2 comments)")
                    .arg(locale.toString(feed.eventCount()), locale.toString(feed.commentCount())));
    m_rateLabel->setText(tr("%1/s").arg(locale.toString(feed.eventsPerSecond(), 'f', 0)));
    m_sparkline->setValues(feed.rateHistory());
    m_bytesLabel->setText(tr("Bytes: %1").arg(locale.formattedDataSize(feed.bytesReceived())));
    m_reconnectsLabel->setText(tr("Reconnects: %1").arg(feed.reconnectCount()));
    updateRetryLabel();
    const QString lastId = QString::fromUtf8(feed.lastEventId());
    m_lastIdLabel->setText(tr("Last id: %1").arg(lastId.isEmpty() ? tr("(none)") : lastId));
    if (feed.lastError().isEmpty()) {
        m_errorText.clear();
    } else {
        m_errorText = feed.isLastErrorFatal() ? tr("Error (fatal): %1").arg(feed.lastError())
                                              : tr("Error: %1").arg(feed.lastError());
    }
    updateErrorLabel();
    updateLlmTab();
    updateSecretsNote();
    updateTlsNote();
    if (feed.isRecording())
        showRecordingStatus();
}

void FeedPanel::updateRetryLabel()
{
    const Feed &feed = *m_feed;
    const QLocale locale;
    if (!feed.isCaptured()) {
        m_retryLabel->setText(
                tr("Retry: %1 ms").arg(locale.toString(qint64(feed.reconnectionTime().count()))));
        m_retryLabel->setToolTip(tr("Current reconnection time"));
        return;
    }
    // The proxy sees only what the stream sent, not the reconnection time the app's client
    // uses by default: say so instead of showing a default as if it were the client's.
    const std::optional<std::chrono::milliseconds> sent = feed.capturedRetry();
    m_retryLabel->setText(sent
                    ? tr("Retry: %1 ms (sent)").arg(locale.toString(qint64(sent->count())))
                    : tr("Retry: not sent"));
    m_retryLabel->setToolTip(sent ? tr("The reconnection time the stream's last retry field set")
                                  : tr("The stream sent no retry field: the app's client uses "
                                       "its own default (3 s in browsers)"));
}

void FeedPanel::updateSecretsNote()
{
    const QString missing = m_feed->missingSecretsText();
    m_secretsNote->setText(missing.isEmpty()
                    ? QString()
                    : tr("%1: Connect asks for it before the request goes out.").arg(missing));
    m_secretsNote->setVisible(!missing.isEmpty());
}

void FeedPanel::updateTlsNote()
{
    const bool ignored = m_feed->config().options.ignoreTlsErrors;
    m_tlsNote->setText(ignored ? tr("TLS certificate errors are ignored for this feed: anyone "
                                    "between you and the server can read and change its events.")
                               : QString());
    m_tlsNote->setVisible(ignored);
    m_connectionView->setTlsErrorsIgnored(ignored);
}

void FeedPanel::showRecordingStatus()
{
    // Nothing about a recording is live: say what it holds instead of rates and retry times.
    const Feed &feed = *m_feed;
    const bool empty = feed.recordedConnections() == 0;
    m_rateLabel->setText(empty ? tr("Recorded: nothing")
                               : tr("Recorded: %1").arg(spanText(feed.recordedSpan())));
    m_rateLabel->setToolTip(empty ? QString() : spanToolTip(feed.recordedSpan()));
    m_sparkline->hide();
    m_bytesLabel->setText(tr("Bytes: \u2013"));
    m_bytesLabel->setToolTip(tr("Not recorded in the log"));
    m_reconnectsLabel->setText(tr("Connections: %1").arg(feed.recordedConnections()));
    m_reconnectsLabel->setToolTip(tr("Connections that carried the records"));
    m_retryLabel->setText(tr("Retry: \u2013"));
    m_retryLabel->setToolTip(tr("Not recorded in the log"));
    fitTimelineToRecording();
}

void FeedPanel::fitTimelineToRecording()
{
    // Once, when the timeline has its width: the recording, not the present, with a margin.
    if (m_timelineFitted || !m_feed || !m_feed->isRecording() || !m_timeline->isVisible()
            || m_feed->recordedConnections() == 0) {
        return;
    }
    const TimeRange span = m_feed->recordedSpan();
    const qint64 margin = std::max<qint64>(span.length() / 20, 1000);
    m_timeline->setVisibleRange(span.startMs - margin, span.endMs + margin);
    m_timelineFitted = true;
}

void FeedPanel::updateConnections()
{
    if (!m_feed)
        return;
    m_connectionView->setConnections(m_feed->connections());
    const ConnectionRecord *last = m_feed->lastConnection();
    m_warningCount = last ? last->warningCount() : 0;
    QStringList messages;
    if (last) {
        for (const Sse::Finding &finding : last->findings) {
            if (finding.severity != Sse::Finding::Severity::Info)
                messages.append(finding.message);
        }
    }
    const int tab = m_sideTabs->indexOf(m_connectionView);
    if (m_warningCount == 0) {
        m_sideTabs->setTabText(tab, tr("Connection"));
        m_sideTabs->setTabIcon(tab, {});
        m_sideTabs->setTabToolTip(tab, tr("Requests, responses and diagnostics"));
        return;
    }
    bool problem = false;
    for (const Sse::Finding &finding : last->findings)
        problem = problem || finding.severity == Sse::Finding::Severity::Problem;
    const auto severity =
            problem ? Sse::Finding::Severity::Problem : Sse::Finding::Severity::Warning;
    m_sideTabs->setTabText(tab, tr("Connection (%1)").arg(m_warningCount));
    m_sideTabs->setTabIcon(tab,
            QIcon(ConnectionView::severityPixmap(severity, palette(),
                    m_sideTabs->tabBar()->iconSize().height(), devicePixelRatioF())));
    m_sideTabs->setTabToolTip(tab, PlainToolTip::text(messages.join(u'\n')));
}

void FeedPanel::updateLlmTab()
{
    const bool llm = m_feed && m_feed->config().llm;
    if (llm == (m_llmView != nullptr))
        return;
    if (llm) {
        m_llmView = new LlmView(m_sideTabs);
        m_llmView->setObjectName(u"llmView"_s);
        m_llmView->setStream(m_feed->llmStream());
        m_sideTabs->addTab(m_llmView, tr("LLM"));
        m_sideTabs->setTabToolTip(LlmTab, tr("The answer assembled from the stream"));
    } else {
        m_sideTabs->removeTab(m_sideTabs->indexOf(m_llmView));
        delete m_llmView;
        m_llmView = nullptr;
    }
}

void FeedPanel::updateStateBadge()
{
    const Feed::ReadyState state = m_feed ? m_feed->readyState() : Feed::ReadyState::Closed;
    const bool recording = m_feed && m_feed->isRecording();
    m_stateLabel->setText(recording ? tr("IMPORTED") : stateLabel(state));
    if (recording)
        m_stateLabel->setToolTip(tr("An imported recording: it has no connection"));
    // A recording is neither live nor failed: blue-grey rather than CLOSED's red.
    const QColor fill = recording ? QColor(0x60, 0x7d, 0x8b) : m_timeline->stateColor(state);
    QPalette palette = m_stateLabel->parentWidget()->palette();
    palette.setColor(QPalette::Window, fill);
    palette.setColor(QPalette::WindowText, fill.lightnessF() > 0.6 ? Qt::black : Qt::white);
    m_stateLabel->setPalette(palette);
    const int padding = fontMetrics().averageCharWidth();
    m_stateLabel->setContentsMargins(padding, 1, padding, 1);
}

void FeedPanel::updateErrorLabel()
{
    m_errorLabel->setText(m_errorText.isEmpty() ? tr("No error") : m_errorText);
    m_errorLabel->setForegroundRole(
            m_errorText.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);
}

void FeedPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_stateLabel) {
        updateStateBadge();
        updateConnections(); // the tab's icon is drawn in the palette's colours
    }
    QWidget::changeEvent(event);
}

bool FeedPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && (watched == m_textEdit || watched == m_idEdit)
            && leavesToShortcuts(static_cast<QKeyEvent *>(event))) {
        event->ignore();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void FeedPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    fitTimelineToRecording();
}
