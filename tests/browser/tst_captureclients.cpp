// SPDX-License-Identifier: MIT
// Real clients (headless Chromium, node's eventsource, curl) through a real Sse::CaptureProxy.
#include "tests/support/testserver.h"

#include "sselib/capture/captureproxy.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using TestSupport::Connection;
using TestSupport::TestServer;

namespace {

/// Real time one client run may take before the test kills it. Every run here ends on its
/// own within a few seconds; this only bounds a broken one.
constexpr int ClientTimeoutMs = 30000;
/// Chromium's virtual time for a page that should see its events (it stops the clock's rush
/// only while a request is in flight) and for one that should see nothing.
constexpr int LongBudgetMs = 10000;
constexpr int ShortBudgetMs = 3000;
/// How far two wall-clock readings in ms, each rounded down, may undershoot a real interval.
constexpr qint64 ClockSlackMs = 2;

/// A stream in pieces that a client must put together: comment, retry, LF, CRLF and CR line
/// ends, a named event, a UTF-8 character split across writes, and multi-line data.
const QByteArrayList MixedChunks = {
        "retry: 200\n: a comment\n\nid: 1\ndata: first\n\n"_ba,
        "id: 2\r\nevent: tick\r\ndata: crlf\r\n\r\n"_ba,
        "id: 3\rdata: cr only\r\r"_ba,
        "data: split \xC3"_ba,
        "\xA9t\xC3\xA9 \xE2\x82"_ba,
        "\xAC\n\n"_ba,
        "data: multi\ndata: line\n\n"_ba,
};

/// The events of MixedChunks, as describe() writes them.
QStringList mixedEvents()
{
    return {u"message \"first\" id=1"_s, u"tick \"crlf\" id=2"_s, u"message \"cr only\" id=3"_s,
            u"message \"split \u00e9t\u00e9 \u20ac\" id=3"_s, u"message \"multi\\nline\" id=3"_s};
}

QString describe(const QString &type, const QString &data, const QString &id)
{
    QString escaped = data;
    escaped.replace(u"\n"_s, u"\\n"_s);
    return u"%1 \"%2\" id=%3"_s.arg(type, escaped, id);
}

QString describe(const Sse::Event &event)
{
    return describe(event.typeText(), event.dataText(), event.lastEventIdText());
}

/// Events as {type, data, id} JSON objects (what the page and the node client print).
QString describe(const QJsonObject &event)
{
    return describe(event.value("type"_L1).toString(), event.value("data"_L1).toString(),
            event.value("id"_L1).toString());
}

/// Each chunk one per `gapMs`, in a chunked response; then the last chunk and close when
/// `end`, else the stream stays open.
void streamChunks(Connection *connection, const QByteArrayList &chunks, int gapMs, bool end)
{
    connection->writeChunkedSseHead();
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        QTimer::singleShot(int(i) * gapMs, connection,
                [connection, chunk = chunks.at(i)] { connection->writeChunk(chunk); });
    }
    if (end) {
        QTimer::singleShot(int(chunks.size()) * gapMs, connection, [connection] {
            connection->endChunks();
            connection->close();
        });
    }
}

/// What the proxy reported of one exchange.
struct Exchange
{
    Sse::RequestInfo request;
    std::optional<Sse::ResponseInfo> response;
    bool stream = false;
    QList<Sse::Event> events;
    QStringList faults;
    std::optional<Sse::CaptureEnd> end;

    [[nodiscard]] QString path() const { return request.url.path(); }

    [[nodiscard]] QStringList described() const
    {
        QStringList list;
        for (const Sse::Event &event : events)
            list.append(describe(event));
        return list;
    }
};

/// A proxy to `upstream` with its reports collected per exchange.
struct Capture
{
    /// Before the proxy, so that it is destroyed after it: closing reports exchanges' ends.
    QMap<int, Exchange> exchanges;
    std::unique_ptr<Sse::CaptureProxy> proxy;

    /// `path` (and query) on the proxy.
    [[nodiscard]] QUrl url(const QString &path) const { return proxy->url().resolved(QUrl(path)); }

    /// The exchanges whose request went to `path`, in order.
    [[nodiscard]] QList<Exchange> to(const QString &path) const
    {
        QList<Exchange> list;
        for (const Exchange &exchange : exchanges) {
            if (exchange.path() == path)
                list.append(exchange);
        }
        return list;
    }

    [[nodiscard]] bool allEnded(const QString &path) const
    {
        const QList<Exchange> list = to(path);
        return !list.isEmpty()
                && std::all_of(list.cbegin(), list.cend(),
                        [](const Exchange &exchange) { return exchange.end.has_value(); });
    }
};

QList<Sse::CaptureRule> parseRules(const QStringList &texts)
{
    QList<Sse::CaptureRule> rules;
    for (const QString &text : texts) {
        const Sse::CaptureRuleResult result = Sse::parseCaptureRule(text);
        if (!result.ok) {
            QTest::qFail(
                    qPrintable(u"rule '%1': %2"_s.arg(text, result.error)), __FILE__, __LINE__);
            return {};
        }
        rules.append(result.rule);
    }
    return rules;
}

