package linebreak

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// The test paragraphs use a space of 6 units that stretches by 3 and
// shrinks by 2 (half and a third, as TeX's fonts) and a hyphen 4 wide.
const (
	space   = 6
	stretch = 3
	shrink  = 2
	hyphen  = 4
)

// para builds a finished paragraph from a spec: words given as widths,
// separated by spaces; a word written 30-20 has a hyphenation point (a
// flagged penalty with the hyphen's width) between its parts; a "|" is a
// hard line break.
func para(t testing.TB, spec string) []Item {
	t.Helper()
	var items []Item
	for i, w := range strings.Fields(spec) {
		if w == "|" {
			items = Finish(items)
			continue
		}
		if i > 0 && len(items) > 0 && !items[len(items)-1].forced() {
			items = append(items, NewGlue(space, stretch, shrink))
		}
		for j, frag := range strings.Split(w, "-") {
			if j > 0 {
				items = append(items, NewPenalty(hyphen, 0, true))
			}
			x, err := strconv.ParseFloat(frag, 64)
			if err != nil {
				t.Fatalf("spec %q: %v", spec, err)
			}
			items = append(items, NewBox(x))
		}
	}
	return Finish(items)
}

// mustBreak breaks items and fails the test on an error.
func mustBreak(t testing.TB, items []Item, widths []float64, opts Options) Result {
	t.Helper()
	res, err := Break(items, widths, opts)
	if err != nil {
		t.Fatalf("Break: %v", err)
	}
	checkResult(t, items, res)
	return res
}

// checkResult checks what holds of every result: one start and ratio per
// break, increasing breaks at legal places ending at the last item, every
// forced break taken, ratios finite and at least -1, overfull lines only
// from first fit.
func checkResult(t testing.TB, items []Item, res Result) {
	t.Helper()
	if len(items) == 0 {
		if len(res.Breaks) != 0 {
			t.Fatalf("breaks %v for no items", res.Breaks)
		}
		return
	}
	if len(res.Starts) != len(res.Breaks) || len(res.Ratios) != len(res.Breaks) {
		t.Fatalf("%d breaks, %d starts, %d ratios", len(res.Breaks), len(res.Starts), len(res.Ratios))
	}
	if n := len(res.Breaks); n == 0 || res.Breaks[n-1] != len(items)-1 {
		t.Fatalf("breaks %v do not end at the last item %d", res.Breaks, len(items)-1)
	}
	taken := make(map[int]bool)
	prev := -1
	for i, b := range res.Breaks {
		if b <= prev {
			t.Fatalf("breaks not increasing: %v", res.Breaks)
		}
		prev = b
		taken[b] = true
		it := items[b]
		legal := it.Kind == Glue && b > 0 && items[b-1].Kind == Box || it.Kind == Penalty && it.Penalty < Infinity
		if !legal {
			t.Fatalf("break %d at item %d (%+v) is not a legal break", i, b, it)
		}
		if s := res.Starts[i]; s > b || i > 0 && s <= res.Breaks[i-1] {
			t.Fatalf("line %d starts at %d, ends at %d (breaks %v)", i, s, b, res.Breaks)
		}
		if r := res.Ratios[i]; math.IsNaN(r) || math.IsInf(r, 0) || r < -1 {
			t.Fatalf("line %d has ratio %v", i, r)
		}
	}
	for i, it := range items {
		if it.forced() && !taken[i] {
			t.Fatalf("forced break at %d not taken (breaks %v)", i, res.Breaks)
		}
	}
	if len(res.Overfull) > 0 && res.Method != Greedy {
		t.Fatalf("overfull lines %v from %v", res.Overfull, res.Method)
	}
	for _, l := range res.Overfull {
		if res.Ratios[l] != -1 {
			t.Fatalf("overfull line %d has ratio %v", l, res.Ratios[l])
		}
	}
}

// lineWidth returns the natural width of line i of res.
func lineWidth(items []Item, res Result, i int) float64 {
	w := 0.0
	for j := res.Starts[i]; j < res.Breaks[i]; j++ {
		if items[j].Kind != Penalty {
			w += items[j].Width
		}
	}
	if it := items[res.Breaks[i]]; it.Kind == Penalty {
		w += it.Width
	}
	return w
}

// maxRatio returns the largest ratio of the lines but the last.
func maxRatio(res Result) float64 {
	m := 0.0
	for _, r := range res.Ratios[:len(res.Ratios)-1] {
		m = max(m, r)
	}
	return m
}

// flaggedBreaks returns the numbers of the lines that end at a hyphen.
func flaggedBreaks(items []Item, res Result) []int {
	var ls []int
	for i, b := range res.Breaks {
		if items[b].Flagged {
			ls = append(ls, i)
		}
	}
	return ls
}
