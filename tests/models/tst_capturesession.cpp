// SPDX-License-Identifier: MIT
// Tests of CaptureSession: a real proxy between Sse::EventSource / QNAM and an Sse::Publisher.
#include "sselib/eventsource.h"
#include "sselib/publisher/publisher.h"
#include "ui/models/capturesession.h"
#include "ui/models/feedlist.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using ReadyState = Feed::ReadyState;

class tst_CaptureSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void stream_becomesACapturedFeedWithItsEvents();
    void reconnects_areConnectionsOfOneFeed();
    void retryField_isTheFeedsCapturedRetry();
    void feed_staysAfterTheStreamAndTheSessionEnd();
    void setRules_reachTheProxyAndFaultsAreFindings();
    void exchangeModel_listsOtherRequestsToo();
    void llmPostStream_showsItsText();
    void exchangeModel_keepsTheLast2000();
    void start_failsWithAReason();
    void feedCaptureMode_withoutAProxy();

private:
    /// Starts the session's proxy to the upstream publisher; true when it runs as it should.
    [[nodiscard]] bool startCapture();
    [[nodiscard]] QUrl proxied(const QString &pathAndQuery) const;
    [[nodiscard]] std::unique_ptr<Sse::EventSource> clientFor(const QString &pathAndQuery) const;

    std::unique_ptr<Sse::Publisher> m_upstream;
    std::unique_ptr<FeedList> m_feeds;
    std::unique_ptr<CaptureSession> m_session;
};

void tst_CaptureSession::init()
{
    qRegisterMetaType<Feed *>();
    Sse::PublisherOptions options;
    options.generator.interval = 20ms;
    options.generator.heartbeat = 0ms;
    m_upstream = std::make_unique<Sse::Publisher>(options);
    QVERIFY(m_upstream->listen());
    m_feeds = std::make_unique<FeedList>();
    m_session = std::make_unique<CaptureSession>(m_feeds.get());
}

bool tst_CaptureSession::startCapture()
{
    Sse::CaptureOptions capture;
    capture.upstream = m_upstream->url();
    QSignalSpy running(m_session.get(), &CaptureSession::runningChanged);
    if (!m_session->start(capture)) {
        qWarning("%s", qPrintable(m_session->errorString()));
        return false;
    }
    return running.count() == 1 && m_session->isRunning()
            && m_session->url().host() == u"127.0.0.1"_s && m_session->url().port() > 0;
}

void tst_CaptureSession::cleanup()
{
    m_session.reset();
    m_feeds.reset();
    m_upstream.reset();
}

QUrl tst_CaptureSession::proxied(const QString &pathAndQuery) const
{
    return m_session->url().resolved(QUrl(pathAndQuery));
}

std::unique_ptr<Sse::EventSource> tst_CaptureSession::clientFor(const QString &pathAndQuery) const
{
    Sse::SourceOptions options;
    options.reconnectionTime = 50ms;
    return std::make_unique<Sse::EventSource>(proxied(pathAndQuery), options);
}

void tst_CaptureSession::stream_becomesACapturedFeedWithItsEvents()
{
    QVERIFY(startCapture());
    QAbstractItemModelTester tester(m_feeds.get());
    QSignalSpy added(m_session.get(), &CaptureSession::feedAdded);
    auto client = clientFor(u"/events"_s);
    QSignalSpy events(client.get(), &Sse::EventSource::eventReceived);
    client->open();
    QTRY_VERIFY(events.count() >= 3);

    QCOMPARE(m_feeds->count(), 1);
    QCOMPARE(added.count(), 1);
    Feed *feed = m_feeds->at(0);
    QVERIFY(feed->isCaptured());
    QVERIFY(m_feeds->isCaptured(feed));
    QCOMPARE(m_feeds->current(), feed);
    QCOMPARE(feed->config().url, m_upstream->url(u"/events"_s));
    QCOMPARE(feed->config().name, u"/events"_s); // the upstream is the same for every feed
    QCOMPARE(m_feeds->index(0).data(FeedList::NoteRole).toString(), u"captured"_s);
    QVERIFY(m_feeds->index(0).data(Qt::ToolTipRole).toString().contains(u"captured"_s));
    QTRY_COMPARE(feed->readyState(), ReadyState::Open);
    QTRY_VERIFY(feed->eventCount() >= quint64(events.count()));
    QVERIFY(feed->bytesReceived() > 0);
    const ConnectionRecord *connection = feed->lastConnection();
    QVERIFY(connection);
    QCOMPARE(connection->connection, 1);
    QVERIFY(connection->request);
    QCOMPARE(connection->request->method, "GET"_ba);
    QVERIFY(connection->response);
    QCOMPARE(connection->response->status, 200);
    // The log holds what the client got, in order.
    feed->model()->flush();
    const auto first = events.first().first().value<Sse::Event>();
    QCOMPARE(feed->model()->record(0).event.data, first.data);
    QCOMPARE(feed->model()->record(0).event.connection, 1);
    // The exchange list has the stream, and knows its feed.
    QCOMPARE(m_session->exchanges()->rowCount(), 1);
    QVERIFY(m_session->exchanges()->index(0, 0).data(CaptureExchangeModel::StreamRole).toBool());
    QCOMPARE(m_session->exchanges()->index(0, CaptureExchangeModel::StateColumn).data().toString(),
            u"streaming"_s);
    QCOMPARE(m_session->feedOf(1), feed);
    // A captured feed is never saved, and Connect does nothing for it.
    QVERIFY(m_feeds->savedFeeds().isEmpty());
    feed->open();
    QVERIFY(!feed->source());
}