/// Starts `capture` on `upstream` with the rules in their text form (the contract).
void startCapture(Capture *capture, const QUrl &upstream, const QStringList &rules = {},
        const QList<QSslCertificate> &trusted = {})
{
    Sse::CaptureOptions options;
    options.upstream = upstream;
    options.rules = parseRules(rules);
    if (QTest::currentTestFailed())
        return;
    options.trustedCertificates = trusted;
    capture->proxy = std::make_unique<Sse::CaptureProxy>(options);
    Sse::CaptureProxy *proxy = capture->proxy.get();
    QMap<int, Exchange> *exchanges = &capture->exchanges;
    QObject::connect(proxy, &Sse::CaptureProxy::exchangeStarted, proxy,
            [exchanges](int id, const Sse::RequestInfo &request) {
                (*exchanges)[id].request = request;
            });
    QObject::connect(proxy, &Sse::CaptureProxy::responseStarted, proxy,
            [exchanges](int id, const Sse::ResponseInfo &response, bool stream) {
                (*exchanges)[id].response = response;
                (*exchanges)[id].stream = stream;
            });
    QObject::connect(proxy, &Sse::CaptureProxy::eventCaptured, proxy,
            [exchanges](
                    int id, const Sse::Event &event) { (*exchanges)[id].events.append(event); });
    QObject::connect(proxy, &Sse::CaptureProxy::faultApplied, proxy,
            [exchanges](int id, const Sse::CaptureRule &, const QString &what) {
                (*exchanges)[id].faults.append(what);
            });
    QObject::connect(proxy, &Sse::CaptureProxy::exchangeEnded, proxy,
            [exchanges](int id, const Sse::CaptureEnd &end) { (*exchanges)[id].end = end; });
    QVERIFY2(proxy->listen(), qPrintable(proxy->errorString()));
}

/// An external program's run.
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs `program` while this process's event loop (upstream, proxy) goes on; kills it after
/// ClientTimeoutMs. Fails the test when it does not start or does not end in time.
void runProgram(const QString &program, const QStringList &arguments, Run *run,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    const auto cleanUp = qScopeGuard([&process] {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    });
    process.start();
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    // QSignalSpy::wait, not QTRY_*: a hung run must end at the limit, not twice as late.
    const bool ended = !finished.isEmpty() || finished.wait(ClientTimeoutMs);
    run->out = process.readAllStandardOutput();
    run->err = process.readAllStandardError();
    QVERIFY2(ended,
            qPrintable(u"%1 still ran after %2 ms and was killed; its stderr:\n%3"_s.arg(program,
                    QString::number(ClientTimeoutMs),
                    QString::fromLocal8Bit(run->err.right(4000)))));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit,
            qPrintable(u"%1 crashed; its stderr:\n%2"_s.arg(
                    program, QString::fromLocal8Bit(run->err.right(4000)))));
    run->exitCode = process.exitCode();
}

/// Where Debian's node-eventsource puts the npm module (node finds it through NODE_PATH).
constexpr auto NodeModules = "/usr/share/nodejs"_L1;

/// Skips (fails under CI) when a client program is not there, as tst_browser does.
bool haveProgram(const char *path, const QString &name)
{
    const QString program = QString::fromUtf8(path);
    const QFileInfo info(program);
    QString missing;
    if (program.isEmpty() || !info.isFile() || !info.isExecutable())
        missing = u"CMake found no %1; install it"_s.arg(name);
    else if (name == "node"_L1 && !QFileInfo::exists(NodeModules + "/eventsource"_L1))
        missing = u"node has no eventsource module in %1; install node-eventsource"_s.arg(
                NodeModules);
    if (missing.isEmpty())
        return true;
    const QString message = missing + u" (packaging/setup-debian.sh --test) and reconfigure"_s;
    if (qEnvironmentVariableIsSet("CI"))
        QTest::qFail(qPrintable(message), __FILE__, __LINE__);
    else
        QTest::qSkip(qPrintable(message), __FILE__, __LINE__);
    return false;
}

QString scriptFile(const QString &name)
{
    return QString::fromUtf8(SSEDASH_CAPTURE_SCRIPTS_DIR) + u'/' + name;
}

/// The upstream's "/" : the test page.
void servePage(TestServer *upstream)
{
    QFile file(scriptFile(u"capture-page.html"_s));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    upstream->route(
            "/", TestSupport::Handlers::status(200, "text/html; charset=utf-8"_ba, file.readAll()));
}

/// What the page got, decoded from its #out.
struct Page
{
    QJsonObject fetch;
    QJsonObject es;
    bool done = false;
    QString json; ///< all of it, for failure messages

