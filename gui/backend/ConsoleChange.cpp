// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsoleChange.h"

#include "admin/AdminApi.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

QString segment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

template <class... Ts> struct Overloaded : Ts...
{
    using Ts::operator()...;
};

} // namespace

ChangeRoute routeOf(const ConsoleChange &change)
{
    using namespace consolechange;
    const QString tenants = u"/admin/v1/tenants"_s;
    const QString sources = u"/admin/v1/sources"_s;
    const QString secrets = u"/admin/v1/secrets"_s;
    return std::visit(
        Overloaded{
            [&](const AddTenant &) {
                return ChangeRoute{"POST", tenants, tenants};
            },
            [&](const UpdateTenant &c) {
                return ChangeRoute{"PATCH", tenants + u'/' + segment(c.id), tenants + u"/{id}"_s};
            },
            [&](const RemoveTenant &c) {
                return ChangeRoute{"DELETE", tenants + u'/' + segment(c.id), tenants + u"/{id}"_s};
            },
            [&](const AddSource &) {
                return ChangeRoute{"POST", sources, sources};
            },
            [&](const RemoveSource &c) {
                return ChangeRoute{"DELETE", sources + u'/' + segment(c.name),
                                   sources + u"/{name}"_s};
            },
            [&](const WriteSecret &c) {
                return c.rotate
                           ? ChangeRoute{"POST", secrets + u'/' + segment(c.name) + u"/rotate"_s,
                                         secrets + u"/{name}/rotate"_s}
                           : ChangeRoute{"PUT", secrets + u'/' + segment(c.name),
                                         secrets + u"/{name}"_s};
            },
            [&](const RetireSecret &c) {
                return ChangeRoute{"POST", secrets + u'/' + segment(c.name) + u"/retire"_s,
                                   secrets + u"/{name}/retire"_s};
            },
            [&](const AcknowledgeAlerts &) {
                const QString path = u"/admin/v1/alerts/acknowledge"_s;
                return ChangeRoute{"POST", path, path};
            },
            [&](const ReplayDeadLetters &) {
                const QString path = u"/admin/v1/dead-letters/replay"_s;
                return ChangeRoute{"POST", path, path};
            },
            [&](const ReplayEvents &) {
                const QString path = u"/admin/v1/events/replay"_s;
                return ChangeRoute{"POST", path, path};
            },
            [&](const ChangeSettings &) {
                const QString path = u"/admin/v1/settings"_s;
                return ChangeRoute{"PATCH", path, path};
            },
            [&](const RunRetention &) {
                const QString path = u"/admin/v1/retention/run"_s;
                return ChangeRoute{"POST", path, path};
            },
            [&](const SetAllowlist &c) {
                return ChangeRoute{"PUT", u"/admin/v1/allowlists/"_s + segment(c.scope),
                                   u"/admin/v1/allowlists/{scope}"_s};
            },
            [&](const ReadEventPayload &c) {
                return ChangeRoute{"GET", u"/admin/v1/events/"_s + segment(c.id) + u"/payload"_s,
                                   u"/admin/v1/events/{id}/payload"_s};
            },
        },
        change);
}

AdminRole roleFor(const QByteArray &method, const QString &pattern)
{
    for (const AdminApi::Route &route : AdminApi::routes()) {
        if (route.method == method && QString::fromLatin1(route.path) == pattern)
            return route.least;
    }
    // A route the table does not have would be refused by the gateway: ask the most.
    return AdminRole::Admin;
}

AdminRole requiredRole(const ConsoleChange &change)
{
    const ChangeRoute route = routeOf(change);
    return roleFor(route.method, route.pattern);
}

} // namespace gerbang
