// SPDX-License-Identifier: MIT
// Tests of Sse::Replay: a recorded log reaches a real EventSource in order, never early.
#include "sselib/eventsource.h"
#include "sselib/publisher/publisher.h"
#include "sselib/publisher/replay.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Sse::Event;

namespace {

constexpr int WaitMs = 10000;

Sse::PublisherOptions replayOptions()
{
    Sse::PublisherOptions options;
    options.generator.interval = 0ms;
    options.generator.heartbeat = 0ms;
    options.generator.ids = Sse::GeneratorSettings::Ids::None;
    return options;
}

Event recorded(const QByteArray &type, const QByteArray &data, const QByteArray &id, qint64 ms)
{
    return Event{type, data, id, u"http://recorded"_s, ms, 1};
}

} // namespace

class tst_Replay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replay_deliversInOrderNeverEarly_data();
    void replay_deliversInOrderNeverEarly();
    void readFile_keepsEventsOnly();
    void readFile_namesTheBadLine();
};

void tst_Replay::replay_deliversInOrderNeverEarly_data()
{
    QTest::addColumn<double>("speed");
    QTest::addRow("recorded pace") << 1.0;
    QTest::addRow("four times as fast") << 4.0;
}

void tst_Replay::replay_deliversInOrderNeverEarly()
{
    QFETCH(double, speed);
    Sse::Publisher publisher(replayOptions());
    QVERIFY2(publisher.listen(), qPrintable(publisher.errorString()));
    const QList<Event> events{recorded("message", "first", "1", 5000),
            recorded("tick", "two\nlines", "2", 5200), recorded("message", "last", "3", 5600)};

    Sse::EventSource source(publisher.url(Sse::Publisher::pathOf({})));
    QSignalSpy received(&source, &Sse::EventSource::eventReceived);
    QSignalSpy opened(&source, &Sse::EventSource::opened);
    source.open();
    QVERIFY(opened.wait(WaitMs));
    QTRY_COMPARE(publisher.clientCount(), 1);

    Sse::Replay replay(&publisher, events, speed);
    QSignalSpy finished(&replay, &Sse::Replay::finished);
    QElapsedTimer clock;
    QList<qint64> arrivals;
    connect(&source, &Sse::EventSource::eventReceived, this,
            [&] { arrivals.append(clock.elapsed()); });
    clock.start();
    replay.start();
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 3, WaitMs);
    QVERIFY(finished.size() == 1 || finished.wait(WaitMs));
    QCOMPARE(replay.position(), 3);

    for (int i = 0; i < 3; ++i) {
        const auto event = received.at(i).at(0).value<Event>();
        QCOMPARE(event.type, events[i].type);
        QCOMPARE(event.data, events[i].data);
        QCOMPARE(event.lastEventId, events[i].lastEventId);
        // Never before its recorded offset (scaled); later is the machine's business.
        const qint64 due = qint64((events[i].receivedMs - events[0].receivedMs) / speed);
        QVERIFY2(arrivals[i] >= due,
                qPrintable(u"event %1 at %2 ms, due at %3 ms"_s.arg(i).arg(arrivals[i]).arg(due)));
    }
}

void tst_Replay::readFile_keepsEventsOnly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"log.ndjson"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
            R"({"kind":"event","receivedMs":10,"connection":1,"type":"message","data":"a","lastEventId":"1","origin":"o"}
{"kind":"comment","receivedMs":11,"connection":1,"comment":"hb"}

{"kind":"state","receivedMs":12,"connection":1}
{"kind":"event","receivedMs":13,"connection":2,"type":"t","data":"b","lastEventId":"","origin":"o"}
)");
    file.close();
    const Sse::ReplayFileResult read = Sse::Replay::readFile(file.fileName());
    QVERIFY2(read.ok, qPrintable(read.error));
    QVERIFY(read.error.isEmpty());
    const QList<Event> &events = read.events;
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0], (Event{"message", "a", "1", u"o"_s, 10, 1}));
    QCOMPARE(events[1], (Event{"t", "b", "", u"o"_s, 13, 2}));
}

void tst_Replay::readFile_namesTheBadLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"bad.ndjson"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"kind\":\"comment\",\"receivedMs\":1,\"connection\":1,\"comment\":\"\"}\nnope\n");
    file.close();
    const Sse::ReplayFileResult bad = Sse::Replay::readFile(file.fileName());
    QVERIFY(!bad.ok);
    QVERIFY(bad.events.isEmpty());
    QVERIFY2(bad.error.startsWith(file.fileName() + u":2: not JSON"_s), qPrintable(bad.error));
    const Sse::ReplayFileResult missing = Sse::Replay::readFile(dir.filePath(u"missing"_s));
    QVERIFY(!missing.ok);
    QVERIFY2(missing.error.contains(u"missing"_s), qPrintable(missing.error));
}

QTEST_GUILESS_MAIN(tst_Replay)
#include "tst_replay.moc"
