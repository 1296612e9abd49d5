// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Vocabulary.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace gerbang {

// When a changed setting takes effect in a running gateway.
enum class SettingApply
{
    Restart, // read at start only
    Reload   // on SIGHUP, and at once from the console (retention)
};

// Every setting is declared once, in Settings.cpp, with its INI key, its environment variable,
// its default, for a whole number its range, its label and help, and when a change applies.
// Nothing else spells a range or a default: Settings::intValue() and validate(), EngineConfig
// (and the defaults of the engine's parts, through defaultInt()), the console and the generated
// gerbang.ini and manual pages read this table. Precedence: command-line override >
// environment > INI file > default.
struct SettingDef
{
    // Every member has a default member initializer, so that an entry of the table names only
    // what it sets (designated initializers) without -Wmissing-field-initializers.
    QString key{}; // INI "section/name"
    QString env{}; // environment variable, or empty
    QString defaultValue{};
    bool secret = false; // a file that holds it must not be readable by others
    // English source texts, marked with QT_TRANSLATE_NOOP("gerbang::Settings", ...) so that the
    // console's translations carry them. The label names the setting in a form or a list (no
    // mnemonic, no colon); the help says what it does (a phrase without a final full stop).
    const char *label = "";
    const char *help = "";
    int min = 0; // a whole number: the range it must be in (max < min: not a number)
    int max = -1;
    SettingApply apply = SettingApply::Restart;

    bool isInteger() const { return max >= min; }
    // English: for the generated gerbang.ini and manual pages, and the command-line tools.
    QString englishLabel() const { return QString::fromUtf8(label); }
    QString englishHelp() const { return QString::fromUtf8(help); }
    // In the application's language (QCoreApplication's translators; English without one).
    QString translatedLabel() const;
    QString translatedHelp() const;
};

// The translation context of the labels and help texts of the table.
inline constexpr char kSettingsContext[] = "gerbang::Settings";

// Something wrong with a setting: which one, a fixed code a program can act on, and a message
// for the admin (English, naming the key). Nobody has to parse the message.
struct SettingProblem
{
    QString key;
    QString code; // out_of_range, invalid_value, requires
    QString message;
};
using SettingProblems = QList<SettingProblem>;
QStringList messagesOf(const SettingProblems &problems);

class Settings
{
public:
    static const QList<SettingDef> &definitions();
    // The definition of `key`, or null.
    static const SettingDef *definition(QStringView key);
    // The declared default of the whole-number setting `key`: what a part of the engine
    // starts with when it is built without Settings (e.g. by a test).
    static int defaultInt(QStringView key);

    // Loads `configPath` (empty: no file) and the environment. On failure returns false with a
    // message fit to print to the admin. `explicitPath` makes a missing file an error.
    bool load(const QString &configPath, bool explicitPath, const QProcessEnvironment &env,
              QString *error);
    // These settings as their file and the environment give them now, the command-line
    // overrides kept: after a change, what a restart would run with (these, when the file
    // cannot be read). Reads the file: never on a thread that must not wait.
    Settings reread() const;
    void setOverride(const QString &key, const QString &value)
    {
        m_values.insert(key, value);
        m_sources.insert(key, SettingSource::Flag);
    }
    // Where the value of `key` comes from.
    SettingSource source(const QString &key) const
    {
        return m_sources.value(key, SettingSource::Default);
    }

    QString value(const QString &key) const;
    // A whole-number setting, clamped into its declared range; `ok` tells whether it was a
    // number in range.
    int intValue(const QString &key, bool *ok = nullptr) const;
    QString configPath() const { return m_configPath; }

    // Validates every typed value and returns the problems found.
    SettingProblems validate() const;

    // Resolved conveniences.
    QString dataDir() const;
    QString listenHost() const;
    quint16 listenPort() const;
    // A "host:port" setting (server/listen, admin/listen): the host without brackets, the port
    // (0 when malformed).
    QString hostOf(const QString &key) const;
    quint16 portOf(const QString &key) const;
    // The admin listener's TLS pair: the configured one, else the one the gateway makes in the
    // data directory (used only on a non-loopback admin/listen).
    QString adminCertificatePath() const;
    QString adminPrivateKeyPath() const;

    static QString defaultConfigPath(const QProcessEnvironment &env);

private:
    QString m_configPath;
    QHash<QString, QString> m_values;
    QHash<QString, SettingSource> m_sources; // absent: the default
};

} // namespace gerbang
