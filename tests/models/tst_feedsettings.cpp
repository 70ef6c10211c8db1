// SPDX-License-Identifier: MIT
// Tests of FeedSettingsStore: feeds to and from an INI file, secrets, garbage, "Copy as curl".

#include "sselib/secrets.h"
#include "ui/models/feedsettings.h"

#include <QFile>
#include <QNetworkRequest>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr auto Token = "s3cr3t-token-4711"_L1;
constexpr auto CookieSecret = "sid=cookie-secret-0815"_L1;
constexpr auto UrlPassword = "pa55word"_L1;

// An empty `mentions`: no error; else an error that says it.
void verifyError(const QString &error, const QString &mentions)
{
    if (mentions.isEmpty())
        QCOMPARE(error, QString());
    else
        QVERIFY2(error.contains(mentions), qPrintable(error));
}

FeedConfig fullConfig(bool remember)
{
    FeedConfig config;
    config.name = u"Full feed \u00fc"_s;
    config.url = QUrl(u"https://user:%1@example.com:8443/api/stream?x=1&y=a%20b"_s.arg(UrlPassword),
            QUrl::StrictMode);
    Sse::SourceOptions &options = config.options;
    options.method = "POST";
    options.body = "{\"prompt\": \"it's\",\n \"n\": 1}";
    options.headers = {{"X-Trace", "abc, def"},
            {"Authorization", QByteArray("Bearer ") + Token.latin1()},
            {"Cookie", QByteArray(CookieSecret.latin1())}, {"X-Empty", ""}};
    options.initialLastEventId = "evt-42";
    options.withCredentials = true;
    options.allowCompression = true;
    options.ignoreTlsErrors = true;
    options.maxRedirects = 3;
    options.keepRawLines = true;
    options.reconnectionTime = 1234ms;
    options.readTimeout = 45500ms;
    options.maxLineSize = 4096;
    options.maxEventSize = 65536;
    Sse::ReconnectPolicy &policy = options.policy;
    policy.manualReinit = true;
    policy.reinitDelay = 7000ms;
    policy.obeyReconnectEvent = true;
    policy.reconnectEventType = "bye";
    policy.backoff = true;
    policy.backoffFactor = 1.5;
    policy.backoffCap = 90000ms;
    policy.jitter = 0.35;
    policy.healthyAfter = 12000ms;
    policy.maxAttempts = 9;
    config.llm = true;
    config.rememberSecrets = remember;
    config.logCapacity = 250000;
    return config;
}

// A second feed: defaults, but a body that is not UTF-8.
FeedConfig binaryBodyConfig()
{
    FeedConfig config;
    config.name = u"binary"_s;
    config.url = QUrl(u"http://127.0.0.1:8080/b"_s);
    config.options.method = "PUT";
    config.options.body = QByteArray("\xff\xfe\x00\x01 x", 6);
    return config;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && file.write(bytes) == bytes.size();
}

} // namespace

class tst_FeedSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void saveLoad_roundTripsEveryField();
    void save_neverWritesSecrets_data();
    void save_neverWritesSecrets();
    void load_movesPlainSecretsOutOfTheFile();
    void load_givesEachFeedItsOwnId();
    void save_keepsMissingSecretsUntilGiven();
    void save_replacesEarlierFeeds();
    void save_writesFormatVersion();
    void load_absentGroupGivesNothing();
    void load_garbageTakesDefaults();
    void load_hugeArraySizeIsBounded();
    void load_skipsBadUrl_data();
    void load_skipsBadUrl();
    void load_newerVersionWarns();
    void urlError_data();
    void urlError();
    void load_skipsHeaderWithNul();
    void methodError_data();
    void methodError();
    void headerRowsError_data();
    void headerRowsError();
    void curl_plainGet();
    void curl_postWithBody();
    void curl_redactsSecrets();
    void curl_redactsQueryTokens();
    void curl_quotesSingleQuotes();
    void curl_shellParsesItBack();

