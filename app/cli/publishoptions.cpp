// SPDX-License-Identifier: MIT
// PublishOptions: the options of `ssedash-cli publish`, read from its arguments.
#include "publishoptions.h"

#include "listenoptions.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QUrl>

#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr double MaxHeartbeatSeconds = 1e6; // QTimer counts int milliseconds
constexpr double MaxReplaySpeed = 1e6;

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

// What Access-Control-Allow-Origin may say: "*", "null" or one serialised origin
// (scheme://host[:port], nothing after it).
bool isAllowedOriginValue(const QString &text)
{
    if (text == u"*"_s || text == u"null"_s)
        return true;
    const QUrl url(text, QUrl::StrictMode);
    return OptionParsing::isHttpUrl(url) && url.path().isEmpty() && !url.hasQuery()
            && !url.hasFragment() && url.userInfo().isEmpty();
}

// The parts of fromArguments(): each returns an error message, or an empty string.

QString readListenOptions(const QCommandLineParser &parser, Sse::PublisherOptions &options)
{
    const QString error = ListenOptions::read(parser, options.address, options.port);
    if (!error.isEmpty())
        return error;
    if (parser.isSet(u"allow-origin"_s)) {
        const QString text = parser.value(u"allow-origin"_s);
        if (!text.isEmpty() && !isAllowedOriginValue(text)) {
            return PublishOptions::tr(
                    "--allow-origin wants *, null, an origin such as http://localhost:8080, "
                    "or '', not '%1'")
                    .arg(text);
        }
        options.allowOrigin = text.toUtf8();
    }
    return {};
}

QString readGeneratorOptions(const QCommandLineParser &parser, Sse::GeneratorSettings &generator)
{
    // Each whole-number option: its name, its largest value and where it goes.
    const auto readNumber = [&parser](const QString &name, quint64 max, auto &&store) {
        if (!parser.isSet(name))
            return QString();
        const QString text = parser.value(name);
        const std::optional<quint64> value = OptionParsing::parseUnsigned(text, max);
        if (!value) {
            return PublishOptions::tr("--%1 wants a whole number from 0 to %2, not '%3'")
                    .arg(name)
                    .arg(max)
                    .arg(text);
        }
        store(*value);
        return QString();
    };
    QString error = readNumber(u"interval"_s, OptionParsing::MaxMilliseconds,
            [&generator](quint64 ms) { generator.interval = std::chrono::milliseconds(ms); });
    if (error.isEmpty()) {
        error = readNumber(u"retry"_s, OptionParsing::MaxMilliseconds,
                [&generator](quint64 ms) { generator.retry = std::chrono::milliseconds(ms); });
    }
    if (error.isEmpty()) {
        error = readNumber(
                u"count"_s, quint64(std::numeric_limits<int>::max()), [&generator](quint64 n) {
                    generator.limit = n == 0 ? std::nullopt : std::optional(int(n));
                });
    }
    if (!error.isEmpty())
        return error;
    if (parser.isSet(u"heartbeat"_s)) {
        const QString text = parser.value(u"heartbeat"_s);
        bool ok = false;
        const double seconds = text.toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > MaxHeartbeatSeconds) {
            return PublishOptions::tr(
                    "--heartbeat wants a number of seconds from 0 to %1, not '%2'")
                    .arg(MaxHeartbeatSeconds, 0, 'f', 0)
                    .arg(text);
        }
        generator.heartbeat = std::chrono::milliseconds(qint64(std::ceil(seconds * 1000)));
    }
    if (parser.isSet(u"event"_s)) {
        const QString name = parser.value(u"event"_s);
        if (!isSingleLine(name))
            return PublishOptions::tr("--event wants a name on one line");
        generator.eventName = name.toUtf8();
    }
    if (parser.isSet(u"json"_s))
        generator.payload = Sse::GeneratorSettings::Payload::Json;
    if (parser.isSet(u"ids"_s)) {
        const QString kind = parser.value(u"ids"_s);
        if (kind == u"counter"_s)
            generator.ids = Sse::GeneratorSettings::Ids::Counter;
        else if (kind == u"uuid"_s)
            generator.ids = Sse::GeneratorSettings::Ids::Uuid;
        else if (kind == u"none"_s)
            generator.ids = Sse::GeneratorSettings::Ids::None;
        else
            return PublishOptions::tr("--ids wants counter, uuid or none, not '%1'").arg(kind);
    }
    return {};
}

QString readChannelOptions(const QCommandLineParser &parser, QByteArrayList &channels)
{
    if (!parser.isSet(u"channel"_s))
        return {};
    channels.clear();
    for (const QString &name : parser.values(u"channel"_s)) {
        if (!isChannelName(name)) {
            return PublishOptions::tr(
                    "--channel wants a name of letters, digits, '-', '.', '_' and '~', "
                    "not '%1'")
                    .arg(name);
        }
        if (!channels.contains(name.toUtf8()))
            channels.append(name.toUtf8());
    }
    return {};
}

QString readReplayOptions(const QCommandLineParser &parser, PublishOptions &options)
{
    if (parser.isSet(u"replay"_s)) {
        options.replayFile = parser.value(u"replay"_s);
        if (options.replayFile.isEmpty())
            return PublishOptions::tr("--replay wants a FILE");
    }
    if (!parser.isSet(u"speed"_s))
        return {};
    if (options.replayFile.isEmpty())
        return PublishOptions::tr("--speed only goes with --replay");
    const QString text = parser.value(u"speed"_s);
    bool ok = false;
    const double speed = text.toDouble(&ok);
    if (!ok || !std::isfinite(speed) || speed <= 0 || speed > MaxReplaySpeed) {
        return PublishOptions::tr("--speed wants a number above 0 and up to %1, not '%2'")
                .arg(MaxReplaySpeed, 0, 'f', 0)
                .arg(text);
    }
    options.replaySpeed = speed;
    return {};
}

} // namespace

OptionsOrUsage<PublishOptions> PublishOptions::fromArguments(const QStringList &arguments)
{
    const QString command = u"publish"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Serves a periodic feed of events on /events (the broadcast channel) and on\n"
               "/events/NAME for each named channel, with /stats, a demo page at / and POST\n"
               "/publish. Prints the URLs on standard output once listening, and a line on\n"
               "standard error for each client that comes or goes. SIGINT and SIGTERM stop it."));
    parser.addOption(OptionParsing::helpOption());
    parser.addOptions({
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

    const std::optional<UsageMessage> early = OptionParsing::parseCommon(parser, arguments, command,
            tr("Usage: %1 publish [options]").arg(OptionParsing::ProgramName));
    if (early)
        return *early;
    if (!parser.positionalArguments().isEmpty()) {
        return OptionParsing::usageError(command,
                tr("publish takes no arguments, but got '%1'")
                        .arg(parser.positionalArguments().constFirst()));
    }

    PublishOptions options;
    QString error = readListenOptions(parser, options.publisher);
    if (error.isEmpty())
        error = readGeneratorOptions(parser, options.publisher.generator);
    if (error.isEmpty())
        error = readChannelOptions(parser, options.publisher.channels);
    if (error.isEmpty())
        error = readReplayOptions(parser, options);
    if (!error.isEmpty())
        return OptionParsing::usageError(command, error);
    return options;
}
