// SPDX-License-Identifier: MIT
// Tests of the capture proxy's FaultStage (and its BlockFramer): framing, pass-through, rules.

#include "sselib/capture/blockframer_p.h"
#include "sselib/capture/faultstage_p.h"
#include "sselib/parser.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Sse::CaptureRule;
using Sse::CaptureDetail::BlockFramer;
using Sse::CaptureDetail::FaultStage;

namespace {

CaptureRule parsed(const QString &text)
{
    const Sse::CaptureRuleResult result = Sse::parseCaptureRule(text);
    if (!result.ok)
        qFatal("bad rule in a test: %s", qPrintable(result.error));
    return result.rule;
}

QList<CaptureRule> rules(const QStringList &texts)
{
    QList<CaptureRule> list;
    for (const QString &text : texts)
        list.append(parsed(text));
    return list;
}

// The stream's line ends turned from LF into `lineEnd`.
QByteArray withLineEnds(QByteArray stream, const QByteArray &lineEnd)
{
    return stream.replace('\n', lineEnd);
}

// Everything a stage emits, with when each piece came (ms after the recorder was made).
struct Recorder
{
    explicit Recorder(FaultStage &stage)
    {
        clock.start();
        QObject::connect(&stage, &FaultStage::bytesReady, [this](const QByteArray &b) {
            bytes += b;
            chunks.append(b);
            times.append(clock.elapsed());
        });
        QObject::connect(&stage, &FaultStage::faultApplied,
                [this](const CaptureRule &rule, const QString &what) {
                    faults.append(what);
                    faultRules.append(rule);
                    faultBytes.append(bytes.size());
                });
        QObject::connect(&stage, &FaultStage::cutRequested, [this](const CaptureRule &rule) {
            cuts.append(rule);
            cutAt = bytes.size();
        });
        QObject::connect(&stage, &FaultStage::finished, [this] {
            ++finishes;
            finishedMs = clock.elapsed();
        });
    }

    QElapsedTimer clock;
    QByteArray bytes;
    QList<QByteArray> chunks;
    QList<qint64> times;
    QStringList faults;
    QList<CaptureRule> faultRules;
    QList<qsizetype> faultBytes; // bytes emitted before each faultApplied()
    QList<CaptureRule> cuts;
    qsizetype cutAt = -1;
    int finishes = 0;
    qint64 finishedMs = -1;
};

// What a client's parser makes of bytes: "type:data" per event, ":text" per comment.
class Client final : public Sse::ParserHandler
{
public:
    static QStringList read(const QByteArray &bytes)
    {
        Client client;
        Sse::Parser parser(&client);
        parser.feed(bytes);
        return client.m_seen;
    }

    void event(const Sse::ParsedEvent &event) override
    {
        m_seen.append(QString::fromUtf8(event.type) + u':' + QString::fromUtf8(event.data));
    }

    void comment(QByteArrayView text) override { m_seen.append(u':' + QString::fromUtf8(text)); }

private:
    QStringList m_seen;
};

// A stream with every kind of block: events named and not, multi-line and UTF-8 data, a
// comment, a block with only an id, a retry field, an empty event and blank lines alone.
const QByteArray Mixed = "data: one\n\n"
                         "event: ping\ndata: p1\n\n"
                         ": a comment\n\n"
                         "id: 7\n\n"
                         "event: update\ndata: two\ndata: lines\n\n"
                         "\n"
                         "retry: 100\n\n"
                         "event: ping\ndata: p2\n\n"
                         "data: caf\xC3\xA9 \xE2\x98\x95\n\n"
                         "data\n\n"
                         "event: ping\ndata: p3\n\n";

const QStringList MixedWithoutPings = {u"message:one"_s, u":a comment"_s, u"update:two\nlines"_s,
        u"message:café ☕"_s, u"message:"_s};

} // namespace

