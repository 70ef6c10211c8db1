// SPDX-License-Identifier: MIT
// Which headers are secret and how they are hidden.
#include "secrets.h"

#include <QUrlQuery>

#include <algorithm>
#include <array>

namespace Sse::Secrets {

bool isSecretHeader(QByteArrayView name)
{
    static constexpr std::array<QByteArrayView, 6> names = {
            "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key"};
    const QByteArray lower = name.toByteArray().trimmed().toLower();
    return std::find(names.begin(), names.end(), QByteArrayView(lower)) != names.end();
}

QByteArray redactedValue()
{
    return QByteArrayLiteral("[redacted]");
}

QString maskedValue()
{
    return QString(8, QChar(0x2022)); // BULLET
}

HeaderList redacted(const HeaderList &headers)
{
    HeaderList result = headers;
    for (auto &header : result) {
        if (isSecretHeader(header.first))
            header.second = redactedValue();
    }
    return result;
}

bool isSecretQueryItem(QStringView name)
{
    static constexpr std::array<QStringView, 16> names = {u"access_token", u"refresh_token",
            u"id_token", u"token", u"auth", u"auth_token", u"api_key", u"apikey", u"api-key",
            u"key", u"password", u"passwd", u"secret", u"client_secret", u"signature", u"sig"};
    const QStringView trimmed = name.trimmed();
    return std::any_of(names.begin(), names.end(), [trimmed](QStringView secret) {
        return trimmed.compare(secret, Qt::CaseInsensitive) == 0;
    });
}

QUrl redactedUrl(const QUrl &url)
{
    QUrl result = url;
    if (!url.password().isEmpty())
        result.setPassword(QString::fromLatin1(redactedValue()));
    if (!url.hasQuery())
        return result;
    QUrlQuery query(url);
    QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyEncoded);
    bool changed = false;
    for (auto &[name, value] : items) {
        const QString decoded = QUrl::fromPercentEncoding(name.toLatin1());
        if (isSecretQueryItem(decoded) && !value.isEmpty()) {
            value = QString::fromLatin1(redactedValue());
            changed = true;
        }
    }
    if (changed) {
        query.setQueryItems(items);
        result.setQuery(query);
    }
    return result;
}

HeaderList withoutSecrets(const HeaderList &headers)
{
    HeaderList result;
    std::copy_if(headers.begin(), headers.end(), std::back_inserter(result),
            [](const auto &header) { return !isSecretHeader(header.first); });
    return result;
}

} // namespace Sse::Secrets
