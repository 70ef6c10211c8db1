// SPDX-License-Identifier: MIT
// ssedash-cli proxy: the real binary between a real upstream (TestServer) and a real client
// (QNetworkAccessManager): its first line, the lines of each stream, --output, faults, errors.
#include "tests/support/cliprocess.h"
#include "tests/support/filesizelimit.h"
#include "tests/support/testserver.h"

#include "sselib/capture/capturerule.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <functional>
#include <memory>
#include <signal.h>
#include <sys/types.h>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString CliPath = QStringLiteral(SSEDASH_CLI_PATH);
constexpr int TimeoutMs = 20000;

// `ssedash-cli proxy ARGS...`, read from the event loop (the upstream and client live here).
class Proxy : public TestSupport::CliProcess
{
public:
    explicit Proxy(const QStringList &arguments, const std::function<void()> &childSetup = {})
        : CliProcess(CliPath, QStringList{u"proxy"_s} + arguments, childSetup)
    { }

    /// The JSON lines after the first, as objects.
    QList<QJsonObject> objects()
    {
        QList<QJsonObject> result;
        const QByteArrayList all = lines();
        for (qsizetype i = 1; i < all.size(); ++i)
            result.append(QJsonDocument::fromJson(all.at(i)).object());
        return result;
    }

    /// Where the app is to send its requests, from the first line; empty until it is out.
    QUrl url()
    {
        static const QRegularExpression first(u"^ssedash-cli: proxying (\\S+) -> "_s);
        const QRegularExpressionMatch match =
                first.match(QString::fromUtf8(lines().value(0, QByteArray())));
        return match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
    }

    /// The first line is out, or the proxy exited (and never will listen).
    bool isListeningOrFinished() { return !url().isEmpty() || isFinished(); }
};

// The lines of kind `kind`.
QList<QJsonObject> ofKind(const QList<QJsonObject> &objects, const QString &kind)
{
    QList<QJsonObject> result;
    for (const QJsonObject &object : objects) {
        if (object.value(u"kind"_s).toString() == kind)
            result.append(object);
    }
    return result;
}

QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

QByteArray readAll(const QString &fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<cannot read>");
}

// The stream that most tests send: a comment, a named event with an id, an unnamed one.
const QByteArray StreamBody = ": hi\n\nevent: tick\nid: 7\ndata: caf\xC3\xA9\n\ndata: b\n\n"_ba;

// 200 text/event-stream, chunked, with `body` in one chunk; then the stream ends.
TestSupport::TestServer::Handler chunkedStream(const QByteArray &body)
{
    return [body](TestSupport::Connection *connection) {
        connection->writeChunkedSseHead();
        connection->writeChunk(body);
        connection->endChunks();
        connection->close();
    };
}

} // namespace

class tst_CliProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstLine_namesProxyAndUpstreamAsGiven();
    void stream_printsOpenEventsCommentsAndEnd();
    void stream_invalidUtf8_printedRepaired();
    void otherExchange_logsOnStderrOnly();
    void output_recordsStreamAndUrl_andExports();
    void output_diskRefuses_exitOneWithWholeRecords();
    void faultCut_endsAfterNthEvent();
    void trustCert_selfSignedUpstream_refusedUnlessTrusted();
    void terminationSignal_exitsZero_data();
    void terminationSignal_exitsZero();
    void timeout_exitsZero();
    void badOptions_exitTwo_data();
    void badOptions_exitTwo();
    void badRule_saysParseCaptureRulesError();
    void runtimeErrors_exitOne_data();
    void runtimeErrors_exitOne();
    void portInUse_exitOne();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    // A GET through the proxy; the reply's body once it finished.
    QByteArray get(const QUrl &url);

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
};

QString tst_CliProxy::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QByteArray tst_CliProxy::get(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    std::unique_ptr<QNetworkReply> reply(m_network.get(request));
    if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, TimeoutMs))
        return "<no answer>";
    return reply->readAll();
}

void tst_CliProxy::initTestCase()
{
    QVERIFY2(QFile::exists(CliPath), qPrintable(CliPath));
    QVERIFY(m_dir.isValid());
}

