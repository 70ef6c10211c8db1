// SPDX-License-Identifier: MIT
// Tests for Sse::Utf8: validation and repair must match the WHATWG Encoding "UTF-8 decode".

#include "sselib/simd_p.h"
#include "sselib/utf8.h"
#include "sselib/utf8avx2_p.h"

#include <QByteArrayList>
#include <QRandomGenerator>
#include <QTest>

#include <array>
#include <cstring>
#include <memory>

using namespace Qt::Literals::StringLiterals;

// The tables write U+FFFD and other characters as \u escapes in narrow literals, which relies on
// a UTF-8 execution character set (the GCC and Clang default).
static_assert(sizeof("\uFFFD") == 4, "narrow string literals must be UTF-8");

namespace {

/// The WHATWG Encoding standard's "UTF-8 decoder" written out step by step, re-encoded to UTF-8:
/// an independent reference for the exhaustive comparisons below.
QByteArray referenceRepair(QByteArrayView bytes)
{
    QByteArray out;
    const auto appendCodePoint = [&out](char32_t cp) {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    };
    constexpr char32_t Replacement = 0xFFFD;

    char32_t codePoint = 0;
    int bytesSeen = 0;
    int bytesNeeded = 0;
    uchar lowerBoundary = 0x80;
    uchar upperBoundary = 0xBF;
    qsizetype i = 0;
    while (i < bytes.size()) {
        const auto byte = static_cast<uchar>(bytes[i]);
        if (bytesNeeded == 0) {
            ++i;
            if (byte <= 0x7F) {
                appendCodePoint(byte);
            } else if (byte >= 0xC2 && byte <= 0xDF) {
                bytesNeeded = 1;
                codePoint = byte & 0x1F;
            } else if (byte >= 0xE0 && byte <= 0xEF) {
                if (byte == 0xE0)
                    lowerBoundary = 0xA0;
                if (byte == 0xED)
                    upperBoundary = 0x9F;
                bytesNeeded = 2;
                codePoint = byte & 0xF;
            } else if (byte >= 0xF0 && byte <= 0xF4) {
                if (byte == 0xF0)
                    lowerBoundary = 0x90;
                if (byte == 0xF4)
                    upperBoundary = 0x8F;
                bytesNeeded = 3;
                codePoint = byte & 0x7;
            } else {
                appendCodePoint(Replacement);
            }
            continue;
        }
        if (byte < lowerBoundary || byte > upperBoundary) {
            // The byte is not consumed: it starts over ("restore byte to ioQueue").
            codePoint = 0;
            bytesNeeded = 0;
            bytesSeen = 0;
            lowerBoundary = 0x80;
            upperBoundary = 0xBF;
            appendCodePoint(Replacement);
            continue;
        }
        ++i;
        lowerBoundary = 0x80;
        upperBoundary = 0xBF;
        codePoint = (codePoint << 6) | (byte & 0x3F);
        if (++bytesSeen == bytesNeeded) {
            appendCodePoint(codePoint);
            codePoint = 0;
            bytesNeeded = 0;
            bytesSeen = 0;
        }
    }
    if (bytesNeeded != 0)
        appendCodePoint(Replacement);
    return out;
}

/// Bytes with every byte outside printable ASCII written as \xHH, for failure messages.
QByteArray escaped(QByteArrayView bytes)
{
    QByteArray out;
    for (const char c : bytes) {
        const auto u = static_cast<uchar>(c);
        if (u >= 0x20 && u < 0x7F && c != '\\') {
            out += c;
        } else {
            out += "\\x"_ba;
            out += QByteArray::number(u, 16).rightJustified(2, '0').toUpper();
        }
    }
    return out;
}

QByteArray mismatch(QByteArrayView input, QByteArrayView expected, QByteArrayView actual)
{
    return "input " + escaped(input) + ": expected " + escaped(expected) + ", got "
            + escaped(actual);
}

#if SSEDASH_AVX2_DISPATCH
// Compiled for AVX2 itself, as the validator inlines only into AVX2 code; called only when
// cpuHasAvx2().
SSEDASH_TARGET_AVX2 bool avx2IsValid(const char *begin, const char *end, const char *readable)
{
    return Sse::Detail::Utf8Avx2::isValid(begin, end, readable);
}
#endif

/// Empty when the AVX2 validator says `valid` for `bytes` both ways it reads their last block:
/// loaded whole, with bytes after the end that must not count (continuation bytes, which would
/// complete a truncated sequence), and copied, when nothing after the end may be read (a heap
/// block of the input's size, so that AddressSanitizer sees any read beyond it).
QByteArray avx2Mismatch(QByteArrayView bytes, bool valid)
{
#if SSEDASH_AVX2_DISPATCH
    const QByteArray followed = bytes.toByteArray() + QByteArray(32, '\x80');
    const char *begin = followed.constData();
    if (avx2IsValid(begin, begin + bytes.size(), begin + followed.size()) != valid)
        return "AVX2, bytes after the end readable: " + escaped(bytes);
    const auto exact = std::make_unique<char[]>(size_t(bytes.size()));
    if (!bytes.isEmpty())
        std::memcpy(exact.get(), bytes.data(), size_t(bytes.size()));
    const char *end = exact.get() + bytes.size();
    if (avx2IsValid(exact.get(), end, end) != valid)
        return "AVX2, nothing after the end readable: " + escaped(bytes);
#else
    Q_UNUSED(bytes)
    Q_UNUSED(valid)
#endif
    return {};
}

bool hasAvx2()
{
#if SSEDASH_AVX2_DISPATCH
    return Sse::Detail::cpuHasAvx2();
#else
    return false;
#endif
}

/// Text of ASCII runs, well-formed characters of every length and stray bytes, 0 to about 200
/// bytes: mostly well-formed, so that a defect sits anywhere in a block.
QByteArray randomText(QRandomGenerator &random)
{
    static const std::array<QByteArray, 8> pieces{"a"_ba, "plain ascii run, "_ba, "\u00E9"_ba,
            "\u20AC"_ba, "\U0001F600"_ba, "\uD7FF\uE000"_ba, "\U0010FFFF"_ba, "\u0800"_ba};
    QByteArray text;
    const int count = random.bounded(40);
    for (int i = 0; i < count; ++i) {
        if (random.bounded(30) == 0)
            text += char(random.bounded(256)); // usually a defect
        else
            text += pieces[size_t(random.bounded(int(pieces.size())))];
    }
    return text;
}

} // namespace

