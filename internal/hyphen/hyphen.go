// Package hyphen tells where a word may be hyphenated, for the PDF
// typesetter's line breaking and table autofit.
//
// It implements Frank Liang's algorithm, as TeX does, over the TeX
// hyphenation patterns for British English (hyph-en-gb.tex, "ukhyphen" by
// Dominik Wujastyk and Graham Toal, from hyph-utf8 / TeX Live), which are
// embedded in the binary together with their exception list, and compiled
// into a trie (patterns/hyph-en-gb.trie, see compiled.go); see
// patterns/README.md for their source and licence. The patterns are read
// once, on first use, and a Hyphenator is then read-only: it is safe for
// concurrent use and needs no network or file access.
package hyphen

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed patterns/hyph-en-gb.tex
var enGBSource string

// enGBCompiled is enGBSource's trie (see compiled.go).
//
//go:embed patterns/hyph-en-gb.trie
var enGBCompiled []byte

// minWordLetters is the shortest word (in letters) that is hyphenated.
const minWordLetters = 5

// Hyphenator finds hyphenation points with one language's patterns. Its
// methods are safe for concurrent use.
type Hyphenator struct {
	tag      string
	src      *string // the TeX file, parsed when there is no compiled trie
	compiled []byte  // its trie, compiled
	once     sync.Once
	pats     *patterns
}

var enGB = &Hyphenator{tag: "en-GB", src: &enGBSource, compiled: enGBCompiled}

// ForLanguage returns the hyphenator for a BCP 47 language tag (case and '-'
// or '_' separators do not matter). English in any variant ("en", "en-GB",
// "en-US", …) gets the British English patterns, the report's house style;
// any other language gives nil, false, and the caller then does not
// hyphenate. It is cheap: the patterns are parsed on the first Points call.
func ForLanguage(tag string) (*Hyphenator, bool) {
	primary, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	if strings.EqualFold(primary, "en") {
		return enGB, true
	}
	return nil, false
}

// Tag returns the language tag of the patterns h uses, such as "en-GB".
func (h *Hyphenator) Tag() string { return h.tag }

// MinLeft returns the fewest letters h leaves before the first hyphenation
// point of a word: TeX's \lefthyphenmin as the pattern file gives it (2 for
// en-GB).
func (h *Hyphenator) MinLeft() int { return h.load().left }

// MinRight returns the fewest letters h leaves after the last hyphenation
// point of a word: TeX's \righthyphenmin as the pattern file gives it (3 for
// en-GB).
func (h *Hyphenator) MinRight() int { return h.load().right }

// Prepare reads the patterns now, once per process, rather than at the
// first word: a program can do it while it does other work.
func (h *Hyphenator) Prepare() { h.load() }

// load reads the patterns on first use.
func (h *Hyphenator) load() *patterns {
	h.once.Do(func() {
		var p *patterns
		var err error
		if h.compiled != nil {
			p, err = unmarshalPatterns(h.compiled)
		} else {
			p, err = parsePatterns(*h.src)
		}
		if err != nil {
			// The embedded file is tested; this cannot happen in a build
			// that passed its tests.
			panic(err)
		}
		h.pats = p
	})
	return h.pats
}

// maxLetters is the longest word hyphenated without heap buffers.
const maxLetters = 64

