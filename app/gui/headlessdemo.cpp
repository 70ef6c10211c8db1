// SPDX-License-Identifier: MIT
// The headless path of ssedash: the built-in publisher and a monitor on it.
#include "headlessdemo.h"

#include "app/cli/consoleoutput.h"
#include "app/cli/monitorcommand.h"
#include "sselib/publisher/publisher.h"

HeadlessDemo::HeadlessDemo(QObject *parent)
    : QObject(parent)
{ }

HeadlessDemo::~HeadlessDemo() = default;

bool HeadlessDemo::start(const QUrl &url)
{
    MonitorOptions options;
    options.url = url;
    if (url.isEmpty()) {
        Sse::PublisherOptions publisherOptions;
        publisherOptions.generator.interval = std::chrono::milliseconds(1000);
        m_publisher = std::make_unique<Sse::Publisher>(publisherOptions);
        if (!m_publisher->listen()) {
            m_error = m_publisher->errorString();
            return false;
        }
        options.url = m_publisher->channelUrl({});
        printMessage(tr("the built-in publisher serves %1 (open it in a browser, or watch %2 "
                        "with any SSE client)")
                             .arg(m_publisher->url().toString(), options.url.toString()));
    }
    printMessage(tr("watching %1; Ctrl+C stops").arg(options.url.toString()));
    m_monitor = std::make_unique<MonitorCommand>(options);
    connect(m_monitor.get(), &MonitorCommand::finished, this, &HeadlessDemo::finished);
    m_monitor->start();
    return true;
}

void HeadlessDemo::stop()
{
    if (m_monitor)
        m_monitor->stop();
}