class tst_FaultStage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framerMatchesWholeStream();
    void framerSkipAgreesWithReading();
    void passesThroughInTheSameCall();
    void passesThroughWhenNoRuleApplies();
    void finishWithoutRules();
    void framingAcrossPushes_data();
    void framingAcrossPushes();
    void byteByByte_data();
    void byteByByte();
    void splitUtf8IsKept();
    void delayHoldsEachEvent();
    void delayKeepsOrderAndReportsOnce();
    void cutAfterEvent();
    void cutBehindDelay();
    void cutMidEvent();
    void stallAfterEvents();
    void stallAtStart();
    void dropLeavesOutType();
    void dropMessageLeavesOutUnnamed();
    void injectAtStart();
    void injectAfterEvents();
    void injectLines();
    void retryField();
    void oneOffsApplyOnce();
    void rulesForOtherTargetsDoNotApply();
    void rulesOnMidEvent();
    void rulesOffMidEvent();
    void setRulesKeepsCounts();
    void finishEmitsHeldBytes();
    void finishWithPartialBlock();
    void heldBytesCountsWhatIsHeld();
    void overLargeBlockPassesThrough();
    void deletedInSlot();
};

void tst_FaultStage::framerMatchesWholeStream()
{
    // Random streams of a few characters, cut into random pieces: every block end found is
    // one of the stream's blank lines, each found once, whatever the cuts.
    QRandomGenerator random(12);
    const char alphabet[] = {'a', ':', '\r', '\n', '\n'};
    for (int round = 0; round < 2000; ++round) {
        QByteArray stream;
        const int size = int(random.bounded(1, 40));
        for (int i = 0; i < size; ++i)
            stream += alphabet[random.bounded(int(sizeof alphabet))];
        // The blank lines: a line end right at the start of a line. A block ends just after its
        // first byte (a CR's LF joins the block when it is at hand).
        QList<qsizetype> expected;
        qsizetype lineStart = 0;
        for (qsizetype i = 0; i < stream.size(); ++i) {
            if (stream.at(i) != '\r' && stream.at(i) != '\n')
                continue;
            if (i == lineStart)
                expected.append(i + 1);
            if (stream.at(i) == '\r' && i + 1 < stream.size() && stream.at(i + 1) == '\n')
                ++i;
            lineStart = i + 1;
        }
        BlockFramer framer;
        QList<qsizetype> found;
        qsizetype offset = 0;
        while (offset < stream.size()) {
            const qsizetype piece = random.bounded(1, int(stream.size() - offset) + 1);
            const QByteArray bytes = stream.mid(offset, piece);
            for (qsizetype from = 0; from < bytes.size();) {
                const qsizetype end = framer.findBlockEnd(bytes, from);
                if (end < 0)
                    break;
                // Where the blank line began: a joined LF is not its first byte.
                const bool joined =
                        end - 2 >= from && bytes.at(end - 1) == '\n' && bytes.at(end - 2) == '\r';
                found.append(offset + end - (joined ? 1 : 0));
                from = end;
            }
            offset += piece;
        }
        QVERIFY2(found == expected, stream.toPercentEncoding().constData());
    }
}

void tst_FaultStage::framerSkipAgreesWithReading()
{
    // skip() looks at the last bytes only; it must leave the state that reading leaves.
    QRandomGenerator random(34);
    const char alphabet[] = {'a', '\r', '\n', '\n', '\r'};
    for (int round = 0; round < 3000; ++round) {
        BlockFramer read;
        BlockFramer mixed;
        QByteArray stream;
        for (int piece = 0; piece < 8; ++piece) {
            QByteArray bytes;
            const int size = int(random.bounded(1, 5));
            for (int i = 0; i < size; ++i)
                bytes += alphabet[random.bounded(int(sizeof alphabet))];
            stream += bytes;
            for (qsizetype from = 0; from >= 0 && from < bytes.size();)
                from = read.findBlockEnd(bytes, from);
            if (random.bounded(2) == 0) {
                mixed.skip(bytes);
            } else {
                for (qsizetype from = 0; from >= 0 && from < bytes.size();)
                    from = mixed.findBlockEnd(bytes, from);
            }
            const QByteArray why = stream.toPercentEncoding();
            QVERIFY2(read.atBoundary() == mixed.atBoundary(), why.constData());
            QVERIFY2(read.pendsLf('\n') == mixed.pendsLf('\n'), why.constData());
        }
    }
}

