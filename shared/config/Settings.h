// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace gerbang {

// Every setting is declared once, in Settings.cpp, with its INI key, its environment variable
// and its default. Precedence: command-line override > environment > INI file > default.
struct SettingDef
{
    QString key; // INI "section/name"
    QString env; // environment variable, or empty
    QString defaultValue;
    bool secret = false; // a file that holds it must not be readable by others
    QString help;
};

class Settings
{
public:
    static const QList<SettingDef> &definitions();

    // Loads `configPath` (empty: no file) and the environment. On failure returns false with a
    // message fit to print to the admin. `explicitPath` makes a missing file an error.
    bool load(const QString &configPath, bool explicitPath, const QProcessEnvironment &env,
              QString *error);
    void setOverride(const QString &key, const QString &value) { m_values.insert(key, value); }

    QString value(const QString &key) const;
    int intValue(const QString &key, int min, int max, bool *ok = nullptr) const;
    QString configPath() const { return m_configPath; }

    // Validates every typed value and returns the problems found.
    QStringList validate() const;

    // Resolved conveniences.
    QString dataDir() const;
    QString listenHost() const;
    quint16 listenPort() const;

    static QString defaultConfigPath(const QProcessEnvironment &env);

private:
    QString m_configPath;
    QHash<QString, QString> m_values;
};

} // namespace gerbang
