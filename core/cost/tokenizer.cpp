#include "tokenizer.h"

#include "common/logging.h"

#include <QFile>
#include <QMutex>
#include <QRegularExpression>

#include <climits>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace Batchdesk::Cost {

/** A vocabulary: token bytes → rank, and the pattern that splits text into the pieces BPE runs on. */
class BpeEncoding final
{
public:
    QRegularExpression pattern;
    QByteArray arena; // every token's bytes, one after the other
    std::unordered_map<std::string_view, int> ranks; // views into arena

    int rank(QByteArrayView bytes) const
    {
        const auto it = ranks.find(std::string_view(bytes.data(), std::size_t(bytes.size())));
        return it == ranks.end() ? INT_MAX : it->second;
    }
};

namespace {

// The pre-tokenizer patterns of the encodings, as tiktoken publishes them.
const char16_t kCl100kPattern[] =
    uR"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
const char16_t kO200kPattern[] =
    uR"([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?)"
    uR"(|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?)"
    uR"(|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

// Pieces longer than this are counted in slices of it: BPE is quadratic in a piece's length, and such pieces
// (a long run of spaces, a base64 blob) are rare and cut into short tokens anyway.
constexpr qsizetype kMaxPieceBytes = 1024;

std::shared_ptr<const BpeEncoding> loadEncoding(const QString &file, const char16_t *pattern)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        qCWarning(lcJsonl) << "tokenizer vocabulary missing:" << file;
        return nullptr;
    }
    const QByteArray text = f.readAll();
    auto encoding = std::make_shared<BpeEncoding>();
    encoding->pattern =
        QRegularExpression(QString::fromUtf16(pattern), QRegularExpression::UseUnicodePropertiesOption);
    encoding->pattern.optimize();
    std::vector<std::pair<qsizetype, int>> tokens; // (end offset in the arena, rank)
    tokens.reserve(210'000);
    encoding->arena.reserve(text.size() * 3 / 4);
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        const QByteArrayView line(text.constData() + pos, end - pos);
        pos = end + 1;
        const qsizetype space = line.indexOf(' ');
        if (space <= 0)
            continue;
        bool ok = false;
        const int rank = line.sliced(space + 1).toInt(&ok);
        const auto decoded = QByteArray::fromBase64Encoding(line.first(space).toByteArray(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!ok || !decoded)
            continue;
        encoding->arena.append(*decoded);
        tokens.emplace_back(encoding->arena.size(), rank);
    }
    encoding->ranks.reserve(tokens.size());
    qsizetype start = 0;
    for (const auto &[end, rank] : tokens) {
        encoding->ranks.emplace(
            std::string_view(encoding->arena.constData() + start, std::size_t(end - start)), rank);
        start = end;
    }
    if (encoding->ranks.size() < 100'000 || !encoding->pattern.isValid()) {
        qCWarning(lcJsonl) << "tokenizer vocabulary unreadable:" << file;
        return nullptr;
    }
    return encoding;
}

bool isLatinPiece(QStringView piece)
{
    for (const QChar c : piece) {
        if (c.unicode() < 0x0370)
            continue;
        switch (c.script()) {
        case QChar::Script_Latin:
        case QChar::Script_Common:
        case QChar::Script_Inherited:
            continue;
        default:
            return false;
        }
    }
    return true;
}

// The pre-tokenizer patterns over ASCII text, without a regex: \p{L} is [A-Za-z], \p{Lu} [A-Z], \p{Ll} [a-z],
// \p{N} [0-9], \s [\t\n\v\f\r ], and no character is Lt, Lm, Lo or M. Each function returns the end of the
// piece that starts at i, with the alternatives tried in the patterns' order (tst_costestimate checks it
// against the regex on random text).
inline bool isLetter(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}
inline bool isUpper(char16_t c)
{
    return c >= u'A' && c <= u'Z';
}
inline bool isLower(char16_t c)
{
    return c >= u'a' && c <= u'z';
}
inline bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}
inline bool isSpace(char16_t c)
{
    return c == u' ' || (c >= u'\t' && c <= u'\r');
}
inline bool isNewline(char16_t c)
{
    return c == u'\r' || c == u'\n';
}
// [^\s\p{L}\p{N}]
inline bool isOther(char16_t c)
{
    return !isSpace(c) && !isLetter(c) && !isDigit(c);
}