private:
    [[nodiscard]] QString iniPath() const { return m_dir->filePath(u"ssedash.ini"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_FeedSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_FeedSettings::saveLoad_roundTripsEveryField()
{
    const QList<FeedConfig> feeds{fullConfig(true), binaryBodyConfig(), FeedConfig{}};
    QList<FeedConfig> expected = feeds;
    // Secret values stay out of the file (the keychain keeps them): their names come back.
    expected[0].options.headers = Sse::Secrets::withoutSecrets(expected[0].options.headers);
    expected[0].missingSecrets = {"Authorization", "Cookie"};
    expected[0].url.setPassword({});
    expected[2].name = u"localhost/x"_s;
    expected[2].url = QUrl(u"http://localhost/x"_s);
    QList<FeedConfig> saved = feeds;
    saved[2].url = expected[2].url; // defaults, name derived from the URL
    for (FeedConfig &config : saved)
        config.id = QUuid::createUuid();
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        FeedSettingsStore::save(settings, saved);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    QSettings settings(iniPath(), QSettings::IniFormat);
    const FeedSettingsStore::LoadResult result = FeedSettingsStore::load(settings);
    QCOMPARE(result.warnings, QStringList());
    QCOMPARE(result.feeds.size(), expected.size());
    QCOMPARE(result.plainSecrets, QStringList());
    for (int i = 0; i < expected.size(); ++i) {
        QVERIFY2(result.feeds.at(i) == expected.at(i), qPrintable(u"feed %1 differs"_s.arg(i)));
        QCOMPARE(result.feeds.at(i).id, saved.at(i).id); // names its keychain entry
    }
}

void tst_FeedSettings::save_neverWritesSecrets_data()
{
    QTest::addColumn<bool>("remember");
    QTest::addRow("not remembered") << false;
    QTest::addRow("remembered") << true; // the keychain keeps them (tst_feedsecrets)
}

void tst_FeedSettings::save_neverWritesSecrets()
{
    QFETCH(bool, remember);
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        FeedSettingsStore::save(settings, {fullConfig(remember)});
    }
    const QByteArray text = fileBytes(iniPath());
    QVERIFY(text.contains("abc, def")); // the file is the one written, with the plain header
    QVERIFY(!text.contains(Token.latin1()));
    QVERIFY(!text.contains(CookieSecret.latin1()));
    QVERIFY(!text.contains(UrlPassword.latin1()));
    // The names of secret headers are kept either way: a value not given back is asked for.
    QVERIFY(text.contains("Authorization"));
    QVERIFY(text.contains("Cookie"));

    QSettings settings(iniPath(), QSettings::IniFormat);
    const FeedSettingsStore::LoadResult result = FeedSettingsStore::load(settings);
    QCOMPARE(result.feeds.size(), 1);
    FeedConfig expected = fullConfig(remember);
    expected.options.headers = Sse::Secrets::withoutSecrets(expected.options.headers);
    expected.missingSecrets = {"Authorization", "Cookie"};
    expected.url.setPassword({});
    QCOMPARE(result.feeds.constFirst(), expected);
}

void tst_FeedSettings::load_movesPlainSecretsOutOfTheFile()
{
    // As versions before the keychain wrote a remembered feed.
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        settings.setValue(u"feeds/version"_s, 1);
        settings.setValue(u"feeds/items/size"_s, 2);
        settings.setValue(u"feeds/items/1/name"_s, u"old"_s);
        settings.setValue(u"feeds/items/1/url"_s, u"http://u:%1@127.0.0.1/x"_s.arg(UrlPassword));
        settings.setValue(u"feeds/items/1/rememberSecrets"_s, true);
        settings.setValue(u"feeds/items/1/headers/size"_s, 1);
        settings.setValue(u"feeds/items/1/headers/1/name"_s, u"Cookie"_s);
        settings.setValue(u"feeds/items/1/headers/1/value"_s, CookieSecret);
        settings.setValue(u"feeds/items/2/name"_s, u"plain"_s);
        settings.setValue(u"feeds/items/2/url"_s, u"http://127.0.0.1/y"_s);
    }
    QVERIFY(fileBytes(iniPath()).contains(CookieSecret.latin1()));
    QSettings settings(iniPath(), QSettings::IniFormat);
    const FeedSettingsStore::LoadResult result = FeedSettingsStore::load(settings);
    QCOMPARE(result.plainSecrets, QStringList{u"old"_s});
    QCOMPARE(result.feeds.size(), 2);
    // In memory still (to go into the keychain), out of the file already.
    QCOMPARE(result.feeds.constFirst().options.headers,
            (Sse::HeaderList{{"Cookie", QByteArray(CookieSecret.latin1())}}));
    QCOMPARE(result.feeds.constFirst().url.password(), UrlPassword);
    const QByteArray text = fileBytes(iniPath());
    QVERIFY(!text.contains(CookieSecret.latin1()));
    QVERIFY(!text.contains(UrlPassword.latin1()));
    QVERIFY(text.contains("plain"));

    QSettings again(iniPath(), QSettings::IniFormat);
    const FeedSettingsStore::LoadResult reread = FeedSettingsStore::load(again);
    QCOMPARE(reread.plainSecrets, QStringList());
    QCOMPARE(reread.feeds.constFirst().missingSecrets, QList<QByteArray>{"Cookie"});
    QCOMPARE(reread.feeds.constFirst().id, result.feeds.constFirst().id);
}

