// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretFile.h"

#include "Crypto.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// Closes the descriptor on every return path.
class FileDescriptor
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {
    }
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

QString systemError(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

QString userName(uid_t uid)
{
    const passwd *pw = ::getpwuid(uid);
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(uid);
}

QString sizeText(qsizetype bytes)
{
    if (bytes >= (1 << 20) && bytes % (1 << 20) == 0)
        return u"%1 MiB"_s.arg(bytes >> 20);
    if (bytes >= 1024 && bytes % 1024 == 0)
        return u"%1 KiB"_s.arg(bytes >> 10);
    return u"%1 bytes"_s.arg(bytes);
}

// Why open() failed. ELOOP from O_NOFOLLOW means the last component is a link; lstat() only
// picks the message here, it decides nothing.
QString openError(const QString &path, const QString &what, int err)
{
    struct stat st
    {
    };
    if (err == ELOOP && ::lstat(QFile::encodeName(path).constData(), &st) == 0 &&
        S_ISLNK(st.st_mode))
        return u"the %1 %2 is a symbolic link, which is not followed for a secret file: replace "
               "it with the file it points to"_s.arg(what, path);
    return u"cannot read the %1 %2: %3"_s.arg(what, path, systemError(err));
}

// Why the opened file must not hold a secret, or an empty string when it may.
QString unfitReason(const struct stat &st, const QString &path, const QString &what)
{
    if (!S_ISREG(st.st_mode))
        return u"the %1 %2 is not a regular file"_s.arg(what, path);
    const uid_t me = ::geteuid();
    // Another user who owns the file could replace the secret, or read it.
    if (st.st_uid != me && st.st_uid != 0)
        return u"the %1 %2 belongs to user '%3', not to '%4' who reads it; run: chown %4 %2"_s.arg(
            what, path, userName(st.st_uid), userName(me));
    if (st.st_mode & (S_IRWXG | S_IRWXO))
        return u"the %1 %2 is accessible by group or others (mode %3); run: chmod 600 %2"_s
            .arg(what, path)
            .arg(st.st_mode & 0777, 3, 8, QLatin1Char('0'));
    return {};
}

// Reads to the end, at most `maxBytes` + 1 bytes so that a larger file is noticed.
bool readAll(int fd, qsizetype maxBytes, QByteArray *out)
{
    QByteArray buffer(maxBytes + 1, Qt::Uninitialized);
    qsizetype total = 0;
    while (total < buffer.size()) {
        const ssize_t n = ::read(fd, buffer.data() + total, size_t(buffer.size() - total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int err = errno;
            crypto::cleanse(&buffer);
            errno = err;
            return false;
        }
        if (n == 0)
            break;
        total += n;
    }
    buffer.truncate(total);
    *out = std::move(buffer);
    return true;
}

} // namespace

std::optional<QByteArray> readSecretFile(const QString &path, const QString &what,
                                         qsizetype maxBytes, QString *error)
{
    const FileDescriptor fd(::open(QFile::encodeName(path).constData(),
                                   O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0) {
        *error = openError(path, what, errno);
        return std::nullopt;
    }
    struct stat st
    {
    };
    if (::fstat(fd.get(), &st) != 0) {
        *error = u"cannot read the %1 %2: %3"_s.arg(what, path, systemError(errno));
        return std::nullopt;
    }
    *error = unfitReason(st, path, what);
    if (!error->isEmpty())
        return std::nullopt;
    const QString tooLarge = u"the %1 %2 is larger than %3"_s.arg(what, path, sizeText(maxBytes));
    if (st.st_size > maxBytes) {
        *error = tooLarge;
        return std::nullopt;
    }
    QByteArray content;
    if (!readAll(fd.get(), maxBytes, &content)) {
        *error = u"cannot read the %1 %2: %3"_s.arg(what, path, systemError(errno));
        return std::nullopt;
    }
    if (content.size() > maxBytes) { // grew after fstat()
        crypto::cleanse(&content);
        *error = tooLarge;
        return std::nullopt;
    }
    return content;
}

bool writePrivateFile(const QString &path, const QByteArray &content, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = u"cannot create %1: %2"_s.arg(path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    qsizetype done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.constData() + done, size_t(content.size() - done));
        if (n <= 0) {
            ::close(fd);
            ::unlink(native.constData());
            *error = u"cannot write %1"_s.arg(path);
            return false;
        }
        done += n;
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) {
        *error = u"cannot sync %1"_s.arg(path);
        return false;
    }
    return true;
}

} // namespace gerbang
