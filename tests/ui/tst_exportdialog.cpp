// SPDX-License-Identifier: MIT
// Tests of ExportDialog: its named fields and "Browse…", which opens a file dialog without exec().
#include "tests/support/child.h"

#include "sselib/logexport.h"
#include "ui/dialogs/exportdialog.h"

#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::child;

class tst_ExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void widgets_haveObjectNames();
    void browse_fileDialogFillsTheForm();
    void browse_cancelKeepsTheForm();
};

void tst_ExportDialog::widgets_haveObjectNames()
{
    ExportDialog dialog(10, 5);
    QVERIFY(child<QLineEdit>(&dialog, u"exportFile"_s));
    QVERIFY(child<QPushButton>(&dialog, u"exportBrowse"_s));
    QCOMPARE(child<QComboBox>(&dialog, u"exportFormat"_s)->count(), 4);
    QVERIFY(child<QRadioButton>(&dialog, u"exportAll"_s)->isChecked());
    QVERIFY(child<QRadioButton>(&dialog, u"exportFiltered"_s)->isEnabled());
    QVERIFY(child<QLabel>(&dialog, u"exportError"_s)->isHidden());
}

void tst_ExportDialog::browse_fileDialogFillsTheForm()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ExportDialog dialog(10, 5);
    dialog.setFileName(dir.filePath(u"log.ndjson"_s));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    // The click returns with the file dialog up: it was opened, not run in a nested loop.
    child<QPushButton>(&dialog, u"exportBrowse"_s)->click();
    auto *files = child<QFileDialog>(&dialog, u"exportFileDialog"_s);
    QVERIFY(files);
    QVERIFY(files->isVisible());
    QCOMPARE(files->windowModality(), Qt::WindowModal);
    QCOMPARE(files->acceptMode(), QFileDialog::AcceptSave);
    QCOMPARE(files->selectedNameFilter(), Sse::logFormatFilter(Sse::LogFormat::Ndjson));

    // The filter picked there sets the format, even for a name whose suffix says none.
    const QString chosen = dir.filePath(u"chosen.log"_s);
    files->selectNameFilter(Sse::logFormatFilter(Sse::LogFormat::Csv));
    files->selectFile(chosen);
    static_cast<QDialog *>(files)->accept(); // QFileDialog makes its override protected
    QCOMPARE(dialog.fileName(), chosen);
    QCOMPARE(dialog.format(), Sse::LogFormat::Csv);
    QTRY_VERIFY(!dialog.findChild<QFileDialog *>());
}

void tst_ExportDialog::browse_cancelKeepsTheForm()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = dir.filePath(u"log.sse"_s);
    ExportDialog dialog(10, 10);
    dialog.setFileName(name);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QPushButton>(&dialog, u"exportBrowse"_s)->click();
    auto *files = child<QFileDialog>(&dialog, u"exportFileDialog"_s);
    QVERIFY(files);
    files->reject();
    QCOMPARE(dialog.fileName(), name);
    QCOMPARE(dialog.format(), Sse::LogFormat::EventStream);
    QTRY_VERIFY(!dialog.findChild<QFileDialog *>());
}

QTEST_MAIN(tst_ExportDialog)
#include "tst_exportdialog.moc"
