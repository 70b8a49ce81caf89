#include "limitprofile.h"

namespace Batchdesk::Jsonl {

bool LimitProfile::supportsEndpoint(QStringView url) const
{
    return endpoints.contains(url);
}

LimitProfile LimitProfile::deepinfra()
{
    LimitProfile p;
    p.name = QStringLiteral("deepinfra");
    p.displayName = QStringLiteral("DeepInfra");
    p.endpoints = {kChatCompletions, kCompletions, kEmbeddings};
    p.maxInFlight = 100; // "Concurrent batches per user: 100" (api-contract.md §5)
    return p;
}

LimitProfile LimitProfile::openai()
{
    // OpenAI documents the same three numbers for batch input files (see api-contract.md §5).
    LimitProfile p;
    p.name = QStringLiteral("openai");
    p.displayName = QStringLiteral("OpenAI");
    p.endpoints = {kChatCompletions, kCompletions, kEmbeddings};
    // No concurrency limit is documented (creation is capped at 2,000 batches per hour, and the enqueued
    // tokens per model are limited per organisation): 100 at once keeps a large job well inside both.
    p.maxInFlight = 100;
    return p;
}

QList<LimitProfile> LimitProfile::all()
{
    return {deepinfra(), openai()};
}

QStringList LimitProfile::names()
{
    QStringList out;
    for (const auto &p : all())
        out << p.name;
    return out;
}

std::optional<LimitProfile> LimitProfile::byName(QStringView name)
{
    for (const auto &p : all()) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

} // namespace Batchdesk::Jsonl
