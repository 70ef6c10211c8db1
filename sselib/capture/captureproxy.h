// SPDX-License-Identifier: MIT
// Sse::CaptureProxy: a reverse proxy that shows, records and breaks the streams passing it.
#pragma once

#include "sselib/capture/captureend.h"
#include "sselib/capture/captureoptions.h"
#include "sselib/capture/capturerule.h"
#include "sselib/comment.h"
#include "sselib/event.h"
#include "sselib/responseinfo.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace Sse {

/// A reverse proxy on a local port to one upstream (CaptureOptions::upstream). Every request
/// (any method, headers and body) is forwarded and its response passed back unchanged; redirects
/// go back to the app, not followed. A text/event-stream response is passed on as each chunk
/// arrives, byte for byte, while a copy is parsed and reported (eventCaptured(),
/// commentCaptured()); other responses stream through too and are reported by their status and
/// size. Fault rules (CaptureRule) make matching streams misbehave on purpose.
///
/// An exchange is one request and its response; exchanges are numbered from 1 in the order
/// their requests arrived, and every value a signal carries has that number in `connection`.
class CaptureProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureProxy)

public:
    explicit CaptureProxy(const CaptureOptions &options, QObject *parent = nullptr);
    ~CaptureProxy() override;

    /// Why `url` cannot be an upstream ("must be http or https", ...), or std::nullopt.
    [[nodiscard]] static std::optional<QString> checkUpstream(const QUrl &url);

    /// Starts listening; false with errorString() when the upstream is not valid or the address
    /// or port cannot be bound.
    [[nodiscard]] bool listen();
    /// Ends every exchange (Reason::Stopped) and stops listening.
    void close();
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] QString errorString() const;

    [[nodiscard]] const CaptureOptions &options() const;
    [[nodiscard]] quint16 port() const;
    /// http://ADDRESS:PORT/ where the app should send its requests.
    [[nodiscard]] QUrl url() const;

    /// Replaces the fault rules; streams that are running follow the new rules from their next
    /// event on.
    void setRules(const QList<CaptureRule> &rules);
    [[nodiscard]] QList<CaptureRule> rules() const;

    /// Exchanges started and not yet ended.
    [[nodiscard]] int activeExchangeCount() const;

Q_SIGNALS:
    /// A request arrived and is being forwarded. `request.url` is the upstream URL it goes
    /// to; its headers are the app's (secrets included: mask them before showing them); its
    /// body is the first ResponseInfo::MaxBodySize bytes.
    void exchangeStarted(int exchange, const Sse::RequestInfo &request);
    /// The upstream's response head, as it sent it (status, reason, headers); `stream` is
    /// true for a text/event-stream response, whose events follow.
    void responseStarted(int exchange, const Sse::ResponseInfo &response, bool stream);
    /// One event of a stream, parsed from the upstream's bytes (decoded if it was compressed).
    void eventCaptured(int exchange, const Sse::Event &event);
    void commentCaptured(int exchange, const Sse::Comment &comment);
    /// A valid `retry:` field of a stream: the reconnection time it sets for the app's client.
    void retryCaptured(int exchange, std::chrono::milliseconds time);
    /// A fault rule changed what the app gets; `what` says how, for people.
    void faultApplied(int exchange, const Sse::CaptureRule &rule, const QString &what);
    /// The exchange is over; nothing more is reported of it.
    void exchangeEnded(int exchange, const Sse::CaptureEnd &end);
    void activeExchangeCountChanged(int count);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Sse