class tst_Utf8 final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isValid_data();
    void isValid();
    void repaired_data();
    void repaired();
    void appendRepaired_data();
    void appendRepaired();
    void appendRepaired_appendsToExistingBytes();
    void forEachPart_cutsIntoWellFormedRunsAndDefects_data();
    void forEachPart_cutsIntoWellFormedRunsAndDefects();
    void repaired_matchesReferenceForAllShortInputs();
    void repaired_matchesReferenceForInterestingSequences();
    void referenceDecoder_selfCheck();
    void avx2IsValid_data();
    void avx2IsValid();
    void avx2IsValid_matchesScalarForAllShortInputs();
    void avx2IsValid_matchesScalarForInterestingSequences();
    void avx2IsValid_matchesScalarOnRandomText();

private:
    static void addSequenceColumnsAndRows();
};

// Columns: input, valid, expected (the repaired bytes; equal to input when valid).
void tst_Utf8::addSequenceColumnsAndRows()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("expected");

    const auto valid = [](const char *name, const QByteArray &bytes) {
        QTest::addRow("%s", name) << bytes << true << bytes;
    };
    const auto invalid = [](const char *name, const QByteArray &bytes, const QByteArray &fixed) {
        QTest::addRow("%s", name) << bytes << false << fixed;
    };

    // Well-formed input.
    valid("empty", QByteArray());
    valid("ascii", "hello, world"_ba);
    valid("nul", "a\0b"_ba);
    valid("all ascii controls", "\x01\x02\x09\x0A\x0D\x1B\x1F\x7F"_ba);
    valid("two-byte lowest U+0080", "\xC2\x80"_ba);
    valid("two-byte e acute", "\xC3\xA9"_ba);
    valid("two-byte highest U+07FF", "\xDF\xBF"_ba);
    valid("three-byte lowest U+0800", "\xE0\xA0\x80"_ba);
    valid("three-byte U+1000", "\xE1\x80\x80"_ba);
    valid("three-byte euro", "\xE2\x82\xAC"_ba);
    valid("three-byte U+CFFF", "\xEC\xBF\xBF"_ba);
    valid("three-byte last before surrogates U+D7FF", "\xED\x9F\xBF"_ba);
    valid("three-byte first after surrogates U+E000", "\xEE\x80\x80"_ba);
    valid("three-byte BOM U+FEFF", "\xEF\xBB\xBF"_ba);
    valid("three-byte replacement character", "\xEF\xBF\xBD"_ba);
    valid("three-byte noncharacter U+FFFF", "\xEF\xBF\xBF"_ba);
    valid("four-byte lowest U+10000", "\xF0\x90\x80\x80"_ba);
    valid("four-byte emoji U+1F600", "\xF0\x9F\x98\x80"_ba);
    valid("four-byte U+40000", "\xF1\x80\x80\x80"_ba);
    valid("four-byte U+FFFFF", "\xF3\xBF\xBF\xBF"_ba);
    valid("four-byte highest U+10FFFF", "\xF4\x8F\xBF\xBF"_ba);
    valid("mixed ascii and multi-byte", "a\u00E9b\u20ACc\U0001F600d"_ba);
    valid("emoji sequence", "\U0001F600\U0001F601\U0001F602\U0001F603\U0001F604"_ba);
    valid("long ascii", QByteArray(1000, 'x'));
    valid("long two-byte run", QByteArray("\u00E9"_ba).repeated(100));
    valid("long emoji run", QByteArray("\U0001F600"_ba).repeated(100));

    // Lone and stray bytes: one U+FFFD each.
    invalid("lone continuation 80", "\x80"_ba, "\uFFFD"_ba);
    invalid("lone continuation BF", "\xBF"_ba, "\uFFFD"_ba);
    invalid("three continuations", "\x80\x80\x80"_ba, "\uFFFD\uFFFD\uFFFD"_ba);
    invalid("continuation after complete character", "\xC2\x80\x80"_ba, "\xC2\x80\uFFFD"_ba);
    invalid("lone FF", "\xFF"_ba, "\uFFFD"_ba);
    invalid("lone FE", "\xFE"_ba, "\uFFFD"_ba);
    invalid("FE FF", "\xFE\xFF"_ba, "\uFFFD\uFFFD"_ba);
    invalid("FF between ascii", "a\xFFz"_ba, "a\uFFFDz"_ba);

    // Overlong forms: the lead byte is never a valid start, or the second byte is out of range.
    invalid("overlong C0 AF", "\xC0\xAF"_ba, "\uFFFD\uFFFD"_ba);
    invalid("overlong C0 80 (nul)", "\xC0\x80"_ba, "\uFFFD\uFFFD"_ba);
    invalid("overlong C1 BF", "\xC1\xBF"_ba, "\uFFFD\uFFFD"_ba);
    invalid("overlong E0 80 AF", "\xE0\x80\xAF"_ba, "\uFFFD\uFFFD\uFFFD"_ba);
    invalid("overlong E0 9F BF", "\xE0\x9F\xBF"_ba, "\uFFFD\uFFFD\uFFFD"_ba);
    invalid("overlong F0 80 80", "\xF0\x80\x80"_ba, "\uFFFD\uFFFD\uFFFD"_ba);
    invalid("overlong F0 80 80 AF", "\xF0\x80\x80\xAF"_ba, "\uFFFD\uFFFD\uFFFD\uFFFD"_ba);
    invalid("overlong F0 8F BF BF", "\xF0\x8F\xBF\xBF"_ba, "\uFFFD\uFFFD\uFFFD\uFFFD"_ba);

    // Surrogates, encoded directly (CESU-8 style).
    invalid("surrogate ED A0 80", "\xED\xA0\x80"_ba, "\uFFFD\uFFFD\uFFFD"_ba);
    invalid("surrogate ED BF BF", "\xED\xBF\xBF"_ba, "\uFFFD\uFFFD\uFFFD"_ba);
    invalid("surrogate pair", "\xED\xA0\xBD\xED\xB8\x80"_ba,
            "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"_ba);
    invalid("truncated surrogate ED A0", "\xED\xA0"_ba, "\uFFFD\uFFFD"_ba);

    // Beyond U+10FFFF and the old five- and six-byte forms.
    invalid("beyond max F4 90 80 80", "\xF4\x90\x80\x80"_ba, "\uFFFD\uFFFD\uFFFD\uFFFD"_ba);
    invalid("beyond max F4 BF BF BF", "\xF4\xBF\xBF\xBF"_ba, "\uFFFD\uFFFD\uFFFD\uFFFD"_ba);
    invalid("lead F5", "\xF5\x80\x80\x80"_ba, "\uFFFD\uFFFD\uFFFD\uFFFD"_ba);
    invalid("lead F7", "\xF7\xBF\xBF\xBF"_ba, "\uFFFD\uFFFD\uFFFD\uFFFD"_ba);
    invalid("five-byte form F8", "\xF8\x88\x80\x80\x80"_ba, "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"_ba);
    invalid("six-byte form FC", "\xFC\x84\x80\x80\x80\x80"_ba,
            "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"_ba);
    invalid("truncated beyond max F4 90", "\xF4\x90"_ba, "\uFFFD\uFFFD"_ba);

    // Truncated sequences: the maximal subpart is one U+FFFD.
    invalid("truncated two-byte at end", "\xC2"_ba, "\uFFFD"_ba);
    invalid("truncated three-byte lead at end", "\xE2"_ba, "\uFFFD"_ba);
    invalid("truncated three-byte E2 82 at end", "\xE2\x82"_ba, "\uFFFD"_ba);
    invalid("truncated E0 A0 at end", "\xE0\xA0"_ba, "\uFFFD"_ba);
    invalid("truncated ED 9F at end", "\xED\x9F"_ba, "\uFFFD"_ba);
    invalid("truncated four-byte lead at end", "\xF0"_ba, "\uFFFD"_ba);
    invalid("truncated four-byte F0 9F at end", "\xF0\x9F"_ba, "\uFFFD"_ba);
    invalid("truncated four-byte F0 9F 98 at end", "\xF0\x9F\x98"_ba, "\uFFFD"_ba);
    invalid("truncated F4 8F BF at end", "\xF4\x8F\xBF"_ba, "\uFFFD"_ba);
    invalid("truncated E2 82 then X", "\xE2\x82X"_ba, "\uFFFDX"_ba);
    invalid("truncated C2 then X", "\xC2X"_ba, "\uFFFDX"_ba);
    invalid("truncated F0 9F 98 then X", "\xF0\x9F\x98X"_ba, "\uFFFDX"_ba);
    invalid("truncated then line feed", "\xE2\x82\n"_ba, "\uFFFD\n"_ba);
    invalid("truncated then nul", "\xF0\x9F\x98\0"_ba, "\uFFFD\0"_ba);
    invalid("truncated then euro", "\xE2\x82\xE2\x82\xAC"_ba, "\uFFFD\u20AC"_ba);
    invalid("truncated then emoji", "\xF0\x9F\xF0\x9F\x98\x80"_ba, "\uFFFD\U0001F600"_ba);
    invalid("truncated then e acute", "\xC3\xC3\xA9"_ba, "\uFFFD\u00E9"_ba);
    invalid("truncated then lone continuation", "\xE2\x82\x20\x80"_ba, "\uFFFD \uFFFD"_ba);
    invalid("partial BOM then A", "\357\273A"_ba, "\uFFFDA"_ba); // octal EF BB
    invalid("every lead truncated", "\xC2\xE0\xA0\xF0\x90\x80"_ba, "\uFFFD\uFFFD\uFFFD"_ba);

    // Mixed with valid text.
    invalid("invalid between multi-byte characters", "\u00E9\xFF\u20AC\xC0\U0001F600"_ba,
            "\u00E9\uFFFD\u20AC\uFFFD\U0001F600"_ba);
    invalid("ascii then truncated at end", "abc\xE2\x82"_ba, "abc\uFFFD"_ba);
    invalid("latin-1 text", "caf\xE9 cr\xE8me"_ba, "caf\uFFFD cr\uFFFDme"_ba);

    // Long ASCII runs with a defect at various offsets, for any word-at-a-time fast path.
    const std::array<int, 9> lengths{15, 16, 17, 31, 32, 33, 63, 64, 100};
    const std::array<int, 11> offsets{0, 1, 7, 8, 14, 15, 16, 17, 31, 32, 64};
    for (const int length : lengths) {
        const QByteArray run(length, 'a');
        for (const int offset : offsets) {
            if (offset >= length)
                continue;
            QByteArray bad = run;
            bad[offset] = '\xFF';
            QByteArray fixed = run;
            fixed.replace(offset, 1, "\uFFFD"_ba);
            QTest::addRow("ascii run %d, FF at %d", length, offset) << bad << false << fixed;

            bad[offset] = '\x80';
            QTest::addRow("ascii run %d, 80 at %d", length, offset) << bad << false << fixed;

            QByteArray euro = run;
            euro.insert(offset, "\u20AC"_ba);
            QTest::addRow("ascii run %d, euro at %d", length, offset) << euro << true << euro;

            QByteArray emoji = run;
            emoji.insert(offset, "\U0001F600"_ba);
            QTest::addRow("ascii run %d, emoji at %d", length, offset) << emoji << true << emoji;

            QByteArray truncated = run;
            truncated.insert(offset, "\xF0\x9F\x98"_ba);
            QByteArray truncatedFixed = run;
            truncatedFixed.insert(offset, "\uFFFD"_ba);
            QTest::addRow("ascii run %d, truncated emoji at %d", length, offset)
                    << truncated << false << truncatedFixed;
        }
        QTest::addRow("ascii run %d, truncated at end", length)
                << QByteArray(run + "\xE2\x82"_ba) << false << QByteArray(run + "\uFFFD"_ba);
        QTest::addRow("ascii run %d, surrogate at end", length) << QByteArray(
                run + "\xED\xA0\x80"_ba) << false << QByteArray(run + "\uFFFD\uFFFD\uFFFD"_ba);
        QTest::addRow("ascii run %d, then emoji", length)
                << QByteArray(run + "\U0001F600"_ba) << true << QByteArray(run + "\U0001F600"_ba);
    }
}

