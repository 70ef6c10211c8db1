// SPDX-License-Identifier: MIT
// Sse::HttpRequestHead: the request line and headers of one HTTP/1.x request.
#pragma once

#include "sselib/headers.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QUrlQuery>

namespace Sse {

/// A parsed HTTP/1.x request head. The publisher reads it to route a connection before any
/// server sees the bytes; the capture proxy reads the requests it forwards with it.
struct HttpRequestHead
{
    enum class Status {
        Complete,
        Incomplete, ///< no blank line yet, and nothing wrong so far
        Invalid, ///< not an HTTP/1.x request head (decided as early as the bytes allow)
        LineTooLong, ///< the request line alone is over the size limit (414)
        TooLarge ///< the head is over the size limit (431)
    };

    /// The default size limit of a head, blank line included.
    static constexpr qsizetype MaxSize = 16 * 1024;

    QByteArray method;
    QByteArray target; ///< the request target as sent (path and query, still percent-encoded)
    QByteArray path; ///< percent-decoded path
    QUrlQuery query;
    QByteArray version;
    HeaderList headers;
    qsizetype size = 0; ///< bytes of the head, blank line included; at most maxSize

    /// Parses the head at the start of `bytes`; a head, blank line included, may take
    /// `maxSize` bytes. A request line that cannot be one is Invalid before the head ends.
    [[nodiscard]] static Status parse(
            QByteArrayView bytes, HttpRequestHead &head, qsizetype maxSize = MaxSize);

    /// First value of a header, compared case-insensitively; empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] bool hasHeader(QByteArrayView name) const;
    /// The name of the first header whose value has a control character (NUL, ...) other than
    /// a tab; empty when none has.
    [[nodiscard]] QByteArray headerWithControl() const;
    /// Every value of a header, in order, comma-separated lists split and trimmed.
    [[nodiscard]] QByteArrayList headerValues(QByteArrayView name) const;
};

} // namespace Sse
