#include "sandboxengine.h"

#include "common/logging.h"
#include "jsonl/validator.h"
#include "platform/platform.h"
#include "sandboxmodels.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#ifdef Q_OS_UNIX
#endif

#include <algorithm>

namespace Batchdesk::Sandbox {

namespace {

constexpr qint64 kMinExpirySeconds = 3600;
constexpr qint64 kMaxExpirySeconds = 2592000;
constexpr qint64 kDefaultExpirySeconds = 2592000;
constexpr int kMaxBatchErrors = 1000;
constexpr int kMaxLinesPerTick = 2000;

const QStringList &supportedEndpoints()
{
    // OpenAI's batch endpoints (CreateBatchRequest.endpoint); the built-in models serve every one.
    static const QStringList endpoints = Jsonl::LimitProfile::openai().endpoints;
    return endpoints;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonValue tsValue(qint64 seconds)
{
    return seconds > 0 ? QJsonValue(seconds) : QJsonValue();
}

QJsonValue idValue(const QString &id)
{
    return id.isEmpty() ? QJsonValue() : QJsonValue(id);
}

ApiResult invalid(const QString &message, const QString &param,
                  const QString &code = QStringLiteral("invalid_value"))
{
    return {400, errorEnvelope(message, QStringLiteral("invalid_request_error"), param, code)};
}

ApiResult notFound(const QString &message, const QString &param = QString())
{
    return {404,
            errorEnvelope(message, QStringLiteral("invalid_request_error"),
                          param.isEmpty() ? QJsonValue() : QJsonValue(param), QStringLiteral("not_found"))};
}

bool isTerminal(const QString &status)
{
    return status == QLatin1String("completed") || status == QLatin1String("failed")
        || status == QLatin1String("expired") || status == QLatin1String("cancelled");
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/** A link (or copy) of the input, so that deleting the input file does not disturb a running batch. */
bool linkOrCopy(const QString &from, const QString &to)
{
    QFile::remove(to);
    return Platform::hardLink(from, to) || QFile::copy(from, to);
}

} // namespace

SandboxEngine::SandboxEngine(Settings settings)
    : m_settings(std::move(settings))
    , m_connectionName(QStringLiteral("batchdesk-sandbox-%1").arg(quintptr(this), 0, 16))
{ }

SandboxEngine::~SandboxEngine()
{
    stop();
}

QString SandboxEngine::uploadDir() const
{
    return m_settings.dataDir + QStringLiteral("/tmp");
}

QString SandboxEngine::filePath(const QString &id) const
{
    return m_settings.dataDir + QStringLiteral("/files/") + id;
}

QString SandboxEngine::batchPath(const QString &batchId, const char *suffix) const
{
    return m_settings.dataDir + QStringLiteral("/batches/") + batchId + QLatin1String(suffix);
}

bool SandboxEngine::start(QString *error)
{
    QDir dir;
    for (const char *sub : {"/files", "/batches", "/tmp"}) {
        if (!dir.mkpath(m_settings.dataDir + QLatin1String(sub))) {
            if (error)
                *error = QStringLiteral("Cannot create the data directory %1").arg(m_settings.dataDir);
            return false;
        }
    }
    // Leftovers of uploads interrupted by a crash.
    const QStringList stale = QDir(uploadDir()).entryList(QDir::Files);
    for (const QString &name : stale)
        QFile::remove(uploadDir() + QLatin1Char('/') + name);

    std::promise<QString> ready;
    std::future<QString> result = ready.get_future();
    m_thread = std::thread([this, &ready] { run(&ready); });
    const QString message = result.get();
    if (!message.isEmpty()) {
        m_thread.join();
        if (error)
            *error = message;
        return false;
    }
    m_started = true;
    return true;
}

void SandboxEngine::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

// ---------------------------------------------------------------------------------------------------------------
// Engine thread

void SandboxEngine::run(std::promise<QString> *ready)
{
    const QString error = openDatabase();
    if (!error.isEmpty()) {
        closeDatabase();
        ready->set_value(error);
        return;
    }
    loadState();
    ready->set_value(QString());

    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        validateDue();
        lock.lock();
        const qint64 now = nowMs();
        stepBatches(now);
        if (now - m_lastSweepMs >= 1000) {
            sweepExpiredFiles(now / 1000);
            m_lastSweepMs = now;
        }
        lock.unlock();
        flush();
        lock.lock();
        if (m_stopping)
            break;
        const bool active = std::any_of(m_batches.cbegin(), m_batches.cend(),
                                        [](const auto &entry) { return !isTerminal(entry.second.status); });
        // Running batches advance in steps of a few ms; an idle engine only sweeps expired files.
        m_wake.wait_for(lock, active ? std::chrono::milliseconds(5) : std::chrono::milliseconds(500));
    }
    lock.unlock();
    flush();
    closeDatabase();
}

QString SandboxEngine::openDatabase()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_settings.dataDir + QStringLiteral("/sandbox.sqlite"));
    if (!db.open())
        return QStringLiteral("Cannot open the sandbox database: %1").arg(db.lastError().text());
    QSqlQuery q(db);
    for (const char *sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                            "CREATE TABLE IF NOT EXISTS files (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, "
                            "state TEXT NOT NULL)",
                            "CREATE TABLE IF NOT EXISTS batches (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, "
                            "state TEXT NOT NULL)",
                            "PRAGMA user_version=1"}) {
        if (!q.exec(QString::fromLatin1(sql)))
            return QStringLiteral("Cannot prepare the sandbox database: %1").arg(q.lastError().text());
    }
    return {};
}

void SandboxEngine::closeDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

