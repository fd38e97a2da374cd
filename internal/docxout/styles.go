package docxout

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"unireport/internal/layout"
)

// The style ids the writer uses. Each style has Word's own name where
// Word has one (so that Word lists it as its built-in style, in the
// user's language, and a template's style of that name restyles it).
const (
	styleNormal        = "Normal"
	styleAfterTable    = "AfterTable"
	styleTitle         = "Title"
	styleSubtitle      = "Subtitle"
	styleDate          = "Date"
	styleCaption       = "Caption"
	styleNoteText      = "FootnoteText"
	styleNoteRef       = "FootnoteReference"
	styleTable         = "TableGrid"
	styleTableText     = "TableText"
	styleTableHeading  = "TableHeading"
	styleTableCentred  = "TableTextCentred"
	styleTableRight    = "TableTextRight"
	styleListParagraph = "ListParagraph"
	styleQuote         = "Quote"
	styleCode          = "SourceCode"
	styleCodeChar      = "VerbatimChar"
	styleRule          = "HorizontalLine"
	styleLink          = "Hyperlink"
	styleStrong        = "Strong"
	styleEmphasis      = "Emphasis"
	styleGap           = "ToFillIn"
	styleFooter        = "Footer"
	styleHeader        = "Header"
	styleDraftNote     = "DraftNote"
)

// maxListLevel is the deepest list level Word numbers (levels 0 to 8).
const maxListLevel = 8

// The page furniture's sizes, as in the PDF, in points.
const (
	footerSize    = 9.0
	draftNoteSize = 8.0
)

// headingStyle is the style of a heading of level: Heading1 to Heading6.
func headingStyle(level int) string {
	return "Heading" + strconv.Itoa(min(max(level, 1), 6))
}

// listContinueStyle is the style of a list item's later paragraphs at
// depth (1 for a list in the body): List Continue, List Continue 2, … 5.
func listContinueStyle(depth int) string {
	d := min(max(depth, 1), 5)
	if d == 1 {
		return "ListContinue"
	}
	return "ListContinue" + strconv.Itoa(d)
}

func isListStyle(style string) bool {
	return style == styleListParagraph || strings.HasPrefix(style, "ListContinue")
}

// tableStyles are the paragraph styles of a table's cells.
type tableStyles struct{ text, heading, centred, right string }

// tableStyles returns the cell styles for a table set at size points: the
// usual ones at the PDF's table size, else styles of that size based on
// them (the PDF sets a table too wide for the page smaller).
func (w *writer) tableStyles(size float64) tableStyles {
	if halfPoints(size) == halfPoints(w.g.TableSize) {
		return tableStyles{styleTableText, styleTableHeading, styleTableCentred, styleTableRight}
	}
	w.sizes[size] = true
	s := sizeSuffix(size)
	return tableStyles{styleTableText + s, styleTableHeading + s, styleTableCentred + s, styleTableRight + s}
}

// sizeSuffix names a type size in a style id: 8.5 is "8_5pt".
func sizeSuffix(size float64) string {
	return strings.ReplaceAll(strconv.FormatFloat(float64(halfPoints(size))/2, 'f', -1, 64), ".", "_") + "pt"
}

// style is one style of styles.xml.
type style struct {
	kind      string // paragraph, character, table
	id, name  string
	basedOn   string
	next      string
	isDefault bool
	hidden    bool // semi-hidden: not offered in the quick styles
	p         pProps
	r         rProps
	tblPr     string
}

// pProps are a paragraph style's properties, in points where lengths.
type pProps struct {
	keepNext, keepLines bool
	widowControl        bool
	border              bool // a rule under the paragraph
	tabs                []string
	noHyphens           bool
	// before, after and line (an exact line height) are nil where the
	// style keeps what it is based on.
	before, after, line *float64
	left, hanging       float64
	right               float64
	jc                  string
	outline             int // outline level + 1; 0 none
}