    [[nodiscard]] QByteArray fetchBytes() const
    {
        QByteArray bytes;
        const QJsonArray chunks = fetch.value("chunks"_L1).toArray();
        for (const QJsonValue &chunk : chunks)
            bytes += QByteArray::fromBase64(chunk.toString().toLatin1());
        return bytes;
    }

    [[nodiscard]] QStringList events() const
    {
        QStringList list;
        const QJsonArray events = es.value("events"_L1).toArray();
        for (const QJsonValue &event : events)
            list.append(describe(event.toObject()));
        return list;
    }
};

/// The node client's JSON lines.
struct NodeRun
{
    QList<QJsonObject> lines;

    [[nodiscard]] QList<QJsonObject> events() const
    {
        QList<QJsonObject> list;
        for (const QJsonObject &line : lines) {
            if (line.contains("event"_L1)) {
                QJsonObject event = line.value("event"_L1).toObject();
                event.insert("t"_L1, line.value("t"_L1));
                list.append(event);
            }
        }
        return list;
    }

    [[nodiscard]] QStringList described() const
    {
        QStringList list;
        for (const QJsonObject &event : events())
            list.append(describe(event));
        return list;
    }

    [[nodiscard]] int errors() const
    {
        return int(std::count_if(lines.cbegin(), lines.cend(),
                [](const QJsonObject &line) { return line.contains("error"_L1); }));
    }
};

} // namespace

class tst_CaptureClients : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chromium_fetchAndEventSource_getUpstreamBytes();
    void chromium_cut_reconnectsWithLastEventId_data();
    void chromium_cut_reconnectsWithLastEventId();
    void chromium_status503_failsWithoutReconnect();
    void node_eventsource_getsUpstreamEvents();
    void node_cutMid_halfEventNotDispatched();
    void node_delay_eventsNoEarlier();
    void node_stall_eventsNoEarlier();
    void node_drop_typeNeverArrives();
    void node_inject_eventArrives();
    void node_retry_reconnectsAfterNewTime();
    void curl_rawBytes_areUpstreamBytes_data();
    void curl_rawBytes_areUpstreamBytes();
    void curl_gzip_compressedGetsSameEvents();
    void curl_tlsUpstream_refusedUnlessTrusted_data();
    void curl_tlsUpstream_refusedUnlessTrusted();

private:
    void loadPage(const QUrl &url, int budgetMs, Page *page);
    void runNode(const QUrl &url, int maxEvents, const QString &types, NodeRun *run);
};

void tst_CaptureClients::initTestCase()
{
    qRegisterMetaType<Sse::RequestInfo>();
    qRegisterMetaType<Sse::ResponseInfo>();
    qRegisterMetaType<Sse::Event>();
    qRegisterMetaType<Sse::CaptureEnd>();
    qRegisterMetaType<Sse::CaptureRule>();
}

/// Runs headless Chromium on `url` (through the proxy) and decodes what its page wrote.
void tst_CaptureClients::loadPage(const QUrl &url, int budgetMs, Page *page)
{
    QTemporaryDir profile;
    QVERIFY2(profile.isValid(), qPrintable(profile.errorString()));
    // As tst_browser runs it: no sandbox in containers, a small /dev/shm, no side traffic.
    const QStringList arguments{u"--headless"_s, u"--no-sandbox"_s, u"--disable-gpu"_s,
            u"--disable-quic"_s, u"--no-first-run"_s, u"--disable-background-networking"_s,
            u"--disable-component-update"_s, u"--disable-sync"_s, u"--no-proxy-server"_s,
            u"--disable-dev-shm-usage"_s, u"--user-data-dir="_s + profile.filePath(u"profile"_s),
            u"--virtual-time-budget="_s + QString::number(budgetMs), u"--dump-dom"_s,
            url.toString(QUrl::FullyEncoded)};
    Run run;
    runProgram(QString::fromUtf8(SSEDASH_CHROMIUM_PATH), arguments, &run);
    if (QTest::currentTestFailed())
        return;
    const QString dom = QString::fromUtf8(run.out);
    static const QRegularExpression out(u"<pre id=\"out\">([A-Za-z0-9+/=]*)</pre>"_s);
    const QRegularExpressionMatch match = out.match(dom);
    QVERIFY2(match.hasMatch(),
            qPrintable(u"Chromium (exit code %1) dumped no result for %2; its stderr:\n%3"_s.arg(
                    QString::number(run.exitCode), url.toString(),
                    QString::fromLocal8Bit(run.err.right(4000)))));
    const QJsonObject result =
            QJsonDocument::fromJson(QByteArray::fromBase64(match.captured(1).toLatin1())).object();
    page->json = QString::fromUtf8(QJsonDocument(result).toJson());
    page->fetch = result.value("fetch"_L1).toObject();
    page->es = result.value("es"_L1).toObject();
    page->done = QRegularExpression(u"<body[^>]*\\sdata-done=\"true\""_s).match(dom).hasMatch();
}

