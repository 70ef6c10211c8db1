// SPDX-License-Identifier: MIT
// Tests for Sse::Parser: the WHATWG event stream rules, each row run at every way of chunking.

#include "sselib/linescan_p.h"
#include "sselib/parser.h"

#include <QByteArrayList>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <array>
#include <functional>
#include <limits>

using namespace Qt::Literals::StringLiterals;

// The tables write U+FFFD, U+FEFF and other characters as \u escapes in narrow literals, which
// relies on a UTF-8 execution character set (the GCC and Clang default).
static_assert(sizeof("\uFFFD") == 4, "narrow string literals must be UTF-8");

namespace {

constexpr quint64 MaxMs = std::numeric_limits<quint64>::max();
constexpr qsizetype DefaultLine = Sse::Parser::DefaultMaxLineSize;
constexpr qsizetype DefaultEvent = Sse::Parser::DefaultMaxEventSize;

/// Bytes in quotes, with everything but printable ASCII escaped; injective, so two renderings
/// are equal exactly when the bytes are.
QByteArray quoted(QByteArrayView bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + 2);
    out += '"';
    for (const char c : bytes) {
        switch (c) {
        case '\n':
            out += "\\n"_ba;
            break;
        case '\r':
            out += "\\r"_ba;
            break;
        case '\t':
            out += "\\t"_ba;
            break;
        case '\\':
            out += "\\\\"_ba;
            break;
        case '"':
            out += "\\\""_ba;
            break;
        default: {
            const auto u = static_cast<uchar>(c);
            if (u >= 0x20 && u < 0x7F) {
                out += c;
            } else {
                static constexpr char Hex[] = "0123456789ABCDEF";
                out += "\\x"_ba;
                out += Hex[u >> 4];
                out += Hex[u & 0xF];
            }
        }
        }
    }
    out += '"';
    return out;
}

/// One line of the log a parser run writes. The recorder and the tables both build entries
/// with these functions, so the log compares every kind of callback and their order.
namespace Log {

QByteArray event(QByteArrayView type, QByteArrayView data, QByteArrayView id = {})
{
    return "event type=" + quoted(type) + " data=" + quoted(data) + " id=" + quoted(id);
}

QByteArray message(QByteArrayView data, QByteArrayView id = {})
{
    return event("message"_ba, data, id);
}

QByteArray comment(QByteArrayView text)
{
    return "comment " + quoted(text);
}

QByteArray retry(quint64 milliseconds, QByteArrayView digits)
{
    return "retry ms=" + QByteArray::number(milliseconds) + " digits=" + quoted(digits);
}

QByteArray idChanged(QByteArrayView id)
{
    return "lastEventIdChanged " + quoted(id);
}

QByteArray error(Sse::ParseError::Kind kind, qsizetype limit)
{
    const QByteArray name =
            kind == Sse::ParseError::Kind::LineTooLong ? "LineTooLong"_ba : "EventTooLarge"_ba;
    return "error " + name + " limit=" + QByteArray::number(limit);
}

QByteArray lineTooLong(qsizetype limit)
{
    return error(Sse::ParseError::Kind::LineTooLong, limit);
}

QByteArray eventTooLarge(qsizetype limit)
{
    return error(Sse::ParseError::Kind::EventTooLarge, limit);
}

QByteArray finished(bool discarded)
{
    return "finish() returned "_ba + (discarded ? "true"_ba : "false"_ba);
}

QByteArray lastEventId(QByteArrayView id)
{
    return "lastEventId() is " + quoted(id);
}

} // namespace Log

/// Records every handler call, copied out of the views, into one ordered log.
class Recorder final : public Sse::ParserHandler
{
public:
    QByteArrayList log;

    void event(const Sse::ParsedEvent &event) override
    {
        log.append(Log::event(event.type, event.data, event.lastEventId));
    }

    void comment(QByteArrayView text) override { log.append(Log::comment(text)); }

    void retry(quint64 milliseconds, QByteArrayView digits) override
    {
        log.append(Log::retry(milliseconds, digits));
    }

    void lastEventIdChanged(QByteArrayView id) override { log.append(Log::idChanged(id)); }

    void error(const Sse::ParseError &error) override
    {
        QByteArray entry = Log::error(error.kind, error.limit);
        if (error.message().trimmed().isEmpty())
            entry += " (with an empty message)";
        log.append(entry);
    }
};

/// One call on the parser; a script of them models a stream, a reconnect and so on.
struct Step
{
    enum class Action {
        Feed,
        Reset,
        Finish, // logs what finish() returned
        SetLastEventId,
        CheckLastEventId, // logs lastEventId()
        SetMaxLineSize,
        SetMaxEventSize
    };
    Action action = Action::Feed;
    QByteArray bytes;
    qsizetype size = 0;
};

using Script = QList<Step>;

} // namespace

Q_DECLARE_METATYPE(Script)
Q_DECLARE_METATYPE(Sse::ParseError::Kind)

namespace {

Step feed(const QByteArray &bytes)
{
    return {Step::Action::Feed, bytes};
}

Step reset()
{
    return {Step::Action::Reset, {}};
}

Step finish()
{
    return {Step::Action::Finish, {}};
}

Step setLastEventId(const QByteArray &id)
{
    return {Step::Action::SetLastEventId, id};
}

Step checkLastEventId()
{
    return {Step::Action::CheckLastEventId, {}};
}

Step setMaxLineSize(qsizetype bytes)
{
    return {Step::Action::SetMaxLineSize, {}, bytes};
}

Step setMaxEventSize(qsizetype bytes)
{
    return {Step::Action::SetMaxEventSize, {}, bytes};
}

struct Limits
{
    qsizetype maxLineSize = DefaultLine;
    qsizetype maxEventSize = DefaultEvent;
};

/// Hands one Feed step's bytes to the parser, in whatever pieces it likes.
using Feeder = std::function<void(Sse::Parser &, QByteArrayView)>;

QByteArrayList run(const Script &script, const Limits &limits, const Feeder &feeder)
{
    Recorder recorder;
    Sse::Parser parser(&recorder);
    parser.setMaxLineSize(limits.maxLineSize);
    parser.setMaxEventSize(limits.maxEventSize);
    for (const Step &step : script) {
        switch (step.action) {
        case Step::Action::Feed:
            feeder(parser, step.bytes);
            break;
        case Step::Action::Reset:
            parser.reset();
            break;
        case Step::Action::Finish:
            recorder.log.append(Log::finished(parser.finish()));
            break;
        case Step::Action::SetLastEventId:
            parser.setLastEventId(step.bytes);
            break;
        case Step::Action::CheckLastEventId:
            recorder.log.append(Log::lastEventId(parser.lastEventId()));
            break;
        case Step::Action::SetMaxLineSize:
            parser.setMaxLineSize(step.size);
            break;
        case Step::Action::SetMaxEventSize:
            parser.setMaxEventSize(step.size);
            break;
        }
    }
    return recorder.log;
}

Feeder chunksOf(qsizetype chunkSize)
{
    return [chunkSize](Sse::Parser &parser, QByteArrayView bytes) {
        if (chunkSize <= 0 || bytes.isEmpty()) {
            parser.feed(bytes);
            return;
        }
        for (qsizetype i = 0; i < bytes.size(); i += chunkSize)
            parser.feed(bytes.sliced(i, qMin(chunkSize, bytes.size() - i)));
    };
}

QByteArray describeLog(const QByteArrayList &log)
{
    if (log.isEmpty())
        return "      (nothing)\n"_ba;
    QByteArray out;
    for (const QByteArray &entry : log) {
        out += "      ";
        if (entry.size() > 300) {
            out += entry.left(300);
            out += "... (" + QByteArray::number(entry.size()) + " bytes)";
        } else {
            out += entry;
        }
        out += '\n';
    }
    return out;
}

QByteArray describeMismatch(
        const QByteArray &how, const QByteArrayList &expected, const QByteArrayList &actual)
{
    return "\n  expected:\n" + describeLog(expected) + "  " + how + " gave:\n"
            + describeLog(actual);
}

/// The chunk sizes every row runs at; 0 feeds each Feed step whole.
constexpr std::array<qsizetype, 4> ChunkSizes{1, 2, 3, 0};

/// Runs the script once per chunk size; returns a description of the runs that differed from
/// `expected`, naming their chunk sizes, or an empty array when all matched.
QByteArray failuresAtEveryChunkSize(
        const Script &script, const QByteArrayList &expected, const Limits &limits = {})
{
    // Chunk sizes that gave the same wrong log are reported together.
    QList<std::pair<QByteArray, QByteArrayList>> wrong;
    for (const qsizetype chunkSize : ChunkSizes) {
        const QByteArrayList actual = run(script, limits, chunksOf(chunkSize));
        if (actual == expected)
            continue;
        const QByteArray name = chunkSize == 0 ? "whole"_ba : QByteArray::number(chunkSize);
        const auto same = std::find_if(wrong.begin(), wrong.end(),
                [&actual](const auto &w) { return w.second == actual; });
        if (same == wrong.end())
            wrong.append({name, actual});
        else
            same->first += ", " + name;
    }
    if (wrong.isEmpty())
        return {};
    QByteArray failures = "\n  expected:\n" + describeLog(expected);
    for (const auto &[sizes, actual] : std::as_const(wrong))
        failures += "  chunk size " + sizes + " gave:\n" + describeLog(actual);
    return failures;
}

/// The common body of the table-driven feed tests: columns `input` and `expected`.
void verifyFeedRow()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, expected);
    const QByteArray failures = failuresAtEveryChunkSize({feed(input)}, expected);
    if (!failures.isEmpty())
        QFAIL(failures.constData()); // not QVERIFY2, which cuts messages at 1 KiB
}

/// The common body of the script tests: columns `script` and `expected`.
void verifyScriptRow()
{
    QFETCH(Script, script);
    QFETCH(QByteArrayList, expected);
    const QByteArray failures = failuresAtEveryChunkSize(script, expected);
    if (!failures.isEmpty())
        QFAIL(failures.constData());
}

void addFeedColumns()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArrayList>("expected");
}

// ---- The tables. Each adds rows to the columns input (QByteArray), expected (QByteArrayList).

