// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/OutboxRepository.h"

#include <QAbstractTableModel>

namespace gerbang {

// Dead letters as the repository lists them (OutboxRepository::list("dead"), newest first):
// one row per event with its last error. Read-only; the page replaces the rows on refresh.
class DeadLettersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DeadSince,
        EventId,
        Tenant,
        Provider,
        Type,
        Attempts,
        LastError,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;

    // Replaces the rows; false (and no reset, so the view keeps its place) when nothing that
    // is shown changed.
    bool setItems(const QList<OutboxItem> &items);
    const QList<OutboxItem> &items() const { return m_items; }
    QString eventId(int row) const;
    // The row of `eventId`, or -1.
    int rowOf(const QString &eventId) const;
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<OutboxItem> m_items;
};

} // namespace gerbang
