#pragma once

// A deliberately misbehaving HTTP/1.1 server for the tests of issue "Hostile servers": it answers what a
// test's handler decides — wrong types, ids with "../", redirects to another origin, bodies that trickle in a
// byte at a time, lists that never end — and records every request it received (headers included, so a test
// can tell whether an API key reached it). It runs on a thread of its own, so a test may block on a CLI
// process while the server keeps answering. One request per connection (Connection: close).

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <functional>
#include <memory>

struct HostileRequest
{
    QByteArray method;
    QByteArray path; ///< without the query
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

struct HostileResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /** When > 0: the headers at once, then the body one byte every trickleMs. */
    int trickleMs = 0;
    /** Content-Length to announce instead of the body's size (a lie, e.g. for a body cut short). */
    qint64 announcedLength = -1;

    static HostileResponse json(const QByteArray &body, int status = 200)
    {
        return {status, "application/json", {}, body};
    }
    static HostileResponse redirect(int status, const QByteArray &location)
    {
        HostileResponse r;
        r.status = status;
        r.headers.append({"Location", location});
        return r;
    }
};

class HostileServer final
{
public:
    using Handler = std::function<HostileResponse(const HostileRequest &)>;

    explicit HostileServer(Handler handler, const QHostAddress &address = QHostAddress::LocalHost)
        : m_handler(std::move(handler))
    {
        m_thread.start();
        m_server = new QTcpServer;
        m_server->moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            m_server,
            [this, address] {
                m_listening = m_server->listen(address, 0);
                QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
                    while (QTcpSocket *socket = m_server->nextPendingConnection())
                        serve(socket);
                });
            },
            Qt::BlockingQueuedConnection);
    }

    ~HostileServer()
    {
        QMetaObject::invokeMethod(
            m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    bool isListening() const { return m_listening; }
    quint16 port() const { return m_server->serverPort(); }
    QString origin() const
    {
        return QStringLiteral("http://%1:%2").arg(m_server->serverAddress().toString()).arg(port());
    }
    QString baseUrl() const { return origin() + QStringLiteral("/v1"); }

    QList<HostileRequest> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }
    int requestCount() const
    {
        QMutexLocker lock(&m_mutex);
        return int(m_requests.size());
    }

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            HostileRequest request;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            const QByteArray target = first.value(1);
            const qsizetype q = target.indexOf('?');
            request.path = q < 0 ? target : target.left(q);
            if (q >= 0)
                request.query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                           lines[i].mid(colon + 1).trimmed());
            }
            const qint64 length = request.header("content-length").toLongLong();
            if (buffer->size() - (headerEnd + 4) < length)
                return; // the rest of the body is still coming
            request.body = buffer->mid(headerEnd + 4, length);
            QObject::disconnect(socket, &QTcpSocket::readyRead, socket, nullptr);
            {
                QMutexLocker lock(&m_mutex);
                m_requests.append(request);
            }
            respond(socket, m_handler(request));
        });
    }

    static void respond(QTcpSocket *socket, const HostileResponse &response)
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Hostile\r\n";
        head += "Content-Type: " + response.contentType + "\r\n";
        head += "Content-Length: "
            + QByteArray::number(response.announcedLength >= 0 ? response.announcedLength
                                                               : response.body.size())
            + "\r\n";
        head += "Connection: close\r\n";
        for (const auto &[name, value] : response.headers)
            head += name + ": " + value + "\r\n";
        head += "\r\n";
        if (response.trickleMs <= 0) {
            socket->write(head + response.body);
            socket->disconnectFromHost();
            return;
        }
        socket->write(head);
        auto *timer = new QTimer(socket);
        auto sent = std::make_shared<qsizetype>(0);
        QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, sent, body = response.body] {
            if (*sent >= body.size() || socket->state() != QAbstractSocket::ConnectedState) {
                timer->stop();
                socket->disconnectFromHost();
                return;
            }
            socket->write(body.mid(*sent, 1));
            ++*sent;
        });
        timer->start(response.trickleMs);
    }

    Handler m_handler;
    QThread m_thread;
    QTcpServer *m_server = nullptr;
    bool m_listening = false;
    mutable QMutex m_mutex;
    QList<HostileRequest> m_requests;
};

// JSON objects a test server sends.
inline QByteArray hostileBatch(const QByteArray &id, const QByteArray &status = "\"completed\"",
                               const QByteArray &extra = {})
{
    return "{\"id\":\"" + id
        + "\",\"object\":\"batch\",\"endpoint\":\"/v1/chat/completions\",\"input_file_id\":"
          "\"file-in\",\"completion_window\":\"24h\",\"status\":"
        + status + ",\"created_at\":1760000000,\"request_counts\":{\"total\":2,\"completed\":2,\"failed\":0}"
        + extra + "}";
}
