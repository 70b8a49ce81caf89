#include "requestsmodel.h"

#include "displayformat.h"
#include "icons.h"

#include <QFont>
#include <QMetaObject>

#include <climits>
#include <limits>

namespace Batchdesk::Models {

namespace {
constexpr int kPreviewChars = 200;
// A row is read on the GUI thread while painting; a pathological line (a 2 GB file without newlines) is not.
constexpr qint64 kMaxSummaryLineBytes = 16'000'000;
} // namespace

RequestsModel::RequestsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_cache(kDefaultCacheCapacity)
{ }

RequestsModel::~RequestsModel() = default;

void RequestsModel::setFile(std::shared_ptr<const Jsonl::JsonlFile> file)
{
    beginResetModel();
    m_file = std::move(file);
    m_cache.clear();
    m_parseCount = 0;
    m_failureReported = false;
    endResetModel();
}

void RequestsModel::setCacheCapacity(int rows)
{
    m_cache.setMaxCost(qMax(1, rows));
}

Result<QByteArray> RequestsModel::lineBytes(int row) const
{
    if (!m_file)
        return Error {QStringLiteral("range"), tr("No file is open.")};
    return m_file->line(row);
}

int RequestsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_file)
        return 0;
    // A QAbstractItemModel counts rows in int; the validator refuses files anywhere near that many lines.
    return int(qMin<qint64>(m_file->lineCount(), std::numeric_limits<int>::max()));
}

int RequestsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const RequestsModel::Row *RequestsModel::row(int r) const
{
    if (const Row *cached = m_cache.object(r))
        return cached;
    auto entry = std::make_unique<Row>();
    ++m_parseCount;
    const qint64 length = m_file->index().lineLength(r);
    if (length > kMaxSummaryLineBytes) {
        entry->error = tr("This line is %1, too large to preview.").arg(DisplayFormat::bytes(length));
        const Row *result = entry.get();
        m_cache.insert(r, entry.release(), 1);
        return result;
    }
    const Result<QByteArray> bytes = m_file->line(r);
    if (!bytes.ok()) {
        entry->error = bytes.errorString();
        if (!m_failureReported) {
            m_failureReported = true;
            // Queued: views call data() while painting, and a slot may reset this model.
            auto *self = const_cast<RequestsModel *>(this);
            QMetaObject::invokeMethod(
                self, [self, message = entry->error] { emit self->readFailed(message); },
                Qt::QueuedConnection);
        }
    } else {
        entry->summary = Jsonl::summarizeRequest(bytes.value(), kPreviewChars);
        if (!entry->summary.valid) {
            QString raw = QString::fromUtf8(bytes.value().left(kPreviewChars * 4)).simplified();
            if (raw.size() > kPreviewChars)
                raw = raw.left(kPreviewChars - 1) + QChar(0x2026);
            entry->rawPreview = raw;
        }
    }
    const Row *result = entry.get();
    m_cache.insert(r, entry.release(), 1);
    return result;
}

QVariant RequestsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int r = index.row();
    const int column = index.column();
    const qint64 lineNumber = qint64(r) + 1;

    if (role == ErrorRole)
        return row(r)->error;

    // Line and Size come from the index: no read.
    if (column == LineColumn || column == SizeColumn) {
        const qint64 size = m_file->index().lineLength(r);
        switch (role) {
        case Qt::DisplayRole:
            return column == LineColumn ? DisplayFormat::count(lineNumber) : DisplayFormat::bytes(size);
        case RawValueRole:
            return column == LineColumn ? lineNumber : size;
        case LineRole:
            return lineNumber;
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::ToolTipRole:
            return column == SizeColumn ? tr("%Ln byte(s)", nullptr, int(qMin<qint64>(size, INT_MAX)))
                                        : QVariant();
        default:
            return {};
        }
    }

    switch (role) {
    case Qt::DisplayRole:
    case RawValueRole:
    case Qt::ToolTipRole: {
        const Row *entry = row(r);
        if (!entry->error.isEmpty())
            return column == PreviewColumn ? entry->error : QString();
        if (!entry->summary.valid) {
            if (column == PreviewColumn)
                return role == Qt::ToolTipRole ? tr("This line is not a JSON object.") : entry->rawPreview;
            return QString();
        }
        switch (column) {
        case CustomIdColumn:
            return entry->summary.customId;
        case ModelColumn:
            return entry->summary.model;
        case PreviewColumn:
            return entry->summary.preview;
        }
        return {};
    }
    case LineRole:
        return lineNumber;
    case Qt::DecorationRole:
        if (column == PreviewColumn) {
            const Row *entry = row(r);
            if (!entry->error.isEmpty() || !entry->summary.valid)
                return icon(QStringLiteral("error"));
        }
        return {};
    case Qt::FontRole:
        if (column == PreviewColumn) {
            const Row *entry = row(r);
            if (!entry->error.isEmpty() || !entry->summary.valid) {
                QFont font;
                font.setItalic(true);
                return font;
            }
        }
        return {};
    default:
        return {};
    }
}

QVariant RequestsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case LineColumn:
            return tr("Line");
        case CustomIdColumn:
            return tr("custom_id");
        case ModelColumn:
            return tr("Model");
        case PreviewColumn:
            return tr("Preview");
        case SizeColumn:
            return tr("Size");
        }
    } else if (role == Qt::TextAlignmentRole && (section == LineColumn || section == SizeColumn)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

} // namespace Batchdesk::Models
