// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/SourceActivityRepository.h"

#include <QHash>
#include <QString>

namespace gerbang {

// Counts verified requests per source and minute on the engine thread, between two hand-offs
// to the background thread (which adds them to source_activity). Memory: sources × minutes
// since the last take(), a handful of entries.
class SourceActivityCounter
{
public:
    void record(const QString &source, qint64 nowMs);
    // Everything counted since the last take(), and forgets it.
    QList<SourceActivityRepository::Count> take();

private:
    QHash<std::pair<QString, qint64>, qint64> m_counts;
};

} // namespace gerbang
