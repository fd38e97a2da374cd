package worddiff

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// apply checks that edits turn a into b, run by run, in order, and
// returns how many elements they delete or insert.
func apply[T comparable](t *testing.T, a, b []T, edits []Edit) int {
	t.Helper()
	var got []T
	ai, bi, changed := 0, 0, 0
	for k, e := range edits {
		if e.A0 != ai || e.B0 != bi {
			t.Fatalf("edit %d %+v starts at a[%d], b[%d]; the one before ended at a[%d], b[%d]", k, e, e.A0, e.B0, ai, bi)
		}
		switch e.Op {
		case Equal:
			if e.A1-e.A0 != e.B1-e.B0 || !slices.Equal(a[e.A0:e.A1], b[e.B0:e.B1]) {
				t.Fatalf("edit %d %+v: not equal", k, e)
			}
			got = append(got, b[e.B0:e.B1]...)
		case Delete:
			if e.B0 != e.B1 || e.A1 <= e.A0 {
				t.Fatalf("edit %d %+v: a deletion with no a or some b", k, e)
			}
			changed += e.A1 - e.A0
		case Insert:
			if e.A0 != e.A1 || e.B1 <= e.B0 {
				t.Fatalf("edit %d %+v: an insertion with some a or no b", k, e)
			}
			got = append(got, b[e.B0:e.B1]...)
			changed += e.B1 - e.B0
		}
		if k > 0 && edits[k-1].Op == e.Op {
			t.Fatalf("edits %d and %d are both %v: runs are not merged", k-1, k, e.Op)
		}
		if k > 0 && edits[k-1].Op == Insert && e.Op == Delete {
			t.Fatalf("edit %d: a deletion after an insertion", k)
		}
		ai, bi = e.A1, e.B1
	}
	if ai != len(a) || bi != len(b) || !slices.Equal(got, b) {
		t.Fatalf("the edits end at a[%d], b[%d] of %d, %d, giving %v for %v", ai, bi, len(a), len(b), got, b)
	}
	return changed
}

// lcs is the length of the longest common subsequence, by the textbook
// table: the shortest script deletes and inserts the rest.
func lcs(a, b []byte) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func TestDiffIsShortest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		a := randomBytes(rng, rng.IntN(30), 1+rng.IntN(4))
		b := randomBytes(rng, rng.IntN(30), 1+rng.IntN(4))
		edits := Diff(a, b)
		changed := apply(t, a, b, edits)
		if want := len(a) + len(b) - 2*lcs(a, b); changed != want {
			t.Fatalf("%q → %q: %d changes, the shortest has %d: %+v", a, b, changed, want, edits)
		}
		if again := Diff(a, b); !slices.Equal(again, edits) {
			t.Fatalf("%q → %q: two runs differ", a, b)
		}
	}
}

func randomBytes(rng *rand.Rand, n, letters int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + rng.IntN(letters))
	}
	return b
}

func TestDiffEdges(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"", ""}, {"abc", ""}, {"", "abc"}, {"abc", "abc"}, {"abc", "xyz"}, {"abcd", "abxd"}, {"a", "ba"},
	} {
		apply(t, []byte(c.a), []byte(c.b), Diff([]byte(c.a), []byte(c.b)))
	}
	if got := Diff([]byte("abc"), []byte("abc")); len(got) != 1 || got[0].Op != Equal {
		t.Errorf("equal sequences: %+v", got)
	}
	if got := Diff([]byte{}, []byte{}); len(got) != 0 {
		t.Errorf("empty sequences: %+v", got)
	}
}

