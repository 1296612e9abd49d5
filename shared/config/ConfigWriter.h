// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace gerbang {

// Writes settings into the INI file that Settings reads (and gerbangd with it), changing only
// the given keys: comments, order and every other line stay as the admin wrote them. The file
// is replaced atomically and made owner-only, because it may hold secrets.
class ConfigWriter
{
public:
    // `changes` maps "section/name" to the new value; every key must be a declared setting
    // and no value may span lines.
    static bool write(const QString &path, const QHash<QString, QString> &changes, QString *error);
};

} // namespace gerbang
