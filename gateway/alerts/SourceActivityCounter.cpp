// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceActivityCounter.h"

namespace gerbang {

void SourceActivityCounter::record(const QString &source, qint64 nowMs)
{
    ++m_counts[{source, nowMs / 60'000}];
}

QList<SourceActivityRepository::Count> SourceActivityCounter::take()
{
    QList<SourceActivityRepository::Count> out;
    out.reserve(m_counts.size());
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        out.append({it.key().first, it.key().second, it.value()});
    m_counts.clear();
    return out;
}

} // namespace gerbang
