// SPDX-License-Identifier: MIT
// Security defaults of sselib and the publisher: loopback unless told, TLS verified unless a
// feed says otherwise, credentials redacted in exports and logs, no request path reaching files.
#include "tests/support/quietpublisher.h"
#include "tests/support/testserver.h"

#include "sselib/eventsource.h"
#include "sselib/logexport.h"
#include "sselib/networkpool_p.h"
#include "sselib/publisher/publisher.h"
#include "sselib/secrets.h"

#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int WaitMs = 5000;
const QString Password = u"pa55w0rd"_s;
const QString Token = u"T0KEN-secret"_s;

// The messages logged while it lives (qDebug and up, any category).
class LogCapture final
{
    Q_DISABLE_COPY_MOVE(LogCapture)

public:
    LogCapture()
    {
        s_messages.clear();
        m_previous = qInstallMessageHandler(&LogCapture::handle);
    }

    ~LogCapture() { qInstallMessageHandler(m_previous); }

    [[nodiscard]] static QString text() { return s_messages.join(u'\n'); }

private:
    static void handle(QtMsgType, const QMessageLogContext &, const QString &message)
    {
        s_messages.append(message);
    }

    static inline QStringList s_messages;
    QtMessageHandler m_previous = nullptr;
};

// Whether `response` holds a whole head and as much body as its Content-Length says.
bool isComplete(const QByteArray &response)
{
    const qsizetype headEnd = response.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    static const QRegularExpression length(
            u"\r\ncontent-length: *(\\d+)"_s, QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match =
            length.match(QString::fromLatin1(response.left(headEnd + 2)));
    return match.hasMatch() && response.size() - headEnd - 4 >= match.captured(1).toLongLong();
}

// Sends `request` to 127.0.0.1:`port` and returns what comes back until the server closes the
// connection, the response is complete or `waitMs` pass; the event loop runs meanwhile (the server
// may live in this thread).
QByteArray exchange(quint16 port, const QByteArray &request, int waitMs = 3000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor(
                [&socket] { return socket.state() == QAbstractSocket::ConnectedState; }, WaitMs)) {
        return {};
    }
    socket.write(request);
    QByteArray response;
    const auto done = [&socket, &response] {
        response += socket.readAll();
        return socket.state() == QAbstractSocket::UnconnectedState || isComplete(response);
    };
    const bool doneInTime = QTest::qWaitFor(done, waitMs); // a stream may stay open
    Q_UNUSED(doneInTime)
    response += socket.readAll();
    return response;
}

// The pool's cached TLS connections would otherwise outlive their server (a warning at exit).
void clearPoolConnections()
{
    Sse::NetworkPool *pool = Sse::NetworkPool::instance();
    for (const auto tls : {Sse::NetworkPool::Tls::Verify, Sse::NetworkPool::Tls::IgnoreErrors}) {
        QNetworkAccessManager *manager = pool->acquire(tls);
        manager->clearConnectionCache();
        pool->release(manager);
    }
}

} // namespace

class tst_Security final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void publisher_listensOnLoopbackByDefault();
    void publisher_warnsBeyondLoopback();
    void tls_verifiedByDefault();
    void tls_ignoringIsPerSource();
    void redactedUrl_data();
    void redactedUrl();
    void export_carriesNoUrlCredentials_data();
    void export_carriesNoUrlCredentials();
    void clientLog_redactsUrlCredentials();
    void publisher_requestPathNeverReachesFiles_data();
    void publisher_requestPathNeverReachesFiles();
};

void tst_Security::publisher_listensOnLoopbackByDefault()
{
    QCOMPARE(Sse::PublisherOptions().address, QHostAddress(QHostAddress::LocalHost));
    Sse::Publisher publisher(TestSupport::quietPublisherOptions());
    QTest::failOnWarning(QRegularExpression(u"loopback"_s));
    QVERIFY2(publisher.listen(), qPrintable(publisher.errorString()));
    QCOMPARE(publisher.url().host(), u"127.0.0.1"_s);
    // Not reachable on another address of this host: only 127.0.0.1 accepts.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, publisher.port());
    QVERIFY(socket.waitForConnected(WaitMs));
}

void tst_Security::publisher_warnsBeyondLoopback()
{
    Sse::PublisherOptions options = TestSupport::quietPublisherOptions();
    options.address = QHostAddress(u"0.0.0.0"_s);
    Sse::Publisher publisher(options);
    QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(u"^listening on 0\\.0\\.0\\.0 .*not only on loopback: anyone on "
                               "the network can connect"_s));
    QVERIFY2(publisher.listen(), qPrintable(publisher.errorString()));
    publisher.close();
}

