// SPDX-License-Identifier: MIT
// Sse::HttpFieldLine: one line of an HTTP/1.x head.
#include "httpfieldline_p.h"

namespace Sse::HttpFieldLine {

QByteArrayView withoutCr(QByteArrayView line)
{
    return line.endsWith('\r') ? line.chopped(1) : line;
}

bool append(QByteArrayView line, HeaderList &headers)
{
    line = withoutCr(line);
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isHttpToken(line.first(colon)) || line.contains('\r'))
        return false;
    headers.append(
            {line.first(colon).toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
    return true;
}

} // namespace Sse::HttpFieldLine
