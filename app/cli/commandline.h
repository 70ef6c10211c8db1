// SPDX-License-Identifier: MIT
// CommandLine: reads ssedash-cli's arguments into what the user asked for.
#pragma once

#include "sselib/logexport.h"
#include "sselib/publisheroptions.h"
#include "sselib/sourceoptions.h"

#include <QByteArrayList>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <optional>

QT_BEGIN_NAMESPACE
class QCommandLineParser;
QT_END_NAMESPACE

/// Exit codes of ssedash-cli.
enum ExitCode {
    ExitSuccess = 0,
    ExitFailure = 1, ///< I/O trouble, a fatal stream error
    ExitUsage = 2 ///< the command line was wrong
};

/// Options of `ssedash-cli parse`.
struct ParseOptions
{
    QString fileName; ///< empty or "-": standard input
    qsizetype chunkSize = 0; ///< bytes per Parser::feed(); 0: as read
    bool count = false; ///< only print totals at the end
};

/// Options of `ssedash-cli monitor`.
struct MonitorOptions
{
    QUrl url;
    Sse::SourceOptions source;
    qint64 maxEvents = 0; ///< stop after this many events; 0: no limit
    std::optional<std::chrono::milliseconds> timeout; ///< stop after this long
    bool count = false; ///< only print totals at exit
    QString outputFile; ///< --output FILE: also record events and comments there as NDJSON
};

/// Options of `ssedash-cli export`.
struct ExportOptions
{
    QString inputFile; ///< an NDJSON event log
    QString outputFile;
    Sse::LogFormat format = Sse::LogFormat::Ndjson; ///< --format, else from the output suffix
};

/// Options of `ssedash-cli publish`.
struct PublishOptions
{
    Sse::PublisherOptions publisher; ///< address, port, channels, CORS and the feed
    QString replayFile; ///< --replay FILE: an NDJSON event log
    double replaySpeed = 1.0; ///< --speed X, with --replay
};

/// What the user asked for.
struct Invocation
{
    enum class Action {
        Help, ///< print `text` to stdout, exit 0
        Version, ///< print `text` to stdout, exit 0
        Error, ///< print `text` and a hint to stderr, exit ExitUsage
        Parse,
        Monitor,
        Publish,
        Export
    };

    Action action = Action::Error;
    QString text;
    QString command; ///< "parse", "monitor", "publish", "export" or empty, for --help hints
    ParseOptions parse;
    MonitorOptions monitor;
    PublishOptions publish;
    ExportOptions exportOptions; ///< not "export": that is a C++ keyword
};

/// Reads the arguments of ssedash-cli (`ssedash-cli COMMAND [options] ...`). Never exits and
/// never prints: errors come back as Invocation::Action::Error with a message.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static constexpr QStringView ProgramName = u"ssedash-cli";

    /// `arguments` as QCoreApplication::arguments() gives them, program name first.
    [[nodiscard]] static Invocation parse(const QStringList &arguments);

    [[nodiscard]] static QString helpText();
    [[nodiscard]] static QString versionText();
    /// "Try 'ssedash-cli [command] --help'." for the end of an error message.
    [[nodiscard]] static QString helpHint(const QString &command);

private:
    static Invocation parseParse(const QStringList &arguments);
    static Invocation parseMonitor(const QStringList &arguments);
    static Invocation parsePublish(const QStringList &arguments);
    static Invocation parseExport(const QStringList &arguments);
    // The parts of parsePublish(): each returns an error message, or an empty string.
    static QString readListenOptions(
            const QCommandLineParser &parser, Sse::PublisherOptions &options);
    static QString readFeedOptions(const QCommandLineParser &parser, Sse::FeedSettings &feed);
    static QString readChannelOptions(const QCommandLineParser &parser, QByteArrayList &channels);
    static QString readReplayOptions(const QCommandLineParser &parser, PublishOptions &options);
};
