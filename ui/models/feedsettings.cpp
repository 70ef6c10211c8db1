// SPDX-License-Identifier: MIT
// Feeds to and from QSettings, and "Copy as curl".
#include "feedsettings.h"

#include "sselib/headers.h"
#include "sselib/httpurl.h"
#include "sselib/secrets.h"

#include <QSettings>
#include <QUtf8StringView>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr auto GroupKey = "feeds"_L1;
constexpr auto VersionKey = "version"_L1;
constexpr auto ItemsKey = "items"_L1;
constexpr auto HeadersKey = "headers"_L1;
constexpr auto MissingSecretsKey = "missingSecrets"_L1;
constexpr auto IdKey = "id"_L1;
constexpr qint64 MaxDurationMs = 24LL * 60 * 60 * 1000;
constexpr qint64 MaxMessageSize = qint64(1) << 40;
constexpr auto ShellSafe = "@%+=:,./-_"_L1; // besides ASCII letters and digits: never quoted

// Text where it is valid UTF-8 (readable in the file), the raw bytes otherwise (lossless).
QVariant bytesValue(const QByteArray &bytes)
{
    if (QUtf8StringView(bytes).isValidUtf8())
        return QString::fromUtf8(bytes);
    return bytes;
}

QString readString(const QSettings &settings, QAnyStringView key, const QString &fallback = {})
{
    const QVariant value = settings.value(key);
    if (!value.isValid())
        return fallback;
    // An INI value with an unquoted comma reads back as a list: the user meant the text.
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(", "_L1);
    if (!value.canConvert<QString>())
        return fallback;
    return value.toString();
}

QByteArray readBytes(const QSettings &settings, QAnyStringView key, const QByteArray &fallback = {})
{
    const QVariant value = settings.value(key);
    if (!value.isValid())
        return fallback;
    if (value.typeId() == QMetaType::QByteArray)
        return value.toByteArray();
    return readString(settings, key).toUtf8();
}

qint64 readInt(
        const QSettings &settings, QAnyStringView key, qint64 fallback, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 number = settings.value(key).toLongLong(&ok);
    return ok ? std::clamp(number, min, max) : fallback;
}

// A limit of zero would reject every line: out of range means the default here.
qint64 readSize(const QSettings &settings, QAnyStringView key, qint64 fallback)
{
    const qint64 size = readInt(settings, key, fallback, 0, MaxMessageSize + 1);
    return size >= 1 && size <= MaxMessageSize ? size : fallback;
}

std::chrono::milliseconds readMs(
        const QSettings &settings, QAnyStringView key, std::chrono::milliseconds fallback)
{
    return std::chrono::milliseconds(readInt(settings, key, fallback.count(), 0, MaxDurationMs));
}

double readDouble(
        const QSettings &settings, QAnyStringView key, double fallback, double min, double max)
{
    bool ok = false;
    const double number = settings.value(key).toDouble(&ok);
    return ok && std::isfinite(number) ? std::clamp(number, min, max) : fallback;
}

bool readBool(const QSettings &settings, QAnyStringView key, bool fallback)
{
    const QVariant value = settings.value(key);
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    // QVariant calls any non-empty string but "0" and "false" true; garbage should not be.
    const QString text = value.toString().trimmed().toLower();
    if (text == "true"_L1 || text == "1"_L1)
        return true;
    if (text == "false"_L1 || text == "0"_L1)
        return false;
    return fallback;
}

// beginReadArray() trusts the stored size; a garbled huge one must not make us spin.
int boundedArraySize(const QSettings &settings, int size)
{
    return int(std::clamp<qsizetype>(size, 0, settings.childGroups().size()));
}

QString defaultName(const QUrl &url)
{
    return url.host() + url.path();
}

// Every secret header keeps its name: a value not (yet) given back by the keychain is asked for.
void writeMissingSecrets(QSettings &settings, const FeedConfig &feed)
{
    QList<QByteArray> names = feed.missingSecrets;
    for (const auto &[name, value] : feed.options.headers) {
        if (Sse::Secrets::isSecretHeader(name))
            names.append(name);
    }
    settings.beginWriteArray(MissingSecretsKey, int(names.size()));
    for (int i = 0; i < names.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue("name"_L1, QString::fromLatin1(names.at(i)));
    }
    settings.endArray();
}

