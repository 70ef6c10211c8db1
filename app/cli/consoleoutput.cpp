// SPDX-License-Identifier: MIT
// Console output of ssedash-cli: whole lines to stdout, messages to stderr.
#include "consoleoutput.h"

#include "optionparsing.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cstdio>

void writeStdout(QByteArrayView bytes)
{
    // A reader that went away (EPIPE) is not worth a message; SIGPIPE ends us anyway.
    const size_t written = std::fwrite(bytes.data(), 1, size_t(bytes.size()), stdout);
    Q_UNUSED(written)
    std::fflush(stdout);
}

void printMessage(const QString &message)
{
    // The program's own name: ssedash shares these messages with ssedash-cli.
    const QString program = QCoreApplication::applicationName().isEmpty()
            ? OptionParsing::ProgramName.toString()
            : QCoreApplication::applicationName();
    const QByteArray line = program.toLocal8Bit() + ": " + message.toLocal8Bit() + '\n';
    const size_t written = std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    Q_UNUSED(written)
    std::fflush(stderr);
}
