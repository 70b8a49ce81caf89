#include "localbatches.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThread>
#include <QtConcurrent>

namespace Batchdesk::Realtime {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Batchdesk::Realtime", text);
}

constexpr int kTickMs = 5000;
constexpr int kSaveIntervalMs = 2000;
const QRegularExpression &localIdPattern()
{
    static const QRegularExpression re(
        QStringLiteral("^(?:batch_rt_([0-9a-f]{24})|file-rt-([0-9a-f]{24})(-output|-errors)?)$"));
    return re;
}

QString hex24()
{
    QString s;
    for (int i = 0; i < 3; ++i)
        s += QStringLiteral("%1").arg(QRandomGenerator::system()->generate64() & 0xffffffffULL, 8, 16,
                                      QLatin1Char('0'));
    return s;
}

qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

/** "24h", "7d", "90m", "3600s" → seconds; 0 for anything else. */
qint64 windowSeconds(const QString &window)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,7})([smhd])$"));
    const auto m = re.match(window.trimmed());
    if (!m.hasMatch())
        return 0;
    const qint64 n = m.captured(1).toLongLong();
    switch (m.captured(2).at(0).unicode()) {
    case 's':
        return n;
    case 'm':
        return n * 60;
    case 'h':
        return n * 3600;
    default:
        return n * 86400;
    }
}

Result<void> writeJson(const QString &path, const QJsonObject &o)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(o).toJson(QJsonDocument::Indented)) < 0
        || !file.commit())
        return Result<void>::failure(
            QStringLiteral("realtime.save"),
            tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.read(4 * 1024 * 1024)).object();
}

qint64 fileSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

} // namespace

// ---- RunSettings ----

QString RunSettings::toJson() const
{
    QJsonObject o = limits.toJson();
    QJsonObject map;
    for (auto it = modelMap.cbegin(); it != modelMap.cend(); ++it)
        map.insert(it.key(), it.value());
    o.insert(QStringLiteral("model_map"), map);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

RunSettings RunSettings::fromJson(const QString &text)
{
    RunSettings settings;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    if (o.isEmpty())
        return settings;
    settings.limits = Limits::fromJson(o);
    if (!settings.limits.validate().isEmpty())
        settings.limits = Limits {};
    const QJsonObject map = o.value(QLatin1StringView("model_map")).toObject();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        if (it.value().isString() && !it.value().toString().isEmpty())
            settings.modelMap.insert(it.key(), it.value().toString());
    }
    return settings;
}

// ---- records ----

struct LocalBatches::Record
{
    QString id;
    qint64 owner = 0;
    qint64 runner = 0;
    QString inputFileId;
    QString inputPath;
    QString endpoint;
    QString completionWindow;
    QString model;
    QMap<QString, QString> metadata;
    QString status = QStringLiteral("validating");
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    QHash<QString, qint64> at; ///< in_progress_at, finalizing_at, completed_at, ... (seconds)
    RunProgress counts;
    QString error; ///< why the run failed, or why it cannot start now
    bool outputPublished = false;
    bool errorsPublished = false;

    bool isTerminal() const
    {
        return status == QLatin1StringView("completed") || status == QLatin1StringView("failed")
            || status == QLatin1StringView("expired") || status == QLatin1StringView("cancelled");
    }
};

struct LocalBatches::Run
{
    QPointer<RealtimeRunner> runner;
    std::unique_ptr<QLockFile> lock;
    QElapsedTimer sinceSave;
    qint64 runnerAccount = 0;
    bool cancelSent = false;
};

LocalBatches::LocalBatches(QString root, QObject *parent)
    : QObject(parent)
    , m_root(std::move(root))
    , m_tick(this)
{
    QDir().mkpath(m_root + QStringLiteral("/files"));
    QDir().mkpath(m_root + QStringLiteral("/batches"));
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &LocalBatches::tick);
    m_tick.start();
    QTimer::singleShot(0, this, &LocalBatches::resume);
}