void tst_FaultStage::passesThroughInTheSameCall()
{
    FaultStage stage("/events");
    Recorder out(stage);
    const QByteArray chunk = "data: a\n\ndata: b";
    stage.push(chunk);
    QCOMPARE(out.chunks.size(), 1);
    QCOMPARE(out.chunks.at(0), chunk);
    // The very bytes pushed: not a copy.
    QCOMPARE(out.chunks.at(0).constData(), chunk.constData());
    QCOMPARE(stage.heldBytes(), 0);
    stage.push("\n\n"_ba);
    QCOMPARE(out.bytes, "data: a\n\ndata: b\n\n"_ba);
}

void tst_FaultStage::passesThroughWhenNoRuleApplies()
{
    FaultStage stage("/events?x=1");
    stage.setRules(rules(
            {u"status=503"_s, u"gzip"_s, u"delay=500,match=/other"_s, u"cut=1,match=/events"_s}));
    Recorder out(stage);
    const QByteArray chunk = "data: a\n\n";
    stage.push(chunk);
    QCOMPARE(out.chunks.size(), 1);
    QCOMPARE(out.chunks.at(0).constData(), chunk.constData());
    QVERIFY(out.cuts.isEmpty());
}

void tst_FaultStage::finishWithoutRules()
{
    FaultStage stage("/");
    Recorder out(stage);
    stage.push("data: partial"_ba);
    stage.finish();
    QCOMPARE(out.finishes, 1);
    QCOMPARE(out.bytes, "data: partial"_ba);
    stage.finish();
    QCOMPARE(out.finishes, 1);
}

void tst_FaultStage::framingAcrossPushes_data()
{
    QTest::addColumn<QByteArray>("lineEnd");
    QTest::newRow("LF") << "\n"_ba;
    QTest::newRow("CR") << "\r"_ba;
    QTest::newRow("CRLF") << "\r\n"_ba;
}

void tst_FaultStage::framingAcrossPushes()
{
    // Cut in two at every byte, then in three at many pairs of places: drop=ping leaves out
    // exactly the pings, and with delay=0 (held, changed in nothing) the bytes are the stream's.
    QFETCH(QByteArray, lineEnd);
    const QByteArray stream = withLineEnds(Mixed, lineEnd);
    QList<QList<qsizetype>> cuts;
    for (qsizetype i = 0; i <= stream.size(); ++i)
        cuts.append(QList<qsizetype>{i});
    for (qsizetype i = 1; i < stream.size(); i += 3) {
        for (qsizetype j = i + 1; j < stream.size(); j += 5)
            cuts.append(QList<qsizetype>{i, j});
    }
    for (const QList<qsizetype> &at : std::as_const(cuts)) {
        const QByteArray why = lineEnd.toPercentEncoding() + " cut at "
                + QByteArray::number(at.front()) + " " + QByteArray::number(at.back());
        for (const QString &rule : {u"drop=ping"_s, u"delay=0"_s}) {
            FaultStage stage("/");
            stage.setRules(rules({rule}));
            Recorder out(stage);
            qsizetype from = 0;
            for (const qsizetype cut : at) {
                stage.push(stream.mid(from, cut - from));
                from = cut;
            }
            stage.push(stream.mid(from));
            stage.finish();
            QVERIFY2(out.finishes == 1, why.constData());
            if (rule == "delay=0"_L1) {
                QVERIFY2(out.bytes == stream, why.constData());
                continue;
            }
            QVERIFY2(Client::read(out.bytes) == MixedWithoutPings, why.constData());
            QVERIFY2(out.faults.size() == 3, why.constData());
        }
    }
}

