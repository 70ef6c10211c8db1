// SPDX-License-Identifier: MIT
// Sse::Json: re-indents JSON text without changing a single token of it.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Sse::Json {

/// Deeper levels are indented like this one.
constexpr int MaxIndentDepth = 16;

/// The outcome of reindent().
struct Reindented
{
    QByteArray text; ///< the re-indented value; empty when the input is not valid JSON
    bool valid = false; ///< the input is exactly one JSON value (RFC 8259), blanks around it
    qsizetype errorOffset = -1; ///< byte offset of the first error; -1 when valid
    int errorLine = 0; ///< 1-based line of the error; 0 when valid
    int errorColumn = 0; ///< 1-based column of the error in characters; 0 when valid
    QString errorMessage; ///< translated: what is wrong at errorOffset
    /// Not an error in the text: it is nested so deeply that its re-indented form would be
    /// many times its size, so reindent() gave up at errorOffset (text is empty, valid false).
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
