// SPDX-License-Identifier: MIT
// Tests of FeedPanel's side tabs: ConnectionView (responses, findings, report) and LlmView.
#include "tests/support/compression.h"
#include "tests/support/grab.h"
#include "tests/support/palettes.h"
#include "tests/support/testserver.h"

#include "sselib/publisher.h"
#include "sselib/secrets.h"
#include "sselib/tokenstreamer.h"
#include "ui/connectionview.h"
#include "ui/feed.h"
#include "ui/feedpanel.h"
#include "ui/llmview.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrlQuery>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using HeaderList = TestSupport::HeaderList;
using Severity = Sse::Finding::Severity;

namespace {

const QByteArray SecretCookie = "session=s3cr3t-cookie-value; Path=/"_ba;

FeedConfig configFor(const QUrl &url, bool llm = false)
{
    FeedConfig config;
    config.name = u"test"_s;
    config.url = url;
    config.options.reconnectionTime = 200ms;
    config.llm = llm;
    return config;
}

QUrl llmUrl(const Sse::Publisher &publisher, const QString &style)
{
    QUrl url = publisher.url(u"/llm"_s);
    url.setQuery(QUrlQuery{{u"style"_s, style}, {u"interval"_s, u"2"_s}});
    return url;
}

// A stream that stays open, with exactly these response headers (and a body in the
// Content-Encoding they name).
TestSupport::TestServer::Handler holdWithHeaders(const HeaderList &headers)
{
    QByteArray encoding;
    for (const auto &[name, value] : headers) {
        if (name.compare("Content-Encoding", Qt::CaseInsensitive) == 0)
            encoding = value;
    }
    const QByteArray body = TestSupport::Compression::encode(encoding, "data: hello\n\n");
    return [headers, body](TestSupport::Connection *connection) {
        connection->writeHead(200, headers);
        connection->write(body);
    };
}

QStringList findingCodes(const ConnectionRecord &record)
{
    QStringList codes;
    for (const Sse::Finding &finding : record.findings)
        codes.append(finding.code);
    return codes;
}

ConnectionRecord makeRecord(int connection, qint64 startedMs)
{
    ConnectionRecord record;
    record.connection = connection;
    record.startedMs = startedMs;
    record.endedMs = startedMs + 10;
    return record;
}

Sse::Event llmEvent(const QByteArray &data, qint64 receivedMs)
{
    Sse::Event event;
    event.type = "message"_ba;
    event.data = data;
    event.receivedMs = receivedMs;
    event.connection = 1;
    return event;
}

QByteArray openAiDelta(const QByteArray &text)
{
    return R"({"choices":[{"index":0,"delta":{"content":")"_ba + text + R"("}}]})"_ba;
}

} // namespace

class tst_FeedPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void connectionView_showsResponseFindings_data();
    void connectionView_showsResponseFindings();
    void connectionView_masksSetCookieAndReportRedactsIt();
    void connectionView_keepsAnOlderPick();
    void connectionView_showsRequestRedirectsAndEncoding();
    void connectionView_showsRefusedBody();
    void connectionView_undecodableStreamIsNoLatency_data();
    void connectionView_undecodableStreamIsNoLatency();
    void connectionView_severityColoursReadOnLightAndDark();

    void llmView_appendsAndReplaces();
    void panel_llmTabOnlyForLlmFeeds();
    void panel_llmViewShowsStreamedText();
    void panel_typeColumnFitsLongNames();
    void panel_grabConnectionTabLightAndDark();

private:
    std::unique_ptr<Sse::Publisher> m_publisher;
    std::unique_ptr<TestSupport::TestServer> m_server;
};

