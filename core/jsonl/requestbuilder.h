#pragma once

#include "common/result.h"
#include "csvtable.h"
#include "diagnostic.h"
#include "limitprofile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Batchdesk::Jsonl {

/**
 * A text with {{column}} placeholders, compiled once and rendered per row.
 *
 * Whitespace inside the braces is ignored ("{{ name }}"). "{{{{" stands for a literal "{{" (a literal "}}"
 * needs no escape). Syntax errors: a "{{" without its "}}" and an empty placeholder. Names are matched
 * exactly against the table's column names when bound.
 */
class Template final
{
public:
    Template() = default;
    static Template parse(const QString &text);

    bool isEmpty() const { return m_segments.isEmpty(); }
    QString text() const { return m_text; }
    /** The placeholder names in order of appearance (duplicates kept). */
    QStringList placeholders() const;
    /** Syntax errors, translated; empty when the text is well formed. */
    QStringList syntaxErrors() const { return m_errors; }

    /** Resolves the placeholders against columns; returns the names that are not columns (in order). */
    QStringList bind(const QStringList &columns);
    /** The bound column indexes (after bind()), without duplicates. */
    QList<int> columns() const;
    /** Appends the rendered text of a row (UTF-8) to out; unbound placeholders render empty. */
    void render(const CsvTable &table, qint64 row, QByteArray &out) const;

private:
    struct Segment
    {
        QByteArray literal; // UTF-8; used when name is empty
        QString name;
        int column = -1;
    };
    QString m_text;
    QList<Segment> m_segments;
    QStringList m_errors;
};

/**
 * What to build from a CSV: the endpoint, the templates, how custom_id is made, and the body parameters.
 *
 * Parameters are checked against the endpoint: temperature, top_p, max_tokens and stop apply to chat and
 * completions, response_format to chat, dimensions to embeddings. extraJson is a JSON object whose members
 * are merged into every body after the typed parameters; a member that names a typed parameter that is also
 * set, or a key the builder writes itself (model, messages, prompt, input), is a "parameter_conflict" error:
 * nothing is overridden silently.
 */
struct BuildSpec
{
    QString endpoint = QString(kChatCompletions);
    QString model;
    /** Chat: the optional system message. */
    QString systemTemplate;
    /** Chat: the user message; completions: the prompt; embeddings: the input (unless inputColumns is set).
     */
    QString userTemplate;
    /** Embeddings: the input taken verbatim from these columns; one column gives a string, several an array
     * of strings (each counts as one embedding input). */
    QStringList inputColumns;
    /** custom_id from this column (checked: non-empty, unique); empty = generated "row-<n>" (n = 1-based data
     * row). */
    QString idColumn;

    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<qint64> maxTokens;
    std::optional<qint64> dimensions;
    /** One stop sequence is written as a string unless stopAsArray. */
    QStringList stop;
    bool stopAsArray = false;
    enum class ResponseFormat { None, JsonObject, JsonSchema };
    ResponseFormat responseFormat = ResponseFormat::None;
    /** JSON schema text: either a bare schema or a {"name", "schema", "strict"} object. */
    QByteArray jsonSchema;
    /** A JSON object merged into each body; empty = none. */
    QByteArray extraJson;

    /** Cells used by a template or as input that are empty: warnings when true, errors otherwise. */
    bool allowEmptyCells = false;

    /** Where the table came from when it is not a CSV file: written to the manifest as "source" (a build
     *  from results writes the stage link there, see Results::stageSource()). Empty = no "source". */
    QJsonObject source;

    /**
     * Sets a parameter from "key=value" text (the CLI's --param): temperature, top_p, max_tokens, dimensions,
     * stop (repeatable; a JSON array also works), response_format (json_object | json_schema | text),
     * json_schema (schema text, implies response_format json_schema); any other key goes into extraJson with
     * its value parsed as JSON when it is valid JSON, as a string otherwise. Returns an error text.
     */
    std::optional<QString> setParameter(const QString &key, const QString &value);
};

/** A check of a spec against a table: the table's own findings first, then the builder's. */
struct BuildCheck
{
    QList<BuildDiagnostic> diagnostics;
    qint64 errorCount = 0;
    qint64 warningCount = 0;
    bool truncated = false;
    bool ok() const { return errorCount == 0; }
};

