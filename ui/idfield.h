#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace Batchdesk::Ui {

/**
 * An identifier shown in a monospace font, elided in the middle when narrow, with the full value in the
 * tooltip and a copy button beside it. Empty values read as a dash and cannot be copied.
 */
class IdField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdField)

public:
    explicit IdField(const QString &objectName, QWidget *parent = nullptr);
    ~IdField() override;

    void setValue(const QString &value);
    QString value() const { return m_value; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateText();

    QString m_value;
    QLabel *m_label;
    QToolButton *m_copy;
};

} // namespace Batchdesk::Ui
