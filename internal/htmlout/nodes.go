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
	"unireport/internal/provenance"
)

// nodeRenderer renders the document's own node kinds, and paragraphs so
// that a cell or caption holding one paragraph gets no <p> around it.
type nodeRenderer struct {
	// headers holds, for the cells of the simple data tables rendered so
	// far, the ids that tie them to their headers (see tableHeaders). One
	// rendering owns it.
	headers map[*document.TableCell]cellHeaders
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(document.KindDataTable, r.renderTable)
	reg.Register(document.KindCaption, r.renderCaption)
	reg.Register(document.KindTableRow, r.renderRow)
	reg.Register(document.KindTableCell, r.renderCell)
	reg.Register(document.KindTitleBlock, r.renderTitleBlock)
	reg.Register(document.KindPageBreak, r.renderPageBreak)
	reg.Register(document.KindGap, r.renderGap)
	reg.Register(document.KindInsertion, r.renderEdit)
	reg.Register(document.KindDeletion, r.renderEdit)
	reg.Register(document.KindFold, r.renderFold)
	reg.Register(document.KindProvenance, r.renderProvenance)
	reg.Register(east.KindTable, r.renderPipeTable)
	reg.Register(east.KindTableHeader, r.renderPipeRow)
	reg.Register(east.KindTableRow, r.renderPipeRow)
	reg.Register(east.KindTableCell, r.renderPipeCell)
	reg.Register(ast.KindParagraph, r.renderParagraph)
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(east.KindFootnoteLink, r.renderFootnoteLink)
}

// renderImage writes an image's alt text only: the page must need nothing
// from elsewhere, and the report has no images of its own.
func (r nodeRenderer) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.Write(util.EscapeHTML([]byte(document.Text(node, source))))
	}
	return ast.WalkSkipChildren, nil
}

// renderFootnoteLink writes a footnote reference as goldmark's footnote
// renderer does, a superscript number linking to the note, named for
// screen readers ("Footnote 1"), whose reading of a bare "1" says nothing.
func (r nodeRenderer) renderFootnoteLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*east.FootnoteLink)
		fmt.Fprintf(w, `<sup id="%s"><a href="#fn:%d" class="footnote-ref" role="doc-noteref" aria-label="Footnote %d">%d</a></sup>`,
			footnoteRefID(n.Index, n.RefIndex), n.Index, n.Index, n.Index)
	}
	return ast.WalkContinue, nil
}

