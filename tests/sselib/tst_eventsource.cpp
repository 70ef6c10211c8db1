// SPDX-License-Identifier: MIT
// Tests for Sse::EventSource: real HTTP against a scriptable server on 127.0.0.1.
#include "ssedash/version.h"
#include "tests/support/compression.h"
#include "tests/support/testserver.h"

#include "sselib/eventsource.h"
#include "sselib/networkpool_p.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

using Sse::EventSource;
using Sse::SourceError;
using TestSupport::Connection;
using TestSupport::TestServer;
namespace Handlers = TestSupport::Handlers;
using State = EventSource::ReadyState;
using Reason = EventSource::ReconnectReason;
using Kind = SourceError::Kind;
using StartList = QList<QPair<int, QByteArray>>;

namespace {

template <typename E>
QString enumKey(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value)));
}

/// A short reconnection time keeps the reconnect tests fast.
Sse::SourceOptions fastOptions(std::chrono::milliseconds reconnectionTime = 100ms)
{
    Sse::SourceOptions options;
    options.reconnectionTime = reconnectionTime;
    return options;
}

/// Lets `duration` pass with the event loop running, for the tests whose subject is time
/// itself (a read timeout that must not fire, a stream that must count as healthy, a Qt quirk
/// that needs to settle). That nothing more will happen is asked of
/// EventSource::isConnectionScheduled() instead, at once.
void letTimePass(std::chrono::milliseconds duration)
{
    QTest::qWait(int(duration.count()));
}

/// The lower bound for a timer-driven wait: coarse timers may fire up to 5% early.
qint64 atLeast(qint64 ms)
{
    return ms * 9 / 10 - 5;
}

/// A port on 127.0.0.1 that refuses connections (it was free a moment ago).
quint16 closedPort()
{
    TestServer probe;
    if (!probe.listen())
        return 0;
    return probe.port();
}

/// Drops the idle connections of the shared pool's warm manager. After a TLS test, Qt 6.4 would
/// otherwise close the cached TLS socket only when the manager's thread ends, after
/// QCoreApplication is gone, and warn from a connect() to the missing application object.
void clearPoolConnectionCache()
{
    Sse::NetworkPool *pool = Sse::NetworkPool::instance();
    QNetworkAccessManager *manager = pool->acquire();
    manager->clearConnectionCache();
    pool->release(manager);
}

/// Records everything a source emits, in order and with times, plus the times at which the
/// server saw requests.
class Recorder final : public QObject
{
    Q_DISABLE_COPY_MOVE(Recorder)

public:
    struct Schedule
    {
        qint64 delay = 0;
        Reason reason = Reason::ReconnectionTime;
        qint64 at = 0;
    };

    explicit Recorder(EventSource *source, TestServer *server = nullptr)
    {
        clock.start();
        connect(source, &EventSource::readyStateChanged, this, [this](State state) {
            states.append(state);
            note(u"state:"_s + enumKey(state));
        });
        connect(source, &EventSource::opened, this, [this] {
            ++openedCount;
            note(u"opened"_s);
        });
        connect(source, &EventSource::eventReceived, this, [this](const Sse::Event &event) {
            events.append(event);
            note(u"event:"_s + event.typeText() + u':' + event.dataText());
        });
        connect(source, &EventSource::messageReceived, this,
                [this](const Sse::Event &event) { messages.append(event); });
        connect(source, &EventSource::commentReceived, this, [this](const Sse::Comment &comment) {
            comments.append(comment.dataText());
            note(u"comment:"_s + comment.dataText());
        });
        connect(source, &EventSource::errorOccurred, this, [this](const SourceError &error) {
            errors.append(error);
            note(u"error:"_s + enumKey(error.kind) + (error.fatal ? u":fatal"_s : u":transient"_s));
        });
        connect(source, &EventSource::parseErrorOccurred, this,
                [this](const Sse::ParseError &error) {
                    parseErrors.append(error);
                    note(u"dropped:"_s + QString::number(int(error.kind)));
                });
        connect(source, &EventSource::reconnectionTimeChanged, this,
                [this](std::chrono::milliseconds time) {
                    retryChanges.append(time.count());
                    note(u"retry:"_s + QString::number(time.count()));
                });
        connect(source, &EventSource::lastEventIdChanged, this, [this](const QByteArray &id) {
            idChanges.append(id);
            note(u"id:"_s + QString::fromUtf8(id));
        });
        connect(source, &EventSource::connectionStarted, this,
                [this](int connection, const QByteArray &lastEventIdSent) {
                    starts.append({connection, lastEventIdSent});
                    note(u"started:"_s + QString::number(connection) + u':'
                            + QString::fromUtf8(lastEventIdSent));
                });
        connect(source, &EventSource::requestSent, this, [this](const Sse::RequestInfo &request) {
            requests.append(request);
            note(u"request:"_s + QString::number(request.connection));
        });
        connect(source, &EventSource::responseReceived, this,
                [this](const Sse::ResponseInfo &response) {
                    responses.append(response);
                    note(u"response:"_s + QString::number(response.status));
                });
        connect(source, &EventSource::reconnectScheduled, this,
                [this](std::chrono::milliseconds delay, Reason reason) {
                    schedules.append({delay.count(), reason, clock.elapsed()});
                    note(u"scheduled:"_s + QString::number(delay.count()) + u':' + enumKey(reason));
                });
        connect(source, &EventSource::bytesReceived, this,
                [this](qint64 count) { bytes += count; });
        if (server) {
            connect(server, &TestServer::requestReceived, this,
                    [this](const TestSupport::Request &) { requestTimes.append(clock.elapsed()); });
        }
    }

    void note(const QString &entry)
    {
        log.append(entry);
        logTimes.append(clock.elapsed());
    }

    [[nodiscard]] qsizetype indexOf(const QString &entry, qsizetype from = 0) const
    {
        return log.indexOf(entry, from);
    }

    [[nodiscard]] qsizetype indexOfPrefix(const QString &prefix) const
    {
        for (qsizetype i = 0; i < log.size(); ++i) {
            if (log.at(i).startsWith(prefix))
                return i;
        }
        return -1;
    }

    [[nodiscard]] qint64 timeOf(const QString &entry) const
    {
        const qsizetype i = log.indexOf(entry);
        return i < 0 ? -1 : logTimes.at(i);
    }

    [[nodiscard]] QByteArrayList eventData() const
    {
        QByteArrayList result;
        for (const Sse::Event &event : events)
            result.append(event.data);
        return result;
    }

    QElapsedTimer clock;
    QStringList log;
    QList<qint64> logTimes;
    QList<State> states;
    int openedCount = 0;
    QList<Sse::Event> events;
    QList<Sse::Event> messages;
    QStringList comments;
    QList<SourceError> errors;
    QList<Sse::ParseError> parseErrors;
    QList<qint64> retryChanges;
    QByteArrayList idChanges;
    StartList starts;
    QList<Sse::RequestInfo> requests;
    QList<Sse::ResponseInfo> responses;
    QList<Schedule> schedules;
    QList<qint64> requestTimes;
    qint64 bytes = 0;
};

/// Counts the requests a manager creates, to see that a source uses it.
class CountingManager final : public QNetworkAccessManager
{
public:
    int created = 0;

protected:
    QNetworkReply *createRequest(
            Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override
    {
        ++created;
        return QNetworkAccessManager::createRequest(op, request, outgoingData);
    }
};

} // namespace

class tst_EventSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initialState_isClosed();
    void open_sendsStandardHeaders();
    void open_isNoOpWhileActive();
    void open_sendsInitialLastEventId();
    void open_sendsMethodHeadersAndBody();
    void open_allowCompressionDecodesStream();
    void open_invalidUrlIsFatal();
    void response_eventStreamOpens_data();
    void response_eventStreamOpens();
    void response_httpStatusIsFatal_data();
    void response_httpStatusIsFatal();
    void response_wrongContentTypeIsFatal_data();
    void response_wrongContentTypeIsFatal();
    void redirect_isFollowedAndSetsOrigin_data();
    void redirect_isFollowedAndSetsOrigin();
    void redirect_limit_data();
    void redirect_limit();
    void streamEnd_reconnectsWithLastEventId();
    void streamEnd_discardsIncompleteEvent_data();
    void streamEnd_discardsIncompleteEvent();
    void keepRawLines_fillsEventRaw();
    void streamEnd_anyFramingReconnects_data();
    void streamEnd_anyFramingReconnects();
    void connectionRefused_isTransientAndRetries();
    void retry_changesReconnectionTime();
    void retry_ignoresInvalidValues();
    void lastEventId_persistsAndEmptyIdResets();
    void close_stopsWithoutError();
    void close_cancelsPendingReconnect();
    void isConnectionScheduled_whileATimerWaits();
    void close_insideEventHandlerDropsRest();
    void open_afterCloseConnectsAgain();
    void destroy_closesConnection();
    void events_deliveredWithFields();
    void comments_carryBytesTimeAndConnection();
    void readTimeout_reconnectsSilentStream_data();
    void readTimeout_reconnectsSilentStream();
    void readTimeout_heartbeatKeepsStreamOpen();
    void backoff_growsCapsAndResetsWhenHealthy();
    void maxAttempts_givesUp();
    void manualReinit_restartsFresh_data();
    void manualReinit_restartsFresh();
    void manualReinit_closeStopsIt();
    void reconnectEvent_obeyed_data();
    void reconnectEvent_obeyed();
    void reconnectEvent_ignoredByDefault();
    void reconnectNow_restartsAtOnce();
    void customManager_isUsed();
    void manySources_sameHostAllStream();
    void openClose_manyTimesLeavesNoConnections();
    void splitWrites_arriveIntact_data();
    void splitWrites_arriveIntact();
    void reusedEvent_everyFieldIntact_data();
    void reusedEvent_everyFieldIntact();
    void tls_untrustedCertificateIsFatal();
    void tls_ignoredErrorsStream();
    void credentials_cookiesOnlyWithCredentials();
    void limits_boundMemory_data();
    void limits_boundMemory();

    void compression_decodedWhateverWasAsked_data();
    void compression_decodedWhateverWasAsked();
    void compression_gzipInSmallWritesStreams();
    void compression_corruptBodyIsFatal_data();
    void compression_corruptBodyIsFatal();
    void compression_unknownEncodingIsFatal_data();
    void compression_unknownEncodingIsFatal();
    void requestSent_carriesMethodUrlHeadersAndBody();
    void redirect_chainIsReported();
    void refused_bodyIsReportedBeforeTheError_data();
    void refused_bodyIsReportedBeforeTheError();
    void refused_endlessBodyDoesNotHoldTheErrorBack();
};

void tst_EventSource::initialState_isClosed()
{
    Sse::SourceOptions options = fastOptions(1234ms);
    const QUrl url(u"http://127.0.0.1:9/never"_s);
    EventSource source(url, options);
    QCOMPARE(source.readyState(), State::Closed);
    QCOMPARE(source.url(), url);
    QCOMPARE(source.reconnectionTime(), 1234ms);
    QVERIFY(source.lastEventId().isEmpty());
    QCOMPARE(source.connectionCount(), 0);
    QCOMPARE(source.reconnectCount(), 0);
}

void tst_EventSource::open_sendsStandardHeaders()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, Handlers::sseHold());
    EventSource source(server.url(u"/s"_s), fastOptions());
    Recorder rec(&source, &server);

    source.open();
    QCOMPARE(source.readyState(), State::Connecting);
    QTRY_COMPARE(rec.states, (QList<State>{State::Connecting, State::Open}));
    QCOMPARE(rec.openedCount, 1);
    QCOMPARE(rec.starts, (StartList{{1, QByteArray()}}));
    QVERIFY(rec.indexOf(u"state:Connecting"_s) < rec.indexOf(u"started:1:"_s));
    QVERIFY(rec.indexOf(u"state:Open"_s) < rec.indexOf(u"opened"_s));
    QVERIFY(rec.errors.isEmpty());

    QCOMPARE(server.requestCount(), 1);
    const TestSupport::Request request = server.lastRequest("/s"_ba);
    QCOMPARE(request.method, "GET"_ba);
    QCOMPARE(request.header("Accept"), "text/event-stream"_ba);
    QCOMPARE(request.headerCount("Accept"), 1);
    QCOMPARE(request.header("Cache-Control"), "no-cache"_ba);
    QCOMPARE(request.header("Accept-Encoding"), "identity"_ba);
    QVERIFY2(!request.hasHeader("Last-Event-ID"), "no Last-Event-ID without an id");
    QVERIFY(request.body.isEmpty());
    QCOMPARE(source.connectionCount(), 1);
    QCOMPARE(source.reconnectCount(), 0);
}

void tst_EventSource::open_isNoOpWhileActive()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, Handlers::sseHold());
    EventSource source(server.url(u"/s"_s), fastOptions());
    Recorder rec(&source);
    QSignalSpy requests(&server, &TestServer::requestReceived);

    source.open();
    source.open(); // while connecting
    QTRY_COMPARE(source.readyState(), State::Open);
    source.open(); // while open
    QVERIFY(!source.isConnectionScheduled());
    QCOMPARE(requests.size(), 1);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(rec.starts.size(), 1);
    QCOMPARE(rec.states, (QList<State>{State::Connecting, State::Open}));
}

