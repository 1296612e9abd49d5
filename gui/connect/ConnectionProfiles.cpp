// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionProfiles.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

const QString kArray = u"connections"_s;

void writeAll(const QList<ConnectionProfile> &profiles)
{
    QSettings prefs;
    prefs.remove(kArray);
    prefs.beginWriteArray(kArray, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        prefs.setArrayIndex(i);
        prefs.setValue(u"name"_s, profiles[i].name);
        prefs.setValue(u"url"_s, profiles[i].url.toString());
        prefs.setValue(u"pin"_s, profiles[i].pin);
    }
    prefs.endArray();
}

} // namespace

QList<ConnectionProfile> ConnectionProfiles::all()
{
    QSettings prefs;
    QList<ConnectionProfile> out;
    const int n = prefs.beginReadArray(kArray);
    for (int i = 0; i < n; ++i) {
        prefs.setArrayIndex(i);
        out.append(ConnectionProfile{prefs.value(u"name"_s).toString(),
                                     QUrl(prefs.value(u"url"_s).toString()),
                                     prefs.value(u"pin"_s).toString()});
    }
    prefs.endArray();
    return out;
}

std::optional<ConnectionProfile> ConnectionProfiles::named(const QString &name)
{
    for (const ConnectionProfile &p : all()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

std::optional<ConnectionProfile> ConnectionProfiles::forUrl(const QUrl &url)
{
    for (const ConnectionProfile &p : all()) {
        if (p.url.matches(url, QUrl::StripTrailingSlash))
            return p;
    }
    return std::nullopt;
}

void ConnectionProfiles::save(const ConnectionProfile &profile)
{
    QList<ConnectionProfile> profiles = all();
    const auto it = std::find_if(profiles.begin(), profiles.end(), [&](const ConnectionProfile &p) {
        return p.name == profile.name;
    });
    if (it != profiles.end())
        *it = profile;
    else
        profiles.append(profile);
    writeAll(profiles);
}

void ConnectionProfiles::remove(const QString &name)
{
    QList<ConnectionProfile> profiles = all();
    profiles.removeIf([&](const ConnectionProfile &p) { return p.name == name; });
    writeAll(profiles);
    if (last() == name)
        setLast(QString());
}

QString ConnectionProfiles::last()
{
    return QSettings().value(u"console/last_connection"_s).toString();
}

void ConnectionProfiles::setLast(const QString &name)
{
    QSettings().setValue(u"console/last_connection"_s, name);
}

QString ConnectionProfiles::nameFor(const QUrl &url)
{
    return u"%1:%2"_s.arg(url.host()).arg(url.port(url.scheme() == u"http"_s ? 80 : 443));
}

QUrl ConnectionProfiles::parseAddress(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    QUrl url = QUrl::fromUserInput(trimmed.contains(u"://"_s) ? trimmed : u"https://"_s + trimmed);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"https"_s && url.scheme() != u"http"_s))
        return {};
    url.setPath(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace gerbang
