#!/usr/bin/env bash
# Time from `./foobar up` to all nodes healthy, and the resident memory of every node right then.
# Usage: bench/topology-footprint.sh [runs] [extra ./foobar up options]; prints one line per run and the median.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"; shift || true
cd "$root"
./foobar status >/dev/null 2>&1 && { echo "a topology is already running; ./foobar down first" >&2; exit 1; }

times=(); rss_totals=()
for run in $(seq "$runs"); do
  start=$(date +%s.%N)
  ./foobar up "$@" > /tmp/foobar-footprint-up.log
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc)
  total_kb=0
  per_node=""
  while read -r name pid; do
    kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
    total_kb=$((total_kb + kb))
    per_node+=" $name=$((kb / 1024))M"
  done < <(./foobar status --json | python3 -c 'import json,sys; [print(n["name"], n["pid"]) for n in json.load(sys.stdin)["nodes"]]')
  printf 'run %d: healthy after %.1f s, total RSS %d MiB:%s\n' "$run" "$seconds" $((total_kb / 1024)) "$per_node"
  times+=("$seconds"); rss_totals+=($((total_kb / 1024)))
  ./foobar down > /dev/null
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf 'median of %d runs: healthy after %.1f s, total RSS %d MiB (nproc=%s, %s)\n' "$runs" "$(median "${times[@]}")" \
  "$(median "${rss_totals[@]}")" "$(nproc)" "$(date -u +%F)"
