<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
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
        <translation>%1 kegagalan tanda tangan dari sumber '%2' dalam %3 dtk. Mungkin ada pihak yang sedang menguji gateway, atau ada rahasia yang sudah kedaluwarsa.</translation>
    </message>
    <message>
        <source>Compare the source's secret with the provider's dashboard, and look up the senders' addresses in the audit log.</source>
        <translation>Bandingkan secret sumber ini dengan dasbor penyedia, dan periksa alamat pengirimnya di log audit.</translation>
    </message>
    <message>
        <source>Webhooks from source '%1' arrive again.</source>
        <translation>Webhook dari sumber '%1' masuk lagi.</translation>
    </message>
    <message>
        <source>No webhooks from source '%1' for %2; at this hour of the week it is normally quiet for at most %3.</source>
        <translation>Tidak ada webhook dari sumber '%1' selama %2; pada jam ini dalam seminggu biasanya sepi paling lama %3.</translation>
    </message>
    <message>
        <source>Check the app's webhook subscription and callback URL in the Meta App Dashboard, that the app is in Live mode, and that its access token has not expired.</source>
        <translation>Periksa langganan webhook dan callback URL aplikasi di Meta App Dashboard, pastikan aplikasi dalam mode Live dan access token-nya belum kedaluwarsa.</translation>
    </message>
    <message>
        <source>Check the webhook settings in the provider's dashboard (URL, enabled events) and that the provider can reach this gateway.</source>
        <translation>Periksa pengaturan webhook di dasbor penyedia (URL, event yang diaktifkan) dan pastikan penyedia dapat menjangkau gateway ini.</translation>
    </message>
    <message>
        <source>Events reach the core system again.</source>
        <translation>Event kembali sampai ke sistem inti.</translation>
    </message>
    <message>
        <source>The oldest event not yet delivered to the core system has waited %1 (threshold %2).</source>
        <translation>Event tertua yang belum terkirim ke sistem inti sudah menunggu %1 (ambang %2).</translation>
    </message>
    <message>
        <source>Check that the core system is up and reachable at the delivery URL. The events wait in the outbox; none is lost.</source>
        <translation>Pastikan sistem inti berjalan dan dapat dijangkau di URL pengiriman. Event menunggu di outbox; tidak ada yang hilang.</translation>
    </message>
    <message>
        <source>The dead-letter queue is empty.</source>
        <translation>Antrean dead letter kosong.</translation>
    </message>
    <message>
        <source>Events the core system did not accept, waiting in the dead-letter queue: %1.</source>
        <translation>Event yang tidak diterima sistem inti dan menunggu di antrean dead letter: %1.</translation>
    </message>
    <message>
        <source>Read their last error on the Dead letters page, fix the cause, then replay them.</source>
        <translation>Baca galat terakhirnya di halaman Dead letter, perbaiki penyebabnya, lalu kirim ulang.</translation>
    </message>
    <message>
        <source>The TLS certificate %1 is valid until %2.</source>
        <translation>Sertifikat TLS %1 berlaku sampai %2.</translation>
    </message>
    <message>
        <source>The TLS certificate %1 expired at %2.</source>
        <translation>Sertifikat TLS %1 kedaluwarsa pada %2.</translation>
    </message>
    <message>
        <source>The TLS certificate %1 expires at %2, in %3.</source>
        <translation>Sertifikat TLS %1 kedaluwarsa pada %2, dalam %3.</translation>
    </message>
    <message>
        <source>Renew it, put the new certificate and key in place, then run: gerbangctl tls reload</source>
        <translation>Perbarui sertifikatnya, pasang sertifikat dan kunci yang baru, lalu jalankan: gerbangctl tls reload</translation>
    </message>
    <message>
        <source>The TLS certificate %1 was reloaded.</source>
        <translation>Sertifikat TLS %1 sudah dimuat ulang.</translation>
    </message>
    <message>
        <source>The new TLS certificate %1 could not be loaded (%2); the previous one stays in use.</source>
        <translation>Sertifikat TLS baru %1 tidak dapat dimuat (%2); sertifikat sebelumnya tetap dipakai.</translation>
    </message>
    <message>
        <source>Check the certificate and key files (format, matching key, permissions), then run: gerbangctl tls reload</source>
        <translation>Periksa berkas sertifikat dan kunci (format, kunci yang cocok, izin akses), lalu jalankan: gerbangctl tls reload</translation>
    </message>
    <message>
        <source>Free space for the data directory %1 is back to %2.</source>
        <translation>Ruang kosong untuk direktori data %1 kembali menjadi %2.</translation>
    </message>
    <message>
        <source>Only %1 free for the data directory %2 (threshold %3).</source>
        <translation>Hanya tersisa %1 untuk direktori data %2 (ambang %3).</translation>
    </message>
    <message>
        <source>At the current growth the disk is full around %1.</source>
        <translation>Dengan pertumbuhan saat ini, disk akan penuh sekitar %1.</translation>
    </message>
    <message>
        <source>Free space or enlarge the disk; raw payloads are deleted after the retention period (Settings, Retention).</source>
        <translation>Kosongkan ruang atau perbesar disk; payload mentah dihapus setelah masa retensi (Pengaturan, Retensi).</translation>
    </message>
    <message>
        <source>The database accepts writes again.</source>
        <translation>Database kembali menerima penulisan.</translation>
    </message>
    <message>
        <source>The database has been unreachable or refusing writes for %1 (%2). Webhooks are answered 503 and their senders retry.</source>
        <translation>Database tidak dapat dijangkau atau menolak penulisan selama %1 (%2). Webhook dijawab 503 dan pengirimnya mencoba lagi.</translation>
    </message>
    <message>
        <source>Check the database server, or under SQLite the disk of the data directory: free space, permissions, its log.</source>
        <translation>Periksa server database, atau pada SQLite disk direktori data: ruang kosong, izin akses, dan log-nya.</translation>
    </message>
    <message>
        <source>The retention job ran successfully again.</source>
        <translation>Tugas retensi kembali berjalan dengan berhasil.</translation>
    </message>
    <message>
        <source>The retention job failed (%1). Expired payloads stay stored until it succeeds.</source>
        <translation>Tugas retensi gagal (%1). Payload yang sudah kedaluwarsa tetap tersimpan sampai tugas ini berhasil.</translation>
    </message>
    <message>
        <source>Check the gateway's log and the database; the job runs again at its next scheduled time, or now with: gerbangctl purge</source>
        <translation>Periksa log gateway dan database; tugas berjalan lagi pada jadwal berikutnya, atau sekarang dengan: gerbangctl purge</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 hr %2 j</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 jam %2 mnt</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 mnt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 dtk</translation>
    </message>
</context>
<context>
    <name>AuditExport</name>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>No requests in this period.</source>
        <translation>Tidak ada permintaan pada periode ini.</translation>
    </message>
    <message>
        <source>Gerbang audit report</source>
        <translation>Laporan audit Gerbang</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Tenant:</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>Semua tenant</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>Generated at:</source>
        <translation>Dibuat pada:</translation>
    </message>
    <message>
        <source>Generated by:</source>
        <translation>Dibuat oleh:</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Permintaan:</translation>
    </message>
    <message>
        <source>By outcome</source>
        <translation>Menurut hasil</translation>
    </message>
    <message>
        <source>By provider</source>
        <translation>Menurut penyedia</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Permintaan</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Client IP</source>
        <translation>IP klien</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>The report lists the first %1 of %2 requests; export CSV for all of them.</source>
        <translation>Laporan ini memuat %1 permintaan pertama dari %2; ekspor CSV untuk melihat semuanya.</translation>
    </message>
    <message>
        <source>the export could not be audited, so it was not made: %1</source>
        <translation>ekspor tidak dapat dicatat di log audit, jadi tidak dibuat: %1</translation>
    </message>
    <message>
        <source>the export was cut off: %1</source>
        <translation>ekspor terputus di tengah jalan: %1</translation>
    </message>
    <message>
        <source>What was verified</source>
        <translation>Apa yang diverifikasi</translation>
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
        <translation>HMAC generik</translation>
    </message>
    <message>
        <source>Standard Webhooks</source>
        <translation>Standard Webhooks</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Unknown tenant</source>
        <translation>Tenant tidak dikenal</translation>
    </message>
    <message>
        <source>No events</source>
        <translation>Tanpa event</translation>
    </message>
    <message>
        <source>Rejected (signature)</source>
        <translation>Ditolak (tanda tangan)</translation>
    </message>
    <message>
        <source>Malformed payload</source>
        <translation>Payload tidak valid</translation>
    </message>
    <message>
        <source>Unknown source</source>
        <translation>Sumber tidak dikenal</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Belum dikonfigurasi</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Tidak ditemukan</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Metode tidak diizinkan</translation>
    </message>
    <message>
        <source>Too large</source>
        <translation>Terlalu besar</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Waktu habis</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Permintaan tidak valid</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Terkena rate limit</translation>
    </message>
    <message>
        <source>Forbidden (allowlist)</source>
        <translation>Diblokir (allowlist)</translation>
    </message>
    <message>
        <source>Client certificate required</source>
        <translation>Sertifikat klien diperlukan</translation>
    </message>
    <message>
        <source>TLS refused</source>
        <translation>TLS ditolak</translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <translation>Tidak berwenang</translation>
    </message>
    <message>
        <source>Store failed</source>
        <translation>Gagal menyimpan</translation>
    </message>
    <message>
        <source>Overloaded</source>
        <translation>Kelebihan beban</translation>
    </message>
    <message>
        <source>Subscription verified</source>
        <translation>Langganan terverifikasi</translation>
    </message>
    <message>
        <source>Subscription check failed</source>
        <translation>Verifikasi langganan gagal</translation>
    </message>
    <message>
        <source>Content served</source>
        <translation>Konten diberikan</translation>
    </message>
    <message>
        <source>Content expired</source>
        <translation>Konten kedaluwarsa</translation>
    </message>
    <message>
        <source>Replayed</source>
        <translation>Dikirim ulang</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Format salah</translation>
    </message>
    <message>
        <source>Mismatch</source>
        <translation>Tidak cocok</translation>
    </message>
    <message>
        <source>Timestamp too old</source>
        <translation>Stempel waktu terlalu lama</translation>
    </message>
    <message>
        <source>Timestamp in the future</source>
        <translation>Stempel waktu di masa depan</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Tidak berlaku</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Dead letter</source>
        <translation>Gagal kirim</translation>
    </message>
    <message>
        <source>Signature failures</source>
        <translation>Kegagalan tanda tangan</translation>
    </message>
    <message>
        <source>Configuration changed</source>
        <translation>Konfigurasi diubah</translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation>Data diekspor</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>pemantau</translation>
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
        <translation>Berjalan</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Berhenti</translation>
    </message>
    <message>
        <source>Stopped answering</source>
        <translation>Tidak menjawab lagi</translation>
    </message>
    <message>
        <source>Source silent</source>
        <translation>Sumber senyap</translation>
    </message>
    <message>
        <source>Delivery delayed</source>
        <translation>Pengiriman tertunda</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Gagal kirim (dead letter)</translation>
    </message>
    <message>
        <source>Certificate expiring</source>
        <translation>Sertifikat akan kedaluwarsa</translation>
    </message>
    <message>
        <source>Certificate reload failed</source>
        <translation>Muat ulang sertifikat gagal</translation>
    </message>
    <message>
        <source>Disk space low</source>
        <translation>Ruang disk menipis</translation>
    </message>
    <message>
        <source>Database unavailable</source>
        <translation>Database tidak tersedia</translation>
    </message>
    <message>
        <source>Retention failed</source>
        <translation>Retensi gagal</translation>
    </message>
    <message>
        <source>Reached the gateway</source>
        <translation>Sampai di gateway</translation>
    </message>
    <message>
        <source>Signature verified</source>
        <translation>Tanda tangan terverifikasi</translation>
    </message>
    <message>
        <source>Routed to a tenant</source>
        <translation>Diarahkan ke tenant</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Tersimpan</translation>
    </message>
    <message>
        <source>Delivered to the core</source>
        <translation>Terkirim ke sistem inti</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Dalam antrean</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Tidak sampai</translation>
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
        <translation>Tenant untuk setiap WABA</translation>
    </message>
    <message>
        <source>Route answers Meta</source>
        <translation>Rute menjawab Meta</translation>
    </message>
    <message>
        <source>TLS where Meta reaches it</source>
        <translation>TLS di tempat Meta menjangkaunya</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Tidak diperiksa</translation>
    </message>
