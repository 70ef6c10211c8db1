// SPDX-License-Identifier: MIT
// Tests of SecretStore and FeedSecrets against a real Secret Service (gnome-keyring), and without.
//
// The keychain functions run under tests/support/with-keyring.sh (a throwaway D-Bus session and
// keyring); noService_noticeOnceAndNoSecretInFile runs in a process of its own whose
// DBUS_SESSION_BUS_ADDRESS leads nowhere (QtKeychain picks its backend once per process).

#include "ui/models/feedlist.h"
#include "ui/models/feedsecrets.h"
#include "ui/models/feedsettings.h"
#include "ui/models/secretstore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr auto Service = "ssedash-test"_L1;
constexpr auto Token = "s3cr3t-token-4711"_L1;
constexpr auto UrlPassword = "pa55word-0815"_L1;
constexpr int KeychainWaitMs = 15000; // every wait for a keychain answer is bounded by this

QByteArray bearer()
{
    return QByteArray("Bearer ") + Token.latin1();
}

FeedConfig rememberedConfig()
{
    FeedConfig config;
    config.name = u"remembered"_s;
    config.url = QUrl(u"http://user:%1@127.0.0.1:8080/events"_s.arg(UrlPassword));
    config.options.headers = {{"X-Trace", "abc"}, {"Authorization", bearer()}};
    config.rememberSecrets = true;
    return config;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What a version before the keychain wrote for a feed with rememberSecrets.
void writeLegacyFile(const QString &path)
{
    QSettings settings(path, QSettings::IniFormat);
    settings.setValue(u"feeds/version"_s, 1);
    settings.setValue(u"feeds/items/size"_s, 1);
    settings.setValue(u"feeds/items/1/name"_s, u"legacy"_s);
    settings.setValue(
            u"feeds/items/1/url"_s, u"http://user:%1@127.0.0.1:8080/x"_s.arg(UrlPassword));
    settings.setValue(u"feeds/items/1/rememberSecrets"_s, true);
    settings.setValue(u"feeds/items/1/headers/size"_s, 1);
    settings.setValue(u"feeds/items/1/headers/1/name"_s, u"Authorization"_s);
    settings.setValue(u"feeds/items/1/headers/1/value"_s, QString::fromLatin1(bearer()));
}

// The value FeedSecrets keeps for `config`, read straight from the keychain; null when absent.
std::optional<QByteArray> keychainEntry(const FeedConfig &config)
{
    SecretStore store(Service);
    QSignalSpy read(&store, &SecretStore::readFinished);
    store.read(FeedSecrets::keyOf(config));
    if (!read.wait(KeychainWaitMs))
        return QByteArray("<no answer>");
    if (read.constFirst().at(2).value<SecretStore::Result>() != SecretStore::Result::Ok)
        return std::nullopt;
    return read.constFirst().at(1).toByteArray();
}

// A FeedList whose remembered secrets go to the test keychain, with spies on the store's answers.
struct KeychainFeeds
{
    KeychainFeeds() { secrets.setStore(&store); }

    SecretStore store{Service};
    FeedList feeds;
    FeedSecrets secrets{&feeds};
    QSignalSpy written{&store, &SecretStore::writeFinished};
    QSignalSpy removed{&store, &SecretStore::removeFinished};
};

bool underTestKeyring()
{
    return qEnvironmentVariableIntValue("SSEDASH_TEST_KEYRING") == 1;
}

} // namespace

class tst_FeedSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void encodeApply_roundTrips();
    void store_writeReadRemove();
    void remembered_inKeychainNotInFile();
    void migration_movesPlainSecretsIntoKeychain();
    void removedFeed_deletesItsEntry();
    void rememberOff_deletesTheEntry();
    void noService_noticeOnceAndNoSecretInFile();

