// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeadLettersModel.h"

#include "domain/Ids.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

bool sameRow(const OutboxItem &a, const OutboxItem &b)
{
    return a.event.id == b.event.id && a.attempts == b.attempts &&
           a.finishedAtMs == b.finishedAtMs && a.lastError == b.lastError &&
           a.lastStatus == b.lastStatus && a.event.tenant == b.event.tenant;
}

} // namespace

bool DeadLettersModel::setItems(const QList<OutboxItem> &items)
{
    if (items.size() == m_items.size() &&
        std::equal(items.cbegin(), items.cend(), m_items.cbegin(), sameRow))
        return false;
    beginResetModel();
    m_items = items;
    endResetModel();
    return true;
}

QString DeadLettersModel::eventId(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items.at(row).event.id : QString();
}

int DeadLettersModel::rowOf(const QString &eventId) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).event.id == eventId)
            return i;
    }
    return -1;
}

void DeadLettersModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int DeadLettersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int DeadLettersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeadLettersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const OutboxItem &item = m_items.at(index.row());
    const WebhookEvent &e = item.event;
    const QLocale locale;
    auto localTime = [&](qint64 ms) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
    };
    if (role == Qt::TextAlignmentRole && index.column() == Attempts)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case DeadSince:
            return item.finishedAtMs > 0 ? isoUtc(item.finishedAtMs) : QVariant();
        case LastError:
            return item.lastError;
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case DeadSince:
        return item.finishedAtMs > 0 ? localTime(item.finishedAtMs) : QString();
    case EventId:
        return e.id;
    case Tenant:
        return e.tenant;
    case Provider:
        return e.provider;
    case Type:
        return e.type;
    case Attempts:
        return item.attempts;
    case LastError:
        // One line in the table; the tool tip has all of it.
        return QString(item.lastError).replace(u'\n', u' ');
    default:
        return {};
    }
}

QVariant DeadLettersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DeadSince:
        return tr("Dead since");
    case EventId:
        return tr("Event id");
    case Tenant:
        return tr("Tenant");
    case Provider:
        return tr("Provider");
    case Type:
        return tr("Type");
    case Attempts:
        return tr("Attempts");
    case LastError:
        return tr("Last error");
    default:
        return {};
    }
}

} // namespace gerbang
