#include "estimate.h"

#include "common/translate.h"

#include <QFile>
#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <deque>

namespace Batchdesk::Cost {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Batchdesk::Cost", text);
}

bool startsWithAny(const QString &s, std::initializer_list<const char *> prefixes)
{
    for (const char *p : prefixes) {
        if (s.startsWith(QLatin1StringView(p)))
            return true;
    }
    return false;
}

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toString();
}

struct Counting
{
    TokenCounter &counter;
    const TokenizerChoice &choice;
    RequestTokens &out;

    // A message's or an instruction's content: a string, or an array of parts (text, images, …).
    void content(const QJsonValue &value)
    {
        if (value.isString()) {
            out.input += counter.count(value.toString());
            return;
        }
        if (!value.isArray())
            return;
        for (const QJsonValue &part : value.toArray()) {
            if (part.isString()) {
                out.input += counter.count(part.toString());
                continue;
            }
            const QJsonObject o = part.toObject();
            const QString type = o.value(QLatin1StringView("type")).toString();
            if (o.contains(QLatin1StringView("text")))
                out.input += counter.count(o.value(QLatin1StringView("text")).toString());
            else if (type.contains(QLatin1StringView("image"))) {
                ++out.images;
                out.input += kImageTokens;
            }
        }
    }

    void messages(const QJsonArray &messages)
    {
        for (const QJsonValue &m : messages) {
            const QJsonObject message = m.toObject();
            out.input += choice.perMessage;
            out.input += counter.count(message.value(QLatin1StringView("role")).toString());
            if (message.contains(QLatin1StringView("name")))
                out.input += 1 + counter.count(message.value(QLatin1StringView("name")).toString());
            content(message.value(QLatin1StringView("content")));
            const QJsonArray calls = message.value(QLatin1StringView("tool_calls")).toArray();
            for (const QJsonValue &call : calls) {
                const QJsonObject function = call.toObject().value(QLatin1StringView("function")).toObject();
                out.input += counter.count(function.value(QLatin1StringView("name")).toString())
                    + counter.count(function.value(QLatin1StringView("arguments")).toString());
            }
        }
        out.input += choice.perReply;
    }
};

} // namespace

TokenizerChoice tokenizerFor(const QString &model)
{
    // The measured errors are those of tests/data/token_sample.jsonl (tst_costestimate checks them; the
    // sample and its true counts come from bench/tokens/make-token-sample.mjs).
    QString id = model.toLower();
    id = id.mid(id.lastIndexOf(u'/') + 1);
    TokenizerChoice c;
    if (startsWithAny(id,
                      {"gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "o1", "o3", "o4", "chatgpt-", "gpt-oss",
                       "codex", "computer-use", "omni-moderation"})) {
        c.method = TokenCounter::Method::O200k;
        c.name = QStringLiteral("o200k_base");
        c.exact = true;
    } else if (startsWithAny(id,
                             {"gpt-4", "gpt-3.5", "text-embedding-3", "text-embedding-ada", "davinci-002",
                              "babbage-002"})) {
        c.method = TokenCounter::Method::Cl100k;
        c.name = QStringLiteral("cl100k_base");
        c.exact = true;
    } else {
        // Llama 3 (DeepInfra's most used family) is approximated and measured; other open models use the same
        // approximation, unmeasured. Their chat formats add a header and an end token per message (Llama 3:
        // <|start_header_id|>role<|end_header_id|>\n\n … <|eot_id|>) and the assistant's header for the
        // reply.
        c.method = TokenCounter::Method::Llama3Approx;
        c.exact = false;
        c.perMessage = 5;
        c.perReply = 5;
        const bool llama3 =
            id.contains(QLatin1StringView("llama-3")) || id.contains(QLatin1StringView("llama3"));
        c.name = llama3 ? QStringLiteral("llama3 (approximated)")
                        : QStringLiteral("llama3 (approximated, family not measured)");
        c.totalErrorPercent = llama3 ? kLlama3TotalErrorPercent : -1;
        c.requestErrorPercent = llama3 ? kLlama3RequestErrorPercent : -1;
    }
    return c;
}

