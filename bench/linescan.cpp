// SPDX-License-Identifier: MIT
// bench_linescan: the parser's limit, reading a file in chunks and finding every CR and LF.
//
//   bench_linescan [--chunk N] FILE   prints {"lines": N, "bytes": M}
//
// Plain C++17 and POSIX, no Qt: read(2) 64 KiB at a time into one buffer (or N bytes when N is
// larger) and memchr for each line end, in pieces of N bytes (default: as read). That is the I/O
// of `ssedash-cli parse --chunk-size N`, so the two compare per byte, not per system call. A CR LF
// pair counts as one line end, also when a piece boundary splits it, so "lines" is what a
// spec-exact parser sees. No parser can do less than this per byte.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr size_t ReadSize = 64 * 1024;

struct Counts
{
    unsigned long long lines = 0;
    unsigned long long bytes = 0;
    bool pendingCr = false; // the last chunk ended in CR: an LF first in the next one pairs with it
};

/// The first CR or LF in [p, end), or end: two memchr scans, each bounded by the other's hit.
const char *nextLineEnd(const char *p, const char *end)
{
    const auto *lf = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
    const char *limit = lf ? lf : end;
    const auto *cr = static_cast<const char *>(std::memchr(p, '\r', size_t(limit - p)));
    return cr ? cr : limit;
}

void scan(const char *p, const char *end, Counts &counts)
{
    if (counts.pendingCr && p < end && *p == '\n')
        ++p;
    counts.pendingCr = false;
    while (p < end) {
        const char *hit = nextLineEnd(p, end);
        if (hit == end)
            return;
        ++counts.lines;
        p = hit + 1;
        if (*hit == '\r') {
            if (p == end)
                counts.pendingCr = true;
            else if (*p == '\n')
                ++p;
        }
    }
}

int usage()
{
    std::fputs("usage: bench_linescan [--chunk N] FILE\n", stderr);
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    size_t chunk = 0;
    const char *path = nullptr;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--chunk" && i + 1 < argc) {
            chunk = std::strtoull(argv[++i], nullptr, 10);
            if (chunk == 0)
                return usage();
        } else if (!path && arg.rfind("--", 0) != 0) {
            path = argv[i];
        } else {
            return usage();
        }
    }
    if (!path)
        return usage();

    const int fd = ::open(path, O_RDONLY);
    if (fd < 0) {
        std::fprintf(stderr, "bench_linescan: %s: %s\n", path, std::strerror(errno));
        return 1;
    }
    std::vector<char> buffer(std::max(chunk, ReadSize));
    Counts counts;
    for (;;) {
        const ssize_t got = ::read(fd, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            std::fprintf(stderr, "bench_linescan: %s: %s\n", path, std::strerror(errno));
            ::close(fd);
            return 1;
        }
        if (got == 0)
            break;
        counts.bytes += size_t(got);
        const size_t size = size_t(got);
        const size_t step = chunk ? chunk : size;
        for (size_t at = 0; at < size; at += step)
            scan(buffer.data() + at, buffer.data() + std::min(at + step, size), counts);
    }
    ::close(fd);
    std::printf("{\"lines\": %llu, \"bytes\": %llu}\n", counts.lines, counts.bytes);
    return 0;
}