void addLineEndingRows()
{
    using namespace Log;
    QTest::addRow("lf") << "data: a\n\n"_ba << QByteArrayList{message("a"_ba)};
    QTest::addRow("crlf") << "data: a\r\n\r\n"_ba << QByteArrayList{message("a"_ba)};
    QTest::addRow("cr") << "data: a\r\r"_ba << QByteArrayList{message("a"_ba)};
    QTest::addRow("mixed line ends in one event") << "data: a\r\ndata: b\rdata: c\ndata: d\r\n\r"_ba
                                                  << QByteArrayList{message("a\nb\nc\nd"_ba)};
    QTest::addRow("crlf is one line end, not two")
            << "data: a\r\ndata: b\r\n\r\n"_ba << QByteArrayList{message("a\nb"_ba)};
    QTest::addRow("lf cr is two line ends")
            << "data: a\n\rdata: b\n\n"_ba << QByteArrayList{message("a"_ba), message("b"_ba)};
    QTest::addRow("cr cr dispatches without waiting for more input")
            << "data: a\r\r"_ba << QByteArrayList{message("a"_ba)};
    QTest::addRow("cr cr lf is a line end then a blank line")
            << "data: a\r\r\ndata: b\n\n"_ba << QByteArrayList{message("a"_ba), message("b"_ba)};
    QTest::addRow("cr cr cr") << "data: a\r\r\rdata: b\r\r"_ba
                              << QByteArrayList{message("a"_ba), message("b"_ba)};
    QTest::addRow("crlf then cr then crlf then lf")
            << "data: a\r\n\rdata: b\r\n\n"_ba << QByteArrayList{message("a"_ba), message("b"_ba)};
    QTest::addRow("crlf lf") << "data: a\r\n\n"_ba << QByteArrayList{message("a"_ba)};
    QTest::addRow("crlf crlf crlf") << "data: a\r\n\r\n\r\ndata: b\r\n\r\n"_ba
                                    << QByteArrayList{message("a"_ba), message("b"_ba)};
    QTest::addRow("lf lf lf") << "data: a\n\n\n\ndata: b\n\n"_ba
                              << QByteArrayList{message("a"_ba), message("b"_ba)};
    QTest::addRow("leading blank lines")
            << "\n\r\n\r\rdata: a\n\n"_ba << QByteArrayList{message("a"_ba)};
    QTest::addRow("blank lines only") << "\n\n\r\n\r\r\n"_ba << QByteArrayList{};
    QTest::addRow("empty input") << QByteArray() << QByteArrayList{};
    QTest::addRow("no blank line after the event") << "data: a\n"_ba << QByteArrayList{};
    QTest::addRow("no line end at all") << "data: a"_ba << QByteArrayList{};
    QTest::addRow("event before an unfinished one")
            << "data: a\n\ndata: b\n"_ba << QByteArrayList{message("a"_ba)};
    QTest::addRow("line of one space is not blank")
            << "data: a\n \ndata: b\n\n"_ba << QByteArrayList{message("a\nb"_ba)};
    QTest::addRow("line of one tab is not blank")
            << "data: a\n\t\ndata: b\n\n"_ba << QByteArrayList{message("a\nb"_ba)};
    QTest::addRow("vertical tab and form feed are not line ends")
            << "data: a\vb\fc\n\n"_ba << QByteArrayList{message("a\vb\fc"_ba)};
    QTest::addRow("NEL U+0085 is not a line end")
            << "data: a\xC2\x85z\n\n"_ba << QByteArrayList{message("a\xC2\x85z"_ba)};
    QTest::addRow("LINE SEPARATOR U+2028 is not a line end")
            << "data: a\u2028b\u2029c\n\n"_ba << QByteArrayList{message("a\u2028b\u2029c"_ba)};
}

void addFieldRows()
{
    using namespace Log;
    QTest::addRow("comment") << ": hello\n"_ba << QByteArrayList{comment("hello"_ba)};
    QTest::addRow("comment without space") << ":hello\n"_ba << QByteArrayList{comment("hello"_ba)};
    QTest::addRow("comment drops only one space")
            << ":  hello \n"_ba << QByteArrayList{comment(" hello "_ba)};
    QTest::addRow("empty comment") << ":\n"_ba << QByteArrayList{comment(""_ba)};
    QTest::addRow("comment of one space") << ": \n"_ba << QByteArrayList{comment(""_ba)};
    QTest::addRow("comment of colons") << ":::\n"_ba << QByteArrayList{comment("::"_ba)};
    QTest::addRow("comment that looks like a field")
            << ":data: x\n\n"_ba << QByteArrayList{comment("data: x"_ba)};
    QTest::addRow("comment keeps nul") << ":\0x\n"_ba << QByteArrayList{comment("\0x"_ba)};
    QTest::addRow("comment ended by crlf") << ": c\r\n"_ba << QByteArrayList{comment("c"_ba)};
    QTest::addRow("comment ended by cr") << ": c\r"_ba << QByteArrayList{comment("c"_ba)};
    QTest::addRow("comment does not dispatch") << ": c\n\n"_ba << QByteArrayList{comment("c"_ba)};
    QTest::addRow("comment inside an event") << "data: a\n: c\ndata: b\n\n"_ba
                                             << QByteArrayList{comment("c"_ba), message("a\nb"_ba)};
    QTest::addRow("comments between events, in order")
            << ": one\ndata: a\n\n: two\n:three\n"_ba
            << QByteArrayList{
                       comment("one"_ba), message("a"_ba), comment("two"_ba), comment("three"_ba)};
    QTest::addRow("unterminated comment is not reported") << ": c"_ba << QByteArrayList{};
    QTest::addRow("unknown field ignored")
            << "foo: bar\ndata: a\n\n"_ba << QByteArrayList{message("a"_ba)};
    QTest::addRow("unknown field alone does not dispatch") << "foo: bar\n\n"_ba << QByteArrayList{};
    QTest::addRow("field names are case-sensitive")
            << "Data: a\nDATA: b\n\n"_ba << QByteArrayList{};
    QTest::addRow("Event, ID and Retry are unknown fields")
            << "Event: e\nID: 1\nRetry: 5\nEVENT: f\ndata: x\n\n"_ba
            << QByteArrayList{message("x"_ba)};
    QTest::addRow("space before the field name") << " data: a\n\n"_ba << QByteArrayList{};
    QTest::addRow("space before the colon") << "data : a\n\n"_ba << QByteArrayList{};
    QTest::addRow("line without colon is a field name with empty value")
            << "data\n\n"_ba << QByteArrayList{message(""_ba)};
    QTest::addRow("name with trailing space and no colon") << "data \n\n"_ba << QByteArrayList{};
    QTest::addRow("split at the first colon")
            << "data: a:b\n\n"_ba << QByteArrayList{message("a:b"_ba)};
    QTest::addRow("later colons and spaces stay in the value")
            << "data:a: b :c\n\n"_ba << QByteArrayList{message("a: b :c"_ba)};
    QTest::addRow("value without leading space")
            << "data:x\n\n"_ba << QByteArrayList{message("x"_ba)};
    QTest::addRow("only one leading space is dropped")
            << "data:  x\n\n"_ba << QByteArrayList{message(" x"_ba)};
    QTest::addRow("leading tab is kept") << "data:\tx\n\n"_ba << QByteArrayList{message("\tx"_ba)};
    QTest::addRow("trailing spaces are kept")
            << "data: x  \n\n"_ba << QByteArrayList{message("x  "_ba)};
    QTest::addRow("nul in field name") << "da\0ta: x\n\n"_ba << QByteArrayList{};
    QTest::addRow("nul before field name") << "\0data: x\n\n"_ba << QByteArrayList{};
}

void addDataRows()
{
    using namespace Log;
    QTest::addRow("one data line") << "data: a\n\n"_ba << QByteArrayList{message("a"_ba)};
    QTest::addRow("data: empty value dispatches empty data")
            << "data:\n\n"_ba << QByteArrayList{message(""_ba)};
    QTest::addRow("data: one space dispatches empty data")
            << "data: \n\n"_ba << QByteArrayList{message(""_ba)};
    QTest::addRow("data without colon dispatches empty data")
            << "data\n\n"_ba << QByteArrayList{message(""_ba)};
    QTest::addRow("data lines joined with lf")
            << "data: a\ndata: b\ndata: c\n\n"_ba << QByteArrayList{message("a\nb\nc"_ba)};
    QTest::addRow("trailing empty data line keeps its lf")
            << "data: a\ndata\n\n"_ba << QByteArrayList{message("a\n"_ba)};
    QTest::addRow("leading empty data line")
            << "data\ndata: a\n\n"_ba << QByteArrayList{message("\na"_ba)};
    QTest::addRow("two empty data lines")
            << "data\ndata\n\n"_ba << QByteArrayList{message("\n"_ba)};
    QTest::addRow("three empty data lines")
            << "data:\ndata: \ndata\n\n"_ba << QByteArrayList{message("\n\n"_ba)};
    QTest::addRow("empty data line in the middle")
            << "data: a\ndata: \ndata: b\n\n"_ba << QByteArrayList{message("a\n\nb"_ba)};
    QTest::addRow("consecutive events")
            << "data: a\n\ndata: b\n\ndata: c\n\n"_ba
            << QByteArrayList{message("a"_ba), message("b"_ba), message("c"_ba)};
    QTest::addRow("data buffer is reset after dispatch")
            << "data: a\ndata: b\n\ndata: c\n\n"_ba
            << QByteArrayList{message("a\nb"_ba), message("c"_ba)};
    QTest::addRow("unknown field between data lines")
            << "data: a\nfoo\ndata: b\n\n"_ba << QByteArrayList{message("a\nb"_ba)};
    QTest::addRow("nul inside data is kept")
            << "data: a\0b\n\n"_ba << QByteArrayList{message("a\0b"_ba)};
    QTest::addRow("data of one nul") << "data:\0\n\n"_ba << QByteArrayList{message("\0"_ba)};
    QTest::addRow("json value") << "data: {\"a\": [1, 2], \"b\": \"x:y\"}\n\n"_ba
                                << QByteArrayList{message("{\"a\": [1, 2], \"b\": \"x:y\"}"_ba)};
    QTest::addRow("100 KB data line with default limits")
            << QByteArray("data: " + QByteArray(100 * 1024, 'x') + "\n\n")
            << QByteArrayList{message(QByteArray(100 * 1024, 'x'))};
    QTest::addRow("1000 data lines")
            << QByteArray("data: ab\n"_ba.repeated(1000) + "\n")
            << QByteArrayList{message(QByteArray("ab\n"_ba.repeated(1000)).chopped(1))};
}

void addEventRows()
{
    using namespace Log;
    QTest::addRow("named event") << "event: foo\ndata: a\n\n"_ba
                                 << QByteArrayList{event("foo"_ba, "a"_ba)};
    QTest::addRow("type is reset after dispatch")
            << "event: foo\ndata: a\n\ndata: b\n\n"_ba
            << QByteArrayList{event("foo"_ba, "a"_ba), message("b"_ba)};
    QTest::addRow("event without data does not dispatch and resets the type")
            << "event: foo\n\ndata: b\n\n"_ba << QByteArrayList{message("b"_ba)};
    QTest::addRow("empty event value means message")
            << "event:\ndata: a\n\n"_ba << QByteArrayList{message("a"_ba)};
    QTest::addRow("event of one space means message")
            << "event: \ndata: a\n\n"_ba << QByteArrayList{message("a"_ba)};
    QTest::addRow("event without colon clears the type")
            << "event: a\nevent\ndata: x\n\n"_ba << QByteArrayList{message("x"_ba)};
    QTest::addRow("last event field wins")
            << "event: a\nevent: b\ndata: x\n\n"_ba << QByteArrayList{event("b"_ba, "x"_ba)};
    QTest::addRow("event after the data lines")
            << "data: x\nevent: late\n\n"_ba << QByteArrayList{event("late"_ba, "x"_ba)};
    QTest::addRow("event value keeps inner spaces")
            << "event:  spaced \ndata: x\n\n"_ba << QByteArrayList{event(" spaced "_ba, "x"_ba)};
    QTest::addRow("explicit message type")
            << "event: message\ndata: x\n\n"_ba << QByteArrayList{message("x"_ba)};
    QTest::addRow("event with colon")
            << "event: a:b\ndata: x\n\n"_ba << QByteArrayList{event("a:b"_ba, "x"_ba)};
    QTest::addRow("event with nul")
            << "event: a\0b\ndata: x\n\n"_ba << QByteArrayList{event("a\0b"_ba, "x"_ba)};
    QTest::addRow("event with non-ascii name")
            << "event: \u00FCber\ndata: x\n\n"_ba << QByteArrayList{event("\u00FCber"_ba, "x"_ba)};
    QTest::addRow("event type is not carried over an empty event")
            << "event: a\n\nevent: b\n\ndata: x\n\n"_ba << QByteArrayList{message("x"_ba)};
}