void SandboxEngine::loadState()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    const qint64 now = nowMs();
    std::lock_guard lock(m_mutex);
    if (q.exec(QStringLiteral("SELECT state FROM files"))) {
        while (q.next()) {
            FileRec f = fileFromState(QJsonDocument::fromJson(q.value(0).toByteArray()).object());
            if (f.id.isEmpty())
                continue;
            m_nextSeq = std::max(m_nextSeq, f.seq + 1);
            m_fileSeq.insert(f.id, f.seq);
            m_files.emplace(f.seq, f);
        }
    }
    int resumed = 0;
    if (q.exec(QStringLiteral("SELECT state FROM batches"))) {
        while (q.next()) {
            BatchRec b = batchFromState(QJsonDocument::fromJson(q.value(0).toByteArray()).object());
            if (b.id.isEmpty())
                continue;
            m_nextSeq = std::max(m_nextSeq, b.seq + 1);
            if (!isTerminal(b.status)) {
                ++resumed;
                // Lines written after the last saved step are dropped: they are executed again.
                for (const auto &[suffix, size] :
                     {std::pair {".output.jsonl", b.outBytes}, {".errors.jsonl", b.errBytes}}) {
                    QFile partial(batchPath(b.id, suffix));
                    if (partial.exists())
                        partial.resize(size);
                }
                b.phaseDueMs = now + m_settings.latencyMs;
                b.nextSlotMs = now + m_settings.latencyMs;
            }
            m_batchSeq.insert(b.id, b.seq);
            m_batches.emplace(b.seq, b);
        }
    }
    qCInfo(lcSandbox) << "sandbox state loaded:" << m_files.size() << "files," << m_batches.size()
                      << "batches," << resumed << "resumed";
}

void SandboxEngine::flush()
{
    struct Row
    {
        bool batch;
        bool remove;
        QString id;
        qint64 seq;
        QByteArray state;
    };
    QList<Row> rows;
    {
        std::lock_guard lock(m_mutex);
        for (const QString &id : std::as_const(m_deletedFiles))
            rows.append({false, true, id, 0, {}});
        for (const QString &id : std::as_const(m_dirtyFiles)) {
            if (const FileRec *f = findFile(id))
                rows.append({false, false, id, f->seq, compact(fileState(*f))});
        }
        for (const QString &id : std::as_const(m_dirtyBatches)) {
            if (const BatchRec *b = findBatch(id))
                rows.append({true, false, id, b->seq, compact(batchState(*b))});
        }
        m_deletedFiles.clear();
        m_dirtyFiles.clear();
        m_dirtyBatches.clear();
    }
    if (rows.isEmpty())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.transaction();
    QSqlQuery q(db);
    for (const Row &row : std::as_const(rows)) {
        const QString table = row.batch ? QStringLiteral("batches") : QStringLiteral("files");
        if (row.remove) {
            q.prepare(QStringLiteral("DELETE FROM ") + table + QStringLiteral(" WHERE id = ?"));
            q.addBindValue(row.id);
        } else {
            q.prepare(QStringLiteral("INSERT OR REPLACE INTO ") + table
                      + QStringLiteral(" (id, seq, state) VALUES (?, ?, ?)"));
            q.addBindValue(row.id);
            q.addBindValue(row.seq);
            q.addBindValue(QString::fromUtf8(row.state));
        }
        if (!q.exec())
            qCWarning(lcSandbox) << "cannot save sandbox state:" << q.lastError().text();
    }
    db.commit();
}

void SandboxEngine::validateDue()
{
    struct Job
    {
        QString id;
        QString endpoint;
    };
    QList<Job> jobs;
    const qint64 now = nowMs();
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[seq, b] : m_batches) {
            if (b.status == QLatin1String("validating") && now >= b.phaseDueMs && now < b.deadlineMs)
                jobs.append({b.id, b.endpoint});
        }
    }
    for (const Job &job : std::as_const(jobs)) {
        Jsonl::ValidationOptions options;
        options.expectedEndpoint = job.endpoint;
        options.profile = Jsonl::LimitProfile::openai(); // the sandbox serves OpenAI's eight batch endpoints
        options.maxDiagnostics = kMaxBatchErrors;
        options.buildIndex = false;
        // Validation of a large file takes a while: it runs without the lock, and a cancel in the meantime
        // wins.
        const Jsonl::ValidationReport report =
            Jsonl::validateFile(batchPath(job.id, ".input.jsonl"), options);

        std::lock_guard lock(m_mutex);
        BatchRec *b = findBatch(job.id);
        if (!b || b->status != QLatin1String("validating"))
            continue;
        const qint64 nowS = nowMs() / 1000;
        auto batchError = [](const QString &code, const QString &message, const QJsonValue &param,
                             const QJsonValue &line) {
            return QJsonObject {{QStringLiteral("code"), code},
                                {QStringLiteral("message"), message},
                                {QStringLiteral("param"), param},
                                {QStringLiteral("line"), line}};
        };
        QJsonArray errors;
        if (!report.completed()) {
            errors.append(
                batchError(QStringLiteral("file_read_error"), report.ioError, QJsonValue(), QJsonValue()));
        } else if (report.errorCount > 0) {
            for (const Jsonl::Diagnostic &d : report.diagnostics) {
                if (!d.isError())
                    continue;
                errors.append(batchError(d.codeString(), d.message, QJsonValue(),
                                         d.line > 0 ? QJsonValue(d.line) : QJsonValue()));
            }
        } else if (!isBuiltinModel(report.model)) {
            errors.append(
                batchError(QStringLiteral("model_not_found"),
                           QStringLiteral("The model '%1' is not available in the sandbox. Available "
                                          "models: %2.")
                               .arg(report.model, builtinModels().join(QStringLiteral(", "))),
                           QStringLiteral("body.model"), QJsonValue()));
        } else if (const QString problem = modelEndpointProblem(report.model, b->endpoint);
                   !problem.isEmpty()) {
            errors.append(batchError(QStringLiteral("invalid_model"), problem, QStringLiteral("body.model"),
                                     QJsonValue()));
        }
        if (!errors.isEmpty()) {
            b->status = QStringLiteral("failed");
            b->failedAt = nowS;
            b->errors = errors;
            QFile::remove(batchPath(b->id, ".input.jsonl"));
            qCInfo(lcSandbox) << "batch" << b->id << "failed validation with" << errors.size() << "errors";
        } else {
            b->status = QStringLiteral("in_progress");
            b->inProgressAt = nowS;
            b->model = report.model;
            b->total = report.lines;
            b->validated = true;
            b->nextSlotMs = nowMs() + m_settings.latencyMs;
            qCInfo(lcSandbox) << "batch" << b->id << "in progress," << b->total << "requests";
        }
        markDirty(*b);
    }
}

