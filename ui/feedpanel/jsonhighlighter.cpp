// SPDX-License-Identifier: MIT
// JsonHighlighter: colours keys, strings, numbers and literals of (pretty-printed) JSON.
#include "jsonhighlighter.h"

#include <QColor>

using namespace Qt::Literals::StringLiterals;

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_stringPattern(uR"("(?:[^"\\]|\\.)*")"_s)
    , m_numberPattern(uR"(-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)"_s)
    , m_literalPattern(uR"(\b(?:true|false|null)\b)"_s)
{
    setPalette(QPalette());
}

JsonHighlighter::~JsonHighlighter() = default;

void JsonHighlighter::setPalette(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightnessF() < 0.5;
    const QColor key = dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x1a, 0x4f, 0xa0);
    const QColor string = dark ? QColor(0x9c, 0xd6, 0x8a) : QColor(0x2e, 0x7d, 0x32);
    const QColor number = dark ? QColor(0xf0, 0xb0, 0x6a) : QColor(0xb0, 0x5a, 0x00);
    const QColor literal = dark ? QColor(0xd6, 0x9c, 0xf0) : QColor(0x8e, 0x24, 0xaa);
    m_formats[int(Token::Key)].setForeground(key);
    m_formats[int(Token::Key)].setFontWeight(QFont::Bold);
    m_formats[int(Token::String)].setForeground(string);
    m_formats[int(Token::Number)].setForeground(number);
    m_formats[int(Token::Literal)].setForeground(literal);
    m_formats[int(Token::Literal)].setFontWeight(QFont::Bold);
    rehighlight();
}

QTextCharFormat JsonHighlighter::format(Token token) const
{
    return m_formats[int(token)];
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    // Strings first; numbers and literals only outside them.
    QList<QPair<qsizetype, qsizetype>> strings;
    auto it = m_stringPattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const qsizetype start = match.capturedStart();
        const qsizetype length = match.capturedLength();
        strings.append({start, start + length});
        qsizetype after = start + length;
        while (after < text.size() && text.at(after).isSpace())
            ++after;
        const bool isKey = after < text.size() && text.at(after) == u':';
        setFormat(int(start), int(length), m_formats[int(isKey ? Token::Key : Token::String)]);
    }
    auto insideString = [&strings](qsizetype pos) {
        for (const auto &range : std::as_const(strings)) {
            if (pos >= range.first && pos < range.second)
                return true;
        }
        return false;
    };
    for (const auto &[pattern, token] : {std::pair{&m_numberPattern, Token::Number},
                 std::pair{&m_literalPattern, Token::Literal}}) {
        auto matches = pattern->globalMatch(text);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            if (!insideString(match.capturedStart()))
                setFormat(int(match.capturedStart()), int(match.capturedLength()),
                        m_formats[int(token)]);
        }
    }
}
