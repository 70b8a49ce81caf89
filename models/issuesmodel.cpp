#include "issuesmodel.h"

#include "displayformat.h"
#include "icons.h"

namespace Batchdesk::Models {

using Jsonl::Diagnostic;
using Jsonl::Severity;

IssuesModel::IssuesModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

IssuesModel::~IssuesModel() = default;

void IssuesModel::setDiagnostics(QList<Diagnostic> diagnostics)
{
    beginResetModel();
    m_diagnostics = std::move(diagnostics);
    endResetModel();
}

void IssuesModel::clear()
{
    setDiagnostics({});
}

int IssuesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int IssuesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IssuesModel::severityText(Severity severity)
{
    return severity == Severity::Error ? tr("Error") : tr("Warning");
}

QVariant IssuesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Diagnostic &d = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityText(d.severity);
        case LineColumn:
            return d.line > 0 ? DisplayFormat::count(d.line) : tr("file");
        case CodeColumn:
            return d.codeString();
        case MessageColumn:
            return d.message;
        }
        break;
    case RawValueRole:
        switch (index.column()) {
        case SeverityColumn:
            return int(d.severity);
        case LineColumn:
            return d.line;
        case CodeColumn:
            return d.codeString();
        case MessageColumn:
            return d.message;
        }
        break;
    case SeverityRole:
        return int(d.severity);
    case LineRole:
        return d.line;
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return icon(d.severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning"));
        break;
    case Qt::ToolTipRole:
        if (index.column() == LineColumn && d.line == 0)
            return tr("This finding is about the file as a whole.");
        return d.message;
    case Qt::TextAlignmentRole:
        if (index.column() == LineColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant IssuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case SeverityColumn:
            return tr("Severity");
        case LineColumn:
            return tr("Line");
        case CodeColumn:
            return tr("Code");
        case MessageColumn:
            return tr("Message");
        }
    } else if (role == Qt::TextAlignmentRole && section == LineColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

} // namespace Batchdesk::Models
