// SPDX-License-Identifier: MIT
// JsonHighlighter: colours keys, strings, numbers and literals of (pretty-printed) JSON.
#pragma once

#include <QPalette>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

/// Highlights JSON one line at a time, which suits Sse::Json::reindent()'s output (a JSON
/// string never spans lines). Colours follow the palette: lighter ones on a dark base.
class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonHighlighter)

public:
    enum class Token {
        Key,
        String,
        Number,
        Literal ///< true, false, null
    };
    Q_ENUM(Token)

    explicit JsonHighlighter(QTextDocument *document = nullptr);
    ~JsonHighlighter() override;

    /// Picks colours for `palette` (dark or light base) and highlights again.
    void setPalette(const QPalette &palette);

    [[nodiscard]] QTextCharFormat format(Token token) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_formats[4];
    QRegularExpression m_stringPattern;
    QRegularExpression m_numberPattern;
    QRegularExpression m_literalPattern;
};
