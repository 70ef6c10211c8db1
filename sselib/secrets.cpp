// SPDX-License-Identifier: MIT
// Which headers are secret and how they are hidden.
#include "secrets.h"

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

HeaderList withoutSecrets(const HeaderList &headers)
{
    HeaderList result;
    std::copy_if(headers.begin(), headers.end(), std::back_inserter(result),
            [](const auto &header) { return !isSecretHeader(header.first); });
    return result;
}

} // namespace Sse::Secrets
