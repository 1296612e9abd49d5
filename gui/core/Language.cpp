// SPDX-License-Identifier: GPL-3.0-or-later
#include "Language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace gerbang {

Language::Language(QObject *parent)
    : QObject(parent)
{
}

QString Language::initial()
{
    // A console preference, kept apart from gerbang.ini: gerbangd refuses unknown settings.
    const QString saved = QSettings().value(u"console/language"_s).toString();
    if (available().contains(saved))
        return saved;
    return QLocale::system().language() == QLocale::Indonesian ? u"id"_s : u"en"_s;
}

bool Language::apply(const QString &code, bool remember)
{
    if (!available().contains(code))
        return false;
    QCoreApplication::removeTranslator(&m_translator);
    const bool loaded = m_translator.load(u":/i18n/gerbang_%1.qm"_s.arg(code));
    if (loaded)
        QCoreApplication::installTranslator(&m_translator);
    m_current = code;
    QLocale::setDefault(locale());
    if (remember)
        QSettings().setValue(u"console/language"_s, code);
    Q_EMIT changed(code);
    return loaded;
}

QLocale Language::locale() const
{
    return m_current == u"id"_s ? QLocale(QLocale::Indonesian, QLocale::Indonesia)
                                : QLocale(QLocale::English, QLocale::UnitedKingdom);
}

} // namespace gerbang
