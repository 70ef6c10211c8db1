// SPDX-License-Identifier: MIT
// Tests of the capture proxy's fault rules in text form: parsing, errors, round trips and globs.

#include "sselib/capture/capturerule.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Sse::CaptureRule;
using Action = Sse::CaptureRule::Action;

namespace {

CaptureRule rule(Action action, qint64 value, const QByteArray &text = {},
        const QByteArray &eventType = {}, int after = 0, const QString &match = {})
{
    CaptureRule r;
    r.action = action;
    r.value = value;
    r.text = text;
    r.eventType = eventType;
    r.after = after;
    r.match = match;
    return r;
}

} // namespace

class tst_CaptureRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void roundTrips_data();
    void roundTrips();
    void writesCanonically();
    void eventRules();
    void matches_data();
    void matches();
};

void tst_CaptureRule::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<CaptureRule>("expected");

    QTest::newRow("delay") << u"delay=250"_s << rule(Action::Delay, 250);
    QTest::newRow("delay 0") << u"delay=0"_s << rule(Action::Delay, 0);
    QTest::newRow("delay a day") << u"delay=86400000"_s << rule(Action::Delay, 86400000);
    QTest::newRow("leading zeros") << u"delay=007"_s << rule(Action::Delay, 7);
    QTest::newRow("cut") << u"cut=3"_s << rule(Action::Cut, 3);
    QTest::newRow("cut-mid") << u"cut-mid=1"_s << rule(Action::CutMidEvent, 1);
    QTest::newRow("stall") << u"stall=5000"_s << rule(Action::Stall, 5000);
    QTest::newRow("stall after") << u"stall=5000,after=2"_s << rule(Action::Stall, 5000, {}, {}, 2);
    QTest::newRow("drop") << u"drop=ping"_s << rule(Action::Drop, 0, "ping");
    QTest::newRow("drop message") << u"drop=message"_s << rule(Action::Drop, 0, "message");
    QTest::newRow("inject") << u"inject=hello"_s << rule(Action::Inject, 0, "hello");
    QTest::newRow("inject empty") << u"inject="_s << rule(Action::Inject, 0, "");
    QTest::newRow("inject type after") << u"inject={\"a\":1},type=update,after=4"_s
                                       << rule(Action::Inject, 0, "{\"a\":1}", "update", 4);
    QTest::newRow("inject empty type") << u"inject=x,type="_s << rule(Action::Inject, 0, "x");
    QTest::newRow("inject equals in data") << u"inject=a=b"_s << rule(Action::Inject, 0, "a=b");
    QTest::newRow("inject lines") << u"inject=one%0Atwo%0D%0Athree"_s
                                  << rule(Action::Inject, 0, "one\ntwo\r\nthree");
    QTest::newRow("inject comma and percent")
            << u"inject=50%25%2C 60%25"_s << rule(Action::Inject, 0, "50%, 60%");
    QTest::newRow("inject utf-8") << u"inject=café ☕"_s
                                  << rule(Action::Inject, 0, "caf\xC3\xA9 \xE2\x98\x95");
    QTest::newRow("inject not utf-8") << u"inject=%FF%C3"_s << rule(Action::Inject, 0, "\xFF\xC3");
    QTest::newRow("inject spaces kept by %20")
            << u"inject=%20x%20"_s << rule(Action::Inject, 0, " x ");
    QTest::newRow("retry") << u"retry=3000"_s << rule(Action::Retry, 3000);
    QTest::newRow("retry after") << u"retry=10,after=1"_s << rule(Action::Retry, 10, {}, {}, 1);
    QTest::newRow("status 200") << u"status=200"_s << rule(Action::Status, 200);
    QTest::newRow("status 503") << u"status=503"_s << rule(Action::Status, 503);
    QTest::newRow("status 599") << u"status=599"_s << rule(Action::Status, 599);
    QTest::newRow("gzip") << u"gzip"_s << rule(Action::Gzip, 0);
    QTest::newRow("match") << u"delay=10,match=/api/*"_s
                           << rule(Action::Delay, 10, {}, {}, 0, u"/api/*"_s);
    QTest::newRow("match status") << u"status=401,match=/login"_s
                                  << rule(Action::Status, 401, {}, {}, 0, u"/login"_s);
    QTest::newRow("match gzip") << u"gzip,match=*stream*"_s
                                << rule(Action::Gzip, 0, {}, {}, 0, u"*stream*"_s);
    QTest::newRow("match decoded")
            << u"cut=1,match=/a%2Cb?q=%25"_s << rule(Action::Cut, 1, {}, {}, 0, u"/a,b?q=%"_s);
    QTest::newRow("keys in any order") << u"inject=x,match=/s,after=2,type=t"_s
                                       << rule(Action::Inject, 0, "x", "t", 2, u"/s"_s);
    QTest::newRow("blanks around parts") << u"  stall = 100 , after = 3 , match = /x  "_s
                                         << rule(Action::Stall, 100, {}, {}, 3, u"/x"_s);
    QTest::newRow("empty match") << u"drop=a,match="_s << rule(Action::Drop, 0, "a");
}