void tst_FeedSettings::load_givesEachFeedItsOwnId()
{
    FeedConfig first = binaryBodyConfig();
    first.id = QUuid::createUuid();
    FeedConfig copied = first; // an entry copied by hand, id and all
    FeedConfig none = binaryBodyConfig();
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        FeedSettingsStore::save(settings, {first, copied, none});
        settings.setValue(u"feeds/items/3/id"_s, u"not a uuid"_s);
    }
    QSettings settings(iniPath(), QSettings::IniFormat);
    const QList<FeedConfig> feeds = FeedSettingsStore::load(settings).feeds;
    QCOMPARE(feeds.size(), 3);
    QCOMPARE(feeds.at(0).id, first.id);
    QVERIFY(!feeds.at(1).id.isNull());
    QVERIFY(!feeds.at(2).id.isNull());
    QVERIFY(feeds.at(1).id != first.id);
    QVERIFY(feeds.at(2).id != feeds.at(1).id);
}

void tst_FeedSettings::save_keepsMissingSecretsUntilGiven()
{
    FeedConfig config = binaryBodyConfig();
    config.options.headers = {{"Authorization", QByteArray("Bearer ") + Token.latin1()}};
    config.missingSecrets = {"X-Api-Key"}; // restored without a value, and still without one
    const auto roundTrip = [this](const FeedConfig &feed) {
        {
            QSettings settings(iniPath(), QSettings::IniFormat);
            FeedSettingsStore::save(settings, {feed});
        }
        QSettings settings(iniPath(), QSettings::IniFormat);
        return FeedSettingsStore::load(settings).feeds.value(0);
    };

    FeedConfig back = roundTrip(config);
    QVERIFY(back.options.headers.isEmpty());
    QCOMPARE(back.missingSecrets, (QList<QByteArray>{"X-Api-Key", "Authorization"}));

    // Remembered: the values are in the keychain, which gives them back (FeedSecrets).
    config.rememberSecrets = true;
    back = roundTrip(config);
    QVERIFY(back.options.headers.isEmpty());
    QCOMPARE(back.missingSecrets, (QList<QByteArray>{"X-Api-Key", "Authorization"}));
}

void tst_FeedSettings::save_replacesEarlierFeeds()
{
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        FeedSettingsStore::save(settings, {fullConfig(true), binaryBodyConfig()});
    }
    QVERIFY(fileBytes(iniPath()).contains("binary"));
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        FeedSettingsStore::save(settings, {fullConfig(false)});
    }
    QVERIFY(!fileBytes(iniPath()).contains("binary"));
    QSettings settings(iniPath(), QSettings::IniFormat);
    const FeedSettingsStore::LoadResult result = FeedSettingsStore::load(settings);
    QCOMPARE(result.feeds.size(), 1);
    QCOMPARE(result.feeds.constFirst().name, fullConfig(false).name);
}

void tst_FeedSettings::save_writesFormatVersion()
{
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        FeedSettingsStore::save(settings, {});
    }
    QSettings settings(iniPath(), QSettings::IniFormat);
    QCOMPARE(settings.value(u"feeds/version"_s).toInt(), FeedSettingsStore::FormatVersion);
    const FeedSettingsStore::LoadResult result = FeedSettingsStore::load(settings);
    QVERIFY(result.feeds.isEmpty());
    QVERIFY(result.warnings.isEmpty());
}

