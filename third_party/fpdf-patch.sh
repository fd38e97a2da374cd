#!/bin/sh
# Writes fpdf.patch: the difference between upstream fpdf (the release in
# the module cache, below) and third_party/fpdf, new files included, and
# checks that it applies to upstream to give third_party/fpdf exactly.
# Run it from the repository's root after changing third_party/fpdf.
set -eu
release=v0.12.0
go mod download -json "codeberg.org/go-pdf/fpdf@$release" >/dev/null
up=$(go env GOMODCACHE)/codeberg.org/go-pdf/fpdf@$release
cd third_party
{
  for f in $(cd "$up" && ls *.go | grep -v _test.go); do
    diff -u --label "a/$f" --label "b/$f" "$up/$f" "fpdf/$f" || true
  done
  for f in $(cd fpdf && ls *.go); do
    [ -e "$up/$f" ] || diff -u --label "a/$f" --label "b/$f" /dev/null "fpdf/$f" || true
  done
} > fpdf.patch
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$up/." "$tmp/" && chmod -R u+w "$tmp" && rm -f "$tmp"/*_test.go
patch -s -p1 -d "$tmp" < fpdf.patch
for f in fpdf/*.go; do
  cmp -s "$tmp/$(basename "$f")" "$f" || { echo "fpdf.patch does not give $f" >&2; exit 1; }
done
echo "fpdf.patch: $(grep -c '^+++' fpdf.patch) files"
