// SPDX-License-Identifier: GPL-3.0-or-later
#include "OffenderModel.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>

namespace gerbang {

void OffenderModel::setOffenders(QList<ClientCounter> offenders)
{
    std::stable_sort(
        offenders.begin(), offenders.end(), [](const ClientCounter &a, const ClientCounter &b) {
            return a.rejected != b.rejected ? a.rejected > b.rejected : a.lastSeenMs > b.lastSeenMs;
        });
    beginResetModel();
    m_rows = std::move(offenders);
    endResetModel();
}

void OffenderModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int OffenderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OffenderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OffenderModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ClientCounter &c = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != Address)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Address:
        return c.address;
    case Rejected:
        return locale.toString(c.rejected);
    case CurrentRate:
        return tr("%1/s").arg(locale.toString(c.requestsLastSecond));
    case LastSeen:
        return c.lastSeenMs > 0
                   ? locale.toString(QDateTime::fromMSecsSinceEpoch(c.lastSeenMs).time(),
                                     QLocale::LongFormat)
                   : QString();
    default:
        return {};
    }
}

QVariant OffenderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Address:
        return tr("Client address");
    case Rejected:
        return tr("429 answers");
    case CurrentRate:
        return tr("Current rate");
    case LastSeen:
        return tr("Last seen");
    default:
        return {};
    }
}

} // namespace gerbang
