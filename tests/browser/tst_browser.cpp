// SPDX-License-Identifier: MIT
// Browser interop: headless Chromium runs the publisher's demo page against Sse::Publisher.
#include "sselib/publisher/publisher.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

/// Real time one Chromium run may take before it is killed. A page whose EventSource stays
/// open never lets the virtual time budget run out, so this is what ends a broken run. A good
/// run takes about 2 s; eight runs that all hang still end within ctest's TIMEOUT of 300 s.
constexpr int ChromiumTimeoutMs = 30000;
/// Virtual time for a page that should see its events: it closes its EventSource after
/// ?max=N events, and the rest of the budget then passes at once.
constexpr int LongBudgetMs = 10000;
/// Virtual time for a page that should see nothing.
constexpr int ShortBudgetMs = 3000;

/// Chromium's stderr without the noise it always makes here (no D-Bus; Debian's launcher
/// script complains about a test of its own), for failure messages.
QString chromiumErrors(const QByteArray &stderrBytes)
{
    QStringList lines = QString::fromLocal8Bit(stderrBytes).split(u'\n', Qt::SkipEmptyParts);
    lines.removeIf([](const QString &line) {
        return line.contains(u"dbus/"_s) || line.contains(u"unexpected operator"_s);
    });
    return lines.join(u'\n').right(4000);
}

/// What the demo page shows, read back from Chromium's --dump-dom.
struct PageState
{
    QString readyState; ///< the page's #state: "0", "1", "2" or "-"
    int count = -1; ///< #count
    int reconnects = -1; ///< #reconnects
    QString lastId; ///< #lastid
    bool done = false; ///< body data-done="true": the page closed after ?max events
    QStringList items; ///< the text of each <li>, one per event
    QStringList ids; ///< the "[id=N]" of each <li> ("" when it has none)
};

QString unescapeHtml(QString text)
{
    return text.replace(u"&lt;"_s, u"<"_s)
            .replace(u"&gt;"_s, u">"_s)
            .replace(u"&nbsp;"_s, u"\u00a0"_s)
            .replace(u"&amp;"_s, u"&"_s);
}

QString spanText(const QString &dom, const QString &id)
{
    const QRegularExpression span(
            u"<span id=\"%1\"[^>]*>([^<]*)</span>"_s.arg(QRegularExpression::escape(id)));
    const QRegularExpressionMatch match = span.match(dom);
    return match.hasMatch() ? unescapeHtml(match.captured(1)) : QString();
}

int spanNumber(const QString &dom, const QString &id)
{
    bool ok = false;
    const int value = spanText(dom, id).toInt(&ok);
    return ok ? value : -1;
}

PageState parsePage(const QString &dom)
{
    PageState page;
    page.readyState = spanText(dom, u"state"_s);
    page.count = spanNumber(dom, u"count"_s);
    page.reconnects = spanNumber(dom, u"reconnects"_s);
    page.lastId = spanText(dom, u"lastid"_s);
    page.done = QRegularExpression(u"<body[^>]*\\sdata-done=\"true\""_s).match(dom).hasMatch();
    static const QRegularExpression item(u"<li>([^<]*)</li>"_s);
    static const QRegularExpression id(u" \\[id=([^\\]]*)\\]$"_s);
    for (auto it = item.globalMatch(dom); it.hasNext();) {
        const QString text = unescapeHtml(it.next().captured(1));
        page.items.append(text);
        page.ids.append(id.match(text).captured(1));
    }
    return page;
}

QStringList numbers(qint64 first, qint64 last)
{
    QStringList list;
    for (qint64 n = first; n <= last; ++n)
        list.append(QString::number(n));
    return list;
}

/// The ids must be N, N+1, N+2, ...: no gap, no duplicate, no reordering.
bool areConsecutive(const QStringList &ids)
{
    bool ok = false;
    const qint64 first = ids.value(0).toLongLong(&ok);
    return ok && ids == numbers(first, first + ids.size() - 1);
}

