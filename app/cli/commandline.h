// SPDX-License-Identifier: MIT
// CommandLine: reads ssedash-cli's arguments into what the user asked for.
#pragma once

#include "exportoptions.h"
#include "monitoroptions.h"
#include "optionparsing.h"
#include "parseoptions.h"
#include "proxyoptions.h"
#include "publishoptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

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
        Export,
        Proxy
    };

    Action action = Action::Error;
    QString text;
    QString command; ///< "parse", "monitor", "publish", "export", "proxy" or empty, for hints
    ParseOptions parse;
    MonitorOptions monitor;
    PublishOptions publish;
    ExportOptions exportOptions; ///< not "export": that is a C++ keyword
    ProxyOptions proxy;
};

/// Reads the arguments of ssedash-cli (`ssedash-cli COMMAND [options] ...`). Never exits and
/// never prints: errors come back as Invocation::Action::Error with a message. Handles the
/// program-wide options itself and hands the rest to the command's own reader
/// (ParseOptions::fromArguments() and its siblings), which build on OptionParsing.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    /// `arguments` as QCoreApplication::arguments() gives them, program name first.
    [[nodiscard]] static Invocation parse(const QStringList &arguments);

    [[nodiscard]] static QString helpText();
    [[nodiscard]] static QString versionText();
    /// "Try 'ssedash-cli [command] --help'." for the end of an error message.
    [[nodiscard]] static QString helpHint(const QString &command);
};
