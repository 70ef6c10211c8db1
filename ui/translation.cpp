// SPDX-License-Identifier: MIT
// Loading ssedash's and Qt's translations.
#include "translation.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString ResourceDirectory = u":/i18n"_s;

bool install(const QLocale &locale, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, name, u"_"_s, directory)
            && QCoreApplication::installTranslator(translator))
        return true;
    delete translator;
    return false;
}

} // namespace

QStringList installTranslations(const QLocale &locale)
{
    QStringList loaded;
    if (install(locale, u"ssedash"_s, ResourceDirectory))
        loaded.append(u"ssedash_"_s + locale.name().section(u'_', 0, 0));
    // Qt's own dialogs (file dialog, message box buttons) in the same language.
    if (install(locale, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        loaded.append(u"qtbase_"_s + locale.name().section(u'_', 0, 0));
    return loaded;
}

QStringList availableTranslations()
{
    QStringList languages;
    const QStringList files = QDir(ResourceDirectory).entryList({u"ssedash_*.qm"_s});
    for (const QString &file : files)
        languages.append(file.mid(8).chopped(3));
    return languages;
}
