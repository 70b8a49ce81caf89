#!/usr/bin/env bash
# Results benchmark (issue 5): 50,000 chat requests (~200 MB) joined with a shuffled 50,000-line output, and
# 50,000 embedding requests joined with a 1,024-float-per-line output (~0.5 GB): index + join, time to first
# rows, every row parsed, exports and peak memory (bench_results), beside the same join with Python's json
# module (and jq for the chat join) in the same run. Page cache warm (the files are read once before timing).
#   bench/run-results-bench.sh [BUILD_DIR]      (default: build/default)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build/default}"
gen="$build/bench/batchdesk-bench-gen"
genres="$build/bench/batchdesk-bench-gen-results"
bench="$build/bench/bench_results"
data="$here/data"
[ -x "$gen" ] && [ -x "$genres" ] && [ -x "$bench" ] || { echo "build first" >&2; exit 2; }
mkdir -p "$data"
chat="$data/results-chat-input.jsonl"
[ -s "$chat" ] || "$gen" --bytes 200000000 --endpoint chat --seed 11 -o "$chat" >/dev/null
[ -s "$data/results-chat-output.jsonl" ] || "$genres" --input "$chat" --kind chat \
  --output "$data/results-chat-output.jsonl" --errors "$data/results-chat-errors.jsonl"
emb="$data/results-emb-input.jsonl"
[ -s "$emb" ] || "$genres" --make-embeddings-input 50000 -o "$emb"
[ -s "$data/results-emb-output.jsonl" ] || "$genres" --input "$emb" --kind embeddings \
  --output "$data/results-emb-output.jsonl" --errors "$data/results-emb-errors.jsonl"
cat "$data"/results-*.jsonl >/dev/null # warm the page cache

py_join='
import json, sys, resource, time
t = time.time()
res = {}
for f in sys.argv[2].split(","):
    for line in open(f, encoding="utf-8"):
        if line.strip():
            o = json.loads(line); res[o["custom_id"]] = o
rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        r = json.loads(line); o = res.pop(r["custom_id"], None)
        s = (o or {}).get("response") or {}
        rows.append((r["custom_id"], s.get("status_code")))
rows.extend((k, None) for k in res)
print("python json join: %.3f s, %d rows, peak RSS %.1f MB" % (time.time() - t, len(rows),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
'

for kind in chat emb; do
  in="$data/results-$kind-input.jsonl"
  files="$data/results-$kind-output.jsonl,$data/results-$kind-errors.jsonl"
  echo "== $kind: input $(du -m "$in" | cut -f1) MB, $(wc -l <"$in") lines; output $(du -m "$data/results-$kind-output.jsonl" | cut -f1) MB"
  formats="csv,jsonl,xlsx"
  [ "$kind" = emb ] && formats="npy,csv"
  "$bench" --input "$in" --results "$files" --out "$data/out-$kind" --formats "$formats"
  python3 -c "$py_join" "$in" "$files"
  if [ "$kind" = chat ] && command -v jq >/dev/null; then
    t0=$(date +%s.%N)
    jq -n --slurpfile out "$data/results-chat-output.jsonl" --slurpfile err "$data/results-chat-errors.jsonl" \
      '($out + $err | map({(.custom_id): .response.status_code}) | add) as $m
       | [inputs | {id: .custom_id, s: $m[.custom_id]}] | length' "$in" >/dev/null
    echo "jq join: $(echo "$(date +%s.%N) - $t0" | bc -l | cut -c1-6) s"
  fi
done