LocalBatches::~LocalBatches()
{
    pauseAll();
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

bool LocalBatches::isLocalId(QStringView id)
{
    return localIdPattern().match(id.toString()).hasMatch();
}

QThread *LocalBatches::workerThread()
{
    if (!m_thread) {
        m_thread = new QThread(this);
        m_thread->setObjectName(QStringLiteral("batchdesk-realtime"));
        m_thread->start();
    }
    return m_thread;
}

QString LocalBatches::batchDir(const QString &id) const
{
    return m_root + QStringLiteral("/batches/") + id;
}

// ---- files ----

void LocalBatches::importFile(const QString &path, qint64 ownerAccountId, QObject *context,
                              std::function<void(Result<Api::FileObject>)> done)
{
    const QString id = QStringLiteral("file-rt-") + hex24();
    const QString target = m_root + QStringLiteral("/files/") + id + QStringLiteral(".jsonl");
    const QString name = QFileInfo(path).fileName();
    struct Copied
    {
        QString error;
        QString model; ///< the first line's body.model: the batch's model (one per file)
    };
    auto *watcher = new QFutureWatcher<Copied>(this);
    QPointer<QObject> guard(context);
    connect(watcher, &QFutureWatcher<Copied>::finished, this,
            [this, watcher, guard, id, target, name, ownerAccountId, done = std::move(done)] {
                watcher->deleteLater();
                const QString error = watcher->result().error;
                if (!guard)
                    return;
                if (!error.isEmpty())
                    return done(Result<Api::FileObject>::failure(QStringLiteral("realtime.import"), error));
                Api::FileObject file;
                file.id = id;
                file.bytes = fileSize(target);
                file.createdAt = nowSeconds();
                file.filename = name;
                file.purpose = QStringLiteral("batch");
                QJsonObject record = file.toJson();
                record.insert(QStringLiteral("_owner"), ownerAccountId);
                record.insert(QStringLiteral("_model"), watcher->result().model);
                if (auto saved =
                        writeJson(m_root + QStringLiteral("/files/") + id + QStringLiteral(".json"), record);
                    !saved) {
                    QFile::remove(target);
                    return done(saved.error());
                }
                done(file);
            });
    // Copied through a temporary name: a half-copied input never has the final name.
    watcher->setFuture(QtConcurrent::run([path, target]() -> Copied {
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            return {tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), in.errorString()), {}};
        QSaveFile out(target);
        if (!out.open(QIODevice::WriteOnly))
            return {tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(target), out.errorString()), {}};
        QString model;
        bool first = true;
        while (!in.atEnd()) {
            const QByteArray block = in.read(1 << 20);
            if (block.isEmpty() && in.error() != QFileDevice::NoError)
                return {tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), in.errorString()), {}};
            if (first) {
                first = false;
                const qsizetype nl = block.indexOf('\n');
                model = QJsonDocument::fromJson(nl < 0 ? block : block.left(nl))
                            .object()
                            .value(QLatin1StringView("body"))
                            .toObject()
                            .value(QLatin1StringView("model"))
                            .toString()
                            .left(200);
            }
            if (out.write(block) != block.size())
                return {tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(target), out.errorString()),
                        {}};
        }
        if (!out.commit())
            return {tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(target), out.errorString()), {}};
        return {QString(), model};
    }));
}

std::optional<Api::FileObject> LocalBatches::file(const QString &id) const
{
    const auto m = localIdPattern().match(id);
    if (!m.hasMatch() || !id.startsWith(QLatin1StringView("file-rt-")))
        return std::nullopt;
    if (m.captured(3).isEmpty()) {
        const QJsonObject o = readJson(m_root + QStringLiteral("/files/") + id + QStringLiteral(".json"));
        if (o.isEmpty())
            return std::nullopt;
        return Api::FileObject::fromJson(o);
    }
    // A batch's output or error file.
    const QString batchId = QStringLiteral("batch_rt_") + m.captured(2);
    const QString path = pathOf(id);
    if (!QFileInfo::exists(path))
        return std::nullopt;
    Api::FileObject file;
    file.id = id;
    file.bytes = fileSize(path);
    file.createdAt = QFileInfo(path).lastModified().toSecsSinceEpoch();
    file.filename = batchId
        + (m.captured(3) == QLatin1StringView("-output") ? QStringLiteral("_output.jsonl")
                                                         : QStringLiteral("_error.jsonl"));
    file.purpose = QStringLiteral("batch_output");
    return file;
}

