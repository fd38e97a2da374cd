package linebreak

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// lineOf returns the natural width, stretch and shrink of the line from
// item s to the break b, summed item by item, and whether it holds fill
// glue.
func lineOf(items []Item, s, b int) (nat, y, z float64, fill bool) {
	for _, it := range items[s:b] {
		switch it.Kind {
		case Box:
			nat += it.Width
		case Glue:
			nat += it.Width
			z += it.Shrink
			if math.IsInf(it.Stretch, 1) {
				fill = true
			} else {
				y += it.Stretch
			}
		}
	}
	if items[b].Kind == Penalty {
		nat += items[b].Width
	}
	return
}

// lineStart returns the first item of the line after a break at b: the
// paper's rule, written out again.
func lineStart(items []Item, b int) int {
	if b < 0 {
		return 0
	}
	for i := b + 1; i < len(items); i++ {
		if items[i].Kind == Box || items[i].Kind == Penalty && items[i].Penalty <= ForcedBreak {
			return i
		}
	}
	return len(items)
}

// lineDemerits returns the demerits of a line from s to b, the line number
// line, after a line of fitness prevFit that ended flagged if prevFlag, and
// the line's fitness class; false if the line is not acceptable at tol.
func lineDemerits(items []Item, widths []float64, o Options, s, b, line, prevFit int, prevFlag bool, tol float64, relaxed bool) (float64, int, bool) {
	nat, y, z, fill := lineOf(items, s, b)
	measure := widths[min(line, len(widths)-1)]
	var r float64
	switch {
	case nat == measure:
	case nat < measure && fill:
	case nat < measure && y > 0:
		r = (measure - nat) / y
	case nat < measure:
		r = math.Inf(1)
	case z > 0:
		r = (measure - nat) / z
	default:
		r = math.Inf(-1)
	}
	var bad float64
	switch {
	case r < -1:
		return 0, 0, false
	case r <= tol:
		bad = 100 * math.Pow(math.Abs(r), 3)
	case relaxed && math.IsInf(r, 1) && b > s:
		bad = 100 * tol * tol * tol
	default:
		return 0, 0, false
	}
	it := items[b]
	d := (o.LinePenalty + bad) * (o.LinePenalty + bad)
	if it.Kind == Penalty && it.Penalty > ForcedBreak {
		p := it.Penalty
		if it.Flagged {
			p += o.HyphenPenalty
		}
		if p >= 0 {
			d += p * p
		} else {
			d -= p * p
		}
	}
	flag := it.Kind == Penalty && it.Flagged
	if flag && prevFlag {
		d += o.DoubleHyphenDemerits
	}
	fit := fitness(r)
	if fit-prevFit > 1 || prevFit-fit > 1 {
		d += o.FitnessDemerits
	}
	return d, fit, true
}

// exhaustive returns the least total demerits of all the ways to break
// items with every line acceptable at tol, trying them all: no active
// list, no pruning, states told apart by their true line numbers.
func exhaustive(items []Item, widths []float64, o Options, tol float64, relaxed bool) (float64, bool) {
	var legal []int
	for b, it := range items {
		switch {
		case it.Kind == Glue && b > 0 && items[b-1].Kind == Box,
			it.Kind == Penalty && it.Penalty <= ForcedBreak,
			it.Kind == Penalty && !it.Flagged && it.Penalty < Infinity,
			it.Kind == Penalty && it.Flagged && it.Penalty+o.HyphenPenalty < Infinity:
			legal = append(legal, b)
		}
	}
	type state struct{ pos, lines, fit int }
	best := map[state]float64{{-1, 0, decent}: 0}
	answer, found := math.Inf(1), false
	for _, a := range append([]int{-1}, legal...) {
		for lines := 0; lines <= len(items); lines++ {
			for fit := range nClasses {
				d0, ok := best[state{a, lines, fit}]
				if !ok {
					continue
				}
				if a == len(items)-1 {
					answer, found = min(answer, d0), true
					continue
				}
				s := lineStart(items, a)
				prevFlag := a >= 0 && items[a].Kind == Penalty && items[a].Flagged
				for _, b := range legal {
					if b <= a || b < s {
						continue
					}
					d, f, ok := lineDemerits(items, widths, o, s, b, lines, fit, prevFlag, tol, relaxed)
					if ok {
						k := state{b, lines + 1, f}
						if old, seen := best[k]; !seen || d0+d < old {
							best[k] = d0 + d
						}
					}
					if items[b].Penalty <= ForcedBreak && items[b].Kind == Penalty {
						break // no line passes a forced break
					}
				}
			}
		}
	}
	return answer, found
}

// demeritsOf returns the total demerits of the given breaks, recomputed.
func demeritsOf(t *testing.T, items []Item, widths []float64, o Options, breaks []int, tol float64, relaxed bool) float64 {
	total, fit, flag, prev := 0.0, decent, false, -1
	for line, b := range breaks {
		d, f, ok := lineDemerits(items, widths, o, lineStart(items, prev), b, line, fit, flag, tol, relaxed)
		if !ok {
			t.Fatalf("line %d (to %d) of %v is not acceptable at %v", line, b, breaks, tol)
		}
		total += d
		fit, flag, prev = f, items[b].Kind == Penalty && items[b].Flagged, b
	}
	return total
}