void tst_FeedPanel::init()
{
    m_publisher = std::make_unique<Sse::Publisher>();
    QVERIFY2(m_publisher->listen(), qPrintable(m_publisher->errorString()));
    QVERIFY2(m_publisher->port() != 0, "the publisher has no port");
    m_server = std::make_unique<TestSupport::TestServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void tst_FeedPanel::cleanup()
{
    m_server.reset();
    m_publisher.reset();
}

void tst_FeedPanel::connectionView_showsResponseFindings_data()
{
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QString>("code");
    QTest::addRow("no Cache-Control")
            << HeaderList{{"Content-Type", "text/event-stream"}} << u"no-cache-control"_s;
    QTest::addRow("gzip") << HeaderList{{"Content-Type", "text/event-stream"},
            {"Cache-Control", "no-cache"}, {"Content-Encoding", "gzip"}}
                          << u"content-encoding"_s;
}

void tst_FeedPanel::connectionView_showsResponseFindings()
{
    QFETCH(HeaderList, headers);
    QFETCH(QString, code);
    m_server->route("/stream", holdWithHeaders(headers));
    Feed feed(configFor(m_server->url(u"/stream"_s)));
    FeedPanel panel(&feed);
    QCOMPARE(panel.connectionWarningCount(), 0);
    QCOMPARE(panel.sideTabs()->tabText(FeedPanel::ConnectionTab), u"Connection"_s);

    feed.open();
    QTRY_VERIFY(feed.lastConnection() && feed.lastConnection()->response);
    const ConnectionRecord record = *feed.lastConnection();
    QCOMPARE(record.response->status, 200);
    QCOMPARE(findingCodes(record), QStringList{code});
    const Sse::Finding &finding = record.findings.constFirst();
    QCOMPARE(finding.severity, Severity::Warning);

    // The view shows the status, the headers, the finding and its advice.
    QTRY_VERIFY(panel.connectionView()->text().contains(finding.message));
    const QString text = panel.connectionView()->text();
    QVERIFY(text.contains(finding.advice));
    QVERIFY(text.contains(u"200 OK"_s));
    QVERIFY(text.contains(u"Content-Type:"_s));
    QVERIFY(text.contains(u"text/event-stream"_s));
    QVERIFY(text.contains(u"Warning"_s));

    // The tab counts the warnings so that they get noticed.
    QCOMPARE(panel.connectionWarningCount(), 1);
    QCOMPARE(panel.sideTabs()->tabText(FeedPanel::ConnectionTab), u"Connection (1)"_s);
    QVERIFY(!panel.sideTabs()->tabIcon(FeedPanel::ConnectionTab).isNull());
    QCOMPARE(panel.sideTabs()->tabToolTip(FeedPanel::ConnectionTab), finding.message);
    QVERIFY(panel.connectionView()->reportText().contains(u"(%1)"_s.arg(code)));
}

void tst_FeedPanel::connectionView_masksSetCookieAndReportRedactsIt()
{
    m_server->route("/stream",
            holdWithHeaders({{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"},
                    {"Set-Cookie", SecretCookie}}));
    Feed feed(configFor(m_server->url(u"/stream"_s)));
    FeedPanel panel(&feed);
    feed.open();
    QTRY_VERIFY(feed.lastConnection() && feed.lastConnection()->response);
    QCOMPARE(feed.lastConnection()->response->header("Set-Cookie"), SecretCookie);
    QVERIFY(feed.lastConnection()->findings.isEmpty());

    ConnectionView *view = panel.connectionView();
    QTRY_VERIFY(view->text().contains(u"Set-Cookie:"_s));
    QVERIFY(!view->text().contains(u"s3cr3t"_s));
    QVERIFY(view->text().contains(Sse::Secrets::maskedValue()));
    QCOMPARE(panel.connectionWarningCount(), 0);

    QClipboard *clipboard = QGuiApplication::clipboard();
    QVERIFY(clipboard);
    clipboard->clear();
    QVERIFY(view->copyButton()->isEnabled());
    view->copyButton()->click();
    const QString report = clipboard->text();
    QCOMPARE(report, view->reportText());
    QVERIFY(!report.contains(u"s3cr3t"_s));
    QVERIFY(report.contains(u"Set-Cookie: "_s + QString::fromUtf8(Sse::Secrets::redactedValue())));
    QVERIFY(report.contains(u"Cache-Control: no-cache"_s));
    QVERIFY(report.contains(u"HTTP/1.1 200 OK"_s));
    QVERIFY(report.contains(u"Request: 1"_s));
}

void tst_FeedPanel::connectionView_showsRequestRedirectsAndEncoding()
{
    TestSupport::TestServer second;
    QVERIFY(second.listen());
    const QUrl target = second.url(u"/stream"_s);
    second.route("/stream",
            holdWithHeaders({{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"},
                    {"Content-Encoding", "gzip"}}));
    m_server->route("/start", TestSupport::Handlers::redirect(307, target.toEncoded()));
    FeedConfig config = configFor(m_server->url(u"/start"_s));
    config.options.method = "POST"_ba;
    config.options.body = R"({"model":"m","stream":true})"_ba;
    config.options.headers = {
            {"Authorization"_ba, "Bearer s3cr3t-token"_ba}, {"X-Trace"_ba, "t-1"_ba}};
    Feed feed(config);
    FeedPanel panel(&feed);
    feed.open();
    // The gzip stream is decoded: its event arrives as sent.
    QTRY_COMPARE(feed.eventCount(), 1u);
    QTRY_VERIFY(feed.lastConnection() && feed.lastConnection()->response);
    QVERIFY(feed.lastConnection()->request);

    const QString startUrl = m_server->url(u"/start"_s).toString();
    const QString json = u"{\n  \"model\": \"m\",\n  \"stream\": true\n}"_s;
    ConnectionView *view = panel.connectionView();
    QTRY_VERIFY(view->text().contains(u"Redirected to"_s));
    const QString text = view->text();
    QVERIFY2(text.contains(u"POST "_s + startUrl), qPrintable(text));
    QVERIFY(text.contains(target.toString()));
    QVERIFY(text.contains(u"Authorization:"_s));
    QVERIFY(text.contains(Sse::Secrets::maskedValue()));
    QVERIFY(text.contains(u"X-Trace:"_s));
    QVERIFY(text.contains(u"Accept-Encoding:"_s));
    QVERIFY2(text.contains(json), qPrintable(text));
    QVERIFY(text.contains(u"gzip (decoded)"_s));
    QVERIFY(!text.contains(u"s3cr3t"_s));
    // The request comes before the response, the response before the findings.
    QVERIFY(text.indexOf(u"Request sent"_s) < text.indexOf(u"Response headers"_s));
    QVERIFY(text.indexOf(u"Response headers"_s) < text.indexOf(u"Findings"_s));

    const QString report = view->reportText();
    QVERIFY2(report.contains(u"Request sent: POST "_s + startUrl + u'\n'), qPrintable(report));
    QVERIFY(report.contains(u"Redirected to: "_s + target.toString() + u'\n'));
    QVERIFY(report.contains(u"Final URL: "_s + target.toString() + u'\n'));
    QVERIFY(report.contains(
            u"  Authorization: "_s + QString::fromUtf8(Sse::Secrets::redactedValue()) + u'\n'));
    QVERIFY(report.contains(u"  X-Trace: t-1\n"_s));
    QVERIFY(report.contains(u"Request body:\n  {\n    \"model\": \"m\",\n"_s));
    QVERIFY(report.contains(u"Content-Encoding: gzip (decoded)\n"_s));
    QVERIFY(!report.contains(u"s3cr3t"_s));
}

void tst_FeedPanel::connectionView_showsRefusedBody()
{
    const QByteArray body = R"({"error":"invalid_token","detail":"token expired"})"_ba;
    m_server->route("/stream",
            TestSupport::Handlers::status(401, "application/json"_ba, body,
                    {{"WWW-Authenticate"_ba, "Bearer realm=\"feeds\""_ba}}));
    Feed feed(configFor(m_server->url(u"/stream"_s)));
    FeedPanel panel(&feed);
    feed.open();
    QTRY_VERIFY(feed.lastConnection() && !feed.lastConnection()->error.isEmpty());
    QVERIFY(feed.lastConnection()->response);
    QCOMPARE(feed.lastConnection()->response->body, body);
    QCOMPARE(findingCodes(*feed.lastConnection()), QStringList{u"status"_s});

    const QString json =
            u"{\n  \"error\": \"invalid_token\",\n  \"detail\": \"token expired\"\n}"_s;
    ConnectionView *view = panel.connectionView();
    QTRY_VERIFY(view->text().contains(u"Refused response body"_s));
    const QString text = view->text();
    QVERIFY2(text.contains(json), qPrintable(text));
    QVERIFY(text.contains(u"credentials"_s));
    QVERIFY(!text.contains(u"caches and proxies"_s)); // no advice about caching for a 401
    QVERIFY(text.indexOf(u"Refused response body"_s) < text.indexOf(u"Findings"_s));

    const QString report = view->reportText();
    QVERIFY2(report.contains(u"Refused response body:\n  {\n    \"error\": \"invalid_token\",\n"_s),
            qPrintable(report));
    QVERIFY(report.contains(u"HTTP/1.1 401 Unauthorized"_s));
    QVERIFY(report.contains(u"(status)"_s));
    QVERIFY(report.indexOf(u"Refused response body"_s) < report.indexOf(u"Findings:"_s));
}

void tst_FeedPanel::connectionView_undecodableStreamIsNoLatency_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QString>("named"); // on the page
    QTest::addColumn<QString>("finding"); // part of the content-encoding finding
    QTest::addRow("corrupt gzip") << "gzip"_ba << u"gzip (decoded)"_s
                                  << u"could not be decoded as gzip"_s;
    QTest::addRow("zstd") << "zstd"_ba << u"zstd (cannot be decoded)"_s
                          << u"which ssedash cannot decode"_s;
}

void tst_FeedPanel::connectionView_undecodableStreamIsNoLatency()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QString, named);
    QFETCH(QString, finding);
    // Not compressed at all, whatever the header says.
    m_server->route("/stream", [encoding](TestSupport::Connection *connection) {
        connection->writeHead(200,
                {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"},
                        {"Content-Encoding", encoding}});
        connection->write("data: hello\n\n"_ba);
    });
    Feed feed(configFor(m_server->url(u"/stream"_s)));
    FeedPanel panel(&feed);
    feed.open();
    QTRY_VERIFY(feed.lastConnection() && !feed.lastConnection()->error.isEmpty());
    const ConnectionRecord record = *feed.lastConnection();
    QVERIFY(record.fatal);
    QCOMPARE(feed.eventCount(), 0u);
    QCOMPARE(findingCodes(record), QStringList{u"content-encoding"_s});
    QCOMPARE(record.findings.first().severity, Severity::Problem);
    QVERIFY2(record.findings.first().message.contains(finding),
            qPrintable(record.findings.first().message));

    ConnectionView *view = panel.connectionView();
    QTRY_VERIFY(view->text().contains(finding));
    const QString text = view->text();
    QVERIFY(text.contains(named));
    QVERIFY2(!text.contains(u"arrive late"_s) && !text.contains(u"bursts"_s), qPrintable(text));
}

