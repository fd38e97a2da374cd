package edition

import (
	"fmt"
	"strconv"
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

func rightToLeft(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko) {
			return true
		}
	}
	return false
}

// checkCharacters reports invisible format characters in every text of the
// edition, at the character, written as it is or as a \u escape.
func (e *Edition) checkCharacters(diags *diag.List) {
	for _, t := range e.Texts() {
		rtl := rightToLeft(t.Text)
		line, col := t.Pos.Line, t.Pos.Col
		for i := 0; i < len(t.Text); {
			r, n := utf8.DecodeRuneInString(t.Text[i:])
			width := 1 // columns the character takes in the file
			if r == '\\' {
				if er, en, ok := unicodeEscape(t.Text[i:]); ok {
					r, n, width = er, en, en
				} else if i+1 < len(t.Text) {
					n, width = 2, 2 // another escape: skip it whole
					r = 0
				}
			}
			if r == '\n' {
				line, col = line+1, 1
				i += n
				continue
			}
			if unicode.Is(unicode.Cf, r) && !harmlessFormat(r) {
				pos := diag.Pos{File: t.Pos.File, Line: line, Col: col}
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
			i += n
			col += width
		}
	}
}

// unicodeEscape reads a TOML \uXXXX or \UXXXXXXXX escape at the start of s.
func unicodeEscape(s string) (r rune, n int, ok bool) {
	if len(s) < 2 {
		return 0, 0, false
	}
	digits := map[byte]int{'u': 4, 'U': 8}[s[1]]
	if digits == 0 || len(s) < 2+digits {
		return 0, 0, false
	}
	v, err := strconv.ParseUint(s[2:2+digits], 16, 32)
	if err != nil {
		return 0, 0, false
	}
	return rune(v), 2 + digits, true
}
