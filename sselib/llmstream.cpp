// SPDX-License-Identifier: MIT
// Sse::LlmStream: assembles the text of an LLM token stream (OpenAI or Anthropic style).
#include "llmstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace Sse {

namespace {

bool isAnthropicType(const QString &type)
{
    return type == "message_start"_L1 || type == "content_block_start"_L1
            || type == "content_block_delta"_L1 || type == "content_block_stop"_L1
            || type == "message_delta"_L1 || type == "message_stop"_L1;
}

// OpenAI {"error":{"message":…}} and Anthropic {"type":"error","error":{"type":…,"message":…}}.
QString errorMessage(const QJsonValue &error)
{
    if (error.isString())
        return error.toString();
    const QJsonObject object = error.toObject();
    QString message = object.value("message"_L1).toString();
    if (message.isEmpty())
        message = object.value("type"_L1).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    return message;
}

// The choice with index 0 (n > 1 requests interleave several); the first if none says.
QJsonObject firstChoice(const QJsonArray &choices)
{
    for (const QJsonValue &choice : choices) {
        const QJsonObject object = choice.toObject();
        if (object.value("index"_L1).toInt(0) == 0)
            return object;
    }
    return {};
}

} // namespace

void LlmStream::reset()
{
    *this = LlmStream();
}

void LlmStream::start(qint64 requestMs)
{
    reset();
    m_requestMs = requestMs;
}

std::optional<std::chrono::milliseconds> LlmStream::timeToFirstToken() const
{
    if (!m_requestMs || m_tokens == 0)
        return std::nullopt;
    return std::chrono::milliseconds(m_firstDeltaMs - *m_requestMs);
}

double LlmStream::tokensPerSecond() const
{
    const qint64 spanMs = m_lastDeltaMs - m_firstDeltaMs;
    if (m_tokens < 2 || spanMs <= 0)
        return 0.0;
    return double(m_tokens - 1) * 1000.0 / double(spanMs);
}

void LlmStream::addDelta(const QString &delta, qint64 receivedMs)
{
    if (delta.isEmpty())
        return;
    if (m_tokens == 0)
        m_firstDeltaMs = receivedMs;
    m_lastDeltaMs = receivedMs;
    ++m_tokens;
    m_text += delta;
}

bool LlmStream::add(const Event &event)
{
    if (m_connection != 0 && event.connection != m_connection && m_done)
        reset();
    if (m_done)
        return false;

    const QByteArray data = event.data.trimmed();
    if (data == "[DONE]") {
        if (m_style == Style::Anthropic)
            return false;
        m_style = Style::OpenAi;
        m_connection = event.connection;
        m_done = true;
        return true;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        // A plain-text error event still explains why the stream stopped.
        if (event.type == "error" && !data.isEmpty()) {
            m_error = QString::fromUtf8(data);
            m_connection = event.connection;
            return true;
        }
        return false;
    }

    const QJsonObject object = document.object();
    const QString type = object.value("type"_L1).toString();
    const QJsonValue error = object.value("error"_L1);
    if (error.isObject() || error.isString()) {
        if (type == "error"_L1 && m_style == Style::Unknown)
            m_style = Style::Anthropic;
        m_error = errorMessage(error);
        m_connection = event.connection;
        return true;
    }

    if (object.value("choices"_L1).isArray()) {
        if (m_style == Style::Anthropic)
            return false;
        m_style = Style::OpenAi;
        m_connection = event.connection;
        const QJsonObject choice = firstChoice(object.value("choices"_L1).toArray());
        // Chat chunks carry delta.content (null in the role-only first chunk); completions,
        // text.
        const QJsonValue delta = choice.value("delta"_L1);
        addDelta(delta.isObject() ? delta.toObject().value("content"_L1).toString()
                                  : choice.value("text"_L1).toString(),
                event.receivedMs);
        const QJsonValue finish = choice.value("finish_reason"_L1);
        if (finish.isString())
            m_finishReason = finish.toString();
        return true;
    }

    // Anthropic data names its type; the event field names it too, so either will do.
    const QString anthropicType = type.isEmpty() ? QString::fromUtf8(event.type) : type;
    // "ping" is too common a word to name the style; it only belongs to a known stream.
    if (anthropicType == "ping"_L1)
        return m_style == Style::Anthropic;
    if (!isAnthropicType(anthropicType) || m_style == Style::OpenAi)
        return false;
    m_style = Style::Anthropic;
    m_connection = event.connection;
    if (anthropicType == "content_block_delta"_L1) {
        const QJsonObject delta = object.value("delta"_L1).toObject();
        if (delta.value("type"_L1).toString() == "text_delta"_L1)
            addDelta(delta.value("text"_L1).toString(), event.receivedMs);
    } else if (anthropicType == "content_block_start"_L1) {
        const QJsonObject block = object.value("content_block"_L1).toObject();
        if (block.value("type"_L1).toString() == "text"_L1)
            addDelta(block.value("text"_L1).toString(), event.receivedMs);
    } else if (anthropicType == "message_delta"_L1) {
        const QJsonValue stop = object.value("delta"_L1).toObject().value("stop_reason"_L1);
        if (stop.isString())
            m_finishReason = stop.toString();
    } else if (anthropicType == "message_stop"_L1) {
        m_done = true;
    }
    return true;
}

} // namespace Sse
