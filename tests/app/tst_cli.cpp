// SPDX-License-Identifier: MIT
// Tests of ssedash-cli as a user runs it: a child process, its exit code and its output lines.
#include "ssedash/version.h"
#include "tests/support/cliprocess.h"
#include "tests/support/compression.h"
#include "tests/support/filesizelimit.h"
#include "tests/support/testserver.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString CliPath = QStringLiteral(SSEDASH_CLI_PATH);

constexpr int FinishTimeoutMs = 20000;

struct RunResult
{
    bool started = false;
    bool finished = false;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    [[nodiscard]] QByteArrayList lines() const
    {
        QByteArrayList result = out.split('\n');
        if (!result.isEmpty() && result.constLast().isEmpty())
            result.removeLast();
        return result;
    }
};

// For commands that need nothing from this process's event loop, waiting blocks.
// `childSetup` runs in the child between fork and exec (async-signal-safe calls only).
RunResult runProgram(const QString &program, const QStringList &arguments,
        const QByteArray &input = {}, const std::function<void()> &childSetup = {})
{
    RunResult result;
    QProcess process;
    if (childSetup)
        process.setChildProcessModifier(childSetup);
    process.start(program, arguments);
    result.started = process.waitForStarted(FinishTimeoutMs);
    if (!result.started)
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(FinishTimeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished();
    }
    result.exitStatus = process.exitStatus();
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

RunResult runCli(const QStringList &arguments, const QByteArray &input = {},
        const std::function<void()> &childSetup = {})
{
    return runProgram(CliPath, arguments, input, childSetup);
}

using TestSupport::CliProcess;

// `ssedash-cli monitor ...`.
class Monitor : public CliProcess
{
public:
    explicit Monitor(const QStringList &arguments, const std::function<void()> &childSetup = {})
        : CliProcess(CliPath, QStringList{u"monitor"_s} + arguments, childSetup)
    { }
};

// `ssedash-cli publish ...` and the URLs it prints.
class Publish : public CliProcess
{
public:
    explicit Publish(const QStringList &arguments)
        : CliProcess(CliPath, QStringList{u"publish"_s} + arguments)
    { }

    /// The URL lines are out (the stats line comes last), or the process ended.
    bool isReadyOrFinished() { return !url("stats").isEmpty() || isFinished(); }

    /// The URL of the line "  LABEL: URL": "broadcast", "channel NAME" or "stats".
    QUrl url(const QByteArray &label)
    {
        const QByteArray prefix = "  " + label + ": ";
        for (const QByteArray &line : lines()) {
            if (line.startsWith(prefix))
                return QUrl(QString::fromUtf8(line.mid(prefix.size())), QUrl::StrictMode);
        }
        return {};
    }

    QString urlString(const QByteArray &label) { return url(label).toString(); }
};

// A stream that uses every rule that changes the output. Pieces are concatenated so that
// hex escapes end where they should.
QByteArray sampleStream()
{
    return "\xEF\xBB\xBF: a comment, never printed\n"
           "event: greeting\n"
           "id: 1\n"
           "data: hello\n"
           "\n"
           "data: the id persists\n"
           "\n"
           "id: 2\r\n"
           "event: multi\r\n"
           "data: line1\r\n"
           "data:line2\r"
           "data:  two spaces\r\n"
           "\r\n"
           "retry: 1500\n"
           "retry: 00184467440737095516160000\n"
           "retry: 12a\n"
           "retry: 000\n"
           "\n"
           "event: no-data-no-event\n"
           "\n"
           "data\n"
           "\n"
           "id: a\0b\n"
           "data: escapes \" \\ \t \b \f \x01 \x1f \0 \x7f end\n"
           "data: \n"
           "\n"
           "id\n"
           "event: utf8\n"
           "data: caf\xC3\xA9 \xF0\x9F\x98\x80 bad:\xFF|\xE2\x82x|\xC0\xAF|\xED\xA0\x80\n"
           "\n"
           "id: \xFF\n"
           "data: invalid id\n"
           "\n"
           "data: the stream ends before this event does\n"_ba;
}

QByteArrayList sampleLines()
{
    return {
            R"({"type": "greeting", "data": "hello", "lastEventId": "1"})"_ba,
            R"({"type": "message", "data": "the id persists", "lastEventId": "1"})"_ba,
            R"({"type": "multi", "data": "line1\nline2\n two spaces", "lastEventId": "2"})"_ba,
            R"({"retry": 1500})"_ba,
            R"({"retry": 184467440737095516160000})"_ba,
            R"({"retry": 0})"_ba,
            R"({"type": "message", "data": "", "lastEventId": "2"})"_ba,
            "{\"type\": \"message\", \"data\": "
            R"("escapes \" \\ \t \b \f \u0001 \u001f \u0000 )"
            "\x7f end\\n\", \"lastEventId\": \"2\"}"_ba,
            "{\"type\": \"utf8\", \"data\": \"caf\xC3\xA9 \xF0\x9F\x98\x80 bad:\xEF\xBF\xBD|"
            "\xEF\xBF\xBDx|\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\", "
            "\"lastEventId\": \"\"}"_ba,
            "{\"type\": \"message\", \"data\": \"invalid id\", \"lastEventId\": \"\xEF\xBF\xBD\"}"_ba,
    };
}

// CRC-32 (ISO-HDLC), as the gzip trailer wants it.
quint32 crc32(QByteArrayView bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : bytes) {
        crc ^= quint8(c);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void appendLittleEndian32(QByteArray &out, quint32 value)
{
    for (int shift = 0; shift < 32; shift += 8)
        out.append(char((value >> shift) & 0xFF));
}

// A gzip member (RFC 1952) of `plain`: qCompress() gives a 4-byte length and a zlib stream,
// whose 2-byte header and 4-byte Adler-32 wrap the raw deflate data that gzip wants.
QByteArray gzip(const QByteArray &plain)
{
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    out += qCompress(plain).mid(4 + 2).chopped(4);
    appendLittleEndian32(out, crc32(plain));
    appendLittleEndian32(out, quint32(plain.size()));
    return out;
}

QByteArray eventLine(QByteArrayView type, QByteArrayView data, QByteArrayView id)
{
    return "{\"kind\":\"event\",\"type\":\"" + type.toByteArray() + "\",\"data\":\""
            + data.toByteArray() + "\",\"lastEventId\":\"" + id.toByteArray() + "\"}";
}

const QByteArray State0 = R"({"kind":"state","readyState":0})"_ba;
const QByteArray State1 = R"({"kind":"state","readyState":1})"_ba;
const QByteArray State2 = R"({"kind":"state","readyState":2})"_ba;
const QByteArray OpenLine = R"({"kind":"open"})"_ba;

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void gui_badUrlArgument_exitTwoWithReason_data();
    void gui_badUrlArgument_exitTwoWithReason();

    void help_andVersion_exitZero_data();
    void help_andVersion_exitZero();
    void version_namesSsedashAndQt();
    void usageErrors_exitTwo_data();
    void usageErrors_exitTwo();

    void parse_sampleStream_printsExactLines();
    void parse_stdinAndFile_sameOutput_data();
    void parse_stdinAndFile_sameOutput();
    void parse_chunkSizes_sameOutput_data();
    void parse_chunkSizes_sameOutput();
    void parse_count_printsTotalsOnly();
    void parse_manyEvents_countAndLines();
    void parse_lineTooLong_reportsOnStderr();
    void parse_missingFile_exitOne();
    void parse_emptyInput_printsNothing();

    void monitor_printsStateOpenEventCommentInOrder();
    void monitor_maxEvents_exitsAfterNthEvent();
    void monitor_timeout_exitsZero();
    void monitor_httpError_isFatal();
    void monitor_refusedResponse_errorLineHasStatusAndBody_data();
    void monitor_refusedResponse_errorLineHasStatusAndBody();
    void monitor_compressedStream_printsEvents_data();
    void monitor_compressedStream_printsEvents();
    void monitor_streamEnd_reconnectsWithLastEventId();
    void monitor_requestOptions_reachServer();
    void monitor_once_streamEnd_oneRequestExitZero();
    void monitor_once_otherErrors_exitOne_data();
    void monitor_once_otherErrors_exitOne();
    void monitor_once_otherWaysToStop_data();
    void monitor_once_otherWaysToStop();
    void monitor_compressed_acceptsAndDecodesGzip();
    void monitor_terminationSignal_exitsZero_data();
    void monitor_terminationSignal_exitsZero();
    void monitor_sigusr1_reconnectsWithoutError();
    void monitor_count_printsTotalsOnly();
    void monitor_countWithTimeout_printsTotals();
    void monitor_output_recordsWhatItPrints();
    void monitor_output_withCount_stillRecords();
    void monitor_output_unwritable_exitOne();
    void monitor_output_diskRefuses_exitOne();

    void publish_printsUrlLines();
    void publish_nonLoopbackBind_warnsOnce();
    void publish_feedReachesMonitor_data();
    void publish_feedReachesMonitor();
    void publish_count_endsEachStream();
    void publish_retryAndOrigin_reachClient();
    void publish_heartbeat_acceptsFractions();
    void publish_logsClientsComingAndGoing();
    void publish_terminationSignal_exitsZero_data();
    void publish_terminationSignal_exitsZero();
    void publish_usageErrors_exitTwo_data();
    void publish_usageErrors_exitTwo();
    void publish_portInUse_exitOne();
    void publish_replay_playsLogToMonitor();
    void publish_replay_badFile_exitOne_data();
    void publish_replay_badFile_exitOne();

    void export_formatFromSuffixOrOption_data();
    void export_formatFromSuffixOrOption();
    void export_badInput_exitOne_data();
    void export_badInput_exitOne();
    void export_writeFailure_keepsOldOutput_data();
    void export_writeFailure_keepsOldOutput();
    void export_toStandardOutput_data();
    void export_toStandardOutput();
    void export_toFifo_isWrittenNotReplaced();
    void export_toDevNull_isWrittenNotReplaced();
    void export_toRegularFile_isReplacedByRename();
    void export_fullDeviceOrClosedPipe_exitOne_data();
    void export_fullDeviceOrClosedPipe_exitOne();

private:
    QTemporaryDir m_dir;
    QString writeFile(const QString &name, const QByteArray &bytes);
};

QString tst_Cli::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

void tst_Cli::initTestCase()
{
    QVERIFY2(QFile::exists(CliPath), qPrintable(CliPath));
    QVERIFY(m_dir.isValid());
}

void tst_Cli::help_andVersion_exitZero_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("--help") << QStringList{u"--help"_s} << "Usage: ssedash-cli"_ba;
    QTest::addRow("-h") << QStringList{u"-h"_s} << "Usage: ssedash-cli"_ba;
    QTest::addRow("parse --help") << QStringList{u"parse"_s, u"--help"_s}
                                  << "Usage: ssedash-cli parse"_ba;
    QTest::addRow("monitor --help")
            << QStringList{u"monitor"_s, u"--help"_s} << "Usage: ssedash-cli monitor"_ba;
    QTest::addRow("publish --help")
            << QStringList{u"publish"_s, u"--help"_s} << "Usage: ssedash-cli publish"_ba;
    QTest::addRow("export --help")
            << QStringList{u"export"_s, u"--help"_s} << "Usage: ssedash-cli export"_ba;
    QTest::addRow("--version") << QStringList{u"--version"_s}
                               << "ssedash-cli " SSEDASH_VERSION "\n"_ba;
}

