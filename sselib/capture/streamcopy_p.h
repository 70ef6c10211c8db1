// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::StreamCopy: parses a copy of a passing stream's body into events.
#pragma once

#include "sselib/comment.h"
#include "sselib/contentdecoder.h"
#include "sselib/event.h"
#include "sselib/parser.h"

#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace Sse::CaptureDetail {

/// Turns the body bytes of one text/event-stream response, as the upstream sent them
/// (decoded first when it compressed them), into the events and comments the app will see.
/// Its parser takes events of 16 MiB and goes on after larger ones.
class StreamCopy final : public ParserHandler
{
    Q_DISABLE_COPY_MOVE(StreamCopy)

public:
    /// Room for a 16 MiB event's data and its field name, line ends and the other fields.
    static constexpr qsizetype MaxEventSize = 17 * 1024 * 1024;

    /// Where what the copy finds goes.
    struct Sinks
    {
        std::function<void(const Event &)> event;
        std::function<void(const Comment &)> comment;
        std::function<void(std::chrono::milliseconds)> retry; ///< a valid retry field
    };

    /// `connection` and `origin` go into every event; `encoding` is the Content-Encoding.
    StreamCopy(int connection, const QString &origin, QByteArrayView encoding, Sinks sinks);
    ~StreamCopy() override;

    /// The next body bytes, as they came.
    void feed(QByteArrayView bytes);
    /// The body ended: an unfinished event is dropped, as a client drops it.
    void finish();

    /// False when the encoding is unknown or the body did not decode: no more events come.
    [[nodiscard]] bool isDecoding() const { return m_decoding; }

    void event(const ParsedEvent &parsed) override;
    void comment(QByteArrayView text) override;
    void retry(quint64 milliseconds, QByteArrayView digits) override;

private:
    Parser m_parser;
    std::unique_ptr<ContentDecoder> m_decoder; // null for identity
    Sinks m_sinks;
    QString m_origin;
    int m_connection = 0;
    bool m_decoding = true;
};

} // namespace Sse::CaptureDetail
