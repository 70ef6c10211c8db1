// SPDX-License-Identifier: MIT
// TestSupport::Compression: bodies in the Content-Encodings servers send, for decoder tests.
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QByteArrayView>

namespace TestSupport::Compression {

/// One gzip member (RFC 1952), as "Content-Encoding: gzip" sends it.
[[nodiscard]] QByteArray gzip(QByteArrayView plain);
/// One gzip member made of `parts`, each flushed as a streaming server flushes after every
/// event: each piece of the result decodes to its part without waiting for the next.
[[nodiscard]] QByteArrayList gzipFlushed(const QByteArrayList &parts);
/// A zlib stream (RFC 1950): what "Content-Encoding: deflate" means.
[[nodiscard]] QByteArray zlib(QByteArrayView plain);
/// Raw deflate (RFC 1951), which many servers send as "deflate" all the same.
[[nodiscard]] QByteArray rawDeflate(QByteArrayView plain);
/// A brotli stream (RFC 7932): "Content-Encoding: br".
[[nodiscard]] QByteArray brotli(QByteArrayView plain);
/// The named encoding ("gzip", "deflate" for zlib, "raw-deflate", "br"); `plain` otherwise.
[[nodiscard]] QByteArray encode(QByteArrayView encoding, QByteArrayView plain);

} // namespace TestSupport::Compression
