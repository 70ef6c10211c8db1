// SPDX-License-Identifier: MIT
// ConnectionText: the words of the Connection tab for a request, its headers and bodies.
#pragma once

#include "sselib/responseinfo.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

/// Turns a connection's RequestInfo and ResponseInfo into the text that ConnectionView shows
/// on its page and writes into its report, so that both say the same.
class ConnectionText final
{
    // The texts are the Connection tab's: they keep its context.
    Q_DECLARE_TR_FUNCTIONS(ConnectionView)

public:
    /// How secret header values (Sse::Secrets::isSecretHeader()) are hidden.
    enum class Secrets {
        Masked, ///< on screen: Sse::Secrets::maskedValue()
        Redacted ///< in a report: Sse::Secrets::redactedValue()
    };

    ConnectionText() = delete;

    /// Each header as "name" and value, secret values hidden.
    [[nodiscard]] static QList<QPair<QString, QString>> headers(
            const Sse::HeaderList &headers, Secrets secrets);
    /// A URL as shown: without a password, secret query values redacted.
    [[nodiscard]] static QString url(const QUrl &url);
    /// "POST http://host/path".
    [[nodiscard]] static QString requestLine(const Sse::RequestInfo &request);
    /// A body as text: JSON re-indented (every token as sent), anything else as it came.
    [[nodiscard]] static QString body(const QByteArray &body);
    /// "gzip (decoded)", "none" or "zstd (cannot be decoded)".
    [[nodiscard]] static QString encoding(const Sse::ResponseInfo &response);
    /// Whether the response has a refused body to show (one that was read, even if empty).
    [[nodiscard]] static bool hasRefusedBody(const Sse::ResponseInfo &response);
    /// The heading of a refused response's body, saying when only its start was kept.
    [[nodiscard]] static QString refusedBodyHeading(const Sse::ResponseInfo &response);
};