private:
    [[nodiscard]] QString iniPath() const { return m_dir->filePath(u"ssedash.ini"_s); }

    /// A store whose keychain answered that it is there.
    void waitAvailable(SecretStore *store);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_FeedSecrets::init()
{
    const QByteArray name = QTest::currentTestFunction();
    const bool needsKeyring =
            name != "noService_noticeOnceAndNoSecretInFile" && name != "encodeApply_roundTrips";
    if (needsKeyring && !underTestKeyring())
        QSKIP("needs a throwaway keyring: run through tests/support/with-keyring.sh");
    if (!needsKeyring && underTestKeyring() && name.startsWith("noService"))
        QSKIP("needs a process without a keychain (ctest runs it so)");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_FeedSecrets::waitAvailable(SecretStore *store)
{
    store->checkAvailability();
    QTRY_COMPARE_WITH_TIMEOUT(
            store->availability(), SecretStore::Availability::Available, KeychainWaitMs);
}

void tst_FeedSecrets::encodeApply_roundTrips()
{
    FeedConfig config = rememberedConfig();
    config.options.headers.append({"Cookie", QByteArray("sid=\xff\xfe", 6)}); // not UTF-8
    const QByteArray data = FeedSecrets::encode(config);
    QVERIFY(!data.contains("X-Trace")); // only secrets

    FeedConfig restored = config;
    restored.url.setPassword({});
    restored.options.headers = {{"X-Trace", "abc"}, {"Cookie", "typed since"}};
    restored.missingSecrets = {"Authorization"};
    FeedSecrets::apply(data, &restored);
    QCOMPARE(restored.url, config.url);
    QCOMPARE(restored.missingSecrets, QList<QByteArray>());
    // A value given since stays; the missing one comes back.
    QCOMPARE(restored.options.headers,
            (Sse::HeaderList{
                    {"X-Trace", "abc"}, {"Cookie", "typed since"}, {"Authorization", bearer()}}));

    FeedConfig plain;
    plain.options.headers = {{"X-Trace", "abc"}};
    QCOMPARE(FeedSecrets::encode(plain), QByteArray());
}

void tst_FeedSecrets::store_writeReadRemove()
{
    SecretStore store(Service);
    waitAvailable(&store);
    QSignalSpy written(&store, &SecretStore::writeFinished);
    QSignalSpy read(&store, &SecretStore::readFinished);
    QSignalSpy removed(&store, &SecretStore::removeFinished);

    const QByteArray value("binary \x00\xff value", 15);
    store.write(u"k1"_s, value);
    QCOMPARE(store.pendingJobs(), 1); // answered later: the call did not wait
    QVERIFY(written.wait(KeychainWaitMs));
    QCOMPARE(written.constFirst().at(1).value<SecretStore::Result>(), SecretStore::Result::Ok);

    store.read(u"k1"_s);
    QVERIFY(read.wait(KeychainWaitMs));
    QCOMPARE(read.constFirst().at(0).toString(), u"k1"_s);
    QCOMPARE(read.constFirst().at(1).toByteArray(), value);
    QCOMPARE(read.constFirst().at(2).value<SecretStore::Result>(), SecretStore::Result::Ok);

    store.remove(u"k1"_s);
    QVERIFY(removed.wait(KeychainWaitMs));
    store.read(u"k1"_s);
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 2, KeychainWaitMs);
    QCOMPARE(read.at(1).at(2).value<SecretStore::Result>(), SecretStore::Result::NotFound);
    QCOMPARE(store.pendingJobs(), 0);
}

