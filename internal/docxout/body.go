package docxout

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"unireport/internal/document"
)

// ctx is what a block's surroundings decide about it.
type ctx struct {
	style  string // the style of its plain paragraphs
	nested bool   // in a table cell or a footnote
	depth  int    // how deep in lists: the indent of a list item's later paragraphs
}

// pPr is what a paragraph's properties say besides its style.
type pPr struct {
	style   string
	num     int  // list instance (numbering), 0 none
	level   int  // list level
	noteRef bool // starts with its footnote's number
	sectPr  string
}

// blocks writes the block children of n.
func (w *writer) blocks(n ast.Node, c ctx) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		w.block(ch, c)
	}
}

func (w *writer) block(n ast.Node, c ctx) {
	switch n := n.(type) {
	case *document.TitleBlock:
		w.titleBlock(n, c)
	case *ast.Heading:
		style := headingStyle(n.Level)
		if c.nested {
			style = c.style // a heading in a cell or a note is set as its text, bold
			w.para(n, pPr{style: style}, runFmt{bold: true})
			return
		}
		w.para(n, pPr{style: style}, runFmt{})
	case *ast.Paragraph, *ast.TextBlock:
		style := c.style
		if style == styleNormal && afterTable(n) {
			style = styleAfterTable
		}
		w.para(n, pPr{style: style}, runFmt{})
	case *ast.List:
		w.list(n, c)
	case *ast.Blockquote:
		inner := c
		if !c.nested && c.style == styleNormal {
			inner.style = styleQuote
		}
		w.blocks(n, inner)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		w.codeBlock(n)
	case *ast.ThematicBreak:
		w.openPara(pPr{style: styleRule})
		w.closePara()
	case *document.PageBreak:
		if !c.nested {
			w.pageBreak = true
		}
	case *ast.HTMLBlock:
		// raw HTML is never passed through, as in HTML and PDF
	case *document.DataTable:
		w.dataTable(n, c)
	case *east.Table:
		w.pipeTable(n, c)
	case *east.FootnoteList:
		// written into word/footnotes.xml where referenced
	default:
		w.blocks(n, c)
	}
}

// titleBlock writes the report's title and the lines under it (the
// presenting line, then the date) in the Title, Subtitle and Date styles.
func (w *writer) titleBlock(n *document.TitleBlock, c ctx) {
	if h := n.Title(); h != nil {
		w.para(h, pPr{style: styleTitle}, runFmt{})
	}
	for i, l := range n.Under() {
		style := styleDate
		if i == 0 {
			style = styleSubtitle
		}
		switch l := l.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			w.para(l, pPr{style: style}, runFmt{})
		default:
			w.block(l, c)
		}
	}
}

// para writes a paragraph of n's inline content; base is the formatting
// all its runs carry (bold for a heading in a cell).
func (w *writer) para(n ast.Node, p pPr, base runFmt) {
	if h, ok := n.(*ast.Heading); ok && w.bookmark == "" {
		if v, ok := h.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok {
				w.bookmark = w.bookmarks[string(b)]
			}
		}
	}
	w.openPara(p)
	w.inlines(n, base)
	w.closePara()
}

// openPara starts a paragraph: its properties, then what the paragraph
// was waiting for (a bookmark, its footnote's number).
func (w *writer) openPara(p pPr) {
	b := w.out
	b.WriteString("<w:p>")
	pageBreak := w.pageBreak && w.out == w.body && w.cells == 0
	if p.style != styleNormal || pageBreak || p.num > 0 || p.sectPr != "" {
		b.WriteString("<w:pPr>")
		if p.style != styleNormal {
			val(b, "pStyle", p.style)
		}
		if pageBreak {
			b.WriteString("<w:pageBreakBefore/>")
			w.pageBreak = false
		}
		if p.num > 0 {
			b.WriteString("<w:numPr>")
			val(b, "ilvl", itoa(p.level))
			val(b, "numId", itoa(p.num))
			b.WriteString("</w:numPr>")
		}
		b.WriteString(p.sectPr)
		b.WriteString("</w:pPr>")
	}
	if w.bookmark != "" {
		w.marks++
		id := itoa(w.marks)
		b.WriteString(`<w:bookmarkStart w:id="` + id + `"`)
		attr(b, "w:name", w.bookmark)
		b.WriteString(`/><w:bookmarkEnd w:id="` + id + `"/>`)
		w.bookmark = ""
	}
	if p.noteRef {
		w.mark(runFmt{style: styleNoteRef}, "<w:footnoteRef/>")
		w.mark(runFmt{}, "<w:tab/>")
	}
}

// closePara ends a paragraph.
func (w *writer) closePara() {
	w.flush()
	w.out.WriteString("</w:p>\n")
	w.last = 'p'
}

// emptyPara writes a paragraph with nothing in it.
func (w *writer) emptyPara(style string) {
	w.openPara(pPr{style: style})
	w.closePara()
}

// list writes a list: each item's first paragraph numbered (or bulleted)
// at the list's depth, its later paragraphs indented to its text.
func (w *writer) list(n *ast.List, c ctx) {
	w.lists = append(w.lists, n.IsOrdered())
	start := max(n.Start, 0) // an ordered list may count from 0, as in HTML
	w.start = append(w.start, start)
	num := len(w.lists)
	level := min(c.depth, maxListLevel)
	inner := c
	inner.depth = c.depth + 1
	if c.style == styleNormal || c.style == styleQuote || isListStyle(c.style) {
		inner.style = listContinueStyle(inner.depth)
	}
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		first := item.FirstChild()
		p := pPr{style: styleListParagraph, num: num, level: level}
		if c.nested {
			p.style = c.style
		}
		switch first.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			w.para(first, p, runFmt{})
			first = first.NextSibling()
		default:
			w.openPara(p) // the marker, on a line of its own
			w.closePara()
		}
		for b := first; b != nil; b = b.NextSibling() {
			w.block(b, inner)
		}
	}
}

// codeBlock writes a code block as one paragraph, its lines kept.
func (w *writer) codeBlock(n ast.Node) {
	w.openPara(pPr{style: styleCode})
	lines := n.Lines()
	for i := range lines.Len() {
		if i > 0 {
			w.mark(runFmt{}, "<w:br/>")
		}
		seg := lines.At(i)
		w.text(strings.TrimRight(string(seg.Value(w.src)), "\r\n"), runFmt{})
	}
	w.closePara()
}

// afterTable reports whether the block n comes right after a table.
func afterTable(n ast.Node) bool {
	prev := n.PreviousSibling()
	return prev != nil && (prev.Kind() == document.KindDataTable || prev.Kind() == east.KindTable)
}
