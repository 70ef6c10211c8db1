// SPDX-License-Identifier: MIT
// TestSupport::TestServer: a scriptable HTTP/1.1 server on 127.0.0.1 for client tests.
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#endif

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace TestSupport {

namespace {

// A request head larger than this is a client bug; the connection is dropped.
constexpr qsizetype MaxHeadSize = 1024 * 1024;

#if QT_CONFIG(ssl)
// The server side of the self-signed test certificate; empty with errorString set on failure.
QSslConfiguration serverTlsConfiguration(QString *errorString)
{
    if (!QSslSocket::supportsSsl()) {
        *errorString = u"no TLS backend is available (backends: %1; active: \"%2\")"_s.arg(
                QSslSocket::availableBackends().join(u", "_s), QSslSocket::activeBackend());
        return {};
    }
    const auto readPem = [errorString](const QString &name, QByteArray *pem) {
        const QString path = testDataFile(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *errorString = u"cannot read %1: %2"_s.arg(path, file.errorString());
            return false;
        }
        *pem = file.readAll();
        return true;
    };
    QByteArray certificatePem;
    QByteArray keyPem;
    if (!readPem(u"testserver-cert.pem"_s, &certificatePem)
            || !readPem(u"testserver-key.pem"_s, &keyPem)) {
        return {};
    }
    const QSslCertificate certificate(certificatePem, QSsl::Pem);
    const QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (certificate.isNull() || key.isNull()) {
        *errorString = u"the %1 backend cannot load testserver-cert.pem/testserver-key.pem"_s.arg(
                QSslSocket::activeBackend());
        return {};
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    return configuration;
}
#endif

} // namespace

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool Request::hasHeader(QByteArrayView name) const
{
    return headerCount(name) > 0;
}

int Request::headerCount(QByteArrayView name) const
{
    int count = 0;
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            ++count;
    }
    return count;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue"_ba;
    case 200:
        return "OK"_ba;
    case 201:
        return "Created"_ba;
    case 202:
        return "Accepted"_ba;
    case 204:
        return "No Content"_ba;
    case 206:
        return "Partial Content"_ba;
    case 301:
        return "Moved Permanently"_ba;
    case 302:
        return "Found"_ba;
    case 303:
        return "See Other"_ba;
    case 304:
        return "Not Modified"_ba;
    case 307:
        return "Temporary Redirect"_ba;
    case 308:
        return "Permanent Redirect"_ba;
    case 400:
        return "Bad Request"_ba;
    case 401:
        return "Unauthorized"_ba;
    case 403:
        return "Forbidden"_ba;
    case 404:
        return "Not Found"_ba;
    case 405:
        return "Method Not Allowed"_ba;
    case 408:
        return "Request Timeout"_ba;
    case 410:
        return "Gone"_ba;
    case 429:
        return "Too Many Requests"_ba;
    case 500:
        return "Internal Server Error"_ba;
    case 501:
        return "Not Implemented"_ba;
    case 502:
        return "Bad Gateway"_ba;
    case 503:
        return "Service Unavailable"_ba;
    case 504:
        return "Gateway Timeout"_ba;
    default:
        return "Unknown"_ba;
    }
}

// ---------------------------------------------------------------------------------------------
// Connection

Connection::Connection(QTcpSocket *socket, TestServer *server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &Connection::readAvailable);
    connect(socket, &QTcpSocket::disconnected, this, &Connection::handleDisconnected);
}

