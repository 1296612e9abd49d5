<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AlertTexts</name>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 signature failures from source '%2' within %3 s. Someone may be probing the gateway, or a secret is out of date.</source>
        <translation>%1 signature failures from source '%2' within %3 s. Someone may be probing the gateway, or a secret is out of date.</translation>
    </message>
    <message>
        <source>Compare the source's secret with the provider's dashboard, and look up the senders' addresses in the audit log.</source>
        <translation>Compare the source's secret with the provider's dashboard, and look up the senders' addresses in the audit log.</translation>
    </message>
    <message>
        <source>Webhooks from source '%1' arrive again.</source>
        <translation>Webhooks from source '%1' arrive again.</translation>
    </message>
    <message>
        <source>No webhooks from source '%1' for %2; at this hour of the week it is normally quiet for at most %3.</source>
        <translation>No webhooks from source '%1' for %2; at this hour of the week it is normally quiet for at most %3.</translation>
    </message>
    <message>
        <source>Check the app's webhook subscription and callback URL in the Meta App Dashboard, that the app is in Live mode, and that its access token has not expired.</source>
        <translation>Check the app's webhook subscription and callback URL in the Meta App Dashboard, that the app is in Live mode, and that its access token has not expired.</translation>
    </message>
    <message>
        <source>Check the webhook settings in the provider's dashboard (URL, enabled events) and that the provider can reach this gateway.</source>
        <translation>Check the webhook settings in the provider's dashboard (URL, enabled events) and that the provider can reach this gateway.</translation>
    </message>
    <message>
        <source>Events reach the core system again.</source>
        <translation>Events reach the core system again.</translation>
    </message>
    <message>
        <source>The oldest event not yet delivered to the core system has waited %1 (threshold %2).</source>
        <translation>The oldest event not yet delivered to the core system has waited %1 (threshold %2).</translation>
    </message>
    <message>
        <source>Check that the core system is up and reachable at the delivery URL. The events wait in the outbox; none is lost.</source>
        <translation>Check that the core system is up and reachable at the delivery URL. The events wait in the outbox; none is lost.</translation>
    </message>
    <message>
        <source>The dead-letter queue is empty.</source>
        <translation>The dead-letter queue is empty.</translation>
    </message>
    <message>
        <source>Events the core system did not accept, waiting in the dead-letter queue: %1.</source>
        <translation>Events the core system did not accept, waiting in the dead-letter queue: %1.</translation>
    </message>
    <message>
        <source>Read their last error on the Dead letters page, fix the cause, then replay them.</source>
        <translation>Read their last error on the Dead letters page, fix the cause, then replay them.</translation>
    </message>
    <message>
        <source>The TLS certificate %1 is valid until %2.</source>
        <translation>The TLS certificate %1 is valid until %2.</translation>
    </message>
    <message>
        <source>The TLS certificate %1 expired at %2.</source>
        <translation>The TLS certificate %1 expired at %2.</translation>
    </message>
    <message>
        <source>The TLS certificate %1 expires at %2, in %3.</source>
        <translation>The TLS certificate %1 expires at %2, in %3.</translation>
    </message>
    <message>
        <source>Renew it, put the new certificate and key in place, then run: gerbangctl tls reload</source>
        <translation>Renew it, put the new certificate and key in place, then run: gerbangctl tls reload</translation>
    </message>
    <message>
        <source>The TLS certificate %1 was reloaded.</source>
        <translation>The TLS certificate %1 was reloaded.</translation>
    </message>
    <message>
        <source>The new TLS certificate %1 could not be loaded (%2); the previous one stays in use.</source>
        <translation>The new TLS certificate %1 could not be loaded (%2); the previous one stays in use.</translation>
    </message>
    <message>
        <source>Check the certificate and key files (format, matching key, permissions), then run: gerbangctl tls reload</source>
        <translation>Check the certificate and key files (format, matching key, permissions), then run: gerbangctl tls reload</translation>
    </message>
    <message>
        <source>Free space for the data directory %1 is back to %2.</source>
        <translation>Free space for the data directory %1 is back to %2.</translation>
    </message>
    <message>
        <source>Only %1 free for the data directory %2 (threshold %3).</source>
        <translation>Only %1 free for the data directory %2 (threshold %3).</translation>
    </message>
    <message>
        <source>At the current growth the disk is full around %1.</source>
        <translation>At the current growth the disk is full around %1.</translation>
    </message>
    <message>
        <source>Free space or enlarge the disk; raw payloads are deleted after the retention period (Settings, Retention).</source>
        <translation>Free space or enlarge the disk; raw payloads are deleted after the retention period (Settings, Retention).</translation>
    </message>
    <message>
        <source>The database accepts writes again.</source>
        <translation>The database accepts writes again.</translation>
    </message>
    <message>
        <source>The database has been unreachable or refusing writes for %1 (%2). Webhooks are answered 503 and their senders retry.</source>
        <translation>The database has been unreachable or refusing writes for %1 (%2). Webhooks are answered 503 and their senders retry.</translation>
    </message>
    <message>
        <source>Check the database server, or under SQLite the disk of the data directory: free space, permissions, its log.</source>
        <translation>Check the database server, or under SQLite the disk of the data directory: free space, permissions, its log.</translation>
    </message>
    <message>
        <source>The retention job ran successfully again.</source>
        <translation>The retention job ran successfully again.</translation>
    </message>
    <message>
        <source>The retention job failed (%1). Expired payloads stay stored until it succeeds.</source>
        <translation>The retention job failed (%1). Expired payloads stay stored until it succeeds.</translation>
    </message>
    <message>
        <source>Check the gateway's log and the database; the job runs again at its next scheduled time, or now with: gerbangctl purge</source>
        <translation>Check the gateway's log and the database; the job runs again at its next scheduled time, or now with: gerbangctl purge</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>AuditExport</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>No requests in this period.</source>
        <translation>No requests in this period.</translation>
    </message>
    <message>
        <source>Gerbang audit report</source>
        <translation>Gerbang audit report</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Tenant:</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>All tenants</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Generated at:</source>
        <translation>Generated at:</translation>
    </message>
    <message>
        <source>Generated by:</source>
        <translation>Generated by:</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Requests:</translation>
    </message>
    <message>
        <source>By outcome</source>
        <translation>By outcome</translation>
    </message>
    <message>
        <source>By provider</source>
        <translation>By provider</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Client IP</source>
        <translation>Client IP</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>The report lists the first %1 of %2 requests; export CSV for all of them.</source>
        <translation>The report lists the first %1 of %2 requests; export CSV for all of them.</translation>
    </message>
    <message>
        <source>the export could not be audited, so it was not made: %1</source>
        <translation>the export could not be audited, so it was not made: %1</translation>
    </message>
    <message>
        <source>the export was cut off: %1</source>
        <translation>the export was cut off: %1</translation>
    </message>
    <message>
        <source>What was verified</source>
        <translation>What was verified</translation>
    </message>
</context>
<context>
    <name>DomainLabels</name>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Stripe</source>
        <translation>Stripe</translation>
    </message>
    <message>
        <source>Midtrans</source>
        <translation>Midtrans</translation>
    </message>
    <message>
        <source>Xendit</source>
        <translation>Xendit</translation>
    </message>
    <message>
        <source>Generic HMAC</source>
        <translation>Generic HMAC</translation>
    </message>
    <message>
        <source>Standard Webhooks</source>
        <translation>Standard Webhooks</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Unknown tenant</source>
        <translation>Unknown tenant</translation>
    </message>
    <message>
        <source>No events</source>
        <translation>No events</translation>
    </message>
    <message>
        <source>Rejected (signature)</source>
        <translation>Rejected (signature)</translation>
    </message>
    <message>
        <source>Malformed payload</source>
        <translation>Malformed payload</translation>
    </message>
    <message>
        <source>Unknown source</source>
        <translation>Unknown source</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Not configured</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Method not allowed</translation>
    </message>
    <message>
        <source>Too large</source>
        <translation>Too large</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Timed out</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Bad request</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Rate limited</translation>
    </message>
    <message>
        <source>Forbidden (allowlist)</source>
        <translation>Forbidden (allowlist)</translation>
    </message>
    <message>
        <source>Client certificate required</source>
        <translation>Client certificate required</translation>
    </message>
    <message>
        <source>TLS refused</source>
        <translation>TLS refused</translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <translation>Unauthorized</translation>
    </message>
    <message>
        <source>Store failed</source>
        <translation>Store failed</translation>
    </message>
    <message>
        <source>Overloaded</source>
        <translation>Overloaded</translation>
    </message>
    <message>
        <source>Subscription verified</source>
        <translation>Subscription verified</translation>
    </message>
    <message>
        <source>Subscription check failed</source>
        <translation>Subscription check failed</translation>
    </message>
    <message>
        <source>Content served</source>
        <translation>Content served</translation>
    </message>
    <message>
        <source>Content expired</source>
        <translation>Content expired</translation>
    </message>
    <message>
        <source>Replayed</source>
        <translation>Replayed</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Malformed</translation>
    </message>
    <message>
        <source>Mismatch</source>
        <translation>Mismatch</translation>
    </message>
    <message>
        <source>Timestamp too old</source>
        <translation>Timestamp too old</translation>
    </message>
    <message>
        <source>Timestamp in the future</source>
        <translation>Timestamp in the future</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Dead letter</source>
        <translation>Dead letter</translation>
    </message>
    <message>
        <source>Signature failures</source>
        <translation>Signature failures</translation>
    </message>
    <message>
        <source>Configuration changed</source>
        <translation>Configuration changed</translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation>Data exported</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>viewer</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Stopped answering</source>
        <translation>Stopped answering</translation>
    </message>
    <message>
        <source>Source silent</source>
        <translation>Source silent</translation>
    </message>
    <message>
        <source>Delivery delayed</source>
        <translation>Delivery delayed</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Dead letters</translation>
    </message>
    <message>
        <source>Certificate expiring</source>
        <translation>Certificate expiring</translation>
    </message>
    <message>
        <source>Certificate reload failed</source>
        <translation>Certificate reload failed</translation>
    </message>
    <message>
        <source>Disk space low</source>
        <translation>Disk space low</translation>
    </message>
    <message>
        <source>Database unavailable</source>
        <translation>Database unavailable</translation>
    </message>
    <message>
        <source>Retention failed</source>
        <translation>Retention failed</translation>
    </message>
    <message>
        <source>Reached the gateway</source>
        <translation>Reached the gateway</translation>
    </message>
    <message>
        <source>Signature verified</source>
        <translation>Signature verified</translation>
    </message>
    <message>
        <source>Routed to a tenant</source>
        <translation>Routed to a tenant</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Stored</translation>
    </message>
    <message>
        <source>Delivered to the core</source>
        <translation>Delivered to the core</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>App secret</translation>
    </message>
    <message>
        <source>Verify token</source>
        <translation>Verify token</translation>
    </message>
    <message>
        <source>A tenant for every WABA</source>
        <translation>A tenant for every WABA</translation>
    </message>
    <message>
        <source>Route answers Meta</source>
        <translation>Route answers Meta</translation>
    </message>
    <message>
        <source>TLS where Meta reaches it</source>
        <translation>TLS where Meta reaches it</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Not checked</translation>
    </message>