/** One JSONL file written by RequestBuilder::write(). */
struct BuildPart
{
    QString path;
    qint64 lines = 0;
    qint64 bytes = 0;
    qint64 embeddingInputs = 0;
    qint64 firstRow = 0; ///< 1-based data rows
    qint64 lastRow = 0;
    bool valid = true; ///< the validator found no error
    QList<Diagnostic> validation; ///< the validator's findings (errors and warnings)
};

struct BuildReport
{
    QList<BuildPart> parts;
    QString manifestPath;
    qint64 rows = 0;
    BuildCheck check; ///< warnings only (write() fails on errors)
    bool valid() const
    {
        for (const BuildPart &p : parts) {
            if (!p.valid)
                return false;
        }
        return true;
    }
};

/**
 * Turns the rows of a CsvTable into batch request lines.
 *
 * The builder keeps a reference to the table: the table must outlive it. Construction compiles the templates
 * and the constant parts of each line once; requestFor() and write() are const and thread-safe.
 *
 * Lines have the keys custom_id, method, url, body in that order; body starts with model and the
 * messages/prompt/input, then the typed parameters, then the extra JSON members. Ids are "row-<n>" (n the
 * 1-based data row) or the id column's cell.
 */
class RequestBuilder final
{
public:
    RequestBuilder(const CsvTable &table, BuildSpec spec);

    const BuildSpec &spec() const { return m_spec; }
    /** Findings about the spec alone (templates, parameters, columns): cheap, for live editing. */
    QList<BuildDiagnostic> specDiagnostics() const { return m_specDiagnostics; }
    /** The full check: the table's findings, the spec's, then every row (empty cells, empty and duplicate
     * ids).
     */
    BuildCheck check(const WorkControl &control = {}, int maxDiagnostics = 1000) const;

    /** The custom_id of a 0-based row. */
    QByteArray customId(qint64 row) const;
    /** The exact request line of a 0-based row, without the trailing "\n" (the live preview). Meaningful
     * when specDiagnostics() has no error. */
    QByteArray requestFor(qint64 row) const;
    /** Embedding inputs a row's line carries (0 for chat and completions). */
    int embeddingInputs() const;

    /**
     * Writes the requests of every row, split into parts so that each stays within the profile's maxLines,
     * maxBytes (every line's "\n" counted) and maxEmbeddingInputs. One part is written to outPath, several to
     * <base>-001.jsonl, <base>-002.jsonl, ... (<base> = outPath without ".jsonl"); each through QSaveFile and
     * then checked by validateFile() with the profile and the endpoint. A manifest <base>.build.json records
     * the CSV (path, SHA-256, delimiter, header; the path is empty for a table made in memory), the id mode
     * and column, the endpoint, the model, spec().source as "source" when set, and each part with its first
     * and last row: with the CSV it maps every custom_id back to its row, as parts cover consecutive rows in
     * order.
     *
     * Fails (writing nothing) with code "invalid_input" when check() finds an error, "too_large" when one
     * line alone exceeds the profile, "io" or "canceled".
     */
    Result<BuildReport> write(const QString &outPath, const LimitProfile &profile = LimitProfile::deepinfra(),
                              const WorkControl &control = {}) const;

    /** The part paths write() uses for parts parts of outPath, and its manifest path. */
    static QStringList partPaths(const QString &outPath, int parts);
    static QString manifestPath(const QString &outPath);

private:
    template<typename Out>
    void appendLine(qint64 row, Out &out, QByteArray &scratch) const;
    void addSpecError(const QString &code, const QString &message, int column = -1);

    const CsvTable &m_table;
    BuildSpec m_spec;
    QList<BuildDiagnostic> m_specDiagnostics;
    Template m_system;
    Template m_user;
    QList<int> m_inputColumns;
    int m_idColumn = -1;
    QByteArray m_linePrefix; // ,"method":"POST","url":"...","body":{"model":"..."
    QByteArray m_params; // ,"temperature":0.2,... (typed, then extra)
};

} // namespace Batchdesk::Jsonl
