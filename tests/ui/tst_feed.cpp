// SPDX-License-Identifier: MIT
// Tests of Feed (counters, rates, errors against the built-in publisher), FeedPanel and
// DetailPane.
#include "tests/support/grab.h"

#include "sselib/publisher/publisher.h"
#include "sselib/publisher/tokenstreamer.h"
#include "ui/feedpanel/detailpane.h"
#include "ui/feedpanel/feedpanel.h"
#include "ui/feedpanel/jsonhighlighter.h"
#include "ui/feedpanel/sparkline.h"
#include "ui/models/eventfiltermodel.h"
#include "ui/models/feed.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolButton>
#include <QUrlQuery>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using ReadyState = Feed::ReadyState;
using Record = Sse::EventLog::Record;

namespace {

constexpr auto Mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
const QByteArray JsonData = R"({"a":[1,2]})"_ba;

Sse::PublisherOptions fastOptions()
{
    Sse::PublisherOptions options;
    options.feed.interval = 20ms;
    options.feed.heartbeat = 60ms;
    return options;
}

FeedConfig configFor(const QUrl &url)
{
    FeedConfig config;
    config.name = u"test"_s;
    config.url = url;
    config.options.reconnectionTime = 200ms;
    return config;
}

// The proxy row whose data is `data`, or -1.
int rowWithData(const QAbstractItemModel *model, const QString &data)
{
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        if (model->index(row, 0).data(EventLogModel::DataRole).toString() == data)
            return row;
    }
    return -1;
}

QUrl llmUrl(const Sse::Publisher &publisher, const QString &style)
{
    QUrl url = publisher.url(u"/llm"_s);
    url.setQuery(QUrlQuery{{u"style"_s, style}, {u"interval"_s, u"2"_s}});
    return url;
}

QStringList findingCodes(const ConnectionRecord &record)
{
    QStringList codes;
    for (const Sse::Finding &finding : record.findings)
        codes.append(finding.code);
    return codes;
}

} // namespace

class tst_Feed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void feed_opensAndCounts();
    void feed_rateHistoryFills();
    void feed_statsChangedIsCoalesced();
    void feed_http503IsFatalAndClosed();
    void feed_setConfigRecreatesSource();
    void feed_recordsConnectionResponse();
    void feed_recordsResponseFindings();
    void feed_failedRequestRecordsError();
    void feed_wrongContentTypeShowsHeadersAndFinding();
    void feed_llmStreamAssemblesText_data();
    void feed_llmStreamAssemblesText();
    void feed_llmStreamOnlyForLlmFeeds();
    void feed_missingSecretKeepsItClosedUntilGiven();

    void detailPane_prettyPrintsJson();
    void detailPane_plainTextWhenNotJson();
    void detailPane_saysWhenRawLinesWereDropped();
    void detailPane_largeDataStaysPlain();
    void jsonHighlighter_coloursKeysAndNumbers();
    void sparkline_paintsValues();

    void panel_showsRowsAndState();
    void panel_selectingJsonRowFillsDetail();
    void panel_textFilterReducesRows();
    void panel_followLiveButtonStopsAutoScroll();
    void panel_clearAndShortcuts();
    void panel_grab();

private:
    std::unique_ptr<Sse::Publisher> m_publisher;
};

void tst_Feed::init()
{
    m_publisher = std::make_unique<Sse::Publisher>(fastOptions());
    QVERIFY2(m_publisher->listen(), qPrintable(m_publisher->errorString()));
    QVERIFY2(m_publisher->port() != 0, "the publisher has no port");
}

void tst_Feed::cleanup()
{
    m_publisher.reset();
}