RequestTokens requestTokens(QByteArrayView line, TokenCounter &counter, const TokenizerChoice &choice)
{
    RequestTokens out;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &error);
    const QJsonObject body = doc.object().value(QLatin1StringView("body")).toObject();
    if (error.error != QJsonParseError::NoError || body.isEmpty())
        return out;
    out.parsed = true;
    const QString url = doc.object().value(QLatin1StringView("url")).toString();
    Counting counting {counter, choice, out};

    if (body.contains(QLatin1StringView("messages"))) {
        counting.content(body.value(QLatin1StringView("system"))); // Anthropic's messages dialect
        counting.messages(body.value(QLatin1StringView("messages")).toArray());
    } else if (url.contains(QLatin1StringView("embeddings"))) {
        const QJsonValue input = body.value(QLatin1StringView("input"));
        const QJsonArray inputs = input.isArray() ? input.toArray() : QJsonArray {input};
        bool tokenIds = !inputs.isEmpty();
        for (const QJsonValue &v : inputs)
            tokenIds = tokenIds && v.isDouble();
        if (tokenIds) // one input given as token ids
            out.input += inputs.size();
        else {
            for (const QJsonValue &v : inputs)
                out.input += v.isArray() ? v.toArray().size() : counter.count(v.toString());
        }
    } else if (body.contains(QLatin1StringView("prompt"))) {
        const QJsonValue prompt = body.value(QLatin1StringView("prompt"));
        if (prompt.isArray()) {
            for (const QJsonValue &v : prompt.toArray())
                out.input += v.isDouble() ? 1
                    : v.isArray()         ? v.toArray().size()
                                          : counter.count(v.toString());
        } else
            out.input += counter.count(prompt.toString());
    } else if (body.contains(
                   QLatin1StringView("input"))) { // the Responses API: a string or a list of messages
        counting.content(body.value(QLatin1StringView("instructions")));
        const QJsonValue input = body.value(QLatin1StringView("input"));
        if (input.isArray())
            counting.messages(input.toArray());
        else
            out.input += counter.count(input.toString()) + choice.perReply;
    }
    // What the model also reads: tool definitions and a structured output's schema (as their JSON text).
    if (body.contains(QLatin1StringView("tools")))
        out.input += counter.count(compact(body.value(QLatin1StringView("tools"))));
    const QJsonObject format = body.value(QLatin1StringView("response_format")).toObject();
    if (format.contains(QLatin1StringView("json_schema")))
        out.input += counter.count(compact(format.value(QLatin1StringView("json_schema"))));

    for (const char *key : {"max_completion_tokens", "max_tokens", "max_output_tokens"}) {
        const QJsonValue v = body.value(QLatin1StringView(key));
        if (v.isDouble() && v.toDouble() >= 0) {
            out.maxOutput = qint64(v.toDouble());
            break;
        }
    }
    const QJsonValue n = body.value(QLatin1StringView("n"));
    if (out.maxOutput > 0 && n.isDouble() && n.toDouble() > 1)
        out.maxOutput *= qint64(n.toDouble());
    return out;
}

namespace {

struct ChunkTokens
{
    qint64 requests = 0;
    qint64 input = 0;
    qint64 maxOutput = 0;
    qint64 unbounded = 0;
    qint64 images = 0;
    qint64 unreadable = 0;
};

ChunkTokens countChunk(const QByteArray &chunk, const TokenizerChoice &choice)
{
    ChunkTokens t;
    // One counter per pool thread and method, so that its cache of counted words lives across chunks.
    thread_local std::unique_ptr<TokenCounter> counters[3];
    auto &slot = counters[int(choice.method)];
    if (!slot)
        slot = std::make_unique<TokenCounter>(choice.method);
    TokenCounter &counter = *slot;
    qsizetype pos = 0;
    while (pos < chunk.size()) {
        qsizetype end = chunk.indexOf('\n', pos);
        if (end < 0)
            end = chunk.size();
        const QByteArrayView line = QByteArrayView(chunk).sliced(pos, end - pos).trimmed();
        pos = end + 1;
        if (line.isEmpty())
            continue;
        const RequestTokens r = requestTokens(line, counter, choice);
        if (!r.parsed) {
            ++t.unreadable;
            continue;
        }
        ++t.requests;
        t.input += r.input;
        t.images += r.images;
        if (r.maxOutput >= 0)
            t.maxOutput += r.maxOutput;
        else
            ++t.unbounded;
    }
    return t;
}

QString firstModel(const QByteArray &chunk)
{
    qsizetype pos = 0;
    while (pos < chunk.size()) {
        qsizetype end = chunk.indexOf('\n', pos);
        if (end < 0)
            end = chunk.size();
        const QJsonDocument doc = QJsonDocument::fromJson(chunk.mid(pos, end - pos));
        pos = end + 1;
        const QString model = doc.object()
                                  .value(QLatin1StringView("body"))
                                  .toObject()
                                  .value(QLatin1StringView("model"))
                                  .toString();
        if (!model.isEmpty())
            return model;
    }
    return {};
}

} // namespace