QList<Api::FileObject> LocalBatches::files(qint64 ownerAccountId) const
{
    QList<Api::FileObject> out;
    const QStringList names = QDir(m_root + QStringLiteral("/files"))
                                  .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Time);
    for (const QString &name : names) {
        const QJsonObject o = readJson(m_root + QStringLiteral("/files/") + name);
        if (o.value(QLatin1StringView("_owner")).toInteger() == ownerAccountId)
            out << Api::FileObject::fromJson(o);
    }
    for (const auto &record : m_records) {
        if (record->owner != ownerAccountId)
            continue;
        const QString hex = record->id.mid(9);
        for (const char *suffix : {"-output", "-errors"}) {
            if (auto f = file(QStringLiteral("file-rt-") + hex + QLatin1StringView(suffix)))
                out << *f;
        }
    }
    return out;
}

QString LocalBatches::pathOf(const QString &fileId) const
{
    const auto m = localIdPattern().match(fileId);
    if (!m.hasMatch() || !fileId.startsWith(QLatin1StringView("file-rt-")))
        return {};
    if (m.captured(3).isEmpty())
        return m_root + QStringLiteral("/files/") + fileId + QStringLiteral(".jsonl");
    return batchDir(QStringLiteral("batch_rt_") + m.captured(2))
        + (m.captured(3) == QLatin1StringView("-output") ? QStringLiteral("/output.jsonl")
                                                         : QStringLiteral("/errors.jsonl"));
}

Result<void> LocalBatches::removeFile(const QString &id)
{
    const QString path = pathOf(id);
    if (path.isEmpty() || !QFileInfo::exists(path))
        return Result<void>::failure(QStringLiteral("not_found"), tr("No such file: %1").arg(id));
    const bool isInput =
        !id.endsWith(QLatin1StringView("-output")) && !id.endsWith(QLatin1StringView("-errors"));
    for (const auto &record : std::as_const(m_records)) {
        const bool uses = isInput ? record->inputFileId == id : id.contains(record->id.mid(9));
        if (uses && !record->isTerminal())
            return Result<void>::failure(
                QStringLiteral("in_use"),
                tr("The file is used by the batch %1, which is still running.").arg(record->id));
    }
    if (!QFile::remove(path))
        return Result<void>::failure(QStringLiteral("realtime.remove"),
                                     tr("Cannot delete %1.").arg(QDir::toNativeSeparators(path)));
    if (isInput)
        QFile::remove(m_root + QStringLiteral("/files/") + id + QStringLiteral(".json"));
    return {};
}

// ---- batch records ----

std::shared_ptr<LocalBatches::Record> LocalBatches::load(const QString &id) const
{
    const QJsonObject o = readJson(batchDir(id) + QStringLiteral("/batch.json"));
    const QJsonObject b = o.value(QLatin1StringView("batch")).toObject();
    if (b.value(QLatin1StringView("id")).toString() != id)
        return nullptr;
    auto r = std::make_shared<Record>();
    r->id = id;
    r->owner = o.value(QLatin1StringView("owner_account_id")).toInteger();
    r->runner = o.value(QLatin1StringView("runner_account_id")).toInteger();
    r->inputPath = o.value(QLatin1StringView("input_path")).toString();
    r->error = o.value(QLatin1StringView("error")).toString();
    r->inputFileId = b.value(QLatin1StringView("input_file_id")).toString();
    r->endpoint = b.value(QLatin1StringView("endpoint")).toString();
    r->completionWindow = b.value(QLatin1StringView("completion_window")).toString();
    r->model = b.value(QLatin1StringView("model")).toString();
    r->status = b.value(QLatin1StringView("status")).toString();
    r->createdAt = b.value(QLatin1StringView("created_at")).toInteger();
    r->expiresAt = b.value(QLatin1StringView("expires_at")).toInteger();
    for (const char *key : {"in_progress_at", "finalizing_at", "completed_at", "failed_at", "expired_at",
                            "cancelling_at", "cancelled_at"}) {
        const QJsonValue v = b.value(QLatin1StringView(key));
        if (v.isDouble())
            r->at.insert(QLatin1StringView(key), v.toInteger());
    }
    const QJsonObject counts = b.value(QLatin1StringView("request_counts")).toObject();
    r->counts.total = counts.value(QLatin1StringView("total")).toInteger();
    r->counts.completed = counts.value(QLatin1StringView("completed")).toInteger();
    r->counts.failed = counts.value(QLatin1StringView("failed")).toInteger();
    const QJsonObject usage = b.value(QLatin1StringView("usage")).toObject();
    r->counts.inputTokens = usage.value(QLatin1StringView("input_tokens")).toInteger();
    r->counts.outputTokens = usage.value(QLatin1StringView("output_tokens")).toInteger();
    const QJsonObject metadata = b.value(QLatin1StringView("metadata")).toObject();
    for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it)
        r->metadata.insert(it.key(), it.value().toString());
    r->outputPublished = !b.value(QLatin1StringView("output_file_id")).toString().isEmpty();
    r->errorsPublished = !b.value(QLatin1StringView("error_file_id")).toString().isEmpty();
    return r;
}

