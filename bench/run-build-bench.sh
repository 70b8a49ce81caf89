#!/usr/bin/env bash
# Build benchmark (issue 6): a 100 MB / 50,000-row CSV (quotes, commas, newlines in cells, non-ASCII) turned
# into chat batch requests by `batchdesk-cli build` and by the same transformation in Python (csv + json
# modules), in the same run. Prints the median wall time of each, the ratio, and peak RSS (/usr/bin/time -v).
#   bench/run-build-bench.sh [BUILD_DIR] [RUNS]      (default: build/default, 3 runs)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build/default}"
runs="${2:-3}"
gen="$build/bench/batchdesk-bench-gen-csv"
cli="$build/app/cli/batchdesk-cli"
data="$here/data"
[ -x "$gen" ] && [ -x "$cli" ] || { echo "build first: cmake --build --preset default" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed for the comparison" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed: apt-get install time" >&2; exit 2; }
mkdir -p "$data"
csv="$data/build-100mb.csv"
[ -s "$csv" ] || "$gen" --rows 50000 --bytes 100000000 -o "$csv" >/dev/null

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# The same work as the CLI line below: read the CSV (BOM, RFC 4180), check the ids are unique and the used
# cells non-empty, render the templates, write one JSON line per row.
cat >"$tmp/build.py" <<'EOF'
import csv, json, sys
src, out = sys.argv[1], sys.argv[2]
seen = set()
with open(src, newline='', encoding='utf-8-sig') as f, open(out, 'w', encoding='utf-8', newline='') as o:
    reader = csv.DictReader(f)
    for n, row in enumerate(reader, 1):
        cid = row['id']
        if not cid or cid in seen:
            sys.exit(f'row {n}: empty or duplicate id')
        seen.add(cid)
        if not row['body'] or not row['title']:
            sys.exit(f'row {n}: empty cell')
        line = {'custom_id': cid, 'method': 'POST', 'url': '/v1/chat/completions',
                'body': {'model': 'm', 'messages': [
                    {'role': 'system', 'content': 'Summarise in ' + row['lang'] + '.'},
                    {'role': 'user', 'content': 'Title: ' + row['title'] + '\n\n' + row['body']}],
                    'temperature': 0.2, 'max_tokens': 256}}
        o.write(json.dumps(line, ensure_ascii=False, separators=(',', ':')))
        o.write('\n')
EOF

bd=("$cli" build --csv "$csv" --endpoint /v1/chat/completions --model m --system 'Summarise in {{lang}}.'
    --user $'Title: {{title}}\n\n{{body}}' --id-column id --param temperature=0.2 --param max_tokens=256
    -o "$tmp/bd.jsonl")
py=(python3 "$tmp/build.py" "$csv" "$tmp/py.jsonl")

# wall seconds and peak RSS (kB) of one run, from GNU time
measure() {
  local log="$tmp/time.log"
  /usr/bin/time -v -o "$log" "$@" >/dev/null
  local wall rss cpu
  wall=$(sed -nE 's/.*Elapsed \(wall clock\) time.*: ([0-9:.]+)$/\1/p' "$log" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+)/\1/p' "$log")
  cpu=$(sed -nE 's/.*(User|System) time \(seconds\): ([0-9.]+)/\2/p' "$log" | awk '{ s += $1 } END { print s }')
  echo "$wall $rss $cpu"
}
median_of() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }

cat "$csv" >/dev/null # warm the page cache
bd_t=(); py_t=(); bd_c=(); py_c=(); bd_rss=0; py_rss=0
# Interleaved, so that a load change on a shared machine hits both sides alike.
for ((i = 0; i < runs; i++)); do
  read -r t r c < <(measure "${bd[@]}"); bd_t+=("$t"); bd_c+=("$c"); ((r > bd_rss)) && bd_rss=$r
  read -r t r c < <(measure "${py[@]}"); py_t+=("$t"); py_c+=("$c"); ((r > py_rss)) && py_rss=$r
done
bd_s=$(median_of "${bd_t[@]}"); bd_cpu=$(median_of "${bd_c[@]}")
py_s=$(median_of "${py_t[@]}"); py_cpu=$(median_of "${py_c[@]}")
# Same requests? Compare the parsed lines of the first and last rows.
same=$(python3 - "$tmp/bd.jsonl" "$tmp/py.jsonl" <<'EOF'
import json, sys
a = open(sys.argv[1], encoding='utf-8').read().splitlines()
b = open(sys.argv[2], encoding='utf-8').read().splitlines()
print('yes' if len(a) == len(b) and all(json.loads(a[i]) == json.loads(b[i]) for i in (0, len(a) // 2, len(a) - 1)) else 'NO')
EOF
)
printf 'CSV: %s (%s bytes, 50,000 rows); output %s bytes; %s runs each, median wall time\n' \
  "$(basename "$csv")" "$(stat -c %s "$csv")" "$(stat -c %s "$tmp/bd.jsonl")" "$runs"
printf 'load average after the runs: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-26s %10s %12s %14s\n' tool "wall s" "cpu s" "peak RSS MB"
printf '%-26s %10.2f %12.2f %14d\n' "batchdesk-cli build" "$bd_s" "$bd_cpu" "$((bd_rss / 1024))"
printf '%-26s %10.2f %12.2f %14d\n' "python3 csv + json" "$py_s" "$py_cpu" "$((py_rss / 1024))"
printf 'ratio Python / Batchdesk: wall %.1fx, cpu %.1fx; same requests: %s\n' "$(echo "$py_s / $bd_s" | bc -l)" \
  "$(echo "$py_cpu / $bd_cpu" | bc -l)" "$same"