void tst_FeedSettings::load_absentGroupGivesNothing()
{
    QVERIFY(writeFile(iniPath(), "[window]\ngeometry=1\n"));
    QSettings settings(iniPath(), QSettings::IniFormat);
    const FeedSettingsStore::LoadResult result = FeedSettingsStore::load(settings);
    QVERIFY(result.feeds.isEmpty());
    QVERIFY(result.warnings.isEmpty());
}

void tst_FeedSettings::load_garbageTakesDefaults()
{
    QVERIFY(writeFile(iniPath(), R"([feeds]
version=1
items\size=2
items\1\url=http://example.com/a
items\1\method=GE T
items\1\withCredentials=maybe
items\1\allowCompression=
items\1\ignoreTlsErrors=2
items\1\reconnectionTimeMs=soon
items\1\idleTimeoutMs=-500
items\1\maxLineSize=0
items\1\backoffFactor=abc
items\1\backoffCapMs=1e400
items\1\jitter=nan
items\1\maxAttempts=-5
items\1\reconnectEventType=
items\1\logCapacity=12
items\1\headers\size=3
items\1\headers\1\name=Bad Name
items\1\headers\1\value=x
items\1\headers\2\name=X-Ok
items\1\headers\2\value=fine, really
items\1\headers\3\name=
items\1\missingSecrets\size=4
items\1\missingSecrets\1\name=Bad Name
items\1\missingSecrets\2\name=Cookie
items\1\missingSecrets\3\name=cookie
items\1\missingSecrets\4\name=X-Ok
items\2\url=https://example.com/b
)"));
    QSettings settings(iniPath(), QSettings::IniFormat);
    const FeedSettingsStore::LoadResult result = FeedSettingsStore::load(settings);
    QCOMPARE(result.feeds.size(), 2);

    FeedConfig expected;
    expected.name = u"example.com/a"_s;
    expected.url = QUrl(u"http://example.com/a"_s);
    expected.options.readTimeout = std::nullopt; // clamped into range: 0, off
    expected.options.policy.maxAttempts = std::nullopt; // -5 clamped to 0: never
    expected.logCapacity = FeedSettingsStore::MinLogCapacity;
    expected.options.headers = {{"X-Ok", "fine, really"}};
    expected.missingSecrets = {"Cookie"}; // once; not a bad name, nor one that has a value
    QCOMPARE(result.feeds.at(0), expected);

    FeedConfig second;
    second.name = u"example.com/b"_s;
    second.url = QUrl(u"https://example.com/b"_s);
    QCOMPARE(result.feeds.at(1), second);

    QCOMPARE(result.warnings.size(), 2); // "Bad Name" and the nameless header
    QVERIFY2(result.warnings.constFirst().contains(u"Bad Name"_s),
            qPrintable(result.warnings.join(u'\n')));
}

void tst_FeedSettings::load_hugeArraySizeIsBounded()
{
    QVERIFY(writeFile(iniPath(),
            "[feeds]\nitems\\size=2000000000\nitems\\1\\url=http://example.com/only\n"
            "items\\1\\headers\\size=2000000000\n"));
    QSettings settings(iniPath(), QSettings::IniFormat);
    const FeedSettingsStore::LoadResult result = FeedSettingsStore::load(settings);
    QCOMPARE(result.feeds.size(), 1);
    QCOMPARE(result.feeds.constFirst().url, QUrl(u"http://example.com/only"_s));
    QVERIFY(result.feeds.constFirst().options.headers.isEmpty());
}

void tst_FeedSettings::load_skipsBadUrl_data()
{
    QTest::addColumn<QByteArray>("urlLine");
    QTest::addRow("ftp") << "items\\1\\url=ftp://example.com/events\n"_ba;
    QTest::addRow("malformed") << "items\\1\\url=http://exa mple.com/\n"_ba;
    QTest::addRow("no scheme") << "items\\1\\url=example.com/events\n"_ba;
    QTest::addRow("no host") << "items\\1\\url=http:///events\n"_ba;
    QTest::addRow("empty") << "items\\1\\url=\n"_ba;
    QTest::addRow("missing") << QByteArray();
}

void tst_FeedSettings::load_skipsBadUrl()
{
    QFETCH(QByteArray, urlLine);
    QVERIFY(writeFile(iniPath(),
            "[feeds]\nversion=1\nitems\\size=2\nitems\\1\\name=Broken\n" + urlLine
                    + "items\\2\\name=Good\nitems\\2\\url=http://127.0.0.1:1/ok\n"));
    QSettings settings(iniPath(), QSettings::IniFormat);
    const FeedSettingsStore::LoadResult result = FeedSettingsStore::load(settings);
    QCOMPARE(result.feeds.size(), 1);
    QCOMPARE(result.feeds.constFirst().name, u"Good"_s);
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY2(result.warnings.constFirst().contains(u"\"Broken\""_s),
            qPrintable(result.warnings.constFirst()));
}

void tst_FeedSettings::load_newerVersionWarns()
{
    QVERIFY(writeFile(
            iniPath(), "[feeds]\nversion=99\nitems\\size=1\nitems\\1\\url=http://example.com/x\n"));
    QSettings settings(iniPath(), QSettings::IniFormat);
    const FeedSettingsStore::LoadResult result = FeedSettingsStore::load(settings);
    QCOMPARE(result.feeds.size(), 1);
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY(result.warnings.constFirst().contains(u"99"_s));
}

void tst_FeedSettings::urlError_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mentions"); // empty: the URL is fine
    QTest::addRow("http") << u"http://example.com/events"_s << QString();
    QTest::addRow("https with port") << u" https://127.0.0.1:8443/x?y=1 "_s << QString();
    QTest::addRow("empty") << u"  "_s << u"Enter"_s;
    QTest::addRow("ftp") << u"ftp://example.com/"_s << u"ftp"_s;
    QTest::addRow("no scheme") << u"example.com/events"_s << u"http://"_s;
    QTest::addRow("malformed") << u"http://exa mple.com/"_s << u"not a valid URL"_s;
    QTest::addRow("no host") << u"https:///events"_s << u"no host"_s;
}

