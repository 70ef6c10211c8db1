// SPDX-License-Identifier: MIT
// fuzz_utf8: sselib's UTF-8 repair against QStringDecoder on the same bytes, whole and chunked;
// the parser's AVX2 validation against the byte-at-a-time one.
#include "fuzzcheck.h"

#include "sselib/simd_p.h"
#include "sselib/utf8.h"
#include "sselib/utf8avx2_p.h"

#include <QStringDecoder>

#include <cstddef>
#include <cstdint>

namespace {

/// Qt's UTF-8 decoder, keeping a leading BOM as sselib does (the parser strips it, not Utf8).
/// `error` tells whether Qt found ill-formed input.
QString qtDecode(QByteArrayView bytes, qsizetype chunk, bool *error = nullptr)
{
    // Whole (one chunk) is stateless, so that an incomplete sequence at the end is an error.
    const auto flags = chunk > bytes.size()
            ? QStringConverter::Flag::ConvertInitialBom | QStringConverter::Flag::Stateless
            : QStringConverter::Flags(QStringConverter::Flag::ConvertInitialBom);
    QStringDecoder decoder(QStringConverter::Utf8, flags);
    QString out;
    while (!bytes.isEmpty()) {
        const qsizetype take = qMin(chunk, bytes.size());
        out += decoder.decode(bytes.first(take));
        bytes = bytes.sliced(take);
    }
    out += decoder.decode(QByteArrayView()); // flushes an incomplete sequence at the end
    if (error)
        *error = decoder.hasError();
    return out;
}

#if SSEDASH_AVX2_DISPATCH
// Compiled for AVX2, as the validator inlines only into AVX2 code; called when cpuHasAvx2().
SSEDASH_TARGET_AVX2 bool avx2IsValid(const char *begin, const char *end, const char *readable)
{
    return Sse::Detail::Utf8Avx2::isValid(begin, end, readable);
}
#endif

/// The AVX2 validation says `valid`, reading nothing after the bytes (libFuzzer's buffer ends
/// there) and reading continuation bytes after them that must not count.
void checkAvx2(QByteArrayView bytes, bool valid)
{
#if SSEDASH_AVX2_DISPATCH
    if (!Sse::Detail::cpuHasAvx2())
        return;
    const char *end = bytes.data() + bytes.size();
    FUZZ_CHECK(avx2IsValid(bytes.data(), end, end) == valid);
    const QByteArray followed = bytes.toByteArray() + QByteArray(32, '\x80');
    const char *begin = followed.constData();
    FUZZ_CHECK(avx2IsValid(begin, begin + bytes.size(), begin + followed.size()) == valid);
#else
    Q_UNUSED(bytes)
    Q_UNUSED(valid)
#endif
}

} // namespace

// The first byte picks a chunk size for the chunked decode; the rest are the bytes.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype chunk = 1 + data[0] % 8;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    QByteArray repaired;
    Sse::Utf8::appendRepaired(repaired, bytes);
    const bool valid = Sse::Utf8::isValid(bytes);
    FUZZ_CHECK(Sse::Utf8::isValid(repaired));
    FUZZ_CHECK(valid == (repaired == bytes));
    FUZZ_CHECK(Sse::Utf8::repaired(bytes) == repaired);
    FUZZ_CHECK(Sse::Utf8::Detail::validPrefixLength(bytes) <= bytes.size());
    checkAvx2(bytes, valid);

    // Well-formed UTF-8 decodes to the same text in both; repaired text is well-formed, so
    // Qt's decoding of it must equal sselib's output, whole and in chunks.
    const QString decoded = qtDecode(repaired, repaired.size() + 1);
    FUZZ_CHECK(decoded.toUtf8() == repaired);
    FUZZ_CHECK(qtDecode(repaired, chunk) == decoded);
    if (valid)
        FUZZ_CHECK(qtDecode(bytes, bytes.size() + 1) == decoded);
    // Both find the same inputs ill-formed, whole and chunked. The replacement count is not
    // compared: Qt 6.4 does not follow WHATWG's one U+FFFD per maximal subpart (D1 DE gives
    // one U+FFFD, WHATWG two), and its chunked output can differ from its whole one (F0 FF FF).
    bool qtError = false;
    (void)qtDecode(bytes, bytes.size() + 1, &qtError);
    FUZZ_CHECK(qtError == !valid);
    // Chunked, Qt keeps an incomplete sequence at the end pending (it has no "end of input").
    const QString chunked = qtDecode(bytes, chunk, &qtError);
    if (valid)
        FUZZ_CHECK(!qtError && chunked == decoded);
    return 0;
}
