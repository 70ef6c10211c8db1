// SPDX-License-Identifier: MIT
// Sse::Finding: one observation about a connection, for diagnostics.
#pragma once

#include <QString>

namespace Sse {

/// One observation about a connection, with what it means and what to do about it.
struct Finding
{
    enum class Severity {
        Info, ///< worth knowing, harmless on its own
        Warning, ///< likely to delay or drop events behind some proxies or clients
        Problem ///< breaks or will soon break the stream
    };

    Severity severity = Severity::Info;
    QString code; ///< stable id, for example "content-encoding"; never translated
    QString message; ///< one translated sentence: what was seen and why it matters
    QString advice; ///< translated: what to change

    friend bool operator==(const Finding &a, const Finding &b)
    {
        return a.severity == b.severity && a.code == b.code && a.message == b.message
                && a.advice == b.advice;
    }

    friend bool operator!=(const Finding &a, const Finding &b) { return !(a == b); }
};

} // namespace Sse
