// SPDX-License-Identifier: MIT
// Sse::Utf8: UTF-8 checks and repair exactly as the WHATWG Encoding standard decodes.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Sse::Utf8 {

/// True when `bytes` is well-formed UTF-8 (no surrogates, no overlongs, <= U+10FFFF).
[[nodiscard]] bool isValid(QByteArrayView bytes) noexcept;

/// Appends `bytes` to `out`, each maximal subpart of an ill-formed sequence replaced by one
/// U+FFFD (EF BF BD), which is what the WHATWG "UTF-8 decode" algorithm yields.
void appendRepaired(QByteArray &out, QByteArrayView bytes);

/// `bytes` itself when valid, else a repaired copy.
[[nodiscard]] QByteArray repaired(QByteArrayView bytes);

} // namespace Sse::Utf8
