#include "batchmonitor.h"

#include "api/apiclient.h"
#include "api/apijob.h"
#include "api/retrypolicy.h"
#include "common/logging.h"
#include "store/batchcache.h"
#include "store/samplestore.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>
#include <cmath>
#include <utility>

namespace Batchdesk::Monitor {

using Api::ApiError;
using Api::ApiJob;
using Api::Batch;
using Api::ListJob;
using Api::RequestJob;

namespace {
bool sameJson(const Batch &a, const Batch &b)
{
    if (!a.raw.isEmpty() || !b.raw.isEmpty())
        return a.raw == b.raw;
    return a.statusText == b.statusText && a.requestCounts == b.requestCounts;
}

// "Moved" drives the fast interval: a status or a request count changed. Other fields (usage, model) do not.
bool moved(const Batch &before, const Batch &after)
{
    return before.statusText.compare(after.statusText, Qt::CaseInsensitive) != 0
        || before.requestCounts != after.requestCounts;
}
} // namespace

BatchMonitor::BatchMonitor(Api::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    Q_ASSERT(client);
    m_timer.setSingleShot(true);
    m_intervalMs = m_settings.fastIntervalMs;
    m_monotonic.start();
    connect(&m_timer, &QTimer::timeout, this, [this] { startRound(m_pendingFull); });
    // Retry-After is read from the replies themselves: ApiError does not carry it, and the job layer may have
    // retried a 429 already before the round sees the final failure.
    if (QNetworkAccessManager *nam = client->networkAccessManager())
        connect(nam, &QNetworkAccessManager::finished, this, &BatchMonitor::onReplyFinished);
}

BatchMonitor::~BatchMonitor()
{
    // No signals from a half-destroyed monitor.
    blockSignals(true);
    stop();
}

void BatchMonitor::setSettings(const MonitorSettings &settings)
{
    m_settings = settings;
    m_settings.fastIntervalMs = qMax(1, m_settings.fastIntervalMs);
    m_settings.slowIntervalMs = qMax(m_settings.fastIntervalMs, m_settings.slowIntervalMs);
    m_settings.errorInitialMs = qMax(1, m_settings.errorInitialMs);
    m_settings.errorMaxMs = qMax(m_settings.errorInitialMs, m_settings.errorMaxMs);
    m_settings.listPageLimit = std::clamp(m_settings.listPageLimit, 1, 100);
    m_settings.historyLimit = qMax(2, m_settings.historyLimit);
    m_settings.slowdownFactor = qMax(1.0, m_settings.slowdownFactor);
    setInterval(m_settings.fastIntervalMs);
}

void BatchMonitor::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); });
}

void BatchMonitor::setCache(Store::BatchCache *cache, qint64 accountId)
{
    m_cache = cache;
    m_accountId = accountId;
}

QList<Batch> BatchMonitor::loadFromCache()
{
    if (!m_cache)
        return {};
    auto loaded = m_cache->load(m_accountId);
    if (!loaded.ok()) {
        qCWarning(lcMonitor) << "cannot load the batch cache:" << loaded.errorString();
        return {};
    }
    QHash<QString, QList<Store::StoredSample>> samples;
    if (m_samples) {
        auto stored = m_samples->loadAll(m_accountId);
        if (stored.ok())
            samples = std::move(stored.value());
        else
            qCWarning(lcMonitor) << "cannot load the progress history:" << stored.errorString();
    }
    for (const Batch &b : loaded.value()) {
        Entry &e = m_entries[b.id];
        if (e.batch.raw.isEmpty() || e.placeholder) {
            e.batch = b;
            e.placeholder = false;
        }
        // The stored history comes first; samples seen in this session (if any) follow it.
        QList<ProgressSample> history;
        const QList<Store::StoredSample> stored = samples.value(b.id);
        for (const Store::StoredSample &s : stored) {
            if (e.history.isEmpty() || s.atMs < e.history.first().atMs)
                history.append({s.atMs, s.completed, s.failed, s.total});
        }
        if (!history.isEmpty()) {
            e.history = history + e.history;
            while (e.history.size() > m_settings.historyLimit)
                e.history.removeFirst();
        }
    }
    qCDebug(lcMonitor) << "loaded" << loaded.value().size() << "cached batches," << activeCount() << "active";
    if (m_started && !m_round && !m_timer.isActive() && activeCount() > 0)
        scheduleNext(0);
    emit stateChanged();
    return loaded.value();
}

