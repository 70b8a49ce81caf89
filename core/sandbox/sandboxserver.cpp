#include "sandboxserver.h"

#include "common/logging.h"
#include "platform/platform.h"
#include "sandboxdialects.h"
#include "sandboxengine.h"
#include "sandboxmodels.h"
#include "sandboxrealtime.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <httplib.h>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace Batchdesk::Sandbox {

namespace {

constexpr qint64 kMaxUploadBytes = 512LL * 1024 * 1024; // OpenAI's and DeepInfra's per-file limit
constexpr qsizetype kMaxFieldBytes = 4096;
constexpr qint64 kChunkBytes = 256 * 1024;
constexpr int kListenBacklog = 1024;
// The decision to drop the connection of the request being served on this thread.
thread_local bool t_dropConnection = false;

void sendJson(httplib::Response &res, int status, const QJsonObject &body)
{
    res.status = status;
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), "application/json");
}

void sendResult(httplib::Response &res, const ApiResult &result)
{
    sendJson(res, result.status, result.body);
}

void sendError(httplib::Response &res, int status, const QString &message, const QString &type,
               const QJsonValue &param = QJsonValue(), const QJsonValue &code = QJsonValue())
{
    sendJson(res, status, errorEnvelope(message, type, param, code));
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

/** Closes the connection that carries `req` without answering (fault injection). */
void dropConnection(const httplib::Request &req)
{
    // cpp-httplib hides the socket from handlers; the platform layer finds it by its two port numbers and
    // shuts it down (not closing: the library still owns the descriptor), so the response write fails and the
    // client sees a closed connection and no response.
    if (Platform::shutdownConnection(req.local_port, req.remote_port))
        qCInfo(lcSandbox) << "fault injection: dropped the connection of" << qs(req.method) << qs(req.path);
}

bool parseLimit(const httplib::Request &req, int defaultValue, int maxValue, int *limit,
                httplib::Response &res)
{
    *limit = defaultValue;
    if (!req.has_param("limit"))
        return true;
    bool ok = false;
    const int value = qs(req.get_param_value("limit")).toInt(&ok);
    if (!ok || value < 1 || value > maxValue) {
        sendError(res, 400,
                  QStringLiteral("Invalid 'limit': it must be an integer between 1 and %1.").arg(maxValue),
                  QStringLiteral("invalid_request_error"), QStringLiteral("limit"),
                  QStringLiteral("invalid_value"));
        return false;
    }
    *limit = value;
    return true;
}

} // namespace

struct SandboxServer::Private
{
    explicit Private(SandboxConfig c)
        : config(std::move(c))
    { }

    void installRoutes();
    /** The OpenAI family's (and Mistral's files') mounts followed by `rest`. */
    std::string pattern(const char *rest) const { return familyPattern + rest; }
    httplib::Server::HandlerResponse preRouting(const httplib::Request &req, httplib::Response &res);
    void upload(const httplib::Request &req, httplib::Response &res, const httplib::ContentReader &reader);
    void content(const QString &id, httplib::Response &res);

    /** Runs a handler, then drops the connection when the fault injection decided so for this request. */
    template<typename Fn>
    auto wrap(Fn fn)
    {
        return [fn](const httplib::Request &req, httplib::Response &res) {
            fn(req, res);
            if (t_dropConnection)
                dropConnection(req);
        };
    }

    SandboxConfig config;
    QString dataDir;
    std::unique_ptr<QTemporaryDir> tempDir;
    std::unique_ptr<SandboxEngine> engine;
    std::unique_ptr<DialectLayer> dialects;
    std::unique_ptr<RealtimeEndpoints> realtime;
    std::string familyPattern;
    std::unique_ptr<httplib::Server> http;
    std::thread listenThread;
    std::atomic<quint16> port {0};
    std::atomic<bool> running {false};
    bool started = false;
    std::mutex lifecycle;
    mutable std::mutex faultsMutex;
};

