// SPDX-License-Identifier: GPL-3.0-or-later
// ConfigWriter edits the INI file gerbangd reads: only the given keys change.
#include "config/ConfigWriter.h"
#include "config/Settings.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;

class TestConfigWriter : public QObject
{
    Q_OBJECT

private:
    static QString read(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll());
    }

    static void write(const QString &path, const QByteArray &text)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }

private Q_SLOTS:
    void keepsCommentsAndOtherKeys()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"gerbang.ini"_s);
        write(path, "# Gerbang on the office server\n"
                    "[server]\n"
                    "listen = 0.0.0.0:8443   \n"
                    "; keep the default limits\n"
                    "\n"
                    "[retention]\n"
                    "audit_days = 365\n");
        QString error;
        QVERIFY2(ConfigWriter::write(path,
                                     {{u"retention/audit_days"_s, u"90"_s},
                                      {u"retention/raw_days"_s, u"3"_s},
                                      {u"sink/url"_s, u"https://core.example/hooks"_s}},
                                     &error),
                 qPrintable(error));
        QCOMPARE(read(path), u"# Gerbang on the office server\n"
                             "[server]\n"
                             "listen = 0.0.0.0:8443   \n"
                             "; keep the default limits\n"
                             "\n"
                             "[retention]\n"
                             "audit_days = 90\n"
                             "raw_days = 3\n"
                             "\n"
                             "[sink]\n"
                             "url = https://core.example/hooks\n"_s);
        Settings s;
        QVERIFY2(s.load(path, true, QProcessEnvironment(), &error), qPrintable(error));
        QCOMPARE(s.value(u"server/listen"_s), u"0.0.0.0:8443"_s);
        QCOMPARE(s.value(u"retention/audit_days"_s), u"90"_s);
        QCOMPARE(s.value(u"retention/raw_days"_s), u"3"_s);
        QCOMPARE(s.value(u"sink/url"_s), u"https://core.example/hooks"_s);
    }

    void secretsSurviveTheRoundTripAndStayPrivate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"new/gerbang.ini"_s);
        // Leading blanks, quotes, ';', ',' and '\' are all literal in a secret.
        const QString secret = u"  \"a;b,c\\d=e\"  "_s;
        QString error;
        QVERIFY2(ConfigWriter::write(path, {{u"sink/secret"_s, secret}}, &error),
                 qPrintable(error));
        QCOMPARE(QFileInfo(path).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        Settings s;
        QVERIFY2(s.load(path, true, QProcessEnvironment(), &error), qPrintable(error));
        QCOMPARE(s.value(u"sink/secret"_s), secret);
    }

    void refusesUnknownKeysAndLineBreaks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"gerbang.ini"_s);
        QString error;
        QVERIFY(!ConfigWriter::write(path, {{u"server/colour"_s, u"blue"_s}}, &error));
        QVERIFY(error.contains(u"server/colour"_s));
        QVERIFY(!ConfigWriter::write(path, {{u"sink/url"_s, u"a\n[x]"_s}}, &error));
        QVERIFY(!QFileInfo::exists(path));
    }
};

QTEST_MAIN(TestConfigWriter)
#include "tst_configwriter.moc"
