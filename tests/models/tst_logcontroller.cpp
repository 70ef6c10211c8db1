// SPDX-License-Identifier: MIT
// Tests of LogController: export, import and replay of a FeedList's logs, without any widget.
#include "sselib/eventlog.h"
#include "ui/models/feedlist.h"
#include "ui/models/logcontroller.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_LogController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void import_addsACurrentImportedFeed();
    void export_writesTheLogOnceAtATime();
    void replay_withoutEvents_saysSo();
};

namespace {

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// An NDJSON log of `events` events and one comment.
QByteArray recordedLog(int events)
{
    QByteArray log;
    for (int i = 0; i < events; ++i) {
        Sse::Event event;
        event.type = "message";
        event.data = QByteArray::number(i);
        event.lastEventId = QByteArray::number(i);
        event.receivedMs = 1'700'000'000'000 + i;
        event.connection = 1;
        Sse::EventLog::appendEvent(log, event);
    }
    Sse::EventLog::appendComment(log, "keep-alive", 1'700'000'001'000, 1);
    return log;
}

} // namespace

void tst_LogController::import_addsACurrentImportedFeed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"recorded.ndjson"_s);
    QVERIFY(writeAll(path, recordedLog(3)));
    FeedList feeds;
    feeds.add(FeedConfig{});
    LogController logs(&feeds);
    QSignalSpy status(&logs, &LogController::statusMessage);

    const LogController::FeedResult result = logs.importLog(path);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    Feed *imported = result.feed;
    QVERIFY(imported);
    QCOMPARE(feeds.count(), 2);
    QCOMPARE(feeds.current(), imported);
    QVERIFY(feeds.isImported(imported));
    QCOMPARE(imported->config().name, u"Imported: recorded.ndjson"_s);
    QVERIFY(imported->isRecording());
    QCOMPARE(imported->model()->rowCount(), 4);
    QCOMPARE(status.count(), 1);
    QVERIFY2(status.first().first().toString().startsWith(u"Imported 4 records from"_s),
            qPrintable(status.first().first().toString()));

    // A bad line: nothing is added, and the error says where.
    const QString bad = dir.filePath(u"bad.ndjson"_s);
    QVERIFY(writeAll(bad, recordedLog(1) + "not json\n"));
    const LogController::FeedResult failed = logs.importLog(bad);
    QVERIFY(!failed.ok);
    QVERIFY(!failed.feed);
    QVERIFY2(failed.error.contains(u"bad.ndjson:3"_s), qPrintable(failed.error));
    QCOMPARE(feeds.count(), 2);
    QCOMPARE(status.count(), 1);
}

void tst_LogController::export_writesTheLogOnceAtATime()
{
    QTemporaryDir dir;
    const QString source = dir.filePath(u"source.ndjson"_s);
    QVERIFY(writeAll(source, recordedLog(5)));
    FeedList feeds;
    LogController logs(&feeds);
    Feed *feed = logs.importLog(source).feed;
    QVERIFY(feed);
    QSignalSpy finished(&logs, &LogController::exportFinished);
    QSignalSpy status(&logs, &LogController::statusMessage);
    QSignalSpy jobChanged(&logs, &LogController::exportJobChanged);

    const QString target = dir.filePath(u"target.ndjson"_s);
    QVERIFY(logs.exportLog(feed, target, Sse::LogFormat::Ndjson));
    QVERIFY(logs.exportJob());
    QCOMPARE(jobChanged.count(), 1);
    QVERIFY(!logs.exportLog(feed, dir.filePath(u"second.ndjson"_s), Sse::LogFormat::Ndjson));
    QVERIFY(!logs.exportLog(nullptr, target, Sse::LogFormat::Ndjson));
    QVERIFY(finished.wait(10000));
    const auto result = finished.first().first().value<Sse::ExportResult>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.records, qint64(6));
    QVERIFY(!logs.exportJob());
    QCOMPARE(jobChanged.count(), 2);
    QVERIFY(status.last().first().toString().startsWith(u"Exported 6 records to"_s));
    QVERIFY(!QFile::exists(dir.filePath(u"second.ndjson"_s)));

    // What was written reads back as the same log.
    Feed *back = logs.importLog(target).feed;
    QVERIFY(back);
    QCOMPARE(back->model()->rowCount(), 6);
    QCOMPARE(back->lastEventId(), "4"_ba);
}

void tst_LogController::replay_withoutEvents_saysSo()
{
    FeedList feeds;
    LogController logs(&feeds);
    Feed *empty = feeds.add(FeedConfig{});
    const LogController::FeedResult result = logs.replayLog(empty, 1.0);
    QVERIFY(!result.ok);
    QVERIFY(!result.feed);
    QCOMPARE(result.error, u"The log has no events to replay."_s);
    QCOMPARE(logs.replayLog(nullptr, 1.0).error, u"The log has no events to replay."_s);
    QCOMPARE(feeds.count(), 1);
}

QTEST_GUILESS_MAIN(tst_LogController)
#include "tst_logcontroller.moc"
