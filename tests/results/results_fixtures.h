#pragma once

// Hand-made input, output and error lines for the results tests (kept out of the Q_OBJECT file: moc 6.4.2
// skips a class when a raw string literal with a quote shares its file).

#include <QByteArray>
#include <QList>
#include <QStringBuilder>

namespace Fixtures {

inline QByteArray request(const QByteArray &id, const QByteArray &text)
{
    return R"({"custom_id":")" + id
        + R"(","method":"POST","url":"/v1/chat/completions","body":{"model":"m-1","messages":[{"role":"system","content":"be brief"},{"role":"user","content":")"
        + text + R"("}]}})";
}

inline QByteArray success(const QByteArray &id, const QByteArray &answer, int in, int out,
                          const QByteArray &finish = "stop")
{
    return R"({"id":"batch_req_)" + id + R"(","custom_id":")" + id
        + R"(","response":{"status_code":200,"request_id":"r","body":{"id":"c","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":")"
        + answer + R"("},"finish_reason":")" + finish + R"("}],"usage":{"prompt_tokens":)"
        + QByteArray::number(in) + R"(,"completion_tokens":)" + QByteArray::number(out)
        + R"(,"total_tokens":)" + QByteArray::number(in + out) + R"(}}},"error":null})";
}

inline QByteArray httpFailure(const QByteArray &id, int status, const QByteArray &code,
                              const QByteArray &message)
{
    return R"({"id":"batch_req_)" + id + R"(","custom_id":")" + id + R"(","response":{"status_code":)"
        + QByteArray::number(status) + R"(,"body":{"error":{"message":")" + message
        + R"(","type":"server_error","code":)" + (code.isEmpty() ? QByteArray("null") : '"' + code + '"')
        + R"(}}},"error":null})";
}

inline QByteArray notRun(const QByteArray &id, const QByteArray &code, const QByteArray &message)
{
    return R"({"id":"batch_req_)" + id + R"(","custom_id":")" + id + R"(","response":null,"error":{"code":")"
        + code + R"(","message":")" + message + R"("}})";
}

inline QByteArray embeddingRequest(const QByteArray &id, const QByteArray &text)
{
    return R"({"custom_id":")" + id
        + R"(","method":"POST","url":"/v1/embeddings","body":{"model":"e-1","input":")" + text + R"("}})";
}

inline QByteArray embedding(const QByteArray &id, const QList<double> &values)
{
    QByteArray v;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            v += ',';
        v += QByteArray::number(values.at(i), 'g', 9);
    }
    return R"({"id":"x","custom_id":")" + id
        + R"(","response":{"status_code":200,"body":{"object":"list","data":[{"object":"embedding","index":0,"embedding":[)"
        + v + R"(]}],"model":"e-1","usage":{"prompt_tokens":3,"total_tokens":3}}},"error":null})";
}

// An assistant answer with only tool calls (content null).
inline QByteArray toolCallOnly(const QByteArray &id)
{
    return R"({"id":"batch_req_)" + id + R"(","custom_id":")" + id
        + R"(","response":{"status_code":200,"body":{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Oslo\"}"}},{"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":9,"completion_tokens":4}}},"error":null})";
}

} // namespace Fixtures
