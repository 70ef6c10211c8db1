// SPDX-License-Identifier: MIT
// CommandLine: reads ssedash-cli's arguments into what the user asked for.
#include "commandline.h"

#include <QCommandLineParser>
#include <QHostAddress>

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr qsizetype MaxChunkSize = qsizetype(1) << 30;
constexpr quint64 MaxMilliseconds = std::numeric_limits<int>::max();
constexpr double MaxTimeoutSeconds = 1e9;
constexpr double MaxHeartbeatSeconds = 1e6; // QTimer counts int milliseconds
constexpr double MaxReplaySpeed = 1e6;

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

// A field value of the stream: one line, no NUL.
bool isSingleLine(const QString &text)
{
    return !text.contains(u'\r') && !text.contains(u'\n') && !text.contains(QChar(0));
}

// Channels live at /events/NAME: keep names to characters no URL needs to escape, and away
// from the dot segments that clients normalise.
bool isChannelName(const QString &name)
{
    if (name.isEmpty() || name == u"."_s || name == u".."_s)
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                || (u >= u'0' && u <= u'9') || QStringView(u"-._~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

// A literal IPv4 (four dotted numbers, not the short forms such as "127.1") or IPv6 address.
std::optional<QHostAddress> parseAddress(const QString &text)
{
    QHostAddress address;
    if (!address.setAddress(text))
        return std::nullopt;
    if (address.protocol() == QAbstractSocket::IPv4Protocol && text.count(u'.') != 3)
        return std::nullopt;
    return address;
}

// What Access-Control-Allow-Origin may say: "*", "null" or one serialised origin
// (scheme://host[:port], nothing after it).
bool isAllowedOriginValue(const QString &text)
{
    if (text == u"*"_s || text == u"null"_s)
        return true;
    const QUrl url(text, QUrl::StrictMode);
    return isHttpUrl(url) && url.path().isEmpty() && !url.hasQuery() && !url.hasFragment()
            && url.userInfo().isEmpty();
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
    if (command == u"publish"_s)
        return parsePublish(rest);
    if (command == u"export"_s)
        return parseExport(rest);
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
    const QCommandLineOption outputOption(u"output"_s,
            tr("Also record each event and comment, with its receive time and connection, to "
               "FILE as an NDJSON event log (replaced if it exists). Written as things arrive "
               "and flushed every 100 ms, not atomically: after a crash FILE holds what came "
               "until shortly before. Standard output stays the same."),
            tr("FILE"));
    for (const QCommandLineOption *option : {&helpOption, &maxEventsOption, &timeoutOption,
                 &headerOption, &methodOption, &bodyOption, &lastEventIdOption, &retryOption,
                 &readTimeoutOption, &countOption, &insecureOption, &outputOption}) {
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
    if (parser.isSet(outputOption)) {
        options.outputFile = parser.value(outputOption);
        if (options.outputFile.isEmpty())
            return usageError(command, tr("--output wants a FILE"));
    }
    return invocation;
}

Invocation CommandLine::parsePublish(const QStringList &arguments)
{
    const QString command = u"publish"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Serves a periodic feed of events on /events (the broadcast channel) and on\n"
               "/events/NAME for each named channel, with /stats, a demo page at / and POST\n"
               "/publish. Prints the URLs on standard output once listening, and a line on\n"
               "standard error for each client that comes or goes. SIGINT and SIGTERM stop it."));
    parser.addOptions({
            {{u"h"_s, u"help"_s}, tr("Show this help.")},
            {u"bind"_s, tr("Listen on ADDR, an IPv4 or IPv6 address (default: 127.0.0.1)."),
                    tr("ADDR")},
            {u"port"_s, tr("Listen on port P (default: 0, a free port)."), tr("P")},
            {u"interval"_s, tr("Send an event on every channel every MS (default: 1000; 0: none)."),
                    tr("MS")},
            {u"event"_s, tr("Event type on the broadcast channel (default: none, 'message')."),
                    tr("NAME")},
            {u"retry"_s, tr("Send the retry field MS when a stream starts."), tr("MS")},
            {u"count"_s, tr("End each stream after N events (default: 0, never)."), tr("N")},
            {u"heartbeat"_s,
                    tr("Send a heartbeat comment every SECONDS (default: 15; 0: none; "
                       "fractions allowed)."),
                    tr("SECONDS")},
            {u"channel"_s,
                    tr("Serve the named channel /events/NAME; may be repeated (default: "
                       "test-event)."),
                    tr("NAME")},
            {u"json"_s, tr("Send JSON messages {id, type, timestamp, payload}, not clock text.")},
            {u"ids"_s, tr("Event ids: counter, uuid or none (default: counter)."), tr("KIND")},
            {u"allow-origin"_s,
                    tr("Access-Control-Allow-Origin: *, an origin, or '' for none "
                       "(default: *)."),
                    tr("ORIGIN")},
            {u"replay"_s,
                    tr("Replay an NDJSON event log (as ssedash exports it) on /events once the "
                       "first client subscribes; turns the generated feed off."),
                    tr("FILE")},
            {u"speed"_s, tr("With --replay: play at X times the recorded pace (default: 1)."),
                    tr("X")},
    });

    if (!parser.parse(arguments))
        return usageError(command, parser.errorText());
    if (parser.isSet(u"help"_s)) {
        Invocation invocation;
        invocation.action = Invocation::Action::Help;
        invocation.text = commandHelp(parser, tr("Usage: %1 publish [options]").arg(ProgramName));
        return invocation;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(command,
                tr("publish takes no arguments, but got '%1'")
                        .arg(parser.positionalArguments().constFirst()));
    }

    Invocation invocation;
    invocation.action = Invocation::Action::Publish;
    invocation.command = command;
    PublishOptions &options = invocation.publish;
    QString error = readListenOptions(parser, options.publisher);
    if (error.isEmpty())
        error = readFeedOptions(parser, options.publisher.feed);
    if (error.isEmpty())
        error = readChannelOptions(parser, options.publisher.channels);
    if (error.isEmpty())
        error = readReplayOptions(parser, options);
    if (!error.isEmpty())
        return usageError(command, error);
    return invocation;
}

Invocation CommandLine::parseExport(const QStringList &arguments)
{
    const QString command = u"export"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Converts an NDJSON event log, as 'monitor --output' records it, to another\n"
               "format. OUTPUT is replaced only once it is completely written: when writing\n"
               "fails, an existing OUTPUT keeps its old content.\n"
               "\n"
               "Formats:\n"
               "  ndjson  the event log itself, lossless (.ndjson, .jsonl)\n"
               "  json    a JSON array of the same objects (.json)\n"
               "  csv     receivedMs,receivedAt,connection,kind,type,lastEventId,data (.csv);\n"
               "          a ' goes before a text that starts with = + - @, TAB or CR, so\n"
               "          that spreadsheets do not take it for a formula\n"
               "  sse     the events as text/event-stream, which 'parse' reads back to the\n"
               "          same type, data and lastEventId (.sse, .txt)"));
    const QCommandLineOption helpOption({u"h"_s, u"help"_s}, tr("Show this help."));
    const QCommandLineOption formatOption(u"format"_s,
            tr("ndjson, json, csv or sse (default: from OUTPUT's suffix)."), tr("FORMAT"));
    parser.addOption(helpOption);
    parser.addOption(formatOption);
    parser.addPositionalArgument(u"INPUT"_s, tr("The NDJSON event log to read."));
    parser.addPositionalArgument(u"OUTPUT"_s, tr("The file to write."));

    if (!parser.parse(arguments))
        return usageError(command, parser.errorText());
    if (parser.isSet(helpOption)) {
        Invocation invocation;
        invocation.action = Invocation::Action::Help;
        invocation.text = commandHelp(
                parser, tr("Usage: %1 export [--format FORMAT] INPUT OUTPUT").arg(ProgramName));
        return invocation;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return usageError(command, tr("export wants an INPUT and an OUTPUT file"));
    if (positional.size() > 2)
        return usageError(command, tr("export takes two files, but got %1").arg(positional.size()));
    if (positional.at(0).isEmpty() || positional.at(1).isEmpty())
        return usageError(command, tr("export wants file names, not empty arguments"));

    Invocation invocation;
    invocation.action = Invocation::Action::Export;
    invocation.command = command;
    ExportOptions &options = invocation.exportOptions;
    options.inputFile = positional.at(0);
    options.outputFile = positional.at(1);
    std::optional<Sse::LogFormat> format;
    if (parser.isSet(formatOption)) {
        const QString name = parser.value(formatOption);
        format = Sse::logFormatFromName(name);
        if (!format)
            return usageError(
                    command, tr("--format wants ndjson, json, csv or sse, not '%1'").arg(name));
    } else {
        format = Sse::logFormatFromFileName(options.outputFile);
        if (!format) {
            return usageError(command,
                    tr("cannot tell the format from '%1': name it with --format, or end the "
                       "name in .ndjson, .jsonl, .json, .csv, .sse or .txt")
                            .arg(options.outputFile));
        }
    }
    options.format = *format;
    return invocation;
}