std::shared_ptr<LocalBatches::Record> LocalBatches::record(const QString &id)
{
    if (!isLocalId(id) || !id.startsWith(QLatin1StringView("batch_rt_")))
        return nullptr;
    auto it = m_records.find(id);
    // A batch not run by this process may be run by another: its file is the truth.
    if (it == m_records.end() || (!m_runs.contains(id) && !(*it)->isTerminal())) {
        auto loaded = load(id);
        if (!loaded)
            return it == m_records.end() ? nullptr : *it;
        it = m_records.insert(id, loaded);
    }
    return *it;
}

Api::Batch LocalBatches::toBatch(const Record &r) const
{
    QJsonObject b {
        {QStringLiteral("id"), r.id},
        {QStringLiteral("object"), QStringLiteral("batch")},
        {QStringLiteral("endpoint"), r.endpoint},
        {QStringLiteral("input_file_id"), r.inputFileId},
        {QStringLiteral("completion_window"), r.completionWindow},
        {QStringLiteral("status"), r.status},
        {QStringLiteral("created_at"), r.createdAt},
        {QStringLiteral("request_counts"),
         QJsonObject {{QStringLiteral("total"), r.counts.total},
                      {QStringLiteral("completed"), r.counts.completed},
                      {QStringLiteral("failed"), r.counts.failed}}},
        {QStringLiteral("usage"),
         QJsonObject {{QStringLiteral("input_tokens"), r.counts.inputTokens},
                      {QStringLiteral("output_tokens"), r.counts.outputTokens},
                      {QStringLiteral("total_tokens"), r.counts.inputTokens + r.counts.outputTokens}}}};
    if (!r.model.isEmpty())
        b.insert(QStringLiteral("model"), r.model);
    if (r.expiresAt > 0)
        b.insert(QStringLiteral("expires_at"), r.expiresAt);
    for (auto it = r.at.cbegin(); it != r.at.cend(); ++it)
        b.insert(it.key(), it.value());
    const QString hex = r.id.mid(9);
    b.insert(QStringLiteral("output_file_id"),
             r.outputPublished ? QJsonValue(QStringLiteral("file-rt-") + hex + QStringLiteral("-output"))
                               : QJsonValue());
    b.insert(QStringLiteral("error_file_id"),
             r.errorsPublished ? QJsonValue(QStringLiteral("file-rt-") + hex + QStringLiteral("-errors"))
                               : QJsonValue());
    QJsonObject metadata;
    for (auto it = r.metadata.cbegin(); it != r.metadata.cend(); ++it)
        metadata.insert(it.key(), it.value());
    b.insert(QStringLiteral("metadata"), metadata);
    if (!r.error.isEmpty()) {
        const QJsonObject error {{QStringLiteral("code"), QStringLiteral("run_error")},
                                 {QStringLiteral("message"), r.error}};
        b.insert(QStringLiteral("errors"),
                 QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
                              {QStringLiteral("data"), QJsonArray {error}}});
    }
    return Api::Batch::fromJson(b);
}

Result<void> LocalBatches::save(const Record &r) const
{
    QJsonObject o {{QStringLiteral("batch"), toBatch(r).raw},
                   {QStringLiteral("owner_account_id"), r.owner},
                   {QStringLiteral("runner_account_id"), r.runner},
                   {QStringLiteral("input_path"), r.inputPath},
                   {QStringLiteral("error"), r.error}};
    return writeJson(batchDir(r.id) + QStringLiteral("/batch.json"), o);
}

