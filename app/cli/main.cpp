// SPDX-License-Identifier: MIT
// ssedash-cli: reads Server-Sent Events and prints them as JSON lines.
#include "commandline.h"
#include "consoleoutput.h"
#include "monitorcommand.h"
#include "parsecommand.h"
#include "signalwatcher.h"

#include <QCoreApplication>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

namespace {

int runMonitor(const MonitorOptions &options)
{
    MonitorCommand command(options);
    QObject::connect(&command, &MonitorCommand::finished, QCoreApplication::instance(),
            [](int exitCode) { QCoreApplication::exit(exitCode); });

    SignalWatcher signalWatcher;
    for (const int signalNumber : {SIGINT, SIGTERM, SIGUSR1}) {
        if (!signalWatcher.watch(signalNumber)) {
            printMessage(signalWatcher.errorString());
            return ExitFailure;
        }
    }
    QObject::connect(
            &signalWatcher, &SignalWatcher::signalReceived, &command, [&command](int signalNumber) {
                if (signalNumber == SIGUSR1)
                    command.reconnectNow();
                else
                    command.stop();
            });

    // Started from the event loop, so that finishing at once (--timeout 0) still ends exec().
    QMetaObject::invokeMethod(&command, &MonitorCommand::start, Qt::QueuedConnection);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(CommandLine::ProgramName.toString());
    QCoreApplication::setApplicationVersion(QStringLiteral(SSEDASH_VERSION));

    const Invocation invocation = CommandLine::parse(QCoreApplication::arguments());
    switch (invocation.action) {
    case Invocation::Action::Help:
    case Invocation::Action::Version:
        writeStdout(invocation.text.toLocal8Bit());
        return ExitSuccess;
    case Invocation::Action::Error:
        printMessage(invocation.text);
        printMessage(CommandLine::helpHint(invocation.command));
        return ExitUsage;
    case Invocation::Action::Parse:
        return ParseCommand(invocation.parse).run();
    case Invocation::Action::Monitor:
        return runMonitor(invocation.monitor);
    }
    return ExitFailure;
}