</context>
<context>
    <name>ProofWords</name>
    <message>
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>inserted</source>
        <translation>inserted</translation>
    </message>
    <message>
        <source>reordered</source>
        <translation>reordered</translation>
    </message>
    <message>
        <source>checkpoint does not hold</source>
        <translation>checkpoint does not hold</translation>
    </message>
    <message>
        <source>row %1 (place %2)</source>
        <translation>row %1 (place %2)</translation>
    </message>
    <message>
        <source>place %1</source>
        <translation>place %1</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 at %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>Audit log NOT intact (checked %1): %n problem(s); the first: %2</source>
        <translation><numerusform>Audit log NOT intact (checked %1): %n problem; the first: %2</numerusform><numerusform>Audit log NOT intact (checked %1): %n problems; the first: %2</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Audit log intact (checked %1): %2 rows on %n chain(s)</source>
        <translation><numerusform>Audit log intact (checked %1): %2 rows on %n chain</numerusform><numerusform>Audit log intact (checked %1): %2 rows on %n chains</numerusform></translation>
    </message>
    <message>
        <source>%1; last signed checkpoint %2</source>
        <translation>%1; last signed checkpoint %2</translation>
    </message>
    <message>
        <source>%1; no signed checkpoint yet</source>
        <translation>%1; no signed checkpoint yet</translation>
    </message>
    <message>
        <source>When this report was made (%1), the gateway's audit log for its period was verified: every row is linked by its SHA-256 hash to the row before it, and no row was changed, removed, added or moved since it was written.</source>
        <translation>When this report was made (%1), the gateway's audit log for its period was verified: every row is linked by its SHA-256 hash to the row before it, and no row was changed, removed, added or moved since it was written.</translation>
    </message>
    <message numerus="yes">
        <source>When this report was made (%1), the gateway's audit log for its period did NOT verify: %n problem(s) were found. The rows below may not be what the gateway recorded.</source>
        <translation><numerusform>When this report was made (%1), the gateway's audit log for its period did NOT verify: %n problem were found. The rows below may not be what the gateway recorded.</numerusform><numerusform>When this report was made (%1), the gateway's audit log for its period did NOT verify: %n problems were found. The rows below may not be what the gateway recorded.</numerusform></translation>
    </message>
    <message>
        <source>Chain %1%2: rows at places %3 to %4 (%5 rows), last hash %6.</source>
        <translation>Chain %1%2: rows at places %3 to %4 (%5 rows), last hash %6.</translation>
    </message>
    <message>
        <source> (rows written before the chain existed, sealed at the upgrade)</source>
        <translation> (rows written before the chain existed, sealed at the upgrade)</translation>
    </message>
    <message>
        <source>Last signed checkpoint: place %1, signed %2 with key %3%4.</source>
        <translation>Last signed checkpoint: place %1, signed %2 with key %3%4.</translation>
    </message>
    <message>
        <source> (not this gateway's key)</source>
        <translation> (not this gateway's key)</translation>
    </message>
    <message>
        <source>No signed checkpoint covers these rows yet.</source>
        <translation>No signed checkpoint covers these rows yet.</translation>
    </message>
    <message>
        <source>The signature of this file is in %1.sig. Anyone can check that the file is unchanged, without the gateway's database: gerbangctl audit verify-report %1 --public-key %2</source>
        <translation>The signature of this file is in %1.sig. Anyone can check that the file is unchanged, without the gateway's database: gerbangctl audit verify-report %1 --public-key %2</translation>
    </message>
    <message>
        <source>What this does not prove: that the gateway was told the truth; nor, against someone who holds the gateway's signing key, anything after the last checkpoint kept outside the gateway.</source>
        <translation>What this does not prove: that the gateway was told the truth; nor, against someone who holds the gateway's signing key, anything after the last checkpoint kept outside the gateway.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Gerbang</source>
        <translation>Gerbang</translation>
    </message>
    <message>
        <source>The configuration cannot be used:
%1</source>
        <translation>The configuration cannot be used:
%1</translation>
    </message>
</context>
<context>
    <name>Relaunch</name>
    <message>
        <source>Cannot start the console again: %1</source>
        <translation>Cannot start the console again: %1</translation>
    </message>
</context>
<context>
    <name>RoleGate</name>
    <message>
        <source>Needs the %1 role; this connection's token has the %2 role.</source>
        <translation>Needs the %1 role; this connection's token has the %2 role.</translation>
    </message>
</context>
<context>
    <name>SourceTest</name>
    <message>
        <source>The gateway answered HTTP %1.</source>
        <translation>The gateway answered HTTP %1.</translation>
    </message>
    <message>
        <source>The signature was verified with the secret the gateway holds for '%1'.</source>
        <translation>The signature was verified with the secret the gateway holds for '%1'.</translation>
    </message>
    <message>
        <source>Routed to tenant '%1'.</source>
        <translation>Routed to tenant '%1'.</translation>
    </message>
    <message>
        <source>Stored as event %1 before the 200.</source>
        <translation>Stored as event %1 before the 200.</translation>
    </message>
    <message>
        <source>Stored before the 200.</source>
        <translation>Stored before the 200.</translation>
    </message>
    <message>
        <source>Delivered to the sink (HTTP %1).</source>
        <translation>Delivered to the sink (HTTP %1).</translation>
    </message>
    <message>
        <source>The sink never took it and it became a dead letter after %1 attempts: %2</source>
        <translation>The sink never took it and it became a dead letter after %1 attempts: %2</translation>
    </message>
    <message>
        <source>The sink did not take it (%1). It stays queued and is retried; check that the core system is up and sink/url points at it.</source>
        <translation>The sink did not take it (%1). It stays queued and is retried; check that the core system is up and sink/url points at it.</translation>
    </message>
    <message>
        <source>Queued: no sink is configured (sink/url), so events wait in the outbox.</source>
        <translation>Queued: no sink is configured (sink/url), so events wait in the outbox.</translation>
    </message>
    <message>
        <source>Queued: the sink has not been tried yet; the event waits in the outbox.</source>
        <translation>Queued: the sink has not been tried yet; the event waits in the outbox.</translation>
    </message>
    <message>
        <source>No gateway answered at %1 (%2). Is gerbangd running (systemctl status gerbangd) and listening there?</source>
        <translation>No gateway answered at %1 (%2). Is gerbangd running (systemctl status gerbangd) and listening there?</translation>
    </message>
    <message>
        <source>The gateway refused the address the test came from (403): the source's or every source's allowlist leaves it out.</source>
        <translation>The gateway refused the address the test came from (403): the source's or every source's allowlist leaves it out.</translation>
    </message>
    <message>
        <source>The gateway's rate limit refused the test (429); try again shortly.</source>
        <translation>The gateway's rate limit refused the test (429); try again shortly.</translation>
    </message>
    <message>
        <source>Tenant '%1' is disabled, so the gateway does not serve this source's route (404). Enable the tenant to receive its events.</source>
        <translation>Tenant '%1' is disabled, so the gateway does not serve this source's route (404). Enable the tenant to receive its events.</translation>
    </message>
    <message>
        <source>The gateway does not serve this route (404 %1): it does not know the source. Was it removed, or does the gateway use another database?</source>
        <translation>The gateway does not serve this route (404 %1): it does not know the source. Was it removed, or does the gateway use another database?</translation>
    </message>
    <message>
        <source>The gateway holds no secret for '%1' and refuses its events (503). Set it: gerbangctl secret set %1</source>
        <translation>The gateway holds no secret for '%1' and refuses its events (503). Set it: gerbangctl secret set %1</translation>
    </message>
    <message>
        <source>The gateway refused the signature (HTTP %1): the secret it holds for '%2' is not the one this test was signed with (one set in its environment?).</source>
        <translation>The gateway refused the signature (HTTP %1): the secret it holds for '%2' is not the one this test was signed with (one set in its environment?).</translation>
    </message>
    <message>
        <source>No enabled tenant is mapped to %1: the gateway answered 200 and stored nothing. Map it on the Tenants page (or gerbangctl tenant update).</source>
        <translation>No enabled tenant is mapped to %1: the gateway answered 200 and stored nothing. Map it on the Tenants page (or gerbangctl tenant update).</translation>
    </message>
    <message>
        <source>The gateway could not store the event (503 %1): its database is failing or its queue is full.</source>
        <translation>The gateway could not store the event (503 %1): its database is failing or its queue is full.</translation>
    </message>
    <message>
        <source>The gateway did not take the event (HTTP %1 %2).</source>
        <translation>The gateway did not take the event (HTTP %1 %2).</translation>
    </message>
</context>
<context>
    <name>StartOptions</name>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 needs a value</translation>
    </message>
    <message>
        <source>--timeout needs a number of seconds</source>
        <translation>--timeout needs a number of seconds</translation>
    </message>
    <message>
        <source>--print-stats and --trust-fingerprint need --connect</source>
        <translation>--print-stats and --trust-fingerprint need --connect</translation>
    </message>
</context>
<context>
    <name>WhatsAppCheck</name>
    <message>
        <source>Set in the configuration (whatsapp/app_secret).</source>
        <translation>Set in the configuration (whatsapp/app_secret).</translation>
    </message>
    <message>
        <source>Stored encrypted as secret '%1'.</source>
        <translation>Stored encrypted as secret '%1'.</translation>
    </message>
    <message>
        <source>No app secret: every POST is refused with 503. Copy it from the Meta App Dashboard (App settings, Basic) into gerbangctl secret set %1.</source>
        <translation>No app secret: every POST is refused with 503. Copy it from the Meta App Dashboard (App settings, Basic) into gerbangctl secret set %1.</translation>
    </message>
    <message>
        <source>Set in the configuration (whatsapp/verify_token).</source>
        <translation>Set in the configuration (whatsapp/verify_token).</translation>
    </message>
    <message>
        <source>No verify token: Meta cannot verify the callback URL. Choose one, enter it in the app's WhatsApp configuration and here: gerbangctl secret set %1.</source>
        <translation>No verify token: Meta cannot verify the callback URL. Choose one, enter it in the app's WhatsApp configuration and here: gerbangctl secret set %1.</translation>
    </message>
    <message>
        <source>No enabled tenant has a WABA ID or phone number ID: every message would be dropped. Add one (gerbangctl tenant add ID --name NAME --waba WABA_ID).</source>
        <translation>No enabled tenant has a WABA ID or phone number ID: every message would be dropped. Add one (gerbangctl tenant add ID --name NAME --waba WABA_ID).</translation>
    </message>
    <message>
        <source>Every WABA that called in the last %1 days reaches an enabled tenant.</source>
        <translation>Every WABA that called in the last %1 days reaches an enabled tenant.</translation>
    </message>
    <message>
        <source>The gateway itself speaks HTTPS.</source>
        <translation>The gateway itself speaks HTTPS.</translation>
    </message>
    <message>
        <source>Plain HTTP behind the trusted proxies (edge/trusted_proxies), which must end TLS for Meta.</source>
        <translation>Plain HTTP behind the trusted proxies (edge/trusted_proxies), which must end TLS for Meta.</translation>
    </message>
    <message>
        <source>The gateway listens on %1 without TLS: Meta only calls HTTPS URLs with a valid certificate. Set tls/certificate and tls/private_key, or end TLS in a proxy (edge/trusted_proxies).</source>
        <translation>The gateway listens on %1 without TLS: Meta only calls HTTPS URLs with a valid certificate. Set tls/certificate and tls/private_key, or end TLS in a proxy (edge/trusted_proxies).</translation>
    </message>
    <message>
        <source>Plain HTTP on a private address (%1): fine behind a TLS proxy; Meta needs a public HTTPS URL.</source>
        <translation>Plain HTTP on a private address (%1): fine behind a TLS proxy; Meta needs a public HTTPS URL.</translation>
    </message>
    <message>
        <source>Needs the verify token.</source>
        <translation>Needs the verify token.</translation>
    </message>
    <message>
        <source>Nothing answered at %1 (%2). Is gerbangd running (systemctl status gerbangd)?</source>
        <translation>Nothing answered at %1 (%2). Is gerbangd running (systemctl status gerbangd)?</translation>
    </message>
    <message>
        <source>%1 answers Meta's callback verification with this verify token.</source>
        <translation>%1 answers Meta's callback verification with this verify token.</translation>
    </message>
    <message>
        <source>%1 refused the verify token (403): the running gateway holds another one (set in its environment?).</source>
        <translation>%1 refused the verify token (403): the running gateway holds another one (set in its environment?).</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 instead of the challenge.</source>
        <translation>%1 answered HTTP %2 instead of the challenge.</translation>
    </message>
    <message>
        <source>Messages were dropped in the last %1 days (requests in brackets). WABAs without a tenant: %2; map each to its firm (gerbangctl tenant update ID --waba WABA_ID). WABAs of a disabled tenant: %3; enable it (gerbangctl tenant update ID --enable).</source>
        <translation>Messages were dropped in the last %1 days (requests in brackets). WABAs without a tenant: %2; map each to its firm (gerbangctl tenant update ID --waba WABA_ID). WABAs of a disabled tenant: %3; enable it (gerbangctl tenant update ID --enable).</translation>
    </message>
    <message>
        <source>WABAs that called in the last %1 days have no tenant, so their messages were dropped (requests in brackets): %2. Map each to its firm (gerbangctl tenant update ID --waba WABA_ID).</source>
        <translation>WABAs that called in the last %1 days have no tenant, so their messages were dropped (requests in brackets): %2. Map each to its firm (gerbangctl tenant update ID --waba WABA_ID).</translation>
    </message>
    <message>
        <source>WABAs that called in the last %1 days reach a disabled tenant, so their messages were dropped (requests in brackets): %2. Enable it (gerbangctl tenant update ID --enable).</source>
        <translation>WABAs that called in the last %1 days reach a disabled tenant, so their messages were dropped (requests in brackets): %2. Enable it (gerbangctl tenant update ID --enable).</translation>
    </message>
</context>
<context>
    <name>gerbang::AlertsModel</name>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation>Acknowledged by %1 at %2</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
</context>
<context>
    <name>gerbang::AlertsPage</name>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>An alert is raised when one source fails signature checks too often within the alert window. Acknowledge an alert once you have looked into it.</source>
        <translation>An alert is raised when one source fails signature checks too often within the alert window. Acknowledge an alert once you have looked into it.</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Acknowledge all</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>Not acknowledged: %1</translation>
    </message>
    <message>
        <source>Cannot read the alerts: %1</source>
        <translation>Cannot read the alerts: %1</translation>
    </message>
</context>
<context>
    <name>gerbang::AttachedStart</name>
    <message>
        <source>No admin token is saved for %1.</source>
        <translation>No admin token is saved for %1.</translation>
    </message>
    <message>
        <source>The keyring cannot be read (%1).</source>
        <translation>The keyring cannot be read (%1).</translation>
    </message>
    <message>
        <source>Set GERBANG_ADMIN_TOKEN for unattended starts.</source>
        <translation>Set GERBANG_ADMIN_TOKEN for unattended starts.</translation>
    </message>
    <message>
        <source>Connect: %1</source>
        <translation>Connect: %1</translation>
    </message>
    <message>
        <source>No statistics from %1 within %2 s: %3</source>
        <translation>No statistics from %1 within %2 s: %3</translation>
    </message>
    <message>
        <source>Gerbang</source>
        <translation>Gerbang</translation>
    </message>
</context>
<context>
    <name>gerbang::Attachment</name>
    <message>
        <source>'%1' is neither a saved connection nor a gateway address.</source>
        <translation>'%1' is neither a saved connection nor a gateway address.</translation>
    </message>
    <message>
        <source>The fingerprint given (%1) is not the one pinned for %2 (%3). If the gateway's certificate really changed, forget the old one first (File → Connect…).</source>
        <translation>The fingerprint given (%1) is not the one pinned for %2 (%3). If the gateway's certificate really changed, forget the old one first (File → Connect…).</translation>
    </message>
    <message>
        <source>Trust this gateway?</source>
        <translation>Trust this gateway?</translation>
    </message>
    <message>
        <source>This is the first connection to %1. Its certificate's fingerprint is:

%2

Compare it with what 'gerbangctl admin fingerprint' prints on the gateway. Trust it only if both are the same; the console then remembers it and refuses any other certificate for this connection.</source>
        <translation>This is the first connection to %1. Its certificate's fingerprint is:

%2

Compare it with what 'gerbangctl admin fingerprint' prints on the gateway. Trust it only if both are the same; the console then remembers it and refuses any other certificate for this connection.</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>&amp;Trust</translation>
    </message>
</context>
<context>
    <name>gerbang::AuditModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Client IP</source>
        <translation>Client IP</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Processing</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
</context>
<context>
    <name>gerbang::AuditPage</name>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>Cannot read the audit log: %1</translation>
    </message>
    <message>
        <source>Export audit log as CSV</source>
        <translation>Export audit log as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export audit report as PDF</source>
        <translation>Export audit report as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation><numerusform>%n row exported to %1.</numerusform><numerusform>%n rows exported to %1.</numerusform></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Client IP</source>
        <translation>Client IP</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP status</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>Body size</source>
        <translation>Body size</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Event ids</source>
        <translation>Event ids</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Event types</translation>
    </message>
    <message>
        <source>Raw payload</source>
        <translation>Raw payload</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>All recorded requests</source>
        <translation>All recorded requests</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>the beginning</source>
        <translation>the beginning</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>T&amp;o:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Tenant:</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>Pro&amp;vider:</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>O&amp;utcome:</translation>
    </message>
    <message>
        <source>&amp;Signature:</source>
        <translation>&amp;Signature:</translation>
    </message>
    <message>
        <source>Client &amp;IP:</source>
        <translation>Client &amp;IP:</translation>
    </message>
    <message>
        <source>&amp;Event id:</source>
        <translation>&amp;Event id:</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>any tenant</source>
        <translation>any tenant</translation>
    </message>
    <message>
        <source>e.g. 203.0.113.7</source>
        <translation>e.g. 203.0.113.7</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;PDF report…</source>
        <translation>&amp;PDF report…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>%1 matching rows</source>
        <translation>%1 matching rows</translation>
    </message>
    <message>
        <source>%1 rows shown; scroll down for more</source>
        <translation>%1 rows shown; scroll down for more</translation>
    </message>
    <message>
        <source>part of a stored event id (ev_…)</source>
        <translation>part of a stored event id (ev_…)</translation>
    </message>
    <message>
        <source>%1 at %2, desktop user %3</source>
        <translation>%1 at %2, desktop user %3</translation>
    </message>
    <message>
        <source>Cannot verify the audit log: %1</source>
        <translation>Cannot verify the audit log: %1</translation>
    </message>
    <message>
        <source>Check the audit log's hash chains and signed checkpoints: shows any row changed, removed, added or moved</source>
        <translation>Check the audit log's hash chains and signed checkpoints: shows any row changed, removed, added or moved</translation>
    </message>
    <message>
        <source>Verifying the audit log…</source>
        <translation>Verifying the audit log…</translation>
    </message>
    <message>
        <source>The audit log has not been verified in this session.</source>
        <translation>The audit log has not been verified in this session.</translation>
    </message>
    <message>
        <source>Verif&amp;y log</source>
        <translation>Verif&amp;y log</translation>
    </message>
</context>
<context>
    <name>gerbang::ConnectDialog</name>
    <message>
        <source>&amp;Run the gateway on this computer</source>
        <translation>&amp;Run the gateway on this computer</translation>
    </message>
    <message>
        <source>&amp;Connect to a running gateway</source>
        <translation>&amp;Connect to a running gateway</translation>
    </message>
    <message>
        <source>Keep the token in this computer's &amp;keyring</source>
        <translation>Keep the token in this computer's &amp;keyring</translation>
    </message>
    <message>
        <source>&amp;Forget the trusted certificate</source>
        <translation>&amp;Forget the trusted certificate</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>e.g. https://gateway.firm.local:8443</source>
        <translation>e.g. https://gateway.firm.local:8443</translation>
    </message>
    <message>
        <source>gbt_… (empty: the one in the keyring)</source>
        <translation>gbt_… (empty: the one in the keyring)</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>New connection</translation>
    </message>
    <message>
        <source>&amp;Saved connection:</source>
        <translation>&amp;Saved connection:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <source>not trusted yet: you are asked to compare it on the first connection</source>
        <translation>not trusted yet: you are asked to compare it on the first connection</translation>
    </message>
    <message>
        <source>Enter the admin API's address, e.g. https://gateway.firm.local:8443.</source>
        <translation>Enter the admin API's address, e.g. https://gateway.firm.local:8443.</translation>
    </message>
</context>
<context>
    <name>gerbang::Console</name>
    <message>
        <source>The configuration is not loaded.</source>
        <translation>The configuration is not loaded.</translation>
    </message>
</context>
<context>
    <name>gerbang::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/a</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Requests/s</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>Latency p50</translation>
    </message>
    <message>
        <source>Latency p99</source>
        <translation>Latency p99</translation>
    </message>
    <message>
        <source>Duplicates caught</source>
        <translation>Duplicates caught</translation>
    </message>
    <message>
        <source>Outbox backlog</source>
        <translation>Outbox backlog</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Dead letters</translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation>Open connections</translation>
    </message>
    <message>
        <source>Signature failures per minute, last 60 minutes</source>
        <translation>Signature failures per minute, last 60 minutes</translation>
    </message>
    <message>
        <source>Requests per second by outcome</source>
        <translation>Requests per second by outcome</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latency (ms)</translation>
    </message>
    <message>
        <source>failures/min</source>
        <translation>failures/min</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>req/s</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Rate limit: clients answered 429, worst first</source>
        <translation>Rate limit: clients answered 429, worst first</translation>
    </message>
    <message>
        <source>No statistics yet: waiting for the gateway.</source>
        <translation>No statistics yet: waiting for the gateway.</translation>
    </message>
    <message numerus="yes">
        <source>The gateway is not reporting: these figures are %n second(s) old, from %1.</source>
        <translation><numerusform>The gateway is not reporting: these figures are %n second old, from %1.</numerusform><numerusform>The gateway is not reporting: these figures are %n seconds old, from %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n gateway(s) up. Figures from their heartbeats (every 5 s); p50 and duplicates are per gateway; the charts show this one.</source>
        <translation><numerusform>%n gateway up. Figures from their heartbeats (every 5 s); p50 and duplicates are per gateway; the charts show this one.</numerusform><numerusform>%n gateways up. Figures from their heartbeats (every 5 s); p50 and duplicates are per gateway; the charts show this one.</numerusform></translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>S&amp;how:</translation>
    </message>
    <message>
        <source>This gateway</source>
        <translation>This gateway</translation>
    </message>
    <message>
        <source>The whole fleet</source>
        <translation>The whole fleet</translation>
    </message>
</context>
<context>
    <name>gerbang::DeadLettersModel</name>
    <message>
        <source>Dead since</source>
        <translation>Dead since</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>Event id</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
</context>
<context>
    <name>gerbang::DeadLettersPage</name>
    <message>
        <source>Dead letters</source>
        <translation>Dead letters</translation>
    </message>
    <message>
        <source>Cannot read the dead letters: %1</source>
        <translation>Cannot read the dead letters: %1</translation>
    </message>
    <message>
        <source>Replay dead letters</source>
        <translation>Replay dead letters</translation>
    </message>
    <message>
        <source>Each is sent to the core again with a fresh attempt count. Fix the cause shown as the last error first, or it may fail again. The replay is recorded in the audit log.</source>
        <translation>Each is sent to the core again with a fresh attempt count. Fix the cause shown as the last error first, or it may fail again. The replay is recorded in the audit log.</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>&amp;Replay</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Queue dead letter %1 for delivery again?</source>
        <translation>Queue dead letter %1 for delivery again?</translation>
    </message>
    <message numerus="yes">
        <source>Queue the %n selected dead letter(s) for delivery again?</source>
        <translation><numerusform>Queue the %n selected dead letter for delivery again?</numerusform><numerusform>Queue the %n selected dead letters for delivery again?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Queue all %n dead letter(s) for delivery again?</source>
        <translation><numerusform>Queue all %n dead letter for delivery again?</numerusform><numerusform>Queue all %n dead letters for delivery again?</numerusform></translation>
    </message>
    <message>
        <source>Nothing was replayed: %1</source>
        <translation>Nothing was replayed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n dead letter(s) queued for delivery again.</source>
        <translation><numerusform>%n dead letter queued for delivery again.</numerusform><numerusform>%n dead letters queued for delivery again.</numerusform></translation>
    </message>
    <message>
        <source>The engine is not running: they are delivered once it starts.</source>
        <translation>The engine is not running: they are delivered once it starts.</translation>
    </message>
    <message>
        <source>No sink URL is set (Settings, Delivery and alerts): they stay queued until one is.</source>
        <translation>No sink URL is set (Settings, Delivery and alerts): they stay queued until one is.</translation>
    </message>
    <message>
        <source>The running engine sends them within a second.</source>
        <translation>The running engine sends them within a second.</translation>
    </message>
    <message>
        <source>Nothing was replayed.</source>
        <translation>Nothing was replayed.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected event(s) were no longer dead letters and were left as they are.</source>
        <translation><numerusform>%n selected event were no longer dead letters and were left as they are.</numerusform><numerusform>%n selected events were no longer dead letters and were left as they are.</numerusform></translation>
    </message>
    <message>
        <source>The replay could not be fully recorded in the audit log: %1</source>
        <translation>The replay could not be fully recorded in the audit log: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>No dead letters: every accepted event was delivered or is still queued for delivery.</source>
        <translation>No dead letters: every accepted event was delivered or is still queued for delivery.</translation>
    </message>
    <message>
        <source>Showing the newest %1 of %2 dead letters.</source>
        <translation>Showing the newest %1 of %2 dead letters.</translation>
    </message>
    <message numerus="yes">
        <source>%n dead letter(s).</source>
        <translation><numerusform>%n dead letter.</numerusform><numerusform>%n dead letters.</numerusform></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>Replay &amp;selected</source>
        <translation>Replay &amp;selected</translation>
    </message>
    <message>
        <source>Queue the selected dead letters for delivery again</source>
        <translation>Queue the selected dead letters for delivery again</translation>
    </message>
    <message>
        <source>Replay &amp;all</source>
        <translation>Replay &amp;all</translation>
    </message>
    <message>
        <source>Queue every dead letter for delivery again</source>
        <translation>Queue every dead letter for delivery again</translation>
    </message>
    <message>
        <source>Accepted events the gateway gave up delivering to the core: the core refused them (an HTTP 4xx answer other than 408 or 429), they were still undelivered after the attempt or age limits, or they could not be prepared for sending. Fix the cause shown as the last error, then replay them: each is delivered again with a fresh attempt count.</source>
        <translation>Accepted events the gateway gave up delivering to the core: the core refused them (an HTTP 4xx answer other than 408 or 429), they were still undelivered after the attempt or age limits, or they could not be prepared for sending. Fix the cause shown as the last error, then replay them: each is delivered again with a fresh attempt count.</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>Event id</translation>
    </message>
    <message>
        <source>Provider event id</source>
        <translation>Provider event id</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Dead since</source>
        <translation>Dead since</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Last HTTP status</source>
        <translation>Last HTTP status</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
</context>
<context>
    <name>gerbang::EventsPage</name>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Cannot read the events: %1</source>
        <translation>Cannot read the events: %1</translation>
    </message>
    <message>
        <source>The newest %1 events; narrow the filters to see older ones.</source>
        <translation>The newest %1 events; narrow the filters to see older ones.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s).</source>
        <translation><numerusform>%n event.</numerusform><numerusform>%n events.</numerusform></translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>Event id</translation>
    </message>
    <message>
        <source>Provider event id</source>
        <translation>Provider event id</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Occurred</translation>
    </message>
    <message>
        <source>Routed by</source>
        <translation>Routed by</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Payload (this opening is recorded in the audit log)</source>
        <translation>Payload (this opening is recorded in the audit log)</translation>
    </message>
    <message>
        <source>The payload cannot be shown: %1</source>
        <translation>The payload cannot be shown: %1</translation>
    </message>
    <message>
        <source>Replay events</source>
        <translation>Replay events</translation>
    </message>
    <message numerus="yes">
        <source>Queue the %n selected event(s) for delivery to the core again?</source>
        <translation><numerusform>Queue the %n selected event for delivery to the core again?</numerusform><numerusform>Queue the %n selected events for delivery to the core again?</numerusform></translation>
    </message>
    <message>
        <source>The core receives them once more, as at-least-once delivery allows. The replay is recorded in the audit log.</source>
        <translation>The core receives them once more, as at-least-once delivery allows. The replay is recorded in the audit log.</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>&amp;Replay</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) queued for delivery again.</source>
        <translation><numerusform>%n event queued for delivery again.</numerusform><numerusform>%n events queued for delivery again.</numerusform></translation>
    </message>
    <message>
        <source>Nothing was replayed: %1</source>
        <translation>Nothing was replayed: %1</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Tenant:</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>Pro&amp;vider:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;State:</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>any tenant</source>
        <translation>any tenant</translation>
    </message>
    <message>
        <source>e.g. message.text</source>
        <translation>e.g. message.text</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>&amp;Open payload</source>
        <translation>&amp;Open payload</translation>
    </message>
    <message>
        <source>Show the event's decrypted payload while it is retained; the opening is recorded in the audit log</source>
        <translation>Show the event's decrypted payload while it is retained; the opening is recorded in the audit log</translation>
    </message>
    <message>
        <source>Re&amp;play selected</source>
        <translation>Re&amp;play selected</translation>
    </message>
    <message>
        <source>Queue the selected events for delivery to the core again</source>
        <translation>Queue the selected events for delivery to the core again</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>gerbang::FirstRunDialog</name>
    <message>
        <source>Back up the master key</source>
        <translation>Back up the master key</translation>
    </message>
    <message>
        <source>Choose a data directory.</source>
        <translation>Choose a data directory.</translation>
    </message>
    <message>
        <source>The tenant id may use lower-case letters, digits, '-' and '_'.</source>
        <translation>The tenant id may use lower-case letters, digits, '-' and '_'.</translation>
    </message>
    <message>
        <source>The WABA ID is numeric.</source>
        <translation>The WABA ID is numeric.</translation>
    </message>
    <message>
        <source>Give the tenant a display name.</source>
        <translation>Give the tenant a display name.</translation>
    </message>
    <message>
        <source>A new master key was created in %1. Back it up now, somewhere safe and offline: without it the stored payloads and secrets cannot be decrypted.</source>
        <translation>A new master key was created in %1. Back it up now, somewhere safe and offline: without it the stored payloads and secrets cannot be decrypted.</translation>
    </message>
    <message>
        <source>The existing master key in %1 is used.</source>
        <translation>The existing master key in %1 is used.</translation>
    </message>
    <message>
        <source>Welcome to Gerbang</source>
        <translation>Welcome to Gerbang</translation>
    </message>
    <message>
        <source>No configuration was found. Choose where Gerbang keeps its data; a master key that encrypts payloads and secrets is created there. The WhatsApp values come from your Meta app (App settings → Basic, and the verify token you enter in the webhook setup). Everything can be changed later.</source>
        <translation>No configuration was found. Choose where Gerbang keeps its data; a master key that encrypts payloads and secrets is created there. The WhatsApp values come from your Meta app (App settings → Basic, and the verify token you enter in the webhook setup). Everything can be changed later.</translation>
    </message>
    <message>
        <source>&amp;Data directory:</source>
        <translation>&amp;Data directory:</translation>
    </message>
    <message>
        <source>&amp;Listen address:</source>
        <translation>&amp;Listen address:</translation>
    </message>
    <message>
        <source>WhatsApp &amp;app secret:</source>
        <translation>WhatsApp &amp;app secret:</translation>
    </message>
    <message>
        <source>WhatsApp &amp;verify token:</source>
        <translation>WhatsApp &amp;verify token:</translation>
    </message>
    <message>
        <source>First tenant &amp;id:</source>
        <translation>First tenant &amp;id:</translation>
    </message>
    <message>
        <source>Tenant &amp;name:</source>
        <translation>Tenant &amp;name:</translation>
    </message>
    <message>
        <source>Tenant &amp;WABA ID:</source>
        <translation>Tenant &amp;WABA ID:</translation>
    </message>
    <message>
        <source>&amp;Connect to a running gateway instead…</source>
        <translation>&amp;Connect to a running gateway instead…</translation>
    </message>
