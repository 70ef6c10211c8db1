// SPDX-License-Identifier: MIT
// ExportDialog: where, in which format and which part of a feed's log to export.
#pragma once

#include "sselib/logexport.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
QT_END_NAMESPACE

/// Asks for a file name, a format (chosen from the suffix as it is typed, or picked) and the
/// scope: every record of the log or only the rows the filters show. Object names, for tests and
/// tools: "exportFile", "exportBrowse", "exportFormat", "exportAll", "exportFiltered",
/// "exportError"; "Browse…" opens the "exportFileDialog".
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    ExportDialog(qsizetype allCount, qsizetype filteredCount, QWidget *parent = nullptr);
    ~ExportDialog() override;

    [[nodiscard]] QString fileName() const;
    void setFileName(const QString &fileName);

    [[nodiscard]] Sse::LogFormat format() const;
    void setFormat(Sse::LogFormat format);

    /// True: only the rows the filters show.
    [[nodiscard]] bool filteredOnly() const;
    void setFilteredOnly(bool filtered);

public Q_SLOTS:
    void accept() override;
    /// Opens a file dialog (window-modal); the file chosen there fills the form.
    void browse();

private:
    void onFileEdited(const QString &text);
    void onFileChosen(const QString &name, const QString &filter);
    void onFormatPicked();

    QLineEdit *m_file = nullptr;
    QComboBox *m_format = nullptr;
    QRadioButton *m_all = nullptr;
    QRadioButton *m_filtered = nullptr;
    QLabel *m_error = nullptr;
};