Connection::~Connection()
{
    if (m_socket) {
        // The socket's destructor would emit disconnected() into a half-destroyed object.
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void Connection::write(const QByteArray &bytes)
{
    if (isOpen())
        m_socket->write(bytes);
}

void Connection::writeHead(int status, const HeaderList &headers)
{
    QByteArray head =
            "HTTP/1.1 "_ba + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    bool hasConnection = false;
    for (const auto &h : headers) {
        if (h.first.compare("connection", Qt::CaseInsensitive) == 0)
            hasConnection = true;
        head += h.first + ": " + h.second + "\r\n";
    }
    if (!hasConnection)
        head += "Connection: close\r\n";
    head += "\r\n";
    write(head);
}

void Connection::writeSseHead(const QByteArray &contentType)
{
    writeHead(200,
            {{"Content-Type"_ba, contentType}, {"Cache-Control"_ba, "no-cache"_ba},
                    {"Connection"_ba, "close"_ba}});
}

void Connection::writeChunkedSseHead(const QByteArray &contentType)
{
    writeHead(200,
            {{"Content-Type"_ba, contentType}, {"Cache-Control"_ba, "no-cache"_ba},
                    {"Transfer-Encoding"_ba, "chunked"_ba}});
}

void Connection::writeChunk(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
}

void Connection::endChunks()
{
    write("0\r\n\r\n"_ba);
}

void Connection::respond(int status, const QByteArray &contentType, const QByteArray &body,
        const HeaderList &extraHeaders)
{
    HeaderList headers;
    if (!contentType.isEmpty())
        headers.append({"Content-Type"_ba, contentType});
    headers.append({"Content-Length"_ba, QByteArray::number(body.size())});
    headers.append(extraHeaders);
    writeHead(status, headers);
    write(body);
    close();
}

void Connection::close()
{
    if (isOpen())
        m_socket->disconnectFromHost(); // writes what is buffered first
}

void Connection::abort()
{
    if (!isOpen())
        return;
#ifdef Q_OS_UNIX
    // Linger 0: close() then sends RST instead of FIN.
    const qintptr fd = m_socket->socketDescriptor();
    if (fd >= 0) {
        linger lingerOption{};
        lingerOption.l_onoff = 1;
        lingerOption.l_linger = 0;
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &lingerOption, sizeof lingerOption);
    }
#endif
    m_socket->abort();
    // abort() normally emits disconnected(); make sure the state is right either way.
    handleDisconnected();
}

bool Connection::isOpen() const
{
    return m_open && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void Connection::handleDisconnected()
{
    if (!m_open)
        return;
    m_open = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    Q_EMIT disconnected();
}

void Connection::readAvailable()
{
    if (!m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    if (m_complete)
        return; // one request per connection; anything after it is ignored
    m_buffer += bytes;

    if (m_bodyStart < 0) {
        const qsizetype crlf = m_buffer.indexOf("\r\n\r\n");
        const qsizetype lf = m_buffer.indexOf("\n\n");
        qsizetype headEnd = -1;
        qsizetype bodyStart = -1;
        if (crlf >= 0 && (lf < 0 || crlf < lf)) {
            headEnd = crlf;
            bodyStart = crlf + 4;
        } else if (lf >= 0) {
            headEnd = lf;
            bodyStart = lf + 2;
        }
        if (headEnd < 0) {
            if (m_buffer.size() > MaxHeadSize)
                abort();
            return; // the head arrives in pieces
        }
        if (!parseHead(headEnd, bodyStart)) {
            m_complete = true; // never dispatched
            m_buffer.clear();
            respond(400, "text/plain"_ba, "bad request\n"_ba);
            return;
        }
    }

    if (m_buffer.size() - m_bodyStart < m_contentLength)
        return; // the body arrives in pieces
    m_request.body = m_buffer.mid(m_bodyStart, m_contentLength);
    m_buffer.clear();
    m_complete = true;
    m_server->dispatch(this);
}

bool Connection::parseHead(qsizetype headEnd, qsizetype bodyStart)
{
    const QByteArray head = m_buffer.left(headEnd);
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty())
        return false;
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3)
        return false;
    m_request.method = requestLine.at(0);
    m_request.target = requestLine.at(1);
    m_request.version = requestLine.at(2);
    const qsizetype question = m_request.target.indexOf('?');
    m_request.path = question < 0 ? m_request.target : m_request.target.left(question);
    m_request.query = question < 0 ? QByteArray() : m_request.target.mid(question + 1);

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return false;
        m_request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }

    const QByteArray contentLength = m_request.header("content-length");
    if (!contentLength.isEmpty()) {
        bool ok = false;
        m_contentLength = contentLength.toLongLong(&ok);
        if (!ok || m_contentLength < 0)
            return false;
    }
    m_bodyStart = bodyStart;
    return true;
}

// ---------------------------------------------------------------------------------------------
// TestServer

