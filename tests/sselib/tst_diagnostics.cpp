// SPDX-License-Identifier: MIT
// Tests for Sse::Diagnostics::checkResponse and Sse::ArrivalMonitor.

#include "sselib/diagnostics.h"

#include <QByteArrayList>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

QString severityName(Sse::Finding::Severity severity)
{
    switch (severity) {
    case Sse::Finding::Severity::Info:
        return u"info"_s;
    case Sse::Finding::Severity::Warning:
        return u"warning"_s;
    case Sse::Finding::Severity::Problem:
        return u"problem"_s;
    }
    return {};
}

// "severity:code" for each finding, in order; also checks that each one explains itself.
QStringList summary(const QList<Sse::Finding> &findings)
{
    QStringList out;
    for (const Sse::Finding &finding : findings) {
        if (finding.message.isEmpty() || finding.advice.isEmpty())
            out.append(u"unexplained:"_s + finding.code);
        else
            out.append(severityName(finding.severity) + u':' + finding.code);
    }
    return out;
}

// The headers of a well-behaved event stream, with `changes` applied: "Name: value" sets a
// header, "Name:" removes it.
QList<QPair<QByteArray, QByteArray>> headersWith(const QByteArrayList &changes)
{
    QList<QPair<QByteArray, QByteArray>> headers = {
            {"Content-Type", "text/event-stream"},
            {"Cache-Control", "no-cache"},
    };
    for (const QByteArray &change : changes) {
        const qsizetype colon = change.indexOf(':');
        const QByteArray name = change.left(colon);
        const QByteArray value = change.mid(colon + 1).trimmed();
        headers.removeIf(
                [&name](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
        if (!value.isEmpty())
            headers.append({name, value});
    }
    return headers;
}

} // namespace

class tst_Diagnostics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkResponse_data();
    void checkResponse();
    void checkResponse_statusNamesWhatMatters_data();
    void checkResponse_statusNamesWhatMatters();
    void checkResponse_refusedHtmlBody_data();
    void checkResponse_refusedHtmlBody();
    void checkResponse_encoding();
    void droppedFinding_data();
    void droppedFinding();
    void arrivals_data();
    void arrivals();
    void arrivals_resetForgets();
};