void tst_Cli::help_andVersion_exitZero()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, expected);
    const RunResult result = runCli(arguments);
    QVERIFY(result.finished);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith(expected), result.out.constData());
    QVERIFY(result.err.isEmpty());
}

// The Qt line names the running Qt, and the one built against only when they differ.
void tst_Cli::version_namesSsedashAndQt()
{
    const RunResult result = runCli({u"--version"_s});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    const QByteArray running = qVersion();
    const QByteArray built =
            running == QT_VERSION_STR ? ""_ba : " (built with Qt " QT_VERSION_STR ")"_ba;
    QCOMPARE(result.out, "ssedash-cli " SSEDASH_VERSION "\nQt " + running + built + '\n');
}

void tst_Cli::usageErrors_exitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString url = u"http://127.0.0.1:1/events"_s;
    QTest::addRow("no command") << QStringList{};
    QTest::addRow("unknown command") << QStringList{u"frobnicate"_s};
    QTest::addRow("unknown global option") << QStringList{u"--frobnicate"_s};
    QTest::addRow("parse: unknown option") << QStringList{u"parse"_s, u"--bogus"_s};
    QTest::addRow("parse: missing chunk size") << QStringList{u"parse"_s, u"--chunk-size"_s};
    QTest::addRow("parse: chunk size word") << QStringList{u"parse"_s, u"--chunk-size"_s, u"x"_s};
    QTest::addRow("parse: chunk size 0") << QStringList{u"parse"_s, u"--chunk-size"_s, u"0"_s};
    QTest::addRow("parse: chunk size -1") << QStringList{u"parse"_s, u"--chunk-size=-1"_s};
    QTest::addRow("parse: chunk size 1.5") << QStringList{u"parse"_s, u"--chunk-size"_s, u"1.5"_s};
    QTest::addRow("parse: two files") << QStringList{u"parse"_s, u"a"_s, u"b"_s};
    QTest::addRow("monitor: no URL") << QStringList{u"monitor"_s};
    QTest::addRow("monitor: relative URL") << QStringList{u"monitor"_s, u"/events"_s};
    QTest::addRow("monitor: not a URL") << QStringList{u"monitor"_s, u"not a url"_s};
    QTest::addRow("monitor: ftp URL") << QStringList{u"monitor"_s, u"ftp://example.com/x"_s};
    QTest::addRow("monitor: no host") << QStringList{u"monitor"_s, u"http://"_s};
    QTest::addRow("monitor: empty URL") << QStringList{u"monitor"_s, QString()};
    QTest::addRow("monitor: two URLs") << QStringList{u"monitor"_s, url, url};
    QTest::addRow("monitor: unknown option") << QStringList{u"monitor"_s, url, u"--bogus"_s};
    QTest::addRow("monitor: missing value") << QStringList{u"monitor"_s, url, u"--timeout"_s};
    QTest::addRow("monitor: max-events word")
            << QStringList{u"monitor"_s, url, u"--max-events"_s, u"ten"_s};
    QTest::addRow("monitor: timeout negative") << QStringList{u"monitor"_s, url, u"--timeout=-1"_s};
    QTest::addRow("monitor: timeout word")
            << QStringList{u"monitor"_s, url, u"--timeout"_s, u"soon"_s};
    QTest::addRow("monitor: retry-ms word")
            << QStringList{u"monitor"_s, url, u"--retry-ms"_s, u"1e3"_s};
    QTest::addRow("monitor: read-timeout-ms negative")
            << QStringList{u"monitor"_s, url, u"--read-timeout-ms=-5"_s};
    QTest::addRow("monitor: header without colon")
            << QStringList{u"monitor"_s, url, u"-H"_s, u"X-Test one"_s};
    QTest::addRow("monitor: header with empty name")
            << QStringList{u"monitor"_s, url, u"--header"_s, u": one"_s};
    QTest::addRow("monitor: header twice") // the request would keep only the last value
            << QStringList{u"monitor"_s, url, u"-H"_s, u"X-A: 1"_s, u"-H"_s, u"x-a: 2"_s};
    QTest::addRow("monitor: bad method")
            << QStringList{u"monitor"_s, url, u"--method"_s, u"GET X"_s};
    QTest::addRow("monitor: empty output") << QStringList{u"monitor"_s, url, u"--output="_s};
    QTest::addRow("monitor: output without file") << QStringList{u"monitor"_s, url, u"--output"_s};
    QTest::addRow("export: no files") << QStringList{u"export"_s};
    QTest::addRow("export: one file") << QStringList{u"export"_s, u"in.ndjson"_s};
    QTest::addRow("export: three files")
            << QStringList{u"export"_s, u"in.ndjson"_s, u"out.csv"_s, u"more.csv"_s};
    QTest::addRow("export: empty output") << QStringList{u"export"_s, u"in.ndjson"_s, QString()};
    QTest::addRow("export: unknown suffix")
            << QStringList{u"export"_s, u"in.ndjson"_s, u"out.xml"_s};
    QTest::addRow("export: no suffix") << QStringList{u"export"_s, u"in.ndjson"_s, u"out"_s};
    QTest::addRow("export: bad format")
            << QStringList{u"export"_s, u"--format"_s, u"yaml"_s, u"in.ndjson"_s, u"out.csv"_s};
    QTest::addRow("export: unknown option")
            << QStringList{u"export"_s, u"--bogus"_s, u"in.ndjson"_s, u"out.csv"_s};
}

void tst_Cli::usageErrors_exitTwo()
{
    QFETCH(QStringList, arguments);
    const RunResult result = runCli(arguments);
    QVERIFY(result.finished);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.out.isEmpty(), result.out.constData());
    QVERIFY(result.err.startsWith("ssedash-cli: "));
    QVERIFY2(result.err.contains("--help"), result.err.constData());
}

void tst_Cli::parse_sampleStream_printsExactLines()
{
    const QString path = writeFile(u"sample.txt"_s, sampleStream());
    QVERIFY(!path.isEmpty());
    const RunResult result = runCli({u"parse"_s, path});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.err, QByteArray());
    QVERIFY(result.out.endsWith('\n'));
    QCOMPARE(result.lines(), sampleLines());
    // Each line is JSON a standard parser accepts.
    for (const QByteArray &line : result.lines()) {
        QJsonParseError error;
        QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
    }
    const QJsonObject escapes = QJsonDocument::fromJson(sampleLines().at(7)).object();
    QCOMPARE(escapes.value(u"data"_s).toString(),
            QString(u"escapes \" \\ \t \b \f \x01 \x1f "_s + QChar(0) + u" \x7f end\n"_s));
}

void tst_Cli::parse_stdinAndFile_sameOutput_data()
{
    QTest::addColumn<QString>("how");
    QTest::addRow("FILE") << u"file"_s;
    QTest::addRow("stdin, no argument") << u"stdin"_s;
    QTest::addRow("stdin, -") << u"-"_s;
}

void tst_Cli::parse_stdinAndFile_sameOutput()
{
    QFETCH(QString, how);
    const QByteArray stream = sampleStream();
    RunResult result;
    if (how == u"file"_s) {
        const QString path = writeFile(u"stdin-vs-file.txt"_s, stream);
        QVERIFY(!path.isEmpty());
        result = runCli({u"parse"_s, path});
    } else if (how == u"stdin"_s) {
        result = runCli({u"parse"_s}, stream);
    } else {
        result = runCli({u"parse"_s, u"-"_s}, stream);
    }
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines(), sampleLines());
}

void tst_Cli::parse_chunkSizes_sameOutput_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addRow("as read") << QStringList{};
    QTest::addRow("1") << QStringList{u"--chunk-size"_s, u"1"_s};
    QTest::addRow("2") << QStringList{u"--chunk-size"_s, u"2"_s};
    QTest::addRow("3") << QStringList{u"--chunk-size=3"_s};
    QTest::addRow("7") << QStringList{u"--chunk-size"_s, u"7"_s};
    QTest::addRow("whole") << QStringList{u"--chunk-size"_s, u"1000000"_s};
}

void tst_Cli::parse_chunkSizes_sameOutput()
{
    QFETCH(QStringList, options);
    const QString path = writeFile(u"chunks.txt"_s, sampleStream());
    QVERIFY(!path.isEmpty());
    const RunResult fromFile = runCli(QStringList{u"parse"_s} + options + QStringList{path});
    QVERIFY(fromFile.finished);
    QCOMPARE(fromFile.exitCode, 0);
    QCOMPARE(fromFile.lines(), sampleLines());
    const RunResult fromStdin = runCli(QStringList{u"parse"_s} + options, sampleStream());
    QCOMPARE(fromStdin.exitCode, 0);
    QCOMPARE(fromStdin.lines(), sampleLines());
}

void tst_Cli::parse_count_printsTotalsOnly()
{
    const QString path = writeFile(u"count.txt"_s, sampleStream());
    QVERIFY(!path.isEmpty());
    // Data bytes of the sample's events, as UTF-8 after repair.
    qint64 dataBytes = 0;
    int events = 0;
    for (const QByteArray &line : sampleLines()) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.contains(u"data"_s)) {
            ++events;
            dataBytes += object.value(u"data"_s).toString().toUtf8().size();
        }
    }
    QCOMPARE(events, 7);
    const QByteArray expected = "{\"events\": " + QByteArray::number(events)
            + ", \"dataBytes\": " + QByteArray::number(dataBytes) + "}";
    for (const QString &chunkSize : {u"1"_s, u"4096"_s}) {
        const RunResult result =
                runCli({u"parse"_s, u"--count"_s, u"--chunk-size"_s, chunkSize, path});
        QVERIFY(result.finished);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.lines(), QByteArrayList{expected});
    }
}

