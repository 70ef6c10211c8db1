// SPDX-License-Identifier: MIT
// CORS headers and socket clean-up for the publisher's streams and routes.
#include "publisherhttp_p.h"

#include <QTcpSocket>

namespace Sse::PublisherDetail {

HeaderList corsHeaders(const PublisherOptions &options, const QByteArray &origin)
{
    if (options.allowOrigin.isEmpty())
        return {};
    if (!options.allowCredentials)
        return {{"Access-Control-Allow-Origin", options.allowOrigin}};
    // With credentials a browser refuses "*": name the origin, if it is allowed.
    const bool allowed = options.allowOrigin == "*" || options.allowOrigin == origin;
    if (!allowed || origin.isEmpty())
        return {};
    return {{"Access-Control-Allow-Origin", origin}, {"Access-Control-Allow-Credentials", "true"},
            {"Vary", "Origin"}};
}

void abortSockets(QObject *owner)
{
    const auto sockets = owner->findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        socket->abort();
}

} // namespace Sse::PublisherDetail
