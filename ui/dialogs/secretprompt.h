// SPDX-License-Identifier: MIT
// SecretPrompt: asks for the values of a feed's secret headers that were not remembered.
#pragma once

#include <QByteArray>
#include <QDialog>
#include <QList>
#include <QPair>

QT_BEGIN_NAMESPACE
class QDialogButtonBox;
class QLineEdit;
QT_END_NAMESPACE

/// Asks, before a feed connects, for the values of its secret headers that were not remembered
/// (FeedConfig::missingSecrets): one password field per header, named "secretEdit_<header>".
/// Connect is enabled once every field holds a single-line value; Cancel leaves the feed as it
/// was.
class SecretPrompt final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretPrompt)

public:
    SecretPrompt(
            const QString &feedName, const QList<QByteArray> &names, QWidget *parent = nullptr);
    ~SecretPrompt() override;

    /// Each header with the value typed for it (trimmed), in the order of the names.
    [[nodiscard]] QList<QPair<QByteArray, QByteArray>> headers() const;

    /// Every field holds a usable value.
    [[nodiscard]] bool isComplete() const;

public Q_SLOTS:
    /// Closes the dialog only once it is complete.
    void accept() override;

private:
    void updateButtons();

    QList<QByteArray> m_names;
    QList<QLineEdit *> m_edits;
    QDialogButtonBox *m_buttons = nullptr;
};
