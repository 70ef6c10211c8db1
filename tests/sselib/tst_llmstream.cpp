// SPDX-License-Identifier: MIT
// Tests for Sse::LlmStream: OpenAI and Anthropic token streams as their APIs send them.

#include "sselib/llmstream.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

Sse::Event sseEvent(
        const QByteArray &type, const QByteArray &data, qint64 receivedMs, int connection = 1)
{
    Sse::Event e;
    e.type = type;
    e.data = data;
    e.receivedMs = receivedMs;
    e.connection = connection;
    return e;
}

// An OpenAI chat.completion.chunk; `delta` is the JSON of the delta object.
QByteArray chatChunk(const QByteArray &delta, const QByteArray &finishReason = "null")
{
    return R"({"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,)"
           R"("model":"gpt-4o-mini","choices":[{"index":0,"delta":)"
            + delta + R"(,"logprobs":null,"finish_reason":)" + finishReason + "}]}";
}

QByteArray anthropicDelta(const QByteArray &text)
{
    return R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":")" + text
            + "\"}}";
}

} // namespace

class tst_LlmStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void add_data();
    void add();
    void start_resetsPreviousMessage();
};

void tst_LlmStream::add_data()
{
    QTest::addColumn<QList<Sse::Event>>("events");
    QTest::addColumn<qint64>("requestMs"); // -1: start() not called
    QTest::addColumn<QList<bool>>("accepted");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("style");
    QTest::addColumn<bool>("done");
    QTest::addColumn<int>("tokens");
    QTest::addColumn<qint64>("ttftMs"); // -1: none
    QTest::addColumn<double>("tokensPerSecond");
    QTest::addColumn<QString>("finishReason");
    QTest::addColumn<QString>("error");

    const int unknown = int(Sse::LlmStream::Style::Unknown);
    const int openAi = int(Sse::LlmStream::Style::OpenAi);
    const int anthropic = int(Sse::LlmStream::Style::Anthropic);

    QTest::addRow("openai chat")
            << QList<Sse::Event>{
                       sseEvent("message", chatChunk(R"({"role":"assistant","content":""})"), 1200),
                       sseEvent("message", chatChunk(R"({"content":"Hel"})"), 1250),
                       sseEvent("message", chatChunk(R"({"content":"lo"})"), 1300),
                       sseEvent("message", chatChunk(R"({"content":""})"), 1350),
                       sseEvent("message", chatChunk(R"({"content":", w\u00f6rld \ud83c\udf0d"})"),
                               1450),
                       sseEvent("message", chatChunk("{}", R"("stop")"), 1460),
                       sseEvent("message", "[DONE]", 1470),
               }
            << qint64(1000) << QList<bool>{true, true, true, true, true, true, true}
            << u"Hello, wörld 🌍"_s << openAi << true << 3 << qint64(250) << 10.0 << u"stop"_s
            << QString();

    QTest::addRow("openai role chunk with null content")
            << QList<Sse::Event>{
                       sseEvent("message", chatChunk(R"({"role":"assistant","content":null})"), 10),
                       sseEvent("message", chatChunk(R"({"content":"日本語"})"), 30),
               }
            << qint64(0) << QList<bool>{true, true} << u"日本語"_s << openAi << false << 1
            << qint64(30) << 0.0 << QString() << QString();

    QTest::addRow("openai completions")
            << QList<Sse::Event>{
                       sseEvent("message", R"({"object":"text_completion","choices":[{"text":"Once","index":0,"finish_reason":null}]})", 500),
                       sseEvent("message", R"({"object":"text_completion","choices":[{"text":" upon","index":0,"finish_reason":null}]})", 700),
                       sseEvent("message", R"({"object":"text_completion","choices":[{"text":" a","index":0,"finish_reason":"length"}]})", 900),
                       sseEvent("message", "[DONE]", 901),
               }
            << qint64(-1) << QList<bool>{true, true, true, true} << u"Once upon a"_s << openAi
            << true << 3 << qint64(-1) << 5.0 << u"length"_s << QString();

    QTest::addRow("openai with noise")
            << QList<Sse::Event>{
                       sseEvent("message", "hello, not json", 100),
                       sseEvent("status", R"({"progress":0.5})", 110),
                       sseEvent("message", "[1,2,3]", 120),
                       sseEvent("ping", "", 130),
                       sseEvent("message", R"({"type":"ping"})", 135),
                       sseEvent("message", R"({"result":"ok","error":null})", 138),
                       sseEvent("message", chatChunk(R"({"content":"A"})"), 140),
                       sseEvent("message", "not json either", 150),
                       sseEvent("message", chatChunk(R"({"content":"B"})"), 240),
               }
            << qint64(100)
            << QList<bool>{false, false, false, false, false, false, true, false, true}
            << u"AB"_s << openAi << false << 2 << qint64(40) << 10.0 << QString() << QString();

    QTest::addRow("openai error object")
            << QList<Sse::Event>{
                       sseEvent("message", chatChunk(R"({"content":"Par"})"), 100),
                       sseEvent("message", R"({"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}})", 200),
               }
            << qint64(50) << QList<bool>{true, true} << u"Par"_s << openAi << false << 1
            << qint64(50) << 0.0 << QString() << u"Rate limit reached"_s;

    QTest::addRow("openai events after [DONE] are ignored")
            << QList<Sse::Event>{
                       sseEvent("message", chatChunk(R"({"content":"x"})"), 100),
                       sseEvent("message", "[DONE]", 110),
                       sseEvent("message", chatChunk(R"({"content":"y"})"), 120),
               }
            << qint64(-1) << QList<bool>{true, true, false} << u"x"_s << openAi << true << 1
            << qint64(-1) << 0.0 << QString() << QString();

    QTest::addRow("new connection after [DONE] starts a new message")
            << QList<Sse::Event>{
                       sseEvent("message", chatChunk(R"({"content":"first"})"), 100, 1),
                       sseEvent("message", "[DONE]", 110, 1),
                       sseEvent("message", chatChunk(R"({"content":"sec"})"), 5000, 2),
                       sseEvent("message", chatChunk(R"({"content":"ond"})"), 5100, 2),
               }
            << qint64(0) << QList<bool>{true, true, true, true} << u"second"_s << openAi
            << false << 2 << qint64(-1) << 10.0 << QString() << QString();

    QTest::addRow("reconnect before the end continues the message")
            << QList<Sse::Event>{
                       sseEvent("message", chatChunk(R"({"content":"Hel"})"), 100, 1),
                       sseEvent("message", chatChunk(R"({"content":"lo"})"), 600, 2),
                       sseEvent("message", "[DONE]", 610, 2),
               }
            << qint64(0) << QList<bool>{true, true, true} << u"Hello"_s << openAi << true << 2
            << qint64(100) << 2.0 << QString() << QString();

    QTest::addRow("anthropic")
            << QList<Sse::Event>{
                       sseEvent("message_start", R"({"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4","stop_reason":null,"usage":{"input_tokens":25,"output_tokens":1}}})", 2300),
                       sseEvent("content_block_start", R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})", 2310),
                       sseEvent("ping", R"({"type": "ping"})", 2320),
                       sseEvent("content_block_delta", anthropicDelta("Hello"), 2400),
                       sseEvent("content_block_delta", anthropicDelta(", \\\"quoted\\\"\\n"), 2500),
                       sseEvent("content_block_delta", anthropicDelta("こんにちは"), 2600),
                       sseEvent("content_block_stop", R"({"type":"content_block_stop","index":0})", 2610),
                       sseEvent("message_delta", R"({"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":15}})", 2620),
                       sseEvent("message_stop", R"({"type":"message_stop"})", 2630),
               }
            << qint64(2000)
            << QList<bool>{true, true, true, true, true, true, true, true, true}
            << u"Hello, \"quoted\"\nこんにちは"_s << anthropic << true << 3 << qint64(400)
            << 10.0 << u"end_turn"_s << QString();

    QTest::addRow("anthropic type from the event field only")
            << QList<Sse::Event>{
                       sseEvent("content_block_delta", R"({"delta":{"type":"text_delta","text":"a"}})", 10),
                       sseEvent("content_block_delta", R"({"delta":{"type":"input_json_delta","partial_json":"{\"x\""}})", 20),
                       sseEvent("message_stop", "{}", 30),
               }
            << qint64(-1) << QList<bool>{true, true, true} << u"a"_s << anthropic << true << 1
            << qint64(-1) << 0.0 << QString() << QString();

    QTest::addRow("anthropic error event")
            << QList<Sse::Event>{
                       sseEvent("message_start", R"({"type":"message_start","message":{"id":"msg_2"}})", 100),
                       sseEvent("content_block_delta", anthropicDelta("Hi"), 150),
                       sseEvent("error", R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})", 200),
               }
            << qint64(0) << QList<bool>{true, true, true} << u"Hi"_s << anthropic << false << 1
            << qint64(150) << 0.0 << QString() << u"Overloaded"_s;

    QTest::addRow("error event before anything names the style")
            << QList<Sse::Event>{sseEvent(
                       "error", R"({"type":"error","error":{"type":"api_error"}})", 10)}
            << qint64(-1) << QList<bool>{true} << QString() << anthropic << false << 0 << qint64(-1)
            << 0.0 << QString() << u"api_error"_s;

    QTest::addRow("plain-text error event")
            << QList<Sse::Event>{sseEvent("error", "upstream timed out", 10)} << qint64(-1)
            << QList<bool>{true} << QString() << unknown << false << 0 << qint64(-1) << 0.0
            << QString() << u"upstream timed out"_s;

    QTest::addRow("the first style wins")
            << QList<Sse::Event>{
                       sseEvent("content_block_delta", anthropicDelta("one"), 10),
                       sseEvent("message", chatChunk(R"({"content":"two"})"), 20),
                       sseEvent("message", "[DONE]", 30),
               }
            << qint64(-1) << QList<bool>{true, false, false} << u"one"_s << anthropic << false
            << 1 << qint64(-1) << 0.0 << QString() << QString();

    QTest::addRow("only noise") << QList<Sse::Event>{sseEvent("message", "tick", 10),
            sseEvent("update", R"({"type":"update","value":3})", 20)}
                                << qint64(0) << QList<bool>{false, false} << QString() << unknown
                                << false << 0 << qint64(-1) << 0.0 << QString() << QString();
}

