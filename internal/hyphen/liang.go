package hyphen

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// symDot is the trie symbol of the word boundary '.' in a pattern; symbol 0
// means "no pattern uses this letter", which stops every trie walk.
const symDot = 1

// noValues marks a trie node that ends no pattern while the trie is built.
const noValues = ^uint32(0)

// valEntry is one non-zero hyphenation value of a pattern: val applies to the
// gap off places after the first symbol the pattern matched.
type valEntry struct {
	off uint8
	val uint8
}

// patterns is a parsed TeX pattern file: a trie of Liang patterns, the
// exception list and the hyphen minima. It is immutable once built.
type patterns struct {
	nsym  int            // alphabet size, including 0 (none) and symDot
	ascii [128]uint8     // symbol of each ASCII rune, case folded
	other map[rune]uint8 // symbol of each lower-case non-ASCII rune
	// The trie, its nodes numbered from 0, the root. The root's child by
	// symbol is root[sym]. A node n > 0 with many children has a row of
	// nsym entries, rows[wide[n]*nsym:], by symbol (wide[n] > 0); the
	// children of the others are kids[first[n]:first[n+1]], each its
	// symbol<<16 | its node, in increasing order of symbol. Most nodes
	// have one child or none: this is 160 KB for en-GB's 13,866 nodes,
	// where a full row for each would be 776 KB.
	root     [256]uint16
	first    []uint32
	kids     []uint32
	wide     []uint16
	rows     []uint16
	valLo    []uint32 // values of node n are vals[valLo[n]:valHi[n]]
	valHi    []uint32
	vals     []valEntry
	maxLen   int                // longest pattern, in symbols
	count    int                // number of patterns
	left     int                // lefthyphenmin
	right    int                // righthyphenmin
	except   map[string][]uint8 // lower-case word -> letters before each break
	exMinLen int                // shortest and longest exception word, in letters
	exMaxLen int
}

// symbol returns the trie symbol of the letter r, folding case.
func (p *patterns) symbol(r rune) uint8 {
	if r < utf8.RuneSelf {
		return p.ascii[r]
	}
	if r = unicode.ToLower(r); r < utf8.RuneSelf {
		return p.ascii[r] // e.g. the Kelvin sign folds to k
	}
	return p.other[r]
}

