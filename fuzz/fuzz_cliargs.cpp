// SPDX-License-Identifier: MIT
// fuzz_cliargs: ssedash-cli's argument reading (CommandLine::parse) on any argv, for every command.
#include "fuzzcheck.h"

#include "app/cli/commandline.h"
#include "app/cli/exitcode.h"
#include "sselib/capture/captureproxy.h"
#include "sselib/capture/capturerule.h"
#include "sselib/headers.h"
#include "sselib/httpurl.h"

#include <QCoreApplication>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

using namespace Qt::Literals::StringLiterals;

namespace {

using Action = Invocation::Action;

bool isSingleLine(QByteArrayView text)
{
    return !text.contains('\r') && !text.contains('\n') && !text.contains('\0');
}

bool sameOptions(const Invocation &a, const Invocation &b)
{
    const ParseOptions &pa = a.parse, &pb = b.parse;
    const MonitorOptions &ma = a.monitor, &mb = b.monitor;
    const PublishOptions &ua = a.publish, &ub = b.publish;
    const ExportOptions &ea = a.exportOptions, &eb = b.exportOptions;
    return pa.fileName == pb.fileName && pa.chunkSize == pb.chunkSize && pa.count == pb.count
            && ma.url == mb.url && ma.source == mb.source && ma.maxEvents == mb.maxEvents
            && ma.timeout == mb.timeout && ma.count == mb.count && ma.once == mb.once
            && ma.outputFile == mb.outputFile && ua.publisher == ub.publisher
            && ua.replayFile == ub.replayFile && ua.replaySpeed == ub.replaySpeed
            && ea.inputFile == eb.inputFile && ea.outputFile == eb.outputFile
            && ea.format == eb.format;
}

// What main() does without running anything: print the text and exit, or run a command.
int exitCodeOf(const Invocation &invocation)
{
    switch (invocation.action) {
    case Action::Help:
    case Action::Version:
        return ExitSuccess;
    case Action::Error:
        return ExitUsage;
    default:
        return -1; // the command decides
    }
}

void checkMonitor(const MonitorOptions &m)
{
    FUZZ_CHECK(Sse::checkHttpUrl(m.url) == Sse::UrlCheck::Ok);
    FUZZ_CHECK(Sse::isHttpToken(m.source.method));
    for (const auto &[name, value] : m.source.headers) {
        FUZZ_CHECK(Sse::isHttpToken(name) && isSingleLine(value));
        // One value per name, as the request keeps them.
        FUZZ_CHECK(std::count_if(m.source.headers.begin(), m.source.headers.end(),
                           [&name = name](const auto &other) {
                               return other.first.compare(name, Qt::CaseInsensitive) == 0;
                           })
                == 1);
    }
    FUZZ_CHECK(m.maxEvents >= 0 && (!m.timeout || m.timeout->count() >= 0));
    FUZZ_CHECK(m.source.reconnectionTime.count() >= 0);
    FUZZ_CHECK(!m.source.readTimeout || m.source.readTimeout->count() > 0);
}

void checkPublish(const PublishOptions &p)
{
    FUZZ_CHECK(std::isfinite(p.replaySpeed) && p.replaySpeed > 0 && p.replaySpeed <= 1e6);
    FUZZ_CHECK(p.replaySpeed == 1.0 || !p.replayFile.isEmpty());
    const Sse::GeneratorSettings &g = p.publisher.generator;
    FUZZ_CHECK(isSingleLine(g.eventName));
    FUZZ_CHECK(g.interval.count() >= 0 && g.heartbeat.count() >= 0);
    FUZZ_CHECK(!g.limit || *g.limit > 0);
    FUZZ_CHECK(!p.publisher.address.isNull());
    for (const QByteArray &channel : p.publisher.channels) {
        FUZZ_CHECK(!channel.isEmpty() && channel != "." && channel != "..");
        FUZZ_CHECK(p.publisher.channels.count(channel) == 1);
        for (const char c : channel)
            FUZZ_CHECK(
                    QChar::fromLatin1(c).isLetterOrNumber() || QByteArrayView("-._~").contains(c));
    }
    FUZZ_CHECK(isSingleLine(p.publisher.allowOrigin));
}

void checkProxy(const ProxyOptions &p)
{
    // Listening needs a valid upstream, an address, and rules that read back as they were given.
    FUZZ_CHECK(!Sse::CaptureProxy::checkUpstream(p.capture.upstream));
    FUZZ_CHECK(!p.upstreamText.isEmpty());
    FUZZ_CHECK(!p.capture.bindAddress.isNull());
    FUZZ_CHECK(!p.timeout || p.timeout->count() >= 0);
    for (const Sse::CaptureRule &rule : p.capture.rules) {
        const Sse::CaptureRuleResult again = Sse::parseCaptureRule(rule.toString());
        FUZZ_CHECK(again.ok && again.rule == rule);
    }
    for (const QString &file : p.certificateFiles)
        FUZZ_CHECK(!file.isEmpty());
}

void check(const Invocation &invocation, const QStringList &arguments)
{
    const int exitCode = exitCodeOf(invocation);
    switch (invocation.action) {
    case Action::Help:
    case Action::Version:
        FUZZ_CHECK(!invocation.text.isEmpty() && invocation.text.endsWith(u'\n'));
        break;
    case Action::Error: {
        // A message to print, and a command whose --help the hint names (or none).
        FUZZ_CHECK(!invocation.text.isEmpty() && !invocation.text.endsWith(u'\n'));
        FUZZ_CHECK(invocation.command.isEmpty()
                || QStringList({u"parse"_s, u"monitor"_s, u"publish"_s, u"export"_s, u"proxy"_s})
                           .contains(invocation.command));
        // An unfilled "%1" in a message comes from the arguments, never from the template.
        const bool percentGiven = std::any_of(arguments.begin(), arguments.end(),
                [](const QString &argument) { return argument.contains(u'%'); });
        FUZZ_CHECK(percentGiven || !invocation.text.contains(u'%'));
        FUZZ_CHECK(!CommandLine::helpHint(invocation.command).isEmpty());
        break;
    }
    case Action::Parse:
        FUZZ_CHECK(invocation.parse.chunkSize >= 0 && invocation.parse.chunkSize <= (1 << 30));
        break;
    case Action::Monitor:
        checkMonitor(invocation.monitor);
        break;
    case Action::Publish:
        checkPublish(invocation.publish);
        break;
    case Action::Export:
        FUZZ_CHECK(!invocation.exportOptions.inputFile.isEmpty()
                && !invocation.exportOptions.outputFile.isEmpty());
        break;
    case Action::Proxy:
        checkProxy(invocation.proxy);
        break;
    }
    FUZZ_CHECK(exitCode == -1 || exitCode == ExitSuccess || exitCode == ExitUsage);

    // The same arguments read again give the same result.
    const Invocation again = CommandLine::parse(arguments);
    FUZZ_CHECK(again.action == invocation.action && again.text == invocation.text
            && again.command == invocation.command && sameOptions(again, invocation));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // As main() sets it up: QCommandLineParser's help reads the application's arguments.
    static QCoreApplication app(*argc, *argv);
    QCoreApplication::setApplicationName(OptionParsing::ProgramName.toString());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // NUL separates the arguments, as in the kernel's argv.
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QStringList arguments;
    for (const QByteArray &argument : bytes.toByteArray().split('\0'))
        arguments.append(QString::fromUtf8(argument));
    if (arguments.size() > 64)
        return 0; // more options teach nothing new, only slow the run down

    const QString program = OptionParsing::ProgramName.toString();
    check(CommandLine::parse(QStringList{program} + arguments), QStringList{program} + arguments);
    for (const QString &command : {u"parse"_s, u"monitor"_s, u"publish"_s, u"export"_s}) {
        const QStringList argv = QStringList{program, command} + arguments;
        check(CommandLine::parse(argv), argv);
    }
    return 0;
}