void tst_CaptureRule::parses()
{
    QFETCH(QString, text);
    QFETCH(CaptureRule, expected);
    const Sse::CaptureRuleResult result = Sse::parseCaptureRule(text);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.rule.action, expected.action);
    QCOMPARE(result.rule.value, expected.value);
    QCOMPARE(result.rule.text, expected.text);
    QCOMPARE(result.rule.eventType, expected.eventType);
    QCOMPARE(result.rule.after, expected.after);
    QCOMPARE(result.rule.match, expected.match);
    QCOMPARE(result.rule, expected);
}

void tst_CaptureRule::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << u""_s << u"The rule is empty."_s;
    QTest::newRow("blank") << u"  "_s << u"The rule is empty."_s;
    QTest::newRow("no action") << u",match=/x"_s
                               << u"The rule has no action before its first comma."_s;
    const QString unknown = u"Unknown action '%1': use delay, cut, cut-mid, stall, drop, inject, "
                            "retry, status or gzip."_s;
    QTest::newRow("unknown action") << u"slow=5"_s << unknown.arg("slow"_L1);
    QTest::newRow("action case") << u"Delay=5"_s << unknown.arg("Delay"_L1);
    QTest::newRow("delay missing")
            << u"delay"_s << u"delay needs a number of milliseconds, as in delay=500."_s;
    QTest::newRow("delay empty")
            << u"delay="_s << u"delay needs a number of milliseconds from 0 to 86400000: ''."_s;
    QTest::newRow("delay word")
            << u"delay=x"_s << u"delay needs a number of milliseconds from 0 to 86400000: 'x'."_s;
    QTest::newRow("delay negative")
            << u"delay=-1"_s << u"delay needs a number of milliseconds from 0 to 86400000: '-1'."_s;
    QTest::newRow("delay plus")
            << u"delay=+1"_s << u"delay needs a number of milliseconds from 0 to 86400000: '+1'."_s;
    QTest::newRow("delay fraction")
            << u"delay=1.5"_s
            << u"delay needs a number of milliseconds from 0 to 86400000: '1.5'."_s;
    QTest::newRow("delay too long")
            << u"delay=86400001"_s
            << u"delay needs a number of milliseconds from 0 to 86400000: '86400001'."_s;
    QTest::newRow("delay huge") << u"delay=99999999999999999999"_s
                                << u"delay needs a number of milliseconds from 0 to 86400000: "
                                   "'99999999999999999999'."_s;
    QTest::newRow("stall missing")
            << u"stall"_s << u"stall needs a number of milliseconds, as in stall=500."_s;
    QTest::newRow("retry bad")
            << u"retry=soon"_s
            << u"retry needs a number of milliseconds from 0 to 86400000: 'soon'."_s;
    QTest::newRow("cut missing") << u"cut"_s << u"cut needs an event number, as in cut=3."_s;
    QTest::newRow("cut zero") << u"cut=0"_s
                              << u"cut needs an event number from 1 to 2147483647: '0'."_s;
    QTest::newRow("cut too big")
            << u"cut=2147483648"_s
            << u"cut needs an event number from 1 to 2147483647: '2147483648'."_s;
    QTest::newRow("cut-mid bad")
            << u"cut-mid=half"_s
            << u"cut-mid needs an event number from 1 to 2147483647: 'half'."_s;
    QTest::newRow("status missing")
            << u"status"_s << u"status needs an HTTP status code, as in status=503."_s;
    QTest::newRow("status 1xx") << u"status=101"_s
                                << u"status needs an HTTP status code from 200 to 599: '101'."_s;
    QTest::newRow("status 199") << u"status=199"_s
                                << u"status needs an HTTP status code from 200 to 599: '199'."_s;
    QTest::newRow("status 600") << u"status=600"_s
                                << u"status needs an HTTP status code from 200 to 599: '600'."_s;
    QTest::newRow("status word") << u"status=ok"_s
                                 << u"status needs an HTTP status code from 200 to 599: 'ok'."_s;
    const QString dropNeeds =
            u"drop needs an event type, as in drop=ping (drop=message for unnamed events)."_s;
    QTest::newRow("drop missing") << u"drop"_s << dropNeeds;
    QTest::newRow("drop empty") << u"drop= "_s << dropNeeds;
    QTest::newRow("drop two lines") << u"drop=a%0Ab"_s << u"An event type is one line: 'a%0Ab'."_s;
    QTest::newRow("inject missing")
            << u"inject"_s
            << u"inject needs the event's data, as in inject=hello (inject= for an event with "
               "empty data)."_s;
    QTest::newRow("gzip value") << u"gzip=9"_s << u"gzip takes no value: '9'."_s;
    QTest::newRow("gzip empty value") << u"gzip="_s << u"gzip takes no value: ''."_s;
    QTest::newRow("empty part") << u"delay=5,,match=/x"_s
                                << u"The rule has an empty part between commas."_s;
    QTest::newRow("trailing comma")
            << u"delay=5,"_s << u"The rule has an empty part between commas."_s;
    QTest::newRow("unknown key") << u"delay=5,every=2"_s
                                 << u"Unknown key 'every': use after, type or match."_s;
    QTest::newRow("unknown bare key")
            << u"delay=5,fast"_s << u"Unknown key 'fast': use after, type or match."_s;
    QTest::newRow("empty key") << u"delay=5,=2"_s << u"Unknown key '': use after, type or match."_s;
    QTest::newRow("twice") << u"inject=x,after=1,after=2"_s << u"after= is given twice."_s;
    QTest::newRow("match twice") << u"delay=1,match=/a,match=/b"_s << u"match= is given twice."_s;
    QTest::newRow("after on delay")
            << u"delay=5,after=2"_s << u"after= is for stall, inject and retry, not for delay."_s;
    QTest::newRow("after on cut") << u"cut=5,after=2"_s
                                  << u"after= is for stall, inject and retry, not for cut."_s;
    QTest::newRow("after on drop")
            << u"drop=a,after=2"_s << u"after= is for stall, inject and retry, not for drop."_s;
    QTest::newRow("after on status") << u"status=500,after=2"_s
                                     << u"after= is for stall, inject and retry, not for status."_s;
    QTest::newRow("after bad") << u"stall=5,after=x"_s
                               << u"after needs a number of events from 0 to 2147483647: 'x'."_s;
    QTest::newRow("after negative")
            << u"inject=a,after=-1"_s
            << u"after needs a number of events from 0 to 2147483647: '-1'."_s;
    QTest::newRow("after missing")
            << u"retry=5,after"_s << u"after needs a number of events from 0 to 2147483647: ''."_s;
    QTest::newRow("type on drop") << u"drop=a,type=b"_s << u"type= is for inject, not for drop."_s;
    QTest::newRow("type on gzip") << u"gzip,type=b"_s << u"type= is for inject, not for gzip."_s;
    QTest::newRow("type missing") << u"inject=a,type"_s
                                  << u"type needs an event type, as in type=ping."_s;
    QTest::newRow("type two lines")
            << u"inject=a,type=x%0Dy"_s << u"An event type is one line: 'x%0Dy'."_s;
    QTest::newRow("match missing")
            << u"delay=1,match"_s << u"match needs a request target, as in match=/api/*."_s;
    QTest::newRow("match not utf-8") << u"delay=1,match=/%FF"_s
                                     << u"match is not UTF-8 text once percent-decoded: '/%FF'."_s;
    const QString percent = u"'%1' is not a percent-encoded byte: write %25 for a percent sign."_s;
    QTest::newRow("bad percent") << u"inject=100%"_s << percent.arg("%"_L1);
    QTest::newRow("bad percent digits") << u"inject=%zz1"_s << percent.arg("%zz"_L1);
    QTest::newRow("short percent") << u"drop=a%4"_s << percent.arg("%4"_L1);
    QTest::newRow("bad percent in match") << u"cut=1,match=/%g0"_s << percent.arg("%g0"_L1);
    QTest::newRow("bad percent in type") << u"inject=a,type=%"_s << percent.arg("%"_L1);
}

