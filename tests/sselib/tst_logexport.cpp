// SPDX-License-Identifier: MIT
// Tests of Sse::exportLog and Sse::importLog: every format, lossless round trips, atomic writes.
#include "tests/support/filesizelimit.h"
#include "tests/support/withoutdacoverride.h"

#include "sselib/jsonlines.h"
#include "sselib/logexport.h"
#include "sselib/parser.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using Sse::Event;
using Sse::LogFormat;
using Record = Sse::EventLog::Record;

namespace {

// -1 for none, so that QCOMPARE can print it.
int formatOf(std::optional<LogFormat> format)
{
    return format ? int(*format) : -1;
}

Record eventRecord(const QByteArray &type, const QByteArray &data, const QByteArray &id,
        qint64 receivedMs = 1000, int connection = 1, const QString &origin = u"http://a:1"_s)
{
    Record record;
    record.kind = Record::Kind::Event;
    record.event = Event{type, data, id, origin, receivedMs, connection};
    return record;
}

Record commentRecord(const QByteArray &comment, qint64 receivedMs = 1000, int connection = 1)
{
    Record record;
    record.kind = Record::Kind::Comment;
    record.text = comment;
    record.event.receivedMs = receivedMs;
    record.event.connection = connection;
    return record;
}

Record otherRecord()
{
    Record record;
    record.kind = Record::Kind::Other;
    record.event.receivedMs = 1;
    return record;
}

// Every byte JSON has to escape, and then some.
QList<Record> trickyRecords()
{
    QByteArray large;
    for (int i = 0; large.size() < 3 * 1024 * 1024; ++i)
        large += "line " + QByteArray::number(i) + " \"q\" \\ caf\xC3\xA9\n";
    QByteArray allControls;
    for (int c = 0; c < 0x20; ++c)
        allControls.append(char(c));
    allControls.append('\x7f');
    return {
            eventRecord("message", "hello", "1", 1732198748123, 1),
            commentRecord("heartbeat", 1732198748200, 1),
            eventRecord("quotes", R"(say "hi" \ back\slash / and \u0041)", "q\"id\\", 2, 2),
            eventRecord("lines", "a\nb\r\nc\rd\n\n", "", 3, 2),
            eventRecord("nul", QByteArray("a\0b\0", 4), QByteArray("i\0d", 3), 4, 3),
            eventRecord("controls", allControls, "\t", 5, 3),
            eventRecord("t\xC3\xA9", "caf\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x80\xA8 \xEF\xBF\xBD",
                    "\xE2\x82\xAC", 6, 4, u"http://xn--caf-dma:8"_s),
            eventRecord("", "", "", 0, 0, QString()),
            commentRecord("", 7, 4),
            commentRecord("multi\nline \"comment\" \xC3\xA9", 8, 4),
            eventRecord("message", large, "big", 4102444800000, 2147483647),
    };
}

// Many small records: several write blocks and progress steps.
QList<Record> manyRecords(int count)
{
    QList<Record> records;
    records.reserve(count);
    for (int i = 0; i < count; ++i) {
        if (i % 10 == 9) {
            records.append(commentRecord("tick " + QByteArray::number(i), 1000 + i, 1 + i / 1000));
            continue;
        }
        records.append(eventRecord(
                i % 3 == 0 ? "message"_ba : QByteArray("e" + QByteArray::number(i % 7)),
                "payload " + QByteArray::number(i) + "\nsecond line " + QByteArray(i % 50, 'x'),
                QByteArray::number(i / 4), 1000 + i, 1 + i / 1000));
    }
    return records;
}

auto recordsOf(const QList<Record> &records)
{
    return [&records](qsizetype index) -> const Record & {
        return records.at(index);
    };
}

Sse::ExportResult exportRecords(const QString &fileName, LogFormat format,
        const QList<Record> &records, const std::function<bool(qsizetype)> &progress = {})
{
    return Sse::exportLog(fileName, format, records.size(), recordsOf(records), progress);
}

QByteArray readAll(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return "<cannot read " + fileName.toUtf8() + ">";
    return file.readAll();
}

bool writeAll(const QString &fileName, const QByteArray &bytes)
{
    QFile file(fileName);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The NDJSON lines of the records: what an export must equal.
QByteArray logLines(const QList<Record> &records)
{
    QByteArray out;
    for (const Record &record : records) {
        if (record.kind == Record::Kind::Event)
            Sse::EventLog::appendEvent(out, record.event);
        else if (record.kind == Record::Kind::Comment)
            Sse::EventLog::appendComment(
                    out, record.text, record.event.receivedMs, record.event.connection);
    }
    return out;
}

// Field-by-field equality, with the index of the first difference.
bool sameRecords(const QList<Record> &actual, const QList<Record> &expected, QByteArray *why)
{
    if (actual.size() != expected.size()) {
        *why = "sizes differ: " + QByteArray::number(actual.size()) + " vs "
                + QByteArray::number(expected.size());
        return false;
    }
    for (qsizetype i = 0; i < actual.size(); ++i) {
        const Record &a = actual.at(i);
        const Record &b = expected.at(i);
        if (a != b) {
            *why = "record " + QByteArray::number(i) + " differs: " + logLines({a}).left(300)
                    + " vs " + logLines({b}).left(300);
            return false;
        }
    }
    return true;
}

// What a text/event-stream parser makes of bytes: one JSON-ish line per event or comment.
class Collector final : public Sse::ParserHandler
{
public:
    void event(const Sse::ParsedEvent &event) override
    {
        QByteArray line = "event ";
        Sse::JsonLines::appendString(line, event.type);
        line += ' ';
        Sse::JsonLines::appendString(line, event.data);
        line += ' ';
        Sse::JsonLines::appendString(line, event.lastEventId);
        lines.append(line);
    }

    void comment(QByteArrayView text) override
    {
        QByteArray line = "comment ";
        Sse::JsonLines::appendString(line, text);
        lines.append(line);
    }

    QByteArrayList lines;
};

// The same lines from records, the way the parser would report them.
QByteArrayList expectedWireLines(const QList<Record> &records)
{
    Collector collector;
    for (const Record &record : records) {
        if (record.kind == Record::Kind::Comment) {
            // A comment with line breaks goes out as one comment line per line.
            for (const QByteArray &line : record.text.split('\n'))
                collector.comment(line);
        } else if (record.kind == Record::Kind::Event) {
            collector.event({record.event.type.isEmpty() ? QByteArrayView("message")
                                                         : QByteArrayView(record.event.type),
                    record.event.data, record.event.lastEventId});
        }
    }
    return collector.lines;
}

// A record of a kind this version does not know, as importLog() reads it.
Record unknownRecord(const QByteArray &line, qint64 receivedMs = 0, int connection = 0)
{
    Record record;
    record.kind = Record::Kind::Other;
    record.text = line;
    record.event.receivedMs = receivedMs;
    record.event.connection = connection;
    return record;
}

// The file type bits of stat(2), following symlinks; 0 when there is no such file.
mode_t fileType(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & S_IFMT;
}

// Reads what is in a non-blocking pipe now, up to its end or what would block.
QByteArray readAvailable(int fd)
{
    QByteArray bytes;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            return bytes;
        bytes.append(buffer, n);
    }
}

QStringList filesIn(const QString &directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class tst_LogExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void logFormat_fromFileName_data();
    void logFormat_fromFileName();
    void logFormat_namesRoundTrip();

    void ndjson_equalsEventLogLines();
    void ndjson_roundTrip_identicalRecords_data();
    void ndjson_roundTrip_identicalRecords();
    void ndjson_otherKinds_skipped();
    void json_parsesToTheSameObjects_data();
    void json_parsesToTheSameObjects();
    void csv_smallSample_exact();
    void csv_receivedAt_matchesQDateTime_data();
    void csv_receivedAt_matchesQDateTime();
    void eventStream_smallSample_exact();
    void eventStream_parsesToTheSameEvents_data();
    void eventStream_parsesToTheSameEvents();

    void progress_calledUpToCount();
    void cancel_newFile_leavesNothing();
    void cancel_existingFile_keepsOldContent_data();
    void cancel_existingFile_keepsOldContent();
    void failingDisk_keepsOldFile_andSaysWhy();
    void unwritableTarget_clearError_data();
    void unwritableTarget_clearError();

    void ndjson_importExport_keepsUnknownKindsByteForByte();
    void directTarget_fifo_isWrittenNotReplaced();
    void directTarget_characterDevice_isWrittenNotReplaced();
    void directTarget_fullDevice_clearError();
    void device_getsTheExport();

    void importLog_skipsEmptyLines_keepsOtherKinds();
    void importLog_errors_nameFileAndLine_data();
    void importLog_errors_nameFileAndLine();

private:
    QTemporaryDir m_dir;
    // A fresh, empty directory per test, so that leftover files show.
    QString freshDirectory();
    int m_directories = 0;
};

void tst_LogExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString tst_LogExport::freshDirectory()
{
    const QString path = m_dir.filePath(u"t%1"_s.arg(++m_directories));
    return QDir().mkpath(path) ? path : QString();
}

void tst_LogExport::logFormat_fromFileName_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("format"); // -1: none
    QTest::addRow("ndjson") << u"/tmp/a.ndjson"_s << int(LogFormat::Ndjson);
    QTest::addRow("jsonl upper case") << u"A.JSONL"_s << int(LogFormat::Ndjson);
    QTest::addRow("json") << u"x/y.z.json"_s << int(LogFormat::Json);
    QTest::addRow("csv") << u"log.Csv"_s << int(LogFormat::Csv);
    QTest::addRow("sse") << u"feed.sse"_s << int(LogFormat::EventStream);
    QTest::addRow("txt") << u"feed.txt"_s << int(LogFormat::EventStream);
    QTest::addRow("no suffix") << u"/tmp/feed"_s << -1;
    QTest::addRow("dot in directory") << u"/tmp/a.csv/feed"_s << -1;
    QTest::addRow("hidden file") << u"/tmp/.csv"_s << -1;
    QTest::addRow("unknown suffix") << u"feed.xml"_s << -1;
    QTest::addRow("trailing dot") << u"feed."_s << -1;
}

