// SPDX-License-Identifier: MIT
// A small, strict HTTP/1.x response head parser for the capture proxy.
#include "httpresponsehead_p.h"

#include <QList>

#include <algorithm>

namespace Sse::CaptureDetail {

namespace {

using Status = HttpResponseHead::Status;

QByteArrayView withoutCr(QByteArrayView line)
{
    return line.endsWith('\r') ? line.chopped(1) : line;
}

bool hasControl(QByteArrayView text)
{
    return std::any_of(text.begin(), text.end(),
            [](char c) { return (uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7F; });
}

// Where the head ends (after its blank line), or -1: the first LF followed by an empty line.
qsizetype headEnd(QByteArrayView bytes)
{
    for (qsizetype i = bytes.indexOf('\n'); i >= 0 && i + 1 < bytes.size();
            i = bytes.indexOf('\n', i + 1)) {
        if (bytes[i + 1] == '\n')
            return i + 2;
        if (bytes[i + 1] == '\r' && i + 2 < bytes.size() && bytes[i + 2] == '\n')
            return i + 3;
    }
    return -1;
}

// "HTTP/1.x NNN reason" (the reason may be empty, and so may the space before it).
bool readStatusLine(QByteArrayView line, HttpResponseHead &head)
{
    if (line.size() < 12 || !line.startsWith("HTTP/1.") || line[8] != ' ' || hasControl(line))
        return false;
    const QByteArrayView code = line.sliced(9, 3);
    if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    if (line.size() > 12 && line[12] != ' ')
        return false;
    head.version = line.sliced(5, 3).toByteArray();
    head.status = code.toInt();
    head.reason = line.size() > 13 ? line.sliced(13).toByteArray() : QByteArray();
    return head.status >= 100;
}

bool readHeaderLine(QByteArrayView line, HeaderList &headers)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isHttpToken(line.first(colon)) || line.contains('\r'))
        return false;
    headers.append(
            {line.first(colon).toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
    return true;
}

} // namespace

HttpResponseHead::Status HttpResponseHead::parse(
        QByteArrayView bytes, HttpResponseHead &head, qsizetype maxSize)
{
    const QByteArrayView window = bytes.first(std::min(bytes.size(), maxSize));
    const QByteArrayView prefix("HTTP/1.");
    const qsizetype known = std::min(window.size(), prefix.size());
    if (window.first(known) != prefix.first(known))
        return Status::Invalid;
    const qsizetype end = headEnd(window);
    if (end < 0)
        return bytes.size() >= maxSize ? Status::TooLarge : Status::Incomplete;
    HttpResponseHead parsed;
    const QList<QByteArray> lines = window.first(end).toByteArray().split('\n');
    // The split leaves the blank line and the empty rest after it: two entries to skip.
    if (!readStatusLine(withoutCr(lines.first()), parsed))
        return Status::Invalid;
    for (qsizetype i = 1; i < lines.size() - 2; ++i) {
        if (!readHeaderLine(withoutCr(lines[i]), parsed.headers))
            return Status::Invalid;
    }
    parsed.size = end;
    head = std::move(parsed);
    return Status::Complete;
}

QByteArray HttpResponseHead::header(QByteArrayView name) const
{
    return headerValue(headers, name).value_or(QByteArray());
}

bool HttpResponseHead::hasHeader(QByteArrayView name) const
{
    return headerValue(headers, name).has_value();
}

} // namespace Sse::CaptureDetail
