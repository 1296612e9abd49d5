// SPDX-License-Identifier: GPL-3.0-or-later
#include "ManPage.h"

#include <QList>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace gerbang::packaging {
namespace {

struct Section
{
    QString title;
    QString body;
};

// Splits "[TITLE]\nroff…" blocks; lines starting with '#' outside roff are comments.
QList<Section> parseIncludes(const QString &text)
{
    QList<Section> out;
    for (const QString &line : text.split(u'\n')) {
        if (line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[') && line.trimmed().endsWith(u']')) {
            out.append({line.trimmed().mid(1).chopped(1), {}});
            continue;
        }
        if (!out.isEmpty() && !(out.last().body.isEmpty() && line.trimmed().isEmpty()))
            out.last().body += line + u'\n';
    }
    for (Section &s : out) {
        while (s.body.endsWith(u"\n\n"_s))
            s.body.chop(1);
    }
    return out;
}

} // namespace

QString roffEscape(QString text)
{
    text.replace(u'\\', u"\\e"_s);
    text.replace(u'-', u"\\-"_s);
    if (text.startsWith(u'.') || text.startsWith(u'\''))
        text.prepend(u"\\&"_s);
    return text;
}

QString manPage(const ManPageSpec &spec)
{
    const QString upper = spec.program.toUpper();
    QString out =
        u".\\\" Generated from '%1 --help' and packaging/man/%1.h2m; do not edit.\n"_s.arg(
            spec.program);
    out += u".TH %1 %2 \"\" \"Gerbang %3\" \"Gerbang\"\n"_s.arg(upper)
               .arg(spec.section)
               .arg(spec.version);
    out += u".SH NAME\n%1 \\- %2\n"_s.arg(roffEscape(spec.program), roffEscape(spec.summary));

    QStringList helpLines = spec.helpText.split(u'\n');
    while (!helpLines.isEmpty() && helpLines.constLast().trimmed().isEmpty())
        helpLines.removeLast();
    // "Usage: prog args" becomes the SYNOPSIS; the rest is shown as it is.
    if (!helpLines.isEmpty() && helpLines.constFirst().startsWith(u"Usage: "_s)) {
        const QString usage = helpLines.takeFirst().mid(7).trimmed();
        const QString args = usage.section(u' ', 1);
        out += u".SH SYNOPSIS\n.B %1\n"_s.arg(roffEscape(spec.program));
        if (!args.isEmpty())
            out += roffEscape(args) + u'\n';
    }
    const QList<Section> sections = parseIncludes(spec.includes);
    auto addSection = [&out](const Section &s) {
        out += u".SH "_s + s.title + u'\n' + s.body;
        if (!out.endsWith(u'\n'))
            out += u'\n';
    };
    for (const Section &s : sections) {
        if (s.title == u"DESCRIPTION"_s)
            addSection(s);
    }
    out += u".SH USAGE\n.nf\n"_s;
    for (const QString &line : std::as_const(helpLines))
        out += (line.isEmpty() ? QString() : roffEscape(line)) + u'\n';
    out += u".fi\n"_s;
    for (const Section &s : sections) {
        if (s.title != u"DESCRIPTION"_s)
            addSection(s);
    }
    return out;
}

} // namespace gerbang::packaging