void tst_LogExport::logFormat_fromFileName()
{
    QFETCH(QString, fileName);
    QFETCH(int, format);
    QCOMPARE(formatOf(Sse::logFormatFromFileName(fileName)), format);
}

void tst_LogExport::logFormat_namesRoundTrip()
{
    for (const LogFormat format :
            {LogFormat::Ndjson, LogFormat::Json, LogFormat::Csv, LogFormat::EventStream}) {
        QCOMPARE(formatOf(Sse::logFormatFromName(Sse::logFormatName(format))), int(format));
        QCOMPARE(formatOf(Sse::logFormatFromFileName(u"f."_s + Sse::logFormatSuffix(format))),
                int(format));
        QVERIFY(!Sse::logFormatDescription(format).isEmpty());
        QVERIFY(Sse::logFormatFilter(format).contains(u"*."_s + Sse::logFormatSuffix(format)));
    }
    QCOMPARE(formatOf(Sse::logFormatFromName(u"JSONL")), int(LogFormat::Ndjson));
    QCOMPARE(formatOf(Sse::logFormatFromName(u"text/event-stream")), int(LogFormat::EventStream));
    QVERIFY(!Sse::logFormatFromName(u"xml"));
    QVERIFY(!Sse::logFormatFromName(u""));
    QCOMPARE(Sse::logFormatFilter(LogFormat::Csv), u"CSV (*.csv)"_s);
}

