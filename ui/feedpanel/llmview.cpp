// SPDX-License-Identifier: MIT
// LlmView: the text of an LLM stream as it arrives, with its speed.
#include "llmview.h"

#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextCursor>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

LlmView::LlmView(QWidget *parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
    , m_stats(new QLabel(this))
    , m_emptyLabel(new EmptyStateLabel(m_text->viewport()))
{
    m_text->setObjectName(u"llmText"_s);
    m_stats->setObjectName(u"llmStats"_s);
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_stats->setTextFormat(Qt::PlainText);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stats->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_stats);
    layout->addWidget(m_text, 1);
    clear();
}

LlmView::~LlmView() = default;

void LlmView::clear()
{
    m_shown.clear();
    m_text->clear();
    m_stats->setText(tr("No LLM message yet"));
}

void LlmView::setStream(const Sse::LlmStream &stream)
{
    const QString text = stream.text();
    QScrollBar *scrollBar = m_text->verticalScrollBar();
    const bool atEnd = scrollBar->value() >= scrollBar->maximum();
    if (text.size() >= m_shown.size() && text.startsWith(m_shown)) {
        if (text.size() > m_shown.size()) {
            // Append only the new part: a long answer is not laid out again for every token.
            QTextCursor cursor(m_text->document());
            cursor.movePosition(QTextCursor::End);
            cursor.insertText(text.mid(m_shown.size()));
        }
    } else {
        m_text->setPlainText(text);
    }
    m_shown = text;
    if (atEnd)
        scrollBar->setValue(scrollBar->maximum());

    const QLocale locale;
    const std::optional<std::chrono::milliseconds> firstToken = stream.timeToFirstToken();
    const QString ttft =
            firstToken ? tr("%1 ms").arg(locale.toString(firstToken->count())) : tr("\u2013");
    m_stats->setText(
            tr("%1 · tokens: %2 · first token after %3 · %4 tokens/s · %5")
                    .arg(styleName(stream.style()), locale.toString(stream.tokens()), ttft,
                            locale.toString(stream.tokensPerSecond(), 'f', 1), stateText(stream)));
}

void LlmView::setEmptyState(EmptyStateLabel::State state)
{
    m_emptyLabel->setState(state);
}

QString LlmView::text() const
{
    return m_text->toPlainText();
}

QString LlmView::statsText() const
{
    return m_stats->text();
}

QString LlmView::styleName(Sse::LlmStream::Style style)
{
    switch (style) {
    case Sse::LlmStream::Style::OpenAi:
        return tr("OpenAI");
    case Sse::LlmStream::Style::Anthropic:
        return tr("Anthropic");
    case Sse::LlmStream::Style::Unknown:
        break;
    }
    return tr("Unknown style");
}

QString LlmView::stateText(const Sse::LlmStream &stream)
{
    if (!stream.error().isEmpty())
        return tr("Error: %1").arg(stream.error());
    if (stream.isDone()) {
        return stream.finishReason().isEmpty() ? tr("Done")
                                               : tr("Done (%1)").arg(stream.finishReason());
    }
    return stream.tokens() > 0 ? tr("Streaming") : tr("Waiting");
}
