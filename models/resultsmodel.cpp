#include "resultsmodel.h"

#include "displayformat.h"
#include "icons.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Batchdesk::Models {

using Results::JoinedResults;
using Results::Outcome;
using Results::ResultRow;

namespace {

constexpr int kSearchPreviewChars = 4000; // how much of a request the search looks at
constexpr int kSortKeyChars = 200;
constexpr int kDisplayChars = 300;

struct ViewSpec
{
    QSet<Outcome> outcomes;
    QString search;
    Results::SummaryFilter summary;
    std::shared_ptr<const Results::JsonColumns> json;
    bool invalidJsonOnly = false;
    int column = -1;
    Qt::SortOrder order = Qt::AscendingOrder;
};

bool isTextColumn(int column)
{
    return column == ResultsModel::RequestColumn || column == ResultsModel::ResponseColumn
        || column == ResultsModel::FinishReasonColumn || column == ResultsModel::ErrorColumn
        || column == ResultsModel::FlaggedColumn || column == ResultsModel::CategoriesColumn
        || column == ResultsModel::ImagesColumn || column == ResultsModel::VideoColumn;
}

QString flaggedText(const ResultRow &row)
{
    if (row.flagged < 0)
        return {};
    return row.flagged ? ResultsModel::tr("yes") : ResultsModel::tr("no");
}

QString videoText(const ResultRow &row)
{
    if (row.videoId.isEmpty())
        return {};
    return row.videoStatus.isEmpty() ? row.videoId
                                     : row.videoId + QStringLiteral(" (") + row.videoStatus + u')';
}

QString errorText(const ResultRow &row)
{
    if (row.errorCode.isEmpty())
        return row.errorMessage;
    if (row.errorMessage.isEmpty())
        return row.errorCode;
    return row.errorCode + QStringLiteral(": ") + row.errorMessage;
}

QString textKey(const ResultRow &row, int column)
{
    switch (column) {
    case ResultsModel::RequestColumn:
        return row.requestPreview.left(kSortKeyChars);
    case ResultsModel::ResponseColumn:
        return row.responseText.left(kSortKeyChars);
    case ResultsModel::FinishReasonColumn:
        return row.finishReason;
    case ResultsModel::ErrorColumn:
        return errorText(row).left(kSortKeyChars);
    case ResultsModel::FlaggedColumn:
        return flaggedText(row);
    case ResultsModel::CategoriesColumn:
        return row.flaggedCategories.join(QStringLiteral(", "));
    case ResultsModel::ImagesColumn:
        return QStringLiteral("%1").arg(row.imageCount, 6, 10, QLatin1Char('0'));
    case ResultsModel::VideoColumn:
        return videoText(row);
    default:
        return {};
    }
}

// Numbers the index knows without parsing the lines; -1 sorts unknown values first (ascending).
qint64 numericKey(const JoinedResults &r, qint64 i, int column)
{
    const Results::ResultEntry *entry = r.entry(i);
    switch (column) {
    case ResultsModel::OutcomeColumn:
        return qint64(r.outcome(i));
    case ResultsModel::StatusColumn:
        return entry ? entry->httpStatus : -1;
    case ResultsModel::InputTokensColumn:
        return entry ? entry->inputTokens : -1;
    case ResultsModel::OutputTokensColumn:
        return entry ? entry->outputTokens : -1;
    default:
        return r.inputLine(i) >= 0 ? r.inputLine(i) : std::numeric_limits<qint64>::max();
    }
}

bool matches(const ResultRow &row, const QString &needle)
{
    return row.customId.contains(needle, Qt::CaseInsensitive)
        || row.requestPreview.contains(needle, Qt::CaseInsensitive)
        || row.responseText.contains(needle, Qt::CaseInsensitive)
        || row.errorMessage.contains(needle, Qt::CaseInsensitive)
        || row.errorCode.contains(needle, Qt::CaseInsensitive)
        || row.flaggedCategories.join(u' ').contains(needle, Qt::CaseInsensitive)
        || row.videoId.contains(needle, Qt::CaseInsensitive);
}

int jsonIndex(const ViewSpec &spec, int column)
{
    const int c = column - ResultsModel::ColumnCount;
    return spec.json && c >= 0 && c < spec.json->columns().size() ? c : -1;
}

// JSON values in sort order: absent first, then booleans, numbers (as numbers), text (case-insensitive).
int compareJson(const QVariant &a, const QVariant &b)
{
    const auto rank = [](const QVariant &v) {
        switch (v.typeId()) {
        case QMetaType::UnknownType:
            return 0;
        case QMetaType::Bool:
            return 1;
        case QMetaType::Double:
        case QMetaType::LongLong:
            return 2;
        default:
            return 3;
        }
    };
    const int ra = rank(a);
    const int rb = rank(b);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    switch (ra) {
    case 1:
        return int(a.toBool()) - int(b.toBool());
    case 2: {
        if (a.typeId() == QMetaType::LongLong && b.typeId() == QMetaType::LongLong) {
            const qint64 x = a.toLongLong();
            const qint64 y = b.toLongLong();
            return x < y ? -1 : x > y ? 1 : 0;
        }
        const double x = a.toDouble();
        const double y = b.toDouble();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    case 3:
        return a.toString().compare(b.toString(), Qt::CaseInsensitive);
    default:
        return 0;
    }
}

// Computes a view; returns early (with whatever it has) when canceled, and the caller drops the result.
std::vector<qint64> computeView(const JoinedResults &r, const ViewSpec &spec, const std::atomic<bool> *cancel)
{
    const bool textSort = isTextColumn(spec.column);
    const bool search = !spec.search.isEmpty();
    const int jsonSort = jsonIndex(spec, spec.column);
    const bool invalidOnly = spec.invalidJsonOnly && spec.json;
    const bool parseForFilter = spec.summary.needsParsedRow() || invalidOnly || jsonSort >= 0;
    std::vector<qint64> view;
    std::vector<QString> keys;
    std::vector<QVariant> jsonKeys;
    view.reserve(std::size_t(r.rowCount()));
    for (qint64 i = 0; i < r.rowCount(); ++i) {
        if ((i & 255) == 0 && cancel && cancel->load(std::memory_order_relaxed))
            return {};
        // An outcome filter shows the input's requests (what the chips count); results not in the input show
        // in the unfiltered view only.
        if (!spec.outcomes.isEmpty() && (r.isExtra(i) || !spec.outcomes.contains(r.outcome(i))))
            continue;
        if (!parseForFilter && !spec.summary.matches(r, i))
            continue;
        if (search || textSort || parseForFilter) {
            const ResultRow row = r.row(i, search ? kSearchPreviewChars : kSortKeyChars);
            if (parseForFilter && !spec.summary.matches(r, i, &row))
                continue;
            if (search && !matches(row, spec.search))
                continue;
            if (invalidOnly || jsonSort >= 0) {
                const Results::JsonRowValues values = spec.json->extract(row);
                if (invalidOnly && values.status != Results::JsonRowValues::Status::Invalid)
                    continue;
                if (jsonSort >= 0)
                    jsonKeys.push_back(values.values.value(jsonSort));
            }
            if (textSort)
                keys.push_back(textKey(row, spec.column));
        }
        view.push_back(i);
    }
    if (spec.column < 0)
        return view;
    const bool descending = spec.order == Qt::DescendingOrder;
    if (jsonSort >= 0) {
        std::vector<std::size_t> order(view.size());
        for (std::size_t k = 0; k < order.size(); ++k)
            order[k] = k;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const int c = compareJson(jsonKeys[a], jsonKeys[b]);
            return descending ? c > 0 : c < 0;
        });
        std::vector<qint64> sorted(view.size());
        for (std::size_t k = 0; k < order.size(); ++k)
            sorted[k] = view[order[k]];
        return sorted;
    }
    if (textSort) {
        std::vector<std::size_t> order(view.size());
        for (std::size_t k = 0; k < order.size(); ++k)
            order[k] = k;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const int c = keys[a].compare(keys[b], Qt::CaseInsensitive);
            return descending ? c > 0 : c < 0;
        });
        std::vector<qint64> sorted(view.size());
        for (std::size_t k = 0; k < order.size(); ++k)
            sorted[k] = view[order[k]];
        return sorted;
    }
    if (spec.column == ResultsModel::CustomIdColumn) {
        std::vector<QByteArray> ids;
        ids.reserve(view.size());
        for (qint64 i : view)
            ids.push_back(r.customId(i));
        std::vector<std::size_t> order(view.size());
        for (std::size_t k = 0; k < order.size(); ++k)
            order[k] = k;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return descending ? ids[b] < ids[a] : ids[a] < ids[b];
        });
        std::vector<qint64> sorted(view.size());
        for (std::size_t k = 0; k < order.size(); ++k)
            sorted[k] = view[order[k]];
        return sorted;
    }
    std::stable_sort(view.begin(), view.end(), [&](qint64 a, qint64 b) {
        const qint64 ka = numericKey(r, a, spec.column);
        const qint64 kb = numericKey(r, b, spec.column);
        return descending ? kb < ka : ka < kb;
    });
    return view;
}