void BatchMonitor::track(const Batch &batch)
{
    if (batch.id.isEmpty())
        return;
    Entry &e = m_entries[batch.id];
    e.batch = batch;
    e.placeholder = false;
    e.gone = false;
    if (batch.requestCounts && e.history.isEmpty() && !batch.isTerminal()) {
        addSample(batch.id, e,
                  {nowMs(), batch.requestCounts->completed, batch.requestCounts->failed,
                   batch.requestCounts->total});
        writeSamples();
    }
    if (!batch.isTerminal()) {
        // A new active batch moves fast at first; poll it soon even if the monitor had slowed down.
        setInterval(m_settings.fastIntervalMs);
        if (m_started && !m_round && (!m_timer.isActive() || m_timer.remainingTime() > m_intervalMs))
            scheduleNext(m_intervalMs);
    }
    emit stateChanged();
}

void BatchMonitor::track(const QString &batchId)
{
    if (batchId.isEmpty() || (m_entries.contains(batchId) && !m_entries.value(batchId).gone))
        return;
    Entry &e = m_entries[batchId];
    e.batch = Batch();
    e.batch.id = batchId;
    e.placeholder = true;
    e.gone = false;
    if (m_started && !m_round && !m_timer.isActive())
        scheduleNext(0);
    emit stateChanged();
}

void BatchMonitor::untrack(const QString &batchId)
{
    m_entries.remove(batchId);
    emit stateChanged();
}

void BatchMonitor::start()
{
    if (m_started)
        return;
    m_started = true;
    if (activeCount() > 0 || m_pendingFull || m_forceRound)
        scheduleNext(0);
    emit stateChanged();
}

void BatchMonitor::stop()
{
    m_started = false;
    m_timer.stop();
    m_pendingRefresh = false;
    m_pendingFull = false;
    m_forceRound = false;
    m_followUpChanged.clear();
    m_followUpFinished.clear();
    m_followUpMoved = false;
    if (m_round) {
        const auto jobs = m_round->jobs;
        m_round.reset();
        for (const QPointer<ApiJob> &job : jobs) {
            if (job) {
                job->disconnect(this);
                job->abort();
            }
        }
    }
    emit stateChanged();
}

void BatchMonitor::refreshNow()
{
    if (!m_started)
        return;
    if (m_round) {
        m_pendingRefresh = true;
        m_forceRound = true;
        return;
    }
    m_forceRound = true;
    scheduleNext(serverDelayRemainingMs());
}

void BatchMonitor::reloadAll()
{
    // Remembered when not started yet: start() then begins with the full listing.
    m_pendingFull = true;
    refreshNow();
}

QList<Batch> BatchMonitor::batches() const
{
    QList<Batch> out;
    out.reserve(m_entries.size());
    for (const Entry &e : m_entries) {
        if (!e.placeholder)
            out.append(e.batch);
    }
    return out;
}

std::optional<Batch> BatchMonitor::batch(const QString &batchId) const
{
    const auto it = m_entries.constFind(batchId);
    if (it == m_entries.cend() || it->placeholder)
        return std::nullopt;
    return it->batch;
}

QList<ProgressSample> BatchMonitor::history(const QString &batchId) const
{
    return m_entries.value(batchId).history;
}

Eta BatchMonitor::eta(const QString &batchId) const
{
    const auto it = m_entries.constFind(batchId);
    if (it == m_entries.cend())
        return {};
    return estimateEta(it->batch, it->history, nowMs());
}

bool BatchMonitor::isActive(const Entry &e)
{
    return !e.gone && (e.placeholder || !e.batch.isTerminal());
}

int BatchMonitor::activeCount() const
{
    return int(
        std::count_if(m_entries.cbegin(), m_entries.cend(), [](const Entry &e) { return isActive(e); }));
}

