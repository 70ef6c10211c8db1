// SPDX-License-Identifier: MIT
// Tests for Sse::CaptureProxy: raw app sockets through the proxy to small upstreams on 127.0.0.1.
#include "tests/support/compression.h"
#include "tests/support/heapusage.h"
#include "tests/support/testserver.h"

#include "sselib/capture/bodyreader_p.h"
#include "sselib/capture/captureproxy.h"
#include "sselib/capture/httpresponsehead_p.h"
#include "sselib/contentdecoder.h"
#include "sselib/eventsource.h"
#include "sselib/parser.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <sys/socket.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;

using Sse::CaptureEnd;
using Sse::CaptureOptions;
using Sse::CaptureProxy;
using Sse::CaptureRule;
using TestSupport::Connection;
using TestSupport::TestServer;
using Reason = CaptureEnd::Reason;

namespace {

constexpr int WaitMs = 10000;

/// The app's side: a raw socket that sends exact bytes and keeps every byte it gets.
class RawApp final : public QObject
{
public:
    explicit RawApp(const QUrl &proxy)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, this,
                [this] { received.append(socket.readAll()); });
        QObject::connect(&socket, &QTcpSocket::disconnected, this, [this] { closed = true; });
        socket.connectToHost(proxy.host(), quint16(proxy.port()));
    }

    void send(const QByteArray &bytes) { socket.write(bytes); }

    void get(const QByteArray &target, const QByteArray &extra = {})
    {
        send("GET " + target + " HTTP/1.1\r\nHost: app.test\r\n" + extra + "\r\n");
    }

    [[nodiscard]] qsizetype headSize() const
    {
        const qsizetype end = received.indexOf("\r\n\r\n");
        return end < 0 ? -1 : end + 4;
    }

    [[nodiscard]] QByteArray head() const
    {
        const qsizetype size = headSize();
        return size < 0 ? QByteArray() : received.first(size);
    }

    [[nodiscard]] bool hasHeader(const QByteArray &field) const
    {
        return head().toLower().contains(QByteArray("\r\n" + field.toLower()));
    }

    /// The body so far: chunk framing removed when the head says chunked (complete chunks only).
    [[nodiscard]] QByteArray body() const
    {
        const qsizetype start = headSize();
        if (start < 0)
            return {};
        const QByteArray rest = received.sliced(start);
        if (!hasHeader("transfer-encoding: chunked"))
            return rest;
        QByteArray body;
        qsizetype pos = 0;
        while (true) {
            const qsizetype lineEnd = rest.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return body;
            bool ok = false;
            const qsizetype size = rest.sliced(pos, lineEnd - pos).toLongLong(&ok, 16);
            if (!ok || size == 0 || lineEnd + 2 + size + 2 > rest.size())
                return body;
            body.append(rest.sliced(lineEnd + 2, size));
            pos = lineEnd + 2 + size + 2;
        }
    }

    /// Whether the chunked body ended with its last chunk.
    [[nodiscard]] bool hasLastChunk() const { return received.endsWith("\r\n0\r\n\r\n"); }

    QTcpSocket socket;
    QByteArray received;
    bool closed = false;
};

/// Events as a Parser makes them of bytes: what the proxy must report.
struct Reference final : Sse::ParserHandler
{
    void event(const Sse::ParsedEvent &event) override
    {
        events.append(event.type.toByteArray() + '|' + event.lastEventId.toByteArray() + '|'
                + event.data.toByteArray());
    }

    void comment(QByteArrayView text) override { comments.append(text.toByteArray()); }

    QByteArrayList events;
    QByteArrayList comments;
};

Reference parsed(const QByteArrayList &pieces)
{
    Reference reference;
    Sse::Parser parser(&reference);
    // The proxy's limits: room for a 16 MiB event with its field name and line ends.
    parser.setMaxLineSize(17 * 1024 * 1024);
    parser.setMaxEventSize(17 * 1024 * 1024);
    for (const QByteArray &piece : pieces)
        parser.feed(piece);
    return reference;
}

/// What the proxy reported, in the Reference's shape.
struct Captured
{
    explicit Captured(CaptureProxy *proxy)
    {
        QObject::connect(proxy, &CaptureProxy::eventCaptured, proxy,
                [this](int exchange, const Sse::Event &event) {
                    events.append(event.type + '|' + event.lastEventId + '|' + event.data);
                    exchanges.append(exchange);
                    origins.append(event.origin);
                });
        QObject::connect(proxy, &CaptureProxy::commentCaptured, proxy,
                [this](int, const Sse::Comment &comment) { comments.append(comment.data); });
        QObject::connect(proxy, &CaptureProxy::exchangeEnded, proxy,
                [this](int exchange, const CaptureEnd &end) { ends.insert(exchange, end); });
    }

    QByteArrayList events;
    QByteArrayList comments;
    QList<int> exchanges;
    QStringList origins;
    QHash<int, CaptureEnd> ends;
};

std::unique_ptr<CaptureProxy> startProxy(const QUrl &upstream, const QList<CaptureRule> &rules = {})
{
    CaptureOptions options;
    options.upstream = upstream;
    options.rules = rules;
    auto proxy = std::make_unique<CaptureProxy>(options);
    if (!proxy->listen()) {
        qWarning("listen: %s", qPrintable(proxy->errorString()));
        return nullptr;
    }
    return proxy;
}

/// An upstream that keeps its sockets for the test to write to: exact bytes, no framing help.
class RawUpstream final : public QObject
{
public:
    RawUpstream()
    {
        QObject::connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                const int index = int(sockets.size());
                sockets.append(socket);
                received.append(QByteArray());
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, index] {
                    if (!paused)
                        received[index].append(sockets[index]->readAll());
                });
            }
        });
    }

    [[nodiscard]] bool listen() { return server.listen(QHostAddress::LocalHost); }

    [[nodiscard]] QUrl url(const QString &path = u"/"_s) const
    {
        return QUrl(u"http://127.0.0.1:%1%2"_s.arg(server.serverPort()).arg(path));
    }

    /// Whether socket `index` has a complete request head.
    [[nodiscard]] bool hasHead(int index) const
    {
        return index < received.size() && received[index].contains("\r\n\r\n");
    }

    /// Reads nothing more while set (each socket's readBufferSize bounds what Qt takes in).
    void setPaused(bool pause)
    {
        paused = pause;
        for (qsizetype i = 0; i < sockets.size(); ++i) {
            sockets[i]->setReadBufferSize(pause ? 64 * 1024 : 0);
            if (!pause)
                received[i].append(sockets[i]->readAll());
        }
    }

    QTcpServer server;
    QList<QTcpSocket *> sockets;
    QByteArrayList received;
    bool paused = false;
};

/// Whether each socket of the proxy keeps within the proxy's marks: at most 256 KiB that Qt
/// read and the proxy did not (the kernel holds the rest), and about 1 MiB waiting to be sent.
bool withinMarks(const CaptureProxy &proxy)
{
    const QList<QTcpSocket *> sockets = proxy.findChildren<QTcpSocket *>();
    bool within = !sockets.isEmpty();
    for (const QTcpSocket *socket : sockets) {
        if (socket->bytesAvailable() > 256 * 1024 || socket->bytesToWrite() > 3 * 512 * 1024) {
            qWarning("a proxy socket holds %lld to read and %lld to write",
                    qlonglong(socket->bytesAvailable()), qlonglong(socket->bytesToWrite()));
            within = false;
        }
    }
    return within;
}

