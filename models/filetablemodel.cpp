#include "filetablemodel.h"

#include "displayformat.h"
#include "icons.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

#include <limits>

namespace Batchdesk::Models {

using Api::FileObject;

namespace {
QString dateText(qint64 secs)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(secs), QLocale::ShortFormat);
}

bool sameFile(const FileObject &a, const FileObject &b)
{
    return a.id == b.id && a.bytes == b.bytes && a.createdAt == b.createdAt && a.expiresAt == b.expiresAt
        && a.filename == b.filename && a.purpose == b.purpose && a.status == b.status;
}
} // namespace

FileTableModel::FileTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{ }

FileTableModel::~FileTableModel() = default;

void FileTableModel::reindex()
{
    m_rowById.clear();
    for (int i = 0; i < m_files.size(); ++i)
        m_rowById.insert(m_files.at(i).id, i);
}

void FileTableModel::updateTotal()
{
    qint64 total = 0;
    for (const FileObject &f : std::as_const(m_files))
        total += f.bytes;
    if (total == m_totalBytes)
        return;
    m_totalBytes = total;
    emit totalBytesChanged(total);
}

void FileTableModel::setFiles(const QList<FileObject> &files)
{
    if (m_files.isEmpty()) {
        beginResetModel();
        m_files.clear();
        QSet<QString> seen;
        for (const FileObject &f : files) {
            if (!seen.contains(f.id)) {
                seen.insert(f.id);
                m_files.append(f);
            }
        }
        reindex();
        endResetModel();
        updateTotal();
        return;
    }
    QSet<QString> incoming;
    for (const FileObject &f : files)
        incoming.insert(f.id);
    for (int row = int(m_files.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_files.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_files.removeAt(row);
            endRemoveRows();
        }
    }
    reindex();
    for (const FileObject &f : files)
        upsertFile(f);
    updateTotal();
}

void FileTableModel::upsertFile(const FileObject &file)
{
    if (file.id.isEmpty())
        return;
    const int row = m_rowById.value(file.id, -1);
    if (row >= 0) {
        if (!sameFile(m_files.at(row), file)) {
            m_files[row] = file;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    } else {
        const int at = int(m_files.size());
        beginInsertRows({}, at, at);
        m_files.append(file);
        m_rowById.insert(file.id, at);
        endInsertRows();
    }
    updateTotal();
}

void FileTableModel::removeFile(const QString &fileId)
{
    const int row = m_rowById.value(fileId, -1);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_files.removeAt(row);
    endRemoveRows();
    reindex();
    updateTotal();
}

void FileTableModel::setStorageLimitBytes(qint64 bytes)
{
    m_limit = qMax<qint64>(0, bytes);
}

double FileTableModel::usedFraction() const
{
    return m_limit > 0 ? double(m_totalBytes) / double(m_limit) : 0.0;
}

QString FileTableModel::storageText() const
{
    if (m_limit <= 0)
        return tr("%1 used").arg(DisplayFormat::bytes(m_totalBytes));
    return tr("%1 of %2 used").arg(DisplayFormat::bytes(m_totalBytes), DisplayFormat::bytes(m_limit));
}

void FileTableModel::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); });
}

int FileTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_files.size());
}

int FileTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FileTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FileObject &f = m_files.at(index.row());
    const bool soon = f.expiresAt && *f.expiresAt * 1000 - m_clock() < m_soonSeconds * 1000;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return f.id;
        case FilenameColumn:
            return f.filename;
        case PurposeColumn:
            return f.purpose;
        case SizeColumn:
            return DisplayFormat::bytes(f.bytes);
        case CreatedColumn:
            return f.createdAt > 0 ? dateText(f.createdAt) : QString();
        case ExpiresColumn:
            return f.expiresAt ? dateText(*f.expiresAt) : tr("never");
        }
        break;
    case RawValueRole:
        switch (index.column()) {
        case IdColumn:
            return f.id;
        case FilenameColumn:
            return f.filename;
        case PurposeColumn:
            return f.purpose;
        case SizeColumn:
            return f.bytes;
        case CreatedColumn:
            return f.createdAt;
        case ExpiresColumn:
            return f.expiresAt.value_or(std::numeric_limits<qint64>::max());
        }
        break;
    case FileRole:
        return QVariant::fromValue(f);
    case IdRole:
        return f.id;
    case ExpiringSoonRole:
        return soon;
    case Qt::DecorationRole:
        if (index.column() == FilenameColumn)
            return icon(QStringLiteral("file"));
        if (index.column() == ExpiresColumn && soon)
            return icon(QStringLiteral("warning"));
        break;
    case Qt::ToolTipRole:
        if (index.column() == ExpiresColumn && soon)
            return tr("This file expires soon: download what you need.");
        if (index.column() == SizeColumn)
            return tr("%1 bytes").arg(DisplayFormat::count(f.bytes));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant FileTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Id");
    case FilenameColumn:
        return tr("Filename");
    case PurposeColumn:
        return tr("Purpose");
    case SizeColumn:
        return tr("Size");
    case CreatedColumn:
        return tr("Created");
    case ExpiresColumn:
        return tr("Expires");
    }
    return {};
}

} // namespace Batchdesk::Models
