// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gerbang::packaging {

struct ManPageSpec
{
    QString program; // e.g. gerbangctl
    int section = 8;
    QString summary; // one line for NAME
    QString version;
    QString helpText; // the program's --help output, shown verbatim
    QString includes; // extra sections: "[SECTION]" lines, each followed by roff
};

// A manual page in roff: NAME, SYNOPSIS from the help's "Usage:" line, the extra sections,
// the help text verbatim (no refilling, so command tables keep their shape) as USAGE, and
// the remaining extra sections in the order given. Building it from --help keeps the page in
// step with the program.
QString manPage(const ManPageSpec &spec);

// Escapes text for roff: backslashes, hyphens, and a leading control character.
QString roffEscape(QString text);

} // namespace gerbang::packaging
