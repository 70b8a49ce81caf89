#pragma once

#include <QWidget>

namespace Batchdesk::Ui {

/**
 * The drop target drawn over the whole window while a file is dragged over it.
 *
 * Purely visual: transparent for mouse events (drag events go to the window beneath). The owner positions it
 * with setGeometry() and shows or hides it.
 */
class DropOverlay final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DropOverlay)

public:
    explicit DropOverlay(QWidget *parent = nullptr);
    ~DropOverlay() override;

    /** The line under the headline, e.g. the file name, or why the drop is refused. */
    void setDetail(const QString &detail, bool acceptable);
    QString detail() const { return m_detail; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_detail;
    bool m_acceptable = true;
};

} // namespace Batchdesk::Ui
