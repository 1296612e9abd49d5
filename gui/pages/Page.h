// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QEvent>
#include <QWidget>

namespace gerbang {

// One entry of the main window's navigation. Every page retranslates itself on
// QEvent::LanguageChange, so the language can change while the console runs.
class Page : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;
    virtual QString title() const = 0;
    virtual QString iconName() const = 0;
    // The page became visible: a chance to refresh what it shows from the database.
    virtual void activated() {}

Q_SIGNALS:
    void titleChanged();

protected:
    virtual void retranslateUi() = 0;
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange) {
            retranslateUi();
            Q_EMIT titleChanged();
        }
        QWidget::changeEvent(event);
    }
};

} // namespace gerbang
