// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QTableWidget;

namespace gerbang {

// A dialog that reports a run of steps or checks as it happens: a summary over a table of
// (what, its result with an icon, what it means), and Close. The source test and the WhatsApp
// setup check show themselves in one.
class ReportDialog : public QDialog
{
    Q_OBJECT
public:
    // Object names of the summary and the table, for tests and style sheets.
    ReportDialog(const QString &summaryName, const QString &tableName, QWidget *parent = nullptr);

protected:
    void setSummary(const QString &text);
    void setHeaders(const QStringList &headers);
    void setRowCount(int rows);
    // `icon`: a name of Icons::get(), or empty.
    void setRow(int row, const QString &what, const QString &icon, const QString &result,
                const QString &detail);
    // After the rows changed: wrapped details get their height.
    void fitRows();

private:
    QLabel *m_summary;
    QTableWidget *m_table;
};

} // namespace gerbang