/// Runs capture-eventsource.js on `url` until it got `maxEvents` events (or its timeout).
void tst_CaptureClients::runNode(
        const QUrl &url, int maxEvents, const QString &types, NodeRun *nodeRun)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString nodePath = environment.value(u"NODE_PATH"_s);
    environment.insert(u"NODE_PATH"_s,
            nodePath.isEmpty() ? QString(NodeModules) : nodePath + u':' + NodeModules);
    Run run;
    runProgram(QString::fromUtf8(SSEDASH_NODE_PATH),
            {scriptFile(u"capture-eventsource.js"_s), url.toString(QUrl::FullyEncoded),
                    QString::number(maxEvents), types, QString::number(ClientTimeoutMs - 5000)},
            &run, environment);
    if (QTest::currentTestFailed())
        return;
    for (const QByteArray &line : run.out.split('\n')) {
        if (!line.isEmpty())
            nodeRun->lines.append(QJsonDocument::fromJson(line).object());
    }
    QVERIFY2(run.exitCode == 0,
            qPrintable(u"node exited with %1; its output:\n%2\nits stderr:\n%3"_s.arg(
                    QString::number(run.exitCode), QString::fromUtf8(run.out.right(4000)),
                    QString::fromLocal8Bit(run.err.right(4000)))));
}

// The page is served by the upstream through the proxy, so its fetch() and EventSource go to
// the proxy too (same origin). Both streams come in pieces, 40 ms apart.
void tst_CaptureClients::chromium_fetchAndEventSource_getUpstreamBytes()
{
    if (!haveProgram(SSEDASH_CHROMIUM_PATH, u"chromium"_s))
        return;
    TestServer upstream;
    QVERIFY(upstream.listen());
    servePage(&upstream);
    upstream.route("/stream", [](Connection *c) { streamChunks(c, MixedChunks, 40, true); });
    upstream.route("/events", [](Connection *c) { streamChunks(c, MixedChunks, 40, false); });
    Capture capture;
    startCapture(&capture, QUrl(upstream.origin()));
    if (QTest::currentTestFailed())
        return;

    const QUrl url = capture.url(u"/?fetch=/stream&es=/events&types=tick&max=5"_s);
    Page page;
    loadPage(url, LongBudgetMs, &page);
    if (QTest::currentTestFailed())
        return;

    QVERIFY2(page.done, qPrintable(page.json));
    QCOMPARE(page.fetch.value("status"_L1).toInt(), 200);
    QVERIFY2(page.fetch.value("done"_L1).toBool(),
            qPrintable(page.fetch.value("error"_L1).toString()));
    QCOMPARE(page.fetchBytes(), MixedChunks.join());
    // Streamed, not held until the end: the reader saw the body in more than one piece.
    QVERIFY2(page.fetch.value("chunks"_L1).toArray().size() > 1,
            qPrintable(QString::number(page.fetch.value("chunks"_L1).toArray().size())));
    QCOMPARE(page.events(), mixedEvents());
    QCOMPARE(page.es.value("opens"_L1).toInt(), 1);

    QTRY_VERIFY_WITH_TIMEOUT(capture.allEnded(u"/stream"_s), 5000);
    const QList<Exchange> posts = capture.to(u"/stream"_s);
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.first().request.method, "POST"_ba);
    QCOMPARE(posts.first().request.body, "ping"_ba);
    QVERIFY(posts.first().stream);
    QVERIFY(posts.first().response.has_value());
    QCOMPARE(posts.first().response->status, 200);
    QCOMPARE(posts.first().described(), mixedEvents());
    QCOMPARE(posts.first().end->reason, Sse::CaptureEnd::Reason::Completed);
    QCOMPARE(posts.first().end->bytesReceived, MixedChunks.join().size());
    QCOMPARE(posts.first().end->bytesSent, MixedChunks.join().size());
    const QList<Exchange> gets = capture.to(u"/events"_s);
    QCOMPARE(gets.size(), 1);
    QCOMPARE(gets.first().request.method, "GET"_ba);
    QCOMPARE(gets.first().described(), mixedEvents());
}

void tst_CaptureClients::chromium_cut_reconnectsWithLastEventId_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addRow("cut after the 3rd event") << u"cut=3,match=/events*"_s;
    QTest::addRow("cut in the middle of the 4th") << u"cut-mid=4,match=/events*"_s;
}