void SandboxEngine::stepBatches(qint64 nowMs)
{
    const QString expiredMessage =
        QStringLiteral("This request could not be executed before the completion window expired.");
    for (auto &[seq, b] : m_batches) {
        if (isTerminal(b.status))
            continue;
        const bool running =
            b.status == QLatin1String("validating") || b.status == QLatin1String("in_progress");
        if (running && nowMs >= b.deadlineMs) {
            finishBatch(b, QStringLiteral("expired"), "batch_expired", expiredMessage, nowMs);
            continue;
        }
        if (b.status == QLatin1String("in_progress")) {
            executeLines(b, nowMs);
        } else if (b.status == QLatin1String("finalizing") && nowMs >= b.phaseDueMs) {
            finishBatch(b, QStringLiteral("completed"), nullptr, QString(), nowMs);
        } else if (b.status == QLatin1String("cancelling") && nowMs >= b.phaseDueMs) {
            finishBatch(b, QStringLiteral("cancelled"), "batch_cancelled",
                        QStringLiteral("This request was not executed because the batch was cancelled."),
                        nowMs);
        }
    }
}

void SandboxEngine::executeLines(BatchRec &b, qint64 nowMs)
{
    if (nowMs < b.nextSlotMs)
        return;
    QFile input(batchPath(b.id, ".input.jsonl"));
    QFile output(batchPath(b.id, ".output.jsonl"));
    QFile errors(batchPath(b.id, ".errors.jsonl"));
    if (!input.open(QIODevice::ReadOnly) || !input.seek(b.inputOffset)
        || !output.open(QIODevice::WriteOnly | QIODevice::Append)
        || !errors.open(QIODevice::WriteOnly | QIODevice::Append)) {
        qCWarning(lcSandbox) << "batch" << b.id << "cannot access its files; it fails";
        b.status = QStringLiteral("failed");
        b.failedAt = nowMs / 1000;
        b.errors =
            QJsonArray {QJsonObject {{QStringLiteral("code"), QStringLiteral("file_read_error")},
                                     {QStringLiteral("message"), QStringLiteral("The input file is gone.")},
                                     {QStringLiteral("param"), QJsonValue()},
                                     {QStringLiteral("line"), QJsonValue()}}};
        markDirty(b);
        return;
    }
    const int latency = std::max(0, m_settings.latencyMs);
    const int group = latency > 0 ? std::max(1, m_settings.concurrency) : kMaxLinesPerTick;
    int processed = 0;
    const qint64 nowS = nowMs / 1000;
    while (nowMs >= b.nextSlotMs && b.linesDone < b.total && processed < kMaxLinesPerTick) {
        // A group of `concurrency` lines finishes every `latency` ms.
        for (int i = 0; i < group && b.linesDone < b.total; ++i) {
            QByteArray line = input.readLine();
            if (line.isEmpty()) {
                b.total = b.linesDone; // the file ended early: nothing more to run
                break;
            }
            b.inputOffset = input.pos();
            ++b.linesDone;
            ++processed;
            while (line.endsWith('\n') || line.endsWith('\r'))
                line.chop(1);
            const QJsonObject request = QJsonDocument::fromJson(line).object();
            const QString customId = request.value(QLatin1String("custom_id")).toString();
            const ModelResult result =
                executeRequest(b.endpoint, request.value(QLatin1String("body")).toObject(), nowS);
            const QJsonObject response {
                {QStringLiteral("status_code"), result.statusCode},
                {QStringLiteral("request_id"), QString(QStringLiteral("req_") + randomHex(32))},
                {QStringLiteral("body"), result.body}};
            const QJsonObject outLine {
                {QStringLiteral("id"), QString(QStringLiteral("batch_req_") + randomHex(32))},
                {QStringLiteral("custom_id"), customId},
                {QStringLiteral("response"), response},
                {QStringLiteral("error"), QJsonValue()}};
            const QByteArray bytes = compact(outLine) + '\n';
            if (result.ok()) {
                output.write(bytes);
                ++b.completed;
                ++b.outLines;
                b.inputTokens += result.inputTokens;
                b.outputTokens += result.outputTokens;
            } else {
                errors.write(bytes);
                ++b.failed;
                ++b.errLines;
            }
        }
        b.nextSlotMs = latency > 0 ? b.nextSlotMs + latency : nowMs + 1;
    }
    output.flush();
    errors.flush();
    b.outBytes = output.size();
    b.errBytes = errors.size();
    if (b.linesDone >= b.total) {
        b.status = QStringLiteral("finalizing");
        b.finalizingAt = nowS;
        b.phaseDueMs = nowMs + latency;
    }
    markDirty(b);
}