/// `base` with a query built from `items`, each value percent-encoded as a whole (so a
/// value may itself hold a URL with a query).
QUrl withQuery(QUrl base, const QList<std::pair<QString, QString>> &items)
{
    QStringList pairs;
    for (const auto &[key, value] : items)
        pairs.append(key + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value)));
    base.setQuery(pairs.join(u'&'), QUrl::StrictMode);
    return base;
}

QString originOf(const QUrl &url)
{
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
            .toString(QUrl::FullyEncoded);
}

} // namespace

class tst_Browser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void page_showsFeedEvents();
    void serverEndsStream_browserResumesWithLastEventId();
    void crossOrigin_needsAllowOrigin_data();
    void crossOrigin_needsAllowOrigin();

private:
    void loadPage(const QUrl &url, int budgetMs, PageState *page, QString *netLog = nullptr);

    QString m_chromium;
};

void tst_Browser::initTestCase()
{
    m_chromium = QString::fromUtf8(SSEDASH_CHROMIUM_PATH);
    const QFileInfo info(m_chromium);
    if (m_chromium.isEmpty() || !info.isFile() || !info.isExecutable()) {
        const QString why = m_chromium.isEmpty()
                ? u"CMake found no chromium"_s
                : u"%1 is not an executable file"_s.arg(m_chromium);
        const QByteArray message =
                (why + u"; install it (packaging/setup-debian.sh --test) and reconfigure"_s)
                        .toUtf8();
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL(message.constData());
        QSKIP(message.constData());
    }
}

/// Runs headless Chromium on `url` until its virtual time budget is spent and reads the DOM
/// it dumps. The publishers live in this process, so the event loop keeps running meanwhile.
void tst_Browser::loadPage(const QUrl &url, int budgetMs, PageState *page, QString *netLog)
{
    QTemporaryDir profile;
    QVERIFY2(profile.isValid(), qPrintable(profile.errorString()));
    const QString netLogPath = profile.filePath(u"netlog.json"_s);
    // --disable-dev-shm-usage: containers often have a /dev/shm too small for Chromium.
    QStringList arguments{u"--headless"_s, u"--no-sandbox"_s, u"--disable-gpu"_s,
            u"--disable-quic"_s, u"--no-first-run"_s, u"--disable-background-networking"_s,
            u"--disable-component-update"_s, u"--disable-sync"_s, u"--no-proxy-server"_s,
            u"--disable-dev-shm-usage"_s, u"--user-data-dir="_s + profile.filePath(u"profile"_s),
            u"--virtual-time-budget="_s + QString::number(budgetMs)};
    if (netLog)
        arguments.append(u"--log-net-log="_s + netLogPath);
    arguments += {u"--dump-dom"_s, url.toString(QUrl::FullyEncoded)};

    QProcess chromium;
    chromium.setProgram(m_chromium);
    chromium.setArguments(arguments);
    QSignalSpy finished(&chromium, &QProcess::finished);
    const auto cleanUp = qScopeGuard([&chromium] {
        if (chromium.state() != QProcess::NotRunning) {
            chromium.kill();
            chromium.waitForFinished(5000);
        }
    });
    chromium.start();
    QVERIFY2(chromium.waitForStarted(), qPrintable(chromium.errorString()));
    // QSignalSpy::wait rather than QTRY_*: on a timeout QTRY goes on waiting twice as long
    // again to report how long would have been enough, and a hung run must end at the limit.
    QVERIFY2(!finished.isEmpty() || finished.wait(ChromiumTimeoutMs),
            qPrintable(u"Chromium still ran after %1 ms on %2 and was killed (an EventSource "
                       "that stays open keeps virtual time from passing); its stderr:\n%3"_s.arg(
                               QString::number(ChromiumTimeoutMs), url.toString(),
                               chromiumErrors(chromium.readAllStandardError()))));

    const QString dom = QString::fromUtf8(chromium.readAllStandardOutput());
    QVERIFY2(chromium.exitStatus() == QProcess::NormalExit && dom.contains(u"</html>"_s),
            qPrintable(u"Chromium (exit code %1) dumped no page for %2; its stderr:\n%3"_s.arg(
                    QString::number(chromium.exitCode()), url.toString(),
                    chromiumErrors(chromium.readAllStandardError()))));
    *page = parsePage(dom);
    if (netLog) {
        QFile file(netLogPath);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        *netLog = QString::fromUtf8(file.readAll());
    }
}

