// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::BodyReader: finds where an HTTP/1.1 message body ends, piece by piece.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Sse::CaptureDetail {

/// Reads one message body by its framing as its bytes arrive: it says which bytes belong to
/// the body and what the body's content is (chunk framing removed). Holds no more than one
/// chunk-size or trailer line, so memory stays bounded however long the body is.
class BodyReader final
{
public:
    enum class Framing {
        None, ///< no body (a GET without Content-Length, a HEAD response, 204, 304)
        Length, ///< Content-Length bytes
        Chunked, ///< Transfer-Encoding: chunked
        UntilClose ///< everything until the connection closes (responses only)
    };

    /// Longest chunk-size line, and the most trailer bytes, that are accepted.
    static constexpr qsizetype MaxLineSize = 4 * 1024;
    static constexpr qsizetype MaxTrailerSize = 16 * 1024;

    explicit BodyReader(Framing framing = Framing::None, qint64 length = 0);

    /// Takes the body's bytes from the start of `input` and appends their content to
    /// `content`; returns how many bytes of `input` belong to the body (the rest is what
    /// follows it), or -1 when the framing is broken (hasError()).
    qsizetype feed(QByteArrayView input, QByteArray &content);

    [[nodiscard]] Framing framing() const { return m_framing; }

    /// The whole body was read (never for UntilClose: the close ends it).
    [[nodiscard]] bool isDone() const { return m_done; }

    [[nodiscard]] bool hasError() const { return m_error; }

private:
    enum class ChunkState {
        Size,
        Data,
        DataEnd,
        Trailer
    };

    qsizetype feedChunked(QByteArrayView input, QByteArray &content);
    // Appends to m_line up to and including a LF; true when the line is complete.
    bool takeLine(QByteArrayView input, qsizetype &pos, qsizetype limit);
    void readSizeLine();

    Framing m_framing;
    qint64 m_remaining = 0;
    ChunkState m_state = ChunkState::Size;
    QByteArray m_line;
    qsizetype m_trailerBytes = 0;
    bool m_done = false;
    bool m_error = false;
};

} // namespace Sse::CaptureDetail
