package pdfout

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"unireport/internal/document"
	"unireport/internal/layout"
	"unireport/internal/placeholder"
)

// convert walks the document tree, the same tree the HTML writer renders,
// into the layout engine's blocks. It derives no facts: it only maps node
// kinds to block kinds. Along the way it builds the document's logical
// structure, in document order, for a tagged PDF: each block, row, cell and
// linking run points to its element.
func convert(doc *document.Document) layout.Document {
	ld, _ := convertNodes(doc)
	return ld
}

// convertNodes is convert that also returns the node each table was
// converted from.
func convertNodes(doc *document.Document) (layout.Document, map[*layout.Table]ast.Node) {
	root := &layout.Elem{Role: "Document"}
	c := converter{src: doc.Source, rows: rowIDs(doc), parent: root, tables: map[*layout.Table]ast.Node{}, out: layout.Document{
		Footnotes: map[int][]layout.Block{}, Structure: root, Notes: map[int]*layout.Elem{}}}
	c.out.Blocks = c.blocks(doc.Root)
	return c.out, c.tables
}

// rowIDs are the anchors a PDF can link to within itself: table rows.
func rowIDs(doc *document.Document) map[string]bool {
	ids := map[string]bool{}
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := n.(*document.TableRow); ok && entering && r.ID != "" {
			ids[r.ID] = true
		}
		return ast.WalkContinue, nil
	})
	return ids
}

type converter struct {
	src  []byte
	out  layout.Document
	rows map[string]bool
	// tables maps each table to the node it comes from.
	tables map[*layout.Table]ast.Node
	// parent is the element new elements go under; cell, when set, is the
	// table cell's, which the paragraphs directly in the cell belong to
	// (a TD holds its text itself).
	parent, cell *layout.Elem
}

// under converts n's block children with parent as the parent element,
// and cell as the cell element (nil outside a cell's own paragraphs).
func (c *converter) under(parent, cell *layout.Elem, n ast.Node) []layout.Block {
	p, ce := c.parent, c.cell
	c.parent, c.cell = parent, cell
	out := c.blocks(n)
	c.parent, c.cell = p, ce
	return out
}

// para returns the element of a paragraph: a new P, or the cell's element
// for a paragraph directly in a table cell.
func (c *converter) para() *layout.Elem {
	if c.cell != nil && c.cell == c.parent {
		return c.cell
	}
	return c.parent.Add("P")
}

// headingRole is the structure type of a heading of level: H1 to H6.
func headingRole(level int) string {
	return "H" + strconv.Itoa(min(max(level, 1), 6))
}

// blocks converts the block children of n.
func (c *converter) blocks(n ast.Node) []layout.Block {
	var out []layout.Block
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		out = append(out, c.block(ch)...)
	}
	return out
}

func (c *converter) block(n ast.Node) []layout.Block {
	switch n := n.(type) {
	case *document.TitleBlock:
		return []layout.Block{c.titleBlock(n)}
	case *ast.Heading:
		e := c.parent.Add(headingRole(n.Level))
		return []layout.Block{&layout.Heading{Level: n.Level, Runs: c.runs(n, style{elem: e}), Elem: e}}
	case *ast.Paragraph, *ast.TextBlock:
		e := c.para()
		return []layout.Block{&layout.Paragraph{Runs: c.runs(n, style{elem: e}), Elem: e}}
	case *document.Fold:
		return []layout.Block{c.fold(n)}
	case *ast.List:
		l := &layout.List{Ordered: n.IsOrdered(), Start: n.Start}
		le := c.parent.Add("L")
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			li := le.Add("LI")
			l.Labels = append(l.Labels, li.Add("Lbl"))
			l.Items = append(l.Items, c.under(li.Add("LBody"), nil, item))
		}
		return []layout.Block{l}
	case *ast.Blockquote:
		return c.blocks(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var out []layout.Block
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			text := strings.TrimRight(string(seg.Value(c.src)), "\r\n")
			out = append(out, &layout.Paragraph{Runs: []layout.Run{{Text: text}}, Align: layout.AlignLeft, Elem: c.para()})
		}
		return out
	case *ast.ThematicBreak:
		return []layout.Block{&layout.Rule{}}
	case *document.PageBreak:
		return []layout.Block{&layout.PageBreak{}}
	case *ast.HTMLBlock:
		return nil // raw HTML is never passed through, in PDF as in HTML
	case *document.DataTable:
		return []layout.Block{c.dataTable(n)}
	case *east.Table:
		return []layout.Block{c.gfmTable(n)}
	case *east.FootnoteList:
		for fn := n.FirstChild(); fn != nil; fn = fn.NextSibling() {
			if f, ok := fn.(*east.Footnote); ok {
				note := c.parent.Add("Note")
				note.ID = "fn" + strconv.Itoa(f.Index)
				// The note's number at the foot of the page is its label.
				c.out.Notes[f.Index] = note.Add("Lbl")
				c.out.Footnotes[f.Index] = c.under(note, nil, f)
			}
		}
		return nil
	}
	return c.blocks(n)
}