void tst_FaultStage::byteByByte_data()
{
    framingAcrossPushes_data();
}

void tst_FaultStage::byteByByte()
{
    QFETCH(QByteArray, lineEnd);
    const QByteArray stream = withLineEnds(Mixed, lineEnd);
    FaultStage stage("/");
    stage.setRules(rules({u"drop=ping"_s}));
    Recorder out(stage);
    for (const char c : stream)
        stage.push(QByteArray(1, c));
    stage.finish();
    QCOMPARE(Client::read(out.bytes), MixedWithoutPings);
    QCOMPARE(out.finishes, 1);
    QCOMPARE(stage.heldBytes(), 0);
}

void tst_FaultStage::splitUtf8IsKept()
{
    const QByteArray stream = "data: \xE2\x82\xAC\xF0\x9F\x98\x80\n\n";
    for (qsizetype cut = 7; cut < 13; ++cut) {
        FaultStage stage("/");
        stage.setRules(rules({u"drop=other"_s}));
        Recorder out(stage);
        stage.push(stream.first(cut));
        QVERIFY(out.bytes.isEmpty()); // held to the end of its block
        QCOMPARE(stage.heldBytes(), cut);
        stage.push(stream.sliced(cut));
        QCOMPARE(out.bytes, stream);
        QCOMPARE(Client::read(out.bytes), QStringList{u"message:€😀"_s});
    }
}

void tst_FaultStage::delayHoldsEachEvent()
{
    FaultStage stage("/");
    stage.setRules(rules({u"delay=150"_s}));
    Recorder out(stage);
    stage.push("data: 1\n\n"_ba);
    QVERIFY(out.bytes.isEmpty());
    QCOMPARE(stage.heldBytes(), 9);
    QTRY_COMPARE(out.bytes, "data: 1\n\n"_ba);
    QVERIFY2(out.times.at(0) >= 150, QByteArray::number(out.times.at(0)).constData());
    QCOMPARE(stage.heldBytes(), 0);
    // The next one is held as long again from when it came.
    QElapsedTimer second;
    second.start();
    stage.push("data: 2\n\n"_ba);
    QTRY_COMPARE(out.chunks.size(), 2);
    QVERIFY(second.elapsed() >= 150);
    QCOMPARE(out.bytes, "data: 1\n\ndata: 2\n\n"_ba);
}

void tst_FaultStage::delayKeepsOrderAndReportsOnce()
{
    FaultStage stage("/");
    stage.setRules(rules({u"delay=100"_s}));
    Recorder out(stage);
    // A comment after an event waits behind it; the comment before passes at once.
    stage.push(": first\n\ndata: 1\n\n: behind\n\ndata: 2\n\n"_ba);
    QCOMPARE(out.bytes, ": first\n\n"_ba);
    QTRY_COMPARE(out.bytes, ": first\n\ndata: 1\n\n: behind\n\ndata: 2\n\n"_ba);
    QVERIFY(out.times.last() >= 100);
    QCOMPARE(out.faults, QStringList{u"Holding each event 100 ms (delay=100)."_s});
    stage.push("data: 3\n\n"_ba);
    QTRY_COMPARE(out.chunks.size(), 5);
    QCOMPARE(out.faults.size(), 1);
}

void tst_FaultStage::cutAfterEvent()
{
    FaultStage stage("/");
    stage.setRules(rules({u"cut=2"_s}));
    Recorder out(stage);
    stage.push("data: 1\n\n: c\n\ndata: 2\n\ndata: 3\n\n"_ba);
    QCOMPARE(out.bytes, "data: 1\n\n: c\n\ndata: 2\n\n"_ba);
    QCOMPARE(out.cuts.size(), 1);
    QCOMPARE(out.cuts.at(0), parsed(u"cut=2"_s));
    QCOMPARE(out.cutAt, out.bytes.size());
    QCOMPARE(out.faults, QStringList{u"Closed the connection after event 2 (cut=2)."_s});
    QCOMPARE(stage.heldBytes(), 0);
    // Nothing after the cut, not even finished().
    stage.push("data: 4\n\n"_ba);
    stage.finish();
    QTest::qWait(20);
    QCOMPARE(out.bytes, "data: 1\n\n: c\n\ndata: 2\n\n"_ba);
    QCOMPARE(out.cuts.size(), 1);
    QCOMPARE(out.finishes, 0);
}

