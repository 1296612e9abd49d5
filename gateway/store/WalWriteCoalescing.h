// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace gerbang {

// SQLite writes each frame of its write-ahead log with two system calls (the frame's 24-byte
// header, then the page), so a group commit of 70 frames costs 140 pwrite calls before its
// fsync. This installs, as the process's default, a VFS that forwards everything to the one
// it replaces but gathers consecutive writes to a WAL file in memory and hands them to the
// real file together: when a commit's last frame is complete, when a write is not the next
// one in the file, when the buffer is full, and before any other call on the WAL or on its
// database file (sync, read, size, truncate, locks, the shared-memory lock and barrier that
// end a write transaction and publish a commit, close). The bytes, their order and every sync
// are what SQLite asked for, so durability is unchanged with synchronous=FULL (every Gerbang
// connection): a commit's frames are handed over before its fsync and before other
// connections can see it; a failed hand-over fails the commit and every later write until the
// write transaction ends; the frames of a rolled-back transaction are written (as SQLite would
// have) before its write lock is released, never later over another connection's frames. Databases
// and journals other than WALs are written as SQLite asks. Idempotent and thread-safe; false if
// SQLite refused the VFS (it then works as before).
bool installWalWriteCoalescing();

// What the VFS did since the process started, for tests and benchmarks.
struct WalWriteCounts
{
    quint64 writes = 0;  // xWrite calls SQLite made on WAL files
    quint64 flushes = 0; // writes handed to the real file
};
WalWriteCounts walWriteCounts();

} // namespace gerbang