// The proxy closes the page's stream after its third event, or halfway through the fourth;
// Chromium reconnects with Last-Event-ID: 3 either way (a half event is not dispatched and
// its id not taken), and the upstream goes on from there.
void tst_CaptureClients::chromium_cut_reconnectsWithLastEventId()
{
    QFETCH(QString, rule);
    if (!haveProgram(SSEDASH_CHROMIUM_PATH, u"chromium"_s))
        return;
    TestServer upstream;
    QVERIFY(upstream.listen());
    servePage(&upstream);
    upstream.route("/events", [](Connection *c) {
        const int last = c->request().header("Last-Event-ID").toInt();
        QByteArray events = "retry: 100\n\n"_ba;
        for (int id = last + 1; id <= last + 5; ++id)
            events += "id: " + QByteArray::number(id) + "\ndata: event " + QByteArray::number(id)
                    + "\n\n";
        streamChunks(c, {events}, 0, false);
    });
    Capture capture;
    startCapture(&capture, QUrl(upstream.origin()), {rule});
    if (QTest::currentTestFailed())
        return;

    const QUrl url = capture.url(u"/?es=/events&max=6"_s);
    Page page;
    loadPage(url, LongBudgetMs, &page);
    if (QTest::currentTestFailed())
        return;

    QStringList expected;
    for (int id = 1; id <= 6; ++id)
        expected.append(describe(u"message"_s, u"event %1"_s.arg(id), QString::number(id)));
    QCOMPARE(page.events(), expected);
    QVERIFY2(page.done, qPrintable(page.json));
    QVERIFY2(page.es.value("opens"_L1).toInt() >= 2,
            qPrintable(QString::number(page.es.value("opens"_L1).toInt())));

    const QList<Exchange> streams = capture.to(u"/events"_s);
    QVERIFY2(streams.size() >= 2, qPrintable(QString::number(streams.size())));
    QVERIFY(streams.at(0).end.has_value());
    QCOMPARE(streams.at(0).end->reason, Sse::CaptureEnd::Reason::Cut);
    QVERIFY(!streams.at(0).faults.isEmpty());
    QCOMPARE(Sse::headerValue(streams.at(0).request.headers, "Last-Event-ID"), std::nullopt);
    QCOMPARE(Sse::headerValue(streams.at(1).request.headers, "Last-Event-ID"),
            std::optional<QByteArray>("3"_ba));
}

// status=503 for the stream: the page's EventSource fails for good (readyState CLOSED) and
// never asks again; the upstream never sees the request.
void tst_CaptureClients::chromium_status503_failsWithoutReconnect()
{
    if (!haveProgram(SSEDASH_CHROMIUM_PATH, u"chromium"_s))
        return;
    TestServer upstream;
    QVERIFY(upstream.listen());
    servePage(&upstream);
    upstream.route("/events", TestSupport::Handlers::sseHold("data: never\n\n"_ba));
    Capture capture;
    startCapture(&capture, QUrl(upstream.origin()), {u"status=503,match=/events*"_s});
    if (QTest::currentTestFailed())
        return;

    const QUrl url = capture.url(u"/?es=/events"_s);
    Page page;
    loadPage(url, ShortBudgetMs, &page);
    if (QTest::currentTestFailed())
        return;

    QVERIFY2(page.done, qPrintable(page.json));
    QCOMPARE(page.events(), QStringList());
    QCOMPARE(page.es.value("opens"_L1).toInt(), 0);
    QCOMPARE(page.es.value("state"_L1).toInt(), 2); // EventSource.CLOSED: no reconnection
    QCOMPARE(upstream.requestCount("/events"), 0);
    const QList<Exchange> streams = capture.to(u"/events"_s);
    QCOMPARE(streams.size(), 1);
    QVERIFY(streams.first().end.has_value());
    QCOMPARE(streams.first().end->reason, Sse::CaptureEnd::Reason::Answered);
    QCOMPARE(streams.first().end->status, 503);
}

void tst_CaptureClients::node_eventsource_getsUpstreamEvents()
{
    if (!haveProgram(SSEDASH_NODE_PATH, u"node"_s))
        return;
    TestServer upstream;
    QVERIFY(upstream.listen());
    upstream.route("/events", [](Connection *c) { streamChunks(c, MixedChunks, 40, false); });
    Capture capture;
    startCapture(&capture, QUrl(upstream.origin()));
    if (QTest::currentTestFailed())
        return;

    NodeRun run;
    runNode(capture.url(u"/events"_s), 5, u"tick"_s, &run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.described(), mixedEvents());
    QCOMPARE(run.errors(), 0);
    const QList<Exchange> streams = capture.to(u"/events"_s);
    QCOMPARE(streams.size(), 1);
    QCOMPARE(streams.first().described(), mixedEvents());
}