</context>
<context>
    <name>ProofWords</name>
    <message>
        <source>changed</source>
        <translation>diubah</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>dihapus</translation>
    </message>
    <message>
        <source>inserted</source>
        <translation>disisipkan</translation>
    </message>
    <message>
        <source>reordered</source>
        <translation>diurutkan ulang</translation>
    </message>
    <message>
        <source>checkpoint does not hold</source>
        <translation>checkpoint tidak berlaku</translation>
    </message>
    <message>
        <source>row %1 (place %2)</source>
        <translation>baris %1 (posisi %2)</translation>
    </message>
    <message>
        <source>place %1</source>
        <translation>posisi %1</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 pada %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>Audit log NOT intact (checked %1): %n problem(s); the first: %2</source>
        <translation><numerusform>Log audit TIDAK utuh (diperiksa %1): %n masalah; yang pertama: %2</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Audit log intact (checked %1): %2 rows on %n chain(s)</source>
        <translation><numerusform>Log audit utuh (diperiksa %1): %2 baris pada %n rantai</numerusform></translation>
    </message>
    <message>
        <source>%1; last signed checkpoint %2</source>
        <translation>%1; checkpoint bertanda tangan terakhir %2</translation>
    </message>
    <message>
        <source>%1; no signed checkpoint yet</source>
        <translation>%1; belum ada checkpoint bertanda tangan</translation>
    </message>
    <message>
        <source>When this report was made (%1), the gateway's audit log for its period was verified: every row is linked by its SHA-256 hash to the row before it, and no row was changed, removed, added or moved since it was written.</source>
        <translation>Saat laporan ini dibuat (%1), log audit gateway untuk periodenya telah diverifikasi: setiap baris terhubung melalui hash SHA-256-nya ke baris sebelumnya, dan tidak ada baris yang diubah, dihapus, ditambahkan, atau dipindahkan sejak ditulis.</translation>
    </message>
    <message numerus="yes">
        <source>When this report was made (%1), the gateway's audit log for its period did NOT verify: %n problem(s) were found. The rows below may not be what the gateway recorded.</source>
        <translation><numerusform>Saat laporan ini dibuat (%1), log audit gateway untuk periodenya TIDAK lolos verifikasi: ditemukan %n masalah. Baris di bawah ini mungkin bukan yang dicatat gateway.</numerusform></translation>
    </message>
    <message>
        <source>Chain %1%2: rows at places %3 to %4 (%5 rows), last hash %6.</source>
        <translation>Rantai %1%2: baris pada posisi %3 sampai %4 (%5 baris), hash terakhir %6.</translation>
    </message>
    <message>
        <source> (rows written before the chain existed, sealed at the upgrade)</source>
        <translation> (baris yang ditulis sebelum rantai ada, disegel saat pemutakhiran)</translation>
    </message>
    <message>
        <source>Last signed checkpoint: place %1, signed %2 with key %3%4.</source>
        <translation>Checkpoint bertanda tangan terakhir: posisi %1, ditandatangani %2 dengan kunci %3%4.</translation>
    </message>
    <message>
        <source> (not this gateway's key)</source>
        <translation> (bukan kunci gateway ini)</translation>
    </message>
    <message>
        <source>No signed checkpoint covers these rows yet.</source>
        <translation>Belum ada checkpoint bertanda tangan yang mencakup baris-baris ini.</translation>
    </message>
    <message>
        <source>The signature of this file is in %1.sig. Anyone can check that the file is unchanged, without the gateway's database: gerbangctl audit verify-report %1 --public-key %2</source>
        <translation>Tanda tangan berkas ini ada di %1.sig. Siapa pun dapat memeriksa bahwa berkas ini tidak berubah, tanpa basis data gateway: gerbangctl audit verify-report %1 --public-key %2</translation>
    </message>
    <message>
        <source>What this does not prove: that the gateway was told the truth; nor, against someone who holds the gateway's signing key, anything after the last checkpoint kept outside the gateway.</source>
        <translation>Yang tidak dibuktikan: bahwa gateway menerima informasi yang benar; dan, terhadap pihak yang memegang kunci tanda tangan gateway, apa pun setelah checkpoint terakhir yang disimpan di luar gateway.</translation>
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
        <translation>Konfigurasi tidak dapat dipakai:
%1</translation>
    </message>
</context>
<context>
    <name>Relaunch</name>
    <message>
        <source>Cannot start the console again: %1</source>
        <translation>Konsol tidak dapat dijalankan ulang: %1</translation>
    </message>
</context>
<context>
    <name>RoleGate</name>
    <message>
        <source>Needs the %1 role; this connection's token has the %2 role.</source>
        <translation>Memerlukan peran %1; token koneksi ini berperan %2.</translation>
    </message>
</context>
<context>
    <name>SourceTest</name>
    <message>
        <source>The gateway answered HTTP %1.</source>
        <translation>Gateway menjawab HTTP %1.</translation>
    </message>
    <message>
        <source>The signature was verified with the secret the gateway holds for '%1'.</source>
        <translation>Tanda tangan diverifikasi dengan secret yang dipegang gateway untuk '%1'.</translation>
    </message>
    <message>
        <source>Routed to tenant '%1'.</source>
        <translation>Diarahkan ke tenant '%1'.</translation>
    </message>
    <message>
        <source>Stored as event %1 before the 200.</source>
        <translation>Disimpan sebagai event %1 sebelum jawaban 200.</translation>
    </message>
    <message>
        <source>Stored before the 200.</source>
        <translation>Disimpan sebelum jawaban 200.</translation>
    </message>
    <message>
        <source>Delivered to the sink (HTTP %1).</source>
        <translation>Terkirim ke sink (HTTP %1).</translation>
    </message>
    <message>
        <source>The sink never took it and it became a dead letter after %1 attempts: %2</source>
        <translation>Sink tidak pernah menerimanya dan event menjadi dead letter setelah %1 percobaan: %2</translation>
    </message>
    <message>
        <source>The sink did not take it (%1). It stays queued and is retried; check that the core system is up and sink/url points at it.</source>
        <translation>Sink tidak menerimanya (%1). Event tetap dalam antrean dan dicoba lagi; periksa bahwa sistem inti berjalan dan sink/url mengarah ke sana.</translation>
    </message>
    <message>
        <source>Queued: no sink is configured (sink/url), so events wait in the outbox.</source>
        <translation>Dalam antrean: belum ada sink yang dikonfigurasi (sink/url), jadi event menunggu di outbox.</translation>
    </message>
    <message>
        <source>Queued: the sink has not been tried yet; the event waits in the outbox.</source>
        <translation>Dalam antrean: sink belum dicoba; event menunggu di outbox.</translation>
    </message>
    <message>
        <source>No gateway answered at %1 (%2). Is gerbangd running (systemctl status gerbangd) and listening there?</source>
        <translation>Tidak ada gateway yang menjawab di %1 (%2). Apakah gerbangd berjalan (systemctl status gerbangd) dan mendengarkan di sana?</translation>
    </message>
    <message>
        <source>The gateway refused the address the test came from (403): the source's or every source's allowlist leaves it out.</source>
        <translation>Gateway menolak alamat asal uji (403): allowlist sumber ini atau semua sumber tidak memuatnya.</translation>
    </message>
    <message>
        <source>The gateway's rate limit refused the test (429); try again shortly.</source>
        <translation>Batas laju gateway menolak uji ini (429); coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>Tenant '%1' is disabled, so the gateway does not serve this source's route (404). Enable the tenant to receive its events.</source>
        <translation>Tenant '%1' dinonaktifkan, jadi gateway tidak melayani rute sumber ini (404). Aktifkan tenant untuk menerima event-nya.</translation>
    </message>
    <message>
        <source>The gateway does not serve this route (404 %1): it does not know the source. Was it removed, or does the gateway use another database?</source>
        <translation>Gateway tidak melayani rute ini (404 %1): gateway tidak mengenal sumbernya. Apakah sumber dihapus, atau gateway memakai database lain?</translation>
    </message>
    <message>
        <source>The gateway holds no secret for '%1' and refuses its events (503). Set it: gerbangctl secret set %1</source>
        <translation>Gateway tidak memegang secret untuk '%1' dan menolak event-nya (503). Setel: gerbangctl secret set %1</translation>
    </message>
    <message>
        <source>The gateway refused the signature (HTTP %1): the secret it holds for '%2' is not the one this test was signed with (one set in its environment?).</source>
        <translation>Gateway menolak tanda tangan (HTTP %1): secret yang dipegangnya untuk '%2' bukan yang dipakai menandatangani uji ini (disetel di environment-nya?).</translation>
    </message>
    <message>
        <source>No enabled tenant is mapped to %1: the gateway answered 200 and stored nothing. Map it on the Tenants page (or gerbangctl tenant update).</source>
        <translation>Tidak ada tenant aktif yang dipetakan ke %1: gateway menjawab 200 dan tidak menyimpan apa pun. Petakan di halaman Tenant (atau gerbangctl tenant update).</translation>
    </message>
    <message>
        <source>The gateway could not store the event (503 %1): its database is failing or its queue is full.</source>
        <translation>Gateway tidak dapat menyimpan event (503 %1): database-nya gagal atau antreannya penuh.</translation>
    </message>
    <message>
        <source>The gateway did not take the event (HTTP %1 %2).</source>
        <translation>Gateway tidak menerima event (HTTP %1 %2).</translation>
    </message>
</context>
<context>
    <name>StartOptions</name>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 memerlukan nilai</translation>
    </message>
    <message>
        <source>--timeout needs a number of seconds</source>
        <translation>--timeout memerlukan jumlah detik</translation>
    </message>
    <message>
        <source>--print-stats and --trust-fingerprint need --connect</source>
        <translation>--print-stats dan --trust-fingerprint memerlukan --connect</translation>
    </message>
</context>
<context>
    <name>WhatsAppCheck</name>
    <message>
        <source>Set in the configuration (whatsapp/app_secret).</source>
        <translation>Disetel di konfigurasi (whatsapp/app_secret).</translation>
    </message>
    <message>
        <source>Stored encrypted as secret '%1'.</source>
        <translation>Tersimpan terenkripsi sebagai secret '%1'.</translation>
    </message>
    <message>
        <source>No app secret: every POST is refused with 503. Copy it from the Meta App Dashboard (App settings, Basic) into gerbangctl secret set %1.</source>
        <translation>Tidak ada app secret: setiap POST ditolak dengan 503. Salin dari Meta App Dashboard (App settings, Basic) ke gerbangctl secret set %1.</translation>
    </message>
    <message>
        <source>Set in the configuration (whatsapp/verify_token).</source>
        <translation>Disetel di konfigurasi (whatsapp/verify_token).</translation>
    </message>
    <message>
        <source>No verify token: Meta cannot verify the callback URL. Choose one, enter it in the app's WhatsApp configuration and here: gerbangctl secret set %1.</source>
        <translation>Tidak ada verify token: Meta tidak dapat memverifikasi URL callback. Pilih satu, masukkan di konfigurasi WhatsApp aplikasi dan di sini: gerbangctl secret set %1.</translation>
    </message>
    <message>
        <source>No enabled tenant has a WABA ID or phone number ID: every message would be dropped. Add one (gerbangctl tenant add ID --name NAME --waba WABA_ID).</source>
        <translation>Tidak ada tenant aktif dengan WABA ID atau phone number ID: setiap pesan akan dibuang. Tambahkan satu (gerbangctl tenant add ID --name NAMA --waba WABA_ID).</translation>
    </message>
    <message>
        <source>Every WABA that called in the last %1 days reaches an enabled tenant.</source>
        <translation>Setiap WABA yang memanggil dalam %1 hari terakhir sampai ke tenant aktif.</translation>
    </message>
    <message>
        <source>The gateway itself speaks HTTPS.</source>
        <translation>Gateway sendiri berbicara HTTPS.</translation>
    </message>
    <message>
        <source>Plain HTTP behind the trusted proxies (edge/trusted_proxies), which must end TLS for Meta.</source>
        <translation>HTTP biasa di belakang proxy tepercaya (edge/trusted_proxies), yang harus mengakhiri TLS untuk Meta.</translation>
    </message>
    <message>
        <source>The gateway listens on %1 without TLS: Meta only calls HTTPS URLs with a valid certificate. Set tls/certificate and tls/private_key, or end TLS in a proxy (edge/trusted_proxies).</source>
        <translation>Gateway mendengarkan di %1 tanpa TLS: Meta hanya memanggil URL HTTPS dengan sertifikat sah. Setel tls/certificate dan tls/private_key, atau akhiri TLS di proxy (edge/trusted_proxies).</translation>
    </message>
    <message>
        <source>Plain HTTP on a private address (%1): fine behind a TLS proxy; Meta needs a public HTTPS URL.</source>
        <translation>HTTP biasa di alamat privat (%1): boleh di belakang proxy TLS; Meta memerlukan URL HTTPS publik.</translation>
    </message>
    <message>
        <source>Needs the verify token.</source>
        <translation>Memerlukan verify token.</translation>
    </message>
    <message>
        <source>Nothing answered at %1 (%2). Is gerbangd running (systemctl status gerbangd)?</source>
        <translation>Tidak ada yang menjawab di %1 (%2). Apakah gerbangd berjalan (systemctl status gerbangd)?</translation>
    </message>
    <message>
        <source>%1 answers Meta's callback verification with this verify token.</source>
        <translation>%1 menjawab verifikasi callback Meta dengan verify token ini.</translation>
    </message>
    <message>
        <source>%1 refused the verify token (403): the running gateway holds another one (set in its environment?).</source>
        <translation>%1 menolak verify token (403): gateway yang berjalan memegang token lain (disetel di environment-nya?).</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 instead of the challenge.</source>
        <translation>%1 menjawab HTTP %2, bukan challenge-nya.</translation>
    </message>
    <message>
        <source>Messages were dropped in the last %1 days (requests in brackets). WABAs without a tenant: %2; map each to its firm (gerbangctl tenant update ID --waba WABA_ID). WABAs of a disabled tenant: %3; enable it (gerbangctl tenant update ID --enable).</source>
        <translation>Pesan terbuang dalam %1 hari terakhir (jumlah permintaan dalam kurung). WABA tanpa tenant: %2; petakan masing-masing ke kantornya (gerbangctl tenant update ID --waba WABA_ID). WABA milik tenant yang dinonaktifkan: %3; aktifkan tenant itu (gerbangctl tenant update ID --enable).</translation>
    </message>
    <message>
        <source>WABAs that called in the last %1 days have no tenant, so their messages were dropped (requests in brackets): %2. Map each to its firm (gerbangctl tenant update ID --waba WABA_ID).</source>
        <translation>WABA yang memanggil dalam %1 hari terakhir tidak punya tenant, sehingga pesannya terbuang (jumlah permintaan dalam kurung): %2. Petakan masing-masing ke kantornya (gerbangctl tenant update ID --waba WABA_ID).</translation>
    </message>
    <message>
        <source>WABAs that called in the last %1 days reach a disabled tenant, so their messages were dropped (requests in brackets): %2. Enable it (gerbangctl tenant update ID --enable).</source>
        <translation>WABA yang memanggil dalam %1 hari terakhir menuju tenant yang dinonaktifkan, sehingga pesannya terbuang (jumlah permintaan dalam kurung): %2. Aktifkan tenant itu (gerbangctl tenant update ID --enable).</translation>
    </message>
</context>
<context>
    <name>gerbang::AlertsModel</name>
    <message>
        <source>Acknowledged</source>
        <translation>Sudah ditangani</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation>Ditangani oleh %1 pada %2</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Tentang</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Yang terjadi</translation>
    </message>
</context>
<context>
    <name>gerbang::AlertsPage</name>
    <message>
        <source>Alerts</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>An alert is raised when one source fails signature checks too often within the alert window. Acknowledge an alert once you have looked into it.</source>
        <translation>Peringatan muncul bila satu sumber terlalu sering gagal verifikasi tanda tangan dalam jendela waktu peringatan. Tandai peringatan sebagai sudah ditangani setelah Anda memeriksanya.</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Tandai semua sudah ditangani</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>Tidak ditandai ditangani: %1</translation>
    </message>
    <message>
        <source>Cannot read the alerts: %1</source>
        <translation>Tidak dapat membaca peringatan: %1</translation>
    </message>
</context>
<context>
    <name>gerbang::AttachedStart</name>
    <message>
        <source>No admin token is saved for %1.</source>
        <translation>Tidak ada token admin yang tersimpan untuk %1.</translation>
    </message>
    <message>
        <source>The keyring cannot be read (%1).</source>
        <translation>Keyring tidak dapat dibaca (%1).</translation>
    </message>
    <message>
        <source>Set GERBANG_ADMIN_TOKEN for unattended starts.</source>
        <translation>Atur GERBANG_ADMIN_TOKEN untuk start tanpa pengawasan.</translation>
    </message>
    <message>
        <source>Connect: %1</source>
        <translation>Hubungkan: %1</translation>
    </message>
    <message>
        <source>No statistics from %1 within %2 s: %3</source>
        <translation>Tidak ada statistik dari %1 dalam %2 dtk: %3</translation>
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
        <translation>'%1' bukan koneksi tersimpan maupun alamat gateway.</translation>
    </message>
    <message>
        <source>The fingerprint given (%1) is not the one pinned for %2 (%3). If the gateway's certificate really changed, forget the old one first (File → Connect…).</source>
        <translation>Sidik jari yang diberikan (%1) bukan yang disematkan untuk %2 (%3). Jika sertifikat gateway memang berganti, lupakan yang lama terlebih dahulu (Berkas → Hubungkan…).</translation>
    </message>
    <message>
        <source>Trust this gateway?</source>
        <translation>Percayai gateway ini?</translation>
    </message>
    <message>
        <source>This is the first connection to %1. Its certificate's fingerprint is:

%2

Compare it with what 'gerbangctl admin fingerprint' prints on the gateway. Trust it only if both are the same; the console then remembers it and refuses any other certificate for this connection.</source>
        <translation>Ini koneksi pertama ke %1. Sidik jari sertifikatnya:

%2

Bandingkan dengan keluaran 'gerbangctl admin fingerprint' di gateway. Percayai hanya jika keduanya sama; konsol lalu mengingatnya dan menolak sertifikat lain untuk koneksi ini.</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>&amp;Percayai</translation>
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
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Client IP</source>
        <translation>IP klien</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Waktu proses</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Event</translation>
    </message>
</context>
<context>
    <name>gerbang::AuditPage</name>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>Log audit tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Export audit log as CSV</source>
        <translation>Ekspor log audit sebagai CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export audit report as PDF</source>
        <translation>Ekspor laporan audit sebagai PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation><numerusform>%n baris diekspor ke %1.</numerusform></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Ekspor gagal: %1</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Client IP</source>
        <translation>IP klien</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Permintaan</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>Status HTTP</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>Waktu proses</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>Body size</source>
        <translation>Ukuran body</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 byte</translation>
    </message>
    <message>
        <source>Event ids</source>
        <translation>ID event</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Jenis event</translation>
    </message>
    <message>
        <source>Raw payload</source>
        <translation>Payload mentah</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>All recorded requests</source>
        <translation>Semua permintaan yang tercatat</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 sampai %2</translation>
    </message>
    <message>
        <source>the beginning</source>
        <translation>awal pencatatan</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Dari:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Sampai:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Tenant:</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>Pen&amp;yedia:</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>&amp;Hasil:</translation>
    </message>
    <message>
        <source>&amp;Signature:</source>
        <translation>Tanda &amp;tangan:</translation>
    </message>
    <message>
        <source>Client &amp;IP:</source>
        <translation>&amp;IP klien:</translation>
    </message>
    <message>
        <source>&amp;Event id:</source>
        <translation>ID &amp;event:</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>1 jam terakhir</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 jam terakhir</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 hari terakhir</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 hari terakhir</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Semua waktu</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Rentang khusus</translation>
    </message>
    <message>
        <source>any</source>
        <translation>semua</translation>
    </message>
    <message>
        <source>any tenant</source>
        <translation>semua tenant</translation>
    </message>
    <message>
        <source>e.g. 203.0.113.7</source>
        <translation>mis. 203.0.113.7</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Muat &amp;ulang</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Ekspor &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;PDF report…</source>
        <translation>Laporan &amp;PDF…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>%1 matching rows</source>
        <translation>%1 baris cocok</translation>
    </message>
    <message>
        <source>%1 rows shown; scroll down for more</source>
        <translation>%1 baris ditampilkan; gulir ke bawah untuk melihat lebih banyak</translation>
    </message>
    <message>
        <source>part of a stored event id (ev_…)</source>
        <translation>bagian dari ID event tersimpan (ev_…)</translation>
    </message>
    <message>
        <source>%1 at %2, desktop user %3</source>
        <translation>%1 di %2, pengguna desktop %3</translation>
    </message>
    <message>
        <source>Cannot verify the audit log: %1</source>
        <translation>Tidak dapat memverifikasi log audit: %1</translation>
    </message>
    <message>
        <source>Check the audit log's hash chains and signed checkpoints: shows any row changed, removed, added or moved</source>
        <translation>Periksa rantai hash dan checkpoint bertanda tangan log audit: menunjukkan baris yang diubah, dihapus, ditambahkan, atau dipindahkan</translation>
    </message>
    <message>
        <source>Verifying the audit log…</source>
        <translation>Memverifikasi log audit…</translation>
    </message>
    <message>
        <source>The audit log has not been verified in this session.</source>
        <translation>Log audit belum diverifikasi dalam sesi ini.</translation>
    </message>
    <message>
        <source>Verif&amp;y log</source>
        <translation>Veri&amp;fikasi log</translation>
    </message>
</context>
<context>
    <name>gerbang::ConnectDialog</name>
    <message>
        <source>&amp;Run the gateway on this computer</source>
        <translation>&amp;Jalankan gateway di komputer ini</translation>
    </message>
    <message>
        <source>&amp;Connect to a running gateway</source>
        <translation>&amp;Hubungkan ke gateway yang sedang berjalan</translation>
    </message>
    <message>
        <source>Keep the token in this computer's &amp;keyring</source>
        <translation>Simpan token di &amp;keyring komputer ini</translation>
    </message>
    <message>
        <source>&amp;Forget the trusted certificate</source>
        <translation>&amp;Lupakan sertifikat yang dipercaya</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Hubungkan</translation>
    </message>
    <message>
        <source>e.g. https://gateway.firm.local:8443</source>
        <translation>mis. https://gateway.firm.local:8443</translation>
    </message>
    <message>
        <source>gbt_… (empty: the one in the keyring)</source>
        <translation>gbt_… (kosong: yang ada di keyring)</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Koneksi baru</translation>
    </message>
    <message>
        <source>&amp;Saved connection:</source>
        <translation>Koneksi &amp;tersimpan:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Alamat:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Sertifikat:</translation>
    </message>
    <message>
        <source>not trusted yet: you are asked to compare it on the first connection</source>
        <translation>belum dipercaya: Anda diminta membandingkannya pada koneksi pertama</translation>
    </message>
    <message>
        <source>Enter the admin API's address, e.g. https://gateway.firm.local:8443.</source>
        <translation>Masukkan alamat API admin, mis. https://gateway.firm.local:8443.</translation>
    </message>
</context>
<context>
    <name>gerbang::Console</name>
    <message>
        <source>The configuration is not loaded.</source>
        <translation>Konfigurasi belum dimuat.</translation>
    </message>
</context>
<context>
    <name>gerbang::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>t/a</translation>
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
        <translation>Permintaan/dtk</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>Latensi p50</translation>
    </message>
    <message>
        <source>Latency p99</source>
        <translation>Latensi p99</translation>
    </message>
    <message>
        <source>Duplicates caught</source>
        <translation>Duplikat tertangkap</translation>
    </message>
    <message>
        <source>Outbox backlog</source>
        <translation>Antrean outbox</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Gagal kirim (dead letter)</translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation>Koneksi terbuka</translation>
    </message>
    <message>
        <source>Signature failures per minute, last 60 minutes</source>
        <translation>Kegagalan tanda tangan per menit, 60 menit terakhir</translation>
    </message>
    <message>
        <source>Requests per second by outcome</source>
        <translation>Permintaan per detik menurut hasil</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latensi (ms)</translation>
    </message>
    <message>
        <source>failures/min</source>
        <translation>gagal/menit</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>permintaan/dtk</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Rate limit: clients answered 429, worst first</source>
        <translation>Batas laju: klien yang dijawab 429, terburuk di atas</translation>
    </message>
    <message>
        <source>No statistics yet: waiting for the gateway.</source>
        <translation>Belum ada statistik: menunggu gateway.</translation>
    </message>
    <message numerus="yes">
        <source>The gateway is not reporting: these figures are %n second(s) old, from %1.</source>
        <translation><numerusform>Gateway tidak melapor: angka ini berumur %n detik, dari pukul %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n gateway(s) up. Figures from their heartbeats (every 5 s); p50 and duplicates are per gateway; the charts show this one.</source>
        <translation><numerusform>%n gateway berjalan. Angka dari heartbeat-nya (setiap 5 dtk); p50 dan duplikat dihitung per gateway; grafik menampilkan gateway ini.</numerusform></translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Tampilkan:</translation>
    </message>
    <message>
        <source>This gateway</source>
        <translation>Gateway ini</translation>
    </message>
    <message>
        <source>The whole fleet</source>
        <translation>Seluruh armada gateway</translation>
    </message>
</context>
<context>
    <name>gerbang::DeadLettersModel</name>
    <message>
        <source>Dead since</source>
        <translation>Gagal sejak</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>ID event</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Kesalahan terakhir</translation>
    </message>
</context>
<context>
    <name>gerbang::DeadLettersPage</name>
    <message>
        <source>Dead letters</source>
        <translation>Gagal kirim (dead letter)</translation>
    </message>
    <message>
        <source>Cannot read the dead letters: %1</source>
        <translation>Daftar dead letter tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Replay dead letters</source>
        <translation>Kirim ulang dead letter</translation>
    </message>
    <message>
        <source>Each is sent to the core again with a fresh attempt count. Fix the cause shown as the last error first, or it may fail again. The replay is recorded in the audit log.</source>
        <translation>Setiap event dikirim lagi ke sistem inti dengan hitungan percobaan dari awal. Perbaiki dulu penyebab yang tertera sebagai kesalahan terakhir, agar tidak gagal lagi. Pengiriman ulang ini dicatat di log audit.</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>&amp;Kirim ulang</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Queue dead letter %1 for delivery again?</source>
        <translation>Masukkan dead letter %1 kembali ke antrean pengiriman?</translation>
    </message>
    <message numerus="yes">
        <source>Queue the %n selected dead letter(s) for delivery again?</source>
        <translation><numerusform>Masukkan %n dead letter yang dipilih kembali ke antrean pengiriman?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Queue all %n dead letter(s) for delivery again?</source>
        <translation><numerusform>Masukkan semua %n dead letter kembali ke antrean pengiriman?</numerusform></translation>
    </message>
    <message>
        <source>Nothing was replayed: %1</source>
        <translation>Tidak ada yang dikirim ulang: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n dead letter(s) queued for delivery again.</source>
        <translation><numerusform>%n dead letter dimasukkan kembali ke antrean pengiriman.</numerusform></translation>
    </message>
    <message>
        <source>The engine is not running: they are delivered once it starts.</source>
        <translation>Mesin tidak berjalan: event tersebut dikirim setelah mesin dimulai.</translation>
    </message>
    <message>
        <source>No sink URL is set (Settings, Delivery and alerts): they stay queued until one is.</source>
        <translation>URL sink belum diatur (Pengaturan, Pengiriman dan peringatan): event tetap di antrean sampai URL sink diisi.</translation>
    </message>
    <message>
        <source>The running engine sends them within a second.</source>
        <translation>Mesin yang berjalan mengirimnya dalam satu detik.</translation>
    </message>
    <message>
        <source>Nothing was replayed.</source>
        <translation>Tidak ada yang dikirim ulang.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected event(s) were no longer dead letters and were left as they are.</source>
        <translation><numerusform>%n event yang dipilih sudah bukan dead letter lagi dan dibiarkan apa adanya.</numerusform></translation>
    </message>
    <message>
        <source>The replay could not be fully recorded in the audit log: %1</source>
        <translation>Pengiriman ulang tidak dapat dicatat sepenuhnya di log audit: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>No dead letters: every accepted event was delivered or is still queued for delivery.</source>
        <translation>Tidak ada dead letter: setiap event yang diterima sudah terkirim atau masih di antrean pengiriman.</translation>
    </message>
    <message>
        <source>Showing the newest %1 of %2 dead letters.</source>
        <translation>Menampilkan %1 dead letter terbaru dari %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n dead letter(s).</source>
        <translation><numerusform>%n dead letter.</numerusform></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Muat &amp;ulang</translation>
    </message>
    <message>
        <source>Replay &amp;selected</source>
        <translation>Kirim ulang yang &amp;dipilih</translation>
    </message>
    <message>
        <source>Queue the selected dead letters for delivery again</source>
        <translation>Masukkan dead letter yang dipilih kembali ke antrean pengiriman</translation>
    </message>
    <message>
        <source>Replay &amp;all</source>
        <translation>Kirim ulang &amp;semua</translation>
    </message>
    <message>
        <source>Queue every dead letter for delivery again</source>
        <translation>Masukkan semua dead letter kembali ke antrean pengiriman</translation>
    </message>
    <message>
        <source>Accepted events the gateway gave up delivering to the core: the core refused them (an HTTP 4xx answer other than 408 or 429), they were still undelivered after the attempt or age limits, or they could not be prepared for sending. Fix the cause shown as the last error, then replay them: each is delivered again with a fresh attempt count.</source>
        <translation>Event yang sudah diterima, tetapi gateway berhenti mencoba mengirimnya ke sistem inti: sistem inti menolaknya (jawaban HTTP 4xx selain 408 atau 429), event belum terkirim setelah batas jumlah percobaan atau batas umur, atau event tidak dapat disiapkan untuk dikirim. Perbaiki penyebab yang tertera sebagai kesalahan terakhir, lalu kirim ulang: setiap event dikirim lagi dengan hitungan percobaan dari awal.</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>ID event</translation>
    </message>
    <message>
        <source>Provider event id</source>
        <translation>ID event penyedia</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Dead since</source>
        <translation>Gagal sejak</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>Last HTTP status</source>
        <translation>Status HTTP terakhir</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>tidak ada jawaban</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Kesalahan terakhir</translation>
    </message>
</context>
<context>
    <name>gerbang::EventsPage</name>
    <message>
        <source>any</source>
        <translation>semua</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Cannot read the events: %1</source>
        <translation>Tidak dapat membaca event: %1</translation>
    </message>
    <message>
        <source>The newest %1 events; narrow the filters to see older ones.</source>
        <translation>%1 event terbaru; persempit filter untuk melihat yang lebih lama.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s).</source>
        <translation><numerusform>%n event.</numerusform></translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>ID event</translation>
    </message>
    <message>
        <source>Provider event id</source>
        <translation>ID event penyedia</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Terjadi</translation>
    </message>
    <message>
        <source>Routed by</source>
        <translation>Dirutekan menurut</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Pengiriman</translation>
    </message>
    <message>
        <source>Payload (this opening is recorded in the audit log)</source>
        <translation>Payload (pembukaan ini dicatat di log audit)</translation>
    </message>
    <message>
        <source>The payload cannot be shown: %1</source>
        <translation>Payload tidak dapat ditampilkan: %1</translation>
    </message>
    <message>
        <source>Replay events</source>
        <translation>Kirim ulang event</translation>
    </message>
    <message numerus="yes">
        <source>Queue the %n selected event(s) for delivery to the core again?</source>
        <translation><numerusform>Masukkan %n event terpilih ke antrean pengiriman ke core lagi?</numerusform></translation>
    </message>
    <message>
        <source>The core receives them once more, as at-least-once delivery allows. The replay is recorded in the audit log.</source>
        <translation>Core menerimanya sekali lagi, sesuai pengiriman at-least-once. Pengiriman ulang dicatat di log audit.</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>&amp;Kirim ulang</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) queued for delivery again.</source>
        <translation><numerusform>%n event dimasukkan kembali ke antrean pengiriman.</numerusform></translation>
    </message>
    <message>
        <source>Nothing was replayed: %1</source>
        <translation>Tidak ada yang dikirim ulang: %1</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Tenant:</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>Pen&amp;yedia:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 jam terakhir</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 hari terakhir</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 hari terakhir</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Semua waktu</translation>
    </message>
    <message>
        <source>any tenant</source>
        <translation>semua tenant</translation>
    </message>
    <message>
        <source>e.g. message.text</source>
        <translation>mis. message.text</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Muat &amp;ulang</translation>
    </message>
    <message>
        <source>&amp;Open payload</source>
        <translation>&amp;Buka payload</translation>
    </message>
    <message>
        <source>Show the event's decrypted payload while it is retained; the opening is recorded in the audit log</source>
        <translation>Tampilkan payload event yang telah didekripsi selama masih disimpan; pembukaan dicatat di log audit</translation>
    </message>
    <message>
        <source>Re&amp;play selected</source>
        <translation>Kirim &amp;ulang yang dipilih</translation>
    </message>
    <message>
        <source>Queue the selected events for delivery to the core again</source>
        <translation>Masukkan event terpilih ke antrean pengiriman ke core lagi</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>gerbang::FirstRunDialog</name>
    <message>
        <source>Back up the master key</source>
        <translation>Cadangkan kunci utama</translation>
    </message>
    <message>
        <source>Choose a data directory.</source>
        <translation>Pilih direktori data.</translation>
    </message>
    <message>
        <source>The tenant id may use lower-case letters, digits, '-' and '_'.</source>
        <translation>ID tenant hanya boleh berisi huruf kecil, angka, '-' dan '_'.</translation>
    </message>
    <message>
        <source>The WABA ID is numeric.</source>
        <translation>ID WABA harus berupa angka.</translation>
    </message>
    <message>
        <source>Give the tenant a display name.</source>
        <translation>Isi nama tampilan tenant.</translation>
    </message>
    <message>
        <source>A new master key was created in %1. Back it up now, somewhere safe and offline: without it the stored payloads and secrets cannot be decrypted.</source>
        <translation>Kunci utama baru dibuat di %1. Cadangkan sekarang di tempat yang aman dan luring: tanpa kunci ini, payload dan rahasia yang tersimpan tidak dapat didekripsi.</translation>
    </message>
    <message>
        <source>The existing master key in %1 is used.</source>
        <translation>Kunci utama yang sudah ada di %1 digunakan.</translation>
    </message>
    <message>
        <source>Welcome to Gerbang</source>
        <translation>Selamat datang di Gerbang</translation>
    </message>
    <message>
        <source>No configuration was found. Choose where Gerbang keeps its data; a master key that encrypts payloads and secrets is created there. The WhatsApp values come from your Meta app (App settings → Basic, and the verify token you enter in the webhook setup). Everything can be changed later.</source>
        <translation>Konfigurasi belum ada. Pilih lokasi penyimpanan data Gerbang; kunci utama untuk mengenkripsi payload dan rahasia akan dibuat di sana. Nilai WhatsApp diambil dari aplikasi Meta Anda (App settings → Basic, dan verify token yang Anda isi saat menyiapkan webhook). Semuanya dapat diubah nanti.</translation>
    </message>
    <message>
        <source>&amp;Data directory:</source>
        <translation>&amp;Direktori data:</translation>
    </message>
    <message>
        <source>&amp;Listen address:</source>
        <translation>&amp;Alamat listen:</translation>
    </message>
    <message>
        <source>WhatsApp &amp;app secret:</source>
        <translation>&amp;App secret WhatsApp:</translation>
    </message>
    <message>
        <source>WhatsApp &amp;verify token:</source>
        <translation>&amp;Verify token WhatsApp:</translation>
    </message>
    <message>
        <source>First tenant &amp;id:</source>
        <translation>ID &amp;tenant pertama:</translation>
    </message>
    <message>
        <source>Tenant &amp;name:</source>
        <translation>&amp;Nama tenant:</translation>
    </message>
    <message>
        <source>Tenant &amp;WABA ID:</source>
        <translation>ID &amp;WABA tenant:</translation>
    </message>
    <message>
        <source>&amp;Connect to a running gateway instead…</source>
        <translation>&amp;Hubungkan ke gateway yang sedang berjalan…</translation>
    </message>