void tst_Feed::feed_opensAndCounts()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    QAbstractItemModelTester tester(feed.model(), Mode);
    QSignalSpy stateSpy(&feed, &Feed::readyStateChanged);
    QCOMPARE(feed.readyState(), ReadyState::Closed);

    feed.open();
    QTRY_COMPARE(feed.readyState(), ReadyState::Open);
    QCOMPARE(stateSpy.first().first().value<ReadyState>(), ReadyState::Connecting);
    QTRY_VERIFY(feed.eventCount() >= 5);
    QTRY_VERIFY(feed.commentCount() >= 1);
    QTRY_VERIFY(feed.model()->rowCount() >= 5);
    QVERIFY(feed.bytesReceived() > 0);
    QVERIFY(!feed.lastEventId().isEmpty());
    QCOMPARE(feed.reconnectCount(), 0);
    QCOMPARE(feed.reconnectionTime(), 200);
    QVERIFY(feed.lastError().isEmpty());

    // Raw lines are kept for the detail pane, and the log holds the comments too.
    feed.model()->flush();
    bool sawComment = false;
    bool sawRaw = false;
    for (int row = 0; row < feed.model()->rowCount(); ++row) {
        const Record &record = feed.model()->record(row);
        if (record.kind == Record::Kind::Comment)
            sawComment = true;
        else if (record.event.raw.contains("data: "))
            sawRaw = true;
    }
    QVERIFY(sawComment);
    QVERIFY(sawRaw);

    feed.reconnectNow();
    QTRY_COMPARE(feed.reconnectCount(), 1);
    QTRY_COMPARE(feed.readyState(), ReadyState::Open);

    feed.close();
    QTRY_COMPARE(feed.readyState(), ReadyState::Closed);
    QVERIFY(!feed.history()->spans().empty());
}

void tst_Feed::feed_missingSecretKeepsItClosedUntilGiven()
{
    FeedConfig config = configFor(m_publisher->url(u"/events"_s));
    config.missingSecrets = {"Authorization", "X-Api-Key"};
    Feed feed(config);
    QCOMPARE(feed.missingSecretsText(), u"Authorization, X-Api-Key need values"_s);
    feed.open();
    // No request without its credentials, and it says why.
    QCOMPARE(feed.readyState(), ReadyState::Closed);
    QVERIFY(!feed.source());
    QVERIFY2(feed.lastError().contains(u"need values"_s), qPrintable(feed.lastError()));

    feed.provideSecrets({{"authorization", "Bearer given"}});
    QCOMPARE(feed.missingSecretsText(), u"X-Api-Key needs a value"_s);
    feed.provideSecrets({{"X-Api-Key", "k"}});
    QVERIFY(feed.missingSecretsText().isEmpty());
    QCOMPARE(feed.config().options.headers,
            (Sse::HeaderList{{"authorization", "Bearer given"}, {"X-Api-Key", "k"}}));
    feed.open();
    QTRY_COMPARE(feed.readyState(), ReadyState::Open);
    QVERIFY(feed.lastError().isEmpty());
}

void tst_Feed::feed_rateHistoryFills()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    feed.open();
    QTRY_VERIFY_WITH_TIMEOUT(feed.rateHistory().size() >= 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(feed.eventsPerSecond() > 5.0, 5000);
    QVERIFY(feed.rateHistory().size() <= Feed::RateHistorySeconds);
}

void tst_Feed::feed_statsChangedIsCoalesced()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    QSignalSpy spy(&feed, &Feed::statsChanged);
    QElapsedTimer clock;
    clock.start();
    feed.open();
    QTRY_VERIFY(feed.eventCount() >= 25);
    // ~50 events, comments and byte chunks a second, but at most ~10 signals a second.
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(spy.size() <= elapsed / Feed::StatsIntervalMs + 2,
            qPrintable(u"%1 signals in %2 ms"_s.arg(spy.size()).arg(elapsed)));
    QVERIFY(spy.size() >= 1);
}

void tst_Feed::feed_http503IsFatalAndClosed()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    QUrl url = m_publisher->url(u"/events"_s);
    url.setQuery(u"status=503"_s);
    FeedConfig config = feed.config();
    config.url = url;
    feed.setConfig(config);
    QSignalSpy errors(&feed, &Feed::errorOccurred);
    QSignalSpy states(&feed, &Feed::readyStateChanged);

    feed.open();
    QTRY_COMPARE(errors.size(), 1);
    QTRY_COMPARE(feed.readyState(), ReadyState::Closed);
    QVERIFY(feed.isLastErrorFatal());
    QVERIFY(!feed.lastError().isEmpty());
    QCOMPARE(errors.first().first().value<Sse::SourceError>().httpStatus, 503);
    QCOMPARE(feed.eventCount(), 0u);

    FeedPanel panel(&feed);
    QCOMPARE(panel.stateText(), u"CLOSED (2)"_s);
    QVERIFY(panel.statusText().contains(u"fatal"_s));
}

