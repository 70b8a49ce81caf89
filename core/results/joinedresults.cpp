#include "joinedresults.h"

#include "jsonl/jsontext_p.h"
#include "jsonl/requestsummary.h"
#include "linescanner_p.h"

#include <QFileInfo>
#include <QScopeGuard>
#include <QSet>

#include <simdjson.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string_view>
#include <thread>

namespace Batchdesk::Results {

namespace ondemand = simdjson::ondemand;
using Detail::tr;
using Jsonl::Detail::contentText;
using Jsonl::Detail::qs;

namespace {

QString toolCallsText(ondemand::value value, QString &firstArguments)
{
    ondemand::array calls;
    if (value.get_array().get(calls))
        return {};
    QStringList parts;
    for (auto callResult : calls) {
        ondemand::object call;
        if (callResult.get_object().get(call))
            continue;
        ondemand::object function;
        if (call.find_field_unordered("function").get_object().get(function))
            continue;
        std::string_view name;
        std::string_view arguments;
        for (auto fResult : function) {
            ondemand::field f;
            if (std::move(fResult).get(f))
                break;
            std::string_view key;
            if (f.unescaped_key().get(key))
                break;
            if (key == "name" && f.value().get_string().get(name))
                name = {};
            else if (key == "arguments" && f.value().get_string().get(arguments))
                arguments = {};
        }
        if (parts.isEmpty())
            firstArguments = qs(arguments);
        parts << QStringLiteral("\u2192 %1(%2)").arg(qs(name), qs(arguments));
    }
    return parts.join(u'\n');
}

void readChoice(ondemand::object choice, ResultRow &row)
{
    QString toolText;
    for (auto fieldResult : choice) {
        ondemand::field field;
        if (std::move(fieldResult).get(field))
            return;
        std::string_view key;
        if (field.unescaped_key().get(key))
            return;
        std::string_view s;
        if (key == "message") {
            ondemand::object message;
            if (field.value().get_object().get(message))
                continue;
            for (auto mfResult : message) {
                ondemand::field mf;
                if (std::move(mfResult).get(mf))
                    break;
                std::string_view mkey;
                if (mf.unescaped_key().get(mkey))
                    break;
                if (mkey == "content")
                    row.responseText = contentText(mf.value(), u'\n');
                else if (mkey == "refusal" && row.responseText.isEmpty() && !mf.value().get_string().get(s))
                    row.responseText = qs(s);
                else if (mkey == "tool_calls")
                    toolText = toolCallsText(mf.value(), row.toolArguments);
            }
            // A tool-call-only answer (content null) shows its calls: "→ get_weather({"city":"Oslo"})".
            if (row.responseText.isEmpty() && !toolText.isEmpty())
                row.responseText = toolText;
        } else if (key == "text") {
            if (!field.value().get_string().get(s))
                row.responseText = qs(s);
        } else if (key == "finish_reason") {
            if (!field.value().get_string().get(s))
                row.finishReason = qs(s);
        }
    }
}

// The data[] of an embeddings response (vectors) or of an images response (b64_json or url items).
void readData(ondemand::array data, ResultRow &row)
{
    for (auto itemResult : data) {
        ondemand::object item;
        if (itemResult.get_object().get(item))
            continue;
        bool image = false;
        for (auto fieldResult : item) {
            ondemand::field field;
            if (std::move(fieldResult).get(field))
                break;
            std::string_view key;
            if (field.unescaped_key().get(key))
                break;
            std::string_view s;
            if (key == "embedding") {
                ++row.embeddingCount;
                if (row.embeddingCount > 1)
                    continue;
                ondemand::value embedding = field.value();
                ondemand::json_type type;
                if (embedding.type().get(type))
                    continue;
                ondemand::array values;
                size_t n = 0;
                if (type == ondemand::json_type::array) {
                    if (!embedding.get_array().get(values) && !values.count_elements().get(n))
                        row.embeddingDims = int(n);
                } else if (type == ondemand::json_type::string && !embedding.get_string().get(s)) {
                    // base64 of little-endian float32
                    std::size_t bytes = s.size() / 4 * 3;
                    if (s.size() >= 1 && s[s.size() - 1] == '=')
                        --bytes;
                    if (s.size() >= 2 && s[s.size() - 2] == '=')
                        --bytes;
                    row.embeddingDims = int(bytes / 4);
                }
            } else if (key == "b64_json") {
                ondemand::json_type type;
                image = image || (!field.value().type().get(type) && type == ondemand::json_type::string);
            } else if (key == "url") {
                if (!field.value().get_string().get(s)) {
                    image = true;
                    if (row.imageUrls.size() < 100) // bounded: a display list, not the data
                        row.imageUrls << qs(s);
                }
            }
        }
        if (image)
            ++row.imageCount;
    }
}

// The results[] of a moderation response: flagged if any result is, and the categories that are true.
void readModerationResults(ondemand::array results, ResultRow &row)
{
    row.flagged = 0;
    for (auto resultItem : results) {
        ondemand::object result;
        if (resultItem.get_object().get(result))
            continue;
        for (auto fieldResult : result) {
            ondemand::field field;
            if (std::move(fieldResult).get(field))
                break;
            std::string_view key;
            if (field.unescaped_key().get(key))
                break;
            bool b = false;
            if (key == "flagged") {
                if (!field.value().get_bool().get(b) && b)
                    row.flagged = 1;
            } else if (key == "categories") {
                ondemand::object categories;
                if (field.value().get_object().get(categories))
                    continue;
                for (auto cResult : categories) {
                    ondemand::field c;
                    if (std::move(cResult).get(c))
                        break;
                    std::string_view name;
                    if (c.unescaped_key().get(name))
                        break;
                    if (!c.value().get_bool().get(b) && b && row.flaggedCategories.size() < 64) {
                        const QString category = qs(name);
                        if (!row.flaggedCategories.contains(category))
                            row.flaggedCategories << category;
                    }
                }
            }
        }
    }
}

// The "output" of a Responses API body: the text parts of its message items.
void readResponsesOutput(ondemand::array output, ResultRow &row)
{
    for (auto itemResult : output) {
        ondemand::object item;
        if (itemResult.get_object().get(item))
            continue;
        ondemand::value content;
        if (item.find_field_unordered("content").get(content))
            continue;
        const QString text = contentText(content, u'\n');
        if (!text.isEmpty()) {
            if (!row.responseText.isEmpty())
                row.responseText += u'\n';
            row.responseText += text;
        }
    }
}

void readErrorObject(ondemand::value value, ResultRow &row)
{
    ondemand::object error;
    std::string_view s;
    if (value.get_object().get(error)) {
        if (!value.get_string().get(s)) // {"error": "text"}
            row.errorMessage = qs(s);
        return;
    }
    QString type;
    for (auto fieldResult : error) {
        ondemand::field field;
        if (std::move(fieldResult).get(field))
            return;
        std::string_view key;
        if (field.unescaped_key().get(key))
            return;
        if (key == "message") {
            if (!field.value().get_string().get(s))
                row.errorMessage = qs(s);
        } else if (key == "code") {
            ondemand::value v = field.value();
            int64_t n = 0;
            if (!v.get_string().get(s))
                row.errorCode = qs(s);
            else if (!v.get_int64().get(n))
                row.errorCode = QString::number(n);
        } else if (key == "type") {
            if (!field.value().get_string().get(s))
                type = qs(s);
        }
    }
    if (row.errorCode.isEmpty())
        row.errorCode = type;
}

void readBody(ondemand::object body, ResultRow &row)
{
    std::string objectType;
    QString id;
    QString status;
    const auto finish = [&] {
        if (objectType == "video") { // VideoResource of /v1/videos
            row.videoId = id;
            row.videoStatus = status;
        }
    };
    const auto guard = qScopeGuard(finish);
    for (auto fieldResult : body) {
        ondemand::field field;
        if (std::move(fieldResult).get(field))
            return;
        std::string_view key;
        if (field.unescaped_key().get(key))
            return;
        std::string_view s;
        if (key == "choices") {
            ondemand::array choices;
            if (field.value().get_array().get(choices))
                continue;
            for (auto choiceResult : choices) {
                ondemand::object choice;
                if (!choiceResult.get_object().get(choice))
                    readChoice(choice, row);
                break; // the first choice is the answer
            }
        } else if (key == "data") {
            ondemand::array data;
            if (!field.value().get_array().get(data))
                readData(data, row);
        } else if (key == "results") {
            ondemand::array results;
            if (!field.value().get_array().get(results))
                readModerationResults(results, row);
        } else if (key == "object") {
            if (!field.value().get_string().get(s))
                objectType = s;
        } else if (key == "id") {
            if (!field.value().get_string().get(s))
                id = qs(s);
        } else if (key == "status") {
            if (!field.value().get_string().get(s))
                status = qs(s);
        } else if (key == "output") {
            ondemand::array output;
            if (!field.value().get_array().get(output))
                readResponsesOutput(output, row);
        } else if (key == "output_text") {
            if (row.responseText.isEmpty() && !field.value().get_string().get(s))
                row.responseText = qs(s);
        } else if (key == "usage") {
            ondemand::object usage;
            if (field.value().get_object().get(usage))
                continue;
            for (auto ufResult : usage) {
                ondemand::field uf;
                if (std::move(ufResult).get(uf))
                    break;
                std::string_view ukey;
                if (uf.unescaped_key().get(ukey))
                    break;
                int64_t n = 0;
                if ((ukey == "prompt_tokens" || ukey == "input_tokens") && !uf.value().get_int64().get(n))
                    row.inputTokens = n;
                else if ((ukey == "completion_tokens" || ukey == "output_tokens")
                         && !uf.value().get_int64().get(n))
                    row.outputTokens = n;
            }
        } else if (key == "error") {
            readErrorObject(field.value(), row);
        } else if (key == "detail") {
            if (row.errorMessage.isEmpty() && !field.value().get_string().get(s))
                row.errorMessage = qs(s);
        } else if (key == "message") {
            if (row.errorMessage.isEmpty() && !field.value().get_string().get(s))
                row.errorMessage = qs(s);
        }
    }
}

} // namespace

void parseResultLine(QByteArrayView line, ResultRow &row)
{
    thread_local ondemand::parser parser;
    const simdjson::padded_string padded(line.data(), std::size_t(line.size()));
    ondemand::document doc;
    ondemand::object root;
    if (parser.iterate(padded).get(doc) || doc.get_object().get(root)) {
        row.outcome = Outcome::Failed;
        row.errorCode = QStringLiteral("invalid_result_line");
        row.errorMessage = tr("The result line is not a JSON object.");
        return;
    }
    bool hasResponse = false;
    int status = 0;
    ResultRow body;
    QString errorCode;
    QString errorMessage;
    for (auto fieldResult : root) {
        ondemand::field field;
        if (std::move(fieldResult).get(field))
            break;
        std::string_view key;
        if (field.unescaped_key().get(key))
            break;
        std::string_view s;
        if (key == "custom_id") {
            if (row.customId.isEmpty() && !field.value().get_string().get(s))
                row.customId = qs(s);
        } else if (key == "response") {
            ondemand::object response;
            if (field.value().get_object().get(response))
                continue;
            hasResponse = true;
            for (auto rfResult : response) {
                ondemand::field rf;
                if (std::move(rfResult).get(rf))
                    break;
                std::string_view rkey;
                if (rf.unescaped_key().get(rkey))
                    break;
                if (rkey == "status_code") {
                    int64_t n = 0;
                    if (!rf.value().get_int64().get(n))
                        status = int(n);
                } else if (rkey == "body") {
                    ondemand::object bodyObject;
                    if (!rf.value().get_object().get(bodyObject)) {
                        readBody(bodyObject, body);
                    } else if (!rf.value().get_string().get(s)) {
                        body.errorMessage = qs(s); // a plain-text error body
                    }
                }
            }
        } else if (key == "error") {
            ResultRow e;
            readErrorObject(field.value(), e);
            errorCode = e.errorCode;
            errorMessage = e.errorMessage;
        }
    }
    row.httpStatus = hasResponse ? status : 0;
    const QByteArray code = errorCode.toUtf8();
    row.outcome = Detail::classify(hasResponse, status, std::string_view(code.constData(), code.size()));
    row.responseText = body.responseText;
    row.finishReason = body.finishReason;
    row.toolArguments = body.toolArguments;
    row.inputTokens = body.inputTokens;
    row.outputTokens = body.outputTokens;
    row.embeddingCount = body.embeddingCount;
    row.embeddingDims = body.embeddingDims;
    row.imageCount = body.imageCount;
    row.imageUrls = body.imageUrls;
    row.flagged = body.flagged;
    row.flaggedCategories = body.flaggedCategories;
    row.videoId = body.videoId;
    row.videoStatus = body.videoStatus;
    if (row.responseText.isEmpty() && body.imageCount > 0) {
        row.responseText = body.imageCount == 1 ? tr("1 image") : tr("%1 images").arg(body.imageCount);
        if (!body.imageUrls.isEmpty())
            row.responseText += u'\n' + body.imageUrls.join(u'\n');
    }
    if (row.responseText.isEmpty() && body.flagged >= 0)
        row.responseText = body.flagged > 0
            ? tr("flagged: %1").arg(body.flaggedCategories.join(QStringLiteral(", ")))
            : tr("not flagged");
    if (row.responseText.isEmpty() && !body.videoId.isEmpty())
        row.responseText = tr("video %1: %2").arg(body.videoId, body.videoStatus);
    if (row.responseText.isEmpty() && body.embeddingCount > 0) {
        row.responseText = body.embeddingCount == 1
            ? tr("embedding, %n dims", nullptr, body.embeddingDims)
            : tr("%1 embeddings, %2 dims").arg(body.embeddingCount).arg(body.embeddingDims);
    }
    // A top-level error (request never ran) takes precedence; otherwise the error envelope of a non-2xx body.
    row.errorCode = errorCode;
    row.errorMessage = errorMessage;
    if (row.outcome == Outcome::Failed && row.errorCode.isEmpty() && row.errorMessage.isEmpty()) {
        row.errorCode = body.errorCode;
        row.errorMessage = body.errorMessage;
        if (row.errorCode.isEmpty() && hasResponse)
            row.errorCode = QStringLiteral("http_%1").arg(status);
    }
}

class JoinBuilder
{
public:
    // The result files are indexed on a helper thread while this thread reads the input files: the two
    // passes take about the same time, and the machines this runs on have two cores or more. Then every
    // request is looked up in the index, in memory. The helper sees only a stop flag and reports its bytes
    // through an atomic: the control's callbacks are called on this thread alone.
    static Result<std::shared_ptr<const JoinedResults>>
    open(const QStringList &inputPaths, const QStringList &resultFiles, const ResultsControl &control)
    {
        if (inputPaths.isEmpty())
            return Error {QStringLiteral("invalid"), QStringLiteral("No input file")};
        qint64 resultBytes = 0;
        for (const QString &f : resultFiles)
            resultBytes += QFileInfo(f).size();
        qint64 inputBytes = 0;
        for (const QString &f : inputPaths)
            inputBytes += QFileInfo(f).size();
        const qint64 total = resultBytes + inputBytes;

        struct Helper
        {
            std::atomic<bool> stop {false};
            std::atomic<qint64> done {0};
            std::mutex mutex;
            std::condition_variable finishedChanged;
            bool finished = false;
            Result<std::shared_ptr<const ResultIndex>> index = Error {};
            std::thread thread;
        } helper;
        helper.thread = std::thread([&helper, &resultFiles] {
            ResultsControl c;
            c.isCanceled = [&helper] { return helper.stop.load(std::memory_order_relaxed); };
            c.progress = [&helper](qint64 done, qint64) {
                helper.done.store(done, std::memory_order_relaxed);
            };
            auto index = ResultIndex::build(resultFiles, c);
            const std::lock_guard lock(helper.mutex);
            helper.index = std::move(index);
            helper.finished = true;
            helper.finishedChanged.notify_all();
        });
        // Every way out waits for the helper (told to stop unless it finished).
        const auto joinHelper = qScopeGuard([&helper] {
            helper.stop.store(true);
            if (helper.thread.joinable())
                helper.thread.join();
        });

        std::shared_ptr<JoinedResults> joined(new JoinedResults);
        JoinTotals &t = joined->m_totals;
        ondemand::parser parser;
        qint64 lineNo = 0;
        qint64 before = 0;
        ResultsControl scanControl;
        scanControl.isCanceled = control.isCanceled;
        if (control.progress)
            scanControl.progress = [&control, &helper](qint64 done, qint64 all) {
                control.progress(done + helper.done.load(std::memory_order_relaxed), all);
            };
        for (const QString &inputPath : inputPaths) {
            std::vector<qint64> starts;
            joined->m_firstLines.push_back(lineNo);
            const auto scanned =
                Detail::scanLines(inputPath, scanControl, before, total,
                                  [&](const char *data, qint64 length, qint64, qint64 lineStart) -> bool {
                                      starts.push_back(lineStart);
                                      const qint64 line = lineNo++;
                                      bool blank = true;
                                      for (qint64 i = 0; i < length && blank; ++i)
                                          blank = data[i] == ' ' || data[i] == '\t';
                                      if (blank)
                                          return true;
                                      JoinedResults::RowRef ref;
                                      ref.inputLine = line;
                                      std::string_view id;
                                      ondemand::document doc;
                                      ondemand::object root;
                                      if (parser
                                              .iterate(data, std::size_t(length),
                                                       std::size_t(length) + simdjson::SIMDJSON_PADDING)
                                              .get(doc)
                                          || doc.get_object().get(root)
                                          || root.find_field_unordered("custom_id").get_string().get(id)) {
                                          ++t.malformedInputLines;
                                      } else {
                                          ref.hasId = true;
                                          ref.idStart = quint32(joined->m_inputIds.size());
                                          ref.idLength = quint32(id.size());
                                          joined->m_inputIds.append(id.data(), qsizetype(id.size()));
                                      }
                                      joined->m_rows.push_back(ref);
                                      return true;
                                  });
            if (!scanned.ok())
                return scanned.error();
            const Detail::ScanInfo &info = scanned.value();
            auto lineIndex = Jsonl::IndexBuilder::make(inputPath, info.size, info.modified, info.bom,
                                                       info.finalNewline, std::move(starts));
            joined->m_inputs.push_back(std::make_unique<Jsonl::JsonlFile>(std::move(lineIndex)));
            before += info.size;
        }

        {
            std::unique_lock lock(helper.mutex);
            while (!helper.finished) {
                helper.finishedChanged.wait_for(lock, std::chrono::milliseconds(50));
                if (control.isCanceled && control.isCanceled())
                    helper.stop.store(true);
                if (control.progress)
                    control.progress(inputBytes + helper.done.load(std::memory_order_relaxed), total);
            }
        }
        helper.thread.join();
        if (control.isCanceled && control.isCanceled())
            return Error {QStringLiteral("cancelled"), Detail::tr("Cancelled")};
        if (!helper.index.ok())
            return helper.index.error();
        joined->m_results = helper.index.value();
        const ResultIndex &results = *joined->m_results;

        // Each request's result. A custom_id repeated in the input finds the entry it found before (or,
        // without a result, an id kept in a set of the ids without one).
        std::vector<bool> used(results.entries().size(), false);
        QSet<QByteArrayView> withoutResult;
        for (std::size_t r = 0; r < joined->m_rows.size(); ++r) {
            if ((r & 0xFFFF) == 0 && control.isCanceled && control.isCanceled())
                return Error {QStringLiteral("cancelled"), Detail::tr("Cancelled")};
            JoinedResults::RowRef &ref = joined->m_rows[r];
            if (!ref.hasId)
                continue;
            const QByteArrayView id(joined->m_inputIds.constData() + ref.idStart, qsizetype(ref.idLength));
            const qsizetype e = results.find(id);
            if (e >= 0) {
                ref.entry = qint32(e);
                if (used[std::size_t(e)])
                    ++t.duplicateInputIds;
                used[std::size_t(e)] = true;
            } else if (withoutResult.contains(id)) {
                ++t.duplicateInputIds;
            } else {
                withoutResult.insert(id);
            }
        }

        // Results for custom_ids that are not in the input are kept as extra rows.
        const auto &entries = results.entries();
        for (std::size_t e = 0; e < entries.size(); ++e) {
            if (used[e])
                continue;
            JoinedResults::RowRef ref;
            ref.entry = qint32(e);
            ref.idStart = entries[e].idStart;
            ref.idLength = entries[e].idLength;
            joined->m_rows.push_back(ref);
            ++t.extraRows;
        }
        for (auto &ref : joined->m_rows) {
            if (ref.entry < 0) {
                ref.outcome = Outcome::Missing;
            } else {
                const ResultEntry &entry = entries[std::size_t(ref.entry)];
                ref.outcome = entry.outcome;
                if (entry.inputTokens > 0)
                    t.inputTokens += entry.inputTokens;
                if (entry.outputTokens > 0)
                    t.outputTokens += entry.outputTokens;
            }
            if (ref.inputLine >= 0)
                ++t.outcomes[std::size_t(ref.outcome)];
        }
        t.rows = qint64(joined->m_rows.size());
        t.malformedResultLines = results.malformedLines();
        t.duplicateResultLines = results.duplicateLines();
        for (const QString &f : resultFiles) {
            auto file = std::make_unique<QFile>(f);
            joined->m_resultFiles.push_back(std::move(file));
        }
        if (control.progress)
            control.progress(total, total);
        return std::shared_ptr<const JoinedResults>(std::move(joined));
    }
};

Result<std::shared_ptr<const JoinedResults>>
JoinedResults::open(const QString &inputPath, const QStringList &resultFiles, const ResultsControl &control)
{
    return JoinBuilder::open(QStringList {inputPath}, resultFiles, control);
}

Result<std::shared_ptr<const JoinedResults>> JoinedResults::open(const QStringList &inputPaths,
                                                                 const QStringList &resultFiles,
                                                                 const ResultsControl &control)
{
    return JoinBuilder::open(inputPaths, resultFiles, control);
}

JoinedResults::~JoinedResults() = default;

QByteArray JoinedResults::customId(qint64 i) const
{
    const RowRef &ref = m_rows[std::size_t(i)];
    if (ref.inputLine >= 0)
        return QByteArray(m_inputIds.constData() + ref.idStart, ref.idLength);
    return m_results->customId(m_results->entries()[std::size_t(ref.entry)]).toByteArray();
}

Result<QByteArray> JoinedResults::inputLineAt(qint64 line) const
{
    // The input file that holds the line: the last one starting at or before it.
    const auto next = std::upper_bound(m_firstLines.begin(), m_firstLines.end(), line);
    const std::size_t part = std::size_t(std::max<std::ptrdiff_t>(0, next - m_firstLines.begin() - 1));
    return m_inputs[part]->line(line - m_firstLines[part]);
}

Result<QByteArray> JoinedResults::requestLine(qint64 i) const
{
    const RowRef &ref = m_rows[std::size_t(i)];
    if (ref.inputLine < 0)
        return QByteArray();
    return inputLineAt(ref.inputLine);
}

Result<QByteArray> JoinedResults::resultLine(qint64 i) const
{
    const RowRef &ref = m_rows[std::size_t(i)];
    if (ref.entry < 0)
        return QByteArray();
    const ResultEntry &entry = m_results->entries()[std::size_t(ref.entry)];
    QMutexLocker lock(&m_resultMutex);
    QFile &file = *m_resultFiles[entry.file];
    if (!file.isOpen() && !file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error {QStringLiteral("io"),
                      tr("Cannot read %1: %2").arg(file.fileName(), file.errorString())};
    if (!file.seek(entry.offset))
        return Error {QStringLiteral("io"),
                      tr("Cannot read %1: %2").arg(file.fileName(), file.errorString())};
    QByteArray bytes = file.read(entry.length);
    if (bytes.size() != entry.length)
        return Error {QStringLiteral("changed"),
                      tr("%1 changed on disk after it was opened; open it again.").arg(file.fileName())};
    return bytes;
}

ResultRow JoinedResults::row(qint64 i, int previewChars) const
{
    ResultRow row;
    const RowRef &ref = m_rows[std::size_t(i)];
    row.row = i;
    row.inputLine = ref.inputLine;
    row.customId = QString::fromUtf8(customId(i));
    row.outcome = ref.outcome;
    if (ref.inputLine >= 0) {
        const auto request = inputLineAt(ref.inputLine);
        if (request.ok()) {
            const Jsonl::RequestSummary summary = Jsonl::summarizeRequest(request.value(), previewChars);
            row.model = summary.model;
            row.requestPreview = summary.preview;
        }
    }
    if (ref.entry >= 0) {
        const auto result = resultLine(i);
        if (result.ok()) {
            const QString id = row.customId;
            parseResultLine(result.value(), row);
            row.customId = id;
        } else {
            row.errorCode = result.error().code;
            row.errorMessage = result.errorString();
        }
        row.outcome = ref.outcome; // as classified by the index (same rules)
    }
    return row;
}

ResultKinds resultKinds(const JoinedResults &results, int sample)
{
    ResultKinds kinds;
    int seen = 0;
    for (qint64 i = 0; i < results.rowCount() && seen < sample; ++i) {
        if (!results.hasResult(i))
            continue;
        ++seen;
        const auto line = results.resultLine(i);
        if (!line.ok())
            continue;
        ResultRow row;
        parseResultLine(line.value(), row);
        kinds.images = kinds.images || row.imageCount > 0;
        kinds.moderations = kinds.moderations || row.flagged >= 0;
        kinds.videos = kinds.videos || !row.videoId.isEmpty();
    }
    return kinds;
}

} // namespace Batchdesk::Results
