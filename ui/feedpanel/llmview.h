// SPDX-License-Identifier: MIT
// LlmView: the text of an LLM stream as it arrives, with its speed.
#pragma once

#include "sselib/llmstream.h"
#include "ui/widgets/emptystatelabel.h"

#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
QT_END_NAMESPACE

/// Shows an Sse::LlmStream: the assembled text (appended as it grows, following the end unless
/// the user scrolled up) and one line with the style, the token count, the time to first
/// token, tokens per second and the state (waiting, streaming, done with the finish reason, or
/// the error). While there is no text, a message in the middle says why (setEmptyState()). Object
/// names, for tests and tools: "llmText" (with its "emptyStateLabel") and "llmStats".
class LlmView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LlmView)

public:
    explicit LlmView(QWidget *parent = nullptr);
    ~LlmView() override;

    /// Shows `stream`; text that extends what is shown is appended, anything else replaces it.
    void setStream(const Sse::LlmStream &stream);
    /// Shows nothing.
    void clear();

    /// The message over the empty text: the feed's state; State::None hides it.
    void setEmptyState(EmptyStateLabel::State state);

    /// The text shown.
    [[nodiscard]] QString text() const;
    /// The line under the text: style, tokens, time to first token, tokens/s, state.
    [[nodiscard]] QString statsText() const;

    [[nodiscard]] static QString styleName(Sse::LlmStream::Style style);
    /// "Waiting", "Streaming", "Done (stop)", "Error: ..." for `stream`.
    [[nodiscard]] static QString stateText(const Sse::LlmStream &stream);

private:
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_stats = nullptr;
    EmptyStateLabel *m_emptyLabel = nullptr;
    QString m_shown; ///< the text in m_text, to tell an extension from a new message
};
