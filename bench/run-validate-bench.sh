#!/usr/bin/env bash
# Validation benchmark (issue 2): wc -l (the floor) vs. Batchdesk's validator vs. jq -c . on the same files,
# in one run, page cache warm. Prints a table with each time as a ratio of wc -l.
#   bench/run-validate-bench.sh [BUILD_DIR]      (default: build/default)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build/default}"
gen="$build/bench/batchdesk-bench-gen"
bench="$build/bench/bench_validate"
data="$here/data"
[ -x "$gen" ] && [ -x "$bench" ] || { echo "build first: cmake --build --preset default" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is needed for the comparison: apt-get install jq" >&2; exit 2; }
mkdir -p "$data"
for mb in 20 200; do
  f="$data/chat-${mb}mb.jsonl"
  [ -s "$f" ] || "$gen" --bytes $((mb * 1000000)) --endpoint chat --seed 7 -o "$f" >/dev/null
done

now() { date +%s.%N; }
# median of N runs of a command, in seconds
median() {
  local n=$1; shift
  local times=()
  for ((i = 0; i < n; i++)); do
    local t0 t1; t0=$(now); "$@" >/dev/null; t1=$(now)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((n + 1) / 2))p"
}

printf 'wall time: median of 7 runs (jq: 1 run); CPU: user+sys per run. Loaded machines inflate the 2-thread\n'
printf 'validator the most; compare the ratios, and the CPU columns when the machine is busy.\n'
printf '%-20s %10s %9s %11s %9s %8s %8s %10s %11s %9s\n' file bytes "wc -l s" "batchdesk s" "jq -c s" "bd/wc" "jq/wc" "wc cpu s" "bd cpu s" "RssAnon+"
for mb in 20 200; do
  f="$data/chat-${mb}mb.jsonl"
  cat "$f" >/dev/null # warm the page cache
  wc_s=$(median 7 wc -l "$f")
  wc_cpu=$( { /usr/bin/time -f "%U %S" wc -l "$f" >/dev/null; } 2>&1 | awk '{print $1 + $2}')
  out=$( { /usr/bin/time -f "cpu=%U+%S" "$bench" "$f" --repeat 7; } 2>&1)
  bd_cpu=$(sed -nE 's/.*cpu=([0-9.]+)\+([0-9.]+).*/\1 \2/p' <<<"$out" | awk '{printf "%.3f", ($1 + $2) / 7}')
  line=$(grep 'lines=' <<<"$out")
  bd_s=$(sed -E 's/.*median_s=([0-9.]+).*/\1/' <<<"$line")
  added=$(sed -E 's/.*added_kb=([0-9]+).*/\1/' <<<"$line")
  jq_s=$(median 1 jq -c . "$f")
  printf '%-20s %10s %9.3f %11.3f %9.3f %7.2fx %7.1fx %10.3f %11.3f %6s MB\n' "$(basename "$f")" \
    "$(stat -c %s "$f")" "$wc_s" "$bd_s" "$jq_s" "$(echo "$bd_s / $wc_s" | bc -l)" "$(echo "$jq_s / $wc_s" | bc -l)" \
    "$wc_cpu" "$bd_cpu" "$((added / 1024))"
done