func (p pProps) xml(b *bytes.Buffer) {
	var in bytes.Buffer
	if p.keepNext {
		in.WriteString("<w:keepNext/>")
	}
	if p.keepLines {
		in.WriteString("<w:keepLines/>")
	}
	if p.widowControl {
		in.WriteString("<w:widowControl/>")
	}
	if p.border {
		in.WriteString(`<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="auto"/></w:pBdr>`)
	}
	if len(p.tabs) > 0 {
		in.WriteString("<w:tabs>" + strings.Join(p.tabs, "") + "</w:tabs>")
	}
	if p.noHyphens {
		in.WriteString("<w:suppressAutoHyphens/>")
	}
	if p.before != nil || p.after != nil || p.line != nil {
		in.WriteString("<w:spacing")
		if p.before != nil {
			fmt.Fprintf(&in, ` w:before="%d"`, twips(*p.before))
		}
		if p.after != nil {
			fmt.Fprintf(&in, ` w:after="%d"`, twips(*p.after))
		}
		if p.line != nil {
			fmt.Fprintf(&in, ` w:line="%d" w:lineRule="exact"`, twips(*p.line))
		}
		in.WriteString("/>")
	}
	if p.left > 0 || p.hanging > 0 || p.right > 0 {
		fmt.Fprintf(&in, `<w:ind w:left="%d" w:right="%d" w:hanging="%d"/>`, twips(p.left), twips(p.right), twips(p.hanging))
	}
	if p.jc != "" {
		val(&in, "jc", p.jc)
	}
	if p.outline > 0 {
		val(&in, "outlineLvl", itoa(p.outline-1))
	}
	if in.Len() > 0 {
		b.WriteString("<w:pPr>")
		b.Write(in.Bytes())
		b.WriteString("</w:pPr>")
	}
}

// rProps are a style's run properties.
type rProps struct {
	font         string
	bold, italic bool
	color        string
	size         float64
	underline    bool
	shade        string // background colour
	superscript  bool
	lang         string
}

func (r rProps) xml(b *bytes.Buffer) {
	var in bytes.Buffer
	if r.font != "" {
		in.WriteString("<w:rFonts")
		for _, a := range []string{"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"} {
			attr(&in, a, r.font)
		}
		in.WriteString("/>")
	}
	if r.bold {
		in.WriteString("<w:b/><w:bCs/>")
	}
	if r.italic {
		in.WriteString("<w:i/><w:iCs/>")
	}
	if r.color != "" {
		val(&in, "color", r.color)
	}
	if r.size > 0 {
		val(&in, "sz", itoa(halfPoints(r.size)))
		val(&in, "szCs", itoa(halfPoints(r.size)))
	}
	if r.underline {
		val(&in, "u", "single")
	}
	if r.shade != "" {
		fmt.Fprintf(&in, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, r.shade)
	}
	if r.superscript {
		val(&in, "vertAlign", "superscript")
	}
	if r.lang != "" {
		in.WriteString("<w:lang")
		attr(&in, "w:val", r.lang)
		attr(&in, "w:eastAsia", r.lang)
		attr(&in, "w:bidi", r.lang)
		in.WriteString("/>")
	}
	if in.Len() > 0 {
		b.WriteString("<w:rPr>")
		b.Write(in.Bytes())
		b.WriteString("</w:rPr>")
	}
}

func (s style) xml(b *bytes.Buffer) {
	fmt.Fprintf(b, `<w:style w:type="%s"`, s.kind)
	if s.isDefault {
		b.WriteString(` w:default="1"`)
	}
	attr(b, "w:styleId", s.id)
	b.WriteString(">")
	val(b, "name", s.name)
	if s.basedOn != "" {
		val(b, "basedOn", s.basedOn)
	}
	if s.next != "" {
		val(b, "next", s.next)
	}
	if s.hidden {
		b.WriteString("<w:semiHidden/><w:unhideWhenUsed/>")
	} else if s.kind == "paragraph" {
		b.WriteString("<w:qFormat/>")
	}
	if s.kind != "character" {
		s.p.xml(b)
	}
	s.r.xml(b)
	b.WriteString(s.tblPr)
	b.WriteString("</w:style>\n")
}

