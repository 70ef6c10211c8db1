// SPDX-License-Identifier: MIT
// Sse::Utf8: UTF-8 checks and repair exactly as the WHATWG Encoding standard decodes.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Sse::Utf8 {

/// True when `bytes` is well-formed UTF-8 (no surrogates, no overlongs, <= U+10FFFF).
[[nodiscard]] bool isValid(QByteArrayView bytes) noexcept;

namespace Detail {
/// Bytes at the start of `bytes` that form well-formed UTF-8.
[[nodiscard]] qsizetype validPrefixLength(QByteArrayView bytes) noexcept;
/// Length of the maximal subpart of the ill-formed sequence that starts `bytes` (>= 1).
[[nodiscard]] qsizetype invalidSubpartLength(QByteArrayView bytes) noexcept;
} // namespace Detail

/// Appends `bytes` to `out` (a QByteArray or std::string), each maximal subpart of an
/// ill-formed sequence replaced by one U+FFFD (EF BF BD): what WHATWG "UTF-8 decode" yields.
template <typename Buffer>
void appendRepaired(Buffer &out, QByteArrayView bytes)
{
    while (!bytes.isEmpty()) {
        const qsizetype valid = Detail::validPrefixLength(bytes);
        out.append(bytes.data(), valid);
        if (valid == bytes.size())
            return;
        out.append("\xEF\xBF\xBD", 3);
        bytes = bytes.sliced(valid + Detail::invalidSubpartLength(bytes.sliced(valid)));
    }
}

/// `bytes` itself when valid, else a repaired copy.
[[nodiscard]] QByteArray repaired(QByteArrayView bytes);

} // namespace Sse::Utf8
