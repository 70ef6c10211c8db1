// SPDX-License-Identifier: MIT
// The publisher's front door: it routes each connection and serves the streams itself.
#include "publisher_p.h"
#include "requestguard_p.h"
#include "tokenstreamer_p.h"

#include "sselib/httprequesthead_p.h"

#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace Sse {

namespace {

constexpr qsizetype MaxLastEventIdSize = 1024;
constexpr int DefaultTokenIntervalMs = 40;
constexpr int MaxTokenIntervalMs = 10000;

using PublisherDetail::HeaderList;
using PublisherDetail::LlmPath;
using PublisherDetail::Resume;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray statusLine(int status)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
}

QByteArray headerLines(const HeaderList &headers)
{
    QByteArray out;
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    return out;
}

// The retry field the retry fault asks for, if it does; a negative one asks for none.
std::optional<std::chrono::milliseconds> faultRetry(const StreamFaults &faults)
{
    if (faults.retry && faults.retry->count() < 0)
        return std::nullopt;
    return faults.retry;
}

// RFC 9110: 1xx, 204 and 304 responses never have content.
bool statusHasBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

} // namespace

void Publisher::Private::acceptConnections()
{
    while (QTcpSocket *socket = frontDoor.nextPendingConnection()) {
        // No more than a head is buffered before the connection is routed.
        socket->setReadBufferSize(options.maxRequestHeadSize);
        QObject::connect(socket, &QTcpSocket::readyRead, q, [this, socket] { route(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // A client that never finishes its request head is not kept for ever. The timer is
        // the socket's child: a QTimer::singleShot() with the socket as context would stay
        // alive for the whole headTimeout after the socket is gone (Qt 6.4), holding ~400
        // bytes per connection, 30 s worth of connections (tst_soak).
        auto *headTimer = new QTimer(socket);
        headTimer->setSingleShot(true);
        QObject::connect(headTimer, &QTimer::timeout, socket, [this, socket] {
            if (socket->property("routed").toBool())
                return;
            QObject::disconnect(socket, &QTcpSocket::readyRead, q, nullptr);
            socket->setProperty("routed", true);
            answer(socket, 408,
                    Publisher::tr("The request head did not come within %1 ms.")
                                    .arg(options.headTimeout.count())
                                    .toUtf8()
                            + '\n');
        });
        headTimer->start(options.headTimeout);
    }
}

// Answers a head that cannot be served; false when it can be.
bool Publisher::Private::refuseHead(QTcpSocket *socket, HttpRequestHead::Status status)
{
    switch (status) {
    case HttpRequestHead::Status::Invalid:
        answer(socket, 400, Publisher::tr("Malformed HTTP request.").toUtf8() + '\n');
        return true;
    case HttpRequestHead::Status::LineTooLong:
        answer(socket, 414,
                Publisher::tr("Request line longer than %1 bytes.")
                                .arg(options.maxRequestHeadSize)
                                .toUtf8()
                        + '\n');
        return true;
    case HttpRequestHead::Status::TooLarge:
        answer(socket, 431,
                Publisher::tr("Request head longer than %1 bytes.")
                                .arg(options.maxRequestHeadSize)
                                .toUtf8()
                        + '\n');
        return true;
    case HttpRequestHead::Status::Complete:
    case HttpRequestHead::Status::Incomplete:
        break;
    }
    return false;
}

void Publisher::Private::route(QTcpSocket *socket)
{
    HttpRequestHead head;
    const auto status = HttpRequestHead::parse(
            socket->peek(options.maxRequestHeadSize), head, options.maxRequestHeadSize);
    if (status == HttpRequestHead::Status::Incomplete)
        return;
    QObject::disconnect(socket, &QTcpSocket::readyRead, q, nullptr);
    socket->setProperty("routed", true);
    if (refuseHead(socket, status))
        return;
    if (const QByteArray name = head.headerWithControl(); !name.isEmpty()) {
        answer(socket, head, 400,
                Publisher::tr("Malformed %1 header: it has a control character.")
                                .arg(QString::fromLatin1(name))
                                .toUtf8()
                        + '\n');
        return;
    }
    socket->setReadBufferSize(0);
    const bool isChannel = head.path == "/events" || head.path.startsWith("/events/");
    const bool isRead = head.method == "GET" || head.method == "HEAD";
    if (isChannel && isRead) {
        socket->skip(head.size);
        serveChannel(socket, head);
    } else if (head.path == LlmPath && (isRead || head.method == "POST")) {
        socket->skip(head.size);
        serveTokens(socket, head);
    } else {
        handOver(socket, head);
    }
}

// Gives a request for the QHttpServer routes to it, once its body is known to fit.
void Publisher::Private::handOver(QTcpSocket *socket, const HttpRequestHead &head)
{
    const auto body = PublisherDetail::checkHandOver(head, options.maxRequestBodySize);
    if (body.status != 0) {
        answer(socket, head, body.status, body.text.toUtf8() + '\n');
        return;
    }
    QObject::disconnect(socket, &QTcpSocket::disconnected, socket, nullptr);
    PublisherDetail::keepToOneRequest(socket, head.size + body.length, options.idleTimeout);
    routes.hand(socket);
}

void Publisher::Private::answer(
        QTcpSocket *socket, int status, const QByteArray &body, HeaderList headers)
{
    if (statusHasBody(status)) {
        headers += {{"Content-Type", "text/plain; charset=utf-8"},
                {"Content-Length", QByteArray::number(body.size())}};
    }
    headers += {{"Cache-Control", "no-cache"}, {"Connection", "close"}};
    socket->write(statusLine(status) + headerLines(headers) + "\r\n"
            + (statusHasBody(status) ? body : QByteArray()));
    PublisherDetail::closeAfterAnswer(socket);
}

void Publisher::Private::answer(QTcpSocket *socket, const HttpRequestHead &head, int status,
        const QByteArray &body, const HeaderList &headers)
{
    answer(socket, status, body, headers + corsHeaders(head.header("Origin")));
}

QByteArray Publisher::Private::streamHead(const HttpRequestHead &head, const StreamFaults &faults,
        bool chunked, const QByteArray &resumeStatus) const
{
    HeaderList headers{
            {"Content-Type",
                    faults.contentType.isNull() ? QByteArray("text/event-stream; charset=utf-8")
                                                : faults.contentType},
            {"Cache-Control", "no-cache"}, {"X-Accel-Buffering", "no"},
            {"Connection", chunked ? "keep-alive" : "close"}};
    if (chunked)
        headers += {{"Transfer-Encoding", "chunked"}};
    if (!resumeStatus.isEmpty())
        headers += {{"X-SSE-Resume", resumeStatus}};
    headers += corsHeaders(head.header("Origin"));
    return statusLine(200) + headerLines(headers) + "\r\n";
}

Resume Publisher::Private::resumeFrom(const Channel &channel, const QByteArray &lastEventId) const
{
    // The latest event with that id: ids may repeat when publish() was given them.
    const auto found = std::find_if(channel.history.rbegin(), channel.history.rend(),
            [&](const StoredEvent &e) { return e.id == lastEventId; });
    if (found == channel.history.rend()) {
        const QByteArray oldest =
                channel.history.empty() ? QByteArray("none") : channel.history.front().id;
        return {"gap",
                "resume: Last-Event-ID " + lastEventId + " is not in the history (oldest kept: "
                        + oldest + "); events since then may be lost",
                {}};
    }
    Resume resume{"ok", {}, {}};
    for (auto it = found.base(); it != channel.history.end(); ++it)
        resume.missed.append(*it);
    return resume;
}

// Answers bad fault values (400) and the faults that replace the stream (status, redirect).
// Returns true when the stream goes ahead.
bool Publisher::Private::readFaults(
        QTcpSocket *socket, const HttpRequestHead &head, StreamFaults *faults)
{
    const StreamFaultsResult read = StreamFaults::fromQuery(head.query, defaultFaults);
    if (!read.ok) {
        answer(socket, head, 400, read.error.toUtf8() + '\n');
        return false;
    }
    *faults = read.faults;
    if (faults->status) {
        answer(socket, head, *faults->status,
                Publisher::tr("Status %1, as the status fault asks.").arg(*faults->status).toUtf8()
                        + '\n');
        return false;
    }
    if (faults->redirect) {
        QUrlQuery query = head.query;
        query.removeAllQueryItems(u"redirect"_s);
        QUrl location;
        location.setPath(QString::fromUtf8(head.path));
        location.setQuery(query);
        answer(socket, head, *faults->redirect, {}, {{"Location", location.toEncoded()}});
        return false;
    }
    return true;
}

// Writes the response head and returns the client, or null when nothing more is to be sent
// (HEAD, or the peer is already gone).
StreamClient *Publisher::Private::startStream(QTcpSocket *socket, const HttpRequestHead &head,
        const QByteArray &channel, const StreamFaults &faults,
        std::optional<std::chrono::milliseconds> retry, const QByteArray &resumeStatus)
{
    const bool chunked = head.version == "HTTP/1.1" && head.method != "HEAD";
    const QByteArray responseHead = streamHead(head, faults, chunked, resumeStatus);
    if (head.method == "HEAD" || socket->state() != QAbstractSocket::ConnectedState) {
        socket->write(responseHead);
        PublisherDetail::closeAfterAnswer(socket);
        return nullptr;
    }
    QObject::disconnect(socket, &QTcpSocket::disconnected, socket, nullptr);
    auto *client = new StreamClient(socket, channel, faults, chunked, options.maxClientBacklog, q);
    client->start(responseHead, retry);
    return client;
}

void Publisher::Private::serveChannel(QTcpSocket *socket, const HttpRequestHead &head)
{
    const QByteArray name = head.path.mid(8); // after "/events/"
    Channel *target = head.path == "/events" ? &channels.front()
            : name.isEmpty()                 ? nullptr
                                             : channel(name);
    if (!target) {
        answer(socket, head, 404, unknownChannelText("at " + head.path));
        return;
    }
    const QByteArray lastEventId = head.header("Last-Event-ID");
    if (lastEventId.size() > MaxLastEventIdSize || lastEventId.contains('\0')) {
        answer(socket, head, 400,
                Publisher::tr("Malformed Last-Event-ID header: more than %1 bytes, or a NUL.")
                                .arg(MaxLastEventIdSize)
                                .toUtf8()
                        + '\n');
        return;
    }
    StreamFaults faults;
    if (!readFaults(socket, head, &faults))
        return;
    if (faults.closeAfter == 0)
        faults.closeAfter = std::max(0, options.generator.limit.value_or(0));

    const Resume resume = lastEventId.isEmpty() ? Resume() : resumeFrom(*target, lastEventId);
    std::optional<std::chrono::milliseconds> retry = faultRetry(faults);
    if (!retry && options.generator.retry && options.generator.retry->count() >= 0)
        retry = options.generator.retry;
    StreamClient *client = startStream(socket, head, target->name, faults, retry, resume.status);
    if (!client)
        return;
    // What the client missed goes first: a slot on clientConnected may publish at once.
    if (!resume.comment.isEmpty())
        client->sendComment(resume.comment);
    for (const StoredEvent &event : resume.missed)
        deliver(*target, client, event);
    addClient(target->clients, client);
}

void Publisher::Private::serveTokens(QTcpSocket *socket, const HttpRequestHead &head)
{
    const QString style = head.query.queryItemValue(u"style"_s).toLower();
    if (!style.isEmpty() && style != "openai"_L1 && style != "anthropic"_L1) {
        answer(socket, head, 400,
                Publisher::tr("Query parameter style must be openai or anthropic.").toUtf8()
                        + '\n');
        return;
    }
    const QueryNumberResult interval = readQueryNumber(
            head.query, u"interval"_s, 0, MaxTokenIntervalMs, DefaultTokenIntervalMs);
    if (!interval.ok) {
        answer(socket, head, 400, interval.error.toUtf8() + '\n');
        return;
    }
    StreamFaults faults;
    if (!readFaults(socket, head, &faults))
        return;
    StreamClient *client = startStream(socket, head, LlmPath, faults, faultRetry(faults), {});
    if (!client)
        return;
    addClient(llmClients, client);
    const auto kind = style == "anthropic"_L1 ? TokenStreamer::Style::Anthropic
                                              : TokenStreamer::Style::OpenAi;
    new TokenStreamer(client,
            TokenStreamer::script(kind, TokenStreamer::tokenize(TokenStreamer::paragraph())),
            std::chrono::milliseconds(interval.value));
}

} // namespace Sse