void tst_EventSource::open_sendsInitialLastEventId()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, Handlers::sseHold());
    Sse::SourceOptions options = fastOptions();
    options.initialLastEventId = "abc-1"_ba;
    EventSource source(server.url(u"/s"_s), options);
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(source.readyState(), State::Open);
    QCOMPARE(server.lastRequest("/s"_ba).header("Last-Event-ID"), "abc-1"_ba);
    QCOMPARE(server.lastRequest("/s"_ba).headerCount("Last-Event-ID"), 1);
    QCOMPARE(rec.starts, (StartList{{1, "abc-1"_ba}}));
}

void tst_EventSource::open_sendsMethodHeadersAndBody()
{
    TestServer server;
    QVERIFY(server.listen());
    // The first stream ends at once, so the reconnect shows that method and body are re-sent.
    server.route("/v1/chat"_ba, [](Connection *connection) {
        connection->writeSseHead();
        if (connection->request().number == 1) {
            connection->write("data: {\"delta\":\"hi\"}\n\n"_ba);
            connection->close();
        }
    });
    const QByteArray body =
            R"({"model":"m","stream":true,"messages":[{"role":"user","content":"x"}]})"_ba;
    Sse::SourceOptions options = fastOptions(50ms);
    options.method = "POST"_ba;
    options.body = body;
    options.headers = {{"Authorization"_ba, "Bearer secret-token"_ba},
            {"Content-Type"_ba, "application/json"_ba}, {"X-Trace"_ba, "t-1"_ba}};
    EventSource source(server.url(u"/v1/chat"_s), options);
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(server.requestCount(), 2);
    QTRY_COMPARE(source.readyState(), State::Open);
    for (const TestSupport::Request &request : server.requests()) {
        QCOMPARE(request.method, "POST"_ba);
        QCOMPARE(request.body, body);
        QCOMPARE(request.header("Content-Length"), QByteArray::number(body.size()));
        QCOMPARE(request.header("Authorization"), "Bearer secret-token"_ba);
        QCOMPARE(request.header("Content-Type"), "application/json"_ba);
        QCOMPARE(request.header("X-Trace"), "t-1"_ba);
        QCOMPARE(request.header("Accept"), "text/event-stream"_ba);
    }
    QCOMPARE(rec.eventData(), QByteArrayList{"{\"delta\":\"hi\"}"_ba});
}

void tst_EventSource::open_allowCompressionDecodesStream()
{
    TestServer server;
    QVERIFY(server.listen());
    const QByteArray plain = "data: one\n\ndata: two\n\n"_ba;
    server.route("/z"_ba, [plain](Connection *connection) {
        // qCompress() gives a 4-byte length and then a zlib stream, which is HTTP "deflate".
        const QByteArray zlib = qCompress(plain).mid(4);
        connection->writeHead(200,
                {{"Content-Type"_ba, "text/event-stream"_ba},
                        {"Content-Encoding"_ba, "deflate"_ba}});
        connection->write(zlib);
    });
    Sse::SourceOptions options = fastOptions();
    options.allowCompression = true;
    EventSource source(server.url(u"/z"_s), options);
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.events.size(), 2);
    QCOMPARE(rec.eventData(), (QByteArrayList{"one"_ba, "two"_ba}));
    const QByteArray acceptEncoding = server.lastRequest("/z"_ba).header("Accept-Encoding");
    QVERIFY2(acceptEncoding != "identity" && acceptEncoding.contains("deflate"),
            acceptEncoding.constData());
    QVERIFY(rec.errors.isEmpty());
}

void tst_EventSource::open_invalidUrlIsFatal()
{
    EventSource source(QUrl(u"http://[::1"_s), fastOptions());
    QVERIFY(!source.url().isValid());
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.errors.size(), 1);
    QVERIFY(rec.errors.first().fatal);
    QCOMPARE(rec.errors.first().kind, Kind::InvalidUrl);
    QVERIFY(!rec.errors.first().message.isEmpty());
    QCOMPARE(source.readyState(), State::Closed);
    QVERIFY(!source.isConnectionScheduled());
    QVERIFY(rec.schedules.isEmpty());
}

void tst_EventSource::response_eventStreamOpens_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addRow("exact") << "text/event-stream"_ba;
    QTest::addRow("charset parameter") << "text/event-stream; charset=utf-8"_ba;
    QTest::addRow("upper case") << "TEXT/EVENT-STREAM"_ba;
    QTest::addRow("mixed case, parameter without space") << "Text/Event-Stream;charset=UTF-8"_ba;
}

void tst_EventSource::response_eventStreamOpens()
{
    QFETCH(QByteArray, contentType);
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, [contentType](Connection *connection) {
        connection->writeHead(200,
                {{"Content-Type"_ba, contentType}, {"Cache-Control"_ba, "no-cache"_ba},
                        {"X-Custom"_ba, "yes"_ba}});
        connection->write("data: hi\n\n"_ba);
    });
    const QUrl url = server.url(u"/s?x=1"_s);
    EventSource source(url, fastOptions());
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.events.size(), 1);
    QCOMPARE(source.readyState(), State::Open);
    QCOMPARE(rec.states, (QList<State>{State::Connecting, State::Open}));
    QCOMPARE(rec.openedCount, 1);
    QVERIFY(rec.indexOf(u"state:Open"_s) < rec.indexOf(u"opened"_s));
    QVERIFY(rec.indexOf(u"opened"_s) < rec.indexOf(u"event:message:hi"_s));
    QVERIFY(rec.errors.isEmpty());

    QTRY_COMPARE(rec.responses.size(), 1);
    const Sse::ResponseInfo &response = rec.responses.first();
    QCOMPARE(response.connection, 1);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.finalUrl, url);
    QCOMPARE(response.header("content-type"), contentType);
    QCOMPARE(response.header("x-custom"), "yes"_ba);
    QCOMPARE(server.lastRequest("/s"_ba).query, "x=1"_ba);
}

void tst_EventSource::response_httpStatusIsFatal_data()
{
    QTest::addColumn<int>("status");
    for (int status : {201, 202, 204, 400, 401, 403, 404, 500, 502, 503})
        QTest::addRow("%d", status) << status;
}

void tst_EventSource::response_httpStatusIsFatal()
{
    QFETCH(int, status);
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, [status](Connection *connection) {
        if (status == 204) {
            connection->writeHead(204);
            connection->close();
            return;
        }
        if (status == 401) {
            // QNAM reads a 401's whole body before it reports anything, so give it an end.
            connection->respond(401, "text/plain"_ba, "who are you?\n"_ba,
                    {{"WWW-Authenticate"_ba, "Basic realm=\"feeds\""_ba}});
            return;
        }
        // An event-stream body behind the wrong status: the status alone must decide, and
        // the client must drop the connection itself.
        connection->writeHead(
                status, {{"Content-Type"_ba, "text/event-stream"_ba}, {"Retry-After"_ba, "1"_ba}});
        connection->write("data: must not arrive\n\n"_ba);
    });
    EventSource source(server.url(u"/s"_s), fastOptions());
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.errors.size(), 1);
    const SourceError error = rec.errors.first();
    QVERIFY(error.fatal);
    QCOMPARE(error.kind, Kind::HttpStatus);
    QCOMPARE(error.httpStatus, status);
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(source.readyState(), State::Closed);
    QCOMPARE(rec.states, (QList<State>{State::Connecting, State::Closed}));
    QVERIFY(rec.indexOf(u"state:Closed"_s) < rec.indexOf(u"error:HttpStatus:fatal"_s));
    // The refused response is reported for diagnostics, with its headers.
    QCOMPARE(rec.responses.size(), 1);
    QCOMPARE(rec.responses.first().status, status);
    QCOMPARE(rec.responses.first().connection, 1);

    QTRY_COMPARE(server.openConnections(), 0);
    QVERIFY(!source.isConnectionScheduled());
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(rec.errors.size(), 1);
    QCOMPARE(rec.openedCount, 0);
    QVERIFY(rec.events.isEmpty());
    QVERIFY(rec.schedules.isEmpty());
}

void tst_EventSource::response_wrongContentTypeIsFatal_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addRow("text/plain") << "text/plain"_ba;
    QTest::addRow("missing") << QByteArray();
    QTest::addRow("text/event-streamx") << "text/event-streamx"_ba;
    QTest::addRow("application/json") << "application/json"_ba;
    QTest::addRow("text/html with charset") << "text/html; charset=utf-8"_ba;
}

void tst_EventSource::response_wrongContentTypeIsFatal()
{
    QFETCH(QByteArray, contentType);
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, [contentType](Connection *connection) {
        TestSupport::HeaderList headers;
        if (!contentType.isEmpty())
            headers.append({"Content-Type"_ba, contentType});
        connection->writeHead(200, headers);
        connection->write("data: must not arrive\n\n"_ba);
    });
    EventSource source(server.url(u"/s"_s), fastOptions());
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.errors.size(), 1);
    const SourceError error = rec.errors.first();
    QVERIFY(error.fatal);
    QCOMPARE(error.kind, Kind::ContentType);
    QCOMPARE(error.httpStatus, 200); // a response was received
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(source.readyState(), State::Closed);
    QCOMPARE(rec.states, (QList<State>{State::Connecting, State::Closed}));
    QVERIFY(rec.indexOf(u"state:Closed"_s) < rec.indexOf(u"error:ContentType:fatal"_s));
    QCOMPARE(rec.responses.size(), 1);
    QCOMPARE(rec.responses.first().status, 200);
    QCOMPARE(rec.responses.first().header("Content-Type"), contentType);

    QTRY_COMPARE(server.openConnections(), 0);
    QVERIFY(!source.isConnectionScheduled());
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(rec.openedCount, 0);
    QVERIFY(rec.events.isEmpty());
    QVERIFY(rec.schedules.isEmpty());
}

void tst_EventSource::redirect_isFollowedAndSetsOrigin_data()
{
    QTest::addColumn<int>("status");
    for (int status : {301, 302, 307, 308})
        QTest::addRow("%d", status) << status;
}

void tst_EventSource::redirect_isFollowedAndSetsOrigin()
{
    QFETCH(int, status);
    TestServer first;
    TestServer second;
    QVERIFY(first.listen());
    QVERIFY(second.listen());
    QVERIFY(first.port() != second.port());
    const QUrl target = second.url(u"/stream"_s);
    first.route("/start"_ba, Handlers::redirect(status, target.toEncoded()));
    second.route("/stream"_ba, Handlers::sseHold("data: moved\n\n"_ba));
    EventSource source(first.url(u"/start"_s), fastOptions());
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.events.size(), 1);
    QCOMPARE(source.readyState(), State::Open);
    QCOMPARE(rec.events.first().origin, second.origin());
    QVERIFY(rec.events.first().origin != first.origin());
    QCOMPARE(source.origin(), second.origin());
    QTRY_COMPARE(rec.responses.size(), 1); // the 3xx is not the final response
    QCOMPARE(rec.responses.last().status, 200);
    QCOMPARE(rec.responses.last().finalUrl, target);
    QCOMPARE(first.requestCount("/start"_ba), 1);
    QCOMPARE(second.requestCount("/stream"_ba), 1);
    const TestSupport::Request request = second.lastRequest("/stream"_ba);
    QCOMPARE(request.header("Accept"), "text/event-stream"_ba);
    QCOMPARE(request.header("Accept-Encoding"), "identity"_ba);
    QVERIFY(rec.errors.isEmpty());
}

void tst_EventSource::redirect_limit_data()
{
    QTest::addColumn<int>("maxRedirects");
    QTest::addColumn<int>("hops"); // -1: a redirect loop
    QTest::addColumn<bool>("opens");
    QTest::addRow("2 hops, limit 2") << 2 << 2 << true;
    QTest::addRow("3 hops, limit 2") << 2 << 3 << false;
    QTest::addRow("1 hop, limit 0") << 0 << 1 << false;
    QTest::addRow("loop, default limit") << Sse::SourceOptions().maxRedirects << -1 << false;
}

void tst_EventSource::redirect_limit()
{
    QFETCH(int, maxRedirects);
    QFETCH(int, hops);
    QFETCH(bool, opens);
    TestServer server;
    QVERIFY(server.listen());
    server.route("/stream"_ba, Handlers::sseHold("data: end\n\n"_ba));
    QUrl start;
    if (hops < 0) {
        server.route("/loop"_ba, Handlers::redirect(302, "/loop"_ba));
        start = server.url(u"/loop"_s);
    } else {
        for (int i = 1; i <= hops; ++i) {
            const QByteArray next = i == hops ? "/stream"_ba : "/r"_ba + QByteArray::number(i + 1);
            server.route("/r"_ba + QByteArray::number(i), Handlers::redirect(302, next));
        }
        start = server.url(u"/r1"_s);
    }
    Sse::SourceOptions options = fastOptions();
    options.maxRedirects = maxRedirects;
    EventSource source(start, options);
    Recorder rec(&source);

    source.open();
    if (opens) {
        QTRY_COMPARE(rec.events.size(), 1);
        QCOMPARE(source.readyState(), State::Open);
        QVERIFY(rec.errors.isEmpty());
        return;
    }
    QTRY_COMPARE(rec.errors.size(), 1);
    QVERIFY(rec.errors.first().fatal);
    QCOMPARE(rec.errors.first().kind, Kind::TooManyRedirects);
    QVERIFY(!rec.errors.first().message.isEmpty());
    QCOMPARE(source.readyState(), State::Closed);
    QCOMPARE(rec.states, (QList<State>{State::Connecting, State::Closed}));
    QCOMPARE(server.requestCount("/stream"_ba), 0);
    const int seen = server.requestCount();
    QVERIFY(!source.isConnectionScheduled());
    if (hops < 0)
        QVERIFY2(seen <= maxRedirects + 2, QByteArray::number(seen).constData());
}