void tst_Browser::page_showsFeedEvents()
{
    Sse::PublisherOptions options;
    options.generator.interval = 50ms;
    options.generator.ids = Sse::GeneratorSettings::Ids::Counter;
    options.generator.heartbeat = 0ms;
    Sse::Publisher publisher(options);
    QVERIFY2(publisher.listen(), qPrintable(publisher.errorString()));

    PageState page;
    loadPage(withQuery(publisher.url(), {{u"max"_s, u"5"_s}}), LongBudgetMs, &page);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(page.items.size(), 5);
    static const QRegularExpression feedEvent(
            u"^send data: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\[id=\\d+\\]$"_s);
    for (const QString &item : std::as_const(page.items))
        QVERIFY2(feedEvent.match(item).hasMatch(), qPrintable(item));
    QVERIFY2(areConsecutive(page.ids), qPrintable(page.ids.join(u", "_s)));
    QCOMPARE(page.count, 5);
    QCOMPARE(page.lastId, page.ids.constLast());
    QCOMPARE(page.readyState, u"2"_s); // closed by the page itself
    QCOMPARE(page.reconnects, 0);
    QVERIFY(page.done);
}

// The publisher ends the first stream after 3 events (closeAfter=3). Events 4 and 5 are
// published while no client is connected, so only a reconnect with Last-Event-ID: 3, answered
// from the history, can bring them to the page; 6, 7 and 8 then arrive live.
void tst_Browser::serverEndsStream_browserResumesWithLastEventId()
{
    int published = 0;
    int connections = 0;
    int publishedBeforeReconnect = -1;
    Sse::PublisherOptions options;
    options.generator.interval = 0ms; // the test publishes, in step with the connections
    options.generator.ids = Sse::GeneratorSettings::Ids::Counter;
    options.generator.retry = 200ms;
    options.generator.heartbeat = 0ms;
    Sse::Publisher publisher(options);
    QVERIFY2(publisher.listen(), qPrintable(publisher.errorString()));
    QSignalSpy connected(&publisher, &Sse::Publisher::clientConnected);

    const auto publish = [&publisher, &published](int count) {
        for (int i = 0; i < count; ++i) {
            ++published;
            publisher.publish({}, "event " + QByteArray::number(published));
        }
    };
    // Queued, like a feed that ticks on its own: what the browser must show here does not
    // depend on what the publisher does with an event published inside clientConnected.
    connect(
            &publisher, &Sse::Publisher::clientConnected, &publisher,
            [&](const QString &, const QByteArray &channel) {
                if (!channel.isEmpty())
                    return;
                if (++connections == 2)
                    publishedBeforeReconnect = published;
                // Three per connection: without resume the page still reaches ?max, with a gap.
                publish(3);
            },
            Qt::QueuedConnection);
    connect(&publisher, &Sse::Publisher::clientDisconnected, &publisher,
            [&](const QString &, const QByteArray &channel) {
                if (channel.isEmpty() && connections == 1)
                    publish(2);
            });

    const QUrl url = withQuery(publisher.url(),
            {{u"src"_s, u"/events?closeAfter=3"_s}, {u"max"_s, u"8"_s}, {u"reinit"_s, u"60000"_s}});
    PageState page;
    QString netLog;
    loadPage(url, LongBudgetMs, &page, &netLog);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(publishedBeforeReconnect, 5); // 4 and 5 were never sent live
    QCOMPARE(page.ids, numbers(1, 8));
    QCOMPARE(page.items.constFirst(), u"event 1 [id=1]"_s);
    QCOMPARE(page.items.constLast(), u"event 8 [id=8]"_s);
    QCOMPARE(page.count, 8);
    QCOMPARE(page.lastId, u"8"_s);
    QVERIFY2(page.reconnects >= 1, qPrintable(QString::number(page.reconnects)));
    QCOMPARE(page.readyState, u"2"_s);
    QVERIFY(page.done);
    QVERIFY2(connected.size() >= 2, qPrintable(QString::number(connected.size())));

    // Chromium's own record of the reconnect: the header it sent, and the publisher's answer.
    QVERIFY2(netLog.contains(u"Last-Event-ID: 3"_s, Qt::CaseInsensitive),
            "Chromium's net log shows no request with Last-Event-ID: 3");
    QVERIFY2(netLog.contains(u"X-SSE-Resume: ok"_s, Qt::CaseInsensitive),
            "Chromium's net log shows no response with X-SSE-Resume: ok");
}

