// SPDX-License-Identifier: MIT
// Sse::JsonLines: fast builders for one line of JSON (NDJSON), appended to a byte buffer.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <type_traits>

namespace Sse::JsonLines {

/// Appends `utf8` as a JSON string literal, quotes included. `"`, `\` and control characters
/// below U+0020 are escaped (\n \r \t \b \f, else \u00XX); every other byte, non-ASCII UTF-8
/// included, is copied verbatim. The input must already be valid UTF-8.
void appendString(QByteArray &out, QByteArrayView utf8);

/// Appends a decimal integer.
void appendSigned(QByteArray &out, qint64 value);
void appendUnsigned(QByteArray &out, quint64 value);

template <typename T>
using EnableIfInteger = std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, bool>;

/// Appends any integer type (qsizetype, int, quint64, ...) as a decimal number.
template <typename Integer, EnableIfInteger<Integer> = true>
inline void appendNumber(QByteArray &out, Integer value)
{
    if constexpr (std::is_signed_v<Integer>)
        appendSigned(out, qint64(value));
    else
        appendUnsigned(out, quint64(value));
}

/// Appends a fixed-point decimal number with `decimals` digits after the point ("1.234");
/// non-finite values, which JSON cannot express, become null.
void appendDecimal(QByteArray &out, double value, int decimals);

/// Appends `true` or `false`.
inline void appendBool(QByteArray &out, bool value)
{
    out.append(value ? QByteArrayView("true") : QByteArrayView("false"));
}

/// Appends `null`.
inline void appendNull(QByteArray &out)
{
    out.append(QByteArrayView("null"));
}

} // namespace Sse::JsonLines
