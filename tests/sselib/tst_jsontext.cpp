// SPDX-License-Identifier: MIT
// Sse::Json::reindent: every token as written, only the blanks between them change.
#include "sselib/jsontext.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_JsonText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTokens_data();
    void keepsTokens();
    void layout();
    void emptyContainers();
    void invalid_data();
    void invalid();
    void errorPosition();
    void deepNestingNeedsNoStack();
    void pathologicalNestingGivesUp();
    void deepLevelsShareAnIndent();
    void agreesWithQtOnValidity_data();
    void agreesWithQtOnValidity();
    void looksLikeJson();
};

// Each token must come out byte for byte: the cases QJsonDocument gets wrong first.
void tst_JsonText::keepsTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("big integer") << QByteArray("12345678901234567890");
    QTest::newRow("trailing zero") << QByteArray("1.10");
    QTest::newRow("negative zero") << QByteArray("-0");
    QTest::newRow("overflowing exponent") << QByteArray("1e400");
    QTest::newRow("exponent sign") << QByteArray("2.5E-007");
    QTest::newRow("unicode escape") << QByteArray(R"("caf\u00e9")");
    QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\ude00")");
    QTest::newRow("escaped slash") << QByteArray(R"("a\/b")");
    QTest::newRow("raw UTF-8") << QByteArray("\"gr\xc3\xbc\xc3\x9f\"");
    QTest::newRow("blanks in string") << QByteArray(R"("  a  :  b , ")");
    QTest::newRow("literals") << QByteArray("null");
}

void tst_JsonText::keepsTokens()
{
    QFETCH(QByteArray, token);
    const QByteArray json = "{\"a\":" + token + ",\"list\":[" + token + "]}";
    const Sse::Json::Reindented result = Sse::Json::reindent(json);
    QVERIFY(result.ok);
    QCOMPARE(result.text, "{\n  \"a\": " + token + ",\n  \"list\": [\n    " + token + "\n  ]\n}");
}

void tst_JsonText::layout()
{
    const QByteArray json = R"( {"z":1, "a":{"k":true,"k":false},"b":[1, [2,3]]} )";
    const Sse::Json::Reindented result = Sse::Json::reindent(json, 4);
    QVERIFY(result.ok);
    // Key order and duplicate keys as written.
    QCOMPARE(result.text,
            QByteArray("{\n"
                       "    \"z\": 1,\n"
                       "    \"a\": {\n"
                       "        \"k\": true,\n"
                       "        \"k\": false\n"
                       "    },\n"
                       "    \"b\": [\n"
                       "        1,\n"
                       "        [\n"
                       "            2,\n"
                       "            3\n"
                       "        ]\n"
                       "    ]\n"
                       "}"));
    QVERIFY(!result.errorAt);
    QVERIFY(result.error.isEmpty());
}

void tst_JsonText::emptyContainers()
{
    const Sse::Json::Reindented result = Sse::Json::reindent(R"({ "o" : { }, "a" : [ ] })");
    QVERIFY(result.ok);
    QCOMPARE(result.text, QByteArray("{\n  \"o\": {},\n  \"a\": []\n}"));
    QCOMPARE(Sse::Json::reindent("[]").text, QByteArray("[]"));
    QCOMPARE(Sse::Json::reindent(" 42 ").text, QByteArray("42"));
}

void tst_JsonText::invalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qsizetype>("offset");
    QTest::newRow("empty") << QByteArray("") << qsizetype(0);
    QTest::newRow("unclosed object") << QByteArray(R"({"a":1)") << qsizetype(6);
    QTest::newRow("trailing comma") << QByteArray(R"([1,])") << qsizetype(3);
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << qsizetype(5);
    QTest::newRow("unquoted key") << QByteArray(R"({a:1})") << qsizetype(1);
    QTest::newRow("single quotes") << QByteArray(R"(['a'])") << qsizetype(1);
    QTest::newRow("leading zero") << QByteArray("[01]") << qsizetype(2);
    QTest::newRow("bare minus") << QByteArray("[-]") << qsizetype(2);
    QTest::newRow("dot without digits") << QByteArray("[1.]") << qsizetype(3);
    QTest::newRow("bad escape") << QByteArray(R"(["\x"])") << qsizetype(3);
    QTest::newRow("short \\u") << QByteArray(R"(["\u12"])") << qsizetype(6);
    QTest::newRow("control char") << QByteArray("[\"a\tb\"]") << qsizetype(3);
    QTest::newRow("unclosed string") << QByteArray(R"(["abc)") << qsizetype(5);
    QTest::newRow("two values") << QByteArray("{} {}") << qsizetype(3);
    QTest::newRow("mismatched") << QByteArray("[1}") << qsizetype(2);
    QTest::newRow("bad literal") << QByteArray("[nul]") << qsizetype(1);
    QTest::newRow("NaN") << QByteArray("[NaN]") << qsizetype(1);
}

