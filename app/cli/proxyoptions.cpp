// SPDX-License-Identifier: MIT
// ProxyOptions: the options of `ssedash-cli proxy`, read from its arguments.
#include "proxyoptions.h"

#include "listenoptions.h"

#include "sselib/capture/captureproxy.h"

#include <QCommandLineParser>
#include <QHostAddress>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr double MaxTimeoutSeconds = 1e9;

void addOptions(QCommandLineParser &parser)
{
    parser.addOption(OptionParsing::helpOption());
    parser.addOptions({
            {u"upstream"_s,
                    ProxyOptions::tr("The server to forward to: an http or https URL, whose "
                                     "path (if any) goes before each request's."),
                    ProxyOptions::tr("URL")},
            {u"port"_s, ProxyOptions::tr("Listen on port P (default: 0, a free port)."),
                    ProxyOptions::tr("P")},
            {u"bind"_s,
                    ProxyOptions::tr(
                            "Listen on ADDR, an IPv4 or IPv6 address (default: 127.0.0.1)."),
                    ProxyOptions::tr("ADDR")},
            {u"output"_s,
                    ProxyOptions::tr("Also record each event and comment of every stream, with "
                                     "its stream number and URL, to FILE as an NDJSON event log "
                                     "(replaced if it exists), flushed every 100 ms."),
                    ProxyOptions::tr("FILE")},
            {u"fault"_s,
                    ProxyOptions::tr("Apply a fault rule (see above) to the streams that match "
                                     "it, such as cut=5 or delay=200,match=/v1/*; may be "
                                     "repeated."),
                    ProxyOptions::tr("RULE")},
            {u"trust-cert"_s,
                    ProxyOptions::tr("Trust the PEM certificates in FILE for an https upstream, "
                                     "besides the system's; may be repeated."),
                    ProxyOptions::tr("FILE")},
            {u"keep-host"_s,
                    ProxyOptions::tr("Pass the app's Host header on unchanged (default: the "
                                     "upstream's host and port).")},
            {u"rewrite-origin"_s,
                    ProxyOptions::tr("Replace an Origin header with the upstream's origin.")},
            {u"timeout"_s, ProxyOptions::tr("Exit after SECONDS (fractions allowed)."),
                    ProxyOptions::tr("SECONDS")},
    });
}

// The parts of fromArguments(): each returns an error message, or an empty string.

QString readUpstream(const QCommandLineParser &parser, ProxyOptions &options)
{
    if (!parser.isSet(u"upstream"_s))
        return ProxyOptions::tr("no upstream given: --upstream URL");
    const QString text = parser.value(u"upstream"_s);
    const QUrl url(text, QUrl::StrictMode);
    if (!OptionParsing::isHttpUrl(url))
        return ProxyOptions::tr("--upstream wants an absolute http or https URL, not '%1'")
                .arg(text);
    if (const std::optional<QString> why = Sse::CaptureProxy::checkUpstream(url))
        return ProxyOptions::tr("--upstream '%1': %2").arg(text, *why);
    options.capture.upstream = url;
    options.upstreamText = text;
    return {};
}

QString readRules(const QCommandLineParser &parser, Sse::CaptureOptions &capture)
{
    for (const QString &text : parser.values(u"fault"_s)) {
        const Sse::CaptureRuleResult result = Sse::parseCaptureRule(text);
        if (!result.ok)
            return ProxyOptions::tr("--fault '%1': %2").arg(text, result.error);
        capture.rules.append(result.rule);
    }
    return {};
}

QString readOtherOptions(const QCommandLineParser &parser, ProxyOptions &options)
{
    options.capture.rewriteHost = !parser.isSet(u"keep-host"_s);
    options.capture.rewriteOrigin = parser.isSet(u"rewrite-origin"_s);
    options.certificateFiles = parser.values(u"trust-cert"_s);
    if (options.certificateFiles.contains(QString()))
        return ProxyOptions::tr("--trust-cert wants a FILE");
    if (parser.isSet(u"output"_s)) {
        options.outputFile = parser.value(u"output"_s);
        if (options.outputFile.isEmpty())
            return ProxyOptions::tr("--output wants a FILE");
    }
    if (parser.isSet(u"timeout"_s)) {
        const QString text = parser.value(u"timeout"_s);
        options.timeout = OptionParsing::parseSeconds(text, MaxTimeoutSeconds);
        if (!options.timeout)
            return ProxyOptions::tr("--timeout wants a number of seconds, not '%1'").arg(text);
    }
    return {};
}

} // namespace

OptionsOrUsage<ProxyOptions> ProxyOptions::fromArguments(const QStringList &arguments)
{
    const QString command = u"proxy"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Forwards every request on a local port to the upstream and its response back,\n"
               "unchanged, and prints one JSON object a line for each text/event-stream\n"
               "response that passes: its start, events, comments, faults and end. Other\n"
               "requests get a line on standard error. SIGINT and SIGTERM stop it.\n"
               "\n"
               "Fault rules:\n"
               "  delay=MS     hold each event MS ms before passing it on\n"
               "  cut=N        close the connection after the Nth event\n"
               "  cut-mid=N    close the connection in the middle of the Nth event\n"
               "  stall=MS     send nothing for MS ms\n"
               "  drop=TYPE    leave out the events of type TYPE ('message': unnamed ones)\n"
               "  inject=DATA  send an event with data DATA\n"
               "  retry=MS     send a 'retry: MS' field\n"
               "  status=CODE  answer CODE instead of forwarding (any request)\n"
               "  gzip         compress the stream with gzip, unflushed, as a buffering\n"
               "               middleware does\n"
               "  ,after=N     stall, inject, retry: once N events have passed\n"
               "  ,type=T      inject: the event's type\n"
               "  ,match=GLOB  only for requests whose target (path and query) GLOB\n"
               "               matches; * matches any run of characters\n"
               "  %XX          in VALUE, T and GLOB: a percent-encoded byte (%2C is a comma)"));
    addOptions(parser);

    const std::optional<UsageMessage> early = OptionParsing::parseCommon(parser, arguments, command,
            tr("Usage: %1 proxy --upstream URL [options]").arg(OptionParsing::ProgramName));
    if (early)
        return *early;
    if (!parser.positionalArguments().isEmpty()) {
        return OptionParsing::usageError(command,
                tr("proxy takes no arguments, but got '%1'")
                        .arg(parser.positionalArguments().constFirst()));
    }

    ProxyOptions options;
    QString error = readUpstream(parser, options);
    if (error.isEmpty())
        error = ListenOptions::read(parser, options.capture.bindAddress, options.capture.port);
    if (error.isEmpty())
        error = readRules(parser, options.capture);
    if (error.isEmpty())
        error = readOtherOptions(parser, options);
    if (!error.isEmpty())
        return OptionParsing::usageError(command, error);
    return options;
}
