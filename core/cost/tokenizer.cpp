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
    uR"([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?:'s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)?)"
    uR"(|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*)"
    uR"((?:'s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)?)"
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

// The pre-tokenizer patterns without a regex, for text without surrogate pairs: each character's class is
// looked up once (QChar::category), then the alternatives are tried in the patterns' order with the same
// backtracking. \s is PCRE2's with Unicode properties: \p{Z}, \h and \v. tst_costestimate checks this against
// the regex on random text of every class.
enum CharClass : quint8 {
    kLetterUpper = 1, // Lu, Lt: o200k's "upper" only
    kLetterLower = 2, // Ll: o200k's "lower" only
    kLetterBoth = 3, // Lm, Lo: both
    kMark = 4, // M: both, and not a letter
    kDigit = 5, // N
    kSpace = 6, // \s other than \r \n
    kNewline = 7, // \r \n
    kOther = 8,
};

CharClass classOf(char16_t c)
{
    if (c < 0x80) {
        if ((c >= u'a' && c <= u'z'))
            return kLetterLower;
        if (c >= u'A' && c <= u'Z')
            return kLetterUpper;
        if (c >= u'0' && c <= u'9')
            return kDigit;
        if (c == u'\r' || c == u'\n')
            return kNewline;
        if (c == u' ' || (c >= u'\t' && c <= u'\f'))
            return kSpace;
        return kOther;
    }
    if (c == 0x85 || c == 0x180E)
        return kSpace;
    switch (QChar::category(char32_t(c))) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Titlecase:
        return kLetterUpper;
    case QChar::Letter_Lowercase:
        return kLetterLower;
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
        return kLetterBoth;
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return kMark;
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
        return kDigit;
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return kSpace;
    default:
        return kOther;
    }
}

struct Classified
{
    const char16_t *s;
    const CharClass *k;
    qsizetype n;

    bool letter(qsizetype i) const { return i < n && k[i] <= kLetterBoth; }
    bool digit(qsizetype i) const { return i < n && k[i] == kDigit; }
    bool space(qsizetype i) const { return i < n && (k[i] == kSpace || k[i] == kNewline); }
    bool newline(qsizetype i) const { return i < n && k[i] == kNewline; }
    // [^\s\p{L}\p{N}]
    bool other(qsizetype i) const { return i < n && (k[i] == kOther || k[i] == kMark); }
    // [^\r\n\p{L}\p{N}]
    bool prefix(qsizetype i) const
    {
        return i < n && k[i] != kNewline && k[i] > kLetterBoth && k[i] != kDigit;
    }
    // o200k's [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}] and [\p{Ll}\p{Lm}\p{Lo}\p{M}]
    bool upperish(qsizetype i) const
    {
        return i < n && (k[i] == kLetterUpper || k[i] == kLetterBoth || k[i] == kMark);
    }
    bool lowerish(qsizetype i) const
    {
        return i < n && (k[i] == kLetterLower || k[i] == kLetterBoth || k[i] == kMark);
    }
    char16_t at(qsizetype i) const { return i < n ? s[i] : u'\0'; }

    // cl100k: (?i:'s|'t|'re|'ve|'m|'ll|'d), where caseless s also matches U+017F (ſ). o200k: the listed
    // cases.
    qsizetype contraction(qsizetype i, bool caseless) const
    {
        if (at(i) != u'\'')
            return 0;
        auto is = [&](qsizetype j, char16_t lower) {
            const char16_t c = at(j);
            return c == lower || c == lower - 32 || (caseless && lower == u's' && c == 0x017F);
        };
        if (is(i + 1, u's') || is(i + 1, u't') || is(i + 1, u'm') || is(i + 1, u'd'))
            return 2;
        if ((is(i + 1, u'r') && is(i + 2, u'e')) || (is(i + 1, u'v') && is(i + 2, u'e'))
            || (is(i + 1, u'l') && is(i + 2, u'l')))
            return 3;
        return 0;
    }

    // \s*[\r\n]+ | \s+(?!\S) | \s+
    qsizetype whitespace(qsizetype i) const
    {
        qsizetype end = i;
        while (space(end))
            ++end;
        for (qsizetype j = end - 1; j >= i; --j) {
            if (newline(j))
                return j + 1;
        }
        if (end == n || end - i == 1)
            return end;
        return end - 1;
    }

    // ' ?[^\s\p{L}\p{N}]+' then the trailing characters: 0 when it does not match at i
    qsizetype punctuation(qsizetype i, bool slash) const
    {
        qsizetype j = (at(i) == u' ' && other(i + 1)) ? i + 1 : i;
        if (!other(j))
            return 0;
        while (other(j))
            ++j;
        while (newline(j) || (slash && at(j) == u'/'))
            ++j;
        return j;
    }

    qsizetype digits(qsizetype i) const
    {
        qsizetype j = i;
        while (j < i + 3 && digit(j))
            ++j;
        return j;
    }

    qsizetype cl100k(qsizetype i) const
    {
        if (const qsizetype c = contraction(i, true))
            return i + c;
        qsizetype j = prefix(i) && letter(i + 1) ? i + 1 : i; // [^\r\n\p{L}\p{N}]?\p{L}+
        if (letter(j)) {
            while (letter(j))
                ++j;
            return j;
        }
        if (digit(i))
            return digits(i);
        if (const qsizetype p = punctuation(i, false))
            return p;
        return whitespace(i);
    }

    // U*L+ at a (greedy U*, giving back one at a time until L+ matches): its end, or 0.
    qsizetype upperThenLower(qsizetype a) const
    {
        qsizetype u = a;
        while (upperish(u))
            ++u;
        for (qsizetype k = u; k >= a; --k) {
            if (lowerish(k)) {
                qsizetype e = k;
                while (lowerish(e))
                    ++e;
                return e;
            }
        }
        return 0;
    }
    // U+L* at a: its end, or 0.
    qsizetype upperAndLower(qsizetype a) const
    {
        if (!upperish(a))
            return 0;
        qsizetype e = a;
        while (upperish(e))
            ++e;
        while (lowerish(e))
            ++e;
        return e;
    }

    qsizetype o200k(qsizetype i) const
    {
        const bool p = prefix(i);
        for (int alternative = 0; alternative < 2; ++alternative) {
            for (const qsizetype start : {p ? i + 1 : i, i}) {
                const qsizetype e = alternative == 0 ? upperThenLower(start) : upperAndLower(start);
                if (e > start)
                    return e + contraction(e, false);
                if (!p)
                    break;
            }
        }
        if (digit(i))
            return digits(i);
        if (const qsizetype q = punctuation(i, true))
            return q;
        return whitespace(i);
    }
};

bool hasSurrogates(QStringView text)
{
    for (const QChar c : text) {
        if (c.isSurrogate())
            return true;
    }
    return false;
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
    if (m_fastPath && !hasSurrogates(text)) {
        m_classes.resize(std::size_t(text.size()));
        for (qsizetype i = 0; i < text.size(); ++i)
            m_classes[std::size_t(i)] = quint8(classOf(text[i].unicode()));
        const Classified c {reinterpret_cast<const char16_t *>(text.utf16()),
                            reinterpret_cast<const CharClass *>(m_classes.data()), text.size()};
        const bool o200k = m_method == Method::O200k;
        qint64 total = 0;
        for (qsizetype i = 0; i < c.n;) {
            const qsizetype end = o200k ? c.o200k(i) : c.cl100k(i);
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
