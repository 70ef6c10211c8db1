// SPDX-License-Identifier: MIT
// Sse::CaptureDetail: the HTTP/1.1 pieces a proxy writes (heads without hop-by-hop fields, chunks).
#pragma once

#include "sselib/headers.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Sse::CaptureDetail {

/// `headers` without the hop-by-hop fields (RFC 9110 7.6.1): Connection and every field it
/// names, Keep-Alive, Proxy-Connection, TE, Trailer, Upgrade and Transfer-Encoding.
[[nodiscard]] HeaderList withoutHopByHop(const HeaderList &headers);

/// Replaces the value of every field named `name` (case-insensitive, first place kept), or
/// appends the field when there is none.
void setHeader(HeaderList &headers, QByteArrayView name, const QByteArray &value);
/// Removes every field named `name`.
void removeHeader(HeaderList &headers, QByteArrayView name);

/// "HTTP/1.1 STATUS REASON", the status line the proxy writes to the app.
[[nodiscard]] QByteArray statusLine(int status, QByteArrayView reason);

/// A start line, the fields and the blank line.
[[nodiscard]] QByteArray headBytes(QByteArrayView startLine, const HeaderList &headers);

/// One chunk of a chunked body (nothing for empty bytes, which would end the body).
[[nodiscard]] QByteArray chunk(QByteArrayView bytes);

/// The last chunk with no trailer.
inline constexpr QByteArrayView LastChunk = "0\r\n\r\n";

/// A complete text/plain response that closes the connection: the proxy's own answers
/// (400, 431, 502, a status rule's code).
[[nodiscard]] QByteArray plainResponse(int status, const QString &text);

/// The standard reason phrase of a status ("Bad Gateway"); "Status" for unknown ones.
[[nodiscard]] QByteArray reasonPhrase(int status);

/// The media type of a Content-Type value, lowercased, without parameters.
[[nodiscard]] QByteArray mediaType(QByteArrayView contentType);

} // namespace Sse::CaptureDetail