</context>
<context>
    <name>gerbang::GatewaysPage</name>
    <message>
        <source>Gateways</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Cannot read the gateways: %1</source>
        <translation>Tidak dapat membaca daftar gateway: %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versi</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Permintaan/dtk</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Outbox backlog</source>
        <translation>Antrean outbox</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Terakhir terlihat</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Dimulai</translation>
    </message>
    <message>
        <source>Webhook address</source>
        <translation>Alamat webhook</translation>
    </message>
    <message numerus="yes">
        <source>%n gateway(s) on this database; %1 up, %2 requests/s in all, worst p99 %3 ms.</source>
        <translation><numerusform>%n gateway di basis data ini; %1 berjalan, total %2 permintaan/dtk, p99 terburuk %3 ms.</numerusform></translation>
    </message>
</context>
<context>
    <name>gerbang::LocalBackend</name>
    <message>
        <source>this computer</source>
        <translation>komputer ini</translation>
    </message>
    <message>
        <source>the test's plan does not read back</source>
        <translation>rencana uji tidak dapat dibaca kembali</translation>
    </message>
</context>
<context>
    <name>gerbang::MainWindow</name>
    <message>
        <source>The database cannot store requests: %1</source>
        <translation>Basis data tidak dapat menyimpan permintaan: %1</translation>
    </message>
    <message>
        <source>About Gerbang</source>
        <translation>Tentang Gerbang</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gerbang %1&lt;/h3&gt;&lt;p&gt;On-premise webhook gateway: verifies, deduplicates, stores and audits provider webhooks before answering them.&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gerbang %1&lt;/h3&gt;&lt;p&gt;Gateway webhook on-premise: memverifikasi, menyaring duplikat, menyimpan, dan mengaudit webhook penyedia sebelum menjawabnya.&lt;/p&gt;&lt;p&gt;Lisensi: GPL-3.0-or-later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Uptime %1</source>
        <translation>Aktif %1</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 hr %2 j</translation>
    </message>
    <message>
        <source>Engine stopped</source>
        <translation>Mesin berhenti</translation>
    </message>
    <message>
        <source>Engine starting…</source>
        <translation>Mesin sedang dimulai…</translation>
    </message>
    <message>
        <source>Engine running</source>
        <translation>Mesin berjalan</translation>
    </message>
    <message>
        <source>Engine stopping…</source>
        <translation>Mesin sedang dihentikan…</translation>
    </message>
    <message>
        <source>Engine failed</source>
        <translation>Mesin gagal</translation>
    </message>
    <message>
        <source>Gerbang: %1</source>
        <translation>Gerbang: %1</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Mendengarkan di %1</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Tidak mendengarkan</translation>
    </message>
    <message>
        <source>TLS on</source>
        <translation>TLS aktif</translation>
    </message>
    <message>
        <source>TLS off</source>
        <translation>TLS nonaktif</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Basis data: %1</translation>
    </message>
    <message>
        <source>The engine could not start: %1</source>
        <translation>Mesin gagal dimulai: %1</translation>
    </message>
    <message>
        <source>Gerbang alert</source>
        <translation>Peringatan Gerbang</translation>
    </message>
    <message>
        <source>Gerbang keeps running</source>
        <translation>Gerbang tetap berjalan</translation>
    </message>
    <message>
        <source>The gateway still receives webhooks. Use Quit in the tray menu to stop it.</source>
        <translation>Gateway tetap menerima webhook. Pilih Keluar di menu tray untuk menghentikannya.</translation>
    </message>
    <message>
        <source>Gerbang webhook gateway</source>
        <translation>Gerbang — gateway webhook</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Mulai</translation>
    </message>
    <message>
        <source>Start the gateway engine</source>
        <translation>Mulai mesin gateway</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Hentikan</translation>
    </message>
    <message>
        <source>Stop the gateway engine (in-flight requests are finished)</source>
        <translation>Hentikan mesin gateway (permintaan yang sedang diproses diselesaikan dulu)</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>Mulai &amp;ulang</translation>
    </message>
    <message>
        <source>Restart the engine to apply new settings</source>
        <translation>Mulai ulang mesin untuk menerapkan pengaturan baru</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>Show Gerbang</source>
        <translation>Tampilkan Gerbang</translation>
    </message>
    <message>
        <source>&amp;About Gerbang</source>
        <translation>&amp;Tentang Gerbang</translation>
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
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>&amp;Mesin</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>B&amp;ahasa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Mesin</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigasi</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Menghubungkan ke %1…</translation>
    </message>
    <message>
        <source>Attached to %1 (%2)</source>
        <translation>Terhubung ke %1 (%2)</translation>
    </message>
    <message>
        <source>Connection to %1 lost</source>
        <translation>Koneksi ke %1 terputus</translation>
    </message>
    <message>
        <source>Refused by %1</source>
        <translation>Ditolak oleh %1</translation>
    </message>
    <message>
        <source>The connection to %1 is lost (%2). The console reconnects by itself; what it shows is not live until then.</source>
        <translation>Koneksi ke %1 terputus (%2). Konsol menyambung kembali dengan sendirinya; sampai saat itu yang ditampilkan bukan data langsung.</translation>
    </message>
    <message>
        <source>Stop the gateway here?</source>
        <translation>Hentikan gateway di sini?</translation>
    </message>
    <message>
        <source>The gateway running on this computer stops receiving webhooks when the console attaches elsewhere. Continue?</source>
        <translation>Gateway yang berjalan di komputer ini berhenti menerima webhook ketika konsol terhubung ke tempat lain. Lanjutkan?</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Hubungkan…</translation>
    </message>
    <message>
        <source>Run the gateway on this computer, or attach to one running elsewhere</source>
        <translation>Jalankan gateway di komputer ini, atau hubungkan ke gateway yang berjalan di tempat lain</translation>
    </message>
    <message>
        <source>Gerbang: resolved</source>
        <translation>Gerbang: teratasi</translation>
    </message>
