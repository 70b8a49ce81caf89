// Builds the tokenizer sample of tests/data: batch requests whose texts come from this repository (English docs,
// the German and Japanese translations, C++ source), and the exact token counts of their texts under three
// real tokenizers: o200k_base and cl100k_base (js-tiktoken, OpenAI's published vocabularies) and Llama 3's
// (llama3-tokenizer-js). Batchdesk's tests check its own BPE against the first two exactly and its
// approximation for Llama-family models against the third.
//
//   cd bench/tokens && npm install --no-save js-tiktoken@1.0.21 llama3-tokenizer-js@1.2.0
//   node make-token-sample.mjs ../../tests/data/token_sample.jsonl ../../tests/data/token_sample.counts.jsonl
import fs from 'node:fs';
import path from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import llama3 from 'llama3-tokenizer-js';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const [outRequests, outCounts] = process.argv.slice(2);
const enc = { o200k: new Tiktoken(o200k), cl100k: new Tiktoken(cl100k) };

function paragraphs(text) {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length >= 40 && p.length <= 3000);
}
function translations(file) {
  const xml = fs.readFileSync(path.join(repo, file), 'utf8');
  const out = [];
  for (const m of xml.matchAll(/<translation>([^<]{20,})<\/translation>/g))
    out.push(m[1].replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  // Several short UI strings make one paragraph.
  const joined = [];
  for (let i = 0; i + 6 <= out.length; i += 6) joined.push(out.slice(i, i + 6).join(' '));
  return joined;
}
const sources = {
  docs: ['README.md', 'docs/providers.md', 'docs/realtime.md'].flatMap((f) => paragraphs(fs.readFileSync(path.join(repo, f), 'utf8'))),
  de: translations('translations/batchdesk_de.ts'),
  ja: translations('translations/batchdesk_ja.ts'),
  code: ['core/jsonl/validator.cpp', 'core/realtime/pacer.cpp', 'core/results/exporters.cpp']
    .flatMap((f) => paragraphs(fs.readFileSync(path.join(repo, f), 'utf8'))),
};
// A small deterministic generator, so the sample is the same on every run.
let seed = 16;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const kinds = ['docs', 'docs', 'de', 'ja', 'code'];
const requests = [];
const counts = [];
for (let i = 1; i <= 240; ++i) {
  const kind = kinds[rand(kinds.length)];
  const pool = sources[kind];
  const n = 1 + rand(4);
  const parts = [];
  for (let k = 0; k < n; ++k) parts.push(pool[rand(pool.length)]);
  const messages = [];
  if (rand(3) === 0) messages.push({ role: 'system', content: 'You are a careful analyst. Answer in the language of the text.' });
  const user = parts.join('\n\n');
  if (rand(5) === 0)
    messages.push({ role: 'user', content: [{ type: 'text', text: 'Summarise this:' }, { type: 'text', text: user }] });
  else
    messages.push({ role: 'user', content: user });
  const texts = messages.flatMap((m) => (typeof m.content === 'string' ? [m.content] : m.content.map((c) => c.text)));
  const id = `tok-${String(i).padStart(3, '0')}`;
  requests.push({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages, max_tokens: 64 } });
  const row = { custom_id: id, kind, messages: messages.length };
  for (const [name, e] of Object.entries(enc)) row[name] = texts.reduce((s, t) => s + e.encode(t).length, 0);
  row.llama3 = texts.reduce((s, t) => s + llama3.encode(t, { bos: false, eos: false }).length, 0);
  counts.push(row);
}
fs.writeFileSync(outRequests, requests.map((r) => JSON.stringify(r)).join('\n') + '\n');
fs.writeFileSync(outCounts, counts.map((r) => JSON.stringify(r)).join('\n') + '\n');
const total = (k) => counts.reduce((s, r) => s + r[k], 0);
console.log(`${requests.length} requests; o200k ${total('o200k')}, cl100k ${total('cl100k')}, llama3 ${total('llama3')} tokens`);
