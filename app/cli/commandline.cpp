// SPDX-License-Identifier: MIT
// CommandLine: reads ssedash-cli's arguments into what the user asked for.
#include "commandline.h"

#include "sselib/httpurl.h"

#include <QCommandLineParser>

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

Invocation CommandLine::parse(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command.isEmpty())
        return usageError({}, tr("no command given"));
    if (command == u"--help"_s || command == u"-h"_s || command == u"help"_s) {
        Invocation invocation;
        invocation.action = Invocation::Action::Help;
        invocation.text = helpText();
        return invocation;
    }
    if (command == u"--version"_s || command == u"-v"_s) {
        Invocation invocation;
        invocation.action = Invocation::Action::Version;
        invocation.text = versionText();
        return invocation;
    }
    // The per-command parser sees "ssedash-cli parse" as the program.
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.value(0));
    if (command == u"parse"_s)
        return ParseOptions::fromArguments(rest);
    if (command == u"monitor"_s)
        return MonitorOptions::fromArguments(rest);
    if (command == u"publish"_s)
        return PublishOptions::fromArguments(rest);
    if (command == u"export"_s)
        return ExportOptions::fromArguments(rest);
    if (command.startsWith(u'-'))
        return usageError({}, tr("unknown option '%1'; a command comes first").arg(command));
    return usageError({}, tr("unknown command '%1'").arg(command));
}

QString CommandLine::helpText()
{
    return tr("Usage: %1 COMMAND [options] ...\n"
              "Reads Server-Sent Events and prints them as JSON lines; publishes test streams.\n"
              "\n"
              "Commands:\n"
              "  parse [FILE]   Parse a text/event-stream body from FILE or standard input.\n"
              "  monitor URL    Connect to URL like a browser's EventSource and print what\n"
              "                 happens, one JSON object a line.\n"
              "  publish        Serve a test feed of events on 127.0.0.1 until stopped.\n"
              "  export IN OUT  Convert an event log that 'monitor --output' recorded to\n"
              "                 NDJSON, JSON, CSV or text/event-stream.\n"
              "\n"
              "Options:\n"
              "  -h, --help     Show this help; '%1 COMMAND --help' shows a command's.\n"
              "  -v, --version  Show the version.\n"
              "\n"
              "Exit status: 0 on success, 1 on I/O or fatal stream errors, 2 on usage errors.\n")
            .arg(ProgramName);
}

QString CommandLine::versionText()
{
    return u"%1 %2\n"_s.arg(ProgramName, QStringLiteral(SSEDASH_VERSION));
}

QString CommandLine::helpHint(const QString &command)
{
    const QString program =
            command.isEmpty() ? ProgramName.toString() : ProgramName.toString() + u' ' + command;
    return tr("Try '%1 --help' for more information.").arg(program);
}

Invocation CommandLine::usageError(const QString &command, const QString &message)
{
    Invocation invocation;
    invocation.action = Invocation::Action::Error;
    invocation.command = command;
    invocation.text = message;
    return invocation;
}

QCommandLineOption CommandLine::helpOption()
{
    return QCommandLineOption({u"h"_s, u"help"_s}, tr("Show this help."));
}

std::optional<Invocation> CommandLine::parseCommon(QCommandLineParser &parser,
        const QStringList &arguments, const QString &command, const QString &usage)
{
    if (!parser.parse(arguments))
        return usageError(command, parser.errorText());
    if (parser.isSet(u"help"_s)) {
        Invocation invocation;
        invocation.action = Invocation::Action::Help;
        invocation.text = commandHelp(parser, usage);
        return invocation;
    }
    return std::nullopt;
}

// Only plain decimal digits: no sign, no spaces, no hex.
std::optional<quint64> CommandLine::parseUnsigned(const QString &text, quint64 max)
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

bool CommandLine::isHttpUrl(const QUrl &url)
{
    return Sse::checkHttpUrl(url) == Sse::UrlCheck::Ok;
}