void tst_LogExport::ndjson_equalsEventLogLines()
{
    const QList<Record> records = trickyRecords();
    const QString path = freshDirectory() + u"/log.ndjson"_s;
    const Sse::ExportResult result = exportRecords(path, LogFormat::Ndjson, records);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!result.cancelled);
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.records, qint64(records.size()));
    QCOMPARE(readAll(path), logLines(records));
}

void tst_LogExport::ndjson_roundTrip_identicalRecords_data()
{
    QTest::addColumn<QList<Record>>("records");
    QTest::addRow("tricky data") << trickyRecords();
    QTest::addRow("many records") << manyRecords(50000);
    QTest::addRow("empty log") << QList<Record>();
}

void tst_LogExport::ndjson_roundTrip_identicalRecords()
{
    QFETCH(QList<Record>, records);
    const QString path = freshDirectory() + u"/log.ndjson"_s;
    const Sse::ExportResult result = exportRecords(path, LogFormat::Ndjson, records);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.records, qint64(records.size()));

    const Sse::ImportResult imported = Sse::importLog(path);
    QVERIFY2(imported.ok, qPrintable(imported.error));
    QByteArray why;
    QVERIFY2(sameRecords(imported.records, records, &why), why.constData());

    // Exporting what was imported gives the same bytes again.
    const QString again = QFileInfo(path).path() + u"/again.jsonl"_s;
    QVERIFY(exportRecords(again, LogFormat::Ndjson, imported.records).ok);
    QCOMPARE(readAll(again), readAll(path));
}

