#pragma once

#include "common/workcontrol.h"
#include "joinedresults.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Batchdesk::Results {

/** How the JSON of the answers is split into columns. */
struct JsonColumnsOptions
{
    /**
     * The object whose members become the columns: dotted member names with optional [n] array indexes
     * ("result", "items[0]", "a.b"); empty or "$" = the whole answer. A leading "$." is accepted.
     */
    QString path;
    /** Nested objects are flattened into dotted names down to this depth (1 = the members of the object at
     *  path only); deeper objects and all arrays are one column holding compact JSON text. */
    int maxDepth = 3;
    /** Answers read to find the columns when no request carries a schema. */
    int sampleRows = 500;
    /** At most this many columns (answers with thousands of distinct keys would make an unusable table). */
    int maxColumns = 200;
};

/** One column: its dotted name below the path, and the type the schema (or the sampled answers) give it. */
struct JsonColumn
{
    enum class Type { Any, String, Number, Integer, Boolean };
    QString name; ///< "label", "scores.positive" (no prefix)
    Type type = Type::Any;
    /** The member names from the object at the path down to this value (name split at the nesting, so a
     *  member name that itself holds a dot is still found). */
    QStringList keys;
};

/** What one row's answer held, split into the columns. */
struct JsonRowValues
{
    enum class Status {
        NoAnswer, ///< the row has no answer text (failed, missing, an embedding…)
        Parsed, ///< the answer is JSON (an object at the path)
        Invalid ///< the answer is not JSON, or has no object at the path
    };
    Status status = Status::NoAnswer;
    /**
     * One value per column, in columns() order: double for numbers with a fraction or an exponent,
     * qlonglong for integers, bool, QString for strings (and compact JSON text for arrays and for objects
     * below maxDepth); an invalid QVariant when the member is absent or null.
     */
    QVariantList values;
    QString error; ///< why the answer did not parse (Invalid), for a person
};

/** Rows by what their answer held, over all rows of joined results. */
struct JsonColumnsCounts
{
    qint64 parsed = 0;
    qint64 invalid = 0;
    qint64 noAnswer = 0;
};

/**
 * Structured answers as table columns: finds the columns once (discover()), then splits each row's answer
 * (extract()). The answer's JSON is the assistant message's content (without a surrounding ```json fence)
 * or, when the message has only tool calls, the first tool call's arguments; for /v1/completions the text.
 *
 * A value type; extract() is const and thread-safe.
 */
class JsonColumns final
{
public:
    JsonColumns() = default;

    /**
     * The columns of joined results: from the JSON schema of the first request that carries one
     * (body.response_format.json_schema.schema, or the parameters of the first tool's function), properties
     * in the schema's order and nested objects as dotted names; otherwise from the members of the first
     * sampleRows answers that parse, in order of first appearance, typed by the values seen. Blocking (reads
     * rows from disk): call it on a worker thread.
     */
    static JsonColumns discover(const JoinedResults &results, const JsonColumnsOptions &options = {},
                                const WorkControl &control = {});
    /** The columns a JSON schema describes (object properties, nested as dotted names), below options.path.
     *  A QJsonObject keeps its members sorted, so the columns come in name order; fromSchemaJson() keeps the
     *  schema's order. Local "$ref"s (#/$defs/…, #/definitions/…) and anyOf/oneOf of one type and null are
     *  followed. */
    static JsonColumns fromSchema(const QJsonObject &schema, const JsonColumnsOptions &options = {});
    /** The same from the schema's JSON text, properties in the order the text lists them. */
    static JsonColumns fromSchemaJson(QByteArrayView schemaJson, const JsonColumnsOptions &options = {});
    /** Why a JsonColumnsOptions::path cannot be used ("a..b", "items[x]"), for a person; empty if usable. */
    static QString pathError(const QString &path);
    /** Answers larger than this (UTF-8 bytes) are Invalid without being parsed. */
    static constexpr qint64 kMaxAnswerBytes = 16 * 1024 * 1024;

    bool isEmpty() const { return m_columns.isEmpty(); }
    const QList<JsonColumn> &columns() const { return m_columns; }
    QStringList names() const;
    /** The columns came from a request's schema (else from sampled answers). */
    bool isFromSchema() const { return m_fromSchema; }
    const JsonColumnsOptions &options() const { return m_options; }

    /** The JSON text of a row's answer (see the class comment); empty when it has none. */
    static QString answerJson(const ResultRow &row);
    /**
     * Splits one row's answer into the columns. values has one entry per column whatever the status (all
     * invalid QVariants unless Parsed). Values keep the JSON type the answer gave them: a string where the
     * schema says number stays a string (the row is still Parsed).
     */
    JsonRowValues extract(const ResultRow &row) const;
    /** extract(), and when Parsed, the object at the path as compact JSON (members in the answer's order) in
     *  *objectJson (cleared otherwise). */
    JsonRowValues extract(const ResultRow &row, QByteArray *objectJson) const;

private:
    QList<JsonColumn> m_columns;
    JsonColumnsOptions m_options;
    bool m_fromSchema = false;
};

/** Counts every row's answer as parsed, invalid or without one. Blocking: a worker thread. */
JsonColumnsCounts countJsonAnswers(const JoinedResults &results, const JsonColumns &columns,
                                   const WorkControl &control = {});

/** A value of JsonRowValues as CSV/display text: numbers in C locale without exponent noise, true/false. */
QString jsonCellText(const QVariant &value);

} // namespace Batchdesk::Results
