// SPDX-License-Identifier: MIT
// The canned LLM completion: tokenising, the OpenAI and Anthropic event shapes, pacing.
#include "tokenstreamer_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Sse {

namespace {

constexpr qsizetype MaxPieceLetters = 6; // longer words go out in pieces of PieceLetters
constexpr qsizetype PieceLetters = 4;

// A JSON string literal, quotes included.
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

StoredEvent llmEvent(const QByteArray &type, const QByteArray &data)
{
    return {{}, type, data, std::nullopt, Wire::event(data, type)};
}

TokenStreamer::Script openAiScript(const QStringList &tokens)
{
    TokenStreamer::Script script;
    script.opening.append(
            llmEvent({}, R"({"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]})"));
    for (const QString &token : tokens) {
        script.tokens.append(llmEvent(
                {}, R"({"choices":[{"index":0,"delta":{"content":)" + jsonString(token) + "}}]}"));
    }
    script.closing.append(
            llmEvent({}, R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})"));
    script.closing.append(llmEvent({}, "[DONE]"));
    return script;
}

TokenStreamer::Script anthropicScript(const QStringList &tokens)
{
    TokenStreamer::Script script;
    script.opening.append(llmEvent("message_start",
            R"({"type":"message_start","message":{"id":"msg_ssedash","type":"message",)"
            R"("role":"assistant","model":"ssedash-demo","content":[],"stop_reason":null,)"
            R"("stop_sequence":null,"usage":{"input_tokens":0,"output_tokens":0}}})"));
    script.opening.append(llmEvent("content_block_start",
            R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})"));
    for (const QString &token : tokens) {
        script.tokens.append(llmEvent("content_block_delta",
                R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":)"
                        + jsonString(token) + "}}"));
    }
    script.closing.append(
            llmEvent("content_block_stop", R"({"type":"content_block_stop","index":0})"));
    script.closing.append(llmEvent("message_delta",
            R"({"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},)"
            R"("usage":{"output_tokens":)"
                    + QByteArray::number(tokens.size()) + "}}"));
    script.closing.append(llmEvent("message_stop", R"({"type":"message_stop"})"));
    return script;
}

} // namespace

QString TokenStreamer::paragraph()
{
    return u"Server-sent events let a server push text to a browser over one long HTTP "
           u"response. Each event is a few lines of plain text \u2014 a type, an id and some "
           u"data \u2014 ended by a blank line. When the connection drops, the browser "
           u"reconnects by itself and sends the last id it saw, so that the server can resume "
           u"where it stopped. That is why language models stream their answers this way, one "
           u"token after another."_s;
}

QStringList TokenStreamer::tokenize(const QString &text)
{
    // A word or a punctuation mark, with the white space before it.
    static const QRegularExpression piece(
            uR"(\s*(?:\w+|[^\w\s]))"_s, QRegularExpression::UseUnicodePropertiesOption);
    QStringList tokens;
    qsizetype end = 0;
    for (auto it = piece.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        end = match.capturedEnd();
        QString token = match.captured();
        qsizetype letters = token.size();
        while (letters > 0 && token.at(token.size() - letters).isSpace())
            --letters;
        // Long words go out in pieces, as a model's tokenizer would cut them.
        while (letters > MaxPieceLetters) {
            const qsizetype cut = token.size() - letters + PieceLetters;
            tokens.append(token.left(cut));
            token.remove(0, cut);
            letters -= PieceLetters;
        }
        tokens.append(token);
    }
    if (end < text.size()) { // trailing white space
        if (tokens.isEmpty())
            tokens.append(QString());
        tokens.last() += text.mid(end);
    }
    return tokens;
}

TokenStreamer::Script TokenStreamer::script(Style style, const QStringList &tokens)
{
    return style == Style::OpenAi ? openAiScript(tokens) : anthropicScript(tokens);
}

TokenStreamer::TokenStreamer(
        StreamClient *client, Script script, std::chrono::milliseconds interval)
    : QObject(client)
    , m_client(client)
    , m_script(std::move(script))
{
    for (const StoredEvent &opening : std::as_const(m_script.opening))
        m_client->sendEvent(opening);
    connect(&m_timer, &QTimer::timeout, this, &TokenStreamer::next);
    m_timer.start(interval);
}

void TokenStreamer::next()
{
    if (m_next < m_script.tokens.size()) {
        m_client->sendEvent(m_script.tokens.at(m_next++));
        return;
    }
    m_timer.stop();
    for (const StoredEvent &closing : std::as_const(m_script.closing))
        m_client->sendEvent(closing);
    m_client->finish();
}

} // namespace Sse