// (?i:'s|'t|'re|'ve|'m|'ll|'d) at i: its length, or 0.
qsizetype contraction(const char16_t *s, qsizetype i, qsizetype n)
{
    if (i + 1 >= n || s[i] != u'\'')
        return 0;
    const auto lower = [&](qsizetype k) { return k < n ? char16_t(s[k] | 0x20) : u'\0'; };
    const char16_t a = lower(i + 1);
    if (a == u's' || a == u't' || a == u'm' || a == u'd')
        return 2;
    const char16_t b = lower(i + 2);
    if ((a == u'r' && b == u'e') || (a == u'v' && b == u'e') || (a == u'l' && b == u'l'))
        return 3;
    return 0;
}

// The whitespace alternatives shared by both patterns: \s*[\r\n]+ | \s+(?!\S) | \s+
qsizetype whitespacePiece(const char16_t *s, qsizetype i, qsizetype n)
{
    qsizetype end = i;
    while (end < n && isSpace(s[end]))
        ++end;
    for (qsizetype k = end - 1; k >= i; --k) {
        if (isNewline(s[k]))
            return k + 1;
    }
    if (end == n || end - i == 1)
        return end;
    return end - 1;
}

qsizetype cl100kPiece(const char16_t *s, qsizetype i, qsizetype n)
{
    if (const qsizetype c = contraction(s, i, n))
        return i + c;
    const char16_t c = s[i];
    // [^\r\n\p{L}\p{N}]?\p{L}+
    qsizetype j = i;
    if (!isNewline(c) && !isLetter(c) && !isDigit(c) && i + 1 < n && isLetter(s[i + 1]))
        j = i + 1;
    if (isLetter(s[j])) {
        while (j < n && isLetter(s[j]))
            ++j;
        return j;
    }
    if (isDigit(c)) { // \p{N}{1,3}
        j = i;
        while (j < n && j < i + 3 && isDigit(s[j]))
            ++j;
        return j;
    }
    // ' ?[^\s\p{L}\p{N}]+[\r\n]*'
    j = (c == u' ' && i + 1 < n && isOther(s[i + 1])) ? i + 1 : i;
    if (isOther(s[j])) {
        while (j < n && isOther(s[j]))
            ++j;
        while (j < n && isNewline(s[j]))
            ++j;
        return j;
    }
    return whitespacePiece(s, i, n);
}

qsizetype o200kPiece(const char16_t *s, qsizetype i, qsizetype n)
{
    const char16_t c = s[i];
    // [^\r\n\p{L}\p{N}]?[A-Z]*[a-z]+(?i:'s|…)? | [^\r\n\p{L}\p{N}]?[A-Z]+[a-z]*(?i:'s|…)?
    qsizetype j = i;
    if (!isNewline(c) && !isLetter(c) && !isDigit(c) && i + 1 < n && isLetter(s[i + 1]))
        j = i + 1;
    if (isLetter(s[j])) {
        while (j < n && isUpper(s[j]))
            ++j;
        while (j < n && isLower(s[j]))
            ++j;
        return j + contraction(s, j, n);
    }
    if (isDigit(c)) {
        j = i;
        while (j < n && j < i + 3 && isDigit(s[j]))
            ++j;
        return j;
    }
    // ' ?[^\s\p{L}\p{N}]+[\r\n/]*'
    j = (c == u' ' && i + 1 < n && isOther(s[i + 1])) ? i + 1 : i;
    if (isOther(s[j])) {
        while (j < n && isOther(s[j]))
            ++j;
        while (j < n && (isNewline(s[j]) || s[j] == u'/'))
            ++j;
        return j;
    }
    return whitespacePiece(s, i, n);
}

bool isAscii(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

} // namespace

std::shared_ptr<const BpeEncoding> bpeEncoding(Encoding encoding)
{
    static QMutex mutex;
    static std::shared_ptr<const BpeEncoding> loaded[2];
    static bool tried[2] = {false, false};
    const int i = int(encoding);
    const QMutexLocker lock(&mutex);
    if (!tried[i]) {
        tried[i] = true;
        loaded[i] = encoding == Encoding::O200kBase
            ? loadEncoding(QStringLiteral(":/tokenizers/o200k_base.tiktoken"), kO200kPattern)
            : loadEncoding(QStringLiteral(":/tokenizers/cl100k_base.tiktoken"), kCl100kPattern);
    }
    return loaded[i];
}

