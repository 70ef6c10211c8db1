// SPDX-License-Identifier: MIT
// TestSupport::Compression: bodies in the Content-Encodings servers send, for decoder tests.
#include "compression.h"

#include <brotli/encode.h>
#include <zlib.h>

namespace TestSupport::Compression {

namespace {

// Each part compressed and flushed, the last one finishing the stream; {} on failure.
QByteArrayList deflateParts(const QByteArrayList &parts, int windowBits)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY)
            != Z_OK) {
        return {};
    }
    QByteArrayList out;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QByteArray &part = parts.at(i);
        const bool last = i == parts.size() - 1;
        QByteArray compressed(
                qsizetype(deflateBound(&stream, uLong(part.size()))) + 64, Qt::Uninitialized);
        // zlib does not write through next_in; the cast is its API's.
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(part.data()));
        stream.avail_in = uInt(part.size());
        stream.next_out = reinterpret_cast<Bytef *>(compressed.data());
        stream.avail_out = uInt(compressed.size());
        const int result = deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH);
        if (result != (last ? Z_STREAM_END : Z_OK) || stream.avail_in != 0) {
            out.clear();
            break;
        }
        compressed.resize(compressed.size() - qsizetype(stream.avail_out));
        out.append(compressed);
    }
    deflateEnd(&stream);
    return out;
}

QByteArray deflateWith(QByteArrayView plain, int windowBits)
{
    const QByteArrayList parts = deflateParts({plain.toByteArray()}, windowBits);
    return parts.isEmpty() ? QByteArray() : parts.first();
}

} // namespace

QByteArray gzip(QByteArrayView plain)
{
    return deflateWith(plain, 16 + MAX_WBITS);
}

QByteArrayList gzipFlushed(const QByteArrayList &parts)
{
    return deflateParts(parts, 16 + MAX_WBITS);
}

QByteArray zlib(QByteArrayView plain)
{
    return deflateWith(plain, MAX_WBITS);
}

QByteArray rawDeflate(QByteArrayView plain)
{
    return deflateWith(plain, -MAX_WBITS);
}

QByteArray brotli(QByteArrayView plain)
{
    QByteArray out(qsizetype(BrotliEncoderMaxCompressedSize(size_t(plain.size()))) + 16,
            Qt::Uninitialized);
    size_t size = size_t(out.size());
    if (!BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                size_t(plain.size()), reinterpret_cast<const uint8_t *>(plain.data()), &size,
                reinterpret_cast<uint8_t *>(out.data()))) {
        return {};
    }
    out.resize(qsizetype(size));
    return out;
}

QByteArray encode(QByteArrayView encoding, QByteArrayView plain)
{
    if (encoding == "gzip" || encoding == "x-gzip")
        return gzip(plain);
    if (encoding == "deflate")
        return zlib(plain);
    if (encoding == "raw-deflate")
        return rawDeflate(plain);
    if (encoding == "br")
        return brotli(plain);
    return plain.toByteArray();
}

} // namespace TestSupport::Compression
