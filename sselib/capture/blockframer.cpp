// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::BlockFramer: finds where an event stream's blocks end, across pushes.
#include "blockframer_p.h"

#include <algorithm>

namespace Sse::CaptureDetail {

namespace {

bool isLineEnd(char c)
{
    return c == '\r' || c == '\n';
}

} // namespace

void BlockFramer::skip(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    const qsizetype size = bytes.size();
    const char last = bytes.back();
    if (!isLineEnd(last)) {
        m_pendingCr = false;
        m_lineEmpty = false;
        m_atBoundary = false;
        return;
    }
    if (size == 1 && pendsLf(last)) {
        m_pendingCr = false; // the rest of a line end already counted
        return;
    }
    // The last line end (CR, LF or CRLF) ends a blank line when a line end, or the start of
    // the line, comes just before it.
    qsizetype tokenStart = size - 1;
    if (last == '\n' && size >= 2 && bytes.at(size - 2) == '\r')
        --tokenStart;
    m_atBoundary = tokenStart > 0 ? isLineEnd(bytes.at(tokenStart - 1)) : m_lineEmpty;
    m_lineEmpty = true;
    m_pendingCr = last == '\r';
}

qsizetype BlockFramer::findBlockEnd(QByteArrayView bytes, qsizetype from)
{
    const char *const begin = bytes.data();
    const char *const end = begin + bytes.size();
    const char *p = begin + from;
    while (p < end) {
        if (pendsLf(*p)) {
            m_pendingCr = false;
            ++p;
            continue;
        }
        const char *const lineEnd = std::find_if(p, end, isLineEnd);
        if (lineEnd != p) {
            m_pendingCr = false;
            m_lineEmpty = false;
            m_atBoundary = false;
            p = lineEnd;
            if (p == end)
                break;
        }
        m_pendingCr = *p == '\r';
        ++p;
        if (m_lineEmpty) {
            m_atBoundary = true;
            if (p < end && pendsLf(*p)) { // the LF of a CRLF that is at hand
                m_pendingCr = false;
                ++p;
            }
            return p - begin;
        }
        m_lineEmpty = true;
    }
    return -1;
}

} // namespace Sse::CaptureDetail
