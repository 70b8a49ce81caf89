#pragma once

#include "common/asyncjob.h"

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
    /** Whether the server clearly refused the request (a 4xx other than 408 and 409): nothing was created,
     *  so a recorded submission intent can be abandoned instead of reconciled. */
    bool isDefiniteRefusal() const
    {
        return kind == Kind::Http && httpStatus >= 400 && httpStatus < 500 && httpStatus != 408
            && httpStatus != 409;
    }
    /** The code of the core's async job contract: Canceled, Network (incl. timeouts), Server, Local. */
    ErrorCode code() const
    {
        switch (kind) {
        case Kind::None:
            return ErrorCode::None;
        case Kind::Canceled:
            return ErrorCode::Canceled;
        case Kind::Network:
        case Kind::Timeout:
            return ErrorCode::Network;
        case Kind::Http:
        case Kind::InvalidResponse:
            return ErrorCode::Server;
        case Kind::Local:
            break;
        }
        return ErrorCode::Local;
    }
    /** A short suggestion of what to do (e.g. check the key for 401), or empty. */
    QString hint() const;

    /** Extracts the message from an error body: {"error":{"message"}}, {"error":"..."}, {"detail":...},
     *  {"message":...}, plain text or nothing. */
    static QString messageFromBody(const QByteArray &body, QString *code = nullptr);
    static ApiError fromHttp(int status, const QByteArray &reason, const QByteArray &body,
                             const QByteArray &requestId);
    static ApiError local(QString message);
    static ApiError make(Kind kind, QString message, int httpStatus = 0)
    {
        ApiError e;
        e.kind = kind;
        e.message = std::move(message);
        e.httpStatus = httpStatus;
        return e;
    }
};

} // namespace Batchdesk::Api
