#include "pricesdialog.h"

#include "api/provider.h"
#include "icons.h"
#include "messagebox.h"

#include <QAbstractTableModel>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace Batchdesk::Ui {

namespace {

enum Column {
    ProviderColumn,
    ModelColumn,
    InputColumn,
    OutputColumn,
    DiscountColumn,
    BatchInputColumn,
    BatchOutputColumn,
    AsOfColumn,
    SourceColumn,
    ColumnCount
};

QString keyOf(const QString &provider, const QString &model)
{
    return provider.toLower() + u'\n' + model.toLower();
}

/** "$0.15", "$0.017", "$2.50": at least two decimals, at most four. */
QString dollars(double value)
{
    QString s = QString::number(value, 'f', 4);
    while (s.endsWith(u'0') && s.indexOf(u'.') < s.size() - 3)
        s.chop(1);
    return QStringLiteral("$") + s;
}

QString percent(double value)
{
    return QString::number(value, 'g', 4) + QStringLiteral(" %");
}

std::optional<double> parseNumber(const QVariant &value)
{
    if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Int)
        return value.toDouble();
    QString text = value.toString().trimmed();
    if (text.startsWith(u'$'))
        text = text.mid(1).trimmed();
    if (text.endsWith(u'%'))
        text = text.chopped(1).trimmed();
    bool ok = false;
    double v = QLocale().toDouble(text, &ok);
    if (!ok)
        v = QLocale::c().toDouble(text, &ok);
    if (!ok)
        return std::nullopt;
    return v;
}

} // namespace

/** The price table's entries as rows; edits go into the table at once (it is saved by the dialog). */
class PriceTableModel final : public QAbstractTableModel
{
    Q_DECLARE_TR_FUNCTIONS(Batchdesk::Ui::PriceTableModel)

public:
    static QString providerName(const QString &id)
    {
        if (id.isEmpty())
            return tr("Any provider");
        const auto p = Api::Provider::byId(id);
        return p ? p->displayName : id;
    }

    PriceTableModel(Cost::PriceTable table, QObject *parent)
        : QAbstractTableModel(parent)
        , m_table(std::move(table))
        , m_rows(m_table.entries())
    { }

    std::function<void(const QString &)> onRejected;
    std::function<void()> onChanged;

