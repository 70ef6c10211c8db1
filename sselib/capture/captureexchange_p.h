// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::CaptureExchange: one request forwarded to the upstream and its response.
#pragma once

#include "bodyreader_p.h"
#include "capturecontext_p.h"
#include "httpresponsehead_p.h"

#include "sselib/capture/captureend.h"
#include "sselib/capture/capturerule.h"
#include "sselib/comment.h"
#include "sselib/event.h"
#include "sselib/httprequesthead_p.h"
#include "sselib/responseinfo.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <memory>
#include <optional>
#include <utility>

QT_BEGIN_NAMESPACE
class QTcpSocket;
class QTimer;
QT_END_NAMESPACE

namespace Sse::CaptureDetail {

class FaultStage;
class GzipEncoder;
class StreamCopy;

/// One exchange of the capture proxy: the app's request (head given, body pushed as it comes)
/// goes to a new upstream connection; the response comes back to the app's socket as it
/// arrives, through a FaultStage and a parsed copy for a text/event-stream. It writes to the
/// app's socket but does not own it: the CaptureConnection does.
class CaptureExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureExchange)

public:
    /// Bytes waiting to be written on either socket above which the other one is not read.
    static constexpr qint64 HighWater = 1024 * 1024;
    /// Bytes a FaultStage may hold (a delay, a stall) before the upstream is not read. Above the
    /// largest partial event it holds (32 MiB), so that what it holds is mostly queued: the
    /// stage's own timers release it, and its bytesReady() makes the proxy read again.
    static constexpr qint64 StageHighWater = 48 * 1024 * 1024;
    /// What Qt buffers of a socket that is not read; the kernel holds the rest.
    static constexpr qint64 SocketReadBuffer = 256 * 1024;
    /// How long the upstream may take to accept the connection (and finish the TLS handshake).
    static constexpr int ConnectTimeoutMs = 30'000;

    CaptureExchange(CaptureContext *context, int number, const HttpRequestHead &head,
            BodyReader requestBody, QTcpSocket *app, QObject *parent = nullptr);
    ~CaptureExchange() override;

    void start();
    /// Takes the request body's bytes from the front of `buffer`.
    void pushRequestBytes(QByteArray &buffer);
    /// Whether more request body bytes are wanted now (false while the upstream is busy).
    [[nodiscard]] bool wantsRequestBytes() const;

    [[nodiscard]] bool isRequestComplete() const { return m_requestBody.isDone(); }

    /// Whether the app's connection may carry another request once this exchange ended.
    [[nodiscard]] bool keepsConnection() const;

    [[nodiscard]] bool isEnded() const { return m_ended; }

    [[nodiscard]] int number() const { return m_number; }

    void setRules(const QList<CaptureRule> &rules);
    /// The app closed its connection.
    void clientClosed();
    /// The proxy is closing.
    void stop();

Q_SIGNALS:
    void started(int exchange, const Sse::RequestInfo &request);
    void responseStarted(int exchange, const Sse::ResponseInfo &response, bool stream);
    void eventCaptured(int exchange, const Sse::Event &event);
    void commentCaptured(int exchange, const Sse::Comment &comment);
    void retryCaptured(int exchange, std::chrono::milliseconds time);
    void faultApplied(int exchange, const Sse::CaptureRule &rule, const QString &what);
    void ended(int exchange, const Sse::CaptureEnd &end);
    /// The upstream took what it had: push more request bytes.
    void requestBytesWanted();

private:
    void connectUpstream();
    [[nodiscard]] QByteArray upstreamHead() const;
    void ensureStarted();
    void answerWithStatus(CaptureRule rule);
    void failUpstream(const QString &why);
    void onUpstreamError();
    void onUpstreamDisconnected();
    void pumpUpstream();
    void takeUpstreamBytes(QByteArrayView bytes);
    void readResponseHead();
    void startResponse(const HttpResponseHead &head);
    void setUpStream(const QByteArray &encoding);
    void noteCompressedStream();
    /// The first gzip rule for the target.
    [[nodiscard]] std::optional<CaptureRule> gzipRule() const;
    void onBody(const QByteArray &content);
    void onBodyDone();
    void cut(const CaptureRule &rule);
    void sendToApp(const QByteArray &bytes);
    void finishToApp();
    void writeToApp(const QByteArray &bytes);
    void end(CaptureEnd::Reason reason, const QString &message = {});

    CaptureContext *m_context;
    int m_number;
    HttpRequestHead m_head;
    BodyReader m_requestBody;
    QPointer<QTcpSocket> m_app;
    QTcpSocket *m_upstream = nullptr;
    QTimer *m_connectTimer = nullptr;
    RequestInfo m_request;
    QByteArray m_upstreamTarget;

    QByteArray m_responseBuffer; // upstream bytes before the final head is complete
    bool m_headDone = false;
    BodyReader m_responseBody;
    int m_status = 0;
    bool m_chunkedToApp = false;
    bool m_closeAfter = false;
    bool m_upstreamEof = false;
    bool m_waitingForStage = false; // the stage held too much: the upstream is not read
    std::unique_ptr<StreamCopy> m_copy;
    FaultStage *m_stage = nullptr;
    std::unique_ptr<GzipEncoder> m_gzip;
    QList<CaptureRule> m_rules;
    bool m_compressedNoticeGiven = false;
    bool m_pumping = false; // in pumpUpstream()
    bool m_pushing = false; // in FaultStage::push()
    std::optional<CaptureRule> m_pendingCut; // a cut requested during push()
    QList<std::pair<CaptureRule, QString>> m_pendingFaults; // applied during push()
    qint64 m_bytesReceived = 0;
    qint64 m_bytesSent = 0;

    bool m_started = false;
    bool m_ended = false;
};

} // namespace Sse::CaptureDetail