void writeFeed(QSettings &settings, const FeedConfig &feed)
{
    const Sse::SourceOptions &options = feed.options;
    const Sse::ReconnectPolicy &policy = options.policy;
    QUrl url = feed.url;
    url.setPassword({}); // a remembered one is in the keychain (FeedSecrets)

    if (!feed.id.isNull())
        settings.setValue(IdKey, feed.id.toString(QUuid::WithoutBraces));
    settings.setValue("name"_L1, feed.name);
    settings.setValue("url"_L1, QString::fromLatin1(url.toEncoded()));
    settings.setValue("method"_L1, bytesValue(options.method));
    settings.setValue("body"_L1, bytesValue(options.body));
    settings.setValue("lastEventId"_L1, bytesValue(options.initialLastEventId));
    settings.setValue("withCredentials"_L1, options.withCredentials);
    settings.setValue("allowCompression"_L1, options.allowCompression);
    settings.setValue("ignoreTlsErrors"_L1, options.ignoreTlsErrors);
    settings.setValue("maxRedirects"_L1, options.maxRedirects);
    settings.setValue("keepRawLines"_L1, options.keepRawLines);
    settings.setValue("reconnectionTimeMs"_L1, qint64(options.reconnectionTime.count()));
    settings.setValue("idleTimeoutMs"_L1, qint64(options.readTimeout.value_or(0ms).count()));
    settings.setValue("maxLineSize"_L1, qint64(options.maxLineSize));
    settings.setValue("maxEventSize"_L1, qint64(options.maxEventSize));

    settings.setValue("manualReinit"_L1, policy.manualReinit);
    settings.setValue("reinitDelayMs"_L1, qint64(policy.reinitDelay.count()));
    settings.setValue("obeyReconnectEvent"_L1, policy.obeyReconnectEvent);
    settings.setValue("reconnectEventType"_L1, bytesValue(policy.reconnectEventType));
    settings.setValue("backoff"_L1, policy.backoff);
    settings.setValue("backoffFactor"_L1, policy.backoffFactor);
    settings.setValue("backoffCapMs"_L1, qint64(policy.backoffCap.count()));
    settings.setValue("jitter"_L1, policy.jitter);
    settings.setValue("healthyAfterMs"_L1, qint64(policy.healthyAfter.count()));
    settings.setValue("maxAttempts"_L1, policy.maxAttempts.value_or(0));

    settings.setValue("llm"_L1, feed.llm);
    settings.setValue("rememberSecrets"_L1, feed.rememberSecrets);
    settings.setValue("logCapacity"_L1, feed.logCapacity);

    // A secret keeps only its name, in a list of its own (which older versions do not read,
    // rather than sending the header empty): the keychain or the user gives its value.
    const Sse::HeaderList headers = Sse::Secrets::withoutSecrets(options.headers);
    settings.beginWriteArray(HeadersKey, int(headers.size()));
    for (int i = 0; i < headers.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue("name"_L1, QString::fromLatin1(headers.at(i).first));
        settings.setValue("value"_L1, bytesValue(headers.at(i).second));
    }
    settings.endArray();
    writeMissingSecrets(settings, feed);
}

Sse::HeaderList readHeaders(QSettings &settings, const QString &feedName, QStringList *warnings)
{
    Sse::HeaderList headers;
    const int size = settings.beginReadArray(HeadersKey);
    const int count = boundedArraySize(settings, size);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        const QByteArray name = readString(settings, "name"_L1).trimmed().toLatin1();
        const QByteArray value = readBytes(settings, "value"_L1).trimmed();
        if (!FeedSettingsStore::isValidHeader(name, value)) {
            warnings->append(FeedSettingsStore::tr("Left out the invalid header \"%1\" of the "
                                                   "saved feed \"%2\".")
                                     .arg(QString::fromLatin1(name), feedName));
            continue;
        }
        headers.append({name, value});
    }
    settings.endArray();
    return headers;
}

// Names only; those that now have a value among the headers are not missing.
QList<QByteArray> readMissingSecrets(QSettings &settings, const Sse::HeaderList &headers)
{
    QList<QByteArray> names;
    const int size = settings.beginReadArray(MissingSecretsKey);
    const int count = boundedArraySize(settings, size);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        const QByteArray name = readString(settings, "name"_L1).trimmed().toLatin1();
        const auto same = [&name](QByteArrayView other) {
            return other.compare(name, Qt::CaseInsensitive) == 0;
        };
        const bool known = std::any_of(names.cbegin(), names.cend(), same)
                || std::any_of(headers.cbegin(), headers.cend(),
                        [&same](const auto &header) { return same(header.first); });
        if (Sse::isHttpToken(name) && !known)
            names.append(name);
    }
    settings.endArray();
    return names;
}

