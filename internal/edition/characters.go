package edition

import (
	"fmt"
	"iter"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"unireport/internal/diag"
)

// Invisible characters. A bidirectional control can reorder what is
// printed after it ("Armenia" shown as "ainemrA"), and other format
// characters are invisible in an editor: pasted from web pages and PDFs,
// they change a name or a quotation without anyone seeing it. They are
// errors, but for the bidirectional controls in a text that holds
// right-to-left script, where a quotation may need them: a warning there.

// bidiControl reports whether r is an explicit bidirectional formatting
// character.
func bidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// harmlessFormat are the format characters that change no reading order
// and are at home in text: the soft hyphen, the joiners that shape
// letters in many scripts, the word joiner.
func harmlessFormat(r rune) bool {
	return r == 0x00AD || r == 0x200C || r == 0x200D || r == 0x2060
}

// rightToLeft reports whether t has a letter of a right-to-left script.
func rightToLeft(t Text) bool {
	for _, r := range t.Chars() {
		if r >= firstRightToLeft && isRightToLeft(r) {
			return true
		}
	}
	return false
}

// firstRightToLeft is below every letter of the right-to-left scripts
// (Hebrew's begin at U+0591): the Latin text that most of an edition is
// needs no lookup in their tables, which took a seventh of a load.
const firstRightToLeft = 0x0590

func isRightToLeft(r rune) bool {
	return unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko)
}

// checkCharacters reports invisible format characters in every text of the
// edition, at the character, written as it is or as a \u escape.
func (e *Edition) checkCharacters(diags *diag.List) {
	for _, t := range e.Texts() {
		rtl := rightToLeft(t)
		for pos, r := range t.Chars() {
			if !unicode.Is(unicode.Cf, r) || harmlessFormat(r) {
				continue
			}
			what := fmt.Sprintf("invisible character U+%04X", r)
			switch {
			case bidiControl(r) && rtl:
				diags.Warnf(pos, "%s: a control of writing direction, which can reorder the words printed after it; keep it only if this right-to-left text needs it", what)
			case bidiControl(r):
				diags.Errorf(pos, "%s: a control of writing direction, which can reorder the words printed after it (often pasted from a web page): delete it", what)
			default:
				diags.Errorf(pos, "%s: it prints nothing but changes the text (often pasted from a web page or PDF): delete it", what)
			}
		}
	}
}

// Chars yields each character of the text as the report gets it, with the
// place in the file where it is written: an escape (\u00E9, \n, \") as the
// one character it stands for, at its backslash; a backslash that ends a
// line in text of several lines, with the blanks after it, as nothing.
func (t Text) Chars() iter.Seq2[diag.Pos, rune] {
	return func(yield func(diag.Pos, rune) bool) {
		p := t.Pos
		s := t.Text
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			width, emit := 1, true
			if r == '\\' && !t.Literal && i+1 < len(s) {
				switch c := s[i+1]; {
				case c == 'u' || c == 'U' || c == 'x':
					if er, en, ok := hexEscape(s[i:]); ok {
						r, n, width = er, en, en
					} else {
						n, width, emit = 2, 2, false
					}
				case strings.IndexByte(simpleEscapes, c) >= 0:
					r, n, width = simpleEscaped[strings.IndexByte(simpleEscapes, c)], 2, 2
				case c == ' ' || c == '\t' || c == '\n':
					// A line-ending backslash: it and the blanks and line
					// ends after it stand for nothing.
					p.Col++ // the backslash
					j := i + 1
					for ; j < len(s) && strings.IndexByte(" \t\n", s[j]) >= 0; j++ {
						if s[j] == '\n' {
							p.Line, p.Col = p.Line+1, 1
						} else {
							p.Col++
						}
					}
					i = j
					continue
				default:
					n, width, emit = 2, 2, false // refused by the parser already
				}
			}
			if emit && !yield(p, r) {
				return
			}
			if r == '\n' && width == 1 {
				p.Line, p.Col = p.Line+1, 1
			} else {
				p.Col += width
			}
			i += n
		}
	}
}

// The one-letter escapes of TOML's basic strings, and what they stand for.
const simpleEscapes = `btnfr"\\e`

var simpleEscaped = []rune{'\b', '\t', '\n', '\f', '\r', '"', '\\', 0x1b}

// hexEscape reads a TOML \uXXXX, \UXXXXXXXX or \xHH escape at the start of s.
func hexEscape(s string) (r rune, n int, ok bool) {
	digits := map[byte]int{'u': 4, 'U': 8, 'x': 2}[s[1]]
	if digits == 0 || len(s) < 2+digits {
		return 0, 0, false
	}
	v, err := strconv.ParseUint(s[2:2+digits], 16, 32)
	if err != nil || v > unicode.MaxRune {
		return 0, 0, false
	}
	return rune(v), 2 + digits, true
}