void tst_Cli::parse_manyEvents_countAndLines()
{
    // Several 64 KiB reads, events split across them.
    QByteArray stream;
    constexpr int Events = 20000;
    for (int i = 0; i < Events; ++i)
        stream += "id: " + QByteArray::number(i) + "\ndata: event number " + QByteArray::number(i)
                + "\n\n";
    const QString path = writeFile(u"many.txt"_s, stream);
    QVERIFY(!path.isEmpty());
    const RunResult result = runCli({u"parse"_s, path});
    QCOMPARE(result.exitCode, 0);
    const QByteArrayList lines = result.lines();
    QCOMPARE(lines.size(), Events);
    QCOMPARE(lines.last(),
            R"({"type": "message", "data": "event number 19999", "lastEventId": "19999"})"_ba);
    const RunResult piped = runCli({u"parse"_s, u"--count"_s}, stream);
    QCOMPARE(piped.exitCode, 0);
    QVERIFY2(piped.out.startsWith("{\"events\": 20000, \"dataBytes\": "), piped.out.constData());
}

void tst_Cli::parse_lineTooLong_reportsOnStderr()
{
    // One line beyond the parser's default 16 MiB limit: dropped and reported on stderr.
    QByteArray stream = "data: ";
    stream += QByteArray(17 * 1024 * 1024, 'a');
    stream += "\n\ndata: after\n\n";
    const QString path = writeFile(u"long.txt"_s, stream);
    QVERIFY(!path.isEmpty());
    const RunResult result = runCli({u"parse"_s, path});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines(),
            QByteArrayList{R"({"type": "message", "data": "after", "lastEventId": ""})"_ba});
    QVERIFY(!result.err.isEmpty());
}

void tst_Cli::parse_missingFile_exitOne()
{
    const QString missing = m_dir.filePath(u"does-not-exist.txt"_s);
    const RunResult result = runCli({u"parse"_s, missing});
    QVERIFY(result.finished);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(missing.toLocal8Bit()), result.err.constData());

    const RunResult directory = runCli({u"parse"_s, m_dir.path()});
    QCOMPARE(directory.exitCode, 1);
    QVERIFY(!directory.err.isEmpty());
}

void tst_Cli::parse_emptyInput_printsNothing()
{
    const RunResult result = runCli({u"parse"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.isEmpty());
    const RunResult count = runCli({u"parse"_s, u"--count"_s});
    QCOMPARE(count.out,
            R"({"events": 0, "dataBytes": 0})"
            "\n"_ba);
}

void tst_Cli::monitor_printsStateOpenEventCommentInOrder()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events",
            TestSupport::Handlers::sseHold(": hi there\n"
                                           "event: tick\nid: 7\ndata: a\n\n"
                                           "data: q\"b\ndata: c\\d\x01\n\n"_ba));
    Monitor monitor({server.url(u"/events"_s).toString()});
    QVERIFY(monitor.isStarted());
    const QByteArrayList expected{
            State0,
            State1,
            OpenLine,
            R"({"kind":"comment","comment":"hi there"})"_ba,
            eventLine("tick", "a", "7"),
            eventLine("message", R"(q\"b\nc\\d\u0001)", "7"),
    };
    QTRY_VERIFY_WITH_TIMEOUT(monitor.lines().size() >= expected.size(), 10000);
    QCOMPARE(monitor.lines(), expected);

    // More events on the open stream show up as they come.
    QCOMPARE(server.broadcast("/events", "event: \xC3\xA9v\ndata: \xE2\x82\xAC\n\n"_ba), 1);
    QTRY_COMPARE(monitor.lines().size(), expected.size() + 1);
    QCOMPARE(monitor.lines().last(), eventLine("\xC3\xA9v", "\xE2\x82\xAC", "7"));

    monitor.sendSignal(SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    QCOMPARE(monitor.lines().size(), expected.size() + 1);
}

void tst_Cli::monitor_maxEvents_exitsAfterNthEvent()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    // Five events in one write: the CLI must stop printing after the third.
    server.route("/events",
            TestSupport::Handlers::sseHold("data: 1\n\ndata: 2\n\n: between\n\n"
                                           "event: other\ndata: 3\n\ndata: 4\n\ndata: 5\n\n"_ba));
    Monitor monitor({server.url(u"/events"_s).toString(), u"--max-events"_s, u"3"_s});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    const QByteArrayList lines = monitor.lines();
    QCOMPARE(lines,
            (QByteArrayList{State0, State1, OpenLine, eventLine("message", "1", ""),
                    eventLine("message", "2", ""), R"({"kind":"comment","comment":"between"})"_ba,
                    eventLine("other", "3", "")}));
    // The connection is dropped on exit.
    QTRY_COMPARE(server.openConnections(), 0);
}

void tst_Cli::monitor_timeout_exitsZero()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events", TestSupport::Handlers::sseHold());
    QElapsedTimer clock;
    clock.start();
    Monitor monitor({server.url(u"/events"_s).toString(), u"--timeout"_s, u"0.7"_s});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    QVERIFY2(clock.elapsed() >= 650, QByteArray::number(clock.elapsed()).constData());
    QCOMPARE(monitor.lines(), (QByteArrayList{State0, State1, OpenLine}));
}

void tst_Cli::monitor_httpError_isFatal()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events", TestSupport::Handlers::status(404, "text/plain"_ba, "gone\n"_ba));
    Monitor monitor({server.url(u"/events"_s).toString(), u"--retry-ms"_s, u"50"_s});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(1), monitor.describe().constData());
    const QByteArrayList lines = monitor.lines();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.first(), State0);
    QVERIFY2(lines.contains(State2), lines.join('\n').constData());
    const QByteArray errorLine = lines.at(1) == State2 ? lines.at(2) : lines.at(1);
    QVERIFY2(errorLine.startsWith(R"({"kind":"error","fatal":true,"message":")"),
            errorLine.constData());
    const QJsonObject error = QJsonDocument::fromJson(errorLine).object();
    QCOMPARE(error.size(), 5);
    QVERIFY(!error.value(u"message"_s).toString().isEmpty());
    QCOMPARE(error.value(u"status"_s).toInt(), 404);
    QCOMPARE(error.value(u"body"_s).toString(), u"gone\n"_s);
    QVERIFY(!monitor.errorOutput().isEmpty());
    QCOMPARE(server.requestCount("/events"), 1);
}

void tst_Cli::monitor_refusedResponse_errorLineHasStatusAndBody_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<TestSupport::HeaderList>("extraHeaders");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("errorLine");
    QTest::addRow("401 JSON")
            << 401 << "application/json"_ba
            << TestSupport::HeaderList{{"WWW-Authenticate"_ba, "Bearer realm=\"feeds\""_ba}}
            << "{\"error\": \"token expired\",\n \"who\": \"caf\xC3\xA9\"}"_ba
            << R"({"kind":"error","fatal":true,"message":"HTTP 401 Unauthorized: an EventSource )"
               R"(does not reconnect after an error status.","status":401,"body":"{\"error\": )"
               "\\\"token expired\\\",\\n \\\"who\\\": \\\"caf\xC3\xA9\\\"}\"}"_ba;
    QTest::addRow("200 HTML")
            << 200 << "text/html"_ba << TestSupport::HeaderList() << "<p>log in</p>\xFF"_ba
            << R"({"kind":"error","fatal":true,"message":"Content-Type is \"text/html\", not )"
               R"(text/event-stream.","status":200,"body":"<p>log in</p>)"
               "\xEF\xBF\xBD\"}"_ba;
    QTest::addRow("503 empty")
            << 503 << "text/plain"_ba << TestSupport::HeaderList() << QByteArray()
            << R"({"kind":"error","fatal":true,"message":"HTTP 503 Service Unavailable: an )"
               R"(EventSource does not reconnect after an error status.","status":503,"body":""})"_ba;
}

void tst_Cli::monitor_refusedResponse_errorLineHasStatusAndBody()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(TestSupport::HeaderList, extraHeaders);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, errorLine);
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events", TestSupport::Handlers::status(status, contentType, body, extraHeaders));
    Monitor monitor({server.url(u"/events"_s).toString()});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(1), monitor.describe().constData());
    // The error line gains status and body after its fields; the state lines stay as they were.
    QCOMPARE(monitor.lines(), (QByteArrayList{State0, State2, errorLine}));
    const QJsonObject error = QJsonDocument::fromJson(errorLine).object();
    QCOMPARE(error.keys(),
            (QStringList{u"body"_s, u"fatal"_s, u"kind"_s, u"message"_s, u"status"_s}));
}

void tst_Cli::monitor_compressedStream_printsEvents_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addRow("gzip") << "gzip"_ba;
    QTest::addRow("deflate") << "deflate"_ba;
    QTest::addRow("br") << "br"_ba;
}

void tst_Cli::monitor_compressedStream_printsEvents()
{
    QFETCH(QByteArray, encoding);
    const QByteArray stream = "id: 1\ndata: caf\xC3\xA9\n\n: beat\n\ndata: two\n\n"_ba;
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    // Compressed although the monitor asks for identity, as some proxies do.
    server.route("/events", [encoding, stream](TestSupport::Connection *connection) {
        connection->writeHead(
                200, {{"Content-Type", "text/event-stream"}, {"Content-Encoding", encoding}});
        connection->write(TestSupport::Compression::encode(encoding, stream));
    });
    Monitor monitor({server.url(u"/events"_s).toString(), u"--max-events"_s, u"2"_s});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    QCOMPARE(monitor.lines(),
            (QByteArrayList{State0, State1, OpenLine, eventLine("message", "caf\xC3\xA9", "1"),
                    R"({"kind":"comment","comment":"beat"})"_ba,
                    eventLine("message", "two", "1")}));
    QCOMPARE(server.lastRequest("/events").header("Accept-Encoding"), "identity"_ba);
}

void tst_Cli::monitor_streamEnd_reconnectsWithLastEventId()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events", [](TestSupport::Connection *connection) {
        connection->writeSseHead();
        if (connection->request().number == 1) {
            connection->write("id: 42\ndata: one\n\n");
            connection->close();
        } else {
            connection->write("data: two\n\n");
        }
    });
    Monitor monitor({server.url(u"/events"_s).toString(), u"--retry-ms"_s, u"100"_s});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.count(eventLine("message", "two", "42")) == 1, 10000);
    QCOMPARE(server.requestCount("/events"), 2);
    const QList<TestSupport::Request> requests = server.requests("/events");
    QVERIFY(!requests.at(0).hasHeader("Last-Event-ID"));
    QCOMPARE(requests.at(1).header("Last-Event-ID"), "42"_ba);

    const QByteArrayList lines = monitor.lines();
    QCOMPARE(lines.mid(0, 4),
            (QByteArrayList{State0, State1, OpenLine, eventLine("message", "one", "42")}));
    // Then exactly one transient error and state 0, in the library's order, then reopened.
    const QByteArrayList drop = lines.mid(4, 2);
    QVERIFY2(drop.contains(State0), lines.join('\n').constData());
    const QByteArray errorLine = drop.at(0) == State0 ? drop.at(1) : drop.at(0);
    QVERIFY2(errorLine.startsWith(R"({"kind":"error","fatal":false,"message":")"),
            errorLine.constData());
    QCOMPARE(lines.mid(6), (QByteArrayList{State1, OpenLine, eventLine("message", "two", "42")}));

    monitor.sendSignal(SIGINT);
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
}