std::optional<FeedConfig> readFeed(QSettings &settings, int index, QStringList *warnings)
{
    const FeedConfig defaults;
    const Sse::SourceOptions &d = defaults.options;
    FeedConfig feed;

    feed.name = readString(settings, "name"_L1).trimmed();
    const QString urlText = readString(settings, "url"_L1).trimmed();
    const QString error = FeedSettingsStore::urlError(urlText);
    if (!error.isEmpty()) {
        const QString which = feed.name.isEmpty()
                ? FeedSettingsStore::tr("number %1").arg(index + 1)
                : u'"' + feed.name + u'"';
        warnings->append(FeedSettingsStore::tr("Skipped the saved feed %1: %2").arg(which, error));
        return std::nullopt;
    }
    feed.url = QUrl(urlText, QUrl::StrictMode);
    if (feed.name.isEmpty())
        feed.name = defaultName(feed.url);

    Sse::SourceOptions &options = feed.options;
    options.method = readBytes(settings, "method"_L1, d.method).trimmed().toUpper();
    if (!Sse::isHttpToken(options.method))
        options.method = d.method;
    options.body = readBytes(settings, "body"_L1);
    options.initialLastEventId = readBytes(settings, "lastEventId"_L1);
    options.withCredentials = readBool(settings, "withCredentials"_L1, d.withCredentials);
    options.allowCompression = readBool(settings, "allowCompression"_L1, d.allowCompression);
    options.ignoreTlsErrors = readBool(settings, "ignoreTlsErrors"_L1, d.ignoreTlsErrors);
    options.maxRedirects = int(readInt(settings, "maxRedirects"_L1, d.maxRedirects, 0, 1000));
    options.keepRawLines = readBool(settings, "keepRawLines"_L1, d.keepRawLines);
    options.reconnectionTime = readMs(settings, "reconnectionTimeMs"_L1, d.reconnectionTime);
    // Stored as 0 for "off", as maxAttempts is for "never".
    if (const auto idle = readMs(settings, "idleTimeoutMs"_L1, d.readTimeout.value_or(0ms));
            idle.count() > 0) {
        options.readTimeout = idle;
    }
    options.maxLineSize = readSize(settings, "maxLineSize"_L1, d.maxLineSize);
    options.maxEventSize = readSize(settings, "maxEventSize"_L1, d.maxEventSize);

    Sse::ReconnectPolicy &policy = options.policy;
    const Sse::ReconnectPolicy &dp = d.policy;
    policy.manualReinit = readBool(settings, "manualReinit"_L1, dp.manualReinit);
    policy.reinitDelay = readMs(settings, "reinitDelayMs"_L1, dp.reinitDelay);
    policy.obeyReconnectEvent = readBool(settings, "obeyReconnectEvent"_L1, dp.obeyReconnectEvent);
    policy.reconnectEventType =
            readBytes(settings, "reconnectEventType"_L1, dp.reconnectEventType).trimmed();
    if (policy.reconnectEventType.isEmpty())
        policy.reconnectEventType = dp.reconnectEventType;
    policy.backoff = readBool(settings, "backoff"_L1, dp.backoff);
    policy.backoffFactor = readDouble(settings, "backoffFactor"_L1, dp.backoffFactor, 1.0, 100.0);
    policy.backoffCap = readMs(settings, "backoffCapMs"_L1, dp.backoffCap);
    policy.jitter = readDouble(settings, "jitter"_L1, dp.jitter, 0.0, 1.0);
    policy.healthyAfter = readMs(settings, "healthyAfterMs"_L1, dp.healthyAfter);
    if (const auto attempts = readInt(settings, "maxAttempts"_L1, dp.maxAttempts.value_or(0), 0,
                std::numeric_limits<int>::max());
            attempts > 0) {
        policy.maxAttempts = int(attempts);
    }

    feed.llm = readBool(settings, "llm"_L1, defaults.llm);
    feed.rememberSecrets = readBool(settings, "rememberSecrets"_L1, defaults.rememberSecrets);
    feed.logCapacity = int(readInt(settings, "logCapacity"_L1, defaults.logCapacity,
            FeedSettingsStore::MinLogCapacity, FeedSettingsStore::MaxLogCapacity));

    options.headers = readHeaders(settings, feed.name, warnings);
    feed.missingSecrets = readMissingSecrets(settings, options.headers);
    feed.id = QUuid::fromString(readString(settings, IdKey));
    return feed;
}