void tst_FeedPanel::connectionView_keepsAnOlderPick()
{
    ConnectionView view;
    QCOMPARE(view.currentIndex(), -1);
    QVERIFY(!view.copyButton()->isEnabled());
    view.setConnections({makeRecord(1, 1000), makeRecord(2, 2000)});
    // The newest is shown, and listed first.
    QCOMPARE(view.currentIndex(), 1);
    QVERIFY(view.selector()->itemText(0).startsWith(u"#2"_s));
    QVERIFY(view.text().contains(u"Request"_s));

    view.setConnections({makeRecord(1, 1000), makeRecord(2, 2000), makeRecord(3, 3000)});
    QCOMPARE(view.currentIndex(), 2);

    // An older pick stays picked while new connections come.
    view.setCurrentIndex(0);
    QCOMPARE(view.currentIndex(), 0);
    QVERIFY(view.reportText().contains(u"Request: 1"_s));
    view.setConnections(
            {makeRecord(1, 1000), makeRecord(2, 2000), makeRecord(3, 3000), makeRecord(4, 4000)});
    QCOMPARE(view.currentIndex(), 0);
    QVERIFY(view.reportText().contains(u"Request: 1"_s));

    // Back on the newest, it follows again.
    view.setCurrentIndex(3);
    view.setConnections({makeRecord(1, 1000), makeRecord(2, 2000), makeRecord(3, 3000),
            makeRecord(4, 4000), makeRecord(5, 5000)});
    QCOMPARE(view.currentIndex(), 4);
    QVERIFY(view.reportText().contains(u"Request: 5"_s));
}

