// SPDX-License-Identifier: MIT
// bench_qtcorestart: the start-up that any Qt command-line program pays before its own work:
// the dynamic loading of Qt Core and its libraries (ICU, glib, ...) and a QCoreApplication.
// The parser section prints it beside ssedash-cli's start-up and the memchr scan's.
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    const QCoreApplication app(argc, argv);
    return 0;
}
