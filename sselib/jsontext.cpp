// SPDX-License-Identifier: MIT
// A JSON re-indenter that checks the grammar as it copies tokens.
#include "jsontext.h"

#include <QCoreApplication>

#include <vector>

namespace Sse::Json {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// One pass over the input: each token is checked, then copied as it is.
class Reindenter
{
    Q_DECLARE_TR_FUNCTIONS(Sse::Json)

public:
    Reindenter(QByteArrayView in, int indentWidth)
        : m_in(in)
        , m_indentWidth(indentWidth)
        , m_budget(in.size() * 24 + 64 * 1024)
    {
        m_out.reserve(in.size() + in.size() / 2);
    }

    [[nodiscard]] Reindented run();

private:
    enum class Expect {
        Value,
        FirstKeyOrEnd, ///< just after '{'
        Key,
        Colon,
        FirstValueOrEnd, ///< just after '['
        CommaOrEnd,
        Nothing ///< the top-level value is complete
    };

    [[nodiscard]] bool step(char c);
    [[nodiscard]] bool value(char c);
    [[nodiscard]] bool commaOrEnd(char c);
    void open(char c, Expect next);
    void close(bool empty);
    void afterValue();
    void newLine();
    [[nodiscard]] bool copyString();
    [[nodiscard]] bool copyNumber();
    [[nodiscard]] bool copyLiteral();
    [[nodiscard]] bool copyDigits();
    [[nodiscard]] bool fail(const QString &message);
    [[nodiscard]] Reindented failure() const;