void tst_LogExport::ndjson_otherKinds_skipped()
{
    const QList<Record> records{
            otherRecord(), eventRecord("message", "a", "1"), otherRecord(), commentRecord("c")};
    const QString directory = freshDirectory();
    for (const LogFormat format :
            {LogFormat::Ndjson, LogFormat::Json, LogFormat::Csv, LogFormat::EventStream}) {
        const QString path = directory + u"/log."_s + Sse::logFormatSuffix(format);
        const Sse::ExportResult result = exportRecords(path, format, records);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.records, qint64(2));
    }
    QCOMPARE(readAll(directory + u"/log.ndjson"_s), logLines(records));
}

void tst_LogExport::json_parsesToTheSameObjects_data()
{
    QTest::addColumn<QList<Record>>("records");
    QTest::addRow("tricky data") << trickyRecords();
    QTest::addRow("many records") << manyRecords(20000);
    QTest::addRow("one record") << QList<Record>{commentRecord("only")};
    QTest::addRow("empty log") << QList<Record>();
}

void tst_LogExport::json_parsesToTheSameObjects()
{
    QFETCH(QList<Record>, records);
    const QString path = freshDirectory() + u"/log.json"_s;
    const Sse::ExportResult result = exportRecords(path, LogFormat::Json, records);
    QVERIFY2(result.ok, qPrintable(result.error));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(readAll(path), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QVERIFY(document.isArray());
    const QJsonArray array = document.array();
    QCOMPARE(array.size(), records.size());
    const QByteArrayList lines = logLines(records).split('\n');
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QJsonObject expected = QJsonDocument::fromJson(lines.at(i)).object();
        QVERIFY(!expected.isEmpty());
        QVERIFY2(array.at(i).toObject() == expected, qPrintable(u"object %1"_s.arg(i)));
    }
}

void tst_LogExport::csv_smallSample_exact()
{
    const QList<Record> records{
            eventRecord("message", "hello", "7", 1732198748123, 1),
            eventRecord("tick", "say \"hi\"\nbye", "a,b", 1732198748124, 1),
            eventRecord("@x", "=1+2", "-3", 0, 2),
            eventRecord("message", "+cmd,x", "", 1, 2),
            eventRecord("message", "\ttab", "id", 2, 2),
            eventRecord("message", "crlf\r\ninside", "id", 3, 2),
            commentRecord("heartbeat", 86399999, 2),
            commentRecord("-neg", 86400000, 3),
            eventRecord("message", "", "", 951782400000, 3), // 2000-02-29
            otherRecord(),
            eventRecord("message", "x=1 - not at the start", "", 4, 3),
    };
    const QString path = freshDirectory() + u"/log.csv"_s;
    const Sse::ExportResult result = exportRecords(path, LogFormat::Csv, records);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.records, qint64(records.size() - 1));
    const QByteArray expected = "receivedMs,receivedAt,connection,kind,type,lastEventId,data\r\n"
                                "1732198748123,2024-11-21T14:19:08.123Z,1,event,message,7,hello\r\n"
                                "1732198748124,2024-11-21T14:19:08.124Z,1,event,tick,\"a,b\","
                                "\"say \"\"hi\"\"\nbye\"\r\n"
                                "0,1970-01-01T00:00:00.000Z,2,event,'@x,'-3,'=1+2\r\n"
                                "1,1970-01-01T00:00:00.001Z,2,event,message,,\"'+cmd,x\"\r\n"
                                "2,1970-01-01T00:00:00.002Z,2,event,message,id,'\ttab\r\n"
                                "3,1970-01-01T00:00:00.003Z,2,event,message,id,"
                                "\"crlf\r\ninside\"\r\n"
                                "86399999,1970-01-01T23:59:59.999Z,2,comment,,,heartbeat\r\n"
                                "86400000,1970-01-02T00:00:00.000Z,3,comment,,,'-neg\r\n"
                                "951782400000,2000-02-29T00:00:00.000Z,3,event,message,,\r\n"
                                "4,1970-01-01T00:00:00.004Z,3,event,message,,"
                                "x=1 - not at the start\r\n"_ba;
    QCOMPARE(readAll(path), expected);
}

