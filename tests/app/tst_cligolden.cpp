// SPDX-License-Identifier: MIT
// Golden test of ssedash-cli: each case of golden/cases.json must print byte for byte what
// golden/expected/ recorded (stdout, stderr, exit code and the files it writes).
//
// The expected files were recorded from the CLI as it was before the refactoring of issue 9.
// To record them again (only when an output change is intended):
//   SSEDASH_GOLDEN_UPDATE=1 tst_cligolden
// SSEDASH_GOLDEN_CLI=/path/to/ssedash-cli runs another binary, such as an older build.
//
// A case is {"name", "args", optional "stdin" (an input file), "files" (files the command
// writes, compared too) and "publisher" (arguments of a `ssedash-cli publish` started first;
// "{URL}" in "args" becomes its base URL) and "mask" (true: mask as below without a publisher)}.
// Commands run in a copy of golden/input/, with a UTF-8 C locale and TZ=UTC.
//
// Masked, only in cases with a publisher or "mask", because they change from run to run:
//   127.0.0.1:PORT   ports: the publisher listens on a free port, clients get ephemeral ones
//   "seconds": S     monitor --count's wall-clock duration
//   DATE TIME        the generated feed's clock text (send data: YYYY-MM-DD HH:MM:SS)
//   "receivedMs":MS  receive times in what monitor --output records
//   Qt VERSION       the Qt line of --version (tst_cli checks its value)
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <utility>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString GoldenDir = QStringLiteral(SSEDASH_GOLDEN_DIR);
constexpr int ProcessTimeoutMs = 20000;
constexpr int PublisherTimeoutMs = 10000;

QString cliPath()
{
    const QString path = qEnvironmentVariable("SSEDASH_GOLDEN_CLI");
    return path.isEmpty() ? QStringLiteral(SSEDASH_CLI_PATH) : path;
}

bool updating()
{
    return qEnvironmentVariableIntValue("SSEDASH_GOLDEN_UPDATE") == 1;
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray())
        result.append(item.toString());
    return result;
}

// What the outputs must not depend on: the user's language and time zone.
QProcessEnvironment childEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.insert(u"LANG"_s, u"C.UTF-8"_s);
    environment.remove(u"LANGUAGE"_s);
    environment.insert(u"TZ"_s, u"UTC"_s);
    environment.remove(u"QT_LOGGING_RULES"_s);
    return environment;
}

void setUp(QProcess &process, const QString &workDir)
{
    process.setWorkingDirectory(workDir);
    process.setProcessEnvironment(childEnvironment());
}

QByteArray exitText(const QProcess &process)
{
    if (process.exitStatus() != QProcess::NormalExit)
        return "crashed\n";
    return "exit code " + QByteArray::number(process.exitCode()) + '\n';
}

QByteArray masked(QByteArray text)
{
    static const std::vector<std::pair<QRegularExpression, QString>> masks = {
            {QRegularExpression(u"127\\.0\\.0\\.1:\\d+"_s), u"127.0.0.1:PORT"_s},
            {QRegularExpression(u"\"seconds\": [0-9.e+-]+"_s), u"\"seconds\": S"_s},
            {QRegularExpression(u"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"_s), u"DATE TIME"_s},
            {QRegularExpression(u"\"receivedMs\":\\d+"_s), u"\"receivedMs\":MS"_s},
            {QRegularExpression(u"^Qt \\d+\\.\\d+\\.\\d+$"_s, QRegularExpression::MultilineOption),
                    u"Qt VERSION"_s},
    };
    // Text that is not valid UTF-8 would not survive QString: it is left as it is.
    QString string = QString::fromUtf8(text);
    if (string.toUtf8() != text)
        return text;
    for (const auto &[pattern, replacement] : masks)
        string.replace(pattern, replacement);
    return string.toUtf8();
}

// "line N: expected '...', got '...'" for the first line that differs.
QByteArray firstDifference(const QByteArray &expected, const QByteArray &actual)
{
    const QByteArrayList expectedLines = expected.split('\n');
    const QByteArrayList actualLines = actual.split('\n');
    for (qsizetype i = 0; i < qMax(expectedLines.size(), actualLines.size()); ++i) {
        const QByteArray want = expectedLines.value(i, "<end>");
        const QByteArray got = actualLines.value(i, "<end>");
        if (want != got) {
            return "line " + QByteArray::number(i + 1) + ":\n  expected: " + want
                    + "\n  actual:   " + got;
        }
    }
    return "the same lines, different bytes";
}

class Publisher
{
public:
    explicit Publisher(const QString &workDir) { setUp(m_process, workDir); }

    /// Starts `ssedash-cli publish arguments`; its base URL, or empty.
    QString start(const QStringList &arguments)
    {
        m_process.start(cliPath(), QStringList{u"publish"_s} + arguments);
        if (!m_process.waitForStarted(PublisherTimeoutMs))
            return {};
        // The URLs go out in one write; "stats:" is the last line.
        static const QRegularExpression urlLines(
                u"publishing on (\\S+)\\n(.|\\n)*  stats: \\S+\\n"_s);
        QRegularExpressionMatch match;
        const auto listening = [&] {
            m_out += m_process.readAllStandardOutput();
            match = urlLines.match(QString::fromUtf8(m_out));
            return match.hasMatch();
        };
        return QTest::qWaitFor(listening, PublisherTimeoutMs) ? match.captured(1) : QString();
    }

