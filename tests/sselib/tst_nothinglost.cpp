// SPDX-License-Identifier: MIT
// Nothing lost: an EventSource at 20,000 events/s from the publisher gets every event once, in
// order, also across forced reconnects with Last-Event-ID resume; a torn log line is reported.
#include "tests/support/filebytes.h"
#include "tests/support/pacedpublisher.h"
#include "tests/support/quietpublisher.h"

#include "sselib/eventsource.h"
#include "sselib/logexport.h"
#include "sselib/publisher/publisher.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

using Sse::EventSource;
using TestSupport::PacedPublisher;
using TestSupport::SequenceCheck;
using TestSupport::writeAll;

namespace {

// The load, not a claim: the rate each run aims at, and its size. Bounded by events, not by
// time: a slow build (ASan) takes longer for the same run.
constexpr int Rate = 20000;
constexpr int Events = 50000;
// Generous, for ASan on a shared machine: a run of 50,000 events takes 2.5 s at full speed.
constexpr int RunTimeoutMs = 180000;

/// What a run saw besides the events.
struct RunFigures
{
    int events = 0; ///< events that count (the publisher's), sentinel included
    int reconnects = 0;
    int resumedOk = 0; ///< responses with X-SSE-Resume: ok
    int resumedGap = 0; ///< responses with X-SSE-Resume: gap
    int withoutLastEventId = 0; ///< reconnects that sent no Last-Event-ID
    double rate = 0; ///< events a second the publisher achieved
    QByteArray problem;
};

/// Publishes `total` events at Rate to `source`, then one sentinel event, and checks that the
/// events of type "message" come exactly once each, in order. `onEvent` runs for each of them
/// after the check (a test forces reconnects there).
RunFigures runAndCheck(Sse::Publisher &publisher, EventSource &source, int total = Events,
        const std::function<void(const Sse::Event &)> &onEvent = {})
{
    RunFigures figures;
    SequenceCheck check;
    QObject context;
    QObject::connect(&source, &EventSource::eventReceived, &context, [&](const Sse::Event &e) {
        if (e.type != "message")
            return; // the publisher's "reconnect" instruction
        check.take(e);
        if (onEvent)
            onEvent(e);
    });
    QObject::connect(&source, &EventSource::connectionStarted, &context,
            [&](int connection, const QByteArray &lastEventIdSent) {
                if (connection > 1 && lastEventIdSent.isEmpty())
                    ++figures.withoutLastEventId;
            });
    QObject::connect(
            &source, &EventSource::responseReceived, &context, [&](const Sse::ResponseInfo &r) {
                const QByteArray resume = r.header("X-SSE-Resume");
                figures.resumedOk += resume == "ok";
                figures.resumedGap += resume == "gap";
            });

    source.open();
    PacedPublisher pacer(&publisher, total, Rate);
    // The first event goes to a subscriber: publish once the stream is there.
    if (!QTest::qWaitFor([&] { return publisher.clientCount() == 1; }, 10000)) {
        figures.problem = "the source did not subscribe";
        return figures;
    }
    pacer.start();
    const auto reached = [&](int count) {
        return QTest::qWaitFor(
                [&] { return check.count() >= count || !check.problem().isEmpty(); }, RunTimeoutMs);
    };
    if (!reached(total)) {
        figures.problem = "timed out after " + QByteArray::number(check.count()) + " events";
        return figures;
    }
    // A repeat of any event before it would show as the wrong event in its place.
    publisher.publish({}, PacedPublisher::dataOf(total + 1));
    reached(total + 1);
    source.close();
    figures.events = check.count();
    figures.reconnects = source.reconnectCount();
    figures.rate = pacer.achievedRate();
    figures.problem = check.problem();
    if (figures.problem.isEmpty() && figures.events != total + 1)
        figures.problem = QByteArray::number(figures.events) + " events";
    qInfo("%d events at %.0f events/s, %d reconnects (%d resumed ok)", figures.events, figures.rate,
            figures.reconnects, figures.resumedOk);
    return figures;
}

/// A publisher that keeps every event of a run for resume.
Sse::PublisherOptions keepingEverything()
{
    Sse::PublisherOptions options = TestSupport::quietPublisherOptions();
    options.historySize = Events + 1;
    return options;
}

QUrl withQuery(QUrl url, const QString &query)
{
    url.setQuery(QUrlQuery(query));
    return url;
}

} // namespace

class tst_NothingLost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventSource_fastFeed_everyEventOnceInOrder();
    void eventSource_serverClosesEveryN_resumesWithoutLossOrRepeat();
    void eventSource_clientDropsEveryN_resumesWithoutLossOrRepeat();
    void eventSource_reconnectEvent_resumesWithoutLossOrRepeat();
    void importLog_tornLastLine_skippedAndNamed();
};

void tst_NothingLost::eventSource_fastFeed_everyEventOnceInOrder()
{
    Sse::Publisher publisher(TestSupport::quietPublisherOptions());
    QVERIFY(publisher.listen());
    EventSource source(publisher.channelUrl({}));
    const RunFigures figures = runAndCheck(publisher, source);
    QVERIFY2(figures.problem.isEmpty(), figures.problem.constData());
    QCOMPARE(figures.reconnects, 0);
}

