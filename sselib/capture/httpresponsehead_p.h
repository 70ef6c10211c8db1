// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::HttpResponseHead: the status line and headers of one HTTP/1.x response.
#pragma once

#include "sselib/headers.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Sse::CaptureDetail {

/// A parsed HTTP/1.x response head, as the capture proxy reads it from the upstream.
struct HttpResponseHead
{
    enum class Status {
        Complete,
        Incomplete, ///< no blank line yet, and nothing wrong so far
        Invalid, ///< not an HTTP/1.x response head
        TooLarge ///< no blank line within the size limit
    };

    /// The size limit of a head, blank line included.
    static constexpr qsizetype MaxSize = 64 * 1024;

    QByteArray version; ///< "1.1" or "1.0"
    int status = 0;
    QByteArray reason;
    HeaderList headers; ///< in order, names as sent
    qsizetype size = 0; ///< bytes of the head, blank line included

    /// Parses the head at the start of `bytes`. Lines may end with CRLF or a bare LF.
    [[nodiscard]] static Status parse(
            QByteArrayView bytes, HttpResponseHead &head, qsizetype maxSize = MaxSize);

    /// First value of a header, compared case-insensitively; empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] bool hasHeader(QByteArrayView name) const;

    /// 1xx: an interim response, the final one follows.
    [[nodiscard]] bool isInterim() const { return status >= 100 && status < 200; }
};

} // namespace Sse::CaptureDetail