</context>
<context>
    <name>gerbang::MessageBar</name>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>gerbang::OffenderModel</name>
    <message>
        <source>%1/s</source>
        <translation>%1/dtk</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>Alamat klien</translation>
    </message>
    <message>
        <source>429 answers</source>
        <translation>Jawaban 429</translation>
    </message>
    <message>
        <source>Current rate</source>
        <translation>Laju saat ini</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Terakhir terlihat</translation>
    </message>
</context>
<context>
    <name>gerbang::RemoteBackend</name>
    <message>
        <source>Refused: the gateway at %1 shows the certificate %2, not the pinned %3. Someone may be intercepting the connection, or the gateway's certificate was replaced: compare with 'gerbangctl admin fingerprint' on the gateway before you trust it.</source>
        <translation>Ditolak: gateway di %1 menunjukkan sertifikat %2, bukan %3 yang disematkan. Mungkin ada yang menyadap koneksi, atau sertifikat gateway telah diganti: bandingkan dengan 'gerbangctl admin fingerprint' di gateway sebelum Anda memercayainya.</translation>
    </message>
    <message>
        <source>The certificate of %1 (%2) is not trusted yet.</source>
        <translation>Sertifikat %1 (%2) belum dipercaya.</translation>
    </message>
    <message>
        <source>token %1</source>
        <translation>token %1</translation>
    </message>
    <message>
        <source>The gateway refused the token: %1</source>
        <translation>Gateway menolak token: %1</translation>
    </message>
    <message>
        <source>the live channel sent something that is not a Gerbang event stream</source>
        <translation>kanal langsung mengirim sesuatu yang bukan aliran event Gerbang</translation>
    </message>
    <message>
        <source>The gateway refused the token.</source>
        <translation>Gateway menolak token.</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>status HTTP %1</translation>
    </message>
    <message>
        <source>the gateway closed the live channel</source>
        <translation>gateway menutup kanal langsung</translation>
    </message>
    <message>
        <source>this token (%1) may not make this change; it needs the %2 role</source>
        <translation>token ini (%1) tidak boleh melakukan perubahan ini; diperlukan peran %2</translation>
    </message>
    <message>
        <source>this token (%1) may not send test events; it needs the %2 role</source>
        <translation>token ini (%1) tidak boleh mengirim event uji; perlu peran %2</translation>
    </message>
    <message>
        <source>the gateway's answer holds no test</source>
        <translation>jawaban gateway tidak memuat uji</translation>
    </message>
    <message>
        <source>the gateway's answer holds no WhatsApp check</source>
        <translation>jawaban gateway tidak berisi pemeriksaan WhatsApp</translation>
    </message>