void tst_FeedSecrets::remembered_inKeychainNotInFile()
{
    QUuid id;
    {
        KeychainFeeds k;
        id = k.feeds.add(rememberedConfig())->config().id;
        QVERIFY(k.written.wait(KeychainWaitMs));
        QCOMPARE(
                k.written.constFirst().at(1).value<SecretStore::Result>(), SecretStore::Result::Ok);

        QSettings settings(iniPath(), QSettings::IniFormat);
        FeedSettingsStore::save(settings, {k.feeds.at(0)->config()});
    }
    const QByteArray file = fileBytes(iniPath());
    QVERIFY(file.contains("X-Trace")); // the file is the one written
    QVERIFY(file.contains("Authorization")); // by name, to be asked for
    QVERIFY(!file.contains(Token.latin1()));
    QVERIFY(!file.contains(UrlPassword.latin1()));

    // A new start: the feed comes back without its secrets, then the keychain gives them.
    SecretStore store(Service);
    FeedList feeds;
    FeedSecrets secrets(&feeds);
    secrets.setStore(&store);
    QSettings settings(iniPath(), QSettings::IniFormat);
    const FeedSettingsStore::LoadResult loaded = FeedSettingsStore::load(settings);
    QCOMPARE(loaded.plainSecrets, QStringList());
    QCOMPARE(loaded.feeds.size(), 1);
    QVERIFY(secrets.waitsForKeychain(loaded.feeds.constFirst()));
    Feed *feed = feeds.add(loaded.feeds.constFirst());
    QCOMPARE(feed->config().id, id);
    QCOMPARE(feed->config().missingSecrets, QList<QByteArray>{"Authorization"});
    QSignalSpy notices(&secrets, &FeedSecrets::notice);
    secrets.restore({feed}, {});
    QTRY_VERIFY_WITH_TIMEOUT(feed->config().missingSecrets.isEmpty(), KeychainWaitMs);
    QCOMPARE(feed->config().options.headers, rememberedConfig().options.headers);
    QCOMPARE(feed->config().url, rememberedConfig().url);
    QCOMPARE(feed->readyState(), Feed::ReadyState::Connecting); // opened once it had them
    feed->close();
    QCOMPARE(notices.size(), 0);
}

void tst_FeedSecrets::migration_movesPlainSecretsIntoKeychain()
{
    writeLegacyFile(iniPath());
    QVERIFY(fileBytes(iniPath()).contains(Token.latin1()));

    SecretStore store(Service);
    FeedList feeds;
    FeedSecrets secrets(&feeds);
    secrets.setStore(&store);
    QSignalSpy notices(&secrets, &FeedSecrets::notice);
    QSignalSpy written(&store, &SecretStore::writeFinished);
    QSettings settings(iniPath(), QSettings::IniFormat);
    const FeedSettingsStore::LoadResult loaded = FeedSettingsStore::load(settings);
    QCOMPARE(loaded.plainSecrets, QStringList{u"legacy"_s});
    // Out of the file at once, with the id that names the keychain entry.
    const QByteArray file = fileBytes(iniPath());
    QVERIFY(!file.contains(Token.latin1()));
    QVERIFY(!file.contains(UrlPassword.latin1()));
    QVERIFY(file.contains(loaded.feeds.constFirst().id.toString(QUuid::WithoutBraces).toLatin1()));

    const FeedConfig config = feeds.add(loaded.feeds.constFirst())->config();
    secrets.restore({}, loaded.plainSecrets);
    QVERIFY(written.wait(KeychainWaitMs));
    QCOMPARE(written.constFirst().at(1).value<SecretStore::Result>(), SecretStore::Result::Ok);
    const std::optional<QByteArray> entry = keychainEntry(config);
    QVERIFY(entry);
    QVERIFY(entry->contains(Token.latin1()));
    QVERIFY(entry->contains(UrlPassword.latin1()));
    QCOMPARE(notices.size(), 1);
    QVERIFY2(notices.constFirst().at(0).toString().contains(u"legacy"_s),
            qPrintable(notices.constFirst().at(0).toString()));
    QVERIFY(!notices.constFirst().at(0).toString().contains(Token));

    // The next start reads it back from the keychain.
    FeedList again;
    FeedSecrets secretsAgain(&again);
    secretsAgain.setStore(&store);
    QSettings reread(iniPath(), QSettings::IniFormat);
    Feed *feed = again.add(FeedSettingsStore::load(reread).feeds.value(0));
    secretsAgain.restore({}, {});
    QTRY_VERIFY_WITH_TIMEOUT(feed->config().missingSecrets.isEmpty(), KeychainWaitMs);
    QCOMPARE(feed->config().options.headers, (Sse::HeaderList{{"Authorization", bearer()}}));
}

