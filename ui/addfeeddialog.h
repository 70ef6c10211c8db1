// SPDX-License-Identifier: MIT
// AddFeedDialog: asks for a new feed's name, URL, method, body and headers.
#pragma once

#include "feed.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
QT_END_NAMESPACE

/// A small form for one FeedConfig. accept() refuses anything but an http or https URL and
/// says why in errorLabel(); header lines are "Name: value", one a line.
class AddFeedDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddFeedDialog)

public:
    explicit AddFeedDialog(QWidget *parent = nullptr);
    ~AddFeedDialog() override;

    /// The feed as entered; valid only after accept() succeeded (or validate() returned true).
    [[nodiscard]] FeedConfig config() const;

    /// Checks the form; false with errorText() set when it cannot become a feed.
    [[nodiscard]] bool validate();

    [[nodiscard]] QString errorText() const;

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }

    [[nodiscard]] QLineEdit *urlEdit() const { return m_url; }

    [[nodiscard]] QComboBox *methodBox() const { return m_method; }

    [[nodiscard]] QPlainTextEdit *bodyEdit() const { return m_body; }

    [[nodiscard]] QPlainTextEdit *headersEdit() const { return m_headers; }

    [[nodiscard]] QLabel *errorLabel() const { return m_error; }

public Q_SLOTS:
    void accept() override;

private:
    void showError(const QString &text);

    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_method = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QPlainTextEdit *m_headers = nullptr;
    QLabel *m_error = nullptr;
};