void tst_Cli::monitor_requestOptions_reachServer()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events", TestSupport::Handlers::sseHold("data: x\n\n"_ba));
    Monitor monitor({server.url(u"/events"_s).toString(), u"-H"_s, u"X-Test: one two"_s,
            u"--header"_s, u"X-Other:three"_s, u"--method"_s, u"POST"_s, u"--body"_s,
            u"{\"q\": \"\u00e9\"}"_s, u"--last-event-id"_s, u"abc"_s, u"--max-events"_s, u"1"_s});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    QCOMPARE(monitor.lines().last(), eventLine("message", "x", "abc"));
    QCOMPARE(server.requestCount("/events"), 1);
    const TestSupport::Request request = server.lastRequest("/events");
    QCOMPARE(request.method, "POST"_ba);
    QCOMPARE(request.header("X-Test"), "one two"_ba);
    QCOMPARE(request.header("X-Other"), "three"_ba);
    QCOMPARE(request.header("Last-Event-ID"), "abc"_ba);
    QCOMPARE(request.body, "{\"q\": \"\xC3\xA9\"}"_ba);
    QCOMPARE(request.header("Accept-Encoding"), "identity"_ba); // without --compressed
}

void tst_Cli::monitor_once_streamEnd_oneRequestExitZero()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    // An LLM-style POST stream that ends after [DONE]; chunked, so that Qt never sends a
    // request twice by itself.
    server.route("/llm", [](TestSupport::Connection *connection) {
        connection->writeChunkedSseHead();
        connection->writeChunk("data: {\"delta\":\"hi\"}\n\ndata: [DONE]\n\n"_ba);
        connection->endChunks();
        connection->close();
    });
    Monitor monitor({server.url(u"/llm"_s).toString(), u"--once"_s, u"--method"_s, u"POST"_s,
            u"--body"_s, u"{}"_s, u"--retry-ms"_s, u"0"_s});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    QCOMPARE(monitor.errorOutput(), QByteArray());
    QCOMPARE(server.requestCount("/llm"), 1);
    QCOMPARE(server.lastRequest("/llm").method, "POST"_ba);
    const QByteArrayList lines = monitor.lines();
    QCOMPARE(lines.mid(0, 5),
            (QByteArrayList{State0, State1, OpenLine,
                    eventLine("message", R"({\"delta\":\"hi\"})", ""),
                    eventLine("message", "[DONE]", "")}));
    // The end as always: state 0 and one transient error line, in the library's order.
    QCOMPARE(lines.size(), 7);
    QVERIFY2(lines.mid(5).contains(State0), lines.join('\n').constData());
    const QByteArray errorLine = lines.at(5) == State0 ? lines.at(6) : lines.at(5);
    QVERIFY2(errorLine.startsWith(R"({"kind":"error","fatal":false,"message":")"),
            errorLine.constData());
}

void tst_Cli::monitor_once_otherErrors_exitOne_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("requests");
    QTest::addColumn<bool>("fatal");
    QTest::addRow("status 500") << u"status"_s << QStringList() << 1 << true;
    QTest::addRow("connection refused") << u"refused"_s << QStringList() << 0 << false;
    QTest::addRow("connection cut") << u"cut"_s << QStringList() << 1 << false;
    QTest::addRow("read timeout") << u"silent"_s << QStringList{u"--read-timeout-ms"_s, u"300"_s}
                                  << 1 << false;
}

void tst_Cli::monitor_once_otherErrors_exitOne()
{
    QFETCH(QString, fault);
    QFETCH(QStringList, options);
    QFETCH(int, requests);
    QFETCH(bool, fatal);
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events", [fault](TestSupport::Connection *connection) {
        if (fault == u"status"_s) {
            connection->respond(500, "text/plain"_ba, "broken\n"_ba);
            return;
        }
        connection->writeChunkedSseHead();
        connection->writeChunk("data: x\n\n"_ba);
        if (fault == u"cut"_s)
            QTimer::singleShot(200, connection, &TestSupport::Connection::abort);
    });
    const QUrl url = server.url(u"/events"_s);
    if (fault == u"refused"_s)
        server.stopListening();
    Monitor monitor(QStringList{url.toString(), u"--once"_s, u"--retry-ms"_s, u"0"_s} + options);
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(1), monitor.describe().constData());
    QCOMPARE(server.requestCount("/events"), requests);
    const QByteArrayList lines = monitor.lines();
    QCOMPARE(monitor.countKind(u"error"_s), 1);
    const QByteArray errorLine = lines.last() == State0 || lines.last() == State2
            ? lines.at(lines.size() - 2)
            : lines.last();
    const QJsonObject error = QJsonDocument::fromJson(errorLine).object();
    QCOMPARE(error.value(u"kind"_s).toString(), u"error"_s);
    QCOMPARE(error.value(u"fatal"_s).toBool(), fatal);
    // The reason on stderr, as for a fatal error.
    QVERIFY2(monitor.errorOutput().contains(error.value(u"message"_s).toString().toUtf8()),
            monitor.errorOutput().constData());
}

void tst_Cli::monitor_once_otherWaysToStop_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("signalNumber"); // 0: none
    QTest::addColumn<int>("events");
    QTest::addRow("--max-events") << QStringList{u"--max-events"_s, u"2"_s} << 0 << 2;
    QTest::addRow("--timeout") << QStringList{u"--timeout"_s, u"0.5"_s} << 0 << 3;
    QTest::addRow("SIGINT") << QStringList() << SIGINT << 3;
}

void tst_Cli::monitor_once_otherWaysToStop()
{
    QFETCH(QStringList, options);
    QFETCH(int, signalNumber);
    QFETCH(int, events);
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events", TestSupport::Handlers::sseHold("data: 1\n\ndata: 2\n\ndata: 3\n\n"_ba));
    Monitor monitor(QStringList{server.url(u"/events"_s).toString(), u"--once"_s} + options);
    if (signalNumber != 0) {
        QTRY_VERIFY_WITH_TIMEOUT(monitor.countKind(u"event"_s) == events, 10000);
        monitor.sendSignal(signalNumber);
    }
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    QCOMPARE(monitor.countKind(u"event"_s), events);
    QCOMPARE(monitor.countKind(u"error"_s), 0);
    QCOMPARE(server.requestCount("/events"), 1);
}

void tst_Cli::monitor_compressed_acceptsAndDecodesGzip()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    const QByteArray plain = "id: 1\ndata: one\n\nid: 2\ndata: two\n\n"_ba;
    server.route("/z", [plain](TestSupport::Connection *connection) {
        const QByteArray encoding = connection->request().header("Accept-Encoding");
        if (!encoding.contains("gzip")) {
            connection->respond(406, "text/plain"_ba, "gzip only: " + encoding);
            return;
        }
        connection->writeHead(200,
                {{"Content-Type"_ba, "text/event-stream"_ba}, {"Content-Encoding"_ba, "gzip"_ba}});
        connection->write(gzip(plain));
    });
    Monitor monitor({server.url(u"/z"_s).toString(), u"--compressed"_s, u"--max-events"_s, u"2"_s});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    QCOMPARE(monitor.lines(),
            (QByteArrayList{State0, State1, OpenLine, eventLine("message", "one", "1"),
                    eventLine("message", "two", "2")}));
    const QByteArray acceptEncoding = server.lastRequest("/z").header("Accept-Encoding");
    QVERIFY2(!acceptEncoding.isEmpty() && acceptEncoding != "identity", acceptEncoding.constData());
}

void tst_Cli::monitor_terminationSignal_exitsZero_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addRow("SIGTERM") << int(SIGTERM);
    QTest::addRow("SIGINT") << int(SIGINT);
}

void tst_Cli::monitor_terminationSignal_exitsZero()
{
    QFETCH(int, signalNumber);
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events", TestSupport::Handlers::sseHold());
    Monitor monitor({server.url(u"/events"_s).toString()});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.count(OpenLine) == 1, 10000);
    monitor.sendSignal(signalNumber);
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    QCOMPARE(monitor.lines(), (QByteArrayList{State0, State1, OpenLine}));
    QCOMPARE(monitor.errorOutput(), QByteArray());
    QTRY_COMPARE(server.openConnections(), 0);
}

void tst_Cli::monitor_sigusr1_reconnectsWithoutError()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events", [](TestSupport::Connection *connection) {
        connection->writeSseHead();
        connection->write(
                "id: n" + QByteArray::number(connection->request().number) + "\ndata: hello\n\n");
    });
    // A long reconnection time: a reconnect that waited for it would not arrive in time.
    Monitor monitor({server.url(u"/events"_s).toString(), u"--retry-ms"_s, u"60000"_s});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.count(eventLine("message", "hello", "n1")) == 1, 10000);
    monitor.sendSignal(SIGUSR1);
    QTRY_COMPARE_WITH_TIMEOUT(server.requestCount("/events"), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(monitor.count(eventLine("message", "hello", "n2")) == 1, 10000);
    QCOMPARE(server.lastRequest("/events").header("Last-Event-ID"), "n1"_ba);
    QTRY_COMPARE(server.openConnections(), 1);
    QCOMPARE(monitor.countKind(u"error"_s), 0);
    QCOMPARE(monitor.countKind(u"open"_s), 2);

    monitor.sendSignal(SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    QCOMPARE(monitor.countKind(u"error"_s), 0);
}

void tst_Cli::monitor_count_printsTotalsOnly()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events",
            TestSupport::Handlers::sseHold(": c\n\ndata: ab\n\ndata: c\xC3\xA9\n\ndata\n\n"_ba));
    Monitor monitor({server.url(u"/events"_s).toString(), u"--count"_s, u"--max-events"_s, u"3"_s});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    const QByteArrayList lines = monitor.lines();
    QCOMPARE(lines.size(), 1);
    static const QRegularExpression pattern(
            uR"(^\{"events": 3, "dataBytes": 5, "seconds": \d+\.\d+\}$)"_s);
    QVERIFY2(pattern.match(QString::fromUtf8(lines.first())).hasMatch(), lines.first().constData());
}

void tst_Cli::monitor_countWithTimeout_printsTotals()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events", TestSupport::Handlers::sseHold("data: 1234\n\ndata: 5\n\n"_ba));
    Monitor monitor({server.url(u"/events"_s).toString(), u"--count"_s, u"--timeout"_s, u"0.5"_s});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    const QByteArrayList lines = monitor.lines();
    QCOMPARE(lines.size(), 1);
    const QJsonObject totals = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(totals.value(u"events"_s).toInt(), 2);
    QCOMPARE(totals.value(u"dataBytes"_s).toInt(), 5);
    const double seconds = totals.value(u"seconds"_s).toDouble();
    QVERIFY2(seconds >= 0.45 && seconds < 15, lines.first().constData());
}