void tst_CaptureRule::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const Sse::CaptureRuleResult result = Sse::parseCaptureRule(text);
    QVERIFY(!result.ok);
    QCOMPARE(result.error, error);
    QCOMPARE(result.rule, CaptureRule());
}

void tst_CaptureRule::roundTrips_data()
{
    QTest::addColumn<CaptureRule>("original");

    QTest::newRow("default") << CaptureRule();
    QTest::newRow("delay") << rule(Action::Delay, 1500);
    QTest::newRow("cut") << rule(Action::Cut, 7, {}, {}, 0, u"/events"_s);
    QTest::newRow("cut-mid") << rule(Action::CutMidEvent, 2);
    QTest::newRow("stall after") << rule(Action::Stall, 3000, {}, {}, 5);
    QTest::newRow("drop") << rule(Action::Drop, 0, "ping");
    QTest::newRow("drop odd type") << rule(Action::Drop, 0, QByteArray("a,b%c d\0e", 9));
    QTest::newRow("inject") << rule(Action::Inject, 0, "hi", "note", 3, u"*chat*"_s);
    QTest::newRow("inject empty") << rule(Action::Inject, 0, "");
    QTest::newRow("inject lines") << rule(Action::Inject, 0, "a\nb\r\nc\rd\t");
    QTest::newRow("inject edge blanks") << rule(Action::Inject, 0, "  two  spaces  ");
    QTest::newRow("inject one blank") << rule(Action::Inject, 0, " ");
    QTest::newRow("inject utf-8") << rule(Action::Inject, 0, "\xE2\x82\xAC 5, \xF0\x9F\x98\x80");
    QTest::newRow("inject bad utf-8") << rule(Action::Inject, 0, "a\xE2\x82 \xFF");
    QTest::newRow("inject equals") << rule(Action::Inject, 0, "=x=", "=");
    QTest::newRow("inject del") << rule(Action::Inject, 0, "\x7F");
    QTest::newRow("retry") << rule(Action::Retry, 0, {}, {}, 1);
    QTest::newRow("status") << rule(Action::Status, 429, {}, {}, 0, u"/api/v1/chat?x=1"_s);
    QTest::newRow("gzip") << rule(Action::Gzip, 0, {}, {}, 0, u"/stream*"_s);
    QTest::newRow("match odd") << rule(Action::Delay, 1, {}, {}, 0, u" /a,b%20c?é "_s);
}