Result<FileTokens> estimateFileTokens(const QString &path, const QString &model, const WorkControl &control)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<FileTokens>::failure(QStringLiteral("io"),
                                           tr("Cannot read %1: %2").arg(path, file.errorString()));
    constexpr qint64 kChunk = 4 * 1024 * 1024;
    const qint64 total = file.size();
    FileTokens result;
    std::deque<QFuture<ChunkTokens>> running;
    const int maxRunning = std::max(2, QThreadPool::globalInstance()->maxThreadCount() * 2);
    auto collect = [&](QFuture<ChunkTokens> &future) {
        const ChunkTokens t = future.result();
        result.requests += t.requests;
        result.inputTokens += t.input;
        result.maxOutputTokens += t.maxOutput;
        result.unboundedOutputRequests += t.unbounded;
        result.images += t.images;
        result.unreadableLines += t.unreadable;
    };
    QByteArray carry;
    qint64 done = 0;
    bool first = true;
    bool canceled = false;
    while (!file.atEnd() || !carry.isEmpty()) {
        if (control.isCanceled && control.isCanceled()) {
            canceled = true;
            break;
        }
        QByteArray chunk = carry + file.read(kChunk);
        if (file.error() != QFileDevice::NoError)
            return Result<FileTokens>::failure(QStringLiteral("io"),
                                               tr("Cannot read %1: %2").arg(path, file.errorString()));
        carry.clear();
        if (!file.atEnd()) {
            const qsizetype lastNewline = chunk.lastIndexOf('\n');
            if (lastNewline >= 0) {
                carry = chunk.mid(lastNewline + 1);
                chunk.truncate(lastNewline + 1);
            } else { // one line longer than a chunk: read on
                carry = chunk;
                continue;
            }
        }
        done += chunk.size();
        if (first) {
            first = false;
            result.model = model.isEmpty() ? firstModel(chunk) : model;
            result.tokenizer = tokenizerFor(result.model);
        }
        running.push_back(QtConcurrent::run(countChunk, std::move(chunk), result.tokenizer));
        while (int(running.size()) >= maxRunning) {
            collect(running.front());
            running.pop_front();
        }
        if (control.progress)
            control.progress(done, total);
    }
    for (auto &future : running)
        collect(future);
    if (canceled)
        return Result<FileTokens>::failure(QStringLiteral("canceled"), tr("Canceled."));
    if (first)
        result.tokenizer = tokenizerFor(model);
    return result;
}

Result<FileCost> estimateFileCost(const QString &path, const QString &provider, const QString &model,
                                  const WorkControl &control)
{
    auto tokens = estimateFileTokens(path, model, control);
    if (!tokens.ok())
        return tokens.error();
    FileCost r;
    r.tokens = tokens.value();
    r.provider = provider;
    const auto table = PriceTable::load();
    if (!table.ok())
        r.priceError = table.errorString();
    const auto price = (table.ok() ? table.value() : PriceTable::snapshot()).find(provider, r.tokens.model);
    r.cost = costEstimate(r.tokens.inputTokens, r.tokens.maxOutputTokens, r.tokens.outputBounded(), price);
    return r;
}

} // namespace Batchdesk::Cost
