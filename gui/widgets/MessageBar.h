// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace gerbang {

// An inline message strip above a page's content (the KeePassXC / KMessageWidget pattern):
// coloured by severity, word-wrapped, closable. Hidden while empty.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind
    {
        Information,
        Positive,
        Warning,
        Error
    };
    explicit MessageBar(QWidget *parent = nullptr);

    void show(const QString &text, Kind kind);
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
    Kind m_kind = Kind::Information;
};

} // namespace gerbang
