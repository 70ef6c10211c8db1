// SPDX-License-Identifier: MIT
// Sse::Json: re-indents JSON text without changing a single token of it.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace Sse::Json {

/// Deeper levels are indented like this one.
constexpr int MaxIndentDepth = 16;

/// Where in the text reindent() found the first error.
struct TextPosition
{
    qsizetype offset = 0; ///< in bytes
    int line = 1; ///< 1-based
    int column = 1; ///< 1-based, in characters

    friend bool operator==(const TextPosition &a, const TextPosition &b)
    {
        return a.offset == b.offset && a.line == b.line && a.column == b.column;
    }

    friend bool operator!=(const TextPosition &a, const TextPosition &b) { return !(a == b); }
};

/// The outcome of reindent().
struct Reindented
{
    bool ok = false; ///< the input is exactly one JSON value (RFC 8259), blanks around it
    QByteArray text; ///< the re-indented value; empty when not ok
    QString error; ///< translated: what is wrong at errorAt; empty when ok
    std::optional<TextPosition> errorAt; ///< the first error; std::nullopt when ok
    /// Not an error in the text: it is nested so deeply that its re-indented form would be
    /// many times its size, so reindent() gave up at errorAt (text is empty, ok false).
    bool tooDeep = false;
};

/// Re-indents `json` token by token: strings, escapes, numbers and literals are copied byte
/// for byte (no double, no decoding), objects keep their key order and duplicate keys; only
/// the blanks between tokens change. Empty objects and arrays stay on one line. Indentation
/// stops growing at MaxIndentDepth levels, and the output may be at most about 24 times the
/// input (see Reindented::tooDeep): time and memory stay linear in the input. No recursion, so
/// deep nesting cannot overflow the stack.
[[nodiscard]] Reindented reindent(QByteArrayView json, int indentWidth = 2);

/// Whether `text` starts (after blanks) like a JSON object or array: worth trying reindent()
/// on, and worth an error note when it fails.
[[nodiscard]] bool looksLikeJson(QByteArrayView text);

} // namespace Sse::Json