void tst_Diagnostics::checkResponse_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("httpVersion");
    QTest::addColumn<QByteArrayList>("headerChanges");
    QTest::addColumn<QStringList>("expected");

    const QStringList none;
    QTest::addRow("clean stream") << 200 << "1.1"_ba << QByteArrayList() << none;
    QTest::addRow("http/2") << 200 << "2"_ba << QByteArrayList() << none;
    QTest::addRow("unknown status") << 0 << "1.1"_ba << QByteArrayList() << none;
    QTest::addRow("status 500") << 500 << "1.1"_ba << QByteArrayList()
                                << QStringList{u"problem:status"_s};
    QTest::addRow("status 204") << 204 << "1.1"_ba << QByteArrayList()
                                << QStringList{u"info:status"_s};

    QTest::addRow("charset utf-8")
            << 200 << "1.1"_ba << QByteArrayList{"Content-Type: text/event-stream; charset=utf-8"}
            << none;
    QTest::addRow("charset UTF-8 quoted, no space")
            << 200 << "1.1"_ba
            << QByteArrayList{"Content-Type: text/event-stream;charset=\"UTF-8\""} << none;
    QTest::addRow("essence in capitals")
            << 200 << "1.1"_ba << QByteArrayList{"Content-Type: Text/Event-Stream"} << none;
    QTest::addRow("extra parameter")
            << 200 << "1.1"_ba
            << QByteArrayList{"Content-Type: text/event-stream; charset=utf-8; version=2"}
            << QStringList{u"info:content-type-params"_s};
    QTest::addRow("latin-1 charset")
            << 200 << "1.1"_ba
            << QByteArrayList{"Content-Type: text/event-stream; charset=ISO-8859-1"}
            << QStringList{u"warning:content-type-charset"_s};
    QTest::addRow("latin-1 charset and a parameter")
            << 200 << "1.1"_ba
            << QByteArrayList{"Content-Type: text/event-stream; q=1; charset=latin1"}
            << QStringList{u"warning:content-type-charset"_s, u"info:content-type-params"_s};
    QTest::addRow("wrong content type")
            << 200 << "1.1"_ba << QByteArrayList{"Content-Type: application/json"}
            << QStringList{u"problem:content-type"_s};
    QTest::addRow("event-stream as a prefix only")
            << 200 << "1.1"_ba << QByteArrayList{"Content-Type: text/event-streams"}
            << QStringList{u"problem:content-type"_s};
    QTest::addRow("no content type") << 200 << "1.1"_ba << QByteArrayList{"Content-Type:"}
                                     << QStringList{u"problem:content-type"_s};

    QTest::addRow("gzip") << 200 << "1.1"_ba << QByteArrayList{"Content-Encoding: gzip"}
                          << QStringList{u"warning:content-encoding"_s};
    QTest::addRow("br") << 200 << "2"_ba << QByteArrayList{"content-encoding: br"}
                        << QStringList{u"warning:content-encoding"_s};
    QTest::addRow("identity encoding")
            << 200 << "1.1"_ba << QByteArrayList{"Content-Encoding: identity"} << none;
    QTest::addRow("zstd, which cannot be decoded")
            << 200 << "1.1"_ba << QByteArrayList{"Content-Encoding: zstd"}
            << QStringList{u"problem:content-encoding"_s};

    QTest::addRow("no cache-control") << 200 << "1.1"_ba << QByteArrayList{"Cache-Control:"}
                                      << QStringList{u"warning:no-cache-control"_s};
    QTest::addRow("cache-control max-age only")
            << 200 << "1.1"_ba << QByteArrayList{"Cache-Control: public, max-age=60"}
            << QStringList{u"warning:no-cache-control"_s};
    QTest::addRow("cache-control no-store")
            << 200 << "1.1"_ba << QByteArrayList{"Cache-Control: no-store"} << none;
    QTest::addRow("cache-control list with no-cache")
            << 200 << "1.1"_ba << QByteArrayList{"Cache-Control: private, No-Cache, no-transform"}
            << none;

    QTest::addRow("x-accel-buffering yes")
            << 200 << "1.1"_ba << QByteArrayList{"X-Accel-Buffering: yes"}
            << QStringList{u"warning:x-accel-buffering"_s};
    QTest::addRow("x-accel-buffering no")
            << 200 << "1.1"_ba << QByteArrayList{"X-Accel-Buffering: no"} << none;
    QTest::addRow("connection close on http/1.1")
            << 200 << "1.1"_ba << QByteArrayList{"Connection: close"} << none;
    QTest::addRow("chunked") << 200 << "1.1"_ba << QByteArrayList{"Transfer-Encoding: chunked"}
                             << none;

    QTest::addRow("everything wrong with a stream, in order")
            << 200 << "1.1"_ba
            << QByteArrayList{"Content-Type: text/event-stream; charset=latin1; v=1",
                       "Content-Encoding: gzip", "Cache-Control:", "X-Accel-Buffering: YES"}
            << QStringList{u"warning:content-type-charset"_s, u"info:content-type-params"_s,
                       u"warning:content-encoding"_s, u"warning:no-cache-control"_s,
                       u"warning:x-accel-buffering"_s};
    // A refused response was never a stream: no advice about caching, buffering or encoding.
    QTest::addRow("refused status: the status only")
            << 502 << "1.1"_ba
            << QByteArrayList{"Content-Type: text/plain", "Content-Encoding: gzip",
                       "Cache-Control:", "X-Accel-Buffering: YES"}
            << QStringList{u"problem:status"_s};
    QTest::addRow("refused content type: the content type only")
            << 200 << "1.1"_ba
            << QByteArrayList{"Content-Type: application/json", "Content-Encoding: gzip",
                       "Cache-Control:", "X-Accel-Buffering: YES"}
            << QStringList{u"problem:content-type"_s};
    QTest::addRow("401 without Cache-Control")
            << 401 << "1.1"_ba << QByteArrayList{"Content-Type: application/json", "Cache-Control:"}
            << QStringList{u"problem:status"_s};
}

