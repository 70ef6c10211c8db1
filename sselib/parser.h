// SPDX-License-Identifier: MIT
// Sse::Parser: the incremental text/event-stream parser of the WHATWG HTML standard.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QMetaType>
#include <QString>

#include <string>

namespace Sse {

/// An event as the parser dispatches it. The views point into the parser's buffers and are
/// valid only during the ParserHandler::event() call; copy what you keep.
struct ParsedEvent
{
    QByteArrayView type; ///< "message" unless an event field named it
    QByteArrayView data;
    QByteArrayView lastEventId;
    /// The lines since the previous blank line, this one's included, each with its line end
    /// as sent (LF, CR LF or CR; the LF of a CR LF that a chunk boundary splits after the blank
    /// line comes after the event is dispatched, and is not in it); empty unless
    /// Parser::setKeepRaw(true), and empty when they came to RawLimit bytes or more.
    QByteArrayView raw = {};
    /// The event's own lines set lastEventId with an id field; else it is carried over from
    /// an earlier event (or the source's initial one).
    bool hasIdField = false;
};

/// Something of the stream that was dropped rather than dispatched: a line or an event over a
/// limit (the parser recovers by itself and goes on with the next line), or an event that the
/// stream ended inside of.
struct ParseError
{
    enum class Kind {
        LineTooLong, ///< a line longer than maxLineSize(): the line was dropped
        EventTooLarge, ///< data beyond maxEventSize(): the whole event was dropped
        /// The stream ended before the blank line that would have dispatched an event with
        /// data: the event was discarded, as the standard says. Reported by EventSource (see
        /// Parser::hasUnfinishedEvent()), never by the parser itself.
        UnfinishedEvent
    };
    Kind kind = Kind::LineTooLong;
    qsizetype limit = 0;

    [[nodiscard]] QString message() const; ///< translated, for people

    friend bool operator==(const ParseError &a, const ParseError &b)
    {
        return a.kind == b.kind && a.limit == b.limit;
    }

    friend bool operator!=(const ParseError &a, const ParseError &b) { return !(a == b); }
};

/// Receives what the parser finds. Every view is valid only during the call.
class ParserHandler
{
public:
    virtual ~ParserHandler() = default;
    virtual void event(const ParsedEvent &event) = 0;

    /// A comment line (":text"); one leading space is dropped, as for field values.
    virtual void comment(QByteArrayView text) { Q_UNUSED(text) }

    /// A retry field of ASCII digits only. `milliseconds` saturates at the largest quint64;
    /// `digits` is the exact decimal value without leading zeros ("0" for zero).
    virtual void retry(quint64 milliseconds, QByteArrayView digits)
    {
        Q_UNUSED(milliseconds)
        Q_UNUSED(digits)
    }

    /// A blank line made the last event ID buffer the source's "last event ID string" after an
    /// id field (without NUL) had set it: called at dispatch time, even when no event fires
    /// because the data buffer is empty, as the standard's dispatch step 1 says.
    virtual void lastEventIdChanged(QByteArrayView id) { Q_UNUSED(id) }

    virtual void error(const ParseError &error) { Q_UNUSED(error) }
};

/// Turns text/event-stream bytes, fed in chunks of any size, into events exactly as the WHATWG
/// "Server-sent events" parsing algorithm says: the same output for every way of chunking.
/// A plain class: no I/O, no timers, no allocation per byte.
class Parser
{
public:
    static constexpr qsizetype DefaultMaxLineSize = 16 * 1024 * 1024;
    static constexpr qsizetype DefaultMaxEventSize = 16 * 1024 * 1024;
    static constexpr qsizetype RawLimit = 1024 * 1024;

    explicit Parser(ParserHandler *handler = nullptr);

    void setHandler(ParserHandler *handler) { m_handler = handler; }

    [[nodiscard]] ParserHandler *handler() const { return m_handler; }

    /// Parses the next bytes of the stream; calls the handler for each line's effect.
    void feed(QByteArrayView bytes);

    /// Starts a new stream (a reconnect): drops any partial line and the event being built,
    /// expects a BOM again. The last event ID survives as it stood at the last dispatch, as in
    /// browsers: an id field of an event that was never dispatched is forgotten.
    void reset();

    /// The stream ended: a partial line and an undispatched event are discarded, as the
    /// standard says. Returns true when something was discarded. Then reset()s.
    bool finish();

    /// Were the stream to end now, finish() would discard an event that has data: data lines
    /// with no blank line after them yet, or a data line cut short. (A cut comment or other
    /// field, or an event with no data, would never be dispatched anyway; an event being
    /// dropped as too large has been reported already.)
    [[nodiscard]] bool hasUnfinishedEvent() const;

    [[nodiscard]] QByteArray lastEventId() const
    {
        return lastEventIdBuffer().view().toByteArray();
    }

    void setLastEventId(QByteArrayView id)
    {
        m_ids[0].assign(id);
        m_ids[1].assign(id);
    }