void tst_CliProxy::firstLine_namesProxyAndUpstreamAsGiven()
{
    // The upstream as the user wrote it, not as QUrl would normalise it.
    const QString upstream = u"http://127.0.0.1:1/base/../api"_s;
    Proxy proxy({u"--upstream"_s, upstream});
    QTRY_VERIFY_WITH_TIMEOUT(!proxy.lines().isEmpty() || proxy.isFinished(), TimeoutMs);
    const QByteArray first = proxy.lines().value(0);
    static const QRegularExpression expected(
            u"^ssedash-cli: proxying http://127\\.0\\.0\\.1:[1-9][0-9]*/ -> "_s
            + QRegularExpression::escape(upstream) + u'$');
    QVERIFY2(expected.match(QString::fromUtf8(first)).hasMatch(), proxy.describe().constData());
    QCOMPARE(proxy.lines().size(), 1);
}

void tst_CliProxy::stream_printsOpenEventsCommentsAndEnd()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events", chunkedStream(StreamBody));
    Proxy proxy({u"--upstream"_s, server.url(u"/"_s).toString()});
    QTRY_VERIFY_WITH_TIMEOUT(proxy.isListeningOrFinished(), TimeoutMs);
    QVERIFY2(!proxy.url().isEmpty(), proxy.describe().constData());

    // The app gets the upstream's bytes; the proxy prints what they hold.
    QCOMPARE(get(proxy.url().resolved(QUrl(u"/events?x=1"_s))), StreamBody);
    QTRY_VERIFY2_WITH_TIMEOUT(
            !ofKind(proxy.objects(), u"end"_s).isEmpty(), proxy.describe().constData(), TimeoutMs);
    const QList<QJsonObject> objects = proxy.objects();
    QCOMPARE(objects.size(), 5);
    const QByteArray url = server.url(u"/events?x=1"_s).toEncoded();
    QCOMPARE(objects.at(0),
            json(R"({"kind":"open","stream":1,"method":"GET","url":")" + url
                    + R"(","status":200})"));
    QCOMPARE(objects.at(1), json(R"({"kind":"comment","stream":1,"comment":"hi"})"));
    QCOMPARE(objects.at(2),
            json("{\"kind\":\"event\",\"stream\":1,\"type\":\"tick\",\"data\":\"caf\xC3\xA9\","
                 "\"lastEventId\":\"7\"}"));
    QCOMPARE(objects.at(3),
            json(R"({"kind":"event","stream":1,"type":"message","data":"b","lastEventId":"7"})"));
    QJsonObject end = objects.at(4);
    QVERIFY(end.take(u"message"_s).isString());
    QCOMPARE(end,
            json(R"({"kind":"end","stream":1,"reason":"completed","bytesReceived":)"
                    + QByteArray::number(StreamBody.size()) + R"(,"bytesSent":)"
                    + QByteArray::number(StreamBody.size()) + "}"));
    // Stream exchanges have no log line.
    QVERIFY2(proxy.errorOutput().isEmpty(), proxy.errorOutput().constData());
}

void tst_CliProxy::stream_invalidUtf8_printedRepaired()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    const QByteArray body = "event: a\xFFz\ndata: \xC3(\x01\n\n: \xFE\n\n"_ba;
    server.route("/events", chunkedStream(body));
    Proxy proxy({u"--upstream"_s, server.url(u"/"_s).toString()});
    QTRY_VERIFY_WITH_TIMEOUT(proxy.isListeningOrFinished(), TimeoutMs);
    QVERIFY2(!proxy.url().isEmpty(), proxy.describe().constData());

    // The app gets the bytes as they were; the lines have U+FFFD in their place, as monitor's.
    QCOMPARE(get(proxy.url().resolved(QUrl(u"/events"_s))), body);
    QTRY_COMPARE_WITH_TIMEOUT(ofKind(proxy.objects(), u"end"_s).size(), 1, TimeoutMs);
    const QByteArrayList lines = proxy.lines();
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.at(2),
            "{\"kind\":\"event\",\"stream\":1,\"type\":\"a\xEF\xBF\xBDz\","
            "\"data\":\"\xEF\xBF\xBD(\\u0001\",\"lastEventId\":\"\"}"_ba);
    QCOMPARE(lines.at(3), "{\"kind\":\"comment\",\"stream\":1,\"comment\":\"\xEF\xBF\xBD\"}"_ba);
}