    /// Stops it once every client it saw has left, so that its log is complete.
    void stop()
    {
        const auto allLeft = [this] {
            m_err += m_process.readAllStandardError();
            return m_err.count(" left ") == m_err.count(" connected to ");
        };
        QVERIFY2(QTest::qWaitFor(allLeft, PublisherTimeoutMs), m_err.constData());
        m_process.terminate();
        QVERIFY(m_process.waitForFinished(PublisherTimeoutMs));
        m_out += m_process.readAllStandardOutput();
        m_err += m_process.readAllStandardError();
    }

    void addOutputs(std::vector<std::pair<QString, QByteArray>> &outputs) const
    {
        outputs.emplace_back(u"publisher.stdout"_s, m_out);
        outputs.emplace_back(u"publisher.stderr"_s, m_err);
        outputs.emplace_back(u"publisher.exit"_s, exitText(m_process));
    }

    ~Publisher()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(PublisherTimeoutMs);
        }
    }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
};

bool copyInputs(const QString &target)
{
    const QDir input(GoldenDir + u"/input"_s);
    const QStringList names = input.entryList(QDir::Files);
    for (const QString &name : names) {
        if (!QFile::copy(input.filePath(name), target + u'/' + name))
            return false;
    }
    return !names.isEmpty();
}

QByteArray readFile(const QString &path, bool *ok)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    return *ok ? file.readAll() : QByteArray();
}

} // namespace

class TestCliGolden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void golden_data();
    void golden();

private:
    // Runs the case in `workDir`; the outputs to compare, by expected-file suffix.
    static void run(const QJsonObject &testCase, const QString &workDir,
            std::vector<std::pair<QString, QByteArray>> &outputs);

    QJsonArray m_cases;
};

void TestCliGolden::initTestCase()
{
    QVERIFY2(QFile::exists(cliPath()), qPrintable(cliPath()));
    QFile file(GoldenDir + u"/cases.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    QVERIFY2(document.isArray(), qPrintable(error.errorString()));
    m_cases = document.array();
    QVERIFY(m_cases.size() >= 50);
}

void TestCliGolden::golden_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    QSet<QString> names;
    for (const QJsonValue &value : std::as_const(m_cases)) {
        const QJsonObject testCase = value.toObject();
        const QString name = testCase.value(u"name"_s).toString();
        QVERIFY2(!name.isEmpty() && !names.contains(name), qPrintable(name));
        names.insert(name);
        QTest::newRow(qPrintable(name)) << testCase;
    }
}

void TestCliGolden::run(const QJsonObject &testCase, const QString &workDir,
        std::vector<std::pair<QString, QByteArray>> &outputs)
{
    QStringList arguments = toStringList(testCase.value(u"args"_s));
    std::optional<Publisher> publisher;
    if (testCase.contains(u"publisher"_s)) {
        publisher.emplace(workDir);
        const QString url = publisher->start(toStringList(testCase.value(u"publisher"_s)));
        QVERIFY(!url.isEmpty());
        arguments.replaceInStrings(u"{URL}"_s, url);
    }

    QProcess process;
    setUp(process, workDir);
    process.start(cliPath(), arguments);
    QVERIFY(process.waitForStarted(ProcessTimeoutMs));
    if (testCase.contains(u"stdin"_s)) {
        bool ok = false;
        process.write(readFile(workDir + u'/' + testCase.value(u"stdin"_s).toString(), &ok));
        QVERIFY(ok);
    }
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(ProcessTimeoutMs));
    outputs.emplace_back(u"stdout"_s, process.readAllStandardOutput());
    outputs.emplace_back(u"stderr"_s, process.readAllStandardError());
    outputs.emplace_back(u"exit"_s, exitText(process));
    for (const QString &name : toStringList(testCase.value(u"files"_s))) {
        bool ok = false;
        outputs.emplace_back(u"file."_s + name, readFile(workDir + u'/' + name, &ok));
        QVERIFY2(ok, qPrintable(name));
    }

    if (publisher) {
        publisher->stop();
        if (QTest::currentTestFailed())
            return;
        publisher->addOutputs(outputs);
    }
    if (publisher || testCase.value(u"mask"_s).toBool()) {
        for (auto &output : outputs)
            output.second = masked(output.second);
    }
}

void TestCliGolden::golden()
{
    QFETCH(QJsonObject, testCase);
    const QString name = testCase.value(u"name"_s).toString();
    QTemporaryDir workDir;
    QVERIFY(workDir.isValid());
    QVERIFY(copyInputs(workDir.path()));

    std::vector<std::pair<QString, QByteArray>> outputs;
    run(testCase, workDir.path(), outputs);
    if (QTest::currentTestFailed())
        return;

    const QString expectedDir = GoldenDir + u"/expected/"_s;
    for (const auto &[suffix, actual] : outputs) {
        const QString path = expectedDir + name + u'.' + suffix;
        if (updating()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(file.write(actual), actual.size());
            continue;
        }
        bool ok = false;
        const QByteArray expected = readFile(path, &ok);
        QVERIFY2(ok, qPrintable(u"no expected file "_s + path));
        if (actual != expected) {
            const QByteArray message = name.toUtf8() + '.' + suffix.toUtf8() + ": "
                    + firstDifference(expected, actual);
            QFAIL(message.constData());
        }
    }
}

QTEST_GUILESS_MAIN(TestCliGolden)
#include "tst_cligolden.moc"