void tst_Diagnostics::checkResponse()
{
    QFETCH(int, status);
    QFETCH(QByteArray, httpVersion);
    QFETCH(QByteArrayList, headerChanges);
    QFETCH(QStringList, expected);

    Sse::ResponseInfo response;
    response.connection = 1;
    response.status = status;
    response.reason = "Reason";
    response.httpVersion = httpVersion;
    response.headers = headersWith(headerChanges);

    // Joined, so that a failure shows the codes rather than only the list sizes.
    QCOMPARE(summary(Sse::Diagnostics::checkResponse(response)).join(u", "), expected.join(u", "));
}

void tst_Diagnostics::checkResponse_statusNamesWhatMatters_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArrayList>("headerChanges");
    QTest::addColumn<QStringList>("mentioned"); // in the message or the advice, any case
    QTest::addColumn<QStringList>("notMentioned");

    const QStringList caching{u"cach"_s, u"buffer"_s};
    QTest::addRow("401: credentials, not caching")
            << 401 << QByteArrayList{"WWW-Authenticate: Bearer realm=\"feeds\""}
            << QStringList{u"401 Reason"_s, u"credentials"_s, u"Authorization"_s, u"expired"_s,
                       u"Bearer realm=\"feeds\""_s}
            << caching;
    QTest::addRow("403: permissions, CORS, CSRF")
            << 403 << QByteArrayList()
            << QStringList{u"permissions"_s, u"Origin"_s, u"CORS"_s, u"CSRF"_s} << caching;
    QTest::addRow("404: the path") << 404 << QByteArrayList()
                                   << QStringList{u"path"_s, u"no stream at this URL"_s} << caching;
    QTest::addRow("405: the method, with Allow")
            << 405 << QByteArrayList{"Allow: POST"}
            << QStringList{u"method"_s, u"GET"_s, u"POST"_s, u"It allows: POST."_s} << caching;
    QTest::addRow("429: rate limit and Retry-After")
            << 429 << QByteArrayList{"Retry-After: 30"}
            << QStringList{u"limit"_s, u"Retry-After: 30"_s, u"backoff"_s} << caching;
    QTest::addRow("429 without Retry-After")
            << 429 << QByteArrayList() << QStringList{u"rate limits"_s, u"backoff"_s}
            << QStringList{u"Retry-After"_s};
    QTest::addRow("500: the server's log")
            << 500 << QByteArrayList() << QStringList{u"server's log"_s} << caching;
    QTest::addRow("502: the proxy")
            << 502 << QByteArrayList() << QStringList{u"proxy"_s, u"upstream"_s} << caching;
    QTest::addRow("503: overloaded, Retry-After")
            << 503 << QByteArrayList{"Retry-After: 120"}
            << QStringList{u"overloaded"_s, u"Retry-After: 120"_s} << caching;
    QTest::addRow("504: the proxy")
            << 504 << QByteArrayList() << QStringList{u"proxy"_s, u"timeouts"_s} << caching;
    QTest::addRow("204: stop reconnecting")
            << 204 << QByteArrayList() << QStringList{u"stop reconnecting"_s} << caching;
    QTest::addRow("300: a redirection not followed, with Location")
            << 300 << QByteArrayList{"Location: http://example.invalid/events"}
            << QStringList{u"Location: http://example.invalid/events"_s, u"not followed"_s}
            << QStringList{u"refused"_s, u"request headers"_s};
    QTest::addRow("304 without Location")
            << 304 << QByteArrayList() << QStringList{u"redirection"_s}
            << QStringList{u"refused"_s};
}

void tst_Diagnostics::checkResponse_statusNamesWhatMatters()
{
    QFETCH(int, status);
    QFETCH(QByteArrayList, headerChanges);
    QFETCH(QStringList, mentioned);
    QFETCH(QStringList, notMentioned);
    Sse::ResponseInfo response;
    response.status = status;
    response.reason = "Reason";
    response.httpVersion = "1.1";
    response.headers = headersWith(QByteArrayList{"Cache-Control:"} + headerChanges);

    const QList<Sse::Finding> findings = Sse::Diagnostics::checkResponse(response);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().code, u"status"_s);
    const QString text = findings.first().message + u'\n' + findings.first().advice;
    for (const QString &word : mentioned)
        QVERIFY2(text.contains(word, Qt::CaseInsensitive), qPrintable(word + u": "_s + text));
    for (const QString &word : notMentioned)
        QVERIFY2(!text.contains(word, Qt::CaseInsensitive), qPrintable(word + u": "_s + text));
}