// styles returns word/styles.xml: the defaults (the font, the body size,
// the language) and every style the writer uses, with the PDF's sizes
// and spacing.
func (w *writer) styles() []byte {
	g := w.g
	lead := func(size float64) *float64 { return pt(size * g.Leading) }
	body, table, note := g.BodySize, g.TableSize, g.FootnoteSize
	width := w.textWidth(false)

	list := []style{
		{kind: "paragraph", id: styleNormal, name: "Normal", isDefault: true,
			p: pProps{after: pt(g.ParagraphSpacing), line: lead(body), jc: "both"}},
		// The PDF leaves a paragraph's space between a table and the text
		// after it; Word adds no space after a table.
		{kind: "paragraph", id: styleAfterTable, name: "Body Text After Table", basedOn: styleNormal, next: styleNormal,
			p: pProps{before: pt(g.ParagraphSpacing)}},
		{kind: "paragraph", id: styleTitle, name: "Title", basedOn: styleNormal, next: styleSubtitle,
			p: pProps{keepNext: true, keepLines: true, noHyphens: true, after: pt(body), line: lead(g.TitleSize), jc: "center", outline: 1},
			r: rProps{bold: true, size: g.TitleSize}},
		{kind: "paragraph", id: styleSubtitle, name: "Subtitle", basedOn: styleNormal, next: styleDate,
			p: pProps{keepNext: true, noHyphens: true, after: pt(body / 2), line: lead(body + 1), jc: "center"},
			r: rProps{size: body + 1}},
		{kind: "paragraph", id: styleDate, name: "Date", basedOn: styleNormal, next: styleNormal,
			p: pProps{noHyphens: true, after: pt(2 * body), jc: "center"}},
	}
	for level := 1; level <= 6; level++ {
		s := style{kind: "paragraph", id: headingStyle(level), name: "heading " + itoa(level), basedOn: styleNormal, next: styleNormal,
			p: pProps{keepNext: true, keepLines: true, noHyphens: true, before: pt(body), after: pt(g.ParagraphSpacing), line: lead(body), jc: "left", outline: level},
			r: rProps{bold: true}}
		switch level {
		case 1:
			s.p.before, s.p.line, s.r.size = pt(2*body), lead(body+1), body+1
		case 2:
			s.p.before = pt(1.5 * body)
		default:
			s.r.italic = true
		}
		list = append(list, s)
	}
	list = append(list,
		style{kind: "paragraph", id: styleCaption, name: "caption", basedOn: styleNormal, next: styleNormal,
			p: pProps{keepNext: true, keepLines: true, noHyphens: true, after: pt(g.ParagraphSpacing / 2), line: lead(table + 1), jc: "center"},
			r: rProps{bold: true, size: table + 1}},
		style{kind: "paragraph", id: styleNoteText, name: "footnote text", basedOn: styleNormal,
			p: pProps{after: pt(note / 3), line: lead(note), left: g.FootnoteIndent, hanging: g.FootnoteIndent, jc: "left"},
			r: rProps{size: note}},
		style{kind: "character", id: styleNoteRef, name: "footnote reference", r: rProps{superscript: true}},
	)
	list = append(list, w.cellStyles(table, "", "")...)
	for _, size := range sortedSizes(w.sizes) {
		list = append(list, w.cellStyles(size, sizeSuffix(size), " ("+strings.TrimSuffix(strings.ReplaceAll(sizeSuffix(size), "_", "."), "pt")+" pt)")...)
	}
	list = append(list,
		style{kind: "table", id: "TableNormal", name: "Normal Table", isDefault: true, hidden: true,
			tblPr: `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>`},
		style{kind: "table", id: styleTable, name: "Table Grid", basedOn: "TableNormal",
			tblPr: tableGridPr(g)},
		style{kind: "paragraph", id: styleListParagraph, name: "List Paragraph", basedOn: styleNormal},
	)
	for d := 1; d <= 5; d++ {
		name := "List Continue"
		if d > 1 {
			name += " " + itoa(d)
		}
		list = append(list, style{kind: "paragraph", id: listContinueStyle(d), name: name, basedOn: styleNormal,
			p: pProps{after: pt(g.ParagraphSpacing), left: float64(d) * g.ListIndent}})
	}
	list = append(list,
		style{kind: "paragraph", id: styleQuote, name: "Quote", basedOn: styleNormal, next: styleNormal,
			p: pProps{after: pt(g.ParagraphSpacing), left: g.ListIndent, right: g.ListIndent}},
		style{kind: "paragraph", id: styleCode, name: "Source Code", basedOn: styleNormal,
			p: pProps{noHyphens: true, after: pt(g.ParagraphSpacing), line: lead(body), jc: "left"},
			r: rProps{font: "Courier New", size: body - 1}},
		style{kind: "character", id: styleCodeChar, name: "Verbatim Char", r: rProps{font: "Courier New"}},
		style{kind: "paragraph", id: styleRule, name: "Horizontal Line", basedOn: styleNormal, next: styleNormal,
			p: pProps{border: true, after: pt(g.ParagraphSpacing), line: pt(body * g.Leading / 2)}, r: rProps{size: body / 2}},
		style{kind: "character", id: "DefaultParagraphFont", name: "Default Paragraph Font", isDefault: true, hidden: true},
		style{kind: "character", id: styleLink, name: "Hyperlink", r: rProps{color: "0563C1", underline: true}},
		style{kind: "character", id: styleStrong, name: "Strong", r: rProps{bold: true}},
		style{kind: "character", id: styleEmphasis, name: "Emphasis", r: rProps{italic: true}},
		style{kind: "paragraph", id: styleHeader, name: "header", basedOn: styleNormal,
			p: pProps{after: pt(0), jc: "left"}},
		style{kind: "paragraph", id: styleFooter, name: "footer", basedOn: styleNormal,
			p: pProps{noHyphens: true, after: pt(0), line: lead(footerSize), jc: "center",
				tabs: []string{fmt.Sprintf(`<w:tab w:val="center" w:pos="%d"/>`, twips(width/2)), fmt.Sprintf(`<w:tab w:val="right" w:pos="%d"/>`, twips(width))}},
			r: rProps{size: footerSize}},
	)
	if w.gaps {
		// a value still to fill in: the PDF's dark red on light yellow
		list = append(list, style{kind: "character", id: styleGap, name: "To Fill In",
			r: rProps{bold: true, italic: true, color: "AA0000", shade: "FFF096"}})
	}
	if w.opts.Draft {
		list = append(list, style{kind: "paragraph", id: styleDraftNote, name: "Draft Note", basedOn: styleFooter,
			p: pProps{jc: "left", line: lead(draftNoteSize)}, r: rProps{italic: true, size: draftNoteSize}})
	}

	var b bytes.Buffer
	b.WriteString(xmlDecl + `<w:styles` + wAttrs + `>` + "\n")
	b.WriteString("<w:docDefaults><w:rPrDefault>")
	rProps{font: w.opts.Font, size: body, lang: w.opts.Lang}.xml(&b)
	b.WriteString("</w:rPrDefault><w:pPrDefault>")
	pProps{widowControl: true, after: pt(0)}.xml(&b)
	b.WriteString("</w:pPrDefault></w:docDefaults>\n")
	for _, s := range list {
		s.xml(&b)
	}
	b.WriteString("</w:styles>\n")
	return b.Bytes()
}

