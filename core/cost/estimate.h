#pragma once

#include "common/result.h"
#include "common/workcontrol.h"
#include "pricetable.h"
#include "tokenizer.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace Batchdesk::Cost {

/** How the tokens of a model's requests are counted, and how far the count may be off. */
struct TokenizerChoice
{
    TokenCounter::Method method = TokenCounter::Method::O200k;
    /** "o200k_base", "cl100k_base" or "llama3 (approximated)". */
    QString name;
    /** The model's own tokenizer counts the text (OpenAI models); otherwise an approximation. */
    bool exact = false;
    /** The error of the text's count measured on tests/data/token_sample.jsonl, in percent of the true count:
     *  of the total, and the 95th percentile of single requests; -1 when not measured for this family. */
    double totalErrorPercent = 0;
    double requestErrorPercent = 0;
    /** Tokens a chat request adds per message and once for the reply, from the family's chat format. */
    int perMessage = 3;
    int perReply = 3;
};

/** The measured error of the Llama 3 approximation on tests/data/token_sample.jsonl (docs/cost.md): of the
 * total count, and the 95th percentile of single requests, in percent of the true count. */
inline constexpr double kLlama3TotalErrorPercent = 0.25; // measured: 0.20
inline constexpr double kLlama3RequestErrorPercent = 3.1; // measured: 3.00 (the worst request: 10.3)

/** The tokenizer for a model id ("gpt-4o-mini", "meta-llama/Meta-Llama-3.1-8B-Instruct", …). */
TokenizerChoice tokenizerFor(const QString &model);

/** What one request line will cost in tokens. */
struct RequestTokens
{
    qint64 input =
        0; ///< prompt tokens: messages (with the chat format's overhead), prompt or embedding input
    /** The request's max_tokens / max_completion_tokens / max_output_tokens; -1 when it sets none. */
    qint64 maxOutput = -1;
    int images = 0; ///< image parts, counted at kImageTokens each
    bool parsed = false; ///< the line is a JSON object with a body
};

/** Tokens an image part is estimated at: a 1024×1024 image at high detail (4 tiles × 170 + 85). */
inline constexpr int kImageTokens = 765;

/**
 * The tokens of one request line: chat messages (text content and text parts; the chat format's overhead per
 * message; tools and a json_schema response format counted as their JSON text), a completions prompt (string
 * or array), or embedding inputs (strings, or arrays of token ids counted as their length).
 */
RequestTokens requestTokens(QByteArrayView line, TokenCounter &counter, const TokenizerChoice &choice);

/** The token estimate of a whole file. */
struct FileTokens
{
    QString model; ///< the model of the first request (the file has one model)
    TokenizerChoice tokenizer;
    qint64 requests = 0;
    qint64 inputTokens = 0;
    /** Sum of maxOutput over the requests that set one. */
    qint64 maxOutputTokens = 0;
    /** Requests without a max_tokens: their output is not bounded (and not in maxOutputTokens). */
    qint64 unboundedOutputRequests = 0;
    qint64 images = 0;
    qint64 unreadableLines = 0; ///< lines that are not a request object (the validator names them)
    bool outputBounded() const { return unboundedOutputRequests == 0; }
};

/**
 * Counts the tokens of every request of a JSONL file, in parallel on the global thread pool, streaming (the
 * memory held is a few chunks of the file). model overrides the file's own model for the choice of tokenizer.
 * Blocking: a worker thread. Fails with "io" or "canceled".
 */
Result<FileTokens> estimateFileTokens(const QString &path, const QString &model = {},
                                      const WorkControl &control = {});

/** A file's tokens priced: what Validate, the Create dialog, `validate --json` and the budget cap show. */
struct FileCost
{
    FileTokens tokens;
    CostEstimate cost;
    QString provider; ///< whose price was looked up
    QString priceError; ///< the user's price table could not be read (the snapshot was used)
};

/**
 * estimateFileTokens() priced with the price table (PriceTable::load(), the snapshot when it cannot be read)
 * for the model at provider. Blocking: a worker thread.
 */
Result<FileCost> estimateFileCost(const QString &path, const QString &provider, const QString &model = {},
                                  const WorkControl &control = {});

} // namespace Batchdesk::Cost