// Points returns the byte offsets inside word where a line may be broken,
// in increasing order, or nil. At an offset i, the line would end with
// word[:i] and the next line start with word[i:].
//
// For an ordinary word these are hyphenation points: the typesetter adds a
// hyphen at the end of the line. They come from the patterns (or the
// file's exception list), honouring the file's hyphen minima (at least 2
// letters before the first point and 3 after the last for en-GB).
//
// A word that already holds a hyphen ('-' or U+2010) or a soft hyphen
// (U+00AD) is not hyphenated by the patterns: its points are the offsets
// just after each of those characters, so "anti-personnel" gives [5]
// ("anti-|personnel"). After a '-' or U+2010 the typesetter adds nothing;
// after a soft hyphen, which is invisible elsewhere, it shows a hyphen.
// These points too keep the minima of letters on each side.
//
// Leading and trailing punctuation (quotes, brackets, commas, full stops,
// “ ” ‘ ’, …) is left outside: only the letters between are hyphenated.
// An apostrophe inside ("Convention’s") splits the word into parts that
// are hyphenated separately. Points returns nil for a word of fewer than 5
// letters; with a digit; in capitals only ("UNGA") or with a capital after
// its first letter ("RevCon"); that looks like a URL, an e-mail address or a
// path (it contains "://", "@", "/", "\" or "www."); with a non-breaking
// hyphen (U+2011); with letters outside the Latin script or any other
// character between its letters (including combining marks: pass text in
// NFC). Matching ignores case; letters that no pattern uses (such as é for
// en-GB) are kept but no pattern matches across them.
//
// Points is deterministic. For words of up to 64 letters it allocates
// nothing but its result (nothing when that is nil). A nil h returns nil.
func (h *Hyphenator) Points(word string) []int {
	if h == nil || len(word) < minWordLetters {
		return nil
	}
	if strings.Contains(word, "://") || strings.ContainsAny(word, "@/\\") || containsFold(word, "www.") {
		return nil
	}
	// Find the letters' span; any decimal digit rejects the word.
	first, end := -1, 0
	for i, r := range word {
		if unicode.IsDigit(r) {
			return nil
		}
		if isLetter(r) {
			if first < 0 {
				first = i
			}
			end = i + utf8.RuneLen(r)
		}
	}
	if first < 0 {
		return nil
	}
	p := h.load()

	// Walk the core word[first:end]: letters, hyphens and apostrophes only.
	var (
		offBuf   [maxLetters + 1]int // byte offset of each letter, then end
		upBuf    [maxLetters]bool    // whether each letter is upper case
		symBuf   [maxLetters]uint8   // trie symbol of each letter
		cutBuf   [8]int              // letter index where each apostrophe splits
		hyphBuf  [8]hyphenMark
		offs     = offBuf[:0]
		ups      = upBuf[:0]
		syms     = symBuf[:0]
		cuts     = cutBuf[:0]
		hyphens  = hyphBuf[:0]
		lastMark = false // previous rune was a hyphen or apostrophe
	)
	for i, r := range word[first:end] {
		i += first
		switch {
		case isLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return nil
			}
			offs = append(offs, i)
			ups = append(ups, unicode.IsUpper(r) || unicode.IsTitle(r))
			syms = append(syms, p.symbol(r))
			lastMark = false
			continue
		case r == '-' || r == '\u2010' || r == '\u00ad':
			// A break after the last of a run of marks only: drop one
			// that a mark follows.
			if lastMark && len(hyphens) > 0 && hyphens[len(hyphens)-1].letters == len(offs) {
				hyphens = hyphens[:len(hyphens)-1]
			}
			hyphens = append(hyphens, hyphenMark{after: i + utf8.RuneLen(r), letters: len(offs)})
		case r == '\'' || r == '\u2019' || r == '\u02bc':
			if lastMark && len(hyphens) > 0 && hyphens[len(hyphens)-1].letters == len(offs) {
				hyphens = hyphens[:len(hyphens)-1]
			}
			cuts = append(cuts, len(offs))
		default:
			return nil
		}
		lastMark = true
	}
	n := len(offs)
	if n < minWordLetters || n < p.left+p.right {
		return nil
	}
	offs = append(offs, end)

	if len(hyphens) > 0 {
		var out []int
		for _, m := range hyphens {
			if m.letters >= p.left && n-m.letters >= p.right {
				out = append(out, m.after)
			}
		}
		return out
	}

	// Hyphenate each apostrophe-separated part with the patterns.
	var ptBuf [maxLetters]int
	pts := ptBuf[:0]
	from := 0
	for k := 0; k <= len(cuts); k++ {
		to := n
		if k < len(cuts) {
			to = cuts[k]
		}
		pts = h.part(p, word, offs[from:to+1], ups[from:to], syms[from:to], pts)
		from = to
	}
	if len(pts) == 0 {
		return nil
	}
	return append([]int(nil), pts...)
}

// hyphenMark is an explicit or soft hyphen in a word.
type hyphenMark struct {
	after   int // byte offset just after it
	letters int // letters before it
}

// part appends to pts the hyphenation points of one run of letters: offs
// holds each letter's byte offset in word and then the run's end, ups and
// syms each letter's case and trie symbol.
func (h *Hyphenator) part(p *patterns, word string, offs []int, ups []bool, syms []uint8, pts []int) []int {
	n := len(syms)
	if n < minWordLetters || n < p.left+p.right {
		return pts
	}
	for _, up := range ups[1:] {
		if up {
			return pts // an acronym or an internal capital
		}
	}
	if len(p.except) > 0 {
		if n >= p.exMinLen && n <= p.exMaxLen {
			var buf [4 * maxLetters]byte
			key := buf[:0]
			for _, r := range word[offs[0]:offs[n]] {
				key = utf8.AppendRune(key, unicode.ToLower(r))
			}
			if breaks, ok := p.except[string(key)]; ok {
				for _, b := range breaks {
					if int(b) >= p.left && n-int(b) >= p.right {
						pts = append(pts, offs[b])
					}
				}
				return pts
			}
		}
	}
	// Liang: the symbol string is . letters . and lev[t] is the level of
	// the gap before symbol t, so the gap after letter j (1-based) is
	// lev[j+1].
	var symStore [maxLetters + 2]uint8
	var levStore [maxLetters + 3]uint8
	var sym, lev []uint8
	if n <= maxLetters {
		sym, lev = symStore[:n+2], levStore[:n+3]
	} else {
		sym, lev = make([]uint8, n+2), make([]uint8, n+3)
	}
	sym[0], sym[n+1] = symDot, symDot
	copy(sym[1:], syms)
	p.levels(sym, lev)
	for j := p.left; j <= n-p.right; j++ {
		if lev[j+1]%2 == 1 {
			pts = append(pts, offs[j])
		}
	}
	return pts
}

// isLetter reports whether r counts as a letter of a word.
func isLetter(r rune) bool {
	return r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') ||
		r >= utf8.RuneSelf && r != '\u02bc' && unicode.IsLetter(r)
}

// containsFold reports whether s contains the lower-case ASCII substr,
// ignoring ASCII case.
func containsFold(s, substr string) bool {
	for i := 0; i+len(substr) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(substr)], substr) {
			return true
		}
	}
	return false
}
