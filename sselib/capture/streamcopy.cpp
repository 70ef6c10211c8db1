// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::StreamCopy: ContentDecoder and Parser over a copy of the body.
#include "streamcopy_p.h"

#include <QDateTime>

#include <algorithm>
#include <limits>

namespace Sse::CaptureDetail {

StreamCopy::StreamCopy(int connection, const QString &origin, QByteArrayView encoding, Sinks sinks)
    : m_parser(this)
    , m_sinks(std::move(sinks))
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
    m_sinks.event(event);
}

void StreamCopy::comment(QByteArrayView text)
{
    m_sinks.comment({text.toByteArray(), QDateTime::currentMSecsSinceEpoch(), m_connection});
}

void StreamCopy::retry(quint64 milliseconds, QByteArrayView digits)
{
    Q_UNUSED(digits)
    // The field's value saturates at quint64; a duration holds up to qint64.
    constexpr quint64 Largest = quint64(std::numeric_limits<qint64>::max());
    if (m_sinks.retry)
        m_sinks.retry(std::chrono::milliseconds(qint64(std::min(milliseconds, Largest))));
}

} // namespace Sse::CaptureDetail
