// SPDX-License-Identifier: MIT
// SecretStore: values kept in the desktop's keychain (Secret Service) through QtKeychain.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace QKeychain {
class Job;
}

/// Reads, writes and removes values by key under one service name in the system keychain. Every
/// call returns at once and answers with a signal: the GUI never waits for the keychain. Whether
/// a keychain service answers at all is learnt by checkAvailability(); until then availability()
/// is Unknown. Jobs outlive a destroyed store harmlessly (they are not its children, and their
/// answers are dropped), because QtKeychain's backend may still call back into a job.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Availability {
        Unknown, ///< not checked yet, or the check has not answered
        Available,
        Unavailable, ///< no D-Bus session, no Secret Service, or it did not answer in time
    };
    Q_ENUM(Availability)

    enum class Result {
        Ok,
        NotFound, ///< read or remove of a key the keychain does not hold
        Failed,
    };
    Q_ENUM(Result)

    /// How long checkAvailability() waits for the keychain before calling it unavailable.
    static constexpr std::chrono::milliseconds CheckTimeout{10'000};

    explicit SecretStore(const QString &service, QObject *parent = nullptr);
    ~SecretStore() override;

    [[nodiscard]] QString service() const { return m_service; }

    [[nodiscard]] Availability availability() const { return m_availability; }

    /// Why the keychain is unavailable, for people; empty unless it is.
    [[nodiscard]] QString unavailableReason() const { return m_reason; }

    /// Jobs started and not answered yet.
    [[nodiscard]] int pendingJobs() const { return m_pending; }

    /// Asks the keychain for a key that is not there; its answer (or CheckTimeout's passing)
    /// sets availability(). Does nothing while a check runs or once one has answered.
    void checkAvailability();

    void read(const QString &key);
    void write(const QString &key, const QByteArray &data);
    void remove(const QString &key);

    /// Runs the event loop until no job is pending or `timeout` passed (at quit, so that the
    /// last writes land). True when none is pending.
    bool waitForPending(std::chrono::milliseconds timeout);

Q_SIGNALS:
    void availabilityChanged(SecretStore::Availability availability);
    /// `data` is empty unless `result` is Ok.
    void readFinished(const QString &key, const QByteArray &data, SecretStore::Result result);
    void writeFinished(const QString &key, SecretStore::Result result);
    void removeFinished(const QString &key, SecretStore::Result result);
    /// The last pending job answered.
    void idle();

private:
    void setAvailability(Availability availability, const QString &reason = {});
    /// Starts `job` for `key`; `done` gets it when it answered (this store still alive).
    void startJob(QKeychain::Job *job, const QString &key,
            const std::function<void(QKeychain::Job *)> &done);
    void jobDone();

    QString m_service;
    Availability m_availability = Availability::Unknown;
    QString m_reason;
    int m_pending = 0;
    bool m_checking = false;
};
