// SPDX-License-Identifier: MIT
// Sse::ContentDecoder: incremental decoding of an HTTP Content-Encoding (gzip, deflate, br).
#include "contentdecoder.h"

#include <algorithm>
#include <array>
#include <brotli/decode.h>
#include <utility>
#include <zlib.h>

namespace Sse {

/// One way of decoding. decode() returns false and sets `error` (a reason, untranslated as
/// the libraries give it) on corrupt data, or returns false with `error` empty when the sink
/// asked to stop.
class ContentDecoder::Backend
{
public:
    virtual ~Backend() = default;
    virtual bool decode(QByteArrayView input, const Sink &sink, QByteArray &error) = 0;

protected:
    std::array<char, ChunkSize> m_out{};
};

namespace {

// zlib takes uInt sizes: feed it at most this much at a time.
constexpr qsizetype MaxZlibInput = 1 << 20;

constexpr int MaxWindowBits = 15;
constexpr int GzipWindowBits = 16 + MaxWindowBits;

class IdentityBackend final : public ContentDecoder::Backend
{
public:
    bool decode(QByteArrayView input, const ContentDecoder::Sink &sink, QByteArray &) override
    {
        for (qsizetype at = 0; at < input.size(); at += ContentDecoder::ChunkSize) {
            if (!sink(input.sliced(at, std::min(ContentDecoder::ChunkSize, input.size() - at))))
                return false;
        }
        return true;
    }
};

// A zlib stream (RFC 1950) starts with a two-byte header whose first byte names deflate with
// at most a 32 KiB window and whose 16-bit value is a multiple of 31. Raw deflate data meets
// that by chance rarely enough that browsers guess the same way.
bool hasZlibHeader(QByteArrayView head)
{
    const auto cmf = uchar(head.at(0));
    const auto flg = uchar(head.at(1));
    return (cmf & 0x0f) == Z_DEFLATED && (cmf >> 4) <= 7 && (cmf * 256 + flg) % 31 == 0;
}

class ZlibBackend final : public ContentDecoder::Backend
{
public:
    explicit ZlibBackend(bool gzip)
        : m_gzip(gzip)
    { }

    ~ZlibBackend() override
    {
        if (m_started)
            inflateEnd(&m_stream);
    }

    Q_DISABLE_COPY_MOVE(ZlibBackend)

    bool decode(QByteArrayView input, const ContentDecoder::Sink &sink, QByteArray &error) override
    {
        if (!m_started) {
            // "deflate" needs two bytes to tell a zlib stream from raw deflate.
            m_head.append(input.data(), input.size());
            if (!m_gzip && m_head.size() < 2)
                return true;
            const int windowBits = m_gzip   ? GzipWindowBits
                    : hasZlibHeader(m_head) ? MaxWindowBits
                                            : -MaxWindowBits;
            if (inflateInit2(&m_stream, windowBits) != Z_OK) {
                error = "zlib could not start";
                return false;
            }
            m_started = true;
            const QByteArray head = std::exchange(m_head, {});
            return inflateAll(head, sink, error);
        }
        return inflateAll(input, sink, error);
    }

private:
    bool inflateAll(QByteArrayView input, const ContentDecoder::Sink &sink, QByteArray &error)
    {
        for (qsizetype at = 0; at < input.size(); at += MaxZlibInput) {
            const QByteArrayView slice =
                    input.sliced(at, std::min(MaxZlibInput, input.size() - at));
            if (!inflateSlice(slice, sink, error))
                return false;
        }
        return true;
    }

    bool inflateSlice(QByteArrayView input, const ContentDecoder::Sink &sink, QByteArray &error)
    {
        // zlib does not write through next_in; the cast is its API's.
        m_stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
        m_stream.avail_in = uInt(input.size());
        for (;;) {
            if (m_ended) {
                if (m_stream.avail_in == 0)
                    return true;
                // Another gzip member may follow; anything else after the end is corrupt.
                if (!m_gzip || inflateReset(&m_stream) != Z_OK) {
                    error = "data after the end of the compressed stream";
                    return false;
                }
                m_ended = false;
            }
            m_stream.next_out = reinterpret_cast<Bytef *>(m_out.data());
            m_stream.avail_out = uInt(m_out.size());
            const int result = inflate(&m_stream, Z_NO_FLUSH);
            const qsizetype produced = qsizetype(m_out.size()) - qsizetype(m_stream.avail_out);
            // What decoded before an error is delivered first, as it would have been had the
            // error come in the next read.
            if (produced > 0 && !sink(QByteArrayView(m_out.data(), produced)))
                return false;
            if (result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR) {
                error = m_stream.msg ? QByteArray(m_stream.msg) : QByteArray::number(result);
                return false;
            }
            m_ended = result == Z_STREAM_END;
            // A full output buffer may leave output behind even when all input is used.
            const bool full = m_stream.avail_out == 0;
            if ((m_stream.avail_in == 0 && !full) || (result == Z_BUF_ERROR && produced == 0))
                return true;
        }
    }