SandboxServer::SandboxServer(SandboxConfig config)
    : d(std::make_unique<Private>(std::move(config)))
{ }

SandboxServer::~SandboxServer()
{
    stop();
}

QString SandboxServer::generateKey()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QStringLiteral("sbx-") + QString::fromLatin1(bytes.toHex());
}

QStringList SandboxServer::modelIds()
{
    return builtinModels();
}

bool SandboxServer::start(QString *error)
{
    std::lock_guard lock(d->lifecycle);
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        qCWarning(lcSandbox) << "sandbox server:" << message;
        return false;
    };
    if (d->started)
        return fail(QStringLiteral("The sandbox server was already started."));
    d->started = true;
#ifdef Q_OS_UNIX
    // A client that goes away mid-response must not kill the process with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
#endif
    d->dataDir = d->config.dataDir;
    if (d->dataDir.isEmpty()) {
        d->tempDir =
            std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/batchdesk-sandbox-XXXXXX"));
        if (!d->tempDir->isValid())
            return fail(QStringLiteral("Cannot create a temporary data directory."));
        d->dataDir = d->tempDir->path();
    }
    d->dataDir = QDir(d->dataDir).absolutePath();
    if (!dialectFromName(d->config.dialect))
        return fail(QStringLiteral("Unknown dialect '%1'. Known dialects: %2.")
                        .arg(d->config.dialect, dialectNames().join(QStringLiteral(", "))));

    SandboxEngine::Settings settings;
    settings.dataDir = d->dataDir;
    settings.latencyMs = std::max(0, d->config.latencyMs);
    settings.concurrency = std::max(1, d->config.concurrency);
    settings.windowSeconds = std::max(1, d->config.windowSeconds);
    d->engine = std::make_unique<SandboxEngine>(settings);
    QString engineError;
    if (!d->engine->start(&engineError)) {
        d->engine.reset();
        return fail(engineError);
    }

    d->dialects = std::make_unique<DialectLayer>(
        d->engine.get(), dialectFromName(d->config.dialect).value_or(Dialect::OpenAi), d->dataDir);
    d->realtime = std::make_unique<RealtimeEndpoints>(
        [p = d.get()] {
            std::lock_guard faultsLock(p->faultsMutex);
            return p->config.faults.retryAfterSeconds;
        },
        d->config.realtimeLatencyMs);
    d->http = std::make_unique<httplib::Server>();
    // One worker per open connection: a keep-alive connection holds its worker between its requests, for at
    // most the keep-alive timeout, so idle connections cannot starve new ones for long.
    d->http->new_task_queue = [threads = std::clamp(d->config.httpThreads, 4, 1024)] {
        return new httplib::ThreadPool(size_t(threads));
    };
    d->http->set_keep_alive_timeout(2);
    d->http->set_keep_alive_max_count(1000);
    d->http->set_read_timeout(30);
    d->http->set_write_timeout(30);
    d->installRoutes();
    // cpp-httplib listens with a backlog of 5: when a client opens dozens of connections at once (a real-time
    // runner starting), the kernel drops the connection attempts beyond the queue and the client retries them
    // only after a second. Listening again on the bound socket raises the backlog (Linux and the BSDs;
    // Windows keeps the first value).
    socket_t listenSocket = INVALID_SOCKET;
    d->http->set_socket_options([&listenSocket](socket_t sock) {
        httplib::default_socket_options(sock);
        listenSocket = sock;
    });

    const std::string host = d->config.host.toStdString();
    int bound = -1;
    if (d->config.port == 0)
        bound = d->http->bind_to_any_port(host);
    else if (d->http->bind_to_port(host, d->config.port))
        bound = d->config.port;
    if (bound > 0 && listenSocket != INVALID_SOCKET && ::listen(listenSocket, kListenBacklog) != 0)
        qCWarning(lcSandbox)
            << "sandbox server: cannot raise the listen backlog; connections beyond 5 at once"
            << "will wait";
    if (bound <= 0) {
        d->http.reset();
        d->dialects.reset();
        d->engine->stop();
        d->engine.reset();
        return fail(QStringLiteral("Cannot listen on %1:%2.").arg(d->config.host).arg(d->config.port));
    }
    d->port = quint16(bound);
    d->listenThread = std::thread([http = d->http.get()] { http->listen_after_bind(); });
    // httplib's stop() does nothing until the listen loop runs; a stop() right after start() would then leave
    // the loop running and join() waiting forever. Return only once the loop is live.
    for (int i = 0; i < 5000 && !d->http->is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    d->running = true;
    qCInfo(lcSandbox) << "sandbox listening on" << baseUrl() << "data in" << d->dataDir
                      << (d->config.apiKey.isEmpty() ? "without" : "with") << "an API key";
    return true;
}

