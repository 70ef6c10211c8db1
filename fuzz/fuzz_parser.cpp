// SPDX-License-Identifier: MIT
// fuzz_parser: any bytes through Sse::Parser; every callback must keep the parser's promises.
#include "fuzzcheck.h"

#include "sselib/parser.h"
#include "sselib/utf8.h"

#include <cstddef>
#include <cstdint>

namespace {

constexpr qsizetype MaxLine = 256; // small caps, so that short inputs reach the limits
constexpr qsizetype MaxEvent = 512;

bool hasAny(QByteArrayView text, QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (text.contains(c))
            return true;
    }
    return false;
}

/// Checks each callback against what sselib/parser.h promises.
class CheckingHandler : public Sse::ParserHandler
{
public:
    void event(const Sse::ParsedEvent &event) override
    {
        FUZZ_CHECK(!event.type.isEmpty());
        FUZZ_CHECK(Sse::Utf8::isValid(event.type) && !hasAny(event.type, "\r\n"));
        FUZZ_CHECK(Sse::Utf8::isValid(event.data) && !event.data.contains('\r'));
        FUZZ_CHECK(event.data.size() <= MaxEvent);
        FUZZ_CHECK(Sse::Utf8::isValid(event.lastEventId));
        FUZZ_CHECK(!hasAny(event.lastEventId, QByteArrayView("\r\n\0", 3)));
        FUZZ_CHECK(event.raw.size() < Sse::Parser::RawLimit);
        // Fed in one piece, an event's raw lines are the input's bytes as they are, line ends
        // included.
        FUZZ_CHECK(input.indexOf(event.raw) >= 0);
    }

    void comment(QByteArrayView text) override
    {
        FUZZ_CHECK(Sse::Utf8::isValid(text) && !hasAny(text, "\r\n"));
    }

    void retry(quint64 milliseconds, QByteArrayView digits) override
    {
        FUZZ_CHECK(!digits.isEmpty());
        for (const char c : digits)
            FUZZ_CHECK(c >= '0' && c <= '9');
        FUZZ_CHECK(digits == "0" || digits.front() != '0');
        if (digits.size() < 20)
            FUZZ_CHECK(QByteArray::number(milliseconds) == digits);
    }

    void lastEventIdChanged(QByteArrayView id) override
    {
        FUZZ_CHECK(Sse::Utf8::isValid(id) && !hasAny(id, QByteArrayView("\r\n\0", 3)));
    }

    void error(const Sse::ParseError &error) override
    {
        FUZZ_CHECK(error.limit
                == (error.kind == Sse::ParseError::Kind::LineTooLong ? MaxLine : MaxEvent));
    }

    QByteArrayView input; ///< all that is fed, in one piece
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    CheckingHandler handler;
    handler.input = QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
    Sse::Parser parser(&handler);
    parser.setMaxLineSize(MaxLine);
    parser.setMaxEventSize(MaxEvent);
    parser.setKeepRaw(size % 2 == 1);
    parser.feed(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    parser.finish();
    const QByteArray id = parser.lastEventId();
    FUZZ_CHECK(Sse::Utf8::isValid(id) && !id.contains('\0'));
    return 0;
}