    z_stream m_stream{};
    QByteArray m_head;
    bool m_gzip = false;
    bool m_started = false;
    bool m_ended = false;
};

class BrotliBackend final : public ContentDecoder::Backend
{
public:
    BrotliBackend()
        : m_state(BrotliDecoderCreateInstance(nullptr, nullptr, nullptr))
    { }

    ~BrotliBackend() override { BrotliDecoderDestroyInstance(m_state); }

    Q_DISABLE_COPY_MOVE(BrotliBackend)

    bool decode(QByteArrayView input, const ContentDecoder::Sink &sink, QByteArray &error) override
    {
        if (!m_state) {
            error = "the brotli decoder could not start";
            return false;
        }
        auto nextIn = reinterpret_cast<const uint8_t *>(input.data());
        size_t availableIn = size_t(input.size());
        while (availableIn > 0 || BrotliDecoderHasMoreOutput(m_state)) {
            if (m_ended) {
                error = "data after the end of the compressed stream";
                return false;
            }
            auto nextOut = reinterpret_cast<uint8_t *>(m_out.data());
            size_t availableOut = m_out.size();
            const BrotliDecoderResult result = BrotliDecoderDecompressStream(
                    m_state, &availableIn, &nextIn, &availableOut, &nextOut, nullptr);
            const qsizetype produced = qsizetype(m_out.size() - availableOut);
            if (produced > 0 && !sink(QByteArrayView(m_out.data(), produced)))
                return false;
            if (result == BROTLI_DECODER_RESULT_ERROR) {
                error = BrotliDecoderErrorString(BrotliDecoderGetErrorCode(m_state));
                return false;
            }
            m_ended = result == BROTLI_DECODER_RESULT_SUCCESS;
            if (result == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT)
                break;
        }
        return true;
    }

private:
    BrotliDecoderState *m_state = nullptr;
    bool m_ended = false;
};

enum class Format {
    Identity,
    Gzip,
    Deflate,
    Brotli,
    Unknown
};

// The one list of what can be decoded: canDecode() asks it without building a decoder.
Format formatOf(const QByteArray &encoding)
{
    if (encoding.isEmpty())
        return Format::Identity;
    if (encoding == "gzip" || encoding == "x-gzip")
        return Format::Gzip;
    if (encoding == "deflate")
        return Format::Deflate;
    if (encoding == "br")
        return Format::Brotli;
    return Format::Unknown;
}

std::unique_ptr<ContentDecoder::Backend> makeBackend(const QByteArray &encoding)
{
    switch (formatOf(encoding)) {
    case Format::Identity:
        return std::make_unique<IdentityBackend>();
    case Format::Gzip:
        return std::make_unique<ZlibBackend>(true);
    case Format::Deflate:
        return std::make_unique<ZlibBackend>(false);
    case Format::Brotli:
        return std::make_unique<BrotliBackend>();
    case Format::Unknown:
        break;
    }
    return nullptr;
}

} // namespace

QByteArray ContentDecoder::normalized(QByteArrayView encoding)
{
    const QByteArray value = encoding.trimmed().toByteArray().toLower();
    return value == "identity" ? QByteArray() : value;
}

bool ContentDecoder::canDecode(QByteArrayView encoding)
{
    return formatOf(normalized(encoding)) != Format::Unknown;
}

QByteArray ContentDecoder::acceptEncoding()
{
    return QByteArrayLiteral("gzip, deflate, br");
}

ContentDecoder::ContentDecoder(QByteArrayView encoding)
    : m_encoding(normalized(encoding))
    , m_backend(makeBackend(m_encoding))
{ }

ContentDecoder::~ContentDecoder() = default;

bool ContentDecoder::decode(QByteArrayView input, const Sink &sink)
{
    if (hasError())
        return false;
    QByteArray reason;
    if (!m_backend) {
        reason = "not an encoding ssedash knows";
    } else if (m_backend->decode(input, sink, reason)) {
        return true;
    } else if (reason.isEmpty()) {
        return false; // the sink stopped it
    }
    m_error = tr("The body could not be decoded as %1 (%2).")
                      .arg(QString::fromUtf8(m_encoding), QString::fromUtf8(reason));
    return false;
}

} // namespace Sse