void tst_EventSource::streamEnd_reconnectsWithLastEventId()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, [](Connection *connection) {
        connection->writeSseHead();
        if (connection->request().number == 1) {
            connection->write("id: 1\ndata: a\n\n"_ba);
            connection->close();
        } else {
            connection->write("data: b\n\n"_ba);
        }
    });
    EventSource source(server.url(u"/s"_s), fastOptions(150ms));
    Recorder rec(&source, &server);

    source.open();
    QTRY_COMPARE(rec.events.size(), 2);
    QCOMPARE(rec.states,
            (QList<State>{State::Connecting, State::Open, State::Connecting, State::Open}));
    QCOMPARE(rec.errors.size(), 1);
    QVERIFY(!rec.errors.first().fatal);
    QCOMPARE(rec.errors.first().kind, Kind::StreamEnded);
    QVERIFY(!rec.errors.first().message.isEmpty());
    QCOMPARE(rec.schedules.size(), 1);
    QCOMPARE(rec.schedules.first().delay, 150);
    QCOMPARE(rec.schedules.first().reason, Reason::ReconnectionTime);

    // readyState Connecting, then the error, then the schedule, all after the first event.
    const qsizetype first = rec.indexOf(u"event:message:a"_s);
    const qsizetype connecting = rec.indexOf(u"state:Connecting"_s, first);
    const qsizetype error = rec.indexOf(u"error:StreamEnded:transient"_s);
    const qsizetype scheduled = rec.indexOf(u"scheduled:150:ReconnectionTime"_s);
    QVERIFY(first >= 0 && first < connecting);
    QVERIFY(connecting < error);
    QVERIFY(error < scheduled);
    QVERIFY(scheduled < rec.indexOf(u"started:2:1"_s));

    QCOMPARE(rec.starts, (StartList{{1, QByteArray()}, {2, "1"_ba}}));
    QCOMPARE(server.requests().at(1).header("Last-Event-ID"), "1"_ba);
    QCOMPARE(rec.requestTimes.size(), 2);
    const qint64 waited = rec.requestTimes.at(1) - rec.schedules.first().at;
    QVERIFY2(waited >= atLeast(150), QByteArray::number(waited).constData());
    QVERIFY2(rec.requestTimes.at(1) - rec.requestTimes.at(0) >= atLeast(150),
            QByteArray::number(rec.requestTimes.at(1) - rec.requestTimes.at(0)).constData());

    QCOMPARE(rec.events.at(0).connection, 1);
    QCOMPARE(rec.events.at(1).connection, 2);
    QCOMPARE(rec.events.at(1).lastEventId, "1"_ba);
    QCOMPARE(source.connectionCount(), 2);
    QCOMPARE(source.reconnectCount(), 1);
}

void tst_EventSource::streamEnd_discardsIncompleteEvent_data()
{
    QTest::addColumn<QByteArray>("ending");
    QTest::addColumn<bool>("reported");
    QTest::addRow("data line, no blank line") << "data: partial\n"_ba << true;
    QTest::addRow("data line cut short") << "data: part"_ba << true;
    QTest::addRow("comment cut short") << ": keep-al"_ba << false;
    QTest::addRow("type without data") << "event: t\n"_ba << false;
    QTest::addRow("nothing after the blank line") << QByteArray() << false;
}

// The event is discarded, as the standard says, and said to be: UnfinishedEvent comes before
// the error that ends the connection, and only when an event with data was cut off.
void tst_EventSource::streamEnd_discardsIncompleteEvent()
{
    QFETCH(QByteArray, ending);
    QFETCH(bool, reported);
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, [ending](Connection *connection) {
        connection->writeSseHead();
        if (connection->request().number == 1) {
            connection->write("data: a\n\n"_ba + ending);
            connection->close();
        } else {
            connection->write("data: c\n\n"_ba);
        }
    });
    EventSource source(server.url(u"/s"_s), fastOptions(50ms));
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.events.size(), 2);
    QCOMPARE(rec.eventData(), (QByteArrayList{"a"_ba, "c"_ba}));
    const QString dropped =
            u"dropped:"_s + QString::number(int(Sse::ParseError::Kind::UnfinishedEvent));
    QCOMPARE(rec.log.count(dropped), reported ? 1 : 0);
    if (reported) {
        const qsizetype ended = rec.log.indexOf(u"error:StreamEnded:transient"_s);
        QVERIFY(ended > rec.log.indexOf(dropped));
        QVERIFY(rec.parseErrors.first().message().contains(u"blank line"_s));
    }
}

void tst_EventSource::keepRawLines_fillsEventRaw()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, [](Connection *connection) {
        connection->writeSseHead();
        connection->write(": hi\r\nid: 4\r\ndata: a\r\n\r\n"_ba);
    });
    for (const bool keep : {false, true}) {
        Sse::SourceOptions options = fastOptions(50ms);
        options.keepRawLines = keep;
        EventSource source(server.url(u"/s"_s), options);
        Recorder rec(&source);
        source.open();
        QTRY_COMPARE(rec.events.size(), 1);
        // As sent: the server ends its lines with CR LF.
        QCOMPARE(rec.events.first().raw,
                keep ? ": hi\r\nid: 4\r\ndata: a\r\n\r\n"_ba : QByteArray());
    }
}

void tst_EventSource::streamEnd_anyFramingReconnects_data()
{
    QTest::addColumn<QString>("ending");
    QTest::addRow("chunked, terminated") << u"chunked-end"_s;
    QTest::addRow("chunked, cut off without the last chunk") << u"chunked-cut"_s;
    QTest::addRow("raw, reset by the server") << u"raw-reset"_s;
    QTest::addRow("content-length, complete") << u"length"_s;
}

void tst_EventSource::streamEnd_anyFramingReconnects()
{
    QFETCH(QString, ending);
    TestServer server;
    QVERIFY(server.listen());
    const QByteArray events = "id: 5\ndata: a\n\ndata: b\n\n"_ba;
    server.route("/s"_ba, [ending, events](Connection *connection) {
        if (connection->request().number > 1 && connection->request().hasHeader("Last-Event-ID")) {
            connection->writeSseHead();
            connection->write("data: again\n\n"_ba);
            return;
        }
        if (ending == u"length"_s) {
            connection->respond(200, "text/event-stream"_ba, events);
        } else if (ending == u"raw-reset"_s) {
            connection->writeSseHead();
            connection->write(events);
        } else {
            connection->writeChunkedSseHead();
            connection->writeChunk(events);
            if (ending == u"chunked-end"_s)
                connection->endChunks();
            connection->close();
        }
    });
    EventSource source(server.url(u"/s"_s), fastOptions(50ms));
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.events.size(), 2);
    if (ending == u"raw-reset"_s) {
        // Reset only once the client has the events: a reset loses unsent bytes.
        QCOMPARE(server.abortAll(), 1);
    }
    QTRY_COMPARE(rec.events.size(), 3);
    QCOMPARE(rec.eventData(), (QByteArrayList{"a"_ba, "b"_ba, "again"_ba}));
    QCOMPARE(rec.errors.size(), 1);
    const SourceError error = rec.errors.first();
    QVERIFY(!error.fatal);
    QVERIFY2(error.kind == Kind::StreamEnded || error.kind == Kind::Network,
            qPrintable(enumKey(error.kind)));
    if (ending == u"chunked-end"_s || ending == u"length"_s)
        QCOMPARE(error.kind, Kind::StreamEnded);
    QCOMPARE(rec.schedules.size(), 1);
    QCOMPARE(rec.schedules.first().delay, 50);
    QCOMPARE(rec.starts.last(), (QPair<int, QByteArray>(2, "5"_ba)));
    QCOMPARE(source.readyState(), State::Open);
}

void tst_EventSource::connectionRefused_isTransientAndRetries()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    EventSource source(QUrl(u"http://127.0.0.1:%1/s"_s.arg(port)), fastOptions(100ms));
    Recorder rec(&source);

    source.open();
    QTRY_VERIFY(rec.errors.size() >= 3);
    QCOMPARE(source.readyState(), State::Connecting);
    QCOMPARE(rec.states, QList<State>{State::Connecting});
    for (const SourceError &error : std::as_const(rec.errors)) {
        QVERIFY(!error.fatal);
        QCOMPARE(error.kind, Kind::Network);
        QCOMPARE(error.httpStatus, std::nullopt);
        QVERIFY(!error.message.isEmpty());
    }
    QVERIFY(rec.schedules.size() >= 2);
    for (const Recorder::Schedule &schedule : std::as_const(rec.schedules)) {
        QCOMPARE(schedule.delay, 100); // no backoff by default
        QCOMPARE(schedule.reason, Reason::ReconnectionTime);
    }
    QVERIFY(rec.starts.size() >= 3);
    QCOMPARE(rec.openedCount, 0);

    source.close();
    QCOMPARE(source.readyState(), State::Closed);
    QCOMPARE(rec.states.last(), State::Closed);
}

void tst_EventSource::retry_changesReconnectionTime()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, [](Connection *connection) {
        connection->writeSseHead();
        if (connection->request().number == 1) {
            connection->write("retry: 400\ndata: a\n\n"_ba);
            connection->close();
        }
    });
    EventSource source(server.url(u"/s"_s), fastOptions(100ms));
    Recorder rec(&source, &server);

    source.open();
    QTRY_COMPARE(rec.retryChanges, QList<qint64>{400});
    QCOMPARE(source.reconnectionTime(), 400ms);
    QTRY_COMPARE(rec.schedules.size(), 1);
    QCOMPARE(rec.schedules.first().delay, 400);
    QCOMPARE(rec.schedules.first().reason, Reason::ReconnectionTime);
    QTRY_COMPARE(server.requestCount(), 2);
    const qint64 waited = rec.requestTimes.at(1) - rec.schedules.first().at;
    QVERIFY2(waited >= atLeast(400), QByteArray::number(waited).constData());
    QVERIFY2(waited < 400 + 4000, QByteArray::number(waited).constData());
    QTRY_COMPARE(source.readyState(), State::Open);
}

void tst_EventSource::retry_ignoresInvalidValues()
{
    TestServer server;
    QVERIFY(server.listen());
    // Only ASCII digits count; the same value as now is no change.
    server.route("/s"_ba,
            Handlers::sseHold("retry: 1.5\nretry: abc\nretry: -5\nretry: 12 \nretry: 0x10\n"
                              "retry: 100\ndata: a\n\n"_ba));
    EventSource source(server.url(u"/s"_s), fastOptions(100ms));
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.events.size(), 1);
    QCOMPARE(source.reconnectionTime(), 100ms);
    QVERIFY2(rec.retryChanges.isEmpty(), "reconnectionTimeChanged only on a real change");
    QCOMPARE(server.closeConnections("/s"_ba), 1);
    QTRY_COMPARE(rec.schedules.size(), 1);
    QCOMPARE(rec.schedules.first().delay, 100);
}

void tst_EventSource::lastEventId_persistsAndEmptyIdResets()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, [](Connection *connection) {
        connection->writeSseHead();
        switch (connection->request().number) {
        case 1:
            connection->write("id: 7\ndata: a\n\n"_ba);
            break;
        case 2:
            connection->write("data: b\n\n"_ba); // no id: the last one stays
            break;
        case 3:
            connection->write("id:\ndata: c\n\n"_ba); // an empty id resets it
            break;
        default:
            connection->write("data: d\n\n"_ba);
            return; // stays open
        }
        connection->close();
    });
    EventSource source(server.url(u"/s"_s), fastOptions(50ms));
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.events.size(), 4);
    QCOMPARE(rec.eventData(), (QByteArrayList{"a"_ba, "b"_ba, "c"_ba, "d"_ba}));
    QCOMPARE(rec.events.at(0).lastEventId, "7"_ba);
    QCOMPARE(rec.events.at(1).lastEventId, "7"_ba);
    QCOMPARE(rec.events.at(2).lastEventId, QByteArray());
    QCOMPARE(rec.events.at(3).lastEventId, QByteArray());
    // Whether the event's own lines set the id: "b" only carries 7 over.
    QCOMPARE((QList<bool>{rec.events.at(0).hasIdField, rec.events.at(1).hasIdField,
                     rec.events.at(2).hasIdField, rec.events.at(3).hasIdField}),
            (QList<bool>{true, false, true, false}));

    const QList<TestSupport::Request> requests = server.requests();
    QCOMPARE(requests.size(), 4);
    QVERIFY(!requests.at(0).hasHeader("Last-Event-ID"));
    QCOMPARE(requests.at(1).header("Last-Event-ID"), "7"_ba);
    QCOMPARE(requests.at(2).header("Last-Event-ID"), "7"_ba);
    QVERIFY2(!requests.at(3).hasHeader("Last-Event-ID"), "an empty id means no header");
    QCOMPARE(rec.starts,
            (StartList{{1, QByteArray()}, {2, "7"_ba}, {3, "7"_ba}, {4, QByteArray()}}));
    QCOMPARE(rec.idChanges, (QByteArrayList{"7"_ba, QByteArray()}));
    QCOMPARE(source.lastEventId(), QByteArray());
}

