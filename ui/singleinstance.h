#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace Batchdesk::Ui {

/**
 * One running app per user and data folder: a second start hands its files to the first one and exits.
 *
 * The first process listens on a local socket (QLocalServer; a named pipe on Windows) named after the user
 * and the data folder; a later process connects, sends the absolute paths of the files it was asked to open
 * (one JSON array, newline-terminated), waits for "ok" and exits. The running window opens the files and
 * comes to the front. A socket left behind by a crashed process is detected (nobody answers) and replaced.
 */
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    /** key: the socket name; empty = derived from the user and dataDirectory(). */
    explicit SingleInstance(QString key = {}, QObject *parent = nullptr);
    ~SingleInstance() override;

    QString key() const { return m_key; }
    /** Hands files (made absolute) to a running instance; true when it took them. */
    bool forwardToRunning(const QStringList &files, int timeoutMs = 2000);
    /** Starts answering later starts; false when the socket cannot be created. */
    bool listen();
    bool isListening() const;

signals:
    /** A later start asked to open these files (possibly none: it only asked to be shown). */
    void filesReceived(const QStringList &files);

private:
    QString m_key;
    QLocalServer *m_server = nullptr;
};

} // namespace Batchdesk::Ui
