package docxout

import (
	"fmt"
	"math"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"unireport/internal/document"
)

// maxColumns bounds a table's grid, as the PDF's layout does, so that no
// input makes a table of more places than its text has characters.
const maxColumns = 200

// table is a table of either kind, data table or pipe table, as the
// writer sets it.
type table struct {
	node      ast.Node // for its columns as the PDF set them
	caption   *document.Caption
	name      string // what the table is, for its description in Word
	rows      []row
	widths    []float64 // relative widths from the template, if any
	landscape bool
}

type row struct {
	cells []cell
	head  bool
	id    string
}

type cell struct {
	node             ast.Node
	inline           bool // node holds inlines (a pipe table's cell), not blocks
	colSpan, rowSpan int
	align            string // "", "center" or "right"
}

// dataTable writes one of the report's data tables.
func (w *writer) dataTable(n *document.DataTable, c ctx) {
	t := table{node: n, caption: n.Caption(), widths: n.Widths, landscape: n.Landscape && !c.nested}
	if t.caption != nil {
		t.name = strings.Join(strings.Fields(document.Text(t.caption, w.src)), " ")
	}
	head, body := n.Rows()
	for _, r := range append(head, body...) {
		tr := row{head: r.Head, id: r.ID}
		for _, cl := range r.Cells() {
			tr.cells = append(tr.cells, cell{node: cl, colSpan: cl.ColSpan, rowSpan: cl.RowSpan, align: string(cl.Align)})
		}
		t.rows = append(t.rows, tr)
	}
	w.table(t, c)
}

// pipeTable writes a pipe table an editor wrote in a template (or the
// editors' checklist's).
func (w *writer) pipeTable(n *east.Table, c ctx) {
	t := table{node: n}
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		_, head := r.(*east.TableHeader)
		tr := row{head: head}
		for cl := r.FirstChild(); cl != nil; cl = cl.NextSibling() {
			tc := cell{node: cl, inline: true, colSpan: 1, rowSpan: 1}
			if a, ok := cl.(*east.TableCell); ok {
				switch a.Alignment {
				case east.AlignCenter:
					tc.align = "center"
				case east.AlignRight:
					tc.align = "right"
				}
			}
			tr.cells = append(tr.cells, tc)
		}
		t.rows = append(t.rows, tr)
	}
	w.table(t, c)
}

// slot is a place in a row of the table's grid: a cell, or the
// continuation of a cell above that spans rows (cell nil).
type slot struct {
	cell    *cell
	col     int
	span    int
	restart bool // starts a cell spanning rows
}

// grid places the cells of rows in columns as HTML does, header rows and
// body rows apart: each cell takes the first free column of its row, and
// a cell spanning rows holds its columns in the rows below, where Word
// wants a continuation cell of the same span. Every row is filled to the
// table's width with empty cells. It returns the rows and the number of
// columns.
func grid(rows []row) ([][]slot, int) {
	out := make([][]slot, len(rows))
	ncols := 0
	for start := 0; start < len(rows); {
		end := start
		for end < len(rows) && rows[end].head == rows[start].head {
			end++
		}
		type merge struct{ span, left int }
		active := map[int]merge{} // by first column
		for r := start; r < end; r++ {
			var line []slot
			col := 0
			// continue places the continuations of cells above at col.
			continueAt := func() {
				for {
					m, ok := active[col]
					if !ok {
						return
					}
					line = append(line, slot{col: col, span: m.span})
					if m.left--; m.left == 0 {
						delete(active, col)
					} else {
						active[col] = m
					}
					col += m.span
				}
			}
			for i := range rows[r].cells {
				continueAt()
				if col >= maxColumns {
					break // the PDF's layout refuses such a table; here it is cut
				}
				c := &rows[r].cells[i]
				cs, rs := max(c.colSpan, 1), min(max(c.rowSpan, 1), end-r)
				// A span running into a cell from above stops short of it.
				for k := 1; k < cs; k++ {
					if _, ok := active[col+k]; ok {
						cs = k
						break
					}
				}
				cs = min(cs, maxColumns-col)
				line = append(line, slot{cell: c, col: col, span: cs, restart: rs > 1})
				if rs > 1 {
					active[col] = merge{cs, rs - 1}
				}
				col += cs
			}
			// Cells from above to the right of the row's own, with empty
			// cells before them where need be.
			for {
				continueAt()
				next := -1
				for c := range active {
					if c >= col && (next < 0 || c < next) {
						next = c
					}
				}
				if next < 0 {
					break
				}
				for ; col < next; col++ {
					line = append(line, slot{cell: &cell{}, col: col, span: 1})
				}
			}
			out[r] = line
			ncols = max(ncols, col)
		}
		start = end
	}
	for r, line := range out {
		col := 0
		if len(line) > 0 {
			col = line[len(line)-1].col + line[len(line)-1].span
		}
		for ; col < ncols; col++ {
			out[r] = append(out[r], slot{cell: &cell{}, col: col, span: 1})
		}
	}
	return out, ncols
}