</context>
<context>
    <name>gerbang::SecretDialog</name>
    <message>
        <source>Enter the secret.</source>
        <translation>Masukkan rahasia.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>Kedua isian tidak sama.</translation>
    </message>
    <message>
        <source>Rotate secret</source>
        <translation>Rotasi rahasia</translation>
    </message>
    <message>
        <source>Set secret</source>
        <translation>Atur rahasia</translation>
    </message>
    <message>
        <source>The new value of '%1' is used from now on; the current value stays accepted until you retire it, so senders can switch over.</source>
        <translation>Nilai baru '%1' dipakai mulai sekarang; nilai lama tetap diterima sampai Anda mempensiunkannya, agar pengirim sempat beralih.</translation>
    </message>
    <message>
        <source>The value of '%1' is stored encrypted with the master key. Afterwards only its fingerprint is shown.</source>
        <translation>Nilai '%1' disimpan terenkripsi dengan kunci utama. Setelah itu hanya sidik jarinya yang ditampilkan.</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Nilai:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Ulangi:</translation>
    </message>
</context>
<context>
    <name>gerbang::Settings</name>
    <message>
        <source>Listen address (host:port)</source>
        <translation>Alamat listen (host:port)</translation>
    </message>
    <message>
        <source>host:port to listen on</source>
        <translation>host:port tempat gateway mendengarkan</translation>
    </message>
    <message>
        <source>Maximum connections</source>
        <translation>Koneksi maksimum</translation>
    </message>
    <message>
        <source>concurrent connection cap</source>
        <translation>batas jumlah koneksi serentak</translation>
    </message>
    <message>
        <source>Header limit (bytes)</source>
        <translation>Batas ukuran header (byte)</translation>
    </message>
    <message>
        <source>request line + headers</source>
        <translation>baris permintaan + header</translation>
    </message>
    <message>
        <source>Body limit (bytes)</source>
        <translation>Batas ukuran body (byte)</translation>
    </message>
    <message>
        <source>body limit (non-WhatsApp)</source>
        <translation>batas ukuran body (selain WhatsApp)</translation>
    </message>
    <message>
        <source>Read timeout (ms)</source>
        <translation>Batas waktu baca (ms)</translation>
    </message>
    <message>
        <source>head/body read timeout</source>
        <translation>batas waktu membaca head/body permintaan</translation>
    </message>
    <message>
        <source>Idle timeout (ms)</source>
        <translation>Batas waktu idle (ms)</translation>
    </message>
    <message>
        <source>keep-alive idle timeout</source>
        <translation>batas waktu koneksi keep-alive yang menganggur</translation>
    </message>
    <message>
        <source>First byte timeout (ms)</source>
        <translation>Batas waktu byte pertama (ms)</translation>
    </message>
    <message>
        <source>a new connection's deadline for its TLS handshake and first request byte</source>
        <translation>tenggat koneksi baru untuk handshake TLS dan byte pertama permintaannya</translation>
    </message>
    <message>
        <source>Connections per address (0 = no cap)</source>
        <translation>Koneksi per alamat (0 = tanpa batas)</translation>
    </message>
    <message>
        <source>connections from one client (IPv4 address, IPv6 /64; trusted proxies exempt), 0 = no cap</source>
        <translation>koneksi dari satu klien (alamat IPv4, IPv6 /64; proxy tepercaya dikecualikan), 0 = tanpa batas</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>Sertifikat TLS (PEM)</translation>
    </message>
    <message>
        <source>PEM certificate (chain) file; with tls/private_key the listener speaks HTTPS only</source>
        <translation>berkas sertifikat PEM (beserta rantainya); bersama tls/private_key, listener hanya melayani HTTPS</translation>
    </message>
    <message>
        <source>TLS private key (PEM)</source>
        <translation>Kunci privat TLS (PEM)</translation>
    </message>
    <message>
        <source>PEM private key file (RSA or EC, unencrypted, mode 0600)</source>
        <translation>berkas kunci privat PEM (RSA atau EC, tidak terenkripsi, mode 0600)</translation>
    </message>
    <message>
        <source>Client CA bundle (PEM)</source>
        <translation>Bundel CA klien (PEM)</translation>
    </message>
    <message>
        <source>PEM CA bundle; when set, clients must present a certificate it issued (mutual TLS)</source>
        <translation>bundel CA PEM; jika diisi, klien wajib menunjukkan sertifikat yang diterbitkan CA ini (mutual TLS)</translation>
    </message>
    <message>
        <source>Required client certificate CN</source>
        <translation>CN sertifikat klien yang diwajibkan</translation>
    </message>
    <message>
        <source>required subject CN of client certificates (mutual TLS; empty: any)</source>
        <translation>CN subjek yang diwajibkan pada sertifikat klien (mutual TLS; kosong: bebas)</translation>
    </message>
    <message>
        <source>Routes that need a client certificate</source>
        <translation>Rute yang mewajibkan sertifikat klien</translation>
    </message>
    <message>
        <source>sources whose routes need a client certificate (whatsapp, whatsapp:APP, a source name; comma or space separated); empty or *: every route, checked at the handshake</source>
        <translation>sumber yang rutenya mewajibkan sertifikat klien (whatsapp, whatsapp:APP, nama sumber; dipisahkan koma atau spasi); kosong atau *: semua rute, diperiksa saat handshake</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Direktori data</translation>
    </message>
    <message>
        <source>database, key file (default: per-user data dir)</source>
        <translation>basis data dan berkas kunci (bawaan: direktori data milik pengguna)</translation>
    </message>
    <message>
        <source>PostgreSQL URL (empty = SQLite)</source>
        <translation>URL PostgreSQL (kosong = SQLite)</translation>
    </message>
    <message>
        <source>postgresql://… (empty: SQLite in the data dir)</source>
        <translation>postgresql://… (kosong: SQLite di direktori data)</translation>
    </message>
    <message>
        <source>Database lock timeout (ms)</source>
        <translation>Batas waktu tunggu lock basis data (ms)</translation>
    </message>
    <message>
        <source>how long a commit waits for a locked database before answering 503</source>
        <translation>berapa lama commit menunggu basis data yang terkunci sebelum menjawab 503</translation>
    </message>
    <message>
        <source>Maximum pending requests</source>
        <translation>Permintaan tertunda maksimum</translation>
    </message>
    <message>
        <source>requests waiting for commit before new ones get 503</source>
        <translation>jumlah permintaan yang menunggu commit sebelum permintaan baru dijawab 503</translation>
    </message>
    <message>
        <source>Master key (base64)</source>
        <translation>Kunci utama (base64)</translation>
    </message>
    <message>
        <source>base64 of 32 bytes (default: key file in the data dir)</source>
        <translation>base64 dari 32 byte (bawaan: berkas kunci di direktori data)</translation>
    </message>
    <message>
        <source>WhatsApp app secret</source>
        <translation>App secret WhatsApp</translation>
    </message>
    <message>
        <source>Meta app secret (X-Hub-Signature-256)</source>
        <translation>app secret Meta (X-Hub-Signature-256)</translation>
    </message>
    <message>
        <source>Previous WhatsApp app secret</source>
        <translation>App secret WhatsApp sebelumnya</translation>
    </message>
    <message>
        <source>old app secret still accepted during a rotation</source>
        <translation>app secret lama yang masih diterima selama rotasi</translation>
    </message>
    <message>
        <source>WhatsApp verify token</source>
        <translation>Verify token WhatsApp</translation>
    </message>
    <message>
        <source>token for Meta's subscription check</source>
        <translation>token untuk pemeriksaan langganan webhook dari Meta</translation>
    </message>
    <message>
        <source>WhatsApp body limit (bytes)</source>
        <translation>Batas ukuran body WhatsApp (byte)</translation>
    </message>
    <message>
        <source>body limit on WhatsApp routes (Meta sends up to 3 MB)</source>
        <translation>batas ukuran body di rute WhatsApp (Meta mengirim hingga 3 MB)</translation>
    </message>
    <message>
        <source>Dedup window (hours)</source>
        <translation>Jendela dedup (jam)</translation>
    </message>
    <message>
        <source>how long a provider event id is remembered</source>
        <translation>berapa lama ID event dari penyedia diingat</translation>
    </message>
    <message>
        <source>Global rate (requests/s, 0 = unlimited)</source>
        <translation>Laju global (permintaan/dtk, 0 = tanpa batas)</translation>
    </message>
    <message>
        <source>requests per second, all clients (0 = unlimited)</source>
        <translation>permintaan per detik dari semua klien (0 = tanpa batas)</translation>
    </message>
    <message>
        <source>Per-address rate (requests/s, 0 = unlimited)</source>
        <translation>Laju per alamat (permintaan/dtk, 0 = tanpa batas)</translation>
    </message>
    <message>
        <source>requests per second per client address (0 = unlimited)</source>
        <translation>permintaan per detik per alamat klien (0 = tanpa batas)</translation>
    </message>
    <message>
        <source>Global burst (0 = same as the rate)</source>
        <translation>Burst global (0 = sama dengan laju)</translation>
    </message>
    <message>
        <source>burst of the global limit (0 = equal to the rate)</source>
        <translation>burst untuk batas global (0 = sama dengan laju)</translation>
    </message>
    <message>
        <source>Repeat-offender strikes (0 = off)</source>
        <translation>Pelanggaran sebelum klien ditolak (0 = nonaktif)</translation>
    </message>
    <message>
        <source>failed requests (4xx) within a minute after which a client is refused for limits/offender_penalty_s; 0 = off</source>
        <translation>jumlah permintaan gagal (4xx) dalam satu menit yang membuat klien ditolak selama limits/offender_penalty_s; 0 = nonaktif</translation>
    </message>
    <message>
        <source>Repeat-offender penalty (seconds)</source>
        <translation>Lama penolakan pelanggar berulang (detik)</translation>
    </message>
    <message>
        <source>how long a repeat offender is refused (429)</source>
        <translation>berapa lama pelanggar berulang ditolak (429)</translation>
    </message>
    <message>
        <source>Per-address burst (0 = same as the rate)</source>
        <translation>Burst per alamat (0 = sama dengan laju)</translation>
    </message>
    <message>
        <source>burst of the per-address limit (0 = equal to the rate)</source>
        <translation>burst untuk batas per alamat (0 = sama dengan laju)</translation>
    </message>
    <message>
        <source>Trusted proxies (CIDR)</source>
        <translation>Proxy tepercaya (CIDR)</translation>
    </message>
    <message>
        <source>proxies whose X-Forwarded-For is believed (CIDR list)</source>
        <translation>proxy yang header X-Forwarded-For-nya dipercaya (daftar CIDR)</translation>
    </message>
    <message>
        <source>Allowed networks (CIDR, empty = all)</source>
        <translation>Jaringan yang diizinkan (CIDR, kosong = semua)</translation>
    </message>
    <message>
        <source>only these client networks may connect (CIDR list; empty = all)</source>
        <translation>hanya jaringan klien ini yang boleh terhubung (daftar CIDR; kosong = semua)</translation>
    </message>
    <message>
        <source>Allowlist file</source>
        <translation>Berkas allowlist</translation>
    </message>
    <message>
        <source>file with one network per line, '#' comments (added to edge/allowlist)</source>
        <translation>berkas berisi satu jaringan per baris, komentar diawali '#' (ditambahkan ke edge/allowlist)</translation>
    </message>
    <message>
        <source>Signature failures before an alert</source>
        <translation>Kegagalan tanda tangan sebelum peringatan</translation>
    </message>
    <message>
        <source>signature failures of one source within the window that raise an alert</source>
        <translation>jumlah kegagalan tanda tangan satu sumber dalam jendela waktu yang memicu peringatan</translation>
    </message>
    <message>
        <source>Alert window (seconds)</source>
        <translation>Jendela waktu peringatan (detik)</translation>
    </message>
    <message>
        <source>sliding window for signature failures</source>
        <translation>jendela waktu bergeser untuk menghitung kegagalan tanda tangan</translation>
    </message>
    <message>
        <source>Alert cooldown (seconds)</source>
        <translation>Jeda antarperingatan (detik)</translation>
    </message>
    <message>
        <source>quiet time after an alert before the same source alerts again</source>
        <translation>jeda setelah peringatan sebelum sumber yang sama dapat memicu peringatan lagi</translation>
    </message>
    <message>
        <source>Alert URL</source>
        <translation>URL peringatan</translation>
    </message>
    <message>
        <source>where alerts are POSTed (signed like deliveries); empty: log, audit and console only</source>
        <translation>tujuan POST peringatan (ditandatangani seperti pengiriman event); kosong: hanya log, audit, dan konsol</translation>
    </message>
    <message>
        <source>Alert secret (whsec_…)</source>
        <translation>Rahasia peringatan (whsec_…)</translation>
    </message>
    <message>
        <source>whsec_… secret that signs alert POSTs (Standard Webhooks)</source>
        <translation>rahasia whsec_… untuk menandatangani POST peringatan (Standard Webhooks)</translation>
    </message>
    <message>
        <source>Metrics token</source>
        <translation>Token metrik</translation>
    </message>
    <message>
        <source>bearer token required by /metrics (empty: none; restrict with the allowlist)</source>
        <translation>bearer token yang diwajibkan /metrics (kosong: tanpa token; batasi aksesnya dengan allowlist)</translation>
    </message>
    <message>
        <source>Raw payloads kept (days)</source>
        <translation>Payload mentah disimpan (hari)</translation>
    </message>
    <message>
        <source>days raw payloads are kept</source>
        <translation>jumlah hari payload mentah disimpan</translation>
    </message>
    <message>
        <source>Audit rows kept (days)</source>
        <translation>Baris audit disimpan (hari)</translation>
    </message>
    <message>
        <source>days audit rows are kept</source>
        <translation>jumlah hari baris audit disimpan</translation>
    </message>
    <message>
        <source>Delivered events kept (days)</source>
        <translation>Event terkirim disimpan (hari)</translation>
    </message>
    <message>
        <source>days delivered events (ids, outbox rows) are kept after delivery</source>
        <translation>jumlah hari event terkirim (ID, baris outbox) disimpan setelah terkirim</translation>
    </message>
    <message>
        <source>Purge every (minutes)</source>
        <translation>Bersihkan setiap (menit)</translation>
    </message>
    <message>
        <source>how often the retention job runs (once per interval across gateways)</source>
        <translation>seberapa sering tugas retensi berjalan (sekali per interval untuk semua gateway)</translation>
    </message>
    <message>
        <source>Sink URL</source>
        <translation>URL sink</translation>
    </message>
    <message>
        <source>the core's HTTP endpoint normalized events are POSTed to (empty: keep them queued)</source>
        <translation>endpoint HTTP sistem inti yang menerima POST event ternormalisasi (kosong: event tetap di antrean)</translation>
    </message>
    <message>
        <source>Sink secret (whsec_…)</source>
        <translation>Rahasia sink (whsec_…)</translation>
    </message>
    <message>
        <source>whsec_… secret that signs deliveries (Standard Webhooks)</source>
        <translation>rahasia whsec_… untuk menandatangani pengiriman (Standard Webhooks)</translation>
    </message>
    <message>
        <source>Sink content (full or refs)</source>
        <translation>Isi sink (full atau refs)</translation>
    </message>
    <message>
        <source>full: the provider's original object travels with the event; refs: references only (the core fetches content from /internal/events/ID)</source>
        <translation>full: objek asli dari penyedia ikut dikirim bersama event; refs: hanya referensi (sistem inti mengambil isinya dari /internal/events/ID)</translation>
    </message>
    <message>
        <source>Delivery timeout (ms)</source>
        <translation>Batas waktu pengiriman (ms)</translation>
    </message>
    <message>
        <source>one delivery attempt's time limit</source>
        <translation>batas waktu satu percobaan pengiriman</translation>
    </message>
    <message>
        <source>Parallel deliveries</source>
        <translation>Pengiriman paralel</translation>
    </message>
    <message>
        <source>deliveries in flight at once</source>
        <translation>jumlah pengiriman yang berjalan bersamaan</translation>
    </message>
    <message>
        <source>First retry delay (ms)</source>
        <translation>Jeda percobaan ulang pertama (ms)</translation>
    </message>
    <message>
        <source>first retry delay (doubles)</source>
        <translation>jeda sebelum percobaan ulang pertama (lalu berlipat dua)</translation>
    </message>
    <message>
        <source>Longest retry delay (ms)</source>
        <translation>Jeda percobaan ulang terlama (ms)</translation>
    </message>
    <message>
        <source>longest retry delay</source>
        <translation>jeda terlama antarpercobaan ulang</translation>
    </message>
    <message>
        <source>Maximum delivery attempts</source>
        <translation>Percobaan pengiriman maksimum</translation>
    </message>
    <message>
        <source>attempts before an event becomes a dead letter</source>
        <translation>jumlah percobaan sebelum event menjadi dead letter</translation>
    </message>
    <message>
        <source>Delivery deadline (hours)</source>
        <translation>Batas umur pengiriman (jam)</translation>
    </message>
    <message>
        <source>age after which an undelivered event becomes a dead letter</source>
        <translation>umur event yang belum terkirim sebelum menjadi dead letter</translation>
    </message>
    <message>
        <source>Internal API token</source>
        <translation>Token API internal</translation>
    </message>
    <message>
        <source>bearer token for GET /internal/events/ID (empty: the route is off)</source>
        <translation>bearer token untuk GET /internal/events/ID (kosong: rute ini nonaktif)</translation>
    </message>
    <message>
        <source>Log format (text or json)</source>
        <translation>Format log (text atau json)</translation>
    </message>
    <message>
        <source>text or json</source>
        <translation>text atau json</translation>
    </message>
    <message>
        <source>Admin API address (host:port)</source>
        <translation>Alamat API admin (host:port)</translation>
    </message>
    <message>
        <source>host:port of the admin API, never the webhook port (empty: off); a non-loopback address speaks HTTPS only</source>
        <translation>host:port API admin, tidak pernah port webhook (kosong: mati); alamat selain loopback hanya melayani HTTPS</translation>
    </message>
    <message>
        <source>Admin API certificate (PEM)</source>
        <translation>Sertifikat API admin (PEM)</translation>
    </message>
    <message>
        <source>PEM certificate (chain) of the admin API; empty: on a non-loopback address, a self-signed one made in the data directory (gerbangctl admin fingerprint)</source>
        <translation>sertifikat PEM (rantai) API admin; kosong: pada alamat selain loopback, sertifikat self-signed dibuat di direktori data (gerbangctl admin fingerprint)</translation>
    </message>
    <message>
        <source>Admin API private key (PEM)</source>
        <translation>Kunci privat API admin (PEM)</translation>
    </message>
    <message>
        <source>PEM private key of the admin certificate (unencrypted, mode 0600)</source>
        <translation>kunci privat PEM untuk sertifikat admin (tidak terenkripsi, mode 0600)</translation>
    </message>
    <message>
        <source>Admin client CA bundle (PEM)</source>
        <translation>Bundel CA klien admin (PEM)</translation>
    </message>
    <message>
        <source>PEM CA bundle; when set, admin clients must also present a certificate it issued (mutual TLS)</source>
        <translation>bundel CA PEM; jika diisi, klien admin juga wajib menunjukkan sertifikat yang diterbitkan CA ini (mutual TLS)</translation>
    </message>
    <message>
        <source>Audit checkpoint interval (minutes)</source>
        <translation>Interval checkpoint audit (menit)</translation>
    </message>
    <message>
        <source>minutes between signed checkpoints of the audit log's chain (and one at every stop)</source>
        <translation>menit antara checkpoint bertanda tangan dari rantai log audit (dan satu setiap kali berhenti)</translation>
    </message>
    <message>
        <source>Alert check interval (seconds)</source>
        <translation>Interval pemeriksaan peringatan (detik)</translation>
    </message>
    <message>
        <source>how often the quiet failures are looked for (silence, delivery, certificates, storage)</source>
        <translation>seberapa sering kegagalan senyap dicari (sumber senyap, pengiriman, sertifikat, penyimpanan)</translation>
    </message>
    <message>
        <source>Alert reminder (minutes)</source>
        <translation>Pengingat peringatan (menit)</translation>
    </message>
    <message>
        <source>while a condition lasts, its alert is raised again after this long (0: only once)</source>
        <translation>selama kondisi berlangsung, peringatannya dinaikkan lagi setelah selama ini (0: hanya sekali)</translation>
    </message>
    <message>
        <source>Shortest silence alerted (minutes)</source>
        <translation>Senyap terpendek yang diperingatkan (menit)</translation>
    </message>
    <message>
        <source>a source that usually sends is reported silent after at least this long without a request (0: no silence alerts)</source>
        <translation>sumber yang biasanya mengirim dilaporkan senyap setelah paling sedikit selama ini tanpa permintaan (0: tanpa peringatan senyap)</translation>
    </message>
    <message>
        <source>Silence factor</source>
        <translation>Faktor senyap</translation>
    </message>
    <message>
        <source>a source is silent after this many times its usual longest gap at that hour of the week, learned from its traffic</source>
        <translation>sumber dianggap senyap setelah sekian kali jeda terpanjang biasanya pada jam itu dalam seminggu, dipelajari dari lalu lintasnya</translation>
    </message>
    <message>
        <source>Fixed silence thresholds</source>
        <translation>Ambang senyap tetap</translation>
    </message>
    <message>
        <source>per source instead of learning, e.g. 'whatsapp=2h, stripe-firm-a=1d' (0 turns a source's alert off)</source>
        <translation>per sumber, bukan dipelajari, mis. 'whatsapp=2h, stripe-firm-a=1d' (0 mematikan peringatan sumber itu)</translation>
    </message>
    <message>
        <source>Undelivered event age (minutes)</source>
        <translation>Umur event yang belum terkirim (menit)</translation>
    </message>
    <message>
        <source>alert when the oldest event not yet delivered to the core is older (0: off)</source>
        <translation>peringatkan bila event tertua yang belum terkirim ke sistem inti lebih tua (0: mati)</translation>
    </message>
    <message>
        <source>Dead letters before an alert</source>
        <translation>Dead letter sebelum peringatan</translation>
    </message>
    <message>
        <source>alert when this many dead letters wait, and again when more arrive (0: off)</source>
        <translation>peringatkan bila sebanyak ini dead letter menunggu, dan lagi bila bertambah (0: mati)</translation>
    </message>
    <message>
        <source>Certificate warning (days)</source>
        <translation>Peringatan sertifikat (hari)</translation>
    </message>
    <message>
        <source>alert this many days before a TLS certificate expires, and again at 3 days (0: off)</source>
        <translation>peringatkan sekian hari sebelum sertifikat TLS kedaluwarsa, dan lagi pada 3 hari (0: mati)</translation>
    </message>
    <message>
        <source>Free disk space (MB)</source>
        <translation>Ruang disk kosong (MB)</translation>
    </message>
    <message>
        <source>alert when less is free for the data directory (0: off)</source>
        <translation>peringatkan bila ruang kosong untuk direktori data lebih sedikit (0: mati)</translation>
    </message>
    <message>
        <source>Database failing (seconds)</source>
        <translation>Database gagal (detik)</translation>
    </message>
    <message>
        <source>alert when the database has been unreachable or refusing writes for this long (0: off)</source>
        <translation>peringatkan bila database tidak dapat dijangkau atau menolak penulisan selama ini (0: mati)</translation>
    </message>
    <message>
        <source>Failed retention runs before an alert</source>
        <translation>Retensi gagal berturut-turut sebelum peringatan</translation>
    </message>
    <message>
        <source>consecutive failed runs of the retention job that raise an alert (0: off)</source>
        <translation>jumlah kegagalan tugas retensi berturut-turut yang memicu peringatan (0: mati)</translation>
    </message>
</context>
<context>
    <name>gerbang::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Set by the environment variable %1; change it there.</source>
        <translation>Diatur oleh variabel lingkungan %1; ubah di sana.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Tidak ada yang berubah.</translation>
    </message>
    <message>
        <source>Not saved:
%1</source>
        <translation>Tidak disimpan:
%1</translation>
    </message>
    <message>
        <source>Saved to %1. These changes take effect when the engine restarts: %2.</source>
        <translation>Disimpan ke %1. Perubahan ini berlaku setelah mesin dimulai ulang: %2.</translation>
    </message>
    <message>
        <source>Last purge: %1 · next purge: %2</source>
        <translation>Pembersihan terakhir: %1 · pembersihan berikutnya: %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>not scheduled by this engine</source>
        <translation>tidak dijadwalkan oleh mesin ini</translation>
    </message>
    <message>
        <source>Network and TLS</source>
        <translation>Jaringan dan TLS</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Batas</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Akses</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retensi</translation>
    </message>
    <message>
        <source>Delivery and alerts</source>
        <translation>Pengiriman dan peringatan</translation>
    </message>
    <message>
        <source>Storage and language</source>
        <translation>Penyimpanan dan bahasa</translation>
    </message>
    <message>
        <source>Configuration file: %1 (shared with gerbangd and gerbangctl)</source>
        <translation>Berkas konfigurasi: %1 (dipakai bersama gerbangd dan gerbangctl)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Batalkan perubahan</translation>
    </message>
    <message>
        <source>Restart &amp;engine now</source>
        <translation>Mulai ulang &amp;mesin sekarang</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>belum diatur</translation>
    </message>
    <message>
        <source>SQLite in the data directory</source>
        <translation>SQLite di direktori data</translation>
    </message>
    <message>
        <source>Purge started: data older than the retention periods is being deleted.</source>
        <translation>Pembersihan dimulai: data yang melewati masa retensi sedang dihapus.</translation>
    </message>
    <message>
        <source>&amp;Purge now</source>
        <translation>&amp;Bersihkan sekarang</translation>
    </message>
    <message>
        <source>Delete now what is older than the retention periods</source>
        <translation>Hapus sekarang data yang melewati masa retensi</translation>
    </message>
    <message>
        <source>Saved to %1 and applied to the running engine: %2.</source>
        <translation>Disimpan ke %1 dan langsung diterapkan pada mesin yang sedang berjalan: %2.</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>a field's label</comment>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>A whole number from %1 to %2; default %3.</source>
        <translation>Bilangan bulat dari %1 sampai %2; bawaan %3.</translation>
    </message>
    <message>
        <source>Cannot read the settings: %1</source>
        <translation>Tidak dapat membaca pengaturan: %1</translation>
    </message>
    <message>
        <source>Saved to %1: %2.</source>
        <translation>Disimpan ke %1: %2.</translation>
    </message>
    <message>
        <source>On the gateway's server, run: sudo systemctl restart gerbangd</source>
        <translation>Di server gateway, jalankan: sudo systemctl restart gerbangd</translation>
    </message>
    <message>
        <source>Not purged: %1</source>
        <translation>Tidak dibersihkan: %1</translation>
    </message>
    <message>
        <source>Purged: %1 raw payloads, %2 audit rows, %3 delivered events.</source>
        <translation>Dibersihkan: %1 payload mentah, %2 baris audit, %3 event terkirim.</translation>
    </message>
    <message>
        <source>Set on the gateway's command line; change it there.</source>
        <translation>Diatur di baris perintah gateway; ubah di sana.</translation>
    </message>
    <message>
        <source>Set; the value is never shown. Type a new one to replace it.</source>
        <translation>Sudah diatur; nilainya tidak pernah ditampilkan. Ketik nilai baru untuk menggantinya.</translation>
    </message>
    <message>
        <source>This gateway runs without a configuration file: its settings come from the environment and the command line.</source>
        <translation>Gateway ini berjalan tanpa berkas konfigurasi: pengaturannya berasal dari environment dan baris perintah.</translation>
    </message>
    <message>
        <source>Saved, waiting for a restart: %1.</source>
        <translation>Tersimpan, menunggu restart: %1.</translation>
    </message>
    <message>
        <source>set (type to replace)</source>
        <translation>sudah diatur (ketik untuk mengganti)</translation>
    </message>
</context>
<context>
    <name>gerbang::SourceDialog</name>
    <message>
        <source>Route: POST /webhooks/%1/%2</source>
        <translation>Rute: POST /webhooks/%1/%2</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Tambah sumber</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Penyedia:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Tenant:</translation>
    </message>
    <message>
        <source>Timestamp &amp;tolerance:</source>
        <translation>&amp;Toleransi stempel waktu:</translation>
    </message>
    <message>
        <source>&amp;Dedup field:</source>
        <translation>Kolom &amp;dedup:</translation>
    </message>
    <message>
        <source>default (300 s)</source>
        <translation>bawaan (300 dtk)</translation>
    </message>
    <message>
        <source>JSON pointer, e.g. /id (default: body hash)</source>
        <translation>JSON pointer, mis. /id (bawaan: hash body)</translation>
    </message>
    <message>
        <source>lower-case letters, digits, '-' or '_'</source>
        <translation>huruf kecil, angka, '-' atau '_'</translation>
    </message>
</context>
<context>
    <name>gerbang::SourceTestDialog</name>
    <message>
        <source>Test event: %1</source>
        <translation>Event uji: %1</translation>
    </message>
    <message>
        <source>Sending a signed test event through the gateway's public route…</source>
        <translation>Mengirim event uji bertanda tangan melalui rute publik gateway…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Langkah</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Artinya</translation>
    </message>
    <message>
        <source>No test was sent: %1</source>
        <translation>Tidak ada uji yang dikirim: %1</translation>
    </message>
    <message>
        <source>Following test %1 through the gateway…</source>
        <translation>Mengikuti uji %1 melalui gateway…</translation>
    </message>
    <message>
        <source>The test failed at "%1": see what it means below.</source>
        <translation>Uji gagal pada "%1": lihat artinya di bawah.</translation>
    </message>
    <message>
        <source>The source works: test %1 went through every step.</source>
        <translation>Sumber berfungsi: uji %1 melewati setiap langkah.</translation>
    </message>
</context>
<context>
    <name>gerbang::SourcesPage</name>
    <message>
        <source>Remove source</source>
        <translation>Hapus sumber</translation>
    </message>
    <message>
        <source>Remove source '%1'? Its route stops accepting webhooks at once.</source>
        <translation>Hapus sumber '%1'? Rutenya langsung berhenti menerima webhook.</translation>
    </message>
    <message>
        <source>Sources &amp; secrets</source>
        <translation>Sumber &amp; rahasia</translation>
    </message>
    <message>
        <source>Cannot read the sources: %1</source>
        <translation>Sumber tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>set</source>
        <translation>sudah diatur</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>previous</source>
        <translation>sebelumnya</translation>
    </message>
    <message>
        <source>Source not added: %1</source>
        <translation>Sumber tidak ditambahkan: %1</translation>
    </message>
    <message>
        <source>Source '%1' added. Set its secret next.</source>
        <translation>Sumber '%1' ditambahkan. Selanjutnya atur rahasianya.</translation>
    </message>
    <message>
        <source>Source not removed: %1</source>
        <translation>Sumber tidak dihapus: %1</translation>
    </message>
    <message>
        <source>Source '%1' removed.</source>
        <translation>Sumber '%1' dihapus.</translation>
    </message>
    <message>
        <source>Rotate secret</source>
        <translation>Rotasi rahasia</translation>
    </message>
    <message>
        <source>Set secret</source>
        <translation>Atur rahasia</translation>
    </message>
    <message>
        <source>Secret name (a source, whatsapp, whatsapp:APP or whatsapp-verify-token):</source>
        <translation>Nama rahasia (nama sumber, whatsapp, whatsapp:APP, atau whatsapp-verify-token):</translation>
    </message>
    <message>
        <source>'%1' is not a valid secret name.</source>
        <translation>'%1' bukan nama rahasia yang valid.</translation>
    </message>
    <message>
        <source>Secret not stored: %1</source>
        <translation>Rahasia tidak disimpan: %1</translation>
    </message>
    <message>
        <source>Secret '%1' rotated (fingerprint %2). The previous value stays accepted until you retire it.</source>
        <translation>Rahasia '%1' dirotasi (sidik jari %2). Nilai sebelumnya tetap diterima sampai Anda mempensiunkannya.</translation>
    </message>
    <message>
        <source>Secret '%1' set (fingerprint %2).</source>
        <translation>Rahasia '%1' diatur (sidik jari %2).</translation>
    </message>
    <message>
        <source>Previous value not retired: %1</source>
        <translation>Nilai sebelumnya tidak dipensiunkan: %1</translation>
    </message>
    <message>
        <source>The previous value of '%1' is no longer accepted.</source>
        <translation>Nilai sebelumnya dari '%1' tidak diterima lagi.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Rahasia</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Rute</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Rahasia</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Sidik jari</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Retires</source>
        <translation>Pensiun</translation>
    </message>
    <message>
        <source>&amp;Add source…</source>
        <translation>&amp;Tambah sumber…</translation>
    </message>
    <message>
        <source>&amp;Remove source</source>
        <translation>&amp;Hapus sumber</translation>
    </message>
    <message>
        <source>&amp;Set secret…</source>
        <translation>&amp;Atur rahasia…</translation>
    </message>
    <message>
        <source>R&amp;otate secret…</source>
        <translation>&amp;Rotasi rahasia…</translation>
    </message>
    <message>
        <source>Re&amp;tire previous</source>
        <translation>&amp;Pensiunkan yang lama</translation>
    </message>
    <message>
        <source>Values are stored encrypted with the master key and never shown again: compare fingerprints with the sender instead.</source>
        <translation>Nilai disimpan terenkripsi dengan kunci utama dan tidak pernah ditampilkan lagi: cocokkan sidik jarinya dengan pengirim.</translation>
    </message>
    <message>
        <source>not shown to this role</source>
        <translation>tidak ditampilkan untuk peran ini</translation>
    </message>
    <message>
        <source>any address</source>
        <translation>alamat mana pun</translation>
    </message>
    <message>
        <source>Every source accepts any client address (no allowlist).</source>
        <translation>Setiap sumber menerima alamat klien mana pun (tanpa daftar izin).</translation>
    </message>
    <message>
        <source>Every source accepts only: %1</source>
        <translation>Setiap sumber hanya menerima: %1</translation>
    </message>
    <message>
        <source>Allowlist</source>
        <translation>Daftar izin</translation>
    </message>
    <message>
        <source>Client networks every source accepts, one per line (e.g. 203.0.113.0/24); empty: any address.</source>
        <translation>Jaringan klien yang diterima setiap sumber, satu per baris (mis. 203.0.113.0/24); kosong: alamat mana pun.</translation>
    </message>
    <message>
        <source>Client networks source '%1' accepts, one per line (e.g. 203.0.113.0/24); empty: any address.</source>
        <translation>Jaringan klien yang diterima sumber '%1', satu per baris (mis. 203.0.113.0/24); kosong: alamat mana pun.</translation>
    </message>
    <message>
        <source>Allowlist not changed: %1</source>
        <translation>Daftar izin tidak diubah: %1</translation>
    </message>
    <message>
        <source>Allowlist of '%1' lifted: any address.</source>
        <translation>Daftar izin '%1' dicabut: alamat mana pun.</translation>
    </message>
    <message>
        <source>Allowlist of '%1' set: %2.</source>
        <translation>Daftar izin '%1' diatur: %2.</translation>
    </message>
    <message>
        <source>A&amp;llowlist…</source>
        <translation>Daftar &amp;izin…</translation>
    </message>
    <message>
        <source>The client networks the selected source accepts (with none selected: every source)</source>
        <translation>Jaringan klien yang diterima sumber terpilih (tanpa pilihan: setiap sumber)</translation>
    </message>
    <message>
        <source>Send &amp;test event</source>
        <translation>Kirim event &amp;uji</translation>
    </message>
    <message>
        <source>Send a correctly signed sample event of the selected source through the gateway's public route and follow it to the core (marked as a test, never counted as a client's message)</source>
        <translation>Kirim contoh event bertanda tangan benar dari sumber terpilih melalui rute publik gateway dan ikuti sampai sistem inti (ditandai sebagai uji, tidak pernah dihitung sebagai pesan klien)</translation>
    </message>
    <message>
        <source>Test &amp;WhatsApp</source>
        <translation>Uji &amp;WhatsApp</translation>
    </message>
    <message>
        <source>The same for WhatsApp: a signed sample message to the first tenant's WABA, with the app secret</source>
        <translation>Sama untuk WhatsApp: contoh pesan bertanda tangan ke WABA tenant pertama, dengan app secret</translation>
    </message>
    <message>
        <source>&amp;Check WhatsApp setup</source>
        <translation>&amp;Periksa penyiapan WhatsApp</translation>
    </message>
    <message>
        <source>Check what can be checked without the internet: the app secret and verify token, a tenant for every WABA that called, the route answering Meta's verification, and TLS</source>
        <translation>Periksa apa yang bisa diperiksa tanpa internet: app secret dan verify token, tenant untuk setiap WABA yang memanggil, rute yang menjawab verifikasi Meta, dan TLS</translation>
    </message>
