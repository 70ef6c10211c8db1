// SPDX-License-Identifier: MIT
// Sse::HeaderList, headerValue() and isHttpToken(): HTTP header fields as sselib passes them.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

#include <optional>

namespace Sse {

/// Header fields (name, value) in the order they were sent or received. Names keep the case
/// they came in; compare them with headerValue(), never with ==.
using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// The value of the first field named `name`, compared ASCII case-insensitively; nullopt when
/// there is none (an empty value is a value).
[[nodiscard]] std::optional<QByteArray> headerValue(const HeaderList &headers, QByteArrayView name);

/// Whether `text` is an RFC 9110 token, as header field names and methods must be: one or more
/// of the ASCII letters, digits and ! # $ % & ' * + - . ^ _ ` | ~
[[nodiscard]] bool isHttpToken(QByteArrayView text);

} // namespace Sse
