// SPDX-License-Identifier: MIT
// Tests for Sse::Publisher: Sse::EventSource, QNAM and raw sockets against it, on 127.0.0.1.
#include "sselib/eventsource.h"
#include "sselib/publisher/publisher.h"
#include "sselib/publisher/streamfaults.h"
#include "sselib/publisher/tokenstreamer_p.h"
#include "sselib/wire.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

using Sse::EventSource;
using Sse::Publisher;
using Sse::PublisherOptions;
using Sse::SourceError;
using Kind = SourceError::Kind;
using Sse::HeaderList;

namespace {

constexpr int WaitMs = 5000;

/// No generated events and no heartbeat: each test publishes what it needs.
PublisherOptions quietOptions()
{
    PublisherOptions options;
    options.generator.interval = 0ms;
    options.generator.heartbeat = 0ms;
    return options;
}

/// A short reconnection time keeps the reconnect tests fast.
Sse::SourceOptions fastOptions(std::chrono::milliseconds reconnectionTime = 50ms)
{
    Sse::SourceOptions options;
    options.reconnectionTime = reconnectionTime;
    return options;
}

/// A listening publisher, or null (the test then fails on QVERIFY).
std::unique_ptr<Publisher> startPublisher(const PublisherOptions &options = quietOptions())
{
    auto publisher = std::make_unique<Publisher>(options);
    if (!publisher->listen()) {
        qWarning() << publisher->errorString();
        return nullptr;
    }
    return publisher;
}

QByteArray headerOf(const HeaderList &headers, QByteArrayView name)
{
    return Sse::headerValue(headers, name).value_or(QByteArray());
}

bool hasHeader(const HeaderList &headers, QByteArrayView name)
{
    return Sse::headerValue(headers, name).has_value();
}

/// Records what one EventSource emits; the source opens at once.
class Probe final : public QObject
{
    Q_DISABLE_COPY_MOVE(Probe)

public:
    explicit Probe(const QUrl &url, const Sse::SourceOptions &options = fastOptions())
        : source(url, options)
    {
        connect(&source, &EventSource::eventReceived, this,
                [this](const Sse::Event &event) { events.append(event); });
        connect(&source, &EventSource::commentReceived, this,
                [this](const Sse::Comment &comment) { comments.append(comment.dataText()); });
        connect(&source, &EventSource::errorOccurred, this,
                [this](const SourceError &error) { errors.append(error); });
        connect(&source, &EventSource::parseErrorOccurred, this,
                [this](const Sse::ParseError &error) { parseErrors.append(error.message()); });
        connect(&source, &EventSource::responseReceived, this,
                [this](const Sse::ResponseInfo &response) { responses.append(response); });
        connect(&source, &EventSource::connectionStarted, this,
                [this](int, const QByteArray &lastEventIdSent) {
                    sentIds.append(lastEventIdSent);
                });
        connect(&source, &EventSource::reconnectScheduled, this,
                [this](std::chrono::milliseconds delay, EventSource::ReconnectReason reason) {
                    schedules.append({delay.count(), reason});
                });
        source.open();
    }

    [[nodiscard]] QByteArrayList data() const
    {
        QByteArrayList result;
        for (const Sse::Event &event : events)
            result.append(event.data);
        return result;
    }

    [[nodiscard]] QByteArrayList ids() const
    {
        QByteArrayList result;
        for (const Sse::Event &event : events)
            result.append(event.lastEventId);
        return result;
    }

    [[nodiscard]] QByteArrayList types() const
    {
        QByteArrayList result;
        for (const Sse::Event &event : events)
            result.append(event.type);
        return result;
    }

    /// Waits until `count` events have come, running the event loop like QSignalSpy::wait()
    /// (QTRY_* naps 10 ms between checks, which would pace a dribbling stream).
    bool waitForEvents(qsizetype count, int timeoutMs = WaitMs)
    {
        if (events.size() < count) {
            QEventLoop loop;
            QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
            connect(&source, &EventSource::eventReceived, &loop, [&] {
                if (events.size() >= count)
                    loop.quit();
            });
            loop.exec();
        }
        return events.size() >= count;
    }

    [[nodiscard]] bool hasError(Kind kind) const
    {
        return std::any_of(errors.cbegin(), errors.cend(),
                [kind](const SourceError &error) { return error.kind == kind; });
    }

    EventSource source;
    QList<Sse::Event> events;
    QStringList comments;
    QList<SourceError> errors;
    QStringList parseErrors;
    QList<Sse::ResponseInfo> responses;
    QByteArrayList sentIds; ///< Last-Event-ID of each connection, "" when none was sent
    QList<QPair<qint64, EventSource::ReconnectReason>> schedules;
};

/// A response read off a raw socket.
struct RawResponse
{
    QByteArray bytes; ///< everything received
    int status = 0;
    HeaderList headers;
    QByteArray body; ///< as sent (still chunked, if it was)
    bool closed = false; ///< the server closed the connection

    [[nodiscard]] QByteArray header(QByteArrayView name) const { return headerOf(headers, name); }

    [[nodiscard]] bool hasHeader(QByteArrayView name) const { return ::hasHeader(headers, name); }
};

RawResponse parseRaw(const QByteArray &bytes)
{
    RawResponse response;
    response.bytes = bytes;
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return response;
    const QByteArrayList lines = bytes.left(end).split('\n');
    const QByteArrayList statusLine = lines.first().trimmed().split(' ');
    response.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    response.body = bytes.mid(end + 4);
    return response;
}

/// A client on a raw socket, for exact bytes and for clients that misbehave.
class RawClient final : public QObject
{
    Q_DISABLE_COPY_MOVE(RawClient)

public:
    explicit RawClient(quint16 port, const QByteArray &request = {})
    {
        connect(&socket, &QTcpSocket::readyRead, this, [this] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!request.isEmpty())
            socket.write(request);
    }

    /// Waits until `bytes` arrived or the server closed the connection. Runs the event loop
    /// like QSignalSpy::wait(), without the naps of QTRY_*, so fast timers keep their pace.
    bool waitFor(const QByteArray &bytes, int timeoutMs = WaitMs)
    {
        waitUntil([&] { return received.contains(bytes); }, timeoutMs);
        return received.contains(bytes);
    }

    bool waitForClose(int timeoutMs = WaitMs)
    {
        waitUntil([] { return false; }, timeoutMs);
        return isClosed();
    }

    [[nodiscard]] bool isClosed() const
    {
        return socket.state() == QAbstractSocket::UnconnectedState;
    }

    [[nodiscard]] RawResponse response() const
    {
        RawResponse result = parseRaw(received);
        result.closed = isClosed();
        return result;
    }

    QTcpSocket socket;
    QByteArray received;

private:
    template <typename Done>
    void waitUntil(Done done, int timeoutMs)
    {
        if (done() || isClosed())
            return;
        QEventLoop loop;
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        // Connected after the constructor's readyRead handler: `received` is up to date here.
        connect(&socket, &QIODevice::readyRead, &loop, [&] {
            if (done())
                loop.quit();
        });
        connect(&socket, &QAbstractSocket::disconnected, &loop, &QEventLoop::quit);
        loop.exec();
    }
};

/// Sends a request on a fresh connection and reads until the server closes it.
RawResponse rawExchange(quint16 port, const QByteArray &request)
{
    RawClient client(port, request);
    client.waitForClose();
    return client.response();
}

QByteArray streamRequest(const QByteArray &target, const HeaderList &headers = {},
        const QByteArray &version = "HTTP/1.1")
{
    QByteArray request = "GET " + target + ' ' + version + "\r\nHost: 127.0.0.1\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    return request + "\r\n";
}

/// Removes chunked framing; stops at the last chunk or where the bytes end.
QByteArray dechunk(QByteArray body)
{
    QByteArray out;
    while (true) {
        const qsizetype lineEnd = body.indexOf("\r\n");
        if (lineEnd < 0)
            return out;
        bool ok = false;
        const qsizetype size = body.left(lineEnd).toLongLong(&ok, 16);
        if (!ok || size == 0 || body.size() < lineEnd + 2 + size)
            return out;
        out += body.mid(lineEnd + 2, size);
        body.remove(0, lineEnd + 2 + size + 2);
    }
}

/// The answer to one request made through a QNetworkAccessManager.
struct HttpResult
{
    int status = 0;
    QByteArray body;
    HeaderList headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    [[nodiscard]] QByteArray header(QByteArrayView name) const { return headerOf(headers, name); }

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

HttpResult httpRequest(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url,
        const QByteArray &body = {}, const HeaderList &headers = {})
{
    QNetworkRequest request(url);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, "text/plain; charset=utf-8"_ba);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(nam.sendCustomRequest(request, verb, body));
    HttpResult result;
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, WaitMs))
        return result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.error = reply->error();
    return result;
}

QByteArrayList numbers(int first, int last)
{
    QByteArrayList result;
    for (int i = first; i <= last; ++i)
        result.append(QByteArray::number(i));
    return result;
}

} // namespace