void tst_FeedSettings::urlError()
{
    QFETCH(QString, url);
    QFETCH(QString, mentions);
    verifyError(FeedSettingsStore::urlError(url), mentions);
}

// A NUL in a saved header value would break the request line it goes into (fuzz_feedheaders).
void tst_FeedSettings::load_skipsHeaderWithNul()
{
    {
        FeedConfig config;
        config.url = QUrl(u"http://example.com/a"_s);
        config.options.headers = {{"X-Ok", "fine"}, {"X-Nul", QByteArray("a\0b", 3)}};
        QSettings settings(iniPath(), QSettings::IniFormat);
        FeedSettingsStore::save(settings, {config});
    }
    QSettings settings(iniPath(), QSettings::IniFormat);
    const FeedSettingsStore::LoadResult result = FeedSettingsStore::load(settings);
    QCOMPARE(result.feeds.size(), 1);
    QCOMPARE(result.feeds.constFirst().options.headers, Sse::HeaderList({{"X-Ok", "fine"}}));
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY2(result.warnings.constFirst().contains(u"X-Nul"_s), qPrintable(result.warnings.at(0)));
}

void tst_FeedSettings::methodError_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("mentions"); // empty: the method is fine
    QTest::addRow("GET") << u"GET"_s << QString();
    QTest::addRow("lower case, spaces") << u" report "_s << QString();
    QTest::addRow("empty") << u"  "_s << u"Enter the HTTP method"_s;
    QTest::addRow("space inside") << u"PO ST"_s << u"\"PO ST\""_s;
    QTest::addRow("not Latin-1") << u"G\u20acT"_s << u"G\u20acT"_s;
    QTest::addRow("Latin-1 letter") << u"G\u00c4T"_s << u"G\u00c4T"_s;
    QTest::addRow("NUL") << QString(u"GE\0T"_s) << u"not a valid HTTP method"_s;
}

void tst_FeedSettings::methodError()
{
    QFETCH(QString, method);
    QFETCH(QString, mentions);
    verifyError(FeedSettingsStore::methodError(method), mentions);
}

