// SPDX-License-Identifier: MIT
// fuzz_urlcheck: Sse::checkHttpUrl() and Sse::isHttpToken() on any text keep their promises.
#include "fuzzcheck.h"

#include "sselib/headers.h"
#include "sselib/httpurl.h"

#include <QUrl>

#include <cstddef>
#include <cstdint>

using namespace Qt::Literals::StringLiterals;

namespace {

bool isTchar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

void checkToken(QByteArrayView text)
{
    bool allTchar = !text.isEmpty();
    for (const char c : text)
        allTchar = allTchar && isTchar(c);
    FUZZ_CHECK(Sse::isHttpToken(text) == allTchar);
}

void checkUrl(const QUrl &url)
{
    if (Sse::checkHttpUrl(url) != Sse::UrlCheck::Ok)
        return;
    FUZZ_CHECK(url.isValid() && !url.isRelative());
    FUZZ_CHECK(url.scheme() == "http"_L1 || url.scheme() == "https"_L1);
    FUZZ_CHECK(!url.host().isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    checkToken(bytes);
    // As the feed dialog and the CLI read a typed URL, and as a URL arrives from the wire.
    const QString text = QString::fromUtf8(bytes).trimmed();
    checkUrl(QUrl(text, QUrl::StrictMode));
    checkUrl(QUrl(text, QUrl::TolerantMode));
    checkUrl(QUrl::fromEncoded(bytes.toByteArray()));
    return 0;
}
