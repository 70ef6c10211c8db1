// SPDX-License-Identifier: MIT
// ParserLog: a ParserHandler that records every call as one line, for the parser fuzz targets.
#pragma once

#include "sselib/parser.h"

#include <QByteArray>
#include <QByteArrayList>

namespace Fuzz {

/// Records what the parser reports, in order, so that two runs can be compared.
class ParserLog : public Sse::ParserHandler
{
public:
    void event(const Sse::ParsedEvent &event) override
    {
        lines.append("event " + event.type.toByteArray() + '\0' + event.data.toByteArray() + '\0'
                + event.lastEventId.toByteArray() + (event.hasIdField ? " id" : ""));
    }

    void comment(QByteArrayView text) override { lines.append("comment " + text.toByteArray()); }

    void retry(quint64 milliseconds, QByteArrayView digits) override
    {
        lines.append("retry " + QByteArray::number(milliseconds) + ' ' + digits.toByteArray());
    }

    void lastEventIdChanged(QByteArrayView id) override
    {
        lines.append("lastEventIdChanged " + id.toByteArray());
    }

    void error(const Sse::ParseError &error) override
    {
        lines.append("error " + QByteArray::number(int(error.kind)) + ' '
                + QByteArray::number(error.limit));
    }

    QByteArrayList lines;
};

} // namespace Fuzz
