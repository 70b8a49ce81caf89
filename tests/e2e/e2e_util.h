#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

// Request lines for the sandbox's built-in models. A "[[fail]]" in the text makes the sandbox fail that line.
inline QByteArray chatLine(const QByteArray &id, const QByteArray &text,
                           const QByteArray &model = "sandbox/echo")
{
    return "{\"custom_id\":\"" + id
        + "\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"" + model
        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}}\n";
}

inline QByteArray chatFile(int lines, int failEvery = 0, const QByteArray &model = "sandbox/echo")
{
    QByteArray out;
    for (int i = 0; i < lines; ++i) {
        const bool fail = failEvery > 0 && i % failEvery == 0;
        out += chatLine(
            "req-" + QByteArray::number(i),
            fail ? QByteArray("please [[fail]] here") : QByteArray("hello " + QByteArray::number(i)), model);
    }
    return out;
}

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(content) == content.size();
}

inline QList<QByteArray> readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> out;
    for (const QByteArray &l : f.readAll().split('\n')) {
        if (!l.trimmed().isEmpty())
            out << l;
    }
    return out;
}
