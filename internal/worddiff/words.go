package worddiff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Split cuts text into the tokens a word diff compares: runs of white
// space, words, and the punctuation at either end of a word, each mark a
// token of its own, so that "(15)" and "(14)" differ in the number only.
// A word holding a backslash or an ampersand (a Markdown escape or a
// character reference) is kept whole, so that no cut falls inside one.
// The tokens joined give text back.
func Split(text string) []string {
	var out []string
	for len(text) > 0 {
		r, n := utf8.DecodeRuneInString(text)
		space := unicode.IsSpace(r)
		i := n
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) != space {
				break
			}
			i += n
		}
		if space {
			out = append(out, text[:i])
		} else {
			out = appendWord(out, text[:i])
		}
		text = text[i:]
	}
	return out
}

// edgePunct are the marks cut off a word's ends.
const edgePunct = `()[]{},.;:!?"'“”‘’«»…`

// appendWord appends a word, its leading and trailing marks first and
// last, one token each.
func appendWord(out []string, w string) []string {
	if strings.ContainsAny(w, `\&`) {
		return append(out, w)
	}
	var tail []string
	for len(w) > 0 {
		r, n := utf8.DecodeRuneInString(w)
		if !strings.ContainsRune(edgePunct, r) {
			break
		}
		out = append(out, w[:n])
		w = w[n:]
	}
	for len(w) > 0 {
		r, n := utf8.DecodeLastRuneInString(w)
		if !strings.ContainsRune(edgePunct, r) {
			break
		}
		tail = append(tail, w[len(w)-n:])
		w = w[:len(w)-n]
	}
	if w != "" {
		out = append(out, w)
	}
	for i := len(tail) - 1; i >= 0; i-- {
		out = append(out, tail[i])
	}
	return out
}

// Weight is how much a token counts when deciding whether an unchanged
// stretch between two changes is worth showing: a word or a mark counts
// one, white space nothing.
func Weight(token string) int {
	if strings.TrimSpace(token) == "" {
		return 0
	}
	return 1
}

// Words is Diff over tokens, made readable by Tidy.
func Words(a, b []string) []Edit { return Tidy(a, b, Diff(a, b), Weight) }

// absorbFactor: an unchanged stretch is shown as changed when it weighs
// at most a third of the changes on either side of it.
const absorbFactor = 3

// Tidy makes an edit script read as a person would mark it, keeping it a
// script from a to b:
//
//   - A lone insertion or deletion is slid as far right as the tokens
//     allow, so that a sentence added after another reads
//     "remain.{+ Sri Lanka acceded.+}", not "remain{+. Sri Lanka acceded+}.".
//   - An unchanged stretch between two changes that weighs at most a
//     third of the heavier side (deleted or inserted) of the changes on
//     each side of it is shown as deleted and inserted with them: white
//     space between two changed words, or "the" inside a rewritten
//     sentence. (This is diff-match-patch's semantic clean-up, in words.)
//
// Tokens are weighed by weight; the work is linear in the script's length.
func Tidy[T comparable](a, b []T, edits []Edit, weight func(T) int) []Edit {
	edits = slide(a, b, edits)
	wa, wb := make([]int, len(a)), make([]int, len(b))
	for i, t := range a {
		wa[i] = weight(t)
	}
	for j, t := range b {
		wb[j] = weight(t)
	}
	return absorb(edits, wa, wb)
}

// slide moves each insertion or deletion that has no partner and stands
// between unchanged runs as far right as it can go: while its first token
// is the one after it, that token leaves it for the unchanged run before
// and the one after joins it.
func slide[T comparable](a, b []T, edits []Edit) []Edit {
	out := make([]Edit, 0, len(edits)+1)
	for i := 0; i < len(edits); i++ {
		e := edits[i]
		lone := e.Op != Equal && i+1 < len(edits) && edits[i+1].Op == Equal &&
			(len(out) == 0 || out[len(out)-1].Op == Equal)
		if !lone {
			out = append(out, e)
			continue
		}
		next := edits[i+1]
		for next.A0 < next.A1 && (e.Op == Insert && b[e.B0] == b[next.B0] || e.Op == Delete && a[e.A0] == a[next.A0]) {
			if k := len(out) - 1; k >= 0 {
				out[k].A1++
				out[k].B1++
			} else {
				out = append(out, Edit{Equal, 0, 1, 0, 1})
			}
			e.A0, e.A1, e.B0, e.B1 = e.A0+1, e.A1+1, e.B0+1, e.B1+1
			next.A0++
			next.B0++
		}
		out = append(out, e)
		if next.A0 < next.A1 {
			out = append(out, next)
		}
		i++ // next is done
	}
	return out
}

// absorb shows as changed each unchanged run that weighs at most a third
// of the heavier side (deleted or inserted) of the changes before it and
// of the changes after it; wa and wb weigh the elements of the old and the
// new sequence. It makes one pass: the changes before grow with what they
// absorb.
func absorb(edits []Edit, wa, wb []int) []Edit {
	type group struct {
		equal          bool
		a0, a1, b0, b1 int
	}
	// the script as alternating unchanged runs and stretches of changes
	var groups []group
	for _, e := range edits {
		if e.Op == Equal {
			groups = append(groups, group{true, e.A0, e.A1, e.B0, e.B1})
			continue
		}
		if k := len(groups) - 1; k >= 0 && !groups[k].equal {
			groups[k].a1, groups[k].b1 = max(groups[k].a1, e.A1), max(groups[k].b1, e.B1)
			continue
		}
		groups = append(groups, group{false, e.A0, e.A1, e.B0, e.B1})
	}
	sumA, sumB := prefixSums(wa), prefixSums(wb)
	heavier := func(g group) int { return max(sumA[g.a1]-sumA[g.a0], sumB[g.b1]-sumB[g.b0]) }
	var out []group
	for i := 0; i < len(groups); i++ {
		g := groups[i]
		k := len(out) - 1
		if g.equal && k >= 0 && !out[k].equal && i+1 < len(groups) {
			next := groups[i+1]
			w := absorbFactor * (sumA[g.a1] - sumA[g.a0])
			if w <= heavier(out[k]) && w <= heavier(next) {
				out[k].a1, out[k].b1 = next.a1, next.b1
				i++ // the changes after are absorbed too
				continue
			}
		}
		out = append(out, g)
	}
	var res []Edit
	for _, g := range out {
		switch {
		case g.equal:
			res = append(res, Edit{Equal, g.a0, g.a1, g.b0, g.b1})
		default:
			if g.a1 > g.a0 {
				res = append(res, Edit{Delete, g.a0, g.a1, g.b0, g.b0})
			}
			if g.b1 > g.b0 {
				res = append(res, Edit{Insert, g.a1, g.a1, g.b0, g.b1})
			}
		}
	}
	return res
}

// prefixSums returns s with s[i] the sum of w[:i].
func prefixSums(w []int) []int {
	s := make([]int, len(w)+1)
	for i, x := range w {
		s[i+1] = s[i] + x
	}
	return s
}