void tst_Utf8::isValid_data()
{
    addSequenceColumnsAndRows();
}

void tst_Utf8::isValid()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, valid);
    QCOMPARE(Sse::Utf8::isValid(input), valid);
}

void tst_Utf8::repaired_data()
{
    addSequenceColumnsAndRows();
}

void tst_Utf8::repaired()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const QByteArray actual = Sse::Utf8::repaired(input);
    QVERIFY2(actual == expected, mismatch(input, expected, actual).constData());
    QVERIFY2(Sse::Utf8::isValid(actual), escaped(actual).constData());
}

void tst_Utf8::appendRepaired_data()
{
    addSequenceColumnsAndRows();
}

void tst_Utf8::appendRepaired()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QByteArray out;
    Sse::Utf8::appendRepaired(out, input);
    QVERIFY2(out == expected, mismatch(input, expected, out).constData());
}

void tst_Utf8::appendRepaired_appendsToExistingBytes()
{
    QByteArray out = "prefix \u00E9 "_ba;
    Sse::Utf8::appendRepaired(out, "ok"_ba);
    QCOMPARE(out, "prefix \u00E9 ok"_ba);
    Sse::Utf8::appendRepaired(out, "\xE2\x82"_ba);
    QCOMPARE(out, "prefix \u00E9 ok\uFFFD"_ba);
    // Each call stands alone: a sequence split across two calls is two defects.
    Sse::Utf8::appendRepaired(out, "\xAC"_ba);
    QCOMPARE(out, "prefix \u00E9 ok\uFFFD\uFFFD"_ba);
    Sse::Utf8::appendRepaired(out, QByteArrayView());
    QCOMPARE(out, "prefix \u00E9 ok\uFFFD\uFFFD"_ba);
}

