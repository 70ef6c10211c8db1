// SPDX-License-Identifier: MIT
// installTranslations(): loads ssedash's and Qt's own translations for a locale.
#pragma once

#include <QLocale>
#include <QStringList>

/// Installs on the application the translators for `locale` that exist: ssedash's own (built
/// into the program from resources/translations/ssedash_*.ts) and Qt's (from the system's Qt
/// translations, when installed). Returns the languages loaded, e.g. {"ssedash_de", "qtbase_de"}.
/// English needs nothing: it is the source language.
QStringList installTranslations(const QLocale &locale = QLocale());

/// The languages ssedash has a translation for, as locale names ("de", ...).
[[nodiscard]] QStringList availableTranslations();
