// SPDX-License-Identifier: MIT
// SecretPrompt: asks for the values of a feed's secret headers that were not remembered.
#include "secretprompt.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

bool isUsable(const QString &value)
{
    return !value.trimmed().isEmpty() && !value.contains(u'\r') && !value.contains(u'\n');
}

} // namespace

SecretPrompt::SecretPrompt(const QString &feedName, const QList<QByteArray> &names, QWidget *parent)
    : QDialog(parent)
    , m_names(names)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"secretPrompt"_s);
    m_buttons->setObjectName(u"buttons"_s);
    setWindowTitle(tr("Connect %1").arg(feedName));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The values of these headers were not remembered. Enter them to "
                                "connect; they are kept until ssedash quits (tick \"Remember "
                                "secret headers\" in Edit Feed to save them)."),
            this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    layout->addLayout(form);
    for (const QByteArray &name : names) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(u"secretEdit_"_s + QString::fromLatin1(name));
        edit->setEchoMode(QLineEdit::Password);
        connect(edit, &QLineEdit::textChanged, this, &SecretPrompt::updateButtons);
        m_edits.append(edit);
        form->addRow(tr("%1:").arg(QString::fromLatin1(name)), edit);
    }

    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SecretPrompt::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButtons();
    if (!m_edits.isEmpty())
        m_edits.constFirst()->setFocus(Qt::OtherFocusReason);
}

SecretPrompt::~SecretPrompt() = default;

QList<QPair<QByteArray, QByteArray>> SecretPrompt::headers() const
{
    QList<QPair<QByteArray, QByteArray>> result;
    for (qsizetype i = 0; i < m_names.size(); ++i)
        result.append({m_names.at(i), m_edits.at(i)->text().trimmed().toUtf8()});
    return result;
}

bool SecretPrompt::isComplete() const
{
    return std::all_of(m_edits.cbegin(), m_edits.cend(),
            [](const QLineEdit *edit) { return isUsable(edit->text()); });
}

void SecretPrompt::accept()
{
    if (isComplete())
        QDialog::accept();
}

void SecretPrompt::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isComplete());
}