    QByteArrayView m_in;
    qsizetype m_pos = 0;
    int m_indentWidth;
    QByteArray m_out;
    std::vector<char> m_open; ///< the containers we are in, '{' or '['
    Expect m_expect = Expect::Value;
    qsizetype m_budget; ///< the most output worth making: a pathological nesting gives up
    qsizetype m_errorOffset = 0;
    QString m_error;
    bool m_tooDeep = false;
};

Reindented Reindenter::run()
{
    while (true) {
        while (m_pos < m_in.size() && isBlank(m_in[m_pos]))
            ++m_pos;
        if (m_pos == m_in.size()) {
            if (m_expect != Expect::Nothing) {
                Q_UNUSED(fail(tr("the text ends inside the JSON value")))
                return failure();
            }
            Reindented result;
            result.text = std::move(m_out);
            result.ok = true;
            return result;
        }
        if (!step(m_in[m_pos]))
            return failure();
        if (m_out.size() > m_budget) {
            m_tooDeep = true;
            Q_UNUSED(fail(tr("nested too deeply to re-indent")))
            return failure();
        }
    }
}

bool Reindenter::step(char c)
{
    switch (m_expect) {
    case Expect::Value:
        return value(c);
    case Expect::FirstKeyOrEnd:
        if (c == '}') {
            close(true);
            return true;
        }
        m_expect = Expect::Key;
        return true;
    case Expect::Key:
        if (c != '"')
            return fail(tr("expected a string as the key"));
        newLine();
        if (!copyString())
            return false;
        m_expect = Expect::Colon;
        return true;
    case Expect::Colon:
        if (c != ':')
            return fail(tr("expected ':' after the key"));
        m_out.append(": ");
        ++m_pos;
        m_expect = Expect::Value;
        return true;
    case Expect::FirstValueOrEnd:
        if (c == ']') {
            close(true);
            return true;
        }
        newLine();
        m_expect = Expect::Value;
        return true;
    case Expect::CommaOrEnd:
        return commaOrEnd(c);
    case Expect::Nothing:
        break;
    }
    return fail(tr("unexpected text after the JSON value"));
}

bool Reindenter::value(char c)
{
    switch (c) {
    case '{':
        open(c, Expect::FirstKeyOrEnd);
        return true;
    case '[':
        open(c, Expect::FirstValueOrEnd);
        return true;
    case '"':
        if (!copyString())
            return false;
        break;
    case 't':
    case 'f':
    case 'n':
        if (!copyLiteral())
            return false;
        break;
    default:
        if (c != '-' && !isDigit(c))
            return fail(tr("expected a value"));
        if (!copyNumber())
            return false;
    }
    afterValue();
    return true;
}

bool Reindenter::commaOrEnd(char c)
{
    const char container = m_open.back();
    if (c == ',') {
        m_out.append(',');
        ++m_pos;
        if (container == '{') {
            m_expect = Expect::Key;
        } else {
            newLine();
            m_expect = Expect::Value;
        }
        return true;
    }
    if ((container == '{' && c == '}') || (container == '[' && c == ']')) {
        close(false);
        return true;
    }
    return fail(container == '{' ? tr("expected ',' or '}'") : tr("expected ',' or ']'"));
}

void Reindenter::open(char c, Expect next)
{
    m_out.append(c);
    ++m_pos;
    m_open.push_back(c);
    m_expect = next;
}

void Reindenter::close(bool empty)
{
    const char closer = m_open.back() == '{' ? '}' : ']';
    m_open.pop_back();
    if (!empty)
        newLine();
    m_out.append(closer);
    ++m_pos;
    afterValue();
}

void Reindenter::afterValue()
{
    m_expect = m_open.empty() ? Expect::Nothing : Expect::CommaOrEnd;
}

void Reindenter::newLine()
{
    const qsizetype depth = std::min(qsizetype(m_open.size()), qsizetype(MaxIndentDepth));
    m_out.append('\n');
    m_out.append(QByteArray(depth * m_indentWidth, ' '));
}

bool Reindenter::copyString()
{
    const qsizetype start = m_pos++;
    while (m_pos < m_in.size()) {
        const char c = m_in[m_pos];
        if (c == '"') {
            ++m_pos;
            m_out.append(m_in.sliced(start, m_pos - start));
            return true;
        }
        if (static_cast<unsigned char>(c) < 0x20)
            return fail(tr("a control character inside a string must be escaped"));
        if (c != '\\') {
            ++m_pos;
            continue;
        }
        ++m_pos; // the escape's letter
        if (m_pos == m_in.size())
            break;
        const char letter = m_in[m_pos];
        if (letter == 'u') {
            for (int i = 1; i <= 4; ++i) {
                if (m_pos + i >= m_in.size() || !isHexDigit(m_in[m_pos + i])) {
                    m_pos += i;
                    return fail(tr("\\u must be followed by four hex digits"));
                }
            }
            m_pos += 5;
        } else if (QByteArrayView("\"\\/bfnrt").contains(letter)) {
            ++m_pos;
        } else {
            return fail(tr("unknown escape in a string"));
        }
    }
    m_pos = m_in.size();
    return fail(tr("the string is not closed"));
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, copied as written.
bool Reindenter::copyNumber()
{
    const qsizetype start = m_pos;
    if (m_in[m_pos] == '-')
        ++m_pos;
    if (m_pos < m_in.size() && m_in[m_pos] == '0') {
        ++m_pos;
        if (m_pos < m_in.size() && isDigit(m_in[m_pos]))
            return fail(tr("a number must not start with 0"));
    } else if (!copyDigits()) {
        return false;
    }
    if (m_pos < m_in.size() && m_in[m_pos] == '.') {
        ++m_pos;
        if (!copyDigits())
            return false;
    }
    if (m_pos < m_in.size() && (m_in[m_pos] == 'e' || m_in[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < m_in.size() && (m_in[m_pos] == '+' || m_in[m_pos] == '-'))
            ++m_pos;
        if (!copyDigits())
            return false;
    }
    m_out.append(m_in.sliced(start, m_pos - start));
    return true;
}

bool Reindenter::copyDigits()
{
    const qsizetype start = m_pos;
    while (m_pos < m_in.size() && isDigit(m_in[m_pos]))
        ++m_pos;
    return m_pos > start || fail(tr("expected a digit"));
}

bool Reindenter::copyLiteral()
{
    for (const QByteArrayView literal : {"true", "false", "null"}) {
        if (m_in.sliced(m_pos).startsWith(literal)) {
            m_out.append(literal);
            m_pos += literal.size();
            return true;
        }
    }
    return fail(tr("expected a value"));
}

bool Reindenter::fail(const QString &message)
{
    m_errorOffset = std::min(m_pos, m_in.size());
    m_error = message;
    return false;
}

Reindented Reindenter::failure() const
{
    Reindented result;
    result.error = m_error;
    result.tooDeep = m_tooDeep;
    const QByteArrayView before = m_in.first(m_errorOffset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    result.errorAt = TextPosition{m_errorOffset, int(before.count('\n')) + 1,
            int(QString::fromUtf8(before.sliced(lineStart)).size()) + 1};
    return result;
}

} // namespace

Reindented reindent(QByteArrayView json, int indentWidth)
{
    return Reindenter(json, std::max(0, indentWidth)).run();
}

bool looksLikeJson(QByteArrayView text)
{
    for (const char c : text) {
        if (!isBlank(c))
            return c == '{' || c == '[';
    }
    return false;
}

} // namespace Sse::Json
