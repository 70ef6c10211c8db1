// SPDX-License-Identifier: MIT
// CommandLine: reads ssedash-cli's arguments into what the user asked for.
#pragma once

#include "exportoptions.h"
#include "monitoroptions.h"
#include "parseoptions.h"
#include "publishoptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrl>

#include <limits>
#include <optional>

QT_BEGIN_NAMESPACE
class QCommandLineOption;
class QCommandLineParser;
QT_END_NAMESPACE

/// Exit codes of ssedash-cli.
enum ExitCode {
    ExitSuccess = 0,
    ExitFailure = 1, ///< I/O trouble, a fatal stream error
    ExitUsage = 2 ///< the command line was wrong
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
/// never prints: errors come back as Invocation::Action::Error with a message. Handles the
/// program-wide options itself and hands the rest to the command's own reader
/// (ParseOptions::fromArguments() and its siblings), which build on the shared parts below.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static constexpr QStringView ProgramName = u"ssedash-cli";
    /// The largest millisecond option value: QTimer counts int milliseconds.
    static constexpr quint64 MaxMilliseconds = std::numeric_limits<int>::max();

    /// `arguments` as QCoreApplication::arguments() gives them, program name first.
    [[nodiscard]] static Invocation parse(const QStringList &arguments);

    [[nodiscard]] static QString helpText();
    [[nodiscard]] static QString versionText();
    /// "Try 'ssedash-cli [command] --help'." for the end of an error message.
    [[nodiscard]] static QString helpHint(const QString &command);

    // Shared by the commands' readers.

    /// An Action::Error invocation of `command` (empty: none) that says `message`.
    [[nodiscard]] static Invocation usageError(const QString &command, const QString &message);
    /// -h, --help: every command takes it, as its first option.
    [[nodiscard]] static QCommandLineOption helpOption();
    /// Parses `arguments` with `parser`, which has helpOption(). Gives an Error invocation when
    /// they do not parse, Help (with `usage` as the first line) for --help, else nothing: the
    /// command goes on to read its options.
    [[nodiscard]] static std::optional<Invocation> parseCommon(QCommandLineParser &parser,
            const QStringList &arguments, const QString &command, const QString &usage);
    /// Plain decimal digits up to `max`: no sign, no spaces, no hex.
    [[nodiscard]] static std::optional<quint64> parseUnsigned(const QString &text, quint64 max);
    /// An absolute http or https URL with a host.
    [[nodiscard]] static bool isHttpUrl(const QUrl &url);
};
