// SPDX-License-Identifier: GPL-3.0-or-later
// readSecretFile(): the checks are made on the opened descriptor, so the file checked is the
// file read. Each refusal says how to fix it and never quotes the content.
#include "crypto/Crypto.h"
#include "crypto/SecretFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace gerbang;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kContent = "-----SECRET-CONTENT-4c1d-----\n";

bool writeFile(const QString &path, const QByteArray &content, int mode)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        return false;
    f.close();
    return ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

std::optional<QByteArray> read(const QString &path, QString *error, qsizetype maxBytes = 4096)
{
    return readSecretFile(path, u"test secret"_s, maxBytes, error);
}

} // namespace

class TestSecretFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsOwnerOnlyFile_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0600") << 0600;
        QTest::newRow("0400") << 0400;
    }
    void readsOwnerOnlyFile()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"key"_s);
        QVERIFY(writeFile(path, kContent, mode));
        QString error;
        const auto content = read(path, &error);
        QVERIFY2(content.has_value(), qPrintable(error));
        QCOMPARE(*content, kContent);
    }

    void refusesGroupOrOtherPermissions_data()
    {
        QTest::addColumn<int>("mode");
        for (int mode : {0640, 0604, 0620, 0602, 0610, 0601, 0644, 0660, 0666})
            QTest::addRow("%04o", mode) << mode;
    }
    void refusesGroupOrOtherPermissions()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"key"_s);
        QVERIFY(writeFile(path, kContent, mode));
        QString error;
        QVERIFY(!read(path, &error).has_value());
        QCOMPARE(error, u"the test secret %1 is accessible by group or others (mode %2); run: "
                        "chmod 600 %1"_s.arg(path)
                            .arg(mode, 3, 8, QLatin1Char('0')));
    }

    // A link is refused even when its target is a proper owner-only file.
    void refusesSymbolicLink()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(u"target"_s);
        const QString link = dir.filePath(u"key"_s);
        QVERIFY(writeFile(target, kContent, 0600));
        QVERIFY(QFile::link(target, link));
        QString error;
        QVERIFY(!read(link, &error).has_value());
        QVERIFY2(error.startsWith(u"the test secret %1 is a symbolic link"_s.arg(link)),
                 qPrintable(error));
        QVERIFY(!error.contains(QString::fromLatin1(kContent.trimmed())));
        // A dangling link too.
        QVERIFY(QFile::remove(target));
        QVERIFY(!read(link, &error).has_value());
        QVERIFY2(error.contains(u"is a symbolic link"_s), qPrintable(error));
    }

    void refusesWhatIsNotARegularFile()
    {
        QTemporaryDir dir;
        const QString sub = dir.filePath(u"dir"_s);
        QVERIFY(QDir().mkdir(sub));
        QVERIFY(::chmod(QFile::encodeName(sub).constData(), 0700) == 0);
        QString error;
        QVERIFY(!read(sub, &error).has_value());
        QCOMPARE(error, u"the test secret %1 is not a regular file"_s.arg(sub));

        // A FIFO without a writer: the open must not block.
        const QString fifo = dir.filePath(u"fifo"_s);
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        QVERIFY(!read(fifo, &error).has_value());
        QCOMPARE(error, u"the test secret %1 is not a regular file"_s.arg(fifo));
    }

    void refusesMissingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"missing"_s);
        QString error;
        QVERIFY(!read(path, &error).has_value());
        QVERIFY2(error.startsWith(u"cannot read the test secret %1: "_s.arg(path)),
                 qPrintable(error));
    }

    void refusesMoreThanTheBound()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"key"_s);
        QVERIFY(writeFile(path, QByteArray(1024, 'k'), 0600));
        QString error;
        QCOMPARE(read(path, &error, 1024).value_or(QByteArray()).size(), 1024);
        QVERIFY(writeFile(path, QByteArray(1025, 'k'), 0600));
        QVERIFY(!read(path, &error, 1024).has_value());
        QCOMPARE(error, u"the test secret %1 is larger than 1 KiB"_s.arg(path));
        QVERIFY(!read(path, &error, 1 << 20).value_or(QByteArray()).isEmpty());
    }

    void emptyFileIsEmpty()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"key"_s);
        QVERIFY(writeFile(path, QByteArray(), 0600));
        QString error;
        const auto content = read(path, &error);
        QVERIFY2(content.has_value(), qPrintable(error));
        QVERIFY(content->isEmpty());
    }

    // Another user who owns the file could rewrite the secret. Only root can make such a file
    // and still open it.
    void refusesFileOfAnotherUser()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to give a file to another user");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"key"_s);
        QVERIFY(writeFile(path, kContent, 0600));
        QVERIFY(::chown(QFile::encodeName(path).constData(), 65534, 65534) == 0);
        QString error;
        QVERIFY(!read(path, &error).has_value());
        QVERIFY2(error.contains(u"belongs to user"_s), qPrintable(error));
        QVERIFY2(error.contains(u"run: chown root %1"_s.arg(path)), qPrintable(error));
    }

    void cleanseEmptiesTheBuffer()
    {
        QByteArray secret = kContent;
        secret.detach();
        crypto::cleanse(&secret);
        QVERIFY(secret.isEmpty());
        QByteArray empty;
        crypto::cleanse(&empty);
        QVERIFY(empty.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretFile)
#include "tst_secretfile.moc"