void tst_FeedSettings::headerRowsError_data()
{
    using Rows = QList<QPair<QString, QString>>;
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<int>("row"); // -1: all fine
    QTest::addColumn<QString>("mentions");
    QTest::addRow("none") << Rows() << -1 << QString();
    QTest::addRow("fine, empty row left out")
            << Rows{{u" X-Trace "_s, u" abc "_s}, {u" "_s, u" "_s}, {u"Accept"_s, QString()}} << -1
            << QString();
    QTest::addRow("value without name")
            << Rows{{u"X-A"_s, u"a"_s}, {QString(), u"b"_s}} << 1 << u"row 2"_s;
    QTest::addRow("bad name") << Rows{{u"Bad Name"_s, u"x"_s}} << 0 << u"\"Bad Name\""_s;
    QTest::addRow("name not Latin-1") << Rows{{u"X-\u20ac"_s, u"x"_s}} << 0 << u"X-\u20ac"_s;
    QTest::addRow("LF in value") << Rows{{u"X-A"_s, u"a\nX-B: b"_s}} << 0 << u"single line"_s;
    QTest::addRow("CR at the end") << Rows{{u"X-A"_s, u"a\r"_s}} << 0 << u"single line"_s;
    QTest::addRow("NUL in value") << Rows{{u"X-Ok"_s, u"1"_s}, {u"X-A"_s, QString(u"a\0b"_s)}} << 1
                                  << u"without NUL"_s;
    QTest::addRow("name twice") << Rows{{u"X-A"_s, u"1"_s}, {u"X-B"_s, u"2"_s}, {u" x-a"_s, u"3"_s}}
                                << 2 << u"\"x-a\" is given twice"_s;
}

void tst_FeedSettings::headerRowsError()
{
    using Rows = QList<QPair<QString, QString>>;
    QFETCH(Rows, rows);
    QFETCH(int, row);
    QFETCH(QString, mentions);
    const FeedSettingsStore::HeaderRowError error = FeedSettingsStore::headerRowsError(rows);
    QCOMPARE(error.row, row);
    QCOMPARE(error.text.isEmpty(), row < 0);
    QVERIFY2(error.text.contains(mentions), qPrintable(error.text));
    QVERIFY(FeedSettingsStore::isValidHeader("X-A", "a\tb \xc3\xa4"));
    QVERIFY(!FeedSettingsStore::isValidHeader("X-A", QByteArrayView("a\0b", 3)));
    QVERIFY(!FeedSettingsStore::isValidHeader("X A", "b"));

    // Why a name may not come twice: the request EventSource builds keeps the last value only.
    QNetworkRequest request;
    request.setRawHeader("X-A", "1");
    request.setRawHeader("x-a", "3");
    QCOMPARE(request.rawHeaderList().size(), 1);
    QCOMPARE(request.rawHeader("X-A"), "3"_ba);
}

void tst_FeedSettings::curl_plainGet()
{
    FeedConfig config;
    config.url = QUrl(u"http://127.0.0.1:8080/events?a=1&b=2"_s);
    const QString command = FeedSettingsStore::curlCommand(config);
    QVERIFY2(command.startsWith(u"curl -N "_s), qPrintable(command));
    QVERIFY2(!command.contains(u" -X "_s), qPrintable(command));
    QVERIFY2(!command.contains(u"--data"_s), qPrintable(command));
    QVERIFY2(!command.contains(u" -k"_s), qPrintable(command));
    QVERIFY2(command.contains(u"-H 'Accept: text/event-stream'"_s), qPrintable(command));
    QVERIFY2(command.endsWith(u" 'http://127.0.0.1:8080/events?a=1&b=2'"_s), qPrintable(command));
}

void tst_FeedSettings::curl_postWithBody()
{
    FeedConfig config;
    config.url = QUrl(u"https://api.example.com/v1/chat"_s);
    config.options.method = "POST";
    config.options.body = R"({"stream": true})";
    config.options.ignoreTlsErrors = true;
    config.options.initialLastEventId = "7";
    const QString command = FeedSettingsStore::curlCommand(config);
    QVERIFY2(command.contains(u" -X POST "_s), qPrintable(command));
    QVERIFY2(command.contains(u" -k "_s), qPrintable(command));
    QVERIFY2(command.contains(u"-H 'Last-Event-ID: 7'"_s), qPrintable(command));
    QVERIFY2(command.contains(u"-H 'Content-Type: application/json'"_s), qPrintable(command));
    QVERIFY2(command.contains(u"--data-binary '{\"stream\": true}'"_s), qPrintable(command));
}

