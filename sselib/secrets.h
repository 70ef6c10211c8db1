// SPDX-License-Identifier: MIT
// Sse::Secrets: which request and response headers carry credentials, and how they are hidden.
#pragma once

#include "sselib/headers.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Sse::Secrets {

/// Authorization, Proxy-Authorization, Cookie, Set-Cookie and the usual API-key headers
/// (X-Api-Key, Api-Key), compared case-insensitively.
[[nodiscard]] bool isSecretHeader(QByteArrayView name);

/// What an export writes instead of a secret value.
[[nodiscard]] QByteArray redactedValue();

/// What the UI shows instead of a secret value: a fixed-length mask, so that it does not
/// even tell the length.
[[nodiscard]] QString maskedValue();

/// `headers` with every secret value replaced by redactedValue().
[[nodiscard]] HeaderList redacted(const HeaderList &headers);

/// `headers` without the secret ones (what is stored when the user did not tick "remember").
[[nodiscard]] HeaderList withoutSecrets(const HeaderList &headers);

} // namespace Sse::Secrets