class tst_Publisher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listen_onLoopbackFreePort();
    void channelUrl_andLlmPath();
    void urlOf_reachesWildcardsOnLoopback_data();
    void urlOf_reachesWildcardsOnLoopback();
    void options_compareByValue();
    void faults_fromQuery_overDefaults();
    void faults_fromQuery_namesTheBadParameter();
    void faults_fromQuery_rejectsContentTypeLineBreaks_data();
    void faults_fromQuery_rejectsContentTypeLineBreaks();
    void faults_toQuery_readsBack();
    void wire_retryIsOptional();
    void broadcast_deliversUnnamedEvents();
    void namedChannel_deliversTypedEvents();
    void publish_fromCode_setsTypeIdAndRetry();
    void publish_createsChannel();
    void publish_overHttp();
    void publish_overHttp_unknownChannel();

    void generator_clockTextAtInterval();
    void generator_jsonWithUuids();
    void generator_idsNone();
    void generator_eventNameOnBroadcast();
    void generator_retryReachesReconnectionTime();
    void generator_heartbeatIsComment();
    void generator_limitEndsStreamAndClientReconnects();

    void fault_status_data();
    void fault_status();
    void fault_contentType();
    void fault_redirect_data();
    void fault_redirect();
    void fault_closeAfter_reconnectsWithLastEventId();
    void fault_cutAfter_discardsHalfEvent();
    void fault_stall_triggersReadTimeout();
    void fault_deliversIntact_data();
    void fault_deliversIntact();
    void fault_longLine_reportsParseErrorAndContinues();
    void fault_reconnectEvent_isObeyed();
    void fault_retry_setsReconnectionTime();
    void defaultFaults_applyToEveryStream();

    void resume_closeAfter_losesNothing();
    void resume_reconnectNow_losesNothing();
    void resume_repeatedId_resumesAfterLatest();
    void resume_knownId_sendsMissedOnce();
    void resume_tooOldId_reportsGap();

    void clients_countUpAndDown();
    void stream_headersAndChunkedFraming();
    void stream_http10_isRawUntilClose();
    void stream_head_sendsHeadersOnly();
    void cors_data();
    void cors();
    void cors_preflight_data();
    void cors_preflight();
    void stats_reportsChannels();
    void page_isServed();
    void close_endsStreamsAndListensAgain();

    void badRequest_unknownChannel();
    void badRequest_lastEventId_data();
    void badRequest_lastEventId();
    void badRequest_faultValue_data();
    void badRequest_faultValue();
    void badRequest_malformedHead_data();
    void badRequest_malformedHead();
    void slowClient_isDropped();
    void dribblingClient_backlogIsBounded();
    void incompleteHead_doesNotBlockOthers();

    void llm_tokenizeJoinsBack();
    void llm_streamsParagraph_data();
    void llm_streamsParagraph();
    void llm_openAiWire();
};

void tst_Publisher::initTestCase()
{
    // Every client coming and going is logged at info level: too chatty for test output.
    QLoggingCategory::setFilterRules(u"ssedash.sselib.publisher.info=false"_s);
}

void tst_Publisher::listen_onLoopbackFreePort()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    QVERIFY(publisher->isListening());
    QVERIFY2(publisher->port() != 0, "listen() should pick a free port");
    QCOMPARE(publisher->url(u"/events"_s),
            QUrl(u"http://127.0.0.1:%1/events"_s.arg(publisher->port())));
    QCOMPARE(publisher->channels(), QByteArrayList({""_ba, "test-event"_ba}));
    QCOMPARE(Publisher::pathOf({}), u"/events"_s);
    QCOMPARE(Publisher::pathOf("news"), u"/events/news"_s);

    // The port is taken now: a second publisher on it reports why it cannot listen.
    PublisherOptions options = quietOptions();
    options.port = publisher->port();
    Publisher second(options);
    QVERIFY(!second.listen());
    QVERIFY(!second.errorString().isEmpty());
}

void tst_Publisher::channelUrl_andLlmPath()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    QCOMPARE(publisher->channelUrl({}), publisher->url(u"/events"_s));
    QCOMPARE(publisher->channelUrl("test-event"), publisher->url(u"/events/test-event"_s));
    QCOMPARE(Publisher::llmPath(), u"/llm"_s);
    // The channel LLM clients report reads as their path, not as a named channel's.
    QCOMPARE(Publisher::streamPath(Publisher::llmPath().toLatin1()), u"/llm"_s);
    QCOMPARE(Publisher::streamPath({}), u"/events"_s);
    QCOMPARE(Publisher::streamPath("news"), u"/events/news"_s);
}

void tst_Publisher::urlOf_reachesWildcardsOnLoopback_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<quint16>("port");
    QTest::addColumn<QString>("url");
    QTest::addRow("any") << QHostAddress(QHostAddress::Any) << quint16(8080)
                         << u"http://127.0.0.1:8080/events"_s;
    QTest::addRow("any IPv4") << QHostAddress(QHostAddress::AnyIPv4) << quint16(8080)
                              << u"http://127.0.0.1:8080/events"_s;
    QTest::addRow("any IPv6") << QHostAddress(QHostAddress::AnyIPv6) << quint16(8080)
                              << u"http://[::1]:8080/events"_s;
    QTest::addRow("loopback IPv6") << QHostAddress(QHostAddress::LocalHostIPv6) << quint16(1)
                                   << u"http://[::1]:1/events"_s;
    QTest::addRow("an address") << QHostAddress(u"192.168.10.2"_s) << quint16(80)
                                << u"http://192.168.10.2:80/events"_s;
    QTest::addRow("any free port")
            << QHostAddress(QHostAddress::LocalHost) << quint16(0) << u"http://127.0.0.1/events"_s;
}

void tst_Publisher::urlOf_reachesWildcardsOnLoopback()
{
    QFETCH(QHostAddress, address);
    QFETCH(quint16, port);
    QFETCH(QString, url);
    QCOMPARE(Publisher::urlOf(address, port, u"/events"_s).toString(), url);
    QCOMPARE(Publisher::urlOf(address, port).path(), u"/"_s);
}

void tst_Publisher::options_compareByValue()
{
    const PublisherOptions defaults;
    PublisherOptions options;
    QVERIFY(options == defaults);
    options.generator.retry = 0ms; // a retry field of 0 is not "no retry field"
    QVERIFY(options != defaults);
    QVERIFY(options.generator != defaults.generator);
    options.generator = defaults.generator;
    options.generator.limit = 1;
    QVERIFY(options != defaults);
    options = defaults;
    options.channels.append("more");
    QVERIFY(options != defaults);
    QVERIFY(options.generator == defaults.generator);
    options = defaults;
    options.address = QHostAddress(QHostAddress::AnyIPv6);
    QVERIFY(options != defaults);
    // The request limits and timeouts, one by one.
    options = defaults;
    options.maxRequestHeadSize = 1024;
    QVERIFY(options != defaults);
    options = defaults;
    options.maxRequestBodySize = 1024;
    QVERIFY(options != defaults);
    options = defaults;
    options.headTimeout = 1s;
    QVERIFY(options != defaults);
    options = defaults;
    options.idleTimeout = 1s;
    QVERIFY(options != defaults);

    // A null content type is the stream's own; an empty one is sent as it is.
    Sse::StreamFaults faults;
    QVERIFY(faults == Sse::StreamFaults());
    faults.contentType = ""_ba;
    QVERIFY(faults != Sse::StreamFaults());
    faults = {};
    faults.retry = std::chrono::milliseconds(0);
    QVERIFY(faults != Sse::StreamFaults());
}

void tst_Publisher::faults_fromQuery_overDefaults()
{
    Sse::StreamFaults defaults;
    defaults.status = 503;
    defaults.closeAfter = 3;
    defaults.retry = 700ms;
    const Sse::StreamFaultsResult kept = Sse::StreamFaults::fromQuery({}, defaults);
    QVERIFY2(kept.ok, qPrintable(kept.error));
    QVERIFY(kept.error.isEmpty());
    QCOMPARE(kept.faults, defaults);

    const Sse::StreamFaultsResult read = Sse::StreamFaults::fromQuery(
            QUrlQuery(u"status=204&redirect=307&reconnect=0&retry=0&lineEnd=crlf&splitUtf8=1"_s),
            defaults);
    QVERIFY2(read.ok, qPrintable(read.error));
    Sse::StreamFaults expected = defaults;
    expected.status = 204;
    expected.redirect = 307;
    expected.reconnect = 0ms; // zero is a value, not "off"
    expected.retry = 0ms;
    expected.lineEnd = Sse::Wire::LineEnd::CrLf;
    expected.splitUtf8 = true;
    QCOMPARE(read.faults, expected);
    const Sse::StreamFaults none = Sse::StreamFaults::fromQuery({}, {}).faults;
    QVERIFY(!none.status && !none.redirect && !none.reconnect && !none.retry);

    const Sse::QueryNumberResult absent =
            Sse::readQueryNumber(QUrlQuery(u"a=1"_s), u"interval"_s, 0, 10, 7);
    QVERIFY(absent.ok);
    QCOMPARE(absent.value, 7);
    const Sse::QueryNumberResult given =
            Sse::readQueryNumber(QUrlQuery(u"interval=10"_s), u"interval"_s, 0, 10, 7);
    QVERIFY(given.ok);
    QCOMPARE(given.value, 10);
}

void tst_Publisher::faults_fromQuery_namesTheBadParameter()
{
    const auto errorOf = [](const QString &query) {
        const Sse::StreamFaultsResult result =
                Sse::StreamFaults::fromQuery(QUrlQuery(query), Sse::StreamFaults());
        return result.ok ? u"ok"_s : result.error;
    };
    QCOMPARE(errorOf(u"retry=-1"_s),
            u"Query parameter retry=-1 must be a whole number from 0 to 2147483647."_s);
    QCOMPARE(errorOf(u"status=600&retry=x"_s),
            u"Query parameter status=600 must be a whole number from 200 to 599."_s);
    QCOMPARE(errorOf(u"redirect=303"_s),
            u"Query parameter redirect must be 301, 302, 307 or 308."_s);
    QCOMPARE(errorOf(u"lineEnd=nl"_s), u"Query parameter lineEnd must be lf, crlf or cr."_s);
    const Sse::QueryNumberResult bad =
            Sse::readQueryNumber(QUrlQuery(u"interval=11"_s), u"interval"_s, 0, 10, 7);
    QVERIFY(!bad.ok);
    QCOMPARE(bad.error, u"Query parameter interval=11 must be a whole number from 0 to 10."_s);
    // A "%1" in the value stays as it is (it was once filled with the range; fuzz_faults).
    QCOMPARE(errorOf(u"status=%251"_s),
            u"Query parameter status=%1 must be a whole number from 200 to 599."_s);
    QCOMPARE(errorOf(u"retry=%25L2%253"_s),
            u"Query parameter retry=%L2%3 must be a whole number from 0 to 2147483647."_s);
}

