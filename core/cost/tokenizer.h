#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace Batchdesk::Cost {

/** A byte-pair encoding read from a published vocabulary file (tiktoken's "<base64 token> <rank>" lines). */
enum class Encoding {
    O200kBase, ///< GPT-4o, GPT-4.1, GPT-5, o-series, gpt-oss
    Cl100kBase, ///< GPT-4, GPT-3.5, text-embedding-3 and ada-002
};

class BpeEncoding;

/**
 * Counts tokens of text the way a model's tokenizer splits it.
 *
 * Exact counts come from a real BPE (OpenAI's o200k_base and cl100k_base, packaged in the resources as the
 * published .tiktoken files): the text is split by the encoding's pre-tokenizer pattern, then each piece's
 * UTF-8 bytes are merged by rank, as tiktoken does. Llama3Approx approximates Llama 3's tokenizer (whose
 * vocabulary cannot be packaged): Llama 3 splits text with cl100k_base's pattern and keeps cl100k_base's
 * 100,256 tokens, adding 28,000 mostly non-Latin ones, so pieces in Latin script are counted with
 * cl100k_base and other pieces with o200k_base. Its measured error is in docs/cost.md.
 *
 * Not thread-safe (it keeps a cache of counted pieces): one counter per thread. The vocabularies are loaded
 * once per process and shared.
 */
class TokenCounter final
{
public:
    enum class Method { O200k, Cl100k, Llama3Approx };
    explicit TokenCounter(Method method);
    ~TokenCounter();
    TokenCounter(const TokenCounter &) = delete;
    TokenCounter &operator=(const TokenCounter &) = delete;

    Method method() const { return m_method; }
    /** Whether the vocabularies loaded (they are compiled in; false only for a broken build). */
    bool isValid() const;
    qint64 count(QStringView text);
    /** Text without surrogate pairs is split by hand-written code equal to the pattern (several times faster
     *  than the regex); off only to test that equivalence. */
    void setFastPath(bool on) { m_fastPath = on; }

private:
    int countPiece(QStringView piece);
    Method m_method;
    bool m_fastPath = true;
    std::vector<quint8> m_classes; // the character classes of the text being split
    std::shared_ptr<const BpeEncoding> m_primary; // splits the text (its pattern) and counts Latin pieces
    std::shared_ptr<const BpeEncoding> m_secondary; // Llama3Approx: counts the other pieces
    // Counted pieces (words recur): looked up by view, without making a string.
    struct ViewHash
    {
        using is_transparent = void;
        std::size_t operator()(std::u16string_view v) const noexcept
        {
            return std::hash<std::u16string_view>()(v);
        }
    };
    std::unordered_map<std::u16string, int, ViewHash, std::equal_to<>> m_cache;
};

/** The encoding's vocabulary, loaded once (thread-safe); null when the resource is missing. */
std::shared_ptr<const BpeEncoding> bpeEncoding(Encoding encoding);
/** The tokens of one piece's bytes after BPE merges (no pre-tokenizing). */
int bpeTokenCount(const BpeEncoding &encoding, QByteArrayView bytes);

} // namespace Batchdesk::Cost
