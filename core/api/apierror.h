#pragma once

#include <QByteArray>
#include <QString>

namespace Batchdesk::Api {

/** What went wrong in an API call, in words a person can act on. Never contains a key. */
struct ApiError
{
    enum class Kind { None, Network, Timeout, Http, InvalidResponse, Canceled, Local };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message; ///< the full, human text (status, the API's own message, request id)
    QString apiMessage; ///< error.message / detail / plain text from the body, when any
    QString apiCode; ///< error.code or error.type, when any
    QString requestId; ///< x-request-id, when sent

    bool isError() const { return kind != Kind::None; }
    /** A short suggestion of what to do (e.g. check the key for 401), or empty. */
    QString hint() const;

    /** Extracts the message from an error body: {"error":{"message"}}, {"error":"..."}, {"detail":...},
     *  {"message":...}, plain text or nothing. */
    static QString messageFromBody(const QByteArray &body, QString *code = nullptr);
    static ApiError fromHttp(int status, const QByteArray &reason, const QByteArray &body,
                             const QByteArray &requestId);
    static ApiError local(QString message);
};

} // namespace Batchdesk::Api