void tst_Publisher::faults_fromQuery_rejectsContentTypeLineBreaks_data()
{
    QTest::addColumn<QString>("query");
    QTest::addRow("CR LF") << u"contentType=text/plain%0D%0ASet-Cookie:%20a=1"_s;
    QTest::addRow("LF") << u"contentType=text/plain%0AX-A:%20b"_s;
    QTest::addRow("CR") << u"contentType=a%0Db"_s;
    QTest::addRow("NUL") << u"contentType=a%00b"_s;
}

// The type goes into the response head as it is: a line break would add header lines.
void tst_Publisher::faults_fromQuery_rejectsContentTypeLineBreaks()
{
    QFETCH(QString, query);
    const Sse::StreamFaultsResult result =
            Sse::StreamFaults::fromQuery(QUrlQuery(query), Sse::StreamFaults());
    QVERIFY(!result.ok);
    QCOMPARE(result.error, u"Query parameter contentType must be one line, without NUL."_s);
    const Sse::StreamFaultsResult plain = Sse::StreamFaults::fromQuery(
            QUrlQuery(u"contentType=text/plain%3B%20charset%3Dutf-8"_s), Sse::StreamFaults());
    QVERIFY2(plain.ok, qPrintable(plain.error));
    QCOMPARE(plain.faults.contentType, "text/plain; charset=utf-8"_ba);
}

void tst_Publisher::faults_toQuery_readsBack()
{
    QCOMPARE(Sse::StreamFaults().toQuery().query(), QString());
    Sse::StreamFaults faults;
    faults.status = 503;
    faults.contentType = "text/plain; a=\"b&c%d+e#f\"";
    faults.redirect = 308;
    faults.closeAfter = 3;
    faults.cutAfter = 2;
    faults.stallMs = 100;
    faults.dribbleMs = 5;
    faults.splitUtf8 = true;
    faults.lineEnd = Sse::Wire::LineEnd::Cr;
    faults.longLine = 70000;
    faults.reconnect = 0ms;
    faults.retry = 1500ms;
    const QUrlQuery query = faults.toQuery();
    QCOMPARE(query.queryItemValue(u"status"_s), u"503"_s);
    QCOMPARE(query.queryItemValue(u"lineEnd"_s), u"cr"_s);
    const Sse::StreamFaultsResult back = Sse::StreamFaults::fromQuery(query, {});
    QVERIFY2(back.ok, qPrintable(back.error));
    QCOMPARE(back.faults, faults);
    // Through a URL and back, as a client sends it.
    QUrl url(u"http://127.0.0.1/events"_s);
    url.setQuery(query);
    const Sse::StreamFaultsResult sent =
            Sse::StreamFaults::fromQuery(QUrlQuery(QUrl::fromEncoded(url.toEncoded())), {});
    QVERIFY2(sent.ok, qPrintable(sent.error));
    QCOMPARE(sent.faults, faults);
    Sse::StreamFaults emptyType;
    emptyType.contentType = QByteArray("");
    QCOMPARE(Sse::StreamFaults::fromQuery(emptyType.toQuery(), {}).faults, emptyType);
}

void tst_Publisher::wire_retryIsOptional()
{
    QCOMPARE(Sse::Wire::event("a"), "data: a\n\n"_ba);
    QCOMPARE(Sse::Wire::event("a", {}, {}, 0ms), "retry: 0\ndata: a\n\n"_ba);
    QCOMPARE(Sse::Wire::event("a", "t", "1", 1500ms, Sse::Wire::LineEnd::CrLf),
            "retry: 1500\r\nid: 1\r\nevent: t\r\ndata: a\r\n\r\n"_ba);
    QCOMPARE(Sse::Wire::retry(2500ms), "retry: 2500\n"_ba);
    QCOMPARE(Sse::Wire::retry(0ms, Sse::Wire::LineEnd::Cr), "retry: 0\r"_ba);
}

void tst_Publisher::broadcast_deliversUnnamedEvents()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Probe probe(publisher->url(u"/events"_s));
    QTRY_COMPARE(publisher->clientCount(), 1);
    QCOMPARE(publisher->clientCount(""), 1);
    QCOMPARE(publisher->clientCount("test-event"), 0);

    QCOMPARE(publisher->publish({}, "one"), "1"_ba);
    QCOMPARE(publisher->publish({}, "two"), "2"_ba);
    publisher->publish("test-event", "elsewhere");
    QCOMPARE(publisher->publish({}, "three"), "3"_ba);

    QTRY_COMPARE(probe.events.size(), 3);
    QCOMPARE(probe.data(), QByteArrayList({"one", "two", "three"}));
    QCOMPARE(probe.types(), QByteArrayList({"message", "message", "message"}));
    QCOMPARE(probe.ids(), numbers(1, 3));
    QCOMPARE(
            probe.responses.value(0).header("Content-Type"), "text/event-stream; charset=utf-8"_ba);
}

void tst_Publisher::namedChannel_deliversTypedEvents()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Probe probe(publisher->url(u"/events/test-event"_s));
    QByteArrayList listened;
    probe.source.addEventListener("test-event", &probe,
            [&listened](const Sse::Event &event) { listened.append(event.data); });
    QSignalSpy messages(&probe.source, &EventSource::messageReceived);
    QTRY_COMPARE(publisher->clientCount("test-event"), 1);

    publisher->publish("test-event", "a");
    publisher->publish({}, "not for this channel");
    publisher->publish("test-event", "b");

    QTRY_COMPARE(listened, QByteArrayList({"a", "b"}));
    QCOMPARE(probe.types(), QByteArrayList({"test-event", "test-event"}));
    QCOMPARE(probe.ids(), numbers(1, 2)); // ids count per channel
    QCOMPARE(messages.size(), 0);
}

void tst_Publisher::publish_fromCode_setsTypeIdAndRetry()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Probe probe(publisher->url(u"/events"_s));
    QTRY_COMPARE(publisher->clientCount(), 1);

    QCOMPARE(publisher->publish({}, "custom", "alert", "abc-1", 1500ms), "abc-1"_ba);
    QTRY_COMPARE(probe.events.size(), 1);
    QCOMPARE(probe.events.first().type, "alert"_ba);
    QCOMPARE(probe.events.first().lastEventId, "abc-1"_ba);
    QCOMPARE(probe.source.reconnectionTime(), 1500ms);
    QCOMPARE(probe.source.lastEventId(), "abc-1"_ba);
}

void tst_Publisher::publish_createsChannel()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    QCOMPARE(publisher->publish("news", "first"), "1"_ba); // nobody listens yet: history only
    QVERIFY(publisher->channels().contains("news"));

    Sse::SourceOptions options = fastOptions();
    options.initialLastEventId = "1";
    Probe probe(publisher->url(u"/events/news"_s), options);
    QTRY_COMPARE(publisher->clientCount("news"), 1);
    publisher->publish("news", "second");
    QTRY_COMPARE(probe.data(), QByteArrayList({"second"}));
    QCOMPARE(probe.types(), QByteArrayList({"news"}));
}

void tst_Publisher::publish_overHttp()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Probe named(publisher->url(u"/events/test-event"_s));
    Probe broadcast(publisher->url(u"/events"_s));
    QTRY_COMPARE(publisher->clientCount(), 2);

    QNetworkAccessManager nam;
    QUrl url = publisher->url(u"/publish"_s);
    url.setQuery(u"channel=test-event&id=42&retry=900"_s);
    HttpResult result = httpRequest(nam, "POST", url, "from http\nsecond line");
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json().value(u"id"_s).toString(), u"42"_s);
    QCOMPARE(result.json().value(u"clients"_s).toInt(), 1);
    QTRY_COMPARE(named.data(), QByteArrayList({"from http\nsecond line"}));
    QCOMPARE(named.ids(), QByteArrayList({"42"}));
    QCOMPARE(named.types(), QByteArrayList({"test-event"}));
    QCOMPARE(named.source.reconnectionTime(), 900ms);

    // No channel parameter: the broadcast channel; event names the type.
    url.setQuery(u"event=update"_s);
    result = httpRequest(nam, "POST", url, "to all");
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json().value(u"id"_s).toString(), u"1"_s);
    QTRY_COMPARE(broadcast.data(), QByteArrayList({"to all"}));
    QCOMPARE(broadcast.types(), QByteArrayList({"update"}));
    QCOMPARE(named.events.size(), 1);
}

void tst_Publisher::publish_overHttp_unknownChannel()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    QNetworkAccessManager nam;
    QUrl url = publisher->url(u"/publish"_s);
    url.setQuery(u"channel=nope"_s);
    const HttpResult result = httpRequest(nam, "POST", url, "data");
    QCOMPARE(result.status, 404);
    QVERIFY2(result.body.contains("/events/test-event"), result.body.constData());
    QVERIFY(!publisher->channels().contains("nope"));
    // GET is not how one publishes (QHttpServer 6.4 says 404, later versions may say 405).
    const int status = httpRequest(nam, "GET", publisher->url(u"/publish"_s)).status;
    QVERIFY2(status == 404 || status == 405, QByteArray::number(status).constData());
}

void tst_Publisher::generator_clockTextAtInterval()
{
    PublisherOptions options = quietOptions();
    options.generator.interval = 30ms;
    auto publisher = startPublisher(options);
    QVERIFY(publisher);
    Probe probe(publisher->url(u"/events"_s));
    QTRY_VERIFY(probe.events.size() >= 5);

    static const QRegularExpression clock(uR"(^send data: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$)"_s);
    for (const Sse::Event &event : std::as_const(probe.events)) {
        QVERIFY2(clock.match(event.dataText()).hasMatch(), event.data.constData());
        QCOMPARE(event.type, "message"_ba);
    }
    // Counter ids follow each other, whatever tick the client joined at.
    const qsizetype first = probe.events.first().lastEventId.toLongLong();
    QVERIFY(first >= 1);
    QCOMPARE(probe.ids().mid(0, 5), numbers(int(first), int(first) + 4));
    // Five events span four intervals (coarse timers may fire 5% early).
    const qint64 span = probe.events.at(4).receivedMs - probe.events.at(0).receivedMs;
    QVERIFY2(span >= 4 * 30 * 9 / 10 - 10, QByteArray::number(span).constData());
}

