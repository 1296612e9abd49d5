// SPDX-License-Identifier: GPL-3.0-or-later
// normalize_dump DATA_DIR: normalizes every event of every payload sample in DATA_DIR and prints
// one JSON line per event ({fixture, provider, tenant, dedup_key, ok, error, normalized,
// original}) for validate_normalized.py. Exit status 1 when any sample or event fails.
#include "FixtureEvents.h"
#include "normalize/Normalizer.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace gerbang;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: normalize_dump DATA_DIR\n");
        return 2;
    }
    const QString dir = args[1];
    const QStringList files = test::fixtureFiles(dir);
    if (files.isEmpty()) {
        std::fprintf(stderr, "normalize_dump: no *.json in %s\n", qPrintable(dir));
        return 1;
    }
    int failures = 0;
    for (const QString &name : files) {
        QFile f(dir + u'/' + name);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "normalize_dump: cannot read %s\n", qPrintable(name));
            return 1;
        }
        const QByteArray payload = f.readAll();
        const test::FixtureEvents rows = test::fixtureEvents(name, payload);
        if (!rows.ok || rows.events.isEmpty()) {
            std::fprintf(stderr, "normalize_dump: %s: no events (%s)\n", qPrintable(name),
                         qPrintable(rows.error));
            ++failures;
            continue;
        }
        for (const WebhookEvent &e : rows.events) {
            const NormalizeResult r = normalizeEvent(e, payload, test::fixtureSenderKey(e.tenant));
            failures += r.ok ? 0 : 1;
            const QJsonObject line{
                {u"fixture"_s, name},        {u"provider"_s, e.provider},
                {u"tenant"_s, e.tenant},     {u"dedup_key"_s, e.dedupKey},
                {u"locator"_s, e.locator},   {u"ok"_s, r.ok},
                {u"error"_s, r.error},       {u"normalized"_s, r.normalized},
                {u"original"_s, r.original},
            };
            const QByteArray json = QJsonDocument(line).toJson(QJsonDocument::Compact);
            std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
            std::fputc('\n', stdout);
        }
    }
    return failures == 0 ? 0 : 1;
}
