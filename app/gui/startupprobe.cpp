// SPDX-License-Identifier: MIT
// The start-up probe: paint events of the window and of the event table's viewport.
#include "startupprobe.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QEvent>
#include <QTableView>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace {

constexpr int TimeoutMs = 30000;

} // namespace

bool StartupProbe::isRequested()
{
    return qEnvironmentVariableIsSet(Variable);
}

StartupProbe::StartupProbe(const QElapsedTimer &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    QTimer::singleShot(TimeoutMs, this, [] {
        std::fprintf(stderr, "startup: no event shown within %d ms\n", TimeoutMs);
        QCoreApplication::exit(1);
    });
}

void StartupProbe::watch(QWidget *window, QTableView *table)
{
    m_window = window;
    m_table = table;
    window->installEventFilter(this);
    if (table)
        table->viewport()->installEventFilter(this);
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint) {
        if (watched == m_window && m_windowShownMs < 0)
            m_windowShownMs = m_clock.elapsed();
        // The paint that puts the first row on the screen: the feed is live.
        if (m_table && watched == m_table->viewport() && m_eventShownMs < 0 && m_table->model()
                && m_table->model()->rowCount() > 0) {
            m_eventShownMs = m_clock.elapsed();
            // After this paint has been done.
            QMetaObject::invokeMethod(this, &StartupProbe::finish, Qt::QueuedConnection);
        }
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::finish()
{
    std::fprintf(stderr, "startup: window shown after %lld ms, first event shown after %lld ms\n",
            static_cast<long long>(m_windowShownMs), static_cast<long long>(m_eventShownMs));
    std::fflush(stderr);
    QCoreApplication::exit(0);
}
