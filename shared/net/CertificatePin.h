// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <functional>

class QNetworkReply;

namespace gerbang {

// A gateway's admin certificate is trusted by its pinned SHA-256 fingerprint, as SSH trusts a
// host key: a self-signed certificate is accepted only by its pin, and a pin that no longer
// matches refuses the connection even when a CA would vouch for the new certificate. One
// implementation for gerbangctl --gateway and the console's attached mode.
namespace certificatepin {

enum class Verdict
{
    Trusted,  // the certificate is the pinned one
    Unknown,  // nothing pinned yet: the caller may ask the admin (trust on first use)
    Mismatch, // something else is pinned: refused, never silently accepted
};

// "SHA256:AB:CD…", "ab:cd…" or "abcd…" as lower-case hex without separators.
QString normalized(const QString &text);
// Lower-case hex as people compare it: "SHA256:AB:CD:…".
QString displayed(const QString &hex);

// Checks `reply`'s peer certificate against `pin` (normalized hex; empty: nothing pinned) once
// the TLS handshake shows it, and aborts the reply unless it is the pinned one. `verdict` is
// called once, with what the gateway presented, before the reply finishes; it is not called
// for a plain-HTTP reply.
void guard(QNetworkReply *reply, const QString &pin,
           std::function<void(Verdict verdict, const QString &presented)> verdict);

} // namespace certificatepin
} // namespace gerbang