void tst_FaultStage::cutBehindDelay()
{
    // A cut behind a held event comes after it; what comes meanwhile is not taken in.
    FaultStage stage("/");
    stage.setRules(rules({u"delay=100"_s, u"cut=1"_s}));
    Recorder out(stage);
    stage.push("data: 1\n\n"_ba);
    stage.push("data: 2\n\n"_ba);
    QCOMPARE(stage.heldBytes(), 9);
    stage.finish();
    QTRY_COMPARE(out.cuts.size(), 1);
    QCOMPARE(out.bytes, "data: 1\n\n"_ba);
    QVERIFY(out.times.at(0) >= 100);
    QCOMPARE(out.faults.last(), u"Closed the connection after event 1 (cut=1)."_s);
    QCOMPARE(out.finishes, 0);
}

void tst_FaultStage::cutMidEvent()
{
    FaultStage stage("/");
    stage.setRules(rules({u"cut-mid=2"_s}));
    Recorder out(stage);
    const QByteArray second = "event: big\ndata: 0123456789\n\n";
    stage.push("data: 1\n\n"_ba);
    stage.push(second.first(5));
    QCOMPARE(out.bytes, "data: 1\n\n"_ba);
    stage.push(second.sliced(5) + "data: 3\n\n");
    QCOMPARE(out.bytes, "data: 1\n\n" + second.first(second.size() / 2));
    QCOMPARE(out.cuts.size(), 1);
    QCOMPARE(out.faults,
            QStringList{u"Closed the connection in the middle of event 2, after 14 of its 29 "
                        "bytes (cut-mid=2)."_s});
}

void tst_FaultStage::stallAfterEvents()
{
    FaultStage stage("/");
    stage.setRules(rules({u"stall=200,after=1"_s}));
    Recorder out(stage);
    stage.push("data: 1\n\n"_ba);
    QCOMPARE(out.bytes, "data: 1\n\n"_ba);
    QCOMPARE(out.faults, QStringList{u"Sent nothing for 200 ms (stall=200,after=1)."_s});
    stage.push("data: 2\n\n: c\n\n"_ba);
    QCOMPARE(out.bytes, "data: 1\n\n"_ba);
    QCOMPARE(stage.heldBytes(), 14);
    QTRY_COMPARE(out.bytes, "data: 1\n\ndata: 2\n\n: c\n\n"_ba);
    QVERIFY(out.times.last() >= 200);
    // Once per stream.
    stage.push("data: 3\n\n"_ba);
    QCOMPARE(out.bytes, "data: 1\n\ndata: 2\n\n: c\n\ndata: 3\n\n"_ba);
    QCOMPARE(out.faults.size(), 1);
}

void tst_FaultStage::stallAtStart()
{
    FaultStage stage("/");
    stage.setRules(rules({u"stall=150"_s}));
    Recorder out(stage);
    QTRY_COMPARE(out.faults.size(), 1);
    stage.push("data: 1\n\n"_ba);
    QVERIFY(out.bytes.isEmpty());
    // The end waits for the stall too.
    stage.finish();
    QCOMPARE(out.finishes, 0);
    QTRY_COMPARE(out.finishes, 1);
    QCOMPARE(out.bytes, "data: 1\n\n"_ba);
    QVERIFY(out.times.at(0) >= 150);
}

