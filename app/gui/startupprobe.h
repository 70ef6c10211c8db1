// SPDX-License-Identifier: MIT
// StartupProbe: with SSEDASH_STARTUP_PROBE set, times the start-up and quits (for bench/).
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QTableView;
class QWidget;
QT_END_NAMESPACE

/// Watches the window's first paint and the first paint of the event table with a row in it
/// (the built-in publisher's first event, shown), then prints
/// "startup: window shown after N ms, first event shown after M ms" (since main() began) to
/// stderr and quits with exit code 0; after 30 s without an event, exit code 1. The benchmark
/// suite (bench/suite/startup.py) runs the real binary this way.
class StartupProbe final : public QObject
{
    Q_OBJECT

public:
    /// The environment variable that turns the probe on.
    static constexpr const char *Variable = "SSEDASH_STARTUP_PROBE";

    [[nodiscard]] static bool isRequested();

    /// `clock` started at the top of main().
    explicit StartupProbe(const QElapsedTimer &clock, QObject *parent = nullptr);

    /// Starts watching `window` and `table` (the current feed's; may be null: then only a
    /// timeout ends the run).
    void watch(QWidget *window, QTableView *table);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void finish();

    QElapsedTimer m_clock;
    QPointer<QWidget> m_window;
    QPointer<QTableView> m_table;
    qint64 m_windowShownMs = -1;
    qint64 m_eventShownMs = -1;
};
