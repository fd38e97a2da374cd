package docxout

import (
	"bytes"
	"math"
	"strconv"
	"unicode/utf8"
)

// The namespaces of the parts.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	// the root element's attributes of a part in WordprocessingML
	wAttrs  = ` xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"`
	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// twips converts points to twentieths of a point, the unit of most
// WordprocessingML lengths.
func twips(pt float64) int { return int(math.Round(pt * 20)) }

// halfPoints converts points to half-points, the unit of font sizes.
func halfPoints(pt float64) int { return int(math.Round(pt * 2)) }

// itoa is strconv.Itoa, short.
func itoa(n int) string { return strconv.Itoa(n) }

// validXML reports whether XML 1.0 allows r in text: tabs, line ends and
// everything from the space up but surrogates, U+FFFE and U+FFFF.
func validXML(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// escape writes s as XML text or an attribute value: the markup
// characters as entities, bytes that are not UTF-8 as U+FFFD, and the
// characters XML cannot hold at all left out.
func escape(b *bytes.Buffer, s string) {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && c != '"' {
			i++
			continue
		}
		b.WriteString(s[start:i])
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == '&':
			b.WriteString("&amp;")
		case c == '<':
			b.WriteString("&lt;")
		case c == '>':
			b.WriteString("&gt;")
		case c == '"':
			b.WriteString("&quot;")
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case validXML(r):
			b.WriteString(s[i : i+size])
		}
		i += size
		start = i
	}
	b.WriteString(s[start:])
}

// attr writes ` name="value"`, the value escaped.
func attr(b *bytes.Buffer, name, value string) {
	b.WriteString(" " + name + `="`)
	escape(b, value)
	b.WriteByte('"')
}

// val writes an empty element <w:name w:val="value"/>.
func val(b *bytes.Buffer, name, value string) {
	b.WriteString("<w:" + name)
	attr(b, "w:val", value)
	b.WriteString("/>")
}
