// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/WalWriteCoalescing.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sqlite3.h>
#include <sys/resource.h>

using namespace gerbang;
using namespace Qt::StringLiterals;

namespace {

// A connection opened with the default VFS (the coalescing one, once installed) or another.
class Connection
{
public:
    explicit Connection(const QString &path, const char *vfs = nullptr)
    {
        const QByteArray p = path.toUtf8();
        m_rc =
            sqlite3_open_v2(p.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs);
    }
    ~Connection() { sqlite3_close(m_db); }
    bool ok() const { return m_rc == SQLITE_OK; }
    int exec(const QByteArray &sql)
    {
        char *message = nullptr;
        const int rc = sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &message);
        m_error = QString::fromUtf8(message ? message : "");
        sqlite3_free(message);
        return rc;
    }
    QString error() const { return m_error; }
    QString text(const char *sql)
    {
        sqlite3_stmt *stmt = nullptr;
        QString out;
        if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            out = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        return out;
    }

private:
    sqlite3 *m_db = nullptr;
    int m_rc = SQLITE_ERROR;
    QString m_error;
};

// Rows whose content the test can compute again: row i holds i's decimal digits, repeated.
constexpr const char *kInsert =
    "INSERT INTO t (i, body) WITH RECURSIVE n(x) AS (SELECT %1 UNION ALL SELECT x + 1 FROM n "
    "WHERE x < %2) SELECT x, printf('%.*c', 400, 'x') || x FROM n";
constexpr const char *kChecksum = "SELECT count(*) || ':' || sum(i) || ':' || sum(length(body)) "
                                  "|| ':' || sum(body = printf('%.*c', 400, 'x') || i) FROM t";

QString expectedChecksum(qint64 rows)
{
    qint64 length = 0;
    for (qint64 i = 1; i <= rows; ++i)
        length += 400 + QByteArray::number(i).size();
    return u"%1:%2:%3:%1"_s.arg(rows).arg(rows * (rows + 1) / 2).arg(length);
}

QByteArray insertRows(qint64 first, qint64 last)
{
    return QString::fromLatin1(kInsert).arg(first).arg(last).toUtf8();
}

// What a new connection on the plain Unix VFS (file descriptors of its own) reads: the rows'
// checksum and the database's integrity, to compare with stored(rows).
QString readBack(const QString &path)
{
    Connection reader(path, "unix");
    return reader.text(kChecksum) + u" / "_s + reader.text("PRAGMA integrity_check");
}

QString stored(qint64 rows)
{
    return expectedChecksum(rows) + u" / ok"_s;
}

} // namespace

