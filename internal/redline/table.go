package redline

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"unireport/internal/document"
	"unireport/internal/worddiff"
)

// side is one version of a table's header or body rows, laid out on a grid
// of columns as a browser lays them out: spans take their columns and, for
// the rows below, their places.
type side struct {
	rows []*document.TableRow
	grid [][]*document.TableCell // the cell covering row r, column c; nil where none
	at   map[*document.TableCell][2]int
	src  []byte
	old  bool
}

func newSide(rows []*document.TableRow, src []byte, old bool) *side {
	s := &side{rows: rows, grid: make([][]*document.TableCell, len(rows)), at: map[*document.TableCell][2]int{}, src: src, old: old}
	for r, row := range rows {
		c := 0
		for _, cell := range row.Cells() {
			for c < len(s.grid[r]) && s.grid[r][c] != nil {
				c++
			}
			s.at[cell] = [2]int{r, c}
			for dr := 0; dr < max(cell.RowSpan, 1) && r+dr < len(rows); dr++ {
				for dc := range max(cell.ColSpan, 1) {
					s.put(r+dr, c+dc, cell)
				}
			}
			c += max(cell.ColSpan, 1)
		}
	}
	return s
}

func (s *side) put(r, c int, cell *document.TableCell) {
	for len(s.grid[r]) <= c {
		s.grid[r] = append(s.grid[r], nil)
	}
	s.grid[r][c] = cell
}

// cell returns the cell covering row r, column c (nil if none, or either
// is -1), and whether it starts in that row.
func (s *side) cell(r, c int) (*document.TableCell, bool) {
	if r < 0 || c < 0 || r >= len(s.grid) || c >= len(s.grid[r]) || s.grid[r][c] == nil {
		return nil, false
	}
	cell := s.grid[r][c]
	return cell, s.at[cell][0] == r
}

// width is the number of columns the rows take.
func (s *side) width() int {
	w := 0
	for _, r := range s.grid {
		w = max(w, len(r))
	}
	return w
}

// columnKeys names each column by the header cells above it, e.g.
// "2017 16MSP", so that the columns of two versions can be matched.
func (s *side) columnKeys(width int) []string {
	keys := make([]string, width)
	for c := range keys {
		var parts []string
		for r := range s.rows {
			if cell, _ := s.cell(r, c); cell != nil {
				parts = append(parts, strings.TrimSpace(document.Text(cell, s.src)))
			}
		}
		keys[c] = strings.Join(parts, " ")
	}
	return keys
}

// colPair is a column of the redline: the old version's column and the
// new one's, -1 for a column only one version has.
type colPair struct{ o, n int }

// pairColumns matches the columns of two versions: one for one when they
// have as many, else by their headers (a meeting added to the
// participation table is a new column), columns whose headers changed
// paired in order.
func pairColumns(ka, kb []string) []colPair {
	var out []colPair
	if len(ka) == len(kb) {
		for i := range ka {
			out = append(out, colPair{i, i})
		}
		return out
	}
	edits := worddiff.Diff(intern(ka, kb))
	for k := 0; k < len(edits); k++ {
		e := edits[k]
		switch e.Op {
		case worddiff.Equal:
			for i := range e.A1 - e.A0 {
				out = append(out, colPair{e.A0 + i, e.B0 + i})
			}
		case worddiff.Delete:
			a0, a1, b0, b1 := e.A0, e.A1, 0, 0
			if k+1 < len(edits) && edits[k+1].Op == worddiff.Insert {
				b0, b1 = edits[k+1].B0, edits[k+1].B1
				k++
			}
			for a0 < a1 && b0 < b1 {
				out = append(out, colPair{a0, b0})
				a0++
				b0++
			}
			for ; a0 < a1; a0++ {
				out = append(out, colPair{a0, -1})
			}
			for ; b0 < b1; b0++ {
				out = append(out, colPair{-1, b0})
			}
		case worddiff.Insert:
			for j := e.B0; j < e.B1; j++ {
				out = append(out, colPair{-1, j})
			}
		}
	}
	return out
}