void tst_EventSource::close_stopsWithoutError()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, Handlers::sseHold("data: a\n\n"_ba));
    EventSource source(server.url(u"/s"_s), fastOptions());
    Recorder rec(&source);
    QSignalSpy requests(&server, &TestServer::requestReceived);

    source.open();
    QTRY_COMPARE(rec.events.size(), 1);
    QCOMPARE(server.openConnections(), 1);
    source.close();
    QCOMPARE(source.readyState(), State::Closed);
    QCOMPARE(rec.states, (QList<State>{State::Connecting, State::Open, State::Closed}));
    QTRY_COMPARE(server.openConnections(), 0);
    QVERIFY(!source.isConnectionScheduled());
    QCOMPARE(requests.size(), 1);
    QCOMPARE(server.requestCount(), 1);
    QVERIFY(rec.errors.isEmpty());
    QVERIFY(rec.schedules.isEmpty());

    source.close(); // a second close is harmless and changes nothing
    QCOMPARE(rec.states.size(), 3);
}

void tst_EventSource::close_cancelsPendingReconnect()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, Handlers::sseBody("data: a\n\n"_ba));
    EventSource source(server.url(u"/s"_s), fastOptions(200ms));
    Recorder rec(&source);
    QSignalSpy requests(&server, &TestServer::requestReceived);

    source.open();
    QTRY_COMPARE(rec.schedules.size(), 1);
    QCOMPARE(source.readyState(), State::Connecting);
    QVERIFY(source.isConnectionScheduled());
    const qsizetype errorsBefore = rec.errors.size();
    source.close();
    QCOMPARE(source.readyState(), State::Closed);
    QVERIFY(!source.isConnectionScheduled());
    QCOMPARE(requests.size(), 1);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(rec.errors.size(), errorsBefore);
    QCOMPARE(rec.starts.size(), 1);
    QCOMPARE(rec.states.last(), State::Closed);
}

void tst_EventSource::isConnectionScheduled_whileATimerWaits()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, Handlers::sseHold("data: a\n\n"_ba));
    EventSource source(server.url(u"/s"_s), fastOptions(5000ms));
    Recorder rec(&source);
    QVERIFY(!source.isConnectionScheduled());

    source.open(); // the first request starts from the event loop
    QVERIFY(source.isConnectionScheduled());
    QTRY_COMPARE(source.readyState(), State::Open);
    QVERIFY(!source.isConnectionScheduled());

    QCOMPARE(server.closeConnections("/s"_ba), 1); // the stream ends: a reconnect waits
    QTRY_COMPARE(rec.schedules.size(), 1);
    QVERIFY(source.isConnectionScheduled());
    source.close();
    QVERIFY(!source.isConnectionScheduled());
    QCOMPARE(rec.starts.size(), 1);
}

void tst_EventSource::close_insideEventHandlerDropsRest()
{
    TestServer server;
    QVERIFY(server.listen());
    // All three events in one write: the standard dispatches nothing once the source is closed.
    server.route("/s"_ba, Handlers::sseHold("data: 1\n\ndata: 2\n\ndata: 3\n\n"_ba));
    EventSource source(server.url(u"/s"_s), fastOptions());
    Recorder rec(&source);
    QObject context;
    connect(&source, &EventSource::eventReceived, &context,
            [&source](const Sse::Event &) { source.close(); });
    QSignalSpy events(&source, &EventSource::eventReceived);

    source.open();
    QVERIFY(events.wait());
    // The three events came in one chunk, parsed before the wait returned; closed, the source
    // has no reply left to read more from and nothing to reconnect.
    QCOMPARE(events.size(), 1);
    QCOMPARE(rec.eventData(), QByteArrayList{"1"_ba});
    QCOMPARE(source.readyState(), State::Closed);
    QVERIFY(!source.isConnectionScheduled());
    QVERIFY(rec.errors.isEmpty());
    QTRY_COMPARE(server.openConnections(), 0);
}

void tst_EventSource::open_afterCloseConnectsAgain()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, [](Connection *connection) {
        connection->writeSseHead();
        connection->write("data: n" + QByteArray::number(connection->request().number) + "\n\n");
    });
    EventSource source(server.url(u"/s"_s), fastOptions());
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.events.size(), 1);
    source.close();
    QTRY_COMPARE(server.openConnections(), 0);
    source.open();
    QCOMPARE(source.readyState(), State::Connecting);
    QTRY_COMPARE(rec.events.size(), 2);
    QCOMPARE(source.readyState(), State::Open);
    QCOMPARE(rec.eventData(), (QByteArrayList{"n1"_ba, "n2"_ba}));
    QCOMPARE(rec.states,
            (QList<State>{State::Connecting, State::Open, State::Closed, State::Connecting,
                    State::Open}));
    QCOMPARE(rec.openedCount, 2);
    QCOMPARE(rec.starts.size(), 2);
    QCOMPARE(rec.starts.at(1).first, 2);
    QCOMPARE(rec.events.at(1).connection, 2);
    QCOMPARE(server.openConnections(), 1);
    QVERIFY(rec.errors.isEmpty());
}

void tst_EventSource::destroy_closesConnection()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/open"_ba, Handlers::sseHold("data: a\n\n"_ba));
    server.route("/ends"_ba, Handlers::sseBody("data: a\n\n"_ba));

    {
        auto source = std::make_unique<EventSource>(server.url(u"/open"_s), fastOptions());
        QSignalSpy opened(source.get(), &EventSource::opened);
        source->open();
        QVERIFY(opened.wait());
    }
    QTRY_COMPARE(server.openConnections(), 0);

    // Destroyed while a reconnect is pending: the timer must die with it.
    {
        auto source = std::make_unique<EventSource>(server.url(u"/ends"_s), fastOptions(800ms));
        QSignalSpy scheduled(source.get(), &EventSource::reconnectScheduled);
        source->open();
        QVERIFY(scheduled.wait());
        QVERIFY(source->isConnectionScheduled());
        // Qt 6.4's QNAM may re-send a GET whose response ended by connection close, on its own
        // (no connectionStarted): let that settle well within the reconnection time.
        letTimePass(200ms);
        QCOMPARE(scheduled.size(), 1);
    }
    const int ends = server.requestCount("/ends"_ba);
    QVERIFY(ends == 1 || ends == 2);
    letTimePass(1200ms); // well past the 800 ms reconnection time of the destroyed source
    QCOMPARE(server.requestCount("/ends"_ba), ends);
    QCOMPARE(server.requestCount("/open"_ba), 1);
}

void tst_EventSource::events_deliveredWithFields()
{
    TestServer server;
    QVERIFY(server.listen());
    const QByteArray body = ": a comment\n"
                            "data: hello\n\n"
                            "event: test-event\nid: 42\ndata: line1\ndata: line2\n\n"
                            "event: other\ndata: o\n\n"
                            "event: message\ndata: explicit\n\n"
                            "event: test-event\ndata: second\n\n"
                            "event: empty\n\n" // no data: nothing is dispatched
                            "data\n\n" // one empty data line: an empty message
                            "data: plain\n\n"_ba; // the event type does not carry over
    server.route("/s"_ba, Handlers::sseHold(body));
    EventSource source(server.url(u"/s"_s), fastOptions());
    Recorder rec(&source);

    QObject context;
    QList<Sse::Event> heard;
    const QMetaObject::Connection listener = source.addEventListener(
            "test-event"_ba, &context, [&heard](const Sse::Event &event) { heard.append(event); });
    int otherHeard = 0;
    auto *shortLived = new QObject;
    source.addEventListener(
            "other"_ba, shortLived, [&otherHeard](const Sse::Event &) { ++otherHeard; });

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    source.open();
    QTRY_COMPARE(rec.events.size(), 7);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();

    const QByteArrayList types{"message"_ba, "test-event"_ba, "other"_ba, "message"_ba,
            "test-event"_ba, "message"_ba, "message"_ba};
    const QByteArrayList data{"hello"_ba, "line1\nline2"_ba, "o"_ba, "explicit"_ba, "second"_ba,
            QByteArray(), "plain"_ba};
    const QByteArrayList ids{QByteArray(), "42"_ba, "42"_ba, "42"_ba, "42"_ba, "42"_ba, "42"_ba};
    for (qsizetype i = 0; i < rec.events.size(); ++i) {
        const Sse::Event &event = rec.events.at(i);
        QCOMPARE(event.type, types.at(i));
        QCOMPARE(event.data, data.at(i));
        QCOMPARE(event.lastEventId, ids.at(i));
        QCOMPARE(event.origin, server.origin());
        QCOMPARE(event.connection, 1);
        QVERIFY(event.receivedMs > 0);
        QVERIFY2(event.receivedMs >= before - 1000 && event.receivedMs <= after + 1000,
                QByteArray::number(event.receivedMs).constData());
    }
    QCOMPARE(rec.messages.size(), 4);
    QCOMPARE(rec.messages.at(0).data, "hello"_ba);
    QCOMPARE(rec.messages.at(1).data, "explicit"_ba);
    QCOMPARE(rec.messages.at(2).data, QByteArray());
    QCOMPARE(rec.messages.at(3).data, "plain"_ba);
    QCOMPARE(rec.comments, QStringList{u"a comment"_s});
    QCOMPARE(heard.size(), 2);
    QCOMPARE(heard.at(0).data, "line1\nline2"_ba);
    QCOMPARE(heard.at(0).lastEventId, "42"_ba);
    QCOMPARE(heard.at(1).data, "second"_ba);
    QCOMPARE(otherHeard, 1);
    QTRY_COMPARE(rec.bytes, qint64(body.size()));
    QCOMPARE(source.lastEventId(), "42"_ba);

    // A listener goes away with its context or when its connection is disconnected.
    delete shortLived;
    QVERIFY(QObject::disconnect(listener));
    server.broadcast("/s"_ba, "event: other\ndata: o2\n\nevent: test-event\ndata: third\n\n"_ba);
    QTRY_COMPARE(rec.events.size(), 9);
    QCOMPARE(otherHeard, 1);
    QCOMPARE(heard.size(), 2);
}

void tst_EventSource::comments_carryBytesTimeAndConnection()
{
    // Two- to four-byte UTF-8 sequences: the text arrives as the bytes that were sent.
    const QByteArray first = "caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80"_ba;
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, [&first](Connection *connection) {
        connection->writeSseHead();
        if (connection->request().number == 1) {
            connection->write(": " + first + "\n"_ba);
            connection->close();
        } else {
            connection->write(":second\n"_ba);
        }
    });
    EventSource source(server.url(u"/s"_s), fastOptions(50ms));
    QSignalSpy comments(&source, &EventSource::commentReceived);

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    source.open();
    QTRY_COMPARE(comments.size(), 2);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();

    const auto one = comments.at(0).at(0).value<Sse::Comment>();
    const auto two = comments.at(1).at(0).value<Sse::Comment>();
    QCOMPARE(one.data, first);
    QCOMPARE(one.dataText(), u"caf\u00e9 \u2713 \U0001F600"_s);
    QCOMPARE(one.connection, 1);
    QCOMPARE(two.data, "second"_ba);
    QCOMPARE(two.connection, 2);
    for (const Sse::Comment &comment : {one, two}) {
        QVERIFY2(comment.receivedMs >= before && comment.receivedMs <= after,
                QByteArray::number(comment.receivedMs).constData());
    }
    QVERIFY(one.receivedMs <= two.receivedMs);
}

void tst_EventSource::readTimeout_reconnectsSilentStream_data()
{
    QTest::addColumn<bool>("sendHeaders");
    QTest::addRow("silent after the headers") << true;
    QTest::addRow("no response at all") << false;
}

void tst_EventSource::readTimeout_reconnectsSilentStream()
{
    QFETCH(bool, sendHeaders);
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, [sendHeaders](Connection *connection) {
        if (sendHeaders || connection->request().number > 1)
            connection->writeSseHead();
    });
    Sse::SourceOptions options = fastOptions(100ms);
    options.readTimeout = 300ms;
    EventSource source(server.url(u"/s"_s), options);
    Recorder rec(&source, &server);

    source.open();
    QTRY_COMPARE(rec.errors.size(), 1);
    const SourceError error = rec.errors.first();
    QVERIFY(!error.fatal);
    QCOMPARE(error.kind, Kind::ReadTimeout);
    QVERIFY(!error.message.isEmpty());
    const qint64 errorAt = rec.timeOf(u"error:ReadTimeout:transient"_s);
    QVERIFY2(errorAt - rec.requestTimes.first() >= atLeast(300),
            QByteArray::number(errorAt - rec.requestTimes.first()).constData());
    QCOMPARE(source.readyState(), State::Connecting);
    QCOMPARE(rec.states.last(), State::Connecting);
    QCOMPARE(rec.states.count(State::Closed), 0);
    QTRY_COMPARE(rec.schedules.size(), 1);
    QCOMPARE(rec.schedules.first().delay, 100);
    QTRY_COMPARE(server.requestCount(), 2);
    QTRY_COMPARE(source.readyState(), State::Open);
    // The timed-out connection was dropped by the client.
    QTRY_COMPARE(server.openConnections(), 1);
    source.close();
}

void tst_EventSource::readTimeout_heartbeatKeepsStreamOpen()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, Handlers::sseHold("data: a\n\n"_ba));
    Sse::SourceOptions options = fastOptions(100ms);
    options.readTimeout = 400ms;
    EventSource source(server.url(u"/s"_s), options);
    Recorder rec(&source);
    QSignalSpy errors(&source, &EventSource::errorOccurred);

    QTimer heartbeat;
    heartbeat.setInterval(100);
    connect(&heartbeat, &QTimer::timeout, &server,
            [&server] { server.broadcast("/s"_ba, ": hb\n"_ba); });

    source.open();
    QTRY_COMPARE(rec.events.size(), 1);
    heartbeat.start();
    letTimePass(1300ms); // over three read timeouts
    QVERIFY(errors.isEmpty());
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(source.readyState(), State::Open);
    QVERIFY2(rec.comments.size() >= 5, QByteArray::number(rec.comments.size()).constData());
    QCOMPARE(rec.comments.first(), u"hb"_s);

    heartbeat.stop();
    QVERIFY(errors.wait(3000));
    QCOMPARE(rec.errors.first().kind, Kind::ReadTimeout);
    QVERIFY(!rec.errors.first().fatal);
    source.close();
}