void tst_CaptureRule::roundTrips()
{
    QFETCH(CaptureRule, original);
    const QString text = original.toString();
    const Sse::CaptureRuleResult result = Sse::parseCaptureRule(text);
    QVERIFY2(result.ok, qPrintable(text + " "_L1 + result.error));
    QCOMPARE(result.rule, original);
    QCOMPARE(result.rule.toString(), text);
}

void tst_CaptureRule::writesCanonically()
{
    QCOMPARE(rule(Action::Delay, 100).toString(), u"delay=100"_s);
    QCOMPARE(rule(Action::CutMidEvent, 4).toString(), u"cut-mid=4"_s);
    QCOMPARE(rule(Action::Gzip, 0).toString(), u"gzip"_s);
    QCOMPARE(rule(Action::Inject, 0, "a, b", "t", 2, u"/x/*"_s).toString(),
            u"inject=a%2C b,after=2,type=t,match=/x/*"_s);
    QCOMPARE(rule(Action::Inject, 0, "50%\n").toString(), u"inject=50%25%0A"_s);
    QCOMPARE(rule(Action::Inject, 0, "caf\xC3\xA9").toString(), u"inject=café"_s);
    QCOMPARE(rule(Action::Inject, 0, "\xC3").toString(), u"inject=%C3"_s);
    QCOMPARE(rule(Action::Inject, 0, " a b ").toString(), u"inject=%20a b%20"_s);
    // Keys the action does not take are not written, so the text always reads back.
    QCOMPARE(rule(Action::Delay, 5, "x", "y", 3).toString(), u"delay=5"_s);
    QCOMPARE(rule(Action::Status, 503, {}, {}, 0, u"/login"_s).toString(),
            u"status=503,match=/login"_s);
}