namespace {

QByteArray readAll(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return "<cannot read " + fileName.toUtf8() + ">";
    return file.readAll();
}

// Each line of NDJSON as an object; an empty object for a line that is not one.
QList<QJsonObject> objectsOf(const QByteArrayList &lines)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : lines)
        objects.append(QJsonDocument::fromJson(line).object());
    return objects;
}

QByteArrayList linesOf(const QByteArray &bytes)
{
    QByteArrayList lines = bytes.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

// The monitor's event and comment lines, in order.
QList<QJsonObject> eventsAndCommentsOf(const QByteArrayList &lines)
{
    QList<QJsonObject> objects;
    for (const QJsonObject &object : objectsOf(lines)) {
        const QString kind = object.value(u"kind"_s).toString();
        if (kind == u"event"_s || kind == u"comment"_s)
            objects.append(object);
    }
    return objects;
}

// An event log record as the monitor prints it: without receive time, connection and origin.
QJsonObject withoutLogFields(QJsonObject record)
{
    record.remove(u"receivedMs"_s);
    record.remove(u"connection"_s);
    record.remove(u"origin"_s);
    return record;
}

} // namespace

void tst_Cli::monitor_output_recordsWhatItPrints()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    // Two connections: the first ends, the source reconnects and the id is reset.
    server.route("/events", [](TestSupport::Connection *connection) {
        connection->writeSseHead();
        if (connection->request().number == 1) {
            connection->write(": hello\nevent: tick\nid: 1\ndata: a\"b\\c\ndata: two\n\n"
                              ": between\ndata: caf\xC3\xA9\x01\t\n\n"_ba);
            connection->close();
        } else {
            connection->write("id\ndata: after reset\n\n: last\n"_ba);
        }
    });
    const QString path = m_dir.filePath(u"recorded.ndjson"_s);
    QVERIFY(writeFile(u"recorded.ndjson"_s, "an older recording, replaced\n"_ba) == path);
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    Monitor monitor(
            {server.url(u"/events"_s).toString(), u"--retry-ms"_s, u"100"_s, u"--output"_s, path});
    QVERIFY(monitor.isStarted());
    QTRY_VERIFY_WITH_TIMEOUT(eventsAndCommentsOf(monitor.lines()).size() == 6, 10000);
    // Recorded while it runs: flushed soon, not only at exit.
    QTRY_COMPARE_WITH_TIMEOUT(linesOf(readAll(path)).size(), 6, 5000);

    monitor.sendSignal(SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    const qint64 endMs = QDateTime::currentMSecsSinceEpoch();

    // Standard output is what it always was; the file has the same events and comments.
    const QList<QJsonObject> printed = eventsAndCommentsOf(monitor.lines());
    QCOMPARE(printed.size(), 6);
    QCOMPARE(printed.at(0),
            QJsonDocument::fromJson(R"({"kind":"comment","comment":"hello"})"_ba).object());
    const QByteArray recording = readAll(path);
    const QList<QJsonObject> recorded = objectsOf(linesOf(recording));
    QCOMPARE(recorded.size(), printed.size());
    const QList<int> connections{1, 1, 1, 1, 2, 2};
    for (qsizetype i = 0; i < recorded.size(); ++i) {
        const QJsonObject &record = recorded.at(i);
        QCOMPARE(withoutLogFields(record), printed.at(i));
        const qint64 receivedMs = qint64(record.value(u"receivedMs"_s).toDouble());
        QVERIFY2(receivedMs >= startMs && receivedMs <= endMs, QByteArray::number(receivedMs));
        QCOMPARE(record.value(u"connection"_s).toInt(), connections.at(i));
        if (record.value(u"kind"_s).toString() == u"event"_s)
            QCOMPARE(record.value(u"origin"_s).toString(), server.origin());
    }
    QCOMPARE(recorded.at(4).value(u"lastEventId"_s).toString(), QString());

    // ssedash-cli reads the recording back (importLog): unchanged through an NDJSON export...
    const QString again = m_dir.filePath(u"again.jsonl"_s);
    const RunResult copy = runCli({u"export"_s, path, again});
    QVERIFY2(copy.exitCode == 0, copy.err.constData());
    QCOMPARE(readAll(again), recording);
    // ...and as text/event-stream, `parse` gets the printed events back.
    const QString stream = m_dir.filePath(u"recorded.sse"_s);
    const RunResult exported = runCli({u"export"_s, path, stream});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QVERIFY(exported.out.isEmpty());
    const RunResult parsed = runCli({u"parse"_s, stream});
    QCOMPARE(parsed.exitCode, 0);
    QList<QJsonObject> printedEvents;
    for (QJsonObject object : printed) {
        if (object.take(u"kind"_s).toString() == u"event"_s)
            printedEvents.append(object);
    }
    QCOMPARE(objectsOf(parsed.lines()), printedEvents);
}

void tst_Cli::monitor_output_withCount_stillRecords()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route(
            "/events", TestSupport::Handlers::sseHold(": c\n\ndata: ab\n\nid: 2\ndata: x\n\n"_ba));
    const QString path = m_dir.filePath(u"counted.ndjson"_s);
    Monitor monitor({server.url(u"/events"_s).toString(), u"--count"_s, u"--max-events"_s, u"2"_s,
            u"--output"_s, path});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    QCOMPARE(monitor.lines().size(), 1);
    QVERIFY(monitor.lines().first().startsWith(R"({"events": 2, "dataBytes": 3, )"));
    const QList<QJsonObject> recorded = objectsOf(linesOf(readAll(path)));
    QCOMPARE(recorded.size(), 3);
    QCOMPARE(withoutLogFields(recorded.at(0)),
            QJsonDocument::fromJson(R"({"kind":"comment","comment":"c"})"_ba).object());
    QCOMPARE(withoutLogFields(recorded.at(2)),
            QJsonDocument::fromJson(
                    R"({"kind":"event","type":"message","data":"x","lastEventId":"2"})"_ba)
                    .object());
}

void tst_Cli::monitor_output_diskRefuses_exitOne()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    // Past the first flush (64 KiB), so that something was recorded when writing fails.
    constexpr int FileLimit = 100 * 1024;
    // About 1 MiB of events, then the stream stays open: only the failure can end the monitor.
    QByteArray body;
    for (int i = 0; i < 1000; ++i)
        body += "id: " + QByteArray::number(i) + "\ndata: " + QByteArray(1000, 'x') + "\n\n";
    server.route("/events", TestSupport::Handlers::sseHold(body));
    const QString path = m_dir.filePath(u"refused.ndjson"_s);
    Monitor monitor({server.url(u"/events"_s).toString(), u"--output"_s, path},
            [] { TestSupport::limitChildFileSize(FileLimit); });
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(1), monitor.describe().constData());
    QVERIFY2(monitor.errorOutput().startsWith(QByteArray("ssedash-cli: cannot record to "
                     + path.toUtf8() + ": " + std::strerror(EFBIG))),
            monitor.errorOutput().constData());
    // What was recorded ends with a whole record: the export reads all of it.
    const QByteArray recorded = readAll(path);
    QVERIFY(!recorded.isEmpty());
    QVERIFY2(recorded.size() <= FileLimit, QByteArray::number(recorded.size()));
    QVERIFY2(recorded.endsWith('\n'), recorded.right(100).constData());
    const RunResult exported = runCli({u"export"_s, path, m_dir.filePath(u"refused.json"_s)});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    // Nothing is printed after the failure.
    QVERIFY(monitor.lines().size() < 1000);
}

void tst_Cli::monitor_output_unwritable_exitOne()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events", TestSupport::Handlers::sseHold("data: x\n\n"_ba));
    const QString path = m_dir.filePath(u"no-such-directory/recorded.ndjson"_s);
    Monitor monitor({server.url(u"/events"_s).toString(), u"--output"_s, path});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(1), monitor.describe().constData());
    QCOMPARE(monitor.lines(), QByteArrayList());
    QVERIFY2(monitor.errorOutput().startsWith(QByteArray("ssedash-cli: cannot record to "
                     + path.toUtf8() + ": No such file or directory")),
            monitor.errorOutput().constData());
    QCOMPARE(server.requestCount(), 0);
}

namespace {

constexpr int ReadyTimeoutMs = 10000;

// The kinds of a monitor's lines, in order.
QStringList kindsOf(const QByteArrayList &lines)
{
    QStringList kinds;
    for (const QByteArray &line : lines)
        kinds.append(QJsonDocument::fromJson(line).object().value(u"kind"_s).toString());
    return kinds;
}

QList<QJsonObject> eventsOf(const QByteArrayList &lines)
{
    QList<QJsonObject> events;
    for (const QByteArray &line : lines) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.value(u"kind"_s).toString() == u"event"_s)
            events.append(object);
    }
    return events;
}

// The publisher's options for tests: a free port and a fast feed, then `more`.
QStringList fastFeed(const QStringList &more = {})
{
    return QStringList{u"--port"_s, u"0"_s, u"--interval"_s, u"50"_s} + more;
}

} // namespace

