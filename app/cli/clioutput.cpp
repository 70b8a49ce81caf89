#include "clioutput.h"

#include "common/terminaltext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace Batchdesk::Cli {

// Plain output may carry text a server or a file chose (status, description, metadata, error messages): no
// control sequence of it reaches the terminal (terminalSafe); JSON output is escaped by JSON itself.
void out(const QString &text)
{
    const QByteArray bytes = terminalSafe(text, Newlines::Keep).toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
}

void err(const QString &text)
{
    const QByteArray bytes = terminalSafe(text, Newlines::Keep).toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
    std::fputc('\n', stderr);
}

void printJson(const QJsonObject &object)
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QByteArray orderedJson(const QList<QPair<QString, QJsonValue>> &members)
{
    QByteArray out = "{";
    for (qsizetype i = 0; i < members.size(); ++i) {
        if (i > 0)
            out += ',';
        // Serialise key and value through QJsonDocument so that escaping is exactly JSON's.
        QByteArray key = QJsonDocument(QJsonArray {members[i].first}).toJson(QJsonDocument::Compact);
        QByteArray value = QJsonDocument(QJsonArray {members[i].second}).toJson(QJsonDocument::Compact);
        out += key.mid(1, key.size() - 2);
        out += ':';
        out += value.mid(1, value.size() - 2);
    }
    out += '}';
    return out;
}

void printOrderedJson(const QList<QPair<QString, QJsonValue>> &members)
{
    const QByteArray bytes = orderedJson(members);
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace Batchdesk::Cli
