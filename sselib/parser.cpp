// SPDX-License-Identifier: MIT
// The WHATWG event stream parser: one SIMD pass for line ends, fields on UTF-8 bytes.
#include "parser.h"

#include "linescan_p.h"
#include "simd_p.h"
#include "utf8.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>
#include <limits>

namespace Sse {

namespace {

constexpr char Bom[] = "\xEF\xBB\xBF";
constexpr QByteArrayView DefaultType = "message";
// Buffers that grew beyond this for one huge line or event are given back afterwards.
constexpr qsizetype KeepCapacity = 256 * 1024;

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

// The line end at `eol` as it was sent: CR LF, or a CR or LF alone. A CR that ends the chunk is
// taken alone; an LF that begins the next chunk is added to the raw lines then (splitLines()).
QByteArrayView lineEndAt(const char *eol, const char *chunkEnd) noexcept
{
    const bool crLf = *eol == '\r' && eol + 1 < chunkEnd && eol[1] == '\n';
    return QByteArrayView(eol, crLf ? 2 : 1);
}

// A line that is not blank and no comment, seen as "name[:[ ]value]".
struct FieldLine
{
    const char *begin;
    const char *end;

    // The field's name is `name`: the line's first colon, or its end, follows it.
    template <qsizetype Size>
    [[nodiscard]] bool isNamed(const char (&name)[Size]) const noexcept
    {
        constexpr qsizetype length = Size - 1;
        return end - begin >= length && std::memcmp(begin, name, length) == 0
                && (end - begin == length || begin[length] == ':');
    }

