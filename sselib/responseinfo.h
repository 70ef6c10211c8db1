// SPDX-License-Identifier: MIT
// Sse::RequestInfo, Sse::ResponseInfo: what a connection asked for and what the server answered.
#pragma once

#include "sselib/headers.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QUrl>

namespace Sse {

/// The request of one connection as the source sent it (before any redirect).
struct RequestInfo
{
    int connection = 0; ///< 1-based connection number
    QByteArray method;
    QUrl url;
    /// Every header the source set, in order (the network stack adds Host, Connection and the
    /// like on its own). Secret values are included: mask them before showing them.
    HeaderList headers;
    QByteArray body;
    qint64 sentMs = 0; ///< ms since the Unix epoch

    friend bool operator==(const RequestInfo &a, const RequestInfo &b)
    {
        return a.connection == b.connection && a.method == b.method && a.url == b.url
                && a.headers == b.headers && a.body == b.body && a.sentMs == b.sentMs;
    }

    friend bool operator!=(const RequestInfo &a, const RequestInfo &b) { return !(a == b); }
};

/// The status line and headers of one connection's final response (after redirects).
struct ResponseInfo
{
    /// How much of a refused response's body is kept.
    static constexpr qsizetype MaxBodySize = 64 * 1024;

    int connection = 0; ///< 1-based connection number
    int status = 0;
    QByteArray reason;
    QByteArray httpVersion; ///< "1.1" or "2"
    QUrl finalUrl;
    /// The URLs the request was redirected to, in order; the last one is finalUrl. Empty when
    /// there was no redirect.
    QList<QUrl> redirects;
    HeaderList headers; ///< as the server sent them
    qint64 receivedMs = 0;
    /// The Content-Encoding the body came in ("gzip", ...); empty for identity. The source
    /// decodes it, so events and `body` are always the decoded bytes.
    QByteArray contentEncoding;
    /// For a refused response (error status, wrong Content-Type): the first MaxBodySize bytes
    /// of its body, decoded. Empty for an accepted stream.
    QByteArray body;
    bool bodyTruncated = false; ///< the body went on beyond `body`

    /// headerValue() of `headers`, empty if absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const
    {
        return headerValue(headers, name).value_or(QByteArray());
    }

    friend bool operator==(const ResponseInfo &a, const ResponseInfo &b)
    {
        return a.connection == b.connection && a.status == b.status && a.reason == b.reason
                && a.httpVersion == b.httpVersion && a.finalUrl == b.finalUrl
                && a.redirects == b.redirects && a.headers == b.headers
                && a.receivedMs == b.receivedMs && a.contentEncoding == b.contentEncoding
                && a.body == b.body && a.bodyTruncated == b.bodyTruncated;
    }

    friend bool operator!=(const ResponseInfo &a, const ResponseInfo &b) { return !(a == b); }
};

} // namespace Sse

Q_DECLARE_METATYPE(Sse::RequestInfo)
Q_DECLARE_METATYPE(Sse::ResponseInfo)
