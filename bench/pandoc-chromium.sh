#!/bin/sh
# Timed competitor pipeline: Markdown -> self-contained HTML (Pandoc) -> PDF
# (headless Chromium printing to A4), in one command, like `unireport build`.
# Usage: bench/pandoc-chromium.sh IN.md OUT.pdf
# Set CHROMIUM to use another browser binary (default: chromium).
set -eu
[ $# -eq 2 ] || { echo "usage: $0 IN.md OUT.pdf" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pandoc -s --self-contained --css "$here/pandoc-print.css" "$1" -o "$tmp/report.html"
"${CHROMIUM:-chromium}" --headless --no-sandbox --disable-gpu --disable-quic \
  --no-first-run --disable-background-networking --disable-component-update \
  --disable-sync --user-data-dir="$tmp/profile" \
  --no-pdf-header-footer --print-to-pdf="$out" "file://$tmp/report.html" 2>"$tmp/chromium.log" ||
  { cat "$tmp/chromium.log" >&2; exit 1; }
[ -s "$out" ] || { cat "$tmp/chromium.log" >&2; echo "$0: no PDF written" >&2; exit 1; }
