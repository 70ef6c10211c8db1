// SPDX-License-Identifier: MIT
// A killed monitor: `ssedash-cli monitor --output` on a fast feed, ended by SIGKILL, leaves a
// recording of whole records that `ssedash-cli export` and importLog() read.
#include "tests/support/filebytes.h"
#include "tests/support/pacedpublisher.h"
#include "tests/support/quietpublisher.h"

#include "sselib/eventlog.h"
#include "sselib/logexport.h"
#include "sselib/publisher/publisher.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

using TestSupport::PacedPublisher;
using TestSupport::readAll;
using TestSupport::writeAll;

namespace {

// The load, not a claim; bounded by events. The kill comes once the file holds KillAfter
// records, while the publisher is still at it.
constexpr int Rate = 20000;
constexpr int Events = 40000;
constexpr int KillAfter = 10000;
constexpr int RunTimeoutMs = 120000;
constexpr int ProcessTimeoutMs = 30000;

/// What `ssedash-cli export` did.
struct ExportRun
{
    bool finished = false;
    int exitCode = -1;
    QByteArray err;
};

ExportRun exportLog(const QString &input, const QString &output)
{
    QProcess process;
    process.start(QStringLiteral(SSEDASH_CLI_PATH), {u"export"_s, input, output});
    ExportRun run;
    run.finished = process.waitForFinished(ProcessTimeoutMs);
    run.exitCode = process.exitCode();
    run.err = process.readAllStandardError();
    return run;
}

/// Where the whole lines of a recording differ from events 1..n of the run; empty when they
/// do not.
QByteArray mismatch(const QByteArrayList &wholeLines)
{
    for (qsizetype i = 0; i < wholeLines.size(); ++i) {
        const Sse::EventLog::LineResult read = Sse::EventLog::readLine(wholeLines.at(i));
        const QByteArray n = QByteArray::number(i + 1);
        if (!read.ok)
            return "line " + n + ": " + read.error.toUtf8();
        const Sse::Event &event = read.record.event;
        if (read.record.kind != Sse::EventLog::Record::Kind::Event || event.lastEventId != n
                || event.data != PacedPublisher::dataOf(int(i + 1))) {
            return "line " + n + ": id " + event.lastEventId + " data " + event.data.left(80);
        }
    }
    return {};
}

} // namespace

class tst_MonitorKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedMonitor_recordingHasWholeRecords_andImports();
    void tornRecording_exportsTheRest_andSaysSo();
};

void tst_MonitorKill::killedMonitor_recordingHasWholeRecords_andImports()
{
    Sse::Publisher publisher(TestSupport::quietPublisherOptions());
    QVERIFY(publisher.listen());
    QTemporaryDir dir;
    const QString path = dir.filePath(u"recording.ndjson"_s);
    QProcess monitor;
    monitor.setStandardOutputFile(QProcess::nullDevice());
    monitor.start(QStringLiteral(SSEDASH_CLI_PATH),
            {u"monitor"_s, publisher.channelUrl({}).toString(), u"--output"_s, path});
    QVERIFY(monitor.waitForStarted(ProcessTimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(publisher.clientCount(), 1, ProcessTimeoutMs);
    PacedPublisher pacer(&publisher, Events, Rate);
    pacer.start();
    QTRY_VERIFY_WITH_TIMEOUT(readAll(path).count('\n') >= KillAfter, RunTimeoutMs);
    const int sentAtKill = pacer.sent();
    monitor.kill(); // SIGKILL: no flush, no handler
    QVERIFY(monitor.waitForFinished(ProcessTimeoutMs));
    QCOMPARE(monitor.exitStatus(), QProcess::CrashExit);
    pacer.stop();

    // Every line but possibly the last is a whole record: events 1..n, in order.
    const QByteArray recording = readAll(path);
    const qsizetype wholeEnd = recording.lastIndexOf('\n') + 1;
    const QByteArray whole = recording.left(wholeEnd);
    const QByteArray torn = recording.mid(wholeEnd);
    QByteArrayList lines = whole.split('\n');
    lines.removeLast(); // after the last newline
    QVERIFY2(lines.size() >= KillAfter, QByteArray::number(lines.size()));
    const QByteArray why = mismatch(lines);
    QVERIFY2(why.isEmpty(), why.constData());
    qInfo("killed with %d of %d events published at %.0f events/s: %lld whole records, %lld "
          "bytes after the last",
            sentAtKill, Events, pacer.achievedRate(), qint64(lines.size()), qint64(torn.size()));

    // ssedash-cli reads it back: the whole records, unchanged; a torn last line is named.
    const QString copy = dir.filePath(u"copy.ndjson"_s);
    const ExportRun run = exportLog(path, copy);
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(readAll(copy), whole);
    QCOMPARE(run.err.contains("the last line was cut short"), !torn.isEmpty());

    const Sse::ImportResult imported = Sse::importLog(path, Sse::TornLastLine::Skip);
    QVERIFY2(imported.ok, qPrintable(imported.error));
    QCOMPARE(imported.records.size(), lines.size());
    QCOMPARE(imported.tornLine.isEmpty(), torn.isEmpty());
}

void tst_MonitorKill::tornRecording_exportsTheRest_andSaysSo()
{
    // A kill in the middle of a write (rare: each flush is one write of whole records) leaves
    // part of a record after the last newline.
    const QByteArray whole = PacedPublisher::logOf(3);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"torn.ndjson"_s);
    QVERIFY(writeAll(path, whole + whole.left(whole.indexOf('\n') / 2)));

    const QString copy = dir.filePath(u"copy.ndjson"_s);
    const ExportRun run = exportLog(path, copy);
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(readAll(copy), whole);
    const QByteArray said = "ssedash-cli: " + path.toUtf8()
            + ":4: the last line was cut short, as when a recording stops in the middle of a "
              "write, and was left out (not JSON: ";
    QVERIFY2(run.err.startsWith(said), run.err.constData());
    QVERIFY(run.err.endsWith(")\n"));
    QCOMPARE(run.err.count('\n'), 1);
}

QTEST_GUILESS_MAIN(tst_MonitorKill)
#include "tst_monitorkill.moc"