</context>
<context>
    <name>gerbang::GatewaysPage</name>
    <message>
        <source>Gateways</source>
        <translation>Gateways</translation>
    </message>
    <message>
        <source>Cannot read the gateways: %1</source>
        <translation>Cannot read the gateways: %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Requests/s</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Outbox backlog</source>
        <translation>Outbox backlog</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Webhook address</source>
        <translation>Webhook address</translation>
    </message>
    <message numerus="yes">
        <source>%n gateway(s) on this database; %1 up, %2 requests/s in all, worst p99 %3 ms.</source>
        <translation><numerusform>%n gateway on this database; %1 up, %2 requests/s in all, worst p99 %3 ms.</numerusform><numerusform>%n gateways on this database; %1 up, %2 requests/s in all, worst p99 %3 ms.</numerusform></translation>
    </message>
</context>
<context>
    <name>gerbang::LocalBackend</name>
    <message>
        <source>this computer</source>
        <translation>this computer</translation>
    </message>
    <message>
        <source>the test's plan does not read back</source>
        <translation>the test's plan does not read back</translation>
    </message>
</context>
<context>
    <name>gerbang::MainWindow</name>
    <message>
        <source>The database cannot store requests: %1</source>
        <translation>The database cannot store requests: %1</translation>
    </message>
    <message>
        <source>About Gerbang</source>
        <translation>About Gerbang</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gerbang %1&lt;/h3&gt;&lt;p&gt;On-premise webhook gateway: verifies, deduplicates, stores and audits provider webhooks before answering them.&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gerbang %1&lt;/h3&gt;&lt;p&gt;On-premise webhook gateway: verifies, deduplicates, stores and audits provider webhooks before answering them.&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Uptime %1</source>
        <translation>Uptime %1</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>Engine stopped</source>
        <translation>Engine stopped</translation>
    </message>
    <message>
        <source>Engine starting…</source>
        <translation>Engine starting…</translation>
    </message>
    <message>
        <source>Engine running</source>
        <translation>Engine running</translation>
    </message>
    <message>
        <source>Engine stopping…</source>
        <translation>Engine stopping…</translation>
    </message>
    <message>
        <source>Engine failed</source>
        <translation>Engine failed</translation>
    </message>
    <message>
        <source>Gerbang: %1</source>
        <translation>Gerbang: %1</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Listening on %1</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Not listening</translation>
    </message>
    <message>
        <source>TLS on</source>
        <translation>TLS on</translation>
    </message>
    <message>
        <source>TLS off</source>
        <translation>TLS off</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>The engine could not start: %1</source>
        <translation>The engine could not start: %1</translation>
    </message>
    <message>
        <source>Gerbang alert</source>
        <translation>Gerbang alert</translation>
    </message>
    <message>
        <source>Gerbang keeps running</source>
        <translation>Gerbang keeps running</translation>
    </message>
    <message>
        <source>The gateway still receives webhooks. Use Quit in the tray menu to stop it.</source>
        <translation>The gateway still receives webhooks. Use Quit in the tray menu to stop it.</translation>
    </message>
    <message>
        <source>Gerbang webhook gateway</source>
        <translation>Gerbang webhook gateway</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>Start the gateway engine</source>
        <translation>Start the gateway engine</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>Stop the gateway engine (in-flight requests are finished)</source>
        <translation>Stop the gateway engine (in-flight requests are finished)</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Restart</translation>
    </message>
    <message>
        <source>Restart the engine to apply new settings</source>
        <translation>Restart the engine to apply new settings</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Show Gerbang</source>
        <translation>Show Gerbang</translation>
    </message>
    <message>
        <source>&amp;About Gerbang</source>
        <translation>&amp;About Gerbang</translation>
    </message>
    <message>
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>&amp;Engine</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Attached to %1 (%2)</source>
        <translation>Attached to %1 (%2)</translation>
    </message>
    <message>
        <source>Connection to %1 lost</source>
        <translation>Connection to %1 lost</translation>
    </message>
    <message>
        <source>Refused by %1</source>
        <translation>Refused by %1</translation>
    </message>
    <message>
        <source>The connection to %1 is lost (%2). The console reconnects by itself; what it shows is not live until then.</source>
        <translation>The connection to %1 is lost (%2). The console reconnects by itself; what it shows is not live until then.</translation>
    </message>
    <message>
        <source>Stop the gateway here?</source>
        <translation>Stop the gateway here?</translation>
    </message>
    <message>
        <source>The gateway running on this computer stops receiving webhooks when the console attaches elsewhere. Continue?</source>
        <translation>The gateway running on this computer stops receiving webhooks when the console attaches elsewhere. Continue?</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Connect…</translation>
    </message>
    <message>
        <source>Run the gateway on this computer, or attach to one running elsewhere</source>
        <translation>Run the gateway on this computer, or attach to one running elsewhere</translation>
    </message>
    <message>
        <source>Gerbang: resolved</source>
        <translation>Gerbang: resolved</translation>
    </message>
