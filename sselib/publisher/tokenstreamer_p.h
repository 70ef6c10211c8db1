// SPDX-License-Identifier: MIT
// Sse::TokenStreamer (internal: it drives the publisher's StreamClient): a simulated LLM
// completion, streamed token by token on /llm.
#pragma once

#include "sselib/publisher/streamclient_p.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace Sse {

/// Plays a canned completion on a StreamClient the way LLM APIs stream theirs: the opening
/// events at once, then one delta event per token and interval, then the closing events, and
/// then the stream ends.
class TokenStreamer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStreamer)

public:
    enum class Style {
        OpenAi, ///< data: {"choices":[{"index":0,"delta":{"content":"…"}}]} … data: [DONE]
        Anthropic ///< message_start, content_block_start, content_block_delta …, message_stop
    };

    /// The events of one completion, in the order they are sent.
    struct Script
    {
        QList<StoredEvent> opening;
        QList<StoredEvent> tokens; ///< one per token
        QList<StoredEvent> closing;
    };

    /// The built-in English paragraph.
    [[nodiscard]] static QString paragraph();
    /// Word pieces (a word with its leading space, long words cut in parts, punctuation on its
    /// own); joined they give `text` back.
    [[nodiscard]] static QStringList tokenize(const QString &text);
    [[nodiscard]] static Script script(Style style, const QStringList &tokens);

    /// Becomes the client's child and starts at once.
    TokenStreamer(StreamClient *client, Script script, std::chrono::milliseconds interval);

private:
    void next();

    StreamClient *m_client; // the parent
    Script m_script;
    qsizetype m_next = 0;
    QTimer m_timer;
};

} // namespace Sse
