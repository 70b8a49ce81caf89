#pragma once

// Readers used to check exports cell by cell: an RFC 4180 CSV parser and an XLSX sheet reader (unzip -p + the
// sheet XML, inline or shared strings).

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

inline QList<QStringList> parseCsv(const QByteArray &bytes)
{
    QList<QStringList> rows;
    QStringList row;
    QByteArray field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < bytes.size() && bytes.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"' && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == ',') {
            row << QString::fromUtf8(field);
            field.clear();
            fieldStarted = false;
        } else if (c == '\r' && i + 1 < bytes.size() && bytes.at(i + 1) == '\n') {
            row << QString::fromUtf8(field);
            rows << row;
            row.clear();
            field.clear();
            fieldStarted = false;
            ++i;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !row.isEmpty()) {
        row << QString::fromUtf8(field);
        rows << row;
    }
    return rows;
}

inline QByteArray unzipEntry(const QString &zip, const QString &entry)
{
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), zip, entry});
    p.waitForFinished(60'000);
    return p.readAllStandardOutput();
}

// Column letters of a cell reference ("AB12" -> 27).
inline int columnOf(QStringView ref)
{
    int col = 0;
    for (const QChar c : ref) {
        if (!c.isLetter())
            break;
        col = col * 26 + (c.unicode() - 'A' + 1);
    }
    return col - 1;
}

inline int rowOf(QStringView ref)
{
    qsizetype i = 0;
    while (i < ref.size() && ref.at(i).isLetter())
        ++i;
    return ref.mid(i).toInt() - 1;
}

/** The first sheet of an .xlsx as a grid of cell texts (numbers as written in the XML). */
inline QList<QStringList> readXlsx(const QString &path)
{
    QStringList shared;
    {
        QXmlStreamReader xml(unzipEntry(path, QStringLiteral("xl/sharedStrings.xml")));
        QString current;
        bool inSi = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1StringView("si")) {
                inSi = true;
                current.clear();
            } else if (xml.isStartElement() && xml.name() == QLatin1StringView("t") && inSi) {
                current += xml.readElementText();
            } else if (xml.isEndElement() && xml.name() == QLatin1StringView("si")) {
                shared << current;
                inSi = false;
            }
        }
    }
    QList<QStringList> grid;
    QXmlStreamReader xml(unzipEntry(path, QStringLiteral("xl/worksheets/sheet1.xml")));
    QString ref;
    QString type;
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1StringView("c")) {
            ref = xml.attributes().value(QLatin1StringView("r")).toString();
            type = xml.attributes().value(QLatin1StringView("t")).toString();
            text.clear();
        } else if (xml.isStartElement()
                   && (xml.name() == QLatin1StringView("v") || xml.name() == QLatin1StringView("t"))) {
            text += xml.readElementText();
        } else if (xml.isEndElement() && xml.name() == QLatin1StringView("c")) {
            const int r = rowOf(ref);
            const int c = columnOf(ref);
            while (grid.size() <= r)
                grid << QStringList();
            while (grid[r].size() <= c)
                grid[r] << QString();
            grid[r][c] = type == QLatin1StringView("s") ? shared.value(text.toInt()) : text;
        }
    }
    return grid;
}