</context>
<context>
    <name>gerbang::MessageBar</name>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>gerbang::OffenderModel</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>Client address</translation>
    </message>
    <message>
        <source>429 answers</source>
        <translation>429 answers</translation>
    </message>
    <message>
        <source>Current rate</source>
        <translation>Current rate</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
</context>
<context>
    <name>gerbang::RemoteBackend</name>
    <message>
        <source>Refused: the gateway at %1 shows the certificate %2, not the pinned %3. Someone may be intercepting the connection, or the gateway's certificate was replaced: compare with 'gerbangctl admin fingerprint' on the gateway before you trust it.</source>
        <translation>Refused: the gateway at %1 shows the certificate %2, not the pinned %3. Someone may be intercepting the connection, or the gateway's certificate was replaced: compare with 'gerbangctl admin fingerprint' on the gateway before you trust it.</translation>
    </message>
    <message>
        <source>The certificate of %1 (%2) is not trusted yet.</source>
        <translation>The certificate of %1 (%2) is not trusted yet.</translation>
    </message>
    <message>
        <source>token %1</source>
        <translation>token %1</translation>
    </message>
    <message>
        <source>The gateway refused the token: %1</source>
        <translation>The gateway refused the token: %1</translation>
    </message>
    <message>
        <source>the live channel sent something that is not a Gerbang event stream</source>
        <translation>the live channel sent something that is not a Gerbang event stream</translation>
    </message>
    <message>
        <source>The gateway refused the token.</source>
        <translation>The gateway refused the token.</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP status %1</translation>
    </message>
    <message>
        <source>the gateway closed the live channel</source>
        <translation>the gateway closed the live channel</translation>
    </message>
    <message>
        <source>this token (%1) may not make this change; it needs the %2 role</source>
        <translation>this token (%1) may not make this change; it needs the %2 role</translation>
    </message>
    <message>
        <source>this token (%1) may not send test events; it needs the %2 role</source>
        <translation>this token (%1) may not send test events; it needs the %2 role</translation>
    </message>
    <message>
        <source>the gateway's answer holds no test</source>
        <translation>the gateway's answer holds no test</translation>
    </message>
    <message>
        <source>the gateway's answer holds no WhatsApp check</source>
        <translation>the gateway's answer holds no WhatsApp check</translation>
    </message>
