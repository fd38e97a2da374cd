package htmlout

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"unireport/internal/document"
	"unireport/internal/placeholder"
)

// nodeRenderer renders the document's own node kinds, and paragraphs so
// that a cell or caption holding one paragraph gets no <p> around it.
type nodeRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (r nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(document.KindDataTable, r.renderTable)
	reg.Register(document.KindCaption, r.renderCaption)
	reg.Register(document.KindTableRow, r.renderRow)
	reg.Register(document.KindTableCell, r.renderCell)
	reg.Register(document.KindTitleBlock, r.renderTitleBlock)
	reg.Register(document.KindPageBreak, r.renderPageBreak)
	reg.Register(document.KindGap, r.renderGap)
	reg.Register(east.KindTable, r.renderPipeTable)
	reg.Register(east.KindTableHeader, r.renderPipeRow)
	reg.Register(east.KindTableRow, r.renderPipeRow)
	reg.Register(east.KindTableCell, r.renderPipeCell)
	reg.Register(ast.KindParagraph, r.renderParagraph)
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
	reg.Register(ast.KindImage, r.renderImage)
}

// renderImage writes an image's alt text only: the page must need nothing
// from elsewhere, and the report has no images of its own.
func (r nodeRenderer) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.Write(util.EscapeHTML([]byte(document.Text(node, source))))
	}
	return ast.WalkSkipChildren, nil
}

// renderGap writes a value still to fill in as a highlighted
// "[to fill in: what]" (gap.css).
func (r nodeRenderer) renderGap(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<mark class="gap">`)
		_, _ = w.Write(util.EscapeHTML([]byte(placeholder.Text(node.(*document.Gap).What))))
		_, _ = w.WriteString("</mark>")
	}
	return ast.WalkSkipChildren, nil
}

// renderPageBreak writes an empty element that starts a new page when the
// page is printed; on screen it takes no room.
func (r nodeRenderer) renderPageBreak(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<div class=\"page-break\"></div>\n")
	}
	return ast.WalkSkipChildren, nil
}

// renderLink writes a link, or only its text when the target could run
// code (javascript:, vbscript:, data: other than images; see
// document.LinkTarget): a dead link would mislead the reader.
func (r nodeRenderer) renderLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	url, ok := document.LinkTarget(n.Destination)
	if !ok {
		return ast.WalkContinue, nil
	}
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML([]byte(url)))
	_, _ = w.WriteString(`"`)
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML(n.Title))
		_, _ = w.WriteString(`"`)
	}
	_, _ = w.WriteString(">")
	return ast.WalkContinue, nil
}

func (r nodeRenderer) renderAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.AutoLink)
	if !entering {
		return ast.WalkContinue, nil
	}
	label := n.Label(source)
	url, ok := document.AutoLinkTarget(n, source)
	if !ok {
		_, _ = w.Write(util.EscapeHTML(label))
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML([]byte(url)))
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(util.EscapeHTML(label))
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

func (r nodeRenderer) renderTable(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*document.DataTable)
	if !entering {
		_, _ = w.WriteString("</table>\n</section>\n")
		return ast.WalkContinue, nil
	}
	label := ""
	if c := n.Caption(); c != nil {
		label = fmt.Sprintf(` aria-label="%s"`, util.EscapeHTML([]byte(document.Text(c, source))))
	}
	// The box scrolls a table wider than the screen; a <section> named
	// after the caption is a region landmark, and tabindex lets keyboard
	// users scroll it.
	class := "table-wrap"
	if n.Landscape {
		class += " landscape" // printed on pages of its own, turned
	}
	fmt.Fprintf(w, `<section class="%s"%s tabindex="0">`+"\n", class, label)
	fmt.Fprintf(w, `<table class="data-table table-%s"`, attr(n.Name))
	if n.ID != "" {
		fmt.Fprintf(w, ` id="%s"`, attr(n.ID))
	}
	_, _ = w.WriteString(">\n")
	if n.Caption() == nil {
		writeColgroup(w, n)
	}
	return ast.WalkContinue, nil
}

