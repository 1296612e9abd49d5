// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertsModel.h"

#include "backend/Backend.h"
#include "core/DomainLabels.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace gerbang {

AlertsModel::AlertsModel(Backend &backend, QObject *parent)
    : QAbstractTableModel(parent)
    , m_backend(backend)
{
}

void AlertsModel::reload()
{
    if (m_loading) {
        m_reloadPending = true;
        return;
    }
    m_loading = true;
    AlertFilter filter;
    filter.limit = kShown;
    m_backend.alerts(this, filter, [this](Fetched<QList<StoredAlert>> r) {
        m_loading = false;
        if (r.ok()) {
            const int before = unacknowledged();
            beginResetModel();
            m_rows = r.value;
            endResetModel();
            if (unacknowledged() != before || !r.value.isEmpty())
                Q_EMIT unacknowledgedChanged(unacknowledged());
        }
        Q_EMIT loaded(r.error);
        if (std::exchange(m_reloadPending, false))
            reload();
    });
}

bool AlertsModel::mayAcknowledge() const
{
    return m_backend.allows(requiredRole(consolechange::AcknowledgeAlerts{}));
}

void AlertsModel::acknowledge(const QList<qint64> &ids)
{
    if (!mayAcknowledge())
        return;
    m_backend.apply(this, consolechange::AcknowledgeAlerts{ids}, [this](ChangeResult r) {
        Q_EMIT acknowledged(r.ok(), r.message);
        reload();
    });
}

int AlertsModel::unacknowledged() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const StoredAlert &a) { return a.acknowledgedAtMs == 0; }));
}

const StoredAlert *AlertsModel::alert(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
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
    const StoredAlert *a = alert(index.row());
    if (!index.isValid() || !a)
        return {};
    const bool done = a->acknowledgedAtMs > 0;
    const QLocale locale;
    if (index.column() == Acknowledged && role == Qt::CheckStateRole)
        return done ? Qt::Checked : Qt::Unchecked;
    if (index.column() == Acknowledged && role == Qt::ToolTipRole && done)
        return tr("Acknowledged by %1 at %2")
            .arg(a->acknowledgedBy,
                 locale.toString(QDateTime::fromMSecsSinceEpoch(a->acknowledgedAtMs),
                                 QLocale::ShortFormat));
    if (index.column() == Description && role == Qt::ToolTipRole)
        return labels::describe(a->info()).next;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return locale.toString(QDateTime::fromMSecsSinceEpoch(a->raisedAtMs), QLocale::ShortFormat);
    case Kind:
        return labels::ofWire<AlertKind>(a->kind);
    case Source:
        return a->source;
    case Description:
        return labels::describe(a->info()).what;
    case Acknowledged:
        return done ? tr("Acknowledged") : tr("New");
    default:
        return {};
    }
}

bool AlertsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const StoredAlert *a = alert(index.row());
    if (!a || index.column() != Acknowledged || role != Qt::CheckStateRole ||
        value.toInt() != Qt::Checked || a->acknowledgedAtMs > 0 || !mayAcknowledge())
        return false;
    acknowledge({a->id});
    return true;
}

Qt::ItemFlags AlertsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    const StoredAlert *a = alert(index.row());
    if (index.column() == Acknowledged && a && a->acknowledgedAtMs == 0 && mayAcknowledge())
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
    case Kind:
        return tr("Kind");
    case Source:
        return tr("About");
    case Description:
        return tr("What happened");
    case Acknowledged:
        return tr("Acknowledged");
    default:
        return {};
    }
}

} // namespace gerbang