// TestDiffBound: two long sequences with nothing in common are compared in
// work bounded by their length times the cap, and the result is still a
// script from one to the other (everything replaced). Without the cap the
// search would take their length squared.
func TestDiffBound(t *testing.T) {
	const n = 20000
	a, b := make([]int, n), make([]int, n)
	for i := range n {
		a[i], b[i] = 2*i, 2*i+1
	}
	for _, maxCost := range []int{10, 100, MaxCost} {
		steps := 0
		start := time.Now()
		edits := diffCapped(a, b, maxCost, &steps)
		took := time.Since(start)
		apply(t, a, b, edits)
		// each distance visits at most 2(d+1) diagonals forward and
		// backward: maxCost² steps at most, far below n·maxCost.
		if bound := 2 * (maxCost + 1) * (maxCost + 1); steps > bound {
			t.Errorf("cap %d: %d steps, more than %d", maxCost, steps, bound)
		}
		t.Logf("cap %d: %d steps in %v", maxCost, steps, took)
	}
	// Changes spread through a long sequence: the search finds them all
	// (the script is the shortest one) in work of the order of the
	// length times the number of changes, which the cap bounds.
	rng := rand.New(rand.NewPCG(3, 4))
	for _, changes := range []int{10, 300, 3000} {
		long := make([]int, n)
		for i := range long {
			long[i] = rng.IntN(1000)
		}
		edited := slices.Clone(long)
		for range changes {
			edited[rng.IntN(n)] = 1000 + rng.IntN(50)
		}
		steps := 0
		edits := diffCapped(long, edited, MaxCost, &steps)
		changed := apply(t, long, edited, edits)
		if changes < MaxCost/2 && changed > 2*changes {
			t.Errorf("%d changes: the script changes %d elements", changes, changed)
		}
		if bound := 4 * 2 * n * min(2*changes, MaxCost); steps > bound {
			t.Errorf("%d changes in %d elements: %d steps, more than %d", changes, n, steps, bound)
		}
		t.Logf("%d changes in %d elements: %d steps, %d elements changed", changes, n, steps, changed)
	}
}

func TestSplit(t *testing.T) {
	for in, want := range map[string]string{
		"In favour (15)":            "In| |favour| |(|15|)",
		"“Israel joins all, (...)”": "“|Israel| |joins| |all|,| |(|.|.|.|)|”",
		"anti-personnel  mines.\n":  "anti-personnel|  |mines|.|\n",
		`a \*b\* &amp; c.`:          `a| |\*b\*| |&amp;| |c|.`,
		"":                          "",
		"Convention's":              "Convention's",
	} {
		got := Split(in)
		if strings.Join(got, "") != in {
			t.Errorf("Split(%q) joined is %q", in, strings.Join(got, ""))
		}
		if g := strings.Join(got, "|"); g != want {
			t.Errorf("Split(%q) = %q, want %q", in, g, want)
		}
	}
}

// show writes an edit script as text: [-deleted-]{+inserted+}.
func show(a, b []string, edits []Edit) string {
	var s strings.Builder
	for _, e := range edits {
		switch e.Op {
		case Equal:
			s.WriteString(strings.Join(b[e.B0:e.B1], ""))
		case Delete:
			s.WriteString("[-" + strings.Join(a[e.A0:e.A1], "") + "-]")
		case Insert:
			s.WriteString("{+" + strings.Join(b[e.B0:e.B1], "") + "+}")
		}
	}
	return s.String()
}

func TestWords(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"In favour (15)", "In favour (14)", "In favour ([-15-]{+14+})"},
		{"the Sixteenth Meeting", "the Seventeenth Meeting", "the [-Sixteenth-]{+Seventeenth+} Meeting"},
		// the spaces and the short word between the changes go with them
		{"the quick brown fox jumps", "the slow red fox jumps", "the [-quick brown-]{+slow red+} fox jumps"},
		{"one two three four", "uno two tres four", "[-one-]{+uno+} two [-three-]{+tres+} four"},
		{"a b c", "x y z", "[-a b c-]{+x y z+}"},
		{"As of 2017, 35 States remain.", "As of 2018, 34 States remain. Sri Lanka acceded.",
			"As of [-2017-]{+2018+}, [-35-]{+34+} States remain.{+ Sri Lanka acceded.+}"},
		{"same text", "same text", "same text"},
	} {
		a, b := Split(c.a), Split(c.b)
		edits := Words(a, b)
		apply(t, a, b, edits)
		if got := show(a, b, edits); got != c.want {
			t.Errorf("%q → %q:\n got %s\nwant %s", c.a, c.b, got, c.want)
		}
	}
}