QString CommandLine::readListenOptions(
        const QCommandLineParser &parser, Sse::PublisherOptions &options)
{
    if (parser.isSet(u"bind"_s)) {
        const QString text = parser.value(u"bind"_s);
        const std::optional<QHostAddress> address = parseAddress(text);
        if (!address) {
            return tr("--bind wants an IPv4 or IPv6 address such as 127.0.0.1 or ::1, not '%1'")
                    .arg(text);
        }
        options.address = *address;
    }
    if (parser.isSet(u"port"_s)) {
        const QString text = parser.value(u"port"_s);
        const std::optional<quint64> port = parseUnsigned(text, 65535);
        if (!port)
            return tr("--port wants a port number from 0 to 65535, not '%1'").arg(text);
        options.port = quint16(*port);
    }
    if (parser.isSet(u"allow-origin"_s)) {
        const QString text = parser.value(u"allow-origin"_s);
        if (!text.isEmpty() && !isAllowedOriginValue(text)) {
            return tr("--allow-origin wants *, null, an origin such as http://localhost:8080, "
                      "or '', not '%1'")
                    .arg(text);
        }
        options.allowOrigin = text.toUtf8();
    }
    return {};
}

QString CommandLine::readFeedOptions(const QCommandLineParser &parser, Sse::FeedSettings &feed)
{
    // Each whole-number option: its name, its largest value and where it goes.
    const auto readNumber = [&parser](const QString &name, quint64 max, auto &&store) {
        if (!parser.isSet(name))
            return QString();
        const QString text = parser.value(name);
        const std::optional<quint64> value = parseUnsigned(text, max);
        if (!value)
            return tr("--%1 wants a whole number from 0 to %2, not '%3'")
                    .arg(name)
                    .arg(max)
                    .arg(text);
        store(*value);
        return QString();
    };
    QString error = readNumber(u"interval"_s, MaxMilliseconds,
            [&feed](quint64 ms) { feed.interval = std::chrono::milliseconds(ms); });
    if (error.isEmpty())
        error = readNumber(
                u"retry"_s, MaxMilliseconds, [&feed](quint64 ms) { feed.retryMs = qint64(ms); });
    if (error.isEmpty()) {
        error = readNumber(u"count"_s, quint64(std::numeric_limits<int>::max()),
                [&feed](quint64 n) { feed.limit = int(n); });
    }
    if (!error.isEmpty())
        return error;
    if (parser.isSet(u"heartbeat"_s)) {
        const QString text = parser.value(u"heartbeat"_s);
        bool ok = false;
        const double seconds = text.toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > MaxHeartbeatSeconds) {
            return tr("--heartbeat wants a number of seconds from 0 to %1, not '%2'")
                    .arg(MaxHeartbeatSeconds, 0, 'f', 0)
                    .arg(text);
        }
        feed.heartbeat = std::chrono::milliseconds(qint64(std::ceil(seconds * 1000)));
    }
    if (parser.isSet(u"event"_s)) {
        const QString name = parser.value(u"event"_s);
        if (!isSingleLine(name))
            return tr("--event wants a name on one line");
        feed.eventName = name.toUtf8();
    }
    if (parser.isSet(u"json"_s))
        feed.payload = Sse::FeedSettings::Payload::Json;
    if (parser.isSet(u"ids"_s)) {
        const QString kind = parser.value(u"ids"_s);
        if (kind == u"counter"_s)
            feed.ids = Sse::FeedSettings::Ids::Counter;
        else if (kind == u"uuid"_s)
            feed.ids = Sse::FeedSettings::Ids::Uuid;
        else if (kind == u"none"_s)
            feed.ids = Sse::FeedSettings::Ids::None;
        else
            return tr("--ids wants counter, uuid or none, not '%1'").arg(kind);
    }
    return {};
}

