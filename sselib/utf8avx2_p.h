// SPDX-License-Identifier: MIT
// Sse::Detail::Utf8Avx2: UTF-8 validation 32 bytes at a time, for the parser's AVX2 loop.
#pragma once

#include "simd_p.h"

#if SSEDASH_AVX2_DISPATCH

#include <cstring>
#include <immintrin.h>

namespace Sse::Detail {

/// Tells whether bytes are well-formed UTF-8 (what the WHATWG decoder takes without a U+FFFD)
/// with no branch per byte: the "lookup" algorithm of Keiser and Lemire ("Validating UTF-8 in
/// less than one instruction per byte", 2021). Each byte is classified together with the byte
/// before it by three 16-entry tables, whose bits name the ways a pair can be wrong; the pair is
/// wrong when one bit is set in all three. Two bytes back and three bytes back say whether a
/// byte must be the third or fourth of a sequence. Every member is inlined into AVX2 code only.
class Utf8Avx2
{
public:
    /// [begin, end) is well-formed: the bytes before `begin` are taken to be ASCII. Bytes up to
    /// `readable` (>= end) may be loaded, which spares a copy of the last partial block.
    SSEDASH_TARGET_AVX2 Q_ALWAYS_INLINE static bool isValid(
            const char *begin, const char *end, const char *readable) noexcept
    {
        __m256i previous = _mm256_setzero_si256();
        __m256i errors = _mm256_setzero_si256();
        const char *p = begin;
        for (; end - p >= 32; p += 32) {
            const __m256i input = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
            errors = _mm256_or_si256(errors, blockErrors(input, previous));
            previous = input;
        }
        // The last block always ends in at least one space: a sequence that the bytes leave
        // unfinished is an error there, like any lead byte followed by ASCII.
        errors = _mm256_or_si256(errors, blockErrors(lastBlock(p, end, readable), previous));
        return _mm256_testz_si256(errors, errors) != 0;
    }

private:
    // Bits of the tables: what a byte pair would be when all three tables set the bit.
    static constexpr char TooShort = 1 << 0; // a lead byte not followed by a continuation byte
    static constexpr char TooLong = 1 << 1; // ASCII followed by a continuation byte
    static constexpr char Overlong3 = 1 << 2; // E0 80..9F
    static constexpr char TooLarge = 1 << 3; // F4 90..BF, F5..FF 90..BF
    static constexpr char Surrogate = 1 << 4; // ED A0..BF
    static constexpr char Overlong2 = 1 << 5; // C0..C1 80..BF
    static constexpr char TooLarge1000 = 1 << 6; // F5..FF 80..8F
    static constexpr char Overlong4 = 1 << 6; // F0 80..8F
    static constexpr char TwoContinuations = char(1 << 7); // must be a third or fourth byte
    static constexpr char Carry = TooShort | TooLong | TwoContinuations; // any low nibble

    // The bytes from p to end, then spaces up to 32.
    SSEDASH_TARGET_AVX2 Q_ALWAYS_INLINE static __m256i lastBlock(
            const char *p, const char *end, const char *readable) noexcept
    {
        const int count = int(end - p); // 0 to 31
        if (readable - p >= 32) {
            const __m256i input = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
            const __m256i index = _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                    15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
            const __m256i inside = _mm256_cmpgt_epi8(_mm256_set1_epi8(char(count)), index);
            return _mm256_blendv_epi8(_mm256_set1_epi8(' '), input, inside);
        }
        char padded[32];
        std::memset(padded, ' ', sizeof padded);
        std::memcpy(padded, p, size_t(count));
        return _mm256_loadu_si256(reinterpret_cast<const __m256i *>(padded));
    }

    // The input shifted by `N` bytes towards the end, the last bytes of `previous` shifted in.
    template <int N>
    SSEDASH_TARGET_AVX2 Q_ALWAYS_INLINE static __m256i bytesBefore(
            __m256i input, __m256i previous) noexcept
    {
        const __m256i straddle = _mm256_permute2x128_si256(previous, input, 0x21);
        return _mm256_alignr_epi8(input, straddle, 16 - N);
    }

