// SPDX-License-Identifier: MIT
// The feeds' remembered secrets in the keychain: restore, keep in step, migrate.
#include "feedsecrets.h"

#include "feedlist.h"

#include "sselib/secrets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUtf8StringView>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr auto HeadersKey = "headers"_L1;
constexpr auto NameKey = "name"_L1;
constexpr auto ValueKey = "value"_L1;
constexpr auto ValueBase64Key = "valueBase64"_L1; // a value that is not UTF-8
constexpr auto PasswordKey = "password"_L1;

QJsonObject headerObject(const QByteArray &name, const QByteArray &value)
{
    QJsonObject object{{NameKey, QString::fromLatin1(name)}};
    if (QUtf8StringView(value).isValidUtf8())
        object.insert(ValueKey, QString::fromUtf8(value));
    else
        object.insert(ValueBase64Key, QString::fromLatin1(value.toBase64()));
    return object;
}

QByteArray headerValue(const QJsonObject &object)
{
    if (object.contains(ValueBase64Key))
        return QByteArray::fromBase64(object.value(ValueBase64Key).toString().toLatin1());
    return object.value(ValueKey).toString().toUtf8();
}

} // namespace

FeedSecrets::FeedSecrets(FeedList *feeds, QObject *parent)
    : QObject(parent)
    , m_feeds(feeds)
{
    connect(feeds, &QAbstractItemModel::rowsInserted, this, &FeedSecrets::scheduleSync);
    connect(feeds, &QAbstractItemModel::rowsRemoved, this, &FeedSecrets::scheduleSync);
    connect(feeds, &QAbstractItemModel::modelReset, this, &FeedSecrets::scheduleSync);
    // A configuration change has no roles (FeedList::refresh()); a ready state's has.
    connect(feeds, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty())
                    scheduleSync();
            });
}

FeedSecrets::~FeedSecrets() = default;

void FeedSecrets::setStore(SecretStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (!store)
        return;
    connect(store, &SecretStore::availabilityChanged, this, &FeedSecrets::onAvailability);
    connect(store, &SecretStore::readFinished, this, &FeedSecrets::onRead);
    connect(store, &SecretStore::writeFinished, this, &FeedSecrets::onWritten);
    store->checkAvailability();
    if (store->availability() != SecretStore::Availability::Unknown)
        onAvailability();
}

bool FeedSecrets::isAvailable() const
{
    return m_store && m_store->availability() == SecretStore::Availability::Available;
}

QString FeedSecrets::unavailableReason() const
{
    if (!m_store)
        return tr("this session does not save its feeds");
    if (m_store->availability() == SecretStore::Availability::Unavailable)
        return m_store->unavailableReason();
    return {};
}

bool FeedSecrets::waitsForKeychain(const FeedConfig &config) const
{
    return config.rememberSecrets && m_store
            && m_store->availability() != SecretStore::Availability::Unavailable;
}

void FeedSecrets::restore(const QList<Feed *> &toOpen, const QStringList &plainSecrets)
{
    m_restored = true;
    for (Feed *feed : toOpen)
        m_toOpen.append(feed);
    m_plainSecrets = plainSecrets;
    if (!m_store || m_store->availability() != SecretStore::Availability::Unknown)
        onAvailability();
}

void FeedSecrets::onAvailability()
{
    scheduleSync();
    if (!m_restored)
        return; // restore() comes back here
    m_restored = false; // once
    if (!isAvailable()) {
        const QString reason = unavailableReason();
        if (!m_plainSecrets.isEmpty()) {
            Q_EMIT notice(tr("No keychain is available (%1): the secrets of %2 were removed "
                             "from the settings file and are kept only until ssedash quits.")
                                  .arg(reason, m_plainSecrets.join(", "_L1)));
        } else {
            Q_EMIT notice(tr("No keychain is available (%1): secret headers are not "
                             "remembered.")
                                  .arg(reason));
        }
        const QList<QPointer<Feed>> waiting = m_toOpen;
        for (const QPointer<Feed> &feed : waiting)
            settle(feed);
        return;
    }
    if (!m_plainSecrets.isEmpty()) {
        Q_EMIT notice(tr("Moved the secrets of %1 from the settings file into the keychain.")
                              .arg(m_plainSecrets.join(", "_L1)));
    }
    const QList<std::pair<FeedConfig, bool>> saved = m_feeds->savedFeeds();
    for (const auto &[config, connected] : saved) {
        if (!config.rememberSecrets)
            continue;
        m_reading.insert(keyOf(config));
        m_store->read(keyOf(config));
    }
    // Feeds not remembered (or no longer in the list) open now.
    const QList<QPointer<Feed>> waiting = m_toOpen;
    for (const QPointer<Feed> &feed : waiting) {
        if (!feed || !m_reading.contains(keyOf(feed->config())))
            settle(feed);
    }
}