// renderPipeTable writes a GFM pipe table (one an editor wrote in a
// template, or the editors' checklist's) as the data tables are written:
// in a box that scrolls it when it is wider than the screen, named after
// the heading just before it, else after its column headers.
func (r nodeRenderer) renderPipeTable(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</table>\n</section>\n")
		return ast.WalkContinue, nil
	}
	name := ""
	if h, ok := node.PreviousSibling().(*ast.Heading); ok {
		if id, ok := h.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok && len(b) > 0 {
				name = fmt.Sprintf(` aria-labelledby="%s"`, attr(string(b)))
			}
		}
	}
	if name == "" {
		var cols []string
		if head, ok := node.FirstChild().(*east.TableHeader); ok {
			for c := head.FirstChild(); c != nil; c = c.NextSibling() {
				if t := strings.TrimSpace(document.Text(c, source)); t != "" {
					cols = append(cols, t)
				}
			}
		}
		name = fmt.Sprintf(` aria-label="%s"`, attr("Table: "+strings.Join(cols, ", ")))
	}
	fmt.Fprintf(w, `<section class="table-wrap"%s tabindex="0">`+"\n", name)
	_, _ = w.WriteString(`<table class="data-table pipe-table">` + "\n")
	return ast.WalkContinue, nil
}

// renderPipeRow writes the header row of a pipe table in <thead> and the
// others in <tbody>, as renderRow does.
func (r nodeRenderer) renderPipeRow(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if _, head := node.(*east.TableHeader); head {
		if entering {
			_, _ = w.WriteString("<thead>\n<tr>")
		} else {
			_, _ = w.WriteString("</tr>\n</thead>\n")
		}
		return ast.WalkContinue, nil
	}
	if entering {
		if _, ok := node.PreviousSibling().(*east.TableRow); !ok {
			_, _ = w.WriteString("<tbody>\n")
		}
		_, _ = w.WriteString("<tr>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("</tr>\n")
	if _, ok := node.NextSibling().(*east.TableRow); !ok {
		_, _ = w.WriteString("</tbody>\n")
	}
	return ast.WalkContinue, nil
}

// renderPipeCell writes a header cell as a column header, th scope="col",
// and the others as td; a column aligned in the source (:-: or -:) is
// aligned so (classes center and right, style.css).
func (r nodeRenderer) renderPipeCell(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*east.TableCell)
	_, head := n.Parent().(*east.TableHeader)
	c := cellTag{header: head, source: source, node: n}
	if head {
		c.scope = "col"
	}
	switch n.Alignment {
	case east.AlignCenter:
		c.class = "center"
	case east.AlignRight:
		c.class = "right"
	}
	c.write(w, entering)
	return ast.WalkContinue, nil
}

// writeColgroup writes the table's column widths, if it has any. HTML wants
// it after the caption and before the rows.
func writeColgroup(w util.BufWriter, n *document.DataTable) {
	if len(n.Widths) == 0 {
		return
	}
	total := 0.0
	for _, x := range n.Widths {
		total += x
	}
	_, _ = w.WriteString("<colgroup>")
	for _, x := range n.Widths {
		fmt.Fprintf(w, `<col style="width:%s%%">`, strconv.FormatFloat(100*x/total, 'f', 1, 64))
	}
	_, _ = w.WriteString("</colgroup>\n")
}

func (r nodeRenderer) renderCaption(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*document.Caption)
	if entering {
		if n.Hidden {
			_, _ = w.WriteString(`<caption class="visually-hidden">`)
		} else {
			_, _ = w.WriteString("<caption>")
		}
	} else {
		_, _ = w.WriteString("</caption>\n")
		if t, ok := n.Parent().(*document.DataTable); ok {
			writeColgroup(w, t)
		}
	}
	return ast.WalkContinue, nil
}