    SSEDASH_TARGET_AVX2 Q_ALWAYS_INLINE static __m256i blockErrors(
            __m256i input, __m256i previous) noexcept
    {
        const __m256i lowNibble = _mm256_set1_epi8(0x0F);
        const __m256i byte1 = bytesBefore<1>(input, previous);
        const __m256i byte1High = _mm256_shuffle_epi8(
                byte1HighTable(), _mm256_and_si256(_mm256_srli_epi16(byte1, 4), lowNibble));
        const __m256i byte1Low =
                _mm256_shuffle_epi8(byte1LowTable(), _mm256_and_si256(byte1, lowNibble));
        const __m256i byte2High = _mm256_shuffle_epi8(
                byte2HighTable(), _mm256_and_si256(_mm256_srli_epi16(input, 4), lowNibble));
        const __m256i pairErrors =
                _mm256_and_si256(_mm256_and_si256(byte1High, byte1Low), byte2High);
        // The high bit is set where two bytes back is E0..FF or three bytes back F0..FF: the
        // byte must be a continuation byte, and only there may TwoContinuations be set.
        const __m256i third = _mm256_subs_epu8(
                bytesBefore<2>(input, previous), _mm256_set1_epi8(char(0xE0 - 0x80)));
        const __m256i fourth = _mm256_subs_epu8(
                bytesBefore<3>(input, previous), _mm256_set1_epi8(char(0xF0 - 0x80)));
        const __m256i mustContinue =
                _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(char(0x80)));
        return _mm256_xor_si256(mustContinue, pairErrors);
    }

    // Indexed by the high nibble of the first byte of the pair.
    SSEDASH_TARGET_AVX2 Q_ALWAYS_INLINE static __m256i byte1HighTable() noexcept
    {
        return repeated(TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong,
                TwoContinuations, TwoContinuations, TwoContinuations, TwoContinuations,
                TooShort | Overlong2, TooShort, TooShort | Overlong3 | Surrogate,
                TooShort | TooLarge | TooLarge1000 | Overlong4);
    }

    // Indexed by the low nibble of the first byte of the pair.
    SSEDASH_TARGET_AVX2 Q_ALWAYS_INLINE static __m256i byte1LowTable() noexcept
    {
        constexpr char Large = Carry | TooLarge | TooLarge1000;
        return repeated(Carry | Overlong3 | Overlong2 | Overlong4, Carry | Overlong2, Carry, Carry,
                Carry | TooLarge, Large, Large, Large, Large, Large, Large, Large, Large,
                Large | Surrogate, Large, Large);
    }

    // Indexed by the high nibble of the second byte of the pair.
    SSEDASH_TARGET_AVX2 Q_ALWAYS_INLINE static __m256i byte2HighTable() noexcept
    {
        constexpr char Continuation = TooLong | Overlong2 | TwoContinuations;
        return repeated(TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort,
                TooShort, Continuation | Overlong3 | TooLarge1000 | Overlong4,
                Continuation | Overlong3 | TooLarge, Continuation | Surrogate | TooLarge,
                Continuation | Surrogate | TooLarge, TooShort, TooShort, TooShort, TooShort);
    }

    // A 16-byte table in both 128-bit lanes (the byte shuffle works within each lane).
    SSEDASH_TARGET_AVX2 Q_ALWAYS_INLINE static __m256i repeated(char b0, char b1, char b2, char b3,
            char b4, char b5, char b6, char b7, char b8, char b9, char b10, char b11, char b12,
            char b13, char b14, char b15) noexcept
    {
        return _mm256_setr_epi8(b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14,
                b15, b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15);
    }
};

} // namespace Sse::Detail

#endif // SSEDASH_AVX2_DISPATCH