void tst_LogExport::csv_receivedAt_matchesQDateTime_data()
{
    QTest::addColumn<qint64>("ms");
    for (const qint64 ms : {qint64(0), qint64(999), qint64(946684799999), qint64(946684800000),
                 qint64(951868799999), qint64(1709164800000), qint64(1732198748123),
                 qint64(4102444800000), qint64(253402300799999), qint64(-1), qint64(-86400001),
                 qint64(-62135596800000)}) {
        QTest::addRow("%lld", ms) << ms;
    }
}

void tst_LogExport::csv_receivedAt_matchesQDateTime()
{
    QFETCH(qint64, ms);
    const QString path = freshDirectory() + u"/time.csv"_s;
    QVERIFY(exportRecords(path, LogFormat::Csv, {commentRecord("c", ms)}).ok);
    const QByteArrayList fields = readAll(path).split('\n').at(1).split(',');
    QCOMPARE(fields.at(0), QByteArray::number(ms));
    QCOMPARE(QString::fromLatin1(fields.at(1)),
            QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
}

void tst_LogExport::eventStream_smallSample_exact()
{
    const QList<Record> records{
            eventRecord("message", "a", ""),
            eventRecord("tick", "b\nc", "1"),
            commentRecord("hi"),
            eventRecord("message", "d", "1"),
            eventRecord("message", "e", ""),
            commentRecord(""),
            eventRecord("message", "", "2"),
    };
    const QString path = freshDirectory() + u"/feed.sse"_s;
    const Sse::ExportResult result = exportRecords(path, LogFormat::EventStream, records);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(readAll(path),
            "data: a\n\n"
            "id: 1\nevent: tick\ndata: b\ndata: c\n\n"
            ": hi\n"
            "data: d\n\n"
            "id\ndata: e\n\n"
            ":\n"
            "id: 2\ndata: \n\n"_ba);
}

void tst_LogExport::eventStream_parsesToTheSameEvents_data()
{
    QTest::addColumn<QList<Record>>("records");
    QTest::addRow("ids set, kept, reset and set again") << QList<Record>{
            eventRecord("message", "no id yet", ""),
            eventRecord("a", "first", "1"),
            eventRecord("b", "keeps the id", "1"),
            eventRecord("message", "reset", ""),
            eventRecord("message", "still none", ""),
            eventRecord("c", "again", "1"),
            eventRecord("c", "spaces", " leading and trailing "),
    };
    QTest::addRow("data shapes") << QList<Record>{
            eventRecord("message", "", "e"),
            eventRecord("message", "\n", "e"),
            eventRecord("message", "two\nlines\n", "e"),
            eventRecord("message", " leading space", "e"),
            eventRecord("message", ": not a comment", "e"),
            eventRecord("message", "data: not a field", "e"),
            eventRecord("message", "quotes \" and \\ and \x01\x7f", "e"),
            eventRecord("t\xC3\xA9", "caf\xC3\xA9 \xF0\x9F\x98\x80", "\xE2\x82\xAC"),
            eventRecord("message", QByteArray("nul\0inside", 10), "n"),
    };
    QTest::addRow("comments between events") << QList<Record>{
            commentRecord("first"),
            eventRecord("message", "x", "1"),
            commentRecord(""),
            commentRecord(" spaced"),
            commentRecord("two\nlines"),
            eventRecord("message", "y", "2"),
    };
    QTest::addRow("many records") << manyRecords(20000);
}

void tst_LogExport::eventStream_parsesToTheSameEvents()
{
    QFETCH(QList<Record>, records);
    const QString path = freshDirectory() + u"/feed.sse"_s;
    const Sse::ExportResult result = exportRecords(path, LogFormat::EventStream, records);
    QVERIFY2(result.ok, qPrintable(result.error));

    Collector collector;
    Sse::Parser parser(&collector);
    parser.feed(readAll(path));
    QVERIFY(!parser.finish()); // nothing left half-done
    QCOMPARE(collector.lines, expectedWireLines(records));
}

void tst_LogExport::progress_calledUpToCount()
{
    const QList<Record> records = manyRecords(30000);
    const QString path = freshDirectory() + u"/log.csv"_s;
    QList<qsizetype> calls;
    const Sse::ExportResult result =
            exportRecords(path, LogFormat::Csv, records, [&calls](qsizetype done) {
                calls.append(done);
                return true;
            });
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY2(calls.size() >= 3, qPrintable(QString::number(calls.size())));
    QVERIFY(std::is_sorted(calls.cbegin(), calls.cend()));
    QVERIFY(std::adjacent_find(calls.cbegin(), calls.cend()) == calls.cend());
    QVERIFY(calls.first() > 0);
    QCOMPARE(calls.last(), records.size());

    // An empty log still reports that it is done.
    calls.clear();
    QVERIFY(exportRecords(path, LogFormat::Json, {}, [&calls](qsizetype done) {
        calls.append(done);
        return true;
    }).ok);
    QCOMPARE(calls, QList<qsizetype>{0});
}

void tst_LogExport::cancel_newFile_leavesNothing()
{
    const QList<Record> records = manyRecords(30000);
    const QString directory = freshDirectory();
    const QString path = directory + u"/log.ndjson"_s;
    int calls = 0;
    const Sse::ExportResult result =
            exportRecords(path, LogFormat::Ndjson, records, [&calls](qsizetype done) {
                Q_UNUSED(done)
                ++calls;
                return calls < 2; // cancel at the second call, after blocks were written
            });
    QCOMPARE(calls, 2);
    QVERIFY(!result.ok);
    QVERIFY(result.cancelled);
    QVERIFY2(result.error.contains(path), qPrintable(result.error));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(filesIn(directory), QStringList());
}

void tst_LogExport::cancel_existingFile_keepsOldContent_data()
{
    QTest::addColumn<int>("recordCount");
    QTest::addColumn<int>("cancelAtCall");
    QTest::addRow("in the middle") << 30000 << 2;
    QTest::addRow("at the last call") << 10 << 1;
}

void tst_LogExport::cancel_existingFile_keepsOldContent()
{
    QFETCH(int, recordCount);
    QFETCH(int, cancelAtCall);
    const QString directory = freshDirectory();
    const QString path = directory + u"/log.json"_s;
    const QByteArray old = "old content\n"_ba;
    QVERIFY(writeAll(path, old));
    int calls = 0;
    const Sse::ExportResult result = exportRecords(path, LogFormat::Json, manyRecords(recordCount),
            [&](qsizetype) { return ++calls < cancelAtCall; });
    QCOMPARE(calls, cancelAtCall);
    QVERIFY(!result.ok);
    QVERIFY(result.cancelled);
    QCOMPARE(readAll(path), old);
    QCOMPARE(filesIn(directory), QStringList{u"log.json"_s});
}

void tst_LogExport::failingDisk_keepsOldFile_andSaysWhy()
{
    const QString directory = freshDirectory();
    const QString path = directory + u"/log.ndjson"_s;
    QByteArray old;
    for (int i = 0; i < 100; ++i)
        old += "old line " + QByteArray::number(i) + '\n';
    QVERIFY(writeAll(path, old));
    const QList<Record> records = manyRecords(40000); // a few MiB

    Sse::ExportResult result;
    {
        TestSupport::FileSizeLimit limit(100 * 1024);
        QVERIFY2(limit.isActive(), "setrlimit(RLIMIT_FSIZE) failed");
        result = exportRecords(path, LogFormat::Ndjson, records);
    }
    QVERIFY(!result.ok);
    QVERIFY(!result.cancelled);
    QVERIFY2(result.error.contains(path), qPrintable(result.error));
    QVERIFY2(result.error.contains(QString::fromLocal8Bit(std::strerror(EFBIG))),
            qPrintable(result.error));
    QCOMPARE(readAll(path), old);
    QCOMPARE(filesIn(directory), QStringList{u"log.ndjson"_s});

    // The limit is gone again: the same export now succeeds.
    const Sse::ExportResult again = exportRecords(path, LogFormat::Ndjson, records);
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(readAll(path).size(), logLines(records).size());
}

void tst_LogExport::unwritableTarget_clearError_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<QString>("reason"); // empty: any
    QTest::addRow("missing directory") << u"no-such-dir/log.csv"_s << QString();
    QTest::addRow("parent is a file") << u"a-file/log.csv"_s << QString();
    QTest::addRow("target is a directory") << u"a-directory"_s << QString();
    QTest::addRow("read-only directory")
            << u"read-only/log.csv"_s << QString::fromLocal8Bit(std::strerror(EACCES));
}

