#pragma once

#include "cost/pricetable.h"

#include <QDialog>
#include <QModelIndex>
#include <QObject>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Batchdesk::Ui {

class PriceTableModel;

/**
 * Tells every view that shows a cost (the Validate page's estimate, the Create dialog's, the results' totals)
 * that the price table was saved. One instance for the application; lives in the GUI thread.
 */
class PriceEvents final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriceEvents)

public:
    static PriceEvents *instance();

signals:
    /** PriceTable::defaultPath() was written: load it again. */
    void changed();

private:
    PriceEvents() = default;
};

/**
 * The one price table (Cost::PriceTable) as an editable table: provider, model, real-time input and output
 * prices per million tokens, the batch discount, the batch prices computed from them, the date of the price
 * and its source (the seeded snapshot or edited by the user). Cells are edited in place and checked
 * (non-negative numbers, a discount of 0–100 %, one row per provider and model); Add, Remove, Reset to
 * Snapshot; a filter box. Save writes PriceTable::save() and announces PriceEvents::changed(); a failed save
 * is shown in the dialog, which stays open with the edits. Cancel drops the edits.
 *
 * Non-blocking (open()); deletes itself on close. The table is read once at construction (a few KB).
 */
class PricesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PricesDialog)

public:
    explicit PricesDialog(QWidget *parent = nullptr, const QString &path = Cost::PriceTable::defaultPath());
    ~PricesDialog() override;

    /**
     * Selects the row of model at provider (or of model at any provider). When the table has none, a row for
     * it is added (prices to be typed in) and its input price is put into edit mode.
     */
    void selectModel(const QString &provider, const QString &model);
    /** The table as edited so far (not necessarily saved). */
    Cost::PriceTable table() const;
    /** Saves; false (and the reason shown in the dialog) when the table cannot be written or a new row has no
     *  price yet. */
    bool save();

    /** Opens a dialog (non-modal) over parent, preselected on model when given. */
    static PricesDialog *openFor(QWidget *parent, const QString &provider = {}, const QString &model = {});

signals:
    /** The table was written. */
    void saved();

private:
    void showStatus(const QString &text, bool error);
    void updateButtons();
    /** Selects a row of the table (clearing a filter that hides it); returns its view index. */
    QModelIndex selectRow(int sourceRow, int column);

    QString m_path;
    PriceTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_reset;
    QPushButton *m_resetAll;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
};

} // namespace Batchdesk::Ui