void tst_LlmStream::add()
{
    QFETCH(QList<Sse::Event>, events);
    QFETCH(qint64, requestMs);
    QFETCH(QList<bool>, accepted);
    QFETCH(QString, text);
    QFETCH(int, style);
    QFETCH(bool, done);
    QFETCH(int, tokens);
    QFETCH(qint64, ttftMs);
    QFETCH(double, tokensPerSecond);
    QFETCH(QString, finishReason);
    QFETCH(QString, error);

    Sse::LlmStream stream;
    if (requestMs >= 0)
        stream.start(requestMs);
    QList<bool> results;
    for (const Sse::Event &e : events)
        results.append(stream.add(e));

    QCOMPARE(results, accepted);
    QCOMPARE(stream.text(), text);
    QCOMPARE(int(stream.style()), style);
    QCOMPARE(stream.isDone(), done);
    QCOMPARE(stream.tokens(), tokens);
    QCOMPARE(stream.timeToFirstToken().value_or(std::chrono::milliseconds(-1)).count(), ttftMs);
    QCOMPARE(stream.tokensPerSecond(), tokensPerSecond);
    QCOMPARE(stream.finishReason(), finishReason);
    QCOMPARE(stream.error(), error);
}

void tst_LlmStream::start_resetsPreviousMessage()
{
    Sse::LlmStream stream;
    stream.start(0);
    QVERIFY(stream.add(sseEvent("message", chatChunk(R"({"content":"old"})"), 100)));
    QVERIFY(stream.add(sseEvent("message", "[DONE]", 110)));
    QVERIFY(stream.isDone());

    stream.start(1000);
    QCOMPARE(stream.text(), QString());
    QCOMPARE(stream.style(), Sse::LlmStream::Style::Unknown);
    QVERIFY(!stream.isDone());
    QVERIFY(!stream.timeToFirstToken().has_value());
    QVERIFY(stream.add(sseEvent("message", chatChunk(R"({"content":"new"})"), 1300)));
    QCOMPARE(stream.text(), u"new"_s);
    QCOMPARE(stream.timeToFirstToken(), std::optional<std::chrono::milliseconds>(300));

    stream.reset();
    QCOMPARE(stream.tokens(), 0);
    QVERIFY(!stream.timeToFirstToken().has_value());
}

QTEST_GUILESS_MAIN(tst_LlmStream)
#include "tst_llmstream.moc"
