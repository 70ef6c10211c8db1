// SPDX-License-Identifier: MIT
// fuzz_captureupstream: how the capture proxy reads an upstream's answer, on any bytes: the
// response head, then the body by each framing, whole and cut in two, which must agree.
#include "fuzzcheck.h"

#include "sselib/capture/bodyreader_p.h"
#include "sselib/capture/httpresponsehead_p.h"

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

namespace {

using Sse::CaptureDetail::BodyReader;
using Sse::CaptureDetail::HttpResponseHead;

struct BodyRead
{
    QByteArray content;
    qsizetype used = 0;
    bool error = false;
    bool done = false;
};

BodyRead readBody(BodyReader::Framing framing, qint64 length, const QList<QByteArrayView> &pieces)
{
    BodyReader reader(framing, length);
    BodyRead read;
    for (const QByteArrayView piece : pieces) {
        const qsizetype used = reader.feed(piece, read.content);
        if (used < 0) {
            read.error = true;
            FUZZ_CHECK(reader.hasError());
            break;
        }
        FUZZ_CHECK(used <= piece.size());
        read.used += used;
        if (used < piece.size() || reader.isDone())
            break;
    }
    read.done = reader.isDone();
    return read;
}

void checkBody(BodyReader::Framing framing, qint64 length, QByteArrayView body, qsizetype cut)
{
    const BodyRead whole = readBody(framing, length, {body});
    const BodyRead split = readBody(framing, length, {body.first(cut), body.sliced(cut)});
    // Where the bytes are cut is up to the network: it must not change what the body is.
    FUZZ_CHECK(whole.error == split.error);
    if (whole.error)
        return;
    FUZZ_CHECK(whole.content == split.content);
    FUZZ_CHECK(whole.used == split.used && whole.done == split.done);
    FUZZ_CHECK(whole.content.size() <= whole.used);
    if (framing == BodyReader::Framing::Length) {
        FUZZ_CHECK(whole.content.size() <= length);
        FUZZ_CHECK(whole.done == (whole.content.size() == length));
    }
    if (framing == BodyReader::Framing::UntilClose)
        FUZZ_CHECK(whole.content == body && !whole.done);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    HttpResponseHead head;
    const auto status = HttpResponseHead::parse(bytes, head);
    QByteArrayView body = bytes;
    if (status == HttpResponseHead::Status::Complete) {
        FUZZ_CHECK(head.size > 0 && head.size <= bytes.size());
        FUZZ_CHECK(head.status >= 100 && head.status <= 999);
        for (const auto &[name, value] : head.headers)
            FUZZ_CHECK(!name.isEmpty() && !value.contains('\n'));
        body = bytes.sliced(head.size);
    }
    const qsizetype cut = body.isEmpty() ? 0 : qsizetype(uint8_t(body.front())) % (body.size() + 1);
    checkBody(BodyReader::Framing::Chunked, 0, body, cut);
    checkBody(BodyReader::Framing::Length, body.size() / 2, body, cut);
    checkBody(BodyReader::Framing::UntilClose, 0, body, cut);
    return 0;
}
