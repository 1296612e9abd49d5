// SPDX-License-Identifier: GPL-3.0-or-later
// The packaged configuration file and the manual pages are generated from the table of
// settings: every setting appears with its help, variable and default, the file parses with
// the real reader to exactly the defaults (plus the packaged data directory), and the systemd
// unit points at the same files.
#include "ConfigTemplate.h"
#include "ManPage.h"
#include "config/Settings.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace gerbang;
using namespace gerbang::packaging;
using namespace Qt::StringLiterals;

namespace {

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(f.readAll());
}

// Loads INI text with the real reader, from an owner-only file.
bool loadIni(const QString &text, Settings *settings, QString *error)
{
    QTemporaryDir dir;
    QFile f(dir.filePath(u"gerbang.ini"_s));
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0)
        return false;
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return settings->load(f.fileName(), true, QProcessEnvironment(), error);
}

// The lines of `text` from "[section]" up to the next section header.
QString sectionOf(const QString &text, const QString &section)
{
    const qsizetype start = text.indexOf(u"\n["_s + section + u"]\n"_s);
    if (start < 0)
        return {};
    const qsizetype end = text.indexOf(u"\n["_s, start + 2);
    return text.mid(start, end < 0 ? -1 : end - start);
}

// Checks that every setting is documented in its section: help, variable, default, and the
// setting line itself (commented out unless `values` sets it).
void verifyEverySetting(const QString &text, const QHash<QString, QString> &values)
{
    for (const SettingDef &def : Settings::definitions()) {
        const QString section = sectionOf(text, def.key.section(u'/', 0, 0));
        QVERIFY2(!section.isEmpty(), qPrintable(def.key));
        const QString name = def.key.section(u'/', 1);
        const QString expectedLine =
            values.contains(def.key) ? name + u" = "_s + values.value(def.key)
                                     : QString(u'#' + name + u" = "_s + def.defaultValue).trimmed();
        const qsizetype at = section.indexOf(u'\n' + expectedLine + u'\n');
        QVERIFY2(at >= 0, qPrintable(expectedLine));
        // The setting's own comments, from the blank line before it. The help is word-wrapped:
        // compare with the comment prefixes removed.
        const qsizetype from = section.lastIndexOf(u"\n\n"_s, at);
        QString comments = section.mid(from, at - from);
        comments.replace(u"\n# "_s, u" "_s);
        QVERIFY2(comments.contains(def.englishHelp()), qPrintable(def.key));
        if (!def.env.isEmpty())
            QVERIFY2(comments.contains(u"Environment: "_s + def.env + u'.'), qPrintable(def.key));
        QVERIFY2(comments.contains(def.defaultValue.isEmpty()
                                       ? u"Default: empty."_s
                                       : u"Default: "_s + def.defaultValue + u'.'),
                 qPrintable(def.key));
        // The range and when a change applies, from the same table.
        if (def.isInteger())
            QVERIFY2(comments.contains(u"Range: %1 to %2."_s.arg(def.min).arg(def.max)),
                     qPrintable(def.key));
        QVERIFY2(comments.contains(u"Applies on reload (SIGHUP)"_s) ==
                     (def.apply == SettingApply::Reload),
                 qPrintable(def.key));
    }
}

} // namespace

