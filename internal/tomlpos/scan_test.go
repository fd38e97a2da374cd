package tomlpos

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// sameAsReference reports every difference between Scan's index of src and
// the old quadratic scanner's.
func sameAsReference(t *testing.T, src string) {
	t.Helper()
	ix, ref := Scan(src), refScan(src)
	if got, want := ix.Paths(), ref.Paths(); !slices.Equal(got, want) {
		t.Errorf("Paths() = %q\nwant %q", got, want)
	}
	for p, want := range ref.keys {
		if got, ok := ix.Key(p); !ok || got != want {
			t.Errorf("Key(%q) = %v %v, want %v", p, got, ok, want)
		}
	}
	for p, want := range ref.values {
		if got, ok := ix.Value(p); !ok || got != want {
			t.Errorf("Value(%q) = %v %v, want %v", p, got, ok, want)
		}
	}
	if got, want := ix.Strings(), ref.Strings(); !slices.Equal(got, want) {
		t.Errorf("Strings() = %v\nwant %v", got, want)
	}
}

func TestScanSameAsBefore(t *testing.T) {
	sameAsReference(t, doc)
	for name, src := range dataFiles(t) {
		t.Run(name, func(t *testing.T) { sameAsReference(t, src) })
	}
}

// checkPositions asserts that every position in ix lies within src: a line
// of src, a column up to one past the line's last character.
func checkPositions(t *testing.T, src string, ix *Index) {
	t.Helper()
	lines := strings.Split(src, "\n")
	inText := func(what string, p Pos) {
		t.Helper()
		if p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > utf8.RuneCountInString(lines[p.Line-1])+1 {
			t.Fatalf("%s at %d:%d: outside the text (%d lines)", what, p.Line, p.Col, len(lines))
		}
	}
	var walk func(n *node)
	walk = func(n *node) {
		if n.hasKey {
			inText("key "+n.path(), n.key)
		}
		if n.hasValue {
			inText("value "+n.path(), n.value)
		}
		for _, c := range n.children {
			walk(c)
		}
		for _, e := range n.elems {
			walk(e)
		}
	}
	walk(&ix.root)
	for _, sp := range ix.Strings() {
		if sp.Start < 0 || sp.Start > sp.End || sp.End > len(src) {
			t.Fatalf("string %s: span %d–%d outside the text (%d bytes)", sp.Path, sp.Start, sp.End, len(src))
		}
		inText("string "+sp.Path, sp.Pos)
	}
}

func TestScanNestedDeeperThanIndexed(t *testing.T) {
	deep := MaxIndexDepth + 10
	src := "a = " + strings.Repeat("[", deep) + `"x"` + strings.Repeat("]", deep) + "\nb = [[\"y\"]] # [[\n"
	ix := Scan(src)
	checkPositions(t, src, ix)
	path := "a" + strings.Repeat("[0]", MaxIndexDepth)
	if p, ok := ix.Value(path); !ok || p != (Pos{1, 5 + MaxIndexDepth}) {
		t.Errorf("Value(a, %d deep) = %v %v, want 1:%d", MaxIndexDepth, p, ok, 5+MaxIndexDepth)
	}
	if p, ok := ix.Value(path + "[0]"); ok {
		t.Errorf("Value(a, %d deep) = %v, want none: deeper than indexed", MaxIndexDepth+1, p)
	}
	if p, ok := ix.Key("b"); !ok || p != (Pos{2, 1}) {
		t.Errorf("Key(b) = %v %v, want 2:1", p, ok)
	}
	if p, ok := ix.Value("b[0][0]"); !ok || p != (Pos{2, 7}) {
		t.Errorf("Value(b[0][0]) = %v %v, want 2:7", p, ok)
	}
	if got := ix.Strings(); len(got) != 1 || got[0].Path != "b[0][0]" {
		t.Errorf("Strings() = %v, want only b[0][0]", got)
	}
}

func TestScanQuotedKeys(t *testing.T) {
	src := "\"é\" = 1\n\"x[1]\" = 2\np.\"q.r\" = 3\n[\"t.u\".v]\nw = \"z\"\n"
	ix := Scan(src)
	for path, want := range map[string]Pos{"é": {1, 1}, "x[1]": {2, 1}, "p.q.r": {3, 1}, "t.u.v": {4, 1}, "t.u.v.w": {5, 1}} {
		if p, ok := ix.Key(path); !ok || p != want {
			t.Errorf("Key(%q) = %v %v, want %v", path, p, ok, want)
		}
	}
	for _, path := range []string{"x", "x[0]", "p", "p.q", "t", "t.u", "é.x", "x[1][0]", "p.q.r.s"} {
		if p, ok := ix.Key(path); ok {
			t.Errorf("Key(%q) = %v, want none", path, p)
		}
	}
	if got, want := ix.Paths(), []string{"é", "x[1]", "p.q.r", "t.u.v", "t.u.v.w"}; !slices.Equal(got, want) {
		t.Errorf("Paths() = %q, want %q", got, want)
	}
}

func TestScanIndexSyntax(t *testing.T) {
	ix := Scan("a = [1, 2]\n")
	for _, path := range []string{"a[01]", "a[+1]", "a[ 1]", "a[1", "a[]", "a[2]", "a[99999999999999999999]", "a.[1]", "a[1]."} {
		if p, ok := ix.Value(path); ok {
			t.Errorf("Value(%q) = %v, want none", path, p)
		}
	}
	if p, ok := ix.Value("a[1]"); !ok || p != (Pos{1, 9}) {
		t.Errorf("Value(a[1]) = %v %v, want 1:9", p, ok)
	}
}
