// SPDX-License-Identifier: MIT
// CaptureSession: a capture proxy whose streams become captured feeds of a FeedList.
#pragma once

#include "captureexchangemodel.h"

#include "sselib/capture/captureproxy.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class Feed;
class FeedList;

/// Runs an Sse::CaptureProxy and shows what passes it: every exchange in exchanges(), and
/// each text/event-stream exchange as a connection of a captured feed in the FeedList, one
/// feed per method and upstream URL, so that an EventSource reconnecting through the proxy
/// shows as connections 1, 2, 3 of one feed. A request that asks for a stream (Accept:
/// text/event-stream) or whose feed exists already opens its connection at once (CONNECTING);
/// another one only when its response turns out to be a stream. The feeds stay after the
/// streams and the session end. No widgets.
class CaptureSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureSession)

public:
    /// Captured feeds go to `feeds` (not owned).
    explicit CaptureSession(FeedList *feeds, QObject *parent = nullptr);
    ~CaptureSession() override;

    /// Starts a proxy with `options` (a running one stops first); false with errorString()
    /// when it cannot listen.
    bool start(const Sse::CaptureOptions &options);
    /// Stops the proxy (its exchanges end); the feeds and the exchange list stay.
    void stop();

    [[nodiscard]] bool isRunning() const { return m_proxy != nullptr; }

    [[nodiscard]] QString errorString() const { return m_error; }

    /// The options of the running proxy, or of the last start().
    [[nodiscard]] Sse::CaptureOptions options() const;
    /// Where the app should send its requests; empty when not running.
    [[nodiscard]] QUrl url() const;

    /// Replaces the running proxy's rules; its streams follow them from their next event.
    void setRules(const QList<Sse::CaptureRule> &rules);
    [[nodiscard]] QList<Sse::CaptureRule> rules() const;

    /// The running proxy; null when stopped.
    [[nodiscard]] Sse::CaptureProxy *proxy() const { return m_proxy.get(); }

    [[nodiscard]] CaptureExchangeModel *exchanges() { return &m_exchanges; }

    /// Where the captured feeds go.
    [[nodiscard]] FeedList *feeds() const { return m_feeds; }

    /// The captured feed that shows `exchange`; null for an exchange that is no stream, or
    /// whose feed was removed.
    [[nodiscard]] Feed *feedOf(int exchange) const;

Q_SIGNALS:
    void runningChanged(bool running);
    /// A captured feed was added to the FeedList.
    void feedAdded(Feed *feed);

private:
    struct Link
    {
        QPointer<Feed> feed;
        int connection = 0;
    };

    void onExchangeStarted(int exchange, const Sse::RequestInfo &request);
    void onResponseStarted(int exchange, const Sse::ResponseInfo &response, bool stream);
    void onEvent(int exchange, Sse::Event event);
    void onComment(int exchange, Sse::Comment comment);
    void onRetry(int exchange, std::chrono::milliseconds time);
    void onFault(int exchange, const QString &what);
    void onExchangeEnded(int exchange, const Sse::CaptureEnd &end);
    /// Opens a connection of the feed for `request` (made when there is none).
    void link(int exchange, const Sse::RequestInfo &request);
    [[nodiscard]] Feed *feedFor(const Sse::RequestInfo &request, bool create);

    FeedList *m_feeds;
    std::unique_ptr<Sse::CaptureProxy> m_proxy;
    Sse::CaptureOptions m_options;
    QString m_error;
    CaptureExchangeModel m_exchanges;
    QHash<QString, QPointer<Feed>> m_feedByRequest; ///< by "METHOD URL"
    QHash<int, Sse::RequestInfo> m_requests; ///< of exchanges not linked to a feed yet
    QHash<int, Link> m_links; ///< of exchanges a feed shows, until they end
    QHash<int, QPointer<Feed>> m_feedOfExchange; ///< every stream's feed, for feedOf()
};
