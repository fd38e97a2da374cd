package seedtext

import (
	"fmt"
	"strings"
)

// InOrder reports which words of want got carries in the same order: a
// longest common subsequence of the two lists (found[i] tells whether
// want[i] is in it). Words got has in addition, such as a table header
// repeated on each page, a page number or a footnote, do not count
// against it; words of want that got lacks, or carries elsewhere, do.
//
// It takes time in proportion to len(got)·len(want) and memory in
// proportion to their sum (Hirschberg's algorithm), so that two texts of
// the report's size compare in a fraction of a second.
func InOrder(got, want []string) (found []bool) {
	// Words as numbers, so that the inner loop compares integers.
	ids := map[string]int32{}
	num := func(ws []string) []int32 {
		out := make([]int32, len(ws))
		for i, w := range ws {
			id, ok := ids[w]
			if !ok {
				id = int32(len(ids))
				ids[w] = id
			}
			out[i] = id
		}
		return out
	}
	a, b := num(want), num(got)
	found = make([]bool, len(a))
	h := hirschberg{fwd: make([]int32, len(b)+1), bwd: make([]int32, len(b)+1)}
	h.align(a, b, 0, found)
	return found
}

// Share is the share of found words, from 0 to 1 (1 for no words).
func Share(found []bool) float64 {
	if len(found) == 0 {
		return 1
	}
	n := 0
	for _, f := range found {
		if f {
			n++
		}
	}
	return float64(n) / float64(len(found))
}

// Missing describes the runs of want's words that found marks as not
// found, each with a few words around it, at most max runs.
func Missing(want []string, found []bool, max int) []string {
	var out []string
	for i := 0; i < len(want) && len(out) < max; i++ {
		if found[i] {
			continue
		}
		j := i
		for j < len(want) && !found[j] {
			j++
		}
		lo, hi := i-5, j+5
		if lo < 0 {
			lo = 0
		}
		if hi > len(want) {
			hi = len(want)
		}
		out = append(out, fmt.Sprintf("word %d: %s [%s] %s", i+1,
			strings.Join(want[lo:i], " "), strings.Join(want[i:j], " "), strings.Join(want[j:hi], " ")))
		i = j
	}
	return out
}

// hirschberg finds a longest common subsequence with two rows of
// scratch space.
type hirschberg struct{ fwd, bwd []int32 }

// align marks in found (offset by off) the words of a that a longest
// common subsequence of a and b holds.
func (h *hirschberg) align(a, b []int32, off int, found []bool) {
	// Common ends first: cheap, and most of the texts.
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		found[off] = true
		a, b, off = a[1:], b[1:], off+1
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		found[off+len(a)-1] = true
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	switch {
	case len(a) == 0 || len(b) == 0:
		return
	case len(a) == 1:
		for _, x := range b {
			if x == a[0] {
				found[off] = true
				return
			}
		}
		return
	}
	mid := len(a) / 2
	fwd := lcsRow(h.fwd[:len(b)+1], a[:mid], b)
	bwd := lcsRow(h.bwd[:len(b)+1], reversed(a[mid:]), reversed(b))
	// Split b where the two halves together keep the most.
	best, cut := int32(-1), 0
	for j := 0; j <= len(b); j++ {
		if v := fwd[j] + bwd[len(b)-j]; v > best {
			best, cut = v, j
		}
	}
	h.align(a[:mid], b[:cut], off, found)
	h.align(a[mid:], b[cut:], off+mid, found)
}

// lcsRow returns in row, for each prefix b[:j], the length of the
// longest common subsequence of a and it: the last row of the classic
// table, computed row by row in place.
func lcsRow(row []int32, a, b []int32) []int32 {
	for j := range row {
		row[j] = 0
	}
	for _, x := range a {
		diag := int32(0) // row[j-1] of the previous row
		for j, y := range b {
			up := row[j+1]
			if y == x {
				row[j+1] = diag + 1
			} else if row[j] > up {
				row[j+1] = row[j]
			}
			diag = up
		}
	}
	return row
}

// reversed returns a copy of s back to front.
func reversed(s []int32) []int32 {
	out := make([]int32, len(s))
	for i, x := range s {
		out[len(s)-1-i] = x
	}
	return out
}
