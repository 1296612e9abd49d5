// SPDX-License-Identifier: GPL-3.0-or-later
#include "DataDirLock.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace gerbang {

DataDirLock::~DataDirLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the lock
}

bool DataDirLock::acquire(const QString &dataDir, QString *error)
{
    const QString path = QDir(dataDir).filePath(u"gerbang.lock"_s);
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = u"cannot open %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        *error = u"another Gerbang engine (gerbangd or the console) is using the data directory "
                 "%1"_s.arg(dataDir);
        return false;
    }
    if (::ftruncate(fd, 0) != 0) {
        ::close(fd);
        *error = u"cannot write %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_fd = fd;
    return true;
}

bool DataDirLock::recordPid(QString *error)
{
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (m_fd < 0 || ::ftruncate(m_fd, 0) != 0 ||
        ::pwrite(m_fd, pid.constData(), size_t(pid.size()), 0) != pid.size()) {
        *error = u"cannot record the process id in the lock file: %1"_s.arg(
            QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

qint64 DataDirLock::runningEnginePid(const QString &dataDir, QString *error)
{
    const QString path = QDir(dataDir).filePath(u"gerbang.lock"_s);
    const QString none = u"no gerbangd is running for the data directory %1"_s.arg(dataDir);
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *error =
            errno == ENOENT
                ? none
                : u"cannot open %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return 0;
    }
    // If we can lock it, nobody holds it, and whatever pid it holds is stale.
    if (::flock(fd, LOCK_SH | LOCK_NB) == 0) {
        ::close(fd);
        *error = none;
        return 0;
    }
    char buffer[32] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    ::close(fd);
    bool ok = false;
    const qint64 pid = n > 0 ? QByteArray(buffer, n).trimmed().toLongLong(&ok) : 0;
    if (!ok || pid <= 0) {
        *error = u"the data directory %1 is in use by an engine that recorded no process id "
                 "(the desktop console, or a maintenance command)"_s.arg(dataDir);
        return 0;
    }
    return pid;
}

} // namespace gerbang