void tst_FeedPanel::connectionView_severityColoursReadOnLightAndDark()
{
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    for (const Severity severity : {Severity::Info, Severity::Warning, Severity::Problem}) {
        const QColor onLight = ConnectionView::severityColor(severity, light);
        const QColor onDark = ConnectionView::severityColor(severity, dark);
        QVERIFY2(onLight.lightnessF() < 0.6, qPrintable(onLight.name()));
        QVERIFY2(onDark.lightnessF() > 0.5, qPrintable(onDark.name()));
        QVERIFY(!ConnectionView::severityPixmap(severity, dark, 16).isNull());
    }
    QVERIFY(ConnectionView::severityColor(Severity::Warning, light)
            != ConnectionView::severityColor(Severity::Problem, light));
}

void tst_FeedPanel::llmView_appendsAndReplaces()
{
    LlmView view;
    QVERIFY(view.text().isEmpty());
    Sse::LlmStream stream;
    stream.start(1000);
    QVERIFY(stream.add(llmEvent(openAiDelta("Hello"), 1100)));
    view.setStream(stream);
    QCOMPARE(view.text(), u"Hello"_s);
    QVERIFY(view.statsText().contains(u"Streaming"_s));
    QVERIFY(view.statsText().contains(u"OpenAI"_s));
    QVERIFY(view.statsText().contains(u"100 ms"_s));

    QVERIFY(stream.add(llmEvent(openAiDelta(" world"), 1600)));
    QVERIFY(stream.add(llmEvent("[DONE]"_ba, 1700)));
    view.setStream(stream);
    QCOMPARE(view.text(), u"Hello world"_s);
    QVERIFY(view.statsText().contains(u"tokens: 2 "_s));
    QVERIFY(view.statsText().contains(u"Done"_s));

    // A new message replaces the text rather than extending it.
    stream.start(2000);
    QVERIFY(stream.add(llmEvent(openAiDelta("Bye"), 2100)));
    view.setStream(stream);
    QCOMPARE(view.text(), u"Bye"_s);
}

