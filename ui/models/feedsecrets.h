// SPDX-License-Identifier: MIT
// FeedSecrets: the remembered secrets of a FeedList's feeds, kept in a SecretStore.
#pragma once

#include "feed.h"
#include "secretstore.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

class FeedList;

/// Keeps the secret header values and URL password of every saved feed with rememberSecrets in
/// the keychain (one entry per feed, under "feed/<FeedConfig::id>"), and nowhere else: it
/// writes an entry when such a feed is added or its secrets change, and removes it when the
/// feed is removed or stops remembering. restore() reads the entries back into the feeds of a
/// start. Without a store, or when the store's keychain is unavailable, nothing is remembered
/// and notice() says so once. Everything is asynchronous: no call waits for the keychain.
class FeedSecrets final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedSecrets)

public:
    explicit FeedSecrets(FeedList *feeds, QObject *parent = nullptr);
    ~FeedSecrets() override;

    /// The keychain to use (not owned; null: none). Starts its availability check.
    void setStore(SecretStore *store);

    [[nodiscard]] SecretStore *store() const { return m_store; }

    /// Why secrets cannot be remembered now, for people; empty when they can (or may: the
    /// keychain's check has not answered yet).
    [[nodiscard]] QString unavailableReason() const;

    /// Whether a feed with `config` gets its secrets from the keychain once it answers (then
    /// restore() opens it rather than the caller).
    [[nodiscard]] bool waitsForKeychain(const FeedConfig &config) const;

    /// Reads the keychain entries of the saved feeds with rememberSecrets into them, once the
    /// keychain answers; opens those of `toOpen` when no secret is missing then (a notice names
    /// the others). `plainSecrets` names the feeds whose secrets were read from the settings
    /// file (FeedSettingsStore::LoadResult): they move into the keychain, or the notice says
    /// they were dropped from the file.
    void restore(const QList<Feed *> &toOpen, const QStringList &plainSecrets);

    /// Writes and removes entries for the feeds as they are now, without waiting for the next
    /// turn of the event loop.
    void syncNow();

    /// The keychain entry's key for a feed.
    [[nodiscard]] static QString keyOf(const FeedConfig &config);
    /// The secret values of `config` as an entry's data; empty when it has none.
    [[nodiscard]] static QByteArray encode(const FeedConfig &config);
    /// Gives `config` the values in `data` for its missing secrets (and the URL's password when
    /// it has none); values the user has given since stay.
    static void apply(const QByteArray &data, FeedConfig *config);

Q_SIGNALS:
    /// A sentence for the status bar: no keychain, secrets moved or dropped, a feed not opened.
    void notice(const QString &text);

private:
    void scheduleSync();
    void onAvailability();
    void onRead(const QString &key, const QByteArray &data, SecretStore::Result result);
    void onWritten(const QString &key, SecretStore::Result result);
    void settle(Feed *feed);
    [[nodiscard]] Feed *feedOf(const QString &key) const;
    [[nodiscard]] bool isAvailable() const;

    FeedList *m_feeds;
    QPointer<SecretStore> m_store;
    QHash<QString, QByteArray> m_stored; ///< what the keychain holds, as far as we know
    QSet<QString> m_reading; ///< keys whose read has not answered; left alone by syncs
    QList<QPointer<Feed>> m_toOpen;
    QStringList m_plainSecrets;
    bool m_restored = false;
    bool m_syncScheduled = false;
};
