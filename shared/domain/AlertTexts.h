// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AlertInfo.h"

#include <QString>
#include <functional>

namespace gerbang::alerttexts {

// Turns a source text of the context "AlertTexts" into the reader's language: the console
// passes QCoreApplication::translate, gerbangd (which logs and posts in English) the identity.
using Translate = std::function<QString(const char *sourceText)>;
QString english(const char *sourceText);

// What happened, and what to do next: the texts of the log line, the signed POST and the
// console's banner, written once here for every alert kind.
struct Text
{
    QString what;
    QString next; // empty when there is nothing to do (a resolved alert)
};
Text describe(const AlertInfo &alert, const Translate &localize = english);

// "3 d 4 h", "2 h 5 min", "12 min", "40 s".
QString duration(qint64 secs, const Translate &localize = english);

} // namespace gerbang::alerttexts
