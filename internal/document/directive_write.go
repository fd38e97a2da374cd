package document

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"unireport/internal/provenance"
)

// The directive syntax is owned here, both ways: TableWriter writes the
// data tables as the directive blocks that the parser (directive.go,
// newDirectiveNode) reads back, and ParseWidths is the one rule for
// column widths, for the parser and for the templates' settings alike.

// TableWriter writes one data table as directive Markdown: five colons for
// the table, four for its caption and rows, three for cells. The zero
// value is ready; call Open first and String last.
type TableWriter struct{ b strings.Builder }

// Table is what Open needs to know of a table.
type Table struct {
	Name, ID  string
	Widths    []float64 // relative column widths; nil: from the content
	Landscape bool
}

// Open starts the table.
func (w *TableWriter) Open(t Table) {
	fmt.Fprintf(&w.b, "\n::::: table %s id=%s", t.Name, t.ID)
	if len(t.Widths) > 0 {
		parts := make([]string, len(t.Widths))
		for i, f := range t.Widths {
			parts[i] = strconv.FormatFloat(f, 'f', -1, 64)
		}
		w.b.WriteString(" widths=" + strings.Join(parts, ","))
	}
	if t.Landscape {
		w.b.WriteString(" landscape")
	}
	w.b.WriteString("\n")
}

// Caption writes the table's caption, Markdown, hidden or printed; an
// empty caption is left out.
func (w *TableWriter) Caption(markdown string, hidden bool) {
	if strings.TrimSpace(markdown) == "" {
		return
	}
	flag := ""
	if hidden {
		flag = " hidden"
	}
	fmt.Fprintf(&w.b, ":::: caption%s\n%s\n::::\n", flag, EscapeBlock(markdown))
}

// Row starts a row: a header row, or a body row with an id (may be "").
func (w *TableWriter) Row(head bool, id string) {
	w.b.WriteString(":::: row")
	if head {
		w.b.WriteString(" head")
	}
	if id != "" {
		w.b.WriteString(" id=" + id)
	}
	w.b.WriteString("\n")
}

// EndRow ends the row.
func (w *TableWriter) EndRow() { w.b.WriteString("::::\n") }

// Cell is a cell's attributes; zero values are left out.
type Cell struct {
	Header           bool   // a header cell (th)
	Scope            string // col, row, colgroup
	ColSpan, RowSpan int
	Align            Alignment
	// Alt says in words what a mark in the cell means ("attended" for a
	// tick), for readers who do not see the mark.
	Alt string
}

// Cell writes one cell holding markdown.
func (w *TableWriter) Cell(c Cell, markdown string) {
	kind := "cell"
	if c.Header {
		kind = "header"
	}
	w.b.WriteString("::: " + kind)
	if c.Scope != "" {
		w.b.WriteString(" scope=" + c.Scope)
	}
	if c.ColSpan > 1 {
		w.b.WriteString(" colspan=" + strconv.Itoa(c.ColSpan))
	}
	if c.RowSpan > 1 {
		w.b.WriteString(" rowspan=" + strconv.Itoa(c.RowSpan))
	}
	if c.Align != "" {
		w.b.WriteString(" align=" + string(c.Align))
	}
	if c.Alt != "" {
		w.b.WriteString(" alt=" + url.PathEscape(c.Alt)) // one word: its spaces escaped
	}
	fmt.Fprintf(&w.b, "\n%s\n:::\n", EscapeBlock(markdown))
}

// String closes the table and returns its Markdown.
func (w *TableWriter) String() string {
	w.b.WriteString(":::::\n\n")
	return w.b.String()
}

// EscapeBlock keeps text from data from closing or opening a directive: a
// line that starts with a colon gets a backslash, which Markdown drops. In
// a draft, the line is read as the parser will read it, without the marks
// of sources (see internal/provenance), which the backslash goes after.
func EscapeBlock(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		if marks, rest := lineStart(l); strings.HasPrefix(rest, ":") {
			lines[i] = marks + `\` + rest
		}
	}
	return strings.Join(lines, "\n")
}

// lineStart cuts a line at its first character as the parser reads it:
// before it, the spaces and tabs, which are dropped, and the delimiters
// of source marks, which are kept; then the rest.
func lineStart(l string) (marks, rest string) {
	var b strings.Builder
	for {
		switch {
		case strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t"):
			l = l[1:]
		case strings.HasPrefix(l, provenance.Close):
			b.WriteString(provenance.Close)
			l = l[len(provenance.Close):]
		case strings.HasPrefix(l, provenance.Open) && provenance.TextStart(l) > 0:
			n := provenance.TextStart(l)
			b.WriteString(l[:n])
			l = l[n:]
		default:
			return b.String(), l
		}
	}
}

// EscapeInline makes a plain name safe as Markdown inline text.
func EscapeInline(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|!~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return EscapeBlock(b.String())
}

// ParseWidths reads relative column widths, "18,62,20": positive numbers
// separated by commas.
func ParseWidths(s string) ([]float64, error) {
	var out []float64
	for _, part := range strings.Split(s, ",") {
		f, err := strconv.ParseFloat(part, 64)
		if err != nil || !(f > 0) || f > 1e6 {
			return nil, fmt.Errorf("widths must be positive numbers separated by commas, e.g. \"18,62,20\", not %q", s)
		}
		out = append(out, f)
	}
	return out, nil
}
