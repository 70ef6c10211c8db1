// SPDX-License-Identifier: MIT
// The WHATWG event stream parser: line splitting with memchr, fields on UTF-8 bytes.
#include "parser.h"

#include "utf8.h"

#include <QCoreApplication>

#include <cstring>
#include <limits>

namespace Sse {

namespace {

constexpr char Bom[] = "\xEF\xBB\xBF";
constexpr QByteArrayView DefaultType = "message";
// Buffers that grew beyond this for one huge line or event are given back afterwards.
constexpr qsizetype KeepCapacity = 256 * 1024;

const char *findByte(const char *p, const char *end, char byte) noexcept
{
    return static_cast<const char *>(std::memchr(p, byte, size_t(end - p)));
}

void clearKeepingSmallBuffer(std::string &buffer)
{
    if (buffer.capacity() > size_t(KeepCapacity))
        std::string().swap(buffer);
    else
        buffer.clear();
}

void release(std::string &buffer)
{
    std::string().swap(buffer);
}

QByteArrayView view(const std::string &buffer)
{
    return QByteArrayView(buffer.data(), qsizetype(buffer.size()));
}

bool isName(QByteArrayView name, const char (&expected)[5]) noexcept
{
    return std::memcmp(name.data(), expected, 4) == 0;
}

bool isAsciiDigits(const char *begin, const char *end) noexcept
{
    if (begin == end)
        return false;
    for (const char *p = begin; p < end; ++p) {
        if (*p < '0' || *p > '9')
            return false;
    }
    return true;
}

} // namespace

QString ParseError::message() const
{
    const QString size = QString::number(limit);
    switch (kind) {
    case Kind::LineTooLong:
        return QCoreApplication::translate("Sse::Parser",
                "A line longer than %1 bytes was dropped, and with it "
                "the event it belonged to.")
                .arg(size);
    case Kind::EventTooLarge:
        return QCoreApplication::translate(
                "Sse::Parser", "An event with more than %1 bytes of data was dropped.")
                .arg(size);
    }
    return {};
}

Parser::Parser(ParserHandler *handler)
    : m_handler(handler)
{ }

void Parser::feed(QByteArrayView bytes)
{
    const char *begin = bytes.data();
    const char *end = begin + bytes.size();
    if (!m_bomChecked)
        consumeBom(begin, end);
    if (begin < end)
        feedBody(begin, end);
}

// Strips one BOM at stream start, even when its bytes arrive in separate chunks.
void Parser::consumeBom(const char *&begin, const char *end)
{
    while (m_bomBytesSeen < 3 && begin < end) {
        if (*begin != Bom[m_bomBytesSeen]) {
            m_bomChecked = true;
            // The bytes held back were not a BOM after all: they are stream content.
            if (m_bomBytesSeen > 0)
                feedBody(Bom, Bom + m_bomBytesSeen);
            return;
        }
        ++m_bomBytesSeen;
        ++begin;
    }
    if (m_bomBytesSeen == 3)
        m_bomChecked = true;
}

void Parser::feedBody(const char *p, const char *end)
{
    if (m_lastChunkEndedInCr) {
        m_lastChunkEndedInCr = false;
        if (*p == '\n' && ++p == end)
            return;
    }

    // Next CR and LF are searched once and reused until passed, so a chunk of CR-only lines
    // (or LF-only ones) is scanned once, not once per line.
    const char *nextLf = findByte(p, end, '\n');
    const char *nextCr = findByte(p, end, '\r');
    while (p < end) {
        if (nextLf && nextLf < p)
            nextLf = findByte(p, end, '\n');
        if (nextCr && nextCr < p)
            nextCr = findByte(p, end, '\r');
        const char *eol = (nextCr && (!nextLf || nextCr < nextLf)) ? nextCr : nextLf;

        if (!eol) {
            const qsizetype rest = end - p;
            if (m_skipLine)
                return;
            if (qsizetype(m_line.size()) + rest > m_maxLineSize) {
                reportError(ParseError::Kind::LineTooLong, m_maxLineSize);
                m_skipLine = true;
                release(m_line);
                return;
            }
            m_line.append(p, size_t(rest));
            return;
        }

        if (m_skipLine) {
            m_skipLine = false;
            m_skipEvent = true;
            release(m_data);
        } else if (!m_line.empty()) {
            if (qsizetype(m_line.size()) + (eol - p) > m_maxLineSize) {
                reportError(ParseError::Kind::LineTooLong, m_maxLineSize);
                m_skipEvent = true;
                release(m_data);
            } else {
                m_line.append(p, size_t(eol - p));
                processLine(m_line.data(), m_line.data() + m_line.size());
            }
            clearKeepingSmallBuffer(m_line);
        } else if (eol - p > m_maxLineSize) {
            reportError(ParseError::Kind::LineTooLong, m_maxLineSize);
            m_skipEvent = true;
            release(m_data);
        } else {
            processLine(p, eol);
        }

        if (*eol == '\r') {
            if (eol + 1 == end) {
                m_lastChunkEndedInCr = true;
                return;
            }
            p = eol[1] == '\n' ? eol + 2 : eol + 1;
        } else {
            p = eol + 1;
        }
    }
}

void Parser::processLine(const char *begin, const char *end)
{
    // Bounded: a stream of comments without blank lines never dispatches. All or nothing: a
    // block that outgrows the limit keeps no lines, so that no view shows some of them as all.
    if (m_keepRaw && !m_rawOverflow) {
        if (qsizetype(m_raw.size()) + (end - begin) < RawLimit) {
            m_raw.append(begin, size_t(end - begin));
            m_raw.push_back('\n');
        } else {
            m_raw.clear();
            m_rawOverflow = true;
        }
    }
    if (begin == end) {
        dispatch();
        m_raw.clear();
        m_rawOverflow = false;
        return;
    }
    if (*begin == ':') {
        const char *text = begin + 1;
        if (text < end && *text == ' ')
            ++text;
        if (!m_handler)
            return;
        const QByteArrayView raw(text, end - text);
        if (Utf8::isValid(raw)) {
            m_handler->comment(raw);
        } else {
            m_scratch.clear();
            Utf8::appendRepaired(m_scratch, raw);
            m_handler->comment(view(m_scratch));
        }
        return;
    }
    const char *colon = findByte(begin, end, ':');
    const char *nameEnd = colon ? colon : end;
    const char *value = colon ? colon + 1 : end;
    if (value < end && *value == ' ')
        ++value;
    processField(QByteArrayView(begin, nameEnd - begin), value, end);
}

// Field names are compared by length first: four names, no general string compare.
void Parser::processField(QByteArrayView name, const char *value, const char *end)
{
    const QByteArrayView bytes(value, end - value);
    switch (name.size()) {
    case 2:
        if (name[0] == 'i' && name[1] == 'd' && !findByte(value, end, '\0')) {
            m_lastEventId.clear();
            Utf8::appendRepaired(m_lastEventId, bytes);
            m_idFieldSeen = true;
        }
        return;
    case 4:
        if (isName(name, "data"))
            appendData(bytes);
        return;
    case 5:
        if (std::memcmp(name.data(), "event", 5) == 0) {
            m_type.clear();
            Utf8::appendRepaired(m_type, bytes);
        } else if (std::memcmp(name.data(), "retry", 5) == 0) {
            processRetry(value, end);
        }
        return;
    default:
        return; // unknown fields are ignored
    }
}

void Parser::appendData(QByteArrayView bytes)
{
    if (m_skipEvent)
        return;
    Utf8::appendRepaired(m_data, bytes);
    m_data.push_back('\n');
    if (qsizetype(m_data.size()) > m_maxEventSize) {
        reportError(ParseError::Kind::EventTooLarge, m_maxEventSize);
        m_skipEvent = true;
        release(m_data);
    }
}

void Parser::processRetry(const char *value, const char *end)
{
    if (!isAsciiDigits(value, end))
        return;
    while (value + 1 < end && *value == '0')
        ++value;
    quint64 milliseconds = 0;
    constexpr quint64 Max = std::numeric_limits<quint64>::max();
    for (const char *p = value; p < end; ++p) {
        const quint64 digit = quint64(*p - '0');
        if (milliseconds > (Max - digit) / 10) {
            milliseconds = Max;
            break;
        }
        milliseconds = milliseconds * 10 + digit;
    }
    if (m_handler)
        m_handler->retry(milliseconds, QByteArrayView(value, end - value));
}

void Parser::dispatch()
{
    const bool hasIdField = m_idFieldSeen;
    if (m_idFieldSeen) {
        m_idFieldSeen = false;
        m_dispatchedId = m_lastEventId;
        if (m_handler)
            m_handler->lastEventIdChanged(view(m_lastEventId));
    }
    if (m_skipEvent) {
        m_skipEvent = false;
        m_type.clear();
        return;
    }
    if (m_data.empty()) {
        m_type.clear();
        return;
    }
    if (m_handler) {
        const QByteArrayView type = m_type.empty() ? DefaultType : view(m_type);
        // The data buffer always ends with the LF its last line added: drop it.
        m_handler->event(
                {type, view(m_data).chopped(1), view(m_lastEventId), view(m_raw), hasIdField});
    }
    clearKeepingSmallBuffer(m_data);
    m_type.clear();
}

void Parser::reportError(ParseError::Kind kind, qsizetype limit)
{
    if (m_handler)
        m_handler->error({kind, limit});
}

bool Parser::finish()
{
    const bool discarded = !m_line.empty() || !m_data.empty() || m_skipLine || m_skipEvent
            || (!m_bomChecked && m_bomBytesSeen > 0);
    reset();
    return discarded;
}

void Parser::reset()
{
    release(m_line);
    release(m_data);
    release(m_raw);
    m_rawOverflow = false;
    m_type.clear();
    m_bomBytesSeen = 0;
    m_bomChecked = false;
    m_skipLine = false;
    m_skipEvent = false;
    m_lastChunkEndedInCr = false;
    m_idFieldSeen = false;
    m_lastEventId = m_dispatchedId;
}

} // namespace Sse
