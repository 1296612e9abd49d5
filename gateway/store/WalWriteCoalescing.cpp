// SPDX-License-Identifier: GPL-3.0-or-later
#include "WalWriteCoalescing.h"

#include <QByteArray>
#include <algorithm>
#include <atomic>
#include <cstring>
#include <iterator>
#include <new>
#include <sqlite3.h>

namespace gerbang {
namespace {

// The WAL file format (https://www.sqlite.org/fileformat2.html#walformat): a 32-byte header,
// then frames of a 24-byte header and a page. Bytes 4-7 of a frame header (big-endian) are
// the database size after a commit, non-zero only in a commit's last frame.
constexpr sqlite3_int64 kWalHeaderBytes = 32;
constexpr int kFrameHeaderBytes = 24;
constexpr qsizetype kBufferBytes = 1 << 20; // a commit of ~250 frames
// The Unix VFS writes at most 128 KiB - 1 per call (its seekAndWrite masks the length to 17
// bits; SQLite itself never asks for more than a page), so a flush hands over pieces.
constexpr qsizetype kMaxPiece = 124 * 1024;

std::atomic<quint64> g_writes{0};
std::atomic<quint64> g_flushes{0};

sqlite3_vfs *g_real = nullptr; // the VFS this one forwards to
sqlite3_vfs g_vfs;

struct File
{
    sqlite3_file base; // first: SQLite sees a File as a sqlite3_file
    sqlite3_file *real = nullptr;
    bool wal = false;
    // A database file and its connection's WAL know each other: the WAL's pending bytes go out
    // before any call on the database file, above all the shared-memory lock and barrier calls
    // that end a write transaction or publish a commit. A rolled-back transaction's frames
    // therefore never outlive its write lock (another connection writes there next), and a
    // commit's rewritten frame headers are in the file before readers can see the commit.
    File *log = nullptr;        // of a database file: its WAL
    File *owner = nullptr;      // of a WAL: its database file
    bool commitPending = false; // a commit's last frame header is buffered; its page follows
    sqlite3_int64 start = 0;    // the file offset of pending[0]
    QByteArray pending;
    // Of a WAL: the error of a hand-over that failed. Its bytes are gone, so every later
    // write, sync and read of the WAL fails with it until the write transaction ends (its
    // write lock is released): no commit can follow frames that never reached the file, even
    // when the failure surfaced in a call whose result SQLite does not check.
    int failed = SQLITE_OK;
};

// The real file lives in the same allocation, after ours (SQLite allocates szOsFile bytes).
constexpr int kFileBytes = int((sizeof(File) + 15) & ~size_t(15));

File *self(sqlite3_file *f)
{
    return reinterpret_cast<File *>(f);
}

int flushOwn(File *f)
{
    if (f->pending.isEmpty())
        return SQLITE_OK;
    int rc = SQLITE_OK;
    for (qsizetype done = 0; done < f->pending.size() && rc == SQLITE_OK; done += kMaxPiece) {
        g_flushes.fetch_add(1, std::memory_order_relaxed);
        const qsizetype piece = std::min(kMaxPiece, f->pending.size() - done);
        rc = f->real->pMethods->xWrite(f->real, f->pending.constData() + done, int(piece),
                                       f->start + done);
    }
    f->pending.resize(0); // keeps the capacity
    f->commitPending = false;
    if (rc != SQLITE_OK && f->failed == SQLITE_OK)
        f->failed = rc;
    return rc;
}

// The file's own pending bytes and, for a database file, its WAL's (whose failure stays on
// the WAL, where SQLite's next write, sync or read of it sees it).
void flush(File *f)
{
    flushOwn(f);
    if (f->log)
        flushOwn(f->log);
}

// WAL_WRITE_LOCK is the first of the WAL's shared-memory locks (wal.c); releasing it ends a
// write transaction, after which SQLite writes from the last commit again.
bool releasesWriteLock(int offset, int flags)
{
    return offset == 0 && (flags & SQLITE_SHM_UNLOCK) != 0;
}

bool endsCommit(const void *data, int amount, sqlite3_int64 offset)
{
    if (amount != kFrameHeaderBytes || offset < kWalHeaderBytes)
        return false;
    const auto *b = static_cast<const unsigned char *>(data);
    return (b[4] | b[5] | b[6] | b[7]) != 0;
}

int append(File *f, const void *data, int amount, sqlite3_int64 offset)
{
    try {
        if (f->pending.isEmpty()) {
            f->pending.reserve(kBufferBytes);
            f->start = offset;
        }
        f->pending.append(static_cast<const char *>(data), amount);
    } catch (const std::bad_alloc &) {
        return SQLITE_IOERR_NOMEM; // nothing of this write was kept; SQLite fails the commit
    }
    return SQLITE_OK;
}

int xWrite(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
    File *f = self(file);
    if (!f->wal)
        return f->real->pMethods->xWrite(f->real, data, amount, offset);
    g_writes.fetch_add(1, std::memory_order_relaxed);
    if (f->failed != SQLITE_OK)
        return f->failed;
    const bool next = !f->pending.isEmpty() && offset == f->start + f->pending.size();
    if ((!f->pending.isEmpty() && !next) || f->pending.size() + amount > kBufferBytes ||
        amount > kMaxPiece) {
        if (const int rc = flushOwn(f); rc != SQLITE_OK)
            return rc;
    }
    if (amount > kMaxPiece) {
        g_flushes.fetch_add(1, std::memory_order_relaxed);
        return f->real->pMethods->xWrite(f->real, data, amount, offset); // as SQLite asked
    }
    if (const int rc = append(f, data, amount, offset); rc != SQLITE_OK)
        return rc;
    if (f->commitPending)
        return flushOwn(f); // the commit's last page: its frames are complete
    f->commitPending = endsCommit(data, amount, offset);
    return SQLITE_OK;
}

// Every other call sees the files as SQLite wrote them: pending bytes go first. The real
// method is always called (SQLite ignores the result of the calls that release locks and
// mappings, so skipping one would keep a lock held); on a WAL whose bytes were lost, its
// result is that failure instead.
template <auto Method, typename... Args> int forward(sqlite3_file *file, Args... args)
{
    File *f = self(file);
    flush(f);
    const int rc = (f->real->pMethods->*Method)(f->real, args...);
    return f->wal && f->failed != SQLITE_OK ? f->failed : rc;
}

int xShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    File *f = self(file);
    flush(f);
    const int rc = f->real->pMethods->xShmLock(f->real, offset, n, flags);
    // The flush above emptied the WAL's buffer; a failure it kept ends with the transaction.
    if (f->log && releasesWriteLock(offset, flags))
        f->log->failed = SQLITE_OK;
    return rc;
}

int xClose(sqlite3_file *file)
{
    File *f = self(file);
    flush(f);
    const int flushed = f->wal ? f->failed : SQLITE_OK;
    const int closed = f->real->pMethods->xClose(f->real);
    if (f->owner)
        f->owner->log = nullptr;
    if (f->log)
        f->log->owner = nullptr;
    f->~File();
    return flushed != SQLITE_OK ? flushed : closed;
}

int xSectorSize(sqlite3_file *file)
{
    return self(file)->real->pMethods->xSectorSize(self(file)->real);
}

int xDeviceCharacteristics(sqlite3_file *file)
{
    return self(file)->real->pMethods->xDeviceCharacteristics(self(file)->real);
}

void xShmBarrier(sqlite3_file *file)
{
    // Before the commit's WAL index header is published. No error can be returned here: with
    // synchronous=FULL (every Gerbang connection) the commit's sync already handed over and
    // checked the bytes, so this finds nothing to write. Under NORMAL or OFF a failure here
    // (a full disk) would go unseen by that commit; it still fails everything after it.
    flush(self(file));
    self(file)->real->pMethods->xShmBarrier(self(file)->real);
}

// One table per version of the real file's methods, so SQLite never calls what it lacks.
sqlite3_io_methods methodsOfVersion(int version)
{
    sqlite3_io_methods m{};
    m.iVersion = version;
    m.xClose = xClose;
    m.xRead = forward<&sqlite3_io_methods::xRead, void *, int, sqlite3_int64>;
    m.xWrite = xWrite;
    m.xTruncate = forward<&sqlite3_io_methods::xTruncate, sqlite3_int64>;
    m.xSync = forward<&sqlite3_io_methods::xSync, int>;
    m.xFileSize = forward<&sqlite3_io_methods::xFileSize, sqlite3_int64 *>;
    m.xLock = forward<&sqlite3_io_methods::xLock, int>;
    m.xUnlock = forward<&sqlite3_io_methods::xUnlock, int>;
    m.xCheckReservedLock = forward<&sqlite3_io_methods::xCheckReservedLock, int *>;
    m.xFileControl = forward<&sqlite3_io_methods::xFileControl, int, void *>;
    m.xSectorSize = xSectorSize;
    m.xDeviceCharacteristics = xDeviceCharacteristics;
    if (version >= 2) {
        m.xShmMap = forward<&sqlite3_io_methods::xShmMap, int, int, int, void volatile **>;
        m.xShmLock = xShmLock;
        m.xShmBarrier = xShmBarrier;
        m.xShmUnmap = forward<&sqlite3_io_methods::xShmUnmap, int>;
    }
    if (version >= 3) {
        m.xFetch = forward<&sqlite3_io_methods::xFetch, sqlite3_int64, int, void **>;
        m.xUnfetch = forward<&sqlite3_io_methods::xUnfetch, sqlite3_int64, void *>;
    }
    return m;
}

const sqlite3_io_methods g_methods[] = {methodsOfVersion(1), methodsOfVersion(2),
                                        methodsOfVersion(3)};

bool isOurs(const sqlite3_file *file)
{
    return std::any_of(std::begin(g_methods), std::end(g_methods),
                       [file](const sqlite3_io_methods &m) { return file->pMethods == &m; });
}

int xOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    File *f = new (file) File;
    f->real = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(file) + kFileBytes);
    f->wal = (flags & SQLITE_OPEN_WAL) != 0;
    std::memset(f->real, 0, size_t(g_real->szOsFile));
    const int rc = g_real->xOpen(g_real, name, f->real, flags, outFlags);
    const sqlite3_io_methods *real = f->real->pMethods;
    if (real && real->iVersion >= 1 && real->iVersion <= 3) {
        f->base.pMethods = &g_methods[real->iVersion - 1];
        if (f->wal && rc == SQLITE_OK && name) {
            sqlite3_file *database = sqlite3_database_file_object(name);
            if (database && isOurs(database) && !self(database)->log) {
                f->owner = self(database);
                f->owner->log = f;
            }
        }
        return rc; // with methods set, SQLite closes the file even when rc is an error
    }
    if (real)
        real->xClose(f->real);
    f->~File();
    file->pMethods = nullptr;
    return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
}