void tst_EventSource::backoff_growsCapsAndResetsWhenHealthy()
{
    TestServer server;
    QVERIFY(server.listen());
    enum class Mode {
        Fail,
        Quick,
        Hold
    };
    Mode mode = Mode::Fail;
    server.route("/s"_ba, [&mode](Connection *connection) {
        switch (mode) {
        case Mode::Fail: // reset before any response: a network error
            connection->abort();
            break;
        case Mode::Quick: // opens, but ends long before healthyAfter
            connection->writeSseHead();
            connection->write("data: q\n\n"_ba);
            connection->close();
            break;
        case Mode::Hold:
            connection->writeSseHead();
            connection->write("data: h\n\n"_ba);
            break;
        }
    });
    Sse::SourceOptions options = fastOptions(50ms);
    options.policy.backoff = true;
    options.policy.backoffFactor = 2.0;
    options.policy.backoffCap = 300ms;
    options.policy.jitter = 0.0;
    options.policy.healthyAfter = 250ms;
    EventSource source(server.url(u"/s"_s), options);
    Recorder rec(&source);
    QObject context;
    // Switch what the server does by how many reconnects were scheduled (rec sees them first).
    connect(&source, &EventSource::reconnectScheduled, &context, [&rec, &mode] {
        if (rec.schedules.size() == 4)
            mode = Mode::Quick;
        else if (rec.schedules.size() == 5)
            mode = Mode::Hold;
    });
    QSignalSpy errors(&source, &EventSource::errorOccurred);

    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(rec.schedules.size(), 5, 10000);
    // 50 * 2^(n-1), capped at 300: 50, 100, 200, 300 (not 400); the quick stream does not
    // count as healthy, so the next one is capped too.
    const QList<qint64> expected{50, 100, 200, 300, 300};
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(rec.schedules.at(i).delay, expected.at(i));
        if (i == 0) {
            QVERIFY(rec.schedules.at(i).reason == Reason::Backoff
                    || rec.schedules.at(i).reason == Reason::ReconnectionTime);
        } else {
            QCOMPARE(rec.schedules.at(i).reason, Reason::Backoff);
        }
    }
    for (const SourceError &error : std::as_const(rec.errors))
        QVERIFY(!error.fatal);

    // The held stream stays open longer than healthyAfter: the count restarts.
    QTRY_COMPARE(rec.openedCount, 2);
    errors.clear();
    letTimePass(options.policy.healthyAfter * 2);
    QVERIFY(errors.isEmpty());
    QCOMPARE(server.closeConnections("/s"_ba), 1);
    QTRY_COMPARE(rec.schedules.size(), 6);
    QCOMPARE(rec.schedules.at(5).delay, 50);
    source.close();
}

void tst_EventSource::maxAttempts_givesUp()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    Sse::SourceOptions options = fastOptions(50ms);
    options.policy.maxAttempts = 3;
    EventSource source(QUrl(u"http://127.0.0.1:%1/s"_s.arg(port)), options);
    Recorder rec(&source);
    QSignalSpy started(&source, &EventSource::connectionStarted);

    source.open();
    QTRY_COMPARE(rec.errors.size(), 3);
    QVERIFY(!rec.errors.at(0).fatal);
    QCOMPARE(rec.errors.at(0).kind, Kind::Network);
    QVERIFY(!rec.errors.at(1).fatal);
    QCOMPARE(rec.errors.at(1).kind, Kind::Network);
    QVERIFY(rec.errors.at(2).fatal);
    QCOMPARE(rec.errors.at(2).kind, Kind::GaveUp);
    QVERIFY(!rec.errors.at(2).message.isEmpty());
    QCOMPARE(source.readyState(), State::Closed);
    QCOMPARE(rec.states, (QList<State>{State::Connecting, State::Closed}));
    QVERIFY(rec.indexOf(u"state:Closed"_s) < rec.indexOf(u"error:GaveUp:fatal"_s));
    QCOMPARE(rec.schedules.size(), 2);
    QVERIFY(!source.isConnectionScheduled());
    QCOMPARE(started.size(), 3);
    QCOMPARE(rec.starts.size(), 3);
    QCOMPARE(rec.errors.size(), 3);
}

void tst_EventSource::manualReinit_restartsFresh_data()
{
    QTest::addColumn<QByteArray>("initialId");
    QTest::addRow("no initial id") << QByteArray();
    QTest::addRow("initial id") << "init"_ba;
}

void tst_EventSource::manualReinit_restartsFresh()
{
    QFETCH(QByteArray, initialId);
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, [](Connection *connection) {
        switch (connection->request().number) {
        case 1:
            connection->writeSseHead();
            connection->write("retry: 150\nid: 5\ndata: a\n\n"_ba);
            connection->close();
            break;
        case 2:
            connection->respond(503, "text/plain"_ba, "busy\n"_ba);
            break;
        default:
            connection->writeSseHead();
            connection->write("data: fresh\n\n"_ba);
            break;
        }
    });
    Sse::SourceOptions options = fastOptions(100ms);
    options.initialLastEventId = initialId;
    options.policy.manualReinit = true;
    options.policy.reinitDelay = 250ms;
    EventSource source(server.url(u"/s"_s), options);
    Recorder rec(&source, &server);

    source.open();
    QTRY_COMPARE(rec.events.size(), 2);
    QCOMPARE(rec.eventData(), (QByteArrayList{"a"_ba, "fresh"_ba}));
    QCOMPARE(source.readyState(), State::Open);

    QCOMPARE(rec.errors.size(), 2);
    QCOMPARE(rec.errors.at(0).kind, Kind::StreamEnded);
    QVERIFY(!rec.errors.at(0).fatal);
    QCOMPARE(rec.errors.at(1).kind, Kind::HttpStatus);
    QCOMPARE(rec.errors.at(1).httpStatus, 503);
    QVERIFY(rec.errors.at(1).fatal);

    QCOMPARE(rec.schedules.size(), 2);
    QCOMPARE(rec.schedules.at(0).delay, 150);
    QCOMPARE(rec.schedules.at(0).reason, Reason::ReconnectionTime);
    QCOMPARE(rec.schedules.at(1).delay, 250);
    QCOMPARE(rec.schedules.at(1).reason, Reason::ManualReinit);
    QCOMPARE(rec.states,
            (QList<State>{State::Connecting, State::Open, State::Connecting, State::Closed,
                    State::Connecting, State::Open}));
    QVERIFY(rec.indexOf(u"state:Closed"_s) < rec.indexOf(u"error:HttpStatus:fatal"_s));
    QVERIFY(rec.indexOf(u"error:HttpStatus:fatal"_s)
            < rec.indexOf(u"scheduled:250:ManualReinit"_s));

    const QList<TestSupport::Request> requests = server.requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(1).header("Last-Event-ID"), "5"_ba);
    // A fresh start: the configured initial id (none if empty), not the stream's last one.
    QCOMPARE(requests.at(2).hasHeader("Last-Event-ID"), !initialId.isEmpty());
    QCOMPARE(requests.at(2).header("Last-Event-ID"), initialId);
    QCOMPARE(rec.starts.at(2), (QPair<int, QByteArray>(3, initialId)));
    QCOMPARE(source.lastEventId(), initialId);
    QCOMPARE(source.reconnectionTime(), 100ms); // the configured time again, not retry: 150
    QCOMPARE(rec.retryChanges, (QList<qint64>{150, 100}));
    const qint64 waited = rec.requestTimes.at(2) - rec.schedules.at(1).at;
    QVERIFY2(waited >= atLeast(250), QByteArray::number(waited).constData());
    source.close();
}

void tst_EventSource::manualReinit_closeStopsIt()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/fail"_ba, Handlers::status(503));
    server.route("/ok"_ba, Handlers::sseHold("data: a\n\n"_ba));
    Sse::SourceOptions options = fastOptions(50ms);
    options.policy.manualReinit = true;
    options.policy.reinitDelay = 200ms;

    {
        // close() during the re-init wait cancels it.
        EventSource source(server.url(u"/fail"_s), options);
        Recorder rec(&source);
        source.open();
        QTRY_COMPARE(rec.schedules.size(), 1);
        QCOMPARE(rec.schedules.first().reason, Reason::ManualReinit);
        QCOMPARE(rec.schedules.first().delay, 200);
        QVERIFY(source.isConnectionScheduled());
        source.close();
        QCOMPARE(source.readyState(), State::Closed);
        QVERIFY(!source.isConnectionScheduled());
        QCOMPARE(server.requestCount("/fail"_ba), 1);
        QCOMPARE(rec.errors.size(), 1);
    }
    {
        // close() is not a fatal error: no re-init after it.
        EventSource source(server.url(u"/ok"_s), options);
        Recorder rec(&source);
        source.open();
        QTRY_COMPARE(rec.events.size(), 1);
        source.close();
        QVERIFY(!source.isConnectionScheduled());
        QCOMPARE(server.requestCount("/ok"_ba), 1);
        QVERIFY(rec.schedules.isEmpty());
        QVERIFY(rec.errors.isEmpty());
    }
}

void tst_EventSource::reconnectEvent_obeyed_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<qint64>("delay");
    QTest::addRow("delay in data") << "200"_ba << qint64(200);
    QTest::addRow("not a number: reconnection time") << "soon"_ba << qint64(150);
}

void tst_EventSource::reconnectEvent_obeyed()
{
    QFETCH(QByteArray, data);
    QFETCH(qint64, delay);
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, [data](Connection *connection) {
        connection->writeSseHead();
        if (connection->request().number == 1)
            connection->write("id: 9\ndata: before\n\nevent: reconnect\ndata: " + data + "\n\n");
        else
            connection->write("data: after\n\n"_ba);
    });
    Sse::SourceOptions options = fastOptions(150ms);
    options.policy.obeyReconnectEvent = true;
    EventSource source(server.url(u"/s"_s), options);
    Recorder rec(&source, &server);

    source.open();
    QTRY_COMPARE(rec.events.size(), 3);
    QCOMPARE(rec.events.at(1).type, "reconnect"_ba);
    QCOMPARE(rec.events.at(1).data, data);
    QCOMPARE(rec.eventData().last(), "after"_ba);
    QVERIFY2(rec.errors.isEmpty(), "a requested reconnect is no error");
    QCOMPARE(rec.schedules.size(), 1);
    QCOMPARE(rec.schedules.first().delay, delay);
    if (data == "200") {
        QCOMPARE(rec.schedules.first().reason, Reason::ServerRequest);
    } else {
        QVERIFY(rec.schedules.first().reason == Reason::ServerRequest
                || rec.schedules.first().reason == Reason::ReconnectionTime);
    }
    QVERIFY(rec.indexOf(u"event:reconnect:"_s + QString::fromUtf8(data))
            < rec.indexOfPrefix(u"scheduled:"_s));
    QCOMPARE(rec.states,
            (QList<State>{State::Connecting, State::Open, State::Connecting, State::Open}));
    QCOMPARE(server.requests().at(1).header("Last-Event-ID"), "9"_ba);
    const qint64 waited = rec.requestTimes.at(1) - rec.schedules.first().at;
    QVERIFY2(waited >= atLeast(delay), QByteArray::number(waited).constData());
    // The client dropped the first connection itself.
    QTRY_COMPARE(server.openConnections(), 1);
    source.close();
}

void tst_EventSource::reconnectEvent_ignoredByDefault()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, Handlers::sseHold("event: reconnect\ndata: 10\n\n"_ba));
    EventSource source(server.url(u"/s"_s), fastOptions(50ms));
    Recorder rec(&source);
    QSignalSpy requests(&server, &TestServer::requestReceived);

    source.open();
    QTRY_COMPARE(rec.events.size(), 1);
    QCOMPARE(rec.events.first().type, "reconnect"_ba);
    // An obeyed reconnect event drops the stream and schedules at once, inside the event.
    QVERIFY(!source.isConnectionScheduled());
    QCOMPARE(requests.size(), 1);
    QCOMPARE(source.readyState(), State::Open);
    QVERIFY(rec.schedules.isEmpty());
    QCOMPARE(server.openConnections(), 1);
}

void tst_EventSource::reconnectNow_restartsAtOnce()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, [](Connection *connection) {
        connection->writeSseHead();
        if (connection->request().number == 1)
            connection->write("id: 3\ndata: a\n\n"_ba);
        else
            connection->write("data: b\n\n"_ba);
    });
    EventSource source(server.url(u"/s"_s), fastOptions(5000ms)); // a wait would show
    Recorder rec(&source, &server);

    source.open();
    QTRY_COMPARE(rec.events.size(), 1);
    const qint64 restartAt = rec.clock.elapsed();
    source.reconnectNow();
    QTRY_COMPARE(rec.events.size(), 2);
    QVERIFY2(rec.requestTimes.at(1) - restartAt < 2000,
            QByteArray::number(rec.requestTimes.at(1) - restartAt).constData());
    QVERIFY(rec.errors.isEmpty());
    QCOMPARE(rec.schedules.size(), 1);
    QCOMPARE(rec.schedules.first().delay, 0);
    QCOMPARE(rec.schedules.first().reason, Reason::Restart);
    QCOMPARE(rec.starts, (StartList{{1, QByteArray()}, {2, "3"_ba}}));
    QCOMPARE(server.requests().at(1).header("Last-Event-ID"), "3"_ba);
    QCOMPARE(source.readyState(), State::Open);
    QCOMPARE(rec.states,
            (QList<State>{State::Connecting, State::Open, State::Connecting, State::Open}));
    QTRY_COMPARE(server.openConnections(), 1);
    QCOMPARE(server.connections("/s"_ba).first()->request().number, 2);
}