void tst_Utf8::forEachPart_cutsIntoWellFormedRunsAndDefects_data()
{
    addSequenceColumnsAndRows();
}

// The parts put back together are the input; a U+FFFD for each ill-formed one gives repaired().
void tst_Utf8::forEachPart_cutsIntoWellFormedRunsAndDefects()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QByteArray joined;
    QByteArray decoded;
    bool lastWellFormed = false;
    Sse::Utf8::forEachPart(
            input,
            [&](QByteArrayView part) {
                QVERIFY(!part.isEmpty() && Sse::Utf8::isValid(part));
                QVERIFY2(!lastWellFormed, "two well-formed runs in a row");
                lastWellFormed = true;
                joined += part;
                decoded += part;
            },
            [&](QByteArrayView part) {
                QVERIFY(!part.isEmpty() && !Sse::Utf8::isValid(part));
                lastWellFormed = false;
                joined += part;
                decoded += "\uFFFD"_ba;
            });
    QCOMPARE(joined, input);
    QVERIFY2(decoded == expected, mismatch(input, expected, decoded).constData());
}

// Every input of up to two bytes, alone and after ASCII runs of 15 and 17 bytes.
void tst_Utf8::repaired_matchesReferenceForAllShortInputs()
{
    const std::array<QByteArray, 3> prefixes{
            QByteArray(), QByteArray(15, 'p'), QByteArray(17, 'p')};
    for (const QByteArray &prefix : prefixes) {
        for (int first = 0; first < 256; ++first) {
            QByteArray input = prefix;
            input += char(first);
            const QByteArray expected = referenceRepair(input);
            QVERIFY2(Sse::Utf8::repaired(input) == expected,
                    mismatch(input, expected, Sse::Utf8::repaired(input)).constData());
            QVERIFY2(Sse::Utf8::isValid(input) == (expected == input), escaped(input).constData());
            for (int second = 0; second < 256; ++second) {
                QByteArray two = input;
                two += char(second);
                const QByteArray expectedTwo = referenceRepair(two);
                const QByteArray actualTwo = Sse::Utf8::repaired(two);
                if (actualTwo != expectedTwo)
                    QFAIL(mismatch(two, expectedTwo, actualTwo).constData());
                if (Sse::Utf8::isValid(two) != (expectedTwo == two))
                    QFAIL(QByteArray("isValid wrong for " + escaped(two)).constData());
            }
        }
    }
}