// cut-mid=2: the client gets event 1 and half of event 2, then the connection closes. The half
// is not dispatched. (npm's eventsource takes an id as soon as it reads the field, so its
// reconnect says Last-Event-ID: 2; Chromium's, in chromium_cut_reconnectsWithLastEventId,
// keeps the last dispatched one, as the HTML standard says.)
void tst_CaptureClients::node_cutMid_halfEventNotDispatched()
{
    if (!haveProgram(SSEDASH_NODE_PATH, u"node"_s))
        return;
    TestServer upstream;
    QVERIFY(upstream.listen());
    upstream.route("/events", [](Connection *c) {
        const QByteArray first = "retry: 100\n\nid: 1\ndata: one\n\n"
                                 "id: 2\ndata: two, a long event that is cut in its middle\n\n"
                                 "id: 3\ndata: three\n\n"_ba;
        const QByteArray again = "id: 9\ndata: after the reconnect\n\n"_ba;
        streamChunks(c, {c->request().hasHeader("Last-Event-ID") ? again : first}, 0, false);
    });
    Capture capture;
    startCapture(&capture, QUrl(upstream.origin()), {u"cut-mid=2"_s});
    if (QTest::currentTestFailed())
        return;

    NodeRun run;
    runNode(capture.url(u"/events"_s), 2, {}, &run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.described(),
            QStringList({u"message \"one\" id=1"_s, u"message \"after the reconnect\" id=9"_s}));
    QVERIFY(run.errors() >= 1);
    const QList<Exchange> streams = capture.to(u"/events"_s);
    QVERIFY2(streams.size() >= 2, qPrintable(QString::number(streams.size())));
    QCOMPARE(streams.at(0).end->reason, Sse::CaptureEnd::Reason::Cut);
    QVERIFY(Sse::headerValue(streams.at(1).request.headers, "Last-Event-ID").has_value());
}

/// An upstream /events that writes `events` at once on each request and notes when (ms since
/// the epoch) in `*sentMs`.
void serveAtOnce(TestServer *upstream, const QByteArray &events, qint64 *sentMs)
{
    upstream->route("/events", [events, sentMs](Connection *c) {
        *sentMs = QDateTime::currentMSecsSinceEpoch();
        streamChunks(c, {events}, 0, false);
    });
}

// delay=300: no event reaches the client sooner than 300 ms after the upstream sent it.
void tst_CaptureClients::node_delay_eventsNoEarlier()
{
    if (!haveProgram(SSEDASH_NODE_PATH, u"node"_s))
        return;
    qint64 sentMs = 0;
    TestServer upstream;
    QVERIFY(upstream.listen());
    serveAtOnce(&upstream, "id: 1\ndata: one\n\nid: 2\ndata: two\n\n"_ba, &sentMs);
    Capture capture;
    startCapture(&capture, QUrl(upstream.origin()), {u"delay=300"_s});
    if (QTest::currentTestFailed())
        return;

    NodeRun run;
    runNode(capture.url(u"/events"_s), 2, {}, &run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.described(), QStringList({u"message \"one\" id=1"_s, u"message \"two\" id=2"_s}));
    for (const QJsonObject &event : run.events()) {
        const qint64 after = qint64(event.value("t"_L1).toDouble()) - sentMs;
        QVERIFY2(after >= 300 - ClockSlackMs, qPrintable(u"%1 ms"_s.arg(after)));
    }
}

// stall=400,after=1: the first event passes, the others come no sooner than 400 ms later.
void tst_CaptureClients::node_stall_eventsNoEarlier()
{
    if (!haveProgram(SSEDASH_NODE_PATH, u"node"_s))
        return;
    qint64 sentMs = 0;
    TestServer upstream;
    QVERIFY(upstream.listen());
    serveAtOnce(&upstream, "id: 1\ndata: one\n\nid: 2\ndata: two\n\nid: 3\ndata: three\n\n"_ba,
            &sentMs);
    Capture capture;
    startCapture(&capture, QUrl(upstream.origin()), {u"stall=400,after=1"_s});
    if (QTest::currentTestFailed())
        return;

    NodeRun run;
    runNode(capture.url(u"/events"_s), 3, {}, &run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.described().size(), 3);
    const QList<QJsonObject> events = run.events();
    for (qsizetype i = 1; i < events.size(); ++i) {
        const qint64 after = qint64(events.at(i).value("t"_L1).toDouble()) - sentMs;
        QVERIFY2(after >= 400 - ClockSlackMs,
                qPrintable(u"event %1: %2 ms"_s.arg(i + 1).arg(after)));
    }
}

// drop=ping: the client never sees a ping, though it listens for them; the proxy still
// reports every event the upstream sent.
void tst_CaptureClients::node_drop_typeNeverArrives()
{
    if (!haveProgram(SSEDASH_NODE_PATH, u"node"_s))
        return;
    qint64 sentMs = 0;
    TestServer upstream;
    QVERIFY(upstream.listen());
    serveAtOnce(&upstream,
            "data: one\n\nevent: ping\ndata: p1\n\nevent: tick\ndata: t\n\n"
            "event: ping\ndata: p2\n\ndata: last\n\n"_ba,
            &sentMs);
    Capture capture;
    startCapture(&capture, QUrl(upstream.origin()), {u"drop=ping"_s});
    if (QTest::currentTestFailed())
        return;

    NodeRun run;
    runNode(capture.url(u"/events"_s), 3, u"ping,tick"_s, &run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.described(),
            QStringList(
                    {u"message \"one\" id="_s, u"tick \"t\" id="_s, u"message \"last\" id="_s}));
    const QList<Exchange> streams = capture.to(u"/events"_s);
    QCOMPARE(streams.size(), 1);
    QCOMPARE(streams.first().events.size(), 5);
    QVERIFY(!streams.first().faults.isEmpty());
}

