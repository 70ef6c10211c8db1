// SPDX-License-Identifier: MIT
// The export dialog: file, format and scope.
#include "exportdialog.h"

#include "ui/widgets/wheelguard.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr Sse::LogFormat formats[] = {Sse::LogFormat::Ndjson, Sse::LogFormat::Json,
        Sse::LogFormat::Csv, Sse::LogFormat::EventStream};

} // namespace

ExportDialog::ExportDialog(qsizetype allCount, qsizetype filteredCount, QWidget *parent)
    : QDialog(parent)
    , m_file(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_all(new QRadioButton(tr("&All records (%L1)").arg(allCount), this))
    , m_filtered(new QRadioButton(tr("Only the &filtered view (%L1)").arg(filteredCount), this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Export Log"));
    m_file->setObjectName(u"exportFile"_s);
    m_format->setObjectName(u"exportFormat"_s);
    m_all->setObjectName(u"exportAll"_s);
    m_filtered->setObjectName(u"exportFiltered"_s);
    for (const Sse::LogFormat format : formats)
        m_format->addItem(Sse::logFormatDescription(format), QVariant::fromValue(int(format)));
    m_format->setToolTip(tr("NDJSON keeps every field and can be imported again; CSV is for "
                            "spreadsheets; text/event-stream can be served again."));
    m_all->setChecked(true);
    m_filtered->setEnabled(filteredCount != allCount);
    m_error->setObjectName(u"exportError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->hide();

    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    browseButton->setObjectName(u"exportBrowse"_s);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browseButton);

    auto *scope = new QVBoxLayout;
    scope->addWidget(m_all);
    scope->addWidget(m_filtered);

    auto *form = new QFormLayout;
    // A row that holds a layout gets no buddy of its own: give the label one for its mnemonic.
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(tr("Records:"), scope);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_file, &QLineEdit::textEdited, this, &ExportDialog::onFileEdited);
    connect(m_format, &QComboBox::activated, this, &ExportDialog::onFormatPicked);
    WheelGuard::install(this);
    resize(520, sizeHint().height());
}

ExportDialog::~ExportDialog() = default;

QString ExportDialog::fileName() const
{
    return m_file->text().trimmed();
}

void ExportDialog::setFileName(const QString &fileName)
{
    m_file->setText(fileName);
    onFileEdited(fileName);
}

Sse::LogFormat ExportDialog::format() const
{
    return Sse::LogFormat(m_format->currentData().toInt());
}

void ExportDialog::setFormat(Sse::LogFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

bool ExportDialog::filteredOnly() const
{
    return m_filtered->isChecked();
}

void ExportDialog::setFilteredOnly(bool filtered)
{
    (filtered && m_filtered->isEnabled() ? m_filtered : m_all)->setChecked(true);
}

void ExportDialog::accept()
{
    const QString name = fileName();
    QString error;
    if (name.isEmpty())
        error = tr("Choose a file to export to.");
    else if (const QFileInfo info(name); info.isDir())
        error = tr("%1 is a folder; choose a file name.").arg(name);
    else if (!info.absoluteDir().exists())
        error = tr("The folder %1 does not exist.").arg(info.absolutePath());
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

void ExportDialog::browse()
{
    QStringList filters;
    for (const Sse::LogFormat format : formats)
        filters.append(Sse::logFormatFilter(format));
    // Opened, not exec()'d: no nested event loop while the file is chosen.
    auto *dialog = new QFileDialog(this, tr("Export Log"), fileName(), filters.join(u";;"_s));
    dialog->setObjectName(u"exportFileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->selectNameFilter(Sse::logFormatFilter(format()));
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog](const QString &name) {
        onFileChosen(name, dialog->selectedNameFilter());
    });
    dialog->open();
}

void ExportDialog::onFileChosen(const QString &name, const QString &filter)
{
    if (name.isEmpty())
        return;
    for (const Sse::LogFormat format : formats) {
        if (Sse::logFormatFilter(format) == filter)
            setFormat(format);
    }
    setFileName(name);
}

void ExportDialog::onFileEdited(const QString &text)
{
    if (const auto format = Sse::logFormatFromFileName(text.trimmed()))
        setFormat(*format);
}

void ExportDialog::onFormatPicked()
{
    // Keep the suffix in step with the format, so that the file says what it holds.
    const QString name = fileName();
    if (name.isEmpty())
        return;
    const QFileInfo info(name);
    const QString suffix = Sse::logFormatSuffix(format());
    if (info.suffix() == suffix)
        return;
    const QString base = Sse::logFormatFromFileName(name)
            ? name.left(name.size() - info.suffix().size() - 1)
            : name;
    m_file->setText(base + u'.' + suffix);
}