Result<Api::Batch> LocalBatches::create(const Api::CreateBatchParams &params, qint64 ownerAccountId,
                                        qint64 runnerAccountId)
{
    const QString inputPath = pathOf(params.inputFileId);
    if (inputPath.isEmpty() || !QFileInfo::exists(inputPath))
        return Result<Api::Batch>::failure(QStringLiteral("not_found"),
                                           tr("No such input file: %1").arg(params.inputFileId));
    if (runnerAccountId <= 0)
        return Result<Api::Batch>::failure(QStringLiteral("invalid"),
                                           tr("A real-time batch needs a \"Run here\" account to run on."));
    auto r = std::make_shared<Record>();
    r->id = QStringLiteral("batch_rt_") + hex24();
    r->owner = ownerAccountId;
    r->runner = runnerAccountId;
    r->inputFileId = params.inputFileId;
    r->inputPath = inputPath;
    r->endpoint = params.endpoint;
    r->completionWindow = params.completionWindow.isEmpty() ? QStringLiteral("24h") : params.completionWindow;
    r->model = params.model;
    if (r->model.isEmpty()) // the model of the file, read when it was imported
        r->model = readJson(m_root + QStringLiteral("/files/") + params.inputFileId + QStringLiteral(".json"))
                       .value(QLatin1StringView("_model"))
                       .toString();
    r->metadata = params.metadata;
    r->createdAt = nowSeconds();
    if (const qint64 window = windowSeconds(r->completionWindow); window > 0)
        r->expiresAt = r->createdAt + window;
    if (!QDir().mkpath(batchDir(r->id)))
        return Result<Api::Batch>::failure(
            QStringLiteral("realtime.save"),
            tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(batchDir(r->id))));
    if (auto saved = save(*r); !saved)
        return saved.error();
    m_records.insert(r->id, r);
    QTimer::singleShot(0, this, &LocalBatches::resume);
    return toBatch(*r);
}

std::optional<Api::Batch> LocalBatches::batch(const QString &id)
{
    const auto r = record(id);
    if (!r)
        return std::nullopt;
    return toBatch(*r);
}

