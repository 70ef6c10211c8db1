// SPDX-License-Identifier: MIT
// Sse::checkHttpUrl(): whether a URL is one an EventSource can request.
#pragma once

#include <QMetaType>

QT_BEGIN_NAMESPACE
class QUrl;
QT_END_NAMESPACE

namespace Sse {

/// What checkHttpUrl() found; each caller words it for its own readers.
enum class UrlCheck {
    Ok,
    Invalid, ///< QUrl could not parse it (see QUrl::errorString())
    Relative, ///< no scheme: not a complete URL
    UnsupportedScheme, ///< a scheme other than http and https
    NoHost ///< http or https, but without a host
};

/// The one URL check of ssedash: an absolute http or https URL with a host.
[[nodiscard]] UrlCheck checkHttpUrl(const QUrl &url);

} // namespace Sse