void tst_FeedPanel::panel_llmTabOnlyForLlmFeeds()
{
    Feed plain(configFor(m_publisher->url(u"/events"_s)));
    FeedPanel plainPanel(&plain);
    QCOMPARE(plainPanel.sideTabs()->count(), 2);
    QCOMPARE(plainPanel.sideTabs()->tabText(FeedPanel::EventTab), u"Event"_s);
    QCOMPARE(plainPanel.sideTabs()->tabText(FeedPanel::ConnectionTab), u"Connection"_s);
    QCOMPARE(plainPanel.llmView(), nullptr);

    Feed llm(configFor(llmUrl(*m_publisher, u"openai"_s), true));
    FeedPanel llmPanel(&llm);
    QCOMPARE(llmPanel.sideTabs()->count(), 3);
    QCOMPARE(llmPanel.sideTabs()->tabText(FeedPanel::LlmTab), u"LLM"_s);
    QVERIFY(llmPanel.llmView());
    QCOMPARE(llmPanel.sideTabs()->currentIndex(), int(FeedPanel::LlmTab));

    // The tab follows the configuration.
    llm.setConfig(configFor(llmUrl(*m_publisher, u"openai"_s), false));
    QTRY_COMPARE(llmPanel.sideTabs()->count(), 2);
    QCOMPARE(llmPanel.llmView(), nullptr);
    plain.setConfig(configFor(llmUrl(*m_publisher, u"openai"_s), true));
    QTRY_COMPARE(plainPanel.sideTabs()->count(), 3);
    QVERIFY(plainPanel.llmView());
}