    const Cost::PriceTable &table() const { return m_table; }
    const Cost::PriceEntry &entry(int row) const { return m_rows.at(row); }
    int rowOf(const QString &provider, const QString &model) const
    {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (keyOf(m_rows[i].provider, m_rows[i].model) == keyOf(provider, model))
                return i;
        }
        return -1;
    }
    /** Rows added in this dialog: they need a price before saving. */
    bool isNew(int row) const { return m_new.contains(keyOf(m_rows[row].provider, m_rows[row].model)); }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : ColumnCount;
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal)
            return {};
        if (role == Qt::DisplayRole) {
            switch (section) {
            case ProviderColumn:
                return tr("Provider");
            case ModelColumn:
                return tr("Model");
            case InputColumn:
                return tr("Input $/M");
            case OutputColumn:
                return tr("Output $/M");
            case DiscountColumn:
                return tr("Batch discount");
            case BatchInputColumn:
                return tr("Batch input $/M");
            case BatchOutputColumn:
                return tr("Batch output $/M");
            case AsOfColumn:
                return tr("As of");
            case SourceColumn:
                return tr("Source");
            default:
                return {};
            }
        }
        if (role == Qt::ToolTipRole) {
            switch (section) {
            case InputColumn:
                return tr("Real-time price of a million input (prompt) tokens, in US dollars");
            case OutputColumn:
                return tr("Real-time price of a million output (answer) tokens, in US dollars");
            case DiscountColumn:
                return tr("The provider's discount for batch requests, off the real-time prices");
            case BatchInputColumn:
            case BatchOutputColumn:
                return tr("The real-time price less the batch discount: what estimates use");
            case AsOfColumn:
                return tr("When the price was taken: the snapshot's date, or the day you edited it");
            default:
                return {};
            }
        }
        return {};
    }

    Qt::ItemFlags flags(const QModelIndex &index) const override
    {
        Qt::ItemFlags f = QAbstractTableModel::flags(index);
        if (index.column() <= DiscountColumn)
            f |= Qt::ItemIsEditable;
        return f;
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= m_rows.size())
            return {};
        const Cost::PriceEntry &e = m_rows.at(index.row());
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case ProviderColumn:
                return providerName(e.provider);
            case ModelColumn:
                return e.model.isEmpty() ? tr("(type the model id)") : e.model;
            case InputColumn:
                return dollars(e.inputPerMillion);
            case OutputColumn:
                return dollars(e.outputPerMillion);
            case DiscountColumn:
                return percent(e.batchDiscountPercent);
            case BatchInputColumn:
                return dollars(e.batchInputPerMillion());
            case BatchOutputColumn:
                return dollars(e.batchOutputPerMillion());
            case AsOfColumn:
                return e.asOf.toString(Qt::ISODate);
            case SourceColumn:
                return e.edited
                    ? tr("Edited")
                    : tr("Snapshot %1").arg(Cost::PriceTable::snapshotDate().toString(Qt::ISODate));
            default:
                return {};
            }
        }
        if (role == Qt::EditRole) {
            switch (index.column()) {
            case ProviderColumn:
                return e.provider;
            case ModelColumn:
                return e.model;
            case InputColumn:
                return e.inputPerMillion;
            case OutputColumn:
                return e.outputPerMillion;
            case DiscountColumn:
                return e.batchDiscountPercent;
            case BatchInputColumn:
                return e.batchInputPerMillion();
            case BatchOutputColumn:
                return e.batchOutputPerMillion();
            case AsOfColumn:
                return e.asOf;
            case SourceColumn:
                return e.edited ? 1 : 0;
            default:
                return {};
            }
        }
        if (role == Qt::TextAlignmentRole && index.column() >= InputColumn
            && index.column() <= BatchOutputColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::FontRole
            && ((index.column() == SourceColumn && e.edited)
                || (index.column() == ModelColumn && e.model.isEmpty()))) {
            QFont font;
            font.setBold(e.edited && index.column() == SourceColumn);
            font.setItalic(e.model.isEmpty());
            return font;
        }
        if (role == Qt::ToolTipRole) {
            if (!e.note.isEmpty())
                return e.note;
            if (index.column() == SourceColumn)
                return e.edited
                    ? tr("You entered or changed this price; Reset to Snapshot brings the seeded one "
                         "back.")
                    : Cost::PriceTable::snapshotNote();
        }
        return {};
    }

    bool setData(const QModelIndex &index, const QVariant &value, int role) override
    {
        if (!index.isValid() || role != Qt::EditRole || index.row() >= m_rows.size())
            return false;
        const Cost::PriceEntry old = m_rows.at(index.row());
        Cost::PriceEntry e = old;
        switch (index.column()) {
        case ProviderColumn: {
            const QString id = value.toString().trimmed();
            if (!id.isEmpty() && !Api::Provider::byId(id))
                return reject(tr("\u201c%1\u201d is not a provider Batchdesk knows.").arg(id));
            e.provider = id;
            break;
        }
        case ModelColumn:
            e.model = value.toString().trimmed();
            if (e.model.isEmpty())
                return reject(tr("A price needs the model id, as the requests name it."));
            break;
        case InputColumn:
        case OutputColumn:
        case DiscountColumn: {
            const auto number = parseNumber(value);
            if (!number || !qIsFinite(*number) || *number < 0)
                return reject(
                    tr("\u201c%1\u201d is not a price: type a number of dollars, 0 or more (e.g. 0.15).")
                        .arg(value.toString()));
            if (index.column() == DiscountColumn && *number > 100)
                return reject(tr("A discount is between 0 and 100 %."));
            (index.column() == InputColumn        ? e.inputPerMillion
                 : index.column() == OutputColumn ? e.outputPerMillion
                                                  : e.batchDiscountPercent) = *number;
            break;
        }
        default:
            return false;
        }
        const bool keyChanged = keyOf(e.provider, e.model) != keyOf(old.provider, old.model);
        if (keyChanged && rowOf(e.provider, e.model) >= 0)
            return reject(tr("%1 already has a price for %2.").arg(providerName(e.provider), e.model));
        if (!keyChanged && e.inputPerMillion == old.inputPerMillion
            && e.outputPerMillion == old.outputPerMillion
            && e.batchDiscountPercent == old.batchDiscountPercent && e.provider == old.provider
            && e.model == old.model)
            return true; // nothing changed: the snapshot's entry stays the snapshot's
        e.asOf = {}; // today
        e.note.clear();
        if (keyChanged) {
            const bool wasNew = m_new.remove(keyOf(old.provider, old.model));
            beginResetModel();
            m_table.remove(old.provider, old.model);
            m_table.set(e);
            m_rows = m_table.entries();
            endResetModel();
            if (wasNew)
                m_new.insert(keyOf(e.provider, e.model));
        } else {
            m_table.set(e);
            m_rows = m_table.entries();
            emit dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
        }
        if (onChanged)
            onChanged();
        return true;
    }

    /** A row to type a new price into; returns its row. */
    int addRow(const QString &provider, const QString &model)
    {
        if (const int row = rowOf(provider, model); row >= 0)
            return row;
        Cost::PriceEntry e;
        e.provider = provider;
        e.model = model;
        e.batchDiscountPercent = 50;
        beginResetModel();
        m_table.set(e);
        m_rows = m_table.entries();
        endResetModel();
        m_new.insert(keyOf(provider, model));
        if (onChanged)
            onChanged();
        return rowOf(provider, model);
    }

    void removeRow(int row)
    {
        const Cost::PriceEntry e = m_rows.at(row);
        beginResetModel();
        m_table.remove(e.provider, e.model);
        m_rows = m_table.entries();
        endResetModel();
        m_new.remove(keyOf(e.provider, e.model));
        if (onChanged)
            onChanged();
    }

    void resetRow(int row)
    {
        const Cost::PriceEntry e = m_rows.at(row);
        beginResetModel();
        m_table.reset(e.provider, e.model);
        m_rows = m_table.entries();
        endResetModel();
        m_new.remove(keyOf(e.provider, e.model));
        if (onChanged)
            onChanged();
    }

    void resetAll()
    {
        beginResetModel();
        m_table = Cost::PriceTable::snapshot();
        m_rows = m_table.entries();
        endResetModel();
        m_new.clear();
        if (onChanged)
            onChanged();
    }

    /** Why the table cannot be saved yet, or empty. */
    QString unfinished() const
    {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows[i].model.isEmpty())
                return tr("Row %1 has no model id yet: type it, or remove the row.").arg(i + 1);
            if (isNew(i) && m_rows[i].inputPerMillion == 0 && m_rows[i].outputPerMillion == 0)
                return tr("%1 has no price yet: type its input and output prices, or remove the row.")
                    .arg(m_rows[i].model);
        }
        return {};
    }