/// Waits (bounded) until `sent()` stops growing; returns its last value, or -1 if it never did.
template <typename Sent>
qint64 waitUntilStalled(Sent sent)
{
    qint64 last = -1;
    int still = 0;
    for (int round = 0; round < 100 && still < 5; ++round) {
        QTest::qWait(50);
        const qint64 now = sent();
        still = now == last ? still + 1 : 0;
        last = now;
    }
    return still == 5 ? last : -1;
}

QByteArray joined(const QByteArrayList &pieces)
{
    return pieces.join();
}

} // namespace

class TestCaptureProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bodyReaderChunked_data();
    void bodyReaderChunked();
    void responseHeadParsed();
    void listensAndReportsUrl();
    void checkUpstreamRefusesOthers();
    void passThrough_data();
    void passThrough();
    void postBodyForwarded();
    void eventSourceThroughProxy();
    void upstreamRefused();
    void bigEventPassesWhole_data();
    void bigEventPassesWhole();
    void chunkedPostForwardedAsItCame();
    void redirectPassedBackNotFollowed();
    void hopByHopDroppedAndHostRewritten();
    void originRewrittenHostKept();
    void otherResponseStreamedAndReported();
    void headResponseHasNoBody();
    void retryFieldsReported();
    void keepAliveCarriesRequestsInTurn();
    void http10AppGetsCloseDelimited();
    void upstreamClosingEarlyIsPassedOn();
    void brokenUpstreamFramingClosesApp();
    void appClosingAbortsUpstream();
    void halfClosingAppEndsExchange();
    void closeStopsExchanges();
    void badHeadsRefused();
    void headTimeoutCloses();
    void tlsUpstreamVerified();
    void statusRuleAnswers();
    void gzipRuleCompresses();
    void compressedStreamPassesUnchanged();
    void concurrentStreams();
    void slowAppStopsUpstreamReads();
    void slowUpstreamStopsRequestReads();
    void stalledStageStopsUpstreamReads();
    void cutRuleClosesBothSides();
    void rulesChangeWhileStreaming();
};

void TestCaptureProxy::bodyReaderChunked_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("content"); // what the body holds; "!" for broken framing
    QTest::addColumn<qsizetype>("bodySize"); // bytes of `wire` that are the body
    const QByteArray plain = "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n";
    QTest::newRow("plain") << plain + "NEXT"
                           << "hello world"_ba << plain.size();
    const QByteArray lf = "3\nabc\n0\n\n";
    QTest::newRow("bare-lf") << lf << "abc"_ba << lf.size();
    const QByteArray trailer = "2\r\nok\r\n0\r\nX-Sum: 1\r\n\r\n";
    QTest::newRow("trailer") << trailer + "GET"
                             << "ok"_ba << trailer.size();
    QTest::newRow("hex-upper") << "A\r\n0123456789\r\n0\r\n\r\n"_ba
                               << "0123456789"_ba << qsizetype(20);
    QTest::newRow("not-hex") << "zz\r\nab\r\n"_ba
                             << "!"_ba << qsizetype(0);
    QTest::newRow("no-crlf-after-data") << "2\r\nabX\r\n"_ba
                                        << "!"_ba << qsizetype(0);
    QTest::newRow("size-line-too-long") << QByteArray(5000, '0') << "!"_ba << qsizetype(0);
}

void TestCaptureProxy::bodyReaderChunked()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, content);
    QFETCH(qsizetype, bodySize);
    using Sse::CaptureDetail::BodyReader;
    // Every way of splitting the wire in two gives the same result.
    for (qsizetype split = 0; split <= wire.size(); ++split) {
        BodyReader reader(BodyReader::Framing::Chunked);
        QByteArray got;
        const qsizetype first = reader.feed(QByteArrayView(wire).first(split), got);
        if (first < 0) {
            QCOMPARE(content, "!"_ba);
            continue;
        }
        QCOMPARE(first, split > bodySize && content != "!" ? bodySize : split);
        const qsizetype second =
                reader.isDone() ? 0 : reader.feed(QByteArrayView(wire).sliced(split), got);
        if (content == "!") {
            QCOMPARE(second, -1);
            QVERIFY(reader.hasError());
            continue;
        }
        QCOMPARE(first + second, bodySize);
        QVERIFY(reader.isDone());
        QCOMPARE(got, content);
    }
}

void TestCaptureProxy::responseHeadParsed()
{
    using Sse::CaptureDetail::HttpResponseHead;
    using Status = HttpResponseHead::Status;
    HttpResponseHead head;
    const QByteArray wire = "HTTP/1.1 404 Not Found\r\nX-A: 1\r\nx-b:  two \r\n\r\nbody";
    QCOMPARE(HttpResponseHead::parse(wire, head), Status::Complete);
    QCOMPARE(head.status, 404);
    QCOMPARE(head.reason, "Not Found"_ba);
    QCOMPARE(head.version, "1.1"_ba);
    QCOMPARE(head.headers, (Sse::HeaderList{{"X-A", "1"}, {"x-b", "two"}}));
    QCOMPARE(head.size, wire.size() - 4);
    QCOMPARE(HttpResponseHead::parse("HTTP/1.0 200\n\n", head), Status::Complete);
    QCOMPARE(head.reason, QByteArray());
    QCOMPARE(HttpResponseHead::parse("HTTP/1.1 200 OK\r\nX: 1\r\n", head), Status::Incomplete);
    QCOMPARE(HttpResponseHead::parse("HTT", head), Status::Incomplete);
    QCOMPARE(HttpResponseHead::parse("SSH-2.0-OpenSSH\r\n", head), Status::Invalid);
    QCOMPARE(HttpResponseHead::parse("HTTP/1.1 20x OK\r\n\r\n", head), Status::Invalid);
    QCOMPARE(HttpResponseHead::parse("HTTP/1.1 200 OK\r\n folded\r\n\r\n", head), Status::Invalid);
    QCOMPARE(HttpResponseHead::parse(
                     QByteArray("HTTP/1.1 200 OK\r\n" + QByteArray(70000, 'a')), head),
            Status::TooLarge);
}

void TestCaptureProxy::listensAndReportsUrl()
{
    TestServer server;
    QVERIFY(server.listen());
    auto proxy = startProxy(server.url(u"/"_s));
    QVERIFY(proxy);
    QVERIFY(proxy->isListening());
    QVERIFY(proxy->port() != 0);
    QCOMPARE(proxy->url(), QUrl(u"http://127.0.0.1:%1/"_s.arg(proxy->port())));
    proxy->close();
    QVERIFY(!proxy->isListening());
}

void TestCaptureProxy::checkUpstreamRefusesOthers()
{
    QCOMPARE(CaptureProxy::checkUpstream(QUrl(u"http://127.0.0.1:8080/api"_s)), std::nullopt);
    QCOMPARE(CaptureProxy::checkUpstream(QUrl(u"https://example.test"_s)), std::nullopt);
    QVERIFY(CaptureProxy::checkUpstream(QUrl(u"ftp://example.test/"_s)));
    QVERIFY(CaptureProxy::checkUpstream(QUrl(u"example.test/api"_s)));
    QVERIFY(CaptureProxy::checkUpstream(QUrl(u"http:///api"_s)));
    QVERIFY(CaptureProxy::checkUpstream(QUrl(u"http://example.test/api?x=1"_s)));
    CaptureOptions options;
    options.upstream = QUrl(u"ftp://example.test/"_s);
    CaptureProxy proxy(options);
    QVERIFY(!proxy.listen());
    QCOMPARE(proxy.errorString(), *CaptureProxy::checkUpstream(options.upstream));
    QVERIFY(!proxy.isListening());
    QCOMPARE(proxy.url(), QUrl());
    QCOMPARE(proxy.port(), quint16(0));

    auto first = startProxy(QUrl(u"http://127.0.0.1:9/"_s));
    QVERIFY(first);
    options.upstream = QUrl(u"http://127.0.0.1:9/"_s);
    options.port = first->port();
    CaptureProxy second(options);
    QVERIFY(!second.listen());
    QVERIFY2(second.errorString().contains(QString::number(first->port())),
            qPrintable(second.errorString()));
}

