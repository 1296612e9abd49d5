// SPDX-License-Identifier: GPL-3.0-or-later
#include "Actor.h"

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace gerbang {

QString Actor::localUserName()
{
    // The password database, not $USER: the environment is the caller's to set.
    const passwd *pw = ::getpwuid(::geteuid());
    return pw ? u"os:"_s + QString::fromLocal8Bit(pw->pw_name)
              : u"os:uid-%1"_s.arg(qulonglong(::geteuid()));
}

Actor Actor::local(const QString &method, const QString &path)
{
    return Actor{localUserName(), method, path, u"local"_s};
}

} // namespace gerbang
