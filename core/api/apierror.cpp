#include "apierror.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Batchdesk::Api {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("Batchdesk::Api::ApiError", s);
}

QString textOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (const char *key : {"message", "msg", "detail", "error"}) {
            const QString t = textOf(o.value(QLatin1StringView(key)));
            if (!t.isEmpty())
                return t;
        }
    }
    if (v.isArray()) {
        // FastAPI-style {"detail":[{"msg":...}, ...]}
        QStringList parts;
        for (const auto &e : v.toArray()) {
            const QString t = textOf(e);
            if (!t.isEmpty())
                parts << t;
        }
        return parts.join(QStringLiteral("; "));
    }
    return {};
}
} // namespace

QString ApiError::messageFromBody(const QByteArray &body, QString *code)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return {};
    QJsonParseError pe {};
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &pe);
    if (pe.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject o = doc.object();
        const QJsonValue error = o.value(QLatin1StringView("error"));
        if (code && error.isObject()) {
            const QJsonObject e = error.toObject();
            *code = e.value(QLatin1StringView("code")).toString();
            if (code->isEmpty())
                *code = e.value(QLatin1StringView("type")).toString();
        }
        for (const char *key : {"error", "detail", "message"}) {
            const QString t = textOf(o.value(QLatin1StringView(key)));
            if (!t.isEmpty())
                return t;
        }
        return {};
    }
    if (pe.error == QJsonParseError::NoError && doc.isArray())
        return textOf(doc.array());
    // Plain text (or an HTML error page): keep it short and on one line.
    QString text = QString::fromUtf8(trimmed).simplified();
    if (text.startsWith(u'<'))
        return {};
    if (text.size() > 300)
        text = text.left(299) + QChar(0x2026);
    return text;
}

ApiError ApiError::fromHttp(int status, const QByteArray &reason, const QByteArray &body,
                            const QByteArray &requestId)
{
    ApiError e;
    e.kind = Kind::Http;
    e.httpStatus = status;
    e.apiMessage = messageFromBody(body, &e.apiCode);
    e.requestId = QString::fromLatin1(requestId);
    QString head = QStringLiteral("HTTP %1").arg(status);
    if (!reason.isEmpty())
        head += u' ' + QString::fromLatin1(reason);
    e.message = e.apiMessage.isEmpty() ? head : head + QStringLiteral(": ") + e.apiMessage;
    if (!e.requestId.isEmpty())
        e.message += tr(" (request id %1)").arg(e.requestId);
    return e;
}

ApiError ApiError::local(QString message)
{
    ApiError e;
    e.kind = Kind::Local;
    e.message = std::move(message);
    return e;
}

QString ApiError::hint() const
{
    switch (kind) {
    case Kind::Network:
        return tr("Check the network connection and the account's base URL.");
    case Kind::Timeout:
        return tr("The server did not answer in time; try again later.");
    case Kind::Http:
        if (httpStatus == 401)
            return tr("The API key was refused: check the key stored for this account.");
        if (httpStatus == 403)
            return tr("The key is not allowed to do this: check its permissions.");
        if (httpStatus == 404)
            return tr("The object does not exist (any more) on the server, or the base URL is wrong.");
        if (httpStatus == 429)
            return tr("Rate limited by the provider: wait a little and try again.");
        if (httpStatus >= 500)
            return tr("The provider has a problem; try again in a few minutes.");
        return {};
    default:
        return {};
    }
}

} // namespace Batchdesk::Api
