// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/AlertRepository.h"

#include <QAbstractTableModel>

namespace gerbang {

class Backend;

// The alerts the gateway stored in its audit log, newest first, with who acknowledged each and
// when. Acknowledgements are the gateway's (table alert_acknowledgements), so every console
// and gerbangctl see the same; acknowledging goes through the Backend and needs the operator
// role. Checking the box of an alert acknowledges it; an acknowledgement is not taken back.
class AlertsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Kind,
        Source,
        Description,
        Acknowledged,
        ColumnCount
    };
    // The newest alerts shown (older ones stay in the audit log).
    static constexpr int kShown = 500;

    explicit AlertsModel(Backend &backend, QObject *parent = nullptr);

    void reload();
    // Acknowledges the alerts `ids` (empty: every one not acknowledged yet), then reloads.
    void acknowledge(const QList<qint64> &ids);
    bool mayAcknowledge() const;
    int unacknowledged() const;
    const StoredAlert *alert(int row) const;
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void unacknowledgedChanged(int count);
    void loaded(const QString &error);
    void acknowledged(bool ok, const QString &message);

private:
    Backend &m_backend;
    QList<StoredAlert> m_rows; // newest first
    bool m_loading = false;
    bool m_reloadPending = false;
};

} // namespace gerbang
