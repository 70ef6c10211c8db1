// SPDX-License-Identifier: MIT
// Sse::LlmStream: assembles the text of an LLM token stream (OpenAI or Anthropic style).
#pragma once

#include "sselib/event.h"

#include <QString>

#include <chrono>
#include <optional>

namespace Sse {

/// Assembles the text of an OpenAI-style (choices[0].delta.content or choices[0].text) or
/// Anthropic-style (content_block_delta text_delta) token stream from its events, and measures
/// time to first token and tokens per second. Non-JSON and unrelated events are ignored.
///
/// Connections: once a message is done, an event on another connection starts a new message
/// (as if reset() had been called, so the request time is forgotten: call start() again for a
/// time to first token). A reconnect before the message is done continues the same text.
class LlmStream
{
public:
    enum class Style {
        Unknown,
        OpenAi,
        Anthropic
    };

    /// Forgets everything, the request time included.
    void reset();

    /// Starts a new message requested at `requestMs` (ms since the epoch, like receivedMs).
    void start(qint64 requestMs);

    /// Takes one event. Returns true if it was recognised as part of the stream (a delta, the
    /// end, a finish reason, an error or a framing event); false for noise and for events
    /// after the end on the same connection.
    bool add(const Event &event);

    [[nodiscard]] QString text() const { return m_text; }

    /// The style seen first; events of the other style are then ignored (errors excepted).
    [[nodiscard]] Style style() const { return m_style; }

    /// OpenAI's data "[DONE]" or Anthropic's message_stop arrived.
    [[nodiscard]] bool isDone() const { return m_done; }

    /// The number of non-empty text deltas (a delta may hold more than one model token).
    [[nodiscard]] int tokens() const { return m_tokens; }

    /// First non-empty delta's receivedMs minus the start() time; nullopt without either.
    [[nodiscard]] std::optional<std::chrono::milliseconds> timeToFirstToken() const;

    /// Deltas after the first, per second between the first and the last delta (the first
    /// delta's own latency is time to first token); 0 with fewer than two deltas.
    [[nodiscard]] double tokensPerSecond() const;

    /// OpenAI's finish_reason or Anthropic's stop_reason ("stop", "length", "end_turn", ...).
    [[nodiscard]] QString finishReason() const { return m_finishReason; }

    /// The message of the last error event or error object; empty if none.
    [[nodiscard]] QString error() const { return m_error; }

private:
    void addDelta(const QString &delta, qint64 receivedMs);

    QString m_text;
    QString m_finishReason;
    QString m_error;
    std::optional<qint64> m_requestMs;
    qint64 m_firstDeltaMs = 0;
    qint64 m_lastDeltaMs = 0;
    int m_tokens = 0;
    int m_connection = 0;
    Style m_style = Style::Unknown;
    bool m_done = false;
};

} // namespace Sse
