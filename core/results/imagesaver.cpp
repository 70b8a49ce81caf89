#include "imagesaver.h"

#include "csvappend.h"
#include "linescanner_p.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <optional>

namespace Batchdesk::Results {

using Detail::tr;

namespace {

constexpr int kMaxStem = 100;
constexpr int kMaxProblems = 100;

// The extension of an image by its magic bytes; empty when it is none of PNG, JPEG, WebP.
QString imageExtension(const QByteArray &bytes)
{
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("png");
    if (bytes.startsWith("\xff\xd8\xff"))
        return QStringLiteral("jpg");
    if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return QStringLiteral("webp");
    return {};
}

class ImageWriter
{
public:
    explicit ImageWriter(const QString &dir)
        : m_dir(dir)
    { }

    Result<bool> prepare()
    {
        if (m_dir.isEmpty())
            return Error {QStringLiteral("io"), tr("No folder was given for the images.")};
        m_dirPath = QDir(m_dir).absolutePath();
        return true;
    }

    // The folder is created with the first file, so that results without images leave nothing behind.
    std::optional<Error> ensureFolder()
    {
        if (!m_created && !QDir().mkpath(m_dirPath))
            return Error {QStringLiteral("io"), tr("Cannot create the folder %1.").arg(m_dirPath)};
        m_created = true;
        return std::nullopt;
    }

    // One result line; customId is used when the line has none. Returns an error only for I/O.
    Result<bool> line(QByteArrayView bytes, const QString &fallbackId)
    {
        if (!bytes.contains("\"data\""))
            return true; // not an images answer: no need to parse it
        const QJsonObject root = QJsonDocument::fromJson(bytes.toByteArray()).object();
        const QJsonObject response = root.value(QLatin1String("response")).toObject();
        const int status = response.value(QLatin1String("status_code")).toInt();
        if (status < 200 || status > 299)
            return true;
        const QJsonArray data =
            response.value(QLatin1String("body")).toObject().value(QLatin1String("data")).toArray();
        QString customId = root.value(QLatin1String("custom_id")).toString();
        if (customId.isEmpty())
            customId = fallbackId;
        int imageItems = 0;
        for (const QJsonValue &item : data) {
            const QJsonObject o = item.toObject();
            if (o.value(QLatin1String("b64_json")).isString() || o.value(QLatin1String("url")).isString())
                ++imageItems;
        }
        if (imageItems == 0)
            return true;
        ++m_report.rows;
        const QString stem = safeFileStem(customId);
        int index = 0;
        for (const QJsonValue &item : data) {
            const QJsonObject o = item.toObject();
            const QJsonValue b64 = o.value(QLatin1String("b64_json"));
            const QJsonValue url = o.value(QLatin1String("url"));
            if (!b64.isString() && !url.isString())
                continue;
            ++index;
            if (url.isString() && !b64.isString()) {
                m_urls += {customId, QString::number(index), url.toString()};
                ++m_report.urls;
                continue;
            }
            const auto decoded = QByteArray::fromBase64Encoding(b64.toString().toLatin1(),
                                                                QByteArray::AbortOnBase64DecodingErrors);
            const QString ext = decoded ? imageExtension(*decoded) : QString();
            if (ext.isEmpty()) {
                ++m_report.skipped;
                if (m_report.problems.size() < kMaxProblems)
                    m_report.problems << (decoded ? tr("%1: image %2 is not a PNG, JPEG or WebP image.")
                                                  : tr("%1: image %2 is not valid base64."))
                                             .arg(customId)
                                             .arg(index);
                continue;
            }
            const QString base = imageItems > 1 ? stem + u'-' + QString::number(index) : stem;
            QString name = base + u'.' + ext;
            for (int n = 2; m_used.contains(name.toLower()); ++n)
                name = base + u'_' + QString::number(n) + u'.' + ext;
            m_used.insert(name.toLower());
            const QString path = QDir(m_dirPath).filePath(name);
            // safeFileStem() has no separators; checked again because the id is untrusted.
            if (QFileInfo(path).absolutePath() != m_dirPath)
                return Error {QStringLiteral("io"), tr("Refusing to write outside %1.").arg(m_dirPath)};
            if (auto failed = ensureFolder())
                return *failed;
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(*decoded) != (*decoded).size()
                || !file.commit())
                return Error {QStringLiteral("io"), tr("Cannot write %1: %2").arg(path, file.errorString())};
            m_report.files << path;
            ++m_report.images;
        }
        return true;
    }

