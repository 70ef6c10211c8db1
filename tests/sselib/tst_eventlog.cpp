// SPDX-License-Identifier: MIT
// Tests of Sse::EventLog: the NDJSON log's exact form, lossless round trips, clear errors.
#include "sselib/eventlog.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Sse::Event;
using Record = Sse::EventLog::Record;

class tst_EventLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendEvent_writesTheContractForm();
    void appendComment_writesTheContractForm();
    void captured_writesStreamAndUrl_readersIgnoreThem();
    void roundTrip_keepsEveryField_data();
    void roundTrip_keepsEveryField();
    void readLine_skipsUnknownKinds();
    void readLine_unknownKind_keepsTheLineAndNeedsOnlyAKind_data();
    void readLine_unknownKind_keepsTheLineAndNeedsOnlyAKind();
    void readLine_rejectsWhatIsNoRecord_data();
    void readLine_rejectsWhatIsNoRecord();
};

void tst_EventLog::appendEvent_writesTheContractForm()
{
    const Event event{"tick", "a \"b\"\nc", "7", u"http://127.0.0.1:8080"_s, 1732198748123, 3};
    QByteArray line;
    Sse::EventLog::appendEvent(line, event);
    QCOMPARE(line,
            R"({"kind":"event","receivedMs":1732198748123,"connection":3,"type":"tick",)"
            R"("data":"a \"b\"\nc","lastEventId":"7","origin":"http://127.0.0.1:8080"})"
            "\n"_ba);
}

void tst_EventLog::appendComment_writesTheContractForm()
{
    QByteArray line;
    Sse::EventLog::appendComment(line, "heart\tbeat", 5, 1);
    QCOMPARE(line,
            R"({"kind":"comment","receivedMs":5,"connection":1,"comment":"heart\tbeat"})"
            "\n"_ba);
}

void tst_EventLog::captured_writesStreamAndUrl_readersIgnoreThem()
{
    const Event event{"tick", "x", "7", u"http://127.0.0.1:8080"_s, 9, 3};
    const Sse::EventLog::CaptureSource source{3, "http://up:1/v1/chat?q=\"a\""};
    QByteArray lines;
    Sse::EventLog::appendEvent(lines, event, source);
    Sse::EventLog::appendComment(lines, "hb", 10, 3, source);
    QCOMPARE(lines,
            R"({"kind":"event","receivedMs":9,"connection":3,"stream":3,)"
            R"("url":"http://up:1/v1/chat?q=\"a\"","type":"tick","data":"x","lastEventId":"7",)"
            R"("origin":"http://127.0.0.1:8080"})"
            "\n"
            R"({"kind":"comment","receivedMs":10,"connection":3,"stream":3,)"
            R"("url":"http://up:1/v1/chat?q=\"a\"","comment":"hb"})"
            "\n"_ba);

    // Read back as the records without them: the same as a monitor's.
    const QByteArrayList split = lines.split('\n');
    const Sse::EventLog::LineResult readEvent = Sse::EventLog::readLine(split.at(0));
    QVERIFY2(readEvent.ok, qPrintable(readEvent.error));
    QCOMPARE(readEvent.record.kind, Record::Kind::Event);
    QCOMPARE(readEvent.record.event, event);
    QByteArray plain;
    Sse::EventLog::appendComment(plain, "hb", 10, 3);
    const Sse::EventLog::LineResult readComment = Sse::EventLog::readLine(split.at(1));
    QVERIFY2(readComment.ok, qPrintable(readComment.error));
    QCOMPARE(readComment.record, Sse::EventLog::readLine(plain).record);
}

void tst_EventLog::roundTrip_keepsEveryField_data()
{
    QTest::addColumn<Event>("event");
    QTest::addRow("plain") << Event{"message", "hello", "1", u"http://a:1"_s, 1, 1};
    QTest::addRow("empty fields") << Event{"message", "", "", QString(), 0, 0};
    QTest::addRow("escapes") << Event{"x", "\" \\ / \n \r \t \b \f", "q\"", u"o"_s, 2, 2};
    QTest::addRow("control characters and NUL")
            << Event{"c", QByteArray("\x01\x1f\x7f\0end", 7), "i", u"o"_s, 3, 9};
    QTest::addRow("non-ASCII") << Event{"t\xC3\xA9", "caf\xC3\xA9 \xF0\x9F\x98\x80 \xEF\xBF\xBD",
            "\xE2\x82\xAC", u"http://xn--caf-dma:8"_s, 4, 1};
    QTest::addRow("large numbers") << Event{"m", "d", "", u"o"_s, 4102444800000, 2147483647};
    QTest::addRow("long data") << Event{"m", QByteArray(100000, 'z'), "9", u"o"_s, 5, 1};
}

void tst_EventLog::roundTrip_keepsEveryField()
{
    QFETCH(Event, event);
    QByteArray line;
    Sse::EventLog::appendEvent(line, event);
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1); // one record, one line, whatever the data holds
    Sse::EventLog::LineResult read = Sse::EventLog::readLine(line);
    QVERIFY2(read.ok, qPrintable(read.error));
    QCOMPARE(read.record.kind, Record::Kind::Event);
    QCOMPARE(read.record.event, event);

    line.clear();
    Sse::EventLog::appendComment(line, event.data, event.receivedMs, event.connection);
    read = Sse::EventLog::readLine(line);
    QVERIFY2(read.ok, qPrintable(read.error));
    QCOMPARE(read.record.kind, Record::Kind::Comment);
    QCOMPARE(read.record.text, event.data);
    QCOMPARE(read.record.event.receivedMs, event.receivedMs);
    QCOMPARE(read.record.event.connection, event.connection);
}

