// SPDX-License-Identifier: GPL-3.0-or-later
// Build-time helper (not installed): writes texts derived from the program itself, so that
// they cannot drift from it.
//   gerbang-doc-gen ini FILE [--set section/name=value]... [--note TEXT]...
//   gerbang-doc-gen man FILE --program NAME --section N --summary TEXT --version V
//                   --help-text FILE [--include FILE]...
// `man` appends the ENVIRONMENT section generated from the table of settings.
#include "ConfigTemplate.h"
#include "ManPage.h"
#include "config/Settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace gerbang::packaging;

namespace {

bool writeFile(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        std::fprintf(stderr, "gerbang-doc-gen: cannot write %s: %s\n", qPrintable(path),
                     qPrintable(file.errorString()));
        return false;
    }
    return true;
}

bool readFile(const QString &path, QString *text)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "gerbang-doc-gen: cannot read %s: %s\n", qPrintable(path),
                     qPrintable(file.errorString()));
        return false;
    }
    *text = QString::fromUtf8(file.readAll());
    return true;
}

int writeIni(const QCommandLineParser &parser, const QString &output)
{
    QHash<QString, QString> values;
    const auto &defs = gerbang::Settings::definitions();
    for (const QString &pair : parser.values(u"set"_s)) {
        const qsizetype eq = pair.indexOf(u'=');
        const QString key = pair.left(eq);
        if (eq <= 0 || std::none_of(defs.cbegin(), defs.cend(),
                                    [&](const gerbang::SettingDef &d) { return d.key == key; })) {
            std::fprintf(stderr, "gerbang-doc-gen: --set wants a known section/name=value: %s\n",
                         qPrintable(pair));
            return 2;
        }
        values.insert(key, pair.mid(eq + 1));
    }
    return writeFile(output, configTemplate(values, parser.values(u"note"_s))) ? 0 : 1;
}

int writeMan(const QCommandLineParser &parser, const QString &output)
{
    ManPageSpec spec;
    spec.program = parser.value(u"program"_s);
    spec.section = parser.value(u"section"_s).toInt();
    spec.summary = parser.value(u"summary"_s);
    spec.version = parser.value(u"version"_s);
    if (spec.program.isEmpty() || spec.section <= 0 ||
        !readFile(parser.value(u"help-text"_s), &spec.helpText))
        return 2;
    for (const QString &path : parser.values(u"include"_s)) {
        QString text;
        if (!readFile(path, &text))
            return 1;
        spec.includes += text + u'\n';
    }
    spec.includes += manEnvironmentSection();
    return writeFile(output, manPage(spec)) ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(u"what"_s, u"ini or man"_s);
    parser.addPositionalArgument(u"output"_s, u"file to write"_s);
    parser.addOption({u"set"_s, u"A setting given a value in the file."_s, u"key=value"_s});
    parser.addOption({u"note"_s, u"A comment for the file's header."_s, u"text"_s});
    parser.addOption({u"program"_s, u"Program name."_s, u"name"_s});
    parser.addOption({u"section"_s, u"Manual section."_s, u"n"_s});
    parser.addOption({u"summary"_s, u"One-line summary."_s, u"text"_s});
    parser.addOption({u"version"_s, u"Version."_s, u"v"_s});
    parser.addOption({u"help-text"_s, u"File with the program's --help output."_s, u"file"_s});
    parser.addOption({u"include"_s, u"Extra sections (help2man format)."_s, u"file"_s});
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.size() == 2 && args[0] == u"ini"_s)
        return writeIni(parser, args[1]);
    if (args.size() == 2 && args[0] == u"man"_s)
        return writeMan(parser, args[1]);
    std::fprintf(stderr, "usage: gerbang-doc-gen {ini|man} FILE [options] (see --help)\n");
    return 2;
}
