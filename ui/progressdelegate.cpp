#include "progressdelegate.h"

#include "batchtablemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace Batchdesk::Ui {

using Models::BatchTableModel;

ProgressDelegate::ProgressDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

ProgressDelegate::~ProgressDelegate() = default;

QColor ProgressDelegate::completedColor(const QPalette &palette)
{
    // A slightly lighter green on dark palettes keeps the contrast.
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(0x4c, 0xb8, 0x6e)
                                                           : QColor(0x2e, 0x9e, 0x55);
}

QColor ProgressDelegate::failedColor(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(0xe8, 0x63, 0x57)
                                                           : QColor(0xd0, 0x3b, 0x2f);
}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const qint64 total = index.data(BatchTableModel::TotalRole).toLongLong();
    const qint64 completed = index.data(BatchTableModel::CompletedRole).toLongLong();
    const qint64 failed = index.data(BatchTableModel::FailedRole).toLongLong();

    // Background and selection as the style draws them, without the text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    if (total <= 0) {
        painter->save();
        painter->setPen(opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                             : QPalette::PlaceholderText));
        painter->drawText(opt.rect.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
        painter->restore();
        return;
    }

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const int barHeight = qMin(opt.rect.height() - 6, opt.fontMetrics.height() + 2);
    const QRectF bar(opt.rect.left() + 4, opt.rect.center().y() - barHeight / 2.0 + 0.5, opt.rect.width() - 8,
                     barHeight);
    QPainterPath clip;
    clip.addRoundedRect(bar, 3, 3);
    painter->setClipPath(clip);

    const QPalette &pal = opt.palette;
    QColor track = pal.color(QPalette::Mid);
    track.setAlpha(70);
    painter->fillRect(bar, track);
    const double w = bar.width();
    const double okWidth = w * double(completed) / double(total);
    const double failWidth = w * double(failed) / double(total);
    painter->fillRect(QRectF(bar.left(), bar.top(), okWidth, bar.height()), completedColor(pal));
    painter->fillRect(QRectF(bar.left() + okWidth, bar.top(), failWidth, bar.height()), failedColor(pal));
    painter->setClipping(false);
    QColor border = pal.color(QPalette::Dark);
    border.setAlpha(90);
    painter->setPen(border);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(bar, 3, 3);

    // The text sits on the bar: white on the coloured part would be unreadable on the track, so a halo.
    QFont font = opt.font;
    painter->setFont(font);
    const QColor textColor = pal.color(QPalette::Text);
    const QRectF textRect = bar.adjusted(6, 0, -6, 0);
    QColor halo = pal.color(QPalette::Base);
    halo.setAlpha(200);
    painter->setPen(halo);
    for (const QPointF d : {QPointF(-1, 0), QPointF(1, 0), QPointF(0, -1), QPointF(0, 1)})
        painter->drawText(textRect.translated(d), Qt::AlignCenter, text);
    painter->setPen(textColor);
    painter->drawText(textRect, Qt::AlignCenter, text);
    painter->restore();
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(qMax(s.width() + 16, 140));
    return s;
}

} // namespace Batchdesk::Ui