void tst_FaultStage::dropLeavesOutType()
{
    FaultStage stage("/");
    stage.setRules(rules({u"drop=ping"_s}));
    Recorder out(stage);
    stage.push("event: ping\n: in the ping\ndata: x\n\n: alone\n\nevent: ping\n\ndata: 1\n\n"_ba);
    // An event field without data dispatches nothing: that block is no event and passes.
    QCOMPARE(out.bytes, ": alone\n\nevent: ping\n\ndata: 1\n\n"_ba);
    QCOMPARE(out.faults, QStringList{u"Left out an event of type ping (drop=ping)."_s});
    stage.push("event: ping\ndata: y\n\n"_ba);
    QCOMPARE(out.faults.size(), 2);
    QCOMPARE(out.faultRules.at(1), parsed(u"drop=ping"_s));
}

void tst_FaultStage::dropMessageLeavesOutUnnamed()
{
    FaultStage stage("/");
    stage.setRules(rules({u"drop=message"_s}));
    Recorder out(stage);
    stage.push("data: 1\n\nevent: message\ndata: 2\n\nevent: other\ndata: 3\n\nretry: 5\n\n"_ba);
    QCOMPARE(out.bytes, "event: other\ndata: 3\n\nretry: 5\n\n"_ba);
    QCOMPARE(out.faults.size(), 2);
}

void tst_FaultStage::injectAtStart()
{
    FaultStage stage("/");
    stage.setRules(rules({u"inject=hello,type=greet"_s}));
    Recorder out(stage);
    // At once: without any upstream byte.
    QTRY_COMPARE(out.bytes, "event: greet\ndata: hello\n\n"_ba);
    QCOMPARE(out.faults, QStringList{u"Sent an injected event (inject=hello,type=greet)."_s});
    stage.push("data: 1\n\n"_ba);
    QCOMPARE(out.bytes, "event: greet\ndata: hello\n\ndata: 1\n\n"_ba);
    QCOMPARE(out.faults.size(), 1);

    // And before the first upstream byte when that comes first.
    FaultStage early("/");
    early.setRules(rules({u"inject=x"_s}));
    Recorder earlyOut(early);
    early.push("data: 1\n\n"_ba);
    QCOMPARE(earlyOut.bytes, "data: x\n\ndata: 1\n\n"_ba);
    QTest::qWait(10);
    QCOMPARE(earlyOut.bytes, "data: x\n\ndata: 1\n\n"_ba);
}

void tst_FaultStage::injectAfterEvents()
{
    FaultStage stage("/");
    stage.setRules(rules({u"inject={\"n\":1},after=2,type=note"_s}));
    Recorder out(stage);
    stage.push("data: 1\n\n: c\n\ndata: 2\n"_ba);
    QCOMPARE(out.bytes, "data: 1\n\n: c\n\n"_ba);
    stage.push("\ndata: 3\n\n"_ba);
    QCOMPARE(out.bytes,
            "data: 1\n\n: c\n\ndata: 2\n\nevent: note\ndata: {\"n\":1}\n\ndata: 3\n\n"_ba);
    QCOMPARE(Client::read(out.bytes),
            (QStringList{
                    u"message:1"_s, u":c"_s, u"message:2"_s, u"note:{\"n\":1}"_s, u"message:3"_s}));
}

void tst_FaultStage::injectLines()
{
    FaultStage stage("/");
    stage.setRules(rules({u"inject=a%0Ab%0D%0Ac%0D%0A%0Dd%20"_s}));
    Recorder out(stage);
    QTRY_COMPARE(out.bytes, "data: a\ndata: b\ndata: c\ndata:\ndata: d \n\n"_ba);
    QCOMPARE(Client::read(out.bytes), QStringList{u"message:a\nb\nc\n\nd "_s});

    FaultStage empty("/");
    empty.setRules(rules({u"inject="_s}));
    Recorder emptyOut(empty);
    QTRY_COMPARE(emptyOut.bytes, "data:\n\n"_ba);
    QCOMPARE(Client::read(emptyOut.bytes), QStringList{u"message:"_s});
}