void tst_Publisher::generator_jsonWithUuids()
{
    PublisherOptions options = quietOptions();
    options.generator.interval = 20ms;
    options.generator.payload = Sse::GeneratorSettings::Payload::Json;
    options.generator.ids = Sse::GeneratorSettings::Ids::Uuid;
    auto publisher = startPublisher(options);
    QVERIFY(publisher);
    Probe broadcast(publisher->url(u"/events"_s));
    Probe named(publisher->url(u"/events/test-event"_s));
    QTRY_VERIFY(broadcast.events.size() >= 3 && named.events.size() >= 3);

    for (const Probe *probe : {&broadcast, &named}) {
        const QString type = probe == &broadcast ? u"message"_s : u"test-event"_s;
        for (const Sse::Event &event : probe->events) {
            QJsonParseError error;
            const QJsonObject message = QJsonDocument::fromJson(event.data, &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            QVERIFY(!QUuid::fromString(message.value(u"id"_s).toString()).isNull());
            QCOMPARE(message.value(u"type"_s).toString(), type);
            const QString timestamp = message.value(u"timestamp"_s).toString();
            QVERIFY2(QDateTime::fromString(timestamp, Qt::ISODateWithMs).isValid(),
                    qPrintable(timestamp));
            const QJsonObject payload = message.value(u"payload"_s).toObject();
            QCOMPARE(payload.value(u"sequence"_s).toString(), event.lastEventIdText());
            QVERIFY(!QUuid::fromString(event.lastEventIdText()).isNull());
        }
    }
}

void tst_Publisher::generator_idsNone()
{
    PublisherOptions options = quietOptions();
    options.generator.interval = 20ms;
    options.generator.ids = Sse::GeneratorSettings::Ids::None;
    auto publisher = startPublisher(options);
    QVERIFY(publisher);
    RawClient raw(publisher->port(), streamRequest("/events"));
    Probe probe(publisher->url(u"/events"_s));
    QTRY_VERIFY(probe.events.size() >= 3);
    QVERIFY(raw.waitFor("data: send data"));
    QVERIFY2(!raw.received.contains("\nid:"), raw.received.constData());
    for (const Sse::Event &event : std::as_const(probe.events))
        QVERIFY(event.lastEventId.isEmpty());
    QVERIFY(probe.source.lastEventId().isEmpty());
    QCOMPARE(publisher->publish({}, "explicit"), QByteArray());
}

void tst_Publisher::generator_eventNameOnBroadcast()
{
    PublisherOptions options = quietOptions();
    options.generator.interval = 20ms;
    options.generator.eventName = "tick";
    auto publisher = startPublisher(options);
    QVERIFY(publisher);
    Probe probe(publisher->url(u"/events"_s));
    QByteArrayList ticks;
    probe.source.addEventListener(
            "tick", &probe, [&ticks](const Sse::Event &event) { ticks.append(event.data); });
    QTRY_VERIFY(ticks.size() >= 2);
    QCOMPARE(probe.types().first(), "tick"_ba);
}

void tst_Publisher::generator_retryReachesReconnectionTime()
{
    PublisherOptions options = quietOptions();
    options.generator.retry = 1234ms;
    auto publisher = startPublisher(options);
    QVERIFY(publisher);
    Probe probe(publisher->url(u"/events"_s));
    QSignalSpy changed(&probe.source, &EventSource::reconnectionTimeChanged);
    QTRY_COMPARE(probe.source.reconnectionTime(), 1234ms);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<std::chrono::milliseconds>(), 1234ms);

    // setGenerator() changes it for new streams.
    Sse::GeneratorSettings generator = publisher->options().generator;
    generator.retry = 2345ms;
    publisher->setGenerator(generator);
    Probe second(publisher->url(u"/events"_s));
    QTRY_COMPARE(second.source.reconnectionTime(), 2345ms);
}

void tst_Publisher::generator_heartbeatIsComment()
{
    PublisherOptions options = quietOptions();
    options.generator.heartbeat = 30ms;
    auto publisher = startPublisher(options);
    QVERIFY(publisher);
    Probe probe(publisher->url(u"/events"_s));
    QTRY_VERIFY(probe.comments.size() >= 2);
    QCOMPARE(probe.comments.first(), u"heartbeat"_s);
    QVERIFY(probe.events.isEmpty());
    QVERIFY(probe.errors.isEmpty());
}

void tst_Publisher::generator_limitEndsStreamAndClientReconnects()
{
    PublisherOptions options = quietOptions();
    options.generator.interval = 20ms;
    options.generator.limit = 2;
    auto publisher = startPublisher(options);
    QVERIFY(publisher);
    Probe probe(publisher->url(u"/events"_s), fastOptions(30ms));
    QTRY_VERIFY(probe.sentIds.size() >= 3);
    QVERIFY(probe.hasError(Kind::StreamEnded));
    QCOMPARE(probe.errors.first().kind, Kind::StreamEnded);
    QVERIFY(!probe.errors.first().fatal);

    // Each stream carries at most two events, and every reconnect resumes where the last
    // stream ended: the ids follow each other without a gap or a repeat.
    QTRY_VERIFY(probe.events.size() >= 4);
    const QByteArrayList ids = probe.ids();
    const int first = ids.first().toInt();
    QCOMPARE(ids, numbers(first, first + int(ids.size()) - 1));
    for (int connection = 1; connection <= probe.source.connectionCount(); ++connection) {
        const auto count = std::count_if(probe.events.cbegin(), probe.events.cend(),
                [connection](const Sse::Event &e) { return e.connection == connection; });
        QVERIFY(count <= 2);
    }
    QCOMPARE(probe.sentIds.at(1), probe.events.at(1).lastEventId);
}

void tst_Publisher::fault_status_data()
{
    QTest::addColumn<int>("status");
    QTest::addRow("204") << 204;
    QTest::addRow("401") << 401;
    QTest::addRow("404") << 404;
    QTest::addRow("500") << 500;
    QTest::addRow("503") << 503;
}

void tst_Publisher::fault_status()
{
    QFETCH(int, status);
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Probe probe(QUrl(
            publisher->url(u"/events"_s).toString() + u"?status="_s + QString::number(status)));
    QTRY_COMPARE(probe.errors.size(), 1);
    QCOMPARE(probe.errors.first().kind, Kind::HttpStatus);
    QVERIFY(probe.errors.first().fatal);
    QCOMPARE(probe.errors.first().httpStatus, status);
    QCOMPARE(probe.source.readyState(), EventSource::ReadyState::Closed);
    QCOMPARE(publisher->clientCount(), 0);

    // On the wire: the status, and no body for a 204.
    const RawResponse raw = rawExchange(
            publisher->port(), streamRequest("/events?status=" + QByteArray::number(status)));
    QCOMPARE(raw.status, status);
    if (status == 204) {
        QVERIFY(raw.body.isEmpty());
        QVERIFY(!raw.hasHeader("Content-Length") || raw.header("Content-Length") == "0");
    }
}

void tst_Publisher::fault_contentType()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Probe probe(QUrl(publisher->url(u"/events"_s).toString() + u"?contentType=text/plain"_s));
    QTRY_COMPARE(probe.errors.size(), 1);
    QCOMPARE(probe.errors.first().kind, Kind::ContentType);
    QVERIFY(probe.errors.first().fatal);
    QVERIFY2(probe.errors.first().message.contains(u"text/plain"_s),
            qPrintable(probe.errors.first().message));
}

void tst_Publisher::fault_redirect_data()
{
    QTest::addColumn<int>("status");
    QTest::addRow("301") << 301;
    QTest::addRow("302") << 302;
    QTest::addRow("307") << 307;
    QTest::addRow("308") << 308;
}

void tst_Publisher::fault_redirect()
{
    QFETCH(int, status);
    auto publisher = startPublisher();
    QVERIFY(publisher);

    const RawResponse raw = rawExchange(publisher->port(),
            streamRequest(
                    "/events/test-event?redirect=" + QByteArray::number(status) + "&retry=700"));
    QCOMPARE(raw.status, status);
    QCOMPARE(raw.header("Location"), "/events/test-event?retry=700"_ba);

    QUrl url = publisher->url(u"/events/test-event"_s);
    url.setQuery(u"redirect="_s + QString::number(status) + u"&retry=700"_s);
    Probe probe(url);
    QTRY_COMPARE(publisher->clientCount("test-event"), 1);
    publisher->publish("test-event", "after redirect");
    QTRY_COMPARE(probe.data(), QByteArrayList({"after redirect"}));
    QCOMPARE(probe.source.reconnectionTime(), 700ms); // the query survived the redirect
    QCOMPARE(probe.responses.first().finalUrl.query(), u"retry=700"_s);
    const QString origin = u"http://127.0.0.1:%1"_s.arg(publisher->port());
    QCOMPARE(probe.events.first().origin, origin);
    QCOMPARE(probe.source.origin(), origin);
    QVERIFY(probe.errors.isEmpty());
}

void tst_Publisher::fault_closeAfter_reconnectsWithLastEventId()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Probe probe(QUrl(publisher->url(u"/events"_s).toString() + u"?closeAfter=2"_s));
    QTRY_COMPARE(publisher->clientCount(), 1);
    publisher->publish({}, "a");
    publisher->publish({}, "b");
    QTRY_COMPARE(probe.errors.size(), 1);
    QCOMPARE(probe.errors.first().kind, Kind::StreamEnded);
    QCOMPARE(probe.data(), QByteArrayList({"a", "b"}));

    QTRY_COMPARE(probe.sentIds, QByteArrayList({"", "2"}));
    QTRY_COMPARE(publisher->clientCount(), 1);
    publisher->publish({}, "c");
    QTRY_COMPARE(probe.data(), QByteArrayList({"a", "b", "c"}));
    QCOMPARE(probe.events.last().connection, 2);
}