void tst_Diagnostics::checkResponse_refusedHtmlBody_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("expected");
    const QStringList statusAndHtml{u"problem:status"_s, u"info:refused-html"_s};
    QTest::addRow("401 login page") << 401 << "text/html; charset=utf-8"_ba
                                    << "<html><form>Log in</form></html>"_ba << statusAndHtml;
    QTest::addRow("502 page sent as text/plain")
            << 502 << "text/plain"_ba
            << "\n <!DOCTYPE html><html>Bad Gateway</html>"_ba << statusAndHtml;
    QTest::addRow("200 login page instead of the stream")
            << 200 << "text/html"_ba
            << "<!doctype html><title>Sign in</title>"_ba
            << QStringList{u"problem:content-type"_s, u"info:refused-html"_s};
    QTest::addRow("401 JSON") << 401 << "application/json"_ba
                              << "{\"error\":\"expired\"}"_ba << QStringList{u"problem:status"_s};
    QTest::addRow("404 HTML type, no body")
            << 404 << "text/html"_ba << QByteArray() << QStringList{u"problem:status"_s};
}

void tst_Diagnostics::checkResponse_refusedHtmlBody()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, expected);
    Sse::ResponseInfo response;
    response.status = status;
    response.reason = "Reason";
    response.headers = headersWith({"Content-Type: " + contentType});
    response.body = body;
    QCOMPARE(summary(Sse::Diagnostics::checkResponse(response)).join(u", "), expected.join(u", "));
}

void tst_Diagnostics::droppedFinding_data()
{
    using Kind = Sse::ParseError::Kind;
    QTest::addColumn<Sse::ParseError>("error");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QStringList>("saying");
    QTest::addRow("one long line")
            << Sse::ParseError{Kind::LineTooLong, 1024} << 1 << u"problem:line-too-long"_s
            << QStringList{
                       u"A line longer than 1024 bytes"_s, u"not in the log"_s, u"maxLineSize"_s};
    QTest::addRow("three large events")
            << Sse::ParseError{Kind::EventTooLarge, 4096} << 3 << u"problem:event-too-large"_s
            << QStringList{u"3 events with more than 4096 bytes"_s, u"not in the log"_s,
                       u"maxEventSize"_s};
    QTest::addRow("unfinished event")
            << Sse::ParseError{Kind::UnfinishedEvent, 0} << 1 << u"warning:unfinished-event"_s
            << QStringList{u"ended inside an event"_s, u"blank line"_s, u"browsers"_s};
}

// What the dashboard says when events were dropped: how many, why, and what to change.
void tst_Diagnostics::droppedFinding()
{
    QFETCH(Sse::ParseError, error);
    QFETCH(int, count);
    QFETCH(QString, summary);
    QFETCH(QStringList, saying);
    const Sse::Finding finding = Sse::Diagnostics::droppedFinding(error, count);
    QCOMPARE(::summary({finding}), QStringList{summary});
    const QString text = finding.message + u' ' + finding.advice;
    for (const QString &words : saying)
        QVERIFY2(text.contains(words), qPrintable(text));
}

