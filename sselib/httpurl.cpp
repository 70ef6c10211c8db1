// SPDX-License-Identifier: MIT
// Sse::checkHttpUrl(): whether a URL is one an EventSource can request.
#include "httpurl.h"

#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace Sse {

UrlCheck checkHttpUrl(const QUrl &url)
{
    if (!url.isValid())
        return UrlCheck::Invalid;
    if (url.isRelative())
        return UrlCheck::Relative;
    if (url.scheme() != "http"_L1 && url.scheme() != "https"_L1)
        return UrlCheck::UnsupportedScheme;
    if (url.host().isEmpty())
        return UrlCheck::NoHost;
    return UrlCheck::Ok;
}

} // namespace Sse
