// SPDX-License-Identifier: MIT
// Sse::CaptureDetail: hop-by-hop fields, heads and chunks as the capture proxy writes them.
#include "httpforward_p.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace Sse::CaptureDetail {

namespace {

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

HeaderList withoutHopByHop(const HeaderList &headers)
{
    QSet<QByteArray> hop = {"connection", "keep-alive", "proxy-connection", "te", "trailer",
            "upgrade", "transfer-encoding"};
    for (const auto &[name, value] : headers) {
        if (!sameName(name, "connection"))
            continue;
        for (const QByteArray &token : value.split(','))
            hop.insert(token.trimmed().toLower());
    }
    HeaderList kept;
    for (const auto &field : headers) {
        if (!hop.contains(field.first.toLower()))
            kept.append(field);
    }
    return kept;
}

void setHeader(HeaderList &headers, QByteArrayView name, const QByteArray &value)
{
    bool set = false;
    for (qsizetype i = 0; i < headers.size();) {
        if (!sameName(headers[i].first, name)) {
            ++i;
        } else if (!set) {
            headers[i++].second = value;
            set = true;
        } else {
            headers.removeAt(i);
        }
    }
    if (!set)
        headers.append({name.toByteArray(), value});
}

void removeHeader(HeaderList &headers, QByteArrayView name)
{
    headers.removeIf([name](const auto &field) { return sameName(field.first, name); });
}

QByteArray statusLine(int status, QByteArrayView reason)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason.toByteArray();
}

QByteArray headBytes(QByteArrayView startLine, const HeaderList &headers)
{
    QByteArray head;
    head.reserve(256);
    head.append(startLine).append("\r\n");
    for (const auto &[name, value] : headers)
        head.append(name).append(": ").append(value).append("\r\n");
    head.append("\r\n");
    return head;
}

QByteArray chunk(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return {};
    QByteArray framed = QByteArray::number(bytes.size(), 16);
    framed.reserve(framed.size() + bytes.size() + 4);
    framed.append("\r\n").append(bytes).append("\r\n");
    return framed;
}

QByteArray plainResponse(int status, const QString &text)
{
    const QByteArray body = text.toUtf8() + '\n';
    return headBytes(statusLine(status, reasonPhrase(status)),
                   {{"Content-Type", "text/plain; charset=utf-8"},
                           {"Content-Length", QByteArray::number(body.size())},
                           {"Cache-Control", "no-store"}, {"Connection", "close"}})
            + body;
}

QByteArray reasonPhrase(int status)
{
    static const QHash<int, QByteArray> phrases = {{200, "OK"}, {201, "Created"}, {202, "Accepted"},
            {204, "No Content"}, {301, "Moved Permanently"}, {302, "Found"}, {303, "See Other"},
            {304, "Not Modified"}, {307, "Temporary Redirect"}, {308, "Permanent Redirect"},
            {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"}, {404, "Not Found"},
            {405, "Method Not Allowed"}, {408, "Request Timeout"}, {409, "Conflict"}, {410, "Gone"},
            {413, "Content Too Large"}, {414, "URI Too Long"}, {429, "Too Many Requests"},
            {431, "Request Header Fields Too Large"}, {500, "Internal Server Error"},
            {501, "Not Implemented"}, {502, "Bad Gateway"}, {503, "Service Unavailable"},
            {504, "Gateway Timeout"}};
    return phrases.value(status, "Status");
}

QByteArray mediaType(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArrayView type = semicolon < 0 ? contentType : contentType.first(semicolon);
    return type.trimmed().toByteArray().toLower();
}

} // namespace Sse::CaptureDetail
