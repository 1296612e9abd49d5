// SPDX-License-Identifier: GPL-3.0-or-later
#include "Routes.h"

#include "domain/Source.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

} // namespace

Route Route::match(const QByteArray &path)
{
    Route r;
    if (path == "/health") {
        r.kind = Kind::Health;
    } else if (path == "/ready") {
        r.kind = Kind::Ready;
    } else if (path == "/metrics") {
        r.kind = Kind::Metrics;
    } else if (constexpr QByteArrayView internal = "/internal/events/"; path.startsWith(internal)) {
        const QByteArray id = path.mid(internal.size());
        if (!id.isEmpty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), isNameChar)) {
            r.kind = Kind::InternalEvent;
            r.key = QString::fromLatin1(id);
        }
    } else if (constexpr QByteArrayView wa = "/whatsapp/webhook"; path.startsWith(wa)) {
        const QByteArray rest = path.mid(wa.size());
        if (rest.isEmpty()) {
            r.kind = Kind::WhatsApp;
            r.key = u""_s;
        } else if (rest.size() > 1 && rest.size() <= 64 && rest[0] == '/' &&
                   std::all_of(rest.begin() + 1, rest.end(), isNameChar)) {
            r.kind = Kind::WhatsApp;
            r.key = QString::fromLatin1(rest.mid(1));
        }
    } else if (constexpr QByteArrayView hooks = "/webhooks/"; path.startsWith(hooks)) {
        const QByteArray rest = path.mid(hooks.size());
        const qsizetype slash = rest.indexOf('/');
        const QByteArray provider = rest.left(slash);
        const QByteArray key = rest.mid(slash + 1);
        if (slash > 0 && !key.isEmpty() && key.size() <= 63 && !key.contains('/') &&
            Source::providers().contains(QString::fromLatin1(provider))) {
            r.kind = Kind::Provider;
            r.provider = QString::fromLatin1(provider);
            r.key = QString::fromUtf8(key);
        }
    }
    return r;
}

} // namespace gerbang