void addIdRows()
{
    using namespace Log;
    QTest::addRow("id is set") << "id: 1\ndata: a\n\n"_ba
                               << QByteArrayList{idChanged("1"_ba), message("a"_ba, "1"_ba)};
    QTest::addRow("id persists over events without id")
            << "id: 1\ndata: a\n\ndata: b\n\nevent: t\ndata: c\n\n"_ba
            << QByteArrayList{idChanged("1"_ba), message("a"_ba, "1"_ba), message("b"_ba, "1"_ba),
                       event("t"_ba, "c"_ba, "1"_ba)};
    QTest::addRow("id changes and persists")
            << "id: 1\ndata: a\n\nid: 2\ndata: b\n\ndata: c\n\n"_ba
            << QByteArrayList{idChanged("1"_ba), message("a"_ba, "1"_ba), idChanged("2"_ba),
                       message("b"_ba, "2"_ba), message("c"_ba, "2"_ba)};
    QTest::addRow("same id again is reported again")
            << "id: 1\ndata: a\n\nid: 1\ndata: b\n\n"_ba
            << QByteArrayList{idChanged("1"_ba), message("a"_ba, "1"_ba), idChanged("1"_ba),
                       message("b"_ba, "1"_ba)};
    QTest::addRow("empty id without colon resets")
            << "id: 1\ndata: a\n\nid\ndata: b\n\ndata: c\n\n"_ba
            << QByteArrayList{idChanged("1"_ba), message("a"_ba, "1"_ba), idChanged(""_ba),
                       message("b"_ba), message("c"_ba)};
    QTest::addRow("empty id with colon resets")
            << "id: 1\ndata: a\n\nid:\ndata: b\n\n"_ba
            << QByteArrayList{idChanged("1"_ba), message("a"_ba, "1"_ba), idChanged(""_ba),
                       message("b"_ba)};
    QTest::addRow("id of one space resets")
            << "id: 1\ndata: a\n\nid: \ndata: b\n\n"_ba
            << QByteArrayList{idChanged("1"_ba), message("a"_ba, "1"_ba), idChanged(""_ba),
                       message("b"_ba)};
    QTest::addRow("id with nul is ignored")
            << "id: 1\ndata: a\n\nid: 2\0003\ndata: b\n\n"_ba
            << QByteArrayList{idChanged("1"_ba), message("a"_ba, "1"_ba), message("b"_ba, "1"_ba)};
    QTest::addRow("id of only nul is ignored")
            << "id: \0\ndata: a\n\n"_ba << QByteArrayList{message("a"_ba)};
    QTest::addRow("id with trailing nul is ignored")
            << "id: 1\ndata: a\n\nid: 2\0\ndata: b\n\n"_ba
            << QByteArrayList{idChanged("1"_ba), message("a"_ba, "1"_ba), message("b"_ba, "1"_ba)};
    QTest::addRow("id with nul does not reset either")
            << "id: x\nid: \0\ndata: a\n\n"_ba
            << QByteArrayList{idChanged("x"_ba), message("a"_ba, "x"_ba)};
    QTest::addRow("id without data is kept for the next event")
            << "id: 7\n\ndata: a\n\n"_ba
            << QByteArrayList{idChanged("7"_ba), message("a"_ba, "7"_ba)};
    QTest::addRow("id after the data lines")
            << "data: a\nid: 3\n\n"_ba
            << QByteArrayList{idChanged("3"_ba), message("a"_ba, "3"_ba)};
    QTest::addRow("id keeps inner and trailing spaces")
            << "id:  x \ndata: a\n\n"_ba
            << QByteArrayList{idChanged(" x "_ba), message("a"_ba, " x "_ba)};
    QTest::addRow("id with colon")
            << "id: a:b\ndata: x\n\n"_ba
            << QByteArrayList{idChanged("a:b"_ba), message("x"_ba, "a:b"_ba)};
    QTest::addRow("id without space")
            << "id:42\ndata: x\n\n"_ba
            << QByteArrayList{idChanged("42"_ba), message("x"_ba, "42"_ba)};
    QTest::addRow("id with leading zeros is text")
            << "id: 007\ndata: x\n\n"_ba
            << QByteArrayList{idChanged("007"_ba), message("x"_ba, "007"_ba)};
    QTest::addRow("non-ascii id") << "id: \u00E9\u20AC\ndata: x\n\n"_ba
                                  << QByteArrayList{idChanged("\u00E9\u20AC"_ba),
                                             message("x"_ba, "\u00E9\u20AC"_ba)};
    QTest::addRow("invalid utf-8 in id is repaired")
            << "id: \xFFz\xE2\x82\ndata: x\n\n"_ba
            << QByteArrayList{idChanged("\uFFFDz\uFFFD"_ba), message("x"_ba, "\uFFFDz\uFFFD"_ba)};
    // The header: lastEventIdChanged() comes at dispatch time (standard step 1), once per block.
    QTest::addRow("id change is reported at the blank line")
            << "id: 1\n: c\nretry: 5\ndata: a\n\n"_ba
            << QByteArrayList{comment("c"_ba), retry(5, "5"_ba), idChanged("1"_ba),
                       message("a"_ba, "1"_ba)};
    QTest::addRow("two id fields in one block are reported once")
            << "id: 1\nid: 2\ndata: a\n\n"_ba
            << QByteArrayList{idChanged("2"_ba), message("a"_ba, "2"_ba)};
    QTest::addRow("id in an unfinished event is not reported")
            << "data: a\n\nid: 2\ndata: b\n"_ba << QByteArrayList{message("a"_ba)};
}

void addRetryRows()
{
    using namespace Log;
    QTest::addRow("retry") << "retry: 1000\n"_ba << QByteArrayList{retry(1000, "1000"_ba)};
    QTest::addRow("retry without space") << "retry:5\n"_ba << QByteArrayList{retry(5, "5"_ba)};
    QTest::addRow("retry zero") << "retry: 0\n"_ba << QByteArrayList{retry(0, "0"_ba)};
    QTest::addRow("retry zeros") << "retry: 000\n"_ba << QByteArrayList{retry(0, "0"_ba)};
    QTest::addRow("retry with leading zeros")
            << "retry: 0000123\n"_ba << QByteArrayList{retry(123, "123"_ba)};
    QTest::addRow("retry 2^32") << "retry: 4294967296\n"_ba
                                << QByteArrayList{retry(4294967296ULL, "4294967296"_ba)};
    QTest::addRow("retry beyond 32 bits")
            << "retry: 99999999999\n"_ba << QByteArrayList{retry(99999999999ULL, "99999999999"_ba)};
    QTest::addRow("retry at max quint64")
            << "retry: 18446744073709551615\n"_ba
            << QByteArrayList{retry(MaxMs, "18446744073709551615"_ba)};
    QTest::addRow("retry one beyond max quint64 saturates")
            << "retry: 18446744073709551616\n"_ba
            << QByteArrayList{retry(MaxMs, "18446744073709551616"_ba)};
    QTest::addRow("retry of 30 digits saturates, digits exact")
            << "retry: 123456789012345678901234567890\n"_ba
            << QByteArrayList{retry(MaxMs, "123456789012345678901234567890"_ba)};
    QTest::addRow("retry huge with leading zeros")
            << "retry: 00099999999999999999999\n"_ba
            << QByteArrayList{retry(MaxMs, "99999999999999999999"_ba)};
    QTest::addRow("retry with letter ignored") << "retry: 12a\n"_ba << QByteArrayList{};
    QTest::addRow("retry negative ignored") << "retry: -1\n"_ba << QByteArrayList{};
    QTest::addRow("retry with plus ignored") << "retry: +5\n"_ba << QByteArrayList{};
    QTest::addRow("retry decimal ignored") << "retry: 1.5\n"_ba << QByteArrayList{};
    QTest::addRow("retry exponent ignored") << "retry: 1e3\n"_ba << QByteArrayList{};
    QTest::addRow("retry empty after space ignored") << "retry: \n"_ba << QByteArrayList{};
    QTest::addRow("retry empty ignored") << "retry:\n"_ba << QByteArrayList{};
    QTest::addRow("retry without colon ignored") << "retry\n"_ba << QByteArrayList{};
    QTest::addRow("retry with two spaces ignored") << "retry:  5\n"_ba << QByteArrayList{};
    QTest::addRow("retry with trailing space ignored") << "retry: 5 \n"_ba << QByteArrayList{};
    QTest::addRow("retry with tab ignored") << "retry:\t5\n"_ba << QByteArrayList{};
    QTest::addRow("retry with nul ignored") << "retry: 5\0\n"_ba << QByteArrayList{};
    QTest::addRow("retry with fullwidth digit ignored") << "retry: \uFF15\n"_ba << QByteArrayList{};
    QTest::addRow("retry with arabic-indic digit ignored")
            << "retry: \u0665\n"_ba << QByteArrayList{};
    QTest::addRow("retry with invalid utf-8 ignored") << "retry: 5\xFF\n"_ba << QByteArrayList{};
    QTest::addRow("retry does not dispatch")
            << "retry: 5\n\n"_ba << QByteArrayList{retry(5, "5"_ba)};
    QTest::addRow("retry inside an event") << "data: a\nretry: 5\ndata: b\n\n"_ba
                                           << QByteArrayList{retry(5, "5"_ba), message("a\nb"_ba)};
    QTest::addRow("retries and events in order")
            << "retry: 10\ndata: a\n\nretry: 20\nretry: x\nretry: 30\n"_ba
            << QByteArrayList{
                       retry(10, "10"_ba), message("a"_ba), retry(20, "20"_ba), retry(30, "30"_ba)};
    QTest::addRow("bogus retry after a good one")
            << "retry: 3000\nretry: 1000x\ndata: x\n\n"_ba
            << QByteArrayList{retry(3000, "3000"_ba), message("x"_ba)};
}

