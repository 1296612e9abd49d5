// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace gerbang {

// SQLite writes each frame of its write-ahead log with two system calls (the frame's 24-byte
// header, then the page), so a group commit of 70 frames costs 140 pwrite calls before its
// fsync. This installs, as the process's default, a VFS that forwards everything to the one
// it replaces but gathers consecutive writes to a WAL file in memory and hands them to the
// real file at once: when a commit's last frame is complete, before any other call on the
// file (sync, read, size, truncate, lock, close), when a write is not the next one in the
// file, and when the buffer is full. The bytes, their order and every sync are what SQLite
// asked for, so durability is unchanged: a commit's frames are on their way to disk before
// its fsync (and before it becomes visible to readers, whatever the synchronous setting), and
// a failed write fails the commit. Databases and journals other than WALs are not touched.
// Idempotent and thread-safe; false if SQLite refused the VFS (it then works as before).
bool installWalWriteCoalescing();

// What the VFS did since the process started, for tests and benchmarks.
struct WalWriteCounts
{
    quint64 writes = 0;  // xWrite calls SQLite made on WAL files
    quint64 flushes = 0; // writes handed to the real file
};
WalWriteCounts walWriteCounts();

} // namespace gerbang
