// SPDX-License-Identifier: MIT
// Tests for Sse::CaptureProxy: raw app sockets through the proxy to small upstreams on 127.0.0.1.
#include "tests/support/testserver.h"

#include "sselib/capture/captureproxy.h"
#include "sselib/parser.h"

#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

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

QByteArray joined(const QByteArrayList &pieces)
{
    return pieces.join();
}

} // namespace

class TestCaptureProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listensAndReportsUrl();
    void passThrough_data();
    void passThrough();
    void postBodyForwarded();
    void upstreamRefused();
};

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
    server.route(
            "/api/v1/chat"_ba, TestSupport::Handlers::status(200, "application/json", "{\"ok\":true}"));
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

QTEST_GUILESS_MAIN(TestCaptureProxy)
#include "tst_captureproxy.moc"
