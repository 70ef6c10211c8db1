// SPDX-License-Identifier: MIT
// A pool of network access managers, at most StreamsPerManager streams on each.
#include "networkpool_p.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QPointer>

namespace Sse {

NetworkPool::NetworkPool(QObject *parent)
    : QObject(parent)
    , m_cookieJar(new QNetworkCookieJar(this))
{ }

NetworkPool::~NetworkPool() = default;

NetworkPool *NetworkPool::instance()
{
    static QPointer<NetworkPool> pool;
    if (!pool) {
        QCoreApplication *app = QCoreApplication::instance();
        pool = new NetworkPool(app);
        // Cached TLS connections would otherwise close after the application object is gone,
        // which Qt 6.4 answers with a warning at exit.
        connect(app, &QCoreApplication::aboutToQuit, pool, [] {
            for (const Slot &slot : std::as_const(pool->m_slots))
                slot.manager->clearConnectionCache();
        });
    }
    return pool;
}

QNetworkAccessManager *NetworkPool::acquire(Tls tls)
{
    for (Slot &slot : m_slots) {
        if (slot.tls == tls && slot.streams < StreamsPerManager) {
            ++slot.streams;
            return slot.manager;
        }
    }
    auto *manager = new QNetworkAccessManager(this);
    manager->setCookieJar(m_cookieJar);
    // Shared by all managers: the pool, not the first manager, owns it.
    m_cookieJar->setParent(this);
    manager->setAutoDeleteReplies(false);
    manager->setTransferTimeout(0);
    m_slots.append({manager, 1, tls});
    return manager;
}

void NetworkPool::release(QNetworkAccessManager *manager)
{
    for (qsizetype i = 0; i < m_slots.size(); ++i) {
        if (m_slots[i].manager != manager)
            continue;
        if (--m_slots[i].streams > 0)
            return;
        // Keep the first manager warm; give back idle ones beyond it.
        if (i > 0) {
            m_slots[i].manager->deleteLater();
            m_slots.removeAt(i);
        }
        return;
    }
}

} // namespace Sse
