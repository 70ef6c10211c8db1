// SPDX-License-Identifier: MIT
// ParseOptions: the options of `ssedash-cli parse`, read from its arguments.
#pragma once

#include "optionparsing.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/// Options of `ssedash-cli parse`.
struct ParseOptions
{
    Q_DECLARE_TR_FUNCTIONS(ParseOptions)

public:
    QString fileName; ///< empty or "-": standard input
    qsizetype chunkSize = 0; ///< bytes per Parser::feed(); 0: as read
    bool count = false; ///< only print totals at the end

    /// Reads `ssedash-cli parse [options] [FILE]`; `arguments` start with the program name,
    /// without the command. Gives the options, or the help or error to print.
    [[nodiscard]] static OptionsOrUsage<ParseOptions> fromArguments(const QStringList &arguments);
};