// inject=...,type=note,after=1: the client gets the injected event between the upstream's.
void tst_CaptureClients::node_inject_eventArrives()
{
    if (!haveProgram(SSEDASH_NODE_PATH, u"node"_s))
        return;
    qint64 sentMs = 0;
    TestServer upstream;
    QVERIFY(upstream.listen());
    serveAtOnce(&upstream, "data: one\n\ndata: two\n\n"_ba, &sentMs);
    Capture capture;
    startCapture(
            &capture, QUrl(upstream.origin()), {u"inject=hello%2C%20there,type=note,after=1"_s});
    if (QTest::currentTestFailed())
        return;

    NodeRun run;
    runNode(capture.url(u"/events"_s), 3, u"note"_s, &run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.described(),
            QStringList({u"message \"one\" id="_s, u"note \"hello, there\" id="_s,
                    u"message \"two\" id="_s}));
}

// retry=2500: the upstream ends the stream after one event; the client (whose own default is
// 1000 ms) waits at least the 2500 ms the injected retry field says before it reconnects.
void tst_CaptureClients::node_retry_reconnectsAfterNewTime()
{
    if (!haveProgram(SSEDASH_NODE_PATH, u"node"_s))
        return;
    qint64 closedMs = 0; // before the upstream, whose connections report to them
    qint64 againMs = 0;
    TestServer upstream;
    QVERIFY(upstream.listen());
    upstream.route("/events", [&closedMs, &againMs](Connection *c) {
        if (c->request().hasHeader("Last-Event-ID")) {
            againMs = QDateTime::currentMSecsSinceEpoch();
            streamChunks(c, {"id: 2\ndata: two\n\n"_ba}, 0, false);
            return;
        }
        streamChunks(c, {"id: 1\ndata: one\n\n"_ba}, 0, true);
        connect(c, &Connection::disconnected, c,
                [&closedMs] { closedMs = QDateTime::currentMSecsSinceEpoch(); });
    });
    Capture capture;
    startCapture(&capture, QUrl(upstream.origin()), {u"retry=2500"_s});
    if (QTest::currentTestFailed())
        return;

    NodeRun run;
    runNode(capture.url(u"/events"_s), 2, {}, &run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.described(), QStringList({u"message \"one\" id=1"_s, u"message \"two\" id=2"_s}));
    QVERIFY(closedMs > 0);
    QVERIFY2(againMs - closedMs >= 2500 - ClockSlackMs,
            qPrintable(u"reconnected %1 ms after the close"_s.arg(againMs - closedMs)));
}

void tst_CaptureClients::curl_rawBytes_areUpstreamBytes_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::addRow("chunked") << true;
    QTest::addRow("until close") << false;
}

// curl -N writes the body as it comes: the bytes it got are the upstream's, a 16 MiB event
// included; the proxy reports the same events.
void tst_CaptureClients::curl_rawBytes_areUpstreamBytes()
{
    QFETCH(bool, chunked);
    if (!haveProgram(SSEDASH_CURL_PATH, u"curl"_s))
        return;
    QByteArray big(16 * 1024 * 1024, 'x');
    for (qsizetype i = 0; i < big.size(); i += 4096)
        big.replace(i, 8, QByteArray::number(i / 4096).rightJustified(8, '0'));
    QByteArrayList chunks = MixedChunks;
    chunks.append("event: big\ndata: " + big.left(big.size() / 2));
    chunks.append(big.mid(big.size() / 2) + "\n\n");
    const QByteArray body = chunks.join();

    TestServer upstream;
    QVERIFY(upstream.listen());
    upstream.route("/raw", [chunked, chunks](Connection *c) {
        if (chunked) {
            streamChunks(c, chunks, 40, true);
            return;
        }
        c->writeSseHead();
        for (qsizetype i = 0; i < chunks.size(); ++i)
            QTimer::singleShot(int(i) * 40, c, [c, chunk = chunks.at(i)] { c->write(chunk); });
        QTimer::singleShot(int(chunks.size()) * 40, c, [c] { c->close(); });
    });
    Capture capture;
    startCapture(&capture, QUrl(upstream.origin()));
    if (QTest::currentTestFailed())
        return;

    Run run;
    runProgram(QString::fromUtf8(SSEDASH_CURL_PATH),
            {u"-N"_s, u"-s"_s, u"-S"_s, u"--max-time"_s, u"25"_s,
                    capture.url(u"/raw"_s).toString()},
            &run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.size(), body.size());
    QVERIFY(run.out == body); // QCOMPARE would print 16 MiB

    QTRY_VERIFY_WITH_TIMEOUT(capture.allEnded(u"/raw"_s), 5000);
    const Exchange exchange = capture.to(u"/raw"_s).constFirst();
    QStringList expected = mixedEvents();
    expected.append(u"big"_s);
    QStringList got = exchange.described().mid(0, 5);
    got.append(QString::fromUtf8(exchange.events.value(5).type));
    QCOMPARE(got, expected);
    QCOMPARE(exchange.events.size(), 6);
    QVERIFY(exchange.events.at(5).data == big);
    QCOMPARE(exchange.end->reason, Sse::CaptureEnd::Reason::Completed);
    QCOMPARE(exchange.end->bytesReceived, body.size());
}