void tst_EventSource::customManager_isUsed()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, Handlers::sseHold("data: a\n\n"_ba));
    CountingManager manager;
    EventSource source(server.url(u"/s"_s), fastOptions());
    source.setNetworkAccessManager(&manager);
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.events.size(), 1);
    QCOMPARE(manager.created, 1);
    source.close();
}

void tst_EventSource::manySources_sameHostAllStream()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/many"_ba, Handlers::sseHold());
    constexpr int Count = 10;
    std::vector<std::unique_ptr<EventSource>> sources;
    std::vector<std::unique_ptr<Recorder>> recorders;
    for (int i = 0; i < Count; ++i) {
        sources.push_back(std::make_unique<EventSource>(
                server.url(u"/many?feed=%1"_s.arg(i)), fastOptions(5000ms)));
        recorders.push_back(std::make_unique<Recorder>(sources.back().get()));
        sources.back()->open();
    }
    for (int i = 0; i < Count; ++i)
        QTRY_COMPARE_WITH_TIMEOUT(sources.at(i)->readyState(), State::Open, 10000);
    QTRY_COMPARE(server.connections("/many"_ba).size(), Count);
    QCOMPARE(server.broadcast("/many"_ba, "data: all\n\n"_ba), Count);
    for (int i = 0; i < Count; ++i) {
        QTRY_COMPARE(recorders.at(i)->events.size(), 1);
        QCOMPARE(recorders.at(i)->events.first().data, "all"_ba);
        QVERIFY(recorders.at(i)->errors.isEmpty());
    }
    recorders.clear();
    sources.clear();
    QTRY_COMPARE(server.openConnections(), 0);
}

void tst_EventSource::openClose_manyTimesLeavesNoConnections()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, Handlers::sseHold("data: a\n\n"_ba));
    EventSource source(server.url(u"/s"_s), fastOptions());
    QSignalSpy opened(&source, &EventSource::opened);
    QSignalSpy errors(&source, &EventSource::errorOccurred);
    const int managersBefore = Sse::NetworkPool::instance()->managerCount();

    constexpr int Rounds = 500;
    for (int i = 0; i < Rounds; ++i) {
        source.open();
        if (opened.size() <= i)
            QVERIFY2(opened.wait(5000), QByteArray::number(i).constData());
        QCOMPARE(opened.size(), i + 1);
        QCOMPARE(source.readyState(), State::Open);
        source.close();
        QCOMPARE(source.readyState(), State::Closed);
        if (i % 100 == 99) // no growth along the way
            QTRY_VERIFY2(server.openConnections() <= 1,
                    QByteArray::number(server.openConnections()).constData());
    }
    QTRY_COMPARE(server.openConnections(), 0);
    QCOMPARE(server.requestCount(), Rounds);
    QCOMPARE(errors.size(), 0);
    QVERIFY2(Sse::NetworkPool::instance()->managerCount() <= managersBefore + 1,
            QByteArray::number(Sse::NetworkPool::instance()->managerCount()).constData());
}

void tst_EventSource::splitWrites_arriveIntact_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray euro = "data: price \xE2\x82\xAC 5\n\n"_ba; // U+20AC, 3 bytes
    const qsizetype euroAt = euro.indexOf('\xE2');
    QTest::addRow("3-byte character after its 1st byte")
            << euro.left(euroAt + 1) << euro.mid(euroAt + 1) << "price \xE2\x82\xAC 5"_ba;
    QTest::addRow("3-byte character after its 2nd byte")
            << euro.left(euroAt + 2) << euro.mid(euroAt + 2) << "price \xE2\x82\xAC 5"_ba;
    const QByteArray emoji = "data: \xF0\x9F\x98\x80 h\xC3\xA9\n\n"_ba; // U+1F600, then é
    QTest::addRow("4-byte character in the middle")
            << emoji.left(8) << emoji.mid(8) << "\xF0\x9F\x98\x80 h\xC3\xA9"_ba;
    const qsizetype eAt = emoji.indexOf('\xC3');
    QTest::addRow("2-byte character")
            << emoji.left(eAt + 1) << emoji.mid(eAt + 1) << "\xF0\x9F\x98\x80 h\xC3\xA9"_ba;
    QTest::addRow("BOM split") << "\xEF\xBB"_ba
                               << "\xBF"
                                  "data: bom\n\n"_ba
                               << "bom"_ba;
    // CR at the end of one write and LF at the start of the next are one line ending.
    QTest::addRow("CRLF split") << "data: x\r"_ba
                                << "\ndata: y\r\n\r\n"_ba
                                << "x\ny"_ba;
}

void tst_EventSource::splitWrites_arriveIntact()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(QByteArray, expected);
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, Handlers::sseHold(first));
    EventSource source(server.url(u"/s"_s), fastOptions());
    Recorder rec(&source);

    source.open();
    // The client has the first part before the second is written.
    QTRY_VERIFY(rec.bytes >= first.size());
    QVERIFY(rec.events.isEmpty());
    QCOMPARE(server.broadcast("/s"_ba, second), 1);
    QTRY_COMPARE(rec.events.size(), 1);
    QCOMPARE(rec.events.first().data, expected);
    QCOMPARE(rec.events.first().dataText(), QString::fromUtf8(expected));
    QVERIFY(!rec.events.first().dataText().contains(QChar::ReplacementCharacter));
    QVERIFY(rec.errors.isEmpty());
}

namespace {

/// Event `i` of reusedEvent_everyFieldIntact: more types than the source keeps for reuse,
/// ids that change or carry over, and one huge event between small ones.
Sse::Event reuseEvent(int i, QByteArray *wire)
{
    Sse::Event event;
    event.type = i % 7 == 0 ? "message"_ba : "type-"_ba + QByteArray::number(i % 23);
    event.data = i == 300 ? QByteArray(200 * 1024, 'x')
                          : "d"_ba.repeated(i % 50) + QByteArray::number(i);
    event.lastEventId = QByteArray::number(i - i % 3);
    wire->append(i % 7 == 0 ? QByteArray() : "event: "_ba + event.type + '\n');
    if (i % 3 == 0)
        wire->append("id: "_ba + event.lastEventId + '\n');
    wire->append("data: "_ba + event.data + "\n\n"_ba);
    return event;
}

} // namespace

void tst_EventSource::reusedEvent_everyFieldIntact_data()
{
    QTest::addColumn<bool>("keep");
    // Nothing kept: the source overwrites its event in place. Kept (queued copies): it must not.
    QTest::newRow("nothing kept") << false;
    QTest::newRow("queued copies kept") << true;
}

void tst_EventSource::reusedEvent_everyFieldIntact()
{
    QFETCH(bool, keep);
    constexpr int Count = 3000;
    QByteArray body;
    QList<Sse::Event> expected;
    for (int i = 0; i < Count; ++i)
        expected.append(reuseEvent(i, &body));
    QVERIFY(body.size() > 4 * 64 * 1024); // events straddle the source's read slices
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, Handlers::sseHold(body));
    EventSource source(server.url(u"/s"_s), fastOptions());

    QObject context;
    int seen = 0;
    QStringList wrong;
    QList<Sse::Event> kept;
    const auto check = [&](const Sse::Event &event) {
        const Sse::Event &want = expected.value(seen);
        if (event.type != want.type || event.data != want.data
                || event.lastEventId != want.lastEventId || event.connection != 1
                || event.origin != server.origin() || event.receivedMs <= 0) {
            wrong.append(
                    u"event %1: %2 %3"_s.arg(seen).arg(event.typeText(), event.lastEventIdText()));
        }
        ++seen;
    };
    if (keep) {
        QObject::connect(
                &source, &EventSource::eventReceived, &context,
                [&](const Sse::Event &event) {
                    kept.append(event);
                    check(event);
                },
                Qt::QueuedConnection);
    } else {
        QObject::connect(&source, &EventSource::eventReceived, &context, check);
    }

    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(seen, Count, 20000);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 5).join(u"; "_s)));
    if (keep) {
        for (int i = 0; i < Count; ++i) {
            QCOMPARE(kept.at(i).data, expected.at(i).data);
            QCOMPARE(kept.at(i).type, expected.at(i).type);
            QCOMPARE(kept.at(i).lastEventId, expected.at(i).lastEventId);
        }
    }
    QCOMPARE(source.lastEventId(), expected.last().lastEventId);
}

void tst_EventSource::tls_untrustedCertificateIsFatal()
{
    TestServer server;
    QVERIFY2(server.listen(TestServer::Tls), qPrintable(server.errorString()));
    QCOMPARE(server.url(u"/s"_s).scheme(), u"https"_s);
    server.route("/s"_ba, Handlers::sseHold("data: must not arrive\n\n"_ba));
    EventSource source(server.url(u"/s"_s), fastOptions(100ms));
    Recorder rec(&source, &server);

    source.open();
    QTRY_COMPARE(rec.errors.size(), 1);
    const SourceError error = rec.errors.first();
    QVERIFY(error.fatal);
    QCOMPARE(error.kind, Kind::Tls);
    QCOMPARE(error.httpStatus, std::nullopt);
    // The self-signed certificate is the problem, and the message says so.
    QVERIFY2(error.message.contains(u"certificate"_s, Qt::CaseInsensitive),
            qPrintable(error.message));
    QCOMPARE(source.readyState(), State::Closed);
    QCOMPARE(rec.states, (QList<State>{State::Connecting, State::Closed}));
    QVERIFY(rec.indexOf(u"state:Closed"_s) < rec.indexOf(u"error:Tls:fatal"_s));
    QCOMPARE(rec.openedCount, 0);
    QVERIFY(rec.events.isEmpty());
    QVERIFY(rec.responses.isEmpty());
    QVERIFY(rec.schedules.isEmpty());
    // The client gave up in the handshake: the server never saw a request.
    QCOMPARE(server.requestCount(), 0);
    const int sockets = server.acceptedSockets();
    QVERIFY(sockets >= 1);

    // No reconnect: nothing is scheduled to open a new TCP connection.
    QVERIFY(!source.isConnectionScheduled());
    QCOMPARE(server.acceptedSockets(), sockets);
    QCOMPARE(server.requestCount(), 0);
    QCOMPARE(rec.starts.size(), 1);
    QCOMPARE(source.connectionCount(), 1);
    QCOMPARE(rec.errors.size(), 1);
    QCOMPARE(source.readyState(), State::Closed);
    clearPoolConnectionCache();
}

void tst_EventSource::tls_ignoredErrorsStream()
{
    TestServer server;
    QVERIFY2(server.listen(TestServer::Tls), qPrintable(server.errorString()));
    // The first stream ends (chunked framing, see TestServer), so the reconnect shows that
    // the errors are ignored on every connection, not just the first.
    server.route("/s"_ba, [](Connection *connection) {
        if (connection->request().number == 1) {
            connection->writeChunkedSseHead();
            connection->writeChunk("id: 1\ndata: secure\n\n"_ba);
            connection->endChunks();
            connection->close();
        } else {
            connection->writeSseHead();
            connection->write("data: again\n\n"_ba);
        }
    });
    Sse::SourceOptions options = fastOptions(100ms);
    options.ignoreTlsErrors = true;
    EventSource source(server.url(u"/s"_s), options);
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.events.size(), 2);
    QCOMPARE(rec.eventData(), (QByteArrayList{"secure"_ba, "again"_ba}));
    QCOMPARE(source.readyState(), State::Open);
    const QString origin = u"https://127.0.0.1:"_s + QString::number(server.port());
    QCOMPARE(server.origin(), origin);
    for (const Sse::Event &event : std::as_const(rec.events))
        QCOMPARE(event.origin, origin);
    QCOMPARE(source.origin(), origin);
    QCOMPARE(rec.openedCount, 2);
    QCOMPARE(rec.errors.size(), 1); // the first stream's end, nothing about TLS
    QCOMPARE(rec.errors.first().kind, Kind::StreamEnded);
    QVERIFY(!rec.errors.first().fatal);
    QTRY_COMPARE(rec.responses.size(), 2);
    QCOMPARE(rec.responses.last().finalUrl, server.url(u"/s"_s));

    const QList<TestSupport::Request> requests = server.requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).header("Accept"), "text/event-stream"_ba);
    QCOMPARE(requests.at(1).header("Last-Event-ID"), "1"_ba);
    QVERIFY2(server.tlsErrors().isEmpty(), qPrintable(server.tlsErrors().join(u"; "_s)));

    // The stream goes on over TLS.
    QCOMPARE(server.broadcast("/s"_ba, "data: more\n\n"_ba), 1);
    QTRY_COMPARE(rec.events.size(), 3);
    QCOMPARE(rec.events.last().data, "more"_ba);
    source.close();
    QTRY_COMPARE(server.openConnections(), 0);
    clearPoolConnectionCache();
}

