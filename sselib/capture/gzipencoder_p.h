// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::GzipEncoder: gzip compression as a buffering middleware does it.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

struct z_stream_s;

namespace Sse::CaptureDetail {

/// Compresses a body into one gzip member without flushing: zlib keeps what it has until its
/// buffers fill or the body ends, which is what the gzip fault rule shows a client.
class GzipEncoder final
{
    Q_DISABLE_COPY_MOVE(GzipEncoder)

public:
    GzipEncoder();
    ~GzipEncoder();

    /// The compressed bytes that `plain` makes come out now (often none).
    [[nodiscard]] QByteArray encode(QByteArrayView plain);
    /// The rest of the member, trailer included; nothing more may be encoded after it.
    [[nodiscard]] QByteArray finish();

private:
    QByteArray run(QByteArrayView plain, int flush);

    std::unique_ptr<z_stream_s> m_stream;
    bool m_ok = false;
};

} // namespace Sse::CaptureDetail