void tst_Publisher::fault_cutAfter_discardsHalfEvent()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);

    // On the wire: one whole event, then half of the next, then the connection closes
    // without the chunked body's last chunk.
    RawClient raw(publisher->port(), streamRequest("/events?cutAfter=1"));
    QTRY_COMPARE(publisher->clientCount(), 1);
    publisher->publish({}, "first");
    publisher->publish({}, "second event");
    QVERIFY(raw.waitForClose());
    const QByteArray body = dechunk(raw.response().body);
    QVERIFY2(body.startsWith("id: 1\ndata: first\n\n"), body.constData());
    const QByteArray second = "id: 2\ndata: second event\n\n";
    QCOMPARE(body.mid(19), second.left(second.size() / 2));
    QVERIFY(!raw.response().body.endsWith("0\r\n\r\n"));
    QTRY_COMPARE(publisher->clientCount(), 0);

    Probe probe(QUrl(publisher->url(u"/events"_s).toString() + u"?cutAfter=1"_s));
    QTRY_COMPARE(publisher->clientCount(), 1);
    publisher->publish({}, "third");
    QTRY_COMPARE(probe.events.size(), 1);
    publisher->publish({}, "fourth");
    // The half of "fourth" is dropped; the reconnect gets it whole from the history.
    QTRY_COMPARE(probe.sentIds, QByteArrayList({"", "3"}));
    QTRY_COMPARE(probe.data(), QByteArrayList({"third", "fourth"}));
    QCOMPARE(probe.errors.first().kind, Kind::Network); // cut, not ended
    QCOMPARE(probe.events.last().connection, 2);
}

void tst_Publisher::fault_stall_triggersReadTimeout()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Sse::SourceOptions options = fastOptions(5000ms);
    options.readTimeout = 150ms;
    Probe probe(QUrl(publisher->url(u"/events"_s).toString() + u"?stall=3000"_s), options);
    QTRY_COMPARE(publisher->clientCount(), 1);
    publisher->publish({}, "held back");
    QTRY_COMPARE(probe.errors.size(), 1);
    QCOMPARE(probe.errors.first().kind, Kind::ReadTimeout);
    QVERIFY(probe.events.isEmpty());
    QCOMPARE(probe.responses.size(), 1); // the head came at once; the body stalled
    QTRY_COMPARE(publisher->clientCount(), 0);

    // Once the stall is over, everything held back follows.
    RawClient raw(publisher->port(), streamRequest("/events?stall=100"));
    QVERIFY(raw.waitFor("\r\n\r\n"));
    QTRY_COMPARE(publisher->clientCount(), 1);
    publisher->publish({}, "after the stall");
    QVERIFY(!raw.received.contains("after the stall"));
    QVERIFY(raw.waitFor("data: after the stall\n\n"));
}

void tst_Publisher::fault_deliversIntact_data()
{
    QTest::addColumn<QString>("query");
    QTest::addRow("none") << QString();
    QTest::addRow("dribble") << u"dribble=1"_s;
    QTest::addRow("splitUtf8") << u"splitUtf8=1"_s;
    QTest::addRow("lineEnd cr") << u"lineEnd=cr"_s;
    QTest::addRow("lineEnd crlf") << u"lineEnd=crlf"_s;
    QTest::addRow("lineEnd lf") << u"lineEnd=lf"_s;
    QTest::addRow("splitUtf8 and crlf") << u"splitUtf8=1&lineEnd=crlf"_s;
    QTest::addRow("stall and cr") << u"stall=50&lineEnd=cr"_s;
}

void tst_Publisher::fault_deliversIntact()
{
    QFETCH(QString, query);
    PublisherOptions options = quietOptions();
    options.generator.retry = 800ms;
    auto publisher = startPublisher(options);
    QVERIFY(publisher);
    QUrl url = publisher->url(u"/events"_s);
    url.setQuery(query);
    Probe probe(url);
    QTRY_COMPARE(publisher->clientCount(), 1);

    const QByteArrayList data{
            "Grüße aus Köln — 😀 ünïcødé", "line one\nline two\n\nafter a blank", "ascii only"};
    publisher->publish({}, data.at(0));
    publisher->publish({}, data.at(1), "multi", "m-2");
    publisher->publish({}, data.at(2), {}, {}, 1700ms);
    QVERIFY(probe.waitForEvents(3));
    QCOMPARE(probe.events.size(), 3);
    QCOMPARE(probe.data(), data);
    QCOMPARE(probe.types(), QByteArrayList({"message", "multi", "message"}));
    QCOMPARE(probe.ids(), QByteArrayList({"1", "m-2", "2"}));
    QCOMPARE(probe.source.reconnectionTime(), 1700ms); // retry at the start, then in an event
    QVERIFY(probe.errors.isEmpty());
    QVERIFY(probe.parseErrors.isEmpty());
}

void tst_Publisher::fault_longLine_reportsParseErrorAndContinues()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Sse::SourceOptions options = fastOptions();
    options.maxLineSize = 1024;
    Probe probe(QUrl(publisher->url(u"/events"_s).toString() + u"?longLine=50000"_s), options);
    QTRY_COMPARE(probe.parseErrors.size(), 1);
    QTRY_COMPARE(publisher->clientCount(), 1);
    publisher->publish({}, "after the long line");
    QTRY_COMPARE(probe.data(), QByteArrayList({"after the long line"}));
    QVERIFY(probe.errors.isEmpty());

    // A client with room for it gets the line as an event of its own.
    Probe roomy(QUrl(publisher->url(u"/events"_s).toString() + u"?longLine=50000"_s));
    QTRY_COMPARE(roomy.events.size(), 1);
    QCOMPARE(roomy.events.first().type, "long-line"_ba);
    QCOMPARE(roomy.events.first().data, QByteArray(50000, 'x'));
}

void tst_Publisher::fault_reconnectEvent_isObeyed()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Sse::SourceOptions options = fastOptions(5000ms);
    options.policy.obeyReconnectEvent = true;
    Probe probe(QUrl(publisher->url(u"/events"_s).toString() + u"?reconnect=80"_s), options);
    QTRY_COMPARE(publisher->clientCount(), 1);
    QElapsedTimer clock;
    clock.start();
    publisher->publish({}, "before");
    QTRY_COMPARE(probe.sentIds.size(), 2);
    QVERIFY(clock.elapsed() >= 70);
    QCOMPARE(probe.sentIds.at(1), "1"_ba);
    QCOMPARE(probe.types(), QByteArrayList({"message", "reconnect"}));
    QCOMPARE(probe.events.at(1).data, "80"_ba);
    QCOMPARE(probe.schedules.first().first, qint64(80));
    QCOMPARE(probe.schedules.first().second, EventSource::ReconnectReason::ServerRequest);
    QVERIFY(probe.errors.isEmpty());
}

void tst_Publisher::fault_retry_setsReconnectionTime()
{
    PublisherOptions options = quietOptions();
    options.generator.retry = 5000ms;
    auto publisher = startPublisher(options);
    QVERIFY(publisher);
    Probe probe(QUrl(publisher->url(u"/events"_s).toString() + u"?retry=321"_s));
    QTRY_COMPARE(probe.source.reconnectionTime(), 321ms);
}

void tst_Publisher::defaultFaults_applyToEveryStream()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Sse::StreamFaults faults;
    faults.retry = std::chrono::milliseconds(4321);
    faults.lineEnd = Sse::Wire::LineEnd::CrLf;
    faults.splitUtf8 = true;
    publisher->setDefaultFaults(faults);
    QCOMPARE(publisher->defaultFaults().retry, std::optional(std::chrono::milliseconds(4321)));

    RawClient raw(publisher->port(), streamRequest("/events"));
    Probe probe(publisher->url(u"/events"_s));
    QTRY_COMPARE(probe.source.reconnectionTime(), 4321ms);
    QTRY_COMPARE(publisher->clientCount(), 2);
    publisher->publish({}, "naïve");
    QTRY_COMPARE(probe.data(), QByteArrayList({"naïve"}));
    QTRY_VERIFY(dechunk(raw.response().body).endsWith("\r\n\r\n"));
    const QByteArray body = dechunk(raw.response().body);
    QCOMPARE(body, "retry: 4321\r\nid: 1\r\ndata: naïve\r\n\r\n"_ba);

    // A query parameter overrides a default.
    Probe overridden(QUrl(publisher->url(u"/events"_s).toString() + u"?retry=99"_s));
    QTRY_COMPARE(overridden.source.reconnectionTime(), 99ms);
}

void tst_Publisher::resume_closeAfter_losesNothing()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Probe probe(
            QUrl(publisher->url(u"/events"_s).toString() + u"?closeAfter=3"_s), fastOptions(20ms));
    QTRY_COMPARE(publisher->clientCount(), 1);

    constexpr int Total = 40;
    int published = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&] {
        ++published;
        publisher->publish({}, "event " + QByteArray::number(published));
        if (published == Total)
            timer.stop();
    });
    timer.start(6);
    QTRY_COMPARE_WITH_TIMEOUT(probe.events.size(), Total, 10000);
    QCOMPARE(probe.ids(), numbers(1, Total));
    for (int i = 0; i < Total; ++i)
        QCOMPARE(probe.events.at(i).data, "event " + QByteArray::number(i + 1));
    QVERIFY2(probe.source.connectionCount() >= Total / 3,
            QByteArray::number(probe.source.connectionCount()).constData());
    for (const SourceError &error : std::as_const(probe.errors))
        QCOMPARE(error.kind, Kind::StreamEnded);
}

void tst_Publisher::resume_reconnectNow_losesNothing()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Probe probe(publisher->url(u"/events/test-event"_s));
    QTRY_COMPARE(publisher->clientCount(), 1);
    connect(&probe.source, &EventSource::eventReceived, this, [&probe](const Sse::Event &event) {
        if (event.lastEventId.toInt() % 5 == 0) {
            QMetaObject::invokeMethod(
                    &probe.source, &EventSource::reconnectNow, Qt::QueuedConnection);
        }
    });

    constexpr int Total = 60;
    int published = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&] {
        // Several at a time, so that some arrive in one chunk and some are lost in flight.
        for (int i = 0; i < 3 && published < Total; ++i) {
            ++published;
            publisher->publish("test-event", QByteArray::number(published));
        }
        if (published == Total)
            timer.stop();
    });
    timer.start(5);
    QTRY_COMPARE_WITH_TIMEOUT(probe.events.size(), Total, 10000);
    QCOMPARE(probe.ids(), numbers(1, Total));
    QCOMPARE(probe.data(), numbers(1, Total));
    // Restarts asked for while one is under way fold into it: fewer than Total / 5.
    QVERIFY2(probe.source.connectionCount() >= 4,
            QByteArray::number(probe.source.connectionCount()).constData());
    QVERIFY(probe.errors.isEmpty());
    QTRY_COMPARE(publisher->clientCount(), 1);
}

