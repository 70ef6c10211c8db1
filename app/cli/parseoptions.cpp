// SPDX-License-Identifier: MIT
// ParseOptions: the options of `ssedash-cli parse`, read from its arguments.
#include "parseoptions.h"

#include <QCommandLineParser>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype MaxChunkSize = qsizetype(1) << 30;

} // namespace

OptionsOrUsage<ParseOptions> ParseOptions::fromArguments(const QStringList &arguments)
{
    const QString command = u"parse"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Parses a text/event-stream body and prints each event as a JSON line,\n"
               "{\"type\": T, \"data\": D, \"lastEventId\": I}, and {\"retry\": MS} for\n"
               "each valid retry field."));
    const QCommandLineOption helpOption = OptionParsing::helpOption();
    const QCommandLineOption chunkSizeOption(
            u"chunk-size"_s, tr("Feed the parser N bytes at a time (default: as read)."), tr("N"));
    const QCommandLineOption countOption(u"count"_s,
            tr("Print only {\"events\": N, \"dataBytes\": M} at the end of the stream."));
    parser.addOption(helpOption);
    parser.addOption(chunkSizeOption);
    parser.addOption(countOption);
    parser.addPositionalArgument(
            u"FILE"_s, tr("The stream body; standard input when absent or '-'."));

    const std::optional<UsageMessage> early = OptionParsing::parseCommon(parser, arguments, command,
            tr("Usage: %1 parse [options] [FILE]").arg(OptionParsing::ProgramName));
    if (early)
        return *early;

    ParseOptions options;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return OptionParsing::usageError(command, tr("more than one FILE given"));
    options.fileName = positional.value(0);
    if (parser.isSet(chunkSizeOption)) {
        const QString text = parser.value(chunkSizeOption);
        const std::optional<quint64> size =
                OptionParsing::parseUnsigned(text, quint64(MaxChunkSize));
        if (!size || *size == 0) {
            return OptionParsing::usageError(command,
                    tr("--chunk-size wants a number of bytes from 1 to %1, not '%2'")
                            .arg(MaxChunkSize)
                            .arg(text));
        }
        options.chunkSize = qsizetype(*size);
    }
    options.count = parser.isSet(countOption);
    return options;
}
