#pragma once

#include <QStyledItemDelegate>

namespace Batchdesk::Ui {

/**
 * Draws the progress cell of the batches table as a bar: completed (green) and failed (red) segments over the
 * total, from BatchTableModel's CompletedRole / FailedRole / TotalRole, with the model's text on top. A batch
 * with failures is therefore never an all-green bar. Without counts, the display text alone is drawn.
 */
class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressDelegate)

public:
    explicit ProgressDelegate(QObject *parent = nullptr);
    ~ProgressDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor completedColor(const QPalette &palette);
    static QColor failedColor(const QPalette &palette);
};

} // namespace Batchdesk::Ui
