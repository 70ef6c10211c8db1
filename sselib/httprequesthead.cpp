// SPDX-License-Identifier: MIT
// A strict, small HTTP/1.x request head parser.
#include "httprequesthead_p.h"

#include <QUrl>

#include <algorithm>

namespace Sse {

namespace {

using Status = HttpRequestHead::Status;

// A control character other than the horizontal tab: never in a request line or header field.
bool isControl(char c)
{
    return (uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7F;
}

bool hasControl(QByteArrayView text)
{
    return std::any_of(text.begin(), text.end(), isControl);
}

QByteArrayView withoutCr(QByteArrayView line)
{
    return line.endsWith('\r') ? line.chopped(1) : line;
}

// The start of a request line whose end has not come yet: a token method so far, no control
// characters. Binary garbage is refused at once instead of waiting for the head timeout.
bool canStartRequestLine(QByteArrayView start)
{
    const QByteArrayView text = withoutCr(start);
    const qsizetype space = text.indexOf(' ');
    const QByteArrayView method = space < 0 ? text : text.first(space);
    return (method.isEmpty() || isHttpToken(method)) && !hasControl(text);
}

bool isVersion(QByteArrayView version)
{
    return version.size() == 8 && version.startsWith("HTTP/1.") && version[7] >= '0'
            && version[7] <= '9';
}

// "METHOD /target HTTP/1.x", single spaces, origin-form target.
bool readRequestLine(QByteArrayView line, HttpRequestHead &head)
{
    line = withoutCr(line);
    const QList<QByteArray> parts = line.toByteArray().split(' ');
    if (parts.size() != 3 || !isHttpToken(parts[0]) || !parts[1].startsWith('/') || hasControl(line)
            || !isVersion(parts[2]))
        return false;
    const QUrl target = QUrl::fromEncoded(parts[1]);
    if (!target.isValid())
        return false;
    head.method = parts[0];
    head.target = parts[1];
    head.version = parts[2];
    head.path = target.path(QUrl::FullyDecoded).toUtf8();
    head.query = QUrlQuery(target);
    return true;
}

// "Name: value": a token name right before the colon (no obs-fold, no space before the colon),
// no CR in the value. Other control characters are left to the caller, which names the header.
bool readHeaderLine(QByteArrayView line, HeaderList &headers)
{
    line = withoutCr(line);
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isHttpToken(line.first(colon)) || line.contains('\r'))
        return false;
    headers.append(
            {line.first(colon).toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
    return true;
}

} // namespace

HttpRequestHead::Status HttpRequestHead::parse(
        QByteArrayView bytes, HttpRequestHead &head, qsizetype maxSize)
{
    const QByteArrayView window = bytes.first(std::min(bytes.size(), maxSize));
    const qsizetype lineEnd = window.indexOf('\n');
    if (lineEnd < 0) {
        if (!canStartRequestLine(window))
            return Status::Invalid;
        return bytes.size() >= maxSize ? Status::LineTooLong : Status::Incomplete;
    }
    HttpRequestHead parsed;
    if (!readRequestLine(window.first(lineEnd), parsed))
        return Status::Invalid;
    const qsizetype end = window.indexOf("\r\n\r\n");
    if (end < 0)
        return bytes.size() >= maxSize ? Status::TooLarge : Status::Incomplete;
    if (end > lineEnd) {
        const QList<QByteArray> lines =
                window.sliced(lineEnd + 1, end - lineEnd - 1).toByteArray().split('\n');
        for (const QByteArray &line : lines) {
            if (!readHeaderLine(line, parsed.headers))
                return Status::Invalid;
        }
    }
    parsed.size = end + 4;
    head = std::move(parsed);
    return Status::Complete;
}

QByteArray HttpRequestHead::header(QByteArrayView name) const
{
    return headerValue(headers, name).value_or(QByteArray());
}

bool HttpRequestHead::hasHeader(QByteArrayView name) const
{
    return headerValue(headers, name).has_value();
}

QByteArray HttpRequestHead::headerWithControl() const
{
    for (const auto &[name, value] : headers) {
        if (hasControl(value))
            return name;
    }
    return {};
}

QByteArrayList HttpRequestHead::headerValues(QByteArrayView name) const
{
    QByteArrayList values;
    for (const auto &[field, value] : headers) {
        if (field.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &item : value.split(','))
            values.append(item.trimmed());
    }
    return values;
}

} // namespace Sse