func (c *converter) titleBlock(n *document.TitleBlock) layout.Block {
	tb := &layout.TitleBlock{}
	if h := n.Title(); h != nil {
		tb.TitleElem = c.parent.Add("H1")
		tb.Title = c.runs(h, style{elem: tb.TitleElem})
	}
	for _, l := range n.Under() {
		e := c.parent.Add("P")
		tb.LineElems = append(tb.LineElems, e)
		tb.Lines = append(tb.Lines, c.runs(l, style{elem: e}))
	}
	return tb
}

// dataTable converts a data table. A table with a caption, shown or not,
// has an outline entry of its caption's words; under it, each row with an
// ID that a header cell starts (a State in the table of positions) has one
// of that cell's words, so that a reader can go to a State from the
// outline.
func (c *converter) dataTable(n *document.DataTable) layout.Block {
	t := &layout.Table{Name: n.Name, Widths: n.Widths, Landscape: n.Landscape}
	c.tables[t] = n
	te := c.parent.Add("Table")
	if cap := n.Caption(); cap != nil {
		if !cap.Hidden {
			t.CaptionElem = te.Add("Caption")
			for p := cap.FirstChild(); p != nil; p = p.NextSibling() {
				t.Caption = append(t.Caption, c.runs(p, style{elem: t.CaptionElem})...)
			}
		}
		t.Bookmark = plainWords(document.Text(cap, c.src))
	}
	head, body := n.Rows()
	for _, r := range head {
		t.Head = append(t.Head, c.row(te, r, true))
	}
	for _, r := range body {
		row := c.row(te, r, false)
		if cells := r.Cells(); t.Bookmark != "" && r.ID != "" && len(cells) > 0 && cells[0].Header {
			row.Bookmark = plainWords(document.Text(cells[0], c.src))
		}
		t.Body = append(t.Body, row)
	}
	return t
}

// plainWords is s with its runs of white space made single spaces, for an
// outline entry.
func plainWords(s string) string { return strings.Join(strings.Fields(s), " ") }

func (c *converter) row(table *layout.Elem, r *document.TableRow, head bool) layout.Row {
	row := layout.Row{ID: r.ID}
	tr := table.Add("TR")
	for _, cell := range r.Cells() {
		e := cellElem(tr, cell.Header || head, cell.Scope, head, cell.ColSpan, cell.RowSpan)
		e.Alt = cell.Alt
		lc := layout.Cell{Blocks: c.under(e, e, cell), ColSpan: cell.ColSpan, RowSpan: cell.RowSpan, Header: cell.Header}
		if cell.Align == document.AlignCenter {
			lc.Align = layout.AlignCenter
		}
		row.Cells = append(row.Cells, lc)
	}
	return row
}

// cellElem adds to tr the element of a cell: a TH, with its scope (a
// column's header in a header row, else as scope says, a row's by default),
// or a TD; with its spans when they are more than one.
func cellElem(tr *layout.Elem, header bool, scope string, headRow bool, colSpan, rowSpan int) *layout.Elem {
	var a []string
	e := tr.Add("TD")
	if header {
		e.Role = "TH"
		switch {
		case scope == "col" || scope == "colgroup" || scope == "" && headRow:
			a = append(a, "/Scope /Column")
		default:
			a = append(a, "/Scope /Row")
		}
	}
	if colSpan > 1 {
		a = append(a, "/ColSpan "+strconv.Itoa(colSpan))
	}
	if rowSpan > 1 {
		a = append(a, "/RowSpan "+strconv.Itoa(rowSpan))
	}
	if len(a) > 0 {
		e.Attrs = "/A <</O /Table " + strings.Join(a, " ") + ">>"
	}
	return e
}

// gfmTable converts a pipe table an editor wrote in a template.
func (c *converter) gfmTable(n *east.Table) layout.Block {
	t := &layout.Table{}
	c.tables[t] = n
	te := c.parent.Add("Table")
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var row layout.Row
		_, isHead := r.(*east.TableHeader)
		tr := te.Add("TR")
		for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
			e := cellElem(tr, isHead, "", isHead, 0, 0)
			lc := layout.Cell{Blocks: []layout.Block{&layout.Paragraph{Runs: c.runs(cell, style{elem: e}), Elem: e}}}
			if tc, ok := cell.(*east.TableCell); ok && tc.Alignment == east.AlignCenter {
				lc.Align = layout.AlignCenter
			}
			row.Cells = append(row.Cells, lc)
		}
		if isHead {
			t.Head = append(t.Head, row)
		} else {
			t.Body = append(t.Body, row)
		}
	}
	return t
}