void tst_Cli::publish_printsUrlLines()
{
    Publish publish(fastFeed({u"--channel"_s, u"alpha"_s, u"--channel"_s, u"beta.2"_s}));
    QVERIFY(publish.isStarted());
    QTRY_VERIFY_WITH_TIMEOUT(publish.isReadyOrFinished(), ReadyTimeoutMs);
    const QByteArrayList lines = publish.lines();
    QVERIFY2(lines.size() == 5, publish.describe().constData());
    static const QRegularExpression first(
            uR"(^ssedash-cli: publishing on http://127\.0\.0\.1:(\d+)/$)"_s);
    const QRegularExpressionMatch match = first.match(QString::fromUtf8(lines.first()));
    QVERIFY2(match.hasMatch(), lines.first().constData());
    const QByteArray port = match.captured(1).toUtf8();
    QVERIFY(port.toInt() > 0 && port.toInt() < 65536);
    const QByteArray base = "http://127.0.0.1:" + port;
    QCOMPARE(lines.mid(1),
            (QByteArrayList{"  broadcast: " + base + "/events",
                    "  channel alpha: " + base + "/events/alpha",
                    "  channel beta.2: " + base + "/events/beta.2",
                    "  stats: " + base + "/stats"}));

    publish.sendSignal(SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(publish.isFinished(), FinishTimeoutMs);
    QVERIFY2(publish.exitedWith(0), publish.describe().constData());
    QCOMPARE(publish.lines(), lines);
    QCOMPARE(publish.errorOutput(), QByteArray());
}

// Listening beyond loopback is said once on stderr; stdout keeps its form. (The loopback
// default prints nothing on stderr: publish_printsUrlLines.)
void tst_Cli::publish_nonLoopbackBind_warnsOnce()
{
    Publish publish(fastFeed({u"--bind"_s, u"0.0.0.0"_s}));
    QVERIFY(publish.isStarted());
    QTRY_VERIFY_WITH_TIMEOUT(publish.isReadyOrFinished(), ReadyTimeoutMs);
    QVERIFY2(!publish.url("broadcast").isEmpty(), publish.describe().constData());
    QTRY_VERIFY_WITH_TIMEOUT(!publish.errorOutput().isEmpty(), ReadyTimeoutMs);
    QCOMPARE(publish.errorOutput(),
            "ssedash-cli: listening on 0.0.0.0, not only on loopback: whoever reaches this host "
            "can read and publish events\n"_ba);

    publish.sendSignal(SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(publish.isFinished(), FinishTimeoutMs);
    QVERIFY2(publish.exitedWith(0), publish.describe().constData());
}

void tst_Cli::publish_feedReachesMonitor_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("label");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("json");
    QTest::addColumn<QString>("ids");
    const QByteArray broadcast = "broadcast";
    const QByteArray testEvent = "channel test-event";
    QTest::addRow("broadcast") << QStringList{} << broadcast << u"message"_s << false
                               << u"counter"_s;
    QTest::addRow("default channel")
            << QStringList{} << testEvent << u"test-event"_s << false << u"counter"_s;
    QTest::addRow("--event") << QStringList{u"--event"_s, u"tick"_s} << broadcast << u"tick"_s
                             << false << u"counter"_s;
    QTest::addRow("--json, broadcast")
            << QStringList{u"--json"_s} << broadcast << u"message"_s << true << u"counter"_s;
    QTest::addRow("--json, channel")
            << QStringList{u"--json"_s} << testEvent << u"test-event"_s << true << u"counter"_s;
    QTest::addRow("--ids uuid") << QStringList{u"--ids"_s, u"uuid"_s} << broadcast << u"message"_s
                                << false << u"uuid"_s;
    QTest::addRow("--ids none") << QStringList{u"--ids=none"_s} << testEvent << u"test-event"_s
                                << false << u"none"_s;
    QTest::addRow("--channel") << QStringList{u"--channel"_s, u"news"_s, u"--channel"_s,
            u"alerts"_s} << "channel alerts"_ba
                               << u"alerts"_s << false << u"counter"_s;
}

void tst_Cli::publish_feedReachesMonitor()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, label);
    QFETCH(QString, type);
    QFETCH(bool, json);
    QFETCH(QString, ids);
    Publish publish(fastFeed(options));
    QVERIFY(publish.isStarted());
    QTRY_VERIFY_WITH_TIMEOUT(publish.isReadyOrFinished(), ReadyTimeoutMs);
    const QString url = publish.urlString(label);
    QVERIFY2(!url.isEmpty(), publish.describe().constData());

    Monitor monitor({url, u"--max-events"_s, u"3"_s});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    const QList<QJsonObject> events = eventsOf(monitor.lines());
    QCOMPARE(events.size(), 3);
    static const QRegularExpression clock(uR"(^send data: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$)"_s);
    qint64 previousId = -1;
    for (const QJsonObject &event : events) {
        QCOMPARE(event.value(u"type"_s).toString(), type);
        const QString data = event.value(u"data"_s).toString();
        const QString id = event.value(u"lastEventId"_s).toString();
        if (json) {
            const QJsonObject message = QJsonDocument::fromJson(data.toUtf8()).object();
            QCOMPARE(message.keys(),
                    (QStringList{u"id"_s, u"payload"_s, u"timestamp"_s, u"type"_s}));
            QCOMPARE(message.value(u"type"_s).toString(),
                    type == u"test-event"_s ? type : u"message"_s);
            QCOMPARE(message.value(u"payload"_s).toObject().value(u"sequence"_s).toString(), id);
        } else {
            QVERIFY2(clock.match(data).hasMatch(), qPrintable(data));
        }
        if (ids == u"counter"_s) {
            bool ok = false;
            const qint64 number = id.toLongLong(&ok);
            QVERIFY2(ok && (previousId < 0 || number == previousId + 1), qPrintable(id));
            previousId = number;
        } else if (ids == u"uuid"_s) {
            QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(id));
        } else {
            QCOMPARE(id, QString());
        }
    }
}

void tst_Cli::publish_count_endsEachStream()
{
    // The retry field brings the reconnect down from the default 3 s.
    Publish publish(fastFeed({u"--count"_s, u"2"_s, u"--retry"_s, u"100"_s}));
    QVERIFY(publish.isStarted());
    QTRY_VERIFY_WITH_TIMEOUT(publish.isReadyOrFinished(), ReadyTimeoutMs);
    const QString url = publish.urlString("broadcast");
    QVERIFY2(!url.isEmpty(), publish.describe().constData());

    Monitor monitor({url, u"--max-events"_s, u"5"_s});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    const QByteArrayList lines = monitor.lines();
    const QByteArray all = lines.join('\n');
    // Two events, the end of the stream as a transient error, and a new connection.
    QCOMPARE(kindsOf(lines.mid(0, 5)),
            (QStringList{u"state"_s, u"state"_s, u"open"_s, u"event"_s, u"event"_s}));
    const QByteArrayList drop = lines.mid(5, 2);
    QVERIFY2(drop.contains(State0), all.constData());
    const QByteArray errorLine = drop.value(0) == State0 ? drop.value(1) : drop.value(0);
    // Not a raw string: moc 6.4 reads raw strings as plain ones, and the odd count of quotes
    // in this one derails it.
    QVERIFY2(errorLine.startsWith("{\"kind\":\"error\",\"fatal\":false,\"message\":\""),
            all.constData());
    QCOMPARE(lines.mid(7, 2), (QByteArrayList{State1, OpenLine}));
    QCOMPARE(eventsOf(lines).size(), 5);
    // The publisher saw the first stream end.
    QTRY_VERIFY(publish.errorOutput().contains(" left /events (clients: "));
}

void tst_Cli::publish_retryAndOrigin_reachClient()
{
    Publish publish({u"--port"_s, u"0"_s, u"--interval"_s, u"0"_s, u"--retry"_s, u"2345"_s,
            u"--allow-origin"_s, u"http://example.test:8080"_s});
    QVERIFY(publish.isStarted());
    QTRY_VERIFY_WITH_TIMEOUT(publish.isReadyOrFinished(), ReadyTimeoutMs);
    const QUrl url = publish.url("broadcast");
    QVERIFY2(url.isValid() && url.port() > 0, publish.describe().constData());

    QTcpSocket socket;
    socket.connectToHost(QHostAddress(url.host()), quint16(url.port()));
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
    socket.write("GET /events HTTP/1.1\r\nHost: " + url.authority().toUtf8()
            + "\r\nAccept: text/event-stream\r\nOrigin: http://example.test:8080\r\n\r\n");
    QByteArray received;
    const auto receive = [&socket, &received] {
        received += socket.readAll();
        return received;
    };
    QTRY_VERIFY_WITH_TIMEOUT(receive().contains("retry: 2345\n"), ReadyTimeoutMs);
    const QByteArray head = received.left(received.indexOf("\r\n\r\n") + 2);
    QVERIFY2(head.startsWith("HTTP/1.1 200 "), head.constData());
    QVERIFY2(head.contains("\r\nContent-Type: text/event-stream"), head.constData());
    QVERIFY2(head.contains("\r\nAccess-Control-Allow-Origin: http://example.test:8080\r\n"),
            head.constData());
    QVERIFY2(!received.contains("data:"), received.constData()); // --interval 0: no feed
}

void tst_Cli::publish_heartbeat_acceptsFractions()
{
    Publish publish({u"--port"_s, u"0"_s, u"--interval"_s, u"0"_s, u"--heartbeat"_s, u"0.1"_s});
    QVERIFY(publish.isStarted());
    QTRY_VERIFY_WITH_TIMEOUT(publish.isReadyOrFinished(), ReadyTimeoutMs);
    const QString url = publish.urlString("broadcast");
    QVERIFY2(!url.isEmpty(), publish.describe().constData());

    Monitor monitor({url});
    QTRY_VERIFY_WITH_TIMEOUT(
            monitor.count(R"({"kind":"comment","comment":"heartbeat"})"_ba) >= 3, ReadyTimeoutMs);
    QCOMPARE(monitor.countKind(u"event"_s), 0);
    QCOMPARE(monitor.countKind(u"error"_s), 0);
}

void tst_Cli::publish_logsClientsComingAndGoing()
{
    Publish publish(fastFeed());
    QVERIFY(publish.isStarted());
    QTRY_VERIFY_WITH_TIMEOUT(publish.isReadyOrFinished(), ReadyTimeoutMs);
    const QString url = publish.urlString("channel test-event");
    QVERIFY2(!url.isEmpty(), publish.describe().constData());
    {
        Monitor monitor({url, u"--max-events"_s, u"1"_s});
        QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
        QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    }
    QTRY_VERIFY_WITH_TIMEOUT(publish.errorOutput().contains(" left "), ReadyTimeoutMs);
    const QByteArrayList lines = publish.errorOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    static const QRegularExpression connected(
            uR"(^ssedash-cli: client (127\.0\.0\.1:\d+) connected to /events/test-event \(clients: 1\)$)"_s);
    static const QRegularExpression left(
            uR"(^ssedash-cli: client (127\.0\.0\.1:\d+) left /events/test-event \(clients: 0\)$)"_s);
    const QRegularExpressionMatch in = connected.match(QString::fromUtf8(lines.at(0)));
    const QRegularExpressionMatch out = left.match(QString::fromUtf8(lines.at(1)));
    QVERIFY2(in.hasMatch(), lines.at(0).constData());
    QVERIFY2(out.hasMatch(), lines.at(1).constData());
    QCOMPARE(out.captured(1), in.captured(1));
}

void tst_Cli::publish_terminationSignal_exitsZero_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addRow("SIGTERM") << int(SIGTERM);
    QTest::addRow("SIGINT") << int(SIGINT);
}

void tst_Cli::publish_terminationSignal_exitsZero()
{
    QFETCH(int, signalNumber);
    Publish publish(fastFeed());
    QVERIFY(publish.isStarted());
    QTRY_VERIFY_WITH_TIMEOUT(publish.isReadyOrFinished(), ReadyTimeoutMs);
    const QString url = publish.urlString("broadcast");
    QVERIFY2(!url.isEmpty(), publish.describe().constData());
    // With a client connected, so that stopping has a stream to end.
    Monitor monitor({url});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.countKind(u"event"_s) >= 1, ReadyTimeoutMs);

    publish.sendSignal(signalNumber);
    QTRY_VERIFY_WITH_TIMEOUT(publish.isFinished(), FinishTimeoutMs);
    QVERIFY2(publish.exitedWith(0), publish.describe().constData());
    QTRY_VERIFY_WITH_TIMEOUT(monitor.countKind(u"error"_s) >= 1, ReadyTimeoutMs);
}