private:
    bool reject(const QString &text)
    {
        if (onRejected)
            onRejected(text);
        return false;
    }

    Cost::PriceTable m_table;
    QList<Cost::PriceEntry> m_rows;
    QSet<QString> m_new;
};

namespace {

/** Number cells get a checked line edit; the provider a list of the providers Batchdesk knows. */
class PriceDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        if (index.column() == ProviderColumn) {
            auto *box = new QComboBox(parent);
            box->setObjectName(QStringLiteral("priceProviderEditor"));
            box->addItem(PriceTableModel::providerName(QString()), QString());
            for (const Api::Provider &p : Api::Provider::all())
                box->addItem(p.displayName, p.id);
            return box;
        }
        if (index.column() >= InputColumn && index.column() <= DiscountColumn) {
            auto *edit = new QLineEdit(parent);
            edit->setObjectName(QStringLiteral("priceNumberEditor"));
            edit->setFrame(false);
            edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            auto *validator = new QDoubleValidator(0, index.column() == DiscountColumn ? 100 : 1e6, 6, edit);
            validator->setNotation(QDoubleValidator::StandardNotation);
            edit->setValidator(validator);
            return edit;
        }
        return QStyledItemDelegate::createEditor(parent, option, index);
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *box = qobject_cast<QComboBox *>(editor)) {
            box->setCurrentIndex(qMax(0, box->findData(index.data(Qt::EditRole).toString())));
            return;
        }
        if (auto *edit = qobject_cast<QLineEdit *>(editor);
            edit && index.column() >= InputColumn && index.column() <= DiscountColumn) {
            edit->setText(QLocale().toString(index.data(Qt::EditRole).toDouble(), 'g', 8));
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        if (auto *box = qobject_cast<QComboBox *>(editor)) {
            model->setData(index, box->currentData(), Qt::EditRole);
            return;
        }
        if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
            model->setData(index, edit->text(), Qt::EditRole);
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }
};

} // namespace