// gzip: the proxy compresses the stream; curl --compressed gets the upstream's bytes back,
// plain curl gets gzip (it starts with the gzip magic).
void tst_CaptureClients::curl_gzip_compressedGetsSameEvents()
{
    if (!haveProgram(SSEDASH_CURL_PATH, u"curl"_s))
        return;
    TestServer upstream;
    QVERIFY(upstream.listen());
    upstream.route("/events", [](Connection *c) { streamChunks(c, MixedChunks, 20, true); });
    Capture capture;
    startCapture(&capture, QUrl(upstream.origin()), {u"gzip"_s});
    if (QTest::currentTestFailed())
        return;
    const QString url = capture.url(u"/events"_s).toString();

    Run decoded;
    runProgram(QString::fromUtf8(SSEDASH_CURL_PATH),
            {u"-N"_s, u"-s"_s, u"-S"_s, u"--compressed"_s, u"--max-time"_s, u"20"_s, url},
            &decoded);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(decoded.exitCode, 0);
    QCOMPARE(decoded.out, MixedChunks.join());

    Run raw;
    runProgram(QString::fromUtf8(SSEDASH_CURL_PATH),
            {u"-N"_s, u"-s"_s, u"-S"_s, u"-H"_s, u"Accept-Encoding: gzip"_s, u"--max-time"_s,
                    u"20"_s, url},
            &raw);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(raw.exitCode, 0);
    QVERIFY2(raw.out.startsWith("\x1f\x8b"_ba), raw.out.left(16).toHex().constData());

    QTRY_VERIFY_WITH_TIMEOUT(capture.allEnded(u"/events"_s), 5000);
    const QList<Exchange> streams = capture.to(u"/events"_s);
    QCOMPARE(streams.size(), 2);
    for (const Exchange &exchange : streams)
        QCOMPARE(exchange.described(), mixedEvents());
}

void tst_CaptureClients::curl_tlsUpstream_refusedUnlessTrusted_data()
{
    QTest::addColumn<bool>("trusted");
    QTest::addRow("not trusted") << false;
    QTest::addRow("trusted for the proxy") << true;
}

// An https upstream with a self-signed certificate: the app gets 502 unless the proxy was
// told to trust that certificate.
void tst_CaptureClients::curl_tlsUpstream_refusedUnlessTrusted()
{
    QFETCH(bool, trusted);
    if (!haveProgram(SSEDASH_CURL_PATH, u"curl"_s))
        return;
    TestServer upstream;
    if (!upstream.listen(TestServer::Tls))
        QSKIP(qPrintable(upstream.errorString()));
    upstream.route("/events", [](Connection *c) { streamChunks(c, MixedChunks, 0, true); });
    QList<QSslCertificate> certificates;
    if (trusted) {
        certificates = QSslCertificate::fromPath(
                TestSupport::testDataFile(u"testserver-cert.pem"_s), QSsl::Pem);
        QCOMPARE(certificates.size(), 1);
    }
    Capture capture;
    startCapture(&capture, QUrl(upstream.origin()), {}, certificates);
    if (QTest::currentTestFailed())
        return;

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString bodyFile = dir.filePath(u"body"_s);
    Run run;
    runProgram(QString::fromUtf8(SSEDASH_CURL_PATH),
            {u"-N"_s, u"-s"_s, u"-S"_s, u"--max-time"_s, u"20"_s, u"-o"_s, bodyFile, u"-w"_s,
                    u"%{http_code}"_s, capture.url(u"/events"_s).toString()},
            &run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, trusted ? "200"_ba : "502"_ba);
    QFile body(bodyFile);
    QVERIFY(body.open(QIODevice::ReadOnly));
    if (trusted)
        QCOMPARE(body.readAll(), MixedChunks.join());

    QTRY_VERIFY_WITH_TIMEOUT(capture.allEnded(u"/events"_s), 5000);
    const Exchange exchange = capture.to(u"/events"_s).constFirst();
    QCOMPARE(exchange.end->reason,
            trusted ? Sse::CaptureEnd::Reason::Completed : Sse::CaptureEnd::Reason::UpstreamFailed);
    // The refused handshake happened: the upstream accepted a socket but got no request.
    QVERIFY(upstream.acceptedSockets() >= 1);
    QCOMPARE(upstream.requestCount("/events"), trusted ? 1 : 0);
}

QTEST_GUILESS_MAIN(tst_CaptureClients)
#include "tst_captureclients.moc"
