#!/bin/sh
# Paired comparison of whole commands: runs `unireport build`, the Typst
# compile and the Pandoc + Chromium pipeline one after the other, N rounds
# (alternating, so a change in machine load hits all three alike), then
# prints each command's median wall time.
# Usage, from the repository root after the preparation in bench/README.md:
#   bench/compare.sh [N]          (N rounds, default 11)
# UNIREPORT names the unireport binary (default /tmp/unireport).
set -eu
n=${1:-11}
ours=${UNIREPORT:-/tmp/unireport}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run() { # NAME COMMAND...: time one whole command, in milliseconds
  name=$1; shift
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "$name failed: $*" >&2; exit 1; }
  echo "$name $(( ($(date +%s%N) - t0) / 1000000 ))" >>"$log"
}

i=0
while [ "$i" -lt "$n" ]; do
  run unireport "$ours" build -out /tmp/ours 2017
  run typst node bench/typst-compile.mjs bench/out/report-2017.typ bench/out/typst-2017.pdf
  run pandoc-chromium bench/pandoc-chromium.sh bench/out/report-2017.md bench/out/pandoc-2017.pdf
  i=$((i + 1))
done

for name in unireport typst pandoc-chromium; do
  grep "^$name " "$log" | cut -d' ' -f2 | sort -n | awk -v name="$name" '
    { t[NR] = $1 }
    END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
          printf "%-16s median %6d ms  (min %d, max %d, %d runs)\n", name, m, t[1], t[NR], NR }'
done