// All three- and four-byte inputs made of the bytes at the edges of every UTF-8 range.
void tst_Utf8::repaired_matchesReferenceForInterestingSequences()
{
    const QByteArray edges = "\x00\x41\x7F\x80\x8F\x90\x9F\xA0\xBF\xC0\xC1\xC2\xDF\xE0\xE1\xEC"
                             "\xED\xEE\xEF\xF0\xF1\xF3\xF4\xF5\xFF"_ba;
    QCOMPARE(edges.size(), 25);
    int checked = 0;
    for (const char a : edges) {
        for (const char b : edges) {
            for (const char c : edges) {
                QByteArray input;
                input.append(a).append(b).append(c);
                QByteArray expected = referenceRepair(input);
                QByteArray actual = Sse::Utf8::repaired(input);
                if (actual != expected)
                    QFAIL(mismatch(input, expected, actual).constData());
                if (Sse::Utf8::isValid(input) != (expected == input))
                    QFAIL(QByteArray("isValid wrong for " + escaped(input)).constData());
                for (const char d : edges) {
                    input.resize(3);
                    input.append(d);
                    expected = referenceRepair(input);
                    actual = Sse::Utf8::repaired(input);
                    if (actual != expected)
                        QFAIL(mismatch(input, expected, actual).constData());
                    if (Sse::Utf8::isValid(input) != (expected == input))
                        QFAIL(QByteArray("isValid wrong for " + escaped(input)).constData());
                    ++checked;
                }
            }
        }
    }
    QCOMPARE(checked, 25 * 25 * 25 * 25);
}