void SandboxServer::stop()
{
    std::lock_guard lock(d->lifecycle);
    if (!d->running)
        return;
    d->http->stop();
    if (d->listenThread.joinable())
        d->listenThread.join();
    d->http.reset();
    d->dialects.reset();
    d->engine->stop();
    d->engine.reset();
    d->running = false;
    qCInfo(lcSandbox) << "sandbox stopped";
}

bool SandboxServer::isRunning() const
{
    return d->running;
}

quint16 SandboxServer::port() const
{
    return d->port;
}

QString SandboxServer::baseUrl() const
{
    QString host = d->config.host;
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("http://%1:%2/v1").arg(host).arg(d->port.load());
}

QString SandboxServer::baseUrlFor(QStringView dialect) const
{
    const auto which = dialectFromName(dialect);
    if (!which)
        return {};
    QString host = d->config.host;
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("http://%1:%2").arg(host).arg(d->port.load()) + dialectPrefixPath(*which);
}

QStringList SandboxServer::dialects()
{
    return dialectNames();
}

QString SandboxServer::dataDir() const
{
    std::lock_guard lock(d->lifecycle);
    return d->dataDir;
}

SandboxFaults SandboxServer::faults() const
{
    std::lock_guard lock(d->faultsMutex);
    return d->config.faults;
}

void SandboxServer::setFaults(const SandboxFaults &faults)
{
    std::lock_guard lock(d->faultsMutex);
    d->config.faults = faults;
}

void SandboxServer::setRealtimeLatencyMs(int ms)
{
    std::lock_guard lock(d->lifecycle);
    d->config.realtimeLatencyMs = ms;
    if (d->realtime)
        d->realtime->setLatencyMs(ms);
}

RealtimeStats SandboxServer::realtimeStats() const
{
    std::lock_guard lock(d->lifecycle);
    return d->realtime ? d->realtime->stats() : RealtimeStats();
}

void SandboxServer::resetRealtimeStats()
{
    std::lock_guard lock(d->lifecycle);
    if (d->realtime)
        d->realtime->resetStats();
}

