// SPDX-License-Identifier: MIT
// HeadlessDemo: what ssedash runs where it opens no window.
#pragma once

#include <QObject>
#include <QUrl>

#include <memory>

namespace Sse {
class Publisher;
}
class MonitorCommand;

/// Watches a feed in the terminal with ssedash-cli's monitor output. With no URL it first
/// starts the built-in publisher on a free loopback port and watches its broadcast channel,
/// so that something moves at once.
class HeadlessDemo final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlessDemo)

public:
    explicit HeadlessDemo(QObject *parent = nullptr);
    ~HeadlessDemo() override;

    /// Starts watching `url`, or the built-in publisher when it is empty. Returns false
    /// with errorString() when the publisher cannot listen.
    [[nodiscard]] bool start(const QUrl &url);

    [[nodiscard]] QString errorString() const { return m_error; }

public Q_SLOTS:
    void stop();

Q_SIGNALS:
    void finished(int exitCode);

private:
    std::unique_ptr<Sse::Publisher> m_publisher;
    std::unique_ptr<MonitorCommand> m_monitor;
    QString m_error;
};