class TestPackagingTexts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void templateDocumentsEverySettingAndParsesToTheDefaults()
    {
        const QString text = configTemplate({}, {u"A note for the header."_s});
        QVERIFY(text.startsWith(u"# Gerbang configuration.\n# A note for the header.\n"_s));
        verifyEverySetting(text, {});
        for (const QString &line : text.split(u'\n'))
            QVERIFY2(line.size() <= 100 && !line.endsWith(u' '), qPrintable(line));

        Settings settings;
        QString error;
        QVERIFY2(loadIni(text, &settings, &error), qPrintable(error));
        for (const SettingDef &def : Settings::definitions())
            QCOMPARE(settings.value(def.key), def.defaultValue);
    }

    void templateSetsTheGivenValues()
    {
        const QHash<QString, QString> values = {{u"storage/data_dir"_s, u"/srv/gerbang"_s},
                                                {u"server/listen"_s, u"0.0.0.0:9443"_s}};
        const QString text = configTemplate(values, {});
        verifyEverySetting(text, values);
        Settings settings;
        QString error;
        QVERIFY2(loadIni(text, &settings, &error), qPrintable(error));
        QCOMPARE(settings.value(u"storage/data_dir"_s), u"/srv/gerbang"_s);
        QCOMPARE(settings.listenPort(), quint16(9443));
        QCOMPARE(settings.value(u"log/format"_s), u"text"_s);
    }

    // The file the gerbangd package installs as /etc/gerbang/gerbang.ini.
    void packagedConfigurationFile()
    {
        const QString text = readText(QStringLiteral(GERBANG_PACKAGED_CONFIG));
        const QHash<QString, QString> values = {
            {u"storage/data_dir"_s, QStringLiteral(GERBANG_SYSTEM_DATA_DIR)}};
        verifyEverySetting(text, values);
        QVERIFY(text.contains(QStringLiteral(GERBANG_SYSTEM_CONFIG)));
        Settings settings;
        QString error;
        QVERIFY2(loadIni(text, &settings, &error), qPrintable(error));
        QCOMPARE(messagesOf(settings.validate()), QStringList());
        for (const SettingDef &def : Settings::definitions())
            QCOMPARE(settings.value(def.key), values.value(def.key, def.defaultValue));
    }

    // The unit runs gerbangd on the packaged configuration file and data directory.
    void systemdUnitUsesThePackagedPaths()
    {
        const QString unit = readText(QStringLiteral(GERBANG_PACKAGED_UNIT));
        QVERIFY(unit.contains(u"\nEnvironment=GERBANG_CONFIG="_s +
                              QStringLiteral(GERBANG_SYSTEM_CONFIG) + u'\n'));
        QVERIFY(unit.contains(u"\nEnvironment=GERBANG_DATA_DIR="_s +
                              QStringLiteral(GERBANG_SYSTEM_DATA_DIR) + u'\n'));
        QVERIFY(unit.contains(u"\nReadWritePaths="_s + QStringLiteral(GERBANG_SYSTEM_DATA_DIR) +
                              u'\n'));
        QVERIFY(unit.contains(u"\nStateDirectory=gerbang\n"_s));
        QVERIFY(unit.contains(u"\nUser=gerbang\n"_s));
        QVERIFY(unit.contains(u"\nCapabilityBoundingSet=\n"_s));
        QVERIFY(unit.contains(u"\nExecReload=/bin/kill -HUP $MAINPID\n"_s));
        // Every placeholder was substituted.
        QVERIFY(!unit.contains(u"@CMAKE_"_s));
        QVERIFY(!unit.contains(u"@GERBANG_"_s));
    }

    void manPageKeepsTheHelpTextAndListsEveryVariable()
    {
        ManPageSpec spec;
        spec.program = u"gerbangctl"_s;
        spec.section = 8;
        spec.summary = u"administer a gateway"_s;
        spec.version = u"9.9.9"_s;
        spec.helpText = u"Usage: gerbangctl [global options] GROUP COMMAND\n\nCommands:\n"
                        "  gerbangctl tenant list [--json]\n.looks like a request\n"_s;
        spec.includes = u"# a comment\n[FILES]\n.TP\n.I /etc/x\n\n[DESCRIPTION]\nIt does.\n"_s;
        const QString page = manPage(spec) + manEnvironmentSection();
        QVERIFY(page.contains(u".TH GERBANGCTL 8 \"\" \"Gerbang 9.9.9\""_s));
        QVERIFY(page.contains(u".SH NAME\ngerbangctl \\- administer a gateway\n"_s));
        QVERIFY(page.contains(u".SH SYNOPSIS\n.B gerbangctl\n[global options] GROUP COMMAND\n"_s));
        // Help lines verbatim (no refill), escaped for roff.
        QVERIFY(page.contains(
            u".nf\n\nCommands:\n  gerbangctl tenant list [\\-\\-json]\n\\&.looks like a request\n.fi\n"_s));
        // DESCRIPTION before the usage, the other sections after it; comments dropped.
        QVERIFY(page.indexOf(u".SH DESCRIPTION\nIt does.\n"_s) < page.indexOf(u".SH USAGE"_s));
        QVERIFY(page.indexOf(u".SH FILES\n.TP\n.I /etc/x\n"_s) > page.indexOf(u".SH USAGE"_s));
        QVERIFY(!page.contains(u"a comment"_s));
        for (const SettingDef &def : Settings::definitions()) {
            if (def.env.isEmpty())
                continue;
            QVERIFY2(page.contains(u".B "_s + def.env + u'\n'), qPrintable(def.env));
            if (def.isInteger())
                QVERIFY2(page.contains(u"; range: %1 to %2)"_s.arg(def.min).arg(def.max)),
                         qPrintable(def.env));
        }
    }
};

QTEST_GUILESS_MAIN(TestPackagingTexts)
#include "tst_packaging_texts.moc"
