// SPDX-License-Identifier: MIT
// Tests for sselib's HTTP vocabulary: HeaderList lookup, the token check and the URL check.

#include "sselib/eventsource.h"
#include "sselib/headers.h"
#include "sselib/httpurl.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_Http : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerValue_firstMatchIgnoringCase();
    void headerValue_absentDiffersFromEmpty();
    void isHttpToken_data();
    void isHttpToken();
    void checkHttpUrl_data();
    void checkHttpUrl();
    void eventSource_refusesUrlWithoutHost();
};

void tst_Http::headerValue_firstMatchIgnoringCase()
{
    const Sse::HeaderList headers{
            {"Content-Type", "text/event-stream"}, {"X-Twice", "one"}, {"x-twice", "two"}};
    QCOMPARE(Sse::headerValue(headers, "content-TYPE"), std::optional("text/event-stream"_ba));
    QCOMPARE(Sse::headerValue(headers, "X-TWICE"), std::optional("one"_ba));
}

void tst_Http::headerValue_absentDiffersFromEmpty()
{
    const Sse::HeaderList headers{{"X-Empty", ""}};
    QCOMPARE(Sse::headerValue(headers, "x-empty"), std::optional(QByteArray()));
    QCOMPARE(Sse::headerValue(headers, "X-Missing"), std::nullopt);
    QCOMPARE(Sse::headerValue({}, "X-Empty"), std::nullopt);
}

void tst_Http::isHttpToken_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("token");
    QTest::addRow("method") << "GET"_ba << true;
    QTest::addRow("header name") << "X-Api-Key"_ba << true;
    QTest::addRow("every symbol") << "!#$%&'*+-.^_`|~"_ba << true;
    QTest::addRow("digits") << "0123456789"_ba << true;
    QTest::addRow("empty") << QByteArray() << false;
    QTest::addRow("space") << "Bad Name"_ba << false;
    QTest::addRow("colon") << "a:b"_ba << false;
    QTest::addRow("separators") << "a(b)"_ba << false;
    QTest::addRow("quote") << "a\"b"_ba << false;
    QTest::addRow("tab") << "a\tb"_ba << false;
    QTest::addRow("NUL") << QByteArray("a\0b", 3) << false;
    QTest::addRow("Latin-1") << "caf\xe9"_ba << false;
    QTest::addRow("question mark") << "?"_ba << false;
}

void tst_Http::isHttpToken()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, token);
    QCOMPARE(Sse::isHttpToken(text), token);
}

void tst_Http::checkHttpUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<Sse::UrlCheck>("check");
    QTest::addRow("http") << u"http://example.com/events"_s << Sse::UrlCheck::Ok;
    QTest::addRow("https, port, query") << u"https://127.0.0.1:8443/x?y=1"_s << Sse::UrlCheck::Ok;
    QTest::addRow("upper-case scheme") << u"HTTP://example.com/"_s << Sse::UrlCheck::Ok;
    QTest::addRow("malformed") << u"http://exa mple.com/"_s << Sse::UrlCheck::Invalid;
    QTest::addRow("bad IPv6") << u"http://[::1"_s << Sse::UrlCheck::Invalid;
    QTest::addRow("no scheme") << u"example.com/events"_s << Sse::UrlCheck::Relative;
    QTest::addRow("empty") << QString() << Sse::UrlCheck::Invalid; // QUrl calls it invalid
    QTest::addRow("ftp") << u"ftp://example.com/"_s << Sse::UrlCheck::UnsupportedScheme;
    QTest::addRow("ws") << u"ws://example.com/"_s << Sse::UrlCheck::UnsupportedScheme;
    QTest::addRow("no host") << u"https:///events"_s << Sse::UrlCheck::NoHost;
    QTest::addRow("scheme only") << u"http:"_s << Sse::UrlCheck::NoHost;
}

void tst_Http::checkHttpUrl()
{
    QFETCH(QString, url);
    QFETCH(Sse::UrlCheck, check);
    QCOMPARE(Sse::checkHttpUrl(QUrl(url, QUrl::StrictMode)), check);
}

void tst_Http::eventSource_refusesUrlWithoutHost()
{
    // Before the one URL check, such a URL went out and failed as a (transient) network error.
    Sse::EventSource source(QUrl(u"http:///events"_s));
    QSignalSpy errors(&source, &Sse::EventSource::errorOccurred);
    QSignalSpy started(&source, &Sse::EventSource::connectionStarted);
    source.open();
    QVERIFY(errors.wait());
    const auto error = errors.first().first().value<Sse::SourceError>();
    QCOMPARE(error.kind, Sse::SourceError::Kind::InvalidUrl);
    QVERIFY(error.fatal);
    QVERIFY2(error.message.contains(u"no host"_s), qPrintable(error.message));
    QCOMPARE(source.readyState(), Sse::EventSource::ReadyState::Closed);
    QCOMPARE(started.size(), 0);
}

QTEST_GUILESS_MAIN(tst_Http)
#include "tst_http.moc"