void tst_LogExport::unwritableTarget_clearError()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, reason);
    const QString directory = freshDirectory();
    QVERIFY(writeAll(directory + u"/a-file"_s, "x"));
    QVERIFY(QDir(directory).mkdir(u"a-directory"_s));
    QVERIFY(QDir(directory).mkdir(u"read-only"_s));
    const QString readOnly = directory + u"/read-only"_s;
    QVERIFY(QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ExeOwner));
    const auto restore = qScopeGuard([&readOnly] {
        QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    });

    const QString path = directory + u'/' + relativePath;
    Sse::ExportResult result;
    {
        // Root (as in CI) would write into the read-only directory: make it obey the bits.
        const TestSupport::WithoutDacOverride asPlainUser;
        QVERIFY2(asPlainUser.isActive() || ::geteuid() != 0, "capset() failed");
        result = exportRecords(path, LogFormat::Csv, {eventRecord("message", "a", "")});
    }
    QVERIFY(!result.ok);
    QVERIFY(!result.cancelled);
    QVERIFY2(
            result.error.startsWith(u"cannot write "_s + path + u": "_s), qPrintable(result.error));
    QVERIFY2(result.error.size() > (u"cannot write "_s + path + u": "_s).size(),
            qPrintable(result.error));
    if (!reason.isEmpty())
        QVERIFY2(result.error.contains(reason), qPrintable(result.error));
    QVERIFY(QFileInfo(directory + u"/a-directory"_s).isDir());
    QCOMPARE(readAll(directory + u"/a-file"_s), "x"_ba);
}

