// SPDX-License-Identifier: MIT
// Sse::ContentDecoder: incremental decoding of an HTTP Content-Encoding (gzip, deflate, br).
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

namespace Sse {

/// Decodes a response body sent with a Content-Encoding, piece by piece as it arrives, the way
/// browsers do whatever the request asked for. "gzip" and "x-gzip" (several members in a row
/// too), "deflate" (zlib-wrapped as the standard says, or raw as many servers send it) and
/// "br" decode; "identity" and no encoding pass the bytes through.
///
/// Memory stays bounded however well a body compresses: the output goes to a sink in pieces of
/// at most ChunkSize bytes, never as a whole.
class ContentDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(Sse::ContentDecoder)
    Q_DISABLE_COPY_MOVE(ContentDecoder)

public:
    static constexpr qsizetype ChunkSize = 16 * 1024;

    /// Receives the next piece of decoded bytes (valid during the call only); returns false to
    /// stop decoding.
    using Sink = std::function<bool(QByteArrayView)>;

    /// A Content-Encoding value as compared here: trimmed and lowercased, "" for identity.
    [[nodiscard]] static QByteArray normalized(QByteArrayView encoding);
    /// Whether the Content-Encoding value `encoding` can be decoded.
    [[nodiscard]] static bool canDecode(QByteArrayView encoding);
    /// An Accept-Encoding value that names every encoding that decodes.
    [[nodiscard]] static QByteArray acceptEncoding();

    /// A decoder for the Content-Encoding value `encoding`. Check isSupported() first: an
    /// unsupported one fails every decode().
    explicit ContentDecoder(QByteArrayView encoding = {});
    ~ContentDecoder();

    /// normalized() of the encoding given.
    [[nodiscard]] QByteArray encoding() const { return m_encoding; }

    [[nodiscard]] bool isSupported() const { return m_backend != nullptr; }

    [[nodiscard]] bool hasError() const { return !m_error.isEmpty(); }

    /// Translated, for example "The body could not be decoded as gzip (incorrect header
    /// check)."; empty while there is no error.
    [[nodiscard]] QString errorString() const { return m_error; }

    /// Decodes the next bytes of the body and hands what they give to `sink`. Returns false
    /// when the body cannot be decoded (hasError()) or when the sink asked to stop; the
    /// decoder is of no further use after an error.
    bool decode(QByteArrayView input, const Sink &sink);

    class Backend;

private:
    QByteArray m_encoding;
    std::unique_ptr<Backend> m_backend;
    QString m_error;
};

} // namespace Sse