void tst_CliProxy::otherExchange_logsOnStderrOnly()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/plain", TestSupport::Handlers::status(200, "text/plain", "hello"));
    Proxy proxy({u"--upstream"_s, server.url(u"/"_s).toString()});
    QTRY_VERIFY_WITH_TIMEOUT(proxy.isListeningOrFinished(), TimeoutMs);
    QVERIFY2(!proxy.url().isEmpty(), proxy.describe().constData());

    QCOMPARE(get(proxy.url().resolved(QUrl(u"/plain"_s))), "hello"_ba);
    QCOMPARE(get(proxy.url().resolved(QUrl(u"/missing"_s))), "not found\n"_ba);
    const QByteArray expected = "ssedash-cli: GET " + server.url(u"/plain"_s).toEncoded()
            + " -> 200, 5 bytes\nssedash-cli: GET " + server.url(u"/missing"_s).toEncoded()
            + " -> 404, 10 bytes\n";
    QTRY_COMPARE_WITH_TIMEOUT(proxy.errorOutput(), expected, TimeoutMs);
    QCOMPARE(proxy.lines().size(), 1);
}

void tst_CliProxy::output_recordsStreamAndUrl_andExports()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/a", chunkedStream(StreamBody));
    server.route("/b", chunkedStream("data: second\n\n"_ba));
    const QString path = m_dir.filePath(u"captured.ndjson"_s);
    Proxy proxy({u"--upstream"_s, server.url(u"/"_s).toString(), u"--output"_s, path});
    QTRY_VERIFY_WITH_TIMEOUT(proxy.isListeningOrFinished(), TimeoutMs);
    QVERIFY2(!proxy.url().isEmpty(), proxy.describe().constData());
    QCOMPARE(get(proxy.url().resolved(QUrl(u"/a"_s))), StreamBody);
    QCOMPARE(get(proxy.url().resolved(QUrl(u"/b"_s))), "data: second\n\n"_ba);
    QTRY_COMPARE_WITH_TIMEOUT(ofKind(proxy.objects(), u"end"_s).size(), 2, TimeoutMs);
    proxy.sendSignal(SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(proxy.isFinished(), TimeoutMs);
    QVERIFY2(proxy.exitedWith(0), proxy.describe().constData());

    // Each record is the printed line with the log's fields: receive time, connection
    // (the exchange, as "stream"), origin, and the URL.
    QList<QJsonObject> printed;
    for (const QJsonObject &object : proxy.objects()) {
        const QString kind = object.value(u"kind"_s).toString();
        if (kind == u"event"_s || kind == u"comment"_s)
            printed.append(object);
    }
    QCOMPARE(printed.size(), 4);
    const QByteArray recording = readAll(path);
    QByteArrayList lines = recording.split('\n');
    QCOMPARE(lines.takeLast(), QByteArray());
    QCOMPARE(lines.size(), printed.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QJsonObject record = json(lines.at(i));
        const int stream = printed.at(i).value(u"stream"_s).toInt();
        QCOMPARE(record.value(u"url"_s).toString(),
                server.url(stream == 1 ? u"/a"_s : u"/b"_s).toString());
        QCOMPARE(record.take(u"connection"_s).toInt(), stream);
        QVERIFY(record.take(u"receivedMs"_s).toDouble() > 0);
        record.remove(u"url"_s);
        record.remove(u"origin"_s);
        QCOMPARE(record, printed.at(i));
    }

    // ssedash-cli reads it as any log: exported to text/event-stream, `parse` gets the events.
    const QString stream = m_dir.filePath(u"captured.sse"_s);
    QProcess exporter;
    exporter.start(CliPath, {u"export"_s, path, stream});
    QVERIFY(exporter.waitForFinished(TimeoutMs));
    QCOMPARE(exporter.exitCode(), 0);
    QCOMPARE(readAll(stream),
            ": hi\nid: 7\nevent: tick\ndata: caf\xC3\xA9\n\ndata: b\n\nid\ndata: second\n\n"_ba);
}

