// SPDX-License-Identifier: MIT
// ExportOptions: the options of `ssedash-cli export`, read from its arguments.
#include "exportoptions.h"

#include <QCommandLineParser>

#include <optional>

using namespace Qt::Literals::StringLiterals;

OptionsOrUsage<ExportOptions> ExportOptions::fromArguments(const QStringList &arguments)
{
    const QString command = u"export"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Converts an NDJSON event log, as 'monitor --output' records it, to another\n"
               "format. A regular file OUTPUT is replaced only once it is completely written:\n"
               "when writing fails, an existing OUTPUT keeps its old content. OUTPUT '-' is\n"
               "standard output (NDJSON unless --format says otherwise); a FIFO or a device\n"
               "such as /dev/null is written directly, never replaced.\n"
               "\n"
               "Formats:\n"
               "  ndjson  the event log itself, lossless, records of unknown kinds included\n"
               "          (.ndjson, .jsonl)\n"
               "  json    a JSON array of the same objects (.json)\n"
               "  csv     receivedMs,receivedAt,connection,kind,type,lastEventId,data (.csv);\n"
               "          a ' goes before a text that starts with = + - @, TAB or CR, so\n"
               "          that spreadsheets do not take it for a formula\n"
               "  sse     the events as text/event-stream, which 'parse' reads back to the\n"
               "          same type, data and lastEventId (.sse, .txt)"));
    const QCommandLineOption helpOption = OptionParsing::helpOption();
    const QCommandLineOption formatOption(u"format"_s,
            tr("ndjson, json, csv or sse (default: from OUTPUT's suffix)."), tr("FORMAT"));
    parser.addOption(helpOption);
    parser.addOption(formatOption);
    parser.addPositionalArgument(u"INPUT"_s, tr("The NDJSON event log to read."));
    parser.addPositionalArgument(u"OUTPUT"_s, tr("The file to write; '-' for standard output."));

    const std::optional<UsageMessage> early = OptionParsing::parseCommon(parser, arguments, command,
            tr("Usage: %1 export [--format FORMAT] INPUT OUTPUT").arg(OptionParsing::ProgramName));
    if (early)
        return *early;

    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return OptionParsing::usageError(command, tr("export wants an INPUT and an OUTPUT file"));
    if (positional.size() > 2)
        return OptionParsing::usageError(
                command, tr("export takes two files, but got %1").arg(positional.size()));
    if (positional.at(0).isEmpty() || positional.at(1).isEmpty())
        return OptionParsing::usageError(
                command, tr("export wants file names, not empty arguments"));

    ExportOptions options;
    options.inputFile = positional.at(0);
    options.outputFile = positional.at(1);
    std::optional<Sse::LogFormat> format;
    if (parser.isSet(formatOption)) {
        const QString name = parser.value(formatOption);
        format = Sse::logFormatFromName(name);
        if (!format)
            return OptionParsing::usageError(
                    command, tr("--format wants ndjson, json, csv or sse, not '%1'").arg(name));
    } else if (options.writesToStdout()) {
        format = Sse::LogFormat::Ndjson;
    } else {
        format = Sse::logFormatFromFileName(options.outputFile);
        if (!format) {
            return OptionParsing::usageError(command,
                    tr("cannot tell the format from '%1': name it with --format, or end the "
                       "name in .ndjson, .jsonl, .json, .csv, .sse or .txt")
                            .arg(options.outputFile));
        }
    }
    options.format = *format;
    return options;
}