void TestCaptureProxy::passThrough_data()
{
    QTest::addColumn<QByteArray>("framing");
    QTest::addColumn<QByteArrayList>("pieces");
    const QByteArrayList lf = {"data: one\n\n", "id: 7\nevent: tick\ndata: two\n", "\n: note\n\n"};
    const QByteArrayList crlf = {
            "data: one\r\n\r\n", "id: 8\r\nevent: tick\r\ndata: t", "wo\r\n\r\n"};
    const QByteArrayList cr = {"data: one\r\r", "data: a\rdata: b\r", "\r"};
    // "€" is E2 82 AC: split after its first and after its second byte.
    const QByteArrayList utf8 = {
            "data: price \xE2", "\x82", "\xAC 5\n\n", "data: \xF0\x9F", "\x98\x80\n\n"};
    const QByteArrayList framings = {"chunked", "length", "close"};
    for (const QByteArray &framing : framings) {
        QTest::addRow("lf-%s", framing.constData()) << framing << lf;
        QTest::addRow("crlf-%s", framing.constData()) << framing << crlf;
        QTest::addRow("cr-%s", framing.constData()) << framing << cr;
        QTest::addRow("utf8-%s", framing.constData()) << framing << utf8;
    }
}

void TestCaptureProxy::passThrough()
{
    QFETCH(QByteArray, framing);
    QFETCH(QByteArrayList, pieces);
    TestServer server;
    QVERIFY(server.listen());
    QPointer<Connection> upstream;
    server.route("/stream"_ba, [&upstream](Connection *connection) { upstream = connection; });
    auto proxy = startProxy(server.url(u"/"_s));
    QVERIFY(proxy);
    Captured captured(proxy.get());
    QSignalSpy responses(proxy.get(), &CaptureProxy::responseStarted);

    RawApp app(proxy->url());
    app.get("/stream?x=1");
    QTRY_VERIFY_WITH_TIMEOUT(upstream, WaitMs);
    QCOMPARE(upstream->request().target, "/stream?x=1"_ba);
    const QByteArray body = joined(pieces);
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n";
    if (framing == "chunked")
        head += "Transfer-Encoding: chunked\r\n";
    else if (framing == "length")
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    upstream->write(head + "\r\n");
    QByteArray sent;
    for (const QByteArray &piece : pieces) {
        upstream->write(framing == "chunked"
                        ? QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n"
                        : piece);
        sent += piece;
        // Each piece reaches the app before the next is written: nothing is held back.
        QTRY_COMPARE_WITH_TIMEOUT(app.body(), sent, WaitMs);
    }
    if (framing == "chunked")
        upstream->write("0\r\n\r\n");
    if (framing != "length")
        upstream->close();
    QTRY_VERIFY_WITH_TIMEOUT(captured.ends.contains(1), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(app.hasLastChunk(), WaitMs);
    QCOMPARE(app.body(), body);
    QVERIFY(app.head().startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(app.hasHeader("content-type: text/event-stream"));

    const Reference reference = parsed(pieces);
    QCOMPARE(captured.events, reference.events);
    QCOMPARE(captured.comments, reference.comments);
    QVERIFY(!captured.events.isEmpty());
    QCOMPARE(captured.origins.first(), server.origin());
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.first().at(2).toBool(), true);
    const CaptureEnd end = captured.ends.value(1);
    QCOMPARE(end.reason, Reason::Completed);
    QCOMPARE(end.status, 200);
    QCOMPARE(end.bytesReceived, body.size());
    QCOMPARE(end.bytesSent, body.size());
    QCOMPARE(proxy->activeExchangeCount(), 0);
}

void TestCaptureProxy::postBodyForwarded()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/api/v1/chat"_ba,
            TestSupport::Handlers::status(200, "application/json", "{\"ok\":true}"));
    CaptureOptions options;
    options.upstream = server.url(u"/api"_s);
    CaptureProxy proxy(options);
    QVERIFY(proxy.listen());
    QSignalSpy started(&proxy, &CaptureProxy::exchangeStarted);
    QSignalSpy ended(&proxy, &CaptureProxy::exchangeEnded);
    RawApp app(proxy.url());
    const QByteArray body = "{\"prompt\":\"hi\"}";
    app.send("POST /v1/chat HTTP/1.1\r\nHost: app.test\r\nContent-Type: application/json\r\n"
             "Content-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(app.body(), "{\"ok\":true}"_ba, WaitMs);
    QCOMPARE(server.requests().size(), 1);
    const TestSupport::Request request = server.requests().first();
    QCOMPARE(request.method, "POST"_ba);
    QCOMPARE(request.target, "/api/v1/chat"_ba);
    QCOMPARE(request.body, body);
    QCOMPARE(started.size(), 1);
    const auto info = started.first().at(1).value<Sse::RequestInfo>();
    QCOMPARE(info.connection, 1);
    QCOMPARE(info.method, "POST"_ba);
    QCOMPARE(info.url, server.url(u"/api/v1/chat"_s));
    QCOMPARE(info.body, body);
    QVERIFY(app.hasHeader("content-length: 11"));
}

void TestCaptureProxy::eventSourceThroughProxy()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/events"_ba, TestSupport::Handlers::sseHold());
    auto proxy = startProxy(server.url(u"/"_s));
    QVERIFY(proxy);
    Captured captured(proxy.get());
    QUrl url = proxy->url();
    url.setPath(u"/events"_s);
    Sse::EventSource source(url);
    QSignalSpy received(&source, &Sse::EventSource::eventReceived);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(server.connections("/events"_ba).size(), 1, WaitMs);
    server.broadcast("/events"_ba, "id: 1\ndata: hello\n\nevent: x\ndata: a\ndata: b\n\n"_ba);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, WaitMs);
    QCOMPARE(received.at(1).at(0).value<Sse::Event>().data, "a\nb"_ba);
    QCOMPARE(captured.events, (QByteArrayList{"message|1|hello", "x|1|a\nb"}));
    source.close();
    QTRY_VERIFY_WITH_TIMEOUT(captured.ends.contains(1), WaitMs);
    QCOMPARE(captured.ends.value(1).reason, Reason::ClientClosed);
}

void TestCaptureProxy::upstreamRefused()
{
    QTcpServer reserved; // a port that was free a moment ago: nothing listens there now
    QVERIFY(reserved.listen(QHostAddress::LocalHost));
    const quint16 port = reserved.serverPort();
    reserved.close();
    auto proxy = startProxy(QUrl(u"http://127.0.0.1:%1/"_s.arg(port)));
    QVERIFY(proxy);
    QSignalSpy ended(proxy.get(), &CaptureProxy::exchangeEnded);
    RawApp app(proxy->url());
    app.get("/stream");
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, WaitMs);
    const auto end = ended.first().at(1).value<CaptureEnd>();
    QCOMPARE(end.reason, Reason::UpstreamFailed);
    QVERIFY2(end.message.contains(u"refused"_s), qPrintable(end.message));
    QTRY_VERIFY_WITH_TIMEOUT(app.closed, WaitMs);
    QVERIFY(app.head().startsWith("HTTP/1.1 502 Bad Gateway\r\n"));
    QVERIFY(app.body().contains("refused"));
}

