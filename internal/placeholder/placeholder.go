// Package placeholder marks the gaps of a draft: values an editor has still
// to fill in (a TODO left by unireport new). The edition writes a gap into
// the text it gives the templates as a mark; the document parser turns the
// mark into a Gap node that both writers show as a highlighted
// "[to fill in: …]". A final build never has one.
//
// The mark is delimited by two characters of Unicode's private use area,
// which no edition file or template can hold (the glyph check refuses them),
// so data can never forge a gap, and a mark that escaped its parser would
// fail loudly in the PDF rather than print quietly.
package placeholder

import "strings"

// The delimiters of a mark.
const (
	Open  = "\uE000"
	Close = "\uE001"
)

// Mark returns the mark for a gap whose text says what is needed, e.g.
// "the date of presentation". Delimiters inside what are dropped.
func Mark(what string) string {
	return Open + clean(what) + Close
}

func clean(s string) string {
	return strings.NewReplacer(Open, "", Close, "").Replace(strings.TrimSpace(s))
}

// Text is how a gap reads in print and in plain text: "[to fill in: what]".
func Text(what string) string {
	if what == "" {
		return "[to fill in]"
	}
	return "[to fill in: " + what + "]"
}

// Plain replaces every mark in s by its printed text, for places that take
// plain text only (the PDF's metadata, the HTML title).
func Plain(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, Open)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.Index(s[i:], Close)
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(Text(s[i+len(Open) : i+j]))
		s = s[i+j+len(Close):]
	}
}

// Has reports whether s holds a mark.
func Has(s string) bool { return strings.Contains(s, Open) }