void tst_FeedSecrets::removedFeed_deletesItsEntry()
{
    KeychainFeeds k;
    FeedList &feeds = k.feeds;
    QSignalSpy &written = k.written;
    QSignalSpy &removed = k.removed;
    FeedConfig other = rememberedConfig();
    other.name = u"other"_s;
    const FeedConfig config = feeds.add(rememberedConfig())->config();
    const FeedConfig kept = feeds.add(other)->config();
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 2, KeychainWaitMs);
    QVERIFY(keychainEntry(config));

    feeds.remove(0);
    QVERIFY(removed.wait(KeychainWaitMs));
    QCOMPARE(removed.constFirst().at(0).toString(), FeedSecrets::keyOf(config));
    QCOMPARE(keychainEntry(config), std::nullopt);
    QVERIFY(keychainEntry(kept)); // only its own
}

void tst_FeedSecrets::rememberOff_deletesTheEntry()
{
    KeychainFeeds k;
    FeedList &feeds = k.feeds;
    QSignalSpy &written = k.written;
    QSignalSpy &removed = k.removed;
    Feed *feed = feeds.add(rememberedConfig());
    QVERIFY(written.wait(KeychainWaitMs));

    // A changed secret is written again.
    FeedConfig config = feed->config();
    config.options.headers.last().second = "Bearer changed";
    feeds.update(0, config);
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 2, KeychainWaitMs);
    QVERIFY(keychainEntry(config)->contains("Bearer changed"));

    config.rememberSecrets = false;
    feeds.update(0, config);
    QVERIFY(removed.wait(KeychainWaitMs));
    QCOMPARE(keychainEntry(config), std::nullopt);
    QCOMPARE(feed->config().options.headers.last().second, "Bearer changed"_ba); // still used
}

void tst_FeedSecrets::noService_noticeOnceAndNoSecretInFile()
{
    writeLegacyFile(iniPath());
    SecretStore store(Service);
    FeedList feeds;
    FeedSecrets secrets(&feeds);
    QSignalSpy notices(&secrets, &FeedSecrets::notice);
    secrets.setStore(&store);
    QSettings settings(iniPath(), QSettings::IniFormat);
    const FeedSettingsStore::LoadResult loaded = FeedSettingsStore::load(settings);
    Feed *legacy = feeds.add(loaded.feeds.value(0));
    Feed *fresh = feeds.add(rememberedConfig());
    secrets.restore({legacy}, loaded.plainSecrets);

    QTRY_COMPARE_WITH_TIMEOUT(
            store.availability(), SecretStore::Availability::Unavailable, KeychainWaitMs + 5000);
    QTRY_COMPARE(notices.size(), 1);
    const QString notice = notices.constFirst().at(0).toString();
    QVERIFY2(notice.contains(u"legacy"_s), qPrintable(notice)); // names the feed
    QVERIFY(!notice.contains(Token)); // never the value
    QVERIFY(!secrets.unavailableReason().isEmpty());
    QVERIFY(!secrets.waitsForKeychain(fresh->config()));
    // The secrets are used until quit: the legacy feed opened with them.
    QCOMPARE(legacy->readyState(), Feed::ReadyState::Connecting);
    legacy->close();

    // More changes, another check, a save: no second notice, and no secret in the file.
    FeedConfig changed = fresh->config();
    changed.name = u"changed"_s;
    feeds.update(1, changed);
    store.checkAvailability();
    secrets.syncNow();
    QList<FeedConfig> configs{feeds.at(0)->config(), feeds.at(1)->config()};
    FeedSettingsStore::save(settings, configs);
    settings.sync();
    QTest::qWait(50); // a notice would be queued behind the sync
    QCOMPARE(notices.size(), 1);
    const QByteArray file = fileBytes(iniPath());
    QVERIFY(file.contains("changed"));
    QVERIFY(!file.contains(Token.latin1()));
    QVERIFY(!file.contains(UrlPassword.latin1()));
}

QTEST_GUILESS_MAIN(tst_FeedSecrets)
#include "tst_feedsecrets.moc"
