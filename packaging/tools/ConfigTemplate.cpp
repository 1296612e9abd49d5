// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfigTemplate.h"

#include "ManPage.h"
#include "config/Settings.h"

using namespace Qt::StringLiterals;

namespace gerbang::packaging {
namespace {

constexpr qsizetype kWidth = 96;

// Word-wraps `text` into comment lines starting with "# ".
QString commentLines(const QString &text)
{
    QString out;
    QString line;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > kWidth - 2) {
            out += u"# "_s + line + u'\n';
            line.clear();
        }
        line += (line.isEmpty() ? QString() : u" "_s) + word;
    }
    if (!line.isEmpty())
        out += u"# "_s + line + u'\n';
    return out;
}

} // namespace

QString configTemplate(const QHash<QString, QString> &values, const QStringList &notes)
{
    QString out = u"# Gerbang configuration.\n"_s;
    for (const QString &note : notes)
        out += commentLines(note);
    out += commentLines(
        u"Every setting is listed below with its default; a line starting with '#' is a "
        "comment. Remove the '#' in front of a setting to change it. Precedence: command-line "
        "options, then the environment (GERBANG_*), then this file, then the default. Unknown "
        "settings are refused. A file that holds a secret must not be readable by other users."_s);

    QString section;
    for (const SettingDef &def : Settings::definitions()) {
        const qsizetype slash = def.key.indexOf(u'/');
        const QString defSection = def.key.left(slash);
        const QString name = def.key.mid(slash + 1);
        if (defSection != section) {
            section = defSection;
            out += u"\n["_s + section + u"]\n"_s;
        } else {
            out += u'\n';
        }
        out += commentLines(def.englishHelp() + u'.');
        QString origin = def.env.isEmpty() ? QString() : u"Environment: "_s + def.env + u". "_s;
        origin += def.defaultValue.isEmpty() ? u"Default: empty."_s
                                             : u"Default: "_s + def.defaultValue + u'.';
        if (def.isInteger())
            origin += u" Range: %1 to %2."_s.arg(def.min).arg(def.max);
        if (def.apply == SettingApply::Reload)
            origin += u" Applies on reload (SIGHUP), no restart needed."_s;
        if (def.secret)
            origin += u" Secret: keep this file private (chmod 0640 or 0600)."_s;
        out += commentLines(origin);
        const auto given = values.constFind(def.key);
        if (given != values.constEnd())
            out += name + u" = "_s + *given + u'\n';
        else
            out += QString(u'#' + name + u" = "_s + def.defaultValue).trimmed() + u'\n';
    }
    return out;
}

QString manEnvironmentSection()
{
    QString out = u"[ENVIRONMENT]\n"
                  ".TP\n.B GERBANG_CONFIG\n"
                  "Path of the INI configuration file.\n"_s;
    for (const SettingDef &def : Settings::definitions()) {
        if (def.env.isEmpty())
            continue;
        out += u".TP\n.B "_s + def.env + u'\n';
        out += roffEscape(def.englishHelp()) + u" (INI: "_s + roffEscape(def.key);
        if (!def.defaultValue.isEmpty())
            out += u"; default: "_s + roffEscape(def.defaultValue);
        if (def.isInteger())
            out += u"; range: %1 to %2"_s.arg(def.min).arg(def.max);
        out += u").\n"_s;
    }
    out += u".PP\nEvery setting, including those without a variable, is described in the "
           "configuration file installed with the package.\n"_s;
    return out;
}

} // namespace gerbang::packaging