void tst_Publisher::resume_repeatedId_resumesAfterLatest()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    publisher->publish({}, "old", {}, "same");
    publisher->publish({}, "between");
    publisher->publish({}, "new", {}, "same");
    publisher->publish({}, "latest");
    Sse::SourceOptions options = fastOptions();
    options.initialLastEventId = "same";
    Probe probe(publisher->url(u"/events"_s), options);
    QTRY_COMPARE(probe.events.size(), 1);
    QCOMPARE(probe.data(), QByteArrayList({"latest"}));
}

void tst_Publisher::resume_knownId_sendsMissedOnce()
{
    PublisherOptions options = quietOptions();
    options.historySize = 3;
    auto publisher = startPublisher(options);
    QVERIFY(publisher);
    for (int i = 1; i <= 10; ++i)
        publisher->publish({}, "event " + QByteArray::number(i));

    Sse::SourceOptions sourceOptions = fastOptions();
    sourceOptions.initialLastEventId = "8";
    Probe probe(publisher->url(u"/events"_s), sourceOptions);
    QTRY_COMPARE(probe.events.size(), 2);
    QCOMPARE(probe.ids(), QByteArrayList({"9", "10"}));
    QCOMPARE(probe.responses.first().header("X-SSE-Resume"), "ok"_ba);
    QVERIFY(probe.comments.isEmpty());
    publisher->publish({}, "event 11");
    QTRY_COMPARE(probe.ids(), QByteArrayList({"9", "10", "11"}));

    // Up to date: nothing to resend, still "ok".
    sourceOptions.initialLastEventId = "11";
    Probe current(publisher->url(u"/events"_s), sourceOptions);
    QTRY_COMPARE(current.responses.size(), 1);
    QCOMPARE(current.responses.first().header("X-SSE-Resume"), "ok"_ba);
    publisher->publish({}, "event 12");
    QTRY_COMPARE(current.ids(), QByteArrayList({"12"}));

    // A first connection without Last-Event-ID has no resume header.
    Probe fresh(publisher->url(u"/events"_s));
    QTRY_COMPARE(fresh.responses.size(), 1);
    QVERIFY(fresh.responses.first().header("X-SSE-Resume").isEmpty());
}

void tst_Publisher::resume_tooOldId_reportsGap()
{
    PublisherOptions options = quietOptions();
    options.historySize = 3;
    auto publisher = startPublisher(options);
    QVERIFY(publisher);
    for (int i = 1; i <= 10; ++i)
        publisher->publish({}, "event " + QByteArray::number(i));

    // Each round publishes one more, so the oldest kept event moves on.
    const QList<QPair<QByteArray, QByteArray>> rounds{{"2", "8"}, {"unknown", "9"}};
    for (const auto &[id, oldest] : rounds) {
        Sse::SourceOptions sourceOptions = fastOptions();
        sourceOptions.initialLastEventId = id;
        Probe probe(publisher->url(u"/events"_s), sourceOptions);
        QTRY_COMPARE(probe.comments.size(), 1);
        QCOMPARE(probe.responses.first().header("X-SSE-Resume"), "gap"_ba);
        QCOMPARE(probe.comments.first(),
                u"resume: Last-Event-ID %1 is not in the history (oldest kept: %2); events since "
                u"then may be lost"_s.arg(QString::fromUtf8(id), QString::fromUtf8(oldest)));
        QVERIFY(probe.events.isEmpty());
        publisher->publish({}, "live");
        QTRY_COMPARE(probe.data(), QByteArrayList({"live"}));
    }
}

void tst_Publisher::clients_countUpAndDown()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    QSignalSpy counts(publisher.get(), &Publisher::clientCountChanged);
    QSignalSpy connected(publisher.get(), &Publisher::clientConnected);
    QSignalSpy disconnected(publisher.get(), &Publisher::clientDisconnected);

    std::vector<std::unique_ptr<Probe>> probes;
    for (int i = 0; i < 4; ++i)
        probes.push_back(std::make_unique<Probe>(publisher->url(u"/events"_s)));
    probes.push_back(std::make_unique<Probe>(publisher->url(u"/events/test-event"_s)));
    RawClient killed(publisher->port(), streamRequest("/events"));
    RawClient leaving(publisher->port(), streamRequest("/events/test-event"));
    QTRY_COMPARE(publisher->clientCount(), 7);
    QCOMPARE(publisher->clientCount(""), 5);
    QCOMPARE(publisher->clientCount("test-event"), 2);
    QCOMPARE(counts.last().first().toInt(), 7);
    QCOMPARE(connected.size(), 7);
    QCOMPARE(connected.last().at(1).toByteArray(), "test-event"_ba);

    probes.at(0)->source.close();
    probes.at(1)->source.close();
    QTRY_COMPARE(publisher->clientCount(), 5);
    killed.socket.abort();
    QTRY_COMPARE(publisher->clientCount(), 4);
    probes.clear(); // destroyed without close()
    QTRY_COMPARE(publisher->clientCount(), 1);
    leaving.socket.disconnectFromHost();
    QTRY_COMPARE(publisher->clientCount(), 0);
    QCOMPARE(counts.last().first().toInt(), 0);
    QCOMPARE(disconnected.size(), 7);
    QCOMPARE(publisher->stats().value(u"clients"_s).toInt(), 0);
    publisher->publish({}, "nobody listens"); // no stale client to write to
}

void tst_Publisher::stream_headersAndChunkedFraming()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    RawClient raw(publisher->port(), streamRequest("/events?closeAfter=2"));
    QVERIFY(raw.waitFor("\r\n\r\n"));
    const RawResponse head = raw.response();
    QCOMPARE(head.status, 200);
    QVERIFY(head.bytes.startsWith("HTTP/1.1 200 OK\r\n"));
    QCOMPARE(head.header("Content-Type"), "text/event-stream; charset=utf-8"_ba);
    QCOMPARE(head.header("Cache-Control"), "no-cache"_ba);
    QCOMPARE(head.header("X-Accel-Buffering"), "no"_ba);
    QCOMPARE(head.header("Connection"), "keep-alive"_ba);
    QCOMPARE(head.header("Transfer-Encoding"), "chunked"_ba);
    QCOMPARE(head.header("Access-Control-Allow-Origin"), "*"_ba);
    QVERIFY(!head.hasHeader("Content-Length"));

    // Events published together go out in one chunk; a clean end sends the last chunk.
    QTRY_COMPARE(publisher->clientCount(), 1);
    publisher->publish({}, "a");
    publisher->publish({}, "b");
    QVERIFY(raw.waitForClose());
    const QByteArray events = "id: 1\ndata: a\n\nid: 2\ndata: b\n\n";
    QCOMPARE(raw.response().body,
            QByteArray::number(events.size(), 16) + "\r\n" + events + "\r\n0\r\n\r\n");
}

void tst_Publisher::stream_http10_isRawUntilClose()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    RawClient raw(publisher->port(), streamRequest("/events?closeAfter=1", {}, "HTTP/1.0"));
    QTRY_COMPARE(publisher->clientCount(), 1);
    publisher->publish({}, "raw");
    QVERIFY(raw.waitForClose());
    const RawResponse response = raw.response();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Connection"), "close"_ba);
    QVERIFY(!response.hasHeader("Transfer-Encoding"));
    QCOMPARE(response.body, "id: 1\ndata: raw\n\n"_ba);
}

void tst_Publisher::stream_head_sendsHeadersOnly()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    QSignalSpy counts(publisher.get(), &Publisher::clientCountChanged);
    const RawResponse response =
            rawExchange(publisher->port(), "HEAD /events HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(response.closed);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Type"), "text/event-stream; charset=utf-8"_ba);
    QCOMPARE(response.body, QByteArray());
    QCOMPARE(counts.size(), 0);
}

void tst_Publisher::cors_data()
{
    QTest::addColumn<QByteArray>("allowOrigin");
    QTest::addColumn<bool>("credentials");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<QByteArray>("expectedOrigin");
    QTest::addColumn<QByteArray>("expectedCredentials");
    const QByteArray page = "http://page.test:8080";
    QTest::addRow("default") << "*"_ba << false << page << "*"_ba << QByteArray();
    QTest::addRow("default, no Origin")
            << "*"_ba << false << QByteArray() << "*"_ba << QByteArray();
    QTest::addRow("credentials echo") << "*"_ba << true << page << page << "true"_ba;
    QTest::addRow("credentials, named origin") << page << true << page << page << "true"_ba;
    QTest::addRow("credentials, other origin")
            << page << true << "http://evil.test"_ba << QByteArray() << QByteArray();
    QTest::addRow("named origin") << page << false << "http://evil.test"_ba << page << QByteArray();
    QTest::addRow("off") << QByteArray() << false << page << QByteArray() << QByteArray();
}

void tst_Publisher::cors()
{
    QFETCH(QByteArray, allowOrigin);
    QFETCH(bool, credentials);
    QFETCH(QByteArray, origin);
    QFETCH(QByteArray, expectedOrigin);
    QFETCH(QByteArray, expectedCredentials);
    PublisherOptions options = quietOptions();
    options.allowOrigin = allowOrigin;
    options.allowCredentials = credentials;
    auto publisher = startPublisher(options);
    QVERIFY(publisher);
    const HeaderList headers = origin.isEmpty() ? HeaderList() : HeaderList{{"Origin", origin}};

    RawClient raw(publisher->port(), streamRequest("/events", headers));
    QVERIFY(raw.waitFor("\r\n\r\n"));
    QCOMPARE(raw.response().header("Access-Control-Allow-Origin"), expectedOrigin);
    QCOMPARE(raw.response().header("Access-Control-Allow-Credentials"), expectedCredentials);

    // The same rules on the routes QHttpServer answers, and on errors.
    QNetworkAccessManager nam;
    for (const QString &path : {u"/stats"_s, u"/events/nope"_s, u"/events?stall=x"_s}) {
        const HttpResult result = httpRequest(
                nam, "GET", QUrl(publisher->url().toString() + path.mid(1)), {}, headers);
        QVERIFY2(result.status != 0, qPrintable(path));
        QCOMPARE(result.header("Access-Control-Allow-Origin"), expectedOrigin);
        QCOMPARE(result.header("Access-Control-Allow-Credentials"), expectedCredentials);
    }
}