void tst_LogExport::ndjson_importExport_keepsUnknownKindsByteForByte()
{
    // Known kinds in their written form; unknown ones as another writer may have put them.
    const QByteArray log =
            R"({"kind":"event","receivedMs":5,"connection":2,"type":"t","data":"d","lastEventId":"i","origin":"o"})"
            "\n"
            R"({"kind":"future","whatever":[1, 2],  "note":"caf\u00e9 \"q\""})"
            "\n"
            R"({"kind":"comment","receivedMs":7,"connection":3,"comment":"c"})"
            "\n"
            R"(  {"kind":"x-meta","receivedMs":8,"connection":3}  )"
            "\r\n"
            R"({"kind":"comment","receivedMs":9,"connection":3,"comment":"last"})"
            "\n"_ba;
    const QString directory = freshDirectory();
    QVERIFY(writeAll(directory + u"/in.ndjson"_s, log));
    const Sse::ImportResult imported = Sse::importLog(directory + u"/in.ndjson"_s);
    QVERIFY2(imported.ok, qPrintable(imported.error));
    const QList<Record> &records = imported.records;
    QCOMPARE(records.size(), 5);

    const Sse::ExportResult result =
            exportRecords(directory + u"/out.ndjson"_s, LogFormat::Ndjson, records);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.records, qint64(5));
    QCOMPARE(readAll(directory + u"/out.ndjson"_s), log);

    // The other formats have no place for them.
    for (const LogFormat format : {LogFormat::Json, LogFormat::Csv, LogFormat::EventStream}) {
        const QString path = directory + u"/out."_s + Sse::logFormatSuffix(format);
        const Sse::ExportResult other = exportRecords(path, format, records);
        QVERIFY2(other.ok, qPrintable(other.error));
        QCOMPARE(other.records, qint64(3));
        QVERIFY2(!readAll(path).contains("future"), qPrintable(path));
    }
}

void tst_LogExport::directTarget_fifo_isWrittenNotReplaced()
{
    const QString directory = freshDirectory();
    const QString path = directory + u"/pipe"_s;
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    // The reader first, non-blocking, so that the writer's open() returns at once.
    const int reader = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    const auto closeReader = qScopeGuard([reader] { ::close(reader); });

    const QList<Record> records{
            eventRecord("message", "a", "1"), commentRecord("c"), unknownRecord(R"({"kind":"x"})")};
    const Sse::ExportResult result = exportRecords(path, LogFormat::Ndjson, records); // < 64 KiB
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(readAvailable(reader),
            logLines(records)
                    + R"({"kind":"x"})"
                      "\n");
    QCOMPARE(fileType(path), mode_t(S_IFIFO));
    QCOMPARE(QDir(directory).entryList(
                     QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList{u"pipe"_s}); // no temporary file
}

void tst_LogExport::directTarget_characterDevice_isWrittenNotReplaced()
{
    const QString path = u"/dev/null"_s;
    QCOMPARE(fileType(path), mode_t(S_IFCHR));
    const QList<Record> records = manyRecords(20000); // several blocks
    const Sse::ExportResult result = exportRecords(path, LogFormat::Csv, records);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.records, qint64(records.size()));
    QCOMPARE(fileType(path), mode_t(S_IFCHR));
}

