// SPDX-License-Identifier: MIT
// text/event-stream serialisation.
#include "wire.h"

namespace Sse::Wire {

namespace {

QByteArrayView lineEndBytes(LineEnd lineEnd)
{
    switch (lineEnd) {
    case LineEnd::Lf:
        return "\n";
    case LineEnd::CrLf:
        return "\r\n";
    case LineEnd::Cr:
        return "\r";
    }
    return "\n";
}

// The text up to the first CR or LF: a field value cannot hold a line break.
QByteArrayView firstLine(QByteArrayView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' || text[i] == '\r')
            return text.first(i);
    }
    return text;
}

// Appends "<prefix><line><eol>" for each line of text, splitting at CRLF, LF and CR.
void appendLines(QByteArray &out, QByteArrayView prefix, QByteArrayView text, QByteArrayView eol)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '\n' && text[i] != '\r')
            continue;
        out.append(prefix).append(text.sliced(start, i - start)).append(eol);
        if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n')
            ++i;
        start = i + 1;
    }
}

void appendField(QByteArray &out, QByteArrayView name, QByteArrayView value, QByteArrayView eol)
{
    out.append(name).append(": ").append(firstLine(value)).append(eol);
}

} // namespace

QByteArray event(QByteArrayView data, QByteArrayView type, QByteArrayView id,
        std::optional<std::chrono::milliseconds> retry, LineEnd lineEnd)
{
    const QByteArrayView eol = lineEndBytes(lineEnd);
    QByteArray out;
    out.reserve(data.size() + type.size() + id.size() + 32);
    if (retry)
        appendField(out, "retry", QByteArray::number(qint64(retry->count())), eol);
    if (!id.isEmpty())
        appendField(out, "id", id, eol);
    if (!type.isEmpty())
        appendField(out, "event", type, eol);
    appendLines(out, "data: ", data, eol);
    out.append(eol);
    return out;
}

QByteArray comment(QByteArrayView text, LineEnd lineEnd)
{
    QByteArray out;
    appendLines(out, text.isEmpty() ? QByteArrayView(":") : QByteArrayView(": "), text,
            lineEndBytes(lineEnd));
    return out;
}

QByteArray retry(std::chrono::milliseconds time, LineEnd lineEnd)
{
    QByteArray out;
    appendField(out, "retry", QByteArray::number(qint64(time.count())), lineEndBytes(lineEnd));
    return out;
}

} // namespace Sse::Wire
