// SPDX-License-Identifier: MIT
// Sse::CaptureRule: the fault rules' text form (read and written) and their request globs.
#include "capturerule.h"

#include "sselib/utf8.h"

#include <QCoreApplication>

#include <array>
#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Sse {

namespace {

using Action = CaptureRule::Action;

// What the value after "ACTION=" is.
enum class ValueKind {
    Millis, ///< delay, stall, retry
    Count, ///< cut, cut-mid: an event's number, from 1
    Status, ///< an HTTP status code
    EventType, ///< drop
    Data, ///< inject
    None ///< gzip
};

struct ActionName
{
    QLatin1StringView name;
    Action action;
    ValueKind kind;
};

constexpr std::array ActionNames{
        ActionName{"delay"_L1, Action::Delay, ValueKind::Millis},
        ActionName{"cut"_L1, Action::Cut, ValueKind::Count},
        ActionName{"cut-mid"_L1, Action::CutMidEvent, ValueKind::Count},
        ActionName{"stall"_L1, Action::Stall, ValueKind::Millis},
        ActionName{"drop"_L1, Action::Drop, ValueKind::EventType},
        ActionName{"inject"_L1, Action::Inject, ValueKind::Data},
        ActionName{"retry"_L1, Action::Retry, ValueKind::Millis},
        ActionName{"status"_L1, Action::Status, ValueKind::Status},
        ActionName{"gzip"_L1, Action::Gzip, ValueKind::None},
};

// A day: longer is a mistake, and it keeps every timer's interval within an int.
constexpr qint64 MaxMillis = 24 * 60 * 60 * 1000;
constexpr qint64 MaxCount = std::numeric_limits<int>::max();

const ActionName &nameOf(Action action)
{
    for (const ActionName &entry : ActionNames) {
        if (entry.action == action)
            return entry;
    }
    return ActionNames.front();
}

bool takesAfter(Action action)
{
    return action == Action::Stall || action == Action::Inject || action == Action::Retry;
}

bool isAsciiSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\v' || c == u'\f';
}

// Only ASCII blanks go: a value's other characters are all its own.
QStringView trimmed(QStringView text)
{
    while (!text.isEmpty() && isAsciiSpace(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isAsciiSpace(text.back()))
        text.chop(1);
    return text;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// ASCII digits only (no sign, no blanks) within [min, max].
std::optional<qint64> readNumber(QStringView text, qint64 min, qint64 max)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 number = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        number = number * 10 + (c.unicode() - u'0');
    }
    if (number < min || number > max)
        return std::nullopt;
    return number;
}