// smallParagraph returns a random paragraph of integer widths, with
// hyphenation points, forbidden and encouraged breaks and hard breaks.
func smallParagraph(r *rand.Rand) []Item {
	var items []Item
	n := 1 + r.IntN(14)
	for i := range n {
		if i > 0 && !items[len(items)-1].forced() {
			switch r.IntN(8) {
			case 0: // a space where no line may end
				items = append(items, NewPenalty(0, Infinity, false))
			case 1: // one where a line should
				items = append(items, NewPenalty(0, -float64(r.IntN(300)), false))
			}
			items = append(items, NewGlue(space, stretch, shrink))
		}
		w := 5 + r.IntN(70)
		if r.IntN(3) == 0 {
			a := 2 + r.IntN(w)
			items = append(items, NewBox(float64(a)), NewPenalty(hyphen, 0, true))
		}
		items = append(items, NewBox(float64(w)))
		if r.IntN(12) == 0 {
			items = Finish(items)
		}
	}
	return Finish(items)
}

// Total fit finds the least demerits that trying every way finds: pruning
// the active list, dropping fitness classes that cannot win and merging
// line numbers past the last width lose nothing.
func TestMatchesExhaustiveSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	counts := map[string]int{}
	for i := range 3000 {
		items := smallParagraph(r)
		widths := make([]float64, 1+r.IntN(3))
		for j := range widths {
			widths[j] = float64(60 + r.IntN(140))
		}
		o := DefaultOptions()
		o.LinePenalty = []float64{10, 0, 100}[r.IntN(3)]
		o.HyphenPenalty = []float64{50, 0, 500, -100}[r.IntN(4)]
		o.DoubleHyphenDemerits = []float64{10000, 0, 3000}[r.IntN(3)]
		o.FitnessDemerits = []float64{10000, 0, 3000}[r.IntN(3)]
		for _, relaxed := range []bool{false, true} {
			tol := o.Tolerance
			if relaxed {
				tol = o.RelaxedTolerance
			}
			p := newParagraph(items, widths, o)
			breaks, got, out := p.totalFit(tol, relaxed)
			ok := out == fitted
			want, wantOK := exhaustive(items, widths, o, tol, relaxed)
			if ok != wantOK {
				t.Fatalf("case %d, relaxed %v: total fit found %v, exhaustive search %v\nitems %+v\nwidths %v", i, relaxed, ok, wantOK, items, widths)
			}
			if !ok {
				counts["infeasible"]++
				continue
			}
			counts["feasible"]++
			if math.Abs(got-want) > 1e-9*max(1, math.Abs(want)) {
				t.Fatalf("case %d, relaxed %v: demerits %v, exhaustive search %v\nitems %+v\nwidths %v\nbreaks %v", i, relaxed, got, want, items, widths, breaks)
			}
			if d := demeritsOf(t, items, widths, o, breaks, tol, relaxed); math.Abs(d-got) > 1e-9*max(1, math.Abs(got)) {
				t.Fatalf("case %d: breaks %v have demerits %v, reported %v", i, breaks, d, got)
			}
		}
	}
	t.Logf("%v", counts)
	if counts["feasible"] < 1000 || counts["infeasible"] < 100 {
		t.Errorf("the cases are not varied enough: %v", counts)
	}
}

// FuzzBreak breaks random item lists: Break never panics, returns an error
// only for a list that does not end with a forced break, and its breaks
// are increasing, at legal items, include every forced break and end at
// the last item; the result is the same twice, and lines of total fit are
// within the tolerance.
func FuzzBreak(f *testing.F) {
	f.Add([]byte{0x81, 100, 0, 30, 0, 1, 6, 0x32, 0, 40, 0})
	f.Add([]byte{0xc2, 50, 80, 0, 200, 0, 1, 6, 0x32, 2, 4, 0, 0, 30, 0})
	f.Add([]byte{0x80, 0})
	f.Add([]byte{0x01, 10, 2, 0, 0, 2, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 {
			return
		}
		head := data[0]
		widths := make([]float64, 1+int(head)%3)
		data = data[1:]
		for i := range widths {
			if len(data) > 0 {
				widths[i] = float64(data[0])
				data = data[1:]
			}
		}
		var items []Item
		for ; len(data) >= 3; data = data[3:] {
			k, a, c := data[0], data[1], data[2]
			switch k % 3 {
			case 0:
				items = append(items, NewBox(float64(a)-float64(k>>7)*float64(a)/2))
			case 1:
				g := NewGlue(float64(a%32), float64(c%16), float64(c>>4))
				if k&0x10 != 0 {
					g.Stretch = math.Inf(1)
				}
				items = append(items, g)
			case 2:
				items = append(items, NewPenalty(float64(a%16), (float64(c)-128)*100, k&0x20 != 0))
			}
		}
		if head&0x80 != 0 {
			items = Finish(items)
		}
		o := DefaultOptions()
		if head&0x40 != 0 {
			o.MaxItems = 16
		}
		res, err := Break(items, widths, o)
		finished := len(items) == 0 || items[len(items)-1].forced()
		if err != nil {
			if finished || !errors.Is(err, ErrNotFinished) {
				t.Fatalf("Break: %v", err)
			}
			return
		}
		if !finished {
			t.Fatal("no error for an unfinished list")
		}
		checkResult(t, items, res)
		again, _ := Break(items, widths, o)
		if !reflect.DeepEqual(res, again) {
			t.Fatalf("two runs differ: %+v, %+v", res, again)
		}
		tol := o.Tolerance
		if res.Method == Relaxed {
			tol = o.RelaxedTolerance
		}
		if res.Method != Greedy && slices.ContainsFunc(res.Ratios, func(r float64) bool { return r > tol }) {
			t.Fatalf("%v lines with ratios %v over %v", res.Method, res.Ratios, tol)
		}
	})
}
