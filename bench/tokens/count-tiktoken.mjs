// The baseline of bench/run-estimate-bench.sh: counts the message texts of every request of a batch file with
// js-tiktoken (o200k_base), the JavaScript port of OpenAI's tokenizer, on one core.
//   node count-tiktoken.mjs FILE
import fs from 'node:fs';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';

const enc = new Tiktoken(o200k);
const start = process.hrtime.bigint();
let tokens = 0;
let requests = 0;
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const body = JSON.parse(line).body;
  for (const m of body.messages ?? []) {
    const parts = typeof m.content === 'string' ? [m.content] : (m.content ?? []).map((p) => p.text ?? '');
    for (const t of parts) tokens += enc.encode(t).length;
  }
  ++requests;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`js-tiktoken o200k: ${seconds.toFixed(3)} s for ${requests} requests, ${tokens} text tokens`);