void tst_CaptureSession::retryField_isTheFeedsCapturedRetry()
{
    QVERIFY(startCapture());
    auto client = clientFor(u"/events?retry=1500"_s);
    QSignalSpy changed(client.get(), &Sse::EventSource::reconnectionTimeChanged);
    client->open();
    QTRY_VERIFY(changed.count() >= 1);
    QTRY_COMPARE(m_feeds->count(), 1);
    Feed *feed = m_feeds->at(0);
    // What the app's client took from the stream, and only that: no default of its own.
    QCOMPARE(client->reconnectionTime(), 1500ms);
    QTRY_COMPARE(feed->capturedRetry(), std::optional<std::chrono::milliseconds>(1500ms));

    auto plain = clientFor(u"/events/test-event"_s);
    QSignalSpy opened(plain.get(), &Sse::EventSource::opened);
    plain->open();
    QVERIFY(opened.wait());
    QTRY_COMPARE(m_feeds->count(), 2);
    QCOMPARE(m_feeds->at(1)->capturedRetry(), std::nullopt);
}

void tst_CaptureSession::reconnects_areConnectionsOfOneFeed()
{
    QVERIFY(startCapture());
    auto client = clientFor(u"/events?closeAfter=2"_s);
    QSignalSpy events(client.get(), &Sse::EventSource::eventReceived);
    client->open();
    QTRY_VERIFY_WITH_TIMEOUT(client->connectionCount() >= 3, 10000);
    client->close();

    QCOMPARE(m_feeds->count(), 1);
    Feed *feed = m_feeds->at(0);
    QTRY_VERIFY(feed->connections().size() >= 3);
    const QList<ConnectionRecord> connections = feed->connections();
    QCOMPARE(connections.at(0).connection, 1);
    QCOMPARE(connections.at(1).connection, 2);
    QCOMPARE(connections.at(2).connection, 3);
    QVERIFY(connections.at(0).lastEventIdSent.isEmpty());
    // The reconnect sent the id of the last event it had: the feed shows it.
    QVERIFY(!connections.at(1).lastEventIdSent.isEmpty());
    QCOMPARE(connections.at(1).request->method, "GET"_ba);
    QVERIFY(!connections.at(0).isOngoing());
    QVERIFY(feed->reconnectCount() >= 2);
    // The timeline has a request marker per connection.
    const auto &markers = feed->history()->markers();
    const auto requests = std::count_if(markers.cbegin(), markers.cend(), [](const auto &marker) {
        return marker.kind == ConnectionHistory::Marker::Kind::Request;
    });
    QVERIFY(requests >= 3);
}

void tst_CaptureSession::feed_staysAfterTheStreamAndTheSessionEnd()
{
    QVERIFY(startCapture());
    auto client = clientFor(u"/events?closeAfter=2"_s);
    QSignalSpy events(client.get(), &Sse::EventSource::eventReceived);
    client->open();
    QTRY_COMPARE(events.count(), 2);
    client->close();
    Feed *feed = m_feeds->at(0);
    QVERIFY(feed);
    QTRY_COMPARE(feed->readyState(), ReadyState::Closed);
    QTRY_VERIFY(m_session->proxy()->activeExchangeCount() == 0);

    QSignalSpy running(m_session.get(), &CaptureSession::runningChanged);
    m_session->stop();
    QCOMPARE(running.count(), 1);
    QVERIFY(!m_session->isRunning());
    QVERIFY(m_session->url().isEmpty());
    QCOMPARE(m_feeds->count(), 1);
    QCOMPARE(m_feeds->at(0), feed);
    QVERIFY(feed->eventCount() >= 2);
    QVERIFY(m_session->exchanges()->rowCount() >= 1);
    // Removable like any other feed.
    m_feeds->remove(0);
    QCOMPARE(m_feeds->count(), 0);
}