QStringList BatchMonitor::activeIds() const
{
    QStringList ids;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (isActive(*it))
            ids.append(it.key());
    }
    return ids;
}

int BatchMonitor::nextPollInMs() const
{
    return m_timer.isActive() ? qMax(0, m_timer.remainingTime()) : -1;
}

void BatchMonitor::setInterval(int ms)
{
    if (ms == m_intervalMs)
        return;
    m_intervalMs = ms;
    emit intervalChanged(ms);
}

int BatchMonitor::serverDelayRemainingMs() const
{
    return int(std::clamp<qint64>(m_serverNotBeforeMs - m_monotonic.elapsed(), 0, 24 * 3600 * 1000));
}

void BatchMonitor::scheduleNext(int delayMs)
{
    m_timer.start(qMax(delayMs, serverDelayRemainingMs()));
}

void BatchMonitor::onReplyFinished(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 429 && status != 503)
        return;
    // Only this client's calls: several monitors (accounts) may share one NAM.
    const QString base = m_client->baseUrl().toString(QUrl::StripTrailingSlash);
    if (!reply->url().toString().startsWith(base))
        return;
    const auto delay =
        Api::RetryPolicy::serverDelayMs(reply->rawHeader("retry-after-ms"), reply->rawHeader("retry-after"));
    if (!delay || *delay <= 0)
        return;
    // Honoured in full (the server knows its limits), but never more than an hour from a single header.
    const qint64 notBefore = m_monotonic.elapsed() + qMin<qint64>(*delay, 3600 * 1000);
    m_serverNotBeforeMs = qMax(m_serverNotBeforeMs, notBefore);
    qCInfo(lcMonitor) << "server asked to wait" << *delay << "ms";
    // The round may already have armed the timer (reply and job signals come in either order): push it out.
    if (m_timer.isActive() && m_timer.remainingTime() < serverDelayRemainingMs())
        scheduleNext(0);
}

int BatchMonitor::pagesFor(const QStringList &active) const
{
    // The list is newest first: it has to reach the oldest active batch. Count the known batches at least as
    // new as that one, plus slack for batches created elsewhere since.
    std::optional<qint64> oldest;
    for (const QString &id : active) {
        const auto it = m_entries.constFind(id);
        if (it != m_entries.cend() && !it->placeholder && it->batch.createdAt > 0)
            oldest = oldest ? qMin(*oldest, it->batch.createdAt) : it->batch.createdAt;
    }
    qint64 rows = active.size();
    if (oldest) {
        rows = std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [&](const Entry &e) { return e.placeholder || e.batch.createdAt >= *oldest; });
    }
    rows += m_settings.listSlack;
    const int pages = int((rows + m_settings.listPageLimit - 1) / m_settings.listPageLimit);
    return qMax(1, pages + m_extraPages);
}

void BatchMonitor::startRound(bool full)
{
    if (!m_started)
        return;
    if (m_round) {
        m_pendingRefresh = true;
        m_pendingFull = m_pendingFull || full;
        return;
    }
    m_timer.stop();
    m_pendingRefresh = false;
    m_pendingFull = false;
    const bool forced = std::exchange(m_forceRound, false);
    const QStringList active = activeIds();
    if (!full && active.isEmpty() && !forced) {
        qCDebug(lcMonitor) << "nothing active: idle";
        emit stateChanged();
        return;
    }
    m_round.emplace();
    m_round->full = full;
    ++m_stats.rounds;
    emit roundStarted();
    if (full) {
        launchList(0);
    } else if (active.isEmpty()) {
        // A user refresh with nothing active: the newest page shows batches created elsewhere.
        launchList(1);
    } else if (active.size() > m_settings.listThreshold) {
        launchList(pagesFor(active));
    } else {
        for (const QString &id : active)
            launchRetrieve(id);
    }
    emit stateChanged();
}