// The reference decoder itself gives the WHATWG answers quoted in the Encoding standard.
void tst_Utf8::referenceDecoder_selfCheck()
{
    QCOMPARE(referenceRepair("\xF0\x80\x80"_ba), "\uFFFD\uFFFD\uFFFD"_ba);
    QCOMPARE(referenceRepair("\xE2\x82X"_ba), "\uFFFDX"_ba);
    QCOMPARE(referenceRepair("\xED\xA0\x80"_ba), "\uFFFD\uFFFD\uFFFD"_ba);
    QCOMPARE(referenceRepair("\xC0\xAF"_ba), "\uFFFD\uFFFD"_ba);
    QCOMPARE(referenceRepair("\xF4\x90\x80\x80"_ba), "\uFFFD\uFFFD\uFFFD\uFFFD"_ba);
    QCOMPARE(referenceRepair("\xFF"_ba), "\uFFFD"_ba);
    QCOMPARE(referenceRepair("a\u00E9\u20AC\U0001F600"_ba), "a\u00E9\u20AC\U0001F600"_ba);
}

void tst_Utf8::avx2IsValid_data()
{
    addSequenceColumnsAndRows();
}

void tst_Utf8::avx2IsValid()
{
    if (!hasAvx2())
        QSKIP("no AVX2 here (or QT_NO_CPU_FEATURE=avx2)");
    QFETCH(QByteArray, input);
    QFETCH(bool, valid);
    const QByteArray failure = avx2Mismatch(input, valid);
    QVERIFY2(failure.isEmpty(), failure.constData());
}

