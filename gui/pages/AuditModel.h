// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/AuditRepository.h"

#include <QAbstractTableModel>

namespace gerbang {

class Backend;

// The audit log as a lazily fetched table: pages of rows are read through the Backend (this
// machine's database thread, or an attached gateway's GET /admin/v1/audit) with keyset paging
// (after the last row shown), so the first screen of a million-row log costs the same as of a small
// one, and scrolling down fetches more. A new filter discards pages that arrive for the previous
// one.
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Received,
        ClientIp,
        Method,
        Path,
        Provider,
        Tenant,
        Outcome,
        Signature,
        Http,
        Processing,
        Events,
        ColumnCount
    };
    static constexpr int kPageSize = 500;

    explicit AuditModel(Backend &backend, QObject *parent = nullptr);

    void setFilter(AuditFilter filter);
    const AuditFilter &filter() const { return m_filter; }
    const AuditRecord *record(int row) const;
    bool isLoading() const { return m_loading; }
    bool isComplete() const { return m_exhausted; }
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    // A page arrived (or the first page of a new filter); `error` is empty on success.
    void pageLoaded(int rows, const QString &error);

private:
    void requestPage();

    Backend &m_backend;
    AuditFilter m_filter;
    QList<AuditRecord> m_rows;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_exhausted = true;
};

} // namespace gerbang