// parsePatterns reads a hyph-utf8 style TeX file: the \patterns{...} block,
// the optional \hyphenation{...} exceptions and the "hyphenmins:
// typesetting:" values of its header (2 and 3 when the header has none).
func parsePatterns(src string) (*patterns, error) {
	p := &patterns{left: 2, right: 3, other: map[rune]uint8{}, except: map[string][]uint8{}}
	if l, r, ok := headerMins(src); ok {
		p.left, p.right = l, r
	}
	toks, ok := texGroup(src, `\patterns`)
	if !ok {
		return nil, errors.New("hyphen: no \\patterns{...} block")
	}
	p.nsym = 2
	// Read the patterns into two arenas first, to learn the alphabet.
	type raw struct{ s0, s1, v0, v1 int32 } // syms[s0:s1], vals[v0:v1]
	var (
		all  = make([]raw, 0, len(toks))
		syms = make([]uint8, 0, 8*len(toks))
		vals = make([]valEntry, 0, 4*len(toks))
	)
	for _, tok := range toks {
		s0, v0 := len(syms), len(vals)
		for _, r := range tok {
			switch {
			case r >= '0' && r <= '9':
				if r != '0' {
					vals = append(vals, valEntry{off: uint8(len(syms) - s0), val: uint8(r - '0')})
				}
			case r == '.':
				syms = append(syms, symDot)
			case unicode.IsLetter(r):
				s, err := p.intern(r)
				if err != nil {
					return nil, err
				}
				syms = append(syms, s)
			default:
				return nil, fmt.Errorf("hyphen: pattern %q: unexpected %q", tok, r)
			}
		}
		if n := len(syms) - s0; n == 0 || n > 250 {
			return nil, fmt.Errorf("hyphen: bad pattern %q", tok)
		}
		all = append(all, raw{int32(s0), int32(len(syms)), int32(v0), int32(len(vals))})
		p.maxLen = max(p.maxLen, len(syms)-s0)
	}

	// Build the trie, a node taking a row of nsym entries in next, then
	// keep it compact (see patterns). Reserve rows for twice as many nodes
	// as patterns (1.6 times for en-GB), to grow rarely. Rows past
	// len(next) are still zero when taken.
	nsym := p.nsym
	next := make([]uint16, nsym, (2*len(all)+1)*nsym)
	p.valLo = make([]uint32, 1, 2*len(all)+1)
	p.valHi = make([]uint32, 1, 2*len(all)+1)
	p.vals = make([]valEntry, 0, len(vals))
	for _, r := range all {
		n := uint16(0)
		for _, s := range syms[r.s0:r.s1] {
			i := int(n)*nsym + int(s)
			if next[i] == 0 {
				if len(p.valLo) > math.MaxUint16 {
					return nil, errors.New("hyphen: too many patterns for the trie")
				}
				next[i] = uint16(len(p.valLo))
				next = slices.Grow(next, nsym)
				next = next[:len(next)+nsym]
				p.valLo = append(p.valLo, noValues)
				p.valHi = append(p.valHi, noValues)
			}
			n = next[i]
		}
		if p.valLo[n] != noValues {
			return nil, fmt.Errorf("hyphen: two patterns for the letters of %q", toks[p.count])
		}
		p.valLo[n] = uint32(len(p.vals))
		p.vals = append(p.vals, vals[r.v0:r.v1]...)
		p.valHi[n] = uint32(len(p.vals))
		p.count++
	}
	for n := range p.valLo {
		if p.valLo[n] == noValues {
			p.valLo[n], p.valHi[n] = 0, 0
		}
	}
	p.compact(next)

	if ex, ok := texGroup(src, `\hyphenation`); ok {
		for _, tok := range ex {
			var word strings.Builder
			var breaks []uint8
			letters := 0
			for _, r := range tok {
				if r == '-' {
					breaks = append(breaks, uint8(letters))
					continue
				}
				if !unicode.IsLetter(r) {
					return nil, fmt.Errorf("hyphen: exception %q: unexpected %q", tok, r)
				}
				word.WriteRune(unicode.ToLower(r))
				letters++
			}
			p.except[word.String()] = breaks
			if p.exMinLen == 0 || letters < p.exMinLen {
				p.exMinLen = letters
			}
			p.exMaxLen = max(p.exMaxLen, letters)
		}
	}
	return p, nil
}

// intern returns the symbol of the pattern letter r, adding it to the
// alphabet (with its upper-case forms for ASCII) if new.
func (p *patterns) intern(r rune) (uint8, error) {
	r = unicode.ToLower(r)
	if s := p.symbol(r); s != 0 {
		return s, nil
	}
	if p.nsym == 255 {
		return 0, errors.New("hyphen: more than 253 pattern letters")
	}
	s := uint8(p.nsym)
	p.nsym++
	if r < utf8.RuneSelf {
		p.ascii[r] = s
		if u := unicode.ToUpper(r); u < utf8.RuneSelf {
			p.ascii[u] = s
		}
	} else {
		p.other[r] = s
	}
	return s, nil
}

// texGroup returns the whitespace-separated tokens between the braces that
// follow cmd (such as \patterns) in the TeX source src, leaving out
// comments: from a % to the end of its line.
func texGroup(src, cmd string) ([]string, bool) {
	open := cmd + "{"
	var toks []string
	in := false
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '%':
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				return nil, false
			}
			i += j + 1
		case !in && c == '\\' && strings.HasPrefix(src[i:], open):
			in = true
			i += len(open)
			toks = make([]string, 0, strings.Count(src[i:], "\n")+1)
		case !in:
			i++
		case c == '}':
			return toks, true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		default:
			j := i
		scan:
			for ; j < len(src); j++ {
				switch src[j] {
				case ' ', '\t', '\n', '\r', '%', '}':
					break scan
				}
			}
			toks = append(toks, src[i:j])
			i = j
		}
	}
	return nil, false
}

