// SPDX-License-Identifier: MIT
// UTF-8 validation and WHATWG-exact repair, with a vector-at-a-time ASCII fast path.
#include "utf8.h"

#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace Sse::Utf8 {

namespace {

// Past the ASCII run at the start of [p, end): 16 bytes at a time with SSE2, else eight.
const uchar *skipAscii(const uchar *p, const uchar *end) noexcept
{
#ifdef __SSE2__
    for (; end - p >= 16; p += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const unsigned high = unsigned(_mm_movemask_epi8(block));
        if (high != 0)
            return p + __builtin_ctz(high);
    }
#endif
    constexpr std::uint64_t HighBits = 0x8080808080808080ULL;
    while (end - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, sizeof word);
        if (word & HighBits)
            break;
        p += 8;
    }
    while (p < end && *p < 0x80)
        ++p;
    return p;
}

struct Sequence
{
    int continuationBytes = 0; // expected after the lead byte; -1: not a lead byte
    uchar lower = 0x80; // bounds of the first continuation byte (WHATWG decoder)
    uchar upper = 0xBF;
};

constexpr Sequence sequenceFor(uchar lead) noexcept
{
    if (lead >= 0xC2 && lead <= 0xDF)
        return {1, 0x80, 0xBF};
    if (lead >= 0xE0 && lead <= 0xEF)
        return {2, uchar(lead == 0xE0 ? 0xA0 : 0x80), uchar(lead == 0xED ? 0x9F : 0xBF)};
    if (lead >= 0xF0 && lead <= 0xF4)
        return {3, uchar(lead == 0xF0 ? 0x90 : 0x80), uchar(lead == 0xF4 ? 0x8F : 0xBF)};
    return {-1, 0, 0};
}

// Bytes of the multi-byte sequence at p that the WHATWG decoder accepts before it either
// completes (returns the full length, `complete` set) or meets an error (returns the length of
// the maximal subpart, at least 1, which decodes to one U+FFFD).
qsizetype sequenceLength(const uchar *p, const uchar *end, bool &complete) noexcept
{
    const Sequence seq = sequenceFor(*p);
    complete = false;
    if (seq.continuationBytes < 0)
        return 1;
    qsizetype length = 1;
    uchar lower = seq.lower;
    uchar upper = seq.upper;
    for (int i = 0; i < seq.continuationBytes; ++i) {
        if (p + length >= end || p[length] < lower || p[length] > upper)
            return length;
        ++length;
        lower = 0x80;
        upper = 0xBF;
    }
    complete = true;
    return length;
}

// End of the longest well-formed prefix of [p, end).
const uchar *validPrefixEnd(const uchar *p, const uchar *end) noexcept
{
    for (;;) {
        p = skipAscii(p, end);
        if (p == end)
            return p;
        bool complete = false;
        const qsizetype length = sequenceLength(p, end, complete);
        if (!complete)
            return p;
        p += length;
    }
}

} // namespace

bool isValid(QByteArrayView bytes) noexcept
{
    return Detail::validPrefixLength(bytes) == bytes.size();
}

qsizetype Detail::validPrefixLength(QByteArrayView bytes) noexcept
{
    const auto *begin = reinterpret_cast<const uchar *>(bytes.data());
    return validPrefixEnd(begin, begin + bytes.size()) - begin;
}

qsizetype Detail::invalidSubpartLength(QByteArrayView bytes) noexcept
{
    const auto *begin = reinterpret_cast<const uchar *>(bytes.data());
    bool complete = false;
    return sequenceLength(begin, begin + bytes.size(), complete);
}

QByteArray repaired(QByteArrayView bytes)
{
    if (isValid(bytes))
        return bytes.toByteArray();
    QByteArray out;
    out.reserve(bytes.size() + 8);
    appendRepaired(out, bytes);
    return out;
}

} // namespace Sse::Utf8