void tst_NothingLost::eventSource_serverClosesEveryN_resumesWithoutLossOrRepeat()
{
    // The stream ends cleanly every 5,000 events (resumed ones count); 20 ms later, 400 events
    // on, the source asks for the rest with Last-Event-ID.
    constexpr int Every = 5000;
    Sse::Publisher publisher(keepingEverything());
    QVERIFY(publisher.listen());
    Sse::SourceOptions options;
    options.reconnectionTime = 20ms;
    EventSource source(withQuery(publisher.channelUrl({}), u"closeAfter=%1"_s.arg(Every)), options);
    const RunFigures figures = runAndCheck(publisher, source);
    QVERIFY2(figures.problem.isEmpty(), figures.problem.constData());
    QVERIFY2(figures.reconnects >= Events / Every - 1, QByteArray::number(figures.reconnects));
    QCOMPARE(figures.withoutLastEventId, 0);
    // The last reconnect may be cut short by close().
    QVERIFY(figures.resumedOk >= figures.reconnects - 1);
    QCOMPARE(figures.resumedGap, 0);
}

void tst_NothingLost::eventSource_clientDropsEveryN_resumesWithoutLossOrRepeat()
{
    // The client drops the connection in the middle of a read every 2,500 events: what it had
    // read beyond that event comes again, and only that.
    constexpr int Every = 2500;
    Sse::Publisher publisher(keepingEverything());
    QVERIFY(publisher.listen());
    EventSource source(publisher.channelUrl({}));
    int drops = 0;
    const RunFigures figures = runAndCheck(publisher, source, Events, [&](const Sse::Event &event) {
        if (event.lastEventId.toInt() % Every == 0 && event.lastEventId.toInt() <= Events) {
            ++drops;
            source.reconnectNow();
        }
    });
    QVERIFY2(figures.problem.isEmpty(), figures.problem.constData());
    QCOMPARE(drops, Events / Every);
    QCOMPARE(figures.reconnects, drops);
    QCOMPARE(figures.withoutLastEventId, 0);
    QCOMPARE(figures.resumedOk, drops);
}

void tst_NothingLost::eventSource_reconnectEvent_resumesWithoutLossOrRepeat()
{
    // reconnect=0 sends "event: reconnect" after the first event of every connection, which
    // the source obeys at once: each connection carries one event of the run (and the rest of
    // what was read is dropped), so this run is shorter: one reconnect per event.
    constexpr int Total = 200;
    Sse::Publisher publisher(keepingEverything());
    QVERIFY(publisher.listen());
    Sse::SourceOptions options;
    options.policy.obeyReconnectEvent = true;
    EventSource source(withQuery(publisher.channelUrl({}), u"reconnect=0"_s), options);
    int reconnectEvents = 0;
    QObject::connect(&source, &EventSource::eventReceived, &source,
            [&](const Sse::Event &e) { reconnectEvents += e.type == "reconnect"; });
    const RunFigures figures = runAndCheck(publisher, source, Total);
    QVERIFY2(figures.problem.isEmpty(), figures.problem.constData());
    // The last reconnect may be cut short by close().
    QVERIFY2(figures.reconnects >= Total, QByteArray::number(figures.reconnects));
    QVERIFY(reconnectEvents >= figures.reconnects);
    QCOMPARE(figures.withoutLastEventId, 0);
    QVERIFY(figures.resumedOk >= figures.reconnects - 1);
    QCOMPARE(figures.resumedGap, 0);
}

void tst_NothingLost::importLog_tornLastLine_skippedAndNamed()
{
    const QByteArray whole =
            "{\"kind\":\"event\",\"receivedMs\":1,\"connection\":1,\"type\":\"message\","
            "\"data\":\"a\",\"lastEventId\":\"1\",\"origin\":\"\"}\n"_ba;
    const QByteArray torn = "{\"kind\":\"event\",\"receivedMs\":2,\"conn"_ba;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"killed.ndjson"_s);
    QVERIFY(writeAll(path, whole + whole + torn));

    // Strict by default: a torn line is a bad line.
    const Sse::ImportResult strict = Sse::importLog(path);
    QVERIFY(!strict.ok);
    QVERIFY2(strict.error.startsWith(path + u":3: not JSON"_s), qPrintable(strict.error));

    const Sse::ImportResult tolerant = Sse::importLog(path, Sse::TornLastLine::Skip);
    QVERIFY2(tolerant.ok, qPrintable(tolerant.error));
    QCOMPARE(tolerant.records.size(), 2);
    QCOMPARE(tolerant.records.at(1).event.lastEventId, "1"_ba);
    QVERIFY2(tolerant.tornLine.startsWith(path + u":3: "_s), qPrintable(tolerant.tornLine));

    // Only the last line, and only without its newline: anything else is damage, not a kill.
    QVERIFY(writeAll(path, whole + torn + '\n'));
    QVERIFY(!Sse::importLog(path, Sse::TornLastLine::Skip).ok);
    QVERIFY(writeAll(path, torn + '\n' + whole));
    QVERIFY(!Sse::importLog(path, Sse::TornLastLine::Skip).ok);
    // A whole file has no torn line.
    QVERIFY(writeAll(path, whole + whole));
    const Sse::ImportResult intact = Sse::importLog(path, Sse::TornLastLine::Skip);
    QVERIFY(intact.ok);
    QCOMPARE(intact.records.size(), 2);
    QVERIFY(intact.tornLine.isEmpty());
    // A last record without its newline is whole, not torn.
    QVERIFY(writeAll(path, whole + whole.chopped(1)));
    const Sse::ImportResult unterminated = Sse::importLog(path, Sse::TornLastLine::Skip);
    QCOMPARE(unterminated.records.size(), 2);
    QVERIFY(unterminated.tornLine.isEmpty());
}

QTEST_GUILESS_MAIN(tst_NothingLost)
#include "tst_nothinglost.moc"