void tst_Publisher::cors_preflight_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("broadcast") << u"/events"_s;
    QTest::addRow("named") << u"/events/test-event"_s;
    QTest::addRow("publish") << u"/publish"_s;
    QTest::addRow("stats") << u"/stats"_s;
    QTest::addRow("llm") << u"/llm"_s;
}

void tst_Publisher::cors_preflight()
{
    QFETCH(QString, path);
    auto publisher = startPublisher();
    QVERIFY(publisher);
    QNetworkAccessManager nam;
    const HttpResult result = httpRequest(nam, "OPTIONS", publisher->url(path), {},
            {{"Origin", "http://page.test"}, {"Access-Control-Request-Method", "GET"},
                    {"Access-Control-Request-Headers", "last-event-id, cache-control"}});
    QCOMPARE(result.status, 204);
    QCOMPARE(result.header("Access-Control-Allow-Origin"), "*"_ba);
    const QByteArray methods = result.header("Access-Control-Allow-Methods");
    QVERIFY2(methods.contains("GET") && methods.contains("POST"), methods.constData());
    QVERIFY(result.header("Access-Control-Allow-Headers").contains("last-event-id"));
    QVERIFY(!result.header("Access-Control-Max-Age").isEmpty());
    QVERIFY(result.body.isEmpty());
}

void tst_Publisher::stats_reportsChannels()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Probe probe(publisher->url(u"/events/test-event"_s));
    QTRY_COMPARE(publisher->clientCount(), 1);
    publisher->publish("test-event", "one");
    publisher->publish("test-event", "two");
    publisher->publish({}, "nobody");
    QTRY_COMPARE(probe.events.size(), 2);

    QNetworkAccessManager nam;
    const HttpResult result = httpRequest(nam, "GET", publisher->url(u"/stats"_s));
    QCOMPARE(result.status, 200);
    QVERIFY(result.header("Content-Type").startsWith("application/json"));
    const QJsonObject stats = result.json();
    QCOMPARE(stats.value(u"clients"_s).toInt(), 1);
    QCOMPARE(stats.value(u"llmClients"_s).toInt(-1), 0);
    QVERIFY(stats.value(u"uptimeMs"_s).toInteger(-1) >= 0);
    const QJsonArray channels = stats.value(u"channels"_s).toArray();
    QCOMPARE(channels.size(), 2);
    const QJsonObject broadcast = channels.at(0).toObject();
    QCOMPARE(broadcast.value(u"name"_s).toString(), QString());
    QCOMPARE(broadcast.value(u"path"_s).toString(), u"/events"_s);
    QCOMPARE(broadcast.value(u"clients"_s).toInt(), 0);
    QCOMPARE(broadcast.value(u"eventsPublished"_s).toInt(), 1);
    QCOMPARE(broadcast.value(u"eventsSent"_s).toInt(), 0);
    const QJsonObject named = channels.at(1).toObject();
    QCOMPARE(named.value(u"name"_s).toString(), u"test-event"_s);
    QCOMPARE(named.value(u"path"_s).toString(), u"/events/test-event"_s);
    QCOMPARE(named.value(u"clients"_s).toInt(), 1);
    QCOMPARE(named.value(u"eventsPublished"_s).toInt(), 2);
    QCOMPARE(named.value(u"eventsSent"_s).toInt(), 2);
    QVERIFY(named.value(u"bytesSent"_s).toInt() > 0);
    QCOMPARE(named.value(u"history"_s).toInt(), 2);
    QCOMPARE(result.header("Connection"), "close"_ba);
}

void tst_Publisher::page_isServed()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    QNetworkAccessManager nam;
    const HttpResult result = httpRequest(nam, "GET", publisher->url());
    QCOMPARE(result.status, 200);
    QVERIFY(result.header("Content-Type").startsWith("text/html"));
    QVERIFY(result.body.contains("new EventSource("));
    QCOMPARE(httpRequest(nam, "GET", publisher->url(u"/nothing-here"_s)).status, 404);
}

void tst_Publisher::close_endsStreamsAndListensAgain()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    Probe probe(publisher->url(u"/events"_s), fastOptions(5000ms));
    RawClient waiting(publisher->port(), "GET /events HTTP/1.1\r\n"); // head not finished
    QTRY_COMPARE(publisher->clientCount(), 1);
    QSignalSpy counts(publisher.get(), &Publisher::clientCountChanged);
    publisher->close();
    QVERIFY(!publisher->isListening());
    QCOMPARE(publisher->clientCount(), 0);
    QCOMPARE(counts.size(), 1);
    QTRY_COMPARE(probe.errors.size(), 1);
    QVERIFY(waiting.waitForClose());

    QVERIFY(publisher->listen());
    QNetworkAccessManager nam;
    QCOMPARE(httpRequest(nam, "GET", publisher->url(u"/stats"_s)).status, 200);
    Probe again(publisher->url(u"/events"_s));
    QTRY_COMPARE(publisher->clientCount(), 1);
}

void tst_Publisher::badRequest_unknownChannel()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    QNetworkAccessManager nam;
    const HttpResult result = httpRequest(nam, "GET", publisher->url(u"/events/nope"_s));
    QCOMPARE(result.status, 404);
    QVERIFY2(result.body.contains("/events/nope") && result.body.contains("/events, ")
                    && result.body.contains("/events/test-event"),
            result.body.constData());

    Probe probe(publisher->url(u"/events/nope"_s));
    QTRY_COMPARE(probe.errors.size(), 1);
    QCOMPARE(probe.errors.first().kind, Kind::HttpStatus);
    QCOMPARE(probe.errors.first().httpStatus, 404);
}

void tst_Publisher::badRequest_lastEventId_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<int>("status");
    QTest::addRow("1024 bytes") << QByteArray(1024, 'a') << 200;
    QTest::addRow("1025 bytes") << QByteArray(1025, 'a') << 400;
    QTest::addRow("NUL") << QByteArray("ab\0cd", 5) << 400;
}

void tst_Publisher::badRequest_lastEventId()
{
    QFETCH(QByteArray, id);
    QFETCH(int, status);
    auto publisher = startPublisher();
    QVERIFY(publisher);
    RawClient raw(publisher->port(), streamRequest("/events", {{"Last-Event-ID", id}}));
    QVERIFY(raw.waitFor("\r\n\r\n"));
    QCOMPARE(raw.response().status, status);
    if (status == 400) {
        QVERIFY(raw.waitForClose());
        QVERIFY2(raw.response().body.contains("Last-Event-ID"), raw.received.constData());
    }
}

void tst_Publisher::badRequest_faultValue_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("parameter");
    QTest::addRow("stall=-5") << u"/events"_s << u"stall=-5"_s << u"stall"_s;
    QTest::addRow("dribble=abc") << u"/events"_s << u"dribble=abc"_s << u"dribble"_s;
    QTest::addRow("longLine=999999999") << u"/events"_s << u"longLine=999999999"_s << u"longLine"_s;
    QTest::addRow("redirect=303") << u"/events"_s << u"redirect=303"_s << u"redirect"_s;
    QTest::addRow("status=42") << u"/events"_s << u"status=42"_s << u"status"_s;
    QTest::addRow("closeAfter=-1") << u"/events"_s << u"closeAfter=-1"_s << u"closeAfter"_s;
    QTest::addRow("cutAfter=1.5") << u"/events"_s << u"cutAfter=1.5"_s << u"cutAfter"_s;
    QTest::addRow("splitUtf8=2") << u"/events"_s << u"splitUtf8=2"_s << u"splitUtf8"_s;
    QTest::addRow("lineEnd=foo") << u"/events"_s << u"lineEnd=foo"_s << u"lineEnd"_s;
    QTest::addRow("reconnect=soon") << u"/events"_s << u"reconnect=soon"_s << u"reconnect"_s;
    QTest::addRow("retry=-3") << u"/events"_s << u"retry=-3"_s << u"retry"_s;
    QTest::addRow("empty stall") << u"/events"_s << u"stall="_s << u"stall"_s;
    QTest::addRow("llm style=gpt") << u"/llm"_s << u"style=gpt"_s << u"style"_s;
    QTest::addRow("llm interval=-1") << u"/llm"_s << u"interval=-1"_s << u"interval"_s;
    QTest::addRow("llm interval=soon") << u"/llm"_s << u"interval=soon"_s << u"interval"_s;
    QTest::addRow("llm dribble=x") << u"/llm"_s << u"dribble=x"_s << u"dribble"_s;
}

void tst_Publisher::badRequest_faultValue()
{
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(QString, parameter);
    auto publisher = startPublisher();
    QVERIFY(publisher);
    QNetworkAccessManager nam;
    QUrl url = publisher->url(path);
    url.setQuery(query);
    const HttpResult result = httpRequest(nam, "GET", url);
    QCOMPARE(result.status, 400);
    QVERIFY2(QString::fromUtf8(result.body).contains(parameter), result.body.constData());
    QCOMPARE(publisher->clientCount(), 0);
}

void tst_Publisher::badRequest_malformedHead_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addRow("garbage") << "GARBAGE\r\n\r\n"_ba << 400;
    QTest::addRow("no version") << "GET /events\r\n\r\n"_ba << 400;
    QTest::addRow("HTTP/2 request line") << "GET /events HTTP/2.0\r\n\r\n"_ba << 400;
    QTest::addRow("header without colon")
            << "GET /events HTTP/1.1\r\nBroken header\r\n\r\n"_ba << 400;
    QTest::addRow("target without slash") << "GET events HTTP/1.1\r\n\r\n"_ba << 400;
    // PublisherOptions::maxRequestHeadSize: 431, or 414 for the request line alone.
    QTest::addRow("head too large")
            << "GET /events HTTP/1.1\r\nX-Big: " + QByteArray(20000, 'a') << 431;
    QTest::addRow("request line too long") << "GET /events?" + QByteArray(20000, 'a') << 414;
}

