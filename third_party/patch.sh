#!/bin/sh
# Writes third_party/NAME.patch: the difference between the upstream release
# of a module carried here (from the module cache) and third_party/NAME, new
# files included, and checks that the patch turns upstream into
# third_party/NAME exactly, file for file. With -test it then runs
# upstream's own tests on upstream with the patch applied.
#
# Run it from the repository's root after changing a file in
# third_party/NAME:
#
#	third_party/patch.sh fpdf
#	third_party/patch.sh goldmark -test
set -eu
name=${1:?usage: third_party/patch.sh fpdf|goldmark [-test]}
case $name in
fpdf) module=codeberg.org/go-pdf/fpdf release=v0.12.0 ;;
goldmark) module=github.com/yuin/goldmark release=v1.8.7 ;;
*) echo "patch.sh: no module $name here" >&2; exit 2 ;;
esac
test_upstream=${2:-}
go mod download -json "$module@$release" >/dev/null
up=$(go env GOMODCACHE)/$module@$release
cd third_party
ours=$(cd "$name" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
for f in $ours; do
  # Generated tables are single lines of many kilobytes: hunks there carry
  # no context, or each would repeat them.
  context=3
  case $f in *.gen.go) context=0 ;; esac
  if [ -e "$up/$f" ]; then
    diff -U "$context" --label "a/$f" --label "b/$f" "$up/$f" "$name/$f" || true
  else
    diff -u --label "a/$f" --label "b/$f" /dev/null "$name/$f" || true
  fi
done > "$name.patch"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$up/." "$tmp/" && chmod -R u+w "$tmp"
patch -s -p1 -d "$tmp" < "$name.patch"
for f in $(cd "$name" && find . -type f | sed 's|^\./||'); do
  cmp -s "$tmp/$f" "$name/$f" || { echo "$name.patch does not give $name/$f" >&2; exit 1; }
done
echo "$name.patch: $(grep -c '^+++' "$name.patch") files"
if [ "$test_upstream" = -test ]; then
  (cd "$tmp" && GOFLAGS=-mod=mod go test ./... >/dev/null) && echo "$name: upstream's tests pass with the patch"
fi
