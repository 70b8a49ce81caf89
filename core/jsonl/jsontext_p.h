#pragma once

// Small helpers shared by the core's simdjson readers (jsonl/, results/). Private to batchdesk_core: it
// includes simdjson, which the library links privately.

#include <QString>

#include <simdjson.h>

#include <string_view>

namespace Batchdesk::Jsonl::Detail {

inline QString qs(std::string_view sv)
{
    return QString::fromUtf8(sv.data(), qsizetype(sv.size()));
}

/** Text of a message "content": a string, or the "text" parts of an array of content parts joined by
 * separator. */
inline QString contentText(simdjson::ondemand::value content, QChar separator)
{
    namespace ondemand = simdjson::ondemand;
    ondemand::json_type type;
    if (content.type().get(type))
        return {};
    std::string_view s;
    if (type == ondemand::json_type::string)
        return content.get_string().get(s) ? QString() : qs(s);
    if (type != ondemand::json_type::array)
        return {};
    QString out;
    ondemand::array parts;
    if (content.get_array().get(parts))
        return {};
    for (auto partResult : parts) {
        ondemand::object part;
        if (partResult.get_object().get(part))
            continue;
        if (!part.find_field_unordered("text").get_string().get(s)) {
            if (!out.isEmpty())
                out += separator;
            out += qs(s);
        }
    }
    return out;
}

/** Appends s as a JSON string literal (quotes, backslashes and control characters escaped). */
template<typename Out, typename Bytes>
void appendJsonString(Out &out, const Bytes &s)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n"; // the short escapes keep prompts with many lines small
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (u < 0x20) {
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

} // namespace Batchdesk::Jsonl::Detail