void tst_Diagnostics::checkResponse_encoding()
{
    Sse::ResponseInfo response;
    response.status = 200;
    response.headers = headersWith({"Content-Encoding: gzip"});
    response.contentEncoding = "gzip";

    // Decoded: named, with the buffering it causes, and no claim that anything was lost.
    const QList<Sse::Finding> decoded = Sse::Diagnostics::checkResponse(response);
    QCOMPARE(summary(decoded), QStringList{u"warning:content-encoding"_s});
    const QString message = decoded.first().message;
    QVERIFY2(message.contains(u"gzip"_s) && message.contains(u"decodes"_s), qPrintable(message));
    QVERIFY2(message.contains(u"arrive late"_s), qPrintable(message));
    QVERIFY2(!message.contains(u"lost"_s), qPrintable(message));

    // A body that could not be decoded: a Problem that says so, not a word about latency.
    const Sse::SourceError failed{Sse::SourceError::Kind::ContentEncoding, true, 200,
            u"The body could not be decoded as gzip (incorrect header check)."_s};
    const QList<Sse::Finding> broken = Sse::Diagnostics::checkResponse(response, failed);
    QCOMPARE(summary(broken), QStringList{u"problem:content-encoding"_s});
    QVERIFY2(broken.first().message.contains(u"could not be decoded as gzip"_s),
            qPrintable(broken.first().message));
    for (const QString &word : {u"arrive late"_s, u"burst"_s, u"buffer"_s})
        QVERIFY2(!broken.first().message.contains(word), qPrintable(broken.first().message));

    // An encoding that cannot be decoded keeps its own Problem.
    Sse::ResponseInfo zstd = response;
    zstd.headers = headersWith({"Content-Encoding: zstd"});
    zstd.contentEncoding = "zstd";
    const QList<Sse::Finding> unknown = Sse::Diagnostics::checkResponse(zstd, failed);
    QCOMPARE(unknown, Sse::Diagnostics::checkResponse(zstd));
    QVERIFY2(unknown.first().message.contains(u"zstd, which ssedash cannot decode"_s),
            qPrintable(unknown.first().message));

    // Other errors leave the findings as they are.
    const Sse::SourceError ended{Sse::SourceError::Kind::StreamEnded, false, 200, u"ended"_s};
    QCOMPARE(Sse::Diagnostics::checkResponse(response, ended), decoded);
}

void tst_Diagnostics::arrivals_data()
{
    // Each step is "open MS", "bytes MS", "comment MS" or "event MS".
    QTest::addColumn<QByteArrayList>("steps");
    QTest::addColumn<qint64>("nowMs");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("bursts");

    const QStringList none;
    const auto burst = [](QByteArrayList &steps, qint64 at, int events, qint64 spacingMs,
                               bool withBytes) {
        if (withBytes)
            steps.append("bytes " + QByteArray::number(at));
        for (int i = 0; i < events; ++i)
            steps.append("event " + QByteArray::number(at + i * spacingMs));
    };

    QTest::addRow("nothing at all") << QByteArrayList() << qint64(100000) << none << 0;

    {
        QByteArrayList steps{"open 0"};
        for (qint64 t = 100; t <= 10000; t += 100)
            steps.append("event " + QByteArray::number(t));
        QTest::addRow("steady stream") << steps << qint64(10100) << none << 0;
    }
    {
        QByteArrayList steps{"open 0"};
        burst(steps, 3000, 8, 5, true);
        QTest::addRow("one burst is chance") << steps << qint64(4000) << none << 1;
    }
    {
        QByteArrayList steps{"open 0"};
        burst(steps, 3000, 8, 5, true);
        burst(steps, 6000, 5, 10, true);
        QTest::addRow("two bursts")
                << steps << qint64(7000) << QStringList{u"warning:bursts"_s} << 2;
    }
    {
        QByteArrayList steps{"open 0"};
        burst(steps, 3000, 5, 0, false);
        burst(steps, 6000, 5, 0, false);
        burst(steps, 9000, 5, 0, false);
        QTest::addRow("three bursts, events only")
                << steps << qint64(9500) << QStringList{u"warning:bursts"_s} << 3;
    }
    {
        QByteArrayList steps{"open 0"};
        burst(steps, 2000, 5, 10, true);
        burst(steps, 4040, 5, 10, true);
        QTest::addRow("exactly 2 s of silence, 5 events within 50 ms")
                << steps << qint64(5000) << QStringList{u"warning:bursts"_s} << 2;
    }
    {
        QByteArrayList steps{"open 0"};
        burst(steps, 1999, 5, 10, true);
        burst(steps, 4000 - 1, 5, 10, true);
        QTest::addRow("silence just under 2 s") << steps << qint64(5000) << none << 0;
    }
    {
        QByteArrayList steps{"open 0"};
        burst(steps, 3000, 4, 1, true);
        burst(steps, 6000, 4, 1, true);
        QTest::addRow("bursts of four") << steps << qint64(7000) << none << 0;
    }
    {
        QByteArrayList steps{"open 0"};
        burst(steps, 3000, 5, 15, true);
        burst(steps, 6000, 5, 15, true);
        QTest::addRow("five events over 60 ms") << steps << qint64(7000) << none << 0;
    }
    {
        // Heartbeats every second break the silence: these are batches, not buffering.
        QByteArrayList steps{"open 0"};
        for (qint64 t = 1000; t <= 9000; t += 1000)
            steps.append("comment " + QByteArray::number(t));
        burst(steps, 3500, 5, 0, false);
        burst(steps, 7500, 5, 0, false);
        std::sort(steps.begin() + 1, steps.end(), [](const QByteArray &a, const QByteArray &b) {
            return a.split(' ').at(1).toLongLong() < b.split(' ').at(1).toLongLong();
        });
        QTest::addRow("heartbeats between batches") << steps << qint64(9500) << none << 0;
    }

    QTest::addRow("silent 30 s after open")
            << QByteArrayList{"open 1000"} << qint64(31000) << none << 0;
    QTest::addRow("silent 30.001 s after open") << QByteArrayList{"open 1000"} << qint64(31001)
                                                << QStringList{u"warning:long-silence"_s} << 0;
    QTest::addRow("silent 60 s after a byte")
            << QByteArrayList{"open 0", "bytes 500"} << qint64(60500)
            << QStringList{u"warning:long-silence"_s} << 0;
    QTest::addRow("silent over 60 s after an event")
            << QByteArrayList{"open 0", "event 500"} << qint64(60501)
            << QStringList{u"problem:long-silence"_s} << 0;
    {
        QByteArrayList steps{"open 0"};
        for (qint64 t = 15000; t <= 300000; t += 15000)
            steps.append("comment " + QByteArray::number(t));
        QTest::addRow("heartbeat every 15 s") << steps << qint64(310000) << none << 0;
    }
    QTest::addRow("an earlier 45 s gap is remembered")
            << QByteArrayList{"open 0", "event 1000", "event 46000", "event 47000"} << qint64(48000)
            << QStringList{u"warning:long-silence"_s} << 0;
    QTest::addRow("time between connections is not silence")
            << QByteArrayList{"open 0", "event 1000", "open 100000", "event 100500"}
            << qint64(101000) << none << 0;
    QTest::addRow("a clock stepping back does no harm")
            << QByteArrayList{"open 10000", "event 11000", "event 9000", "event 11500"}
            << qint64(12000) << none << 0;
    {
        QByteArrayList steps{"open 0"};
        burst(steps, 40000, 5, 0, true);
        burst(steps, 43000, 5, 0, true);
        QTest::addRow("bursts after a long silence")
                << steps << qint64(43100)
                << QStringList{u"warning:bursts"_s, u"warning:long-silence"_s} << 2;
    }
}

