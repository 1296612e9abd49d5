// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfigWriter.h"

#include "Settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// Settings' reader trims values and removes one pair of surrounding quotes: quote whatever
// would otherwise change on the way back in.
QString encodeValue(const QString &value)
{
    const bool needsQuotes = value != value.trimmed() ||
                             (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'));
    return needsQuotes ? u'"' + value + u'"' : value;
}

QString sectionOf(const QString &line)
{
    return line.mid(1, line.size() - 2).trimmed();
}

} // namespace

bool ConfigWriter::write(const QString &path, const QHash<QString, QString> &changes,
                         QString *error)
{
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        const auto &defs = Settings::definitions();
        if (std::none_of(defs.cbegin(), defs.cend(),
                         [&](const SettingDef &d) { return d.key == it.key(); })) {
            *error = u"unknown setting '%1'"_s.arg(it.key());
            return false;
        }
        if (it.value().contains(u'\n') || it.value().contains(u'\r')) {
            *error = u"%1: a value must fit on one line"_s.arg(it.key());
            return false;
        }
    }
    QStringList lines;
    QFile in(path);
    if (in.exists()) {
        if (!in.open(QIODevice::ReadOnly)) {
            *error = u"cannot read %1: %2"_s.arg(path, in.errorString());
            return false;
        }
        lines = QString::fromUtf8(in.readAll()).split(u'\n');
        in.close();
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
    }
    QHash<QString, QString> pending = changes;
    // Replace keys that are already there, remembering where each section's last line is.
    QHash<QString, qsizetype> sectionEnd;
    QString section;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = sectionOf(line);
            sectionEnd.insert(section, i);
            continue;
        }
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0 || section.isEmpty())
            continue;
        sectionEnd.insert(section, i);
        const QString key = section + u'/' + line.left(eq).trimmed();
        if (const auto found = pending.constFind(key); found != pending.constEnd()) {
            lines[i] = line.left(eq).trimmed() + u" = "_s + encodeValue(*found);
            pending.erase(found);
        }
    }
    // New keys go to the end of their section, or into a new section at the end of the file.
    QStringList keys = pending.keys();
    std::sort(keys.begin(), keys.end());
    for (const QString &key : std::as_const(keys)) {
        const QString sec = key.section(u'/', 0, 0);
        const QString line = key.section(u'/', 1) + u" = "_s + encodeValue(pending.value(key));
        if (const auto end = sectionEnd.constFind(sec); end != sectionEnd.constEnd()) {
            const qsizetype at = *end + 1;
            lines.insert(at, line);
            for (auto it = sectionEnd.begin(); it != sectionEnd.end(); ++it) {
                if (*it >= at)
                    ++*it;
            }
            sectionEnd.insert(sec, at);
        } else {
            if (!lines.isEmpty() && !lines.last().trimmed().isEmpty())
                lines << QString();
            lines << u'[' + sec + u']' << line;
            sectionEnd.insert(sec, lines.size() - 1);
        }
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = u"cannot create the directory of %1"_s.arg(path);
        return false;
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = u"cannot write %1: %2"_s.arg(path, out.errorString());
        return false;
    }
    out.write((lines.join(u'\n') + u'\n').toUtf8());
    // Owner-only before the rename makes it visible: it may hold secrets, and Settings refuses
    // a secret in a file others can read.
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!out.commit()) {
        *error = u"cannot write %1: %2"_s.arg(path, out.errorString());
        return false;
    }
    ::chmod(QFile::encodeName(path).constData(), 0600);
    return true;
}

} // namespace gerbang