// Reads one rule, part by part, stopping at the first mistake.
class RuleReader
{
    Q_DECLARE_TR_FUNCTIONS(Sse::CaptureRule)

public:
    CaptureRuleResult read(QStringView text)
    {
        text = trimmed(text);
        if (text.isEmpty())
            return {false, {}, tr("The rule is empty.")};
        const QList<QStringView> parts = text.split(u',');
        bool ok = readAction(parts.front());
        for (qsizetype i = 1; ok && i < parts.size(); ++i)
            ok = readKey(parts.at(i));
        if (!ok)
            return {false, {}, m_error};
        return {true, m_rule, {}};
    }

private:
    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }

    static void split(QStringView part, QStringView &name, std::optional<QStringView> &value)
    {
        const qsizetype equals = part.indexOf(u'=');
        name = trimmed(equals < 0 ? part : part.first(equals));
        if (equals >= 0)
            value = trimmed(part.sliced(equals + 1));
    }

    bool readAction(QStringView part)
    {
        QStringView name;
        std::optional<QStringView> value;
        split(part, name, value);
        if (name.isEmpty())
            return fail(tr("The rule has no action before its first comma."));
        for (const ActionName &entry : ActionNames) {
            if (name == entry.name) {
                m_rule.action = entry.action;
                return readValue(entry, value);
            }
        }
        return fail(tr("Unknown action '%1': use delay, cut, cut-mid, stall, drop, inject, "
                       "retry, status or gzip.")
                            .arg(name));
    }

    bool readValue(const ActionName &entry, std::optional<QStringView> value)
    {
        const QString name = entry.name;
        const QStringView text = value.value_or(QStringView());
        switch (entry.kind) {
        case ValueKind::Millis:
            return readNumberValue(text, 0, MaxMillis,
                    value ? tr("%1 needs a number of milliseconds from 0 to %2: '%3'.")
                                    .arg(name, QString::number(MaxMillis), text.toString())
                          : tr("%1 needs a number of milliseconds, as in %1=500.").arg(name));
        case ValueKind::Count:
            return readNumberValue(text, 1, MaxCount,
                    value ? tr("%1 needs an event number from 1 to %2: '%3'.")
                                    .arg(name, QString::number(MaxCount), text.toString())
                          : tr("%1 needs an event number, as in %1=3.").arg(name));
        case ValueKind::Status:
            return readNumberValue(text, 200, 599,
                    value ? tr("status needs an HTTP status code from 200 to 599: '%1'.").arg(text)
                          : tr("status needs an HTTP status code, as in status=503."));
        case ValueKind::EventType:
            return readDropType(value);
        case ValueKind::Data:
            return readInjectData(value);
        case ValueKind::None:
            if (value)
                return fail(tr("%1 takes no value: '%2'.").arg(name, text));
            return true;
        }
        return true;
    }

    bool readNumberValue(QStringView text, qint64 min, qint64 max, const QString &error)
    {
        const std::optional<qint64> number = readNumber(text, min, max);
        if (!number)
            return fail(error);
        m_rule.value = *number;
        return true;
    }

    bool readDropType(std::optional<QStringView> value)
    {
        const std::optional<QByteArray> type = value ? decoded(*value) : std::nullopt;
        if (value && !type)
            return false;
        if (!type || type->isEmpty())
            return fail(tr("drop needs an event type, as in drop=ping (drop=message for unnamed "
                           "events)."));
        if (!isOneLine(*type))
            return fail(tr("An event type is one line: '%1'.").arg(*value));
        m_rule.text = *type;
        return true;
    }

    bool readInjectData(std::optional<QStringView> value)
    {
        if (!value)
            return fail(tr("inject needs the event's data, as in inject=hello (inject= for an "
                           "event with empty data)."));
        const std::optional<QByteArray> data = decoded(*value);
        if (!data)
            return false;
        m_rule.text = *data;
        return true;
    }

    bool readKey(QStringView part)
    {
        QStringView name;
        std::optional<QStringView> value;
        split(part, name, value);
        if (name.isEmpty() && !value)
            return fail(tr("The rule has an empty part between commas."));
        if (name != "after"_L1 && name != "type"_L1 && name != "match"_L1)
            return fail(tr("Unknown key '%1': use after, type or match.").arg(name));
        const QString key = name.toString();
        if (m_seenKeys.contains(key))
            return fail(tr("%1= is given twice.").arg(key));
        m_seenKeys.append(key);
        if (key == "after"_L1)
            return readAfter(value);
        if (key == "type"_L1)
            return readType(value);
        return readMatch(value);
    }

    bool readAfter(std::optional<QStringView> value)
    {
        if (!takesAfter(m_rule.action))
            return fail(tr("after= is for stall, inject and retry, not for %1.")
                                .arg(nameOf(m_rule.action).name));
        const std::optional<qint64> count =
                value ? readNumber(*value, 0, MaxCount) : std::optional<qint64>();
        if (!count)
            return fail(tr("after needs a number of events from 0 to %1: '%2'.")
                                .arg(QString::number(MaxCount), value.value_or(QStringView())));
        m_rule.after = int(*count);
        return true;
    }

    bool readType(std::optional<QStringView> value)
    {
        if (m_rule.action != Action::Inject)
            return fail(tr("type= is for inject, not for %1.").arg(nameOf(m_rule.action).name));
        if (!value)
            return fail(tr("type needs an event type, as in type=ping."));
        const std::optional<QByteArray> type = decoded(*value);
        if (!type)
            return false;
        if (!isOneLine(*type))
            return fail(tr("An event type is one line: '%1'.").arg(*value));
        m_rule.eventType = *type;
        return true;
    }

    bool readMatch(std::optional<QStringView> value)
    {
        if (!value)
            return fail(tr("match needs a request target, as in match=/api/*."));
        const std::optional<QByteArray> glob = decoded(*value);
        if (!glob)
            return false;
        if (!Utf8::isValid(*glob))
            return fail(tr("match is not UTF-8 text once percent-decoded: '%1'.").arg(*value));
        m_rule.match = QString::fromUtf8(*glob);
        return true;
    }

    // The value's UTF-8 with each %XX turned into its byte.
    std::optional<QByteArray> decoded(QStringView value)
    {
        const QByteArray utf8 = value.toUtf8();
        QByteArray bytes;
        bytes.reserve(utf8.size());
        for (qsizetype i = 0; i < utf8.size(); ++i) {
            if (utf8.at(i) != '%') {
                bytes.append(utf8.at(i));
                continue;
            }
            const int high = i + 1 < utf8.size() ? hexValue(utf8.at(i + 1)) : -1;
            const int low = i + 2 < utf8.size() ? hexValue(utf8.at(i + 2)) : -1;
            if (high < 0 || low < 0) {
                // One arg() call: the "%25" must not be read as a place marker.
                fail(tr("'%1' is not a percent-encoded byte: write %2 for a percent sign.")
                                .arg(QString::fromUtf8(utf8.mid(i, 3)), u"%25"_s));
                return std::nullopt;
            }
            bytes.append(char(high * 16 + low));
            i += 2;
        }
        return bytes;
    }

    static bool isOneLine(const QByteArray &text)
    {
        return !text.contains('\n') && !text.contains('\r');
    }

    CaptureRule m_rule;
    QString m_error;
    QStringList m_seenKeys;
};