PriceEvents *PriceEvents::instance()
{
    static PriceEvents *events = new PriceEvents; // the application's lifetime
    return events;
}

PricesDialog::PricesDialog(QWidget *parent, const QString &path)
    : QDialog(parent)
    , m_path(path)
    , m_model(nullptr)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_reset(new QPushButton(tr("Reset to &Snapshot"), this))
    , m_resetAll(new QPushButton(tr("Reset &All\u2026"), this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("pricesTableDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Prices"));
    resize(1180, 600);

    QString loadError;
    auto loaded = Cost::PriceTable::load(m_path);
    if (!loaded.ok())
        loadError = loaded.errorString();
    m_model = new PriceTableModel(loaded.ok() ? loaded.value() : Cost::PriceTable::snapshot(), this);

    const QString date = Cost::PriceTable::snapshotDate().toString(Qt::ISODate);
    auto *title = new QLabel(tr("Prices per million tokens, in US dollars"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title->setFont(titleFont);
    auto *header = new QLabel(
        tr("The prices Batchdesk comes with are a <b>snapshot of the providers' list prices as of %1, typed "
           "in "
           "by hand</b>. Batchdesk never fetches prices, and providers change them: check the provider's "
           "pricing page and edit a row when it differs. The estimate before submitting, the budget cap and "
           "the results' totals all use this table.")
            .arg(date.toHtmlEscaped()),
        this);
    header->setObjectName(QStringLiteral("pricesHeader"));
    header->setWordWrap(true);
    header->setTextFormat(Qt::RichText);

    m_filter->setObjectName(QStringLiteral("pricesFilter"));
    m_filter->setPlaceholderText(tr("Filter by provider or model"));
    m_filter->setClearButtonEnabled(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(Qt::EditRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("pricesTable"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new PriceDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ProviderColumn, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_add->setObjectName(QStringLiteral("pricesAdd"));
    m_add->setToolTip(tr("Add a price for a model the table does not have"));
    m_remove->setObjectName(QStringLiteral("pricesRemove"));
    m_remove->setToolTip(tr("Remove the selected price: that model's cost is then unknown"));
    m_reset->setObjectName(QStringLiteral("pricesReset"));
    m_reset->setToolTip(
        tr("Put the snapshot's price back for the selected model (or remove a price you added)"));
    m_resetAll->setObjectName(QStringLiteral("pricesResetAll"));
    m_resetAll->setToolTip(tr("Drop every edit: the table becomes the snapshot again"));
    m_status->setObjectName(QStringLiteral("pricesStatus"));
    m_status->setWordWrap(true);
    m_buttons->setObjectName(QStringLiteral("pricesButtons"));
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("pricesSave"));

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_filter, 1);
    tools->addSpacing(12);
    tools->addWidget(m_add);
    tools->addWidget(m_remove);
    tools->addWidget(m_reset);
    tools->addWidget(m_resetAll);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(header);
    layout->addSpacing(4);
    layout->addLayout(tools);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    m_model->onRejected = [this](const QString &text) { showStatus(text, true); };
    m_model->onChanged = [this] {
        showStatus(tr("Changed: Save keeps the prices; Cancel drops the changes."), false);
        updateButtons();
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PricesDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PricesDialog::updateButtons);
    connect(m_add, &QPushButton::clicked, this, [this] { selectModel({}, {}); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->selectionModel()->currentIndex();
        if (current.isValid())
            m_model->removeRow(m_proxy->mapToSource(current).row());
    });
    connect(m_reset, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->selectionModel()->currentIndex();
        if (!current.isValid())
            return;
        const Cost::PriceEntry e = m_model->entry(m_proxy->mapToSource(current).row());
        m_model->resetRow(m_proxy->mapToSource(current).row());
        // The snapshot's entry is back (a price that was only added is gone).
        if (const int row = e.model.isEmpty() ? -1 : m_model->rowOf(e.provider, e.model); row >= 0)
            selectRow(row, ModelColumn);
    });
    connect(m_resetAll, &QPushButton::clicked, this, [this] {
        if (MessageBox::confirm(this, tr("Reset All Prices"),
                                tr("Drop every price you entered or changed? The table becomes the snapshot "
                                   "of %1 again (when you save).")
                                    .arg(Cost::PriceTable::snapshotDate().toString(Qt::ISODate)),
                                tr("Reset All"), tr("Keep My Prices"))
            == QMessageBox::Yes)
            m_model->resetAll();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (!loadError.isEmpty())
        showStatus(tr("%1 Saving replaces the file.").arg(loadError), true);
    else
        showStatus(tr("Double-click a price to change it."), false);
    updateButtons();
    m_filter->setFocus();
}

PricesDialog::~PricesDialog() = default;

PricesDialog *PricesDialog::openFor(QWidget *parent, const QString &provider, const QString &model)
{
    auto *dialog = new PricesDialog(parent);
    dialog->open();
    if (!model.isEmpty())
        dialog->selectModel(provider, model);
    return dialog;
}

Cost::PriceTable PricesDialog::table() const
{
    return m_model->table();
}

void PricesDialog::selectModel(const QString &provider, const QString &model)
{
    int row = model.isEmpty() ? -1 : m_model->rowOf(provider, model);
    if (row < 0 && !model.isEmpty()) {
        // The entry the estimate would use: the provider's, or one for any provider.
        if (const auto found = m_model->table().find(provider, model))
            row = m_model->rowOf(found->provider, found->model);
    }
    const bool added = row < 0;
    if (added)
        row = m_model->addRow(provider, model);
    const QModelIndex index =
        selectRow(row, added ? (model.isEmpty() ? ModelColumn : InputColumn) : ModelColumn);
    if (added && index.isValid()) {
        showStatus(model.isEmpty() ? tr("Type the model id, then its prices.")
                                   : tr("No price for %1 yet: type its input and output prices per million "
                                        "tokens, as the provider's pricing page gives them.")
                                         .arg(model),
                   false);
        m_view->edit(index);
    }
}

QModelIndex PricesDialog::selectRow(int sourceRow, int column)
{
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, column));
    if (!index.isValid() && !m_filter->text().isEmpty()) { // filtered out: show every row
        m_filter->clear();
        index = m_proxy->mapFromSource(m_model->index(sourceRow, column));
    }
    if (index.isValid()) {
        m_view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
        m_view->setFocus();
    }
    updateButtons();
    return index;
}

bool PricesDialog::save()
{
    if (const QString problem = m_model->unfinished(); !problem.isEmpty()) {
        showStatus(problem, true);
        return false;
    }
    const auto written = m_model->table().save(m_path);
    if (!written.ok()) {
        showStatus(tr("The prices were not saved: %1").arg(written.errorString()), true);
        return false;
    }
    showStatus(tr("Saved."), false);
    emit saved();
    emit PriceEvents::instance()->changed();
    return true;
}

void PricesDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText,
                   p.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x8a, 0x80)
                                                             : QColor(0xb0, 0x20, 0x18));
    else
        p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    m_status->setPalette(p);
}

void PricesDialog::updateButtons()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const bool selected = current.isValid() && m_view->selectionModel()->isRowSelected(current.row());
    m_remove->setEnabled(selected);
    bool resettable = false;
    if (selected) {
        const Cost::PriceEntry &e = m_model->entry(m_proxy->mapToSource(current).row());
        resettable = e.edited;
    }
    m_reset->setEnabled(resettable);
}

} // namespace Batchdesk::Ui
