#pragma once

// Requests with JSON schemas and structured answers for tst_jsoncolumns (kept out of the Q_OBJECT file: moc
// 6.4.2 skips a class when a raw string literal with a quote shares its file).

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>

namespace JsonFixtures {

// The schema of a classification, properties deliberately not in alphabetical order.
inline QByteArray classificationSchema()
{
    return R"({"type":"object","properties":{"label":{"type":"string"},"confidence":{"type":"number"},"count":{"type":"integer"},"urgent":{"type":"boolean"},"scores":{"type":"object","properties":{"positive":{"type":"number"},"negative":{"type":"number"}}},"tags":{"type":"array","items":{"type":"string"}},"note":{"type":["string","null"]}},"required":["label"],"additionalProperties":false})";
}

// A chat request with response_format json_schema in the {name, strict, schema} wrapper.
inline QByteArray schemaRequest(const QByteArray &id)
{
    return R"({"custom_id":")" + id
        + R"(","method":"POST","url":"/v1/chat/completions","body":{"model":"m-1","messages":[{"role":"user","content":"classify"}],"response_format":{"type":"json_schema","json_schema":{"name":"classification","strict":true,"schema":)"
        + classificationSchema() + R"(}}}})";
}

// A chat request without any schema.
inline QByteArray plainRequest(const QByteArray &id)
{
    return R"({"custom_id":")" + id
        + R"(","method":"POST","url":"/v1/chat/completions","body":{"model":"m-1","messages":[{"role":"user","content":"go"}]}})";
}

// A chat request whose schema is the parameters of a tool.
inline QByteArray toolRequest(const QByteArray &id)
{
    return R"({"custom_id":")" + id
        + R"(","method":"POST","url":"/v1/chat/completions","body":{"model":"m-1","messages":[{"role":"user","content":"go"}],"tools":[{"type":"function","function":{"name":"record","parameters":{"type":"object","properties":{"zeta":{"type":"string"},"alpha":{"anyOf":[{"type":"integer"},{"type":"null"}]}}}}}]}})";
}

// text as a JSON string literal, quotes included.
inline QByteArray jsonString(const QByteArray &text)
{
    const QByteArray array =
        QJsonDocument(QJsonArray {QString::fromUtf8(text)}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

inline QByteArray resultLine(const QByteArray &id, const QByteArray &message)
{
    return R"({"id":"batch_req_)" + id + R"(","custom_id":")" + id
        + R"(","response":{"status_code":200,"request_id":"r","body":{"id":"c","object":"chat.completion","choices":[{"index":0,"message":)"
        + message
        + R"(,"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":5}}},"error":null})";
}

// An assistant answer whose content is `content` (any text, escaped here).
inline QByteArray answer(const QByteArray &id, const QByteArray &content)
{
    return resultLine(id, R"({"role":"assistant","content":)" + jsonString(content) + '}');
}

// A tool-call-only answer: content null, the JSON in the first call's arguments.
inline QByteArray toolAnswer(const QByteArray &id, const QByteArray &arguments)
{
    return resultLine(
        id,
        R"({"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"record","arguments":)"
            + jsonString(arguments)
            + R"(}},{"id":"call_2","type":"function","function":{"name":"other","arguments":"{\"x\":1}"}}]})");
}

inline QByteArray failure(const QByteArray &id)
{
    return R"({"id":"batch_req_)" + id + R"(","custom_id":")" + id
        + R"(","response":{"status_code":500,"body":{"error":{"message":"boom","type":"server_error","code":null}}},"error":null})";
}

// The answers of the schema fixture, by custom_id.
inline QByteArray answerFull()
{
    return R"({"label":"spam","confidence":0.93,"count":3,"urgent":true,"scores":{"positive":0.1,"negative":0.9},"tags":["a","b"],"note":null})";
}
inline QByteArray answerFenced()
{
    return "```json\n"
           R"({"label":"ham","confidence":1e-7,"count":12,"urgent":false,"scores":{"positive":0.75,"negative":0.25},"tags":[],"note":"checked"})"
           "\n```";
}
inline QByteArray answerTool()
{
    return R"({"label":"via tool","confidence":1.5,"count":-4,"urgent":true})";
}
inline QByteArray answerInvalid()
{
    return R"({"label": "x", oops})"; // the 'o' of oops is at offset 15
}
inline QByteArray answerMissingKey()
{
    return R"({"label":"no count","confidence":0.5,"urgent":false})";
}
inline QByteArray answerWrongType()
{
    return R"({"label":"typed wrong","confidence":"high","count":9007199254740993,"urgent":"yes"})";
}

// Sampled answers (no schema): a "result" object, its members in first-appearance order.
inline QByteArray sampleA()
{
    return R"({"result":{"name":"a","n":1,"x":1.5,"ok":true,"mixed":1,"deep":{"k":{"z":1}}},"meta":"m"})";
}
inline QByteArray sampleB()
{
    return R"({"result":{"name":"b","n":2,"x":2,"ok":false,"mixed":"s","extra":"e"},"meta":"n"})";
}
inline QByteArray sampleNoObject()
{
    return R"({"result":"just text","meta":"o"})";
}

// A schema using $defs/$ref, an optional (anyOf with null) member and an array of objects.
inline QByteArray refSchema()
{
    return R"({"$defs":{"Item":{"type":"object","properties":{"sku":{"type":"string"},"qty":{"type":"integer"}}}},"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/$defs/Item"}},"total":{"anyOf":[{"type":"number"},{"type":"null"}]},"owner":{"$ref":"#/$defs/Item"}}})";
}

// A request to the sandbox's echo model, which answers with the user message: `answer` is what comes back.
// With a response_format json_schema of label, score, n, ok and meta.source.
inline QByteArray echoRequest(const QByteArray &id, const QByteArray &answer)
{
    return R"({"custom_id":")" + id
        + R"(","method":"POST","url":"/v1/chat/completions","body":{"model":"sandbox/echo","messages":[{"role":"user","content":)"
        + jsonString(answer)
        + R"(}],"response_format":{"type":"json_schema","json_schema":{"name":"verdict","strict":true,"schema":{"type":"object","properties":{"label":{"type":"string"},"score":{"type":"number"},"n":{"type":"integer"},"ok":{"type":"boolean"},"meta":{"type":"object","properties":{"source":{"type":"string"}}}}}}}}})"
        + '\n';
}

inline QByteArray echoAnswerFull()
{
    return R"({"label":"spam","score":0.5,"n":2,"ok":true,"meta":{"source":"web"}})";
}
inline QByteArray echoAnswerFenced()
{
    return "```json\n"
           R"({"label":"=ham","score":1.25,"n":-3,"ok":false})"
           "\n```";
}

} // namespace JsonFixtures