void tst_Diagnostics::arrivals()
{
    QFETCH(QByteArrayList, steps);
    QFETCH(qint64, nowMs);
    QFETCH(QStringList, expected);
    QFETCH(int, bursts);

    Sse::ArrivalMonitor monitor;
    for (const QByteArray &step : steps) {
        const QByteArrayList parts = step.split(' ');
        QCOMPARE(parts.size(), 2);
        const qint64 ms = parts.at(1).toLongLong();
        if (parts.at(0) == "open")
            monitor.connectionOpened(ms);
        else if (parts.at(0) == "bytes")
            monitor.bytesArrived(ms);
        else if (parts.at(0) == "comment")
            monitor.commentArrived(ms);
        else if (parts.at(0) == "event")
            monitor.eventArrived(ms);
        else
            QFAIL(step.constData());
    }
    QCOMPARE(summary(monitor.findings(nowMs)).join(u", "), expected.join(u", "));
    QCOMPARE(monitor.burstCount(), bursts);
}

void tst_Diagnostics::arrivals_resetForgets()
{
    Sse::ArrivalMonitor monitor;
    monitor.connectionOpened(0);
    monitor.eventArrived(90000);
    QCOMPARE(monitor.longestSilence(), std::chrono::milliseconds(90000));
    QCOMPARE(summary(monitor.findings(90000)), QStringList{u"problem:long-silence"_s});

    monitor.reset();
    QCOMPARE(monitor.longestSilence(), std::chrono::milliseconds(0));
    QVERIFY(monitor.findings(200000).isEmpty());
}

QTEST_GUILESS_MAIN(tst_Diagnostics)
#include "tst_diagnostics.moc"