void addUtf8Rows()
{
    using namespace Log;
    QTest::addRow("valid two, three and four byte characters")
            << "data: \u00E9\u20AC\U0001F600\n\n"_ba
            << QByteArrayList{message("\u00E9\u20AC\U0001F600"_ba)};
    QTest::addRow("F0 80 80 is three replacements")
            << "data: \xF0\x80\x80\n\n"_ba << QByteArrayList{message("\uFFFD\uFFFD\uFFFD"_ba)};
    QTest::addRow("E2 82 then X is one replacement")
            << "data: \xE2\x82X\n\n"_ba << QByteArrayList{message("\uFFFDX"_ba)};
    QTest::addRow("surrogate ED A0 80 is three replacements")
            << "data: \xED\xA0\x80\n\n"_ba << QByteArrayList{message("\uFFFD\uFFFD\uFFFD"_ba)};
    QTest::addRow("overlong C0 AF is two replacements")
            << "data: \xC0\xAF\n\n"_ba << QByteArrayList{message("\uFFFD\uFFFD"_ba)};
    QTest::addRow("F4 90 80 80 beyond U+10FFFF is four replacements")
            << "data: \xF4\x90\x80\x80\n\n"_ba
            << QByteArrayList{message("\uFFFD\uFFFD\uFFFD\uFFFD"_ba)};
    QTest::addRow("lone FF") << "data: \xFF\n\n"_ba << QByteArrayList{message("\uFFFD"_ba)};
    QTest::addRow("lone continuation byte")
            << "data: a\x80z\n\n"_ba << QByteArrayList{message("a\uFFFDz"_ba)};
    QTest::addRow("FE FF") << "data: \xFE\xFF\n\n"_ba << QByteArrayList{message("\uFFFD\uFFFD"_ba)};
    QTest::addRow("five-byte form") << "data: \xF8\x88\x80\x80\x80\n\n"_ba
                                    << QByteArrayList{message("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"_ba)};
    QTest::addRow("truncated sequence before lf")
            << "data: \xE2\x82\ndata: b\n\n"_ba << QByteArrayList{message("\uFFFD\nb"_ba)};
    QTest::addRow("truncated sequence before cr")
            << "data: \xF0\x9F\x98\rdata: b\r\r"_ba << QByteArrayList{message("\uFFFD\nb"_ba)};
    QTest::addRow("truncated sequence before crlf")
            << "data: \xC3\r\n\r\n"_ba << QByteArrayList{message("\uFFFD"_ba)};
    QTest::addRow("truncated sequence then a valid one")
            << "data: \xE2\x82\xE2\x82\xAC\n\n"_ba << QByteArrayList{message("\uFFFD\u20AC"_ba)};
    QTest::addRow("replacement character in input is kept")
            << "data: \uFFFD\n\n"_ba << QByteArrayList{message("\uFFFD"_ba)};
    QTest::addRow("latin-1 text") << "data: caf\xE9\n\n"_ba
                                  << QByteArrayList{message("caf\uFFFD"_ba)};
    QTest::addRow("invalid byte in field name")
            << "da\xFFta: x\n\ndata: y\n\n"_ba << QByteArrayList{message("y"_ba)};
    QTest::addRow("truncated sequence before the colon")
            << "data\xC3: x\n\ndata: y\n\n"_ba << QByteArrayList{message("y"_ba)};
    QTest::addRow("invalid utf-8 in event type")
            << "event: \xC3(\ndata: x\n\n"_ba << QByteArrayList{event("\uFFFD("_ba, "x"_ba)};
    QTest::addRow("invalid utf-8 in comment")
            << ": \xFF!\xE2\x82\n"_ba << QByteArrayList{comment("\uFFFD!\uFFFD"_ba)};
    QTest::addRow("invalid utf-8 in every field of an event")
            << "event: \xFE\nid: \xC0\ndata: \xED\xA0\x80\n\n"_ba
            << QByteArrayList{idChanged("\uFFFD"_ba),
                       event("\uFFFD"_ba, "\uFFFD\uFFFD\uFFFD"_ba, "\uFFFD"_ba)};
    QTest::addRow("emoji data at every alignment")
            << "data: \U0001F600\ndata: a\U0001F600\ndata: ab\U0001F600\n\n"_ba
            << QByteArrayList{message("\U0001F600\na\U0001F600\nab\U0001F600"_ba)};
    // A line is validated from its first byte that is not ASCII, 32 bytes at a time, reading
    // past its end where the chunk goes on.
    QTest::addRow("the next line's bytes do not finish a sequence")
            << "data: \xE2\x82\ndata: \xAC\n\n"_ba << QByteArrayList{message("\uFFFD\n\uFFFD"_ba)};
    QTest::addRow("a valid line before an invalid one")
            << "data: \u00E9\ndata: \xFF\n\n"_ba << QByteArrayList{message("\u00E9\n\uFFFD"_ba)};
    const QByteArray run(40, 'r');
    QTest::addRow("a defect blocks after the first character that is not ascii")
            << "data: " + run + "\u00E9" + run + "\xFF" + run + "\n\n"_ba
            << QByteArrayList{message(QByteArray(run + "\u00E9" + run + "\uFFFD" + run))};
    QTest::addRow("a defect blocks before a valid character")
            << "data: \xFF" + run + run + "\u00E9\n\n"_ba
            << QByteArrayList{message(QByteArray("\uFFFD" + run + run + "\u00E9"))};
    QTest::addRow("truncated sequence ends a whole block")
            << "data: \u00E9" + QByteArray(28, 'x') + "\xE2\x82\n\n"_ba
            << QByteArrayList{message(QByteArray("\u00E9" + QByteArray(28, 'x') + "\uFFFD"))};
    QTest::addRow("emoji across the end of a block")
            << "data: \u00E9" + QByteArray(29, 'x') + "\U0001F600yz\n\n"_ba
            << QByteArrayList{message(QByteArray("\u00E9" + QByteArray(29, 'x') + "\U0001F600yz"))};
}

// "\uFEFF" is the BOM, EF BB BF. Octal "\357\273" is EF BB: a hex escape would swallow the
// letters after it.
void addByteOrderMarkRows()
{
    using namespace Log;
    QTest::addRow("bom at start is stripped")
            << "\uFEFFdata: x\n\n"_ba << QByteArrayList{message("x"_ba)};
    QTest::addRow("bom then blank line")
            << "\uFEFF\ndata: x\n\n"_ba << QByteArrayList{message("x"_ba)};
    QTest::addRow("bom then comment") << "\uFEFF: c\n"_ba << QByteArrayList{comment("c"_ba)};
    QTest::addRow("bom then crlf")
            << "\uFEFF\r\ndata: x\r\n\r\n"_ba << QByteArrayList{message("x"_ba)};
    QTest::addRow("bom only") << "\uFEFF"_ba << QByteArrayList{};
    QTest::addRow("second bom is kept, making the field unknown")
            << "\uFEFF\uFEFFdata: x\n\n"_ba << QByteArrayList{};
    QTest::addRow("second bom then more events")
            << "\uFEFF\uFEFFdata: x\n\ndata: y\n\n"_ba << QByteArrayList{message("y"_ba)};
    QTest::addRow("bom not at start is kept") << "data: x\n\n\uFEFFdata: y\n\ndata: z\n\n"_ba
                                              << QByteArrayList{message("x"_ba), message("z"_ba)};
    QTest::addRow("bom at the start of a value is kept")
            << "data: \uFEFFx\n\n"_ba << QByteArrayList{message("\uFEFFx"_ba)};
    QTest::addRow("bom after a blank first line is kept")
            << "\n\uFEFFdata: x\n\n"_ba << QByteArrayList{};
    QTest::addRow("bom and a second bom in the value")
            << "\uFEFFdata:\uFEFF\n\n"_ba << QByteArrayList{message("\uFEFF"_ba)};
    QTest::addRow("partial bom then letter is one replacement")
            << "\357\273data: x\n\ndata: y\n\n"_ba << QByteArrayList{message("y"_ba)};
    QTest::addRow("partial bom as a field name") << "\xEF\xBB\n"_ba << QByteArrayList{};
    QTest::addRow("lone EF at start")
            << "\357data: x\n\ndata: y\n\n"_ba << QByteArrayList{message("y"_ba)};
    QTest::addRow("bom-like U+FEFE at start is a character")
            << "\uFEFEdata: x\n\ndata: y\n\n"_ba << QByteArrayList{message("y"_ba)};
    QTest::addRow("other character at start is not skipped")
            << "\uFFFDdata: x\n\ndata: y\n\n"_ba << QByteArrayList{message("y"_ba)};
    QTest::addRow("partial bom then comment") << "\xEF\xBB:c\n"_ba << QByteArrayList{};
    QTest::addRow("partial bom then line end keeps parsing")
            << "\xEF\xBB\rdata: y\r\r"_ba << QByteArrayList{message("y"_ba)};
}

// web-platform-tests/eventsource format-*.htm streams, fed as the server sends them.
void addWebPlatformTestRows()
{
    using namespace Log;
    const QByteArray longString(2 * 1024, 'x');
    QTest::addRow("wpt format-comments")
            << QByteArray("data:1\r:\0\n:\r\ndata:2\n:"_ba + longString
                       + "\rdata:3\n:data:fail\r:"_ba + longString + "\ndata:4\n\n"_ba)
            << QByteArrayList{comment("\0"_ba), comment(""_ba), comment(longString),
                       comment("data:fail"_ba), comment(longString), message("1\n2\n3\n4"_ba)};
    QTest::addRow("wpt format-data-before-final-empty-line")
            << "retry:1000\ndata:test1\n\nid:test\ndata:test2"_ba
            << QByteArrayList{retry(1000, "1000"_ba), message("test1"_ba)};
    QTest::addRow("wpt format-field-data")
            << "data:\n\ndata\ndata\n\ndata:test\n\n"_ba
            << QByteArrayList{message(""_ba), message("\n"_ba), message("test"_ba)};
    QTest::addRow("wpt format-field-event-empty")
            << "event: \ndata:data\n\n"_ba << QByteArrayList{message("data"_ba)};
    QTest::addRow("wpt format-field-event")
            << "event:test\ndata:x\n\ndata:x\n\n"_ba
            << QByteArrayList{event("test"_ba, "x"_ba), message("x"_ba)};
    QTest::addRow("wpt format-field-id")
            << "id: \u2026\ndata: hello\n\n"_ba
            << QByteArrayList{idChanged("\u2026"_ba), message("hello"_ba, "\u2026"_ba)};
    QTest::addRow("wpt format-field-id-3 persists")
            << "id: 1\ndata: 1\n\ndata: 2\n\n"_ba
            << QByteArrayList{idChanged("1"_ba), message("1"_ba, "1"_ba), message("2"_ba, "1"_ba)};
    QTest::addRow("wpt format-field-id-3 resets")
            << "id: 1\ndata: 1\n\nid:\ndata: 2\n\ndata: 3\n\n"_ba
            << QByteArrayList{idChanged("1"_ba), message("1"_ba, "1"_ba), idChanged(""_ba),
                       message("2"_ba), message("3"_ba)};
    QTest::addRow("wpt format-field-id-null")
            << "id: \0\0\ndata: hello\n\n"_ba << QByteArrayList{message("hello"_ba)};
    QTest::addRow("wpt format-field-parsing")
            << "data:\0\ndata:  2\rData:1\ndata\0:2\ndata:1\r\0data:4\nda-ta:3\rdata_5\ndata:3\r"
               "data:\r\n data:32\ndata:4\n\n"_ba
            << QByteArrayList{message("\0\n 2\n1\n3\n\n4"_ba)};
    QTest::addRow("wpt format-field-retry")
            << "retry:03000\ndata:x\n\n"_ba
            << QByteArrayList{retry(3000, "3000"_ba), message("x"_ba)};
    QTest::addRow("wpt format-field-retry-bogus")
            << "retry:2000\nretry:1000x\ndata:x\n\n"_ba
            << QByteArrayList{retry(2000, "2000"_ba), message("x"_ba)};
    QTest::addRow("wpt format-field-retry-empty")
            << "retry\ndata:test\n\n"_ba << QByteArrayList{message("test"_ba)};
    QTest::addRow("wpt format-field-unknown")
            << "data:test\n data\ndata\nfoobar:xxx\njustsometext\n:thisisacommentyay\ndata:test\n\n"_ba
            << QByteArrayList{comment("thisisacommentyay"_ba), message("test\n\ntest"_ba)};
    QTest::addRow("wpt format-leading-space") << "data:\ttest\rdata: \ndata:test\n\n"_ba
                                              << QByteArrayList{message("\ttest\n\ntest"_ba)};
    QTest::addRow("wpt format-newlines") << "data:test\r\ndata\ndata:test\r\n\r\n"_ba
                                         << QByteArrayList{message("test\n\ntest"_ba)};
    QTest::addRow("wpt format-null-character")
            << "data:\0\n\n\n\n"_ba << QByteArrayList{message("\0"_ba)};
    QTest::addRow("wpt format-utf-8")
            << "data:ok\xE2\x80\xA6\n\n"_ba << QByteArrayList{message("ok\u2026"_ba)};
    QTest::addRow("wpt format-bom") << "\uFEFFdata:1\n\n\uFEFFdata:2\n\ndata:3\n\n"_ba
                                    << QByteArrayList{message("1"_ba), message("3"_ba)};
    QTest::addRow("wpt format-bom-2") << "\uFEFF\uFEFFdata:1\n\ndata:2\n\ndata:3\n\n"_ba
                                      << QByteArrayList{message("2"_ba), message("3"_ba)};
}