// table gives the new table n the redline of the old table o and its own:
// its caption, its header rows in the columns of both, and its body rows,
// matched by their keys, or read as lists by column when they have none.
func (b *builder) table(o, n *document.DataTable) ast.Node {
	var caption ast.Node
	switch oc, nc := o.Caption(), n.Caption(); {
	case oc != nil && nc != nil:
		caption = b.changed(oc, nc, false)
	case nc != nil:
		caption = b.inserted(nc)
	case oc != nil:
		caption = b.deleted(oc)
	}
	oh, ob := o.Rows()
	nh, nb := n.Rows()
	oHead, nHead := newSide(oh, b.oldSrc, true), newSide(nh, b.newSrc, false)
	oBody, nBody := newSide(ob, b.oldSrc, true), newSide(nb, b.newSrc, false)
	ow, nw := max(oHead.width(), oBody.width()), max(nHead.width(), nBody.width())
	cols := pairColumns(oHead.columnKeys(ow), nHead.columnKeys(nw))

	var rows []*document.TableRow
	for h := range nh {
		oi := h
		if h >= len(oh) {
			oi = -1
		}
		rows = append(rows, b.row(oHead, nHead, oi, h, cols, false))
	}
	if keyedRows(oBody) && keyedRows(nBody) {
		rows = append(rows, b.keyedRows(oBody, nBody, cols)...)
	} else {
		rows = append(rows, b.listRows(oBody, nBody, cols)...)
	}
	n.RemoveChildren(n)
	if caption != nil {
		n.AppendChild(n, caption)
	}
	for _, r := range rows {
		n.AppendChild(n, r)
	}
	n.Widths = widths(o.Widths, n.Widths, cols)
	return n
}

// widths are the relative widths of the redline's columns: each column's
// in its version, when both versions give widths for all their columns.
func widths(o, n []float64, cols []colPair) []float64 {
	if len(n) == 0 {
		return nil
	}
	out := make([]float64, len(cols))
	for i, c := range cols {
		switch {
		case c.n >= 0 && c.n < len(n):
			out[i] = n[c.n]
		case c.o >= 0 && c.o < len(o):
			out[i] = o[c.o]
		default:
			return nil
		}
	}
	return out
}

// rowKey is what a body row is matched by: its id (a State's row of the
// table of positions), or the text of the header cell that starts it (the
// State's name in the participation table); "" for neither.
func (s *side) rowKey(r int) string {
	row := s.rows[r]
	if row.ID != "" {
		return "id " + row.ID
	}
	if cells := row.Cells(); len(cells) > 0 && cells[0].Header && cells[0].Scope == "row" {
		return "th " + strings.TrimSpace(document.Text(cells[0], s.src))
	}
	return ""
}

// keyedRows reports whether every body row has a key.
func keyedRows(s *side) bool {
	for r := range s.rows {
		if s.rowKey(r) == "" {
			return false
		}
	}
	return true
}

// keyedRows is the redline of body rows matched by key, in the new order:
// a row only in the old version stands where it stood, deleted; a row whose
// key is in both but moved is shown once, changed, where it now stands.
func (b *builder) keyedRows(os, ns *side, cols []colPair) []*document.TableRow {
	ka, kb := make([]string, len(os.rows)), make([]string, len(ns.rows))
	for i := range ka {
		ka[i] = os.rowKey(i)
	}
	for j := range kb {
		kb[j] = ns.rowKey(j)
	}
	edits := worddiff.Diff(intern(ka, kb))
	deleted, inserted := map[string]int{}, map[string]bool{}
	for _, e := range edits {
		for i := e.A0; i < e.A1 && e.Op == worddiff.Delete; i++ {
			if _, dup := deleted[ka[i]]; !dup {
				deleted[ka[i]] = i
			}
		}
		for j := e.B0; j < e.B1 && e.Op == worddiff.Insert; j++ {
			inserted[kb[j]] = true
		}
	}
	var out []*document.TableRow
	for _, e := range edits {
		switch e.Op {
		case worddiff.Equal:
			for i := range e.A1 - e.A0 {
				out = append(out, b.row(os, ns, e.A0+i, e.B0+i, cols, true))
			}
		case worddiff.Delete:
			for i := e.A0; i < e.A1; i++ {
				if !inserted[ka[i]] {
					out = append(out, b.row(os, ns, i, -1, cols, true))
				}
			}
		case worddiff.Insert:
			for j := e.B0; j < e.B1; j++ {
				oi, moved := deleted[kb[j]]
				if !moved {
					oi = -1
				}
				out = append(out, b.row(os, ns, oi, j, cols, true))
			}
		}
	}
	return out
}