</context>
<context>
    <name>gerbang::SecretDialog</name>
    <message>
        <source>Enter the secret.</source>
        <translation>Enter the secret.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>The two entries differ.</translation>
    </message>
    <message>
        <source>Rotate secret</source>
        <translation>Rotate secret</translation>
    </message>
    <message>
        <source>Set secret</source>
        <translation>Set secret</translation>
    </message>
    <message>
        <source>The new value of '%1' is used from now on; the current value stays accepted until you retire it, so senders can switch over.</source>
        <translation>The new value of '%1' is used from now on; the current value stays accepted until you retire it, so senders can switch over.</translation>
    </message>
    <message>
        <source>The value of '%1' is stored encrypted with the master key. Afterwards only its fingerprint is shown.</source>
        <translation>The value of '%1' is stored encrypted with the master key. Afterwards only its fingerprint is shown.</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Value:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repeat:</translation>
    </message>
</context>
<context>
    <name>gerbang::Settings</name>
    <message>
        <source>Listen address (host:port)</source>
        <translation>Listen address (host:port)</translation>
    </message>
    <message>
        <source>host:port to listen on</source>
        <translation>host:port to listen on</translation>
    </message>
    <message>
        <source>Maximum connections</source>
        <translation>Maximum connections</translation>
    </message>
    <message>
        <source>concurrent connection cap</source>
        <translation>concurrent connection cap</translation>
    </message>
    <message>
        <source>Header limit (bytes)</source>
        <translation>Header limit (bytes)</translation>
    </message>
    <message>
        <source>request line + headers</source>
        <translation>request line + headers</translation>
    </message>
    <message>
        <source>Body limit (bytes)</source>
        <translation>Body limit (bytes)</translation>
    </message>
    <message>
        <source>body limit (non-WhatsApp)</source>
        <translation>body limit (non-WhatsApp)</translation>
    </message>
    <message>
        <source>Read timeout (ms)</source>
        <translation>Read timeout (ms)</translation>
    </message>
    <message>
        <source>head/body read timeout</source>
        <translation>head/body read timeout</translation>
    </message>
    <message>
        <source>Idle timeout (ms)</source>
        <translation>Idle timeout (ms)</translation>
    </message>
    <message>
        <source>keep-alive idle timeout</source>
        <translation>keep-alive idle timeout</translation>
    </message>
    <message>
        <source>First byte timeout (ms)</source>
        <translation>First byte timeout (ms)</translation>
    </message>
    <message>
        <source>a new connection's deadline for its TLS handshake and first request byte</source>
        <translation>a new connection's deadline for its TLS handshake and first request byte</translation>
    </message>
    <message>
        <source>Connections per address (0 = no cap)</source>
        <translation>Connections per address (0 = no cap)</translation>
    </message>
    <message>
        <source>connections from one client (IPv4 address, IPv6 /64; trusted proxies exempt), 0 = no cap</source>
        <translation>connections from one client (IPv4 address, IPv6 /64; trusted proxies exempt), 0 = no cap</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>TLS certificate (PEM)</translation>
    </message>
    <message>
        <source>PEM certificate (chain) file; with tls/private_key the listener speaks HTTPS only</source>
        <translation>PEM certificate (chain) file; with tls/private_key the listener speaks HTTPS only</translation>
    </message>
    <message>
        <source>TLS private key (PEM)</source>
        <translation>TLS private key (PEM)</translation>
    </message>
    <message>
        <source>PEM private key file (RSA or EC, unencrypted, mode 0600)</source>
        <translation>PEM private key file (RSA or EC, unencrypted, mode 0600)</translation>
    </message>
    <message>
        <source>Client CA bundle (PEM)</source>
        <translation>Client CA bundle (PEM)</translation>
    </message>
    <message>
        <source>PEM CA bundle; when set, clients must present a certificate it issued (mutual TLS)</source>
        <translation>PEM CA bundle; when set, clients must present a certificate it issued (mutual TLS)</translation>
    </message>
    <message>
        <source>Required client certificate CN</source>
        <translation>Required client certificate CN</translation>
    </message>
    <message>
        <source>required subject CN of client certificates (mutual TLS; empty: any)</source>
        <translation>required subject CN of client certificates (mutual TLS; empty: any)</translation>
    </message>
    <message>
        <source>Routes that need a client certificate</source>
        <translation>Routes that need a client certificate</translation>
    </message>
    <message>
        <source>sources whose routes need a client certificate (whatsapp, whatsapp:APP, a source name; comma or space separated); empty or *: every route, checked at the handshake</source>
        <translation>sources whose routes need a client certificate (whatsapp, whatsapp:APP, a source name; comma or space separated); empty or *: every route, checked at the handshake</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Data directory</translation>
    </message>
    <message>
        <source>database, key file (default: per-user data dir)</source>
        <translation>database, key file (default: per-user data dir)</translation>
    </message>
    <message>
        <source>PostgreSQL URL (empty = SQLite)</source>
        <translation>PostgreSQL URL (empty = SQLite)</translation>
    </message>
    <message>
        <source>postgresql://… (empty: SQLite in the data dir)</source>
        <translation>postgresql://… (empty: SQLite in the data dir)</translation>
    </message>
    <message>
        <source>Database lock timeout (ms)</source>
        <translation>Database lock timeout (ms)</translation>
    </message>
    <message>
        <source>how long a commit waits for a locked database before answering 503</source>
        <translation>how long a commit waits for a locked database before answering 503</translation>
    </message>
    <message>
        <source>Maximum pending requests</source>
        <translation>Maximum pending requests</translation>
    </message>
    <message>
        <source>requests waiting for commit before new ones get 503</source>
        <translation>requests waiting for commit before new ones get 503</translation>
    </message>
    <message>
        <source>Master key (base64)</source>
        <translation>Master key (base64)</translation>
    </message>
    <message>
        <source>base64 of 32 bytes (default: key file in the data dir)</source>
        <translation>base64 of 32 bytes (default: key file in the data dir)</translation>
    </message>
    <message>
        <source>WhatsApp app secret</source>
        <translation>WhatsApp app secret</translation>
    </message>
    <message>
        <source>Meta app secret (X-Hub-Signature-256)</source>
        <translation>Meta app secret (X-Hub-Signature-256)</translation>
    </message>
    <message>
        <source>Previous WhatsApp app secret</source>
        <translation>Previous WhatsApp app secret</translation>
    </message>
    <message>
        <source>old app secret still accepted during a rotation</source>
        <translation>old app secret still accepted during a rotation</translation>
    </message>
    <message>
        <source>WhatsApp verify token</source>
        <translation>WhatsApp verify token</translation>
    </message>
    <message>
        <source>token for Meta's subscription check</source>
        <translation>token for Meta's subscription check</translation>
    </message>
    <message>
        <source>WhatsApp body limit (bytes)</source>
        <translation>WhatsApp body limit (bytes)</translation>
    </message>
    <message>
        <source>body limit on WhatsApp routes (Meta sends up to 3 MB)</source>
        <translation>body limit on WhatsApp routes (Meta sends up to 3 MB)</translation>
    </message>
    <message>
        <source>Dedup window (hours)</source>
        <translation>Dedup window (hours)</translation>
    </message>
    <message>
        <source>how long a provider event id is remembered</source>
        <translation>how long a provider event id is remembered</translation>
    </message>
    <message>
        <source>Global rate (requests/s, 0 = unlimited)</source>
        <translation>Global rate (requests/s, 0 = unlimited)</translation>
    </message>
    <message>
        <source>requests per second, all clients (0 = unlimited)</source>
        <translation>requests per second, all clients (0 = unlimited)</translation>
    </message>
    <message>
        <source>Per-address rate (requests/s, 0 = unlimited)</source>
        <translation>Per-address rate (requests/s, 0 = unlimited)</translation>
    </message>
    <message>
        <source>requests per second per client address (0 = unlimited)</source>
        <translation>requests per second per client address (0 = unlimited)</translation>
    </message>
    <message>
        <source>Global burst (0 = same as the rate)</source>
        <translation>Global burst (0 = same as the rate)</translation>
    </message>
    <message>
        <source>burst of the global limit (0 = equal to the rate)</source>
        <translation>burst of the global limit (0 = equal to the rate)</translation>
    </message>
    <message>
        <source>Repeat-offender strikes (0 = off)</source>
        <translation>Repeat-offender strikes (0 = off)</translation>
    </message>
    <message>
        <source>failed requests (4xx) within a minute after which a client is refused for limits/offender_penalty_s; 0 = off</source>
        <translation>failed requests (4xx) within a minute after which a client is refused for limits/offender_penalty_s; 0 = off</translation>
    </message>
    <message>
        <source>Repeat-offender penalty (seconds)</source>
        <translation>Repeat-offender penalty (seconds)</translation>
    </message>
    <message>
        <source>how long a repeat offender is refused (429)</source>
        <translation>how long a repeat offender is refused (429)</translation>
    </message>
    <message>
        <source>Per-address burst (0 = same as the rate)</source>
        <translation>Per-address burst (0 = same as the rate)</translation>
    </message>
    <message>
        <source>burst of the per-address limit (0 = equal to the rate)</source>
        <translation>burst of the per-address limit (0 = equal to the rate)</translation>
    </message>
    <message>
        <source>Trusted proxies (CIDR)</source>
        <translation>Trusted proxies (CIDR)</translation>
    </message>
    <message>
        <source>proxies whose X-Forwarded-For is believed (CIDR list)</source>
        <translation>proxies whose X-Forwarded-For is believed (CIDR list)</translation>
    </message>
    <message>
        <source>Allowed networks (CIDR, empty = all)</source>
        <translation>Allowed networks (CIDR, empty = all)</translation>
    </message>
    <message>
        <source>only these client networks may connect (CIDR list; empty = all)</source>
        <translation>only these client networks may connect (CIDR list; empty = all)</translation>
    </message>
    <message>
        <source>Allowlist file</source>
        <translation>Allowlist file</translation>
    </message>
    <message>
        <source>file with one network per line, '#' comments (added to edge/allowlist)</source>
        <translation>file with one network per line, '#' comments (added to edge/allowlist)</translation>
    </message>
    <message>
        <source>Signature failures before an alert</source>
        <translation>Signature failures before an alert</translation>
    </message>
    <message>
        <source>signature failures of one source within the window that raise an alert</source>
        <translation>signature failures of one source within the window that raise an alert</translation>
    </message>
    <message>
        <source>Alert window (seconds)</source>
        <translation>Alert window (seconds)</translation>
    </message>
    <message>
        <source>sliding window for signature failures</source>
        <translation>sliding window for signature failures</translation>
    </message>
    <message>
        <source>Alert cooldown (seconds)</source>
        <translation>Alert cooldown (seconds)</translation>
    </message>
    <message>
        <source>quiet time after an alert before the same source alerts again</source>
        <translation>quiet time after an alert before the same source alerts again</translation>
    </message>
    <message>
        <source>Alert URL</source>
        <translation>Alert URL</translation>
    </message>
    <message>
        <source>where alerts are POSTed (signed like deliveries); empty: log, audit and console only</source>
        <translation>where alerts are POSTed (signed like deliveries); empty: log, audit and console only</translation>
    </message>
    <message>
        <source>Alert secret (whsec_…)</source>
        <translation>Alert secret (whsec_…)</translation>
    </message>
    <message>
        <source>whsec_… secret that signs alert POSTs (Standard Webhooks)</source>
        <translation>whsec_… secret that signs alert POSTs (Standard Webhooks)</translation>
    </message>
    <message>
        <source>Metrics token</source>
        <translation>Metrics token</translation>
    </message>
    <message>
        <source>bearer token required by /metrics (empty: none; restrict with the allowlist)</source>
        <translation>bearer token required by /metrics (empty: none; restrict with the allowlist)</translation>
    </message>
    <message>
        <source>Raw payloads kept (days)</source>
        <translation>Raw payloads kept (days)</translation>
    </message>
    <message>
        <source>days raw payloads are kept</source>
        <translation>days raw payloads are kept</translation>
    </message>
    <message>
        <source>Audit rows kept (days)</source>
        <translation>Audit rows kept (days)</translation>
    </message>
    <message>
        <source>days audit rows are kept</source>
        <translation>days audit rows are kept</translation>
    </message>
    <message>
        <source>Delivered events kept (days)</source>
        <translation>Delivered events kept (days)</translation>
    </message>
    <message>
        <source>days delivered events (ids, outbox rows) are kept after delivery</source>
        <translation>days delivered events (ids, outbox rows) are kept after delivery</translation>
    </message>
    <message>
        <source>Purge every (minutes)</source>
        <translation>Purge every (minutes)</translation>
    </message>
    <message>
        <source>how often the retention job runs (once per interval across gateways)</source>
        <translation>how often the retention job runs (once per interval across gateways)</translation>
    </message>
    <message>
        <source>Sink URL</source>
        <translation>Sink URL</translation>
    </message>
    <message>
        <source>the core's HTTP endpoint normalized events are POSTed to (empty: keep them queued)</source>
        <translation>the core's HTTP endpoint normalized events are POSTed to (empty: keep them queued)</translation>
    </message>
    <message>
        <source>Sink secret (whsec_…)</source>
        <translation>Sink secret (whsec_…)</translation>
    </message>
    <message>
        <source>whsec_… secret that signs deliveries (Standard Webhooks)</source>
        <translation>whsec_… secret that signs deliveries (Standard Webhooks)</translation>
    </message>
    <message>
        <source>Sink content (full or refs)</source>
        <translation>Sink content (full or refs)</translation>
    </message>
    <message>
        <source>full: the provider's original object travels with the event; refs: references only (the core fetches content from /internal/events/ID)</source>
        <translation>full: the provider's original object travels with the event; refs: references only (the core fetches content from /internal/events/ID)</translation>
    </message>
    <message>
        <source>Delivery timeout (ms)</source>
        <translation>Delivery timeout (ms)</translation>
    </message>
    <message>
        <source>one delivery attempt's time limit</source>
        <translation>one delivery attempt's time limit</translation>
    </message>
    <message>
        <source>Parallel deliveries</source>
        <translation>Parallel deliveries</translation>
    </message>
    <message>
        <source>deliveries in flight at once</source>
        <translation>deliveries in flight at once</translation>
    </message>
    <message>
        <source>First retry delay (ms)</source>
        <translation>First retry delay (ms)</translation>
    </message>
    <message>
        <source>first retry delay (doubles)</source>
        <translation>first retry delay (doubles)</translation>
    </message>
    <message>
        <source>Longest retry delay (ms)</source>
        <translation>Longest retry delay (ms)</translation>
    </message>
    <message>
        <source>longest retry delay</source>
        <translation>longest retry delay</translation>
    </message>
    <message>
        <source>Maximum delivery attempts</source>
        <translation>Maximum delivery attempts</translation>
    </message>
    <message>
        <source>attempts before an event becomes a dead letter</source>
        <translation>attempts before an event becomes a dead letter</translation>
    </message>
    <message>
        <source>Delivery deadline (hours)</source>
        <translation>Delivery deadline (hours)</translation>
    </message>
    <message>
        <source>age after which an undelivered event becomes a dead letter</source>
        <translation>age after which an undelivered event becomes a dead letter</translation>
    </message>
    <message>
        <source>Internal API token</source>
        <translation>Internal API token</translation>
    </message>
    <message>
        <source>bearer token for GET /internal/events/ID (empty: the route is off)</source>
        <translation>bearer token for GET /internal/events/ID (empty: the route is off)</translation>
    </message>
    <message>
        <source>Log format (text or json)</source>
        <translation>Log format (text or json)</translation>
    </message>
    <message>
        <source>text or json</source>
        <translation>text or json</translation>
    </message>
    <message>
        <source>Admin API address (host:port)</source>
        <translation>Admin API address (host:port)</translation>
    </message>
    <message>
        <source>host:port of the admin API, never the webhook port (empty: off); a non-loopback address speaks HTTPS only</source>
        <translation>host:port of the admin API, never the webhook port (empty: off); a non-loopback address speaks HTTPS only</translation>
    </message>
    <message>
        <source>Admin API certificate (PEM)</source>
        <translation>Admin API certificate (PEM)</translation>
    </message>
    <message>
        <source>PEM certificate (chain) of the admin API; empty: on a non-loopback address, a self-signed one made in the data directory (gerbangctl admin fingerprint)</source>
        <translation>PEM certificate (chain) of the admin API; empty: on a non-loopback address, a self-signed one made in the data directory (gerbangctl admin fingerprint)</translation>
    </message>
    <message>
        <source>Admin API private key (PEM)</source>
        <translation>Admin API private key (PEM)</translation>
    </message>
    <message>
        <source>PEM private key of the admin certificate (unencrypted, mode 0600)</source>
        <translation>PEM private key of the admin certificate (unencrypted, mode 0600)</translation>
    </message>
    <message>
        <source>Admin client CA bundle (PEM)</source>
        <translation>Admin client CA bundle (PEM)</translation>
    </message>
    <message>
        <source>PEM CA bundle; when set, admin clients must also present a certificate it issued (mutual TLS)</source>
        <translation>PEM CA bundle; when set, admin clients must also present a certificate it issued (mutual TLS)</translation>
    </message>
    <message>
        <source>Audit checkpoint interval (minutes)</source>
        <translation>Audit checkpoint interval (minutes)</translation>
    </message>
    <message>
        <source>minutes between signed checkpoints of the audit log's chain (and one at every stop)</source>
        <translation>minutes between signed checkpoints of the audit log's chain (and one at every stop)</translation>
    </message>
    <message>
        <source>Alert check interval (seconds)</source>
        <translation>Alert check interval (seconds)</translation>
    </message>
    <message>
        <source>how often the quiet failures are looked for (silence, delivery, certificates, storage)</source>
        <translation>how often the quiet failures are looked for (silence, delivery, certificates, storage)</translation>
    </message>
    <message>
        <source>Alert reminder (minutes)</source>
        <translation>Alert reminder (minutes)</translation>
    </message>
    <message>
        <source>while a condition lasts, its alert is raised again after this long (0: only once)</source>
        <translation>while a condition lasts, its alert is raised again after this long (0: only once)</translation>
    </message>
    <message>
        <source>Shortest silence alerted (minutes)</source>
        <translation>Shortest silence alerted (minutes)</translation>
    </message>
    <message>
        <source>a source that usually sends is reported silent after at least this long without a request (0: no silence alerts)</source>
        <translation>a source that usually sends is reported silent after at least this long without a request (0: no silence alerts)</translation>
    </message>
    <message>
        <source>Silence factor</source>
        <translation>Silence factor</translation>
    </message>
    <message>
        <source>a source is silent after this many times its usual longest gap at that hour of the week, learned from its traffic</source>
        <translation>a source is silent after this many times its usual longest gap at that hour of the week, learned from its traffic</translation>
    </message>
    <message>
        <source>Fixed silence thresholds</source>
        <translation>Fixed silence thresholds</translation>
    </message>
    <message>
        <source>per source instead of learning, e.g. 'whatsapp=2h, stripe-firm-a=1d' (0 turns a source's alert off)</source>
        <translation>per source instead of learning, e.g. 'whatsapp=2h, stripe-firm-a=1d' (0 turns a source's alert off)</translation>
    </message>
    <message>
        <source>Undelivered event age (minutes)</source>
        <translation>Undelivered event age (minutes)</translation>
    </message>
    <message>
        <source>alert when the oldest event not yet delivered to the core is older (0: off)</source>
        <translation>alert when the oldest event not yet delivered to the core is older (0: off)</translation>
    </message>
    <message>
        <source>Dead letters before an alert</source>
        <translation>Dead letters before an alert</translation>
    </message>
    <message>
        <source>alert when this many dead letters wait, and again when more arrive (0: off)</source>
        <translation>alert when this many dead letters wait, and again when more arrive (0: off)</translation>
    </message>
    <message>
        <source>Certificate warning (days)</source>
        <translation>Certificate warning (days)</translation>
    </message>
    <message>
        <source>alert this many days before a TLS certificate expires, and again at 3 days (0: off)</source>
        <translation>alert this many days before a TLS certificate expires, and again at 3 days (0: off)</translation>
    </message>
    <message>
        <source>Free disk space (MB)</source>
        <translation>Free disk space (MB)</translation>
    </message>
    <message>
        <source>alert when less is free for the data directory (0: off)</source>
        <translation>alert when less is free for the data directory (0: off)</translation>
    </message>
    <message>
        <source>Database failing (seconds)</source>
        <translation>Database failing (seconds)</translation>
    </message>
    <message>
        <source>alert when the database has been unreachable or refusing writes for this long (0: off)</source>
        <translation>alert when the database has been unreachable or refusing writes for this long (0: off)</translation>
    </message>
    <message>
        <source>Failed retention runs before an alert</source>
        <translation>Failed retention runs before an alert</translation>
    </message>
    <message>
        <source>consecutive failed runs of the retention job that raise an alert (0: off)</source>
        <translation>consecutive failed runs of the retention job that raise an alert (0: off)</translation>
    </message>
</context>
<context>
    <name>gerbang::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Set by the environment variable %1; change it there.</source>
        <translation>Set by the environment variable %1; change it there.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <source>Not saved:
%1</source>
        <translation>Not saved:
%1</translation>
    </message>
    <message>
        <source>Saved to %1. These changes take effect when the engine restarts: %2.</source>
        <translation>Saved to %1. These changes take effect when the engine restarts: %2.</translation>
    </message>
    <message>
        <source>Last purge: %1 · next purge: %2</source>
        <translation>Last purge: %1 · next purge: %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>not scheduled by this engine</source>
        <translation>not scheduled by this engine</translation>
    </message>
    <message>
        <source>Network and TLS</source>
        <translation>Network and TLS</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>Delivery and alerts</source>
        <translation>Delivery and alerts</translation>
    </message>
    <message>
        <source>Storage and language</source>
        <translation>Storage and language</translation>
    </message>
    <message>
        <source>Configuration file: %1 (shared with gerbangd and gerbangctl)</source>
        <translation>Configuration file: %1 (shared with gerbangd and gerbangctl)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Re&amp;vert</translation>
    </message>
    <message>
        <source>Restart &amp;engine now</source>
        <translation>Restart &amp;engine now</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>SQLite in the data directory</source>
        <translation>SQLite in the data directory</translation>
    </message>
    <message>
        <source>Purge started: data older than the retention periods is being deleted.</source>
        <translation>Purge started: data older than the retention periods is being deleted.</translation>
    </message>
    <message>
        <source>&amp;Purge now</source>
        <translation>&amp;Purge now</translation>
    </message>
    <message>
        <source>Delete now what is older than the retention periods</source>
        <translation>Delete now what is older than the retention periods</translation>
    </message>
    <message>
        <source>Saved to %1 and applied to the running engine: %2.</source>
        <translation>Saved to %1 and applied to the running engine: %2.</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>a field's label</comment>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>A whole number from %1 to %2; default %3.</source>
        <translation>A whole number from %1 to %2; default %3.</translation>
    </message>
    <message>
        <source>Cannot read the settings: %1</source>
        <translation>Cannot read the settings: %1</translation>
    </message>
    <message>
        <source>Saved to %1: %2.</source>
        <translation>Saved to %1: %2.</translation>
    </message>
    <message>
        <source>On the gateway's server, run: sudo systemctl restart gerbangd</source>
        <translation>On the gateway's server, run: sudo systemctl restart gerbangd</translation>
    </message>
    <message>
        <source>Not purged: %1</source>
        <translation>Not purged: %1</translation>
    </message>
    <message>
        <source>Purged: %1 raw payloads, %2 audit rows, %3 delivered events.</source>
        <translation>Purged: %1 raw payloads, %2 audit rows, %3 delivered events.</translation>
    </message>
    <message>
        <source>Set on the gateway's command line; change it there.</source>
        <translation>Set on the gateway's command line; change it there.</translation>
    </message>
    <message>
        <source>Set; the value is never shown. Type a new one to replace it.</source>
        <translation>Set; the value is never shown. Type a new one to replace it.</translation>
    </message>
    <message>
        <source>This gateway runs without a configuration file: its settings come from the environment and the command line.</source>
        <translation>This gateway runs without a configuration file: its settings come from the environment and the command line.</translation>
    </message>
    <message>
        <source>Saved, waiting for a restart: %1.</source>
        <translation>Saved, waiting for a restart: %1.</translation>
    </message>
    <message>
        <source>set (type to replace)</source>
        <translation>set (type to replace)</translation>
    </message>
</context>
<context>
    <name>gerbang::SourceDialog</name>
    <message>
        <source>Route: POST /webhooks/%1/%2</source>
        <translation>Route: POST /webhooks/%1/%2</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Add source</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Provider:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Tenant:</translation>
    </message>
    <message>
        <source>Timestamp &amp;tolerance:</source>
        <translation>Timestamp &amp;tolerance:</translation>
    </message>
    <message>
        <source>&amp;Dedup field:</source>
        <translation>&amp;Dedup field:</translation>
    </message>
    <message>
        <source>default (300 s)</source>
        <translation>default (300 s)</translation>
    </message>
    <message>
        <source>JSON pointer, e.g. /id (default: body hash)</source>
        <translation>JSON pointer, e.g. /id (default: body hash)</translation>
    </message>
    <message>
        <source>lower-case letters, digits, '-' or '_'</source>
        <translation>lower-case letters, digits, '-' or '_'</translation>
    </message>
</context>
<context>
    <name>gerbang::SourceTestDialog</name>
    <message>
        <source>Test event: %1</source>
        <translation>Test event: %1</translation>
    </message>
    <message>
        <source>Sending a signed test event through the gateway's public route…</source>
        <translation>Sending a signed test event through the gateway's public route…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>What it means</translation>
    </message>
    <message>
        <source>No test was sent: %1</source>
        <translation>No test was sent: %1</translation>
    </message>
    <message>
        <source>Following test %1 through the gateway…</source>
        <translation>Following test %1 through the gateway…</translation>
    </message>
    <message>
        <source>The test failed at "%1": see what it means below.</source>
        <translation>The test failed at "%1": see what it means below.</translation>
    </message>
    <message>
        <source>The source works: test %1 went through every step.</source>
        <translation>The source works: test %1 went through every step.</translation>
    </message>
</context>
<context>
    <name>gerbang::SourcesPage</name>
    <message>
        <source>Remove source</source>
        <translation>Remove source</translation>
    </message>
    <message>
        <source>Remove source '%1'? Its route stops accepting webhooks at once.</source>
        <translation>Remove source '%1'? Its route stops accepting webhooks at once.</translation>
    </message>
    <message>
        <source>Sources &amp; secrets</source>
        <translation>Sources &amp; secrets</translation>
    </message>
    <message>
        <source>Cannot read the sources: %1</source>
        <translation>Cannot read the sources: %1</translation>
    </message>
    <message>
        <source>set</source>
        <translation>set</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>current</source>
        <translation>current</translation>
    </message>
    <message>
        <source>previous</source>
        <translation>previous</translation>
    </message>
    <message>
        <source>Source not added: %1</source>
        <translation>Source not added: %1</translation>
    </message>
    <message>
        <source>Source '%1' added. Set its secret next.</source>
        <translation>Source '%1' added. Set its secret next.</translation>
    </message>
    <message>
        <source>Source not removed: %1</source>
        <translation>Source not removed: %1</translation>
    </message>
    <message>
        <source>Source '%1' removed.</source>
        <translation>Source '%1' removed.</translation>
    </message>
    <message>
        <source>Rotate secret</source>
        <translation>Rotate secret</translation>
    </message>
    <message>
        <source>Set secret</source>
        <translation>Set secret</translation>
    </message>
    <message>
        <source>Secret name (a source, whatsapp, whatsapp:APP or whatsapp-verify-token):</source>
        <translation>Secret name (a source, whatsapp, whatsapp:APP or whatsapp-verify-token):</translation>
    </message>
    <message>
        <source>'%1' is not a valid secret name.</source>
        <translation>'%1' is not a valid secret name.</translation>
    </message>
    <message>
        <source>Secret not stored: %1</source>
        <translation>Secret not stored: %1</translation>
    </message>
    <message>
        <source>Secret '%1' rotated (fingerprint %2). The previous value stays accepted until you retire it.</source>
        <translation>Secret '%1' rotated (fingerprint %2). The previous value stays accepted until you retire it.</translation>
    </message>
    <message>
        <source>Secret '%1' set (fingerprint %2).</source>
        <translation>Secret '%1' set (fingerprint %2).</translation>
    </message>
    <message>
        <source>Previous value not retired: %1</source>
        <translation>Previous value not retired: %1</translation>
    </message>
    <message>
        <source>The previous value of '%1' is no longer accepted.</source>
        <translation>The previous value of '%1' is no longer accepted.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Retires</source>
        <translation>Retires</translation>
    </message>
    <message>
        <source>&amp;Add source…</source>
        <translation>&amp;Add source…</translation>
    </message>
    <message>
        <source>&amp;Remove source</source>
        <translation>&amp;Remove source</translation>
    </message>
    <message>
        <source>&amp;Set secret…</source>
        <translation>&amp;Set secret…</translation>
    </message>
    <message>
        <source>R&amp;otate secret…</source>
        <translation>R&amp;otate secret…</translation>
    </message>
    <message>
        <source>Re&amp;tire previous</source>
        <translation>Re&amp;tire previous</translation>
    </message>
    <message>
        <source>Values are stored encrypted with the master key and never shown again: compare fingerprints with the sender instead.</source>
        <translation>Values are stored encrypted with the master key and never shown again: compare fingerprints with the sender instead.</translation>
    </message>
    <message>
        <source>not shown to this role</source>
        <translation>not shown to this role</translation>
    </message>
    <message>
        <source>any address</source>
        <translation>any address</translation>
    </message>
    <message>
        <source>Every source accepts any client address (no allowlist).</source>
        <translation>Every source accepts any client address (no allowlist).</translation>
    </message>
    <message>
        <source>Every source accepts only: %1</source>
        <translation>Every source accepts only: %1</translation>
    </message>
    <message>
        <source>Allowlist</source>
        <translation>Allowlist</translation>
    </message>
    <message>
        <source>Client networks every source accepts, one per line (e.g. 203.0.113.0/24); empty: any address.</source>
        <translation>Client networks every source accepts, one per line (e.g. 203.0.113.0/24); empty: any address.</translation>
    </message>
    <message>
        <source>Client networks source '%1' accepts, one per line (e.g. 203.0.113.0/24); empty: any address.</source>
        <translation>Client networks source '%1' accepts, one per line (e.g. 203.0.113.0/24); empty: any address.</translation>
    </message>
    <message>
        <source>Allowlist not changed: %1</source>
        <translation>Allowlist not changed: %1</translation>
    </message>
    <message>
        <source>Allowlist of '%1' lifted: any address.</source>
        <translation>Allowlist of '%1' lifted: any address.</translation>
    </message>
    <message>
        <source>Allowlist of '%1' set: %2.</source>
        <translation>Allowlist of '%1' set: %2.</translation>
    </message>
    <message>
        <source>A&amp;llowlist…</source>
        <translation>A&amp;llowlist…</translation>
    </message>
    <message>
        <source>The client networks the selected source accepts (with none selected: every source)</source>
        <translation>The client networks the selected source accepts (with none selected: every source)</translation>
    </message>
    <message>
        <source>Send &amp;test event</source>
        <translation>Send &amp;test event</translation>
    </message>
    <message>
        <source>Send a correctly signed sample event of the selected source through the gateway's public route and follow it to the core (marked as a test, never counted as a client's message)</source>
        <translation>Send a correctly signed sample event of the selected source through the gateway's public route and follow it to the core (marked as a test, never counted as a client's message)</translation>
    </message>
    <message>
        <source>Test &amp;WhatsApp</source>
        <translation>Test &amp;WhatsApp</translation>
    </message>
    <message>
        <source>The same for WhatsApp: a signed sample message to the first tenant's WABA, with the app secret</source>
        <translation>The same for WhatsApp: a signed sample message to the first tenant's WABA, with the app secret</translation>
    </message>
    <message>
        <source>&amp;Check WhatsApp setup</source>
        <translation>&amp;Check WhatsApp setup</translation>
    </message>
    <message>
        <source>Check what can be checked without the internet: the app secret and verify token, a tenant for every WABA that called, the route answering Meta's verification, and TLS</source>
        <translation>Check what can be checked without the internet: the app secret and verify token, a tenant for every WABA that called, the route answering Meta's verification, and TLS</translation>
    </message>
