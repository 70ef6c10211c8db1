// SPDX-License-Identifier: MIT
// ssedash-cli: reads Server-Sent Events and prints them as JSON lines; publishes test streams;
// converts recorded event logs; shows the streams between an app and its server.
#include "commandline.h"
#include "consoleoutput.h"
#include "exitcode.h"
#include "exportcommand.h"
#include "monitorcommand.h"
#include "parsecommand.h"
#include "proxycommand.h"
#include "publishcommand.h"
#include "signalwatcher.h"
#include "ssedash/version.h"

#include <QCoreApplication>

#include <csignal>
#include <initializer_list>

using namespace Qt::Literals::StringLiterals;

namespace {

// Catches the signals; false after printing why not.
bool watchSignals(SignalWatcher &signalWatcher, std::initializer_list<int> signalNumbers)
{
    for (const int signalNumber : signalNumbers) {
        if (!signalWatcher.watch(signalNumber)) {
            printMessage(signalWatcher.errorString());
            return false;
        }
    }
    return true;
}

int runMonitor(const MonitorOptions &options)
{
    MonitorCommand command(options);
    QObject::connect(&command, &MonitorCommand::finished, QCoreApplication::instance(),
            [](int exitCode) { QCoreApplication::exit(exitCode); });

    SignalWatcher signalWatcher;
    if (!watchSignals(signalWatcher, {SIGINT, SIGTERM, SIGUSR1}))
        return ExitFailure;
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

int runPublish(const PublishOptions &options)
{
    PublishCommand command(options);
    QObject::connect(&command, &PublishCommand::finished, QCoreApplication::instance(),
            [](int exitCode) { QCoreApplication::exit(exitCode); });

    // Watching before the URLs go out: a signal sent as soon as they are read still stops us.
    SignalWatcher signalWatcher;
    if (!watchSignals(signalWatcher, {SIGINT, SIGTERM}))
        return ExitFailure;
    QObject::connect(
            &signalWatcher, &SignalWatcher::signalReceived, &command, &PublishCommand::stop);

    const int exitCode = command.start();
    if (exitCode != ExitSuccess)
        return exitCode;
    return QCoreApplication::exec();
}

int runProxy(const ProxyOptions &options)
{
    ProxyCommand command(options);
    QObject::connect(&command, &ProxyCommand::finished, QCoreApplication::instance(),
            [](int exitCode) { QCoreApplication::exit(exitCode); });

    SignalWatcher signalWatcher;
    if (!watchSignals(signalWatcher, {SIGINT, SIGTERM}))
        return ExitFailure;
    QObject::connect(&signalWatcher, &SignalWatcher::signalReceived, &command, &ProxyCommand::stop);

    const int exitCode = command.start();
    if (exitCode != ExitSuccess)
        return exitCode;
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(OptionParsing::ProgramName.toString());
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
    case Invocation::Action::Publish:
        return runPublish(invocation.publish);
    case Invocation::Action::Export:
        return ExportCommand(invocation.exportOptions).run();
    case Invocation::Action::Proxy:
        return runProxy(invocation.proxy);
    }
    return ExitFailure;
}
