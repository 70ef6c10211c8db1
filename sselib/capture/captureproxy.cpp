// SPDX-License-Identifier: MIT
// Sse::CaptureProxy (skeleton: listens, forwards nothing yet).
#include "captureproxy.h"

using namespace Qt::StringLiterals;

namespace Sse {

class CaptureProxy::Private
{
public:
    CaptureOptions options;
    QString error;
};

CaptureProxy::CaptureProxy(const CaptureOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->options = options;
}

CaptureProxy::~CaptureProxy() = default;

std::optional<QString> CaptureProxy::checkUpstream(const QUrl &url)
{
    if (url.scheme() != "http"_L1 && url.scheme() != "https"_L1)
        return tr("The upstream must be an http or https URL.");
    return std::nullopt;
}

bool CaptureProxy::listen()
{
    d->error = tr("The capture proxy is not implemented yet.");
    return false;
}

void CaptureProxy::close() { }

bool CaptureProxy::isListening() const
{
    return false;
}

QString CaptureProxy::errorString() const
{
    return d->error;
}

const CaptureOptions &CaptureProxy::options() const
{
    return d->options;
}

quint16 CaptureProxy::port() const
{
    return 0;
}

QUrl CaptureProxy::url() const
{
    return {};
}

void CaptureProxy::setRules(const QList<CaptureRule> &rules)
{
    d->options.rules = rules;
}

QList<CaptureRule> CaptureProxy::rules() const
{
    return d->options.rules;
}

int CaptureProxy::activeExchangeCount() const
{
    return 0;
}

} // namespace Sse
