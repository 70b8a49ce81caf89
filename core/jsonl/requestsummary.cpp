#include "requestsummary.h"

#include "jsontext_p.h"

#include <simdjson.h>

#include <memory>
#include <string>
#include <string_view>

namespace Batchdesk::Jsonl {

namespace ondemand = simdjson::ondemand;
using Detail::appendJsonString;
using Detail::contentText;
using Detail::qs;

namespace {

QString oneLine(QString text, int maxChars)
{
    text = text.simplified();
    if (text.size() > maxChars)
        text = text.left(maxChars - 1) + QChar(0x2026);
    return text;
}

} // namespace

RequestSummary summarizeRequest(QByteArrayView line, int previewChars)
{
    RequestSummary summary;
    thread_local ondemand::parser parser;
    const simdjson::padded_string padded(line.data(), std::size_t(line.size()));
    ondemand::document doc;
    if (parser.iterate(padded).get(doc))
        return summary;
    ondemand::object root;
    if (doc.get_object().get(root))
        return summary;
    summary.valid = true;
    for (auto fieldResult : root) {
        ondemand::field field;
        if (std::move(fieldResult).get(field))
            break;
        std::string_view key;
        if (field.unescaped_key().get(key))
            break;
        std::string_view s;
        if (key == "custom_id") {
            if (!field.value().get_string().get(s))
                summary.customId = qs(s);
        } else if (key == "method") {
            if (!field.value().get_string().get(s))
                summary.method = qs(s);
        } else if (key == "url") {
            if (!field.value().get_string().get(s))
                summary.url = qs(s);
        } else if (key == "body") {
            ondemand::object body;
            if (field.value().get_object().get(body))
                continue;
            for (auto bodyFieldResult : body) {
                ondemand::field bf;
                if (std::move(bodyFieldResult).get(bf))
                    break;
                std::string_view bkey;
                if (bf.unescaped_key().get(bkey))
                    break;
                if (bkey == "model") {
                    if (!bf.value().get_string().get(s))
                        summary.model = qs(s);
                } else if (bkey == "messages") {
                    ondemand::array messages;
                    if (bf.value().get_array().get(messages))
                        continue;
                    QString lastUser;
                    QString last;
                    for (auto messageResult : messages) {
                        ondemand::object message;
                        if (messageResult.get_object().get(message))
                            continue;
                        QString role;
                        QString text;
                        for (auto mfResult : message) {
                            ondemand::field mf;
                            if (std::move(mfResult).get(mf))
                                break;
                            std::string_view mkey;
                            if (mf.unescaped_key().get(mkey))
                                break;
                            if (mkey == "role") {
                                if (!mf.value().get_string().get(s))
                                    role = qs(s);
                            } else if (mkey == "content") {
                                text = contentText(mf.value(), u' ');
                            }
                        }
                        if (role == QLatin1StringView("user"))
                            lastUser = text;
                        last = text;
                    }
                    summary.preview = oneLine(lastUser.isEmpty() ? last : lastUser, previewChars);
                } else if (bkey == "prompt") {
                    ondemand::value v = bf.value();
                    if (!v.get_string().get(s)) {
                        summary.preview = oneLine(qs(s), previewChars);
                    } else {
                        ondemand::array prompts;
                        if (!bf.value().get_array().get(prompts)) {
                            for (auto p : prompts) {
                                if (!p.get_string().get(s)) {
                                    summary.preview = oneLine(qs(s), previewChars);
                                    break;
                                }
                            }
                        }
                    }
                } else if (bkey == "input") {
                    ondemand::value v = bf.value();
                    ondemand::json_type t;
                    if (v.type().get(t))
                        continue;
                    if (t == ondemand::json_type::string) {
                        if (!v.get_string().get(s)) {
                            summary.preview = oneLine(qs(s), previewChars);
                            summary.embeddingInputs = 1;
                        }
                    } else if (t == ondemand::json_type::array) {
                        ondemand::array inputs;
                        if (v.get_array().get(inputs))
                            continue;
                        qint64 n = 0;
                        bool numbers = true;
                        QString first;
                        for (auto element : inputs) {
                            ++n;
                            ondemand::json_type et;
                            if (element.type().get(et))
                                break;
                            if (et == ondemand::json_type::object) {
                                // A Responses input item or a moderation text/image_url input.
                                numbers = false;
                                ondemand::object item;
                                if (!first.isEmpty() || element.get_object().get(item))
                                    continue;
                                for (auto itemField : item) {
                                    ondemand::field f;
                                    std::string_view k;
                                    if (std::move(itemField).get(f) || f.unescaped_key().get(k))
                                        break;
                                    if (k == "content")
                                        first = contentText(f.value(), u' ');
                                    else if (k == "text" && !f.value().get_string().get(s))
                                        first = qs(s);
                                }
                            } else if (first.isEmpty() && !element.get_string().get(s)) {
                                first = qs(s);
                                numbers = false;
                            } else {
                                ondemand::json_type et;
                                if (!element.type().get(et) && et != ondemand::json_type::number)
                                    numbers = false;
                            }
                        }
                        summary.embeddingInputs = numbers && n > 0 ? 1 : n;
                        summary.preview =
                            oneLine(n > 1 ? QStringLiteral("[%1] ").arg(n) + first : first, previewChars);
                    }
                }
            }
        }
    }
    return summary;
}

namespace {

// Writes a value with two-space indentation, keeping the key order and the exact text of every scalar.
simdjson::error_code pretty(ondemand::value value, int depth, std::string &out)
{
    ondemand::json_type type;
    if (auto e = value.type().get(type))
        return e;
    const auto indent = [&out](int d) { out.append(std::size_t(d) * 2, ' '); };
    if (type == ondemand::json_type::object) {
        ondemand::object object;
        if (auto e = value.get_object().get(object))
            return e;
        bool first = true;
        out += '{';
        for (auto fieldResult : object) {
            ondemand::field field;
            if (auto e = std::move(fieldResult).get(field))
                return e;
            out += first ? "\n" : ",\n";
            first = false;
            indent(depth + 1);
            std::string_view key;
            if (auto e = field.unescaped_key().get(key))
                return e;
            appendJsonString(out, key);
            out += ": ";
            if (auto e = pretty(field.value(), depth + 1, out))
                return e;
        }
        if (!first) {
            out += '\n';
            indent(depth);
        }
        out += '}';
        return simdjson::SUCCESS;
    }
    if (type == ondemand::json_type::array) {
        ondemand::array array;
        if (auto e = value.get_array().get(array))
            return e;
        bool first = true;
        out += '[';
        for (auto elementResult : array) {
            ondemand::value element;
            if (auto e = elementResult.get(element))
                return e;
            out += first ? "\n" : ",\n";
            first = false;
            indent(depth + 1);
            if (auto e = pretty(element, depth + 1, out))
                return e;
        }
        if (!first) {
            out += '\n';
            indent(depth);
        }
        out += ']';
        return simdjson::SUCCESS;
    }
    std::string_view token = value.raw_json_token();
    while (!token.empty()
           && (token.back() == ' ' || token.back() == '\t' || token.back() == '\r' || token.back() == '\n'))
        token.remove_suffix(1);
    out += token;
    return simdjson::SUCCESS;
}

} // namespace

QString prettyJson(QByteArrayView line)
{
    const QString raw = QString::fromUtf8(line.data(), line.size());
    thread_local ondemand::parser parser;
    const simdjson::padded_string padded(line.data(), std::size_t(line.size()));
    ondemand::document doc;
    if (parser.iterate(padded).get(doc))
        return raw;
    ondemand::json_type type;
    if (doc.type().get(type) || (type != ondemand::json_type::object && type != ondemand::json_type::array))
        return raw;
    ondemand::value root;
    if (doc.get_value().get(root))
        return raw;
    std::string out;
    out.reserve(std::size_t(line.size()) * 2);
    if (pretty(root, 0, out))
        return raw;
    return QString::fromStdString(out);
}

} // namespace Batchdesk::Jsonl
