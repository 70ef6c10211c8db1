// SPDX-License-Identifier: MIT
// HTTP helpers the publisher's streams and routes share; internal to ssepublisher.
#pragma once

#include "sselib/headers.h"
#include "sselib/publisher/publisheroptions.h"

#include <QByteArray>

QT_BEGIN_NAMESPACE
class QObject;
QT_END_NAMESPACE

namespace Sse::PublisherDetail {

using HeaderList = Sse::HeaderList;

/// The path of the simulated LLM completions, and the channel their clients report.
inline constexpr char LlmPath[] = "/llm";

/// The CORS headers of an answer to a request from `origin`.
[[nodiscard]] HeaderList corsHeaders(const PublisherOptions &options, const QByteArray &origin);
/// Aborts every socket `owner` still holds.
void abortSockets(QObject *owner);

} // namespace Sse::PublisherDetail