int bpeTokenCount(const BpeEncoding &encoding, QByteArrayView bytes)
{
    const qsizetype n = bytes.size();
    if (n <= 1)
        return int(n);
    if (n > kMaxPieceBytes) {
        int total = 0;
        qsizetype pos = 0;
        while (pos < n) {
            qsizetype end = std::min(n, pos + kMaxPieceBytes);
            // Do not cut a UTF-8 sequence: back up to a lead byte.
            while (end < n && end > pos + 1 && (quint8(bytes[end]) & 0xC0) == 0x80)
                --end;
            total += bpeTokenCount(encoding, bytes.sliced(pos, end - pos));
            pos = end;
        }
        return total;
    }
    if (encoding.rank(bytes) != INT_MAX)
        return 1;
    // Tokens are [start[k], start[k + 1]); pairRank[k] is the rank of tokens k and k + 1 merged. Merge the
    // pair of lowest rank (the leftmost on a tie) until no pair is a token, as tiktoken does.
    std::vector<int> start(std::size_t(n) + 1);
    for (qsizetype i = 0; i <= n; ++i)
        start[std::size_t(i)] = int(i);
    auto rankOf = [&](std::size_t k) {
        return encoding.rank(bytes.sliced(start[k], start[k + 2] - start[k]));
    };
    std::vector<int> pairRank(std::size_t(n) - 1);
    for (std::size_t k = 0; k + 1 < std::size_t(n); ++k)
        pairRank[k] = rankOf(k);
    while (!pairRank.empty()) {
        std::size_t best = 0;
        for (std::size_t k = 1; k < pairRank.size(); ++k) {
            if (pairRank[k] < pairRank[best])
                best = k;
        }
        if (pairRank[best] == INT_MAX)
            break;
        start.erase(start.begin() + std::ptrdiff_t(best) + 1);
        pairRank.erase(pairRank.begin() + std::ptrdiff_t(best));
        if (best < pairRank.size())
            pairRank[best] = rankOf(best);
        if (best > 0)
            pairRank[best - 1] = rankOf(best - 1);
    }
    return int(start.size()) - 1;
}

TokenCounter::TokenCounter(Method method)
    : m_method(method)
{
    switch (method) {
    case Method::O200k:
        m_primary = bpeEncoding(Encoding::O200kBase);
        break;
    case Method::Cl100k:
        m_primary = bpeEncoding(Encoding::Cl100kBase);
        break;
    case Method::Llama3Approx:
        m_primary = bpeEncoding(Encoding::Cl100kBase);
        m_secondary = bpeEncoding(Encoding::O200kBase);
        break;
    }
}

TokenCounter::~TokenCounter() = default;

bool TokenCounter::isValid() const
{
    return m_primary && (m_method != Method::Llama3Approx || m_secondary);
}

int TokenCounter::countPiece(QStringView piece)
{
    const std::u16string_view key(reinterpret_cast<const char16_t *>(piece.utf16()),
                                  std::size_t(piece.size()));
    if (const auto it = m_cache.find(key); it != m_cache.end())
        return it->second;
    const BpeEncoding &encoding = m_secondary && !isLatinPiece(piece) ? *m_secondary : *m_primary;
    const int tokens = bpeTokenCount(encoding, piece.toUtf8());
    if (m_cache.size() > 200'000)
        m_cache.clear();
    m_cache.emplace(std::u16string(key), tokens);
    return tokens;
}

qint64 TokenCounter::count(QStringView text)
{
    if (text.isEmpty())
        return 0;
    if (!isValid()) // no vocabulary: about four characters a token
        return (text.size() + 3) / 4;
    if (m_asciiFastPath && isAscii(text)) {
        const auto *s = reinterpret_cast<const char16_t *>(text.utf16());
        const qsizetype n = text.size();
        const bool o200k = m_method == Method::O200k;
        qint64 total = 0;
        for (qsizetype i = 0; i < n;) {
            const qsizetype end = o200k ? o200kPiece(s, i, n) : cl100kPiece(s, i, n);
            total += countPiece(text.sliced(i, end - i));
            i = end;
        }
        return total;
    }
    const QString subject = text.toString();
    qint64 total = 0;
    qsizetype covered = 0;
    auto it = m_primary->pattern.globalMatch(subject);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const qsizetype start = match.capturedStart();
        const qsizetype length = match.capturedLength();
        if (start > covered) // the patterns cover every character; count a gap as its own piece anyway
            total += countPiece(QStringView(subject).sliced(covered, start - covered));
        if (length > 0)
            total += countPiece(QStringView(subject).sliced(start, length));
        covered = start + length;
    }
    if (covered < subject.size())
        total += countPiece(QStringView(subject).sliced(covered));
    return total;
}

} // namespace Batchdesk::Cost
