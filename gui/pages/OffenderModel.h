// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Stats.h"

#include <QAbstractTableModel>

namespace gerbang {

// The rate-limit table: client addresses the engine answered 429, worst offender first.
class OffenderModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Address,
        Rejected,
        CurrentRate,
        LastSeen,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setOffenders(QList<ClientCounter> offenders);
    // Headers and formatted cells follow the current language.
    void retranslate();
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ClientCounter> m_rows;
};

} // namespace gerbang