// footnoteRefID is the id of a footnote reference, as goldmark names it:
// fnref:N, or fnrefK:N for the Kth further reference to note N.
func footnoteRefID(index, refIndex int) string {
	if refIndex > 0 {
		return fmt.Sprintf("fnref%d:%d", refIndex, index)
	}
	return fmt.Sprintf("fnref:%d", index)
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

// renderProvenance writes a value from the data as an element that names
// its source (data-src, and data-src-from for a computed figure), which
// the page's script shows and opens (sources.js). It takes the keyboard's
// focus, but inside a link, which has the focus itself.
func (r nodeRenderer) renderProvenance(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		if _, code := node.FirstChild().(*ast.CodeSpan); !code || node.ChildCount() != 1 {
			_, _ = w.WriteString("</span>")
		}
		return ast.WalkContinue, nil
	}
	n := node.(*document.Provenance)
	focus := ""
	if !inLink(n) {
		focus = ` tabindex="0"`
	}
	if code, ok := n.FirstChild().(*ast.CodeSpan); ok && n.ChildCount() == 1 {
		// a position in code (the checklist's): the code element names
		// it, as the preview's list of problems does
		_, _ = w.WriteString(`<code class="src"` + focus + sourceAttrs(n.Source) + ">")
		for c := code.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				// as goldmark writes a code span: a line end is a space
				v := t.Segment.Value(source)
				if l := len(v); l > 0 && v[l-1] == '\n' {
					v = append(v[:l-1:l-1], ' ')
				}
				_, _ = w.Write(util.EscapeHTML(v))
			}
		}
		_, _ = w.WriteString("</code>")
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<span class="src"` + sourceAttrs(n.Source) + focus + ">")
	return ast.WalkContinue, nil
}

// sourceAttrs are the attributes that name a source, each with its
// leading space.
func sourceAttrs(src provenance.Source) string {
	s := ` data-src="` + attr(src.Pos.String()) + `"`
	if src.From != "" {
		s += ` data-src-from="` + attr(src.From) + `"`
	}
	return s
}

// inLink reports whether n is inside a link.
func inLink(n ast.Node) bool {
	for a := n.Parent(); a != nil; a = a.Parent() {
		switch a.(type) {
		case *ast.Link, *ast.AutoLink:
			return true
		}
	}
	return false
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
	tableHeaders(n, r.headers)
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

// cellHeaders is a cell's id, when it is a header, and the ids of the
// header cells of a data cell.
type cellHeaders struct{ id, headers string }

// tableHeaders ties each data cell of n to its column's header and its
// row's, with ids and headers attributes, when n is a simple table: one
// header row, no cell spanning rows or columns (the vote table, the table
// of positions). A screen reader then says "In favour (15): Armenia"
// however it moves through the table. Other tables rely on scope alone.
// The table needs an id, which the cells' ids start with.
func tableHeaders(n *document.DataTable, into map[*document.TableCell]cellHeaders) {
	head, body := n.Rows()
	if n.ID == "" || len(head) != 1 {
		return
	}
	for _, r := range append(head, body...) {
		for _, c := range r.Cells() {
			if c.ColSpan > 1 || c.RowSpan > 1 {
				return
			}
		}
	}
	cols := head[0].Cells()
	if len(cols) == 0 {
		return
	}
	for i, c := range cols {
		into[c] = cellHeaders{id: fmt.Sprintf("%s-col%d", n.ID, i+1)}
	}
	for j, r := range body {
		cells := r.Cells()
		rowHeader := ""
		if len(cells) > 0 && cells[0].Header && cells[0].Scope == "row" {
			rowHeader = fmt.Sprintf("%s-row%d", n.ID, j+1)
			into[cells[0]] = cellHeaders{id: rowHeader, headers: into[cols[0]].id}
		}
		for i, c := range cells {
			if i >= len(cols) || c.Header {
				continue
			}
			h := into[cols[i]].id
			if rowHeader != "" {
				h += " " + rowHeader
			}
			into[c] = cellHeaders{headers: h}
		}
	}
}

// writeColgroup writes the table's columns: their widths, if it has any,
// and, when a header spans a group of columns (scope="colgroup", as the
// participation table's years), one <colgroup> per cell of the first
// header row, which that scope needs to name its columns. HTML wants it
// after the caption and before the rows.
func writeColgroup(w util.BufWriter, n *document.DataTable) {
	var spans []int // columns per group, from the first header row
	if head, _ := n.Rows(); len(head) > 0 {
		grouped := false
		for _, c := range head[0].Cells() {
			spans = append(spans, max(c.ColSpan, 1))
			grouped = grouped || c.Scope == "colgroup"
		}
		if !grouped {
			spans = nil
		}
	}
	if len(n.Widths) == 0 && spans == nil {
		return
	}
	total := 0.0
	for _, x := range n.Widths {
		total += x
	}
	col := func(i int) {
		if i < len(n.Widths) {
			fmt.Fprintf(w, `<col style="width:%s%%">`, strconv.FormatFloat(100*n.Widths[i]/total, 'f', 1, 64))
		}
	}
	if spans == nil {
		_, _ = w.WriteString("<colgroup>")
		for i := range n.Widths {
			col(i)
		}
		_, _ = w.WriteString("</colgroup>\n")
		return
	}
	// A group names its columns by their <col>s when they have widths,
	// else by its span (HTML allows one or the other).
	i := 0
	for _, span := range spans {
		if len(n.Widths) == 0 {
			if span > 1 {
				fmt.Fprintf(w, `<colgroup span="%d"></colgroup>`, span)
			} else {
				_, _ = w.WriteString("<colgroup></colgroup>")
			}
			continue
		}
		_, _ = w.WriteString("<colgroup>")
		for k := 0; k < span && i < len(n.Widths); k++ {
			col(i)
			i++
		}
		_, _ = w.WriteString("</colgroup>")
	}
	_, _ = w.WriteString("\n")
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
		_, _ = w.WriteString("<tr")
		if n.ID != "" {
			fmt.Fprintf(w, ` id="%s"`, attr(n.ID))
		}
		if n.Change != document.RowSame {
			fmt.Fprintf(w, ` class="row-%s"`, n.Change)
		}
		_, _ = w.WriteString(">")
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
	h := r.headers[n]
	c.id, c.headers = h.id, h.headers
	if n.Align == document.AlignCenter {
		c.class = "center"
	}
	if n.Alt == "" {
		c.write(w, entering)
		return ast.WalkContinue, nil
	}
	if e := firstEdit(n); e != nil {
		if entering {
			writeEditedMark(w, c, n, e, source)
		}
		return ast.WalkSkipChildren, nil
	}
	// A mark (a tick) is drawn by the style sheet from data-mark; the
	// cell's text is what it means, for screen readers, search and
	// copying. Checkers can then judge the cell, which they cannot do
	// for a lone symbol. In a draft the cell itself names the source of
	// the mark.
	if entering {
		c.mark = strings.TrimSpace(document.Text(n, source))
		c.src = cellSource(n, source)
		c.write(w, true)
		fmt.Fprintf(w, `<span class="visually-hidden">%s</span>`, attr(n.Alt))
		c.write(w, false)
	}
	return ast.WalkSkipChildren, nil
}

// cellSource is the source of a cell's content when that is one value
// from the data (a tick), else nil.
func cellSource(cell ast.Node, source []byte) *provenance.Source {
	var found *provenance.Source
	_ = ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *document.Provenance:
			if found != nil {
				found = nil
				return ast.WalkStop, nil
			}
			found = &n.Source
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if strings.TrimSpace(string(n.Value(source))) != "" {
				found = nil
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return found
}

// cellTag is a table cell's tag, the same for the data tables and the pipe
// tables of templates: th or td, its scope, spans and classes. A column
// header made of short codes gets the class codes (see shortCodes).
type cellTag struct {
	header           bool
	scope            string
	colSpan, rowSpan int
	class            string             // alignment: center or right
	mark             string             // a mark the style sheet draws (data-mark)
	src              *provenance.Source // a draft's source of that mark
	id, headers      string             // ties a data cell to its header cells
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
	if c.id != "" {
		fmt.Fprintf(&b, ` id="%s"`, attr(c.id))
	}
	if c.headers != "" {
		fmt.Fprintf(&b, ` headers="%s"`, attr(c.headers))
	}
	if c.header && c.scope != "" {
		fmt.Fprintf(&b, ` scope="%s"`, attr(c.scope))
	}
	if c.colSpan > 1 {
		fmt.Fprintf(&b, ` colspan="%d"`, c.colSpan)
	}
	if c.rowSpan > 1 {
		fmt.Fprintf(&b, ` rowspan="%d"`, c.rowSpan)
	}
	if c.mark != "" {
		fmt.Fprintf(&b, ` data-mark="%s"`, attr(c.mark))
	}
	if c.src != nil {
		b.WriteString(sourceAttrs(*c.src) + ` tabindex="0"`)
	}
	var class []string
	if c.class != "" {
		class = append(class, c.class)
	}
	if c.src != nil {
		class = append(class, "src")
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
	if foldExcerpt(w, node, entering) {
		return ast.WalkContinue, nil
	}
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