    /// Keep the wire lines of each event for ParsedEvent::raw (off: no cost on the hot path).
    void setKeepRaw(bool keep) { m_keepRaw = keep; }

    [[nodiscard]] bool keepsRaw() const { return m_keepRaw; }

    [[nodiscard]] qsizetype maxLineSize() const { return m_maxLineSize; }

    void setMaxLineSize(qsizetype bytes) { m_maxLineSize = bytes; }

    [[nodiscard]] qsizetype maxEventSize() const { return m_maxEventSize; }

    void setMaxEventSize(qsizetype bytes) { m_maxEventSize = bytes; }

private:
    /// A field value the parser keeps (event type, last event ID). A value that lies whole in
    /// the chunk being parsed is only pointed at, and copied by keep() before the chunk goes
    /// back to the caller: an event whose lines come in one chunk costs no copy of its fields.
    class ChunkText
    {
    public:
        [[nodiscard]] QByteArrayView view() const noexcept
        {
            return m_inChunk ? m_chunk : QByteArrayView(m_owned.data(), qsizetype(m_owned.size()));
        }

        /// The value is `bytes` of the current chunk, valid until keep().
        void point(QByteArrayView bytes) noexcept
        {
            m_chunk = bytes;
            m_inChunk = true;
        }

        /// The value's own bytes, emptied, to be filled.
        [[nodiscard]] std::string &own() noexcept
        {
            clear();
            return m_owned;
        }

        void assign(QByteArrayView bytes) { own().assign(bytes.data(), size_t(bytes.size())); }

        void keep()
        {
            if (m_inChunk)
                assign(m_chunk);
        }

        void clear() noexcept
        {
            m_inChunk = false;
            m_owned.clear();
        }

    private:
        std::string m_owned;
        QByteArrayView m_chunk;
        bool m_inChunk = false;
    };

    [[nodiscard]] const ChunkText &lastEventIdBuffer() const { return m_ids[m_idNow]; }

    void feedBody(const char *begin, const char *end);
    void splitLines(const char *begin, const char *end);
    template <class Blocks>
    void splitLinesWith(const char *begin, const char *end);
    void splitLinesAvx2(const char *begin, const char *end);
    bool nextLine(const char *eol, const char *end, const char *&p);
    void endJoinedLine(const char *begin, const char *eol, QByteArrayView lineEnd, bool ascii);
    void keepPartialLine(const char *begin, const char *end, bool ascii);
    void consumeBom(const char *&begin, const char *end);
    void processLine(const char *begin, const char *end, QByteArrayView lineEnd);
    void appendRaw(QByteArrayView line, QByteArrayView lineEnd);
    void processComment(const char *text, const char *end);
    void setIdField(QByteArrayView id);
    void setField(ChunkText &field, QByteArrayView bytes);
    void appendData(QByteArrayView bytes);
    void copyPendingData();
    void dropEventData();
    void processRetry(const char *value, const char *end);
    void dispatch();
    void reportError(ParseError::Kind kind, qsizetype limit);

    ParserHandler *m_handler = nullptr;
    // std::string, not QByteArray: plain appends into kept capacity, and never implicitly
    // shared, so that no event costs an allocation once the buffers have grown.
    std::string m_line; // a line split across chunks
    std::string m_data; // data buffer
    // The event's only data line so far, still in the caller's chunk (valid UTF-8): copied
    // into m_data only when a second one comes or the chunk ends, so most events never are.
    QByteArrayView m_pendingData;
    ChunkText m_type; // event type buffer
    // m_ids[m_idNow] is the last event ID buffer. While m_idFieldSeen the other one holds the
    // buffer as it was at the last dispatch, the "last event ID string" (else it is stale): the
    // first id field of an event flips m_idNow, so that keeping the old value costs no copy.
    ChunkText m_ids[2];
    int m_idNow = 0;
    std::string m_raw; // wire lines of the event being built, with setKeepRaw(true)
    bool m_rawOverflow = false; // the block's lines outgrew RawLimit: m_raw stays empty
    std::string m_scratch; // repaired UTF-8 of a comment
    qsizetype m_maxLineSize = DefaultMaxLineSize;
    qsizetype m_maxEventSize = DefaultMaxEventSize;
    int m_bomBytesSeen = 0; // stream-start BOM bytes matched so far; 3 = done
    bool m_bomChecked = false; // the start of the stream has been looked at
    bool m_skipLine = false; // dropping the rest of an over-long line
    bool m_skipEvent = false; // dropping an event that grew too large
    bool m_lastChunkEndedInCr = false; // a CR ended the last chunk: an LF next is its pair
    bool m_idFieldSeen = false; // an id field set the buffer since the last dispatch
    bool m_keepRaw = false;
    bool m_lineInChunk = false; // processLine() gets bytes of the caller's chunk, not m_line
    bool m_lineValid = false; // the line processLine() gets is well-formed UTF-8
    bool m_partialLineAscii = false; // m_line, while it is not empty, has no byte above 0x7F
};

} // namespace Sse

Q_DECLARE_METATYPE(Sse::ParseError)
