// SPDX-License-Identifier: MIT
// OptionParsing: what the readers of ssedash-cli's command options share.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <chrono>
#include <limits>
#include <optional>
#include <variant>

QT_BEGIN_NAMESPACE
class QCommandLineOption;
class QCommandLineParser;
class QUrl;
QT_END_NAMESPACE

/// What to print instead of running a command: its help, or what is wrong with the arguments.
struct UsageMessage
{
    enum class Kind {
        Help, ///< print `text` to stdout, exit 0
        Error ///< print `text` and a hint to stderr, exit ExitUsage
    };

    Kind kind = Kind::Error;
    QString text;
    QString command; ///< whose --help an error hints at; empty: the program's
};

/// A command's options read from its arguments, or what to print instead.
template <typename Options>
using OptionsOrUsage = std::variant<Options, UsageMessage>;

/// The parts that the commands' readers (ParseOptions::fromArguments() and its siblings)
/// build on. Never exits and never prints.
class OptionParsing
{
    Q_DECLARE_TR_FUNCTIONS(OptionParsing)

public:
    static constexpr QStringView ProgramName = u"ssedash-cli";
    /// The largest millisecond option value: QTimer counts int milliseconds.
    static constexpr quint64 MaxMilliseconds = std::numeric_limits<int>::max();

    /// A usage error of `command` (empty: none) that says `message`.
    [[nodiscard]] static UsageMessage usageError(const QString &command, const QString &message);
    /// -h, --help: every command takes it, as its first option.
    [[nodiscard]] static QCommandLineOption helpOption();
    /// Parses `arguments` with `parser`, which has helpOption(). Gives an error when they do not
    /// parse, the help (with `usage` as the first line) for --help, else nothing: the command
    /// goes on to read its options.
    [[nodiscard]] static std::optional<UsageMessage> parseCommon(QCommandLineParser &parser,
            const QStringList &arguments, const QString &command, const QString &usage);
    /// Plain decimal digits up to `max`: no sign, no spaces, no hex.
    [[nodiscard]] static std::optional<quint64> parseUnsigned(const QString &text, quint64 max);
    /// A number of seconds from 0 to `max`, fractions allowed, rounded up to milliseconds.
    [[nodiscard]] static std::optional<std::chrono::milliseconds> parseSeconds(
            const QString &text, double max);
    /// An absolute http or https URL with a host.
    [[nodiscard]] static bool isHttpUrl(const QUrl &url);
};
