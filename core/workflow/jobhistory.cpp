#include "jobhistory.h"

#include "common/translate.h"
#include "results/joinedresults.h"
#include "results/resultsdownload.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace Batchdesk::Workflow {

namespace {
// lupdate files these strings under the namespace the free functions are written in.
QString tr(const char *s)
{
    return Batchdesk::translateIn({"Batchdesk::Workflow"}, s);
}

// Scans a JSONL file for the lines of one custom_id; the last one wins (as in the join). A byte test first,
// then only the candidate lines are parsed. Returns false when the file cannot be read.
bool findLine(const QString &path, const QByteArray &needle, const QString &customId, QByteArray *found,
              const WorkControl &control)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    qint64 lines = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        if ((++lines & 0xfff) == 0 && control.isCanceled && control.isCanceled())
            return true;
        if (!line.contains(needle))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("custom_id")).toString() == customId)
            *found = line.trimmed();
    }
    return true;
}
} // namespace

Result<QList<RequestAttempt>> requestAttempts(const QList<Store::JobPart> &parts, const QString &customId,
                                              const std::function<QString(const QString &)> &resultsFolderOf,
                                              const WorkControl &control)
{
    // The id as it stands in the JSON text: "<id>" with JSON escapes for quotes and backslashes.
    QByteArray escaped = customId.toUtf8();
    escaped.replace('\\', "\\\\").replace('"', "\\\"");
    const QByteArray needle = '"' + escaped + '"';
    QList<RequestAttempt> attempts;
    for (const Store::JobPart &p : parts) {
        if (control.isCanceled && control.isCanceled())
            return Error {QStringLiteral("canceled"), tr("Cancelled.")};
        // Was the request in this batch? Its input says.
        QByteArray inputLine;
        if (!findLine(p.path, needle, customId, &inputLine, control) || inputLine.isEmpty())
            continue;
        RequestAttempt a;
        a.round = p.round;
        a.part = QStringLiteral("%1/%2").arg(p.part).arg(p.parts);
        a.batchId = p.batchId;
        if (p.batchId.isEmpty()) {
            a.resultsSaved = false; // not submitted (queued, cancelled)
            attempts << a;
            continue;
        }
        const auto files = Results::verifiedResultFiles(
            p.resultsFolder.isEmpty() ? resultsFolderOf(p.batchId) : p.resultsFolder, p.batchId);
        if (!files.ok()) {
            a.resultsSaved = false;
            attempts << a;
            continue;
        }
        QByteArray resultLine;
        for (const QString &file : files.value())
            findLine(file, needle, customId, &resultLine, control);
        if (!resultLine.isEmpty()) {
            Results::ResultRow row;
            Results::parseResultLine(resultLine, row);
            a.outcome = row.outcome;
            a.httpStatus = row.httpStatus;
            if (!row.errorCode.isEmpty() || !row.errorMessage.isEmpty())
                a.error = row.errorCode.isEmpty() ? row.errorMessage
                                                  : row.errorCode + QStringLiteral(": ") + row.errorMessage;
        }
        attempts << a;
    }
    if (attempts.isEmpty())
        return Error {QStringLiteral("not_found"),
                      tr("No part of the job has the request \"%1\".").arg(customId)};
    return attempts;
}

} // namespace Batchdesk::Workflow
