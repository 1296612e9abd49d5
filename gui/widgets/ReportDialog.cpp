// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReportDialog.h"

#include "Icons.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gerbang {

ReportDialog::ReportDialog(const QString &summaryName, const QString &tableName, QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel)
    , m_table(new QTableWidget(0, 3))
{
    m_summary->setObjectName(summaryName);
    m_summary->setWordWrap(true);
    m_table->setObjectName(tableName);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
}

void ReportDialog::setSummary(const QString &text)
{
    m_summary->setText(text);
}

void ReportDialog::setHeaders(const QStringList &headers)
{
    m_table->setHorizontalHeaderLabels(headers);
}

void ReportDialog::setRowCount(int rows)
{
    m_table->setRowCount(rows);
}

void ReportDialog::setRow(int row, const QString &what, const QString &icon, const QString &result,
                          const QString &detail)
{
    auto *resultItem = new QTableWidgetItem(result);
    if (!icon.isEmpty())
        resultItem->setIcon(Icons::get(icon));
    m_table->setItem(row, 0, new QTableWidgetItem(what));
    m_table->setItem(row, 1, resultItem);
    m_table->setItem(row, 2, new QTableWidgetItem(detail));
}

void ReportDialog::fitRows()
{
    m_table->resizeRowsToContents();
}

} // namespace gerbang
