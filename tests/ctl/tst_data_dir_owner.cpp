// SPDX-License-Identifier: GPL-3.0-or-later
// Root running gerbangctl or gerbangd on a data directory that belongs to another user (the
// packaged service's /var/lib/gerbang, owned by `gerbang`) is refused before any file is
// created there, with the command to use instead. Needs root to hand a directory to another
// user; skipped otherwise (CI runs as root).
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr uid_t kOtherUid = 65534; // nobody

// No GERBANG_* variable of the developer's, and an empty configuration file.
QProcessEnvironment cleanEnvironment(const QTemporaryDir &configDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(u"GERBANG_"_s))
            env.remove(key);
    }
    QFile ini(configDir.filePath(u"gerbang.ini"_s));
    if (ini.open(QIODevice::WriteOnly))
        ini.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    env.insert(u"GERBANG_CONFIG"_s, ini.fileName());
    return env;
}

int modeOf(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

QString ownerName(uid_t uid)
{
    const passwd *pw = ::getpwuid(uid);
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(uid);
}

} // namespace

class TestDataDirOwner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to give a directory to another user");
    }

    void rootIsRefusedOnAnotherUsersDataDirectory()
    {
        QTemporaryDir parent;
        const QString dataDir = parent.filePath(u"data"_s);
        QVERIFY(QDir().mkpath(dataDir));
        QVERIFY(::chown(QFile::encodeName(dataDir).constData(), kOtherUid, kOtherUid) == 0);
        QVERIFY(QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner |
                                                   QFile::ExeOwner | QFile::ReadOther |
                                                   QFile::ExeOther));
        const int modeBefore = modeOf(dataDir);
        const QString expected =
            u"the data directory %1 belongs to user '%2'"_s.arg(dataDir, ownerName(kOtherUid));

        const gerbang::test::CommandResult ctl =
            gerbang::test::runCtl(dataDir, {u"tenant"_s, u"list"_s}, {}, cleanEnvironment(parent));
        QCOMPARE(ctl.exitCode, 1);
        QVERIFY2(QString::fromUtf8(ctl.err).contains(expected), ctl.err.constData());
        QVERIFY2(ctl.err.contains("sudo -u "), ctl.err.constData());

        gerbang::test::GatewayProcess gateway(dataDir);
        QString error;
        QVERIFY(!gateway.start(&error));
        QCOMPARE(gateway.terminate(), 1);
        QVERIFY2(error.contains(expected), qPrintable(error));

        // Nothing was created or changed in it (GatewayProcess adds only its empty INI file).
        const QStringList entries =
            QDir(dataDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        QCOMPARE(entries, QStringList{u"gerbang.ini"_s});
        struct stat st
        {
        };
        QVERIFY(::stat(QFile::encodeName(dataDir).constData(), &st) == 0);
        QCOMPARE(st.st_uid, kOtherUid);
        QCOMPARE(modeOf(dataDir), modeBefore); // not chmod'ed to 0700 either
    }

    void rootOnItsOwnDirectoryWorks()
    {
        QTemporaryDir dir;
        const gerbang::test::CommandResult ctl =
            gerbang::test::runCtl(dir.path(), {u"tenant"_s, u"list"_s}, {}, cleanEnvironment(dir));
        QVERIFY2(ctl.exitCode == 0, ctl.err.constData());
        if (!gerbang::test::testingOnPostgres())
            QVERIFY(QFile::exists(dir.filePath(u"gerbang.sqlite"_s)));
    }
};

QTEST_GUILESS_MAIN(TestDataDirOwner)
#include "tst_data_dir_owner.moc"