void tst_CliProxy::output_diskRefuses_exitOneWithWholeRecords()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    // Past the first flush (64 KiB), so that something was recorded when writing fails.
    constexpr rlim_t FileLimit = 100 * 1024;
    QByteArray body;
    for (int i = 0; i < 1000; ++i)
        body += "id: " + QByteArray::number(i) + "\ndata: " + QByteArray(1000, 'x') + "\n\n";
    server.route("/events", TestSupport::Handlers::sseHold(body));
    const QString path = m_dir.filePath(u"refused.ndjson"_s);
    Proxy proxy({u"--upstream"_s, server.url(u"/"_s).toString(), u"--output"_s, path},
            [] { TestSupport::limitChildFileSize(FileLimit); });
    QTRY_VERIFY_WITH_TIMEOUT(proxy.isListeningOrFinished(), TimeoutMs);
    QVERIFY2(!proxy.url().isEmpty(), proxy.describe().constData());
    QNetworkRequest request(proxy.url().resolved(QUrl(u"/events"_s)));
    std::unique_ptr<QNetworkReply> reply(m_network.get(request));

    // The stream stays open: only the failure ends the proxy, and the stream with it.
    QTRY_VERIFY_WITH_TIMEOUT(proxy.isFinished(), TimeoutMs);
    QVERIFY2(proxy.exitedWith(1), proxy.describe().constData());
    QVERIFY2(proxy.errorOutput().startsWith(QByteArray("ssedash-cli: cannot record to "
                     + path.toUtf8() + ": " + std::strerror(EFBIG))),
            proxy.errorOutput().constData());
    QCOMPARE(ofKind(proxy.objects(), u"end"_s).size(), 1);
    const QByteArray recorded = readAll(path);
    QVERIFY(!recorded.isEmpty());
    QVERIFY2(recorded.size() <= qsizetype(FileLimit), QByteArray::number(recorded.size()));
    QVERIFY2(recorded.endsWith('\n'), recorded.right(100).constData());
    QProcess exporter;
    exporter.start(CliPath, {u"export"_s, path, m_dir.filePath(u"refused.json"_s)});
    QVERIFY(exporter.waitForFinished(TimeoutMs));
    QCOMPARE(exporter.exitCode(), 0);
}

void tst_CliProxy::faultCut_endsAfterNthEvent()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    QByteArray body;
    for (int i = 1; i <= 5; ++i)
        body += "data: " + QByteArray::number(i) + "\n\n";
    server.route("/events", TestSupport::Handlers::sseHold(body)); // stays open
    Proxy proxy({u"--upstream"_s, server.url(u"/"_s).toString(), u"--fault"_s, u"cut=2"_s});
    QTRY_VERIFY_WITH_TIMEOUT(proxy.isListeningOrFinished(), TimeoutMs);
    QVERIFY2(!proxy.url().isEmpty(), proxy.describe().constData());

    // Only the cut ends the app's response.
    QCOMPARE(get(proxy.url().resolved(QUrl(u"/events"_s))), "data: 1\n\ndata: 2\n\n"_ba);
    QTRY_VERIFY2_WITH_TIMEOUT(
            !ofKind(proxy.objects(), u"end"_s).isEmpty(), proxy.describe().constData(), TimeoutMs);
    const QList<QJsonObject> objects = proxy.objects();
    QStringList kinds;
    for (const QJsonObject &object : objects)
        kinds.append(object.value(u"kind"_s).toString());
    // The proxy parses what the upstream sent: events it did not pass on may be printed too,
    // but the fault comes after the second and the end says cut.
    const qsizetype fault = kinds.indexOf(u"fault"_s);
    QVERIFY2(fault >= 3, proxy.describe().constData());
    QCOMPARE(kinds.mid(0, 3), QStringList({u"open"_s, u"event"_s, u"event"_s}));
    QCOMPARE(objects.at(fault).value(u"rule"_s).toString(), u"cut=2"_s);
    QCOMPARE(objects.at(fault).value(u"stream"_s).toInt(), 1);
    QCOMPARE(objects.constLast().value(u"kind"_s).toString(), u"end"_s);
    QCOMPARE(objects.constLast().value(u"reason"_s).toString(), u"cut"_s);
    QCOMPARE(objects.constLast().value(u"bytesSent"_s).toInt(), 18);
}