void SandboxEngine::finishBatch(BatchRec &b, const QString &finalStatus, const char *pendingCode,
                                const QString &pendingMessage, qint64 nowMs)
{
    const qint64 nowS = nowMs / 1000;
    // Lines that never ran go to the error file as `response: null, error: {code, message}`.
    if (pendingCode && b.validated && b.linesDone < b.total) {
        QFile input(batchPath(b.id, ".input.jsonl"));
        QFile errors(batchPath(b.id, ".errors.jsonl"));
        if (input.open(QIODevice::ReadOnly) && input.seek(b.inputOffset)
            && errors.open(QIODevice::WriteOnly | QIODevice::Append)) {
            while (!input.atEnd()) {
                const QByteArray line = input.readLine().trimmed();
                if (line.isEmpty())
                    continue;
                const QString customId =
                    QJsonDocument::fromJson(line).object().value(QLatin1String("custom_id")).toString();
                const QJsonObject outLine {
                    {QStringLiteral("id"), QString(QStringLiteral("batch_req_") + randomHex(32))},
                    {QStringLiteral("custom_id"), customId},
                    {QStringLiteral("response"), QJsonValue()},
                    {QStringLiteral("error"),
                     QJsonObject {{QStringLiteral("code"), QLatin1String(pendingCode)},
                                  {QStringLiteral("message"), pendingMessage}}}};
                errors.write(compact(outLine) + '\n');
                ++b.errLines;
            }
        }
        b.inputOffset = input.size();
    }
    if (b.outLines > 0)
        b.outputFileId =
            publishResultFile(batchPath(b.id, ".output.jsonl"), QStringLiteral("%1_output.jsonl").arg(b.id),
                              b.outputExpiresSeconds, nowS);
    if (b.errLines > 0)
        b.errorFileId =
            publishResultFile(batchPath(b.id, ".errors.jsonl"), QStringLiteral("%1_error.jsonl").arg(b.id),
                              b.outputExpiresSeconds, nowS);
    for (const char *suffix : {".output.jsonl", ".errors.jsonl", ".input.jsonl"})
        QFile::remove(batchPath(b.id, suffix));
    b.status = finalStatus;
    if (finalStatus == QLatin1String("completed"))
        b.completedAt = nowS;
    else if (finalStatus == QLatin1String("expired"))
        b.expiredAt = nowS;
    else if (finalStatus == QLatin1String("cancelled"))
        b.cancelledAt = nowS;
    qCInfo(lcSandbox) << "batch" << b.id << finalStatus << "-" << b.completed << "completed," << b.failed
                      << "failed of" << b.total;
    markDirty(b);
}

QString SandboxEngine::publishResultFile(const QString &tempPath, const QString &filename,
                                         qint64 expiresAfterSeconds, qint64 nowSeconds)
{
    FileRec f;
    f.id = QStringLiteral("file-") + randomHex(24);
    f.seq = m_nextSeq++;
    f.bytes = QFileInfo(tempPath).size();
    f.createdAt = nowSeconds;
    f.filename = filename;
    f.purpose = QStringLiteral("batch_output");
    f.expiresAt = nowSeconds + expiresAfterSeconds;
    QFile::remove(filePath(f.id));
    if (!QFile::rename(tempPath, filePath(f.id))) {
        qCWarning(lcSandbox) << "cannot publish result file" << filename;
        return {};
    }
    m_fileSeq.insert(f.id, f.seq);
    m_files.emplace(f.seq, f);
    m_dirtyFiles.insert(f.id);
    return f.id;
}

void SandboxEngine::sweepExpiredFiles(qint64 nowSeconds)
{
    for (auto it = m_files.begin(); it != m_files.end();) {
        if (it->second.expiresAt > 0 && it->second.expiresAt <= nowSeconds) {
            QFile::remove(filePath(it->second.id));
            m_deletedFiles.insert(it->second.id);
            m_dirtyFiles.remove(it->second.id);
            it = m_files.erase(it);
        } else {
            ++it;
        }
    }
}

void SandboxEngine::markDirty(const BatchRec &b)
{
    m_dirtyBatches.insert(b.id);
}

// ---------------------------------------------------------------------------------------------------------------
// API operations (HTTP threads)

SandboxEngine::FileRec *SandboxEngine::findFile(const QString &id)
{
    const auto seq = m_fileSeq.constFind(id);
    if (seq == m_fileSeq.cend())
        return nullptr;
    const auto it = m_files.find(*seq);
    return it == m_files.end() ? nullptr : &it->second;
}

SandboxEngine::BatchRec *SandboxEngine::findBatch(const QString &id)
{
    const auto seq = m_batchSeq.constFind(id);
    if (seq == m_batchSeq.cend())
        return nullptr;
    const auto it = m_batches.find(*seq);
    return it == m_batches.end() ? nullptr : &it->second;
}