QString oneLine(QString text, int max)
{
    if (text.size() > max) {
        text.truncate(max);
        text += QChar(0x2026);
    }
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    return text;
}

QIcon outcomeIcon(Outcome o)
{
    switch (o) {
    case Outcome::Succeeded:
        return icon(QStringLiteral("ok"));
    case Outcome::Failed:
        return icon(QStringLiteral("error"));
    case Outcome::Expired:
        return icon(QStringLiteral("warning"));
    case Outcome::Cancelled:
        return icon(QStringLiteral("cancel"));
    case Outcome::Missing:
        return icon(QStringLiteral("info"));
    }
    return {};
}

} // namespace

std::shared_ptr<const PreviousStage> previousStageOf(std::shared_ptr<const JoinedResults> results,
                                                     const std::atomic<bool> *cancel)
{
    auto previous = std::make_shared<PreviousStage>();
    if (!results)
        return previous;
    previous->rows.reserve(qsizetype(results->rowCount()));
    for (qint64 i = 0; i < results->rowCount(); ++i) {
        if ((i & 1023) == 0 && cancel && cancel->load(std::memory_order_relaxed))
            return nullptr;
        if (!results->hasResult(i))
            continue;
        const QByteArray id = results->customId(i);
        if (!previous->rows.contains(id))
            previous->rows.insert(id, i);
    }
    previous->results = std::move(results);
    return previous;
}