void tst_CliProxy::trustCert_selfSignedUpstream_refusedUnlessTrusted()
{
    TestSupport::TestServer server;
    if (!server.listen(TestSupport::TestServer::Tls))
        QSKIP(qPrintable(server.errorString()));
    server.route("/events", chunkedStream(StreamBody));
    const QString upstream = server.url(u"/"_s).toString();

    // Not trusted: no response; the app gets 502 and the log line says why.
    Proxy refusing({u"--upstream"_s, upstream});
    QTRY_VERIFY_WITH_TIMEOUT(refusing.isListeningOrFinished(), TimeoutMs);
    QVERIFY2(!refusing.url().isEmpty(), refusing.describe().constData());
    get(refusing.url().resolved(QUrl(u"/events"_s)));
    // The 502 is the proxy's own answer.
    const QRegularExpression failed(u"^ssedash-cli: GET "_s
            + QRegularExpression::escape(server.url(u"/events"_s).toString())
            + u" -> (502, 0 bytes; )?upstream-failed: .*not trusted.*\n$"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(failed.match(QString::fromUtf8(refusing.errorOutput())).hasMatch(),
            refusing.describe().constData(), TimeoutMs);
    QCOMPARE(refusing.lines().size(), 1);

    // Trusted with --trust-cert: the stream passes.
    Proxy trusting({u"--upstream"_s, upstream, u"--trust-cert"_s,
            TestSupport::testDataFile(u"testserver-cert.pem"_s)});
    QTRY_VERIFY_WITH_TIMEOUT(trusting.isListeningOrFinished(), TimeoutMs);
    QVERIFY2(!trusting.url().isEmpty(), trusting.describe().constData());
    QCOMPARE(get(trusting.url().resolved(QUrl(u"/events"_s))), StreamBody);
    QTRY_COMPARE_WITH_TIMEOUT(ofKind(trusting.objects(), u"event"_s).size(), 2, TimeoutMs);
}

void tst_CliProxy::terminationSignal_exitsZero_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addRow("SIGINT") << SIGINT;
    QTest::addRow("SIGTERM") << SIGTERM;
}

void tst_CliProxy::terminationSignal_exitsZero()
{
    QFETCH(int, signalNumber);
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events", TestSupport::Handlers::sseHold("data: x\n\n"_ba));
    Proxy proxy({u"--upstream"_s, server.url(u"/"_s).toString()});
    QTRY_VERIFY_WITH_TIMEOUT(proxy.isListeningOrFinished(), TimeoutMs);
    QVERIFY2(!proxy.url().isEmpty(), proxy.describe().constData());
    QNetworkRequest request(proxy.url().resolved(QUrl(u"/events"_s)));
    std::unique_ptr<QNetworkReply> reply(m_network.get(request));
    QTRY_COMPARE_WITH_TIMEOUT(ofKind(proxy.objects(), u"event"_s).size(), 1, TimeoutMs);

    // The running stream ends with the proxy, and says so.
    proxy.sendSignal(signalNumber);
    QTRY_VERIFY_WITH_TIMEOUT(proxy.isFinished(), TimeoutMs);
    QVERIFY2(proxy.exitedWith(0), proxy.describe().constData());
    const QList<QJsonObject> ends = ofKind(proxy.objects(), u"end"_s);
    QCOMPARE(ends.size(), 1);
    QCOMPARE(ends.first().value(u"reason"_s).toString(), u"stopped"_s);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), TimeoutMs);
}

void tst_CliProxy::timeout_exitsZero()
{
    Proxy proxy({u"--upstream"_s, u"http://127.0.0.1:1/"_s, u"--timeout"_s, u"0.2"_s});
    QTRY_VERIFY_WITH_TIMEOUT(proxy.isFinished(), TimeoutMs);
    QVERIFY2(proxy.exitedWith(0), proxy.describe().constData());
    QCOMPARE(proxy.lines().size(), 1);
}

void tst_CliProxy::badOptions_exitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    const QString up = u"http://127.0.0.1:1/"_s;
    QTest::addRow("no upstream") << QStringList() << "no upstream given: --upstream URL"_ba;
    QTest::addRow("relative upstream") << QStringList{u"--upstream"_s, u"/api"_s}
                                       << "--upstream wants an absolute http or https URL, "
                                          "not '/api'"_ba;
    QTest::addRow("ftp upstream") << QStringList{u"--upstream"_s, u"ftp://host/"_s}
                                  << "--upstream wants an absolute http or https URL, "
                                     "not 'ftp://host/'"_ba;
    QTest::addRow("argument") << QStringList{u"--upstream"_s, up, u"extra"_s}
                              << "proxy takes no arguments, but got 'extra'"_ba;
    QTest::addRow("port") << QStringList{u"--upstream"_s, up, u"--port"_s, u"65536"_s}
                          << "--port wants a port number from 0 to 65535, not '65536'"_ba;
    QTest::addRow("bind") << QStringList{u"--upstream"_s, up, u"--bind"_s, u"localhost"_s}
                          << "--bind wants an IPv4 or IPv6 address such as 127.0.0.1 or ::1, "
                             "not 'localhost'"_ba;
    QTest::addRow("timeout") << QStringList{u"--upstream"_s, up, u"--timeout"_s, u"-1"_s}
                             << "--timeout wants a number of seconds, not '-1'"_ba;
    QTest::addRow("output") << QStringList{u"--upstream"_s, up, u"--output="_s}
                            << "--output wants a FILE"_ba;
    QTest::addRow("trust-cert") << QStringList{u"--upstream"_s, up, u"--trust-cert="_s}
                                << "--trust-cert wants a FILE"_ba;
    QTest::addRow("unknown option")
            << QStringList{u"--upstream"_s, up, u"--bogus"_s} << "Unknown option 'bogus'."_ba;
}

