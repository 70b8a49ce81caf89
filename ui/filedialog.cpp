#include "filedialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <optional>

namespace Batchdesk::Ui {

namespace {
std::optional<QString> nextFileName;
const QString kLastDirKey = QStringLiteral("FileDialog/lastDirectory");
} // namespace

void FileDialog::setNextFileName(const QString &fileName)
{
    nextFileName = fileName;
}

QString FileDialog::lastDirectory()
{
    const QString dir = QSettings().value(kLastDirKey).toString();
    if (!dir.isEmpty() && QFileInfo(dir).isDir())
        return dir;
    // Documents only when it exists (it often does not on servers and fresh accounts); else home.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QFileInfo(documents).isDir())
        return documents;
    return QDir::homePath();
}

void FileDialog::rememberDirectory(const QString &fileName)
{
    if (!fileName.isEmpty())
        QSettings().setValue(kLastDirKey, QFileInfo(fileName).absolutePath());
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    if (nextFileName) {
        const QString name = *nextFileName;
        nextFileName.reset();
        return name;
    }
    const QString name = QFileDialog::getOpenFileName(parent, caption, lastDirectory(), filter);
    rememberDirectory(name);
    return name;
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &suggestedName,
                                    const QString &filter, QString *selectedFilter)
{
    if (nextFileName) {
        const QString name = *nextFileName;
        nextFileName.reset();
        return name;
    }
    const QString start =
        QFileInfo(suggestedName).isAbsolute() ? suggestedName : lastDirectory() + u'/' + suggestedName;
    const QString name = QFileDialog::getSaveFileName(parent, caption, start, filter, selectedFilter);
    rememberDirectory(name);
    return name;
}

QString FileDialog::getExistingDirectory(QWidget *parent, const QString &caption)
{
    if (nextFileName) {
        const QString name = *nextFileName;
        nextFileName.reset();
        return name;
    }
    const QString dir = QFileDialog::getExistingDirectory(parent, caption, lastDirectory());
    if (!dir.isEmpty())
        QSettings().setValue(kLastDirKey, dir);
    return dir;
}

} // namespace Batchdesk::Ui