void tst_Feed::feed_setConfigRecreatesSource()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    feed.open();
    QTRY_COMPARE(feed.readyState(), ReadyState::Open);
    QVERIFY(feed.source() != nullptr);
    FeedConfig config = feed.config();
    config.url = m_publisher->url(u"/events/test-event"_s);
    feed.setConfig(config);
    QCOMPARE(feed.source(), nullptr);
    QCOMPARE(feed.readyState(), ReadyState::Closed);
    QVERIFY(feed.config().options.keepRawLines);
    feed.open();
    QVERIFY(feed.source() != nullptr);
    QCOMPARE(feed.source()->url(), config.url);
    QTRY_COMPARE(feed.readyState(), ReadyState::Open);
    QTRY_VERIFY(feed.model()->typesSeen().contains(u"test-event"_s));
}

void tst_Feed::feed_recordsConnectionResponse()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    QSignalSpy spy(&feed, &Feed::connectionsChanged);
    QVERIFY(feed.connections().isEmpty());
    QCOMPARE(feed.lastConnection(), nullptr);

    feed.open();
    QTRY_VERIFY(feed.lastConnection() && feed.lastConnection()->response);
    QVERIFY(!spy.isEmpty());
    const ConnectionRecord first = feed.connections().constLast();
    QCOMPARE(feed.connections().size(), 1);
    QCOMPARE(first.connection, 1);
    QVERIFY(first.lastEventIdSent.isEmpty());
    QVERIFY(first.startedMs > 0);
    QVERIFY(first.isOngoing());
    QCOMPARE(first.response->connection, 1);
    QCOMPARE(first.response->status, 200);
    QCOMPARE(first.response->httpVersion, "1.1"_ba);
    QVERIFY(first.response->header("Content-Type").startsWith("text/event-stream"));
    QCOMPARE(first.response->header("Cache-Control"), "no-cache"_ba);
    QCOMPARE(first.response->header("X-Accel-Buffering"), "no"_ba);
    // The publisher's response is what a stream should be: nothing to warn about.
    QCOMPARE(first.warningCount(), 0);
    QVERIFY2(first.findings.isEmpty(), qPrintable(findingCodes(first).join(u", "_s)));

    // A reconnect is a new record that sent the last id; the first one has ended.
    QTRY_VERIFY(!feed.lastEventId().isEmpty());
    feed.reconnectNow();
    QTRY_VERIFY(feed.connections().size() == 2 && feed.connections().constLast().response);
    const QList<ConnectionRecord> connections = feed.connections();
    QVERIFY(!connections.constFirst().isOngoing());
    QCOMPARE(connections.constLast().connection, 2);
    QVERIFY(!connections.constLast().lastEventIdSent.isEmpty());
    QCOMPARE(connections.constLast().response->status, 200);

    feed.close();
    QTRY_VERIFY(!feed.connections().constLast().isOngoing());
}

void tst_Feed::feed_recordsResponseFindings()
{
    // A parameter besides charset is allowed by browsers, but worth a note.
    QUrl url = m_publisher->url(u"/events"_s);
    url.setQuery(QUrlQuery{{u"contentType"_s, u"text/event-stream; profile=x"_s}});
    Feed feed(configFor(url));
    feed.open();
    QTRY_VERIFY(feed.lastConnection() && feed.lastConnection()->response);
    const ConnectionRecord record = *feed.lastConnection();
    QCOMPARE(findingCodes(record), QStringList{u"content-type-params"_s});
    QCOMPARE(record.findings.constFirst().severity, Sse::Finding::Severity::Info);
    QCOMPARE(record.warningCount(), 0);
}

