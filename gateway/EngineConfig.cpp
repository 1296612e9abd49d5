// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineConfig.h"

#include "config/Settings.h"
#include "storage/Database.h"

using namespace Qt::StringLiterals;

namespace gerbang {

EngineConfig EngineConfig::fromSettings(const Settings &s, std::shared_ptr<const Vault> vault)
{
    EngineConfig c;
    c.listenAddress = QHostAddress(s.listenHost());
    c.listenPort = s.listenPort();
    c.maxConnections = s.intValue(u"server/max_connections"_s, 1, 100000);
    c.connection.headerLimit = s.intValue(u"server/header_limit_bytes"_s, 1024, 1 << 20);
    c.connection.readTimeoutMs = s.intValue(u"server/read_timeout_ms"_s, 100, 600000);
    c.connection.idleTimeoutMs = s.intValue(u"server/idle_timeout_ms"_s, 100, 3600000);
    c.bodyLimit = s.intValue(u"server/body_limit_bytes"_s, 1024, 64 << 20);
    c.whatsappBodyLimit = s.intValue(u"whatsapp/body_limit_bytes"_s, 1024, 64 << 20);
    c.dataDir = s.dataDir();
    c.sqlitePath = Database::sqlitePathIn(c.dataDir);
    c.busyTimeoutMs = s.intValue(u"storage/busy_timeout_ms"_s, 10, 60000);
    c.maxPending = s.intValue(u"storage/max_pending"_s, 1, 1000000);
    c.dedupTtlMs = qint64(s.intValue(u"dedup/ttl_hours"_s, 24, 24 * 365)) * 3600 * 1000;
    c.rawRetentionDays = s.intValue(u"retention/raw_days"_s, 1, 3650);
    c.auditRetentionDays = s.intValue(u"retention/audit_days"_s, 1, 36500);
    c.whatsapp.appSecret = s.value(u"whatsapp/app_secret"_s).toUtf8();
    c.whatsapp.previousAppSecret = s.value(u"whatsapp/previous_app_secret"_s).toUtf8();
    c.whatsapp.verifyToken = s.value(u"whatsapp/verify_token"_s).toUtf8();
    c.vault = std::move(vault);
    return c;
}

} // namespace gerbang
