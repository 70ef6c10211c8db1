// SPDX-License-Identifier: MIT
// Tests of FeedPanel: its side tabs (ConnectionView, LlmView, DetailPane), the event table
// (stable selection, following, copying, context menu), filters, the state strip and empty states.
#include "tests/support/child.h"
#include "tests/support/compression.h"
#include "tests/support/grab.h"
#include "tests/support/palettes.h"
#include "tests/support/testserver.h"

#include "sselib/jsontext.h"
#include "sselib/networkpool_p.h"
#include "sselib/publisher/publisher.h"
#include "sselib/publisher/tokenstreamer_p.h"
#include "sselib/secrets.h"
#include "ui/feedpanel/connectionview.h"
#include "ui/feedpanel/detailpane.h"
#include "ui/feedpanel/eventtable.h"
#include "ui/feedpanel/feedpanel.h"
#include "ui/feedpanel/jsonhighlighter.h"
#include "ui/feedpanel/llmview.h"
#include "ui/feedpanel/sparkline.h"
#include "ui/mainwindow.h"
#include "ui/models/eventfiltermodel.h"
#include "ui/models/feed.h"
#include "ui/models/feedlist.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/widgets/colordecorationdelegate.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QUrlQuery>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using HeaderList = TestSupport::HeaderList;
using Severity = Sse::Finding::Severity;
using TestSupport::child;
using ReadyState = Feed::ReadyState;

namespace {

constexpr auto Mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
const QByteArray JsonData = R"({"a":[1,2]})"_ba;
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

// Speeds the publisher's periodic feed up (an event every 20 ms, a heartbeat every 60 ms), for
// tests that watch it, and gives its URL.
QUrl fastEvents(Sse::Publisher &publisher)
{
    Sse::GeneratorSettings settings = publisher.options().generator;
    settings.interval = 20ms;
    settings.heartbeat = 60ms;
    publisher.setGenerator(settings);
    return publisher.url(u"/events"_s);
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

// Publishes JsonData and waits for its row in `model`; -1 when it does not come.
int publishJsonAndFindRow(Sse::Publisher &publisher, const QAbstractItemModel *model)
{
    publisher.publish({}, JsonData);
    const QString data = QString::fromUtf8(JsonData);
    const auto arrived = [model, &data] {
        return rowWithData(model, data) >= 0;
    };
    return QTest::qWaitFor(arrived) ? rowWithData(model, data) : -1;
}

QUrl llmUrl(const Sse::Publisher &publisher, const QString &style)
{
    QUrl url = publisher.url(Sse::Publisher::llmPath());
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

using Record = Sse::EventLog::Record;

Record makeEvent(const QByteArray &data, const QByteArray &type = "message"_ba,
        const QByteArray &id = {}, qint64 receivedMs = 1'700'000'000'000)
{
    Record record;
    record.kind = Record::Kind::Event;
    record.event.type = type;
    record.event.data = data;
    record.event.lastEventId = id;
    record.event.receivedMs = receivedMs;
    record.event.connection = 1;
    return record;
}

// Appends `count` events numbered from `first` ("data: <n>", id <n>) and shows them at once.
void appendNumbered(EventLogModel *model, int first, int count)
{
    for (int n = first; n < first + count; ++n) {
        const QByteArray number = QByteArray::number(n);
        model->append(makeEvent(number, "tick"_ba, number));
    }
    model->flush();
}

quint64 sequenceAt(const QAbstractItemModel *model, int row)
{
    return model->index(row, 0).data(EventLogModel::SequenceRole).toULongLong();
}

quint64 currentSequence(const QTableView *table)
{
    const QModelIndex current = table->currentIndex();
    return current.isValid() ? current.data(EventLogModel::SequenceRole).toULongLong() : 0;
}

// The row at the top of the table's viewport.
quint64 topSequence(const QTableView *table)
{
    const int row = table->rowAt(0);
    return row < 0 ? 0 : sequenceAt(table->model(), row);
}

// A feed (not opened) and its panel, shown; tests wait for it with exposed().
class ShownPanel
{
public:
    explicit ShownPanel(const QUrl &url, const QSize &size = {1000, 600}, bool llm = false)
        : feed(configFor(url, llm))
        , panel(&feed)
    {
        panel.resize(size);
        panel.show();
    }

    [[nodiscard]] bool exposed() { return QTest::qWaitForWindowExposed(&panel); }

    Feed feed;
    FeedPanel panel;
};

// A shown panel on the publisher's fast periodic feed (not opened); the tester checks its filter
// model as rows come and go.
class LivePanel : public ShownPanel
{
public:
    explicit LivePanel(Sse::Publisher &publisher, const QSize &size = {1000, 600})
        : ShownPanel(fastEvents(publisher), size)
    { }

    QAbstractItemModelTester tester{panel.filterModel(), Mode};
};

// What a QLabel shows when it is asked for its tooltip, as a user hovering it would see.
QString hoverToolTip(QWidget *widget)
{
    QToolTip::hideText();
    const QPoint pos = widget->rect().center();
    QHelpEvent help(QEvent::ToolTip, pos, widget->mapToGlobal(pos));
    QApplication::sendEvent(widget, &help);
    return QToolTip::text();
}

// The label that FeedPanel's state strip gives `name`.
QLabel *stripLabel(const FeedPanel &panel, const QString &name)
{
    return panel.findChild<QLabel *>(name);
}

// Where Qt on Linux desktops (the X11, KDE and GNOME key schemes) lets a line edit claim Ctrl+E
// (end of line) before any shortcut sees it. The offscreen platform uses the Windows scheme,
// which does not, so the test claims the key the way QLineEdit does there.
class ClaimsCtrlE final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ShortcutOverride) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_E && key->modifiers() == Qt::ControlModifier)
                event->accept();
        }
        return QObject::eventFilter(watched, event);
    }
};

// Rejects the first modal dialog that opens and remembers its class name.
class ModalCloser final : public QObject
{
public:
    explicit ModalCloser(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_timer.setInterval(20);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
                className = QString::fromLatin1(dialog->metaObject()->className());
                dialog->reject();
                m_timer.stop();
            }
        });
        m_timer.start();
    }

    QString className;

private:
    QTimer m_timer;
};

} // namespace

class tst_FeedPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void connectionView_showsResponseFindings_data();
    void connectionView_showsResponseFindings();
    void connectionView_saysAnUnfinishedEventWasDropped();
    void connectionView_masksSetCookieAndReportRedactsIt();
    void connectionView_redactsUrlCredentials();
    void panel_ignoredTlsErrorsAreVisible();
    void eventTable_reusesColourIcons();
    void connectionView_keepsAnOlderPick();
    void connectionView_updatesOnlyChangedRows();
    void connectionView_buildsAHiddenPageWhenShown();
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

    void detailPane_keepsJsonTokensAsSent();
    void detailPane_invalidJsonShownRawWithWhere();
    void detailPane_copyIsTheOriginalCopyPrettyTheIndented();
    void table_selectionSurvivesEvictionUntilItsEventLeaves();
    void table_viewDoesNotMoveWhileRowsLeaveTheFront();
    void table_followLiveIsAnExplicitToggle();
    void table_idSizeAndTypeColumnsFitTheirContent();
    void table_copiesDataAndSseLines();
    void table_contextMenuFiltersAndShowsInTimeline();
    void stateStrip_elidesWithToolTip();
    void emptyStates_sayWhatIsGoingOn();
    void shortcuts_reachTheWindowFromTheFilterField();

    void detailPane_prettyPrintsJson();
    void detailPane_plainTextWhenNotJson();
    void detailPane_saysWhenRawLinesWereDropped();
    void detailPane_rawShowsCarriageReturnsAndCopiesThem();
    void detailPane_bytesThatAreNotUtf8AreShownAndExplained();
    void detailPane_largeDataStaysPlain();
    void jsonHighlighter_coloursKeysAndNumbers();
    void sparkline_paintsValues();

    void panel_showsRowsAndState();
    void panel_selectingJsonRowFillsDetail();
    void panel_textFilterReducesRows();
    void panel_followLiveButtonStopsAutoScroll();
    void panel_clearAndShortcuts();
    void panel_fatalErrorShowsClosed();
    void panel_grab();

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
    auto *sideTabs = child<QTabWidget>(&panel, u"sideTabs"_s);
    auto *view = child<ConnectionView>(&panel, u"connectionView"_s);
    QCOMPARE(panel.connectionWarningCount(), 0);
    QCOMPARE(sideTabs->tabText(FeedPanel::ConnectionTab), u"Connection"_s);

    feed.open();
    QTRY_VERIFY(feed.lastConnection() && feed.lastConnection()->response);
    const ConnectionRecord record = *feed.lastConnection();
    QCOMPARE(record.response->status, 200);
    QCOMPARE(findingCodes(record), QStringList{code});
    const Sse::Finding &finding = record.findings.constFirst();
    QCOMPARE(finding.severity, Severity::Warning);

    // The view shows the status, the headers, the finding and its advice.
    QTRY_VERIFY(view->text().contains(finding.message));
    const QString text = view->text();
    QVERIFY(text.contains(finding.advice));
    QVERIFY(text.contains(u"200 OK"_s));
    QVERIFY(text.contains(u"Content-Type:"_s));
    QVERIFY(text.contains(u"text/event-stream"_s));
    QVERIFY(text.contains(u"Warning"_s));

    // The tab counts the warnings so that they get noticed.
    QCOMPARE(panel.connectionWarningCount(), 1);
    QCOMPARE(sideTabs->tabText(FeedPanel::ConnectionTab), u"Connection (1)"_s);
    QVERIFY(!sideTabs->tabIcon(FeedPanel::ConnectionTab).isNull());
    QCOMPARE(sideTabs->tabToolTip(FeedPanel::ConnectionTab), finding.message);
    QVERIFY(view->reportText().contains(u"(%1)"_s.arg(code)));
}