// cellStyles are the paragraph styles of table cells set at size, with
// the id suffix and name suffix of that size (none for the usual size).
func (w *writer) cellStyles(size float64, id, name string) []style {
	g := w.g
	// The space between a cell's paragraphs, and under its last one
	// (the table style gives no padding at the foot of a cell).
	text := style{kind: "paragraph", id: styleTableText + id, name: "Table Text" + name, basedOn: styleNormal,
		p: pProps{noHyphens: true, after: pt(size / 2), line: pt(size * g.Leading), jc: "left"}, r: rProps{size: size}}
	if id != "" {
		text.basedOn = styleTableText
	}
	return []style{
		text,
		{kind: "paragraph", id: styleTableHeading + id, name: "Table Heading" + name, basedOn: styleTableText + id,
			p: pProps{keepNext: true, jc: "center"}, r: rProps{bold: true}},
		{kind: "paragraph", id: styleTableCentred + id, name: "Table Text Centred" + name, basedOn: styleTableText + id,
			p: pProps{jc: "center"}},
		{kind: "paragraph", id: styleTableRight + id, name: "Table Text Right" + name, basedOn: styleTableText + id,
			p: pProps{jc: "right"}},
	}
}

// tableGridPr is the Table Grid style's table properties: the PDF's
// rules, and cell margins that give a row the PDF's height. The space
// under a cell's text is its paragraphs' space after (Table Text, half
// the type size, as the PDF sets between a cell's paragraphs); the top
// margin is what is left of the PDF's padding above and below. The
// margins at the sides are a point narrower than the PDF's padding, so
// that a column the PDF made exactly as wide as its longest word still
// holds it where Word or LibreOffice measure or round a little wider.
func tableGridPr(g layout.Geometry) string {
	sz := itoa(max(2, int(g.RuleWidth*8+0.5))) // eighths of a point
	top := max(0, 2*g.CellPadding-g.TableSize/2)
	side := max(0, g.CellPadding-1)
	var b strings.Builder
	b.WriteString("<w:tblPr><w:tblBorders>")
	for _, edge := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + edge + ` w:val="single" w:sz="` + sz + `" w:space="0" w:color="auto"/>`)
	}
	b.WriteString("</w:tblBorders><w:tblCellMar>")
	fmt.Fprintf(&b, `<w:top w:w="%d" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/>`,
		twips(top), twips(side), twips(side))
	b.WriteString("</w:tblCellMar></w:tblPr>")
	return b.String()
}

func sortedSizes(m map[float64]bool) []float64 {
	var out []float64
	for s := range m {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// pt returns a pointer to a length in points, for pProps.
func pt(x float64) *float64 { return &x }
