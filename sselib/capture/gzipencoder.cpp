// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::GzipEncoder on zlib's deflate with a gzip wrapper.
#include "gzipencoder_p.h"

#include <algorithm>
#include <zlib.h>

namespace Sse::CaptureDetail {

namespace {

constexpr int GzipWindowBits = 15 + 16; // 32 KiB window, gzip header and trailer
constexpr qsizetype OutputSlice = 16 * 1024;
constexpr qsizetype MaxInput = 1 << 20; // zlib counts in uInt

} // namespace

GzipEncoder::GzipEncoder()
    : m_stream(std::make_unique<z_stream_s>())
{
    m_ok = deflateInit2(m_stream.get(), Z_DEFAULT_COMPRESSION, Z_DEFLATED, GzipWindowBits, 8,
                   Z_DEFAULT_STRATEGY)
            == Z_OK;
}

GzipEncoder::~GzipEncoder()
{
    if (m_ok)
        deflateEnd(m_stream.get());
}

QByteArray GzipEncoder::encode(QByteArrayView plain)
{
    QByteArray out;
    while (m_ok && !plain.isEmpty()) {
        const qsizetype part = std::min(plain.size(), MaxInput);
        out.append(run(plain.first(part), Z_NO_FLUSH));
        plain = plain.sliced(part);
    }
    return out;
}

QByteArray GzipEncoder::finish()
{
    QByteArray out = m_ok ? run({}, Z_FINISH) : QByteArray();
    if (m_ok)
        deflateEnd(m_stream.get());
    m_ok = false;
    return out;
}

QByteArray GzipEncoder::run(QByteArrayView plain, int flush)
{
    QByteArray out;
    z_stream_s &stream = *m_stream;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.data()));
    stream.avail_in = uInt(plain.size());
    int result = Z_OK;
    do {
        const qsizetype start = out.size();
        out.resize(start + OutputSlice);
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + start);
        stream.avail_out = uInt(OutputSlice);
        result = deflate(&stream, flush);
        out.resize(start + OutputSlice - qsizetype(stream.avail_out));
    } while (result == Z_OK && stream.avail_out == 0);
    if (result == Z_STREAM_ERROR)
        m_ok = false;
    return out;
}

} // namespace Sse::CaptureDetail