// headerMins reads the hyph-utf8 header block
//
//	% hyphenmins:
//	%     typesetting:
//	%         left: 2
//	%         right: 3
//
// and reports the typesetting values.
func headerMins(src string) (left, right int, ok bool) {
	const (
		outside = iota
		inMins
		inTypesetting
	)
	state, minsIndent, tsIndent := outside, 0, 0
	gotL, gotR := false, false
	for line := range strings.Lines(src) {
		if !strings.HasPrefix(line, "%") {
			if strings.TrimSpace(line) != "" {
				break // the header is over
			}
			continue
		}
		text := strings.TrimRight(line[1:], "\r\n")
		trimmed := strings.TrimLeft(text, " ")
		indent := len(text) - len(trimmed)
		if trimmed == "" {
			continue
		}
		if state == inTypesetting && indent <= tsIndent {
			state = inMins
		}
		if state == inMins && indent <= minsIndent {
			state = outside
		}
		key, val, _ := strings.Cut(trimmed, ":")
		val = strings.TrimSpace(val)
		switch {
		case state == outside && key == "hyphenmins":
			state, minsIndent = inMins, indent
		case state == inMins && key == "typesetting":
			state, tsIndent = inTypesetting, indent
		case state == inTypesetting && (key == "left" || key == "right"):
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 || n > 20 {
				return 0, 0, false
			}
			if key == "left" {
				left, gotL = n, true
			} else {
				right, gotR = n, true
			}
		}
	}
	return left, right, gotL && gotR
}

// wideKids is how many children give a node a row of its own (423 of
// en-GB's nodes have as many or more).
const wideKids = 6

// compact keeps the trie whose rows of nsym children are next (see
// patterns).
func (p *patterns) compact(next []uint16) {
	copy(p.root[:], next[:p.nsym])
	nodes := len(next) / p.nsym
	p.first = make([]uint32, nodes+1)
	p.wide = make([]uint16, nodes)
	p.rows = make([]uint16, p.nsym) // row 0 unused: wide[n] == 0 means none
	for n := 1; n < nodes; n++ {
		p.first[n] = uint32(len(p.kids))
		row := next[n*p.nsym : (n+1)*p.nsym]
		kids := 0
		for _, c := range row {
			if c != 0 {
				kids++
			}
		}
		if kids >= wideKids {
			p.wide[n] = uint16(len(p.rows) / p.nsym)
			p.rows = append(p.rows, row...)
			continue
		}
		for s, c := range row {
			if c != 0 {
				p.kids = append(p.kids, uint32(s)<<16|uint32(c))
			}
		}
	}
	p.first[nodes] = uint32(len(p.kids))
	p.kids = slices.Clip(p.kids)
	p.rows = slices.Clip(p.rows)
}

// child returns the child of node n > 0 by the symbol c, 0 for none.
func (p *patterns) child(n uint16, c uint8) uint16 {
	if w := p.wide[n]; w != 0 {
		return p.rows[int(w)*p.nsym+int(c)]
	}
	for _, k := range p.kids[p.first[n]:p.first[n+1]] {
		if s := uint8(k >> 16); s >= c {
			if s == c {
				return uint16(k)
			}
			break
		}
	}
	return 0
}

// levels computes Liang's hyphenation levels of the symbol string sym (which
// starts and ends with symDot) into lev, which must have len(sym)+1 zeroed
// entries: lev[t] is the level of the gap before sym[t].
func (p *patterns) levels(sym []uint8, lev []uint8) {
	for s := range sym {
		if sym[s] == 0 {
			continue
		}
		n := p.root[sym[s]]
		for t := s + 1; n != 0; t++ {
			for _, e := range p.vals[p.valLo[n]:p.valHi[n]] {
				if i := s + int(e.off); e.val > lev[i] {
					lev[i] = e.val
				}
			}
			if t == len(sym) || sym[t] == 0 {
				break
			}
			n = p.child(n, sym[t])
		}
	}
}