// table writes a table: its caption, then the table with its columns as
// the PDF set them, header rows repeated on every page, body rows free
// to break across pages. A landscape table goes into a section of its
// own on turned pages.
func (w *writer) table(t table, c ctx) {
	slots, ncols := grid(t.rows)
	if ncols == 0 {
		return // no cells: Word has no table without them
	}
	if w.last == 't' {
		w.emptyPara(c.style) // else Word joins the two tables into one
	}
	if w.pageBreak && !c.nested && w.out == w.body {
		w.emptyPara(styleNormal) // carries the page break
	}
	if t.landscape {
		w.openPara(pPr{style: styleNormal, sectPr: w.sectPr(false)}) // ends the upright pages
		w.closePara()
	}
	cols, set := w.opts.Columns[t.node]
	size := w.g.TableSize
	if set && cols.Size > 0 {
		size = cols.Size
	}
	styles := w.tableStyles(size)

	if t.caption != nil && !t.caption.Hidden {
		for p := t.caption.FirstChild(); p != nil; p = p.NextSibling() {
			switch p.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				w.para(p, pPr{style: styleCaption}, runFmt{})
			}
		}
	}

	b := w.out
	b.WriteString("<w:tbl><w:tblPr>")
	val(b, "tblStyle", styleTable)
	widths, fixed := w.columnWidths(t, cols.Widths, ncols, c.nested)
	if fixed {
		total := 0
		for _, x := range widths {
			total += x
		}
		fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/>`, total)
	} else {
		b.WriteString(`<w:tblW w:w="5000" w:type="pct"/>`)
	}
	if t.name != "" {
		val(b, "tblCaption", t.name)
	}
	b.WriteString("</w:tblPr>\n<w:tblGrid>")
	for _, x := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, x)
	}
	b.WriteString("</w:tblGrid>\n")
	for r, line := range slots {
		b.WriteString("<w:tr>")
		if t.rows[r].head {
			// a header row is never split, and is set again at the top
			// of each page the table goes on to
			b.WriteString("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
		}
		if id := t.rows[r].id; id != "" {
			w.bookmark = w.bookmarks[id]
		}
		for _, s := range line {
			w.cell(s, t.rows[r].head, widths, fixed, styles)
		}
		w.bookmark = ""
		b.WriteString("</w:tr>\n")
	}
	b.WriteString("</w:tbl>\n")
	w.last = 't'
	if t.landscape {
		w.openPara(pPr{style: styleNormal, sectPr: w.sectPr(true)}) // ends the turned pages
		w.closePara()
	}
}

// cell writes one place of a row.
func (w *writer) cell(s slot, head bool, widths []int, fixed bool, styles tableStyles) {
	b := w.out
	b.WriteString("<w:tc><w:tcPr>")
	if fixed {
		x := 0
		for _, cw := range widths[s.col:min(s.col+s.span, len(widths))] {
			x += cw
		}
		fmt.Fprintf(b, `<w:tcW w:w="%d" w:type="dxa"/>`, x)
	}
	if s.span > 1 {
		fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, s.span)
	}
	switch {
	case s.cell == nil:
		b.WriteString("<w:vMerge/>")
	case s.restart:
		b.WriteString(`<w:vMerge w:val="restart"/>`)
	}
	if head {
		// The grey ground of the header rows, as in the PDF: a cell's
		// shading, which no paragraph style can give.
		fmt.Fprintf(b, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, grayHex(w.g.HeaderGray))
	}
	b.WriteString("</w:tcPr>")

	style := styles.text
	switch {
	case head:
		style = styles.heading
	case s.cell != nil && s.cell.align == "center":
		style = styles.centred
	case s.cell != nil && s.cell.align == "right":
		style = styles.right
	}
	w.cells++
	w.last = 0
	switch {
	case s.cell == nil || s.cell.node == nil:
	case s.cell.inline:
		w.para(s.cell.node, pPr{style: style}, runFmt{})
	default:
		w.blocks(s.cell.node, ctx{style: style, nested: true})
	}
	if w.last != 'p' {
		w.emptyPara(style) // a cell ends with a paragraph
	}
	w.cells--
	b.WriteString("</w:tc>")
}

// columnWidths returns the widths of the table's columns in twips, and
// whether the table is set at them (else Word fits the columns to the
// text, across the whole width): the PDF's widths when it set the table,
// else the template's relative widths or equal ones across the text width
// (a table in a cell takes the columns' shares only as a start).
func (w *writer) columnWidths(t table, set []float64, ncols int, nested bool) ([]int, bool) {
	widths := set
	fixed := len(set) == ncols && ncols > 0
	if !fixed {
		widths = make([]float64, ncols)
		total := 0.0
		for i := range widths {
			widths[i] = 1
			if i < len(t.widths) && t.widths[i] > 0 && !math.IsInf(t.widths[i], 0) {
				widths[i] = t.widths[i]
			}
			total += widths[i]
		}
		full := w.textWidth(t.landscape)
		for i := range widths {
			widths[i] *= full / total
		}
		fixed = !nested && len(t.widths) > 0
	}
	// Rounded at each column's edge, so that the columns add up.
	out := make([]int, len(widths))
	x := 0.0
	for i, cw := range widths {
		out[i] = twips(x+cw) - twips(x)
		x += cw
	}
	return out, fixed
}

// grayHex is a grey level from 0 (black) to 1 (white) as an RGB colour.
func grayHex(g float64) string {
	v := int(math.Round(max(0, min(1, g)) * 255))
	return fmt.Sprintf("%02X%02X%02X", v, v, v)
}
