// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::CaptureContext: what every connection and exchange of one proxy shares.
#pragma once

#include "sselib/capture/captureoptions.h"

#include <QSslConfiguration>

namespace Sse::CaptureDetail {

/// Owned by the proxy, read by its connections and exchanges.
struct CaptureContext
{
    CaptureOptions options;
    QSslConfiguration tls; ///< for an https upstream: verify the peer, trusted certificates added
    int lastExchange = 0; ///< exchanges are numbered from 1 in the order their requests came
};

} // namespace Sse::CaptureDetail
