// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::BlockFramer: finds where an event stream's blocks end, across pushes.
#pragma once

#include <QByteArrayView>

namespace Sse::CaptureDetail {

/// Follows an event stream's bytes to know where its blocks end. A block is the lines up to
/// and including the first blank line; a line ends with CR, LF or CRLF, and a CR at the end of
/// one push with an LF at the start of the next is one line end. That LF comes after the block
/// its CR ended: pendsLf() tells whether a byte is such an LF.
class BlockFramer
{
public:
    /// Takes `bytes` as read without looking at more than their last bytes: for bytes that
    /// pass unread, so that the cost does not grow with their size.
    void skip(QByteArrayView bytes);
    /// Reads `bytes` from `from` on to the end of the first block that ends there: returns the
    /// index just after its blank line (the LF of a CRLF included when it is in `bytes`), or
    /// -1 when no block ends in them (all were read).
    [[nodiscard]] qsizetype findBlockEnd(QByteArrayView bytes, qsizetype from = 0);

    /// Whether the stream stands between two blocks (also at its start).
    [[nodiscard]] bool atBoundary() const { return m_atBoundary; }

    /// Whether `c`, next, would be the LF of a CRLF whose CR was the last byte read.
    [[nodiscard]] bool pendsLf(char c) const { return m_pendingCr && c == '\n'; }

private:
    bool m_pendingCr = false; // the last byte read was a CR
    bool m_lineEmpty = true; // the line being read has no bytes yet
    bool m_atBoundary = true; // the last line end read ended a blank line
};

} // namespace Sse::CaptureDetail
