// SPDX-License-Identifier: MIT
// Tests of the Feed model (counters, rates, connections, errors, LLM streams) against the
// built-in publisher; no widget. FeedPanel's tests are in tst_feedpanel.
#include "sselib/publisher/publisher.h"
#include "sselib/publisher/tokenstreamer_p.h"
#include "ui/models/feed.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using ReadyState = Feed::ReadyState;
using Record = Sse::EventLog::Record;

namespace {

constexpr auto Mode = QAbstractItemModelTester::FailureReportingMode::QtTest;

Sse::PublisherOptions fastOptions()
{
    Sse::PublisherOptions options;
    options.generator.interval = 20ms;
    options.generator.heartbeat = 60ms;
    return options;
}

FeedConfig configFor(const QUrl &url)
{
    FeedConfig config;
    config.name = u"test"_s;
    config.url = url;
    config.options.reconnectionTime = 200ms;
    return config;
}

QUrl llmUrl(const Sse::Publisher &publisher, const QString &style)
{
    QUrl url = publisher.url(Sse::Publisher::llmPath());
    url.setQuery(QUrlQuery{{u"style"_s, style}, {u"interval"_s, u"2"_s}});
    return url;
}

QStringList findingCodes(const ConnectionRecord &record)
{
    QStringList codes;
    for (const Sse::Finding &finding : record.findings)
        codes.append(finding.code);
    return codes;
}

} // namespace

class tst_Feed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void feed_opensAndCounts();
    void feed_rateHistoryFills();
    void feed_statsChangedIsCoalesced();
    void feed_http503IsFatalAndClosed();
    void feed_setConfigRecreatesSource();
    void feed_recordsConnectionResponse();
    void feed_recordsResponseFindings();
    void feed_findingsSayWhatWasDropped();
    void feed_failedRequestRecordsError();
    void feed_wrongContentTypeShowsHeadersAndFinding();
    void feed_llmStreamAssemblesText_data();
    void feed_llmStreamAssemblesText();
    void feed_llmStreamOnlyForLlmFeeds();
    void feed_missingSecretKeepsItClosedUntilGiven();
    void feed_connectionRecordsStayBoundedWhileShared();

private:
    std::unique_ptr<Sse::Publisher> m_publisher;
};

void tst_Feed::init()
{
    m_publisher = std::make_unique<Sse::Publisher>(fastOptions());
    QVERIFY2(m_publisher->listen(), qPrintable(m_publisher->errorString()));
    QVERIFY2(m_publisher->port() != 0, "the publisher has no port");
}

void tst_Feed::cleanup()
{
    m_publisher.reset();
}

void tst_Feed::feed_opensAndCounts()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    QAbstractItemModelTester tester(feed.model(), Mode);
    QSignalSpy stateSpy(&feed, &Feed::readyStateChanged);
    QCOMPARE(feed.readyState(), ReadyState::Closed);

    feed.open();
    QTRY_COMPARE(feed.readyState(), ReadyState::Open);
    QCOMPARE(stateSpy.first().first().value<ReadyState>(), ReadyState::Connecting);
    QTRY_VERIFY(feed.eventCount() >= 5);
    QTRY_VERIFY(feed.commentCount() >= 1);
    QTRY_VERIFY(feed.model()->rowCount() >= 5);
    QVERIFY(feed.bytesReceived() > 0);
    QVERIFY(!feed.lastEventId().isEmpty());
    QCOMPARE(feed.reconnectCount(), 0);
    QCOMPARE(feed.reconnectionTime(), 200ms);
    QVERIFY(feed.lastError().isEmpty());

    // Raw lines are kept for the detail pane, and the log holds the comments too.
    feed.model()->flush();
    bool sawComment = false;
    bool sawRaw = false;
    for (int row = 0; row < feed.model()->rowCount(); ++row) {
        const Record &record = feed.model()->record(row);
        if (record.kind == Record::Kind::Comment)
            sawComment = true;
        else if (record.event.raw.contains("data: "))
            sawRaw = true;
    }
    QVERIFY(sawComment);
    QVERIFY(sawRaw);

    feed.reconnectNow();
    QTRY_COMPARE(feed.reconnectCount(), 1);
    QTRY_COMPARE(feed.readyState(), ReadyState::Open);

    feed.close();
    QTRY_COMPARE(feed.readyState(), ReadyState::Closed);
    QVERIFY(!feed.history()->spans().empty());
}

