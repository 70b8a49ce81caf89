#include "idfield.h"

#include "icons.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Batchdesk::Ui {

IdField::IdField(const QString &objectName, QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_copy(new QToolButton(this))
{
    setObjectName(objectName);
    m_label->setObjectName(objectName + QStringLiteral("Text"));
    m_copy->setObjectName(objectName + QStringLiteral("Copy"));
    m_label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_label->setMinimumWidth(60);
    m_copy->setAutoRaise(true);
    m_copy->setText(tr("Copy"));
    m_copy->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_copy->setToolTip(tr("Copy to the clipboard"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_copy);
    connect(m_copy, &QToolButton::clicked, this, [this] {
        if (!m_value.isEmpty())
            QApplication::clipboard()->setText(m_value);
    });
    setValue(QString());
}

IdField::~IdField() = default;

void IdField::setValue(const QString &value)
{
    m_value = value;
    m_copy->setEnabled(!value.isEmpty());
    m_label->setToolTip(value);
    updateText();
}

void IdField::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateText();
}

void IdField::updateText()
{
    if (m_value.isEmpty()) {
        m_label->setText(QStringLiteral("\u2014"));
        return;
    }
    m_label->setText(m_label->fontMetrics().elidedText(m_value, Qt::ElideMiddle, qMax(40, m_label->width())));
}

} // namespace Batchdesk::Ui