// What versions before the keychain wrote for feeds with rememberSecrets.
bool hasPlainSecrets(const FeedConfig &feed)
{
    return !feed.url.password().isEmpty()
            || Sse::Secrets::withoutSecrets(feed.options.headers).size()
            != feed.options.headers.size();
}

QString shellQuoted(const QString &text)
{
    const bool plain = !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c.isLetterOrNumber() && c.unicode() < 128) || ShellSafe.contains(c);
    });
    if (plain)
        return text;
    QString quoted = text;
    quoted.replace(u'\'', "'\\''"_L1);
    return u'\'' + quoted + u'\'';
}

bool hasHeader(const Sse::HeaderList &headers, QByteArrayView name)
{
    return std::any_of(headers.begin(), headers.end(), [name](const auto &header) {
        return header.first.trimmed().compare(name, Qt::CaseInsensitive) == 0;
    });
}

} // namespace

void FeedSettingsStore::save(QSettings &settings, const QList<FeedConfig> &feeds)
{
    // Start afresh, so that removed feeds and secrets no longer remembered are gone too.
    settings.remove(GroupKey);
    settings.beginGroup(GroupKey);
    settings.setValue(VersionKey, FormatVersion);
    settings.beginWriteArray(ItemsKey, int(feeds.size()));
    for (int i = 0; i < feeds.size(); ++i) {
        settings.setArrayIndex(i);
        writeFeed(settings, feeds.at(i));
    }
    settings.endArray();
    settings.endGroup();
}

FeedSettingsStore::LoadResult FeedSettingsStore::load(QSettings &settings)
{
    LoadResult result;
    if (!settings.childGroups().contains(GroupKey))
        return result;
    settings.beginGroup(GroupKey);
    const qint64 version =
            readInt(settings, VersionKey, FormatVersion, 0, std::numeric_limits<int>::max());
    if (version > FormatVersion) {
        result.warnings.append(tr("The feeds were saved by a newer version of ssedash (format %1); "
                                  "settings it does not know are ignored.")
                                       .arg(version));
    }
    const int size = settings.beginReadArray(ItemsKey);
    const int count = boundedArraySize(settings, size);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        std::optional<FeedConfig> feed = readFeed(settings, i, &result.warnings);
        if (!feed)
            continue;
        // A copied entry must not share the other's keychain entry: it gets an id of its own.
        const auto sameId = [&feed](const FeedConfig &other) {
            return other.id == feed->id;
        };
        if (feed->id.isNull() || std::any_of(result.feeds.cbegin(), result.feeds.cend(), sameId))
            feed->id = QUuid::createUuid();
        if (hasPlainSecrets(*feed))
            result.plainSecrets.append(feed->name);
        result.feeds.append(std::move(*feed));
    }
    settings.endArray();
    settings.endGroup();
    // Secrets an older version wrote leave the file now, with the ids that name their keychain
    // entries; FeedSecrets moves them into the keychain or says they are dropped.
    if (!result.plainSecrets.isEmpty()) {
        save(settings, result.feeds);
        settings.sync();
    }
    return result;
}

QString FeedSettingsStore::urlError(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the URL of the feed.");
    const QUrl url(trimmed, QUrl::StrictMode);
    switch (Sse::checkHttpUrl(url)) {
    case Sse::UrlCheck::Ok:
        return {};
    case Sse::UrlCheck::Invalid:
        return tr("\"%1\" is not a valid URL (%2).").arg(trimmed, url.errorString());
    case Sse::UrlCheck::Relative:
        return tr("\"%1\" is not a complete URL: it must start with http:// or https://.")
                .arg(trimmed);
    case Sse::UrlCheck::UnsupportedScheme:
        return tr("\"%1\" uses the %2 scheme; only http and https URLs are supported.")
                .arg(trimmed, url.scheme());
    case Sse::UrlCheck::NoHost:
        return tr("\"%1\" has no host name.").arg(trimmed);
    }
    return {};
}

bool FeedSettingsStore::isValidHeader(QByteArrayView name, QByteArrayView value)
{
    return Sse::isHttpToken(name) && !value.contains('\r') && !value.contains('\n')
            && !value.contains('\0');
}