// row is the redline of old row oi and new row ni (-1 for a row only one
// version has), in the columns of both. Each cell is the new version's
// where the new row has its column, with the redline of the old cell of
// the same columns, else the old version's, deleted; a cell spanning
// columns spans as many of the redline's. fold says the row is a body row,
// whose long paragraphs that have not changed are folded.
func (b *builder) row(os, ns *side, oi, ni int, cols []colPair, fold bool) *document.TableRow {
	var like *document.TableRow
	if ni >= 0 {
		like = ns.rows[ni]
	} else {
		like = os.rows[oi]
	}
	row := &document.TableRow{Head: like.Head, ID: like.ID}
	emitted := map[*document.TableCell]bool{}
	at := func(m int) (cell *document.TableCell, start, old bool) {
		if c := cols[m]; ni >= 0 && c.n >= 0 {
			cell, start = ns.cell(ni, c.n)
			return cell, start, false
		}
		cell, start = os.cell(oi, cols[m].o)
		return cell, start, true
	}
	for m := 0; m < len(cols); {
		cell, start, old := at(m)
		if cell != nil && !start {
			m++ // the place of a cell spanning down from a row above
			continue
		}
		k := m + 1
		for k < len(cols) {
			if c, _, _ := at(k); c != cell || cell == nil {
				break
			}
			k++
		}
		if cell == nil || emitted[cell] {
			row.AppendChild(row, filler(row.Head, k-m))
			m = k
			continue
		}
		emitted[cell] = true
		cell.ColSpan = k - m
		switch {
		case old:
			cell = b.deleted(cell).(*document.TableCell)
		case oi < 0:
			b.inserted(cell)
		default:
			if oc := b.counterpart(os, oi, cols[m:k]); oc != nil {
				b.changed(oc, cell, fold)
			} else {
				b.inserted(cell)
			}
		}
		row.AppendChild(row, cell)
		m = k
	}
	switch {
	case ni < 0:
		row.Change = document.RowDeleted
	case oi < 0:
		row.Change = document.RowInserted
	case hasEdit(row):
		row.Change = document.RowChanged
	}
	return row
}

// counterpart is the old cell that starts in row oi in the first of the
// columns that the old version has, or nil.
func (b *builder) counterpart(os *side, oi int, cols []colPair) *document.TableCell {
	for _, c := range cols {
		if c.o < 0 {
			continue
		}
		if cell, start := os.cell(oi, c.o); cell != nil && start {
			return cell
		}
		return nil
	}
	return nil
}

// filler is an empty cell in place of what neither version has there.
func filler(head bool, span int) *document.TableCell {
	c := &document.TableCell{ColSpan: span, RowSpan: 1, Header: head}
	if head {
		c.Scope = "col"
	}
	return c
}

// hasEdit reports whether n holds an insertion or a deletion.
func hasEdit(n ast.Node) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := c.(*document.Edit); ok {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// listRows is the redline of body rows with no keys, the vote's: each
// column holds a list (of States), and the lists are compared column by
// column, so that a name that moved is deleted from one column and
// inserted in another; the rows are then made again from the lists.
func (b *builder) listRows(os, ns *side, cols []colPair) []*document.TableRow {
	type entry struct {
		cell *document.TableCell
		op   worddiff.Op
	}
	lists := make([][]entry, len(cols))
	height := 0
	for x, c := range cols {
		olds, news := os.column(c.o), ns.column(c.n)
		ka, kb := make([]string, len(olds)), make([]string, len(news))
		for i, cell := range olds {
			ka[i] = b.signature(cell, true)
		}
		for j, cell := range news {
			kb[j] = b.signature(cell, false)
		}
		for _, e := range worddiff.Diff(intern(ka, kb)) {
			switch e.Op {
			case worddiff.Equal, worddiff.Insert:
				for _, cell := range news[e.B0:e.B1] {
					lists[x] = append(lists[x], entry{cell, e.Op})
				}
			case worddiff.Delete:
				for _, cell := range olds[e.A0:e.A1] {
					lists[x] = append(lists[x], entry{cell, e.Op})
				}
			}
		}
		height = max(height, len(lists[x]))
	}
	out := make([]*document.TableRow, height)
	for r := range out {
		row := &document.TableRow{}
		for x := range cols {
			if r >= len(lists[x]) {
				row.AppendChild(row, filler(false, 1))
				continue
			}
			en := lists[x][r]
			cell := en.cell
			cell.ColSpan, cell.RowSpan = 1, 1
			switch en.op {
			case worddiff.Delete:
				cell = b.deleted(cell).(*document.TableCell)
				row.Change = document.RowChanged
			case worddiff.Insert:
				b.inserted(cell)
				row.Change = document.RowChanged
			}
			row.AppendChild(row, cell)
		}
		out[r] = row
	}
	return out
}

// column lists the cells of column c that start in it and say something,
// top to bottom; none for c == -1.
func (s *side) column(c int) []*document.TableCell {
	var out []*document.TableCell
	for r := range s.rows {
		cell, start := s.cell(r, c)
		if cell != nil && start && s.at[cell][1] == c && strings.TrimSpace(document.Text(cell, s.src)) != "" {
			out = append(out, cell)
		}
	}
	return out
}