    // The value after a name of `nameLength` bytes: past the colon and one space.
    [[nodiscard]] QByteArrayView value(qsizetype nameLength) const noexcept
    {
        const char *p = begin + nameLength;
        if (p < end)
            ++p;
        if (p < end && *p == ' ')
            ++p;
        return QByteArrayView(p, end - p);
    }
};

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
    case Kind::UnfinishedEvent:
        return QCoreApplication::translate("Sse::Parser",
                "The stream ended inside an event: the blank line that ends it never came, so "
                "the event was discarded, as the standard says.");
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

void Parser::feedBody(const char *begin, const char *end)
{
    splitLines(begin, end);
    // The chunk's bytes are the caller's only until feed() returns.
    if (!m_pendingData.isEmpty())
        copyPendingData();
    m_type.keep();
    m_ids[0].keep();
    m_ids[1].keep();
}

void Parser::splitLines(const char *p, const char *end)
{
    if (m_lastChunkEndedInCr) {
        m_lastChunkEndedInCr = false;
        if (*p == '\n') {
            if (m_keepRaw && !m_raw.empty() && m_raw.back() == '\r')
                appendRaw({}, "\n"); // the line's CR came last in the previous chunk
            if (++p == end)
                return;
        }
    }
#if SSEDASH_AVX2_DISPATCH
    if (Detail::cpuHasAvx2()) {
        splitLinesAvx2(p, end);
        return;
    }
#endif
    splitLinesWith<Detail::Sse2Blocks>(p, end);
}

template <class Blocks>
Q_ALWAYS_INLINE void Parser::splitLinesWith(const char *p, const char *end)
{
    Detail::LineEndScanner<Blocks> scanner(p, end);
    // Only the chunk's first line can have begun in an earlier chunk; the loop below takes the
    // lines that lie whole in this one, the hot path.
    const char *firstHigh = nullptr;
    if (!m_line.empty() || m_skipLine) {
        const char *eol = scanner.find(p, firstHigh);
        if (!eol) {
            keepPartialLine(p, end, !firstHigh);
            return;
        }
        endJoinedLine(p, eol, lineEndAt(eol, end), !firstHigh);
        if (!nextLine(eol, end, p))
            return;
    }
    m_lineInChunk = true;
    while (p < end) {
        const char *eol = scanner.find(p, firstHigh);
        if (!eol) {
            m_lineInChunk = false;
            keepPartialLine(p, end, !firstHigh);
            return;
        }
        if (eol - p > m_maxLineSize) {
            reportError(ParseError::Kind::LineTooLong, m_maxLineSize);
            dropEventData();
        } else {
            // The bytes before the first one that is not ASCII need no validation.
            m_lineValid = !firstHigh || Blocks::isValidUtf8(firstHigh, eol, end);
            processLine(p, eol, lineEndAt(eol, end));
        }
        if (!nextLine(eol, end, p))
            break;
    }
    m_lineInChunk = false;
}

#if SSEDASH_AVX2_DISPATCH
// The same loop compiled for AVX2, so that the scanner's 32-byte compares and the UTF-8
// validation inline into it.
SSEDASH_TARGET_AVX2 void Parser::splitLinesAvx2(const char *p, const char *end)
{
    splitLinesWith<Detail::Avx2Blocks>(p, end);
}
#endif

// Moves `p` past the line end at `eol`: false when the chunk ends with it. A CR that ends the
// chunk is remembered, as an LF first in the next chunk belongs to it.
bool Parser::nextLine(const char *eol, const char *end, const char *&p)
{
    p = eol + 1;
    if (*eol == '\r') {
        if (p == end) {
            m_lastChunkEndedInCr = true;
            return false;
        }
        if (*p == '\n')
            ++p;
    }
    return p < end;
}

// The line goes on in the next chunk: its bytes so far wait in m_line. The scan that found no
// line end in [p, end) said whether those bytes are `ascii`.
void Parser::keepPartialLine(const char *p, const char *end, bool ascii)
{
    if (m_skipLine)
        return;
    const qsizetype rest = end - p;
    if (qsizetype(m_line.size()) + rest > m_maxLineSize) {
        reportError(ParseError::Kind::LineTooLong, m_maxLineSize);
        m_skipLine = true;
        release(m_line);
        return;
    }
    m_partialLineAscii = (m_line.empty() || m_partialLineAscii) && ascii;
    m_line.append(p, size_t(rest));
}

// [p, eol) ends a line that began in an earlier chunk: its start is in m_line, or it is being
// dropped as too long. The scan said whether [p, eol) is `ascii`.
void Parser::endJoinedLine(const char *p, const char *eol, QByteArrayView lineEnd, bool ascii)
{
    if (m_skipLine) {
        m_skipLine = false;
        dropEventData();
        return;
    }
    if (qsizetype(m_line.size()) + (eol - p) > m_maxLineSize) {
        reportError(ParseError::Kind::LineTooLong, m_maxLineSize);
        dropEventData();
    } else {
        m_line.append(p, size_t(eol - p));
        m_lineValid = (ascii && m_partialLineAscii) || Utf8::isValid(view(m_line));
        processLine(m_line.data(), m_line.data() + m_line.size(), lineEnd);
    }
    clearKeepingSmallBuffer(m_line);
}

// Inlined into the scan loops: most lines come through here. `lineEnd` is the line's end as
// sent, for the raw lines.
Q_ALWAYS_INLINE void Parser::processLine(const char *begin, const char *end, QByteArrayView lineEnd)
{
    if (m_keepRaw)
        appendRaw(QByteArrayView(begin, end - begin), lineEnd);
    if (begin == end) {
        dispatch();
        m_raw.clear();
        m_rawOverflow = false;
        return;
    }
    // Only four field names mean something, so the colon is not searched for: a line holds
    // one of them when the name is followed by the line's end or by its first colon.
    const FieldLine line{begin, end};
    switch (*begin) {
    case ':':
        processComment(begin + 1, end);
        return;
    case 'd':
        if (line.isNamed("data"))
            appendData(line.value(4));
        return;
    case 'i':
        if (line.isNamed("id")) {
            const QByteArrayView id = line.value(2);
            if (std::find(id.begin(), id.end(), '\0') == id.end())
                setIdField(id);
        }
        return;
    case 'e':
        if (line.isNamed("event"))
            setField(m_type, line.value(5));
        return;
    case 'r':
        if (line.isNamed("retry")) {
            const QByteArrayView digits = line.value(5);
            processRetry(digits.data(), digits.data() + digits.size());
        }
        return;
    default:
        return; // unknown fields are ignored
    }
}

// Bounded: a stream of comments without blank lines never dispatches. All or nothing: a block
// that outgrows the limit keeps no lines, so that no view shows some of them as all.
void Parser::appendRaw(QByteArrayView line, QByteArrayView lineEnd)
{
    if (m_rawOverflow)
        return;
    if (qsizetype(m_raw.size()) + line.size() + lineEnd.size() < RawLimit) {
        m_raw.append(line.data(), size_t(line.size()));
        m_raw.append(lineEnd.data(), size_t(lineEnd.size()));
    } else {
        m_raw.clear();
        m_rawOverflow = true;
    }
}

// The last event ID buffer changes; the first time since the last dispatch, the buffer that held
// the ID dispatched last is set aside as it is.
void Parser::setIdField(QByteArrayView id)
{
    if (!m_idFieldSeen) {
        m_idNow ^= 1;
        m_idFieldSeen = true;
    }
    setField(m_ids[m_idNow], id);
}

// The field's value becomes the line's `bytes`, repaired as UTF-8; valid ones of the caller's
// chunk are pointed at, not copied.
void Parser::setField(ChunkText &field, QByteArrayView bytes)
{
    if (m_lineValid && m_lineInChunk)
        field.point(bytes);
    else if (m_lineValid)
        field.assign(bytes);
    else
        Utf8::appendRepaired(field.own(), bytes);
}

void Parser::processComment(const char *text, const char *end)
{
    if (text < end && *text == ' ')
        ++text;
    if (!m_handler)
        return;
    const QByteArrayView raw(text, end - text);
    if (m_lineValid) {
        m_handler->comment(raw);
    } else {
        m_scratch.clear();
        Utf8::appendRepaired(m_scratch, raw);
        m_handler->comment(view(m_scratch));
    }
}

Q_ALWAYS_INLINE void Parser::appendData(QByteArrayView bytes)
{
    if (m_skipEvent)
        return;
    if (m_lineInChunk && m_data.empty() && m_pendingData.isEmpty() && !bytes.isEmpty()
            && bytes.size() < m_maxEventSize && m_lineValid) {
        m_pendingData = bytes;
        return;
    }
    if (!m_pendingData.isEmpty())
        copyPendingData();
    if (m_lineValid)
        m_data.append(bytes.data(), size_t(bytes.size()));
    else
        Utf8::appendRepaired(m_data, bytes);
    m_data.push_back('\n');
    if (qsizetype(m_data.size()) > m_maxEventSize) {
        reportError(ParseError::Kind::EventTooLarge, m_maxEventSize);
        dropEventData();
    }
}

// Within the limit: appendData() kept the line only when it and its LF fit.
void Parser::copyPendingData()
{
    m_data.append(m_pendingData.data(), size_t(m_pendingData.size()));
    m_data.push_back('\n');
    m_pendingData = {};
}

void Parser::dropEventData()
{
    m_skipEvent = true;
    m_pendingData = {};
    release(m_data);
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
        m_idFieldSeen = false; // the buffer is now the dispatched ID, the other slot stale
        if (m_handler)
            m_handler->lastEventIdChanged(lastEventIdBuffer().view());
    }
    if (m_skipEvent) {
        m_skipEvent = false;
        m_type.clear();
        return;
    }
    if (m_data.empty() && m_pendingData.isEmpty()) {
        m_type.clear();
        return;
    }
    if (m_handler) {
        const QByteArrayView type = m_type.view().isEmpty() ? DefaultType : m_type.view();
        // The data buffer always ends with the LF its last line added: drop it.
        const QByteArrayView data =
                m_pendingData.isEmpty() ? view(m_data).chopped(1) : m_pendingData;
        m_handler->event({type, data, lastEventIdBuffer().view(), view(m_raw), hasIdField});
    }
    m_pendingData = {};
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
    const bool discarded = !m_line.empty() || !m_data.empty() || !m_pendingData.isEmpty()
            || m_skipLine || m_skipEvent || (!m_bomChecked && m_bomBytesSeen > 0);
    reset();
    return discarded;
}

bool Parser::hasUnfinishedEvent() const
{
    if (m_skipEvent)
        return false;
    if (!m_data.empty() || !m_pendingData.isEmpty())
        return true;
    return !m_skipLine && FieldLine{m_line.data(), m_line.data() + m_line.size()}.isNamed("data");
}

void Parser::reset()
{
    release(m_line);
    release(m_data);
    m_pendingData = {};
    release(m_raw);
    m_rawOverflow = false;
    m_type.clear();
    m_bomBytesSeen = 0;
    m_bomChecked = false;
    m_skipLine = false;
    m_skipEvent = false;
    m_lastChunkEndedInCr = false;
    if (m_idFieldSeen)
        m_idNow ^= 1;
    m_idFieldSeen = false;
}

} // namespace Sse
