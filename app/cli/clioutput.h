#pragma once

#include <QString>

#include <QJsonValue>
#include <QList>
#include <QPair>

class QJsonObject;

namespace Batchdesk::Cli {

/** Exit codes are a contract with scripts. */
enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

void out(const QString &text);
void err(const QString &text);
void printJson(const QJsonObject &object);
/** Prints one JSON object with its keys in the given order (QJsonObject would sort them). */
void printOrderedJson(const QList<QPair<QString, QJsonValue>> &members);
QByteArray orderedJson(const QList<QPair<QString, QJsonValue>> &members);

} // namespace Batchdesk::Cli