/// Rows whose line ends fall at every offset of the parser's 64-byte scan blocks: events with
/// values of 0 to 140 bytes one after the other, so that each line ends one byte further on.
void addBlockOffsetRows()
{
    using namespace Log;
    const std::array<std::pair<const char *, QByteArray>, 3> endings{
            {{"lf", "\n"_ba}, {"cr", "\r"_ba}, {"crlf", "\r\n"_ba}}};
    for (const auto &[name, eol] : endings) {
        QByteArray input;
        QByteArrayList expected;
        for (int length = 0; length <= 140; ++length) {
            const QByteArray value(length, char('a' + length % 26));
            input += "data: " + value + eol + eol;
            expected.append(message(value));
        }
        QTest::addRow("%s at every offset", name) << input << expected;
    }

    // The ASCII test rides on the line-end scan: a high byte anywhere in a line is seen.
    QByteArray invalid, twoByte, nulInId;
    QByteArrayList invalidExpected, twoByteExpected, nulExpected;
    for (int at = 0; at < 130; ++at) {
        const QByteArray before(at, 'x');
        const QByteArray after(129 - at, 'y');
        invalid += "data:" + before + "\xFF" + after + "\n\n";
        invalidExpected.append(message(QByteArray(before + "\uFFFD"_ba + after)));
        twoByte += "event:" + before + "\xC3\xA9" + after + "\ndata:1\n\n";
        twoByteExpected.append(event(QByteArray(before + "\u00E9"_ba + after), "1"_ba));
        const QByteArray id = "id" + QByteArray::number(at);
        nulInId += "id:" + id + "\nid:" + before + '\0' + after + "\ndata:2\n\n";
        nulExpected << idChanged(id) << message("2"_ba, id);
    }
    QTest::addRow("invalid byte at every offset") << invalid << invalidExpected;
    QTest::addRow("two-byte character at every offset") << twoByte << twoByteExpected;
    QTest::addRow("nul in an id at every offset") << nulInId << nulExpected;
}

using RowAdder = void (*)();
constexpr std::array<RowAdder, 10> AllFeedRowAdders{addLineEndingRows, addFieldRows, addDataRows,
        addEventRows, addIdRows, addRetryRows, addUtf8Rows, addByteOrderMarkRows,
        addWebPlatformTestRows, addBlockOffsetRows};

} // namespace

class tst_Parser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void feed_lineEndings_data();
    void feed_lineEndings();
    void feed_commentsAndFieldSplitting_data();
    void feed_commentsAndFieldSplitting();
    void feed_dataField_data();
    void feed_dataField();
    void feed_eventField_data();
    void feed_eventField();
    void feed_idField_data();
    void feed_idField();
    void feed_retryField_data();
    void feed_retryField();
    void feed_repairsUtf8_data();
    void feed_repairsUtf8();
    void feed_stripsOneByteOrderMark_data();
    void feed_stripsOneByteOrderMark();
    void feed_webPlatformTestStreams_data();
    void feed_webPlatformTestStreams();
    void feed_lineEndAtEveryBlockOffset_data();
    void feed_lineEndAtEveryBlockOffset();
    void feed_givenChunks_data();
    void feed_givenChunks();
    void feed_sameForRandomChunks_data();
    void feed_sameForRandomChunks();
    void feed_enforcesLimits_data();
    void feed_enforcesLimits();
    void feed_dropsHugeLineWithDefaultLimits();
    void finish_discardsIncompleteEvent_data();
    void finish_discardsIncompleteEvent();
    void hasUnfinishedEvent_data();
    void hasUnfinishedEvent();
    void reset_startsNewStream_data();
    void reset_startsNewStream();
    void lastEventId_accessors_data();
    void lastEventId_accessors();
    void limits_defaultsAndSetters();
    void handler_mayBeNull();
    void keepRaw_givesEachEventsWireLines();
    void keepRaw_crLfSplitAfterTheBlankLine();
    void keepRaw_isBounded();
    void hasIdField_onlyWhenTheEventSetItsId_data();
    void hasIdField_onlyWhenTheEventSetItsId();
    void parseError_hasMessage_data();
    void parseError_hasMessage();
    void blockScan_everyPathGivesTheBytewiseMasks();
    void blockScan_avx2OffWhenQtNoCpuFeatureSaysSo();
};

void tst_Parser::feed_lineEndings_data()
{
    addFeedColumns();
    addLineEndingRows();
}

void tst_Parser::feed_lineEndings()
{
    verifyFeedRow();
}

void tst_Parser::feed_commentsAndFieldSplitting_data()
{
    addFeedColumns();
    addFieldRows();
}

void tst_Parser::feed_commentsAndFieldSplitting()
{
    verifyFeedRow();
}

void tst_Parser::feed_dataField_data()
{
    addFeedColumns();
    addDataRows();
}

void tst_Parser::feed_dataField()
{
    verifyFeedRow();
}

void tst_Parser::feed_eventField_data()
{
    addFeedColumns();
    addEventRows();
}

void tst_Parser::feed_eventField()
{
    verifyFeedRow();
}

void tst_Parser::feed_idField_data()
{
    addFeedColumns();
    addIdRows();
}

void tst_Parser::feed_idField()
{
    verifyFeedRow();
}

void tst_Parser::feed_retryField_data()
{
    addFeedColumns();
    addRetryRows();
}

void tst_Parser::feed_retryField()
{
    verifyFeedRow();
}

void tst_Parser::feed_repairsUtf8_data()
{
    addFeedColumns();
    addUtf8Rows();
}

void tst_Parser::feed_repairsUtf8()
{
    verifyFeedRow();
}

void tst_Parser::feed_stripsOneByteOrderMark_data()
{
    addFeedColumns();
    addByteOrderMarkRows();
}

void tst_Parser::feed_stripsOneByteOrderMark()
{
    verifyFeedRow();
}

void tst_Parser::feed_webPlatformTestStreams_data()
{
    addFeedColumns();
    addWebPlatformTestRows();
}

void tst_Parser::feed_webPlatformTestStreams()
{
    verifyFeedRow();
}

void tst_Parser::feed_lineEndAtEveryBlockOffset_data()
{
    addFeedColumns();
    addBlockOffsetRows();
}

// Whole, and in chunks around the scan's block size and a TCP segment's.
void tst_Parser::feed_lineEndAtEveryBlockOffset()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, expected);

    for (const qsizetype chunkSize : {0, 5, 63, 64, 65, 127, 1460}) {
        const QByteArrayList actual = run({feed(input)}, {}, chunksOf(chunkSize));
        if (actual != expected) {
            const QByteArray how = "chunk size " + QByteArray::number(chunkSize);
            QFAIL(describeMismatch(how, expected, actual).constData());
        }
    }
}

void tst_Parser::feed_givenChunks_data()
{
    using namespace Log;
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QByteArrayList>("expected");

    QTest::addRow("crlf split across chunks") << QByteArrayList{"data: a\r"_ba, "\ndata: b\r"_ba,
            "\n\r"_ba, "\n"_ba} << QByteArrayList{message("a\nb"_ba)};
    QTest::addRow("cr, empty chunk, then lf") << QByteArrayList{"data: a\r"_ba, ""_ba, "\n\r"_ba,
            ""_ba, "\n"_ba} << QByteArrayList{message("a"_ba)};
    QTest::addRow("cr ends a chunk, next chunk starts a line") << QByteArrayList{
            "data: a\r"_ba, "data: b\r"_ba, "\r"_ba} << QByteArrayList{message("a\nb"_ba)};
    QTest::addRow("cr ends a chunk, blank line follows in the next")
            << QByteArrayList{"data: a\r"_ba, "\r"_ba, "data: b\r\n\r\n"_ba}
            << QByteArrayList{message("a"_ba), message("b"_ba)};
    QTest::addRow("cr cr in separate chunks dispatches at once")
            << QByteArrayList{"data: a\r"_ba, "\r"_ba} << QByteArrayList{message("a"_ba)};
    QTest::addRow("lf after a crlf pair in the next chunk is a blank line")
            << QByteArrayList{"data: a\r\n"_ba, "\n"_ba} << QByteArrayList{message("a"_ba)};
    QTest::addRow("euro split into single bytes") << QByteArrayList{"data: \xE2"_ba, "\x82"_ba,
            "\xAC\n\n"_ba} << QByteArrayList{message("\u20AC"_ba)};
    QTest::addRow("emoji split two and two") << QByteArrayList{"data: \xF0\x9F"_ba,
            "\x98\x80\n\n"_ba} << QByteArrayList{message("\U0001F600"_ba)};
    QTest::addRow("emoji split with empty chunks") << QByteArrayList{"data: \xF0"_ba, ""_ba,
            "\x9F\x98"_ba, ""_ba, "\x80\n\n"_ba} << QByteArrayList{message("\U0001F600"_ba)};
    QTest::addRow("truncated sequence, line end in next chunk") << QByteArrayList{
            "data: \xE2\x82"_ba, "\n\n"_ba} << QByteArrayList{message("\uFFFD"_ba)};
    QTest::addRow("truncated sequence, ascii in next chunk") << QByteArrayList{
            "data: \xF0\x9F\x98"_ba, "X\n\n"_ba} << QByteArrayList{message("\uFFFDX"_ba)};
    QTest::addRow("bom split into single bytes") << QByteArrayList{"\xEF"_ba, "\xBB"_ba, "\xBF"_ba,
            "data: x\n\n"_ba} << QByteArrayList{message("x"_ba)};
    QTest::addRow("empty chunk before the bom") << QByteArrayList{""_ba, "\xEF\xBB\xBF"_ba,
            "data: x\n\n"_ba} << QByteArrayList{message("x"_ba)};
    QTest::addRow("partial bom, mismatch in next chunk") << QByteArrayList{
            "\xEF\xBB"_ba, "data: x\n\ndata: y\n\n"_ba} << QByteArrayList{message("y"_ba)};
    QTest::addRow("second bom in its own chunk")
            << QByteArrayList{"\xEF\xBB\xBF"_ba, "\xEF\xBB\xBF"_ba, "data: x\n\ndata: y\n\n"_ba}
            << QByteArrayList{message("y"_ba)};
    QTest::addRow("field name split at the colon") << QByteArrayList{"da"_ba, "ta"_ba, ":"_ba,
            " "_ba, "x\n"_ba, "\n"_ba} << QByteArrayList{message("x"_ba)};
    QTest::addRow("id split, nul in second chunk") << QByteArrayList{
            "id: ab"_ba, "\0cd\ndata: x\n\n"_ba} << QByteArrayList{message("x"_ba)};
    QTest::addRow("retry digits split") << QByteArrayList{"retry: 12"_ba, "34"_ba, "5\n"_ba}
                                        << QByteArrayList{retry(12345, "12345"_ba)};
    QTest::addRow("crlf split after a whole line, data kept from the first chunk")
            << QByteArrayList{"data: a\r"_ba, "\n\r"_ba, "\ndata: b\r"_ba, "\n\r\n"_ba}
            << QByteArrayList{message("a"_ba), message("b"_ba)};
    QTest::addRow("second data line in the next chunk") << QByteArrayList{
            "data: a\n"_ba, "data: b\n\n"_ba} << QByteArrayList{message("a\nb"_ba)};
    QTest::addRow("nul in data, event split after it")
            << QByteArrayList{"data: a\0b\n"_ba, "\n"_ba} << QByteArrayList{message("a\0b"_ba)};
    QTest::addRow("bom split two and one, crlf split") << QByteArrayList{"\xEF\xBB"_ba,
            "\xBF"
            "data: x\r"_ba,
            "\n\r"_ba, "\n"_ba} << QByteArrayList{message("x"_ba)};
    QTest::addRow("one chunk per event") << QByteArrayList{"data: a\n\n"_ba, "data: b\n\n"_ba}
                                         << QByteArrayList{message("a"_ba), message("b"_ba)};
}

void tst_Parser::feed_givenChunks()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(QByteArrayList, expected);

    // The Feed step holds all the bytes; the feeder hands them over in the row's pieces.
    const QByteArrayList actual =
            run({feed(chunks.join())}, {}, [&chunks](Sse::Parser &parser, QByteArrayView) {
                for (const QByteArray &chunk : chunks)
                    parser.feed(chunk);
            });
    if (actual != expected)
        QFAIL(describeMismatch("the given chunks"_ba, expected, actual).constData());

    const QByteArray failures = failuresAtEveryChunkSize({feed(chunks.join())}, expected);
    if (!failures.isEmpty())
        QFAIL(failures.constData());
}

void tst_Parser::feed_sameForRandomChunks_data()
{
    addFeedColumns();
    for (const RowAdder add : AllFeedRowAdders)
        add();
}