void tst_LogExport::directTarget_fullDevice_clearError()
{
    const QString path = u"/dev/full"_s; // every write fails with ENOSPC
    if (fileType(path) != S_IFCHR)
        QSKIP("no /dev/full here");
    const Sse::ExportResult result =
            exportRecords(path, LogFormat::Ndjson, QList<Record>{commentRecord("c")});
    QVERIFY(!result.ok);
    QVERIFY(!result.cancelled);
    QVERIFY2(result.error.startsWith(u"cannot write /dev/full: "_s), qPrintable(result.error));
    QVERIFY2(result.error.contains(QString::fromLocal8Bit(std::strerror(ENOSPC))),
            qPrintable(result.error));
    QCOMPARE(fileType(path), mode_t(S_IFCHR));
}

void tst_LogExport::device_getsTheExport()
{
    const QList<Record> records = manyRecords(3000);
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    qsizetype lastProgress = 0;
    const Sse::ExportResult result = Sse::exportLog(buffer, u"the buffer"_s, LogFormat::Ndjson,
            records.size(), recordsOf(records), [&lastProgress](qsizetype done) {
                lastProgress = done;
                return true;
            });
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.records, qint64(records.size()));
    QCOMPARE(lastProgress, records.size());
    QCOMPARE(buffer.data(), logLines(records));

    // A device that refuses writes: the error names it.
    QBuffer closed;
    const Sse::ExportResult failed = Sse::exportLog(
            closed, u"the buffer"_s, LogFormat::Ndjson, records.size(), recordsOf(records));
    QVERIFY(!failed.ok);
    QVERIFY2(failed.error.startsWith(u"cannot write the buffer: "_s), qPrintable(failed.error));
}

void tst_LogExport::importLog_skipsEmptyLines_keepsOtherKinds()
{
    const QString path = freshDirectory() + u"/in.ndjson"_s;
    QVERIFY(writeAll(path,
            "\n"
            R"({"kind":"event","receivedMs":5,"connection":2,"type":"t","data":"d","lastEventId":"i","origin":"o"})"
            "\r\n"
            R"({"kind":"future","receivedMs":6,"connection":2,"whatever":[1,2]})"
            "\n\n"
            R"({"kind":"comment","receivedMs":7,"connection":3,"comment":"c"})"_ba));
    const Sse::ImportResult imported = Sse::importLog(path);
    QVERIFY2(imported.ok, qPrintable(imported.error));
    QByteArray why;
    QVERIFY2(
            sameRecords(imported.records,
                    {eventRecord("t", "d", "i", 5, 2, u"o"_s),
                            unknownRecord(
                                    R"({"kind":"future","receivedMs":6,"connection":2,"whatever":[1,2]})",
                                    6, 2),
                            commentRecord("c", 7, 3)},
                    &why),
            why.constData());
}

void tst_LogExport::importLog_errors_nameFileAndLine_data()
{
    QTest::addColumn<QByteArray>("content"); // null: no file
    QTest::addColumn<QString>("message");
    QTest::addRow("missing file") << QByteArray()
                                  << u": "_s + QString::fromLocal8Bit(std::strerror(ENOENT));
    QTest::addRow("not JSON on line 3")
            << "\n{\"kind\":\"comment\",\"receivedMs\":1,\"connection\":1,\"comment\":\"\"}\n"
               "{not json\n"_ba
            << u":3: not JSON"_s;
    QTest::addRow("no receive time")
            << R"({"kind":"event","connection":1,"type":"message","data":"x"})"_ba
            << u":1: a record needs"_s;
    QTest::addRow("truncated last line")
            << "{\"kind\":\"comment\",\"receivedMs\":1,\"connection\":1,\"comment\":\"\"}\n"
               "{\"kind\":\"event\",\"receivedMs\":2,\"conn"_ba
            << u":2: not JSON"_s;
}

void tst_LogExport::importLog_errors_nameFileAndLine()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString path = freshDirectory() + u"/in.ndjson"_s;
    if (!content.isNull())
        QVERIFY(writeAll(path, content));
    const Sse::ImportResult imported = Sse::importLog(path);
    QVERIFY(!imported.ok);
    QVERIFY(imported.records.isEmpty());
    QVERIFY2(imported.error.startsWith(path + message), qPrintable(imported.error));
}

QTEST_GUILESS_MAIN(tst_LogExport)
#include "tst_logexport.moc"
