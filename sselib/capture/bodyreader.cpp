// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::BodyReader: Content-Length, chunked and close-delimited bodies.
#include "bodyreader_p.h"

#include <algorithm>

namespace Sse::CaptureDetail {

BodyReader::BodyReader(Framing framing, qint64 length)
    : m_framing(framing)
    , m_remaining(length)
    , m_done(framing == Framing::None || (framing == Framing::Length && length == 0))
{ }

qsizetype BodyReader::feed(QByteArrayView input, QByteArray &content)
{
    if (m_error)
        return -1;
    if (m_done)
        return 0;
    switch (m_framing) {
    case Framing::None:
        return 0;
    case Framing::UntilClose:
        content.append(input);
        return input.size();
    case Framing::Length: {
        const qsizetype taken = qsizetype(std::min<qint64>(m_remaining, input.size()));
        content.append(input.first(taken));
        m_remaining -= taken;
        m_done = m_remaining == 0;
        return taken;
    }
    case Framing::Chunked:
        return feedChunked(input, content);
    }
    return 0;
}

qsizetype BodyReader::feedChunked(QByteArrayView input, QByteArray &content)
{
    qsizetype pos = 0;
    while (pos < input.size() && !m_done && !m_error) {
        switch (m_state) {
        case ChunkState::Size:
            if (takeLine(input, pos, MaxLineSize))
                readSizeLine();
            break;
        case ChunkState::Data: {
            const qsizetype taken = qsizetype(std::min<qint64>(m_remaining, input.size() - pos));
            content.append(input.sliced(pos, taken));
            pos += taken;
            m_remaining -= taken;
            if (m_remaining == 0)
                m_state = ChunkState::DataEnd;
            break;
        }
        case ChunkState::DataEnd:
            if (takeLine(input, pos, 2)) {
                m_error = m_line != "\n" && m_line != "\r\n";
                m_line.clear();
                m_state = ChunkState::Size;
            }
            break;
        case ChunkState::Trailer: {
            const qsizetype before = pos;
            const bool complete = takeLine(input, pos, MaxTrailerSize);
            m_trailerBytes += pos - before;
            m_error = m_error || m_trailerBytes > MaxTrailerSize;
            if (complete) {
                m_done = m_line == "\n" || m_line == "\r\n";
                m_line.clear();
            }
            break;
        }
        }
    }
    return m_error ? -1 : pos;
}

bool BodyReader::takeLine(QByteArrayView input, qsizetype &pos, qsizetype limit)
{
    const qsizetype lf = input.indexOf('\n', pos);
    const qsizetype end = lf < 0 ? input.size() : lf + 1;
    m_line.append(input.sliced(pos, end - pos));
    pos = end;
    if (m_line.size() > limit)
        m_error = true;
    return lf >= 0 && !m_error;
}

void BodyReader::readSizeLine()
{
    QByteArray size = m_line.trimmed();
    m_line.clear();
    const qsizetype extension = size.indexOf(';');
    if (extension >= 0)
        size = size.first(extension).trimmed();
    bool ok = false;
    const qint64 length = size.size() <= 15 ? size.toLongLong(&ok, 16) : -1;
    const bool hex = std::all_of(size.begin(), size.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
    if (!ok || !hex || length < 0) {
        m_error = true;
        return;
    }
    m_remaining = length;
    m_state = length == 0 ? ChunkState::Trailer : ChunkState::Data;
}

} // namespace Sse::CaptureDetail
