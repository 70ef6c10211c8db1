// SPDX-License-Identifier: MIT
// FeedSettingsStore: the configured feeds in QSettings, and a feed as a curl command line.
#pragma once

#include "feed.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

/// Writes and reads a list of FeedConfig in the group "feeds" of a QSettings, and turns a feed
/// into a "Copy as curl" command. The values of secret headers (Sse::Secrets::isSecretHeader)
/// and the password of the URL are never written: only the names of those headers are, and
/// come back as FeedConfig::missingSecrets (FeedSecrets keeps remembered values in the
/// keychain). Loading never fails: missing or garbled keys take their defaults, and a feed
/// without a usable http(s) URL is skipped with a warning.
class FeedSettingsStore final
{
    Q_DECLARE_TR_FUNCTIONS(FeedSettingsStore)

public:
    /// Written as feeds/version; a newer version is read as far as it is understood.
    static constexpr int FormatVersion = 1;
    static constexpr int MinLogCapacity = 1000;
    static constexpr int MaxLogCapacity = 10'000'000;

    struct LoadResult
    {
        QList<FeedConfig> feeds;
        QStringList warnings; ///< one translated sentence per skipped feed or oddity
        /// Names of the feeds whose secret values were in the file; their configurations carry
        /// them, and the file no longer does.
        QStringList plainSecrets;
    };

    /// Replaces the group "feeds" (below the current group of `settings`) with `feeds`.
    static void save(QSettings &settings, const QList<FeedConfig> &feeds);

    /// Reads what save() wrote; an absent group gives no feeds and no warnings. A feed whose id
    /// is missing, garbled or taken by an earlier one gets a new one. When the file holds
    /// secret values (as versions before the keychain wrote them), it is rewritten without them
    /// at once; the result keeps them, and plainSecrets names those feeds.
    [[nodiscard]] static LoadResult load(QSettings &settings);

    /// Why `text` cannot be a feed's URL (empty, malformed, not http or https, no host), or an
    /// empty string when it can.
    [[nodiscard]] static QString urlError(const QString &text);

    /// Whether the header `name: value` can go into a request: the name an RFC 9110 token, the
    /// value free of CR, LF and NUL (which would end or break the header line).
    [[nodiscard]] static bool isValidHeader(QByteArrayView name, QByteArrayView value);

    /// Why `method` (as typed; trimmed here) cannot be a feed's HTTP method, or an empty string
    /// when it can.
    [[nodiscard]] static QString methodError(const QString &method);

    /// The first header row that cannot be sent and why, as the feed dialog checks them.
    struct HeaderRowError
    {
        int row = -1; ///< 0-based; -1 when every row can be sent
        QString text; ///< empty when every row can be sent
    };

    /// Checks header rows (name, value) as typed: a row whose trimmed name is empty is left out
    /// unless it has a value; the others must pass isValidHeader() with the name trimmed, and
    /// no name may come twice (compared case-insensitively): the request keeps one value per
    /// name.
    [[nodiscard]] static HeaderRowError headerRowsError(const QList<QPair<QString, QString>> &rows);

    /// A shell command that requests the same stream with curl (one line unless the body has
    /// line breaks). Secret header values, the URL's password and secret query values are written
    /// as Sse::Secrets::redactedValue() unless `revealSecrets`. Every argument that needs it is
    /// single-quoted for a POSIX shell.
    [[nodiscard]] static QString curlCommand(const FeedConfig &config, bool revealSecrets = false);
};