class TestWalWriteCoalescing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(installWalWriteCoalescing()); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".db"_s);
    }

    void aCommitIsHandedToTheFileInOnePiece()
    {
        Connection db(m_path);
        QVERIFY(db.ok());
        QCOMPARE(db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                         "CREATE TABLE t (i INTEGER PRIMARY KEY, body TEXT NOT NULL); "
                         "CREATE INDEX t_body ON t (body)"),
                 SQLITE_OK);
        const WalWriteCounts before = walWriteCounts();
        constexpr int kCommits = 20;
        for (int c = 0; c < kCommits; ++c)
            QCOMPARE(db.exec(insertRows(c * 30 + 1, c * 30 + 30)), SQLITE_OK);
        const WalWriteCounts after = walWriteCounts();
        const quint64 writes = after.writes - before.writes;
        const quint64 flushes = after.flushes - before.flushes;
        // Each commit is ~12 frames (two writes each) of under 124 KiB: one write reaches the
        // file per commit, where SQLite made two dozen.
        QVERIFY2(writes >= 20 * kCommits, qPrintable(QString::number(writes)));
        QCOMPARE(flushes, quint64(kCommits));
        // The plain Unix VFS, on file descriptors of its own, reads what SQLite wrote.
        QCOMPARE(readBack(m_path), stored(30 * kCommits));
    }

    void aCommitReachesTheFileBeforeItReturns()
    {
        // The writer stays open and its WAL is never checkpointed: a reader with the plain
        // VFS sees the rows only through the WAL file itself, so they must be in it. With
        // synchronous=NORMAL no sync follows a commit: the commit's last frame alone must
        // send the frames on their way before the commit becomes visible.
        Connection db(m_path);
        QVERIFY(db.ok());
        QCOMPARE(db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                         "PRAGMA wal_autocheckpoint=0; "
                         "CREATE TABLE t (i INTEGER PRIMARY KEY, body TEXT NOT NULL)"),
                 SQLITE_OK);
        Connection reader(m_path, "unix");
        QVERIFY(reader.ok());
        for (int c = 0; c < 5; ++c) {
            QCOMPARE(db.exec(insertRows(c * 100 + 1, c * 100 + 100)), SQLITE_OK);
            QCOMPARE(reader.text(kChecksum), expectedChecksum(100 * (c + 1)));
        }
        // A commit of several megabytes: the buffer is full many times before it ends.
        QCOMPARE(db.exec(insertRows(501, 20000)), SQLITE_OK);
        QCOMPARE(reader.text(kChecksum), expectedChecksum(20000));
        QVERIFY(QFile(m_path + u"-wal"_s).size() > 8 * 1024 * 1024);
    }

    void aTransactionThatSpillsAndRollsBackLeavesNoTrace()
    {
        // A tiny page cache makes SQLite write frames of the open transaction early (and
        // write some pages again); the rollback must leave the database as it was.
        Connection db(m_path);
        QVERIFY(db.ok());
        QCOMPARE(db.exec("PRAGMA journal_mode=WAL; PRAGMA cache_size=10; "
                         "CREATE TABLE t (i INTEGER PRIMARY KEY, body TEXT NOT NULL); "
                         "CREATE INDEX t_body ON t (body)"),
                 SQLITE_OK);
        QCOMPARE(db.exec(insertRows(1, 50)), SQLITE_OK);
        QCOMPARE(db.exec("BEGIN"), SQLITE_OK);
        QCOMPARE(db.exec(insertRows(51, 5000)), SQLITE_OK);
        QCOMPARE(db.exec("UPDATE t SET body = body WHERE i % 7 = 0"), SQLITE_OK);
        QCOMPARE(db.exec("ROLLBACK"), SQLITE_OK);
        QCOMPARE(db.exec(insertRows(51, 80)), SQLITE_OK);
        QCOMPARE(readBack(m_path), stored(80));
    }

    void aRolledBackTransactionLeavesNothingForLater()
    {
        // A spills frames of a transaction it then rolls back; B, another connection, commits
        // into the same part of the WAL; A reads afterwards. A's spilled frames must go out
        // before its write lock is released (the WAL's bytes are flushed before any call on
        // its database file), never later over B's commit. (SQLite's rollback itself may read
        // and so flush; the test holds the outcome either way.)
        Connection a(m_path);
        Connection b(m_path);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a.exec("PRAGMA journal_mode=WAL; PRAGMA cache_size=10; "
                        "PRAGMA wal_autocheckpoint=0; "
                        "CREATE TABLE t (i INTEGER PRIMARY KEY, body TEXT NOT NULL)"),
                 SQLITE_OK);
        QCOMPARE(a.exec(insertRows(1, 10)), SQLITE_OK);
        QCOMPARE(a.exec("BEGIN"), SQLITE_OK);
        // A few frames over the cache, with other rows than B's (same pages, other bytes).
        QCOMPARE(a.exec(insertRows(5001, 5200)), SQLITE_OK);
        QCOMPARE(a.exec("ROLLBACK"), SQLITE_OK);
        QCOMPARE(b.exec("PRAGMA wal_autocheckpoint=0"), SQLITE_OK);
        QCOMPARE(b.exec(insertRows(11, 400)), SQLITE_OK);
        QCOMPARE(a.text(kChecksum), expectedChecksum(400));
        QCOMPARE(readBack(m_path), stored(400));
        // And after a checkpoint, from the database file itself.
        QCOMPARE(a.exec("PRAGMA wal_checkpoint(TRUNCATE)"), SQLITE_OK);
        QCOMPARE(readBack(m_path), stored(400));
    }

    void aWriteTheFileRefusesFailsTheCommit()
    {
        Connection db(m_path);
        QVERIFY(db.ok());
        QCOMPARE(db.exec("PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; "
                         "CREATE TABLE t (i INTEGER PRIMARY KEY, body TEXT NOT NULL)"),
                 SQLITE_OK);
        QCOMPARE(db.exec(insertRows(1, 10)), SQLITE_OK);
        // Files of this process may not grow beyond the WAL's size plus two pages: the
        // commit's write fails part-way (EFBIG, its signal ignored), as on a full disk.
        const qint64 walSize = QFile(m_path + u"-wal"_s).size();
        QVERIFY(walSize > 0);
        rlimit previous{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &previous), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = previous;
        limited.rlim_cur = rlim_t(walSize + 8192);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        const int rc = db.exec(insertRows(11, 200));
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &previous), 0);
        std::signal(SIGXFSZ, previousHandler);
        QVERIFY2(rc != SQLITE_OK, "the commit succeeded although its frames were not written");
        // Nothing of the failed commit is visible, and the next one works.
        Connection reader(m_path, "unix");
        QCOMPARE(reader.text(kChecksum), expectedChecksum(10));
        QCOMPARE(db.exec(insertRows(11, 20)), SQLITE_OK);
        QCOMPARE(reader.text(kChecksum), expectedChecksum(20));
        QCOMPARE(reader.text("PRAGMA integrity_check"), u"ok"_s);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestWalWriteCoalescing)
#include "tst_wal_write_coalescing.moc"
