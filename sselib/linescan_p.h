// SPDX-License-Identifier: MIT
// Sse::Detail::LineEndScanner: the parser's scan for line ends, SSE2 (AVX2 where the CPU has it)
// with a portable fallback.
#pragma once

#include "simd_p.h"
#include "utf8.h"
#include "utf8avx2_p.h"

#include <QtGlobal>

#include <cstdint>

#ifdef __SSE2__
#include <immintrin.h>
#endif

namespace Sse::Detail {

/// The masks of one 64-byte block: bit i of `lineEnds` is set when block[i] is CR or LF, of
/// `high` when block[i] has its high bit set (is not ASCII).
struct BlockMasks
{
    std::uint64_t lineEnds = 0;
    std::uint64_t high = 0;
};

/// Compares the bytes one at a time: chunks shorter than a block, and CPUs without SSE2.
inline BlockMasks scanBytes(const char *block, qsizetype size) noexcept
{
    BlockMasks masks;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = block[i];
        masks.lineEnds |= std::uint64_t(c == '\n' || c == '\r') << i;
        masks.high |= std::uint64_t(static_cast<unsigned char>(c) >> 7) << i;
    }
    return masks;
}

/// The x86-64 baseline: four 16-byte compares a block; UTF-8 validated a byte at a time.
struct Sse2Blocks
{
    /// [begin, end) is well-formed UTF-8 (Utf8::isValid); `readable` is unused.
    static bool isValidUtf8(const char *begin, const char *end, const char *readable) noexcept
    {
        Q_UNUSED(readable)
        return Utf8::isValid(QByteArrayView(begin, end - begin));
    }

    static BlockMasks scan(const char *block) noexcept
    {
#ifdef __SSE2__
        const __m128i lf = _mm_set1_epi8('\n');
        const __m128i cr = _mm_set1_epi8('\r');
        BlockMasks masks;
        for (int i = 0; i < 4; ++i) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(block + 16 * i));
            const __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr));
            masks.lineEnds |= std::uint64_t(unsigned(_mm_movemask_epi8(hits))) << (16 * i);
            masks.high |= std::uint64_t(unsigned(_mm_movemask_epi8(v))) << (16 * i);
        }
        return masks;
#else
        return scanBytes(block, 64);
#endif
    }
};

#if SSEDASH_AVX2_DISPATCH
/// Two 32-byte compares a block; UTF-8 validated 32 bytes at a time. Only code compiled for AVX2
/// may inline it: the parser's splitLinesAvx2(), which runs only when cpuHasAvx2().
struct Avx2Blocks
{
    SSEDASH_TARGET_AVX2 static bool isValidUtf8(
            const char *begin, const char *end, const char *readable) noexcept
    {
        return Utf8Avx2::isValid(begin, end, readable);
    }

    SSEDASH_TARGET_AVX2 static BlockMasks scan(const char *block) noexcept
    {
        const __m256i lf = _mm256_set1_epi8('\n');
        const __m256i cr = _mm256_set1_epi8('\r');
        const __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(block));
        const __m256i top = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(block + 32));
        const __m256i lowEnds =
                _mm256_or_si256(_mm256_cmpeq_epi8(low, lf), _mm256_cmpeq_epi8(low, cr));
        const __m256i topEnds =
                _mm256_or_si256(_mm256_cmpeq_epi8(top, lf), _mm256_cmpeq_epi8(top, cr));
        BlockMasks masks;
        masks.lineEnds = std::uint64_t(unsigned(_mm256_movemask_epi8(lowEnds)))
                | std::uint64_t(unsigned(_mm256_movemask_epi8(topEnds))) << 32;
        masks.high = std::uint64_t(unsigned(_mm256_movemask_epi8(low)))
                | std::uint64_t(unsigned(_mm256_movemask_epi8(top))) << 32;
        return masks;
    }
};

#endif

/// Finds every CR and LF of one chunk in a single pass: 64 bytes are compared at a time (by
/// Blocks::scan()) into bit masks that later calls reuse, so that a short line costs a bit scan,
/// not a search call. The same pass finds a line's first byte that is not ASCII, where its UTF-8
/// validation starts (a line without one needs none). Every member is inlined, so that the caller's
/// target (AVX2 or not) is theirs.
template <class Blocks>
class LineEndScanner
{
public:
    static constexpr qsizetype BlockSize = 64;

    LineEndScanner(const char *begin, const char *end) noexcept
        : m_begin(begin)
        , m_end(end)
        , m_block(begin)
        , m_blockEnd(begin)
    { }

    /// The first CR or LF at or after `from` (within the chunk), or nullptr. `firstHigh` is the
    /// first byte from `from` to it (or to the chunk's end) with its high bit set (not ASCII),
    /// or nullptr when there is none.
    [[nodiscard]] Q_ALWAYS_INLINE const char *find(
            const char *from, const char *&firstHigh) noexcept
    {
        firstHigh = nullptr;
        while (from < m_end) {
            if (from < m_block || from >= m_blockEnd)
                load(from);
            const std::uint64_t fromHere = ~std::uint64_t(0) << (from - m_block);
            const std::uint64_t ends = m_lineEnds & fromHere;
            std::uint64_t high = m_high & fromHere;
            if (ends != 0)
                high &= (ends & (0 - ends)) - 1; // the bits below the lowest line end
            if (high != 0 && !firstHigh)
                firstHigh = m_block + countTrailingZeros(high);
            if (ends != 0)
                return m_block + countTrailingZeros(ends);
            if (m_blockEnd == m_end)
                break;
            from = m_blockEnd;
        }
        return nullptr;
    }

private:
    // The block starts at `from`; near the chunk's end it is moved back to end there, so that
    // only chunks shorter than a block need the byte loop.
    Q_ALWAYS_INLINE void load(const char *from) noexcept
    {
        BlockMasks masks;
        if (m_end - from >= BlockSize) {
            m_block = from;
            masks = Blocks::scan(m_block);
        } else if (m_end - m_begin >= BlockSize) {
            m_block = m_end - BlockSize;
            masks = Blocks::scan(m_block);
        } else {
            m_block = from;
            masks = scanBytes(m_block, m_end - from);
        }
        m_lineEnds = masks.lineEnds;
        m_high = masks.high;
        m_blockEnd = m_block + qMin(BlockSize, qsizetype(m_end - m_block));
    }

    static int countTrailingZeros(std::uint64_t mask) noexcept
    {
#if defined(__GNUC__) || defined(__clang__)
        return __builtin_ctzll(mask);
#else
        int n = 0;
        while ((mask & 1) == 0) {
            mask >>= 1;
            ++n;
        }
        return n;
#endif
    }

    const char *m_begin;
    const char *m_end;
    const char *m_block; // the block the masks describe: [m_block, m_blockEnd)
    const char *m_blockEnd;
    std::uint64_t m_lineEnds = 0; // bit i: m_block[i] is CR or LF
    std::uint64_t m_high = 0; // bit i: m_block[i] has its high bit set (not ASCII)
};

} // namespace Sse::Detail