httplib::Server::HandlerResponse SandboxServer::Private::preRouting(const httplib::Request &req,
                                                                    httplib::Response &res)
{
    res.set_header("x-request-id", "req_" + randomHex(32).toStdString());
    t_dropConnection = false;
    if (req.path == "/health") {
        sendJson(res, 200, QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")}});
        return httplib::Server::HandlerResponse::Handled;
    }
    const RequestDialect resolved = dialects->resolve(req.path);
    const Dialect dialect = resolved.dialect;
    const bool realtimeRequest = !realtime->beginRequest(req, resolved).isEmpty();
    // The sandbox's own control endpoints need the key but see no fault injection: a benchmark reads the
    // statistics of a run with faults on.
    if (req.path.starts_with("/sandbox/")) {
        if (!dialects->admit(req, res, config.apiKey))
            return httplib::Server::HandlerResponse::Handled;
        return httplib::Server::HandlerResponse::Unhandled;
    }
    SandboxFaults f;
    {
        std::lock_guard lock(faultsMutex);
        f = config.faults;
    }
    // A request refused before its body was read leaves that body unread: close the connection after it.
    auto refuse = [&] {
        if (req.method == "POST")
            res.set_header("Connection", "close");
        return httplib::Server::HandlerResponse::Handled;
    };
    if (f.slowMs > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(f.slowMs));
    auto *rng = QRandomGenerator::global();
    if (f.rate429 > 0 && rng->generateDouble() < f.rate429) {
        res.set_header("Retry-After", std::to_string(std::max(0, f.retryAfterSeconds)));
        DialectLayer::sendError(res, dialect, 429, QStringLiteral("Rate limited (sandbox fault injection)."),
                                QStringLiteral("rate_limit_exceeded"), QStringLiteral("rate_limit_exceeded"));
        if (realtimeRequest)
            realtime->recordFault(429);
        return refuse();
    }
    if (f.rate500 > 0 && rng->generateDouble() < f.rate500) {
        DialectLayer::sendError(
            res, dialect, 500,
            QStringLiteral("The server had an error while processing your request (sandbox "
                           "fault injection)."),
            QStringLiteral("server_error"));
        if (realtimeRequest)
            realtime->recordFault(500);
        return refuse();
    }
    // Each dialect's own credentials (and required version header or parameter).
    if (!dialects->admit(req, res, config.apiKey))
        return refuse();
    t_dropConnection = f.dropRate > 0 && rng->generateDouble() < f.dropRate;
    return httplib::Server::HandlerResponse::Unhandled;
}

void SandboxServer::Private::installRoutes()
{
    httplib::Server &s = *http;
    s.set_pre_routing_handler(
        [this](const httplib::Request &req, httplib::Response &res) { return preRouting(req, res); });
    // Every error the library produces itself (unknown route, bad request) gets the error envelope too.
    s.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request &req,
                                                                httplib::Response &res) {
        if (!res.body.empty() || res.status < 400)
            return httplib::Server::HandlerResponse::Unhandled;
        const QString message = res.status == 404
            ? QStringLiteral("Unknown request URL: %1 %2.").arg(qs(req.method), qs(req.path))
            : QStringLiteral("The request could not be handled (HTTP %1).").arg(res.status);
        DialectLayer::sendError(res, DialectLayer::current().dialect, res.status, message,
                                QStringLiteral("invalid_request_error"),
                                res.status == 404 ? QJsonValue(QStringLiteral("unknown_url")) : QJsonValue());
        return httplib::Server::HandlerResponse::Handled;
    }));
    s.set_exception_handler([](const httplib::Request &, httplib::Response &res, std::exception_ptr) {
        DialectLayer::sendError(res, DialectLayer::current().dialect, 500,
                                QStringLiteral("The sandbox failed to handle the request."),
                                QStringLiteral("server_error"));
    });

    // Anthropic, Mistral's batch jobs and Gemini first: their own paths under their own mounts.
    familyPattern =
        dialects->mountPattern({Dialect::OpenAi, Dialect::DeepInfra, Dialect::Groq, Dialect::Together,
                                Dialect::Nebius, Dialect::Azure, Dialect::Mistral});
    const DialectLayer::WrapReader wrapReader =
        [](httplib::Server::HandlerWithContentReader h) -> httplib::Server::HandlerWithContentReader {
        return [h = std::move(h)](const httplib::Request &req, httplib::Response &res,
                                  const httplib::ContentReader &reader) {
            h(req, res, reader);
            if (t_dropConnection)
                dropConnection(req);
        };
    };
    dialects->installRoutes(
        s, [this](httplib::Server::Handler h) -> httplib::Server::Handler { return wrap(std::move(h)); },
        wrapReader);

    // Real-time endpoints, and their statistics for tests and benchmarks.
    realtime->install(s, familyPattern, wrapReader);
    s.Get("/sandbox/realtime/stats", [this](const httplib::Request &, httplib::Response &res) {
        sendJson(res, 200, realtime->statsJson());
    });
    s.Post("/sandbox/realtime/stats/reset", [this](const httplib::Request &, httplib::Response &res) {
        realtime->resetStats();
        sendJson(res, 200, realtime->statsJson());
    });
    // The OpenAI family (and Mistral's files): the batch routes refuse Mistral, whose batches are jobs.
    auto familyOnly = [](httplib::Response &res) {
        const Dialect d = DialectLayer::current().dialect;
        if (isOpenAiFamily(d))
            return true;
        DialectLayer::sendError(res, d, 404,
                                QStringLiteral("Unknown request URL for %1.").arg(dialectName(d)),
                                QStringLiteral("invalid_request_error"), QStringLiteral("unknown_url"));
        return false;
    };

    // Files
    s.Post(pattern("/files"),
           [this](const httplib::Request &req, httplib::Response &res, const httplib::ContentReader &reader) {
               upload(req, res, reader);
               if (t_dropConnection)
                   dropConnection(req);
           });
    s.Get(pattern("/files"), wrap([this](const httplib::Request &req, httplib::Response &res) {
              if (DialectLayer::current().dialect == Dialect::Mistral) {
                  sendResult(res, dialects->listFiles(Dialect::Mistral, req));
                  return;
              }
              int limit = 0;
              if (!parseLimit(req, 10000, 10000, &limit, res))
                  return;
              const QString order =
                  req.has_param("order") ? qs(req.get_param_value("order")) : QStringLiteral("desc");
              if (order != QLatin1String("asc") && order != QLatin1String("desc")) {
                  sendError(res, 400, QStringLiteral("Invalid 'order': it must be 'asc' or 'desc'."),
                            QStringLiteral("invalid_request_error"), QStringLiteral("order"),
                            QStringLiteral("invalid_value"));
                  return;
              }
              sendResult(res,
                         engine->listFiles(qs(req.get_param_value("after")), limit,
                                           order == QLatin1String("asc"),
                                           qs(req.get_param_value("purpose"))));
          }));
    s.Get(pattern("/files/([^/]+)/content"),
          wrap([this](const httplib::Request &req, httplib::Response &res) {
              content(qs(req.matches[1]), res);
          }));
    s.Get(pattern("/files/([^/]+)"), wrap([this](const httplib::Request &req, httplib::Response &res) {
              ApiResult result = engine->getFile(qs(req.matches[1]));
              if (result.status == 200)
                  result.body = dialects->fileJson(DialectLayer::current().dialect, result.body);
              sendResult(res, result);
          }));
    s.Delete(pattern("/files/([^/]+)"), wrap([this](const httplib::Request &req, httplib::Response &res) {
                 sendResult(res, engine->deleteFile(qs(req.matches[1])));
             }));

    // Batches
    s.Post(pattern("/batches"), wrap([this, familyOnly](const httplib::Request &req, httplib::Response &res) {
               if (!familyOnly(res))
                   return;
               QJsonParseError parseError;
               const QJsonDocument doc =
                   QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &parseError);
               if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
                   sendError(res, 400,
                             QStringLiteral(
                                 "We could not parse the JSON body of your request: expected an object."),
                             QStringLiteral("invalid_request_error"));
                   return;
               }
               sendResult(res, dialects->createBatch(DialectLayer::current().dialect, doc.object()));
           }));
    s.Get(pattern("/batches"), wrap([this, familyOnly](const httplib::Request &req, httplib::Response &res) {
              if (!familyOnly(res))
                  return;
              int limit = 0;
              if (!parseLimit(req, 20, 100, &limit, res))
                  return;
              dialects->listBatches(DialectLayer::current().dialect, qs(req.get_param_value("after")), limit,
                                    res);
          }));
    s.Get(pattern("/batches/([^/]+)"),
          wrap([this, familyOnly](const httplib::Request &req, httplib::Response &res) {
              if (familyOnly(res))
                  sendResult(res,
                             dialects->batchResult(DialectLayer::current().dialect,
                                                   engine->getBatch(qs(req.matches[1]))));
          }));
    s.Post(pattern("/batches/([^/]+)/cancel"),
           wrap([this, familyOnly](const httplib::Request &req, httplib::Response &res) {
               if (familyOnly(res))
                   sendResult(res,
                              dialects->batchResult(DialectLayer::current().dialect,
                                                    engine->cancelBatch(qs(req.matches[1]))));
           }));

    // Models
    auto modelJson = [](const QString &id) {
        return QJsonObject {{QStringLiteral("id"), id},
                            {QStringLiteral("object"), QStringLiteral("model")},
                            {QStringLiteral("created"), 1735689600},
                            {QStringLiteral("owned_by"), QStringLiteral("batchdesk-sandbox")}};
    };
    s.Get(pattern("/models"), wrap([modelJson](const httplib::Request &, httplib::Response &res) {
              QJsonArray data;
              for (const QString &id : builtinModels())
                  data.append(modelJson(id));
              sendJson(res, 200,
                       QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
                                    {QStringLiteral("data"), data}});
          }));
    s.Get(pattern("/models/(.+)"), wrap([modelJson](const httplib::Request &req, httplib::Response &res) {
              const QString id = qs(req.matches[1]);
              if (isBuiltinModel(id))
                  sendJson(res, 200, modelJson(id));
              else
                  sendError(res, 404, QStringLiteral("The model '%1' does not exist.").arg(id),
                            QStringLiteral("invalid_request_error"), QStringLiteral("model"),
                            QStringLiteral("model_not_found"));
          }));
}

