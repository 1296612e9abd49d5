// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Stats.h"
#include "domain/AlertTexts.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace gerbang {

class StoreWriter;

// Makes an alert (raised or resolved) visible everywhere it should be: a log line with what to
// do next, an audit row, the statistics (console, live channel), and, when configured, a POST to
// the alert URL signed with Standard Webhooks headers so the receiver can verify it came from this
// gateway. Lives on the engine thread.
class AlertNotifier : public QObject
{
    Q_OBJECT
public:
    AlertNotifier(QUrl url, QByteArray secret, StoreWriter &writer, Stats &stats,
                  QObject *parent = nullptr);
    ~AlertNotifier() override;

    void raise(const AlertInfo &alert);

Q_SIGNALS:
    void alertRaised(const gerbang::AlertInfo &alert);

private:
    void post(const AlertInfo &alert, const alerttexts::Text &text);

    QUrl m_url;
    QByteArray m_secret;
    StoreWriter &m_writer;
    Stats &m_stats;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace gerbang