void tst_Cli::publish_usageErrors_exitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    const auto row = [](const char *name, const QStringList &options, const QByteArray &message) {
        QTest::addRow("%s", name) << QStringList{u"publish"_s} + options << message;
    };
    row("unknown option", {u"--bogus"_s}, "Unknown option 'bogus'");
    row("argument", {u"extra"_s}, "publish takes no arguments");
    row("bind: name", {u"--bind"_s, u"localhost"_s}, "--bind wants an IPv4 or IPv6 address");
    row("bind: 256", {u"--bind"_s, u"127.0.0.256"_s}, "--bind wants an IPv4 or IPv6 address");
    row("bind: short form", {u"--bind"_s, u"127.1"_s}, "--bind wants an IPv4 or IPv6 address");
    row("bind: empty", {u"--bind="_s}, "--bind wants an IPv4 or IPv6 address");
    row("port: 65536", {u"--port"_s, u"65536"_s}, "--port wants a port number");
    row("port: negative", {u"--port=-1"_s}, "--port wants a port number");
    row("interval: negative", {u"--interval=-5"_s}, "--interval wants a whole number");
    row("interval: word", {u"--interval"_s, u"soon"_s}, "--interval wants a whole number");
    row("interval: fraction", {u"--interval"_s, u"1.5"_s}, "--interval wants a whole number");
    row("interval: missing", {u"--interval"_s}, "Missing value after '--interval'");
    row("retry: negative", {u"--retry=-1"_s}, "--retry wants a whole number");
    row("count: negative", {u"--count=-2"_s}, "--count wants a whole number");
    row("heartbeat: negative", {u"--heartbeat=-1"_s}, "--heartbeat wants a number of seconds");
    row("heartbeat: nan", {u"--heartbeat"_s, u"nan"_s}, "--heartbeat wants a number of seconds");
    row("ids: unknown", {u"--ids"_s, u"serial"_s}, "--ids wants counter, uuid or none");
    row("channel: slash", {u"--channel"_s, u"a/b"_s}, "--channel wants a name");
    row("channel: empty", {u"--channel="_s}, "--channel wants a name");
    row("channel: dots", {u"--channel"_s, u".."_s}, "--channel wants a name");
    row("event: two lines", {u"--event"_s, u"a\nb"_s}, "--event wants a name on one line");
    row("allow-origin: path", {u"--allow-origin"_s, u"http://example.test/x"_s},
            "--allow-origin wants");
    row("allow-origin: line break", {u"--allow-origin"_s, u"*\r\nX-Evil: 1"_s},
            "--allow-origin wants");
    row("speed without replay", {u"--speed"_s, u"2"_s}, "--speed only goes with --replay");
    row("speed: zero", {u"--replay"_s, u"x.txt"_s, u"--speed"_s, u"0"_s}, "--speed wants");
}

void tst_Cli::publish_usageErrors_exitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const RunResult result = runCli(arguments);
    QVERIFY(result.finished);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.out.isEmpty(), result.out.constData());
    QVERIFY2(result.err.startsWith("ssedash-cli: "), result.err.constData());
    QVERIFY2(result.err.contains(message), result.err.constData());
    QVERIFY2(result.err.contains("Try 'ssedash-cli publish --help'"), result.err.constData());
}

void tst_Cli::publish_portInUse_exitOne()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    const QString port = QString::number(taken.serverPort());
    const RunResult result = runCli({u"publish"_s, u"--port"_s, port});
    QVERIFY(result.finished);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.isEmpty(), result.out.constData());
    QVERIFY2(result.err.startsWith("ssedash-cli: cannot publish: "), result.err.constData());
    QVERIFY2(result.err.contains(port.toUtf8()), result.err.constData());
}

void tst_Cli::publish_replay_playsLogToMonitor()
{
    // 3 events over 2 s of recorded time, a comment and a kind from a later version.
    const QString path = writeFile(u"recorded.ndjson"_s,
            R"({"kind":"event","receivedMs":1000,"connection":1,"type":"message","data":"first","lastEventId":"1","origin":"http://a"}
{"kind":"comment","receivedMs":1500,"connection":1,"comment":"heartbeat"}
{"kind":"event","receivedMs":2000,"connection":1,"type":"tick","data":"two\nlines","lastEventId":"2","origin":"http://a"}
{"kind":"future-kind","receivedMs":2500,"connection":1}
{"kind":"event","receivedMs":3000,"connection":2,"type":"message","data":"caf\u00e9","lastEventId":"3","origin":"http://a"}
)"_ba);
    QVERIFY(!path.isEmpty());
    Publish publish({u"--port"_s, u"0"_s, u"--replay"_s, path, u"--speed"_s, u"20"_s});
    QVERIFY(publish.isStarted());
    QTRY_VERIFY_WITH_TIMEOUT(publish.isReadyOrFinished(), ReadyTimeoutMs);
    const QString url = publish.urlString("broadcast");
    QVERIFY2(!url.isEmpty(), publish.describe().constData());

    Monitor monitor({url, u"--max-events"_s, u"3"_s});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isFinished(), FinishTimeoutMs);
    QVERIFY2(monitor.exitedWith(0), monitor.describe().constData());
    const QByteArrayList expected{
            R"({"kind":"event","type":"message","data":"first","lastEventId":"1"})"_ba,
            R"({"kind":"event","type":"tick","data":"two\nlines","lastEventId":"2"})"_ba,
            "{\"kind\":\"event\",\"type\":\"message\",\"data\":\"caf\xC3\xA9\","
            "\"lastEventId\":\"3\"}"_ba};
    QByteArrayList events;
    for (const QByteArray &line : monitor.lines()) {
        if (line.startsWith(R"({"kind":"event")"))
            events.append(line);
    }
    QCOMPARE(events, expected);
    QTRY_VERIFY_WITH_TIMEOUT(
            publish.errorOutput().contains("replay finished: 3 event(s)"), FinishTimeoutMs);
    QVERIFY2(publish.errorOutput().contains("replaying 3 event(s) from "),
            publish.errorOutput().constData());
    publish.sendSignal(SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(publish.isFinished(), FinishTimeoutMs);
    QVERIFY2(publish.exitedWith(0), publish.describe().constData());
}

void tst_Cli::publish_replay_badFile_exitOne_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("missing file") << QByteArray() << "No such file"_ba;
    QTest::addRow("not JSON") << "{\"kind\":\"event\"\nnot json\n"_ba
                              << ":1: not JSON"_ba;
    QTest::addRow("no receive time")
            << R"({"kind":"event","connection":1,"type":"message","data":"x"})"_ba
            << ":1: a record needs"_ba;
    QTest::addRow("event without data")
            << "\n{\"kind\":\"event\",\"receivedMs\":1,\"connection\":1}\n"_ba
            << ":2: an event needs"_ba;
}

void tst_Cli::publish_replay_badFile_exitOne()
{
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, message);
    const QString path = content.isNull() ? u"/nonexistent/recorded.ndjson"_s
                                          : writeFile(u"bad.ndjson"_s, content);
    QVERIFY(!path.isEmpty());
    const RunResult result = runCli({u"publish"_s, u"--port"_s, u"0"_s, u"--replay"_s, path});
    QVERIFY(result.finished);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.isEmpty(), result.out.constData());
    QVERIFY2(result.err.startsWith("ssedash-cli: cannot replay "), result.err.constData());
    QVERIFY2(result.err.contains(message), result.err.constData());
}

namespace {

// A recorded log: a kind from a later version, a comment, a formula-like data.
QByteArray recordedLog()
{
    return R"({"kind":"event","receivedMs":1732198748123,"connection":1,"type":"message","data":"hello\nworld","lastEventId":"7","origin":"http://a"}
{"kind":"future-kind","receivedMs":1732198748500,"connection":1}

{"kind":"comment","receivedMs":1732198749000,"connection":1,"comment":"heartbeat"}
{"kind":"event","receivedMs":1732198749500,"connection":2,"type":"tick","data":"=1+2","lastEventId":"","origin":"http://a"}
)"_ba;
}

// The log itself: the later version's record too, as it was, in its place.
QByteArray recordedLogAsNdjson()
{
    return R"({"kind":"event","receivedMs":1732198748123,"connection":1,"type":"message","data":"hello\nworld","lastEventId":"7","origin":"http://a"}
{"kind":"future-kind","receivedMs":1732198748500,"connection":1}
{"kind":"comment","receivedMs":1732198749000,"connection":1,"comment":"heartbeat"}
{"kind":"event","receivedMs":1732198749500,"connection":2,"type":"tick","data":"=1+2","lastEventId":"","origin":"http://a"}
)"_ba;
}

QByteArray recordedLogAsJson()
{
    return R"([
{"kind":"event","receivedMs":1732198748123,"connection":1,"type":"message","data":"hello\nworld","lastEventId":"7","origin":"http://a"},
{"kind":"comment","receivedMs":1732198749000,"connection":1,"comment":"heartbeat"},
{"kind":"event","receivedMs":1732198749500,"connection":2,"type":"tick","data":"=1+2","lastEventId":"","origin":"http://a"}
]
)"_ba;
}

QByteArray recordedLogAsCsv()
{
    return "receivedMs,receivedAt,connection,kind,type,lastEventId,data\r\n"
           "1732198748123,2024-11-21T14:19:08.123Z,1,event,message,7,\"hello\nworld\"\r\n"
           "1732198749000,2024-11-21T14:19:09.000Z,1,comment,,,heartbeat\r\n"
           "1732198749500,2024-11-21T14:19:09.500Z,2,event,tick,,'=1+2\r\n"_ba;
}

QByteArray recordedLogAsStream()
{
    return "id: 7\ndata: hello\ndata: world\n\n"
           ": heartbeat\n"
           "id\nevent: tick\ndata: =1+2\n\n"_ba;
}

} // namespace

void tst_Cli::export_formatFromSuffixOrOption_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow(".ndjson") << QStringList() << u"out.ndjson"_s << recordedLogAsNdjson();
    QTest::addRow(".jsonl") << QStringList() << u"out.jsonl"_s << recordedLogAsNdjson();
    QTest::addRow(".json") << QStringList() << u"out.json"_s << recordedLogAsJson();
    QTest::addRow(".CSV") << QStringList() << u"out.CSV"_s << recordedLogAsCsv();
    QTest::addRow(".sse") << QStringList() << u"out.sse"_s << recordedLogAsStream();
    QTest::addRow(".txt") << QStringList() << u"out.txt"_s << recordedLogAsStream();
    QTest::addRow("--format csv, no suffix")
            << QStringList{u"--format"_s, u"csv"_s} << u"out"_s << recordedLogAsCsv();
    QTest::addRow("--format=sse over .json")
            << QStringList{u"--format=sse"_s} << u"out2.json"_s << recordedLogAsStream();
    QTest::addRow("--format JSON")
            << QStringList{u"--format"_s, u"JSON"_s} << u"out.dat"_s << recordedLogAsJson();
}

