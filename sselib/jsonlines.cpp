// SPDX-License-Identifier: MIT
// Sse::JsonLines: fast builders for one line of JSON (NDJSON), appended to a byte buffer.
#include "jsonlines.h"

#include <array>
#include <cmath>

namespace Sse::JsonLines {

namespace {

// For each byte: 0 = copy verbatim, 'u' = \u00XX, else the letter after the backslash.
constexpr std::array<char, 256> makeEscapeTable()
{
    std::array<char, 256> table{};
    for (int c = 0; c < 0x20; ++c)
        table[c] = 'u';
    table['\b'] = 'b';
    table['\f'] = 'f';
    table['\n'] = 'n';
    table['\r'] = 'r';
    table['\t'] = 't';
    table['"'] = '"';
    table['\\'] = '\\';
    return table;
}

constexpr std::array<char, 256> EscapeTable = makeEscapeTable();

// Writes the digits of `value` backwards, ending at `end`; returns the first digit.
char *formatUnsigned(char *end, quint64 value)
{
    char *p = end;
    do {
        *--p = char('0' + value % 10);
        value /= 10;
    } while (value != 0);
    return p;
}

} // namespace

void appendString(QByteArray &out, QByteArrayView utf8)
{
    static constexpr char HexDigits[] = "0123456789abcdef";
    const char *const data = utf8.data();
    const qsizetype size = utf8.size();
    // Worst case per byte is 6 (\u00XX); reserving the common case keeps appends cheap.
    out.reserve(out.size() + size + 2);
    out.append('"');
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const char escape = EscapeTable[uchar(data[i])];
        if (escape == 0)
            continue;
        if (i > runStart)
            out.append(data + runStart, i - runStart);
        runStart = i + 1;
        if (escape == 'u') {
            const uchar c = uchar(data[i]);
            const char seq[6] = {'\\', 'u', '0', '0', HexDigits[c >> 4], HexDigits[c & 0xf]};
            out.append(seq, 6);
        } else {
            const char seq[2] = {'\\', escape};
            out.append(seq, 2);
        }
    }
    if (size > runStart)
        out.append(data + runStart, size - runStart);
    out.append('"');
}

void appendUnsigned(QByteArray &out, quint64 value)
{
    char buffer[24];
    char *const end = buffer + sizeof(buffer);
    const char *begin = formatUnsigned(end, value);
    out.append(begin, end - begin);
}

void appendSigned(QByteArray &out, qint64 value)
{
    char buffer[24];
    char *const end = buffer + sizeof(buffer);
    // Negate in unsigned arithmetic so that the smallest qint64 works too.
    const quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    char *begin = formatUnsigned(end, magnitude);
    if (value < 0)
        *--begin = '-';
    out.append(begin, end - begin);
}

void appendDecimal(QByteArray &out, double value, int decimals)
{
    if (!std::isfinite(value)) {
        appendNull(out);
        return;
    }
    out.append(QByteArray::number(value, 'f', qBound(0, decimals, 17)));
}

} // namespace Sse::JsonLines
