// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::StreamCopy: ContentDecoder and Parser over a copy of the body.
#include "streamcopy_p.h"

#include <QDateTime>

namespace Sse::CaptureDetail {

StreamCopy::StreamCopy(int connection, const QString &origin, QByteArrayView encoding,
        EventSink onEvent, CommentSink onComment)
    : m_parser(this)
    , m_onEvent(std::move(onEvent))
    , m_onComment(std::move(onComment))
    , m_origin(origin)
    , m_connection(connection)
{
    m_parser.setMaxLineSize(MaxEventSize);
    m_parser.setMaxEventSize(MaxEventSize);
    if (!ContentDecoder::normalized(encoding).isEmpty()) {
        m_decoder = std::make_unique<ContentDecoder>(encoding);
        m_decoding = m_decoder->isSupported();
    }
}

StreamCopy::~StreamCopy() = default;

void StreamCopy::feed(QByteArrayView bytes)
{
    if (!m_decoding)
        return;
    if (!m_decoder) {
        m_parser.feed(bytes);
        return;
    }
    m_decoding = m_decoder->decode(bytes, [this](QByteArrayView plain) {
        m_parser.feed(plain);
        return true;
    });
}

void StreamCopy::finish()
{
    m_parser.finish();
}

void StreamCopy::event(const ParsedEvent &parsed)
{
    Event event;
    event.type = parsed.type.toByteArray();
    event.data = parsed.data.toByteArray();
    event.lastEventId = parsed.lastEventId.toByteArray();
    event.origin = m_origin;
    event.receivedMs = QDateTime::currentMSecsSinceEpoch();
    event.connection = m_connection;
    event.hasIdField = parsed.hasIdField;
    m_onEvent(event);
}

void StreamCopy::comment(QByteArrayView text)
{
    m_onComment({text.toByteArray(), QDateTime::currentMSecsSinceEpoch(), m_connection});
}

} // namespace Sse::CaptureDetail