void SandboxServer::Private::upload(const httplib::Request &req, httplib::Response &res,
                                    const httplib::ContentReader &reader)
{
    auto invalid = [&res](const QString &message, const QString &param, const QString &code) {
        sendError(res, 400, message, QStringLiteral("invalid_request_error"), param, code);
    };
    if (!req.is_multipart_form_data()) {
        res.set_header("Connection", "close");
        invalid(
            QStringLiteral("The request must be multipart/form-data with the fields 'file' and 'purpose'."),
            QString(), QStringLiteral("invalid_content_type"));
        return;
    }
    // The file part goes straight to disk in the chunks the library hands over: memory stays flat.
    const QString tempPath = engine->uploadDir() + QStringLiteral("/upload-") + randomHex(16);
    QFile temp(tempPath);
    if (!temp.open(QIODevice::WriteOnly)) {
        sendError(res, 500, QStringLiteral("The sandbox cannot store uploads."),
                  QStringLiteral("server_error"));
        return;
    }
    std::string field;
    QHash<QString, QByteArray> fields;
    QString filename;
    int fileParts = 0;
    qint64 bytes = 0;
    bool tooLarge = false, writeError = false, fieldTooLong = false;
    const bool ok = reader(
        [&](const httplib::MultipartFormData &part) {
            field = part.name;
            if (field == "file") {
                ++fileParts;
                filename = qs(part.filename);
            }
            return true;
        },
        [&](const char *data, size_t length) {
            if (field == "file") {
                if (fileParts > 1)
                    return true; // only the first file part counts
                if (bytes + qint64(length) > kMaxUploadBytes) {
                    tooLarge = true;
                    return false;
                }
                if (temp.write(data, qint64(length)) != qint64(length)) {
                    writeError = true;
                    return false;
                }
                bytes += qint64(length);
                return true;
            }
            QByteArray &value = fields[qs(field)];
            if (value.size() + qsizetype(length) > kMaxFieldBytes) {
                fieldTooLong = true;
                return false;
            }
            value.append(data, qsizetype(length));
            return true;
        });
    temp.close();
    auto discard = [&] {
        QFile::remove(tempPath);
        res.set_header("Connection", "close");
    };
    if (tooLarge) {
        discard();
        invalid(QStringLiteral("File is too large. The limit is %1 bytes.").arg(kMaxUploadBytes),
                QStringLiteral("file"), QStringLiteral("file_too_large"));
        return;
    }
    if (writeError) {
        discard();
        sendError(res, 500, QStringLiteral("The sandbox could not write the upload to disk."),
                  QStringLiteral("server_error"));
        return;
    }
    if (fieldTooLong || !ok) {
        discard();
        invalid(QStringLiteral("The multipart body could not be read."), QString(),
                QStringLiteral("invalid_body"));
        return;
    }
    if (fileParts == 0) {
        QFile::remove(tempPath);
        invalid(QStringLiteral("Missing required parameter: 'file'."), QStringLiteral("file"),
                QStringLiteral("missing_required_parameter"));
        return;
    }
    const QString purpose = QString::fromUtf8(fields.value(QStringLiteral("purpose"))).trimmed();
    if (purpose.isEmpty()) {
        QFile::remove(tempPath);
        invalid(QStringLiteral("Missing required parameter: 'purpose'."), QStringLiteral("purpose"),
                QStringLiteral("missing_required_parameter"));
        return;
    }
    if (const QString problem = dialects->uploadPurposeProblem(DialectLayer::current().dialect, purpose);
        !problem.isEmpty()) {
        QFile::remove(tempPath);
        invalid(problem, QStringLiteral("purpose"), QStringLiteral("invalid_value"));
        return;
    }
    qint64 expiresAfter = -1;
    const auto anchor = fields.constFind(QStringLiteral("expires_after[anchor]"));
    const auto seconds = fields.constFind(QStringLiteral("expires_after[seconds]"));
    if (anchor != fields.cend() && anchor->trimmed() != "created_at") {
        QFile::remove(tempPath);
        invalid(QStringLiteral("Invalid value for 'expires_after[anchor]': only 'created_at' is supported."),
                QStringLiteral("expires_after[anchor]"), QStringLiteral("invalid_value"));
        return;
    }
    if (anchor != fields.cend() || seconds != fields.cend()) {
        bool numeric = false;
        expiresAfter = seconds == fields.cend() ? -1 : seconds->trimmed().toLongLong(&numeric);
        if (!numeric || expiresAfter < 3600 || expiresAfter > 2592000) {
            QFile::remove(tempPath);
            invalid(QStringLiteral("'expires_after[seconds]' must be an integer between 3600 and 2592000."),
                    QStringLiteral("expires_after[seconds]"), QStringLiteral("invalid_value"));
            return;
        }
    }
    if (filename.isEmpty())
        filename = QStringLiteral("upload.jsonl");
    ApiResult result = engine->addUploadedFile(tempPath, filename, bytes, purpose, expiresAfter);
    if (result.status == 200)
        result.body = dialects->fileJson(DialectLayer::current().dialect, result.body);
    sendResult(res, result);
}

void SandboxServer::Private::content(const QString &id, httplib::Response &res)
{
    QString path;
    qint64 size = 0;
    auto file = std::make_shared<QFile>();
    if (engine->fileContent(id, &path, &size)) {
        file->setFileName(path);
        file->open(QIODevice::ReadOnly);
    }
    if (!file->isOpen()) {
        sendError(res, 404, QStringLiteral("No such File object: %1").arg(id),
                  QStringLiteral("invalid_request_error"), QStringLiteral("id"), QStringLiteral("not_found"));
        return;
    }
    res.status = 200;
    // Streamed from disk in chunks: a large result file is never held in memory.
    res.set_content_provider(size_t(file->size()), "application/octet-stream",
                             [file](size_t offset, size_t length, httplib::DataSink &sink) {
                                 if (file->pos() != qint64(offset) && !file->seek(qint64(offset)))
                                     return false;
                                 const QByteArray chunk =
                                     file->read(std::min<qint64>(qint64(length), kChunkBytes));
                                 if (chunk.isEmpty())
                                     return false;
                                 return sink.write(chunk.constData(), size_t(chunk.size()));
                             });
}

} // namespace Batchdesk::Sandbox