void tst_Browser::crossOrigin_needsAllowOrigin_data()
{
    QTest::addColumn<QByteArray>("allowOrigin"); // "{page}": the page's exact origin
    QTest::addColumn<bool>("allowCredentials");
    QTest::addColumn<bool>("withCredentials");
    QTest::addColumn<bool>("expectEvents");

    QTest::addRow("allow *") << "*"_ba << false << false << true;
    QTest::addRow("allow the page's origin") << "{page}"_ba << false << false << true;
    QTest::addRow("credentials, origin echoed") << "*"_ba << true << true << true;
    QTest::addRow("allow another origin") << "http://example.invalid"_ba << false << false << false;
    QTest::addRow("no CORS header") << QByteArray() << false << false << false;
    QTest::addRow("credentials, but *") << "*"_ba << false << true << false;
}

// The page comes from one publisher (one origin) and subscribes to another's /events.
void tst_Browser::crossOrigin_needsAllowOrigin()
{
    QFETCH(QByteArray, allowOrigin);
    QFETCH(bool, allowCredentials);
    QFETCH(bool, withCredentials);
    QFETCH(bool, expectEvents);

    Sse::PublisherOptions pageOptions;
    pageOptions.generator.interval = 0ms;
    pageOptions.generator.heartbeat = 0ms;
    Sse::Publisher pageServer(pageOptions);
    QVERIFY2(pageServer.listen(), qPrintable(pageServer.errorString()));
    const QString pageOrigin = originOf(pageServer.url());

    Sse::PublisherOptions options;
    options.generator.interval = 50ms;
    options.generator.ids = Sse::GeneratorSettings::Ids::Counter;
    options.generator.heartbeat = 0ms;
    options.allowOrigin = allowOrigin == "{page}" ? pageOrigin.toUtf8() : allowOrigin;
    options.allowCredentials = allowCredentials;
    Sse::Publisher publisher(options);
    QVERIFY2(publisher.listen(), qPrintable(publisher.errorString()));
    QVERIFY(publisher.port() != pageServer.port());
    QSignalSpy connected(&publisher, &Sse::Publisher::clientConnected);

    QList<std::pair<QString, QString>> query{{u"src"_s, publisher.url(u"/events"_s).toString()},
            {u"max"_s, u"5"_s}, {u"reinit"_s, u"60000"_s}};
    if (withCredentials)
        query.append({u"credentials"_s, u"1"_s});
    PageState page;
    loadPage(
            withQuery(pageServer.url(), query), expectEvents ? LongBudgetMs : ShortBudgetMs, &page);
    if (QTest::currentTestFailed())
        return;

    // Either way the browser reached the stream: what differs is whether it may read it.
    QVERIFY2(!connected.isEmpty(), "Chromium never requested the stream");
    if (expectEvents) {
        QCOMPARE(page.items.size(), 5);
        QVERIFY2(areConsecutive(page.ids), qPrintable(page.ids.join(u", "_s)));
        QCOMPARE(page.count, 5);
        QCOMPARE(page.readyState, u"2"_s);
        QVERIFY(page.done);
    } else {
        QVERIFY2(page.items.isEmpty(), qPrintable(page.items.join(u'\n')));
        QCOMPARE(page.count, 0);
        QCOMPARE(page.readyState, u"2"_s); // a CORS failure closes the EventSource for good
        QVERIFY(!page.done);
    }
}

QTEST_GUILESS_MAIN(tst_Browser)
#include "tst_browser.moc"
