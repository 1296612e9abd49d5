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
    m_fd = fd;
    return true;
}

} // namespace gerbang