void tst_FaultStage::retryField()
{
    FaultStage stage("/");
    stage.setRules(rules({u"retry=2500,after=1"_s}));
    Recorder out(stage);
    stage.push("data: 1\n\ndata: 2\n\n"_ba);
    QCOMPARE(out.bytes, "data: 1\n\nretry: 2500\n\ndata: 2\n\n"_ba);
    QCOMPARE(out.faults, QStringList{u"Sent \"retry: 2500\" (retry=2500,after=1)."_s});
}

void tst_FaultStage::oneOffsApplyOnce()
{
    FaultStage stage("/");
    stage.setRules(rules({u"inject=i,after=1"_s, u"retry=9,after=1"_s}));
    Recorder out(stage);
    for (int i = 0; i < 5; ++i)
        stage.push("data: e\n\n"_ba);
    QCOMPARE(out.bytes.count("data: i\n\n"), 1);
    QCOMPARE(out.bytes.count("retry: 9\n\n"), 1);
    // In the rules' order, right after the first event.
    QVERIFY(out.bytes.startsWith("data: e\n\ndata: i\n\nretry: 9\n\ndata: e\n\n"));
    QCOMPARE(out.faults.size(), 2);
    // Once they applied, the stream is passed through again, in the same call, uncopied.
    const QByteArray chunk = "data: late\n\n";
    stage.push(chunk);
    QCOMPARE(out.chunks.last().constData(), chunk.constData());
}

void tst_FaultStage::rulesForOtherTargetsDoNotApply()
{
    FaultStage stage("/api/chat?model=x");
    stage.setRules(rules({u"drop=message,match=/api/other*"_s, u"drop=ping,match=/api/*"_s}));
    Recorder out(stage);
    stage.push("data: 1\n\nevent: ping\ndata: 2\n\n"_ba);
    QCOMPARE(out.bytes, "data: 1\n\n"_ba);
}

void tst_FaultStage::rulesOnMidEvent()
{
    FaultStage stage("/");
    Recorder out(stage);
    stage.push("data: first"_ba);
    stage.setRules(rules({u"drop=message"_s, u"inject=x"_s}));
    // The event under way is not the rules' business: it passes as it comes.
    stage.push(" part"_ba);
    QCOMPARE(out.bytes, "data: first part"_ba);
    stage.push("\n\ndata: second\n\n"_ba);
    QCOMPARE(out.bytes, "data: first part\n\ndata: x\n\n"_ba);
    QCOMPARE(Client::read(out.bytes), (QStringList{u"message:first part"_s, u"message:x"_s}));
    QTest::qWait(10);
    QCOMPARE(out.bytes.count("data: x"), 1);
}

void tst_FaultStage::rulesOffMidEvent()
{
    FaultStage stage("/");
    stage.setRules(rules({u"drop=message"_s}));
    Recorder out(stage);
    stage.push("data: 1\n\ndata: held"_ba);
    QCOMPARE(stage.heldBytes(), 10);
    // The block under way ends under the rules it began with; the next one is free.
    stage.setRules({});
    stage.push("\n\ndata: 2\n\n"_ba);
    QCOMPARE(out.bytes, "data: 2\n\n"_ba);
    const QByteArray chunk = "data: 3\n\n";
    stage.push(chunk);
    QCOMPARE(out.chunks.last().constData(), chunk.constData());
}

void tst_FaultStage::setRulesKeepsCounts()
{
    FaultStage stage("/");
    const CaptureRule cut = parsed(u"cut=3"_s);
    stage.setRules({cut});
    Recorder out(stage);
    stage.push("data: 1\n\ndata: 2\n\n"_ba);
    // The same rule again, with another: its count goes on.
    stage.setRules({parsed(u"drop=ping"_s), cut});
    stage.push("event: ping\ndata: p\n\ndata: 4\n\n"_ba);
    QCOMPARE(out.bytes, "data: 1\n\ndata: 2\n\n"_ba);
    QCOMPARE(out.cuts.size(), 1);
    // A rule that is new counts from when it came.
    FaultStage other("/");
    other.setRules({cut});
    Recorder otherOut(other);
    other.push("data: 1\n\ndata: 2\n\n"_ba);
    other.setRules({parsed(u"cut=2"_s)});
    other.push("data: 3\n\ndata: 4\n\ndata: 5\n\n"_ba);
    QCOMPARE(otherOut.bytes, "data: 1\n\ndata: 2\n\ndata: 3\n\ndata: 4\n\n"_ba);
}