void BatchMonitor::launchList(int maxPages)
{
    m_round->listed = true;
    ListJob *job = m_client->listBatches(m_settings.listPageLimit, maxPages);
    ++m_stats.listCalls;
    ++m_round->pending;
    m_round->jobs.append(job);
    connect(job, &ApiJob::finished, this, [this, job] { onJobFinished(job); });
    qCDebug(lcMonitor) << "list round," << (maxPages ? QString::number(maxPages) : QStringLiteral("all"))
                       << "pages";
    job->start();
}

void BatchMonitor::launchRetrieve(const QString &batchId)
{
    RequestJob *job = m_client->retrieveBatch(batchId);
    job->setProperty("batchdesk_batch_id", batchId);
    ++m_stats.retrieveCalls;
    ++m_round->pending;
    m_round->jobs.append(job);
    connect(job, &ApiJob::finished, this, [this, job] { onJobFinished(job); });
    job->start();
}

void BatchMonitor::onJobFinished(ApiJob *job)
{
    if (!m_round)
        return;
    if (auto *list = qobject_cast<ListJob *>(job)) {
        if (list->failed()) {
            m_round->error = list->error();
        } else {
            m_round->received.append(list->batches());
            m_round->listHasMore = m_round->listHasMore || list->hasMore();
        }
    } else if (auto *request = qobject_cast<RequestJob *>(job)) {
        if (!request->failed()) {
            m_round->received.append(request->batch());
        } else if (request->error().kind == ApiError::Kind::Http && request->httpStatus() == 404) {
            // Deleted (or never existed on this account): stop polling it instead of failing forever.
            m_round->gone.append(job->property("batchdesk_batch_id").toString());
        } else if (!m_round->error) {
            m_round->error = request->error();
        }
    }
    if (--m_round->pending == 0)
        finishRound();
}

void BatchMonitor::addSample(const QString &batchId, Entry &e, const ProgressSample &s)
{
    if (!e.history.isEmpty() && e.history.last().done() == s.done() && e.history.last().total == s.total)
        return;
    e.history.append(s);
    if (e.history.size() > m_settings.historyLimit)
        e.history.removeFirst();
    if (m_samples)
        m_unsavedSamples.append({batchId, s});
}

void BatchMonitor::writeSamples()
{
    if (!m_samples || m_unsavedSamples.isEmpty())
        return;
    QList<QPair<QString, Store::StoredSample>> rows;
    rows.reserve(m_unsavedSamples.size());
    for (const auto &[id, s] : std::as_const(m_unsavedSamples))
        rows.append({id, Store::StoredSample {s.atMs, s.completed, s.failed, s.total}});
    m_unsavedSamples.clear();
    const auto written = m_samples->append(m_accountId, rows, m_settings.historyLimit);
    if (!written.ok())
        qCWarning(lcMonitor) << "cannot write the progress history:" << written.errorString();
}

QList<Batch> BatchMonitor::apply(const QList<Batch> &received, bool *anyMoved, QList<Batch> *finished)
{
    QList<Batch> changed;
    const qint64 now = nowMs();
    for (const Batch &b : received) {
        if (b.id.isEmpty())
            continue;
        auto it = m_entries.find(b.id);
        if (it == m_entries.end()) {
            // Seen for the first time (created elsewhere, or by a full listing).
            Entry &e = m_entries[b.id];
            e.batch = b;
            // A batch first seen finished was not watched: its chart comes from its timestamps, not from a
            // sample taken long after it ended.
            if (b.requestCounts && !b.isTerminal())
                addSample(b.id, e,
                          {now, b.requestCounts->completed, b.requestCounts->failed, b.requestCounts->total});
            changed.append(b);
            if (!b.isTerminal())
                *anyMoved = true;
            continue;
        }
        Entry &e = *it;
        const bool wasActive = e.placeholder || !e.batch.isTerminal();
        if (!e.placeholder && sameJson(e.batch, b))
            continue;
        if (e.placeholder || moved(e.batch, b))
            *anyMoved = true;
        if (b.requestCounts && !(e.placeholder && b.isTerminal()))
            addSample(b.id, e,
                      {now, b.requestCounts->completed, b.requestCounts->failed, b.requestCounts->total});
        e.batch = b;
        e.placeholder = false;
        e.gone = false;
        changed.append(b);
        if (wasActive && b.isTerminal())
            finished->append(b);
    }
    return changed;
}

