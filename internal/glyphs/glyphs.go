// Package glyphs checks that the report font can draw every character that
// may reach the report, before anything is drawn: a missing glyph is an
// error at its file, line and column, never a blank box or a panic. It
// also refuses the characters of Unicode's private use areas, whatever the
// font: unireport marks a draft's gaps and sources with them, so data or a
// template that held one could forge a mark.
package glyphs

import (
	"fmt"
	"iter"
	"unicode"
	"unicode/utf8"

	"unireport/internal/diag"
)

// Font says whether it can draw a character.
type Font interface {
	Has(r rune) bool
}

// Check reports every character of chars that font cannot draw, at its
// place (see diag.Chars, and edition's Text.Chars for TOML values).
func Check(font Font, chars iter.Seq2[diag.Pos, rune], diags *diag.List) {
	for pos, r := range chars {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
		case r == utf8.RuneError:
			diags.Errorf(pos, "a character here is not valid UTF-8 text")
		case unicode.Is(unicode.Co, r):
			diags.Add(diag.Diagnostic{
				Pos:      pos,
				Severity: diag.Error,
				Message:  fmt.Sprintf("character U+%04X is a private-use character, which unireport keeps for the marks of its drafts", r),
				Help:     "delete it, or write the character it stood for in a font of your own as the Unicode character it is",
			})
		case !font.Has(r):
			diags.Add(diag.Diagnostic{
				Pos:      pos,
				Severity: diag.Error,
				Message:  fmt.Sprintf("character %s is not in the report font", Describe(r)),
				Help:     "replace it, or name a font that has it",
			})
		}
	}
}

// Describe names a character as U+1F600 '😀', or without the glyph when it
// would not show (controls, spaces).
func Describe(r rune) string {
	if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfeff || (r >= 0x2000 && r <= 0x200f) {
		return fmt.Sprintf("U+%04X", r)
	}
	return fmt.Sprintf("U+%04X '%c'", r, r)
}