void tst_FaultStage::finishEmitsHeldBytes()
{
    FaultStage stage("/");
    stage.setRules(rules({u"delay=120"_s}));
    Recorder out(stage);
    stage.push("data: 1\n\n: c\n\ndata: 2\n\n"_ba);
    stage.finish();
    QCOMPARE(out.finishes, 0);
    QTRY_COMPARE(out.finishes, 1);
    QCOMPARE(out.bytes, "data: 1\n\n: c\n\ndata: 2\n\n"_ba);
    QVERIFY(out.finishedMs >= 120);
    QCOMPARE(stage.heldBytes(), 0);
}

void tst_FaultStage::finishWithPartialBlock()
{
    FaultStage stage("/");
    stage.setRules(rules({u"drop=message"_s}));
    Recorder out(stage);
    stage.push("data: 1\n\ndata: no blank line"_ba);
    QCOMPARE(stage.heldBytes(), 19);
    stage.finish();
    // It dispatches nothing, but its bytes are the upstream's: they go on.
    QCOMPARE(out.bytes, "data: no blank line"_ba);
    QCOMPARE(out.finishes, 1);
    QCOMPARE(stage.heldBytes(), 0);
}

void tst_FaultStage::heldBytesCountsWhatIsHeld()
{
    FaultStage stage("/");
    stage.setRules(rules({u"delay=60"_s, u"inject=abc"_s}));
    Recorder out(stage);
    stage.push("data: 1\n\ndata: 2"_ba);
    // The injected event is not the upstream's, so not held bytes.
    QCOMPARE(stage.heldBytes(), 16);
    QTRY_COMPARE(out.bytes, "data: abc\n\ndata: 1\n\n"_ba);
    QCOMPARE(stage.heldBytes(), 7);
}

void tst_FaultStage::overLargeBlockPassesThrough()
{
    FaultStage stage("/");
    stage.setRules(rules({u"drop=message"_s}));
    Recorder out(stage);
    const QByteArray piece(1024 * 1024, 'x');
    stage.push("data: "_ba);
    qsizetype maxHeld = 0;
    for (int i = 0; i < 40; ++i) {
        stage.push(piece);
        maxHeld = std::max(maxHeld, stage.heldBytes());
    }
    QVERIFY(maxHeld <= 32 * 1024 * 1024 + piece.size());
    QVERIFY(out.bytes.size() >= 8 * 1024 * 1024);
    stage.push("\n\ndata: small\n\n: c\n\n"_ba);
    // Too large to hold, so not dropped; the next event is.
    QCOMPARE(out.bytes.size(), 6 + 40 * piece.size() + 2 + 5);
    QVERIFY(out.bytes.endsWith("xx\n\n: c\n\n"));
    QCOMPARE(out.faults.size(), 1);
    QCOMPARE(stage.heldBytes(), 0);
}

void tst_FaultStage::deletedInSlot()
{
    auto *stage = new FaultStage("/");
    stage->setRules(rules({u"delay=0"_s}));
    int pieces = 0;
    connect(stage, &FaultStage::bytesReady, this, [&pieces, stage] {
        ++pieces;
        delete stage;
    });
    stage->push("data: 1\n\ndata: 2\n\n"_ba);
    QCOMPARE(pieces, 1);
}

QTEST_GUILESS_MAIN(tst_FaultStage)
#include "tst_faultstage.moc"
