// Package worddiff finds what changed between two sequences, such as the
// words of two versions of a paragraph: the shortest edit script of Myers'
// O(ND) algorithm, in linear space (E. W. Myers, "An O(ND) difference
// algorithm and its variations", 1986), made readable by absorbing short
// unchanged stretches between changes, as a reader would see them.
//
// Its work is bounded: a search for the middle of an edit script stops
// after MaxCost steps of edit distance, and the part it was searching is
// then given as replaced whole. Two texts that share little are therefore
// compared in time proportional to their length times MaxCost, never
// quadratically without limit. The result depends only on the input.
package worddiff

// Op is what an Edit does.
type Op int8

// The operations of an edit script.
const (
	Equal  Op = iota // the same in both
	Delete           // only in the old sequence
	Insert           // only in the new sequence
)

func (o Op) String() string {
	switch o {
	case Delete:
		return "delete"
	case Insert:
		return "insert"
	}
	return "equal"
}

// Edit is a run of one operation: the elements A[A0:A1] of the old sequence
// and B[B0:B1] of the new. An Equal run has as many of each; a Delete run
// none of B (B0 == B1, where they stood), an Insert run none of A.
type Edit struct {
	Op     Op
	A0, A1 int
	B0, B1 int
}

// MaxCost bounds the edit distance searched for in one step of the
// divide-and-conquer search: past it, the part being compared is reported
// as deleted and inserted whole. A paragraph rewritten beyond that many
// words is shown as a rewrite, which is what it is to a reader.
const MaxCost = 1000

// Diff returns the edit script turning a into b, in order, as runs of one
// operation each; a Delete run comes before the Insert run beside it.
func Diff[T comparable](a, b []T) []Edit {
	return diffCapped(a, b, MaxCost, nil)
}

// diffCapped is Diff with the cap on the edit distance given, counting
// the steps of the search in *steps when steps is not nil (for tests of
// the bound).
func diffCapped[T comparable](a, b []T, maxCost int, steps *int) []Edit {
	d := differ[T]{a: a, b: b, maxCost: max(maxCost, 1), steps: steps}
	d.compare(0, len(a), 0, len(b))
	return runs(d.ops)
}

type differ[T comparable] struct {
	a, b    []T
	maxCost int
	ops     []Op  // one per element, in order
	vf, vb  []int // the furthest points reached, by diagonal, reused between calls
	steps   *int
}

// compare appends the script turning a[a0:a1] into b[b0:b1].
func (d *differ[T]) compare(a0, a1, b0, b1 int) {
	// common prefix and suffix: no search needed
	for a0 < a1 && b0 < b1 && d.a[a0] == d.b[b0] {
		d.ops = append(d.ops, Equal)
		a0++
		b0++
	}
	suffix := 0
	for a0 < a1-suffix && b0 < b1-suffix && d.a[a1-1-suffix] == d.b[b1-1-suffix] {
		suffix++
	}
	a1, b1 = a1-suffix, b1-suffix
	switch {
	case a0 == a1:
		d.insert(b0, b1)
	case b0 == b1:
		d.delete(a0, a1)
	default:
		if x, y, ok := d.middle(a0, a1, b0, b1); ok {
			d.compare(a0, x, b0, y)
			d.compare(x, a1, y, b1)
		} else {
			d.delete(a0, a1)
			d.insert(b0, b1)
		}
	}
	for range suffix {
		d.ops = append(d.ops, Equal)
	}
}

func (d *differ[T]) delete(a0, a1 int) {
	for range a1 - a0 {
		d.ops = append(d.ops, Delete)
	}
}

func (d *differ[T]) insert(b0, b1 int) {
	for range b1 - b0 {
		d.ops = append(d.ops, Insert)
	}
}

