// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditModel.h"

#include "backend/Backend.h"
#include "core/DomainLabels.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

} // namespace

AuditModel::AuditModel(Backend &backend, QObject *parent)
    : QAbstractTableModel(parent)
    , m_backend(backend)
{
}

void AuditModel::setFilter(AuditFilter filter)
{
    beginResetModel();
    m_filter = std::move(filter);
    m_filter.newestFirst = true;
    m_filter.after.reset();
    m_filter.limit = kPageSize;
    m_rows.clear();
    m_exhausted = false;
    m_loading = false;
    ++m_generation;
    endResetModel();
    requestPage();
}

void AuditModel::requestPage()
{
    if (m_loading || m_exhausted)
        return;
    m_loading = true;
    AuditFilter page = m_filter;
    if (!m_rows.isEmpty())
        page.after = std::make_pair(m_rows.last().receivedAtMs, m_rows.last().id);
    const quint64 generation = m_generation;
    m_backend.auditRows(this, page, [this, generation](Fetched<QList<AuditRecord>> p) {
        if (generation != m_generation)
            return; // the filter changed meanwhile
        m_loading = false;
        if (!p.ok()) {
            m_exhausted = true;
            Q_EMIT pageLoaded(0, p.error);
            return;
        }
        m_exhausted = p.value.size() < kPageSize;
        if (!p.value.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + p.value.size() - 1));
            m_rows.append(p.value);
            endInsertRows();
        }
        Q_EMIT pageLoaded(int(p.value.size()), QString());
    });
}

const AuditRecord *AuditModel::record(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

void AuditModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AuditModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && !m_loading;
}

void AuditModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        requestPage();
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    const AuditRecord *a = index.isValid() ? record(index.row()) : nullptr;
    if (!a)
        return {};
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Http || index.column() == Processing || index.column() == Events))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Http && a->httpStatus >= 400)
        return QColor(0xda, 0x44, 0x53);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Received:
        return locale.toString(QDateTime::fromMSecsSinceEpoch(a->receivedAtMs),
                               u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    case ClientIp:
        return a->sourceIp;
    case Method:
        return a->method;
    case Path:
        return a->path;
    case Provider:
        return labels::ofWire<gerbang::Provider>(a->provider);
    case Tenant:
        return a->tenant;
    case Outcome:
        return labels::ofWire<gerbang::Outcome>(a->outcome);
    case Signature:
        return labels::ofWire<SignatureStatus>(a->signatureStatus);
    case Http:
        return a->httpStatus;
    case Processing:
        return tr("%1 ms").arg(locale.toString(double(a->processingUs) / 1000.0, 'f', 2));
    case Events:
        return a->eventIds.size();
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Received:
        return tr("Received");
    case ClientIp:
        return tr("Client IP");
    case Method:
        return tr("Method");
    case Path:
        return tr("Path");
    case Provider:
        return tr("Provider");
    case Tenant:
        return tr("Tenant");
    case Outcome:
        return tr("Outcome");
    case Signature:
        return tr("Signature");
    case Http:
        return tr("HTTP");
    case Processing:
        return tr("Processing");
    case Events:
        return tr("Events");
    default:
        return {};
    }
}

} // namespace gerbang