void tst_FeedSettings::curl_redactsSecrets()
{
    const FeedConfig config = fullConfig(true);
    const QString redacted = FeedSettingsStore::curlCommand(config);
    QVERIFY2(!redacted.contains(Token), qPrintable(redacted));
    QVERIFY2(!redacted.contains(CookieSecret), qPrintable(redacted));
    QVERIFY2(!redacted.contains(UrlPassword), qPrintable(redacted));
    const QString marker = QString::fromLatin1(Sse::Secrets::redactedValue());
    QVERIFY2(redacted.contains(u"-H 'Authorization: "_s + marker + u'\''), qPrintable(redacted));
    QVERIFY2(redacted.contains(u"-H 'X-Trace: abc, def'"_s), qPrintable(redacted));
    QVERIFY2(redacted.contains(u"-H 'X-Empty;'"_s), qPrintable(redacted));

    const QString revealed = FeedSettingsStore::curlCommand(config, true);
    QVERIFY2(revealed.contains(u"-H 'Authorization: Bearer "_s + Token + u'\''),
            qPrintable(revealed));
    QVERIFY2(revealed.contains(CookieSecret), qPrintable(revealed));
    QVERIFY2(revealed.contains(UrlPassword), qPrintable(revealed));
}

// A token in the query is a credential as much as an Authorization header.
void tst_FeedSettings::curl_redactsQueryTokens()
{
    FeedConfig config;
    config.url = QUrl(u"https://example.com/events?access_token=t0k3n&x=1"_s);
    const QString redacted = FeedSettingsStore::curlCommand(config);
    QVERIFY2(!redacted.contains(u"t0k3n"_s), qPrintable(redacted));
    QVERIFY2(redacted.endsWith(u"?access_token=%5Bredacted%5D&x=1'"_s)
                    || redacted.endsWith(u"?access_token=[redacted]&x=1'"_s),
            qPrintable(redacted));
    const QString revealed = FeedSettingsStore::curlCommand(config, true);
    QVERIFY2(revealed.endsWith(u"?access_token=t0k3n&x=1'"_s), qPrintable(revealed));
}

void tst_FeedSettings::curl_quotesSingleQuotes()
{
    FeedConfig config;
    config.url = QUrl(u"http://example.com/it's"_s);
    config.options.headers = {{"X-Note", "it's here"}};
    const QString command = FeedSettingsStore::curlCommand(config);
    QVERIFY2(command.contains(u"-H 'X-Note: it'\\''s here'"_s), qPrintable(command));
}

void tst_FeedSettings::curl_shellParsesItBack()
{
    const QString shell = QStandardPaths::findExecutable(u"sh"_s);
    if (shell.isEmpty())
        QSKIP("no sh to parse the command");
    FeedConfig config;
    config.url = QUrl(u"http://example.com/x?q=$HOME&r=`id`"_s);
    config.options.method = "POST";
    config.options.body = "a 'quoted' \"double\" $HOME `id` \\ body\nline two";
    config.options.headers = {{"X-Note", "it's; rm -rf / #"}};
    const QString command = FeedSettingsStore::curlCommand(config);
    QVERIFY(command.startsWith(u"curl "_s));

    // The shell must hand curl exactly these words: print each one, NUL-terminated.
    QProcess process;
    process.start(
            shell, {u"-c"_s, u"printf '%s\\0' "_s + command.mid(QStringLiteral("curl ").size())});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    QByteArrayList words = process.readAllStandardOutput().split('\0');
    QCOMPARE(words.takeLast(), QByteArray());
    QVERIFY2(words.contains("X-Note: it's; rm -rf / #"), words.join('|').constData());
    QVERIFY2(words.contains(config.options.body), words.join('|').constData());
    QCOMPARE(words.constLast(), config.url.toEncoded());
    QCOMPARE(words.constFirst(), "-N"_ba);
}

QTEST_GUILESS_MAIN(tst_FeedSettings)
#include "tst_feedsettings.moc"