void TestCaptureProxy::bigEventPassesWhole_data()
{
    QTest::addColumn<QByteArray>("framing");
    QTest::newRow("chunked") << "chunked"_ba;
    QTest::newRow("length") << "length"_ba;
    QTest::newRow("close") << "close"_ba;
}

void TestCaptureProxy::bigEventPassesWhole()
{
    QFETCH(QByteArray, framing);
    TestServer server;
    QVERIFY(server.listen());
    QPointer<Connection> upstream;
    server.route("/big"_ba, [&upstream](Connection *connection) { upstream = connection; });
    auto proxy = startProxy(server.url(u"/"_s));
    QVERIFY(proxy);
    Captured captured(proxy.get());
    RawApp app(proxy->url());
    app.get("/big");
    QTRY_VERIFY_WITH_TIMEOUT(upstream, WaitMs);
    const QByteArray data(16 * 1024 * 1024, 'x');
    const QByteArrayList pieces = {"data: ", data, "\r\n\r\n", "data: after\n\n"};
    const QByteArray body = joined(pieces);
    if (framing == "chunked") {
        upstream->writeChunkedSseHead();
        for (const QByteArray &piece : pieces)
            upstream->writeChunk(piece);
        upstream->endChunks();
    } else if (framing == "length") {
        upstream->writeHead(200,
                {{"Content-Type", "text/event-stream"},
                        {"Content-Length", QByteArray::number(body.size())}});
        upstream->write(body);
    } else {
        upstream->writeSseHead();
        upstream->write(body);
        upstream->close();
    }
    QTRY_VERIFY_WITH_TIMEOUT(captured.ends.contains(1), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(app.hasLastChunk(), WaitMs);
    QCOMPARE(app.body(), body);
    QCOMPARE(captured.events.size(), 2);
    QCOMPARE(captured.events, parsed(pieces).events);
    QCOMPARE(captured.ends.value(1).reason, Reason::Completed);
}

void TestCaptureProxy::chunkedPostForwardedAsItCame()
{
    RawUpstream upstream;
    QVERIFY(upstream.listen());
    auto proxy = startProxy(upstream.url());
    QVERIFY(proxy);
    QSignalSpy started(proxy.get(), &CaptureProxy::exchangeStarted);
    RawApp app(proxy->url());
    const QByteArray head =
            "POST /v1/chat HTTP/1.1\r\nHost: app.test\r\nTransfer-Encoding: chunked\r\n"
            "Content-Type: application/json\r\n\r\n";
    app.send(head + "5\r\n{\"a\":\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(upstream.hasHead(0), WaitMs);
    // The first chunk is forwarded before the body is complete.
    QTRY_VERIFY_WITH_TIMEOUT(upstream.received[0].endsWith("5\r\n{\"a\":\r\n"), WaitMs);
    QCOMPARE(started.size(), 0); // the body is reported with the exchange: it is not complete yet
    app.send("2\r\n1}\r\n0\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(
            upstream.received[0].endsWith("5\r\n{\"a\":\r\n2\r\n1}\r\n0\r\n\r\n"), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, WaitMs);
    QCOMPARE(started.first().at(1).value<Sse::RequestInfo>().body, "{\"a\":1}"_ba);
    const QByteArray forwarded = upstream.received[0];
    QVERIFY(forwarded.startsWith("POST /v1/chat HTTP/1.1\r\n"));
    QVERIFY(forwarded.contains("\r\nTransfer-Encoding: chunked\r\n"));
    QVERIFY(forwarded.contains("\r\nContent-Type: application/json\r\n"));
    upstream.sockets[0]->write("HTTP/1.1 204 No Content\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(app.head().startsWith("HTTP/1.1 204 No Content\r\n"), WaitMs);
}

void TestCaptureProxy::redirectPassedBackNotFollowed()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/old"_ba, TestSupport::Handlers::redirect(302, "/new"));
    server.route("/new"_ba, TestSupport::Handlers::sseBody("data: x\n\n"));
    auto proxy = startProxy(server.url(u"/"_s));
    QVERIFY(proxy);
    QSignalSpy responses(proxy.get(), &CaptureProxy::responseStarted);
    QSignalSpy ended(proxy.get(), &CaptureProxy::exchangeEnded);
    RawApp app(proxy->url());
    app.get("/old");
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(app.headSize() > 0, WaitMs);
    QVERIFY(app.head().startsWith("HTTP/1.1 302 Found\r\n"));
    QVERIFY(app.hasHeader("location: /new"));
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(responses.first().at(1).value<Sse::ResponseInfo>().status, 302);
    QCOMPARE(responses.first().at(2).toBool(), false);
}

void TestCaptureProxy::hopByHopDroppedAndHostRewritten()
{
    RawUpstream upstream;
    QVERIFY(upstream.listen());
    auto proxy = startProxy(upstream.url(u"/base/"_s));
    QVERIFY(proxy);
    RawApp app(proxy->url());
    app.send("GET /s?q=%2F HTTP/1.1\r\nHost: app.test\r\nX-First: 1\r\nConnection: keep-alive, "
             "X-Secret\r\n"
             "Keep-Alive: timeout=5\r\nX-Secret: s\r\nTE: trailers\r\nUpgrade: h2c\r\n"
             "Proxy-Connection: keep-alive\r\nTrailer: X-T\r\nauthorization: Bearer t\r\nX-Last: "
             "2\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(upstream.hasHead(0), WaitMs);
    const QByteArray host = "127.0.0.1:" + QByteArray::number(upstream.server.serverPort());
    QCOMPARE(upstream.received[0],
            "GET /base/s?q=%2F HTTP/1.1\r\nHost: " + host
                    + "\r\nX-First: 1\r\nauthorization: Bearer t\r\nX-Last: 2\r\nConnection: "
                      "close\r\n\r\n");
    upstream.sockets[0]->write(
            "HTTP/1.1 200 OK\r\nConnection: close, X-Hop\r\nX-Hop: 1\r\nKeep-Alive: 1\r\n"
            "X-Kept: yes\r\nContent-Length: 2\r\n\r\nok");
    QTRY_COMPARE_WITH_TIMEOUT(app.body(), "ok"_ba, WaitMs);
    QCOMPARE(app.head(), "HTTP/1.1 200 OK\r\nX-Kept: yes\r\nContent-Length: 2\r\n\r\n"_ba);
}

void TestCaptureProxy::originRewrittenHostKept()
{
    RawUpstream upstream;
    QVERIFY(upstream.listen());
    CaptureOptions options;
    options.upstream = upstream.url();
    options.rewriteHost = false;
    options.rewriteOrigin = true;
    CaptureProxy proxy(options);
    QVERIFY(proxy.listen());
    RawApp app(proxy.url());
    app.send("GET /s HTTP/1.1\r\nHost: app.test:5173\r\nOrigin: http://app.test:5173\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(upstream.hasHead(0), WaitMs);
    const QByteArray origin =
            "http://127.0.0.1:" + QByteArray::number(upstream.server.serverPort());
    QCOMPARE(upstream.received[0],
            "GET /s HTTP/1.1\r\nHost: app.test:5173\r\nOrigin: " + origin
                    + "\r\nConnection: close\r\n\r\n");
}

void TestCaptureProxy::otherResponseStreamedAndReported()
{
    RawUpstream upstream;
    QVERIFY(upstream.listen());
    auto proxy = startProxy(upstream.url());
    QVERIFY(proxy);
    Captured captured(proxy.get());
    QSignalSpy responses(proxy.get(), &CaptureProxy::responseStarted);
    RawApp app(proxy->url());
    app.get("/data.json");
    QTRY_VERIFY_WITH_TIMEOUT(upstream.hasHead(0), WaitMs);
    upstream.sockets[0]->write(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n[1,");
    // The first part arrives before the rest is sent: streamed, not held.
    QTRY_COMPARE_WITH_TIMEOUT(app.body(), "[1,"_ba, WaitMs);
    QCOMPARE(responses.size(), 1);
    const auto response = responses.first().at(1).value<Sse::ResponseInfo>();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.reason, "OK"_ba);
    QCOMPARE(response.httpVersion, "1.1"_ba);
    QCOMPARE(response.finalUrl, upstream.url(u"/data.json"_s));
    QCOMPARE(response.header("content-type"), "application/json"_ba);
    QCOMPARE(responses.first().at(2).toBool(), false);
    upstream.sockets[0]->write("2,3,4,5,6]");
    QTRY_VERIFY_WITH_TIMEOUT(captured.ends.contains(1), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(app.body(), "[1,2,3,4,5,6]"_ba.first(12), WaitMs);
    QCOMPARE(captured.ends.value(1).reason, Reason::Completed);
    QCOMPARE(captured.ends.value(1).bytesReceived, 12);
    QCOMPARE(captured.ends.value(1).bytesSent, 12);
    QVERIFY(captured.events.isEmpty());
}

void TestCaptureProxy::retryFieldsReported()
{
    TestServer server;
    QVERIFY(server.listen());
    // Only a field of ASCII digits sets the reconnection time, as a client reads it.
    server.route("/s"_ba,
            TestSupport::Handlers::sseBody("retry: 2500\n\nretry: soon\ndata: a\n\nretry: 0\n\n"));
    auto proxy = startProxy(server.url(u"/"_s));
    QVERIFY(proxy);
    Captured captured(proxy.get());
    QList<std::pair<int, qint64>> retries;
    connect(proxy.get(), &CaptureProxy::retryCaptured, this,
            [&retries](int exchange, std::chrono::milliseconds time) {
                retries.append({exchange, qint64(time.count())});
            });
    RawApp app(proxy->url());
    app.get("/s");
    QTRY_VERIFY_WITH_TIMEOUT(captured.ends.contains(1), WaitMs);
    QCOMPARE(retries, (QList<std::pair<int, qint64>>{{1, 2500}, {1, 0}}));
    QCOMPARE(captured.events, QByteArrayList{"message||a"});
}

void TestCaptureProxy::headResponseHasNoBody()
{
    RawUpstream upstream;
    QVERIFY(upstream.listen());
    auto proxy = startProxy(upstream.url());
    QVERIFY(proxy);
    QSignalSpy ended(proxy.get(), &CaptureProxy::exchangeEnded);
    RawApp app(proxy->url());
    app.send("HEAD /file HTTP/1.1\r\nHost: a\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(upstream.hasHead(0), WaitMs);
    upstream.sockets[0]->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, WaitMs);
    QCOMPARE(ended.first().at(1).value<CaptureEnd>().reason, Reason::Completed);
    QTRY_COMPARE_WITH_TIMEOUT(
            app.received, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"_ba, WaitMs);
    QVERIFY(!app.closed);
}

void TestCaptureProxy::keepAliveCarriesRequestsInTurn()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/a"_ba, TestSupport::Handlers::status(200, "text/plain", "first"));
    server.route("/b"_ba, TestSupport::Handlers::sseBody("data: second\n\n"));
    auto proxy = startProxy(server.url(u"/"_s));
    QVERIFY(proxy);
    Captured captured(proxy.get());
    RawApp app(proxy->url());
    // Both requests at once: the second waits for the first exchange to end.
    app.send("GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(captured.ends.contains(2), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(app.received.endsWith("0\r\n\r\n"), WaitMs);
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(captured.events, QByteArrayList{"message||second"});
    QCOMPARE(captured.exchanges, QList<int>{2});
    QVERIFY(app.received.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(app.received.contains("first"));
    QCOMPARE(app.received.count("HTTP/1.1 200 OK\r\n"), 2);
    QVERIFY(!app.closed);
    QCOMPARE(proxy->activeExchangeCount(), 0);
}

void TestCaptureProxy::http10AppGetsCloseDelimited()
{
    TestServer server;
    QVERIFY(server.listen());
    QPointer<Connection> upstream;
    server.route("/s"_ba, [&upstream](Connection *connection) { upstream = connection; });
    auto proxy = startProxy(server.url(u"/"_s));
    QVERIFY(proxy);
    RawApp app(proxy->url());
    app.send("GET /s HTTP/1.0\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(upstream, WaitMs);
    upstream->writeChunkedSseHead();
    upstream->writeChunk("data: 1\n\n");
    upstream->endChunks();
    QTRY_VERIFY_WITH_TIMEOUT(app.closed, WaitMs);
    QVERIFY(!app.hasHeader("transfer-encoding"));
    QVERIFY(app.hasHeader("connection: close"));
    QCOMPARE(app.body(), "data: 1\n\n"_ba);
}

void TestCaptureProxy::upstreamClosingEarlyIsPassedOn()
{
    TestServer server;
    QVERIFY(server.listen());
    QPointer<Connection> upstream;
    server.route("/s"_ba, [&upstream](Connection *connection) { upstream = connection; });
    auto proxy = startProxy(server.url(u"/"_s));
    QVERIFY(proxy);
    Captured captured(proxy.get());
    RawApp app(proxy->url());
    app.get("/s");
    QTRY_VERIFY_WITH_TIMEOUT(upstream, WaitMs);
    upstream->writeChunkedSseHead();
    upstream->writeChunk("data: 1\n\n");
    QTRY_COMPARE_WITH_TIMEOUT(app.body(), "data: 1\n\n"_ba, WaitMs);
    upstream->close();
    QTRY_VERIFY_WITH_TIMEOUT(app.closed, WaitMs);
    QVERIFY(!app.hasLastChunk());
    QTRY_VERIFY_WITH_TIMEOUT(captured.ends.contains(1), WaitMs);
    QCOMPARE(captured.ends.value(1).reason, Reason::UpstreamClosed);
    QCOMPARE(captured.events.size(), 1);
}

void TestCaptureProxy::brokenUpstreamFramingClosesApp()
{
    RawUpstream upstream;
    QVERIFY(upstream.listen());
    auto proxy = startProxy(upstream.url());
    QVERIFY(proxy);
    Captured captured(proxy.get());
    RawApp app(proxy->url());
    app.get("/s");
    QTRY_VERIFY_WITH_TIMEOUT(upstream.hasHead(0), WaitMs);
    upstream.sockets[0]->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                               "Transfer-Encoding: chunked\r\n\r\n9\r\ndata: 1\n\n\r\nzz\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(app.closed, WaitMs);
    QCOMPARE(app.body(), "data: 1\n\n"_ba);
    QVERIFY(!app.hasLastChunk());
    QCOMPARE(captured.ends.value(1).reason, Reason::UpstreamClosed);
}

void TestCaptureProxy::appClosingAbortsUpstream()
{
    TestServer server;
    QVERIFY(server.listen());
    QPointer<Connection> upstream;
    server.route("/s"_ba, [&upstream](Connection *connection) { upstream = connection; });
    auto proxy = startProxy(server.url(u"/"_s));
    QVERIFY(proxy);
    Captured captured(proxy.get());
    QSignalSpy active(proxy.get(), &CaptureProxy::activeExchangeCountChanged);
    RawApp app(proxy->url());
    app.get("/s");
    QTRY_VERIFY_WITH_TIMEOUT(upstream, WaitMs);
    upstream->writeChunkedSseHead();
    QTRY_VERIFY_WITH_TIMEOUT(app.headSize() > 0, WaitMs);
    QCOMPARE(proxy->activeExchangeCount(), 1);
    QSignalSpy upstreamGone(upstream.data(), &Connection::disconnected);
    app.socket.close();
    QTRY_COMPARE_WITH_TIMEOUT(upstreamGone.size(), 1, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(captured.ends.contains(1), WaitMs);
    QCOMPARE(captured.ends.value(1).reason, Reason::ClientClosed);
    QCOMPARE(proxy->activeExchangeCount(), 0);
    QCOMPARE(active.size(), 2);
    QCOMPARE(active.last().at(0).toInt(), 0);
}

void TestCaptureProxy::halfClosingAppEndsExchange()
{
    // Qt 6.4 limit: QAbstractSocket takes a read end-of-file for the end of the connection, so
    // an app that half-closes after its request loses the response (docs/captureproxy.md).
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, TestSupport::Handlers::sseHold("data: 1\n\n"));
    auto proxy = startProxy(server.url(u"/"_s));
    QVERIFY(proxy);
    Captured captured(proxy.get());
    RawApp app(proxy->url());
    app.get("/s");
    QVERIFY(app.socket.waitForConnected(WaitMs));
    QVERIFY(app.socket.flush() || app.socket.bytesToWrite() == 0);
    QTRY_COMPARE_WITH_TIMEOUT(app.socket.bytesToWrite(), 0, WaitMs);
    QCOMPARE(::shutdown(int(app.socket.socketDescriptor()), SHUT_WR), 0);
    QTRY_VERIFY_WITH_TIMEOUT(captured.ends.contains(1), WaitMs);
    QCOMPARE(captured.ends.value(1).reason, Reason::ClientClosed);
    QTRY_VERIFY_WITH_TIMEOUT(app.closed, WaitMs);
    QVERIFY(app.body().isEmpty());
}

void TestCaptureProxy::closeStopsExchanges()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, TestSupport::Handlers::sseHold("data: 1\n\n"));
    auto proxy = startProxy(server.url(u"/"_s));
    QVERIFY(proxy);
    Captured captured(proxy.get());
    RawApp first(proxy->url());
    RawApp second(proxy->url());
    first.get("/s");
    second.get("/s");
    QTRY_COMPARE_WITH_TIMEOUT(captured.events.size(), 2, WaitMs);
    proxy->close();
    QCOMPARE(captured.ends.size(), 2);
    QCOMPARE(captured.ends.value(1).reason, Reason::Stopped);
    QCOMPARE(captured.ends.value(2).reason, Reason::Stopped);
    QCOMPARE(proxy->activeExchangeCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(first.closed && second.closed, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, WaitMs);
}

void TestCaptureProxy::badHeadsRefused()
{
    RawUpstream upstream;
    QVERIFY(upstream.listen());
    auto proxy = startProxy(upstream.url());
    QVERIFY(proxy);
    QSignalSpy started(proxy.get(), &CaptureProxy::exchangeStarted);
    RawApp garbage(proxy->url());
    garbage.send("\x16\x03\x01\x02\x00 not http\r\n\r\n");
    RawApp huge(proxy->url());
    huge.send("GET / HTTP/1.1\r\nX-Big: " + QByteArray(20 * 1024, 'a') + "\r\n\r\n");
    RawApp smuggler(proxy->url());
    smuggler.send("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(garbage.closed && huge.closed && smuggler.closed, WaitMs);
    QVERIFY(garbage.received.startsWith("HTTP/1.1 400 Bad Request\r\n"));
    QVERIFY(huge.received.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"));
    QVERIFY(smuggler.received.startsWith("HTTP/1.1 400 Bad Request\r\n"));
    QCOMPARE(upstream.sockets.size(), 0);
    QCOMPARE(started.size(), 0);
}

void TestCaptureProxy::headTimeoutCloses()
{
    RawUpstream upstream;
    QVERIFY(upstream.listen());
    auto proxy = startProxy(upstream.url());
    QVERIFY(proxy);
    RawApp app(proxy->url());
    app.send("GET / HTTP/1.1\r\nHost:");
    QTimer *timer = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((timer = proxy->findChild<QTimer *>(u"headTimer"_s)), WaitMs);
    QCOMPARE(timer->interval(), 30'000);
    QVERIFY(timer->isActive());
    timer->setInterval(50); // restarts it: the test need not wait 30 s
    QTRY_VERIFY_WITH_TIMEOUT(app.closed, WaitMs);
    QVERIFY(app.received.isEmpty());
    QCOMPARE(upstream.sockets.size(), 0);
}

void TestCaptureProxy::tlsUpstreamVerified()
{
    TestServer server;
    if (!server.listen(TestServer::Tls))
        QSKIP(qPrintable(server.errorString()));
    server.route("/s"_ba, TestSupport::Handlers::sseBody("data: secure\n\n"));
    {
        auto proxy = startProxy(server.url(u"/"_s));
        QVERIFY(proxy);
        QSignalSpy ended(proxy.get(), &CaptureProxy::exchangeEnded);
        RawApp app(proxy->url());
        app.get("/s");
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, WaitMs);
        const auto end = ended.first().at(1).value<CaptureEnd>();
        QCOMPARE(end.reason, Reason::UpstreamFailed);
        QVERIFY2(end.message.contains(u"not trusted"_s), qPrintable(end.message));
        QTRY_VERIFY_WITH_TIMEOUT(app.closed, WaitMs);
        QVERIFY(app.received.startsWith("HTTP/1.1 502 Bad Gateway\r\n"));
        QVERIFY(app.body().contains("self signed") || app.body().contains("self-signed"));
        QCOMPARE(server.requestCount(), 0);
    }
    CaptureOptions options;
    options.upstream = server.url(u"/"_s);
    options.trustedCertificates =
            QSslCertificate::fromPath(TestSupport::testDataFile(u"testserver-cert.pem"_s));
    QCOMPARE(options.trustedCertificates.size(), 1);
    CaptureProxy proxy(options);
    QVERIFY(proxy.listen());
    Captured captured(&proxy);
    RawApp app(proxy.url());
    app.get("/s");
    QTRY_VERIFY_WITH_TIMEOUT(captured.ends.contains(1), WaitMs);
    QCOMPARE(captured.ends.value(1).reason, Reason::Completed);
    QCOMPARE(captured.events, QByteArrayList{"message||secure"});
    QCOMPARE(captured.origins, QStringList{server.origin()});
    QTRY_COMPARE_WITH_TIMEOUT(app.body(), "data: secure\n\n"_ba, WaitMs);
}

void TestCaptureProxy::statusRuleAnswers()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, TestSupport::Handlers::sseBody("data: x\n\n"));
    CaptureRule rule;
    rule.action = CaptureRule::Action::Status;
    rule.value = 503;
    auto proxy = startProxy(server.url(u"/"_s), {rule});
    QVERIFY(proxy);
    QSignalSpy faults(proxy.get(), &CaptureProxy::faultApplied);
    QSignalSpy ended(proxy.get(), &CaptureProxy::exchangeEnded);
    RawApp app(proxy->url());
    app.get("/s");
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, WaitMs);
    const auto end = ended.first().at(1).value<CaptureEnd>();
    QCOMPARE(end.reason, Reason::Answered);
    QCOMPARE(end.status, 503);
    QCOMPARE(faults.size(), 1);
    QCOMPARE(faults.first().at(1).value<CaptureRule>(), rule);
    QTRY_VERIFY_WITH_TIMEOUT(app.closed, WaitMs);
    QVERIFY(app.received.startsWith("HTTP/1.1 503 Service Unavailable\r\n"));
    QVERIFY(app.hasHeader("content-type: text/plain"));
    QCOMPARE(server.acceptedSockets(), 0);
}

void TestCaptureProxy::gzipRuleCompresses()
{
    TestServer server;
    QVERIFY(server.listen());
    QPointer<Connection> upstream;
    server.route("/s"_ba, [&upstream](Connection *connection) { upstream = connection; });
    CaptureRule rule;
    rule.action = CaptureRule::Action::Gzip;
    auto proxy = startProxy(server.url(u"/"_s), {rule});
    QVERIFY(proxy);
    Captured captured(proxy.get());
    QSignalSpy faults(proxy.get(), &CaptureProxy::faultApplied);
    RawApp app(proxy->url());
    app.get("/s");
    QTRY_VERIFY_WITH_TIMEOUT(upstream, WaitMs);
    upstream->writeChunkedSseHead();
    const QByteArrayList pieces = {"data: 1\n\n", "data: 2\n\n", "data: 3\n\n"};
    for (const QByteArray &piece : pieces)
        upstream->writeChunk(piece);
    QTRY_COMPARE_WITH_TIMEOUT(captured.events.size(), 3, WaitMs);
    // The copy reports the events as the proxy writes the head, before the app has read it.
    QTRY_VERIFY_WITH_TIMEOUT(app.hasHeader("content-encoding: gzip"), WaitMs);
    const auto decoded = [&app] {
        QByteArray plain;
        Sse::ContentDecoder decoder("gzip");
        decoder.decode(app.body(), [&plain](QByteArrayView bytes) {
            plain.append(bytes);
            return true;
        });
        return plain;
    };
    // Unflushed: the events are held in the compressor, as a buffering middleware holds them.
    QCOMPARE(decoded(), QByteArray());
    upstream->endChunks();
    QTRY_VERIFY_WITH_TIMEOUT(app.hasLastChunk(), WaitMs);
    QCOMPARE(decoded(), joined(pieces));
    QCOMPARE(faults.size(), 1);
    QCOMPARE(captured.ends.value(1).bytesSent, app.body().size());
}

void TestCaptureProxy::compressedStreamPassesUnchanged()
{
    TestServer server;
    QVERIFY(server.listen());
    const QByteArray plain = "data: one\n\ndata: two\n\n";
    const QByteArray compressed = TestSupport::Compression::gzip(plain);
    server.route("/s"_ba, [compressed](Connection *connection) {
        connection->writeHead(
                200, {{"Content-Type", "text/event-stream"}, {"Content-Encoding", "gzip"}});
        connection->write(compressed);
        connection->close();
    });
    CaptureRule rule;
    rule.action = CaptureRule::Action::Drop;
    rule.text = "message";
    auto proxy = startProxy(server.url(u"/"_s), {rule});
    QVERIFY(proxy);
    Captured captured(proxy.get());
    QSignalSpy faults(proxy.get(), &CaptureProxy::faultApplied);
    RawApp app(proxy->url());
    app.get("/s");
    QTRY_VERIFY_WITH_TIMEOUT(captured.ends.contains(1), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(app.hasLastChunk(), WaitMs);
    QCOMPARE(app.body(), compressed);
    QVERIFY(app.hasHeader("content-encoding: gzip"));
    QCOMPARE(captured.events, (QByteArrayList{"message||one", "message||two"}));
    QCOMPARE(faults.size(), 1);
    QVERIFY(faults.first().at(2).toString().contains(u"compressed"_s));
    QCOMPARE(captured.ends.value(1).bytesReceived, compressed.size());
}

void TestCaptureProxy::concurrentStreams()
{
    constexpr int Streams = 200;
    constexpr int Events = 20;
    RawUpstream upstream;
    QVERIFY(upstream.listen());
    auto proxy = startProxy(upstream.url());
    QVERIFY(proxy);
    Captured captured(proxy.get());
    std::vector<std::unique_ptr<RawApp>> apps;
    for (int i = 0; i < Streams; ++i) {
        apps.push_back(std::make_unique<RawApp>(proxy->url()));
        apps.back()->get("/s/" + QByteArray::number(i));
    }
    QTRY_COMPARE_WITH_TIMEOUT(upstream.sockets.size(), Streams, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(proxy->activeExchangeCount(), Streams, WaitMs);
    for (int i = 0; i < Streams; ++i)
        QTRY_VERIFY_WITH_TIMEOUT(upstream.hasHead(i), WaitMs);
    for (QTcpSocket *socket : std::as_const(upstream.sockets))
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n");
    QHash<QByteArray, QByteArray> expected; // app's target -> body
    for (int n = 0; n < Events; ++n) {
        for (int i = 0; i < Streams; ++i) {
            const QByteArray target = upstream.received[i].split(' ').value(1);
            const QByteArray event = "id: " + QByteArray::number(n) + "\ndata: " + target + "\n\n";
            upstream.sockets[i]->write(event);
            expected[target] += event;
        }
        QCoreApplication::processEvents();
    }
    for (QTcpSocket *socket : std::as_const(upstream.sockets))
        socket->disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(captured.ends.size(), Streams, 60000);
    QCOMPARE(captured.events.size(), Streams * Events);
    for (int i = 0; i < Streams; ++i) {
        const QByteArray target = "/s/" + QByteArray::number(i);
        QTRY_VERIFY_WITH_TIMEOUT(apps[i]->hasLastChunk(), WaitMs);
        QCOMPARE(apps[i]->body(), expected.value(target));
    }
    for (const CaptureEnd &end : std::as_const(captured.ends))
        QCOMPARE(end.reason, Reason::Completed);
    QCOMPARE(proxy->activeExchangeCount(), 0);
}

void TestCaptureProxy::slowAppStopsUpstreamReads()
{
    // More than the kernel may buffer on loopback (here tcp_rmem allows 32 MiB a socket).
    constexpr qint64 Offered = 192 * 1024 * 1024;
    RawUpstream upstream;
    QVERIFY(upstream.listen());
    auto proxy = startProxy(upstream.url());
    QVERIFY(proxy);
    QTcpSocket app;
    app.setReadBufferSize(64 * 1024); // the app reads nothing: the kernel holds the rest
    app.connectToHost(proxy->url().host(), quint16(proxy->port()));
    app.write("GET /flood HTTP/1.1\r\nHost: a\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(upstream.hasHead(0), WaitMs);
    QTcpSocket *socket = upstream.sockets[0];
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
            + QByteArray::number(Offered) + "\r\n\r\n");
    const QByteArray block(64 * 1024, 'z');
    qint64 queued = 0;
    const auto topUp = [&] {
        // Keeps 4 MiB waiting in the upstream's socket: it writes as fast as the proxy reads.
        while (queued < Offered && socket->bytesToWrite() < 4 * 1024 * 1024) {
            socket->write(block);
            queued += block.size();
        }
    };
    QObject::connect(socket, &QTcpSocket::bytesWritten, socket, topUp);
    topUp();
    const qint64 heapBefore = TestSupport::heapInUse();
    // The upstream stops getting rid of bytes: the proxy stopped reading.
    const qint64 lastSent = waitUntilStalled([&] { return queued - socket->bytesToWrite(); });
    QVERIFY(lastSent > 0);
    QVERIFY2(lastSent < Offered, qPrintable(QString::number(lastSent)));
    // What stopped it is the proxy, at its marks; the kernel holds what it has not read.
    QVERIFY(withinMarks(*proxy));
    if (TestSupport::heapInUse() > 0)
        QVERIFY(TestSupport::heapInUse() - heapBefore < 8 * 1024 * 1024);
    // Now the app reads: every byte arrives, as the upstream sent it.
    app.setReadBufferSize(0);
    QByteArray head;
    qint64 bodyBytes = 0;
    bool allBody = true;
    const auto read = [&] {
        QByteArray bytes = app.readAll();
        if (!head.endsWith("\r\n\r\n")) {
            head += bytes;
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            bytes = head.sliced(end + 4);
            head.truncate(end + 4);
        }
        bodyBytes += bytes.size();
        allBody = allBody && bytes.count('z') == bytes.size();
    };
    QObject::connect(&app, &QTcpSocket::readyRead, &app, read);
    read();
    QTRY_COMPARE_WITH_TIMEOUT(bodyBytes, Offered, 60000);
    QVERIFY(allBody);
    QVERIFY(head.startsWith("HTTP/1.1 200 OK\r\n"));
}

void TestCaptureProxy::slowUpstreamStopsRequestReads()
{
    constexpr qint64 Offered = 192 * 1024 * 1024; // more than the kernel buffers
    RawUpstream upstream;
    QVERIFY(upstream.listen());
    auto proxy = startProxy(upstream.url());
    QVERIFY(proxy);
    RawApp app(proxy->url());
    app.send("PUT /upload HTTP/1.1\r\nHost: a\r\nContent-Length: " + QByteArray::number(Offered)
            + "\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(upstream.hasHead(0), WaitMs);
    upstream.setPaused(true);
    const QByteArray block(64 * 1024, 'u');
    qint64 queued = 0;
    const auto topUp = [&] {
        while (queued < Offered && app.socket.bytesToWrite() < 4 * 1024 * 1024) {
            app.socket.write(block);
            queued += block.size();
        }
    };
    QObject::connect(&app.socket, &QTcpSocket::bytesWritten, &app.socket, topUp);
    topUp();
    const qint64 sent = waitUntilStalled([&] { return queued - app.socket.bytesToWrite(); });
    QVERIFY(sent > 0);
    QVERIFY2(sent < Offered, qPrintable(QString::number(sent)));
    QVERIFY(withinMarks(*proxy));
    upstream.setPaused(false);
    const qsizetype headSize = upstream.received[0].indexOf("\r\n\r\n") + 4;
    QTRY_COMPARE_WITH_TIMEOUT(upstream.received[0].size() - headSize, Offered, 60000);
    QCOMPARE(upstream.received[0].sliced(headSize).count('u'), Offered);
}

void TestCaptureProxy::stalledStageStopsUpstreamReads()
{
    constexpr qint64 Offered = 256 * 1024 * 1024; // more than the stage and the kernel hold
    RawUpstream upstream;
    QVERIFY(upstream.listen());
    CaptureRule stall;
    stall.action = CaptureRule::Action::Stall;
    stall.value = 60'000; // longer than the test: it ends by the app closing
    auto proxy = startProxy(upstream.url(), {stall});
    QVERIFY(proxy);
    RawApp app(proxy->url());
    app.get("/flood");
    QTRY_VERIFY_WITH_TIMEOUT(upstream.hasHead(0), WaitMs);
    QTcpSocket *socket = upstream.sockets[0];
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n");
    const QByteArray event = "data: " + QByteArray(4090, 'e') + "\n\n"; // 4 KiB
    const QByteArray block = event.repeated(16);
    qint64 queued = 0;
    const auto topUp = [&] {
        while (queued < Offered && socket->bytesToWrite() < 4 * 1024 * 1024) {
            socket->write(block);
            queued += block.size();
        }
    };
    QObject::connect(socket, &QTcpSocket::bytesWritten, socket, topUp);
    topUp();
    const qint64 sent = waitUntilStalled([&] { return queued - socket->bytesToWrite(); });
    QVERIFY(sent > 0);
    // What the stall holds stops at the stage's high-water mark (48 MiB); the kernel the rest.
    QVERIFY2(sent < Offered, qPrintable(QString::number(sent)));
    QVERIFY(withinMarks(*proxy));
    QCOMPARE(app.body(), QByteArray());
    QSignalSpy ended(proxy.get(), &CaptureProxy::exchangeEnded);
    app.socket.abort();
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, WaitMs);
    QCOMPARE(ended.first().at(1).value<CaptureEnd>().reason, Reason::ClientClosed);
}

void TestCaptureProxy::cutRuleClosesBothSides()
{
    TestServer server;
    QVERIFY(server.listen());
    QPointer<Connection> upstream;
    server.route("/s"_ba, [&upstream](Connection *connection) { upstream = connection; });
    const Sse::CaptureRuleResult cut = Sse::parseCaptureRule(u"cut=2,match=/s"_s);
    QVERIFY2(cut.ok, qPrintable(cut.error));
    auto proxy = startProxy(server.url(u"/"_s), {cut.rule});
    QVERIFY(proxy);
    Captured captured(proxy.get());
    RawApp app(proxy->url());
    app.get("/s");
    QTRY_VERIFY_WITH_TIMEOUT(upstream, WaitMs);
    QSignalSpy upstreamGone(upstream.data(), &Connection::disconnected);
    upstream->writeChunkedSseHead();
    upstream->writeChunk("data: 1\n\ndata: 2\n\ndata: 3\n\n");
    QTRY_VERIFY_WITH_TIMEOUT(app.closed, WaitMs);
    QCOMPARE(app.body(), "data: 1\n\ndata: 2\n\n"_ba);
    QVERIFY(!app.hasLastChunk());
    QTRY_COMPARE_WITH_TIMEOUT(upstreamGone.size(), 1, WaitMs);
    QCOMPARE(captured.ends.value(1).reason, Reason::Cut);
    // The copy reports what the upstream sent, the cut event's successor included.
    QCOMPARE(captured.events.size(), 3);
}

void TestCaptureProxy::rulesChangeWhileStreaming()
{
    TestServer server;
    QVERIFY(server.listen());
    QPointer<Connection> upstream;
    server.route("/s"_ba, [&upstream](Connection *connection) { upstream = connection; });
    auto proxy = startProxy(server.url(u"/"_s));
    QVERIFY(proxy);
    QSignalSpy faults(proxy.get(), &CaptureProxy::faultApplied);
    RawApp app(proxy->url());
    app.get("/s");
    QTRY_VERIFY_WITH_TIMEOUT(upstream, WaitMs);
    upstream->writeChunkedSseHead();
    upstream->writeChunk("event: noise\ndata: 1\n\ndata: 2\n\n");
    QTRY_COMPARE_WITH_TIMEOUT(app.body(), "event: noise\ndata: 1\n\ndata: 2\n\n"_ba, WaitMs);
    const Sse::CaptureRuleResult drop = Sse::parseCaptureRule(u"drop=noise"_s);
    QVERIFY2(drop.ok, qPrintable(drop.error));
    proxy->setRules({drop.rule});
    QCOMPARE(proxy->rules(), QList<CaptureRule>{drop.rule});
    upstream->writeChunk("event: noise\ndata: 3\n\ndata: 4\n\n");
    QTRY_COMPARE_WITH_TIMEOUT(
            app.body(), "event: noise\ndata: 1\n\ndata: 2\n\ndata: 4\n\n"_ba, WaitMs);
    QVERIFY(!faults.isEmpty());
}

QTEST_GUILESS_MAIN(TestCaptureProxy)
#include "tst_captureproxy.moc"
