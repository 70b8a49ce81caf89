#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Batchdesk::Sandbox {

inline constexpr QLatin1StringView kEchoModel("sandbox/echo");
inline constexpr QLatin1StringView kEmbedModel("sandbox/embed");

/** What one executed request line produced: an HTTP status, the response body and its token usage. */
struct ModelResult
{
    int statusCode = 200;
    QJsonObject body;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;

    bool ok() const { return statusCode >= 200 && statusCode < 300; }
};

/** The ids of the built-in models. */
QStringList builtinModels();
bool isBuiltinModel(const QString &model);
/** Empty when the model serves the endpoint, else a message saying why not. */
QString modelEndpointProblem(const QString &model, const QString &endpoint);

/**
 * Executes one request body of a batch line against the built-in models. Pure and thread-safe;
 * `nowSeconds` becomes the body's `created`.
 */
ModelResult executeRequest(const QString &endpoint, const QJsonObject &body, qint64 nowSeconds);

/** `{"error":{"message","type","param","code"}}`. */
QJsonObject errorEnvelope(const QString &message, const QString &type, const QJsonValue &param = QJsonValue(),
                          const QJsonValue &code = QJsonValue());

/** `n` random lower-case hex digits. */
QString randomHex(int n);

} // namespace Batchdesk::Sandbox
