// SPDX-License-Identifier: MIT
// Tests of ssedash-cli as a user runs it: a child process, its exit code and its output lines.
#include "tests/support/testserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <sys/types.h>

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
RunResult runCli(const QStringList &arguments, const QByteArray &input = {})
{
    RunResult result;
    QProcess process;
    process.start(CliPath, arguments);
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

// `ssedash-cli monitor ...` against the test server of this process: never block, read the
// output from the event loop (QTRY_*).
class Monitor
{
public:
    explicit Monitor(const QStringList &arguments)
    {
        m_process.start(CliPath, QStringList{u"monitor"_s} + arguments);
        m_started = m_process.waitForStarted(FinishTimeoutMs);
    }

    ~Monitor()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    [[nodiscard]] bool isStarted() const { return m_started; }

    /// The complete stdout lines so far.
    QByteArrayList lines()
    {
        m_out += m_process.readAllStandardOutput();
        const qsizetype end = m_out.lastIndexOf('\n');
        if (end < 0)
            return {};
        return m_out.left(end).split('\n');
    }

    int count(const QByteArray &line)
    {
        const QByteArrayList all = lines();
        return int(std::count(all.cbegin(), all.cend(), line));
    }

    int countKind(const QString &kind)
    {
        int n = 0;
        for (const QByteArray &line : lines()) {
            if (QJsonDocument::fromJson(line).object().value(u"kind"_s).toString() == kind)
                ++n;
        }
        return n;
    }

    QByteArray errorOutput()
    {
        m_err += m_process.readAllStandardError();
        return m_err;
    }

    [[nodiscard]] bool isFinished() const { return m_process.state() == QProcess::NotRunning; }

    [[nodiscard]] bool exitedWith(int code) const
    {
        return isFinished() && m_process.exitStatus() == QProcess::NormalExit
                && m_process.exitCode() == code;
    }

    [[nodiscard]] int exitCode() const { return m_process.exitCode(); }

    /// Exit status and stderr, for failure messages.
    QByteArray describe()
    {
        return "exit status " + QByteArray::number(int(m_process.exitStatus())) + ", code "
                + QByteArray::number(m_process.exitCode()) + ", stderr: " + errorOutput();
    }

    void sendSignal(int signalNumber) { ::kill(pid_t(m_process.processId()), signalNumber); }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    bool m_started = false;
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

    void help_andVersion_exitZero_data();
    void help_andVersion_exitZero();
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
    void monitor_streamEnd_reconnectsWithLastEventId();
    void monitor_requestOptions_reachServer();
    void monitor_terminationSignal_exitsZero_data();
    void monitor_terminationSignal_exitsZero();
    void monitor_sigusr1_reconnectsWithoutError();
    void monitor_count_printsTotalsOnly();
    void monitor_countWithTimeout_printsTotals();

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
    QTest::addRow("monitor: bad method")
            << QStringList{u"monitor"_s, url, u"--method"_s, u"GET X"_s};
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
    QCOMPARE(error.size(), 3);
    QVERIFY(!error.value(u"message"_s).toString().isEmpty());
    QVERIFY(!monitor.errorOutput().isEmpty());
    QCOMPARE(server.requestCount("/events"), 1);
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

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
