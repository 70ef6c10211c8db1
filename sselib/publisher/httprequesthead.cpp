// SPDX-License-Identifier: MIT
// A strict, small HTTP/1.x request head parser.
#include "httprequesthead_p.h"

#include <QUrl>

namespace Sse {

HttpRequestHead::Status HttpRequestHead::parse(QByteArrayView bytes, HttpRequestHead &head)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return bytes.size() > MaxSize ? Status::Invalid : Status::Incomplete;
    if (end > MaxSize)
        return Status::Invalid;

    const QList<QByteArray> lines = bytes.first(end).toByteArray().split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return Status::Invalid;

    head = {};
    head.method = requestLine[0];
    head.version = requestLine[2];
    const QUrl target = QUrl::fromEncoded(requestLine[1]);
    if (!target.isValid() || !requestLine[1].startsWith('/'))
        return Status::Invalid;
    head.path = target.path(QUrl::FullyDecoded).toUtf8();
    head.query = QUrlQuery(target);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return Status::Invalid;
        head.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    head.size = end + 4;
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

} // namespace Sse
