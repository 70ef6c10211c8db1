// SPDX-License-Identifier: MIT
// Sse::ResponseInfo: what a connection's HTTP response said, for diagnostics.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QUrl>

namespace Sse {

/// The status line and headers of one connection's final response (after redirects).
struct ResponseInfo
{
    int connection = 0; ///< 1-based connection number
    int status = 0;
    QByteArray reason;
    QByteArray httpVersion; ///< "1.1" or "2"
    QUrl finalUrl;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 receivedMs = 0;

    /// The first value of a header, compared case-insensitively; empty if absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

} // namespace Sse

Q_DECLARE_METATYPE(Sse::ResponseInfo)
