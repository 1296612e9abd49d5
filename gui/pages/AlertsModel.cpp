// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertsModel.h"

#include <QDateTime>
#include <QLocale>
#include <QSettings>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace gerbang {

int AlertsModel::merge(const QList<AlertInfo> &alerts)
{
    int added = 0;
    for (const AlertInfo &a : alerts) {
        const bool known = std::any_of(m_rows.cbegin(), m_rows.cend(), [&](const Row &r) {
            return r.alert.atMs == a.atMs && r.alert.source == a.source && r.alert.kind == a.kind;
        });
        if (known)
            continue;
        const auto at = std::find_if(m_rows.cbegin(), m_rows.cend(),
                                     [&](const Row &r) { return r.alert.atMs < a.atMs; });
        const int row = int(at - m_rows.cbegin());
        beginInsertRows({}, row, row);
        m_rows.insert(row, Row{a, acknowledgedKeys().contains(keyOf(a))});
        endInsertRows();
        ++added;
    }
    if (added > 0)
        Q_EMIT unacknowledgedChanged(unacknowledged());
    return added;
}

int AlertsModel::unacknowledged() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &r) { return !r.acknowledged; }));
}

QString AlertsModel::keyOf(const AlertInfo &a)
{
    return u"%1|%2|%3"_s.arg(a.atMs).arg(a.source, a.kind);
}

// Acknowledgements outlive the console (the engine remembers its recent alerts across a
// console restart only while it runs, but an admin should not acknowledge twice).
QStringList AlertsModel::acknowledgedKeys()
{
    return QSettings().value(u"console/acknowledged_alerts"_s).toStringList();
}

void AlertsModel::remember()
{
    QStringList keys;
    for (const Row &r : std::as_const(m_rows)) {
        if (r.acknowledged)
            keys << keyOf(r.alert);
    }
    QSettings().setValue(u"console/acknowledged_alerts"_s, keys.mid(0, 200));
}

void AlertsModel::acknowledgeAll()
{
    for (Row &r : m_rows)
        r.acknowledged = true;
    remember();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Acknowledged), index(rowCount() - 1, Acknowledged));
    Q_EMIT unacknowledgedChanged(0);
}

void AlertsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int AlertsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    if (index.column() == Acknowledged && role == Qt::CheckStateRole)
        return r.acknowledged ? Qt::Checked : Qt::Unchecked;
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Time:
        return locale.toString(QDateTime::fromMSecsSinceEpoch(r.alert.atMs), QLocale::ShortFormat);
    case Source:
        return r.alert.source;
    case Count:
        return tr("%n signature failure(s)", nullptr, int(r.alert.count));
    case Window:
        return tr("%1 s").arg(r.alert.windowSecs);
    case Acknowledged:
        return r.acknowledged ? tr("Acknowledged") : tr("New");
    default:
        return {};
    }
}

bool AlertsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != Acknowledged || role != Qt::CheckStateRole)
        return false;
    m_rows[index.row()].acknowledged = value.toInt() == Qt::Checked;
    remember();
    Q_EMIT dataChanged(index, index);
    Q_EMIT unacknowledgedChanged(unacknowledged());
    return true;
}

Qt::ItemFlags AlertsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == Acknowledged)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Source:
        return tr("Source");
    case Count:
        return tr("Count");
    case Window:
        return tr("Window");
    case Acknowledged:
        return tr("Acknowledged");
    default:
        return {};
    }
}

} // namespace gerbang