void tst_Feed::feed_failedRequestRecordsError()
{
    QUrl url = m_publisher->url(u"/events"_s);
    url.setQuery(QUrlQuery{{u"status"_s, u"503"_s}});
    Feed feed(configFor(url));
    feed.open();
    QTRY_COMPARE(feed.readyState(), ReadyState::Closed);
    QTRY_VERIFY(feed.lastConnection() && !feed.lastConnection()->error.isEmpty());
    const ConnectionRecord record = *feed.lastConnection();
    QVERIFY(record.fatal);
    QVERIFY(record.error.contains(u"503"_s));
    // The refused response is kept, headers and all, for the Connection tab.
    QVERIFY(record.response);
    QCOMPARE(record.response->status, 503);
    QVERIFY(!record.isOngoing());
}

void tst_Feed::feed_wrongContentTypeShowsHeadersAndFinding()
{
    QUrl url = m_publisher->url(u"/events"_s);
    url.setQuery(QUrlQuery{{u"contentType"_s, u"text/plain"_s}});
    Feed feed(configFor(url));
    feed.open();
    QTRY_VERIFY(feed.lastConnection() && !feed.lastConnection()->error.isEmpty());
    const ConnectionRecord record = *feed.lastConnection();
    QVERIFY(record.fatal);
    QVERIFY(record.response);
    QCOMPARE(record.response->header("Content-Type"), "text/plain"_ba);
    QVERIFY2(findingCodes(record).join(u' ').contains(u"content-type"_s),
            qPrintable(findingCodes(record).join(u' ')));
    QVERIFY(record.warningCount() >= 1);
}

void tst_Feed::feed_llmStreamAssemblesText_data()
{
    QTest::addColumn<QString>("style");
    QTest::addColumn<int>("expectedStyle");
    QTest::addRow("openai") << u"openai"_s << int(Sse::LlmStream::Style::OpenAi);
    QTest::addRow("anthropic") << u"anthropic"_s << int(Sse::LlmStream::Style::Anthropic);
}