// `bytes` as a value that reads back the same: the separators, '%', control bytes and blanks
// at either end are percent-encoded, and every non-ASCII byte too unless all are UTF-8.
QString encoded(const QByteArray &bytes)
{
    const bool utf8 = Utf8::isValid(bytes);
    QByteArray out;
    out.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        const bool edge = i == 0 || i == bytes.size() - 1;
        if (c < 0x20 || c == 0x7F || c == ',' || c == '%' || (c == ' ' && edge)
                || (c >= 0x80 && !utf8)) {
            out.append('%');
            out.append("0123456789ABCDEF"[c >> 4]);
            out.append("0123456789ABCDEF"[c & 0xF]);
        } else {
            out.append(char(c));
        }
    }
    return QString::fromUtf8(out);
}

// Whether `glob` matches all of `text`; `*` matches any run of bytes, empty included.
bool globMatches(QByteArrayView glob, QByteArrayView text)
{
    qsizetype g = 0;
    qsizetype t = 0;
    qsizetype star = -1; // the glob's last '*' seen
    qsizetype resume = 0; // where the text resumes when that '*' takes one more byte
    while (t < text.size()) {
        if (g < glob.size() && glob.at(g) == '*') {
            star = g++;
            resume = t;
        } else if (g < glob.size() && glob.at(g) == text.at(t)) {
            ++g;
            ++t;
        } else if (star >= 0) {
            g = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (g < glob.size() && glob.at(g) == '*')
        ++g;
    return g == glob.size();
}

} // namespace

bool CaptureRule::matches(QByteArrayView target) const
{
    if (match.isEmpty())
        return true;
    QByteArray glob = match.toUtf8();
    // A glob that does not start at the path's '/' may match anywhere in the target.
    if (glob.contains('*') && !glob.startsWith('/'))
        glob.prepend('*');
    if (globMatches(glob, target))
        return true;
    // The target as sent may percent-encode what the rule spells out ("/caf%C3%A9" for "/café").
    return target.contains('%')
            && globMatches(glob, QByteArray::fromPercentEncoding(target.toByteArray()));
}

bool CaptureRule::isEventRule() const
{
    return action != Action::Status && action != Action::Gzip;
}

QString CaptureRule::toString() const
{
    const ActionName &entry = nameOf(action);
    QString text = entry.name;
    switch (entry.kind) {
    case ValueKind::Millis:
    case ValueKind::Count:
    case ValueKind::Status:
        text += u'=' + QString::number(value);
        break;
    case ValueKind::EventType:
    case ValueKind::Data:
        text += u'=' + encoded(this->text);
        break;
    case ValueKind::None:
        break;
    }
    if (takesAfter(action) && after != 0)
        text += ",after="_L1 + QString::number(after);
    if (action == Action::Inject && !eventType.isEmpty())
        text += ",type="_L1 + encoded(eventType);
    if (!match.isEmpty())
        text += ",match="_L1 + encoded(match.toUtf8());
    return text;
}

CaptureRuleResult parseCaptureRule(QStringView text)
{
    return RuleReader().read(text);
}

} // namespace Sse