ApiResult SandboxEngine::addUploadedFile(const QString &tempPath, const QString &filename, qint64 bytes,
                                         const QString &purpose, qint64 expiresAfterSeconds)
{
    FileRec f;
    f.id = QStringLiteral("file-") + randomHex(24);
    f.bytes = bytes;
    f.createdAt = nowMs() / 1000;
    f.filename = filename;
    f.purpose = purpose;
    f.expiresAt = f.createdAt + (expiresAfterSeconds > 0 ? expiresAfterSeconds : kDefaultExpirySeconds);
    if (!QFile::rename(tempPath, filePath(f.id))) {
        QFile::remove(tempPath);
        return {500,
                errorEnvelope(QStringLiteral("The sandbox could not store the file."),
                              QStringLiteral("server_error"))};
    }
    std::lock_guard lock(m_mutex);
    f.seq = m_nextSeq++;
    m_fileSeq.insert(f.id, f.seq);
    m_files.emplace(f.seq, f);
    m_dirtyFiles.insert(f.id);
    qCInfo(lcSandbox) << "file" << f.id << "uploaded," << bytes << "bytes";
    return {200, fileJson(f)};
}

ApiResult SandboxEngine::listFiles(const QString &after, int limit, bool ascending, const QString &purpose)
{
    std::lock_guard lock(m_mutex);
    QJsonArray data;
    bool hasMore = false;
    qint64 cursor = -1;
    if (!after.isEmpty()) {
        const auto seq = m_fileSeq.constFind(after);
        if (seq == m_fileSeq.cend())
            return notFound(QStringLiteral("No such File object: %1").arg(after), QStringLiteral("after"));
        cursor = *seq;
    }
    auto visit = [&](const FileRec &f) {
        if (!purpose.isEmpty() && f.purpose != purpose)
            return true;
        if (data.size() >= limit) {
            hasMore = true;
            return false;
        }
        data.append(fileJson(f));
        return true;
    };
    if (ascending) {
        for (auto it = cursor < 0 ? m_files.begin() : m_files.upper_bound(cursor); it != m_files.end();
             ++it) {
            if (!visit(it->second))
                break;
        }
    } else {
        auto end = cursor < 0 ? m_files.end() : m_files.lower_bound(cursor);
        for (auto it = std::make_reverse_iterator(end); it != m_files.rend(); ++it) {
            if (!visit(it->second))
                break;
        }
    }
    const QJsonValue firstId =
        data.isEmpty() ? QJsonValue() : data.first().toObject().value(QLatin1String("id"));
    const QJsonValue lastId =
        data.isEmpty() ? QJsonValue() : data.last().toObject().value(QLatin1String("id"));
    return {200,
            QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
                         {QStringLiteral("data"), data},
                         {QStringLiteral("first_id"), firstId},
                         {QStringLiteral("last_id"), lastId},
                         {QStringLiteral("has_more"), hasMore}}};
}

ApiResult SandboxEngine::getFile(const QString &id)
{
    std::lock_guard lock(m_mutex);
    if (const FileRec *f = findFile(id))
        return {200, fileJson(*f)};
    return notFound(QStringLiteral("No such File object: %1").arg(id), QStringLiteral("id"));
}

ApiResult SandboxEngine::deleteFile(const QString &id)
{
    std::lock_guard lock(m_mutex);
    const FileRec *f = findFile(id);
    if (!f)
        return notFound(QStringLiteral("No such File object: %1").arg(id), QStringLiteral("id"));
    // On Unix an open download keeps reading the unlinked file; running batches hold their own link.
    QFile::remove(filePath(id));
    m_files.erase(f->seq);
    m_deletedFiles.insert(id);
    m_dirtyFiles.remove(id);
    qCInfo(lcSandbox) << "file" << id << "deleted";
    return {200,
            QJsonObject {{QStringLiteral("id"), id},
                         {QStringLiteral("object"), QStringLiteral("file")},
                         {QStringLiteral("deleted"), true}}};
}

bool SandboxEngine::fileContent(const QString &id, QString *path, qint64 *size)
{
    std::lock_guard lock(m_mutex);
    const FileRec *f = findFile(id);
    if (!f)
        return false;
    *path = filePath(id);
    *size = f->bytes;
    return true;
}

ApiResult SandboxEngine::createBatch(const QJsonObject &request)
{
    return createBatch(request, BatchOptions());
}