void tst_Feed::feed_llmStreamAssemblesText()
{
    QFETCH(QString, style);
    QFETCH(int, expectedStyle);
    FeedConfig config = configFor(llmUrl(*m_publisher, style));
    config.llm = true;
    Feed feed(config);
    QSignalSpy llmSpy(&feed, &Feed::llmChanged);

    feed.open();
    QTRY_VERIFY_WITH_TIMEOUT(feed.llmStream().isDone(), 20000);
    const Sse::LlmStream &stream = feed.llmStream();
    QCOMPARE(stream.text(), Sse::TokenStreamer::paragraph());
    QCOMPARE(int(stream.style()), expectedStyle);
    QCOMPARE(stream.tokens(), int(Sse::TokenStreamer::tokenize(stream.text()).size()));
    QVERIFY(stream.timeToFirstToken().has_value());
    QVERIFY(stream.error().isEmpty());
    QVERIFY(!llmSpy.isEmpty());

    // Done ends the feed cleanly: closed, no error, no second request for another answer.
    QTRY_COMPARE(feed.readyState(), ReadyState::Closed);
    QVERIFY2(feed.lastError().isEmpty(), qPrintable(feed.lastError()));
    QCOMPARE(feed.connections().size(), 1);
    QVERIFY(feed.connections().constFirst().error.isEmpty());

    // Opening again asks anew: the text restarts with the new request.
    feed.open();
    QTRY_COMPARE(feed.connections().size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(feed.llmStream().isDone(), 20000);
    QCOMPARE(feed.llmStream().text(), Sse::TokenStreamer::paragraph());
}

void tst_Feed::feed_llmStreamOnlyForLlmFeeds()
{
    Feed feed(configFor(llmUrl(*m_publisher, u"openai"_s)));
    feed.open();
    QTRY_VERIFY(feed.eventCount() >= 3);
    QVERIFY(feed.llmStream().text().isEmpty());
    QCOMPARE(feed.llmStream().tokens(), 0);
}

void tst_Feed::detailPane_prettyPrintsJson()
{
    DetailPane pane;
    Record record;
    record.kind = Record::Kind::Event;
    record.event.type = "message";
    record.event.data = JsonData;
    record.event.lastEventId = "7";
    record.event.connection = 2;
    record.event.raw = "id: 7\ndata: " + JsonData + "\n\n";
    pane.setRecord(record);
    QVERIFY(pane.hasRecord());
    QVERIFY(pane.isJson());
    QVERIFY(pane.dataText().contains(u'\n'));
    QVERIFY(pane.dataText().contains(u"\"a\": ["_s));
    QVERIFY(pane.rawText().startsWith(u"id: 7\ndata: {"_s));
    QVERIFY(pane.headerText().contains(u"message"_s));
    QVERIFY(pane.headerText().contains(u"7"_s));
    QVERIFY(pane.noteText().isEmpty());
    QCOMPARE(pane.highlighter()->document(),
            pane.tabs()->widget(DetailPane::DataTab)->findChild<QTextDocument *>());

    pane.clear();
    QVERIFY(!pane.hasRecord());
    QVERIFY(pane.dataText().isEmpty());
}

void tst_Feed::detailPane_plainTextWhenNotJson()
{
    DetailPane pane;
    Record record;
    record.kind = Record::Kind::Event;
    record.event.type = "message";
    record.event.data = "send data: 2026-11-21 14:19:08\nsecond line";
    pane.setRecord(record);
    QVERIFY(!pane.isJson());
    QCOMPARE(pane.dataText(), u"send data: 2026-11-21 14:19:08\nsecond line"_s);
    QVERIFY(pane.highlighter()->document() == nullptr);

    Record comment;
    comment.kind = Record::Kind::Comment;
    comment.comment = " heartbeat";
    pane.setRecord(comment);
    QVERIFY(!pane.isJson());
    QCOMPARE(pane.dataText(), u" heartbeat"_s);
    // Whether a space followed the colon is not kept, so no wire line is made up.
    QVERIFY(pane.rawText().isEmpty());
    const auto *raw = pane.findChild<QPlainTextEdit *>(u"rawView"_s);
    QVERIFY(raw);
    QVERIFY2(raw->placeholderText().contains(u"not kept"_s), qPrintable(raw->placeholderText()));
}

void tst_Feed::detailPane_saysWhenRawLinesWereDropped()
{
    DetailPane pane;
    Record record;
    record.kind = Record::Kind::Event;
    record.event.type = "message";
    record.event.data = "x";
    auto placeholders = [&pane] {
        QStringList texts;
        const QList<QPlainTextEdit *> edits = pane.findChildren<QPlainTextEdit *>();
        for (const QPlainTextEdit *edit : edits)
            texts.append(edit->placeholderText());
        return texts.join(u'|');
    };
    pane.setRecord(record, true);
    QVERIFY2(placeholders().contains(u"no longer kept"_s), qPrintable(placeholders()));
    pane.setRecord(record, false);
    QVERIFY2(placeholders().contains(u"were not kept"_s), qPrintable(placeholders()));
}

void tst_Feed::detailPane_largeDataStaysPlain()
{
    DetailPane pane;
    Record record;
    record.kind = Record::Kind::Event;
    record.event.type = "message";
    QByteArray big = "[";
    for (int i = 0; i < 300000; ++i)
        big += "1,";
    big += "0]"; // ~600 KB of valid JSON
    record.event.data = big;
    pane.setPrettyLimit(64 * 1024);
    pane.setRecord(record);
    QVERIFY(!pane.isJson());
    QVERIFY(!pane.noteText().isEmpty());
    QCOMPARE(pane.dataText().size(), big.size());
    QVERIFY(pane.highlighter()->document() == nullptr);
}

void tst_Feed::jsonHighlighter_coloursKeysAndNumbers()
{
    QTextDocument document;
    document.setPlainText(u"{\n    \"key\": \"value\",\n    \"n\": -1.5e3,\n    \"t\": true\n}"_s);
    JsonHighlighter highlighter(&document);
    auto colourAt = [&document](int blockNumber, int column) {
        const QTextBlock block = document.findBlockByNumber(blockNumber);
        const auto formats = block.layout()->formats();
        for (const QTextLayout::FormatRange &range : formats) {
            if (column >= range.start && column < range.start + range.length)
                return range.format.foreground().color();
        }
        return QColor();
    };
    using Token = JsonHighlighter::Token;
    QCOMPARE(colourAt(1, 5), highlighter.format(Token::Key).foreground().color());
    QCOMPARE(colourAt(1, 13), highlighter.format(Token::String).foreground().color());
    QCOMPARE(colourAt(2, 11), highlighter.format(Token::Number).foreground().color());
    QCOMPARE(colourAt(3, 10), highlighter.format(Token::Literal).foreground().color());
    QVERIFY(highlighter.format(Token::Key).foreground().color()
            != highlighter.format(Token::String).foreground().color());

    QPalette dark;
    dark.setColor(QPalette::Base, Qt::black);
    const QColor lightKey = highlighter.format(Token::Key).foreground().color();
    highlighter.setPalette(dark);
    QVERIFY(highlighter.format(Token::Key).foreground().color() != lightKey);
}

void tst_Feed::sparkline_paintsValues()
{
    Sparkline sparkline;
    sparkline.resize(120, 24);
    sparkline.setCapacity(10);
    sparkline.setValues({0, 5, 10, 3});
    QCOMPARE(sparkline.values().size(), 4);
    const QImage image = sparkline.grab().toImage();
    const QColor accent = sparkline.palette().color(QPalette::Highlight);
    int accentPixels = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - accent.red()) < 20 && qAbs(c.green() - accent.green()) < 20
                    && qAbs(c.blue() - accent.blue()) < 20)
                ++accentPixels;
        }
    }
    QVERIFY(accentPixels > 5);
}

