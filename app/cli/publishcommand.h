// SPDX-License-Identifier: MIT
// PublishCommand: `ssedash-cli publish`, the built-in test publisher on the command line.
#pragma once

#include "publishoptions.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace Sse {
class Publisher;
class Replay;
} // namespace Sse

/// Runs an Sse::Publisher. Once it listens, prints the URLs it serves to stdout, one a line,
/// in a fixed form that tools read; then logs each client that comes or goes to stderr.
/// Runs until stop(), which emits finished(ExitSuccess).
class PublishCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishCommand)

public:
    explicit PublishCommand(const PublishOptions &options, QObject *parent = nullptr);
    ~PublishCommand() override;

    /// Starts listening and prints the URLs. Returns ExitSuccess, or the exit code to end
    /// with after printing why the publisher could not start.
    [[nodiscard]] int start();

public Q_SLOTS:
    /// Ends every stream and stops listening; emits finished(ExitSuccess).
    void stop();

Q_SIGNALS:
    void finished(int exitCode);

private:
    [[nodiscard]] bool prepareReplay();
    void printUrls() const;
    void logClient(const QString &peer, const QByteArray &channel, QStringView what) const;

    PublishOptions m_options;
    Sse::Publisher *m_publisher = nullptr;
    Sse::Replay *m_replay = nullptr;
    bool m_finished = false;
};
