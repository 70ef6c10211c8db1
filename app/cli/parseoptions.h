// SPDX-License-Identifier: MIT
// ParseOptions: the options of `ssedash-cli parse`, read from its arguments.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

struct Invocation;

/// Options of `ssedash-cli parse`.
struct ParseOptions
{
    Q_DECLARE_TR_FUNCTIONS(ParseOptions)

public:
    QString fileName; ///< empty or "-": standard input
    qsizetype chunkSize = 0; ///< bytes per Parser::feed(); 0: as read
    bool count = false; ///< only print totals at the end

    /// Reads `ssedash-cli parse [options] [FILE]`; `arguments` start with the program name,
    /// without the command. Gives Help, Error or Parse with these options.
    [[nodiscard]] static Invocation fromArguments(const QStringList &arguments);
};