void tst_Feed::panel_showsRowsAndState()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    FeedPanel panel(&feed);
    QAbstractItemModelTester tester(panel.filterModel(), Mode);
    QCOMPARE(panel.stateText(), u"CLOSED (2)"_s);
    panel.resize(1000, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    feed.open();
    QTRY_COMPARE(panel.stateText(), u"OPEN (1)"_s);
    QTRY_VERIFY(panel.tableView()->model()->rowCount() >= 5);
    QTRY_VERIFY(panel.statusText().contains(u"Last id: "_s)
            && !panel.statusText().contains(u"Last id: (none)"_s));
    QVERIFY2(panel.statusText().contains(u"No error"_s), qPrintable(panel.statusText()));
    QVERIFY(!panel.statusText().contains(u"Events: 0 "_s));
}

void tst_Feed::panel_selectingJsonRowFillsDetail()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    FeedPanel panel(&feed);
    QAbstractItemModelTester tester(panel.filterModel(), Mode);
    panel.resize(1000, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    feed.open();
    QTRY_COMPARE(feed.readyState(), ReadyState::Open);

    m_publisher->publish({}, JsonData);
    QAbstractItemModel *model = panel.tableView()->model();
    QTRY_VERIFY(rowWithData(model, QString::fromUtf8(JsonData)) >= 0);
    const int row = rowWithData(model, QString::fromUtf8(JsonData));
    panel.tableView()->setCurrentIndex(model->index(row, EventLogModel::DataColumn));

    DetailPane *detail = panel.detailPane();
    QVERIFY(detail->hasRecord());
    QVERIFY(detail->isJson());
    QVERIFY(detail->dataText().contains(u"\"a\": [\n"_s));
    QVERIFY(detail->rawText().contains(u"data: {\"a\":[1,2]}"_s));
}

