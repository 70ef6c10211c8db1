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

/// Cuts `bytes` into well-formed runs and the maximal subparts of ill-formed sequences (each
/// of which the WHATWG decoder turns into one U+FFFD), and passes each in order, not empty, to
/// `wellFormed(QByteArrayView)` or `illFormed(QByteArrayView)`.
template <typename WellFormed, typename IllFormed>
void forEachPart(QByteArrayView bytes, WellFormed wellFormed, IllFormed illFormed)
{
    while (!bytes.isEmpty()) {
        const qsizetype valid = Detail::validPrefixLength(bytes);
        if (valid > 0)
            wellFormed(bytes.first(valid));
        if (valid == bytes.size())
            return;
        const qsizetype invalid = Detail::invalidSubpartLength(bytes.sliced(valid));
        illFormed(bytes.sliced(valid, invalid));
        bytes = bytes.sliced(valid + invalid);
    }
}

/// Appends `bytes` to `out` (a QByteArray or std::string), each maximal subpart of an
/// ill-formed sequence replaced by one U+FFFD (EF BF BD): what WHATWG "UTF-8 decode" yields.
template <typename Buffer>
void appendRepaired(Buffer &out, QByteArrayView bytes)
{
    forEachPart(
            bytes, [&out](QByteArrayView part) { out.append(part.data(), part.size()); },
            [&out](QByteArrayView) { out.append("\xEF\xBF\xBD", 3); });
}

/// `bytes` itself when valid, else a repaired copy.
[[nodiscard]] QByteArray repaired(QByteArrayView bytes);

} // namespace Sse::Utf8
