#!/usr/bin/env bash
# Upload benchmark (issue 3): a 200 MB batch file uploaded to one batchdesk-sandbox, in the same run, by
# `curl -F` (the baseline) and by Batchdesk's client; wall time of each (median of N) with the ratio to curl, the
# peak memory of each client, and the server's peak memory (which must not grow with the file: it streams to disk).
#   bench/run-upload-bench.sh [BUILD_DIR] [RUNS]      (default build/default, 3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build/default}"
runs="${2:-3}"
gen="$build/bench/batchdesk-bench-gen"
client="$build/bench/bench_upload"
sandbox="$build/app/sandbox/batchdesk-sandbox"
for b in "$gen" "$client" "$sandbox"; do [ -x "$b" ] || { echo "build first: missing $b" >&2; exit 2; }; done
data="$here/data"
mkdir -p "$data"
file="$data/chat-200mb.jsonl"
[ -s "$file" ] || "$gen" --bytes 200000000 --endpoint chat --seed 7 -o "$file" >/dev/null
work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM

"$sandbox" --port 0 --print-port --data-dir "$work/data" >"$work/port" 2>"$work/server.log" &
pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port="$(head -n 1 "$work/port")"
url="http://127.0.0.1:$port/v1"
hwm() { awk '/^VmHWM:/ {print $2}' "/proc/$pid/status"; }
server_before=$(hwm)

curl_times=(); curl_mem=0; bd_times=(); bd_mem=0
for ((i = 0; i < runs; i++)); do
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/curl.mem" curl -sS -o "$work/resp.json" -F purpose=batch -F "file=@$file" "$url/files"
  t1=$(date +%s.%N)
  curl_times+=("$(echo "$t1 - $t0" | bc -l)")
  m=$(cat "$work/curl.mem"); (( m > curl_mem )) && curl_mem=$m
  out=$("$client" "$url" "$file")
  bd_times+=("$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$out")")
  m=$(sed -E 's/.*peak_rss_kb=([0-9]+).*/\1/' <<<"$out"); (( m > bd_mem )) && bd_mem=$m
done
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
c=$(median "${curl_times[@]}"); b=$(median "${bd_times[@]}")
printf 'file: %s bytes, %d runs each, median wall time\n' "$(stat -c %s "$file")" "$runs"
printf '%-22s %10s %12s %16s\n' client "time s" "vs curl" "peak RSS MB"
printf '%-22s %10.3f %12s %16.1f\n' "curl -F" "$c" "1.00x" "$(echo "$curl_mem / 1024" | bc -l)"
printf '%-22s %10.3f %11.2fx %16.1f\n' "batchdesk (Qt client)" "$b" "$(echo "$b / $c" | bc -l)" "$(echo "$bd_mem / 1024" | bc -l)"
printf 'server peak RSS: %.1f MB before uploads, %.1f MB after %d uploads of 200 MB\n' \
  "$(echo "$server_before / 1024" | bc -l)" "$(echo "$(hwm) / 1024" | bc -l)" "$((runs * 2))"