// Every feed row 20 more times, each time cut into random pieces of 1 to 11 bytes.
void tst_Parser::feed_sameForRandomChunks()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, expected);

    const auto seed = quint32(qHash(QByteArray(QTest::currentDataTag())));
    QRandomGenerator random(seed);
    for (int round = 0; round < 20; ++round) {
        QList<qsizetype> sizes;
        const QByteArrayList actual =
                run({feed(input)}, {}, [&](Sse::Parser &parser, QByteArrayView bytes) {
                    qsizetype at = 0;
                    while (at < bytes.size()) {
                        const qsizetype left = bytes.size() - at;
                        const qsizetype size = qMin(left, qsizetype(random.bounded(1, 12)));
                        sizes.append(size);
                        parser.feed(bytes.sliced(at, size));
                        at += size;
                    }
                });
        if (actual != expected) {
            QByteArray how = "chunk sizes";
            for (const qsizetype size : std::as_const(sizes)) {
                how += ' ';
                how += QByteArray::number(size);
            }
            QFAIL(describeMismatch(how, expected, actual).constData());
        }
    }
}

void tst_Parser::feed_enforcesLimits_data()
{
    using namespace Log;
    QTest::addColumn<qsizetype>("maxLineSize");
    QTest::addColumn<qsizetype>("maxEventSize");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArrayList>("expected");

    // "data: 0123456789" is 16 bytes.
    QTest::addRow("line at the limit is kept")
            << qsizetype(16) << DefaultEvent << "data: 0123456789\n\n"_ba
            << QByteArrayList{message("0123456789"_ba)};
    QTest::addRow("line at the limit ended by crlf is kept")
            << qsizetype(16) << DefaultEvent << "data: 0123456789\r\n\r\n"_ba
            << QByteArrayList{message("0123456789"_ba)};
    QTest::addRow("line at the limit ended by cr is kept")
            << qsizetype(16) << DefaultEvent << "data: 0123456789\r\r"_ba
            << QByteArrayList{message("0123456789"_ba)};
    QTest::addRow("comment at the limit is kept")
            << qsizetype(16) << DefaultEvent << ":123456789012345\n"_ba
            << QByteArrayList{comment("123456789012345"_ba)};
    QTest::addRow("line one byte over the limit")
            << qsizetype(16) << DefaultEvent << "data: 0123456789A\n\ndata: ok\n\n"_ba
            << QByteArrayList{lineTooLong(16), message("ok"_ba)};
    QTest::addRow("long line reported once")
            << qsizetype(16) << DefaultEvent
            << QByteArray("data: " + QByteArray(1000, 'x') + "\n\ndata: ok\n\n")
            << QByteArrayList{lineTooLong(16), message("ok"_ba)};
    QTest::addRow("long line drops the event it is in")
            << qsizetype(16) << DefaultEvent
            << "data: a\ndata: 0123456789ABCDEF\ndata: b\n\ndata: c\n\n"_ba
            << QByteArrayList{lineTooLong(16), message("c"_ba)};
    QTest::addRow("long first line drops the event")
            << qsizetype(16) << DefaultEvent << "data: 0123456789ABCDEF\ndata: b\n\ndata: c\n\n"_ba
            << QByteArrayList{lineTooLong(16), message("c"_ba)};
    QTest::addRow("long line drops the event type too")
            << qsizetype(16) << DefaultEvent
            << "event: big\ndata: a\ndata: 0123456789ABCDEF\n\ndata: c\n\n"_ba
            << QByteArrayList{lineTooLong(16), message("c"_ba)};
    QTest::addRow("events before a long line arrive")
            << qsizetype(16) << DefaultEvent
            << "data: a\n\ndata: 0123456789ABCDEF\n\ndata: c\n\n"_ba
            << QByteArrayList{message("a"_ba), lineTooLong(16), message("c"_ba)};
    QTest::addRow("two long lines, two errors")
            << qsizetype(16) << DefaultEvent
            << "data: 0123456789ABCDEF\n\ndata: 0123456789ABCDEF\n\ndata: c\n\n"_ba
            << QByteArrayList{lineTooLong(16), lineTooLong(16), message("c"_ba)};
    QTest::addRow("two long lines in one event")
            << qsizetype(16) << DefaultEvent
            << "data: 0123456789ABCDEF\ndata: 0123456789ABCDEF\n\ndata: c\n\n"_ba
            << QByteArrayList{lineTooLong(16), lineTooLong(16), message("c"_ba)};
    QTest::addRow("long line ended by cr")
            << qsizetype(16) << DefaultEvent << "data: 0123456789ABCDEF\rdata: b\r\rdata: c\r\r"_ba
            << QByteArrayList{lineTooLong(16), message("c"_ba)};
    QTest::addRow("long line ended by crlf")
            << qsizetype(16) << DefaultEvent << "data: 0123456789ABCDEF\r\n\r\ndata: c\r\n\r\n"_ba
            << QByteArrayList{lineTooLong(16), message("c"_ba)};
    QTest::addRow("long comment") << qsizetype(16) << DefaultEvent
                                  << QByteArray(":" + QByteArray(100, 'c') + "\n\ndata: c\n\n")
                                  << QByteArrayList{lineTooLong(16), message("c"_ba)};
    QTest::addRow("long unknown field")
            << qsizetype(16) << DefaultEvent << QByteArray(QByteArray(100, 'f') + "\n\ndata: c\n\n")
            << QByteArrayList{lineTooLong(16), message("c"_ba)};
    QTest::addRow("long line does not swallow the next line")
            << qsizetype(16) << DefaultEvent
            << "data: 0123456789ABCDEF\n\n: after\nretry: 7\ndata: c\n\n"_ba
            << QByteArrayList{
                       lineTooLong(16), comment("after"_ba), retry(7, "7"_ba), message("c"_ba)};
    QTest::addRow("limit of one byte") << qsizetype(1) << DefaultEvent << "data: a\n\n:\n\n"_ba
                                       << QByteArrayList{lineTooLong(1), comment(""_ba)};

    // The data buffer counts each line's value plus its LF: "123456789\n" is 10 bytes.
    QTest::addRow("event data at the limit is kept")
            << DefaultLine << qsizetype(10) << "data: 123456789\n\n"_ba
            << QByteArrayList{message("123456789"_ba)};
    QTest::addRow("event data one byte over the limit")
            << DefaultLine << qsizetype(10) << "data: 1234567890\n\ndata: ok\n\n"_ba
            << QByteArrayList{eventTooLarge(10), message("ok"_ba)};
    QTest::addRow("event data at the limit over two lines is kept")
            << DefaultLine << qsizetype(10) << "data: 12345\ndata: 123\n\n"_ba
            << QByteArrayList{message("12345\n123"_ba)};
    QTest::addRow("event data over the limit over two lines")
            << DefaultLine << qsizetype(10) << "data: 12345\ndata: 1234\n\ndata: ok\n\n"_ba
            << QByteArrayList{eventTooLarge(10), message("ok"_ba)};
    QTest::addRow("too large event reported once")
            << DefaultLine << qsizetype(10)
            << "data: 1234567890\ndata: more\ndata: more and more\n\ndata: ok\n\n"_ba
            << QByteArrayList{eventTooLarge(10), message("ok"_ba)};
    QTest::addRow("too large event of empty data lines")
            << DefaultLine << qsizetype(3) << "data\ndata\ndata\ndata\n\ndata\n\n"_ba
            << QByteArrayList{eventTooLarge(3), message(""_ba)};
    QTest::addRow("too large event drops its type")
            << DefaultLine << qsizetype(10) << "event: big\ndata: 1234567890\n\ndata: ok\n\n"_ba
            << QByteArrayList{eventTooLarge(10), message("ok"_ba)};
    QTest::addRow("too large event drops a type set after the overflow")
            << DefaultLine << qsizetype(10) << "data: 1234567890\nevent: late\n\ndata: ok\n\n"_ba
            << QByteArrayList{eventTooLarge(10), message("ok"_ba)};
    QTest::addRow("events before and after a too large one arrive")
            << DefaultLine << qsizetype(10)
            << "data: a\n\ndata: 1234567890\n\nevent: t\ndata: b\n\n"_ba
            << QByteArrayList{message("a"_ba), eventTooLarge(10), Log::event("t"_ba, "b"_ba)};
    QTest::addRow("two too large events, two errors")
            << DefaultLine << qsizetype(10)
            << "data: 1234567890\n\ndata: 1234567890\n\ndata: ok\n\n"_ba
            << QByteArrayList{eventTooLarge(10), eventTooLarge(10), message("ok"_ba)};
    QTest::addRow("event size counts data only, not the type")
            << DefaultLine << qsizetype(10) << "event: a-rather-long-type\ndata: x\n\n"_ba
            << QByteArrayList{Log::event("a-rather-long-type"_ba, "x"_ba)};
    QTest::addRow("event size does not add up over events")
            << DefaultLine << qsizetype(10) << "data: 12345678\n\ndata: 12345678\n\n"_ba
            << QByteArrayList{message("12345678"_ba), message("12345678"_ba)};
}

void tst_Parser::feed_enforcesLimits()
{
    QFETCH(qsizetype, maxLineSize);
    QFETCH(qsizetype, maxEventSize);
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, expected);
    const QByteArray failures =
            failuresAtEveryChunkSize({feed(input)}, expected, {maxLineSize, maxEventSize});
    if (!failures.isEmpty())
        QFAIL(failures.constData());
}

void tst_Parser::feed_dropsHugeLineWithDefaultLimits()
{
    using namespace Log;
    const QByteArray huge(50 * 1024 * 1024, 'x');
    const QByteArray input = "data: a\n\ndata: " + huge + "\n\ndata: b\n\nevent: t\ndata: c\n\n";
    const QByteArrayList expected{
            message("a"_ba), lineTooLong(DefaultLine), message("b"_ba), Log::event("t"_ba, "c"_ba)};
    const QByteArray failures = failuresAtEveryChunkSize({feed(input)}, expected);
    if (!failures.isEmpty())
        QFAIL(failures.constData());

    // Also in the 64 KiB pieces a network read delivers.
    const QByteArrayList actual = run({feed(input)}, {}, chunksOf(64 * 1024));
    if (actual != expected)
        QFAIL(describeMismatch("chunk size 65536"_ba, expected, actual).constData());
}

