// Package provenance marks where the values of a draft come from. Composing
// a draft wraps each value printed from the edition's data in a mark that
// names its source, the file:line:col of the TOML value (or, for a figure
// computed from several values, what it was computed from and where the
// first of them is). The document parser takes the marks out before it
// parses, so that the tree is the final's, and puts the sources back on the
// text they covered as Provenance nodes; the HTML writer shows them, the
// PDF writer ignores them. A final build never has a mark.
//
// A mark is delimited by characters of Unicode's private use area, which no
// edition file or template can hold (the glyph check refuses them), as the
// placeholder marks of gaps are (U+E000, U+E001; U+E002 and U+E003 mark a
// figure that is not known):
//
//	U+E004 file U+E005 line U+E005 col U+E005 from U+E005 text U+E006
package provenance

import (
	"bytes"
	"strconv"
	"strings"

	"unireport/internal/diag"
)

// The delimiters of a mark: Open starts its header, Sep ends each of the
// header's four fields, Close ends the text.
const (
	Open  = "\uE004"
	Sep   = "\uE005"
	Close = "\uE006"
)

// Source is where a value of the report comes from.
type Source struct {
	// Pos is the value in its file; for a value computed from several,
	// the first of them.
	Pos diag.Pos
	// From says what a computed value was computed from, e.g. "count of
	// [[state]] in states.toml"; "" for a value printed as written.
	From string
}

// String is the source as the draft shows it: "data/2017/edition.toml:8:9",
// or "count of [[state]] in states.toml, the first at data/2017/…".
func (s Source) String() string {
	if s.From == "" {
		return s.Pos.String()
	}
	return s.From + ", the first at " + s.Pos.String()
}

// Mark returns text marked as coming from src. Text that is empty or holds
// a mark already is returned as it is: its parts carry their own sources,
// and marks never nest.
func Mark(src Source, text string) string {
	if text == "" || strings.Contains(text, Open) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + len(src.Pos.File) + len(src.From) + 24)
	b.WriteString(Open)
	b.WriteString(clean(src.Pos.File))
	b.WriteString(Sep)
	b.WriteString(strconv.Itoa(max(src.Pos.Line, 0)))
	b.WriteString(Sep)
	b.WriteString(strconv.Itoa(max(src.Pos.Col, 0)))
	b.WriteString(Sep)
	b.WriteString(clean(src.From))
	b.WriteString(Sep)
	b.WriteString(strings.ReplaceAll(text, Close, ""))
	b.WriteString(Close)
	return b.String()
}

var delimiters = strings.NewReplacer(Open, "", Sep, "", Close, "")

func clean(s string) string { return delimiters.Replace(s) }

// Has reports whether s holds a mark.
func Has(s string) bool { return strings.Contains(s, Open) }

// Span is a stretch of the text Strip returns, [Start, End) in bytes, and
// the source of the value it holds.
type Span struct {
	Start, End int
	Source     Source
}

// Strip takes the marks out of s: it returns the text without them and,
// in order, the stretches of that text that were marked, with their
// sources. Spans never overlap: inside a mark that holds another (which
// Mark never writes), the inner one's source holds for its text. Every
// delimiter of UTF-8 text is taken out, even where it does not belong to a
// whole mark: an Open whose header is cut short, a stray Sep or Close.
func Strip(s []byte) (text []byte, spans []Span) {
	out := make([]byte, 0, len(s))
	var open []Source // the marks around the text being copied, innermost last
	start := 0        // where the text of the innermost mark resumed in out
	flush := func() {
		if len(open) == 0 || len(out) == start {
			return
		}
		src := open[len(open)-1]
		if k := len(spans) - 1; k >= 0 && spans[k].End == start && spans[k].Source == src {
			spans[k].End = len(out)
			return
		}
		spans = append(spans, Span{Start: start, End: len(out), Source: src})
	}
	for i := 0; i < len(s); {
		// Every delimiter is three bytes: EE 80 84 to EE 80 86.
		if s[i] != 0xEE || i+2 >= len(s) || s[i+1] != 0x80 || s[i+2] < 0x84 || s[i+2] > 0x86 {
			j := bytes.IndexByte(s[i+1:], 0xEE)
			if j < 0 {
				j = len(s)
			} else {
				j += i + 1
			}
			out = append(out, s[i:j]...)
			i = j
			continue
		}
		switch string(s[i : i+3]) {
		case Open:
			src, n, ok := header(string(s[i+3 : i+3+headerLen(s[i+3:])]))
			if !ok {
				i += 3 // a header cut short: its text stays, as text
				continue
			}
			flush()
			open = append(open, src)
			start = len(out)
			i += 3 + n
		case Close:
			flush()
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
			start = len(out)
			i += 3
		default: // a Sep outside a header
			i += 3
		}
	}
	flush()
	return out, spans
}

// headerLen is how long the header at the start of s can be: up to its
// fourth Sep, or all of s.
func headerLen(s []byte) int {
	n := 0
	for range 4 {
		i := bytes.Index(s[n:], sep)
		if i < 0 {
			return len(s)
		}
		n += i + len(Sep)
	}
	return n
}

var sep = []byte(Sep)

// header reads the four fields of a mark's header from s, just after its
// Open: the source, and the header's length with its Seps.
func header(s string) (src Source, n int, ok bool) {
	var fields [4]string
	for k := range fields {
		i := strings.Index(s[n:], Sep)
		if i < 0 {
			return Source{}, 0, false
		}
		f := s[n : n+i]
		if strings.Contains(f, Open) || strings.Contains(f, Close) {
			return Source{}, 0, false
		}
		fields[k] = f
		n += i + len(Sep)
	}
	line, err1 := strconv.Atoi(fields[1])
	col, err2 := strconv.Atoi(fields[2])
	if err1 != nil || err2 != nil {
		return Source{}, 0, false
	}
	return Source{Pos: diag.Pos{File: fields[0], Line: line, Col: col}, From: fields[3]}, n, true
}

// Plain is s without its marks.
func Plain(s string) string {
	if !Has(s) {
		return s
	}
	text, _ := Strip([]byte(s))
	return string(text)
}

// TextStart returns where the text of s starts after the headers of the
// marks that open it: s[TextStart(s):] is s as printed, from its first
// character on, for a function such as one that capitalises it.
func TextStart(s string) int {
	i := 0
	for strings.HasPrefix(s[i:], Open) {
		_, n, ok := header(s[i+len(Open):])
		if !ok {
			break
		}
		i += len(Open) + n
	}
	return i
}
