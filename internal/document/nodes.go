package document

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// The node kinds of the report's data tables and title block. Both writers
// render these; neither builds tables of its own.
var (
	KindDataTable  = ast.NewNodeKind("DataTable")
	KindCaption    = ast.NewNodeKind("TableCaption")
	KindTableRow   = ast.NewNodeKind("DataTableRow")
	KindTableCell  = ast.NewNodeKind("DataTableCell")
	KindTitleBlock = ast.NewNodeKind("TitleBlock")
	KindPageBreak  = ast.NewNodeKind("PageBreak")
)

// DataTable is a table built from the edition's data. Its children are an
// optional Caption followed by rows, header rows first.
type DataTable struct {
	ast.BaseBlock
	Name   string    // vote, participation, positions
	ID     string    // the HTML id
	Widths []float64 // relative column widths; nil lets the writer decide
	// Landscape sets the table on landscape pages of its own in print.
	Landscape bool
}

// Kind implements ast.Node.
func (n *DataTable) Kind() ast.NodeKind { return KindDataTable }

// Dump implements ast.Node.
func (n *DataTable) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name, "ID": n.ID, "Widths": fmt.Sprint(n.Widths), "Landscape": fmt.Sprint(n.Landscape)}, nil)
}

// Caption returns the table's caption, or nil.
func (n *DataTable) Caption() *Caption {
	c, _ := n.FirstChild().(*Caption)
	return c
}

// Rows returns the table's header rows and body rows.
func (n *DataTable) Rows() (head, body []*TableRow) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if r, ok := c.(*TableRow); ok {
			if r.Head {
				head = append(head, r)
			} else {
				body = append(body, r)
			}
		}
	}
	return head, body
}

// Columns is the number of columns, from the widest row.
func (n *DataTable) Columns() int {
	cols := 0
	head, body := n.Rows()
	for _, r := range append(head, body...) {
		w := 0
		for _, c := range r.Cells() {
			w += c.ColSpan
		}
		cols = max(cols, w)
	}
	return cols
}

// Caption is a table's caption; its children are blocks. A hidden caption
// names the table for screen readers and the outline but is not printed.
type Caption struct {
	ast.BaseBlock
	Hidden bool
}

// Kind implements ast.Node.
func (n *Caption) Kind() ast.NodeKind { return KindCaption }

// Dump implements ast.Node.
func (n *Caption) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// TableRow is a row of a DataTable.
type TableRow struct {
	ast.BaseBlock
	Head bool   // a header row, repeated on each page the table spans
	ID   string // an anchor for the row, e.g. state-armenia
	// Change, in a redline, says whether the row is new, gone or changed.
	Change RowChange
}

// Kind implements ast.Node.
func (n *TableRow) Kind() ast.NodeKind { return KindTableRow }

// Dump implements ast.Node.
func (n *TableRow) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Head": strconv.FormatBool(n.Head), "ID": n.ID}, nil)
}

// Cells returns the row's cells.
func (n *TableRow) Cells() []*TableCell {
	var cells []*TableCell
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if cell, ok := c.(*TableCell); ok {
			cells = append(cells, cell)
		}
	}
	return cells
}

// Alignment of a cell's content.
type Alignment string

// The alignments a cell may ask for.
const (
	AlignStart  Alignment = ""
	AlignCenter Alignment = "center"
)

// TableCell is a cell; its children are blocks (paragraphs, lists).
type TableCell struct {
	ast.BaseBlock
	Header  bool   // a header cell (th)
	Scope   string // for header cells: col, colgroup or row
	ColSpan int
	RowSpan int
	Align   Alignment
	Alt     string // what a mark in the cell means, in words (see Cell.Alt)
}

// Kind implements ast.Node.
func (n *TableCell) Kind() ast.NodeKind { return KindTableCell }