TestServer::TestServer(QObject *parent)
    : QObject(parent)
{
    createServer(Plain);
}

TestServer::~TestServer()
{
    m_tcpServer->close();
    for (const QPointer<Connection> &connection : std::as_const(m_connections))
        delete connection.data();
    m_connections.clear();
}

void TestServer::createServer(Transport transport)
{
    delete m_tcpServer; // not listening; accepted sockets belong to their Connection
    m_tcpServer = nullptr;
    m_transport = transport;
#if QT_CONFIG(ssl)
    if (transport == Tls) {
        auto *sslServer = new QSslServer(this);
        // A socket that fails its handshake never becomes a pending connection: count it here.
        connect(sslServer, &QSslServer::startedEncryptionHandshake, this, [this](QSslSocket *) {
            ++m_acceptedSockets;
            Q_EMIT socketAccepted();
        });
        connect(sslServer, &QSslServer::errorOccurred, this,
                [this](QSslSocket *socket, QAbstractSocket::SocketError) {
                    m_tlsErrors.append(socket->errorString());
                });
        connect(sslServer, &QSslServer::alertReceived, this,
                [this](QSslSocket *, QSsl::AlertLevel, QSsl::AlertType,
                        const QString &description) {
                    m_tlsErrors.append(u"alert from the client: "_s + description);
                });
        m_tcpServer = sslServer;
    }
#endif
    if (!m_tcpServer) {
        m_tcpServer = new QTcpServer(this);
        connect(m_tcpServer, &QTcpServer::newConnection, this, &TestServer::acceptPending);
        return;
    }
    // QSslServer queues a socket only once its handshake is done, long after newConnection
    // (emitted for the TCP connection, when nothing is pending yet).
    connect(m_tcpServer, &QTcpServer::pendingConnectionAvailable, this, &TestServer::acceptPending);
}

bool TestServer::listen()
{
    return listen(Plain);
}

bool TestServer::listen(Transport transport)
{
    m_errorString.clear();
    if (m_tcpServer->isListening()) {
        if (transport == m_transport)
            return true;
        m_errorString = u"already listening over the other transport"_s;
        return false;
    }
    if (transport != m_transport)
        createServer(transport);
    if (transport == Tls) {
#if QT_CONFIG(ssl)
        const QSslConfiguration configuration = serverTlsConfiguration(&m_errorString);
        if (configuration.isNull())
            return false;
        static_cast<QSslServer *>(m_tcpServer)->setSslConfiguration(configuration);
#else
        m_errorString = u"Qt was built without TLS support"_s;
        return false;
#endif
    }
    // Only loopback, ever; port 0 picks a free one.
    if (!m_tcpServer->listen(QHostAddress::LocalHost, 0)) {
        m_errorString = m_tcpServer->errorString();
        return false;
    }
    m_port = m_tcpServer->serverPort();
    return m_port != 0;
}

void TestServer::stopListening()
{
    m_tcpServer->close();
}

bool TestServer::isListening() const
{
    return m_tcpServer->isListening();
}

QUrl TestServer::url(const QString &path) const
{
    return QUrl(origin() + (path.startsWith(u'/') ? path : u'/' + path));
}

QString TestServer::origin() const
{
    return (m_transport == Tls ? u"https://127.0.0.1:"_s : u"http://127.0.0.1:"_s)
            + QString::number(m_port);
}

void TestServer::route(const QByteArray &path, Handler handler)
{
    m_routes.insert(path, std::move(handler));
}

QList<Request> TestServer::requests(const QByteArray &path) const
{
    QList<Request> result;
    for (const Request &request : m_requests) {
        if (request.path == path)
            result.append(request);
    }
    return result;
}

int TestServer::requestCount(const QByteArray &path) const
{
    int count = 0;
    for (const Request &request : m_requests) {
        if (request.path == path)
            ++count;
    }
    return count;
}

Request TestServer::lastRequest(const QByteArray &path) const
{
    for (auto it = m_requests.crbegin(); it != m_requests.crend(); ++it) {
        if (it->path == path)
            return *it;
    }
    return {};
}

int TestServer::openConnections() const
{
    int count = 0;
    for (const QPointer<Connection> &connection : m_connections) {
        if (connection && connection->isOpen())
            ++count;
    }
    return count;
}

