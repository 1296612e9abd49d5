// SPDX-License-Identifier: GPL-3.0-or-later
#include "SilenceModel.h"

#include <algorithm>

namespace gerbang {

std::optional<qint64> SilenceModel::usualLongestGapMs(const QList<qint64> &active, qint64 nowMs)
{
    if (active.size() < 2)
        return std::nullopt;
    const qint64 firstMs = active.first() * kMinuteMs;
    const qint64 historyMs = nowMs - firstMs;
    if (historyMs < 24LL * 3600 * 1000)
        return std::nullopt;
    // The gaps between consecutive active minutes: [from, to) in ms, length to - from.
    const auto longestOverlapping = [&](qint64 fromMs, qint64 toMs) {
        // The first active minute at or after fromMs; the gap that covers fromMs ends there.
        auto it = std::lower_bound(active.cbegin(), active.cend(), fromMs / kMinuteMs);
        if (it == active.cend())
            return qint64(-1);
        if (it != active.cbegin())
            --it;
        qint64 longest = -1;
        for (; it + 1 != active.cend() && *it * kMinuteMs < toMs; ++it)
            longest = std::max(longest, (*(it + 1) - *it) * kMinuteMs);
        return longest;
    };
    if (historyMs < kWeekMs)
        return longestOverlapping(firstMs, nowMs);
    qint64 usual = -1;
    for (int week = 1; week <= kWeeks; ++week) {
        const qint64 centre = nowMs - week * kWeekMs;
        const qint64 from = centre - 30 * kMinuteMs;
        if (from < firstMs)
            break;
        usual = std::max(usual, longestOverlapping(from, centre + 30 * kMinuteMs));
    }
    return usual > 0 ? std::optional<qint64>(usual) : std::nullopt;
}

} // namespace gerbang