// Dump implements ast.Node.
func (n *TableCell) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Header": strconv.FormatBool(n.Header), "Scope": n.Scope,
		"ColSpan": strconv.Itoa(n.ColSpan), "RowSpan": strconv.Itoa(n.RowSpan), "Align": string(n.Align), "Alt": n.Alt,
	}, nil)
}

// TitleBlock holds the report's title, presenter and date: a heading, the
// title, then the lines set under it, one paragraph each. Every writer asks
// it for these parts rather than reading its children in order.
type TitleBlock struct{ ast.BaseBlock }

// Title returns the block's first heading, the report's title, or nil.
func (n *TitleBlock) Title() *ast.Heading {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok {
			return h
		}
	}
	return nil
}

// Under returns the blocks of the title block other than its title, in
// order: the presenting line and the date.
func (n *TitleBlock) Under() []ast.Node {
	title := n.Title()
	var out []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c != ast.Node(title) {
			out = append(out, c)
		}
	}
	return out
}

// Kind implements ast.Node.
func (n *TitleBlock) Kind() ast.NodeKind { return KindTitleBlock }

// Dump implements ast.Node.
func (n *TitleBlock) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// PageBreak starts a new page in print: what follows it (a draft's
// editors' checklist) never shares a page with what precedes it. It has no
// children; on screen it is nothing.
type PageBreak struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *PageBreak) Kind() ast.NodeKind { return KindPageBreak }

// Dump implements ast.Node.
func (n *PageBreak) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// newDirectiveNode builds the node a directive line names, with its
// attributes (key=value words after the name).
func newDirectiveNode(name string, attrs []string) (ast.Node, error) {
	kv := map[string]string{}
	var flags []string
	for _, a := range attrs {
		if k, v, ok := strings.Cut(a, "="); ok {
			kv[k] = v
		} else {
			flags = append(flags, a)
		}
	}
	switch name {
	case "table":
		t := &DataTable{ID: kv["id"], Landscape: slices.Contains(flags, "landscape")}
		if len(flags) > 0 {
			t.Name = flags[0]
		}
		if w := kv["widths"]; w != "" {
			widths, err := ParseWidths(w)
			if err != nil {
				return nil, fmt.Errorf("table %w", err)
			}
			t.Widths = widths
		}
		return t, nil
	case "caption":
		return &Caption{Hidden: slices.Contains(flags, "hidden")}, nil
	case "row":
		return &TableRow{Head: slices.Contains(flags, "head"), ID: kv["id"]}, nil
	case "cell", "header":
		c := &TableCell{Header: name == "header", Scope: kv["scope"], ColSpan: 1, RowSpan: 1, Align: Alignment(kv["align"])}
		if v, ok := kv["alt"]; ok {
			alt, err := url.PathUnescape(v)
			if err != nil {
				return nil, fmt.Errorf("alt must be text with its spaces written %%20, not %q", v)
			}
			c.Alt = alt
		}
		for _, span := range []struct {
			key string
			dst *int
		}{{"colspan", &c.ColSpan}, {"rowspan", &c.RowSpan}} {
			if v, ok := kv[span.key]; ok {
				n, err := strconv.Atoi(v)
				if err != nil || n < 1 || n > 100 {
					return nil, fmt.Errorf("%s must be a number from 1 to 100, not %q", span.key, v)
				}
				*span.dst = n
			}
		}
		return c, nil
	case "titleblock":
		return &TitleBlock{}, nil
	case "pagebreak":
		return &PageBreak{}, nil
	}
	return nil, nil
}

// KindGap is the kind of a Gap.
var KindGap = ast.NewNodeKind("Gap")

// Gap is a value an editor has still to fill in, from a placeholder mark
// in the composed text (see internal/placeholder). It is an inline node
// with no children: both writers show it as placeholder.Text(What).
type Gap struct {
	ast.BaseInline
	What string // what is needed, e.g. "the date of presentation"
}

// Kind implements ast.Node.
func (n *Gap) Kind() ast.NodeKind { return KindGap }

// Dump implements ast.Node.
func (n *Gap) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"What": n.What}, nil)
}