void tst_EventSource::credentials_cookiesOnlyWithCredentials()
{
    // The pool's cookie jar is shared process-wide and cookies ignore the port, so these names
    // belong to this test alone, and the test removes them again.
    QNetworkCookieJar *jar = Sse::NetworkPool::instance()->cookieJar();
    const auto cookieNames = [jar](const QUrl &url) {
        QByteArrayList names;
        const QList<QNetworkCookie> cookies = jar->cookiesForUrl(url);
        for (const QNetworkCookie &cookie : cookies)
            names.append(cookie.name());
        return names;
    };
    const auto removeCookies = [jar](const QUrl &url) {
        const QList<QNetworkCookie> cookies = jar->cookiesForUrl(url);
        for (const QNetworkCookie &cookie : cookies) {
            if (cookie.name().startsWith("tst_es_cred_"))
                jar->deleteCookie(cookie);
        }
    };

    // The name=value pairs of a request's Cookie header.
    const auto sentCookies = [](const TestSupport::Request &request) {
        QByteArrayList pairs;
        const QByteArrayList parts = request.header("Cookie").split(';');
        for (const QByteArray &part : parts) {
            if (!part.trimmed().isEmpty())
                pairs.append(part.trimmed());
        }
        return pairs;
    };

    TestServer server;
    QVERIFY(server.listen());
    const QUrl root = server.url(u"/"_s);
    removeCookies(root);
    const auto cleanup = qScopeGuard([&removeCookies, &root] { removeCookies(root); });
    // First request to a path: Set-Cookie, one event, the end of the stream; then hold.
    const auto setsCookieOnce = [](const QByteArray &cookie) {
        // Shared: the server runs a copy of the handler.
        return [cookie, seen = std::make_shared<bool>(false)](Connection *connection) {
            if (*seen) {
                connection->writeSseHead();
                connection->write("data: second\n\n"_ba);
                return;
            }
            *seen = true;
            // Chunked framing: QNAM does not re-send the request on its own after it.
            connection->writeHead(200,
                    {{"Content-Type"_ba, "text/event-stream"_ba},
                            {"Transfer-Encoding"_ba, "chunked"_ba},
                            {"Set-Cookie"_ba, cookie + "; Path=/"}});
            connection->writeChunk("data: first\n\n"_ba);
            connection->endChunks();
            connection->close();
        };
    };
    server.route("/with"_ba, setsCookieOnce("tst_es_cred_with=abc"_ba));
    server.route("/without"_ba, setsCookieOnce("tst_es_cred_without=xyz"_ba));
    server.route("/check"_ba, Handlers::sseHold("data: check\n\n"_ba));

    // withCredentials: the cookie is stored and sent on the reconnect.
    {
        Sse::SourceOptions options = fastOptions(100ms);
        options.withCredentials = true;
        EventSource source(server.url(u"/with"_s), options);
        Recorder rec(&source);
        source.open();
        QTRY_COMPARE(rec.events.size(), 2);
        QCOMPARE(rec.eventData(), (QByteArrayList{"first"_ba, "second"_ba}));
        const QList<TestSupport::Request> requests = server.requests("/with"_ba);
        QCOMPARE(requests.size(), 2);
        QVERIFY2(!requests.at(0).header("Cookie").contains("tst_es_cred_"),
                requests.at(0).header("Cookie").constData());
        QVERIFY2(sentCookies(requests.at(1)).contains("tst_es_cred_with=abc"),
                requests.at(1).header("Cookie").constData());
        QCOMPARE(requests.at(1).headerCount("Cookie"), 1);
        QVERIFY(cookieNames(root).contains("tst_es_cred_with"));
        source.close();
    }

    // Without credentials (the default): a stored cookie is not sent, a new one not stored.
    {
        const Sse::SourceOptions options = fastOptions(100ms);
        QVERIFY(!options.withCredentials);
        EventSource source(server.url(u"/without"_s), options);
        Recorder rec(&source);
        source.open();
        QTRY_COMPARE(rec.events.size(), 2);
        QCOMPARE(rec.eventData(), (QByteArrayList{"first"_ba, "second"_ba}));
        const QList<TestSupport::Request> requests = server.requests("/without"_ba);
        QCOMPARE(requests.size(), 2);
        for (const TestSupport::Request &request : requests) {
            // Not even tst_es_cred_with, which the jar holds for this URL.
            QVERIFY2(!request.hasHeader("Cookie"), request.header("Cookie").constData());
        }
        QVERIFY(!cookieNames(root).contains("tst_es_cred_without"));
        source.close();
    }

    // A source with credentials sends what the jar holds: the first cookie, not the second.
    {
        Sse::SourceOptions options = fastOptions(100ms);
        options.withCredentials = true;
        EventSource source(server.url(u"/check"_s), options);
        Recorder rec(&source);
        source.open();
        QTRY_COMPARE(rec.events.size(), 1);
        const TestSupport::Request request = server.lastRequest("/check"_ba);
        QVERIFY2(sentCookies(request).contains("tst_es_cred_with=abc"),
                request.header("Cookie").constData());
        QVERIFY2(!request.header("Cookie").contains("tst_es_cred_without"),
                request.header("Cookie").constData());
        source.close();
    }
    removeCookies(root);
    QVERIFY(!cookieNames(root).contains("tst_es_cred_with"));
}

void tst_EventSource::limits_boundMemory_data()
{
    QTest::addColumn<QByteArray>("oversized");
    QTest::addColumn<QString>("messagePart");
    const QByteArray mib(1024 * 1024, 'x');
    QTest::addRow("1 MiB data line") << "data: "_ba + mib + "\n\n"
                                     << u"line longer than 1024 bytes"_s;
    // 1 MiB in lines of 100 bytes: no line is too long, the event is.
    QByteArray manyLines;
    const QByteArray line = "data: "_ba + QByteArray(94, 'y') + '\n';
    while (manyLines.size() < mib.size())
        manyLines += line;
    QTest::addRow("1 MiB event of short lines") << manyLines + '\n'
                                                << u"more than 1024 bytes of data"_s;
}

void tst_EventSource::limits_boundMemory()
{
    QFETCH(QByteArray, oversized);
    QFETCH(QString, messagePart);
    TestServer server;
    QVERIFY(server.listen());
    const QByteArray before = "data: before\n\n"_ba;
    const QByteArray after = "data: after\n\n"_ba;
    server.route("/s"_ba, Handlers::sseHold(before + oversized + after));
    Sse::SourceOptions options = fastOptions();
    options.maxLineSize = 1024;
    options.maxEventSize = 1024;
    EventSource source(server.url(u"/s"_s), options);
    Recorder rec(&source);
    QSignalSpy parseErrors(&source, &EventSource::parseErrorOccurred);

    source.open();
    QTRY_COMPARE(rec.events.size(), 2);
    QCOMPARE(rec.eventData(), (QByteArrayList{"before"_ba, "after"_ba}));
    QCOMPARE(rec.bytes, qint64(before.size() + oversized.size() + after.size()));
    QCOMPARE(parseErrors.size(), 1);
    const auto error = parseErrors.first().first().value<Sse::ParseError>();
    QCOMPARE(error.limit, qsizetype(1024));
    const QString message = error.message();
    QVERIFY2(message.contains(messagePart), qPrintable(message));
    // A limit is no connection error: the stream stays open and goes on.
    QCOMPARE(source.readyState(), State::Open);
    QVERIFY(rec.errors.isEmpty());
    QCOMPARE(server.broadcast("/s"_ba, "data: later\n\n"_ba), 1);
    QTRY_COMPARE(rec.events.size(), 3);
    QCOMPARE(parseErrors.size(), 1);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(rec.states, (QList<State>{State::Connecting, State::Open}));
    source.close();
}

namespace {

// A stream with a comment, a retry, an id, a named event, UTF-8 and one event larger than the
// decoder's pieces, so that it must be put together from several of them.
QByteArray richStream()
{
    return ": hi\nretry: 5000\nid: 1\nevent: greet\ndata: h\xC3\xA9llo\n\ndata: "_ba
            + QByteArray(100'000, 'z') + "\n\ndata: last\n\n"_ba;
}

TestServer::Handler encodedStream(const QByteArray &encoding, const QByteArray &body)
{
    return [encoding, body](Connection *connection) {
        connection->writeHead(200,
                {{"Content-Type"_ba, "text/event-stream"_ba}, {"Cache-Control"_ba, "no-cache"_ba},
                        {"Content-Encoding"_ba, encoding}});
        connection->write(body);
    };
}

} // namespace

void tst_EventSource::compression_decodedWhateverWasAsked_data()
{
    QTest::addColumn<QByteArray>("header"); // Content-Encoding as sent
    QTest::addColumn<QByteArray>("encoder"); // how the body is encoded
    QTest::addColumn<bool>("allowCompression");
    QTest::addColumn<QByteArray>("named"); // ResponseInfo::contentEncoding
    QTest::addRow("gzip") << "gzip"_ba
                          << "gzip"_ba << false << "gzip"_ba;
    QTest::addRow("x-gzip") << "x-gzip"_ba
                            << "gzip"_ba << false << "x-gzip"_ba;
    QTest::addRow("deflate, zlib-wrapped") << "deflate"_ba
                                           << "deflate"_ba << false << "deflate"_ba;
    QTest::addRow("deflate, raw") << "deflate"_ba
                                  << "raw-deflate"_ba << false << "deflate"_ba;
    QTest::addRow("br") << "br"_ba
                        << "br"_ba << false << "br"_ba;
    QTest::addRow("GZip in capitals") << "GZip"_ba
                                      << "gzip"_ba << false << "gzip"_ba;
    QTest::addRow("identity") << "identity"_ba
                              << "identity"_ba << false << QByteArray();
    QTest::addRow("gzip, compression allowed") << "gzip"_ba
                                               << "gzip"_ba << true << "gzip"_ba;
    QTest::addRow("br, compression allowed") << "br"_ba
                                             << "br"_ba << true << "br"_ba;
    QTest::addRow("deflate, raw, compression allowed") << "deflate"_ba
                                                       << "raw-deflate"_ba << true << "deflate"_ba;
}

void tst_EventSource::compression_decodedWhateverWasAsked()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, encoder);
    QFETCH(bool, allowCompression);
    QFETCH(QByteArray, named);
    const QByteArray body = TestSupport::Compression::encode(encoder, richStream());
    QVERIFY(!body.isEmpty());
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, encodedStream(header, body));
    Sse::SourceOptions options = fastOptions();
    options.allowCompression = allowCompression;
    EventSource source(server.url(u"/s"_s), options);
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.events.size(), 3);
    QCOMPARE(rec.eventData(),
            (QByteArrayList{"h\xC3\xA9llo"_ba, QByteArray(100'000, 'z'), "last"_ba}));
    QCOMPARE(rec.events.first().type, "greet"_ba);
    QCOMPARE(rec.events.first().lastEventId, "1"_ba);
    QCOMPARE(rec.comments, QStringList{u"hi"_s});
    QCOMPARE(source.reconnectionTime(), 5000ms);
    QCOMPARE(rec.bytes, qint64(body.size())); // bytes as they came over the wire
    QVERIFY(rec.errors.isEmpty());
    QCOMPARE(source.readyState(), State::Open);
    QCOMPARE(rec.responses.size(), 1);
    QCOMPARE(rec.responses.first().contentEncoding, named);

    const QByteArray asked = server.lastRequest("/s"_ba).header("Accept-Encoding");
    if (allowCompression)
        QCOMPARE(asked, "gzip, deflate, br"_ba);
    else
        QCOMPARE(asked, "identity"_ba);
    source.close();
}

void tst_EventSource::compression_gzipInSmallWritesStreams()
{
    const QByteArrayList parts{"data: one\n\n"_ba, "event: t\ndata: two\n\n"_ba,
            ": c\n\ndata: "_ba + QByteArray(3000, 'x') + "\n\n"_ba};
    const QByteArrayList pieces = TestSupport::Compression::gzipFlushed(parts);
    QCOMPARE(pieces.size(), parts.size());
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, encodedStream("gzip"_ba, {}));
    EventSource source(server.url(u"/s"_s), fastOptions());
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(source.readyState(), State::Open);
    qint64 sent = 0;
    for (qsizetype part = 0; part < pieces.size(); ++part) {
        const QByteArray &piece = pieces.at(part);
        // A few bytes per write, each read by the client before the next is written.
        for (qsizetype at = 0; at < piece.size(); at += 5) {
            const QByteArray bytes = piece.mid(at, 5);
            QCOMPARE(server.broadcast("/s"_ba, bytes), 1);
            sent += bytes.size();
            QVERIFY(QTest::qWaitFor([&] { return rec.bytes >= sent; }, 5000));
        }
        // Each flushed part yields its event at once, not when more data comes.
        QTRY_COMPARE(rec.events.size(), part + 1);
    }
    QCOMPARE(rec.eventData(), (QByteArrayList{"one"_ba, "two"_ba, QByteArray(3000, 'x')}));
    QCOMPARE(rec.events.at(1).type, "t"_ba);
    QCOMPARE(rec.comments, QStringList{u"c"_s});
    QVERIFY(rec.errors.isEmpty());
    source.close();
}

void tst_EventSource::compression_corruptBodyIsFatal_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArrayList>("events"); // decoded before the corrupt part
    const QByteArray garbage = "\xff\xfe\xfd not compressed at all, not at all\n\n"_ba;
    QTest::addRow("gzip: plain text") << "gzip"_ba
                                      << "data: hello\n\n"_ba << QByteArrayList();
    QTest::addRow("gzip: garbage after a good start")
            << "gzip"_ba
            << TestSupport::Compression::gzipFlushed({"data: one\n\n"_ba, "x"_ba}).first() + garbage
            << QByteArrayList{"one"_ba};
    QTest::addRow("deflate: garbage") << "deflate"_ba << garbage << QByteArrayList();
    QTest::addRow("br: garbage") << "br"_ba << garbage << QByteArrayList();
}

void tst_EventSource::compression_corruptBodyIsFatal()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, body);
    QFETCH(QByteArrayList, events);
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, encodedStream(encoding, body));
    EventSource source(server.url(u"/s"_s), fastOptions());
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.errors.size(), 1);
    const SourceError error = rec.errors.first();
    QCOMPARE(error.kind, Kind::ContentEncoding);
    QVERIFY(error.fatal);
    QCOMPARE(error.httpStatus, 200);
    QVERIFY2(error.message.contains(u"could not be decoded as "_s + QString::fromUtf8(encoding)),
            qPrintable(error.message));
    QCOMPARE(rec.eventData(), events);
    QCOMPARE(rec.states, (QList<State>{State::Connecting, State::Open, State::Closed}));
    QVERIFY(rec.indexOf(u"state:Closed"_s) < rec.indexOf(u"error:ContentEncoding:fatal"_s));
    QCOMPARE(rec.responses.size(), 1);
    QCOMPARE(rec.responses.first().contentEncoding, encoding);

    QTRY_COMPARE(server.openConnections(), 0);
    QVERIFY(!source.isConnectionScheduled());
    QCOMPARE(server.requestCount(), 1);
    QVERIFY(rec.schedules.isEmpty());
}

