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
/// server sees the bytes.
struct HttpRequestHead
{
    enum class Status {
        Complete,
        Incomplete, ///< no blank line yet
        Invalid
    };

    static constexpr qsizetype MaxSize = 16 * 1024;

    QByteArray method;
    QByteArray path; ///< percent-decoded path
    QUrlQuery query;
    QByteArray version;
    HeaderList headers;
    qsizetype size = 0; ///< bytes of the head, blank line included

    /// Parses the head at the start of `bytes`.
    [[nodiscard]] static Status parse(QByteArrayView bytes, HttpRequestHead &head);

    /// First value of a header, compared case-insensitively; empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] bool hasHeader(QByteArrayView name) const;
};

} // namespace Sse
