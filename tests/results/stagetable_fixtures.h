#pragma once

// Files of a stage built from a CSV and its answers, for tst_stagetable (raw strings kept out of the moc'd
// file).

#include <QByteArray>

namespace StageFixtures {

inline QByteArray csv()
{
    return "text,response,topic\r\n"
           "\"I love it, really\",orig-1,shoes\r\n"
           "It broke after a day,orig-2,phones\r\n"
           "=cmd fails,orig-3,misc\r\n";
}

inline QByteArray schema()
{
    return R"({"type":"object","properties":{"label":{"type":"string","enum":["positive","negative"]},"score":{"type":"number"}},"required":["label","score"]})";
}

inline QByteArray jsonAnswer(const QByteArray &id, const QByteArray &label, const QByteArray &score)
{
    return R"({"id":"batch_req_)" + id + R"(","custom_id":")" + id
        + R"(","response":{"status_code":200,"body":{"model":"m-1","choices":[{"index":0,"message":{"role":"assistant","content":"{\"label\":\")"
        + label + R"(\",\"score\":)" + score
        + R"(}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":7,"completion_tokens":5}}},"error":null})";
}

inline QByteArray textAnswer(const QByteArray &id, const QByteArray &text)
{
    return R"({"id":"batch_req_)" + id + R"(","custom_id":")" + id
        + R"(","response":{"status_code":200,"body":{"model":"m-1","choices":[{"index":0,"message":{"role":"assistant","content":")"
        + text
        + R"("},"finish_reason":"stop"}],"usage":{"prompt_tokens":7,"completion_tokens":5}}},"error":null})";
}

inline QByteArray failed(const QByteArray &id)
{
    return R"({"id":"batch_req_)" + id + R"(","custom_id":")" + id
        + R"(","response":{"status_code":500,"body":{"error":{"message":"boom","type":"server_error","code":"server_error"}}},"error":null})";
}

} // namespace StageFixtures
