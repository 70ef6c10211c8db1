// SPDX-License-Identifier: MIT
// sseflood: an event-stream server in a process of its own that writes as fast as the kernel takes.
//
// Usage: sseflood line|events|gzipbomb MIB
//   line      "data: " and MIB MiB of 'x' in one line, then "\n\ndata: after\n\n"
//   events    MIB MiB of events "id: N\ndata: <1000 x 'y'>\n\n", then "data: end\n\n"
//   gzipbomb  the line form with MIB MiB of NUL bytes, gzip-compressed (1 GiB: 1 MiB on the wire)
// Listens on 127.0.0.1, prints the port as one line on stdout, serves one request, then holds
// the connection open until the client goes. The client's memory is then its own: no server
// write buffer shares its heap, and the server never waits for the client to read.
#include <QByteArray>
#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <cstdio>
#include <functional>
#include <utility>
#include <zlib.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 MiB = 1024 * 1024;
// Kept queued in the socket, so that the kernel always has the next bytes at hand.
constexpr qint64 HighWater = 4 * MiB;
constexpr int GzipWindowBits = 16 + 15;

using Writer = std::function<bool(const QByteArray &)>;

bool writeLine(qint64 mib, char fill, const Writer &write)
{
    const QByteArray piece(MiB, fill);
    if (!write("data: "_ba))
        return false;
    for (qint64 i = 0; i < mib; ++i) {
        if (!write(piece))
            return false;
    }
    return write("\n\ndata: after\n\n"_ba);
}

bool writeEvents(qint64 mib, const Writer &write)
{
    const QByteArray payload(1000, 'y');
    QByteArray batch;
    qint64 sent = 0;
    for (qint64 id = 1; sent < mib * MiB; ++id) {
        batch += "id: "_ba + QByteArray::number(id) + "\ndata: "_ba + payload + "\n\n"_ba;
        if (batch.size() >= MiB) {
            sent += batch.size();
            if (!write(std::exchange(batch, {})))
                return false;
        }
    }
    return write(batch + "data: end\n\n"_ba);
}

/// Compresses what `body` writes into one gzip member and passes it on to `write`.
bool writeGzipped(const std::function<bool(const Writer &)> &body, const Writer &write)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, GzipWindowBits, 8, Z_RLE) != Z_OK) {
        return false;
    }
    QByteArray out(MiB, Qt::Uninitialized);
    const auto pump = [&](const QByteArray &plain, int flush) {
        // zlib does not write through next_in; the cast is its API's.
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.data()));
        stream.avail_in = uInt(plain.size());
        do {
            stream.next_out = reinterpret_cast<Bytef *>(out.data());
            stream.avail_out = uInt(out.size());
            if (deflate(&stream, flush) == Z_STREAM_ERROR)
                return false;
            const qsizetype produced = out.size() - qsizetype(stream.avail_out);
            if (produced > 0 && !write(out.first(produced)))
                return false;
        } while (stream.avail_out == 0);
        return true;
    };
    const bool ok = body([&](const QByteArray &plain) { return pump(plain, Z_NO_FLUSH); })
            && pump({}, Z_FINISH);
    deflateEnd(&stream);
    return ok;
}

bool readRequestHead(QTcpSocket &socket)
{
    QByteArray head;
    while (!head.contains("\r\n\r\n"_ba)) {
        if (!socket.waitForReadyRead(30000))
            return false;
        head += socket.readAll();
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool numeric = false;
    const qint64 mib = args.value(2).toLongLong(&numeric);
    const QString kind = args.value(1);
    if (!numeric || (kind != u"line" && kind != u"events" && kind != u"gzipbomb")) {
        std::fputs("usage: sseflood line|events|gzipbomb MIB\n", stderr);
        return 2;
    }
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 1;
    std::printf("%u\n", unsigned(server.serverPort()));
    std::fflush(stdout);
    if (!server.waitForNewConnection(30000))
        return 1;
    QTcpSocket *socket = server.nextPendingConnection();
    if (!readRequestHead(*socket))
        return 1;

    const Writer write = [socket](const QByteArray &bytes) {
        socket->write(bytes);
        while (socket->bytesToWrite() > HighWater) {
            if (!socket->waitForBytesWritten(30000))
                return false;
        }
        return true;
    };
    const bool gzip = kind == u"gzipbomb";
    write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
            + (gzip ? "Content-Encoding: gzip\r\n"_ba : QByteArray()) + "\r\n"_ba);
    bool ok = false;
    if (kind == u"line")
        ok = writeLine(mib, 'x', write);
    else if (kind == u"events")
        ok = writeEvents(mib, write);
    else
        ok = writeGzipped(
                [mib](const Writer &plain) { return writeLine(mib, '\0', plain); }, write);
    while (ok && socket->bytesToWrite() > 0)
        ok = socket->waitForBytesWritten(30000);
    // Hold the stream open: the client sees no end, only the bytes.
    while (socket->state() == QAbstractSocket::ConnectedState)
        socket->waitForReadyRead(-1);
    return ok ? 0 : 1;
}
