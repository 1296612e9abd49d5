// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

namespace gerbang {

// The console's language: Bahasa Indonesia or English, chosen from the system locale on the
// first start, then remembered. Switching installs the translator, which makes Qt send
// QEvent::LanguageChange to every widget; pages retranslate themselves on it.
class Language : public QObject
{
    Q_OBJECT
public:
    explicit Language(QObject *parent = nullptr);

    static QStringList available() { return {QStringLiteral("id"), QStringLiteral("en")}; }
    // The remembered choice, else "id" for an Indonesian system locale, else "en".
    static QString initial();
    QString current() const { return m_current; }
    // Installs the translation for "id" or "en"; remembers it when `remember` is set.
    bool apply(const QString &code, bool remember = true);
    // The locale dates and numbers are formatted with.
    QLocale locale() const;

Q_SIGNALS:
    void changed(const QString &code);

private:
    QTranslator m_translator;
    QString m_current;
};

} // namespace gerbang
