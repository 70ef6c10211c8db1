// SPDX-License-Identifier: MIT
// CommandLine: reads ssedash-cli's arguments into what the user asked for.
#include "commandline.h"

#include "ssedash/version.h"

using namespace Qt::Literals::StringLiterals;

namespace {

Invocation fromUsage(const UsageMessage &usage)
{
    Invocation invocation;
    invocation.action = usage.kind == UsageMessage::Kind::Help ? Invocation::Action::Help
                                                               : Invocation::Action::Error;
    invocation.text = usage.text;
    invocation.command = usage.command;
    return invocation;
}

// The invocation of `command` with what its reader gave: the options in `member`, or the
// help or error to print.
template <typename Options>
Invocation fromOptions(OptionsOrUsage<Options> &&result, Invocation::Action action,
        const QString &command, Options Invocation::*member)
{
    if (auto *usage = std::get_if<UsageMessage>(&result))
        return fromUsage(*usage);
    Invocation invocation;
    invocation.action = action;
    invocation.command = command;
    invocation.*member = std::get<Options>(std::move(result));
    return invocation;
}

} // namespace

Invocation CommandLine::parse(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command.isEmpty())
        return fromUsage(OptionParsing::usageError({}, tr("no command given")));
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
    using Action = Invocation::Action;
    if (command == u"parse"_s)
        return fromOptions(
                ParseOptions::fromArguments(rest), Action::Parse, command, &Invocation::parse);
    if (command == u"monitor"_s)
        return fromOptions(MonitorOptions::fromArguments(rest), Action::Monitor, command,
                &Invocation::monitor);
    if (command == u"publish"_s)
        return fromOptions(PublishOptions::fromArguments(rest), Action::Publish, command,
                &Invocation::publish);
    if (command == u"export"_s)
        return fromOptions(ExportOptions::fromArguments(rest), Action::Export, command,
                &Invocation::exportOptions);
    if (command == u"proxy"_s)
        return fromOptions(
                ProxyOptions::fromArguments(rest), Action::Proxy, command, &Invocation::proxy);
    if (command.startsWith(u'-')) {
        return fromUsage(OptionParsing::usageError(
                {}, tr("unknown option '%1'; a command comes first").arg(command)));
    }
    return fromUsage(OptionParsing::usageError({}, tr("unknown command '%1'").arg(command)));
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
              "  proxy          Forward a local port to an upstream server and print the\n"
              "                 event streams that pass, one JSON object a line.\n"
              "\n"
              "Options:\n"
              "  -h, --help     Show this help; '%1 COMMAND --help' shows a command's.\n"
              "  -v, --version  Show the version.\n"
              "\n"
              "Exit status: 0 on success, 1 on I/O or fatal stream errors, 2 on usage errors.\n")
            .arg(OptionParsing::ProgramName);
}

QString CommandLine::versionText()
{
    // The first line stays "ssedash-cli VERSION" for scripts (and help2man) that read it.
    const QString name =
            u"%1 %2\n"_s.arg(OptionParsing::ProgramName, QStringLiteral(SSEDASH_VERSION));
    const QString running = QString::fromLatin1(qVersion());
    const QString built = QStringLiteral(QT_VERSION_STR);
    if (running == built)
        return name + u"Qt %1\n"_s.arg(running);
    return name + tr("Qt %1 (built with Qt %2)\n").arg(running, built);
}

QString CommandLine::helpHint(const QString &command)
{
    const QString programName = OptionParsing::ProgramName.toString();
    const QString program = command.isEmpty() ? programName : programName + u' ' + command;
    return tr("Try '%1 --help' for more information.").arg(program);
}