QList<Connection *> TestServer::connections(const QByteArray &path) const
{
    QList<Connection *> result;
    for (const QPointer<Connection> &connection : m_connections) {
        if (connection && connection->hasRequest() && connection->isOpen()
                && connection->request().path == path)
            result.append(connection.data());
    }
    return result;
}

QList<Connection *> TestServer::allConnections() const
{
    QList<Connection *> result;
    for (const QPointer<Connection> &connection : m_connections) {
        if (connection && connection->hasRequest())
            result.append(connection.data());
    }
    return result;
}

int TestServer::broadcast(const QByteArray &path, const QByteArray &bytes)
{
    const QList<Connection *> targets = connections(path);
    for (Connection *connection : targets)
        connection->write(bytes);
    return int(targets.size());
}

int TestServer::closeConnections(const QByteArray &path)
{
    const QList<Connection *> targets = connections(path);
    for (Connection *connection : targets)
        connection->close();
    return int(targets.size());
}

int TestServer::abortAll()
{
    int count = 0;
    const QList<QPointer<Connection>> all = m_connections;
    for (const QPointer<Connection> &connection : all) {
        if (connection && connection->isOpen()) {
            connection->abort();
            ++count;
        }
    }
    return count;
}

void TestServer::acceptPending()
{
    while (QTcpSocket *socket = m_tcpServer->nextPendingConnection()) {
        if (m_transport == Plain) {
            ++m_acceptedSockets;
            Q_EMIT socketAccepted();
            if (!m_greeting.isEmpty()) {
                // Kept open: a close here could race the client's first bytes into a reset
                // that hides the greeting. Freed with the server.
                socket->setParent(this);
                socket->write(m_greeting);
                continue;
            }
        }
        auto *connection = new Connection(socket, this);
        m_connections.append(connection);
        // Bytes may already be waiting.
        if (socket->bytesAvailable() > 0)
            connection->readAvailable();
    }
}

void TestServer::dispatch(Connection *connection)
{
    connection->m_request.number = int(m_requests.size()) + 1;
    m_requests.append(connection->m_request);
    const QPointer<Connection> guard(connection);
    Q_EMIT requestReceived(connection->m_request);
    if (!guard)
        return;
    const auto route = m_routes.constFind(connection->m_request.path);
    if (route != m_routes.cend() && route.value()) {
        // A copy: the handler may replace the route while it runs.
        const Handler handler = route.value();
        handler(connection);
    } else {
        connection->respond(404, "text/plain"_ba, "not found\n"_ba);
    }
}

QString testDataFile(const QString &name)
{
    const QString fromEnvironment = qEnvironmentVariable("SSEDASH_TEST_DATA");
    if (!fromEnvironment.isEmpty()) {
        const QString path = QDir(fromEnvironment).filePath(name);
        if (QFileInfo::exists(path))
            return path;
    }
    return QDir(QString::fromUtf8(SSEDASH_TEST_DATA_DIR)).filePath(name);
}

// ---------------------------------------------------------------------------------------------
// Handlers

namespace Handlers {

TestServer::Handler sseBody(const QByteArray &body, const QByteArray &contentType)
{
    return [body, contentType](Connection *connection) {
        connection->writeSseHead(contentType);
        connection->write(body);
        connection->close();
    };
}

TestServer::Handler sseHold(const QByteArray &initial, const QByteArray &contentType)
{
    return [initial, contentType](Connection *connection) {
        connection->writeSseHead(contentType);
        if (!initial.isEmpty())
            connection->write(initial);
    };
}

TestServer::Handler status(int status, const QByteArray &contentType, const QByteArray &body,
        const HeaderList &extraHeaders)
{
    return [status, contentType, body, extraHeaders](Connection *connection) {
        connection->respond(status, contentType, body, extraHeaders);
    };
}

TestServer::Handler redirect(int status, const QByteArray &location)
{
    return [status, location](Connection *connection) {
        connection->respond(status, "text/plain"_ba, "redirect\n"_ba, {{"Location"_ba, location}});
    };
}

TestServer::Handler hang()
{
    return [](Connection *) {
    };
}

} // namespace Handlers

} // namespace TestSupport