void tst_Feed::feed_missingSecretKeepsItClosedUntilGiven()
{
    FeedConfig config = configFor(m_publisher->url(u"/events"_s));
    config.missingSecrets = {"Authorization", "X-Api-Key"};
    Feed feed(config);
    QCOMPARE(feed.missingSecretsText(), u"Authorization, X-Api-Key need values"_s);
    feed.open();
    // No request without its credentials, and it says why.
    QCOMPARE(feed.readyState(), ReadyState::Closed);
    QVERIFY(!feed.source());
    QVERIFY2(feed.lastError().contains(u"need values"_s), qPrintable(feed.lastError()));

    feed.provideSecrets({{"authorization", "Bearer given"}});
    QCOMPARE(feed.missingSecretsText(), u"X-Api-Key needs a value"_s);
    feed.provideSecrets({{"X-Api-Key", "k"}});
    QVERIFY(feed.missingSecretsText().isEmpty());
    QCOMPARE(feed.config().options.headers,
            (Sse::HeaderList{{"authorization", "Bearer given"}, {"X-Api-Key", "k"}}));
    feed.open();
    QTRY_COMPARE(feed.readyState(), ReadyState::Open);
    QVERIFY(feed.lastError().isEmpty());
}

void tst_Feed::feed_rateHistoryFills()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    feed.open();
    QTRY_VERIFY_WITH_TIMEOUT(feed.rateHistory().size() >= 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(feed.eventsPerSecond() > 5.0, 5000);
    QVERIFY(feed.rateHistory().size() <= Feed::RateHistorySeconds);
}

void tst_Feed::feed_statsChangedIsCoalesced()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    QSignalSpy spy(&feed, &Feed::statsChanged);
    QElapsedTimer clock;
    clock.start();
    feed.open();
    QTRY_VERIFY(feed.eventCount() >= 25);
    // ~50 events, comments and byte chunks a second, but at most ~10 signals a second.
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(spy.size() <= elapsed / Feed::StatsIntervalMs + 2,
            qPrintable(u"%1 signals in %2 ms"_s.arg(spy.size()).arg(elapsed)));
    QVERIFY(spy.size() >= 1);
}

void tst_Feed::feed_http503IsFatalAndClosed()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    QUrl url = m_publisher->url(u"/events"_s);
    url.setQuery(u"status=503"_s);
    FeedConfig config = feed.config();
    config.url = url;
    feed.setConfig(config);
    QSignalSpy errors(&feed, &Feed::errorOccurred);
    QSignalSpy states(&feed, &Feed::readyStateChanged);

    feed.open();
    QTRY_COMPARE(errors.size(), 1);
    QTRY_COMPARE(feed.readyState(), ReadyState::Closed);
    QVERIFY(feed.isLastErrorFatal());
    QVERIFY(!feed.lastError().isEmpty());
    QCOMPARE(errors.first().first().value<Sse::SourceError>().httpStatus, 503);
    QCOMPARE(feed.eventCount(), 0u);
}

void tst_Feed::feed_setConfigRecreatesSource()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    feed.open();
    QTRY_COMPARE(feed.readyState(), ReadyState::Open);
    QVERIFY(feed.source() != nullptr);
    FeedConfig config = feed.config();
    config.url = m_publisher->url(u"/events/test-event"_s);
    feed.setConfig(config);
    QCOMPARE(feed.source(), nullptr);
    QCOMPARE(feed.readyState(), ReadyState::Closed);
    QVERIFY(feed.config().options.keepRawLines);
    feed.open();
    QVERIFY(feed.source() != nullptr);
    QCOMPARE(feed.source()->url(), config.url);
    QTRY_COMPARE(feed.readyState(), ReadyState::Open);
    QTRY_VERIFY(feed.model()->typesSeen().contains(u"test-event"_s));
}

