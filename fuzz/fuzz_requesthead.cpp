// SPDX-License-Identifier: MIT
// fuzz_requesthead: the publisher's HTTP request-head parser on any bytes, whole and growing.
#include "fuzzcheck.h"

#include "sselib/httprequesthead_p.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    Sse::HttpRequestHead head;
    const auto status = Sse::HttpRequestHead::parse(bytes, head);
    if (status == Sse::HttpRequestHead::Status::Complete) {
        FUZZ_CHECK(head.size >= 4 && head.size <= bytes.size());
        FUZZ_CHECK(head.size <= Sse::HttpRequestHead::MaxSize + 4);
        FUZZ_CHECK(bytes.first(head.size).endsWith("\r\n\r\n"));
        FUZZ_CHECK(head.version.startsWith("HTTP/1."));
        for (const auto &[name, value] : head.headers)
            FUZZ_CHECK(!name.isEmpty());
        (void)head.header("Last-Event-ID");
        // The bytes after the head do not change it: a request body or the next request.
        Sse::HttpRequestHead again;
        FUZZ_CHECK(Sse::HttpRequestHead::parse(bytes.first(head.size), again) == status);
        FUZZ_CHECK(again.size == head.size && again.method == head.method && again.path == head.path
                && again.headers == head.headers);
    } else if (status == Sse::HttpRequestHead::Status::Incomplete) {
        FUZZ_CHECK(!bytes.contains("\r\n\r\n") && bytes.size() < Sse::HttpRequestHead::MaxSize);
    } else if (status != Sse::HttpRequestHead::Status::Invalid) {
        // Too long only when the limit is reached without the line (414) or head (431) ending.
        FUZZ_CHECK(bytes.size() >= Sse::HttpRequestHead::MaxSize);
        const QByteArrayView window = bytes.first(Sse::HttpRequestHead::MaxSize);
        FUZZ_CHECK(!window.contains("\r\n\r\n"));
        FUZZ_CHECK((status == Sse::HttpRequestHead::Status::LineTooLong) == !window.contains('\n'));
    }
    // A smaller limit never turns a refusal into a head.
    Sse::HttpRequestHead small;
    if (Sse::HttpRequestHead::parse(bytes, small, 64) == Sse::HttpRequestHead::Status::Complete)
        FUZZ_CHECK(status == Sse::HttpRequestHead::Status::Complete && small.size <= 64);
    return 0;
}
