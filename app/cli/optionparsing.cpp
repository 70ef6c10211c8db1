// SPDX-License-Identifier: MIT
// OptionParsing: what the readers of ssedash-cli's command options share.
#include "optionparsing.h"

#include "sselib/httpurl.h"

#include <QCommandLineParser>
#include <QUrl>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {

// QCommandLineParser's usage line knows no subcommands: put ours in its place.
QString commandHelp(const QCommandLineParser &parser, const QString &usage)
{
    const QString text = parser.helpText();
    const qsizetype endOfUsage = text.indexOf(u'\n');
    return usage + (endOfUsage < 0 ? QString() : text.mid(endOfUsage));
}

} // namespace

UsageMessage OptionParsing::usageError(const QString &command, const QString &message)
{
    return UsageMessage{UsageMessage::Kind::Error, message, command};
}

QCommandLineOption OptionParsing::helpOption()
{
    return QCommandLineOption({u"h"_s, u"help"_s}, tr("Show this help."));
}

std::optional<UsageMessage> OptionParsing::parseCommon(QCommandLineParser &parser,
        const QStringList &arguments, const QString &command, const QString &usage)
{
    if (!parser.parse(arguments))
        return usageError(command, parser.errorText());
    if (parser.isSet(u"help"_s))
        return UsageMessage{UsageMessage::Kind::Help, commandHelp(parser, usage), {}};
    return std::nullopt;
}

// Only plain decimal digits: no sign, no spaces, no hex.
std::optional<quint64> OptionParsing::parseUnsigned(const QString &text, quint64 max)
{
    if (text.isEmpty() || text.size() > 20)
        return std::nullopt;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    bool ok = false;
    const quint64 value = text.toULongLong(&ok);
    if (!ok || value > max)
        return std::nullopt;
    return value;
}

std::optional<std::chrono::milliseconds> OptionParsing::parseSeconds(
        const QString &text, double max)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > max)
        return std::nullopt;
    return std::chrono::milliseconds(qint64(std::ceil(seconds * 1000)));
}

bool OptionParsing::isHttpUrl(const QUrl &url)
{
    return Sse::checkHttpUrl(url) == Sse::UrlCheck::Ok;
}
