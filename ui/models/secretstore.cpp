// SPDX-License-Identifier: MIT
// SecretStore on QtKeychain's asynchronous jobs.
#include "secretstore.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>
#include <qt6keychain/keychain.h>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcKeychain, "ssedash.keychain")

namespace {

// Never written: asking for it tells whether a keychain answers.
constexpr auto ProbeKey = "availability-check"_L1;

SecretStore::Result resultOf(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return SecretStore::Result::Ok;
    case QKeychain::EntryNotFound:
        return SecretStore::Result::NotFound;
    default:
        qCWarning(lcKeychain, "%s", qPrintable(job->errorString()));
        return SecretStore::Result::Failed;
    }
}

} // namespace

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

SecretStore::~SecretStore() = default;

void SecretStore::checkAvailability()
{
    if (m_checking || m_availability != Availability::Unknown)
        return;
    m_checking = true;
    // No parent: QtKeychain's backend calls back into the job, which must outlive this store.
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(ProbeKey);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *done) {
        if (!m_checking)
            return; // timed out before
        m_checking = false;
        const QKeychain::Error error = done->error();
        if (error == QKeychain::NoError || error == QKeychain::EntryNotFound)
            setAvailability(Availability::Available);
        else
            setAvailability(Availability::Unavailable, done->errorString());
    });
    QTimer::singleShot(CheckTimeout, this, [this] {
        if (!m_checking)
            return;
        m_checking = false;
        setAvailability(Availability::Unavailable,
                tr("the keychain did not answer within %1 seconds")
                        .arg(std::chrono::duration_cast<std::chrono::seconds>(CheckTimeout)
                                        .count()));
    });
    job->start();
}

void SecretStore::setAvailability(Availability availability, const QString &reason)
{
    m_reason = reason.isEmpty() && availability == Availability::Unavailable
            ? tr("no keychain service is running")
            : reason;
    if (availability == Availability::Unavailable)
        qCInfo(lcKeychain, "no keychain: %s", qPrintable(m_reason));
    m_availability = availability;
    Q_EMIT availabilityChanged(availability);
}

void SecretStore::read(const QString &key)
{
    startJob(new QKeychain::ReadPasswordJob(m_service), key, [this, key](QKeychain::Job *done) {
        const Result result = resultOf(done);
        const QByteArray data = result == Result::Ok
                ? static_cast<QKeychain::ReadPasswordJob *>(done)->binaryData()
                : QByteArray();
        Q_EMIT readFinished(key, data, result);
    });
}

void SecretStore::write(const QString &key, const QByteArray &data)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setBinaryData(data);
    startJob(job, key,
            [this, key](QKeychain::Job *done) { Q_EMIT writeFinished(key, resultOf(done)); });
}

void SecretStore::remove(const QString &key)
{
    startJob(new QKeychain::DeletePasswordJob(m_service), key,
            [this, key](QKeychain::Job *done) { Q_EMIT removeFinished(key, resultOf(done)); });
}

void SecretStore::startJob(
        QKeychain::Job *job, const QString &key, const std::function<void(QKeychain::Job *)> &done)
{
    // No parent: QtKeychain's backend calls back into the job, which must outlive this store.
    job->setKey(key);
    ++m_pending;
    connect(job, &QKeychain::Job::finished, this, [this, done](QKeychain::Job *finished) {
        done(finished);
        jobDone();
    });
    job->start();
}

void SecretStore::jobDone()
{
    if (--m_pending == 0)
        Q_EMIT idle();
}

bool SecretStore::waitForPending(std::chrono::milliseconds timeout)
{
    if (m_pending == 0)
        return true;
    QEventLoop loop;
    connect(this, &SecretStore::idle, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    loop.exec();
    return m_pending == 0;
}
