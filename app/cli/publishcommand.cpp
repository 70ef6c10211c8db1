// SPDX-License-Identifier: MIT
// PublishCommand: `ssedash-cli publish`, the built-in test publisher on the command line.
#include "publishcommand.h"

#include "consoleoutput.h"
#include "exitcode.h"
#include "optionparsing.h"

#include "sselib/publisher/publisher.h"
#include "sselib/publisher/replay.h"

#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

namespace {

QtMessageHandler previousHandler = nullptr;

// Passes on every message but the publisher's own warnings: start() says them in its words.
void withoutPublisherWarnings(
        QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const bool publisherWarning = type == QtWarningMsg && context.category
            && QByteArrayView(context.category) == "ssedash.sselib.publisher";
    if (!publisherWarning && previousHandler)
        previousHandler(type, context, message);
}

// A replay takes the place of the generated events, and keeps the recorded ids as they were.
Sse::PublisherOptions publisherOptions(const PublishOptions &options)
{
    Sse::PublisherOptions result = options.publisher;
    if (!options.replayFile.isEmpty()) {
        result.generator.interval = std::chrono::milliseconds(0);
        result.generator.ids = Sse::GeneratorSettings::Ids::None;
    }
    return result;
}

} // namespace

PublishCommand::PublishCommand(const PublishOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_publisher(new Sse::Publisher(publisherOptions(options), this))
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
    if (!m_options.replayFile.isEmpty() && !prepareReplay())
        return ExitFailure;
    // Sse::Publisher::listen() warns of a non-loopback address in the log; the command prints
    // that warning itself (translated, with the program's name), once.
    previousHandler = qInstallMessageHandler(withoutPublisherWarnings);
    const bool listening = m_publisher->listen();
    qInstallMessageHandler(previousHandler);
    if (!listening) {
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

// Reads the log now, so that a bad file fails at once; plays it when the first client
// subscribes to the broadcast channel, so that it is watched from its first event.
bool PublishCommand::prepareReplay()
{
    const Sse::ReplayFileResult read = Sse::Replay::readFile(m_options.replayFile);
    if (!read.ok) {
        printMessage(tr("cannot replay %1").arg(read.error));
        return false;
    }
    m_replay = new Sse::Replay(m_publisher, read.events, m_options.replaySpeed, {}, this);
    connect(m_replay, &Sse::Replay::finished, this, [this] {
        printMessage(tr("replay finished: %n event(s)", nullptr, int(m_replay->size())));
    });
    connect(m_publisher, &Sse::Publisher::clientConnected, m_replay,
            [this](const QString &, const QByteArray &channel) {
                if (!channel.isEmpty() || m_replay->isRunning() || m_replay->position() > 0)
                    return;
                printMessage(tr("replaying %n event(s) from %1 at %2x speed", nullptr,
                        int(m_replay->size()))
                                     .arg(m_options.replayFile)
                                     .arg(m_options.replaySpeed));
                m_replay->start();
            });
    return true;
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
            OptionParsing::ProgramName, m_publisher->url().toString());
    for (const QByteArray &channel : m_publisher->channels()) {
        const QString url = m_publisher->channelUrl(channel).toString();
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