void tst_FeedPanel::panel_llmViewShowsStreamedText()
{
    Feed feed(configFor(llmUrl(*m_publisher, u"anthropic"_s), true));
    FeedPanel panel(&feed);
    feed.open();
    const QString paragraph = Sse::TokenStreamer::paragraph();
    QTRY_COMPARE_WITH_TIMEOUT(panel.llmView()->text(), paragraph, 20000);
    QTRY_VERIFY(panel.llmView()->statsText().contains(u"Done"_s));
    const QString stats = panel.llmView()->statsText();
    const int tokens = feed.llmStream().tokens();
    QVERIFY(tokens > 10);
    QVERIFY2(stats.contains(u"tokens: %1 "_s.arg(QLocale().toString(tokens))), qPrintable(stats));
    QVERIFY2(stats.contains(u"Anthropic"_s), qPrintable(stats));
    QVERIFY2(stats.contains(u"end_turn"_s), qPrintable(stats));
    QVERIFY2(stats.contains(u" ms"_s), qPrintable(stats));
    QTRY_COMPARE(feed.readyState(), Feed::ReadyState::Closed);
}

void tst_FeedPanel::panel_typeColumnFitsLongNames()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    FeedPanel panel(&feed);
    const QTableView *table = panel.tableView();
    const int width = table->columnWidth(EventLogModel::TypeColumn);
    QVERIFY(width > table->fontMetrics().horizontalAdvance(u"content_block_delta"_s));
    QVERIFY(width >= table->horizontalHeader()->sectionSizeHint(EventLogModel::TypeColumn));
    QCOMPARE(table->horizontalHeader()->sectionResizeMode(EventLogModel::TypeColumn),
            QHeaderView::Interactive);
}

void tst_FeedPanel::panel_grabConnectionTabLightAndDark()
{
    m_server->route("/stream",
            holdWithHeaders({{"Content-Type", "text/event-stream; charset=latin1"},
                    {"Content-Encoding", "gzip"}, {"Set-Cookie", SecretCookie}}));
    Feed feed(configFor(m_server->url(u"/stream"_s)));
    FeedPanel panel(&feed);
    panel.resize(1200, 720);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.sideTabs()->setCurrentIndex(FeedPanel::ConnectionTab);
    feed.open();
    QTRY_COMPARE(panel.connectionWarningCount(), 3);
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    TestSupport::saveGrab(panel, u"feedpanel-connection.png"_s);

    const QPalette dark = TestSupport::darkPalette();
    panel.setPalette(dark);
    // The page is drawn again in the dark palette's severity colours.
    const QString warningColour =
            ConnectionView::severityColor(Severity::Warning, dark).name(QColor::HexRgb);
    QTRY_VERIFY(panel.connectionView()->browser()->toHtml().contains(warningColour));
    TestSupport::saveGrab(panel, u"feedpanel-connection-dark.png"_s);
}

QTEST_MAIN(tst_FeedPanel)
#include "tst_feedpanel.moc"