ResultsModel::ResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_json(std::make_shared<Results::JsonColumns>())
    , m_cache(2000)
    , m_jsonCache(2000)
    , m_previousCache(2000)
{
    connect(&m_watcher, &QFutureWatcher<std::vector<qint64>>::finished, this, [this] {
        const int generation = m_watcher.property("generation").toInt();
        if (generation == m_generation && !m_watcher.isCanceled())
            applyView(m_watcher.result());
        if (!m_watcher.isRunning())
            emit busyChanged(false);
    });
}

ResultsModel::~ResultsModel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void ResultsModel::setResults(std::shared_ptr<const JoinedResults> results)
{
    if (m_cancel)
        m_cancel->store(true);
    ++m_generation;
    beginResetModel();
    m_results = std::move(results);
    m_cache.clear();
    m_jsonCache.clear();
    m_previousCache.clear();
    m_view.clear();
    endResetModel();
    updateView();
}

void ResultsModel::setJsonColumns(const Results::JsonColumns &columns)
{
    beginResetModel();
    m_json = std::make_shared<Results::JsonColumns>(columns);
    m_jsonCache.clear();
    if (columns.isEmpty())
        m_invalidJsonOnly = false;
    if (m_sortColumn >= ColumnCount && m_sortColumn - ColumnCount >= columns.columns().size())
        m_sortColumn = -1;
    endResetModel();
    updateView();
}

void ResultsModel::setPreviousStage(std::shared_ptr<const PreviousStage> previous)
{
    if (previous == m_previous)
        return;
    if (m_previous) {
        const int column = previousColumn();
        beginRemoveColumns({}, column, column);
        m_previous.reset();
        m_previousCache.clear();
        if (m_sortColumn == column)
            m_sortColumn = -1;
        endRemoveColumns();
    }
    if (previous) {
        const int column = ColumnCount + int(m_json->columns().size());
        beginInsertColumns({}, column, column);
        m_previous = std::move(previous);
        endInsertColumns();
    }
}

int ResultsModel::previousColumn() const
{
    return m_previous ? ColumnCount + int(m_json->columns().size()) : -1;
}

const QString *ResultsModel::cachedPrevious(qint64 sourceRow) const
{
    if (QString *text = m_previousCache.object(sourceRow))
        return text;
    auto *text = new QString;
    const auto it = m_previous->rows.constFind(m_results->customId(sourceRow));
    if (it != m_previous->rows.constEnd())
        *text = m_previous->results->row(*it).responseText;
    m_previousCache.insert(sourceRow, text);
    return text;
}

QString ResultsModel::previousResponse(int row) const
{
    if (!m_results || !m_previous || row < 0 || row >= rowCount())
        return {};
    return *cachedPrevious(m_view[std::size_t(row)]);
}

int ResultsModel::jsonColumnOf(int column) const
{
    const int c = column - ColumnCount;
    return c >= 0 && c < m_json->columns().size() ? c : -1;
}

