// SPDX-License-Identifier: MIT
// ConnectionText: the words of the Connection tab for a request, its headers and bodies.
#include "connectiontext.h"

#include "sselib/contentdecoder.h"
#include "sselib/jsontext.h"
#include "sselib/secrets.h"

#include <QLocale>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

QList<QPair<QString, QString>> ConnectionText::headers(
        const Sse::HeaderList &headers, Secrets secrets)
{
    QList<QPair<QString, QString>> shown;
    shown.reserve(headers.size());
    for (const auto &[name, value] : headers) {
        QString text = QString::fromUtf8(value);
        if (Sse::Secrets::isSecretHeader(name)) {
            text = secrets == Secrets::Masked ? Sse::Secrets::maskedValue()
                                              : QString::fromUtf8(Sse::Secrets::redactedValue());
        }
        shown.append({QString::fromUtf8(name), text});
    }
    return shown;
}

QString ConnectionText::url(const QUrl &url)
{
    return Sse::Secrets::redactedUrl(url).toDisplayString(QUrl::RemovePassword);
}

QString ConnectionText::requestLine(const Sse::RequestInfo &request)
{
    return QString::fromUtf8(request.method) + u' ' + url(request.url);
}

QString ConnectionText::body(const QByteArray &body)
{
    if (Sse::Json::looksLikeJson(body)) {
        const Sse::Json::Reindented json = Sse::Json::reindent(body);
        if (json.ok)
            return QString::fromUtf8(json.text);
    }
    return QString::fromUtf8(body);
}

QString ConnectionText::encoding(const Sse::ResponseInfo &response)
{
    if (response.contentEncoding.isEmpty())
        return tr("none");
    const QString name = QString::fromUtf8(response.contentEncoding);
    return Sse::ContentDecoder::canDecode(response.contentEncoding)
            ? tr("%1 (decoded)").arg(name)
            : tr("%1 (cannot be decoded)").arg(name);
}

bool ConnectionText::hasRefusedBody(const Sse::ResponseInfo &response)
{
    return !response.body.isEmpty() || response.bodyTruncated;
}

QString ConnectionText::refusedBodyHeading(const Sse::ResponseInfo &response)
{
    if (!response.bodyTruncated)
        return tr("Refused response body");
    return tr("Refused response body (its first %1)")
            .arg(QLocale().formattedDataSize(
                    Sse::ResponseInfo::MaxBodySize, 0, QLocale::DataSizeIecFormat));
}
