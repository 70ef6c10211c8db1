// SPDX-License-Identifier: MIT
// Nothing lost in the models: a Feed's log at 20,000 events/s, an export during live ingest, and
// the import of a recording whose last line was torn.
#include "tests/support/filebytes.h"
#include "tests/support/pacedpublisher.h"
#include "tests/support/quietpublisher.h"

#include "sselib/eventlog.h"
#include "sselib/publisher/publisher.h"
#include "ui/models/feed.h"
#include "ui/models/feedlist.h"
#include "ui/models/logcontroller.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

using TestSupport::PacedPublisher;
using TestSupport::readAll;
using TestSupport::writeAll;

namespace {

// The load, not a claim; bounded by events: a slow build (ASan) takes longer for the same run.
constexpr int Rate = 20000;
constexpr int Events = 50000;
constexpr int RunTimeoutMs = 180000;

/// Where the n-th record (from 1) differs from event n of the run; empty when it does not.
QByteArray mismatch(const Sse::EventLog::Record &record, int n)
{
    const Sse::Event &event = record.event;
    if (record.kind == Sse::EventLog::Record::Kind::Event && event.type == "message"
            && event.lastEventId == QByteArray::number(n)
            && event.data == PacedPublisher::dataOf(n)) {
        return {};
    }
    return "record " + QByteArray::number(n) + ": kind " + QByteArray::number(int(record.kind))
            + " id " + event.lastEventId + " data " + event.data.left(80);
}

/// A live feed of the run's publisher, in a list (as the window has it), with room for it all.
Feed *addLiveFeed(FeedList &feeds, const Sse::Publisher &publisher)
{
    FeedConfig config;
    config.name = u"fast"_s;
    config.url = publisher.channelUrl({});
    config.logCapacity = Events + 1;
    return feeds.add(config);
}

/// Opens `feed` and starts `pacer` once the publisher has it as a subscriber.
bool openAndStart(Feed *feed, const Sse::Publisher &publisher, PacedPublisher &pacer)
{
    feed->open();
    if (!QTest::qWaitFor([&] { return publisher.clientCount() == 1; }, 10000))
        return false;
    pacer.start();
    return true;
}

} // namespace

class tst_FeedNothingLost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void feed_fastFeed_logHoldsEveryEventInOrder();
    void export_duringLiveIngest_holdsEveryEventUpToItsStart();
    void import_tornLastLine_readsTheRestAndSaysSo();
};

void tst_FeedNothingLost::feed_fastFeed_logHoldsEveryEventInOrder()
{
    Sse::Publisher publisher(TestSupport::quietPublisherOptions());
    QVERIFY(publisher.listen());
    FeedList feeds;
    Feed *feed = addLiveFeed(feeds, publisher);
    PacedPublisher pacer(&publisher, Events, Rate);
    QVERIFY(openAndStart(feed, publisher, pacer));
    QTRY_VERIFY_WITH_TIMEOUT(feed->eventCount() >= Events, RunTimeoutMs);
    // A repeat of any event before it would take its place.
    publisher.publish({}, PacedPublisher::dataOf(Events + 1));
    QTRY_VERIFY_WITH_TIMEOUT(feed->eventCount() >= Events + 1, RunTimeoutMs);
    feed->close();
    qInfo("%llu events at %.0f events/s", feed->eventCount(), pacer.achievedRate());

    QCOMPARE(feed->eventCount(), quint64(Events + 1));
    EventLogModel *model = feed->model();
    model->flush();
    QCOMPARE(model->rowCount(), Events + 1);
    QCOMPARE(model->evictedCount(), quint64(0));
    for (int row = 0; row < model->rowCount(); ++row) {
        const QByteArray why = mismatch(model->record(row), row + 1);
        QVERIFY2(why.isEmpty(), why.constData());
        QCOMPARE(model->anomaly(row), EventLogModel::Anomaly::None);
    }
}