// renderRow groups header rows in <thead> and the rest in <tbody>, so that
// browsers repeat the header on every printed page.
func (r nodeRenderer) renderRow(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*document.TableRow)
	group := "tbody"
	if n.Head {
		group = "thead"
	}
	if entering {
		if prev, ok := n.PreviousSibling().(*document.TableRow); !ok || prev.Head != n.Head {
			fmt.Fprintf(w, "<%s>\n", group)
		}
		if n.ID != "" {
			fmt.Fprintf(w, `<tr id="%s">`, attr(n.ID))
		} else {
			_, _ = w.WriteString("<tr>")
		}
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("</tr>\n")
	if next, ok := n.NextSibling().(*document.TableRow); !ok || next.Head != n.Head {
		fmt.Fprintf(w, "</%s>\n", group)
	}
	return ast.WalkContinue, nil
}

func (r nodeRenderer) renderCell(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*document.TableCell)
	c := cellTag{header: n.Header, scope: n.Scope, colSpan: n.ColSpan, rowSpan: n.RowSpan, source: source, node: n}
	if n.Align == document.AlignCenter {
		c.class = "center"
	}
	c.write(w, entering)
	return ast.WalkContinue, nil
}

// cellTag is a table cell's tag, the same for the data tables and the pipe
// tables of templates: th or td, its scope, spans and classes. A column
// header made of short codes gets the class codes (see shortCodes).
type cellTag struct {
	header           bool
	scope            string
	colSpan, rowSpan int
	class            string // alignment: center or right
	source           []byte
	node             ast.Node
}

func (c cellTag) write(w util.BufWriter, entering bool) {
	tag := "td"
	if c.header {
		tag = "th"
	}
	if !entering {
		fmt.Fprintf(w, "</%s>", tag)
		return
	}
	var b strings.Builder
	b.WriteString("<" + tag)
	if c.header && c.scope != "" {
		fmt.Fprintf(&b, ` scope="%s"`, attr(c.scope))
	}
	if c.colSpan > 1 {
		fmt.Fprintf(&b, ` colspan="%d"`, c.colSpan)
	}
	if c.rowSpan > 1 {
		fmt.Fprintf(&b, ` rowspan="%d"`, c.rowSpan)
	}
	var class []string
	if c.class != "" {
		class = append(class, c.class)
	}
	if c.header && c.scope != "row" && shortCodes(document.Text(c.node, c.source)) {
		class = append(class, "codes")
	}
	if len(class) > 0 {
		fmt.Fprintf(&b, ` class="%s"`, strings.Join(class, " "))
	}
	b.WriteString(">")
	_, _ = w.WriteString(b.String())
}

// shortCodes reports whether a header's text is made of short codes, such
// as "2014", "14MSP" or "3rd RevCon": each word has a digit, two capitals
// or at most four letters. On a phone, the column headers of words may be
// hyphenated, not these (class codes, style.css).
func shortCodes(text string) bool {
	words := strings.Fields(text)
	for _, w := range words {
		letters, capitals, digit := 0, 0, false
		for _, r := range w {
			switch {
			case unicode.IsDigit(r):
				digit = true
			case unicode.IsUpper(r):
				capitals++
				letters++
			case unicode.IsLetter(r):
				letters++
			}
		}
		if !digit && capitals < 2 && letters > 4 {
			return false
		}
	}
	return len(words) > 0
}

func (r nodeRenderer) renderTitleBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<header class="title-block">` + "\n")
	} else {
		_, _ = w.WriteString("</header>\n")
	}
	return ast.WalkContinue, nil
}

func (r nodeRenderer) renderParagraph(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	switch node.Parent().(type) {
	case *document.TableCell, *document.Caption:
		if node.Parent().ChildCount() == 1 {
			return ast.WalkContinue, nil // the cell is the paragraph
		}
	}
	if entering {
		_, _ = w.WriteString("<p>")
	} else {
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}

// attr escapes a value for an HTML attribute.
func attr(s string) string { return string(util.EscapeHTML([]byte(s))) }
