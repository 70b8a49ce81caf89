#pragma once

#include <QNetworkAccessManager>
#include <QNetworkRequest>

// A real QNetworkAccessManager that counts the requests it is asked to send, by kind, so tests can tell one
// list call from N retrieves without mocking the network.
class CountingNam final : public QNetworkAccessManager
{
public:
    using QNetworkAccessManager::QNetworkAccessManager;

    int lists = 0; ///< GET .../batches
    int retrieves = 0; ///< GET .../batches/{id}
    int total = 0;

    void reset() { lists = retrieves = total = 0; }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        ++total;
        if (op == GetOperation) {
            const QString path = request.url().path();
            if (path.endsWith(QLatin1StringView("/batches")))
                ++lists;
            else if (path.contains(QLatin1StringView("/batches/")))
                ++retrieves;
        }
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};
