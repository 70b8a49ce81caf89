#pragma once

#include "common/result.h"
#include "joinedresults.h"

#include <QString>
#include <QStringList>

namespace Batchdesk::Results {

/** What saveImages() wrote. */
struct ImageSaveReport
{
    QStringList files; ///< the image files written, in result order
    qint64 images = 0; ///< images decoded and written (files.size())
    qint64 urls = 0; ///< url answers listed in urlList (never downloaded)
    QString urlList; ///< `<dir>/images.csv`, empty when no answer had a url
    qint64 rows = 0; ///< results that held at least one image
    qint64 skipped = 0; ///< b64_json items that were not base64 of a PNG, JPEG or WebP image
    QStringList problems; ///< what was skipped and why (the first 100)
};

/**
 * A file name stem made from untrusted text (a custom_id): ASCII letters, digits, '-', '_' and '.' are kept,
 * every other character becomes '_', leading and trailing dots and spaces are dropped, the stem is cut to 100
 * characters, Windows device names (CON, NUL, COM1…) get a leading '_', and an empty result becomes
 * "request". It never contains a path separator, so `dir/<stem>.png` stays in dir.
 */
QString safeFileStem(const QString &customId);

/**
 * Saves the images of images answers (/v1/images/generations, /v1/images/edits) into `dir` (created with
 * the first file, so results without images leave no folder behind): every `response.body.data[].b64_json` of
 * a succeeded result is decoded, checked by its magic bytes to be PNG, JPEG or WebP, and written as
 * `<dir>/<safeFileStem(custom_id)>.<png|jpg|webp>` — with
 * `-1`, `-2`… before the extension when the answer holds several images, and `_2`, `_3`… when two custom_ids
 * give the same name. `data[].url` answers are listed in `<dir>/images.csv` (custom_id, image_index, url) and
 * never downloaded. Existing files of the same names are replaced. Fails with code "empty" (writing nothing)
 * when the results hold no image, "io" when a file cannot be written, "cancelled".
 *
 * Blocking: run it on a worker thread; control reports rows (joined variant) or bytes read (file variant).
 */
Result<ImageSaveReport> saveImages(const JoinedResults &results, const QString &dir,
                                   const ResultsControl &control = {});
/** The same over result files (a batch's output files) without an input file, in file order. */
Result<ImageSaveReport> saveImages(const QStringList &resultFiles, const QString &dir,
                                   const ResultsControl &control = {});

} // namespace Batchdesk::Results
