// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace gerbang {

// Reads a file that holds a secret: the master key file, a TLS private key.
//
// The path is opened once (O_NOFOLLOW, O_CLOEXEC, O_NONBLOCK) and the checks are made on the
// opened descriptor with fstat(), so the file checked is the file read: there is no window
// between a check of the path and its open, and a symbolic link as the last component is
// refused (ELOOP) rather than followed. Links in the directories above it are followed, as
// for any path the admin configures. Refused, each with a message that says how to fix it:
//   - a symbolic link;
//   - anything but a regular file (a FIFO does not block the open: O_NONBLOCK);
//   - a file owned by another user than the effective one (root's own files are accepted);
//   - any permission bit for group or others ("run: chmod 600 PATH");
//   - more than `maxBytes` bytes.
// `what` names the file in messages ("master key file", "TLS private key"); messages never
// hold file content. The caller owns the returned bytes: wipe them with crypto::cleanse() once
// used.
std::optional<QByteArray> readSecretFile(const QString &path, const QString &what,
                                         qsizetype maxBytes, QString *error);

// Creates `path` with mode 0600 from the first byte on (O_EXCL: never through an existing file
// or link), writes `content` and syncs it. On failure nothing is left behind.
bool writePrivateFile(const QString &path, const QByteArray &content, QString *error);

} // namespace gerbang