void tst_Parser::finish_discardsIncompleteEvent_data()
{
    using namespace Log;
    QTest::addColumn<Script>("script");
    QTest::addColumn<QByteArrayList>("expected");

    QTest::addRow("nothing fed") << Script{finish()} << QByteArrayList{finished(false)};
    QTest::addRow("empty feed") << Script{feed({}), finish()} << QByteArrayList{finished(false)};
    QTest::addRow("after a dispatched event") << Script{feed("data: a\n\n"_ba), finish()}
                                              << QByteArrayList{message("a"_ba), finished(false)};
    QTest::addRow("after a comment line") << Script{feed(": c\n"_ba), finish()}
                                          << QByteArrayList{comment("c"_ba), finished(false)};
    QTest::addRow("partial line") << Script{feed("data: a"_ba), finish()}
                                  << QByteArrayList{finished(true)};
    QTest::addRow("partial comment line")
            << Script{feed(": c"_ba), finish()} << QByteArrayList{finished(true)};
    QTest::addRow("data line without blank line")
            << Script{feed("data: a\n"_ba), finish()} << QByteArrayList{finished(true)};
    QTest::addRow("data line ended by cr, no blank line")
            << Script{feed("data: a\r"_ba), finish()} << QByteArrayList{finished(true)};
    QTest::addRow("cr cr at the end dispatches") << Script{
            feed("data: a\r\r"_ba), finish()} << QByteArrayList{message("a"_ba), finished(false)};
    QTest::addRow("partial multi-byte character")
            << Script{feed("data: \xE2\x82"_ba), finish()} << QByteArrayList{finished(true)};
    QTest::addRow("event then partial event") << Script{feed("data: a\n\ndata: b"_ba), finish()}
                                              << QByteArrayList{message("a"_ba), finished(true)};
    QTest::addRow("finish twice") << Script{feed("data: a"_ba), finish(), finish()}
                                  << QByteArrayList{finished(true), finished(false)};
    QTest::addRow("discarded partial line does not come back")
            << Script{feed("data: a"_ba), finish(), feed("\n\ndata: b\n\n"_ba)}
            << QByteArrayList{finished(true), message("b"_ba)};
    QTest::addRow("discarded data does not come back") << Script{feed("data: a\n"_ba), finish(),
            feed("data: b\n\n"_ba)} << QByteArrayList{finished(true), message("b"_ba)};
    QTest::addRow("finish ends an event dropped for a long line")
            << Script{setMaxLineSize(8), feed("data: 123456789\ndata: x\n"_ba), finish(),
                       feed("data: b\n\n"_ba)}
            << QByteArrayList{lineTooLong(8), finished(true), message("b"_ba)};
    QTest::addRow("discarded type does not come back") << Script{feed("event: t\ndata: a\n"_ba),
            finish(), feed("data: b\n\n"_ba)} << QByteArrayList{finished(true), message("b"_ba)};
    QTest::addRow("bom expected again after finish")
            << Script{feed("data: a\n\n"_ba), finish(), feed("\uFEFFdata: b\n\n"_ba)}
            << QByteArrayList{message("a"_ba), finished(false), message("b"_ba)};
    QTest::addRow("stream after a pending cr starts clean")
            << Script{feed("data: a\n\ndata: b\r"_ba), finish(), feed("\ndata: c\n\n"_ba)}
            << QByteArrayList{message("a"_ba), finished(true), message("c"_ba)};
    QTest::addRow("last event id survives finish")
            << Script{feed("id: 1\ndata: a\n\n"_ba), finish(), feed("data: b\n\n"_ba)}
            << QByteArrayList{idChanged("1"_ba), message("a"_ba, "1"_ba), finished(false),
                       message("b"_ba, "1"_ba)};
    // WPT format-data-before-final-empty-line: the browser reconnects after the stream ends and
    // the second "test1" carries lastEventId "", since "id:test" was in an event never
    // dispatched, so it never became the source's last event ID string.
    const QByteArray wpt = "retry:1000\ndata:test1\n\nid:test\ndata:test2"_ba;
    QTest::addRow("wpt format-data-before-final-empty-line, with reconnect")
            << Script{feed(wpt), finish(), feed(wpt), finish()}
            << QByteArrayList{retry(1000, "1000"_ba), message("test1"_ba), finished(true),
                       retry(1000, "1000"_ba), message("test1"_ba), finished(true)};
}

void tst_Parser::finish_discardsIncompleteEvent()
{
    verifyScriptRow();
}

void tst_Parser::hasUnfinishedEvent_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<qsizetype>("maxEventSize");
    QTest::addColumn<bool>("expected");
    const qsizetype noLimit = Sse::Parser::DefaultMaxEventSize;

    QTest::addRow("nothing") << QByteArray() << noLimit << false;
    QTest::addRow("dispatched") << "data: a\n\n"_ba << noLimit << false;
    QTest::addRow("data line, no blank line") << "data: a\n"_ba << noLimit << true;
    QTest::addRow("two data lines") << "data: a\ndata: b\n"_ba << noLimit << true;
    QTest::addRow("empty data line") << "data\n"_ba << noLimit << true;
    QTest::addRow("data line cut short") << "data: a"_ba << noLimit << true;
    QTest::addRow("data name cut short") << "data"_ba << noLimit << true;
    QTest::addRow("event after a dispatched one") << "data: a\n\ndata: b"_ba << noLimit << true;
    QTest::addRow("cr cr dispatches") << "data: a\r\r"_ba << noLimit << false;
    // Nothing a blank line would have dispatched.
    QTest::addRow("comment cut short") << ": ping"_ba << noLimit << false;
    QTest::addRow("type only") << "event: t\n"_ba << noLimit << false;
    QTest::addRow("id only") << "id: 1\n"_ba << noLimit << false;
    QTest::addRow("field name starting with data") << "datum: x"_ba << noLimit << false;
    QTest::addRow("name cut short before it is data") << "dat"_ba << noLimit << false;
    // Reported as EventTooLarge already.
    QTest::addRow("event being dropped as too large")
            << "data: 123456789\n"_ba << qsizetype(4) << false;
}

void tst_Parser::hasUnfinishedEvent()
{
    QFETCH(QByteArray, stream);
    QFETCH(qsizetype, maxEventSize);
    QFETCH(bool, expected);
    // Whole, and a byte at a time: data held in the caller's chunk is copied at its end.
    for (const qsizetype chunk : {qsizetype(stream.size() + 1), qsizetype(1)}) {
        Recorder recorder;
        Sse::Parser parser(&recorder);
        parser.setMaxEventSize(maxEventSize);
        for (qsizetype at = 0; at < stream.size(); at += chunk)
            parser.feed(QByteArrayView(stream).sliced(at, qMin(chunk, stream.size() - at)));
        QCOMPARE(parser.hasUnfinishedEvent(), expected);
        if (expected)
            QVERIFY(parser.finish()); // what it reports is what finish() discards
        QVERIFY(!parser.hasUnfinishedEvent());
    }
}

void tst_Parser::reset_startsNewStream_data()
{
    using namespace Log;
    QTest::addColumn<Script>("script");
    QTest::addColumn<QByteArrayList>("expected");

    QTest::addRow("reset drops a partial line")
            << Script{feed("data: abc"_ba), reset(), feed("\n\n"_ba)} << QByteArrayList{};
    QTest::addRow("reset drops the event being built") << Script{feed("data: a\n"_ba), reset(),
            feed("data: b\n\n"_ba)} << QByteArrayList{message("b"_ba)};
    QTest::addRow("reset drops the event type") << Script{feed("event: t\n"_ba), reset(),
            feed("data: b\n\n"_ba)} << QByteArrayList{message("b"_ba)};
    QTest::addRow("reset expects a bom again") << Script{feed("data: a\n\n"_ba), reset(),
            feed("\uFEFFdata: b\n\n"_ba)} << QByteArrayList{message("a"_ba), message("b"_ba)};
    QTest::addRow("reset expects a bom again after a partial bom") << Script{feed("\xEF\xBB"_ba),
            reset(), feed("\uFEFFdata: b\n\n"_ba)} << QByteArrayList{message("b"_ba)};
    QTest::addRow("reset drops a partial bom") << Script{feed("\xEF"_ba), reset(),
            feed("data: b\n\n"_ba)} << QByteArrayList{message("b"_ba)};
    QTest::addRow("reset before anything keeps the bom rule") << Script{reset(),
            feed("\uFEFF\uFEFFdata: b\n\ndata: c\n\n"_ba)} << QByteArrayList{message("c"_ba)};
    QTest::addRow("reset drops a partial multi-byte character") << Script{feed("data: \xE2\x82"_ba),
            reset(), feed("data: \xAC\n\n"_ba)} << QByteArrayList{message("\uFFFD"_ba)};
    QTest::addRow("reset after a pending cr")
            << Script{feed("data: a\n\n: c\r"_ba), reset(), feed("\ndata: b\n\n"_ba)}
            << QByteArrayList{message("a"_ba), comment("c"_ba), message("b"_ba)};
    QTest::addRow("last event id survives reset")
            << Script{feed("id: 7\ndata: a\n\n"_ba), reset(), feed("data: b\n\n"_ba)}
            << QByteArrayList{idChanged("7"_ba), message("a"_ba, "7"_ba), message("b"_ba, "7"_ba)};
    QTest::addRow("last event id from an id-only block survives reset")
            << Script{feed("id: 7\n\n"_ba), reset(), feed("data: b\n\n"_ba)}
            << QByteArrayList{idChanged("7"_ba), message("b"_ba, "7"_ba)};
    QTest::addRow("partial line with id dropped by reset")
            << Script{feed("id: 1\ndata: a\n\nid: 2"_ba), reset(), feed("data: b\n\n"_ba)}
            << QByteArrayList{idChanged("1"_ba), message("a"_ba, "1"_ba), message("b"_ba, "1"_ba)};
    QTest::addRow("reset ends an event dropped for a long line") << Script{setMaxLineSize(8),
            feed("data: a\ndata: 123456789\ndata: x\n"_ba), reset(),
            feed("data: b\n\n"_ba)} << QByteArrayList{lineTooLong(8), message("b"_ba)};
    QTest::addRow("reset ends an event dropped for its size") << Script{setMaxEventSize(4),
            feed("data: 12345\ndata: x\n"_ba), reset(),
            feed("data: b\n\n"_ba)} << QByteArrayList{eventTooLarge(4), message("b"_ba)};
    QTest::addRow("events after reset keep coming")
            << Script{feed("data: a\n\n"_ba), reset(), feed("data: b\n\n"_ba), reset(),
                       feed("data: c\n\n"_ba)}
            << QByteArrayList{message("a"_ba), message("b"_ba), message("c"_ba)};
}

void tst_Parser::reset_startsNewStream()
{
    verifyScriptRow();
}

void tst_Parser::lastEventId_accessors_data()
{
    using namespace Log;
    QTest::addColumn<Script>("script");
    QTest::addColumn<QByteArrayList>("expected");

    QTest::addRow("empty at first")
            << Script{checkLastEventId()} << QByteArrayList{lastEventId(""_ba)};
    QTest::addRow("set by an id field")
            << Script{feed("id: 5\ndata: a\n\n"_ba), checkLastEventId()}
            << QByteArrayList{idChanged("5"_ba), message("a"_ba, "5"_ba), lastEventId("5"_ba)};
    QTest::addRow("cleared by an empty id field")
            << Script{feed("id: 5\n\nid\n\n"_ba), checkLastEventId()}
            << QByteArrayList{idChanged("5"_ba), idChanged(""_ba), lastEventId(""_ba)};
    QTest::addRow("not changed by an id with nul") << Script{feed("id: 5\n\nid: 6\0\n\n"_ba),
            checkLastEventId()} << QByteArrayList{idChanged("5"_ba), lastEventId("5"_ba)};
    QTest::addRow("holds repaired utf-8") << Script{feed("id: \xFF\n\n"_ba),
            checkLastEventId()} << QByteArrayList{idChanged("\uFFFD"_ba), lastEventId("\uFFFD"_ba)};
    QTest::addRow("setter is read back") << Script{setLastEventId("abc"_ba), checkLastEventId()}
                                         << QByteArrayList{lastEventId("abc"_ba)};
    QTest::addRow("setter value goes into events") << Script{setLastEventId("abc"_ba),
            feed("data: x\n\n"_ba)} << QByteArrayList{message("x"_ba, "abc"_ba)};
    QTest::addRow("id field overrides the setter")
            << Script{setLastEventId("abc"_ba), feed("id: d\ndata: x\n\ndata: y\n\n"_ba)}
            << QByteArrayList{idChanged("d"_ba), message("x"_ba, "d"_ba), message("y"_ba, "d"_ba)};
    QTest::addRow("empty id field clears the setter value") << Script{setLastEventId("abc"_ba),
            feed("id\ndata: x\n\n"_ba)} << QByteArrayList{idChanged(""_ba), message("x"_ba)};
    QTest::addRow("id with nul keeps the setter value") << Script{setLastEventId("abc"_ba),
            feed("id: \0\ndata: x\n\n"_ba)} << QByteArrayList{message("x"_ba, "abc"_ba)};
    QTest::addRow("setter before a reset survives it")
            << Script{setLastEventId("abc"_ba), reset(), feed("data: x\n\n"_ba), checkLastEventId()}
            << QByteArrayList{message("x"_ba, "abc"_ba), lastEventId("abc"_ba)};
    QTest::addRow("survives reset") << Script{feed("id: 5\n\n"_ba), reset(), checkLastEventId()}
                                    << QByteArrayList{idChanged("5"_ba), lastEventId("5"_ba)};
    QTest::addRow("survives finish")
            << Script{feed("id: 5\n\n"_ba), finish(), checkLastEventId()}
            << QByteArrayList{idChanged("5"_ba), finished(false), lastEventId("5"_ba)};
}

