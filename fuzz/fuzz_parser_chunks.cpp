// SPDX-License-Identifier: MIT
// fuzz_parser_chunks: the same bytes fed whole and split must give the parser the same output.
#include "fuzzcheck.h"
#include "parserlog.h"

#include <cstddef>
#include <cstdint>

namespace {

constexpr qsizetype MaxLine = 64; // small caps, so that splits land in over-long lines too
constexpr qsizetype MaxEvent = 128;

/// Everything the parser reports for `stream` fed in pieces of the given sizes (cycled; 0 = all).
QByteArrayList parse(QByteArrayView stream, QByteArrayView sizes)
{
    Fuzz::ParserLog log;
    Sse::Parser parser(&log);
    parser.setMaxLineSize(MaxLine);
    parser.setMaxEventSize(MaxEvent);
    qsizetype next = 0;
    while (!stream.isEmpty()) {
        const qsizetype size =
                sizes.isEmpty() ? stream.size() : 1 + uchar(sizes[next++ % sizes.size()]) % 16;
        const qsizetype take = qMin(size, stream.size());
        parser.feed(stream.first(take));
        stream = stream.sliced(take);
    }
    log.lines.append("finish " + QByteArray(parser.finish() ? "discarded" : "clean"));
    log.lines.append("lastEventId " + parser.lastEventId());
    return log.lines;
}

} // namespace

// The input's first 8 bytes (when longer) are chunk sizes; the rest is the stream.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype split = qMin<qsizetype>(8, input.size() / 2);
    const QByteArrayView sizes = input.first(split);
    const QByteArrayView stream = input.sliced(split);
    const QByteArrayList whole = parse(stream, {});
    FUZZ_CHECK(parse(stream, sizes) == whole);
    FUZZ_CHECK(parse(stream, QByteArrayView("\0", 1)) == whole); // one byte at a time
    return 0;
}