void BatchMonitor::finishRound()
{
    Round round = std::move(*m_round);
    m_round.reset();

    bool anyMoved = false;
    QList<Batch> finished;
    const QList<Batch> changed = apply(round.received, &anyMoved, &finished);
    for (const QString &id : std::as_const(round.gone)) {
        auto it = m_entries.find(id);
        if (it != m_entries.end()) {
            qCInfo(lcMonitor) << "batch" << id << "is gone (404): no longer polled";
            it->gone = true;
        }
    }

    if (round.listed && !round.error) {
        // Active batches the listing did not reach: read more pages next time, or, when the listing was
        // complete, ask for them one by one in this same round.
        QSet<QString> seen;
        for (const Batch &b : std::as_const(round.received))
            seen.insert(b.id);
        QStringList missing;
        for (const QString &id : activeIds()) {
            if (!seen.contains(id))
                missing.append(id);
        }
        if (!missing.isEmpty() && round.listHasMore) {
            m_extraPages = qMin(m_extraPages + 1, 50);
            qCDebug(lcMonitor) << missing.size() << "active batches beyond the listed pages; now"
                               << m_extraPages << "extra pages";
        } else if (!missing.isEmpty() && !round.followUp) {
            m_round.emplace();
            m_round->followUp = true;
            m_round->full = round.full;
            // The listing's results are reported together with the follow-up: one update per round.
            m_followUpChanged = changed;
            m_followUpFinished = finished;
            m_followUpMoved = anyMoved;
            for (const QString &id : std::as_const(missing))
                launchRetrieve(id);
            return;
        }
    }

    QList<Batch> allChanged = m_followUpChanged + changed;
    QList<Batch> allFinished = m_followUpFinished + finished;
    anyMoved = anyMoved || m_followUpMoved;
    m_followUpChanged.clear();
    m_followUpFinished.clear();
    m_followUpMoved = false;

    if (m_cache && !allChanged.isEmpty()) {
        const auto written = m_cache->upsert(m_accountId, allChanged);
        if (!written.ok())
            qCWarning(lcMonitor) << "cannot write the batch cache:" << written.errorString();
    }
    writeSamples();
    m_lastRefresh = QDateTime::fromMSecsSinceEpoch(nowMs());

    const bool wasFailing = m_failures > 0;
    if (round.error) {
        ++m_failures;
        ++m_stats.failedRounds;
        m_lastError = *round.error;
        const int base = m_failures == 1 ? m_settings.errorInitialMs
                                         : int(qMin<qint64>(qint64(m_intervalMs) * 2, m_settings.errorMaxMs));
        setInterval(qMax(base, m_settings.errorInitialMs));
        qCInfo(lcMonitor) << "round failed:" << m_lastError.message << "- next in" << m_intervalMs << "ms";
    } else {
        m_failures = 0;
        m_lastError = ApiError();
        if (anyMoved || wasFailing)
            setInterval(m_settings.fastIntervalMs);
        else
            setInterval(int(qMin<double>(m_settings.slowIntervalMs,
                                         qMax<double>(m_settings.fastIntervalMs,
                                                      std::ceil(m_intervalMs * m_settings.slowdownFactor)))));
    }

    // Arm the next round before telling anyone, so slots may call refreshNow() / stop() freely.
    if (m_started) {
        if (m_pendingRefresh)
            scheduleNext(0);
        else if (activeCount() > 0)
            scheduleNext(m_intervalMs);
    }
    qCDebug(lcMonitor) << "round done:" << allChanged.size() << "changed," << activeCount()
                       << "active, next in" << nextPollInMs() << "ms";

    if (!allChanged.isEmpty())
        emit batchesUpdated(allChanged);
    for (const Batch &b : std::as_const(allFinished))
        emit batchFinished(b);
    if (round.error)
        emit roundFailed(*round.error);
    else if (wasFailing)
        emit recovered();
    emit roundFinished();
    emit stateChanged();
}

} // namespace Batchdesk::Monitor