void tst_Feed::panel_textFilterReducesRows()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    FeedPanel panel(&feed);
    QAbstractItemModelTester tester(panel.filterModel(), Mode);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    feed.open();
    QTRY_COMPARE(feed.readyState(), ReadyState::Open);
    m_publisher->publish({}, JsonData);
    QTRY_VERIFY(rowWithData(panel.tableView()->model(), QString::fromUtf8(JsonData)) >= 0);
    QTRY_VERIFY(panel.tableView()->model()->rowCount() >= 5);
    feed.close();
    QTRY_COMPARE(feed.readyState(), ReadyState::Closed);
    feed.model()->flush();

    const int all = panel.tableView()->model()->rowCount();
    QTest::keyClicks(panel.textFilterEdit(), u"\"a\""_s);
    QCOMPARE(panel.tableView()->model()->rowCount(), 1);

    panel.textFilterEdit()->clear();
    QCOMPARE(panel.tableView()->model()->rowCount(), all);
    panel.regexButton()->setChecked(true);
    panel.textFilterEdit()->setText(u"^\\{\"A\":\\[1"_s);
    QCOMPARE(panel.tableView()->model()->rowCount(), 1);
    panel.textFilterEdit()->clear();

    panel.commentsButton()->setChecked(false);
    QVERIFY(panel.tableView()->model()->rowCount() < all);
    QCOMPARE(panel.tableView()->model()->rowCount(),
            int(feed.model()->rowCount()) - int(feed.commentCount()));
}

void tst_Feed::panel_followLiveButtonStopsAutoScroll()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    FeedPanel panel(&feed);
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QScrollBar *bar = panel.tableView()->verticalScrollBar();
    feed.open();
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 5, 10000);
    QTRY_COMPARE(bar->value(), bar->maximum());

    panel.followLiveButton()->click();
    QVERIFY(!panel.eventTable()->followsLive());
    QVERIFY(!panel.followLiveButton()->isChecked());
    const int pausedAt = bar->value();
    const int maxAtPause = bar->maximum();
    QTRY_VERIFY(bar->maximum() > maxAtPause + 3);
    QCOMPARE(bar->value(), pausedAt);

    panel.followLiveButton()->click();
    QVERIFY(panel.eventTable()->followsLive());
    QTRY_COMPARE(bar->value(), bar->maximum());

    // Scrolling up by hand stops following too.
    bar->setValue(0);
    QVERIFY(!panel.eventTable()->followsLive());
    const int maxAtScroll = bar->maximum();
    QTRY_VERIFY(bar->maximum() > maxAtScroll + 3);
    QCOMPARE(bar->value(), 0);
}

void tst_Feed::panel_clearAndShortcuts()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    FeedPanel panel(&feed);
    QAbstractItemModelTester tester(panel.filterModel(), Mode);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    feed.open();
    QTRY_VERIFY(panel.tableView()->model()->rowCount() >= 3);
    feed.close();
    QTRY_COMPARE(feed.readyState(), ReadyState::Closed);
    feed.model()->flush();

    panel.tableView()->setFocus();
    QTRY_VERIFY(panel.tableView()->hasFocus());
    QTest::keyClick(panel.tableView(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(panel.textFilterEdit()->hasFocus());
    QTest::keyClick(panel.textFilterEdit(), Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(panel.tableView()->model()->rowCount(), 0);
    QVERIFY(feed.eventCount() > 0);
}

void tst_Feed::panel_grab()
{
    Sse::FeedSettings settings = m_publisher->options().feed;
    settings.payload = Sse::FeedSettings::Payload::Json;
    m_publisher->setFeed(settings);
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    FeedPanel panel(&feed);
    panel.resize(1200, 720);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    feed.open();
    QTRY_VERIFY_WITH_TIMEOUT(feed.rateHistory().size() >= 3, 6000);
    m_publisher->publish({}, JsonData);
    QAbstractItemModel *model = panel.tableView()->model();
    QTRY_VERIFY(rowWithData(model, QString::fromUtf8(JsonData)) >= 0);
    panel.eventTable()->setFollowLive(false);
    const int row = rowWithData(model, QString::fromUtf8(JsonData));
    panel.tableView()->setCurrentIndex(model->index(row, EventLogModel::DataColumn));
    panel.tableView()->scrollTo(model->index(row, 0));
    panel.updateStatus();
    TestSupport::saveGrab(panel, u"feedpanel.png"_s);
}

QTEST_MAIN(tst_Feed)
#include "tst_feed.moc"