ApiResult SandboxEngine::createBatch(const QJsonObject &request, const BatchOptions &options)
{
    const QJsonValue inputFileId = request.value(QLatin1String("input_file_id"));
    if (!inputFileId.isString() || inputFileId.toString().isEmpty())
        return invalid(QStringLiteral("Missing required parameter: 'input_file_id'."),
                       QStringLiteral("input_file_id"), QStringLiteral("missing_required_parameter"));
    const QJsonValue endpoint = request.value(QLatin1String("endpoint"));
    if (!endpoint.isString())
        return invalid(QStringLiteral("Missing required parameter: 'endpoint'."), QStringLiteral("endpoint"),
                       QStringLiteral("missing_required_parameter"));
    if (!supportedEndpoints().contains(endpoint.toString()))
        return invalid(QStringLiteral("Invalid value for 'endpoint': '%1'. Supported values are: %2.")
                           .arg(endpoint.toString(), supportedEndpoints().join(QStringLiteral(", "))),
                       QStringLiteral("endpoint"));
    const QJsonValue window = request.value(QLatin1String("completion_window"));
    if (!window.isString())
        return invalid(QStringLiteral("Missing required parameter: 'completion_window'."),
                       QStringLiteral("completion_window"), QStringLiteral("missing_required_parameter"));
    int windowHours = 0;
    QStringList windowNames;
    for (const auto &[name, hours] : options.windows) {
        windowNames.append(QLatin1Char('\'') + name + QLatin1Char('\''));
        if (window.toString() == name)
            windowHours = hours;
    }
    if (options.windows.isEmpty() && window.toString() == QLatin1String("24h"))
        windowHours = 24;
    if (windowHours <= 0)
        return invalid(
            QStringLiteral("Invalid value for 'completion_window': '%1'. Supported values are: %2.")
                .arg(window.toString(),
                     options.windows.isEmpty() ? QStringLiteral("'24h'")
                                               : windowNames.join(QStringLiteral(", "))),
            QStringLiteral("completion_window"));
    const QJsonValue metadata = request.value(QLatin1String("metadata"));
    if (!metadata.isUndefined() && !metadata.isNull()) {
        if (!metadata.isObject())
            return invalid(QStringLiteral("'metadata' must be an object of string values."),
                           QStringLiteral("metadata"), QStringLiteral("invalid_type"));
        const QJsonObject m = metadata.toObject();
        if (m.size() > 16)
            return invalid(QStringLiteral("'metadata' can hold at most 16 pairs, got %1.").arg(m.size()),
                           QStringLiteral("metadata"));
        for (auto it = m.begin(); it != m.end(); ++it) {
            if (it.key().size() > 64)
                return invalid(QStringLiteral("Metadata keys can be at most 64 characters long."),
                               QStringLiteral("metadata"));
            if (!it.value().isString())
                return invalid(QStringLiteral("Metadata values must be strings (key '%1').").arg(it.key()),
                               QStringLiteral("metadata"), QStringLiteral("invalid_type"));
            if (it.value().toString().size() > 512)
                return invalid(
                    QStringLiteral("Metadata values can be at most 512 characters long (key '%1').")
                        .arg(it.key()),
                    QStringLiteral("metadata"));
        }
    }
    qint64 outputExpires = kDefaultExpirySeconds;
    const QJsonValue expiresAfter = request.value(QLatin1String("output_expires_after"));
    if (!expiresAfter.isUndefined() && !expiresAfter.isNull()) {
        const QJsonObject e = expiresAfter.toObject();
        const QJsonValue anchor = e.value(QLatin1String("anchor"));
        if (!expiresAfter.isObject()
            || (!anchor.isUndefined() && anchor.toString() != QLatin1String("created_at")))
            return invalid(QStringLiteral("'output_expires_after.anchor' must be 'created_at'."),
                           QStringLiteral("output_expires_after.anchor"));
        const QJsonValue seconds = e.value(QLatin1String("seconds"));
        const double s = seconds.toDouble(-1);
        if (!seconds.isDouble() || s != qint64(s) || s < kMinExpirySeconds || s > kMaxExpirySeconds)
            return invalid(
                QStringLiteral("'output_expires_after.seconds' must be an integer between %1 and %2.")
                    .arg(kMinExpirySeconds)
                    .arg(kMaxExpirySeconds),
                QStringLiteral("output_expires_after.seconds"));
        outputExpires = qint64(s);
    }

    std::lock_guard lock(m_mutex);
    const FileRec *input = findFile(inputFileId.toString());
    if (!input)
        return notFound(QStringLiteral("No such File object: %1").arg(inputFileId.toString()),
                        QStringLiteral("input_file_id"));
    const QStringList purposes =
        options.inputPurposes.isEmpty() ? QStringList {QStringLiteral("batch")} : options.inputPurposes;
    if (!purposes.contains(input->purpose))
        return invalid(
            QStringLiteral("The file %1 has purpose '%2'; a batch needs a file uploaded with purpose "
                           "'%3'.")
                .arg(input->id, input->purpose, purposes.first()),
            QStringLiteral("input_file_id"));
    const qint64 now = nowMs();
    BatchRec b;
    b.id = QStringLiteral("batch_") + randomHex(24);
    b.seq = m_nextSeq++;
    b.endpoint = endpoint.toString();
    b.inputFileId = input->id;
    b.completionWindow = window.toString();
    b.status = QStringLiteral("validating");
    b.metadata = metadata.isObject() ? metadata : QJsonValue();
    b.createdAt = now / 1000;
    const qint64 windowSeconds = std::max<qint64>(1, qint64(m_settings.windowSeconds) * windowHours / 24);
    b.deadlineMs = now + windowSeconds * 1000;
    b.expiresAt = b.createdAt + windowSeconds;
    b.outputExpiresSeconds = outputExpires;
    b.phaseDueMs = now + m_settings.latencyMs;
    b.extra = options.extra;
    const bool inputReady = options.convertedInputPath.isEmpty()
        ? linkOrCopy(filePath(input->id), batchPath(b.id, ".input.jsonl"))
        : QFile::rename(options.convertedInputPath, batchPath(b.id, ".input.jsonl"));
    if (!inputReady)
        return {500,
                errorEnvelope(QStringLiteral("The sandbox could not read the input file."),
                              QStringLiteral("server_error"))};
    m_batchSeq.insert(b.id, b.seq);
    const auto &stored = m_batches.emplace(b.seq, b).first->second;
    markDirty(stored);
    m_wake.notify_all();
    qCInfo(lcSandbox) << "batch" << b.id << "created for" << b.endpoint;
    return {200, batchJson(stored)};
}

QJsonObject SandboxEngine::batchExtra(const QString &id)
{
    std::lock_guard lock(m_mutex);
    const BatchRec *b = findBatch(id);
    return b ? b->extra : QJsonObject();
}

ApiResult SandboxEngine::addFileFromBytes(const QByteArray &bytes, const QString &filename,
                                          const QString &purpose)
{
    const QString tempPath = uploadDir() + QStringLiteral("/bytes-") + randomHex(16);
    QFile temp(tempPath);
    if (!temp.open(QIODevice::WriteOnly) || temp.write(bytes) != bytes.size() || !temp.flush()) {
        temp.close();
        QFile::remove(tempPath);
        return {500,
                errorEnvelope(QStringLiteral("The sandbox could not store the file."),
                              QStringLiteral("server_error"))};
    }
    temp.close();
    return addUploadedFile(tempPath, filename, bytes.size(), purpose, -1);
}