void FeedSecrets::onRead(const QString &key, const QByteArray &data, SecretStore::Result result)
{
    if (!m_reading.remove(key))
        return;
    Feed *feed = feedOf(key);
    if (result == SecretStore::Result::Ok) {
        m_stored.insert(key, data); // a feed gone or no longer remembering loses it in the sync
        if (feed && feed->config().rememberSecrets) {
            FeedConfig config = feed->config();
            apply(data, &config);
            // update() leaves a feed closed: one the user connected meanwhile stays connected.
            const bool running = feed->readyState() != Feed::ReadyState::Closed;
            if (config != feed->config()) {
                m_feeds->update(m_feeds->indexOf(feed), config);
                if (running)
                    feed->open();
            }
        }
    } else if (result == SecretStore::Result::Failed && feed) {
        Q_EMIT notice(
                tr("Could not read the secrets of %1 from the keychain.").arg(feed->config().name));
    }
    if (feed)
        settle(feed);
    scheduleSync();
}

void FeedSecrets::onWritten(const QString &key, SecretStore::Result result)
{
    if (result == SecretStore::Result::Ok)
        return;
    m_stored.remove(key); // the next change tries again
    if (const Feed *feed = feedOf(key)) {
        Q_EMIT notice(tr("Could not store the secrets of %1 in the keychain; they are kept "
                         "until ssedash quits.")
                              .arg(feed->config().name));
    }
}

void FeedSecrets::settle(Feed *feed)
{
    const qsizetype index = m_toOpen.indexOf(feed);
    if (!feed || index < 0)
        return;
    m_toOpen.removeAt(index);
    if (feed->config().missingSecrets.isEmpty()) {
        feed->open();
        return;
    }
    Q_EMIT notice(tr("The feed \"%1\" was not connected: %2; Connect asks for it.")
                          .arg(feed->config().name, feed->missingSecretsText()));
}

void FeedSecrets::scheduleSync()
{
    if (m_syncScheduled)
        return;
    m_syncScheduled = true;
    QTimer::singleShot(0, this, &FeedSecrets::syncNow);
}

void FeedSecrets::syncNow()
{
    m_syncScheduled = false;
    if (!isAvailable())
        return;
    QSet<QString> wanted;
    const QList<std::pair<FeedConfig, bool>> saved = m_feeds->savedFeeds();
    for (const auto &[config, connected] : saved) {
        const QString key = keyOf(config);
        const QByteArray data = config.rememberSecrets ? encode(config) : QByteArray();
        if (data.isEmpty() || m_reading.contains(key))
            continue;
        wanted.insert(key);
        if (m_stored.value(key) != data) {
            m_stored.insert(key, data);
            m_store->write(key, data);
        }
    }
    const QStringList stored = m_stored.keys();
    for (const QString &key : stored) {
        if (!wanted.contains(key) && !m_reading.contains(key)) {
            m_stored.remove(key);
            m_store->remove(key);
        }
    }
}

Feed *FeedSecrets::feedOf(const QString &key) const
{
    for (int i = 0; i < m_feeds->count(); ++i) {
        Feed *feed = m_feeds->at(i);
        if (m_feeds->origin(feed) == FeedList::Origin::Configured && keyOf(feed->config()) == key)
            return feed;
    }
    return nullptr;
}

QString FeedSecrets::keyOf(const FeedConfig &config)
{
    return "feed/"_L1 + config.id.toString(QUuid::WithoutBraces);
}

QByteArray FeedSecrets::encode(const FeedConfig &config)
{
    QJsonArray headers;
    for (const auto &[name, value] : config.options.headers) {
        if (Sse::Secrets::isSecretHeader(name))
            headers.append(headerObject(name, value));
    }
    const QString password = config.url.password();
    if (headers.isEmpty() && password.isEmpty())
        return {};
    QJsonObject object{{HeadersKey, headers}};
    if (!password.isEmpty())
        object.insert(PasswordKey, password);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void FeedSecrets::apply(const QByteArray &data, FeedConfig *config)
{
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    const QJsonArray headers = object.value(HeadersKey).toArray();
    for (const QJsonValue &value : headers) {
        const QJsonObject header = value.toObject();
        const QByteArray name = header.value(NameKey).toString().toLatin1();
        const auto same = [&name](const QByteArray &missing) {
            return missing.compare(name, Qt::CaseInsensitive) == 0;
        };
        const auto missing =
                std::find_if(config->missingSecrets.begin(), config->missingSecrets.end(), same);
        if (missing == config->missingSecrets.end())
            continue; // not asked for, or given since
        config->missingSecrets.erase(missing);
        config->options.headers.append({name, headerValue(header)});
    }
    const QString password = object.value(PasswordKey).toString();
    if (!password.isEmpty() && config->url.password().isEmpty())
        config->url.setPassword(password);
}