// The default SourceOptions refuse the self-signed test certificate with a TLS error that
// says so; nothing of the stream arrives.
void tst_Security::tls_verifiedByDefault()
{
    QVERIFY(!Sse::SourceOptions().ignoreTlsErrors);
    TestSupport::TestServer server;
    QVERIFY2(server.listen(TestSupport::TestServer::Tls), qPrintable(server.errorString()));
    server.route("/s", [](TestSupport::Connection *connection) {
        connection->writeSseHead();
        connection->write("data: must not arrive\n\n");
    });
    Sse::EventSource source(server.url(u"/s"_s), Sse::SourceOptions());
    QSignalSpy events(&source, &Sse::EventSource::eventReceived);
    QSignalSpy errors(&source, &Sse::EventSource::errorOccurred);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, WaitMs);
    const auto error = errors.first().first().value<Sse::SourceError>();
    QCOMPARE(error.kind, Sse::SourceError::Kind::Tls);
    QVERIFY(error.fatal);
    QVERIFY2(error.message.contains(u"TLS"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"certificate"_s, Qt::CaseInsensitive),
            qPrintable(error.message));
    QCOMPARE(source.readyState(), Sse::EventSource::ReadyState::Closed);
    QVERIFY(events.isEmpty());
    QCOMPARE(server.requestCount(), 0);
    clearPoolConnections();
}

// One source that ignores TLS errors does not make another one to the same server ignore
// them: Qt applies ignoreSslErrors() to every connection of a manager to that host, so the
// two must not share a manager (Sse::NetworkPool::Tls).
void tst_Security::tls_ignoringIsPerSource()
{
    TestSupport::TestServer server;
    QVERIFY2(server.listen(TestSupport::TestServer::Tls), qPrintable(server.errorString()));
    server.route("/s", [](TestSupport::Connection *connection) {
        connection->writeSseHead();
        connection->write("data: hello\n\n");
    });
    Sse::SourceOptions insecureOptions;
    insecureOptions.ignoreTlsErrors = true;
    Sse::EventSource insecure(server.url(u"/s"_s), insecureOptions);
    QSignalSpy insecureEvents(&insecure, &Sse::EventSource::eventReceived);
    insecure.open();
    QTRY_COMPARE_WITH_TIMEOUT(insecureEvents.size(), 1, WaitMs);

    Sse::EventSource checked(server.url(u"/s"_s), Sse::SourceOptions());
    QSignalSpy checkedEvents(&checked, &Sse::EventSource::eventReceived);
    QSignalSpy errors(&checked, &Sse::EventSource::errorOccurred);
    checked.open();
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, WaitMs);
    QCOMPARE(errors.first().first().value<Sse::SourceError>().kind, Sse::SourceError::Kind::Tls);
    QCOMPARE(checked.readyState(), Sse::EventSource::ReadyState::Closed);
    QVERIFY(checkedEvents.isEmpty());
    QCOMPARE(insecure.readyState(), Sse::EventSource::ReadyState::Open);
    insecure.close();
    clearPoolConnections();
}

void tst_Security::redactedUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected"); // toDisplayString() of the result
    QTest::addRow("plain") << u"https://host/p?x=1"_s << u"https://host/p?x=1"_s;
    QTest::addRow("password") << u"https://user:pass@host/"_s << u"https://user@host/"_s;
    QTest::addRow("access_token") << u"https://h/s?access_token=abc&x=1"_s
                                  << u"https://h/s?access_token=[redacted]&x=1"_s;
    QTest::addRow("token, any case")
            << u"http://h/?Token=a%2Fb"_s << u"http://h/?Token=[redacted]"_s;
    QTest::addRow("api_key and key") << u"http://h/?api_key=1&key=2&apikey=3&keep=4"_s
                                     << u"http://h/?api_key=[redacted]&key=[redacted]"
                                        "&apikey=[redacted]&keep=4"_s;
    QTest::addRow("encoded name") << u"http://h/?access%5Ftoken=1"_s
                                  << u"http://h/?access_token=[redacted]"_s;
    QTest::addRow("empty value kept") << u"http://h/?token=&a"_s << u"http://h/?token=&a"_s;
    QTest::addRow("not a secret") << u"http://h/?tokens=1&monkey=2"_s
                                  << u"http://h/?tokens=1&monkey=2"_s;
}

void tst_Security::redactedUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const QUrl redacted = Sse::Secrets::redactedUrl(QUrl(url));
    QCOMPARE(redacted.toDisplayString(), expected);
    // Nothing but the secrets changes: a URL without any comes back as it was.
    if (url == expected)
        QCOMPARE(redacted, QUrl(url));
}

void tst_Security::export_carriesNoUrlCredentials_data()
{
    QTest::addColumn<Sse::LogFormat>("format");
    for (const Sse::LogFormat format : {Sse::LogFormat::Ndjson, Sse::LogFormat::Json,
                 Sse::LogFormat::Csv, Sse::LogFormat::EventStream}) {
        QTest::addRow("%s", qPrintable(Sse::logFormatName(format))) << format;
    }
}

