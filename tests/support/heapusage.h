// SPDX-License-Identifier: MIT
// TestSupport::heapInUse() and HeapWatch: the live heap of this process, where it can be known.
#pragma once

#include <QtGlobal>

#include <optional>

#if defined(__GLIBC__)
#include <malloc.h> // mallinfo2()
#endif

namespace TestSupport {

/// Whether this build runs under AddressSanitizer, whose heap mallinfo2() does not see.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool Sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool Sanitized = true;
#else
inline constexpr bool Sanitized = false;
#endif
#else
inline constexpr bool Sanitized = false;
#endif

/// Heap bytes in use by this process, all threads (glibc 2.33 and later); 0 where unknown.
/// Live allocations, not resident pages: what the allocator keeps after a free does not count.
inline qint64 heapInUse()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    const struct mallinfo2 info = ::mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
#else
    return 0;
#endif
}

/// The heap's growth since the watch was made.
class HeapWatch
{
public:
    HeapWatch()
        : m_before(heapInUse())
    { }

    /// Bytes grown since construction; none where the heap cannot be measured (ASan's heap,
    /// or no glibc), so that a test asserts a bound only where it means something.
    [[nodiscard]] std::optional<qint64> growth() const
    {
        if (Sanitized || m_before <= 0)
            return std::nullopt;
        return heapInUse() - m_before;
    }

private:
    qint64 m_before;
};

} // namespace TestSupport