void tst_CaptureSession::setRules_reachTheProxyAndFaultsAreFindings()
{
    QVERIFY(startCapture());
    const Sse::CaptureRuleResult drop = Sse::parseCaptureRule(u"drop=message");
    QVERIFY2(drop.ok, qPrintable(drop.error));
    const Sse::CaptureRuleResult inject = Sse::parseCaptureRule(u"inject=hello,type=greeting");
    QVERIFY2(inject.ok, qPrintable(inject.error));
    m_session->setRules({drop.rule, inject.rule});
    QCOMPARE(m_session->proxy()->rules(), (QList<Sse::CaptureRule>{drop.rule, inject.rule}));
    QCOMPARE(m_session->rules(), m_session->proxy()->rules());

    auto client = clientFor(u"/events"_s);
    QSignalSpy events(client.get(), &Sse::EventSource::eventReceived);
    client->open();
    QTRY_VERIFY(!events.isEmpty());
    QCOMPARE(events.first().first().value<Sse::Event>().type, "greeting"_ba);
    Feed *feed = m_feeds->at(0);
    QTRY_VERIFY(feed->lastConnection() && !feed->lastConnection()->findings.isEmpty());
    const QList<Sse::Finding> findings = feed->lastConnection()->findings;
    QVERIFY(std::any_of(findings.cbegin(), findings.cend(), [](const Sse::Finding &finding) {
        return finding.code == u"capture-fault"_s
                && finding.severity == Sse::Finding::Severity::Info;
    }));
}

void tst_CaptureSession::exchangeModel_listsOtherRequestsToo()
{
    QVERIFY(startCapture());
    CaptureExchangeModel *exchanges = m_session->exchanges();
    QAbstractItemModelTester tester(exchanges);
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(proxied(u"/stats"_s))));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QTRY_COMPARE(exchanges->rowCount(), 1);
    QTRY_VERIFY(
            !exchanges->index(0, CaptureExchangeModel::BytesColumn).data().toString().isEmpty());
    auto cell = [exchanges](int column) {
        return exchanges->index(0, column).data().toString();
    };
    QCOMPARE(cell(CaptureExchangeModel::NumberColumn), u"1"_s);
    QCOMPARE(cell(CaptureExchangeModel::MethodColumn), u"GET"_s);
    QCOMPARE(cell(CaptureExchangeModel::UrlColumn), m_upstream->url(u"/stats"_s).toDisplayString());
    QCOMPARE(cell(CaptureExchangeModel::StatusColumn), u"200"_s);
    QVERIFY(cell(CaptureExchangeModel::ContentTypeColumn).contains(u"json"_s));
    QCOMPARE(cell(CaptureExchangeModel::StateColumn), u"completed"_s);
    QVERIFY(!exchanges->index(0, 0).data(CaptureExchangeModel::StreamRole).toBool());
    // No feed for a request that is no stream.
    QCOMPARE(m_feeds->count(), 0);
    QVERIFY(!m_session->feedOf(1));
}