void tst_EventLog::readLine_skipsUnknownKinds()
{
    const Sse::EventLog::LineResult read =
            Sse::EventLog::readLine(R"({"kind":"state","receivedMs":1,"connection":2,"x":[]})");
    QVERIFY(read.ok);
    const Record &record = read.record;
    QCOMPARE(record.kind, Record::Kind::Other);
    QCOMPARE(record.event.receivedMs, 1);
    QCOMPARE(record.event.connection, 2);
}

void tst_EventLog::readLine_unknownKind_keepsTheLineAndNeedsOnlyAKind_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<qint64>("receivedMs");
    QTest::addColumn<int>("connection");
    QTest::addRow("every field") << R"({"kind":"state","receivedMs":1,"connection":2,"x":[]})"_ba
                                 << qint64(1) << 2;
    QTest::addRow("no receive time") << R"({"kind":"state","connection":2})"_ba << qint64(0) << 2;
    QTest::addRow("only a kind") << R"({"kind":"note"})"_ba << qint64(0) << 0;
    QTest::addRow("time as text") << R"({"kind":"note","receivedMs":"soon","connection":1.5})"_ba
                                  << qint64(0) << 0;
    QTest::addRow("spacing and escapes")
            << "  { \"kind\" : \"n\\u00f6te\", \"v\": 1.50 }\r"_ba << qint64(0) << 0;
    // Found by fuzz_eventlog: numbers beyond qint64 were cast before the range check.
    QTest::addRow("connection beyond qint64")
            << R"({"kind":"state","receivedMs":1,"connection":92233720368547758082})"_ba
            << qint64(1) << 0;
    QTest::addRow("connection beyond int")
            << R"({"kind":"state","receivedMs":1,"connection":2147483648})"_ba << qint64(1) << 0;
}

void tst_EventLog::readLine_unknownKind_keepsTheLineAndNeedsOnlyAKind()
{
    QFETCH(QByteArray, line);
    QFETCH(qint64, receivedMs);
    QFETCH(int, connection);
    for (const QByteArray &given : QByteArrayList{line, line + '\n'}) {
        const Sse::EventLog::LineResult read = Sse::EventLog::readLine(given);
        QVERIFY2(read.ok, qPrintable(read.error));
        const Record &record = read.record;
        QCOMPARE(record.kind, Record::Kind::Other);
        QCOMPARE(record.text, line); // as it was, without the newline
        QCOMPARE(record.event.receivedMs, receivedMs);
        QCOMPARE(record.event.connection, connection);
    }
    // Known kinds are written anew from their fields: they keep no line.
    const Sse::EventLog::LineResult comment = Sse::EventLog::readLine(
            R"({"kind":"comment","receivedMs":1,"connection":1,"comment":"c"})");
    QVERIFY(comment.ok);
    QCOMPARE(comment.record.text, "c"_ba);
}

void tst_EventLog::readLine_rejectsWhatIsNoRecord_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("reason");
    QTest::addRow("empty") << ""_ba << u"not JSON"_s;
    QTest::addRow("not JSON") << "data: x"_ba << u"not JSON"_s;
    QTest::addRow("cut off") << R"({"kind":"event","receivedMs":1)"_ba << u"not JSON"_s;
    QTest::addRow("array") << "[1,2]"_ba << u"not a JSON object"_s;
    QTest::addRow("no kind") << R"({"receivedMs":1,"connection":1})"_ba << u"needs"_s;
    QTest::addRow("no receive time") << R"({"kind":"event","connection":1})"_ba << u"needs"_s;
    QTest::addRow("time as text") << R"({"kind":"comment","receivedMs":"1","connection":1})"_ba
                                  << u"needs"_s;
    QTest::addRow("fractional connection")
            << R"({"kind":"comment","receivedMs":1,"connection":1.5})"_ba << u"needs"_s;
    QTest::addRow("negative time")
            << R"({"kind":"comment","receivedMs":-1,"connection":1})"_ba << u"needs"_s;
    QTest::addRow("time of 2^63")
            << R"({"kind":"comment","receivedMs":9223372036854775808,"connection":1})"_ba
            << u"needs"_s;
    // Found by fuzz_eventlog: a connection number beyond int came back altered on export.
    QTest::addRow("connection beyond int")
            << R"({"kind":"comment","receivedMs":-0,"connection":1222222222222})"_ba
            << u"\"connection\" is 1222222222222, beyond the largest connection number, 2147483647"_s;
    QTest::addRow("time of 1e300")
            << R"({"kind":"comment","receivedMs":1e300,"connection":1})"_ba << u"needs"_s;
    QTest::addRow("event without data")
            << R"({"kind":"event","receivedMs":1,"connection":1,"type":"m"})"_ba
            << u"an event needs"_s;
    QTest::addRow("data not a string")
            << R"({"kind":"event","receivedMs":1,"connection":1,"type":"m","data":5})"_ba
            << u"an event needs"_s;
}

void tst_EventLog::readLine_rejectsWhatIsNoRecord()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, reason);
    const Sse::EventLog::LineResult read = Sse::EventLog::readLine(line);
    QVERIFY(!read.ok);
    QVERIFY2(read.error.contains(reason), qPrintable(read.error));
}

QTEST_GUILESS_MAIN(tst_EventLog)
#include "tst_eventlog.moc"
