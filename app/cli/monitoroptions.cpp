// SPDX-License-Identifier: MIT
// MonitorOptions: the options of `ssedash-cli monitor`, read from its arguments.
#include "monitoroptions.h"

#include "sselib/headers.h"
#include "sselib/httpurl.h"

#include <QCommandLineParser>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr double MaxTimeoutSeconds = 1e9;

// Sse::isHttpToken() on UTF-16: toLatin1() turns what Latin-1 lacks into '?', no token char.
bool isToken(const QString &text)
{
    return Sse::isHttpToken(text.toLatin1());
}

} // namespace

OptionsOrUsage<MonitorOptions> MonitorOptions::fromArguments(const QStringList &arguments)
{
    const QString command = u"monitor"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Connects to URL like a browser's EventSource, reconnecting as the standard\n"
               "says (or, with --once, not at all), and prints one JSON object a line for each\n"
               "state change, open, event, comment and error. SIGINT and SIGTERM stop it;\n"
               "SIGUSR1 reconnects at once."));
    const QCommandLineOption helpOption = OptionParsing::helpOption();
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
    const QCommandLineOption onceOption(u"once"_s,
            tr("One connection, no reconnect: exit 0 when the server ends the stream, 1 on any "
               "other error (for requests such as an LLM's POST)."));
    const QCommandLineOption compressedOption(u"compressed"_s,
            tr("Ask for a compressed response (Accept-Encoding: gzip, deflate, br) and decode "
               "it; by default the request says Accept-Encoding: identity."));
    const QCommandLineOption outputOption(u"output"_s,
            tr("Also record each event and comment, with its receive time and connection, to "
               "FILE as an NDJSON event log (replaced if it exists). Written as things arrive "
               "and flushed every 100 ms, not atomically: after a crash FILE holds what came "
               "until shortly before. Standard output stays the same."),
            tr("FILE"));
    for (const QCommandLineOption *option :
            {&helpOption, &maxEventsOption, &timeoutOption, &headerOption, &methodOption,
                    &bodyOption, &lastEventIdOption, &retryOption, &readTimeoutOption, &countOption,
                    &insecureOption, &onceOption, &compressedOption, &outputOption}) {
        parser.addOption(*option);
    }
    parser.addPositionalArgument(u"URL"_s, tr("An absolute http or https URL."));

    const std::optional<UsageMessage> early = OptionParsing::parseCommon(parser, arguments, command,
            tr("Usage: %1 monitor URL [options]").arg(OptionParsing::ProgramName));
    if (early)
        return *early;

    MonitorOptions options;

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return OptionParsing::usageError(command, tr("no URL given"));
    if (positional.size() > 1)
        return OptionParsing::usageError(command, tr("more than one URL given"));
    options.url = QUrl(positional.first(), QUrl::StrictMode);
    if (Sse::checkHttpUrl(options.url) != Sse::UrlCheck::Ok)
        return OptionParsing::usageError(
                command, tr("not an absolute http or https URL: '%1'").arg(positional.first()));

    if (parser.isSet(maxEventsOption)) {
        const QString text = parser.value(maxEventsOption);
        const std::optional<quint64> n =
                OptionParsing::parseUnsigned(text, quint64(std::numeric_limits<qint64>::max()));
        if (!n || *n == 0)
            return OptionParsing::usageError(
                    command, tr("--max-events wants a positive number, not '%1'").arg(text));
        options.maxEvents = qint64(*n);
    }
    if (parser.isSet(timeoutOption)) {
        const QString text = parser.value(timeoutOption);
        options.timeout = OptionParsing::parseSeconds(text, MaxTimeoutSeconds);
        if (!options.timeout) {
            return OptionParsing::usageError(
                    command, tr("--timeout wants a number of seconds, not '%1'").arg(text));
        }
    }
    for (const QString &header : parser.values(headerOption)) {
        const qsizetype colon = header.indexOf(u':');
        const QString name = header.left(colon).trimmed();
        const QString value = header.mid(colon + 1).trimmed();
        if (colon < 0 || !isToken(name) || value.contains(u'\r') || value.contains(u'\n')
                || value.contains(QChar(0))) {
            return OptionParsing::usageError(
                    command, tr("a header is written 'Name: value', not '%1'").arg(header));
        }
        // The request keeps one value per name: a second --header would replace the first.
        if (Sse::headerValue(options.source.headers, name.toUtf8())) {
            return OptionParsing::usageError(command,
                    tr("the header '%1' is given twice; give it once, with its values separated "
                       "by commas")
                            .arg(name));
        }
        options.source.headers.append({name.toUtf8(), value.toUtf8()});
    }
    if (parser.isSet(methodOption)) {
        const QString method = parser.value(methodOption);
        if (!isToken(method))
            return OptionParsing::usageError(command, tr("not an HTTP method: '%1'").arg(method));
        options.source.method = method.toUtf8();
    }
    if (parser.isSet(bodyOption))
        options.source.body = parser.value(bodyOption).toUtf8();
    if (parser.isSet(lastEventIdOption))
        options.source.initialLastEventId = parser.value(lastEventIdOption).toUtf8();
    if (parser.isSet(retryOption)) {
        const QString text = parser.value(retryOption);
        const std::optional<quint64> ms =
                OptionParsing::parseUnsigned(text, OptionParsing::MaxMilliseconds);
        if (!ms) {
            return OptionParsing::usageError(command,
                    tr("--retry-ms wants milliseconds from 0 to %1, not '%2'")
                            .arg(OptionParsing::MaxMilliseconds)
                            .arg(text));
        }
        options.source.reconnectionTime = std::chrono::milliseconds(*ms);
    }
    if (parser.isSet(readTimeoutOption)) {
        const QString text = parser.value(readTimeoutOption);
        const std::optional<quint64> ms =
                OptionParsing::parseUnsigned(text, OptionParsing::MaxMilliseconds);
        if (!ms) {
            return OptionParsing::usageError(command,
                    tr("--read-timeout-ms wants milliseconds from 0 to %1, not '%2'")
                            .arg(OptionParsing::MaxMilliseconds)
                            .arg(text));
        }
        if (*ms > 0) // 0: off
            options.source.readTimeout = std::chrono::milliseconds(*ms);
    }
    options.count = parser.isSet(countOption);
    options.source.ignoreTlsErrors = parser.isSet(insecureOption);
    options.once = parser.isSet(onceOption);
    options.source.allowCompression = parser.isSet(compressedOption);
    if (parser.isSet(outputOption)) {
        options.outputFile = parser.value(outputOption);
        if (options.outputFile.isEmpty())
            return OptionParsing::usageError(command, tr("--output wants a FILE"));
    }
    return options;
}
