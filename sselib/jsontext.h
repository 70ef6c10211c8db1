// SPDX-License-Identifier: MIT
// Sse::Json: re-indents JSON text without changing a single token of it.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Sse::Json {

/// The outcome of reindent().
struct Reindented
{
    QByteArray text; ///< the re-indented value; empty when the input is not valid JSON
    bool valid = false; ///< the input is exactly one JSON value (RFC 8259), blanks around it
    qsizetype errorOffset = -1; ///< byte offset of the first error; -1 when valid
    int errorLine = 0; ///< 1-based line of the error; 0 when valid
    int errorColumn = 0; ///< 1-based column of the error in characters; 0 when valid
    QString errorMessage; ///< translated: what is wrong at errorOffset
};

/// Re-indents `json` token by token: strings, escapes, numbers and literals are copied byte
/// for byte (no double, no decoding), objects keep their key order and duplicate keys; only
/// the blanks between tokens change. Empty objects and arrays stay on one line. Runs in linear
/// time without recursion, so deep nesting cannot overflow the stack.
[[nodiscard]] Reindented reindent(QByteArrayView json, int indentWidth = 2);

/// Whether `text` starts (after blanks) like a JSON object or array: worth trying reindent()
/// on, and worth an error note when it fails.
[[nodiscard]] bool looksLikeJson(QByteArrayView text);

} // namespace Sse::Json