void tst_Feed::feed_recordsConnectionResponse()
{
    Feed feed(configFor(m_publisher->url(u"/events"_s)));
    QSignalSpy spy(&feed, &Feed::connectionsChanged);
    QVERIFY(feed.connections().isEmpty());
    QCOMPARE(feed.lastConnection(), nullptr);

    feed.open();
    QTRY_VERIFY(feed.lastConnection() && feed.lastConnection()->response);
    QVERIFY(!spy.isEmpty());
    const ConnectionRecord first = feed.connections().constLast();
    QCOMPARE(feed.connections().size(), 1);
    QCOMPARE(first.connection, 1);
    QVERIFY(first.lastEventIdSent.isEmpty());
    QVERIFY(first.startedMs > 0);
    QVERIFY(first.isOngoing());
    QCOMPARE(first.response->connection, 1);
    QCOMPARE(first.response->status, 200);
    QCOMPARE(first.response->httpVersion, "1.1"_ba);
    QVERIFY(first.response->header("Content-Type").startsWith("text/event-stream"));
    QCOMPARE(first.response->header("Cache-Control"), "no-cache"_ba);
    QCOMPARE(first.response->header("X-Accel-Buffering"), "no"_ba);
    // The publisher's response is what a stream should be: nothing to warn about.
    QCOMPARE(first.warningCount(), 0);
    QVERIFY2(first.findings.isEmpty(), qPrintable(findingCodes(first).join(u", "_s)));

    // A reconnect is a new record that sent the last id; the first one has ended.
    QTRY_VERIFY(!feed.lastEventId().isEmpty());
    feed.reconnectNow();
    QTRY_VERIFY(feed.connections().size() == 2 && feed.connections().constLast().response);
    const QList<ConnectionRecord> connections = feed.connections();
    QVERIFY(!connections.constFirst().isOngoing());
    QCOMPARE(connections.constLast().connection, 2);
    QVERIFY(!connections.constLast().lastEventIdSent.isEmpty());
    QCOMPARE(connections.constLast().response->status, 200);

    feed.close();
    QTRY_VERIFY(!feed.connections().constLast().isOngoing());
}

void tst_Feed::feed_recordsResponseFindings()
{
    // A parameter besides charset is allowed by browsers, but worth a note.
    QUrl url = m_publisher->url(u"/events"_s);
    url.setQuery(QUrlQuery{{u"contentType"_s, u"text/event-stream; profile=x"_s}});
    Feed feed(configFor(url));
    feed.open();
    QTRY_VERIFY(feed.lastConnection() && feed.lastConnection()->response);
    const ConnectionRecord record = *feed.lastConnection();
    QCOMPARE(findingCodes(record), QStringList{u"content-type-params"_s});
    QCOMPARE(record.findings.constFirst().severity, Sse::Finding::Severity::Info);
    QCOMPARE(record.warningCount(), 0);
}

// Events that never reach the log are not passed over in silence: the connection's findings
// say how many were dropped and why.
void tst_Feed::feed_findingsSayWhatWasDropped()
{
    // Every event of the publisher has more data than this; the stream ends after three.
    QUrl three = m_publisher->url(u"/events"_s);
    three.setQuery(QUrlQuery{{u"closeAfter"_s, u"3"_s}});
    FeedConfig tooLarge = configFor(three);
    tooLarge.options.maxEventSize = 8;
    Feed limited(tooLarge);
    limited.open();
    QTRY_VERIFY(limited.connections().size() >= 2);
    const ConnectionRecord dropped = limited.connections().constFirst();
    QCOMPARE(findingCodes(dropped), QStringList{u"event-too-large"_s});
    QVERIFY2(dropped.findings.constFirst().message.startsWith(u"3 events with more than 8 bytes"_s),
            qPrintable(dropped.findings.constFirst().message));
    QCOMPARE(dropped.warningCount(), 1);
    QCOMPARE(limited.eventCount(), quint64(0));
    limited.close();

    // The stream is cut in the middle of its third event's data line.
    QUrl url = m_publisher->url(u"/events"_s);
    url.setQuery(QUrlQuery{{u"cutAfter"_s, u"2"_s}});
    Feed cut(configFor(url));
    cut.open();
    QTRY_VERIFY(cut.connections().size() >= 2);
    const ConnectionRecord first = cut.connections().constFirst();
    QCOMPARE(findingCodes(first), QStringList{u"unfinished-event"_s});
    QCOMPARE(first.findings.constFirst().severity, Sse::Finding::Severity::Warning);
    QVERIFY(!first.error.isEmpty());
    QVERIFY(cut.eventCount() >= 2);
    QCOMPARE(first.warningCount(), 1);
}

void tst_Feed::feed_failedRequestRecordsError()
{
    QUrl url = m_publisher->url(u"/events"_s);
    url.setQuery(QUrlQuery{{u"status"_s, u"503"_s}});
    Feed feed(configFor(url));
    feed.open();
    QTRY_COMPARE(feed.readyState(), ReadyState::Closed);
    QTRY_VERIFY(feed.lastConnection() && !feed.lastConnection()->error.isEmpty());
    const ConnectionRecord record = *feed.lastConnection();
    QVERIFY(record.fatal);
    QVERIFY(record.error.contains(u"503"_s));
    // The refused response is kept, headers and all, for the Connection tab.
    QVERIFY(record.response);
    QCOMPARE(record.response->status, 503);
    QVERIFY(!record.isOngoing());
}