void tst_EventSource::compression_unknownEncodingIsFatal_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addRow("zstd") << "zstd"_ba;
    QTest::addRow("compress") << "compress"_ba;
    QTest::addRow("two encodings") << "gzip, br"_ba;
}

void tst_EventSource::compression_unknownEncodingIsFatal()
{
    QFETCH(QByteArray, encoding);
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba, encodedStream(encoding, "\x28\xb5\x2f\xfd some bytes"_ba));
    EventSource source(server.url(u"/s"_s), fastOptions());
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.errors.size(), 1);
    const SourceError error = rec.errors.first();
    QCOMPARE(error.kind, Kind::ContentEncoding);
    QVERIFY(error.fatal);
    QVERIFY2(error.message.contains(u"Content-Encoding \"%1\" that ssedash cannot decode"_s.arg(
                     QString::fromUtf8(encoding))),
            qPrintable(error.message));
    // Refused like a wrong Content-Type: the response is reported, the stream never opens.
    QCOMPARE(rec.states, (QList<State>{State::Connecting, State::Closed}));
    QCOMPARE(rec.openedCount, 0);
    QVERIFY(rec.events.isEmpty());
    QCOMPARE(rec.responses.size(), 1);
    QCOMPARE(rec.responses.first().contentEncoding, encoding);
    QVERIFY(rec.responses.first().body.isEmpty());
    QVERIFY(rec.indexOf(u"response:200"_s) < rec.indexOf(u"error:ContentEncoding:fatal"_s));
    QTRY_COMPARE(server.openConnections(), 0);
    QVERIFY(rec.schedules.isEmpty());
}

void tst_EventSource::requestSent_carriesMethodUrlHeadersAndBody()
{
    TestServer server;
    QVERIFY(server.listen());
    server.route("/v1/chat"_ba, Handlers::sseHold());
    const QByteArray body = R"({"stream":true})"_ba;
    Sse::SourceOptions options = fastOptions();
    options.method = "POST"_ba;
    options.body = body;
    options.initialLastEventId = "7"_ba;
    options.headers = {{"Authorization"_ba, "Bearer secret-token"_ba}, {"X-Trace"_ba, "t-1"_ba}};
    const QUrl url = server.url(u"/v1/chat?model=m"_s);
    EventSource source(url, options);
    Recorder rec(&source);

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    source.open();
    QTRY_COMPARE(source.readyState(), State::Open);
    QCOMPARE(rec.requests.size(), 1);
    const Sse::RequestInfo request = rec.requests.first();
    QCOMPARE(request.connection, 1);
    QCOMPARE(request.method, "POST"_ba);
    QCOMPARE(request.url, url);
    QCOMPARE(request.body, body);
    QVERIFY(request.sentMs >= before && request.sentMs <= QDateTime::currentMSecsSinceEpoch());
    const QList<QPair<QByteArray, QByteArray>> expected{{"Accept"_ba, "text/event-stream"_ba},
            {"Cache-Control"_ba, "no-cache"_ba},
            {"User-Agent"_ba, QByteArrayLiteral("ssedash/" SSEDASH_VERSION)},
            {"Accept-Encoding"_ba, "identity"_ba}, {"Last-Event-ID"_ba, "7"_ba},
            {"Content-Type"_ba, "application/json"_ba},
            {"Authorization"_ba, "Bearer secret-token"_ba}, {"X-Trace"_ba, "t-1"_ba}};
    QCOMPARE(request.headers, expected);
    // What was reported is what went out.
    const TestSupport::Request received = server.lastRequest("/v1/chat"_ba);
    for (const auto &[name, value] : expected)
        QCOMPARE(received.header(name), value);
    QCOMPARE(received.body, body);
    // Right after connectionStarted().
    QCOMPARE(rec.indexOf(u"request:1"_s), rec.indexOf(u"started:1:7"_s) + 1);
    source.close();
}

void tst_EventSource::redirect_chainIsReported()
{
    TestServer first;
    TestServer second;
    QVERIFY(first.listen());
    QVERIFY(second.listen());
    const QUrl target = second.url(u"/stream"_s);
    first.route("/a"_ba, Handlers::redirect(301, "/b"_ba));
    first.route("/b"_ba, Handlers::redirect(302, target.toEncoded()));
    second.route("/stream"_ba, Handlers::sseHold("data: moved\n\n"_ba));
    EventSource source(first.url(u"/a"_s), fastOptions());
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.events.size(), 1);
    QCOMPARE(rec.requests.size(), 1);
    QCOMPARE(rec.requests.first().url, first.url(u"/a"_s)); // as sent, before any redirect
    QCOMPARE(rec.responses.size(), 1);
    const Sse::ResponseInfo response = rec.responses.first();
    QCOMPARE(response.redirects, (QList<QUrl>{first.url(u"/b"_s), target}));
    QCOMPARE(response.finalUrl, target);
    source.close();
}

void tst_EventSource::refused_bodyIsReportedBeforeTheError_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<TestSupport::HeaderList>("extraHeaders");
    QTest::addColumn<QByteArray>("body"); // decoded
    QTest::addColumn<QString>("message");

    const QString statusMessage =
            u"HTTP %1 %2: an EventSource does not reconnect after an error status."_s;
    const QByteArray json = R"({"error":"invalid_token","detail":"token expired"})"_ba;
    QTest::addRow("401 with a challenge and JSON")
            << 401 << "application/json"_ba << QByteArray()
            << TestSupport::HeaderList{{"WWW-Authenticate"_ba, "Bearer realm=\"feeds\""_ba}} << json
            << statusMessage.arg(401).arg(u"Unauthorized"_s);
    QTest::addRow("401 without a challenge")
            << 401 << "application/json"_ba << QByteArray() << TestSupport::HeaderList() << json
            << statusMessage.arg(401).arg(u"Unauthorized"_s);
    QTest::addRow("403 HTML") << 403 << "text/html"_ba << QByteArray() << TestSupport::HeaderList()
                              << "<html><body>Forbidden</body></html>"_ba
                              << statusMessage.arg(403).arg(u"Forbidden"_s);
    QTest::addRow("404 gzip") << 404 << "text/plain"_ba
                              << "gzip"_ba << TestSupport::HeaderList() << "no such stream\n"_ba
                              << statusMessage.arg(404).arg(u"Not Found"_s);
    QTest::addRow("429 over 64 KiB") << 429 << "text/plain"_ba << QByteArray()
                                     << TestSupport::HeaderList{{"Retry-After"_ba, "30"_ba}}
                                     << QByteArray(Sse::ResponseInfo::MaxBodySize + 1000, 'r')
                                     << statusMessage.arg(429).arg(u"Too Many Requests"_s);
    QTest::addRow("500 empty") << 500 << "text/plain"_ba << QByteArray()
                               << TestSupport::HeaderList() << QByteArray()
                               << statusMessage.arg(500).arg(u"Internal Server Error"_s);
    QTest::addRow("200 text/html")
            << 200 << "text/html"_ba << QByteArray() << TestSupport::HeaderList()
            << "<p>login</p>"_ba << u"Content-Type is \"text/html\", not text/event-stream."_s;
}

void tst_EventSource::refused_bodyIsReportedBeforeTheError()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, encoding);
    QFETCH(TestSupport::HeaderList, extraHeaders);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    TestSupport::HeaderList headers = extraHeaders;
    if (!encoding.isEmpty())
        headers.append({"Content-Encoding"_ba, encoding});
    TestServer server;
    QVERIFY(server.listen());
    server.route("/s"_ba,
            Handlers::status(status, contentType, TestSupport::Compression::encode(encoding, body),
                    headers));
    EventSource source(server.url(u"/s"_s), fastOptions());
    Recorder rec(&source);

    source.open();
    QTRY_COMPARE(rec.errors.size(), 1);
    // A body that ended is reported at once, without waiting for more.
    QVERIFY2(rec.logTimes.last() < 1200, QByteArray::number(rec.logTimes.last()).constData());
    const SourceError error = rec.errors.first();
    QCOMPARE(error.kind, status == 200 ? Kind::ContentType : Kind::HttpStatus);
    QVERIFY(error.fatal);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.message, message);
    QCOMPARE(rec.states, (QList<State>{State::Connecting, State::Closed}));

    QCOMPARE(rec.responses.size(), 1);
    const Sse::ResponseInfo response = rec.responses.first();
    QCOMPARE(response.status, status);
    QCOMPARE(response.contentEncoding, encoding);
    QCOMPARE(response.body.size(), std::min(body.size(), Sse::ResponseInfo::MaxBodySize));
    QCOMPARE(response.body, body.left(Sse::ResponseInfo::MaxBodySize));
    QCOMPARE(response.bodyTruncated, body.size() > Sse::ResponseInfo::MaxBodySize);
    QVERIFY(rec.indexOf(u"response:%1"_s.arg(status)) < rec.indexOf(u"state:Closed"_s));
    QCOMPARE(rec.openedCount, 0);
    QVERIFY(rec.events.isEmpty());
    QVERIFY(rec.schedules.isEmpty());
}

void tst_EventSource::refused_endlessBodyDoesNotHoldTheErrorBack()
{
    // A body larger than the cap is cut at once; a small one that never ends, after a short
    // wait. Neither ends: the server holds both connections open.
    const QByteArray large = QByteArray(Sse::ResponseInfo::MaxBodySize, 'a') + "beyond"_ba;
    const QByteArray small = "<h1>502 Bad Gateway</h1>\n"_ba;
    TestServer server;
    QVERIFY(server.listen());
    const auto endless = [](int status, const QByteArray &body) {
        return [status, body](Connection *connection) {
            connection->writeHead(status, {{"Content-Type"_ba, "text/html"_ba}});
            connection->write(body);
        };
    };
    server.route("/large"_ba, endless(500, large));
    server.route("/small"_ba, endless(502, small));
    EventSource largeSource(server.url(u"/large"_s), fastOptions());
    EventSource smallSource(server.url(u"/small"_s), fastOptions());
    Recorder largeRec(&largeSource);
    Recorder smallRec(&smallSource);

    qint64 smallErrorMs = 0;
    connect(&smallSource, &EventSource::errorOccurred, this,
            [&smallErrorMs] { smallErrorMs = QDateTime::currentMSecsSinceEpoch(); });
    largeSource.open();
    smallSource.open();
    QTRY_COMPARE_WITH_TIMEOUT(smallRec.errors.size(), 1, 4000);
    QTRY_COMPARE(largeRec.errors.size(), 1);
    QCOMPARE(largeRec.responses.size(), 1);
    QCOMPARE(largeRec.responses.first().body, large.left(Sse::ResponseInfo::MaxBodySize));
    QVERIFY(largeRec.responses.first().bodyTruncated);
    QCOMPARE(smallRec.responses.size(), 1);
    QCOMPARE(smallRec.responses.first().body, small);
    QVERIFY(!smallRec.responses.first().bodyTruncated);
    // The response is stamped when its head came, not when the wait for its body ended.
    QVERIFY2(smallErrorMs - smallRec.responses.first().receivedMs >= 1000,
            qPrintable(QString::number(smallErrorMs - smallRec.responses.first().receivedMs)));
    for (const Recorder *rec : {&largeRec, &smallRec}) {
        QCOMPARE(rec->errors.first().kind, Kind::HttpStatus);
        QVERIFY(rec->errors.first().fatal);
        QCOMPARE(rec->states, (QList<State>{State::Connecting, State::Closed}));
        QVERIFY(rec->indexOf(u"state:Closed"_s) < rec->indexOfPrefix(u"error:"_s));
    }
    QCOMPARE(largeRec.errors.first().httpStatus, 500);
    QCOMPARE(smallRec.errors.first().httpStatus, 502);
    // The client drops both connections itself.
    QTRY_COMPARE(server.openConnections(), 0);
}

QTEST_GUILESS_MAIN(tst_EventSource)
#include "tst_eventsource.moc"