QString FeedSettingsStore::methodError(const QString &method)
{
    const QString trimmed = method.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the HTTP method, such as GET or POST.");
    // toLatin1() turns what Latin-1 lacks into '?', which is no token character.
    if (!Sse::isHttpToken(trimmed.toLatin1()))
        return tr("\"%1\" is not a valid HTTP method.").arg(trimmed);
    return {};
}

FeedSettingsStore::HeaderRowError FeedSettingsStore::headerRowsError(
        const QList<QPair<QString, QString>> &rows)
{
    for (int row = 0; row < rows.size(); ++row) {
        const QString name = rows.at(row).first.trimmed();
        // Untrimmed: a line break at either end is shown as an error, not quietly dropped.
        const QString &value = rows.at(row).second;
        if (name.isEmpty() && !value.trimmed().isEmpty())
            return {row, tr("The header in row %1 has a value but no name.").arg(row + 1)};
        if (name.isEmpty())
            continue;
        if (!Sse::isHttpToken(name.toLatin1()))
            return {row, tr("\"%1\" is not a valid header name.").arg(name)};
        // The request keeps one value per name: a second row would quietly replace the first.
        const auto sameName = [&name](const QPair<QString, QString> &other) {
            return other.first.trimmed().compare(name, Qt::CaseInsensitive) == 0;
        };
        if (std::any_of(rows.cbegin(), rows.cbegin() + row, sameName)) {
            return {row,
                    tr("The header \"%1\" is given twice; give it once, with its values "
                       "separated by commas.")
                            .arg(name)};
        }
        if (!isValidHeader(name.toLatin1(), value.toUtf8())) {
            return {row,
                    tr("The value of the header \"%1\" must be a single line without NUL "
                       "characters.")
                            .arg(name)};
        }
    }
    return {};
}

QString FeedSettingsStore::curlCommand(const FeedConfig &config, bool revealSecrets)
{
    const Sse::SourceOptions &options = config.options;
    const Sse::HeaderList headers =
            revealSecrets ? options.headers : Sse::Secrets::redacted(options.headers);
    const QByteArray method = options.method.isEmpty() ? QByteArrayLiteral("GET") : options.method;

    QStringList args{u"curl"_s, u"-N"_s};
    // curl would turn a GET with a body into a POST; EventSource sends the method as given.
    if (method != "GET" || !options.body.isEmpty())
        args << u"-X"_s << shellQuoted(QString::fromLatin1(method));
    if (options.maxRedirects > 0)
        args << u"-L"_s;
    if (options.allowCompression)
        args << u"--compressed"_s;
    if (options.ignoreTlsErrors)
        args << u"-k"_s;

    const auto addHeader = [&args](QByteArrayView name, QByteArrayView value) {
        // "Name:" would make curl drop the header; "Name;" sends it empty.
        const QByteArray line = value.isEmpty()
                ? QByteArray(name.toByteArray() + ';')
                : QByteArray(name.toByteArray() + ": " + value.toByteArray());
        args << u"-H"_s << shellQuoted(QString::fromUtf8(line));
    };
    // What Sse::EventSource sends by itself, unless a configured header replaces it.
    if (!hasHeader(headers, "Accept"))
        addHeader("Accept", "text/event-stream");
    if (!hasHeader(headers, "Cache-Control"))
        addHeader("Cache-Control", "no-cache");
    if (!options.initialLastEventId.isEmpty() && !hasHeader(headers, "Last-Event-ID"))
        addHeader("Last-Event-ID", options.initialLastEventId);
    if (!options.body.isEmpty() && !hasHeader(headers, "Content-Type")) {
        const QByteArray trimmed = options.body.trimmed();
        const bool json = trimmed.startsWith('{') || trimmed.startsWith('[');
        addHeader("Content-Type", json ? "application/json" : "text/plain;charset=UTF-8");
    }
    for (const auto &[name, value] : headers)
        addHeader(name, value);

    if (!options.body.isEmpty()) {
        // --data-binary would read a file for a body starting with '@'; --data-raw never does.
        args << (options.body.startsWith('@') ? u"--data-raw"_s : u"--data-binary"_s)
             << shellQuoted(QString::fromUtf8(options.body));
    }

    const QUrl url = revealSecrets ? config.url : Sse::Secrets::redactedUrl(config.url);
    args << shellQuoted(QString::fromLatin1(url.toEncoded()));
    return args.join(u' ');
}