QString CommandLine::readChannelOptions(const QCommandLineParser &parser, QByteArrayList &channels)
{
    if (!parser.isSet(u"channel"_s))
        return {};
    channels.clear();
    for (const QString &name : parser.values(u"channel"_s)) {
        if (!isChannelName(name)) {
            return tr("--channel wants a name of letters, digits, '-', '.', '_' and '~', "
                      "not '%1'")
                    .arg(name);
        }
        if (!channels.contains(name.toUtf8()))
            channels.append(name.toUtf8());
    }
    return {};
}

QString CommandLine::readReplayOptions(const QCommandLineParser &parser, PublishOptions &options)
{
    if (parser.isSet(u"replay"_s)) {
        options.replayFile = parser.value(u"replay"_s);
        if (options.replayFile.isEmpty())
            return tr("--replay wants a FILE");
    }
    if (!parser.isSet(u"speed"_s))
        return {};
    if (options.replayFile.isEmpty())
        return tr("--speed only goes with --replay");
    const QString text = parser.value(u"speed"_s);
    bool ok = false;
    const double speed = text.toDouble(&ok);
    if (!ok || !std::isfinite(speed) || speed <= 0 || speed > MaxReplaySpeed) {
        return tr("--speed wants a number above 0 and up to %1, not '%2'")
                .arg(MaxReplaySpeed, 0, 'f', 0)
                .arg(text);
    }
    options.replaySpeed = speed;
    return {};
}
