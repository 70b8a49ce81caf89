#!/usr/bin/env bash
# The token and cost estimate (issue 16): Batchdesk's BPE over a 48,000-request file (tests/data/token_sample.jsonl
# repeated 200 times: English, German, Japanese and C++ text), against the validator over the same file and,
# when Node.js is there, against js-tiktoken (the JavaScript port of OpenAI's tokenizer) counting the same texts.
#   bench/run-estimate-bench.sh [build-dir]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build/default}"
cmake --build "$build" --target bench_estimate >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$here/../tests/data/token_sample.jsonl" "$work/estimate.jsonl" <<'PY'
import sys
lines = [l for l in open(sys.argv[1], encoding='utf-8').read().split('\n') if l]
with open(sys.argv[2], 'w', encoding='utf-8') as out:
    for r in range(200):
        for l in lines:
            out.write(l.replace('"custom_id":"tok-', f'"custom_id":"r{r}-') + '\n')
PY
"$build/bench/bench_estimate" "$work/estimate.jsonl"
if command -v node >/dev/null && command -v npm >/dev/null; then
  (cd "$work" && npm install --silent --no-save js-tiktoken@1.0.21 >/dev/null 2>&1 \
     && cp "$here/tokens/count-tiktoken.mjs" . && node count-tiktoken.mjs estimate.jsonl) \
    || echo "js-tiktoken: not installed (no npm registry?)"
fi
