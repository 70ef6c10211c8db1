// SPDX-License-Identifier: MIT
// Sse::SourceError: why a connection attempt failed or a stream dropped.
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

#include <optional>

namespace Sse {

/// One failed attempt or dropped connection. Transient errors are followed by a reconnect;
/// fatal ones leave the source closed (unless the manual re-init policy starts it again).
struct SourceError
{
    Q_GADGET

public:
    enum class Kind {
        Network, ///< connection refused, reset, DNS failure, ...
        StreamEnded, ///< the server ended an open stream
        ReadTimeout, ///< no bytes for the read timeout
        HttpStatus, ///< a status other than 200 (204 included)
        ContentType, ///< not text/event-stream
        Tls, ///< certificate or handshake trouble
        TooManyRedirects,
        GaveUp, ///< the policy's maximum number of attempts was reached
        InvalidUrl,
        ContentEncoding ///< a body that cannot be decoded (unknown encoding or corrupt data)
    };
    Q_ENUM(Kind)

    Kind kind = Kind::Network;
    bool fatal = false; ///< the source stays closed; otherwise a reconnect follows
    std::optional<int> httpStatus; ///< nullopt when no HTTP response was received
    QString message; ///< human-readable reason

    friend bool operator==(const SourceError &a, const SourceError &b)
    {
        return a.kind == b.kind && a.fatal == b.fatal && a.httpStatus == b.httpStatus
                && a.message == b.message;
    }

    friend bool operator!=(const SourceError &a, const SourceError &b) { return !(a == b); }
};

} // namespace Sse

Q_DECLARE_METATYPE(Sse::SourceError)