ApiResult SandboxEngine::listBatches(const QString &after, int limit)
{
    std::lock_guard lock(m_mutex);
    auto end = m_batches.end();
    if (!after.isEmpty()) {
        const auto seq = m_batchSeq.constFind(after);
        if (seq == m_batchSeq.cend())
            return notFound(QStringLiteral("No such Batch object: %1").arg(after), QStringLiteral("after"));
        end = m_batches.lower_bound(*seq);
    }
    QJsonArray data;
    bool hasMore = false;
    for (auto it = std::make_reverse_iterator(end); it != m_batches.rend(); ++it) {
        if (data.size() >= limit) {
            hasMore = true;
            break;
        }
        data.append(batchJson(it->second));
    }
    const QJsonValue firstId =
        data.isEmpty() ? QJsonValue() : data.first().toObject().value(QLatin1String("id"));
    const QJsonValue lastId =
        data.isEmpty() ? QJsonValue() : data.last().toObject().value(QLatin1String("id"));
    return {200,
            QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
                         {QStringLiteral("data"), data},
                         {QStringLiteral("first_id"), firstId},
                         {QStringLiteral("last_id"), lastId},
                         {QStringLiteral("has_more"), hasMore}}};
}

ApiResult SandboxEngine::getBatch(const QString &id)
{
    std::lock_guard lock(m_mutex);
    if (const BatchRec *b = findBatch(id))
        return {200, batchJson(*b)};
    return notFound(QStringLiteral("No such Batch object: %1").arg(id), QStringLiteral("id"));
}

ApiResult SandboxEngine::cancelBatch(const QString &id)
{
    std::lock_guard lock(m_mutex);
    BatchRec *b = findBatch(id);
    if (!b)
        return notFound(QStringLiteral("No such Batch object: %1").arg(id), QStringLiteral("id"));
    if (isTerminal(b->status))
        return invalid(QStringLiteral("Cannot cancel a batch with status '%1'.").arg(b->status), QString(),
                       QStringLiteral("invalid_state"));
    if (b->status != QLatin1String("cancelling")) {
        const qint64 now = nowMs();
        b->status = QStringLiteral("cancelling");
        b->cancellingAt = now / 1000;
        // In-flight requests finish first, as on the real service.
        b->phaseDueMs = now + m_settings.latencyMs;
        markDirty(*b);
        m_wake.notify_all();
        qCInfo(lcSandbox) << "batch" << id << "cancelling";
    }
    return {200, batchJson(*b)};
}

// ---------------------------------------------------------------------------------------------------------------
// JSON

QJsonObject SandboxEngine::fileJson(const FileRec &f) const
{
    return QJsonObject {{QStringLiteral("id"), f.id},
                        {QStringLiteral("object"), QStringLiteral("file")},
                        {QStringLiteral("bytes"), f.bytes},
                        {QStringLiteral("created_at"), f.createdAt},
                        {QStringLiteral("expires_at"), tsValue(f.expiresAt)},
                        {QStringLiteral("filename"), f.filename},
                        {QStringLiteral("purpose"), f.purpose},
                        {QStringLiteral("status"), QStringLiteral("processed")},
                        {QStringLiteral("status_details"), QJsonValue()}};
}

QJsonObject SandboxEngine::batchJson(const BatchRec &b) const
{
    const QJsonObject usage {
        {QStringLiteral("input_tokens"), b.inputTokens},
        {QStringLiteral("input_tokens_details"), QJsonObject {{QStringLiteral("cached_tokens"), 0}}},
        {QStringLiteral("output_tokens"), b.outputTokens},
        {QStringLiteral("output_tokens_details"), QJsonObject {{QStringLiteral("reasoning_tokens"), 0}}},
        {QStringLiteral("total_tokens"), b.inputTokens + b.outputTokens},
    };
    return QJsonObject {
        {QStringLiteral("id"), b.id},
        {QStringLiteral("object"), QStringLiteral("batch")},
        {QStringLiteral("endpoint"), b.endpoint},
        {QStringLiteral("model"), idValue(b.model)},
        {QStringLiteral("errors"),
         b.errors.isEmpty() ? QJsonValue()
                            : QJsonValue(QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
                                                      {QStringLiteral("data"), b.errors}})},
        {QStringLiteral("input_file_id"), b.inputFileId},
        {QStringLiteral("completion_window"), b.completionWindow},
        {QStringLiteral("status"), b.status},
        {QStringLiteral("output_file_id"), idValue(b.outputFileId)},
        {QStringLiteral("error_file_id"), idValue(b.errorFileId)},
        {QStringLiteral("created_at"), b.createdAt},
        {QStringLiteral("in_progress_at"), tsValue(b.inProgressAt)},
        {QStringLiteral("expires_at"), tsValue(b.expiresAt)},
        {QStringLiteral("finalizing_at"), tsValue(b.finalizingAt)},
        {QStringLiteral("completed_at"), tsValue(b.completedAt)},
        {QStringLiteral("failed_at"), tsValue(b.failedAt)},
        {QStringLiteral("expired_at"), tsValue(b.expiredAt)},
        {QStringLiteral("cancelling_at"), tsValue(b.cancellingAt)},
        {QStringLiteral("cancelled_at"), tsValue(b.cancelledAt)},
        {QStringLiteral("request_counts"),
         QJsonObject {{QStringLiteral("total"), b.total},
                      {QStringLiteral("completed"), b.completed},
                      {QStringLiteral("failed"), b.failed}}},
        {QStringLiteral("usage"), usage},
        {QStringLiteral("metadata"), b.metadata.isObject() ? b.metadata : QJsonValue()},
    };
}

