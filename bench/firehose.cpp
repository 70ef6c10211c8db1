// SPDX-License-Identifier: MIT
// bench_firehose: serves workload files as text/event-stream over 127.0.0.1 as fast as the kernel
// can copy them, so that the end-to-end clients, never the server, are what the suite measures.
//
//   bench_firehose WORKDIR [--port N]
//
// Prints {"port": N} on stdout, then one JSON line per finished response:
//   {"path": "/stream/small", "bytes": B, "complete": true, "start": M, "seconds": S,
//    "sendSeconds": T}
// where M is when the request was parsed (CLOCK_MONOTONIC seconds, as Python's time.monotonic()),
// S runs from then to the client's hang-up (no process start-up in it) and T to the last byte
// handed to the kernel; and {"result": "QUERY", "at": M} for each GET /result?QUERY.
// Routes:
//   GET /stream/NAME  WORKDIR/NAME.sse (sendfile), then `event: bench-end\ndata: end\n\n`, then
//                     FIN; the connection ends when the client hangs up
//   GET /page         the Chromium client page (query: w=NAME&types=a,b)
//   GET /result?Q     prints Q; releases every GET /hold
//   GET /hold         answers only once a result came: an <img> of the page keeps its load event
//                     (and so Chromium's --dump-dom) waiting until the stream is done
// Exits when its standard input ends (the suite holds a pipe), so it never outlives its runner.
// Plain POSIX sockets and a thread per connection: nothing here is on the clients' path.

#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <string_view>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view Sentinel = "event: bench-end\ndata: end\n\n";

// Framed by a Content-Length, not by the close: Qt's network stack sometimes sends a GET a second
// time when the server's close ends the response.
std::string streamHead(off_t bodySize)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
           "Access-Control-Allow-Origin: *\r\nContent-Length: "
            + std::to_string(bodySize) + "\r\nConnection: close\r\n\r\n";
}

// The Chromium client: counts every event of the given types (and the sentinel) with the UTF-8
// size of its data, then reports through /result. Its <img> holds the load event until then.
constexpr std::string_view Page = R"html(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>firehose</title><script>
'use strict';
const query = new URLSearchParams(location.search);
let events = 0, dataBytes = 0, done = false;
const started = performance.now();
function utf8Length(text) {
  let n = text.length;
  for (let i = 0; i < text.length; ++i) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}
function finish(outcome) {
  if (done) return;
  done = true;
  source.close();
  const ms = performance.now() - started;
  const result = `outcome=${outcome}&events=${events}&dataBytes=${dataBytes}&ms=${ms.toFixed(1)}`;
  document.title = result;
  fetch('/result?' + result);
}
const source = new EventSource('/stream/' + query.get('w'));
const count = (event) => { ++events; dataBytes += utf8Length(event.data); };
for (const type of ['message', ...(query.get('types') || '').split(',').filter(Boolean)])
  source.addEventListener(type, count);
source.addEventListener('bench-end', (event) => { count(event); finish('end'); });
source.onerror = () => finish('error');
</script></head><body><img src="/hold" alt=""></body></html>
)html";

std::string g_workdir;
std::mutex g_outputMutex;
std::mutex g_resultMutex;
std::condition_variable g_resultArrived;
unsigned long g_results = 0;

void printLine(const std::string &line)
{
    const std::lock_guard lock(g_outputMutex);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

bool writeAll(int fd, std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

void respond(int fd, std::string_view status, std::string_view type, std::string_view body)
{
    std::string head = "HTTP/1.1 ";
    head.append(status).append("\r\nContent-Type: ").append(type);
    head.append(
            "\r\nCache-Control: no-cache\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: ");
    head.append(std::to_string(body.size())).append("\r\nConnection: close\r\n\r\n");
    if (writeAll(fd, head))
        writeAll(fd, body);
}

/// Reads the request head; returns its target ("/stream/small"), empty when it is not a GET.
std::string readTarget(int fd)
{
    std::string head;
    char buffer[4096];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return {};
        head.append(buffer, static_cast<size_t>(n));
    }
    if (head.compare(0, 4, "GET ") != 0)
        return {};
    const size_t end = head.find(' ', 4);
    return end == std::string::npos ? std::string() : head.substr(4, end - 4);
}

/// Waits for the client to close its side (EOF or reset), discarding anything it sends.
void awaitHangUp(int fd)
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
    }
}

bool validName(std::string_view name)
{
    if (name.empty() || name.size() > 64)
        return false;
    for (const char c : name) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
            return false;
    }
    return true;
}

