// SPDX-License-Identifier: MIT
// ssedash-cli, the program users run. `parse` and `export` run here, in a program that loads
// only Qt Core, so that a parse starts in about half the time (no Qt Network, HttpServer or
// WebSockets, and their libraries, to map). Every other command, and parse or export arguments
// that are not simply accepted (--help, usage errors), go to the full tool, ssedash-cli-full
// (main.cpp), which then runs as this very process (exec): its output, exit code, process id and
// signals are what they would be had it been started itself.
#include "consoleoutput.h"
#include "exitcode.h"
#include "exportcommand.h"
#include "exportoptions.h"
#include "optionparsing.h"
#include "parsecommand.h"
#include "parseoptions.h"
#include "ssedash/version.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <variant>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr QStringView FullToolName = u"ssedash-cli-full";

// Where the installed full tool is: LIBEXECDIR/ssedash, found from BINDIR by the relative path
// that CMake worked out (SSEDASH_CLI_LIBEXEC).
QString libexecDir()
{
    return QDir::cleanPath(
            QCoreApplication::applicationDirPath() + u'/' + QStringLiteral(SSEDASH_CLI_LIBEXEC));
}

// Beside this program in the build tree; installed, in libexecDir().
QString fullToolPath()
{
    const QString name = FullToolName.toString();
    for (const QString &dir : {QCoreApplication::applicationDirPath(), libexecDir()}) {
        const QString path = QDir(dir).filePath(name);
        if (QFileInfo(path).isExecutable())
            return path;
    }
    return {};
}

int execFullTool(char *argv[])
{
    const QString path = fullToolPath();
    if (path.isEmpty()) {
        printMessage(
                QCoreApplication::translate(
                        "ssedash-cli", "%1 is missing: it should be beside %2 or in %3")
                        .arg(FullToolName, QCoreApplication::applicationDirPath(), libexecDir()));
        return ExitFailure;
    }
    const QByteArray file = QFile::encodeName(path);
    ::execv(file.constData(), argv);
    const int error = errno;
    printMessage(QCoreApplication::translate("ssedash-cli", "cannot run %1: %2")
                         .arg(path, QString::fromLocal8Bit(std::strerror(error))));
    return ExitFailure;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(OptionParsing::ProgramName.toString());
    QCoreApplication::setApplicationVersion(QStringLiteral(SSEDASH_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    // Anything but accepted parse or export arguments: the full tool. The per-command parser sees
    // "ssedash-cli parse" as the program, as in CommandLine.
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.value(0));
    if (command == u"parse"_s) {
        const OptionsOrUsage<ParseOptions> result = ParseOptions::fromArguments(rest);
        if (const auto *options = std::get_if<ParseOptions>(&result))
            return ParseCommand(*options).run();
    } else if (command == u"export"_s) {
        const OptionsOrUsage<ExportOptions> result = ExportOptions::fromArguments(rest);
        if (const auto *options = std::get_if<ExportOptions>(&result))
            return ExportCommand(*options).run();
    }
    return execFullTool(argv);
}