QJsonObject SandboxEngine::fileState(const FileRec &f)
{
    return QJsonObject {{QStringLiteral("id"), f.id},
                        {QStringLiteral("seq"), f.seq},
                        {QStringLiteral("bytes"), f.bytes},
                        {QStringLiteral("created_at"), f.createdAt},
                        {QStringLiteral("filename"), f.filename},
                        {QStringLiteral("purpose"), f.purpose},
                        {QStringLiteral("expires_at"), f.expiresAt}};
}

SandboxEngine::FileRec SandboxEngine::fileFromState(const QJsonObject &o)
{
    FileRec f;
    f.id = o.value(QLatin1String("id")).toString();
    f.seq = o.value(QLatin1String("seq")).toInteger();
    f.bytes = o.value(QLatin1String("bytes")).toInteger();
    f.createdAt = o.value(QLatin1String("created_at")).toInteger();
    f.filename = o.value(QLatin1String("filename")).toString();
    f.purpose = o.value(QLatin1String("purpose")).toString();
    f.expiresAt = o.value(QLatin1String("expires_at")).toInteger();
    return f;
}

QJsonObject SandboxEngine::batchState(const BatchRec &b)
{
    return QJsonObject {
        {QStringLiteral("id"), b.id},
        {QStringLiteral("seq"), b.seq},
        {QStringLiteral("endpoint"), b.endpoint},
        {QStringLiteral("input_file_id"), b.inputFileId},
        {QStringLiteral("completion_window"), b.completionWindow},
        {QStringLiteral("status"), b.status},
        {QStringLiteral("model"), b.model},
        {QStringLiteral("metadata"), b.metadata},
        {QStringLiteral("errors"), b.errors},
        {QStringLiteral("extra"), b.extra},
        {QStringLiteral("output_file_id"), b.outputFileId},
        {QStringLiteral("error_file_id"), b.errorFileId},
        {QStringLiteral("created_at"), b.createdAt},
        {QStringLiteral("in_progress_at"), b.inProgressAt},
        {QStringLiteral("expires_at"), b.expiresAt},
        {QStringLiteral("finalizing_at"), b.finalizingAt},
        {QStringLiteral("completed_at"), b.completedAt},
        {QStringLiteral("failed_at"), b.failedAt},
        {QStringLiteral("expired_at"), b.expiredAt},
        {QStringLiteral("cancelling_at"), b.cancellingAt},
        {QStringLiteral("cancelled_at"), b.cancelledAt},
        {QStringLiteral("total"), b.total},
        {QStringLiteral("completed"), b.completed},
        {QStringLiteral("failed"), b.failed},
        {QStringLiteral("input_tokens"), b.inputTokens},
        {QStringLiteral("output_tokens"), b.outputTokens},
        {QStringLiteral("output_expires_seconds"), b.outputExpiresSeconds},
        {QStringLiteral("deadline_ms"), b.deadlineMs},
        {QStringLiteral("validated"), b.validated},
        {QStringLiteral("input_offset"), b.inputOffset},
        {QStringLiteral("lines_done"), b.linesDone},
        {QStringLiteral("out_bytes"), b.outBytes},
        {QStringLiteral("err_bytes"), b.errBytes},
        {QStringLiteral("out_lines"), b.outLines},
        {QStringLiteral("err_lines"), b.errLines},
    };
}

SandboxEngine::BatchRec SandboxEngine::batchFromState(const QJsonObject &o)
{
    auto str = [&o](const char *key) { return o.value(QLatin1String(key)).toString(); };
    auto num = [&o](const char *key) { return o.value(QLatin1String(key)).toInteger(); };
    BatchRec b;
    b.id = str("id");
    b.seq = num("seq");
    b.endpoint = str("endpoint");
    b.inputFileId = str("input_file_id");
    b.completionWindow = str("completion_window");
    b.status = str("status");
    b.model = str("model");
    b.metadata =
        o.value(QLatin1String("metadata")).isObject() ? o.value(QLatin1String("metadata")) : QJsonValue();
    b.errors = o.value(QLatin1String("errors")).toArray();
    b.extra = o.value(QLatin1String("extra")).toObject();
    b.outputFileId = str("output_file_id");
    b.errorFileId = str("error_file_id");
    b.createdAt = num("created_at");
    b.inProgressAt = num("in_progress_at");
    b.expiresAt = num("expires_at");
    b.finalizingAt = num("finalizing_at");
    b.completedAt = num("completed_at");
    b.failedAt = num("failed_at");
    b.expiredAt = num("expired_at");
    b.cancellingAt = num("cancelling_at");
    b.cancelledAt = num("cancelled_at");
    b.total = num("total");
    b.completed = num("completed");
    b.failed = num("failed");
    b.inputTokens = num("input_tokens");
    b.outputTokens = num("output_tokens");
    b.outputExpiresSeconds = num("output_expires_seconds");
    b.deadlineMs = num("deadline_ms");
    b.validated = o.value(QLatin1String("validated")).toBool();
    b.inputOffset = num("input_offset");
    b.linesDone = num("lines_done");
    b.outBytes = num("out_bytes");
    b.errBytes = num("err_bytes");
    b.outLines = num("out_lines");
    b.errLines = num("err_lines");
    return b;
}

} // namespace Batchdesk::Sandbox