void ResultsModel::setInvalidJsonFilter(bool on)
{
    if (on == m_invalidJsonOnly)
        return;
    m_invalidJsonOnly = on;
    updateView();
}

const Results::JsonRowValues *ResultsModel::cachedJson(qint64 sourceRow) const
{
    if (Results::JsonRowValues *values = m_jsonCache.object(sourceRow))
        return values;
    auto *values = new Results::JsonRowValues(m_json->extract(*cachedRow(sourceRow)));
    m_jsonCache.insert(sourceRow, values);
    return values;
}

Results::JsonRowValues ResultsModel::jsonValues(int row) const
{
    if (!m_results || row < 0 || row >= rowCount() || m_json->isEmpty())
        return {};
    return *cachedJson(m_view[std::size_t(row)]);
}

void ResultsModel::setOutcomeFilter(const QSet<Outcome> &outcomes)
{
    if (outcomes == m_outcomes)
        return;
    m_outcomes = outcomes;
    updateView();
}

void ResultsModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    updateView();
}

void ResultsModel::setSummaryFilter(const Results::SummaryFilter &filter)
{
    if (filter == m_summaryFilter)
        return;
    m_summaryFilter = filter;
    updateView();
}

void ResultsModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    updateView();
}

void ResultsModel::updateView()
{
    if (m_cancel)
        m_cancel->store(true);
    const int generation = ++m_generation;
    if (!m_results) {
        applyView({});
        return;
    }
    ViewSpec spec {m_outcomes,        m_search,     m_summaryFilter, m_json,
                   m_invalidJsonOnly, m_sortColumn, m_sortOrder};
    if (spec.search.isEmpty() && !isTextColumn(spec.column) && !spec.summary.needsParsedRow()
        && !(spec.invalidJsonOnly && !m_json->isEmpty()) && jsonIndex(spec, spec.column) < 0) {
        applyView(computeView(*m_results, spec, nullptr));
        return;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const bool wasBusy = m_watcher.isRunning();
    m_watcher.setProperty("generation", generation);
    m_watcher.setFuture(QtConcurrent::run(
        [results = m_results, spec = std::move(spec), cancel = m_cancel]() -> std::vector<qint64> {
            return computeView(*results, spec, cancel.get());
        }));
    if (!wasBusy)
        emit busyChanged(true);
}

void ResultsModel::applyView(std::vector<qint64> view)
{
    beginResetModel();
    m_view = std::move(view);
    endResetModel();
    emit viewChanged();
}

QList<qint64> ResultsModel::visibleRows() const
{
    return QList<qint64>(m_view.begin(), m_view.end());
}

int ResultsModel::viewRow(qint64 sourceRow) const
{
    const auto it = std::find(m_view.begin(), m_view.end(), sourceRow);
    return it == m_view.end() ? -1 : int(it - m_view.begin());
}

const ResultRow *ResultsModel::cachedRow(qint64 sourceRow) const
{
    if (ResultRow *row = m_cache.object(sourceRow))
        return row;
    auto *row = new ResultRow(m_results->row(sourceRow, kSearchPreviewChars));
    m_cache.insert(sourceRow, row);
    return row;
}

ResultRow ResultsModel::resultRow(int row) const
{
    if (!m_results || row < 0 || row >= rowCount())
        return {};
    return *cachedRow(m_view[std::size_t(row)]);
}

QString ResultsModel::rowText(int row) const
{
    QStringList cells;
    for (int c = 0; c < columnCount(); ++c)
        cells << data(index(row, c), Qt::DisplayRole).toString();
    return cells.join(u'\t');
}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_view.size());
}

int ResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount + int(m_json->columns().size()) + (m_previous ? 1 : 0);
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_results)
        return {};
    const qint64 source = m_view[std::size_t(index.row())];
    const int column = index.column();
    if (const int json = jsonColumnOf(column); json >= 0)
        return jsonData(source, json, role);
    if (column == previousColumn()) {
        switch (role) {
        case SourceRowRole:
            return source;
        case Qt::DisplayRole:
            return oneLine(*cachedPrevious(source), kDisplayChars);
        case Qt::ToolTipRole: {
            const QString &text = *cachedPrevious(source);
            return text.isEmpty() ? QVariant() : QVariant(text.left(1000));
        }
        default:
            return {};
        }
    }
    switch (role) {
    case SourceRowRole:
        return source;
    case OutcomeRole:
        return int(m_results->outcome(source));
    case Qt::DecorationRole:
        if (column == OutcomeColumn)
            return outcomeIcon(m_results->outcome(source));
        return {};
    case Qt::TextAlignmentRole:
        if (column == StatusColumn || column == InputTokensColumn || column == OutputTokensColumn
            || column == ImagesColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole: {
        if (column == ImagesColumn) {
            const ResultRow &row = *cachedRow(source);
            return row.imageUrls.isEmpty() ? QVariant() : QVariant(row.imageUrls.mid(0, 20).join(u'\n'));
        }
        if (column != RequestColumn && column != ResponseColumn && column != ErrorColumn)
            return {};
        const ResultRow &row = *cachedRow(source);
        const QString text = column == RequestColumn ? row.requestPreview
            : column == ResponseColumn               ? row.responseText
                                                     : errorText(row);
        return text.isEmpty() ? QVariant() : QVariant(text.left(1000));
    }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case CustomIdColumn:
        return QString::fromUtf8(m_results->customId(source));
    case OutcomeColumn:
        return Results::outcomeText(m_results->outcome(source));
    case StatusColumn: {
        const Results::ResultEntry *e = m_results->entry(source);
        return e && e->httpStatus > 0 ? QVariant(e->httpStatus) : QVariant(QStringLiteral("\u2014"));
    }
    case InputTokensColumn:
    case OutputTokensColumn: {
        const Results::ResultEntry *e = m_results->entry(source);
        const qint64 n = !e ? -1 : column == InputTokensColumn ? e->inputTokens : e->outputTokens;
        return n >= 0 ? DisplayFormat::count(n) : QString();
    }
    default:
        break;
    }
    const ResultRow &row = *cachedRow(source);
    switch (column) {
    case RequestColumn:
        return oneLine(row.requestPreview, kDisplayChars);
    case ResponseColumn:
        return oneLine(row.responseText, kDisplayChars);
    case FinishReasonColumn:
        return row.finishReason;
    case ErrorColumn:
        return oneLine(errorText(row), kDisplayChars);
    case FlaggedColumn:
        return flaggedText(row);
    case CategoriesColumn:
        return row.flaggedCategories.join(QStringLiteral(", "));
    case ImagesColumn:
        return row.imageCount > 0 ? QVariant(row.imageCount) : QVariant();
    case VideoColumn:
        return videoText(row);
    default:
        return {};
    }
}

QVariant ResultsModel::jsonData(qint64 source, int json, int role) const
{
    using Type = Results::JsonColumn::Type;
    const Results::JsonRowValues &values = *cachedJson(source);
    const QVariant value = values.values.value(json);
    switch (role) {
    case JsonValueRole:
        return value;
    case Qt::DisplayRole:
        return Results::jsonCellText(value);
    case Qt::TextAlignmentRole: {
        const Type type = m_json->columns().at(json).type;
        const bool numeric = value.typeId() == QMetaType::Double || value.typeId() == QMetaType::LongLong
            || type == Type::Number || type == Type::Integer;
        return numeric ? int(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    case Qt::ToolTipRole:
        if (values.status == Results::JsonRowValues::Status::Invalid)
            return tr("The answer is not JSON: %1").arg(values.error);
        return value.typeId() == QMetaType::QString ? QVariant(value.toString().left(1000)) : QVariant();
    default:
        return {};
    }
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (const int json = jsonColumnOf(section); json >= 0) {
        using Type = Results::JsonColumn::Type;
        const Type type = m_json->columns().at(json).type;
        if (role == Qt::TextAlignmentRole && (type == Type::Number || type == Type::Integer))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::DisplayRole)
            return QString(QStringLiteral("answer.") + m_json->columns().at(json).name);
        return {};
    }
    if (section == previousColumn())
        return role == Qt::DisplayRole ? QVariant(tr("Previous response")) : QVariant();
    if (role == Qt::TextAlignmentRole
        && (section == StatusColumn || section == InputTokensColumn || section == OutputTokensColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CustomIdColumn:
        return tr("custom_id");
    case OutcomeColumn:
        return tr("Outcome");
    case StatusColumn:
        return tr("HTTP");
    case RequestColumn:
        return tr("Request");
    case ResponseColumn:
        return tr("Response");
    case FinishReasonColumn:
        return tr("Finish");
    case InputTokensColumn:
        return tr("In tokens");
    case OutputTokensColumn:
        return tr("Out tokens");
    case ErrorColumn:
        return tr("Error");
    case FlaggedColumn:
        return tr("Flagged");
    case CategoriesColumn:
        return tr("Categories");
    case ImagesColumn:
        return tr("Images");
    case VideoColumn:
        return tr("Video");
    default:
        return {};
    }
}

} // namespace Batchdesk::Models
