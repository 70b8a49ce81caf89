#pragma once

#include <QStringList>

class QAbstractItemView;
class QHeaderView;
class QWidget;

namespace Batchdesk::Ui {

/**
 * Widens a column to the text it shows, so that a translation never cuts it ("Fehlgesch…"): the header
 * label (with room for the sort indicator) and the DisplayRole text of the first rows (with the icon), plus
 * any samples of values that may appear later (with room for an icon when samplesWithIcon). Only ever grows a
 * column (a width the user chose, or a restored one that is wide enough, stays). GUI thread.
 */
void fitColumnToText(QAbstractItemView *view, QHeaderView *header, int column,
                     const QStringList &samples = {}, bool samplesWithIcon = false);

/** Makes a small dialog at least as wide as its window title needs (title bars cut it otherwise), and
 *  never narrower than minimumWidth. */
void fitWidthToTitle(QWidget *window, int minimumWidth = 380);

} // namespace Batchdesk::Ui
