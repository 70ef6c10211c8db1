// SPDX-License-Identifier: MIT
// sseconsumer URL N: prints the first N events of URL as JSON lines, as ssedash-cli monitor does.
#include <QCoreApplication>
#include <QTimer>
#include <QUrl>

#include <cstdio>
#include <sselib/eventsource.h>
#include <sselib/jsonlines.h>

namespace {

QByteArray eventLine(const Sse::Event &event)
{
    QByteArray line = R"({"kind":"event","type":)";
    Sse::JsonLines::appendString(line, event.type);
    line += R"(,"data":)";
    Sse::JsonLines::appendString(line, event.data);
    line += R"(,"lastEventId":)";
    Sse::JsonLines::appendString(line, event.lastEventId);
    line += "}\n";
    return line;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const int wanted = arguments.value(2).toInt();
    if (arguments.size() != 3 || wanted <= 0) {
        std::fputs("usage: sseconsumer URL N\n", stderr);
        return 2;
    }

    Sse::EventSource source(QUrl(arguments.at(1)));
    int received = 0;
    QObject::connect(&source, &Sse::EventSource::eventReceived, &app, [&](const Sse::Event &event) {
        const QByteArray line = eventLine(event);
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        if (++received == wanted) {
            source.close();
            QCoreApplication::quit();
        }
    });
    QTimer::singleShot(20000, &app, [] {
        std::fputs("sseconsumer: timed out\n", stderr);
        QCoreApplication::exit(1);
    });
    source.open();
    const int status = QCoreApplication::exec();
    std::fflush(stdout);
    return status;
}
