// SPDX-License-Identifier: MIT
// Sse::Detail::cpuHasAvx2: whether the parser may run its AVX2 code.
#include "simd_p.h"

#include <QByteArray>
#include <QByteArrayList>

namespace Sse::Detail {

#if SSEDASH_AVX2_DISPATCH
bool cpuHasAvx2() noexcept
{
    static const bool has = [] {
        if (qgetenv("QT_NO_CPU_FEATURE").split(' ').contains(QByteArrayLiteral("avx2")))
            return false;
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") != 0;
    }();
    return has;
}
#endif

} // namespace Sse::Detail
