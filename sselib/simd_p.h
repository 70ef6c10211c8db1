// SPDX-License-Identifier: MIT
// The parser's vector code: which instruction sets it is compiled for and may run.
#pragma once

#include <QtGlobal>

// AVX2 is not in the x86-64 baseline that distributions build for: the parser's AVX2 code is
// compiled beside the SSE2 one, and one is picked at run time (cpuHasAvx2()).
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SSEDASH_AVX2_DISPATCH 1
#define SSEDASH_TARGET_AVX2 __attribute__((target("avx2")))
#else
#define SSEDASH_AVX2_DISPATCH 0
#endif

namespace Sse::Detail {

#if SSEDASH_AVX2_DISPATCH
/// The CPU runs AVX2 code, and QT_NO_CPU_FEATURE (Qt's switch for testing the fallbacks of its
/// own run-time dispatch) does not name "avx2".
bool cpuHasAvx2() noexcept;
#endif

} // namespace Sse::Detail
