// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageBar.h"

#include "Icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace gerbang {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(u"messageBar"_s);
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setAutoRaise(true);
    m_close->setIcon(Icons::get(u"close"_s));
    connect(m_close, &QToolButton::clicked, this, &MessageBar::clear);
    retranslateUi();
    setVisible(false);
}

void MessageBar::show(const QString &text, Kind kind)
{
    m_kind = kind;
    m_text->setText(text);
    // Colours in the spirit of KMessageWidget: a tinted background, a solid border.
    static const char *const colours[][2] = {{"#e3f0fb", "#3daee9"},
                                             {"#e6f6ea", "#27ae60"},
                                             {"#fdf3e1", "#f67400"},
                                             {"#fbe5e7", "#da4453"}};
    const auto &c = colours[int(kind)];
    setStyleSheet(u"QFrame#messageBar { background: %1; border: 1px solid %2; border-radius: 4px; }"
                  " QFrame#messageBar QLabel { color: #232629; background: transparent; }"_s.arg(
                      QLatin1String(c[0]), QLatin1String(c[1])));
    static const QString icons[] = {u"info"_s, u"ok"_s, u"warning"_s, u"error"_s};
    m_icon->setPixmap(Icons::get(icons[int(kind)]).pixmap(20, 20));
    setVisible(true);
}

void MessageBar::clear()
{
    m_text->clear();
    setVisible(false);
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void MessageBar::retranslateUi()
{
    m_close->setToolTip(tr("Close"));
}

} // namespace gerbang
