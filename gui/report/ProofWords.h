// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/AuditVerifier.h"

#include <QCoreApplication>
#include <QStringList>

namespace gerbang {

// A verification of the audit log in words, for people: the audit page's status line and the
// "What was verified" section of a PDF report. In the language installed when it runs.
class ProofWords
{
    Q_DECLARE_TR_FUNCTIONS(ProofWords)
public:
    // One line: intact or not, rows and chains checked, the newest checkpoint.
    static QString summary(const AuditVerification &v);
    // The paragraphs of a report's proof section: the verdict, one per chain, the first
    // problems, and how to check the signature file.
    static QStringList report(const AuditVerification &v, const QString &fileName,
                              const QString &publicKeyText);
    // One broken link ("changed at row 41 (seq 7): …").
    static QString problem(const ChainBreak &b);
};

} // namespace gerbang