// A POST fetch() stream with no Accept header: a feed once its response is a stream, and an
// LLM feed once its events look like one.
void tst_CaptureSession::llmPostStream_showsItsText()
{
    QVERIFY(startCapture());
    QNetworkAccessManager network;
    QNetworkRequest request(proxied(u"/llm?interval=1"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    std::unique_ptr<QNetworkReply> reply(network.post(request, R"({"prompt":"hi"})"_ba));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(m_feeds->count(), 1);
    Feed *feed = m_feeds->at(0);
    QCOMPARE(feed->config().name, u"POST /llm?interval=1"_s);
    QTRY_COMPARE(feed->readyState(), ReadyState::Closed);
    QVERIFY(feed->config().llm);
    QVERIFY(feed->llmStream().isDone());
    QVERIFY(!feed->llmStream().text().isEmpty());
    QCOMPARE(feed->connections().size(), 1);
    QCOMPARE(feed->lastConnection()->request->body, R"({"prompt":"hi"})"_ba);
    QVERIFY(feed->lastConnection()->error.isEmpty()); // it completed
}

void tst_CaptureSession::exchangeModel_keepsTheLast2000()
{
    CaptureExchangeModel model; // no QAbstractItemModelTester: it rereads every row per change
    Sse::RequestInfo request;
    request.method = "GET";
    request.url = QUrl(u"http://127.0.0.1:9/x"_s);
    const int total = CaptureExchangeModel::MaxExchanges + 5;
    for (int exchange = 1; exchange <= total; ++exchange)
        model.addRequest(exchange, request);
    QCOMPARE(model.rowCount(), CaptureExchangeModel::MaxExchanges);
    QCOMPARE(model.index(0, 0).data(CaptureExchangeModel::ExchangeRole).toInt(), 6);
    QCOMPARE(model.rowOf(5), -1);
    QCOMPARE(model.rowOf(6), 0);
    QCOMPARE(model.rowOf(total), CaptureExchangeModel::MaxExchanges - 1);
    Sse::CaptureEnd end;
    end.status = 204;
    model.setEnd(3, end); // no longer listed: nothing happens
    model.setEnd(total, end);
    QCOMPARE(model.index(model.rowOf(total), CaptureExchangeModel::StatusColumn).data().toInt(),
            204);
}

void tst_CaptureSession::start_failsWithAReason()
{
    CaptureSession other(m_feeds.get());
    Sse::CaptureOptions options;
    options.upstream = QUrl(u"ftp://example.org/"_s);
    QSignalSpy running(&other, &CaptureSession::runningChanged);
    QVERIFY(!other.start(options));
    QVERIFY(!other.errorString().isEmpty());
    QVERIFY(!other.isRunning());
    QCOMPARE(running.count(), 0);
    QCOMPARE(other.options().upstream, options.upstream);
}

// The Feed's capture entry points alone, in the order a session calls them.
void tst_CaptureSession::feedCaptureMode_withoutAProxy()
{
    FeedList feeds;
    FeedConfig config;
    config.url = QUrl(u"http://127.0.0.1:9/events"_s);
    Feed *feed = feeds.add(config, FeedList::Origin::Captured);
    QVERIFY(feed->isCaptured());
    QSignalSpy states(feed, &Feed::readyStateChanged);

    Sse::RequestInfo request;
    request.method = "GET";
    request.url = config.url;
    request.headers = {{"Last-Event-ID", "41"}};
    QCOMPARE(feed->captureRequest(request), 1);
    QCOMPARE(feed->readyState(), ReadyState::Connecting);
    QCOMPARE(feed->lastConnection()->lastEventIdSent, "41"_ba);
    Sse::ResponseInfo response;
    response.connection = 1;
    response.status = 200;
    response.headers = {{"Content-Type", "text/event-stream"}};
    feed->captureResponse(response, true);
    QCOMPARE(feed->readyState(), ReadyState::Open);
    Sse::Event event;
    event.data = "hi";
    event.lastEventId = "42";
    event.connection = 1;
    event.receivedMs = QDateTime::currentMSecsSinceEpoch();
    feed->captureEvent(event);
    QCOMPARE(feed->eventCount(), 1u);
    QCOMPARE(feed->lastEventId(), "42"_ba);
    feed->captureFault(1, u"dropped an event"_s);
    feed->captureFault(1, u"dropped an event"_s); // the same fault is one finding
    const QList<Sse::Finding> findings = feed->lastConnection()->findings;
    QCOMPARE(std::count_if(findings.cbegin(), findings.cend(),
                     [](const Sse::Finding &f) { return f.code == u"capture-fault"_s; }),
            1);
    Sse::CaptureEnd end;
    end.reason = Sse::CaptureEnd::Reason::Cut;
    end.message = u"A rule cut the stream."_s;
    end.bytesReceived = 100;
    end.endedMs = QDateTime::currentMSecsSinceEpoch();
    feed->captureEnd(1, end);
    QCOMPARE(feed->readyState(), ReadyState::Closed);
    QCOMPARE(feed->lastConnection()->error, end.message);
    QCOMPARE(feed->lastError(), end.message);
    QVERIFY(!feed->lastConnection()->isOngoing());
    QCOMPARE(feed->bytesReceived(), 100);
    QCOMPARE(states.count(), 3); // CONNECTING, OPEN, CLOSED

    // A completed stream ends without an error; a refused one says why.
    QCOMPARE(feed->captureRequest(request), 2);
    Sse::ResponseInfo refused = response;
    refused.connection = 2;
    refused.status = 503;
    refused.headers = {{"Content-Type", "text/plain"}};
    feed->captureResponse(refused, false);
    QCOMPARE(feed->readyState(), ReadyState::Connecting);
    end.reason = Sse::CaptureEnd::Reason::Completed;
    end.status = 503;
    feed->captureEnd(2, end);
    QCOMPARE(feed->readyState(), ReadyState::Closed);
    QVERIFY(feed->lastConnection()->error.contains(u"503"_s));
    QCOMPARE(feed->reconnectCount(), 1);
}

QTEST_GUILESS_MAIN(tst_CaptureSession)
#include "tst_capturesession.moc"
