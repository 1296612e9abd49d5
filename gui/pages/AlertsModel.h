// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Stats.h"

#include <QAbstractTableModel>

namespace gerbang {

// Alert history: what the engine still remembers (StatsSnapshot::recentAlerts) plus every
// alert received while the console runs, newest first, each with an acknowledged flag.
class AlertsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Source,
        Count,
        Window,
        Acknowledged,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;

    // Adds the alerts not seen yet; returns how many were new.
    int merge(const QList<AlertInfo> &alerts);
    int unacknowledged() const;
    void acknowledgeAll();
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void unacknowledgedChanged(int count);

private:
    static QString keyOf(const AlertInfo &a);
    static QStringList acknowledgedKeys();
    void remember();
    struct Row
    {
        AlertInfo alert;
        bool acknowledged = false;
    };
    QList<Row> m_rows; // newest first
};

} // namespace gerbang
