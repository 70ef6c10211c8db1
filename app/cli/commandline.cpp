// SPDX-License-Identifier: MIT
// CommandLine: reads ssedash-cli's arguments into what the user asked for.
#include "commandline.h"

#include <QCommandLineParser>

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr qsizetype MaxChunkSize = qsizetype(1) << 30;
constexpr quint64 MaxMilliseconds = std::numeric_limits<int>::max();
constexpr double MaxTimeoutSeconds = 1e9;

Invocation usageError(const QString &command, const QString &message)
{
    Invocation invocation;
    invocation.action = Invocation::Action::Error;
    invocation.command = command;
    invocation.text = message;
    return invocation;
}

// Only plain decimal digits: no sign, no spaces, no hex.
std::optional<quint64> parseUnsigned(const QString &text, quint64 max)
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

// An RFC 9110 token, as header names and methods must be.
bool isToken(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                || (u >= u'0' && u <= u'9') || QStringView(u"!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

bool isHttpUrl(const QUrl &url)
{
    const QString scheme = url.scheme();
    return url.isValid() && !url.isRelative() && (scheme == u"http"_s || scheme == u"https"_s)
            && !url.host().isEmpty();
}

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
        return parseParse(rest);
    if (command == u"monitor"_s)
        return parseMonitor(rest);
    if (command.startsWith(u'-'))
        return usageError({}, tr("unknown option '%1'; a command comes first").arg(command));
    return usageError({}, tr("unknown command '%1'").arg(command));
}

QString CommandLine::helpText()
{
    return tr("Usage: %1 COMMAND [options] ...\n"
              "Reads Server-Sent Events and prints them as JSON lines.\n"
              "\n"
              "Commands:\n"
              "  parse [FILE]   Parse a text/event-stream body from FILE or standard input.\n"
              "  monitor URL    Connect to URL like a browser's EventSource and print what\n"
              "                 happens, one JSON object a line.\n"
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

Invocation CommandLine::parseParse(const QStringList &arguments)
{
    const QString command = u"parse"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Parses a text/event-stream body and prints each event as a JSON line,\n"
               "{\"type\": T, \"data\": D, \"lastEventId\": I}, and {\"retry\": MS} for\n"
               "each valid retry field."));
    const QCommandLineOption helpOption({u"h"_s, u"help"_s}, tr("Show this help."));
    const QCommandLineOption chunkSizeOption(
            u"chunk-size"_s, tr("Feed the parser N bytes at a time (default: as read)."), tr("N"));
    const QCommandLineOption countOption(u"count"_s,
            tr("Print only {\"events\": N, \"dataBytes\": M} at the end of the stream."));
    parser.addOption(helpOption);
    parser.addOption(chunkSizeOption);
    parser.addOption(countOption);
    parser.addPositionalArgument(
            u"FILE"_s, tr("The stream body; standard input when absent or '-'."));

    if (!parser.parse(arguments))
        return usageError(command, parser.errorText());
    if (parser.isSet(helpOption)) {
        Invocation invocation;
        invocation.action = Invocation::Action::Help;
        invocation.text =
                commandHelp(parser, tr("Usage: %1 parse [options] [FILE]").arg(ProgramName));
        return invocation;
    }

    Invocation invocation;
    invocation.action = Invocation::Action::Parse;
    invocation.command = command;
    ParseOptions &options = invocation.parse;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return usageError(command, tr("more than one FILE given"));
    options.fileName = positional.value(0);
    if (parser.isSet(chunkSizeOption)) {
        const QString text = parser.value(chunkSizeOption);
        const std::optional<quint64> size = parseUnsigned(text, quint64(MaxChunkSize));
        if (!size || *size == 0) {
            return usageError(command,
                    tr("--chunk-size wants a number of bytes from 1 to %1, not '%2'")
                            .arg(MaxChunkSize)
                            .arg(text));
        }
        options.chunkSize = qsizetype(*size);
    }
    options.count = parser.isSet(countOption);
    return invocation;
}

Invocation CommandLine::parseMonitor(const QStringList &arguments)
{
    const QString command = u"monitor"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Connects to URL like a browser's EventSource, reconnecting as the standard\n"
               "says, and prints one JSON object a line for each state change, open, event,\n"
               "comment and error. SIGINT and SIGTERM stop it; SIGUSR1 reconnects at once."));
    const QCommandLineOption helpOption({u"h"_s, u"help"_s}, tr("Show this help."));
    const QCommandLineOption maxEventsOption(u"max-events"_s, tr("Exit after N events."), tr("N"));
    const QCommandLineOption timeoutOption(
            u"timeout"_s, tr("Exit after SECONDS (fractions allowed)."), tr("SECONDS"));
    const QCommandLineOption headerOption({u"H"_s, u"header"_s},
            tr("Send a request header; may be repeated."), tr("'Name: value'"));
    const QCommandLineOption methodOption(u"method"_s, tr("HTTP method (default: GET)."), tr("M"));
    const QCommandLineOption bodyOption(u"body"_s, tr("Request body to send."), tr("B"));
    const QCommandLineOption lastEventIdOption(
            u"last-event-id"_s, tr("Last-Event-ID of the first request."), tr("ID"));
    const QCommandLineOption retryOption(u"retry-ms"_s,
            tr("Reconnection time until the stream sets one (default: 3000)."), tr("N"));
    const QCommandLineOption readTimeoutOption(u"read-timeout-ms"_s,
            tr("Reconnect when no bytes arrive for N ms (default: 0, off)."), tr("N"));
    const QCommandLineOption countOption(u"count"_s,
            tr("Print only {\"events\": N, \"dataBytes\": M, \"seconds\": S} at exit."));
    const QCommandLineOption insecureOption(u"insecure"_s, tr("Ignore TLS certificate errors."));
    for (const QCommandLineOption *option : {&helpOption, &maxEventsOption, &timeoutOption,
                 &headerOption, &methodOption, &bodyOption, &lastEventIdOption, &retryOption,
                 &readTimeoutOption, &countOption, &insecureOption}) {
        parser.addOption(*option);
    }
    parser.addPositionalArgument(u"URL"_s, tr("An absolute http or https URL."));

    if (!parser.parse(arguments))
        return usageError(command, parser.errorText());
    if (parser.isSet(helpOption)) {
        Invocation invocation;
        invocation.action = Invocation::Action::Help;
        invocation.text =
                commandHelp(parser, tr("Usage: %1 monitor URL [options]").arg(ProgramName));
        return invocation;
    }

    Invocation invocation;
    invocation.action = Invocation::Action::Monitor;
    invocation.command = command;
    MonitorOptions &options = invocation.monitor;

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(command, tr("no URL given"));
    if (positional.size() > 1)
        return usageError(command, tr("more than one URL given"));
    options.url = QUrl(positional.first(), QUrl::StrictMode);
    if (!isHttpUrl(options.url))
        return usageError(
                command, tr("not an absolute http or https URL: '%1'").arg(positional.first()));

    if (parser.isSet(maxEventsOption)) {
        const QString text = parser.value(maxEventsOption);
        const std::optional<quint64> n =
                parseUnsigned(text, quint64(std::numeric_limits<qint64>::max()));
        if (!n || *n == 0)
            return usageError(
                    command, tr("--max-events wants a positive number, not '%1'").arg(text));
        options.maxEvents = qint64(*n);
    }
    if (parser.isSet(timeoutOption)) {
        const QString text = parser.value(timeoutOption);
        bool ok = false;
        const double seconds = text.toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > MaxTimeoutSeconds) {
            return usageError(
                    command, tr("--timeout wants a number of seconds, not '%1'").arg(text));
        }
        options.timeout = std::chrono::milliseconds(qint64(std::ceil(seconds * 1000)));
    }
    for (const QString &header : parser.values(headerOption)) {
        const qsizetype colon = header.indexOf(u':');
        const QString name = header.left(colon).trimmed();
        const QString value = header.mid(colon + 1).trimmed();
        if (colon < 0 || !isToken(name) || value.contains(u'\r') || value.contains(u'\n')
                || value.contains(QChar(0))) {
            return usageError(
                    command, tr("a header is written 'Name: value', not '%1'").arg(header));
        }
        options.source.headers.append({name.toUtf8(), value.toUtf8()});
    }
    if (parser.isSet(methodOption)) {
        const QString method = parser.value(methodOption);
        if (!isToken(method))
            return usageError(command, tr("not an HTTP method: '%1'").arg(method));
        options.source.method = method.toUtf8();
    }
    if (parser.isSet(bodyOption))
        options.source.body = parser.value(bodyOption).toUtf8();
    if (parser.isSet(lastEventIdOption))
        options.source.initialLastEventId = parser.value(lastEventIdOption).toUtf8();
    if (parser.isSet(retryOption)) {
        const QString text = parser.value(retryOption);
        const std::optional<quint64> ms = parseUnsigned(text, MaxMilliseconds);
        if (!ms) {
            return usageError(command,
                    tr("--retry-ms wants milliseconds from 0 to %1, not '%2'")
                            .arg(MaxMilliseconds)
                            .arg(text));
        }
        options.source.reconnectionTime = std::chrono::milliseconds(*ms);
    }
    if (parser.isSet(readTimeoutOption)) {
        const QString text = parser.value(readTimeoutOption);
        const std::optional<quint64> ms = parseUnsigned(text, MaxMilliseconds);
        if (!ms) {
            return usageError(command,
                    tr("--read-timeout-ms wants milliseconds from 0 to %1, not '%2'")
                            .arg(MaxMilliseconds)
                            .arg(text));
        }
        options.source.readTimeout = std::chrono::milliseconds(*ms);
    }
    options.count = parser.isSet(countOption);
    options.source.ignoreTlsErrors = parser.isSet(insecureOption);
    return invocation;
}
