#pragma once

#include <QString>

class QWidget;

namespace Batchdesk::Ui {

/**
 * Thin wrapper over QFileDialog with a test seam, remembering the last folder in QSettings.
 *
 * setNextFileName() makes the next call return that name without showing a dialog (an empty name simulates
 * "Cancel"); it is used once. GUI thread only.
 */
class FileDialog final
{
public:
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &filter);
    /** A file to write; suggestedName is a file name (in the last folder) or an absolute path. */
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &suggestedName,
                                   const QString &filter, QString *selectedFilter = nullptr);
    /** A folder (e.g. where to save results); the same seam as file names. */
    static QString getExistingDirectory(QWidget *parent, const QString &caption);
    static void setNextFileName(const QString &fileName);
    /** Where the dialogs start: the last folder used, else Documents when it exists, else home. */
    static QString lastDirectory();

private:
    static void rememberDirectory(const QString &fileName);
};

} // namespace Batchdesk::Ui