void tst_Cli::export_formatFromSuffixOrOption()
{
    QFETCH(QStringList, options);
    QFETCH(QString, output);
    QFETCH(QByteArray, expected);
    const QString input = writeFile(u"in.ndjson"_s, recordedLog());
    QVERIFY(!input.isEmpty());
    const QString outputPath = m_dir.filePath(output);
    QVERIFY(writeFile(output, "old content\n"_ba) == outputPath); // replaced
    const RunResult result =
            runCli(QStringList{u"export"_s} + options + QStringList{input, outputPath});
    QVERIFY(result.finished);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.out, QByteArray());
    QCOMPARE(result.err, QByteArray());
    QCOMPARE(readAll(outputPath), expected);
}

void tst_Cli::export_badInput_exitOne_data()
{
    QTest::addColumn<QByteArray>("content"); // null: no file
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("missing file") << QByteArray() << ": No such file or directory"_ba;
    QTest::addRow("not JSON on line 3")
            << "{\"kind\":\"comment\",\"receivedMs\":1,\"connection\":1,\"comment\":\"\"}\n\n"
               "{\"kind\":\"event\"\n"_ba
            << ":3: not JSON"_ba;
    QTest::addRow("event without data")
            << "{\"kind\":\"event\",\"receivedMs\":1,\"connection\":1,\"type\":\"message\"}\n"_ba
            << ":1: an event needs"_ba;
}

void tst_Cli::export_badInput_exitOne()
{
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, message);
    const QString input = content.isNull() ? m_dir.filePath(u"missing.ndjson"_s)
                                           : writeFile(u"bad.ndjson"_s, content);
    QVERIFY(!input.isEmpty());
    const QString output = m_dir.filePath(u"never.csv"_s);
    const RunResult result = runCli({u"export"_s, input, output});
    QVERIFY(result.finished);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QByteArray());
    QVERIFY2(result.err.startsWith(
                     QByteArray("ssedash-cli: cannot import " + input.toUtf8() + message)),
            result.err.constData());
    QVERIFY(!QFile::exists(output));
}

void tst_Cli::export_writeFailure_keepsOldOutput_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<qint64>("fileSizeLimit"); // 0: none
    QTest::addColumn<QByteArray>("reason");
    QTest::addRow("file size limit")
            << u"limited/out.ndjson"_s << qint64(64 * 1024) << QByteArray(std::strerror(EFBIG));
    QTest::addRow("missing directory")
            << u"limited/missing/out.ndjson"_s << qint64(0) << QByteArray(std::strerror(ENOENT));
    QTest::addRow("output is a directory") << u"limited"_s << qint64(0) << QByteArray();
}

void tst_Cli::export_writeFailure_keepsOldOutput()
{
    QFETCH(QString, output);
    QFETCH(qint64, fileSizeLimit);
    QFETCH(QByteArray, reason);
    // An input of a few MiB, far beyond the limit.
    QByteArray log;
    for (int i = 0; i < 20000; ++i) {
        log += R"({"kind":"event","receivedMs":)" + QByteArray::number(1000 + i)
                + R"(,"connection":1,"type":"message","data":"event number )"
                + QByteArray::number(i) + R"( with some padding to make it longer","lastEventId":")"
                + QByteArray::number(i) + R"(","origin":"http://a"})" + '\n';
    }
    const QString input = writeFile(u"large.ndjson"_s, log);
    QVERIFY(!input.isEmpty());
    QVERIFY(QDir(m_dir.path()).mkpath(u"limited"_s));
    const QString oldFile = m_dir.filePath(u"limited/out.ndjson"_s);
    const QByteArray old = "the old export\n"_ba;
    QVERIFY(writeFile(u"limited/out.ndjson"_s, old) == oldFile);

    const QString outputPath = m_dir.filePath(output);
    const RunResult result = runCli(
            {u"export"_s, u"--format"_s, u"ndjson"_s, input, outputPath}, {}, [fileSizeLimit] {
                if (fileSizeLimit > 0)
                    TestSupport::limitChildFileSize(rlim_t(fileSizeLimit));
            });
    QVERIFY(result.finished);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QByteArray());
    QVERIFY2(result.err.startsWith(
                     QByteArray("ssedash-cli: cannot write " + outputPath.toUtf8() + ": ")),
            result.err.constData());
    QVERIFY2(result.err.contains(reason), result.err.constData());
    // Nothing half-written: the old file as it was, and no temporary file next to it.
    QCOMPARE(readAll(oldFile), old);
    QCOMPARE(QDir(m_dir.filePath(u"limited"_s))
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList{u"out.ndjson"_s});
}

void tst_Cli::export_toStandardOutput_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("NDJSON by default") << QStringList() << recordedLogAsNdjson();
    QTest::addRow("--format csv") << QStringList{u"--format"_s, u"csv"_s} << recordedLogAsCsv();
}

void tst_Cli::export_toStandardOutput()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, expected);
    const QString input = writeFile(u"in.ndjson"_s, recordedLog());
    QVERIFY(!input.isEmpty());
    const RunResult result =
            runCli(QStringList{u"export"_s} + options + QStringList{input, u"-"_s});
    QVERIFY(result.finished);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err, QByteArray());
    QCOMPARE(result.out, expected);
}

void tst_Cli::export_toFifo_isWrittenNotReplaced()
{
    const QString input = writeFile(u"in.ndjson"_s, recordedLog());
    QVERIFY(!input.isEmpty());
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString fifo = directory.filePath(u"pipe"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // The reader first, non-blocking, so that the exporter's open() returns at once; the log
    // fits in the pipe's buffer.
    const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    const auto closeReader = qScopeGuard([reader] { ::close(reader); });

    const RunResult result = runCli({u"export"_s, u"--format"_s, u"ndjson"_s, input, fifo});
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QByteArray received;
    char buffer[4096];
    for (ssize_t n; (n = ::read(reader, buffer, sizeof buffer)) > 0;)
        received.append(buffer, n);
    QCOMPARE(received, recordedLogAsNdjson());
    QVERIFY(QFileInfo(fifo).exists() && !QFileInfo(fifo).isFile()); // still the FIFO
    QCOMPARE(QDir(directory.path())
                     .entryList(
                             QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList{u"pipe"_s}); // no temporary file next to it
}

void tst_Cli::export_toDevNull_isWrittenNotReplaced()
{
    const QString input = writeFile(u"in.ndjson"_s, recordedLog());
    QVERIFY(!input.isEmpty());
    const QFileInfo before(u"/dev/null"_s);
    QVERIFY(before.exists() && !before.isFile());
    const RunResult result = runCli({u"export"_s, u"--format"_s, u"csv"_s, input, u"/dev/null"_s});
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err, QByteArray());
    const QFileInfo after(u"/dev/null"_s);
    QVERIFY(after.exists() && !after.isFile());
    QCOMPARE(after.size(), 0);
}

void tst_Cli::export_toRegularFile_isReplacedByRename()
{
    const QString input = writeFile(u"in.ndjson"_s, recordedLog());
    QVERIFY(!input.isEmpty());
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString output = directory.filePath(u"out.csv"_s);
    QVERIFY(QFile(output).open(QIODevice::WriteOnly)); // an old, empty file
    const auto inode = [&output] {
        struct stat info = {};
        return ::stat(QFile::encodeName(output).constData(), &info) == 0 ? info.st_ino : 0;
    };
    const ino_t old = inode();
    QVERIFY(old != 0);
    const RunResult result = runCli({u"export"_s, input, output});
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(readAll(output), recordedLogAsCsv());
    QVERIFY(inode() != old); // a new file took the old one's place
    QCOMPARE(QDir(directory.path())
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList{u"out.csv"_s});
}

void tst_Cli::export_fullDeviceOrClosedPipe_exitOne_data()
{
    QTest::addColumn<QStringList>("outputArguments");
    QTest::addColumn<bool>("closedPipe"); // standard output is a pipe nobody reads
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("/dev/full") << QStringList{u"--format=csv"_s, u"/dev/full"_s} << false
                               << QByteArray("ssedash-cli: cannot write /dev/full: "
                                          + QByteArray(std::strerror(ENOSPC)) + '\n');
    QTest::addRow("closed pipe") << QStringList{u"-"_s} << true
                                 << QByteArray("ssedash-cli: cannot write standard output: "
                                            + QByteArray(std::strerror(EPIPE)) + '\n');
}

void tst_Cli::export_fullDeviceOrClosedPipe_exitOne()
{
    QFETCH(QStringList, outputArguments);
    QFETCH(bool, closedPipe);
    QFETCH(QByteArray, message);
    const QString output = outputArguments.constLast();
    if (!closedPipe && !QFileInfo::exists(output))
        QSKIP("no /dev/full here");
    const QString input = writeFile(u"in.ndjson"_s, recordedLog());
    QVERIFY(!input.isEmpty());
    const RunResult result =
            runCli(QStringList{u"export"_s, input} + outputArguments, {}, [closedPipe] {
                int fds[2];
                if (closedPipe && ::pipe(fds) == 0) {
                    ::dup2(fds[1], STDOUT_FILENO);
                    ::close(fds[0]);
                    ::close(fds[1]);
                }
            });
    QVERIFY(result.finished);
    QCOMPARE(result.exitStatus, QProcess::NormalExit); // not killed by SIGPIPE
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.err, message);
    QVERIFY(!QFileInfo(output).isFile());
}

void tst_Cli::gui_badUrlArgument_exitTwoWithReason_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QByteArray>("reason");
    QTest::addRow("ftp") << u"ftp://127.0.0.1/events"_s << "ftp"_ba;
    QTest::addRow("no host") << u"http:///events"_s << "no host"_ba;
}

void tst_Cli::gui_badUrlArgument_exitTwoWithReason()
{
#ifndef SSEDASH_GUI_PATH
    QSKIP("ssedash (the window) is not built: Qt Widgets is missing");
#else
    QFETCH(QString, argument);
    QFETCH(QByteArray, reason);
    // The URLs are checked before any window or publisher: nothing starts, nothing is saved.
    const RunResult result = runProgram(QStringLiteral(SSEDASH_GUI_PATH), {argument});
    QVERIFY(result.finished);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(argument.toUtf8()), result.err.constData());
    QVERIFY2(result.err.contains(reason), result.err.constData());
#endif
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