</context>
<context>
    <name>gerbang::TenantsPage</name>
    <message>
        <source>Tenants</source>
        <translation>Tenants</translation>
    </message>
    <message>
        <source>Cannot read the tenants: %1</source>
        <translation>Cannot read the tenants: %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>The tenant you were editing has unsaved changes. Discard them?</source>
        <translation>The tenant you were editing has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <source>Enter a tenant id.</source>
        <translation>Enter a tenant id.</translation>
    </message>
    <message>
        <source>Use 1–63 lower-case letters, digits, '-' or '_', starting with a letter or digit.</source>
        <translation>Use 1–63 lower-case letters, digits, '-' or '_', starting with a letter or digit.</translation>
    </message>
    <message>
        <source>A tenant with this id already exists.</source>
        <translation>A tenant with this id already exists.</translation>
    </message>
    <message>
        <source>Enter a display name.</source>
        <translation>Enter a display name.</translation>
    </message>
    <message>
        <source>WABA ID '%1' is not numeric.</source>
        <translation>WABA ID '%1' is not numeric.</translation>
    </message>
    <message>
        <source>Phone number ID '%1' is not numeric.</source>
        <translation>Phone number ID '%1' is not numeric.</translation>
    </message>
    <message>
        <source>'%1' is listed twice.</source>
        <translation>'%1' is listed twice.</translation>
    </message>
    <message>
        <source>WABA ID %1 already belongs to tenant '%2'.</source>
        <translation>WABA ID %1 already belongs to tenant '%2'.</translation>
    </message>
    <message>
        <source>Phone number ID %1 already belongs to tenant '%2'.</source>
        <translation>Phone number ID %1 already belongs to tenant '%2'.</translation>
    </message>
    <message>
        <source>Not saved: fix the marked fields first.</source>
        <translation>Not saved: fix the marked fields first.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Tenant '%1' saved. The running engine routes with it within a second.</source>
        <translation>Tenant '%1' saved. The running engine routes with it within a second.</translation>
    </message>
    <message>
        <source>Delete tenant</source>
        <translation>Delete tenant</translation>
    </message>
    <message>
        <source>Delete tenant '%1'? Its WhatsApp numbers stop being routed to it at once; stored events and audit rows stay.</source>
        <translation>Delete tenant '%1'? Its WhatsApp numbers stop being routed to it at once; stored events and audit rows stay.</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Not deleted: %1</translation>
    </message>
    <message>
        <source>Tenant '%1' deleted.</source>
        <translation>Tenant '%1' deleted.</translation>
    </message>
    <message>
        <source>&amp;New tenant</source>
        <translation>&amp;New tenant</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Re&amp;vert</translation>
    </message>
    <message>
        <source>Undo the changes not saved yet</source>
        <translation>Undo the changes not saved yet</translation>
    </message>
    <message>
        <source>Tenant &amp;id:</source>
        <translation>Tenant &amp;id:</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>Display &amp;name:</translation>
    </message>
    <message>
        <source>&amp;WABA IDs:</source>
        <translation>&amp;WABA IDs:</translation>
    </message>
    <message>
        <source>&amp;Phone number IDs:</source>
        <translation>&amp;Phone number IDs:</translation>
    </message>
    <message>
        <source>&amp;Enabled (requests for a disabled tenant are answered as unknown)</source>
        <translation>&amp;Enabled (requests for a disabled tenant are answered as unknown)</translation>
    </message>
    <message>
        <source>e.g. firm-a</source>
        <translation>e.g. firm-a</translation>
    </message>
    <message>
        <source>e.g. Firm A Legal Partners</source>
        <translation>e.g. Firm A Legal Partners</translation>
    </message>
    <message>
        <source>One WhatsApp Business Account ID per line</source>
        <translation>One WhatsApp Business Account ID per line</translation>
    </message>
    <message>
        <source>One phone number ID per line (used when no WABA ID matches)</source>
        <translation>One phone number ID per line (used when no WABA ID matches)</translation>
    </message>
    <message>
        <source>WhatsApp events are routed by WABA ID first, then by phone number ID. Each ID can belong to one tenant only.</source>
        <translation>WhatsApp events are routed by WABA ID first, then by phone number ID. Each ID can belong to one tenant only.</translation>
    </message>
    <message>
        <source>New tenant</source>
        <translation>New tenant</translation>
    </message>
    <message>
        <source>Tenant %1</source>
        <translation>Tenant %1</translation>
    </message>
</context>
<context>
    <name>gerbang::WhatsAppCheckDialog</name>
    <message>
        <source>WhatsApp setup check</source>
        <translation>WhatsApp setup check</translation>
    </message>
    <message>
        <source>Checking the app secret, the verify token, the tenants of the WABAs that called, and the route Meta calls…</source>
        <translation>Checking the app secret, the verify token, the tenants of the WABAs that called, and the route Meta calls…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>What it means</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>The check could not run: %1</translation>
    </message>
    <message>
        <source>The WhatsApp setup of %1 passed every check that can be made without the internet.</source>
        <translation>The WhatsApp setup of %1 passed every check that can be made without the internet.</translation>
    </message>
    <message>
        <source>The WhatsApp setup of %1 has problems: see what to do below.</source>
        <translation>The WhatsApp setup of %1 has problems: see what to do below.</translation>
    </message>
</context>
</TS>
