// SPDX-License-Identifier: MIT
// ssedash: the dashboard's entry point: the window, or the headless path without a display.
#include "headlessdemo.h"
#include "ssedash/version.h"
#include "startupprobe.h"

#include "app/cli/consoleoutput.h"
#include "app/cli/signalwatcher.h"
#include "sselib/capture/captureproxy.h"
#include "ui/appicon.h"
#include "ui/capture/captureactions.h"
#include "ui/feedpanel/eventtable.h"
#include "ui/feedpanel/feedpanel.h"
#include "ui/mainwindow.h"
#include "ui/models/capturesession.h"
#include "ui/models/feedsettings.h"
#include "ui/models/secretstore.h"
#include "ui/translation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QPixmap>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

#include <csignal>
#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

bool hasDisplay()
{
    // An explicit platform (offscreen, xcb under xvfb-run, ...) is the user's choice.
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
            || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

// "1024x700" as a size; nothing for anything else.
std::optional<QSize> parseWindowSize(const QString &text)
{
    const QStringList parts = text.trimmed().toLower().split(u'x');
    bool widthOk = false;
    bool heightOk = false;
    const int width = parts.value(0).toInt(&widthOk);
    const int height = parts.value(1).toInt(&heightOk);
    if (parts.size() != 2 || !widthOk || !heightOk || width <= 0 || height <= 0)
        return std::nullopt;
    return QSize(width, height);
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

int runHeadless(const QUrl &url)
{
    printMessage(noDisplayText());
    HeadlessDemo demo;
    QObject::connect(&demo, &HeadlessDemo::finished, qApp, &QCoreApplication::exit);
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

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer startClock; // for StartupProbe
    startClock.start();
    const bool display = hasDisplay();
    std::unique_ptr<QCoreApplication> app = display
            ? std::make_unique<QApplication>(argc, argv)
            : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(u"ssedash"_s);
    QCoreApplication::setApplicationName(u"ssedash"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SSEDASH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main",
            "Watch, debug and publish Server-Sent Events feeds. With no URL, ssedash "
            "starts its built-in publisher and watches it."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshotOption(u"screenshot"_s,
            QCoreApplication::translate("main", "Save a picture of the window to FILE."),
            u"FILE"_s);
    const QCommandLineOption quitAfterOption(u"quit-after"_s,
            QCoreApplication::translate(
                    "main", "Quit after MS milliseconds (after the screenshot)."),
            u"MS"_s);
    const QCommandLineOption windowSizeOption(u"window-size"_s,
            QCoreApplication::translate("main", "Open the window WIDTHxHEIGHT pixels large."),
            u"WIDTHxHEIGHT"_s);
    const QCommandLineOption noSettingsOption(u"no-settings"_s,
            QCoreApplication::translate("main",
                    "Neither restore nor save feeds and layout (implied by URL arguments and "
                    "--screenshot)."));
    const QCommandLineOption captureOption(u"capture"_s,
            QCoreApplication::translate("main",
                    "Start a capture proxy to UPSTREAM (http or https) instead of the built-in "
                    "publisher: point an app at the proxy and its streams show as captured "
                    "feeds."),
            u"UPSTREAM"_s);
    const QCommandLineOption capturePortOption(u"capture-port"_s,
            QCoreApplication::translate(
                    "main", "The capture proxy's port on 127.0.0.1 (default: any free one)."),
            u"PORT"_s);
    parser.addOptions({screenshotOption, quitAfterOption, windowSizeOption, noSettingsOption,
            captureOption, capturePortOption});
    parser.addPositionalArgument(u"URL"_s,
            QCoreApplication::translate("main", "Feeds to watch (the window takes several)."),
            u"[URL...]"_s);
    parser.process(*app);

    QList<QUrl> urls;
    const QStringList arguments = parser.positionalArguments();
    for (const QString &argument : arguments) {
        // Loose like a browser's address bar ("localhost:8080/events"), then the dialog's rules.
        const QUrl url = QUrl::fromUserInput(argument);
        if (const QString error = FeedSettingsStore::urlError(url.toString()); !error.isEmpty()) {
            printMessage(error);
            return 2;
        }
        urls.append(url);
    }
    bool quitAfterOk = true;
    const int quitAfter = parser.isSet(quitAfterOption)
            ? parser.value(quitAfterOption).toInt(&quitAfterOk)
            : (parser.isSet(screenshotOption) ? 3000 : -1);
    if (!quitAfterOk || (parser.isSet(quitAfterOption) && quitAfter < 0)) {
        printMessage(QCoreApplication::translate("main", "--quit-after takes milliseconds."));
        return 2;
    }

    const std::optional<QSize> windowSize = parser.isSet(windowSizeOption)
            ? parseWindowSize(parser.value(windowSizeOption))
            : std::nullopt;
    if (parser.isSet(windowSizeOption) && !windowSize) {
        printMessage(QCoreApplication::translate(
                "main", "--window-size takes WIDTHxHEIGHT in pixels, such as 1024x700."));
        return 2;
    }

    std::optional<Sse::CaptureOptions> capture;
    if (parser.isSet(captureOption)) {
        capture = Sse::CaptureOptions();
        capture->upstream = QUrl::fromUserInput(parser.value(captureOption));
        if (const auto why = Sse::CaptureProxy::checkUpstream(capture->upstream)) {
            printMessage(*why);
            return 2;
        }
        bool portOk = true;
        const uint port = parser.isSet(capturePortOption)
                ? parser.value(capturePortOption).toUInt(&portOk)
                : 0;
        if (!portOk || port > 65535) {
            printMessage(QCoreApplication::translate("main", "--capture-port takes a port."));
            return 2;
        }
        capture->port = quint16(port);
    }

    if (!display && capture) {
        printMessage(QCoreApplication::translate("main",
                "--capture needs a window; without one, ssedash-cli proxy --upstream URL "
                "captures in a terminal."));
        return 2;
    }
    if (!display)
        return runHeadless(urls.value(0));

    installTranslations();
    // The id of the installed .desktop file: Wayland compositors find the name and icon by it.
    QGuiApplication::setDesktopFileName(QStringLiteral(SSEDASH_APP_ID));
    QApplication::setWindowIcon(appIcon());
    MainWindow window;
    // Saved feeds come back in a normal start; a start on given URLs or for a picture is a
    // one-off that leaves them alone.
    const bool useSettings = urls.isEmpty() && !capture && !parser.isSet(screenshotOption)
            && !parser.isSet(noSettingsOption);
    QSettings settings;
    // Remembered feed secrets live in the desktop's keychain, only where feeds are saved.
    SecretStore secrets(u"ssedash"_s);
    if (useSettings) {
        window.setSecretStore(&secrets);
        const QStringList warnings = window.restoreSettings(settings);
        for (const QString &warning : warnings)
            printMessage(warning);
        if (!warnings.isEmpty())
            window.statusBar()->showMessage(warnings.join(u' '), 10000);
        window.setAutoSaveSettings(&settings);
    }
    if (capture) {
        if (window.captureActions()->start(*capture)) {
            printMessage(QCoreApplication::translate("main", "capturing %1 -> %2")
                                 .arg(window.captureSession()->url().toString(),
                                         capture->upstream.toString()));
        } else {
            printMessage(window.captureSession()->errorString());
        }
    } else if (urls.isEmpty()) {
        if (!window.startDefault())
            printMessage(window.publisherError());
    }
    for (const QUrl &url : std::as_const(urls)) {
        FeedConfig config;
        config.url = url;
        window.addFeed(config, true);
    }
    if (windowSize)
        window.resize(*windowSize);
    window.show();
    std::unique_ptr<StartupProbe> probe;
    if (StartupProbe::isRequested()) {
        probe = std::make_unique<StartupProbe>(startClock);
        probe->watch(&window, window.currentPanel() ? window.currentPanel()->tableView() : nullptr);
    }

    if (quitAfter >= 0) {
        const QString screenshot = parser.value(screenshotOption);
        QTimer::singleShot(quitAfter, &window, [&window, screenshot] {
            // The picture shows an event in the detail pane too, and the table still following.
            if (FeedPanel *panel = window.currentPanel(); panel && !screenshot.isEmpty()) {
                panel->tableView()->selectRow(panel->tableView()->model()->rowCount() - 1);
                panel->eventTable()->setFollowLive(true);
                // The detail pane's new text asks for a layout pass; grab() would not wait.
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            }
            if (!screenshot.isEmpty() && !window.grab().save(screenshot))
                printMessage(
                        QCoreApplication::translate("main", "cannot write %1").arg(screenshot));
            QCoreApplication::exit(0);
        });
    }
    return QCoreApplication::exec();
}