void tst_Feed::feed_wrongContentTypeShowsHeadersAndFinding()
{
    QUrl url = m_publisher->url(u"/events"_s);
    url.setQuery(QUrlQuery{{u"contentType"_s, u"text/plain"_s}});
    Feed feed(configFor(url));
    feed.open();
    QTRY_VERIFY(feed.lastConnection() && !feed.lastConnection()->error.isEmpty());
    const ConnectionRecord record = *feed.lastConnection();
    QVERIFY(record.fatal);
    QVERIFY(record.response);
    QCOMPARE(record.response->header("Content-Type"), "text/plain"_ba);
    QVERIFY2(findingCodes(record).join(u' ').contains(u"content-type"_s),
            qPrintable(findingCodes(record).join(u' ')));
    QVERIFY(record.warningCount() >= 1);
}

void tst_Feed::feed_llmStreamAssemblesText_data()
{
    QTest::addColumn<QString>("style");
    QTest::addColumn<int>("expectedStyle");
    QTest::addRow("openai") << u"openai"_s << int(Sse::LlmStream::Style::OpenAi);
    QTest::addRow("anthropic") << u"anthropic"_s << int(Sse::LlmStream::Style::Anthropic);
}

void tst_Feed::feed_llmStreamAssemblesText()
{
    QFETCH(QString, style);
    QFETCH(int, expectedStyle);
    FeedConfig config = configFor(llmUrl(*m_publisher, style));
    config.llm = true;
    Feed feed(config);
    QSignalSpy llmSpy(&feed, &Feed::llmChanged);

    feed.open();
    QTRY_VERIFY_WITH_TIMEOUT(feed.llmStream().isDone(), 20000);
    const Sse::LlmStream &stream = feed.llmStream();
    QCOMPARE(stream.text(), Sse::TokenStreamer::paragraph());
    QCOMPARE(int(stream.style()), expectedStyle);
    QCOMPARE(stream.tokens(), int(Sse::TokenStreamer::tokenize(stream.text()).size()));
    QVERIFY(stream.timeToFirstToken().has_value());
    QVERIFY(stream.error().isEmpty());
    QVERIFY(!llmSpy.isEmpty());

    // Done ends the feed cleanly: closed, no error, no second request for another answer.
    QTRY_COMPARE(feed.readyState(), ReadyState::Closed);
    QVERIFY2(feed.lastError().isEmpty(), qPrintable(feed.lastError()));
    QCOMPARE(feed.connections().size(), 1);
    QVERIFY(feed.connections().constFirst().error.isEmpty());

    // Opening again asks anew: the text restarts with the new request.
    feed.open();
    QTRY_COMPARE(feed.connections().size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(feed.llmStream().isDone(), 20000);
    QCOMPARE(feed.llmStream().text(), Sse::TokenStreamer::paragraph());
}

void tst_Feed::feed_llmStreamOnlyForLlmFeeds()
{
    Feed feed(configFor(llmUrl(*m_publisher, u"openai"_s)));
    feed.open();
    QTRY_VERIFY(feed.eventCount() >= 3);
    QVERIFY(feed.llmStream().text().isEmpty());
    QCOMPARE(feed.llmStream().tokens(), 0);
}

QTEST_MAIN(tst_Feed)

// A feed keeps its newest MaxConnections records while a view holds a copy of them: the list
// is shared whenever a record is appended, and Qt 6's QList then keeps the room of the records
// dropped at its front, so it grew by one record (~0.5 KiB) per reconnect without end
// (bench_soakdashboard).
void tst_Feed::feed_connectionRecordsStayBoundedWhileShared()
{
    Sse::PublisherOptions options;
    options.generator.interval = 1ms;
    options.generator.limit = 1; // every stream ends after one event: a reconnect each time
    options.generator.retry = 1ms;
    options.generator.heartbeat = 0ms;
    Sse::Publisher publisher(options);
    QVERIFY2(publisher.listen(), qPrintable(publisher.errorString()));
    FeedConfig config = configFor(publisher.url(u"/events"_s));
    config.options.reconnectionTime = 1ms;
    Feed feed(config);
    QList<ConnectionRecord> held; // what ConnectionView keeps
    connect(&feed, &Feed::connectionsChanged, this, [&] { held = feed.connections(); });
    feed.open();
    constexpr int Reconnects = 2 * Feed::MaxConnections + 50; // enough to pass 2 * the bound
    QTRY_VERIFY_WITH_TIMEOUT(feed.source()->connectionCount() > Reconnects, 60000);
    QCOMPARE(feed.connections().size(), Feed::MaxConnections);
    QCOMPARE_LE(feed.connections().capacity(), 2 * Feed::MaxConnections);
    // The newest records are the ones kept.
    QCOMPARE(feed.connections().constLast().connection, feed.source()->connectionCount());
    feed.close();
}

#include "tst_feed.moc"
