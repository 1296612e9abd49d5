// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <optional>

namespace gerbang {

// A source's usual longest gap between requests around a given hour of the week, learned from
// the minutes in which it sent (the last four weeks). A law firm's WhatsApp is quiet at night
// and on Sundays; a silence is only unusual when it is longer than the gaps the same hour
// of the week had before.
//
// For each earlier week with history, the gaps (between consecutive active minutes) that
// overlap the hour around the same time of the week are measured whole, so the night's gap
// counts at 03:00; the longest of them over the weeks is the usual one. With less than a week
// of history, the longest gap seen at all stands in; with less than a day, nothing is known.
class SilenceModel
{
public:
    static constexpr qint64 kMinuteMs = 60'000;
    static constexpr qint64 kWeekMs = 7LL * 24 * 3600 * 1000;
    static constexpr int kWeeks = 4;

    // `activeMinutes`: Unix minutes with at least one request, ascending, before `nowMs`.
    static std::optional<qint64> usualLongestGapMs(const QList<qint64> &activeMinutes,
                                                   qint64 nowMs);
    // A silence is reported after `factor` times the usual gap, and never before `minimumMs`.
    static qint64 thresholdMs(qint64 usualGapMs, int factor, qint64 minimumMs)
    {
        return std::max(minimumMs, usualGapMs * factor);
    }
};

} // namespace gerbang
