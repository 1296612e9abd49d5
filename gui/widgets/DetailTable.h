// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gerbang {

// The key/value table of a detail pane (dead letters, events), as escaped HTML.
class DetailTable
{
public:
    void add(const QString &key, const QString &value);
    QString html() const { return m_html + QStringLiteral("</table>"); }
    // A time as people read it here and as the logs write it: "long local form (ISO UTC)";
    // empty for 0 (none).
    static QString time(qint64 ms);

private:
    QString m_html = QStringLiteral("<table cellpadding='2'>");
};

} // namespace gerbang