// The VFS's other entries go to the real VFS with the real VFS as their first argument
// (the Unix VFS reads its own fields through it).
template <auto Method, typename... Args> auto to(sqlite3_vfs *, Args... args)
{
    return (g_real->*Method)(g_real, args...);
}

bool install()
{
    g_real = sqlite3_vfs_find(nullptr);
    if (!g_real || g_real->iVersion < 2)
        return false;
    sqlite3_vfs v{};
    v.iVersion = 2;
    v.szOsFile = kFileBytes + g_real->szOsFile;
    v.mxPathname = g_real->mxPathname;
    v.zName = "gerbang-wal-coalescing";
    v.xOpen = xOpen;
    v.xDelete = to<&sqlite3_vfs::xDelete, const char *, int>;
    v.xAccess = to<&sqlite3_vfs::xAccess, const char *, int, int *>;
    v.xFullPathname = to<&sqlite3_vfs::xFullPathname, const char *, int, char *>;
    v.xDlOpen = to<&sqlite3_vfs::xDlOpen, const char *>;
    v.xDlError = to<&sqlite3_vfs::xDlError, int, char *>;
    v.xDlSym = to<&sqlite3_vfs::xDlSym, void *, const char *>;
    v.xDlClose = to<&sqlite3_vfs::xDlClose, void *>;
    v.xRandomness = to<&sqlite3_vfs::xRandomness, int, char *>;
    v.xSleep = to<&sqlite3_vfs::xSleep, int>;
    v.xCurrentTime = to<&sqlite3_vfs::xCurrentTime, double *>;
    v.xGetLastError = to<&sqlite3_vfs::xGetLastError, int, char *>;
    v.xCurrentTimeInt64 = to<&sqlite3_vfs::xCurrentTimeInt64, sqlite3_int64 *>;
    g_vfs = v;
    return sqlite3_vfs_register(&g_vfs, 1) == SQLITE_OK;
}

} // namespace

bool installWalWriteCoalescing()
{
    static const bool installed = install(); // once, whichever thread comes first
    return installed;
}

WalWriteCounts walWriteCounts()
{
    return {g_writes.load(std::memory_order_relaxed), g_flushes.load(std::memory_order_relaxed)};
}

} // namespace gerbang
