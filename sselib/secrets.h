// SPDX-License-Identifier: MIT
// Sse::Secrets: which request and response headers carry credentials, and how they are hidden.
#pragma once

#include "sselib/headers.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <QUrl>

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

/// Query parameters that carry credentials: access_token, refresh_token, id_token, token,
/// auth, auth_token, api_key, apikey, api-key, key, password, passwd, secret, client_secret,
/// signature and sig, compared case-insensitively.
[[nodiscard]] bool isSecretQueryItem(QStringView name);

/// `url` for a report or a log: its password and the values of its secret query parameters
/// replaced by redactedValue(); the user name, host, path and other parameters stay.
/// (toDisplayString() of the result leaves the password out altogether.)
[[nodiscard]] QUrl redactedUrl(const QUrl &url);

/// `headers` without the secret ones (what is stored when the user did not tick "remember").
[[nodiscard]] HeaderList withoutSecrets(const HeaderList &headers);

} // namespace Sse::Secrets