QList<Api::Batch> LocalBatches::batches(qint64 ownerAccountId)
{
    // Batches created by another process (the CLI) are found on disk.
    const QStringList dirs =
        QDir(m_root + QStringLiteral("/batches")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QList<std::shared_ptr<Record>> mine;
    for (const QString &id : dirs) {
        if (!isLocalId(id))
            continue;
        if (auto r = record(id); r && r->owner == ownerAccountId)
            mine << r;
    }
    std::sort(mine.begin(), mine.end(),
              [](const auto &a, const auto &b) { return a->createdAt > b->createdAt; });
    QList<Api::Batch> out;
    out.reserve(mine.size());
    for (const auto &r : std::as_const(mine))
        out << toBatch(*r);
    return out;
}

Result<Api::Batch> LocalBatches::cancel(const QString &id)
{
    const auto r = record(id);
    if (!r)
        return Result<Api::Batch>::failure(QStringLiteral("not_found"), tr("No such batch: %1").arg(id));
    if (r->isTerminal())
        return Result<Api::Batch>::failure(QStringLiteral("invalid"),
                                           tr("The batch %1 has already ended (%2).").arg(id, r->status));
    if (r->status != QLatin1StringView("cancelling")) {
        r->status = QStringLiteral("cancelling");
        r->at.insert(QStringLiteral("cancelling_at"), nowSeconds());
    }
    if (auto run = m_runs.value(id)) {
        if (run->runner && !run->cancelSent) {
            run->cancelSent = true;
            QMetaObject::invokeMethod(run->runner, &RealtimeRunner::cancel, Qt::QueuedConnection);
        }
        (void)save(*r);
    } else {
        // Run by another process (it sees the marker at its next tick), or by nobody now: the next run writes
        // its lines as cancelled.
        QFile marker(batchDir(id) + QStringLiteral("/cancel"));
        (void)marker.open(QIODevice::WriteOnly);
        QLockFile probe(batchDir(id) + QStringLiteral("/lock"));
        if (probe.tryLock(0)) {
            probe.unlock();
            (void)save(*r);
        }
        QTimer::singleShot(0, this, &LocalBatches::resume);
    }
    const Api::Batch b = toBatch(*r);
    emit batchChanged(b);
    return b;
}

// ---- runs ----

void LocalBatches::setAutoRun(bool run)
{
    m_autoRun = run;
    if (run)
        QTimer::singleShot(0, this, &LocalBatches::resume);
}

void LocalBatches::resume()
{
    if (!m_autoRun)
        return;
    const QStringList dirs =
        QDir(m_root + QStringLiteral("/batches")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QSet<qint64> busy;
    for (const auto &run : std::as_const(m_runs))
        busy.insert(run->runnerAccount);
    for (const QString &id : dirs) {
        if (!isLocalId(id) || m_runs.contains(id))
            continue;
        const auto r = record(id);
        if (!r || r->isTerminal() || busy.contains(r->runner) || m_resolving.contains(r->runner))
            continue;
        busy.insert(r->runner);
        startRun(r);
    }
}

void LocalBatches::startRun(const std::shared_ptr<Record> &r)
{
    auto lock = std::make_unique<QLockFile>(batchDir(r->id) + QStringLiteral("/lock"));
    lock->setStaleLockTime(0); // only a dead owner's lock is stale (a run can take days)
    if (!lock->tryLock(0))
        return; // another process runs it; it is shown from its batch.json
    // The file may have changed while it was not ours.
    if (auto fresh = load(r->id)) {
        *r = *fresh;
        if (r->isTerminal())
            return;
    }
    if (!m_resolver) {
        r->error = tr("No account can run this batch here.");
        return;
    }
    const QString id = r->id;
    const qint64 runnerAccount = r->runner;
    m_resolving.insert(runnerAccount);
    auto sharedLock = std::make_shared<std::unique_ptr<QLockFile>>(std::move(lock));
    QPointer<LocalBatches> self(this);
    m_resolver(runnerAccount, [self, id, runnerAccount, sharedLock](Result<Runner> runner) {
        if (!self)
            return;
        self->m_resolving.remove(runnerAccount);
        auto r = self->m_records.value(id);
        if (!r)
            return;
        if (!runner) {
            // Not fatal: a locked keychain or a missing key is fixed by the user; tried again at each tick.
            r->error = runner.errorString();
            (void)self->save(*r);
            emit self->batchChanged(self->toBatch(*r));
            return;
        }
        RunTask task;
        task.inputPath = r->inputPath;
        task.outputPath = self->batchDir(id) + QStringLiteral("/output.jsonl");
        task.errorPath = self->batchDir(id) + QStringLiteral("/errors.jsonl");
        task.target = runner.value().target;
        task.limits = runner.value().limits;
        task.expiresAtMs = r->expiresAt > 0 ? r->expiresAt * 1000 : 0;
        auto *worker = new RealtimeRunner(task);
        worker->moveToThread(self->workerThread());
        auto run = std::make_shared<Run>();
        run->runner = worker;
        run->lock = std::move(*sharedLock);
        run->runnerAccount = runnerAccount;
        run->sinceSave.start();
        self->m_runs.insert(id, run);
        r->error.clear();
        if (r->status == QLatin1StringView("validating")) {
            r->status = QStringLiteral("in_progress");
            r->at.insert(QStringLiteral("in_progress_at"), nowSeconds());
        }
        const bool cancel = r->status == QLatin1StringView("cancelling")
            || QFileInfo::exists(self->batchDir(id) + QStringLiteral("/cancel"));
        (void)self->save(*r);
        LocalBatches *owner = self.data();
        connect(worker, &RealtimeRunner::progressChanged, owner,
                [owner, id](const RunProgress &p) { owner->onProgress(id, p); });
        connect(worker, &RealtimeRunner::finished, owner,
                [owner, id, worker](RealtimeRunner::Outcome outcome) {
                    owner->onFinished(id, outcome, worker->errorText());
                });
        if (cancel) {
            run->cancelSent = true;
            QMetaObject::invokeMethod(worker, &RealtimeRunner::cancel, Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(worker, &RealtimeRunner::start, Qt::QueuedConnection);
        emit owner->batchChanged(owner->toBatch(*r));
    });
}

void LocalBatches::onProgress(const QString &id, const RunProgress &progress)
{
    const auto r = m_records.value(id);
    const auto run = m_runs.value(id);
    if (!r || !run)
        return;
    r->counts = progress;
    if (run->sinceSave.elapsed() >= kSaveIntervalMs) {
        run->sinceSave.restart();
        (void)save(*r);
    }
    emit batchChanged(toBatch(*r));
}

void LocalBatches::onFinished(const QString &id, RealtimeRunner::Outcome outcome, const QString &error)
{
    const auto run = m_runs.take(id);
    const auto r = m_records.value(id);
    if (run && run->runner)
        run->runner->deleteLater();
    if (!r)
        return;
    const qint64 now = nowSeconds();
    switch (outcome) {
    case RealtimeRunner::Outcome::Completed:
        r->status = QStringLiteral("completed");
        r->at.insert(QStringLiteral("finalizing_at"), now);
        r->at.insert(QStringLiteral("completed_at"), now);
        break;
    case RealtimeRunner::Outcome::Cancelled:
        r->status = QStringLiteral("cancelled");
        r->at.insert(QStringLiteral("cancelled_at"), now);
        break;
    case RealtimeRunner::Outcome::Expired:
        r->status = QStringLiteral("expired");
        r->at.insert(QStringLiteral("expired_at"), now);
        break;
    case RealtimeRunner::Outcome::Failed:
        r->status = QStringLiteral("failed");
        r->error = error;
        r->at.insert(QStringLiteral("failed_at"), now);
        break;
    case RealtimeRunner::Outcome::Paused:
    case RealtimeRunner::Outcome::Running:
        break; // resumed later (by this process or the next)
    }
    if (r->isTerminal()) {
        r->outputPublished = fileSize(batchDir(id) + QStringLiteral("/output.jsonl")) > 0;
        r->errorsPublished = fileSize(batchDir(id) + QStringLiteral("/errors.jsonl")) > 0;
        QFile::remove(batchDir(id) + QStringLiteral("/cancel"));
    }
    if (auto saved = save(*r); !saved)
        qCWarning(lcApi) << "real-time batch" << id << "state not saved:" << saved.errorString();
    if (run && run->lock)
        run->lock->unlock();
    emit batchChanged(toBatch(*r));
    // The runner account is free: its next batch starts.
    if (outcome != RealtimeRunner::Outcome::Paused)
        QTimer::singleShot(0, this, &LocalBatches::resume);
}

void LocalBatches::tick()
{
    // A cancel asked by another process, for a run of ours.
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        const auto &run = *it;
        if (!run->cancelSent && run->runner
            && QFileInfo::exists(batchDir(it.key()) + QStringLiteral("/cancel"))) {
            run->cancelSent = true;
            if (auto r = m_records.value(it.key())) {
                r->status = QStringLiteral("cancelling");
                r->at.insert(QStringLiteral("cancelling_at"), nowSeconds());
            }
            QMetaObject::invokeMethod(run->runner, &RealtimeRunner::cancel, Qt::QueuedConnection);
        }
    }
    resume();
}

void LocalBatches::pauseAll()
{
    m_tick.stop();
    const auto runs = m_runs;
    for (auto it = runs.cbegin(); it != runs.cend(); ++it) {
        RealtimeRunner *runner = (*it)->runner;
        if (!runner)
            continue;
        // Stopped on its own thread, and waited for: its files are synced and closed before we go on.
        QMetaObject::invokeMethod(runner, &RealtimeRunner::pause, Qt::BlockingQueuedConnection);
    }
    // The finished() signals queued to this thread are not delivered any more: settle the runs here.
    for (auto it = runs.cbegin(); it != runs.cend(); ++it) {
        if (auto r = m_records.value(it.key())) {
            if (RealtimeRunner *runner = (*it)->runner) {
                QMetaObject::invokeMethod(
                    runner, [runner, r] { r->counts = runner->progress(); }, Qt::BlockingQueuedConnection);
            }
            (void)save(*r);
        }
        // Deleted on its own thread now: a deleteLater() might never run once the thread stops.
        if (RealtimeRunner *runner = (*it)->runner)
            QMetaObject::invokeMethod(
                runner, [runner] { delete runner; }, Qt::BlockingQueuedConnection);
        if ((*it)->lock)
            (*it)->lock->unlock();
    }
    m_runs.clear();
}

} // namespace Batchdesk::Realtime