</context>
<context>
    <name>gerbang::TenantsPage</name>
    <message>
        <source>Tenants</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Cannot read the tenants: %1</source>
        <translation>Daftar tenant tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Perubahan belum disimpan</translation>
    </message>
    <message>
        <source>The tenant you were editing has unsaved changes. Discard them?</source>
        <translation>Tenant yang sedang Anda ubah punya perubahan yang belum disimpan. Buang perubahan itu?</translation>
    </message>
    <message>
        <source>Enter a tenant id.</source>
        <translation>Isi ID tenant.</translation>
    </message>
    <message>
        <source>Use 1–63 lower-case letters, digits, '-' or '_', starting with a letter or digit.</source>
        <translation>Gunakan 1–63 huruf kecil, angka, '-' atau '_', diawali huruf atau angka.</translation>
    </message>
    <message>
        <source>A tenant with this id already exists.</source>
        <translation>Tenant dengan ID ini sudah ada.</translation>
    </message>
    <message>
        <source>Enter a display name.</source>
        <translation>Isi nama tampilan.</translation>
    </message>
    <message>
        <source>WABA ID '%1' is not numeric.</source>
        <translation>ID WABA '%1' bukan angka.</translation>
    </message>
    <message>
        <source>Phone number ID '%1' is not numeric.</source>
        <translation>ID nomor telepon '%1' bukan angka.</translation>
    </message>
    <message>
        <source>'%1' is listed twice.</source>
        <translation>'%1' tercantum dua kali.</translation>
    </message>
    <message>
        <source>WABA ID %1 already belongs to tenant '%2'.</source>
        <translation>ID WABA %1 sudah dipakai tenant '%2'.</translation>
    </message>
    <message>
        <source>Phone number ID %1 already belongs to tenant '%2'.</source>
        <translation>ID nomor telepon %1 sudah dipakai tenant '%2'.</translation>
    </message>
    <message>
        <source>Not saved: fix the marked fields first.</source>
        <translation>Tidak disimpan: perbaiki dulu isian yang ditandai.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Tidak disimpan: %1</translation>
    </message>
    <message>
        <source>Tenant '%1' saved. The running engine routes with it within a second.</source>
        <translation>Tenant '%1' disimpan. Mesin yang berjalan memakai perubahan ini dalam satu detik.</translation>
    </message>
    <message>
        <source>Delete tenant</source>
        <translation>Hapus tenant</translation>
    </message>
    <message>
        <source>Delete tenant '%1'? Its WhatsApp numbers stop being routed to it at once; stored events and audit rows stay.</source>
        <translation>Hapus tenant '%1'? Nomor WhatsApp-nya langsung tidak dirutekan lagi ke tenant ini; event dan baris audit yang tersimpan tetap ada.</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Tidak dihapus: %1</translation>
    </message>
    <message>
        <source>Tenant '%1' deleted.</source>
        <translation>Tenant '%1' dihapus.</translation>
    </message>
    <message>
        <source>&amp;New tenant</source>
        <translation>Tenant &amp;baru</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Batalkan perubahan</translation>
    </message>
    <message>
        <source>Undo the changes not saved yet</source>
        <translation>Batalkan perubahan yang belum disimpan</translation>
    </message>
    <message>
        <source>Tenant &amp;id:</source>
        <translation>&amp;ID tenant:</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>&amp;Nama tampilan:</translation>
    </message>
    <message>
        <source>&amp;WABA IDs:</source>
        <translation>ID &amp;WABA:</translation>
    </message>
    <message>
        <source>&amp;Phone number IDs:</source>
        <translation>ID nomor &amp;telepon:</translation>
    </message>
    <message>
        <source>&amp;Enabled (requests for a disabled tenant are answered as unknown)</source>
        <translation>&amp;Aktif (permintaan untuk tenant nonaktif dijawab sebagai tenant tak dikenal)</translation>
    </message>
    <message>
        <source>e.g. firm-a</source>
        <translation>mis. firma-a</translation>
    </message>
    <message>
        <source>e.g. Firm A Legal Partners</source>
        <translation>mis. Kantor Hukum Firma A</translation>
    </message>
    <message>
        <source>One WhatsApp Business Account ID per line</source>
        <translation>Satu ID WhatsApp Business Account per baris</translation>
    </message>
    <message>
        <source>One phone number ID per line (used when no WABA ID matches)</source>
        <translation>Satu ID nomor telepon per baris (dipakai bila tidak ada ID WABA yang cocok)</translation>
    </message>
    <message>
        <source>WhatsApp events are routed by WABA ID first, then by phone number ID. Each ID can belong to one tenant only.</source>
        <translation>Event WhatsApp dirutekan berdasarkan ID WABA terlebih dahulu, lalu ID nomor telepon. Setiap ID hanya boleh dimiliki satu tenant.</translation>
    </message>
    <message>
        <source>New tenant</source>
        <translation>Tenant baru</translation>
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
        <translation>Pemeriksaan penyiapan WhatsApp</translation>
    </message>
    <message>
        <source>Checking the app secret, the verify token, the tenants of the WABAs that called, and the route Meta calls…</source>
        <translation>Memeriksa app secret, verify token, tenant dari WABA yang memanggil, dan rute yang dipanggil Meta…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Artinya</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>Pemeriksaan tidak dapat dijalankan: %1</translation>
    </message>
    <message>
        <source>The WhatsApp setup of %1 passed every check that can be made without the internet.</source>
        <translation>Penyiapan WhatsApp %1 lolos semua pemeriksaan yang bisa dilakukan tanpa internet.</translation>
    </message>
    <message>
        <source>The WhatsApp setup of %1 has problems: see what to do below.</source>
        <translation>Penyiapan WhatsApp %1 bermasalah: lihat langkah yang perlu dilakukan di bawah.</translation>
    </message>
</context>
</TS>