// middle finds a point (x, y) on a shortest edit path from (a0, b0) to
// (a1, b1), searching forward from the start and backward from the end
// at once until the two searches overlap (the bisection of
// diff-match-patch, after Myers). It gives up, ok false, when the edit
// distance is beyond maxCost. The sequences have no common prefix or
// suffix and neither is empty.
func (d *differ[T]) middle(a0, a1, b0, b1 int) (x, y int, ok bool) {
	n, m := a1-a0, b1-b0
	maxD := (n + m + 1) / 2
	limit := min(maxD, d.maxCost)
	off, size := limit, 2*limit+2
	if cap(d.vf) < size {
		d.vf, d.vb = make([]int, size), make([]int, size)
	}
	vf, vb := d.vf[:size], d.vb[:size]
	for i := range size {
		vf[i], vb[i] = -1, -1
	}
	vf[off+1], vb[off+1] = 0, 0
	delta := n - m
	front := delta%2 != 0 // the forward search meets the backward one
	var k1start, k1end, k2start, k2end int
	for dist := range limit {
		for k1 := -dist + k1start; k1 <= dist-k1end; k1 += 2 {
			i := off + k1
			var x1 int
			if k1 == -dist || k1 != dist && vf[i-1] < vf[i+1] {
				x1 = vf[i+1]
			} else {
				x1 = vf[i-1] + 1
			}
			y1 := x1 - k1
			from := x1
			for x1 < n && y1 < m && d.a[a0+x1] == d.b[b0+y1] {
				x1++
				y1++
			}
			d.count(1 + x1 - from)
			vf[i] = x1
			switch {
			case x1 > n:
				k1end += 2 // off the right of the grid
			case y1 > m:
				k1start += 2 // off the bottom
			case front:
				if j := off + delta - k1; j >= 0 && j < size && vb[j] != -1 {
					if x1 >= n-vb[j] {
						return a0 + x1, b0 + y1, true
					}
				}
			}
		}
		for k2 := -dist + k2start; k2 <= dist-k2end; k2 += 2 {
			i := off + k2
			var x2 int
			if k2 == -dist || k2 != dist && vb[i-1] < vb[i+1] {
				x2 = vb[i+1]
			} else {
				x2 = vb[i-1] + 1
			}
			y2 := x2 - k2
			from := x2
			for x2 < n && y2 < m && d.a[a1-1-x2] == d.b[b1-1-y2] {
				x2++
				y2++
			}
			d.count(1 + x2 - from)
			vb[i] = x2
			switch {
			case x2 > n:
				k2end += 2
			case y2 > m:
				k2start += 2
			case !front:
				if j := off + delta - k2; j >= 0 && j < size && vf[j] != -1 {
					x1 := vf[j]
					y1 := off + x1 - j
					if x1 >= n-x2 {
						return a0 + x1, b0 + y1, true
					}
				}
			}
		}
	}
	return 0, 0, false
}

// count adds n to the steps counted for tests: a diagonal visited and the
// elements compared along it.
func (d *differ[T]) count(n int) {
	if d.steps != nil {
		*d.steps += n
	}
}

// runs groups the steps into runs of one operation, each Delete run
// before the Insert run beside it.
func runs(ops []Op) []Edit {
	var out []Edit
	aAt, bAt := 0, 0 // where the next step stands in a and in b
	for i := 0; i < len(ops); {
		j := i
		if ops[i] == Equal {
			for j < len(ops) && ops[j] == Equal {
				j++
			}
			n := j - i
			out = append(out, Edit{Equal, aAt, aAt + n, bAt, bAt + n})
			aAt, bAt, i = aAt+n, bAt+n, j
			continue
		}
		// a stretch of changes: its deletions, then its insertions
		dels, ins := 0, 0
		for j < len(ops) && ops[j] != Equal {
			if ops[j] == Delete {
				dels++
			} else {
				ins++
			}
			j++
		}
		if dels > 0 {
			out = append(out, Edit{Delete, aAt, aAt + dels, bAt, bAt})
		}
		if ins > 0 {
			out = append(out, Edit{Insert, aAt + dels, aAt + dels, bAt, bAt + ins})
		}
		aAt, bAt, i = aAt+dels, bAt+ins, j
	}
	return out
}