void tst_CaptureRule::eventRules()
{
    for (const Action action : {Action::Delay, Action::Cut, Action::CutMidEvent, Action::Stall,
                 Action::Drop, Action::Inject, Action::Retry}) {
        QVERIFY(rule(action, 1).isEventRule());
    }
    QVERIFY(!rule(Action::Status, 500).isEventRule());
    QVERIFY(!rule(Action::Gzip, 0).isEventRule());
}

void tst_CaptureRule::matches_data()
{
    QTest::addColumn<QString>("match");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<bool>("expected");

    QTest::newRow("empty: all") << QString() << QByteArray("/anything?x=1") << true;
    QTest::newRow("empty: empty target") << QString() << QByteArray() << true;
    QTest::newRow("exact") << u"/events"_s << QByteArray("/events") << true;
    QTest::newRow("exact: not a prefix") << u"/events"_s << QByteArray("/events/2") << false;
    QTest::newRow("exact: not with query") << u"/events"_s << QByteArray("/events?a=1") << false;
    QTest::newRow("exact: not a suffix") << u"events"_s << QByteArray("/events") << false;
    QTest::newRow("exact: case") << u"/Events"_s << QByteArray("/events") << false;
    QTest::newRow("trailing star") << u"/api/*"_s << QByteArray("/api/v1/chat?x") << true;
    QTest::newRow("trailing star: empty run") << u"/api/*"_s << QByteArray("/api/") << true;
    QTest::newRow("anchored at start") << u"/api/*"_s << QByteArray("/v1/api/x") << false;
    QTest::newRow("anchored at end") << u"/api/*/stream"_s << QByteArray("/api/a/stream") << true;
    QTest::newRow("anchored at end: more")
            << u"/api/*/stream"_s << QByteArray("/api/a/stream?x") << false;
    QTest::newRow("middle star spans slashes")
            << u"/api/*/stream"_s << QByteArray("/api/a/b/stream") << true;
    QTest::newRow("unanchored") << u"chat*"_s << QByteArray("/v1/chat/completions") << true;
    QTest::newRow("unanchored: must appear") << u"chat*"_s << QByteArray("/v1/talk") << false;
    QTest::newRow("unanchored suffix") << u"*.sse"_s << QByteArray("/a/b.sse") << true;
    QTest::newRow("unanchored suffix: end") << u"*.sse"_s << QByteArray("/a/b.sse?x") << false;
    QTest::newRow("both") << u"*stream*"_s << QByteArray("/x/stream?y") << true;
    QTest::newRow("star alone") << u"*"_s << QByteArray("/") << true;
    QTest::newRow("star matches empty target") << u"*"_s << QByteArray() << true;
    QTest::newRow("stars") << u"/a**b*c"_s << QByteArray("/aXbYbZc") << true;
    QTest::newRow("backtracking") << u"/*ab*abc"_s << QByteArray("/aabababcabc") << true;
    QTest::newRow("backtracking fails") << u"/*ab*abd"_s << QByteArray("/aabababcabc") << false;
    QTest::newRow("query") << u"/s?topic=*"_s << QByteArray("/s?topic=news") << true;
    QTest::newRow("encoded target") << u"/café/*"_s << QByteArray("/caf%C3%A9/x") << true;
    QTest::newRow("encoded target exact") << u"/a b"_s << QByteArray("/a%20b") << true;
    QTest::newRow("target as sent") << u"/a%20b"_s << QByteArray("/a%20b") << true;
    QTest::newRow("utf-8 target") << u"/café"_s << QByteArray("/caf\xC3\xA9") << true;
    QTest::newRow("absolute form") << u"*/events"_s << QByteArray("http://h:1/events") << true;
}

void tst_CaptureRule::matches()
{
    QFETCH(QString, match);
    QFETCH(QByteArray, target);
    QFETCH(bool, expected);
    CaptureRule r;
    r.match = match;
    QCOMPARE(r.matches(target), expected);
}

QTEST_APPLESS_MAIN(tst_CaptureRule)
#include "tst_capturerule.moc"