type style struct {
	bold, italic bool
	change       layout.Change // the words of a redline
	link         string
	// elem is the element the runs belong to: their block's, or a Link.
	// A run carries it (Run.Elem) only when it is a Link or a Reference.
	elem *layout.Elem
	own  bool // elem is the runs' own (a Link's)
}

// runElem is what a run of st carries as its own element.
func (st style) runElem() *layout.Elem {
	if st.own {
		return st.elem
	}
	return nil
}

// runs flattens n's inline content into styled runs.
func (c *converter) runs(n ast.Node, st style) []layout.Run {
	var out []layout.Run
	add := func(text string) {
		if text == "" {
			return
		}
		// join with the previous run when the style is the same
		if k := len(out) - 1; k >= 0 && out[k].FootnoteRef == 0 && !out[k].Gap && out[k].Bold == st.bold && out[k].Italic == st.italic && out[k].Change == st.change && out[k].Link == st.link && out[k].Elem == st.runElem() {
			out[k].Text += text
			return
		}
		out = append(out, layout.Run{Text: text, Bold: st.bold, Italic: st.italic, Change: st.change, Link: st.link, Elem: st.runElem()})
	}
	for _, ch := range inlines(n) {
		switch ch := ch.(type) {
		case *ast.Text:
			add(string(ch.Value(c.src)))
			if ch.SoftLineBreak() || ch.HardLineBreak() {
				add(" ")
			}
		case *ast.String:
			add(string(ch.Value))
		case *ast.CodeSpan:
			add(document.Text(ch, c.src))
		case *document.Edit:
			inner := st
			inner.change = layout.Inserted
			if ch.Deleted {
				inner.change = layout.Deleted
			}
			out = append(out, c.runs(ch, inner)...)
		case *ast.Emphasis:
			inner := st
			if ch.Level >= 2 {
				inner.bold = true
			} else {
				inner.italic = true
			}
			out = append(out, c.runs(ch, inner)...)
		case *ast.Link:
			inner := st
			if url, ok := document.LinkTarget(ch.Destination); ok && c.reachable(url) {
				inner.link = url
				inner.elem, inner.own = st.elem.Add("Link"), true
			}
			out = append(out, c.runs(ch, inner)...)
		case *ast.AutoLink:
			inner := st
			if url, ok := document.AutoLinkTarget(ch, c.src); ok {
				inner.link = url
				inner.elem, inner.own = st.elem.Add("Link"), true
			}
			out = append(out, layout.Run{Text: string(ch.Label(c.src)), Bold: inner.bold, Italic: inner.italic, Change: inner.change, Link: inner.link, Elem: inner.runElem()})
		case *document.Gap:
			// a run of its own, never joined with the text around it
			out = append(out, layout.Run{Text: placeholder.Text(ch.What), Bold: st.bold, Italic: st.italic, Change: st.change, Link: st.link, Gap: true, Elem: st.runElem()})
		case *ast.Image:
			add(document.Text(ch, c.src)) // its alt text: the PDF carries no images
		case *ast.RawHTML:
			// dropped, as in HTML
		case *east.FootnoteLink:
			out = append(out, layout.Run{Text: strconv.Itoa(ch.Index), FootnoteRef: ch.Index, Change: st.change, Elem: st.elem.Add("Reference")})
		case *east.FootnoteBacklink:
			// a PDF has nothing to go back to
		default:
			out = append(out, c.runs(ch, st)...)
		}
	}
	return out
}

// inlines are n's children, and in place of a value of a draft with its
// source (document.Provenance), its content: the PDF carries no sources,
// and its runs are the final's.
func inlines(n ast.Node) []ast.Node {
	var out []ast.Node
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if p, ok := ch.(*document.Provenance); ok {
			out = append(out, inlines(p)...)
			continue
		}
		out = append(out, ch)
	}
	return out
}

// reachable reports whether the PDF can follow url: any address outside
// the document, or an in-page link to a table row. A link to a heading or
// a table keeps its text and loses its target, as the PDF has no anchor
// there.
func (c *converter) reachable(url string) bool {
	id, local := strings.CutPrefix(url, "#")
	return !local || c.rows[id]
}

// fold converts a paragraph of a redline folded to its first words: in
// print, those words and the label in italics; the whole is not printed.
func (c *converter) fold(n *document.Fold) layout.Block {
	e := c.para()
	var runs []layout.Run
	if ex := n.Excerpt(); ex != nil {
		runs = c.runs(ex, style{elem: e})
	}
	runs = append(runs, layout.Run{Text: " "}, layout.Run{Text: "(" + n.Label + ")", Italic: true})
	return &layout.Paragraph{Runs: runs, Elem: e}
}
