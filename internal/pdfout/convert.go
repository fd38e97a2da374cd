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
// kinds to block kinds.
func convert(doc *document.Document) layout.Document {
	c := converter{src: doc.Source, out: layout.Document{Footnotes: map[int][]layout.Block{}}, rows: rowIDs(doc)}
	c.out.Blocks = c.blocks(doc.Root)
	return c.out
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
		return []layout.Block{&layout.Heading{Level: n.Level, Runs: c.runs(n, style{})}}
	case *ast.Paragraph, *ast.TextBlock:
		return []layout.Block{&layout.Paragraph{Runs: c.runs(n, style{})}}
	case *ast.List:
		l := &layout.List{Ordered: n.IsOrdered(), Start: n.Start}
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			l.Items = append(l.Items, c.blocks(item))
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
			out = append(out, &layout.Paragraph{Runs: []layout.Run{{Text: text}}, Align: layout.AlignLeft})
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
				c.out.Footnotes[f.Index] = c.blocks(f)
			}
		}
		return nil
	}
	return c.blocks(n)
}

func (c *converter) titleBlock(n *document.TitleBlock) layout.Block {
	tb := &layout.TitleBlock{}
	if h := n.Title(); h != nil {
		tb.Title = c.runs(h, style{})
	}
	for _, l := range n.Under() {
		tb.Lines = append(tb.Lines, c.runs(l, style{}))
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
	if cap := n.Caption(); cap != nil {
		if !cap.Hidden {
			for p := cap.FirstChild(); p != nil; p = p.NextSibling() {
				t.Caption = append(t.Caption, c.runs(p, style{})...)
			}
		}
		t.Bookmark = plainWords(document.Text(cap, c.src))
	}
	head, body := n.Rows()
	for _, r := range head {
		t.Head = append(t.Head, c.row(r))
	}
	for _, r := range body {
		row := c.row(r)
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

func (c *converter) row(r *document.TableRow) layout.Row {
	row := layout.Row{ID: r.ID}
	for _, cell := range r.Cells() {
		lc := layout.Cell{Blocks: c.blocks(cell), ColSpan: cell.ColSpan, RowSpan: cell.RowSpan, Header: cell.Header}
		if cell.Align == document.AlignCenter {
			lc.Align = layout.AlignCenter
		}
		row.Cells = append(row.Cells, lc)
	}
	return row
}

// gfmTable converts a pipe table an editor wrote in a template.
func (c *converter) gfmTable(n *east.Table) layout.Block {
	t := &layout.Table{}
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var row layout.Row
		for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
			lc := layout.Cell{Blocks: []layout.Block{&layout.Paragraph{Runs: c.runs(cell, style{})}}}
			if tc, ok := cell.(*east.TableCell); ok && tc.Alignment == east.AlignCenter {
				lc.Align = layout.AlignCenter
			}
			row.Cells = append(row.Cells, lc)
		}
		if _, isHead := r.(*east.TableHeader); isHead {
			t.Head = append(t.Head, row)
		} else {
			t.Body = append(t.Body, row)
		}
	}
	return t
}

type style struct {
	bold, italic bool
	link         string
}

// runs flattens n's inline content into styled runs.
func (c *converter) runs(n ast.Node, st style) []layout.Run {
	var out []layout.Run
	add := func(text string) {
		if text == "" {
			return
		}
		// join with the previous run when the style is the same
		if k := len(out) - 1; k >= 0 && out[k].FootnoteRef == 0 && !out[k].Gap && out[k].Bold == st.bold && out[k].Italic == st.italic && out[k].Link == st.link {
			out[k].Text += text
			return
		}
		out = append(out, layout.Run{Text: text, Bold: st.bold, Italic: st.italic, Link: st.link})
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
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
			}
			out = append(out, c.runs(ch, inner)...)
		case *ast.AutoLink:
			inner := st
			if url, ok := document.AutoLinkTarget(ch, c.src); ok {
				inner.link = url
			}
			out = append(out, layout.Run{Text: string(ch.Label(c.src)), Bold: inner.bold, Italic: inner.italic, Link: inner.link})
		case *document.Gap:
			// a run of its own, never joined with the text around it
			out = append(out, layout.Run{Text: placeholder.Text(ch.What), Bold: st.bold, Italic: st.italic, Link: st.link, Gap: true})
		case *ast.Image:
			add(document.Text(ch, c.src)) // its alt text: the PDF carries no images
		case *ast.RawHTML:
			// dropped, as in HTML
		case *east.FootnoteLink:
			out = append(out, layout.Run{Text: strconv.Itoa(ch.Index), FootnoteRef: ch.Index})
		case *east.FootnoteBacklink:
			// a PDF has nothing to go back to
		default:
			out = append(out, c.runs(ch, st)...)
		}
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
