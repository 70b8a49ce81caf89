#include "columnfit.h"

#include <QAbstractItemView>
#include <QHeaderView>
#include <QStyle>
#include <QWidget>

namespace Batchdesk::Ui {

void fitColumnToText(QAbstractItemView *view, QHeaderView *header, int column, const QStringList &samples,
                     bool samplesWithIcon)
{
    const QAbstractItemModel *model = view->model();
    if (!model || column < 0 || column >= model->columnCount() || header->isSectionHidden(column))
        return;
    const QFontMetrics cellMetrics = view->fontMetrics();
    const QFontMetrics headerMetrics = header->fontMetrics();
    const int margin = 2 * view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 12;
    const int iconRoom = view->iconSize().isValid() ? view->iconSize().width() + 6 : 22;
    // Header: its label, the sort arrow and the section's own margins.
    int needed = headerMetrics.horizontalAdvance(model->headerData(column, Qt::Horizontal).toString())
        + headerMetrics.height() + 16;
    auto consider = [&](const QString &text, bool icon) {
        needed = qMax(needed, cellMetrics.horizontalAdvance(text) + margin + (icon ? iconRoom : 0));
    };
    const int rows = qMin(model->rowCount(), 200);
    bool anyIcon = false;
    for (int r = 0; r < rows; ++r) {
        const QModelIndex index = model->index(r, column);
        const bool icon = index.data(Qt::DecorationRole).isValid();
        anyIcon = anyIcon || icon;
        consider(index.data(Qt::DisplayRole).toString(), icon);
    }
    for (const QString &sample : samples)
        consider(sample, anyIcon || samplesWithIcon);
    if (header->sectionSize(column) < needed)
        header->resizeSection(column, needed);
}

void fitWidthToTitle(QWidget *window, int minimumWidth)
{
    // The title bar font is the window manager's; the application font is a close estimate. Room is left for
    // the icon and the window buttons.
    QFont titleFont = window->font();
    titleFont.setBold(true);
    const int title = QFontMetrics(titleFont).horizontalAdvance(window->windowTitle()) + 160;
    window->setMinimumWidth(qMax(window->minimumWidth(), qMax(minimumWidth, title)));
}

} // namespace Batchdesk::Ui
