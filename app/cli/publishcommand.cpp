// SPDX-License-Identifier: MIT
// PublishCommand: `ssedash-cli publish`, the built-in test publisher on the command line.
#include "publishcommand.h"

#include "consoleoutput.h"

#include "sselib/publisher.h"

using namespace Qt::Literals::StringLiterals;

PublishCommand::PublishCommand(const PublishOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_publisher(new Sse::Publisher(options.publisher, this))
{
    connect(m_publisher, &Sse::Publisher::clientConnected, this,
            [this](const QString &peer, const QByteArray &channel) {
                logClient(peer, channel, u"connected to");
            });
    connect(m_publisher, &Sse::Publisher::clientDisconnected, this,
            [this](const QString &peer, const QByteArray &channel) {
                logClient(peer, channel, u"left");
            });
}

PublishCommand::~PublishCommand() = default;

int PublishCommand::start()
{
    if (!m_options.replayFile.isEmpty()) {
        printMessage(tr("--replay is not supported yet: this version cannot replay a recorded "
                        "stream, so '%1' was not read; leave out --replay to publish the "
                        "generated feed")
                             .arg(m_options.replayFile));
        return ExitUsage;
    }
    if (!m_publisher->listen()) {
        printMessage(tr("cannot publish: %1").arg(m_publisher->errorString()));
        return ExitFailure;
    }
    const QHostAddress address = m_options.publisher.address;
    if (!address.isLoopback()) {
        printMessage(tr("listening on %1, not only on loopback: whoever reaches this host can "
                        "read and publish events")
                             .arg(address.toString()));
    }
    printUrls();
    return ExitSuccess;
}

void PublishCommand::stop()
{
    if (m_finished)
        return;
    m_finished = true;
    m_publisher->close();
    Q_EMIT finished(ExitSuccess);
}

// Not translated: scripts and tests read these lines.
void PublishCommand::printUrls() const
{
    QString text = u"%1: publishing on %2\n"_s.arg(
            CommandLine::ProgramName, m_publisher->url().toString());
    for (const QByteArray &channel : m_publisher->channels()) {
        const QString url = m_publisher->url(Sse::Publisher::pathOf(channel)).toString();
        if (channel.isEmpty())
            text += u"  broadcast: %1\n"_s.arg(url);
        else
            text += u"  channel %1: %2\n"_s.arg(QString::fromUtf8(channel), url);
    }
    text += u"  stats: %1\n"_s.arg(m_publisher->url(u"/stats"_s).toString());
    writeStdout(text.toUtf8());
}

// A log line, not translated.
void PublishCommand::logClient(
        const QString &peer, const QByteArray &channel, QStringView what) const
{
    printMessage(u"client %1 %2 %3 (clients: %4)"_s.arg(peer, what, Sse::Publisher::pathOf(channel))
                         .arg(m_publisher->clientCount()));
}
