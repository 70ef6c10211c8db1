// SPDX-License-Identifier: MIT
// CaptureSession: a capture proxy whose streams become captured feeds of a FeedList.
#include "capturesession.h"

#include "feedlist.h"

using namespace Qt::Literals::StringLiterals;

namespace {

QString requestKey(const Sse::RequestInfo &request)
{
    return QString::fromLatin1(request.method) + u' ' + request.url.toString();
}

bool asksForStream(const Sse::RequestInfo &request)
{
    return Sse::headerValue(request.headers, "Accept")
            .value_or(QByteArray())
            .contains("text/event-stream");
}

} // namespace

CaptureSession::CaptureSession(FeedList *feeds, QObject *parent)
    : QObject(parent)
    , m_feeds(feeds)
    , m_exchanges(this)
{ }

CaptureSession::~CaptureSession()
{
    // Its last signals (every exchange ending) must not reach feeds that may be gone.
    if (m_proxy)
        m_proxy->disconnect(this);
}

bool CaptureSession::start(const Sse::CaptureOptions &options)
{
    stop();
    m_options = options;
    auto proxy = std::make_unique<Sse::CaptureProxy>(options);
    if (!proxy->listen()) {
        m_error = proxy->errorString();
        return false;
    }
    m_error.clear();
    Sse::CaptureProxy *p = proxy.get();
    connect(p, &Sse::CaptureProxy::exchangeStarted, this, &CaptureSession::onExchangeStarted);
    connect(p, &Sse::CaptureProxy::responseStarted, this, &CaptureSession::onResponseStarted);
    connect(p, &Sse::CaptureProxy::eventCaptured, this, &CaptureSession::onEvent);
    connect(p, &Sse::CaptureProxy::commentCaptured, this, &CaptureSession::onComment);
    connect(p, &Sse::CaptureProxy::retryCaptured, this, &CaptureSession::onRetry);
    connect(p, &Sse::CaptureProxy::faultApplied, this,
            [this](int exchange, const Sse::CaptureRule &, const QString &what) {
                onFault(exchange, what);
            });
    connect(p, &Sse::CaptureProxy::exchangeEnded, this, &CaptureSession::onExchangeEnded);
    m_proxy = std::move(proxy);
    Q_EMIT runningChanged(true);
    return true;
}

void CaptureSession::stop()
{
    if (!m_proxy)
        return;
    // close() ends every exchange: their ends still reach the feeds.
    m_proxy->close();
    m_proxy->disconnect(this);
    m_proxy.reset();
    m_requests.clear();
    m_links.clear();
    Q_EMIT runningChanged(false);
}

Sse::CaptureOptions CaptureSession::options() const
{
    return m_proxy ? m_proxy->options() : m_options;
}

QUrl CaptureSession::url() const
{
    return m_proxy ? m_proxy->url() : QUrl();
}

void CaptureSession::setRules(const QList<Sse::CaptureRule> &rules)
{
    m_options.rules = rules;
    if (m_proxy)
        m_proxy->setRules(rules);
}

QList<Sse::CaptureRule> CaptureSession::rules() const
{
    return m_proxy ? m_proxy->rules() : m_options.rules;
}

Feed *CaptureSession::feedOf(int exchange) const
{
    return m_feedOfExchange.value(exchange);
}

void CaptureSession::onExchangeStarted(int exchange, const Sse::RequestInfo &request)
{
    m_exchanges.addRequest(exchange, request);
    // feedOf() answers for the exchanges listed, and no others: the map stays as bounded.
    if (m_feedOfExchange.size() > 2 * CaptureExchangeModel::MaxExchanges) {
        const int oldest = m_exchanges.index(0, 0).data(CaptureExchangeModel::ExchangeRole).toInt();
        m_feedOfExchange.removeIf([oldest](const auto &entry) { return entry.key() < oldest; });
    }
    if (asksForStream(request) || feedFor(request, false))
        link(exchange, request);
    else
        m_requests.insert(exchange, request);
}

void CaptureSession::onResponseStarted(int exchange, const Sse::ResponseInfo &response, bool stream)
{
    m_exchanges.setResponse(exchange, response, stream);
    if (stream && m_requests.contains(exchange))
        link(exchange, m_requests.take(exchange));
    m_requests.remove(exchange);
    const Link linked = m_links.value(exchange);
    if (!linked.feed)
        return;
    Sse::ResponseInfo numbered = response;
    numbered.connection = linked.connection;
    linked.feed->captureResponse(numbered, stream);
}

void CaptureSession::onEvent(int exchange, Sse::Event event)
{
    const Link linked = m_links.value(exchange);
    if (!linked.feed)
        return;
    event.connection = linked.connection;
    linked.feed->captureEvent(event);
}

void CaptureSession::onComment(int exchange, Sse::Comment comment)
{
    const Link linked = m_links.value(exchange);
    if (!linked.feed)
        return;
    comment.connection = linked.connection;
    linked.feed->captureComment(comment);
}

void CaptureSession::onRetry(int exchange, std::chrono::milliseconds time)
{
    const Link linked = m_links.value(exchange);
    if (linked.feed)
        linked.feed->captureRetry(time);
}

void CaptureSession::onFault(int exchange, const QString &what)
{
    const Link linked = m_links.value(exchange);
    if (linked.feed)
        linked.feed->captureFault(linked.connection, what);
}

void CaptureSession::onExchangeEnded(int exchange, const Sse::CaptureEnd &end)
{
    m_exchanges.setEnd(exchange, end);
    m_requests.remove(exchange);
    const Link linked = m_links.take(exchange);
    if (linked.feed)
        linked.feed->captureEnd(linked.connection, end);
}

void CaptureSession::link(int exchange, const Sse::RequestInfo &request)
{
    Feed *feed = feedFor(request, true);
    m_links.insert(exchange, {feed, feed->captureRequest(request)});
    m_feedOfExchange.insert(exchange, feed);
}

Feed *CaptureSession::feedFor(const Sse::RequestInfo &request, bool create)
{
    const QString key = requestKey(request);
    if (Feed *feed = m_feedByRequest.value(key))
        return feed;
    if (!create)
        return nullptr;
    FeedConfig config;
    config.url = request.url;
    // Every captured feed has the same upstream: its path says which it is (the URL is in its
    // tooltip).
    const QString target = request.url.toDisplayString(
            QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    config.name =
            request.method == "GET" ? target : QString::fromLatin1(request.method) + u' ' + target;
    config.options.method = request.method;
    config.options.body = request.body;
    // The first captured feed is shown; later ones do not take the view from the user.
    const int current = m_feeds->currentIndex();
    const bool first = m_feedByRequest.isEmpty();
    Feed *feed = m_feeds->add(config, FeedList::Origin::Captured);
    if (!first && current >= 0)
        m_feeds->setCurrentIndex(current);
    m_feedByRequest.insert(key, feed);
    Q_EMIT feedAdded(feed);
    return feed;
}