// A server that ends its stream without the last blank line: the event the dashboard cannot
// show is explained on the Connection tab, and the tab counts it.
void tst_FeedPanel::connectionView_saysAnUnfinishedEventWasDropped()
{
    m_server->route("/stream", [](TestSupport::Connection *connection) {
        connection->writeHead(
                200, {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"}});
        connection->write("data: shown\n\ndata: [DONE]\n"_ba);
        connection->close();
    });
    FeedConfig config = configFor(m_server->url(u"/stream"_s));
    config.options.reconnectionTime = 60s; // the ended connection stays the newest
    Feed feed(config);
    FeedPanel panel(&feed);
    panel.resize(1200, 720);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *sideTabs = child<QTabWidget>(&panel, u"sideTabs"_s);
    sideTabs->setCurrentIndex(FeedPanel::ConnectionTab);
    auto *view = child<ConnectionView>(&panel, u"connectionView"_s);

    feed.open();
    QTRY_VERIFY(feed.lastConnection() && !feed.lastConnection()->isOngoing());
    QCOMPARE(feed.eventCount(), quint64(1));
    QTRY_VERIFY(view->text().contains(u"ended inside an event"_s));
    QVERIFY(view->text().contains(u"needs an empty line after it"_s));
    QCOMPARE(panel.connectionWarningCount(), 1);
    QCOMPARE(sideTabs->tabText(FeedPanel::ConnectionTab), u"Connection (1)"_s);
    TestSupport::saveGrab(panel, u"feedpanel-unfinished-event.png"_s);
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

    auto *view = child<ConnectionView>(&panel, u"connectionView"_s);
    QTRY_VERIFY(view->text().contains(u"Set-Cookie:"_s));
    QVERIFY(!view->text().contains(u"s3cr3t"_s));
    QVERIFY(view->text().contains(Sse::Secrets::maskedValue()));
    QCOMPARE(panel.connectionWarningCount(), 0);

    QClipboard *clipboard = QGuiApplication::clipboard();
    QVERIFY(clipboard);
    clipboard->clear();
    auto *copy = child<QToolButton>(view, u"copyReportButton"_s);
    QVERIFY(copy->isEnabled());
    copy->click();
    const QString report = clipboard->text();
    QCOMPARE(report, view->reportText());
    QVERIFY(!report.contains(u"s3cr3t"_s));
    QVERIFY(report.contains(u"Set-Cookie: "_s + QString::fromUtf8(Sse::Secrets::redactedValue())));
    QVERIFY(report.contains(u"Cache-Control: no-cache"_s));
    QVERIFY(report.contains(u"HTTP/1.1 200 OK"_s));
    QVERIFY(report.contains(u"Request: 1"_s));
}

// A password and tokens in the feed's URL show on neither the page nor the copied report;
// the other query parameters stay.
void tst_FeedPanel::connectionView_redactsUrlCredentials()
{
    m_server->route("/stream",
            holdWithHeaders(
                    {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"}}));
    QUrl url = m_server->url(u"/stream?access_token=T0KEN-1&x=1&API_KEY=K3Y-2"_s);
    url.setUserName(u"alice"_s);
    url.setPassword(u"pa55w0rd"_s);
    Feed feed(configFor(url));
    FeedPanel panel(&feed);
    feed.open();
    QTRY_VERIFY(feed.lastConnection() && feed.lastConnection()->response);
    auto *view = child<ConnectionView>(&panel, u"connectionView"_s);
    QTRY_VERIFY(view->text().contains(u"/stream?"_s));
    const QString redacted = QString::fromLatin1(Sse::Secrets::redactedValue());
    for (const QString &text : {view->text(), view->reportText()}) {
        QVERIFY2(!text.contains(u"pa55w0rd"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"T0KEN"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"K3Y"_s), qPrintable(text));
        QVERIFY2(text.contains(u"alice@127.0.0.1"_s), qPrintable(text));
        QVERIFY2(text.contains(u"?access_token=%1&x=1&API_KEY=%1"_s.arg(redacted)),
                qPrintable(text));
    }
}

// "Ignore TLS errors" belongs to one feed and shows: a note under its header, a line on its
// connection page and in the report. A feed without it fails on the self-signed certificate.
void tst_FeedPanel::panel_ignoredTlsErrorsAreVisible()
{
    TestSupport::TestServer tls;
    QVERIFY2(tls.listen(TestSupport::TestServer::Tls), qPrintable(tls.errorString()));
    tls.route("/stream",
            holdWithHeaders(
                    {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"}}));
    FeedConfig insecureConfig = configFor(tls.url(u"/stream"_s));
    insecureConfig.options.ignoreTlsErrors = true;
    Feed insecure(insecureConfig);
    Feed checked(configFor(tls.url(u"/stream"_s)));
    QVERIFY(!checked.config().options.ignoreTlsErrors);
    FeedPanel insecurePanel(&insecure);
    FeedPanel checkedPanel(&checked);
    const QString line = u"TLS certificate errors: ignored for this feed"_s;

    auto *note = child<QLabel>(&insecurePanel, u"tlsNote"_s);
    QVERIFY(!note->isHidden());
    QCOMPARE(note->textFormat(), Qt::PlainText);
    QVERIFY2(note->text().contains(u"TLS certificate errors are ignored"_s),
            qPrintable(note->text()));
    QVERIFY(child<QLabel>(&checkedPanel, u"tlsNote"_s)->isHidden());

    insecure.open();
    checked.open();
    QTRY_VERIFY(insecure.lastConnection() && insecure.lastConnection()->response);
    auto *view = child<ConnectionView>(&insecurePanel, u"connectionView"_s);
    QVERIFY(view->tlsErrorsIgnored());
    QTRY_VERIFY2(view->text().contains(line), qPrintable(view->text()));
    QVERIFY2(view->reportText().contains(line + u" ("_s), qPrintable(view->reportText()));

    QTRY_COMPARE(checked.readyState(), ReadyState::Closed);
    QVERIFY2(checked.lastError().contains(u"certificate"_s, Qt::CaseInsensitive),
            qPrintable(checked.lastError()));
    auto *checkedView = child<ConnectionView>(&checkedPanel, u"connectionView"_s);
    QVERIFY(!checkedView->tlsErrorsIgnored());
    QTRY_VERIFY(!checkedView->reportText().isEmpty());
    QVERIFY(!checkedView->reportText().contains(line));
    QVERIFY(!checkedView->text().contains(line));

    // Turning it off hides it again.
    insecure.setConfig(checked.config());
    QTRY_VERIFY(note->isHidden());
    QVERIFY(!view->tlsErrorsIgnored());

    // Cached TLS connections would otherwise outlive the server (a Qt warning at exit).
    Sse::NetworkPool *pool = Sse::NetworkPool::instance();
    for (const auto tls : {Sse::NetworkPool::Tls::Verify, Sse::NetworkPool::Tls::IgnoreErrors}) {
        QNetworkAccessManager *manager = pool->acquire(tls);
        manager->clearConnectionCache();
        pool->release(manager);
    }
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
    auto *view = child<ConnectionView>(&panel, u"connectionView"_s);
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
    auto *view = child<ConnectionView>(&panel, u"connectionView"_s);
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

    auto *view = child<ConnectionView>(&panel, u"connectionView"_s);
    QTRY_VERIFY(view->text().contains(finding));
    const QString text = view->text();
    QVERIFY(text.contains(named));
    QVERIFY2(!text.contains(u"arrive late"_s) && !text.contains(u"bursts"_s), qPrintable(text));
}

// A colour decoration is painted from one icon per colour: a new pixmap per paint added an
// entry to QPixmapCache each time, and the dashboard's memory grew with every repaint.
void tst_FeedPanel::eventTable_reusesColourIcons()
{
    EventTable events;
    QVERIFY(qobject_cast<ColorDecorationDelegate *>(events.itemDelegate()));

    const QColor colours[] = {QColor(0xd0, 0x30, 0x30), QColor(0x20, 0x80, 0x20)};
    QStandardItemModel model(60, 1);
    for (int row = 0; row < model.rowCount(); ++row) {
        model.setData(model.index(row, 0), u"row %1"_s.arg(row));
        model.setData(model.index(row, 0), colours[row % 2], Qt::DecorationRole);
    }
    auto *delegate = new ColorDecorationDelegate(&model);
    QTableView view;
    view.setModel(&model);
    view.setItemDelegate(delegate);
    view.resize(300, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QImage image;
    for (int pass = 0; pass < 5; ++pass) {
        image = view.viewport()->grab().toImage();
        view.scrollToBottom();
        view.scrollToTop();
    }
    QCOMPARE(delegate->cachedIconCount(), 2);
    const auto shows = [&image](const QColor &colour) {
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (image.pixelColor(x, y) == colour)
                    return true;
            }
        }
        return false;
    };
    QVERIFY(shows(colours[0]));
    QVERIFY(shows(colours[1]));
}

void tst_FeedPanel::connectionView_keepsAnOlderPick()
{
    ConnectionView view;
    QCOMPARE(view.currentIndex(), -1);
    QVERIFY(!child<QToolButton>(&view, u"copyReportButton"_s)->isEnabled());
    view.setConnections({makeRecord(1, 1000), makeRecord(2, 2000)});
    // The newest is shown, and listed first.
    QCOMPARE(view.currentIndex(), 1);
    QVERIFY(child<QComboBox>(&view, u"connectionSelector"_s)->itemText(0).startsWith(u"#2"_s));
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

// A feed reports changes of its newest connection several times a second, with Feed::
// MaxConnections records: the selector changes the rows that changed, not all of them.
void tst_FeedPanel::connectionView_updatesOnlyChangedRows()
{
    ConnectionView view;
    auto *selector = child<QComboBox>(&view, u"connectionSelector"_s);
    QList<ConnectionRecord> records;
    for (int i = 1; i <= Feed::MaxConnections; ++i)
        records.append(makeRecord(i, i * 1000));
    view.setConnections(records);
    QCOMPARE(selector->count(), Feed::MaxConnections);
    view.setCurrentIndex(100); // an older pick, request 101
    QVERIFY(view.reportText().contains(u"Request: 101\n"_s));

    int inserted = 0;
    int removed = 0;
    int changed = 0;
    QAbstractItemModel *model = selector->model();
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [&inserted](
                    const QModelIndex &, int first, int last) { inserted += last - first + 1; });
    connect(model, &QAbstractItemModel::rowsRemoved, this,
            [&removed](const QModelIndex &, int first, int last) { removed += last - first + 1; });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [&changed](const QModelIndex &first, const QModelIndex &last) {
                changed += last.row() - first.row() + 1;
            });
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);

    constexpr int Reconnects = 50;
    for (int i = 0; i < Reconnects; ++i) {
        // As Feed does: a new ongoing record (the oldest dropped), then its end.
        ConnectionRecord next = makeRecord(records.constLast().connection + 1, 0);
        next.startedMs = records.constLast().startedMs + 1000;
        next.endedMs.reset();
        records.removeFirst();
        records.append(next);
        view.setConnections(records);
        QVERIFY(selector->itemText(0).contains(ConnectionView::tr("waiting for the response")));
        records.last().endedMs = next.startedMs + 10;
        view.setConnections(records);
        view.setConnections(records); // unchanged: nothing to do
    }
    QCOMPARE(inserted, Reconnects);
    QCOMPARE(removed, Reconnects);
    QVERIFY2(changed <= 2 * Reconnects, qPrintable(QString::number(changed)));
    QCOMPARE(resets.count(), 0);

    // The rows read as a fresh view's, and the older pick stayed on its record.
    ConnectionView fresh;
    fresh.setConnections(records);
    const auto *freshSelector = child<QComboBox>(&fresh, u"connectionSelector"_s);
    QCOMPARE(selector->count(), freshSelector->count());
    for (int row = 0; row < selector->count(); ++row)
        QCOMPARE(selector->itemText(row), freshSelector->itemText(row));
    QVERIFY(view.reportText().contains(u"Request: 101\n"_s));
    QCOMPARE(view.currentIndex(), 100 - Reconnects);

    // Records that do not continue the list (another feed's, say) are listed afresh.
    view.setConnections({makeRecord(7, 7000)});
    QCOMPARE(selector->count(), 1);
    QVERIFY(selector->itemText(0).startsWith(u"#7"_s));
    QCOMPARE(view.currentIndex(), 0);
    view.setConnections({});
    QCOMPARE(selector->count(), 1);
    QCOMPARE(view.currentIndex(), -1);
}

// Hidden views (other feeds' panels, other tabs) build their page when shown or read.
void tst_FeedPanel::connectionView_buildsAHiddenPageWhenShown()
{
    const QList<ConnectionRecord> two{makeRecord(1, 1000), makeRecord(2, 2000)};
    const QList<ConnectionRecord> three{two.at(0), two.at(1), makeRecord(3, 3000)};
    const QList<ConnectionRecord> four{three.at(0), three.at(1), three.at(2), makeRecord(4, 4000)};
    const auto pageOf = [](const QList<ConnectionRecord> &records) {
        ConnectionView reference;
        reference.setConnections(records);
        return reference.text();
    };
    ConnectionView view;
    auto *browser = child<QTextBrowser>(&view, u"connectionBrowser"_s);
    view.setConnections(two);
    QVERIFY(browser->toPlainText().isEmpty());
    QVERIFY(child<QToolButton>(&view, u"copyReportButton"_s)->isEnabled());
    QCOMPARE(view.text(), pageOf(two)); // reading it builds it
    QCOMPARE(browser->toPlainText(), pageOf(two));

    view.setConnections(three);
    QCOMPARE(browser->toPlainText(), pageOf(two)); // still the old page while hidden
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(browser->toPlainText(), pageOf(three));
    // Shown, it follows at once.
    view.setConnections(four);
    QCOMPARE(browser->toPlainText(), pageOf(four));
    QVERIFY(pageOf(four) != pageOf(three));
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
    const auto llmViewOf = [](const FeedPanel &panel) {
        return panel.findChild<LlmView *>(u"llmView"_s);
    };
    Feed plain(configFor(m_publisher->url(u"/events"_s)));
    FeedPanel plainPanel(&plain);
    auto *plainTabs = child<QTabWidget>(&plainPanel, u"sideTabs"_s);
    QCOMPARE(plainTabs->count(), 2);
    QCOMPARE(plainTabs->tabText(FeedPanel::EventTab), u"Event"_s);
    QCOMPARE(plainTabs->tabText(FeedPanel::ConnectionTab), u"Connection"_s);
    QCOMPARE(llmViewOf(plainPanel), nullptr);

    Feed llm(configFor(llmUrl(*m_publisher, u"openai"_s), true));
    FeedPanel llmPanel(&llm);
    auto *llmTabs = child<QTabWidget>(&llmPanel, u"sideTabs"_s);
    QCOMPARE(llmTabs->count(), 3);
    QCOMPARE(llmTabs->tabText(FeedPanel::LlmTab), u"LLM"_s);
    QVERIFY(llmViewOf(llmPanel));
    QCOMPARE(llmTabs->widget(FeedPanel::LlmTab), llmViewOf(llmPanel));
    QCOMPARE(llmTabs->currentIndex(), int(FeedPanel::LlmTab));

    // The tab follows the configuration.
    llm.setConfig(configFor(llmUrl(*m_publisher, u"openai"_s), false));
    QTRY_COMPARE(llmTabs->count(), 2);
    QCOMPARE(llmViewOf(llmPanel), nullptr);
    plain.setConfig(configFor(llmUrl(*m_publisher, u"openai"_s), true));
    QTRY_COMPARE(plainTabs->count(), 3);
    QVERIFY(llmViewOf(plainPanel));
}

void tst_FeedPanel::panel_llmViewShowsStreamedText()
{
    Feed feed(configFor(llmUrl(*m_publisher, u"anthropic"_s), true));
    FeedPanel panel(&feed);
    auto *view = child<LlmView>(&panel, u"llmView"_s);
    feed.open();
    const QString paragraph = Sse::TokenStreamer::paragraph();
    QTRY_COMPARE_WITH_TIMEOUT(view->text(), paragraph, 20000);
    QTRY_VERIFY(view->statsText().contains(u"Done"_s));
    const QString stats = view->statsText();
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
    ShownPanel shown(m_publisher->url(u"/events"_s), {1400, 600});
    QVERIFY(shown.exposed());
    const QTableView *table = shown.panel.tableView();
    const int name = table->fontMetrics().horizontalAdvance(u"content_block_delta"_s);
    // Narrow while every event is a "message": the data column keeps the room.
    QVERIFY(table->columnWidth(EventLogModel::TypeColumn) < name);
    QVERIFY(table->columnWidth(EventLogModel::TypeColumn)
            >= table->horizontalHeader()->sectionSizeHint(EventLogModel::TypeColumn));
    shown.feed.model()->append(makeEvent("{}"_ba, "content_block_delta"_ba, "1"_ba));
    shown.feed.model()->flush();
    QTRY_VERIFY(table->columnWidth(EventLogModel::TypeColumn) > name);
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
    child<QTabWidget>(&panel, u"sideTabs"_s)->setCurrentIndex(FeedPanel::ConnectionTab);
    feed.open();
    QTRY_COMPARE(panel.connectionWarningCount(), 3);
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    TestSupport::saveGrab(panel, u"feedpanel-connection.png"_s);

    const QPalette dark = TestSupport::darkPalette();
    panel.setPalette(dark);
    // The page is drawn again in the dark palette's severity colours.
    const QString warningColour =
            ConnectionView::severityColor(Severity::Warning, dark).name(QColor::HexRgb);
    auto *browser = child<QTextBrowser>(&panel, u"connectionBrowser"_s);
    QTRY_VERIFY(browser->toHtml().contains(warningColour));
    TestSupport::saveGrab(panel, u"feedpanel-connection-dark.png"_s);
}

void tst_FeedPanel::detailPane_keepsJsonTokensAsSent()
{
    // What a double or a sorted map would change: big integers, trailing zeros, -0, numbers
    // beyond double's range, escapes, key order and duplicate keys.
    const QByteArray json = R"({"big":12345678901234567890,"price":1.10,"zero":-0,"huge":1e400,)"
                            R"("name":"caf\u00e9","k":1,"k":2})"_ba;
    DetailPane pane;
    pane.setRecord(makeEvent(json));
    QVERIFY(pane.isJson());
    const QString text = pane.dataText();
    QVERIFY2(text.contains(u"12345678901234567890"_s), qPrintable(text));
    QVERIFY2(text.contains(u": 1.10,"_s), qPrintable(text));
    QVERIFY2(text.contains(u": -0,"_s), qPrintable(text));
    QVERIFY2(text.contains(u"1e400"_s), qPrintable(text));
    QVERIFY2(text.contains(uR"("caf\u00e9")"_s), qPrintable(text));
    const QStringList keys{u"\"big\""_s, u"\"price\""_s, u"\"zero\""_s, u"\"huge\""_s,
            u"\"name\""_s, u"\"k\": 1"_s, u"\"k\": 2"_s};
    qsizetype previous = -1;
    for (const QString &key : keys) {
        const qsizetype at = text.indexOf(key);
        QVERIFY2(at > previous, qPrintable(key + u" is missing or out of order in\n"_s + text));
        previous = at;
    }
    QCOMPARE(text, QString::fromUtf8(Sse::Json::reindent(json).text));
    QVERIFY(text.count(u'\n') >= keys.size());
    QVERIFY(pane.noteText().isEmpty());
}

void tst_FeedPanel::detailPane_invalidJsonShownRawWithWhere()
{
    DetailPane pane;
    const QByteArray broken = "{\"a\": 1,\n \"b\": tru}"_ba;
    pane.setRecord(makeEvent(broken));
    QVERIFY(!pane.isJson());
    QCOMPARE(pane.dataText(), QString::fromUtf8(broken));
    const Sse::Json::Reindented result = Sse::Json::reindent(broken);
    QVERIFY(!result.ok);
    const QString note = pane.noteText();
    QVERIFY2(note.startsWith(u"Not valid JSON: "_s), qPrintable(note));
    QVERIFY(result.errorAt);
    QVERIFY2(note.contains(result.error), qPrintable(note));
    QVERIFY2(note.contains(u"line 2, column %1"_s.arg(result.errorAt->column)), qPrintable(note));
    QVERIFY(pane.findChild<QLabel *>(u"noteLabel"_s)->isVisibleTo(&pane));

    // Text that does not look like JSON is plain data: no note.
    pane.setRecord(makeEvent("status: ok {fine}"_ba));
    QVERIFY(!pane.isJson());
    QVERIFY(pane.noteText().isEmpty());
    QCOMPARE(pane.dataText(), u"status: ok {fine}"_s);
}

void tst_FeedPanel::detailPane_copyIsTheOriginalCopyPrettyTheIndented()
{
    DetailPane pane;
    const QByteArray json = R"({"n":1.50,"list":[1,2]})"_ba;
    Record record = makeEvent(json, "update"_ba, "9"_ba);
    record.event.raw = "id:9\nevent:update\ndata:" + json + "\n\n";
    pane.setRecord(record);
    auto *copy = pane.findChild<QToolButton *>(u"copyButton"_s);
    auto *copyPretty = pane.findChild<QToolButton *>(u"copyPrettyButton"_s);
    QVERIFY(copy);
    QVERIFY(copyPretty);
    QVERIFY(copy->isEnabled());
    QVERIFY(copyPretty->isEnabled());
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->clear();
    copy->click();
    QCOMPARE(clipboard->text(), QString::fromUtf8(json));
    copyPretty->click();
    QCOMPARE(clipboard->text(), QString::fromUtf8(Sse::Json::reindent(json).text));
    QVERIFY(clipboard->text().contains(u"\"n\": 1.50"_s));

    // On the Raw tab, Copy gives the wire lines.
    child<QTabWidget>(&pane, u"detailTabs"_s)->setCurrentIndex(DetailPane::RawTab);
    copy->click();
    QCOMPARE(clipboard->text(), QString::fromUtf8(record.event.raw));

    // Not JSON: nothing to copy pretty.
    pane.setRecord(makeEvent("plain"_ba));
    QVERIFY(!copyPretty->isEnabled());
    pane.clear();
    QVERIFY(!copy->isEnabled());
}

void tst_FeedPanel::table_selectionSurvivesEvictionUntilItsEventLeaves()
{
    ShownPanel shown(m_publisher->url(u"/events"_s));
    QVERIFY(shown.exposed());
    Feed &feed = shown.feed;
    FeedPanel &panel = shown.panel;
    EventLogModel *log = feed.model();
    log->setCapacity(20);
    appendNumbered(log, 1, 10);
    QTableView *table = panel.tableView();
    auto *detail = child<DetailPane>(&panel, u"detailPane"_s);
    table->setCurrentIndex(table->model()->index(4, EventLogModel::DataColumn));
    QCOMPARE(currentSequence(table), quint64(5));
    QCOMPARE(detail->record().event.data, "5"_ba);

    // Rows come and the oldest leave: the same event stays selected and shown.
    appendNumbered(log, 11, 12);
    QCOMPARE(log->evictedCount(), quint64(2));
    QCOMPARE(currentSequence(table), quint64(5));
    const QModelIndexList selected = table->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(EventLogModel::SequenceRole).toULongLong(), quint64(5));
    QCOMPARE(detail->record().event.data, "5"_ba);

    // Its event leaves the log: nothing is selected, and the pane says why.
    appendNumbered(log, 23, 3);
    QCOMPARE(log->evictedCount(), quint64(5));
    QVERIFY(!table->currentIndex().isValid());
    QVERIFY(!table->selectionModel()->hasSelection());
    QVERIFY(!detail->hasRecord());
    QVERIFY2(detail->headerText().contains(u"left the log"_s), qPrintable(detail->headerText()));
    appendNumbered(log, 26, 5);
    QVERIFY(!table->currentIndex().isValid());

    // A filter that hides the selected event clears the selection too, and says so.
    const int row = table->model()->rowCount() - 1;
    table->setCurrentIndex(table->model()->index(row, EventLogModel::DataColumn));
    QCOMPARE(detail->record().event.data, "30"_ba);
    child<QLineEdit>(&panel, u"textFilterEdit"_s)->setText(u"29"_s);
    QCOMPARE(table->model()->rowCount(), 1);
    QVERIFY(!table->currentIndex().isValid());
    QVERIFY2(detail->headerText().contains(u"filter"_s), qPrintable(detail->headerText()));
}

void tst_FeedPanel::table_viewDoesNotMoveWhileRowsLeaveTheFront()
{
    ShownPanel shown(m_publisher->url(u"/events"_s));
    QVERIFY(shown.exposed());
    QTableView *table = shown.panel.tableView();
    QScrollBar *bar = table->verticalScrollBar();
    EventLogModel *log = shown.feed.model();
    log->setCapacity(200);
    appendNumbered(log, 1, 150);
    QTRY_VERIFY(bar->maximum() > 50);
    QTRY_COMPARE(bar->value(), bar->maximum());

    // The user scrolls back to read.
    bar->triggerAction(QAbstractSlider::SliderPageStepSub);
    bar->triggerAction(QAbstractSlider::SliderPageStepSub);
    const quint64 top = topSequence(table);
    QVERIFY(top > 50);
    appendNumbered(log, 151, 100);
    QCOMPARE(log->evictedCount(), quint64(50));
    QTRY_COMPARE(topSequence(table), top);
    appendNumbered(log, 251, 20);
    QTRY_COMPARE(topSequence(table), top);
}

void tst_FeedPanel::table_followLiveIsAnExplicitToggle()
{
    ShownPanel shown(m_publisher->url(u"/events"_s), {1000, 500});
    QVERIFY(shown.exposed());
    Feed &feed = shown.feed;
    FeedPanel &panel = shown.panel;
    auto *follow = panel.findChild<QAction *>(u"followLiveAction"_s);
    QVERIFY(follow);
    QVERIFY(follow->isCheckable());
    QVERIFY(follow->isChecked()); // on by default
    auto *button = panel.findChild<QToolButton *>(u"followLiveButton"_s);
    QVERIFY(button);
    QCOMPARE(button->defaultAction(), follow);
    QVERIFY(button->isVisible());
    QVERIFY(button->isChecked());

    EventLogModel *log = feed.model();
    appendNumbered(log, 1, 200);
    QTableView *table = panel.tableView();
    QScrollBar *bar = table->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 10);
    QTRY_COMPARE(bar->value(), bar->maximum());

    // Scrolling up stops following, visibly.
    bar->triggerAction(QAbstractSlider::SliderPageStepSub);
    QVERIFY(!follow->isChecked());
    QVERIFY(!button->isChecked());
    const int at = bar->value();
    const int maxBefore = bar->maximum();
    appendNumbered(log, 201, 50);
    QTRY_VERIFY(bar->maximum() >= maxBefore + 40);
    QCOMPARE(bar->value(), at);

    // End (in the table) follows again.
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_End);
    QVERIFY(follow->isChecked());
    QTRY_COMPARE(bar->value(), bar->maximum());
    appendNumbered(log, 251, 50);
    QTRY_COMPARE(bar->value(), bar->maximum());

    // Selecting a row stops following; the button starts it again.
    const int row = table->rowAt(table->viewport()->height() / 2);
    QVERIFY(row >= 0);
    const QRect cell = table->visualRect(table->model()->index(row, EventLogModel::DataColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(table->currentIndex().row(), row);
    QVERIFY(!follow->isChecked());
    button->click();
    QVERIFY(follow->isChecked());
    QTRY_COMPARE(bar->value(), bar->maximum());
    QCOMPARE(table->currentIndex().row(), row); // following does not change the selection
}

void tst_FeedPanel::table_idSizeAndTypeColumnsFitTheirContent()
{
    ShownPanel shown(m_publisher->url(u"/events"_s), {1800, 600});
    QVERIFY(shown.exposed());
    Feed &feed = shown.feed;
    FeedPanel &panel = shown.panel;
    auto *tableAndDetail = qobject_cast<QSplitter *>(panel.tableView()->parentWidget());
    QVERIFY(tableAndDetail);
    tableAndDetail->setSizes({1400, 400});
    QTRY_VERIFY(panel.tableView()->viewport()->width() > 1200);
    EventLogModel *log = feed.model();
    log->append(makeEvent(QByteArray(812, 'a'), "tick"_ba, "1"_ba));
    log->append(makeEvent(QByteArray(1229, 'b'), "tick"_ba, "2"_ba));
    log->append(makeEvent(QByteArray(5 * 1024 * 1024, 'c'),
            "response.output_text.annotation.added"_ba, "3f2b8c1e-9a4d-4c7b-8e21-5d6f7a8b9c0d"_ba));
    log->flush();
    const QTableView *table = panel.tableView();
    // QTableView hides it; the base class has it public.
    const auto *view = static_cast<const QAbstractItemView *>(table);
    const QAbstractItemModel *model = table->model();
    const QLocale locale;
    QCOMPARE(model->index(0, EventLogModel::SizeColumn).data().toString(), u"812 B"_s);
    QCOMPARE(model->index(1, EventLogModel::SizeColumn).data().toString(),
            locale.toString(1.2, 'f', 1) + u" KiB"_s);
    QCOMPARE(model->index(2, EventLogModel::SizeColumn).data().toString(),
            locale.toString(5.0, 'f', 1) + u" MiB"_s);
    for (const int column :
            {EventLogModel::IdColumn, EventLogModel::SizeColumn, EventLogModel::TypeColumn}) {
        QTRY_VERIFY2(table->columnWidth(column) >= view->sizeHintForColumn(column),
                qPrintable(u"column %1: %2 < %3"_s.arg(column)
                                   .arg(table->columnWidth(column))
                                   .arg(view->sizeHintForColumn(column))));
    }

    // In a narrow table the columns grow only as far as the data keeps a third of the width.
    ShownPanel narrow(m_publisher->url(u"/events"_s));
    QVERIFY(narrow.exposed());
    const QTableView *narrowTable = narrow.panel.tableView();
    const int viewWidth = narrowTable->viewport()->width();
    QVERIFY(viewWidth < 800);
    const int dataBefore = narrowTable->columnWidth(EventLogModel::DataColumn);
    narrow.feed.model()->append(makeEvent("x"_ba, QByteArray(60, 't'), QByteArray(60, '7')));
    narrow.feed.model()->flush();
    QTRY_VERIFY(narrowTable->columnWidth(EventLogModel::DataColumn)
            >= std::min(dataBefore, viewWidth / 3 - 1));
}

void tst_FeedPanel::table_copiesDataAndSseLines()
{
    MainWindow window;
    Feed *feed = window.addFeed(configFor(m_publisher->url(u"/events"_s)), false);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    FeedPanel *panel = window.currentPanel();
    Record withRaw = makeEvent(R"({"a":1})"_ba, "update"_ba, "7"_ba);
    withRaw.event.raw = "id:7\nevent:update\ndata:{\"a\":1}\n\n"_ba; // as sent: no spaces
    Record comment;
    comment.kind = Record::Kind::Comment;
    comment.text = "keep-alive"_ba;
    feed->model()->append(withRaw);
    feed->model()->append(makeEvent("line one\nline two"_ba, "message"_ba, "8"_ba));
    feed->model()->append(comment);
    feed->model()->flush();

    QTableView *table = panel->tableView();
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    table->selectAll();
    QCOMPARE(table->selectionModel()->selectedRows().size(), 3);
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->clear();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboard->text(), u"{\"a\":1}\nline one\nline two\nkeep-alive"_s);

    // Ctrl+Shift+C is "Copy as SSE" in the table (the window's "Copy as curl" elsewhere).
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(clipboard->text(),
            u"id:7\nevent:update\ndata:{\"a\":1}\n\n"
            "id: 8\ndata: line one\ndata: line two\n\n"
            ": keep-alive\n"_s);
}

void tst_FeedPanel::table_contextMenuFiltersAndShowsInTimeline()
{
    constexpr qint64 T0 = 1'700'000'000'000;
    ShownPanel shown(m_publisher->url(u"/events"_s));
    QVERIFY(shown.exposed());
    Feed &feed = shown.feed;
    FeedPanel &panel = shown.panel;
    EventLogModel *log = feed.model();
    log->append(makeEvent("a"_ba, "alpha"_ba, {}, T0));
    log->append(makeEvent("b"_ba, "beta"_ba, {}, T0 + 60'000));
    log->append(makeEvent("c"_ba, "alpha"_ba, {}, T0 + 120'000));
    log->flush();
    QTableView *table = panel.tableView();
    const QRect cell = table->visualRect(table->model()->index(1, EventLogModel::DataColumn));

    // A right click on a row offers the four actions for it.
    QStringList offered;
    QTimer closer;
    closer.setInterval(20);
    connect(&closer, &QTimer::timeout, &closer, [&offered, &closer] {
        if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
            const QList<QAction *> actions = menu->actions();
            for (const QAction *action : actions)
                offered.append(action->objectName());
            menu->close();
            closer.stop();
        }
    });
    closer.start();
    QContextMenuEvent event(
            QContextMenuEvent::Mouse, cell.center(), table->viewport()->mapToGlobal(cell.center()));
    QApplication::sendEvent(table->viewport(), &event);
    for (const QString &name : {u"copyDataAction"_s, u"copySseAction"_s, u"filterByTypeAction"_s,
                 u"showInTimelineAction"_s})
        QVERIFY2(offered.contains(name), qPrintable(offered.join(u", "_s)));
    QCOMPARE(currentSequence(table), quint64(2));

    // Show in timeline: it stops following and centres the event's time.
    auto *show = panel.findChild<QAction *>(u"showInTimelineAction"_s);
    QVERIFY(show);
    show->trigger();
    auto *timeline = child<TimelineWidget>(&panel, u"timeline"_s);
    QVERIFY(!timeline->followsLive());
    QVERIFY(qAbs(timeline->mapping().x(T0 + 60'000) - timeline->width() / 2.0) <= 2.0);
    QCOMPARE(timeline->markedTime(), std::optional<qint64>(T0 + 60'000));

    // Filter by this type: only "beta" is left, and types that come later stay out.
    auto *filter = panel.findChild<QAction *>(u"filterByTypeAction"_s);
    QVERIFY(filter);
    filter->trigger();
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data(EventLogModel::TypeRole).toString(), u"beta"_s);
    log->append(makeEvent("d"_ba, "gamma"_ba));
    log->append(makeEvent("e"_ba, "beta"_ba));
    log->flush();
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(panel.filterModel()->onlyType(), u"beta"_s);
    auto *types = panel.findChild<QToolButton *>(u"typeButton"_s);
    QVERIFY(types);
    QVERIFY2(types->text().contains(u"beta"_s), qPrintable(types->text()));
    // "Show all" in the type menu ends it.
    panel.refreshTypeMenu();
    const QList<QAction *> entries = child<QMenu>(&panel, u"typeMenu"_s)->actions();
    QVERIFY(!entries.isEmpty());
    entries.first()->trigger();
    QCOMPARE(table->model()->rowCount(), 5);
    QVERIFY(panel.filterModel()->onlyType().isEmpty());
}

void tst_FeedPanel::stateStrip_elidesWithToolTip()
{
    m_server->route("/down", [](TestSupport::Connection *connection) {
        connection->respond(503, "text/plain", "down for maintenance");
    });
    ShownPanel shown(m_server->url(u"/down"_s), {1400, 600});
    QVERIFY(shown.exposed());
    Feed &feed = shown.feed;
    FeedPanel &panel = shown.panel;
    const QStringList names{u"stateLabel"_s, u"eventsLabel"_s, u"rateLabel"_s, u"bytesLabel"_s,
            u"reconnectsLabel"_s, u"retryLabel"_s, u"lastIdLabel"_s, u"errorLabel"_s};
    for (const QString &name : names)
        QVERIFY2(stripLabel(panel, name), qPrintable(name));
    QLabel *error = stripLabel(panel, u"errorLabel"_s);
    QCOMPARE(error->text(), u"No error"_s);

    // The strip asks for less room than its texts: they elide rather than widen the window.
    auto *strip = panel.findChild<QWidget *>(u"stateStrip"_s);
    QVERIFY(strip);
    int textWidths = 0;
    for (const QString &name : names)
        textWidths += stripLabel(panel, name)->sizeHint().width();
    QVERIFY2(strip->minimumSizeHint().width() < textWidths,
            qPrintable(u"%1 >= %2"_s.arg(strip->minimumSizeHint().width()).arg(textWidths)));

    feed.open();
    QTRY_VERIFY(panel.statusText().contains(u"Error (fatal)"_s));
    const QString fullError = error->text();
    QVERIFY2(fullError.startsWith(u"Error (fatal): "_s), qPrintable(fullError));
    QVERIFY(fullError.contains(u"503"_s));

    // Narrow: what does not fit is elided, and the tooltip has all of it.
    panel.resize(560, 600);
    QTRY_VERIFY(strip->width() <= 560);
    int elided = 0;
    for (const QString &name : names) {
        QLabel *label = stripLabel(panel, name);
        QVERIFY2(!label->text().endsWith(u"\u2026"_s), qPrintable(label->text()));
        if (label->width() >= label->fontMetrics().horizontalAdvance(label->text()))
            continue;
        ++elided;
        const QString tip = hoverToolTip(label);
        QVERIFY2(tip.contains(label->text()), qPrintable(name + u": "_s + tip));
    }
    QVERIFY(elided > 0);
    QCOMPARE(error->text(), fullError);
}

void tst_FeedPanel::emptyStates_sayWhatIsGoingOn()
{
    QPointer<TestSupport::Connection> stream;
    m_server->route("/quiet", [&stream](TestSupport::Connection *connection) {
        connection->writeSseHead();
        stream = connection;
    });
    ShownPanel shown(m_server->url(u"/quiet"_s));
    QVERIFY(shown.exposed());
    Feed &feed = shown.feed;
    FeedPanel &panel = shown.panel;
    QWidget *viewport = panel.tableView()->viewport();
    auto *empty = viewport->findChild<QLabel *>(u"emptyStateLabel"_s);
    QVERIFY(empty);
    QCOMPARE(empty->text(), u"Not connected yet"_s);
    QVERIFY(empty->isVisible());
    QVERIFY(qAbs(empty->geometry().center().x() - viewport->rect().center().x()) <= 2);
    QVERIFY(qAbs(empty->geometry().center().y() - viewport->rect().center().y()) <= 2);

    feed.open();
    QTRY_COMPARE(empty->text(), u"Waiting for the first event\u2026"_s);
    QVERIFY(empty->isVisible());
    QTRY_VERIFY(stream);
    stream->write("data: hello\n\n"_ba);
    QTRY_VERIFY(!empty->isVisible());

    auto *textFilter = child<QLineEdit>(&panel, u"textFilterEdit"_s);
    textFilter->setText(u"no such text"_s);
    QTRY_VERIFY(empty->isVisible());
    QCOMPARE(empty->text(), u"No event matches the filter"_s);
    textFilter->clear();
    QTRY_VERIFY(!empty->isVisible());

    // An LLM feed's text tab says the same.
    ShownPanel llm(m_server->url(u"/quiet"_s), {1000, 600}, true);
    QVERIFY(llm.exposed());
    auto *llmEmpty = child<QLabel>(child<LlmView>(&llm.panel, u"llmView"_s), u"emptyStateLabel"_s);
    QVERIFY(llmEmpty);
    QCOMPARE(llmEmpty->text(), u"Not connected yet"_s);
    QVERIFY(llmEmpty->isVisible());
    llm.feed.open();
    QTRY_COMPARE(llmEmpty->text(), u"Waiting for the first event\u2026"_s);
    // The timeline too.
    QCOMPARE(child<TimelineWidget>(&llm.panel, u"timeline"_s)->emptyText(),
            u"Waiting for the first event\u2026"_s);
}

void tst_FeedPanel::shortcuts_reachTheWindowFromTheFilterField()
{
    MainWindow window;
    window.addFeed(configFor(m_publisher->url(u"/events"_s)), false);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *edit = child<QLineEdit>(window.currentPanel(), u"textFilterEdit"_s);
    edit->setFocus();
    QTRY_VERIFY(edit->hasFocus());
    ClaimsCtrlE claim;
    edit->installEventFilter(&claim);

    QSignalSpy exported(window.findChild<QAction *>(u"exportAction"_s), &QAction::triggered);
    {
        ModalCloser closer;
        QTest::keyClick(edit, Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(exported.count(), 1);
        QTRY_COMPARE(closer.className, u"ExportDialog"_s);
    }
    // The dialog took the focus; give it back.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    edit->setFocus();
    QTRY_VERIFY(edit->hasFocus());
    QSignalSpy imported(window.findChild<QAction *>(u"importAction"_s), &QAction::triggered);
    {
        ModalCloser closer;
        QTest::keyClick(edit, Qt::Key_O, Qt::ControlModifier);
        QCOMPARE(imported.count(), 1);
    }

    // Keys the field needs for its text stay its own.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    edit->setFocus();
    QTRY_VERIFY(edit->hasFocus());
    edit->setText(u"abc"_s);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(edit->selectedText(), u"abc"_s);
    QSignalSpy removed(window.findChild<QAction *>(u"removeAction"_s), &QAction::triggered);
    QTest::keyClick(edit, Qt::Key_Delete);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(window.findChild<FeedList *>(u"feeds"_s)->count(), 1);
    QVERIFY(edit->text().isEmpty());
}

void tst_FeedPanel::detailPane_rawShowsCarriageReturnsAndCopiesThem()
{
    // A CR LF and a lone CR, as a server sent them: the view marks each where it would
    // otherwise only break the line, and Copy gives the bytes themselves.
    DetailPane pane;
    Record record = makeEvent("x"_ba, "tick"_ba);
    record.event.raw = "event: tick\r\ndata: x\r\r\n"_ba;
    pane.setRecord(record);
    QCOMPARE(pane.rawText(), u"event: tickCRLF\ndata: xCR\nCRLF\n"_s);
    // The marks stand out from text that happens to read "CRLF".
    QTextCursor cursor(child<QPlainTextEdit>(&pane, u"rawView"_s)->document());
    cursor.setPosition(int(qstrlen("event: tick")));
    QCOMPARE(cursor.charFormat().background().style(), Qt::NoBrush);
    cursor.movePosition(QTextCursor::NextCharacter);
    QCOMPARE(cursor.charFormat().background().style(), Qt::SolidPattern);
    // In dark mode the marks take the dark palette's colours.
    const QPalette dark = TestSupport::darkPalette();
    pane.setPalette(dark);
    cursor = QTextCursor(child<QPlainTextEdit>(&pane, u"rawView"_s)->document());
    cursor.setPosition(int(qstrlen("event: tick")) + 1);
    QCOMPARE(cursor.charFormat().background().color(), dark.color(QPalette::PlaceholderText));
    QCOMPARE(cursor.charFormat().foreground().color(), dark.color(QPalette::Base));
    child<QTabWidget>(&pane, u"detailTabs"_s)->setCurrentIndex(DetailPane::RawTab);
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->clear();
    child<QToolButton>(&pane, u"copyButton"_s)->click();
    QCOMPARE(clipboard->text(), u"event: tick\r\ndata: x\r\r\n"_s);

    // LF lines show as they are.
    record.event.raw = "data: x\n\n"_ba;
    pane.setRecord(record);
    QCOMPARE(pane.rawText(), u"data: x\n\n"_s);
    QVERIFY(pane.noteText().isEmpty());
}

void tst_FeedPanel::detailPane_bytesThatAreNotUtf8AreShownAndExplained()
{
    // A server that sends Latin-1: the data holds U+FFFD, as a browser decodes it; the note says
    // why, and the Raw tab shows the byte itself, marked, where it would show U+FFFD too.
    DetailPane pane;
    Record record = makeEvent("caf\uFFFD \u00E9t\uFFFD"_ba);
    record.event.raw = "data: caf\xE9 \u00E9t\xE2\x82\r\n\n"_ba;
    pane.setRecord(record);
    QVERIFY2(pane.noteText().contains(u"not UTF-8"_s), qPrintable(pane.noteText()));
    QCOMPARE(pane.rawText(), u"data: cafxE9 \u00E9txE2 x82CRLF\n\n"_s);
    QTextCursor cursor(child<QPlainTextEdit>(&pane, u"rawView"_s)->document());
    cursor.setPosition(int(qstrlen("data: caf")) + 1);
    QCOMPARE(cursor.charFormat().background().style(), Qt::SolidPattern);

    // Well-formed lines: no note.
    record.event.raw = "data: caf\u00E9\n\n"_ba;
    pane.setRecord(record);
    QVERIFY(pane.noteText().isEmpty());
    QCOMPARE(pane.rawText(), u"data: caf\u00E9\n\n"_s);
}

void tst_FeedPanel::detailPane_prettyPrintsJson()
{
    DetailPane pane;
    Record record = makeEvent(JsonData, "message"_ba, "7"_ba);
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
    QCOMPARE(child<JsonHighlighter>(&pane, u"jsonHighlighter"_s)->document(),
            child<QTabWidget>(&pane, u"detailTabs"_s)
                    ->widget(DetailPane::DataTab)
                    ->findChild<QTextDocument *>());

    pane.clear();
    QVERIFY(!pane.hasRecord());
    QVERIFY(pane.dataText().isEmpty());
}

void tst_FeedPanel::detailPane_plainTextWhenNotJson()
{
    DetailPane pane;
    pane.setRecord(makeEvent("send data: 2026-11-21 14:19:08\nsecond line"_ba));
    QVERIFY(!pane.isJson());
    QCOMPARE(pane.dataText(), u"send data: 2026-11-21 14:19:08\nsecond line"_s);
    QVERIFY(child<JsonHighlighter>(&pane, u"jsonHighlighter"_s)->document() == nullptr);

    Record comment;
    comment.kind = Record::Kind::Comment;
    comment.text = " heartbeat";
    pane.setRecord(comment);
    QVERIFY(!pane.isJson());
    QCOMPARE(pane.dataText(), u" heartbeat"_s);
    // Whether a space followed the colon is not kept, so no wire line is made up.
    QVERIFY(pane.rawText().isEmpty());
    const auto *raw = pane.findChild<QPlainTextEdit *>(u"rawView"_s);
    QVERIFY(raw);
    QVERIFY2(raw->placeholderText().contains(u"not kept"_s), qPrintable(raw->placeholderText()));
}

void tst_FeedPanel::detailPane_saysWhenRawLinesWereDropped()
{
    DetailPane pane;
    const Record record = makeEvent("x"_ba);
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

void tst_FeedPanel::detailPane_largeDataStaysPlain()
{
    DetailPane pane;
    QByteArray big = "[";
    for (int i = 0; i < 300000; ++i)
        big += "1,";
    big += "0]"; // ~600 KB of valid JSON
    pane.setPrettyLimit(64 * 1024);
    pane.setRecord(makeEvent(big));
    QVERIFY(!pane.isJson());
    QVERIFY(!pane.noteText().isEmpty());
    QCOMPARE(pane.dataText().size(), big.size());
    QVERIFY(child<JsonHighlighter>(&pane, u"jsonHighlighter"_s)->document() == nullptr);
}

void tst_FeedPanel::jsonHighlighter_coloursKeysAndNumbers()
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

void tst_FeedPanel::sparkline_paintsValues()
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

void tst_FeedPanel::panel_showsRowsAndState()
{
    LivePanel shown(*m_publisher);
    FeedPanel &panel = shown.panel;
    QCOMPARE(panel.stateText(), u"CLOSED (2)"_s);
    QVERIFY(shown.exposed());

    shown.feed.open();
    QTRY_COMPARE(panel.stateText(), u"OPEN (1)"_s);
    QTRY_VERIFY(panel.tableView()->model()->rowCount() >= 5);
    QTRY_VERIFY(panel.statusText().contains(u"Last id: "_s)
            && !panel.statusText().contains(u"Last id: (none)"_s));
    QVERIFY2(panel.statusText().contains(u"No error"_s), qPrintable(panel.statusText()));
    QVERIFY(!panel.statusText().contains(u"Events: 0 "_s));
}

void tst_FeedPanel::panel_selectingJsonRowFillsDetail()
{
    LivePanel shown(*m_publisher);
    QVERIFY(shown.exposed());
    FeedPanel &panel = shown.panel;
    shown.feed.open();
    QTRY_COMPARE(shown.feed.readyState(), ReadyState::Open);

    const int row = publishJsonAndFindRow(*m_publisher, panel.tableView()->model());
    QVERIFY(row >= 0);
    panel.tableView()->setCurrentIndex(
            panel.tableView()->model()->index(row, EventLogModel::DataColumn));

    auto *detail = child<DetailPane>(&panel, u"detailPane"_s);
    QVERIFY(detail->hasRecord());
    QVERIFY(detail->isJson());
    QVERIFY(detail->dataText().contains(u"\"a\": [\n"_s));
    QVERIFY(detail->rawText().contains(u"data: {\"a\":[1,2]}"_s));
}

void tst_FeedPanel::panel_textFilterReducesRows()
{
    LivePanel shown(*m_publisher);
    QVERIFY(shown.exposed());
    Feed &feed = shown.feed;
    FeedPanel &panel = shown.panel;
    feed.open();
    QTRY_COMPARE(feed.readyState(), ReadyState::Open);
    QVERIFY(publishJsonAndFindRow(*m_publisher, panel.tableView()->model()) >= 0);
    QTRY_VERIFY(panel.tableView()->model()->rowCount() >= 5);
    feed.close();
    QTRY_COMPARE(feed.readyState(), ReadyState::Closed);
    feed.model()->flush();

    auto *textFilter = child<QLineEdit>(&panel, u"textFilterEdit"_s);
    const int all = panel.tableView()->model()->rowCount();
    QTest::keyClicks(textFilter, u"\"a\""_s);
    QCOMPARE(panel.tableView()->model()->rowCount(), 1);

    textFilter->clear();
    QCOMPARE(panel.tableView()->model()->rowCount(), all);
    child<QToolButton>(&panel, u"regexButton"_s)->setChecked(true);
    textFilter->setText(u"^\\{\"A\":\\[1"_s);
    QCOMPARE(panel.tableView()->model()->rowCount(), 1);
    textFilter->clear();

    child<QToolButton>(&panel, u"commentsButton"_s)->setChecked(false);
    QVERIFY(panel.tableView()->model()->rowCount() < all);
    QCOMPARE(panel.tableView()->model()->rowCount(),
            int(feed.model()->rowCount()) - int(feed.commentCount()));
}

void tst_FeedPanel::panel_followLiveButtonStopsAutoScroll()
{
    LivePanel shown(*m_publisher, {900, 500});
    QVERIFY(shown.exposed());
    FeedPanel &panel = shown.panel;
    QScrollBar *bar = panel.tableView()->verticalScrollBar();
    auto *followButton = child<QToolButton>(&panel, u"followLiveButton"_s);
    shown.feed.open();
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 5, 10000);
    QTRY_COMPARE(bar->value(), bar->maximum());

    followButton->click();
    QVERIFY(!panel.eventTable()->followsLive());
    QVERIFY(!followButton->isChecked());
    const int pausedAt = bar->value();
    const int maxAtPause = bar->maximum();
    QTRY_VERIFY(bar->maximum() > maxAtPause + 3);
    QCOMPARE(bar->value(), pausedAt);

    followButton->click();
    QVERIFY(panel.eventTable()->followsLive());
    QTRY_COMPARE(bar->value(), bar->maximum());

    // Scrolling up by hand stops following too.
    bar->setValue(0);
    QVERIFY(!panel.eventTable()->followsLive());
    const int maxAtScroll = bar->maximum();
    QTRY_VERIFY(bar->maximum() > maxAtScroll + 3);
    QCOMPARE(bar->value(), 0);
}

void tst_FeedPanel::panel_clearAndShortcuts()
{
    LivePanel shown(*m_publisher);
    QVERIFY(shown.exposed());
    Feed &feed = shown.feed;
    FeedPanel &panel = shown.panel;
    feed.open();
    QTRY_VERIFY(panel.tableView()->model()->rowCount() >= 3);
    feed.close();
    QTRY_COMPARE(feed.readyState(), ReadyState::Closed);
    feed.model()->flush();

    auto *textFilter = child<QLineEdit>(&panel, u"textFilterEdit"_s);
    panel.tableView()->setFocus();
    QTRY_VERIFY(panel.tableView()->hasFocus());
    QTest::keyClick(panel.tableView(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(textFilter->hasFocus());
    QTest::keyClick(textFilter, Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(panel.tableView()->model()->rowCount(), 0);
    QVERIFY(feed.eventCount() > 0);
}

void tst_FeedPanel::panel_grab()
{
    Sse::GeneratorSettings settings = m_publisher->options().generator;
    settings.payload = Sse::GeneratorSettings::Payload::Json;
    m_publisher->setGenerator(settings);
    LivePanel shown(*m_publisher, {1200, 720});
    QVERIFY(shown.exposed());
    FeedPanel &panel = shown.panel;
    shown.feed.open();
    QTRY_VERIFY_WITH_TIMEOUT(shown.feed.rateHistory().size() >= 3, 6000);
    QAbstractItemModel *model = panel.tableView()->model();
    const int row = publishJsonAndFindRow(*m_publisher, model);
    QVERIFY(row >= 0);
    panel.eventTable()->setFollowLive(false);
    panel.tableView()->setCurrentIndex(model->index(row, EventLogModel::DataColumn));
    panel.tableView()->scrollTo(model->index(row, 0));
    panel.updateStatus();
    TestSupport::saveGrab(panel, u"feedpanel.png"_s);
}

void tst_FeedPanel::panel_fatalErrorShowsClosed()
{
    QUrl url = m_publisher->url(u"/events"_s);
    url.setQuery(u"status=503"_s);
    Feed feed(configFor(url));
    feed.open();
    QTRY_COMPARE(feed.readyState(), ReadyState::Closed);
    QVERIFY(feed.isLastErrorFatal());

    FeedPanel panel(&feed);
    QCOMPARE(panel.stateText(), u"CLOSED (2)"_s);
    QVERIFY(panel.statusText().contains(u"fatal"_s));
}

QTEST_MAIN(tst_FeedPanel)
#include "tst_feedpanel.moc"
