#pragma once

namespace Batchdesk::Jsonl {

/**
 * The shape of a provider's batch API (docs/providers.md): OpenAI's Files + Batches (with dialects as data:
 * DeepInfra, Groq, Together, Nebius, Azure, custom), Anthropic's Message Batches (requests inline), Mistral's
 * batch jobs and Gemini's batch mode. A batch file is always written in OpenAI's request-line format; the
 * other families convert it on the way out (core/jsonl/dialectconvert) and their results on the way back.
 */
enum class WireFamily { OpenAI, Anthropic, Mistral, Gemini };

} // namespace Batchdesk::Jsonl
