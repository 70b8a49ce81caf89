#pragma once

#include "jsonl/diagnostic.h"

#include <QAbstractTableModel>
#include <QList>

namespace Batchdesk::Models {

/**
 * A flat table of validator diagnostics: severity, line, code, message.
 *
 * Owns a copy of the diagnostics it shows (they are bounded by the validator). Display text is localized; the
 * RawValueRole carries a sortable value per column (severity rank, line number, code name, message). A
 * file-level diagnostic (line 0) shows "file" in the Line column and sorts before line 1. GUI thread only.
 */
class IssuesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IssuesModel)

public:
    enum Column { SeverityColumn, LineColumn, CodeColumn, MessageColumn, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1, ///< sortable value of the cell
        SeverityRole, ///< int(Jsonl::Severity) of the row, in every column
        LineRole, ///< the 1-based line of the row (0 = file level), in every column
    };

    explicit IssuesModel(QObject *parent = nullptr);
    ~IssuesModel() override;

    void setDiagnostics(QList<Jsonl::Diagnostic> diagnostics);
    void clear();
    const QList<Jsonl::Diagnostic> &diagnostics() const { return m_diagnostics; }
    /** The diagnostic of a row; row must be valid. */
    const Jsonl::Diagnostic &diagnostic(int row) const { return m_diagnostics.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Localized severity word: "Error" / "Warning". */
    static QString severityText(Jsonl::Severity severity);

private:
    QList<Jsonl::Diagnostic> m_diagnostics;
};

} // namespace Batchdesk::Models
