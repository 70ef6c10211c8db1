// SPDX-License-Identifier: MIT
// ParseCommand: `ssedash-cli parse`, a text/event-stream body to JSON lines.
#include "parsecommand.h"

#include "consoleoutput.h"
#include "exitcode.h"

#include "sselib/jsonlines.h"
#include "sselib/parser.h"

#include <QByteArray>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype ReadSize = 64 * 1024;

/// Writes each event as it is dispatched, straight from the parser's views.
class JsonLineHandler final : public Sse::ParserHandler
{
public:
    explicit JsonLineHandler(bool countOnly)
        : m_countOnly(countOnly)
    {
        m_line.reserve(1024);
    }

    void event(const Sse::ParsedEvent &event) override
    {
        ++m_events;
        m_dataBytes += event.data.size();
        if (m_countOnly)
            return;
        m_line.resize(0);
        m_line.append("{\"type\": ");
        Sse::JsonLines::appendString(m_line, event.type);
        m_line.append(", \"data\": ");
        Sse::JsonLines::appendString(m_line, event.data);
        m_line.append(", \"lastEventId\": ");
        Sse::JsonLines::appendString(m_line, event.lastEventId);
        m_line.append("}\n");
        writeStdout(m_line);
    }

    void retry(quint64 milliseconds, QByteArrayView digits) override
    {
        Q_UNUSED(milliseconds)
        if (m_countOnly)
            return;
        m_line.resize(0);
        m_line.append("{\"retry\": ");
        m_line.append(digits);
        m_line.append("}\n");
        writeStdout(m_line);
    }

    void error(const Sse::ParseError &error) override { printMessage(error.message()); }

    void writeTotals()
    {
        m_line.resize(0);
        m_line.append("{\"events\": ");
        Sse::JsonLines::appendNumber(m_line, m_events);
        m_line.append(", \"dataBytes\": ");
        Sse::JsonLines::appendNumber(m_line, m_dataBytes);
        m_line.append("}\n");
        writeStdout(m_line);
    }

private:
    QByteArray m_line;
    qint64 m_events = 0;
    qint64 m_dataBytes = 0;
    bool m_countOnly = false;
};

/// Cuts what is read into pieces of exactly `chunkSize` bytes (the last one may be shorter).
class Chunker
{
public:
    Chunker(Sse::Parser &parser, qsizetype chunkSize)
        : m_parser(parser)
        , m_chunkSize(chunkSize)
    { }

    void add(const char *bytes, qsizetype size)
    {
        if (m_chunkSize == 0) {
            m_parser.feed(QByteArrayView(bytes, size));
            return;
        }
        if (!m_carry.isEmpty()) {
            const qsizetype take = qMin(m_chunkSize - m_carry.size(), size);
            m_carry.append(bytes, take);
            bytes += take;
            size -= take;
            if (m_carry.size() < m_chunkSize)
                return;
            m_parser.feed(m_carry);
            m_carry.resize(0);
        }
        for (; size >= m_chunkSize; bytes += m_chunkSize, size -= m_chunkSize)
            m_parser.feed(QByteArrayView(bytes, m_chunkSize));
        m_carry.append(bytes, size);
    }

    void end()
    {
        if (!m_carry.isEmpty())
            m_parser.feed(m_carry);
        m_carry.clear();
    }

private:
    Sse::Parser &m_parser;
    QByteArray m_carry;
    qsizetype m_chunkSize = 0;
};

} // namespace

ParseCommand::ParseCommand(const ParseOptions &options)
    : m_options(options)
{ }

int ParseCommand::run()
{
    const bool fromStdin = m_options.fileName.isEmpty() || m_options.fileName == u"-"_s;
    const QString inputName = fromStdin ? tr("standard input") : m_options.fileName;
    QFile file;
    int fd = STDIN_FILENO;
    if (!fromStdin) {
        file.setFileName(m_options.fileName);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            printMessage(tr("cannot open %1: %2").arg(inputName, file.errorString()));
            return ExitFailure;
        }
        fd = file.handle();
    }

    JsonLineHandler handler(m_options.count);
    Sse::Parser parser(&handler);
    Chunker chunker(parser, m_options.chunkSize);
    // read(2) rather than QFile::read(), which waits for a full buffer on a pipe: events of
    // a live stream (curl -N ... | ssedash-cli parse) print as soon as they arrive.
    QByteArray buffer(ReadSize, Qt::Uninitialized);
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), size_t(buffer.size()));
        if (n == 0)
            break;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            printMessage(tr("cannot read %1: %2")
                                 .arg(inputName, QString::fromLocal8Bit(std::strerror(error))));
            return ExitFailure;
        }
        chunker.add(buffer.constData(), qsizetype(n));
    }
    chunker.end();
    // An unfinished event at the end of the stream is discarded, as the standard says.
    parser.finish();
    if (m_options.count)
        handler.writeTotals();
    return ExitSuccess;
}