bool sendFile(int fd, int file, off_t size)
{
    off_t offset = 0;
    while (offset < size) {
        const ssize_t n = ::sendfile(fd, file, &offset, static_cast<size_t>(size - offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
    }
    return true;
}

/// CLOCK_MONOTONIC seconds: steady_clock's epoch on Linux, and Python's time.monotonic().
double monotonicSeconds(Clock::time_point point)
{
    return std::chrono::duration<double>(point.time_since_epoch()).count();
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

void serveStream(int fd, const std::string &target, Clock::time_point start)
{
    const std::string name = target.substr(std::strlen("/stream/"));
    const int file =
            validName(name) ? ::open((g_workdir + '/' + name + ".sse").c_str(), O_RDONLY) : -1;

    struct stat info
    {
    };

    if (file < 0 || ::fstat(file, &info) != 0) {
        respond(fd, "404 Not Found", "text/plain", "no such workload\n");
        if (file >= 0)
            ::close(file);
        return;
    }
    const bool sent = writeAll(fd, streamHead(info.st_size + off_t(Sentinel.size())))
            && sendFile(fd, file, info.st_size) && writeAll(fd, Sentinel);
    ::close(file);
    const double sendSeconds = secondsSince(start);
    ::shutdown(fd, SHUT_WR);
    awaitHangUp(fd);
    const double seconds = secondsSince(start);
    char line[512];
    std::snprintf(line, sizeof line,
            R"({"path": "%s", "bytes": %lld, "complete": %s, "start": %.6f, "seconds": %.6f, "sendSeconds": %.6f})",
            target.c_str(), static_cast<long long>(info.st_size + Sentinel.size()),
            sent ? "true" : "false", monotonicSeconds(start), seconds, sendSeconds);
    printLine(line);
}

void serveResult(int fd, const std::string &target)
{
    const size_t question = target.find('?');
    std::string query = question == std::string::npos ? std::string() : target.substr(question + 1);
    for (char &c : query) {
        if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20)
            c = '_';
    }
    char at[64];
    std::snprintf(at, sizeof at, "%.6f", monotonicSeconds(Clock::now()));
    printLine(R"({"result": ")" + query + R"(", "at": )" + at + "}");
    {
        const std::lock_guard lock(g_resultMutex);
        ++g_results;
    }
    g_resultArrived.notify_all();
    respond(fd, "200 OK", "text/plain", "ok\n");
}

void serveHold(int fd)
{
    std::unique_lock lock(g_resultMutex);
    const unsigned long seen = g_results;
    g_resultArrived.wait_for(lock, std::chrono::minutes(10), [seen] { return g_results != seen; });
    lock.unlock();
    // A 1x1 transparent GIF, so that the <img> loads without an error either way.
    static constexpr unsigned char Gif[] = {0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01,
            0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01,
            0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
            0x02, 0x02, 0x44, 0x01, 0x00, 0x3b};
    respond(fd, "200 OK", "image/gif",
            std::string_view(reinterpret_cast<const char *>(Gif), sizeof Gif));
}

void serve(int fd)
{
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const std::string target = readTarget(fd);
    const Clock::time_point start = Clock::now();
    const auto startsWith = [&target](std::string_view prefix) {
        return target.compare(0, prefix.size(), prefix) == 0;
    };
    if (startsWith("/stream/"))
        serveStream(fd, target, start);
    else if (target == "/page" || startsWith("/page?"))
        respond(fd, "200 OK", "text/html; charset=utf-8", Page);
    else if (target == "/result" || startsWith("/result?"))
        serveResult(fd, target);
    else if (target == "/hold")
        serveHold(fd);
    else if (!target.empty())
        respond(fd, "404 Not Found", "text/plain", "not found\n");
    ::close(fd);
}

int listenOn(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
            || ::listen(fd, 128) != 0) {
        std::perror("bench_firehose: listen");
        std::exit(1);
    }
    return fd;
}

int boundPort(int fd)
{
    sockaddr_in address{};
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    return ntohs(address.sin_port);
}

/// Ends the process once standard input ends: the runner that started it is gone or done.
void exitOnStdinEnd()
{
    char buffer[256];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n == 0 || (n < 0 && errno != EINTR))
            std::_Exit(0);
    }
}

} // namespace

int main(int argc, char **argv)
{
    int port = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument == "--port" && i + 1 < argc)
            port = std::atoi(argv[++i]);
        else if (g_workdir.empty() && !argument.empty() && argument[0] != '-')
            g_workdir = argv[i];
        else {
            std::fprintf(stderr, "usage: bench_firehose WORKDIR [--port N]\n");
            return 2;
        }
    }
    if (g_workdir.empty()) {
        std::fprintf(stderr, "usage: bench_firehose WORKDIR [--port N]\n");
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN);
    const int listener = listenOn(port);
    printLine(R"({"port": )" + std::to_string(boundPort(listener)) + "}");
    std::thread(exitOnStdinEnd).detach();
    for (;;) {
        const int fd = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED || errno == EMFILE)
                continue;
            std::perror("bench_firehose: accept");
            return 1;
        }
        std::thread(serve, fd).detach();
    }
}
