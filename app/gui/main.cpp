// SPDX-License-Identifier: MIT
// ssedash: the dashboard's entry point; until the window lands, the headless path.
#include "headlessdemo.h"

#include "app/cli/consoleoutput.h"
#include "app/cli/signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

namespace {

bool hasDisplay()
{
    // An explicit platform (offscreen, xcb under xvfb-run, ...) is the user's choice.
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
            || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

QString noDisplayText()
{
    return QCoreApplication::translate("main",
            "no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
            "  Run ssedash in a desktop session, or under a virtual display: xvfb-run -a ssedash\n"
            "  Without a window, ssedash-cli does the same work in a terminal:\n"
            "    ssedash-cli publish            the built-in test publisher\n"
            "    ssedash-cli monitor URL        watch a feed as JSON lines\n"
            "  Showing the feed in this terminal instead.");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ssedash"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SSEDASH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main",
            "Watch, debug and publish Server-Sent Events feeds. With no URL, ssedash "
            "starts its built-in publisher and watches it."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
            u"URL"_s, QCoreApplication::translate("main", "A feed to watch."), u"[URL]"_s);
    parser.process(app);

    const QStringList urls = parser.positionalArguments();
    QUrl url;
    if (!urls.isEmpty()) {
        url = QUrl::fromUserInput(urls.first());
        if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1)) {
            printMessage(QCoreApplication::translate("main", "\"%1\" is not an http or https URL.")
                                 .arg(urls.first()));
            return 2;
        }
    }
    if (!hasDisplay())
        printMessage(noDisplayText());
    else
        printMessage(QCoreApplication::translate("main",
                "this build has no dashboard window yet; showing the feed in the "
                "terminal."));

    HeadlessDemo demo;
    QObject::connect(&demo, &HeadlessDemo::finished, &app, &QCoreApplication::exit);
    SignalWatcher watcher;
    for (const int signalNumber : {SIGINT, SIGTERM})
        (void)watcher.watch(signalNumber);
    QObject::connect(&watcher, &SignalWatcher::signalReceived, &demo, &HeadlessDemo::stop);
    if (!demo.start(url)) {
        printMessage(demo.errorString());
        return 1;
    }
    return QCoreApplication::exec();
}