    Result<ImageSaveReport> finish()
    {
        if (!m_urls.isEmpty()) {
            QByteArray csv = "custom_id,image_index,url\r\n";
            for (const QStringList &cells : std::as_const(m_urls)) {
                for (qsizetype c = 0; c < cells.size(); ++c) {
                    if (c)
                        csv += ',';
                    appendCsvCell(csv, cells.at(c).toUtf8());
                }
                csv += "\r\n";
            }
            const QString path = QDir(m_dirPath).filePath(QStringLiteral("images.csv"));
            if (auto failed = ensureFolder())
                return *failed;
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
                return Error {QStringLiteral("io"), tr("Cannot write %1: %2").arg(path, file.errorString())};
            m_report.urlList = path;
        }
        if (m_report.images == 0 && m_report.urls == 0)
            return Error {QStringLiteral("empty"),
                          m_report.skipped > 0
                              ? tr("None of the images could be decoded: %1").arg(m_report.problems.value(0))
                              : tr("The results hold no images.")};
        return m_report;
    }

private:
    QString m_dir;
    QString m_dirPath;
    ImageSaveReport m_report;
    QList<QStringList> m_urls;
    bool m_created = false;
    QSet<QString> m_used; // lower case: the names must also differ on case-insensitive file systems
};

} // namespace

QString safeFileStem(const QString &customId)
{
    QString stem;
    for (const QChar c : customId) {
        if (stem.size() >= kMaxStem)
            break;
        const char16_t u = c.unicode();
        const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
            || u == '-' || u == '_' || u == '.';
        stem += keep ? c : QChar(u'_');
    }
    while (stem.startsWith(u'.') || stem.startsWith(u' '))
        stem.remove(0, 1);
    while (stem.endsWith(u'.') || stem.endsWith(u' '))
        stem.chop(1);
    if (stem.isEmpty())
        return QStringLiteral("request");
    static const QSet<QString> devices {QStringLiteral("con"), QStringLiteral("prn"), QStringLiteral("aux"),
                                        QStringLiteral("nul")};
    const QString device = stem.section(u'.', 0, 0).toLower();
    const bool numbered = device.size() == 4
        && (device.startsWith(QLatin1String("com")) || device.startsWith(QLatin1String("lpt")))
        && device.at(3) >= u'0' && device.at(3) <= u'9';
    if (devices.contains(device) || numbered)
        stem.prepend(u'_');
    return stem;
}

Result<ImageSaveReport> saveImages(const JoinedResults &results, const QString &dir,
                                   const ResultsControl &control)
{
    ImageWriter writer(dir);
    if (auto ready = writer.prepare(); !ready.ok())
        return ready.error();
    const qint64 total = results.rowCount();
    for (qint64 i = 0; i < total; ++i) {
        if ((i & 63) == 0) {
            if (control.progress)
                control.progress(i, total);
            if (control.isCanceled && control.isCanceled())
                return Error {QStringLiteral("cancelled"), tr("Cancelled")};
        }
        if (!results.hasResult(i))
            continue;
        const auto line = results.resultLine(i);
        if (!line.ok())
            return line.error();
        if (auto written = writer.line(line.value(), QString::fromUtf8(results.customId(i))); !written.ok())
            return written.error();
    }
    if (control.progress)
        control.progress(total, total);
    return writer.finish();
}

Result<ImageSaveReport> saveImages(const QStringList &resultFiles, const QString &dir,
                                   const ResultsControl &control)
{
    ImageWriter writer(dir);
    if (auto ready = writer.prepare(); !ready.ok())
        return ready.error();
    qint64 total = 0;
    for (const QString &path : resultFiles)
        total += QFileInfo(path).size();
    qint64 done = 0;
    for (const QString &path : resultFiles) {
        std::optional<Error> failed;
        const auto scanned = Detail::scanLines(path, control, done, total,
                                               [&](const char *data, qint64 length, qint64, qint64) {
                                                   auto r = writer.line(QByteArrayView(data, length), {});
                                                   if (!r.ok())
                                                       failed = r.error();
                                                   return r.ok();
                                               });
        if (failed)
            return *failed;
        if (!scanned.ok())
            return scanned.error();
        done += QFileInfo(path).size();
    }
    return writer.finish();
}

} // namespace Batchdesk::Results