// An export holds what the events carry: their origin is scheme, host and port, never the
// feed's user info or query.
void tst_Security::export_carriesNoUrlCredentials()
{
    QFETCH(Sse::LogFormat, format);
    TestSupport::TestServer server;
    QVERIFY2(server.listen(), qPrintable(server.errorString()));
    server.route("/s", [](TestSupport::Connection *connection) {
        connection->writeSseHead();
        connection->write("id: 1\ndata: hello\n\n: a comment\n\n");
    });
    QUrl url = server.url(u"/s?access_token="_s + Token);
    url.setUserName(u"alice"_s);
    url.setPassword(Password);
    Sse::EventSource source(url, Sse::SourceOptions());
    QList<Sse::EventLog::Record> records;
    QObject::connect(&source, &Sse::EventSource::eventReceived, &source,
            [&records](const Sse::Event &event) {
                Sse::EventLog::Record record;
                record.kind = Sse::EventLog::Record::Kind::Event;
                record.event = event;
                records.append(record);
            });
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(records.size(), 1, WaitMs);
    source.close();
    QCOMPARE(records.first().event.origin, server.origin());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(u"log."_s + Sse::logFormatSuffix(format));
    const Sse::ExportResult result = Sse::exportLog(fileName, format, records.size(),
            [&records](qsizetype i) -> const Sse::EventLog::Record & { return records.at(i); });
    QVERIFY2(result.ok, qPrintable(result.error));
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY2(written.contains("hello"), written.constData());
    QVERIFY2(!written.contains(Password.toUtf8()), written.constData());
    QVERIFY2(!written.contains(Token.toUtf8()), written.constData());
    QVERIFY2(!written.contains("alice"), written.constData());
}

// The client's request log (ssedash.sselib.client, debug) names the URL without the password or
// the token.
void tst_Security::clientLog_redactsUrlCredentials()
{
    TestSupport::TestServer server;
    QVERIFY2(server.listen(), qPrintable(server.errorString()));
    server.route("/s", [](TestSupport::Connection *connection) {
        connection->writeSseHead();
        connection->write("data: hello\n\n");
    });
    QUrl url = server.url(u"/s?token="_s + Token + u"&x=1"_s);
    url.setUserName(u"alice"_s);
    url.setPassword(Password);
    QLoggingCategory::setFilterRules(u"ssedash.sselib.client.debug=true"_s);
    QString logged;
    {
        const LogCapture capture;
        Sse::EventSource source(url, Sse::SourceOptions());
        QSignalSpy events(&source, &Sse::EventSource::eventReceived);
        source.open();
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, WaitMs);
        source.close();
        logged = LogCapture::text();
    }
    QLoggingCategory::setFilterRules({});
    QVERIFY2(logged.contains(u"/s?token=[redacted]&x=1"_s), qPrintable(logged));
    QVERIFY2(!logged.contains(Password), qPrintable(logged));
    QVERIFY2(!logged.contains(Token), qPrintable(logged));
}

void tst_Security::publisher_requestPathNeverReachesFiles_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addRow("dot segments") << "/../../etc/passwd"_ba;
    QTest::addRow("encoded dots") << "/%2e%2e/%2e%2e/etc/passwd"_ba;
    QTest::addRow("double slash") << "//etc/passwd"_ba;
    QTest::addRow("after the page") << "/index.html/../.."_ba;
    QTest::addRow("query") << "/?file=/etc/passwd"_ba;
    QTest::addRow("backslashes") << "/..\\..\\etc\\passwd"_ba;
    QTest::addRow("encoded backslashes") << "/..%5c..%5cetc%5cpasswd"_ba;
    QTest::addRow("channel dots") << "/events/../../etc/passwd"_ba;
    QTest::addRow("channel encoded") << "/events/..%2f..%2fetc%2fpasswd"_ba;
    QTest::addRow("absolute form") << "file:///etc/passwd"_ba;
    QTest::addRow("temp file") << "TEMPFILE"_ba;
    QTest::addRow("temp file, dots") << "/../../../..TEMPFILE"_ba;
}

// Whatever the path, the publisher answers from its routes and the :/ page: an error status
// or the page, never a file's content.
void tst_Security::publisher_requestPathNeverReachesFiles()
{
    QFETCH(QByteArray, target);
    QTemporaryFile secret;
    QVERIFY(secret.open());
    const QByteArray marker = "ssedash-secret-file-content-"
            + QByteArray::number(QRandomGenerator::global()->generate64());
    secret.write(marker);
    secret.flush();
    target.replace("TEMPFILE", QFile::encodeName(secret.fileName()));

    Sse::Publisher publisher(TestSupport::quietPublisherOptions());
    QVERIFY2(publisher.listen(), qPrintable(publisher.errorString()));
    const QByteArray response = exchange(publisher.port(),
            "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QVERIFY2(response.startsWith("HTTP/1.1 "), response.left(200).constData());
    QVERIFY2(!response.contains(marker), response.constData());
    QVERIFY2(!response.contains("root:"), response.constData());
    const int status = response.mid(9, 3).toInt();
    if (status == 200) {
        QVERIFY2(response.contains("<title>ssedash publisher</title>"),
                response.left(400).constData());
    } else {
        QVERIFY2(status >= 400 && status < 500, response.left(200).constData());
    }
}

QTEST_GUILESS_MAIN(tst_Security)
#include "tst_security.moc"