// Every input of up to two bytes after ASCII runs that put it at, across and just after the
// end of a 32-byte block.
void tst_Utf8::avx2IsValid_matchesScalarForAllShortInputs()
{
    if (!hasAvx2())
        QSKIP("no AVX2 here (or QT_NO_CPU_FEATURE=avx2)");
    const std::array<int, 6> prefixLengths{0, 29, 30, 31, 32, 33};
    for (const int prefixLength : prefixLengths) {
        const QByteArray prefix(prefixLength, 'p');
        for (int first = 0; first < 256; ++first) {
            const QByteArray one = prefix + char(first);
            QByteArray failure = avx2Mismatch(one, Sse::Utf8::isValid(one));
            if (!failure.isEmpty())
                QFAIL(failure.constData());
            for (int second = 0; second < 256; ++second) {
                const QByteArray two = one + char(second);
                failure = avx2Mismatch(two, Sse::Utf8::isValid(two));
                if (!failure.isEmpty())
                    QFAIL(failure.constData());
            }
        }
    }
}

// All three- and four-byte inputs of the bytes at the edges of every UTF-8 range, alone and
// across the end of a block.
void tst_Utf8::avx2IsValid_matchesScalarForInterestingSequences()
{
    if (!hasAvx2())
        QSKIP("no AVX2 here (or QT_NO_CPU_FEATURE=avx2)");
    const QByteArray edges = "\x00\x41\x7F\x80\x8F\x90\x9F\xA0\xBF\xC0\xC1\xC2\xDF\xE0\xE1\xEC"
                             "\xED\xEE\xEF\xF0\xF1\xF3\xF4\xF5\xFF"_ba;
    int checked = 0;
    for (const QByteArray &prefix : {QByteArray(), QByteArray(30, 'p')}) {
        for (const char a : edges) {
            for (const char b : edges) {
                for (const char c : edges) {
                    for (const char d : edges) {
                        QByteArray input = prefix;
                        input.append(a).append(b).append(c);
                        QByteArray failure = avx2Mismatch(input, Sse::Utf8::isValid(input));
                        input.append(d);
                        if (failure.isEmpty())
                            failure = avx2Mismatch(input, Sse::Utf8::isValid(input));
                        if (!failure.isEmpty())
                            QFAIL(failure.constData());
                        ++checked;
                    }
                }
            }
        }
    }
    QCOMPARE(checked, 2 * 25 * 25 * 25 * 25);
}

void tst_Utf8::avx2IsValid_matchesScalarOnRandomText()
{
    if (!hasAvx2())
        QSKIP("no AVX2 here (or QT_NO_CPU_FEATURE=avx2)");
    QRandomGenerator random(20261206);
    int invalid = 0;
    for (int round = 0; round < 20000; ++round) {
        const QByteArray text = randomText(random);
        const bool valid = Sse::Utf8::isValid(text);
        invalid += valid ? 0 : 1;
        const QByteArray failure = avx2Mismatch(text, valid);
        if (!failure.isEmpty())
            QFAIL(failure.constData());
    }
    // Both answers came up often: the comparison tested something.
    QVERIFY2(invalid > 2000 && invalid < 18000, QByteArray::number(invalid).constData());
}

QTEST_GUILESS_MAIN(tst_Utf8)
#include "tst_utf8.moc"
