// SPDX-License-Identifier: MIT
// Sse::CaptureOptions: where the capture proxy listens, what it forwards to and how.
#pragma once

#include "sselib/capture/capturerule.h"

#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QUrl>

namespace Sse {

struct CaptureOptions
{
    /// The server every request goes to: http or https, with an optional base path that the
    /// request's path is appended to (upstream http://host:8080/api and request /v1/chat go to
    /// http://host:8080/api/v1/chat).
    QUrl upstream;
    QHostAddress bindAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; ///< 0: any free port
    /// Send the upstream's host and port as Host (a name-based server needs it); off, the
    /// app's Host goes through unchanged.
    bool rewriteHost = true;
    /// Replace an Origin header with the upstream's origin (for a server that checks it).
    bool rewriteOrigin = false;
    /// Certificates trusted for an https upstream besides the system's (a self-signed test
    /// server's, say). The peer is always verified, host name included.
    QList<QSslCertificate> trustedCertificates;
    QList<CaptureRule> rules; ///< applied in order; see CaptureProxy::setRules()

    friend bool operator==(const CaptureOptions &a, const CaptureOptions &b)
    {
        return a.upstream == b.upstream && a.bindAddress == b.bindAddress && a.port == b.port
                && a.rewriteHost == b.rewriteHost && a.rewriteOrigin == b.rewriteOrigin
                && a.trustedCertificates == b.trustedCertificates && a.rules == b.rules;
    }

    friend bool operator!=(const CaptureOptions &a, const CaptureOptions &b) { return !(a == b); }
};

} // namespace Sse