void tst_Parser::lastEventId_accessors()
{
    verifyScriptRow();
}

void tst_Parser::limits_defaultsAndSetters()
{
    Sse::Parser parser;
    QCOMPARE(parser.maxLineSize(), qsizetype(16 * 1024 * 1024));
    QCOMPARE(parser.maxEventSize(), qsizetype(16 * 1024 * 1024));
    parser.setMaxLineSize(100);
    parser.setMaxEventSize(200);
    QCOMPARE(parser.maxLineSize(), qsizetype(100));
    QCOMPARE(parser.maxEventSize(), qsizetype(200));
}

void tst_Parser::handler_mayBeNull()
{
    // Every kind of callback, with nobody to call.
    Sse::Parser parser;
    QVERIFY(!parser.handler());
    parser.setMaxLineSize(12);
    parser.setMaxEventSize(4);
    parser.feed("id: 1\n\nretry: 5\n: c\nevent: t\ndata: x\n\ndata: 123456789\n\ndata: 1234\n\n"
                "data: a\n"_ba);

    Recorder recorder;
    parser.setHandler(&recorder);
    QCOMPARE(parser.handler(), static_cast<Sse::ParserHandler *>(&recorder));
    parser.feed("data: b\n\n"_ba);
    QCOMPARE(recorder.log, QByteArrayList{Log::message("a\nb"_ba, "1"_ba)});

    parser.setHandler(nullptr);
    parser.feed("data: c\n\n"_ba);
    QVERIFY(!parser.finish());
    QCOMPARE(recorder.log.size(), 1);
}

void tst_Parser::parseError_hasMessage_data()
{
    QTest::addColumn<Sse::ParseError::Kind>("kind");
    QTest::addRow("LineTooLong") << Sse::ParseError::Kind::LineTooLong;
    QTest::addRow("EventTooLarge") << Sse::ParseError::Kind::EventTooLarge;
}

void tst_Parser::parseError_hasMessage()
{
    QFETCH(Sse::ParseError::Kind, kind);
    Sse::ParseError error;
    error.kind = kind;
    error.limit = 1234;
    const QString message = error.message();
    QVERIFY2(!message.trimmed().isEmpty(), "ParseError::message() is empty");

    Sse::ParseError other = error;
    other.kind = kind == Sse::ParseError::Kind::LineTooLong ? Sse::ParseError::Kind::EventTooLarge
                                                            : Sse::ParseError::Kind::LineTooLong;
    QVERIFY2(other.message() != message, "both kinds give the same message");
}

namespace {

/// A 64-byte block drawn mostly from the bytes the scan looks for: CR, LF, high bytes, and
/// the ASCII ones next to them.
QByteArray randomBlock(QRandomGenerator &random)
{
    static constexpr char Bytes[] = {'\n', '\r', '\x0b', '\x0c', '\x0e', 'a', ':', '\x7f', '\x80',
            '\xbf', '\xc3', '\xff', '\0', '\t', ' ', 'd'};
    QByteArray block(64, Qt::Uninitialized);
    for (char &byte : block) {
        const quint32 draw = random.bounded(20u);
        byte = draw < sizeof Bytes ? Bytes[draw] : char(random.bounded(256u));
    }
    return block;
}

bool sameMasks(const Sse::Detail::BlockMasks &a, const Sse::Detail::BlockMasks &b)
{
    return a.lineEnds == b.lineEnds && a.high == b.high;
}

QByteArray describeMasks(const Sse::Detail::BlockMasks &masks)
{
    return "lineEnds " + QByteArray::number(masks.lineEnds, 16) + " high "
            + QByteArray::number(masks.high, 16);
}

QByteArray mismatch(const char *path, const Sse::Detail::BlockMasks &got,
        const Sse::Detail::BlockMasks &bytewise, const QByteArray &block)
{
    return QByteArray(path) + ": " + describeMasks(got) + ", bytewise: " + describeMasks(bytewise)
            + " for " + quoted(block);
}

} // namespace

// The vector scans of a block (SSE2, and AVX2 where the CPU has it) set the bits that a byte
// at a time sets.
void tst_Parser::blockScan_everyPathGivesTheBytewiseMasks()
{
    QRandomGenerator random(20261206);
    for (int round = 0; round < 20000; ++round) {
        const QByteArray block = randomBlock(random);
        const Sse::Detail::BlockMasks expected = Sse::Detail::scanBytes(block.constData(), 64);
        const Sse::Detail::BlockMasks sse2 = Sse::Detail::Sse2Blocks::scan(block.constData());
        if (!sameMasks(sse2, expected))
            QFAIL(mismatch("SSE2", sse2, expected, block).constData());
#if SSEDASH_AVX2_DISPATCH
        if (!Sse::Detail::cpuHasAvx2())
            continue;
        const Sse::Detail::BlockMasks avx2 = Sse::Detail::Avx2Blocks::scan(block.constData());
        if (!sameMasks(avx2, expected))
            QFAIL(mismatch("AVX2", avx2, expected, block).constData());
#endif
    }
}

// tst_parser_sse2 runs this suite with QT_NO_CPU_FEATURE=avx2, so that the parser's SSE2 loop is
// tested on machines that have AVX2 too; this checks that the switch took.
void tst_Parser::blockScan_avx2OffWhenQtNoCpuFeatureSaysSo()
{
#if SSEDASH_AVX2_DISPATCH
    if (!qgetenv("QT_NO_CPU_FEATURE").split(' ').contains("avx2"))
        QSKIP("QT_NO_CPU_FEATURE does not name avx2");
    QVERIFY(!Sse::Detail::cpuHasAvx2());
#else
    QSKIP("this build has no AVX2 line scan");
#endif
}

namespace {

/// Records the raw lines of each dispatched event.
class RawRecorder final : public Sse::ParserHandler
{
public:
    void event(const Sse::ParsedEvent &event) override { raws.append(event.raw.toByteArray()); }

    QByteArrayList raws;
};

QByteArrayList rawOf(QByteArrayView input, qsizetype chunkSize)
{
    RawRecorder recorder;
    Sse::Parser parser(&recorder);
    parser.setKeepRaw(true);
    for (qsizetype i = 0; i < input.size(); i += chunkSize)
        parser.feed(input.sliced(i, std::min(chunkSize, input.size() - i)));
    return recorder.raws;
}

} // namespace

void tst_Parser::keepRaw_givesEachEventsWireLines()
{
    // Each line keeps its line end as sent, also when a chunk boundary splits a CR LF.
    const QByteArray input = ": hello\r\nid: 1\r\nevent: a\rdata: x\n\ndata\n\n: only a comment\n\n"
                             "data: y\r\n\n"_ba;
    const QByteArrayList expected{": hello\r\nid: 1\r\nevent: a\rdata: x\n\n"_ba, "data\n\n"_ba,
            "data: y\r\n\n"_ba}; // a blank line starts a new block
    for (const qsizetype chunk : {qsizetype(1), qsizetype(2), qsizetype(3), input.size()})
        QCOMPARE(rawOf(input, chunk), expected);
    QCOMPARE(rawOf("data: z\r\n\r\n"_ba, 64), QByteArrayList{"data: z\r\n\r\n"_ba});
    QCOMPARE(rawOf("data: z\r\r"_ba, 64), QByteArrayList{"data: z\r\r"_ba});

    // Off by default: nothing is kept.
    RawRecorder recorder;
    Sse::Parser parser(&recorder);
    QVERIFY(!parser.keepsRaw());
    parser.feed("data: x\n\n");
    QCOMPARE(recorder.raws, QByteArrayList{QByteArray()});
}

void tst_Parser::keepRaw_crLfSplitAfterTheBlankLine()
{
    // The CR of a blank line dispatches at once; the LF that the next chunk brings belongs to
    // neither event's lines, and is not given to the next event as a blank line of its own.
    RawRecorder recorder;
    Sse::Parser parser(&recorder);
    parser.setKeepRaw(true);
    parser.feed("data: x\r\n\r");
    QCOMPARE(recorder.raws, QByteArrayList{"data: x\r\n\r"_ba});
    parser.feed("\ndata: y\r");
    parser.feed("\n\n");
    QCOMPARE(recorder.raws, (QByteArrayList{"data: x\r\n\r"_ba, "data: y\r\n\n"_ba}));
}

void tst_Parser::keepRaw_isBounded()
{
    // A stream of comments never dispatches; what is kept stays under the limit.
    QByteArray input;
    const QByteArray line = ": " + QByteArray(1000, 'c') + '\n';
    while (input.size() < 3 * Sse::Parser::RawLimit)
        input += line;
    input += "data: end\n\n";
    const QByteArrayList raws = rawOf(input, 4096);
    QCOMPARE(raws.size(), 1);
    QVERIFY(raws.first().isEmpty());

    // All or nothing: an event whose data line is over the limit keeps none of its lines, not
    // "event: big" without its data; the next event keeps its lines again.
    const QByteArray big =
            "event: big\ndata: " + QByteArray(Sse::Parser::RawLimit, 'd') + "\n\ndata: small\n\n";
    const QByteArrayList afterBig = rawOf(big, 65536);
    QCOMPARE(afterBig.size(), 2);
    QVERIFY2(afterBig.first().isEmpty(), afterBig.first().left(40).constData());
    QCOMPARE(afterBig.last(), QByteArray("data: small\n\n"));
}

namespace {

/// Records, for each dispatched event, its last event ID and whether its own lines set it.
class IdFieldRecorder final : public Sse::ParserHandler
{
public:
    void event(const Sse::ParsedEvent &event) override
    {
        ids.append(event.lastEventId.toByteArray() + (event.hasIdField ? " set" : " carried"));
    }

    QByteArrayList ids;
};

} // namespace

void tst_Parser::hasIdField_onlyWhenTheEventSetItsId_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArrayList>("expected");
    QTest::addRow("set, then carried")
            << "id: 5\ndata: a\n\ndata: b\n\n"_ba << QByteArrayList{"5 set"_ba, "5 carried"_ba};
    QTest::addRow("the same id set twice")
            << "id: 5\ndata: a\n\nid: 5\ndata: b\n\n"_ba << QByteArrayList{"5 set"_ba, "5 set"_ba};
    QTest::addRow("reset to empty")
            << "id: 5\ndata: a\n\nid\ndata: b\n\n"_ba << QByteArrayList{"5 set"_ba, " set"_ba};
    QTest::addRow("never set") << "data: a\n\n"_ba << QByteArrayList{" carried"_ba};
    // An id with NUL is ignored, as the standard says: the event did not set one.
    QTest::addRow("id with NUL") << "id: 5\ndata: a\n\nid: x\0y\ndata: b\n\n"_ba
                                 << QByteArrayList{"5 set"_ba, "5 carried"_ba};
    // The id of a dispatch without data does not make the next event's own.
    QTest::addRow("id on an event without data")
            << "id: 7\n\ndata: a\n\n"_ba << QByteArrayList{"7 carried"_ba};
}

void tst_Parser::hasIdField_onlyWhenTheEventSetItsId()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, expected);
    for (const qsizetype chunk : {qsizetype(1), qsizetype(3), input.size()}) {
        IdFieldRecorder recorder;
        Sse::Parser parser(&recorder);
        for (qsizetype i = 0; i < input.size(); i += chunk)
            parser.feed(QByteArrayView(input).sliced(i, std::min(chunk, input.size() - i)));
        QCOMPARE(recorder.ids, expected);
    }
}

QTEST_GUILESS_MAIN(tst_Parser)
#include "tst_parser.moc"