void tst_FeedNothingLost::export_duringLiveIngest_holdsEveryEventUpToItsStart()
{
    Sse::Publisher publisher(TestSupport::quietPublisherOptions());
    QVERIFY(publisher.listen());
    FeedList feeds;
    LogController logs(&feeds);
    Feed *feed = addLiveFeed(feeds, publisher);
    PacedPublisher pacer(&publisher, Events, Rate);
    QVERIFY(openAndStart(feed, publisher, pacer));
    QTRY_VERIFY_WITH_TIMEOUT(feed->eventCount() >= Events / 4, RunTimeoutMs);

    // The export takes every event the feed has got, queued ones included, at this moment.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"live.ndjson"_s);
    const quint64 atStart = feed->eventCount();
    const int sentAtStart = pacer.sent();
    QSignalSpy finished(&logs, &LogController::exportFinished);
    LogExportJob *job = logs.exportLog(feed, path, Sse::LogFormat::Ndjson);
    QVERIFY(job);
    QCOMPARE(quint64(job->recordCount()), atStart);
    QVERIFY(finished.wait(RunTimeoutMs));
    const quint64 atEnd = feed->eventCount();
    const auto result = finished.first().first().value<Sse::ExportResult>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.records, qint64(atStart));
    qInfo("export of %llu records started with %d of %d events published, ended with %llu "
          "received",
            atStart, sentAtStart, Events, atEnd);
    // Live: the publisher was still sending when the export began, and the feed, still open,
    // went on receiving. Whether any event lands during the export itself depends on how
    // fast the export thread is, so it is not asserted.
    QVERIFY2(sentAtStart < Events, QByteArray::number(sentAtStart));
    QVERIFY(atEnd >= atStart);

    // The file holds events 1..atStart, in order, exactly as the log has them.
    QTRY_VERIFY_WITH_TIMEOUT(feed->eventCount() >= Events, RunTimeoutMs);
    feed->close();
    EventLogModel *model = feed->model();
    model->flush();
    const QByteArrayList lines = readAll(path).split('\n');
    QCOMPARE(lines.size(), qsizetype(atStart) + 1);
    QCOMPARE(lines.last(), QByteArray());
    for (int i = 0; i < int(atStart); ++i) {
        const Sse::EventLog::LineResult read = Sse::EventLog::readLine(lines.at(i));
        QVERIFY2(read.ok, qPrintable(read.error));
        const QByteArray why = mismatch(read.record, i + 1);
        QVERIFY2(why.isEmpty(), why.constData());
        const Sse::Event &live = model->record(i).event;
        QCOMPARE(read.record.event.receivedMs, live.receivedMs);
        QCOMPARE(read.record.event.connection, live.connection);
        QCOMPARE(read.record.event.origin, live.origin);
    }
}

void tst_FeedNothingLost::import_tornLastLine_readsTheRestAndSaysSo()
{
    // What a recorder killed in the middle of a write leaves: whole lines, then part of one.
    QByteArray log = PacedPublisher::logOf(3);
    const qsizetype lastLine = log.lastIndexOf('\n', log.size() - 2) + 1;
    log.chop((log.size() - lastLine) / 2);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"killed.ndjson"_s);
    QVERIFY(writeAll(path, log));

    FeedList feeds;
    LogController logs(&feeds);
    QSignalSpy status(&logs, &LogController::statusMessage);
    const LogController::FeedResult imported = logs.importLog(path);
    QVERIFY2(imported.ok, qPrintable(imported.error));
    QCOMPARE(imported.feed->model()->rowCount(), 2);
    QCOMPARE(imported.feed->lastEventId(), "2"_ba);
    QCOMPARE(status.count(), 1);
    const QString said = status.first().first().toString();
    QVERIFY2(said.startsWith(u"Imported 2 records from"_s), qPrintable(said));
    QVERIFY2(said.contains(u"killed.ndjson:3: the last line was cut short"_s), qPrintable(said));
}

QTEST_MAIN(tst_FeedNothingLost)
#include "tst_feednothinglost.moc"