void tst_Publisher::badRequest_malformedHead()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    auto publisher = startPublisher();
    QVERIFY(publisher);
    const RawResponse response = rawExchange(publisher->port(), request);
    QVERIFY(response.closed);
    QCOMPARE(response.status, status);
    QCOMPARE(publisher->clientCount(), 0);
}

void tst_Publisher::slowClient_isDropped()
{
    PublisherOptions options = quietOptions();
    options.maxClientBacklog = 1024 * 1024;
    auto publisher = startPublisher(options);
    QVERIFY(publisher);
    QSignalSpy disconnected(publisher.get(), &Publisher::clientDisconnected);

    RawClient stuck(publisher->port());
    stuck.socket.setReadBufferSize(4096); // and it never reads: the kernel buffers fill up
    QObject::disconnect(&stuck.socket, &QTcpSocket::readyRead, &stuck, nullptr);
    stuck.socket.write(streamRequest("/events"));
    Probe probe(publisher->url(u"/events"_s));
    QTRY_COMPARE(publisher->clientCount(), 2);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^dropping .* it does not read$"_s));
    const QByteArray big(32 * 1024, 'x');
    int published = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&] {
        for (int i = 0; i < 2 && published < 4000; ++i)
            publisher->publish({}, QByteArray::number(++published) + big);
    });
    QElapsedTimer clock;
    clock.start();
    timer.start(5);
    QVERIFY(disconnected.wait(20000));
    timer.stop();
    qInfo() << "dropped the stuck client after" << published << "events of 32 KiB in"
            << clock.elapsed() << "ms";
    QCOMPARE(publisher->clientCount(), 1);
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(
            disconnected.first().at(0).toString(), u"127.0.0.1:%1"_s.arg(stuck.socket.localPort()));

    publisher->publish({}, "done");
    QTRY_COMPARE_WITH_TIMEOUT(probe.events.size(), published + 1, 10000);
    QCOMPARE(probe.ids(), numbers(1, published + 1));
    QVERIFY(probe.errors.isEmpty());
}

void tst_Publisher::dribblingClient_backlogIsBounded()
{
    PublisherOptions options = quietOptions();
    options.maxClientBacklog = 1000;
    auto publisher = startPublisher(options);
    QVERIFY(publisher);
    QSignalSpy disconnected(publisher.get(), &Publisher::clientDisconnected);
    // A raw client: after a reset QNAM may silently send its GET again, which would subscribe
    // a new client behind the test's back.
    RawClient client(publisher->port(), streamRequest("/events?dribble=50"));
    QTRY_COMPARE(publisher->clientCount(), 1);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^dropping .* it does not read$"_s));
    for (int i = 0; i < 3; ++i)
        publisher->publish({}, QByteArray(600, 'd')); // held back, one byte per 50 ms
    QCOMPARE(publisher->clientCount(), 1); // removed from the event loop
    QVERIFY(disconnected.wait(WaitMs));
    QCOMPARE(publisher->clientCount(), 0);
    QVERIFY(client.waitForClose());
    QVERIFY(dechunk(client.response().body).size() < 100);
}

void tst_Publisher::incompleteHead_doesNotBlockOthers()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    RawClient slow(publisher->port(), "GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    Probe probe(publisher->url(u"/events"_s));
    QNetworkAccessManager nam;
    QCOMPARE(httpRequest(nam, "GET", publisher->url(u"/stats"_s)).status, 200);
    QTRY_COMPARE(publisher->clientCount(), 1);
    publisher->publish({}, "flows");
    QTRY_COMPARE(probe.data(), QByteArrayList({"flows"}));
    QVERIFY(slow.received.isEmpty());

    // The slow client was waiting, not dropped: finishing the head subscribes it.
    slow.socket.write("\r\n");
    QTRY_COMPARE(publisher->clientCount(), 2);
}

void tst_Publisher::llm_tokenizeJoinsBack()
{
    using Sse::TokenStreamer;
    const QString paragraph = TokenStreamer::paragraph();
    const QStringList tokens = TokenStreamer::tokenize(paragraph);
    QVERIFY(tokens.size() > 50);
    QCOMPARE(tokens.join(QString()), paragraph);
    QCOMPARE(tokens.first(), u"Server"_s);
    QVERIFY(tokens.contains(u" \u2014"_s)); // punctuation on its own, multi-byte in UTF-8
    for (const QString &token : tokens)
        QVERIFY2(token.trimmed().size() <= 6, qPrintable(token));
    for (const QString &text : {u"  spaces around  "_s, QString(), u"supercalifragilistic!"_s})
        QCOMPARE(TokenStreamer::tokenize(text).join(QString()), text);
}

void tst_Publisher::llm_streamsParagraph_data()
{
    QTest::addColumn<QString>("style");
    QTest::addColumn<QByteArray>("method");
    QTest::addRow("default style") << QString() << "GET"_ba;
    QTest::addRow("openai GET") << u"openai"_s << "GET"_ba;
    QTest::addRow("openai POST") << u"openai"_s << "POST"_ba;
    QTest::addRow("anthropic GET") << u"anthropic"_s << "GET"_ba;
    QTest::addRow("anthropic POST") << u"anthropic"_s << "POST"_ba;
}

void tst_Publisher::llm_streamsParagraph()
{
    QFETCH(QString, style);
    QFETCH(QByteArray, method);
    auto publisher = startPublisher();
    QVERIFY(publisher);
    QSignalSpy counts(publisher.get(), &Publisher::clientCountChanged);
    QSignalSpy connected(publisher.get(), &Publisher::clientConnected);
    Sse::SourceOptions options = fastOptions(60000ms);
    options.method = method;
    if (method == "POST")
        options.body = R"({"model":"demo","stream":true,"messages":[{"role":"user"}]})";
    QUrl url = publisher->url(Publisher::llmPath());
    url.setQuery(u"interval=3"_s + (style.isEmpty() ? QString() : u"&style="_s + style));
    QElapsedTimer clock;
    clock.start();
    Probe probe(url, options);
    QSignalSpy errors(&probe.source, &EventSource::errorOccurred);
    QVERIFY(errors.wait(WaitMs));
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(probe.errors.size(), 1);
    QCOMPARE(probe.errors.first().kind, Kind::StreamEnded);
    QTRY_COMPARE(publisher->clientCount(), 0);
    probe.source.close();
    QCOMPARE(counts.size(), 2);
    QCOMPARE(counts.first().first().toInt(), 1); // it counted as a client while it streamed
    QCOMPARE(connected.first().at(1).toByteArray(), Publisher::llmPath().toLatin1());

    const qsizetype tokens = Sse::TokenStreamer::tokenize(Sse::TokenStreamer::paragraph()).size();
    QVERIFY2(elapsed >= tokens * 3 * 9 / 10, QByteArray::number(elapsed).constData());
    QString text;
    if (style == "anthropic"_L1) {
        const QByteArrayList types = probe.types();
        QCOMPARE(types.size(), tokens + 5);
        QCOMPARE(types.mid(0, 2), QByteArrayList({"message_start", "content_block_start"}));
        QCOMPARE(types.mid(types.size() - 3),
                QByteArrayList({"content_block_stop", "message_delta", "message_stop"}));
        for (const Sse::Event &event : probe.events.mid(2, tokens)) {
            QCOMPARE(event.type, "content_block_delta"_ba);
            const QJsonObject delta =
                    QJsonDocument::fromJson(event.data).object().value(u"delta"_s).toObject();
            QCOMPARE(delta.value(u"type"_s).toString(), u"text_delta"_s);
            text += delta.value(u"text"_s).toString();
        }
    } else {
        QCOMPARE(probe.events.size(), tokens + 3);
        QCOMPARE(probe.events.last().data, "[DONE]"_ba);
        for (const Sse::Event &event : probe.events.mid(0, probe.events.size() - 1)) {
            QCOMPARE(event.type, "message"_ba);
            const QJsonObject choice = QJsonDocument::fromJson(event.data)
                                               .object()
                                               .value(u"choices"_s)
                                               .toArray()
                                               .at(0)
                                               .toObject();
            QCOMPARE(choice.value(u"index"_s).toInt(-1), 0);
            text += choice.value(u"delta"_s).toObject().value(u"content"_s).toString();
        }
        const QJsonObject last = QJsonDocument::fromJson(probe.events.at(tokens + 1).data).object();
        QCOMPARE(last.value(u"choices"_s).toArray().at(0).toObject().value(u"finish_reason"_s),
                QJsonValue(u"stop"_s));
    }
    QCOMPARE(text, Sse::TokenStreamer::paragraph());
    QCOMPARE(probe.sentIds, QByteArrayList({""})); // one connection: no reconnect yet
}

void tst_Publisher::llm_openAiWire()
{
    auto publisher = startPublisher();
    QVERIFY(publisher);
    RawClient raw(publisher->port(),
            "POST /llm?interval=0 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 2\r\n\r\n{}");
    QVERIFY(raw.waitForClose());
    QCOMPARE(raw.response().status, 200);
    QCOMPARE(raw.response().header("Content-Type"), "text/event-stream; charset=utf-8"_ba);
    QVERIFY(raw.response().body.endsWith("\r\n0\r\n\r\n"));
    const QByteArray body = dechunk(raw.response().body);
    QVERIFY2(body.startsWith(
                     R"(data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]})"
                     "\n\n"
                     R"(data: {"choices":[{"index":0,"delta":{"content":"Server"}}]})"
                     "\n\n"),
            body.left(300).constData());
    QVERIFY(body.endsWith("\n\ndata: [DONE]\n\n"));
}

QTEST_GUILESS_MAIN(tst_Publisher)
#include "tst_publisher.moc"