void tst_CliProxy::badOptions_exitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    Proxy proxy(arguments);
    QTRY_VERIFY_WITH_TIMEOUT(proxy.isFinished(), TimeoutMs);
    QVERIFY2(proxy.exitedWith(2), proxy.describe().constData());
    QCOMPARE(proxy.lines(), QByteArrayList());
    QCOMPARE(proxy.errorOutput(),
            "ssedash-cli: " + message
                    + "\nssedash-cli: Try 'ssedash-cli proxy --help' for more information.\n");
}

void tst_CliProxy::badRule_saysParseCaptureRulesError()
{
    for (const QString &rule : {u"cut"_s, u"delay=x"_s, u"frobnicate=1"_s}) {
        const Sse::CaptureRuleResult parsed = Sse::parseCaptureRule(rule);
        QVERIFY(!parsed.ok);
        Proxy proxy({u"--upstream"_s, u"http://127.0.0.1:1/"_s, u"--fault"_s, u"cut=1"_s,
                u"--fault"_s, rule});
        QTRY_VERIFY_WITH_TIMEOUT(proxy.isFinished(), TimeoutMs);
        QVERIFY2(proxy.exitedWith(2), proxy.describe().constData());
        QCOMPARE(proxy.errorOutput(),
                "ssedash-cli: --fault '" + rule.toUtf8() + "': " + parsed.error.toUtf8()
                        + "\nssedash-cli: Try 'ssedash-cli proxy --help' for more "
                          "information.\n");
    }
}

void tst_CliProxy::runtimeErrors_exitOne_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    const QString up = u"http://127.0.0.1:1/"_s;
    const QString missing = m_dir.filePath(u"missing.pem"_s);
    QTest::addRow("missing certificate")
            << QStringList{u"--upstream"_s, up, u"--trust-cert"_s, missing}
            << "cannot read the certificate file " + missing.toUtf8()
                    + ": No such file or directory";
    const QString notPem = writeFile(u"not.pem"_s, "no certificate here\n"_ba);
    QTest::addRow("no certificate in file") << QStringList{u"--upstream"_s, up, u"--trust-cert"_s,
            notPem} << notPem.toUtf8() + " holds no PEM certificate";
    const QString unwritable = m_dir.filePath(u"no-such-directory/log.ndjson"_s);
    QTest::addRow("unwritable output")
            << QStringList{u"--upstream"_s, up, u"--output"_s, unwritable}
            << "cannot record to " + unwritable.toUtf8() + ": No such file or directory";
}

void tst_CliProxy::runtimeErrors_exitOne()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    Proxy proxy(arguments);
    QTRY_VERIFY_WITH_TIMEOUT(proxy.isFinished(), TimeoutMs);
    QVERIFY2(proxy.exitedWith(1), proxy.describe().constData());
    QCOMPARE(proxy.lines(), QByteArrayList());
    QCOMPARE(proxy.errorOutput(), "ssedash-cli: " + message + '\n');
}

void tst_CliProxy::portInUse_exitOne()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    Proxy proxy({u"--upstream"_s, u"http://127.0.0.1:1/"_s, u"--port"_s,
            QString::number(taken.serverPort())});
    QTRY_VERIFY_WITH_TIMEOUT(proxy.isFinished(), TimeoutMs);
    QVERIFY2(proxy.exitedWith(1), proxy.describe().constData());
    QCOMPARE(proxy.lines(), QByteArrayList());
    const QByteArray err = proxy.errorOutput();
    QVERIFY2(err.startsWith("ssedash-cli: cannot proxy: ") && err.endsWith('\n')
                    && err.count('\n') == 1,
            err.constData());
}

QTEST_GUILESS_MAIN(tst_CliProxy)
#include "tst_cliproxy.moc"