void tst_JsonText::invalid()
{
    QFETCH(QByteArray, json);
    QFETCH(qsizetype, offset);
    const Sse::Json::Reindented result = Sse::Json::reindent(json);
    QVERIFY(!result.ok);
    QVERIFY(result.text.isEmpty());
    QVERIFY(result.errorAt);
    QCOMPARE(result.errorAt->offset, offset);
    QVERIFY(!result.error.isEmpty());
}

void tst_JsonText::errorPosition()
{
    // Line and column count characters, not bytes: "é" is one column.
    const Sse::Json::Reindented result = Sse::Json::reindent("{\n  \"caf\xc3\xa9\": x\n}");
    QVERIFY(!result.ok);
    QCOMPARE(result.errorAt, (Sse::Json::TextPosition{13, 2, 11}));
    QCOMPARE(result.error, u"expected a value"_s);
}

void tst_JsonText::deepNestingNeedsNoStack()
{
    const int depth = 200'000;
    const QByteArray json = QByteArray(depth, '[') + QByteArray(depth, ']');
    const Sse::Json::Reindented result = Sse::Json::reindent(json, 0);
    QVERIFY(result.ok);
    QCOMPARE(result.text.count('['), depth);
}

void tst_JsonText::pathologicalNestingGivesUp()
{
    // 64 KiB of brackets would re-indent to gigabytes; it stops within a bounded output.
    const int depth = 32'768;
    const QByteArray json = QByteArray(depth, '[') + QByteArray(depth, ']');
    const Sse::Json::Reindented result = Sse::Json::reindent(json);
    QVERIFY(!result.ok);
    QVERIFY(result.tooDeep);
    QVERIFY(result.text.isEmpty());
    QVERIFY(result.errorAt);
    QVERIFY(result.errorAt->offset > 0 && result.errorAt->offset < json.size());
    QVERIFY(!Sse::Json::reindent("[1,2,3]").tooDeep);
    QVERIFY(!Sse::Json::reindent("[1,").tooDeep);
}

void tst_JsonText::deepLevelsShareAnIndent()
{
    const int depth = Sse::Json::MaxIndentDepth + 4;
    const QByteArray json = QByteArray(depth, '[') + "1" + QByteArray(depth, ']');
    const Sse::Json::Reindented result = Sse::Json::reindent(json, 1);
    QVERIFY(result.ok);
    const QList<QByteArray> lines = result.text.split('\n');
    QCOMPARE(lines.at(depth), QByteArray(Sse::Json::MaxIndentDepth, ' ') + "1");
}

void tst_JsonText::agreesWithQtOnValidity_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("object") << QByteArray(R"({"a":[1,2,{"b":null}],"c":"d"})");
    QTest::newRow("nested empty") << QByteArray(R"([[],{},[{}]])");
    QTest::newRow("broken") << QByteArray(R"({"a":[1,2})");
    QTest::newRow("garbage") << QByteArray(R"({"a":1}x)");
}

// On objects and arrays, valid for us exactly when valid for QJsonDocument.
void tst_JsonText::agreesWithQtOnValidity()
{
    QFETCH(QByteArray, json);
    QJsonParseError error{};
    QJsonDocument::fromJson(json, &error);
    QCOMPARE(Sse::Json::reindent(json).ok, error.error == QJsonParseError::NoError);
}

void tst_JsonText::looksLikeJson()
{
    QVERIFY(Sse::Json::looksLikeJson(" \n{\"a\""));
    QVERIFY(Sse::Json::looksLikeJson("[1"));
    QVERIFY(!Sse::Json::looksLikeJson("hello {"));
    QVERIFY(!Sse::Json::looksLikeJson("42"));
    QVERIFY(!Sse::Json::looksLikeJson(""));
}

QTEST_GUILESS_MAIN(tst_JsonText)
#include "tst_jsontext.moc"
