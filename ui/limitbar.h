#pragma once

#include <QWidget>

namespace Batchdesk::Ui {

/**
 * A thin bar showing how much of a provider limit a file uses, e.g. lines against 50,000.
 *
 * Filled with the palette's highlight colour; past the limit it fills completely with a red accent (the label
 * next to it says so in words too).
 */
class LimitBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LimitBar)

public:
    explicit LimitBar(QWidget *parent = nullptr);
    ~LimitBar() override;

    void setValue(qint64 value, qint64 limit);
    double fraction() const;
    bool exceeded() const { return m_limit > 0 && m_value > m_limit; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    qint64 m_value = 0;
    qint64 m_limit = 0;
};

} // namespace Batchdesk::Ui
