package docxout

import (
	"bytes"
	"fmt"
	"time"

	"github.com/yuin/goldmark/ast"
)

// The relationships of word/document.xml to the other parts; the
// external links come after them (relLink).
const (
	relStyles    = "rId1"
	relSettings  = "rId2"
	relFontTable = "rId3"
	relNumbering = "rId4"
	relFootnotes = "rId5"
	relFooter    = "rId6"
	relHeader    = "rId7"
)

// relLink is the relationship id of the i-th external address.
func relLink(i int) string { return "rId" + itoa(10+i) }

const ctPrefix = "application/vnd.openxmlformats-officedocument.wordprocessingml."

// contentTypes returns [Content_Types].xml: the type of every part.
func (w *writer) contentTypes() []byte {
	var b bytes.Buffer
	b.WriteString(xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	override := func(name, ct string) {
		fmt.Fprintf(&b, `<Override PartName="/%s" ContentType="%s"/>`, name, ct)
	}
	override("word/document.xml", ctPrefix+"document.main+xml")
	override("word/styles.xml", ctPrefix+"styles+xml")
	override("word/settings.xml", ctPrefix+"settings+xml")
	override("word/fontTable.xml", ctPrefix+"fontTable+xml")
	if len(w.lists) > 0 {
		override("word/numbering.xml", ctPrefix+"numbering+xml")
	}
	if len(w.noteOrder) > 0 {
		override("word/footnotes.xml", ctPrefix+"footnotes+xml")
	}
	override("word/footer1.xml", ctPrefix+"footer+xml")
	if w.opts.Draft {
		override("word/header1.xml", ctPrefix+"header+xml")
	}
	override("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
	override("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
	b.WriteString("</Types>\n")
	return b.Bytes()
}

// packageRels returns _rels/.rels: the document and its properties.
func packageRels() []byte {
	return []byte(xmlDecl + `<Relationships xmlns="` + nsRel + `">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
		"</Relationships>\n")
}

// documentRels returns word/_rels/document.xml.rels: the other parts,
// and the addresses the text links to.
func (w *writer) documentRels(links relList) []byte {
	var b bytes.Buffer
	b.WriteString(xmlDecl + `<Relationships xmlns="` + nsRel + `">` + "\n")
	rel := func(id, kind, target string) {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>`+"\n", id, kind, target)
	}
	rel(relStyles, "styles", "styles.xml")
	rel(relSettings, "settings", "settings.xml")
	rel(relFontTable, "fontTable", "fontTable.xml")
	if len(w.lists) > 0 {
		rel(relNumbering, "numbering", "numbering.xml")
	}
	if len(w.noteOrder) > 0 {
		rel(relFootnotes, "footnotes", "footnotes.xml")
	}
	rel(relFooter, "footer", "footer1.xml")
	if w.opts.Draft {
		rel(relHeader, "header", "header1.xml")
	}
	writeLinks(&b, links)
	b.WriteString("</Relationships>\n")
	return b.Bytes()
}

// linkRels returns the relationships of a part that only links to
// addresses (the footnotes).
func linkRels(links relList) []byte {
	var b bytes.Buffer
	b.WriteString(xmlDecl + `<Relationships xmlns="` + nsRel + `">` + "\n")
	writeLinks(&b, links)
	b.WriteString("</Relationships>\n")
	return b.Bytes()
}

func writeLinks(b *bytes.Buffer, links relList) {
	for i, url := range links.links {
		b.WriteString(`<Relationship Id="` + relLink(i) + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"`)
		attr(b, "Target", url)
		b.WriteString(` TargetMode="External"/>` + "\n")
	}
}

// coreProps returns docProps/core.xml: title, author (the presenting
// office), subject, keywords, language and dates.
func (w *writer) coreProps() []byte {
	o := w.opts
	var b bytes.Buffer
	b.WriteString(xmlDecl + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	elem := func(name, value string) {
		if value == "" {
			return
		}
		b.WriteString("<" + name + ">")
		escape(&b, value)
		b.WriteString("</" + name + ">")
	}
	elem("dc:title", o.Title)
	elem("dc:subject", o.Subject)
	elem("dc:creator", o.Author)
	elem("cp:keywords", o.Keywords)
	elem("dc:language", o.Lang)
	if !o.Created.IsZero() {
		date := o.Created.UTC().Format(time.RFC3339)
		fmt.Fprintf(&b, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`, date, date)
	}
	b.WriteString("</cp:coreProperties>\n")
	return b.Bytes()
}

// appProps returns docProps/app.xml: the program that wrote the file.
func (w *writer) appProps() []byte {
	var b bytes.Buffer
	b.WriteString(xmlDecl + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">`)
	gen := w.opts.Generator
	if gen == "" {
		gen = "unireport"
	}
	b.WriteString("<Application>")
	escape(&b, gen)
	b.WriteString("</Application></Properties>\n")
	return b.Bytes()
}

// settings returns word/settings.xml: hyphenation as in the PDF, the
// separators of the footnotes, and the current compatibility mode (else
// Word opens the file in compatibility mode).
func (w *writer) settings() []byte {
	var b bytes.Buffer
	b.WriteString(xmlDecl + `<w:settings` + wAttrs + `>`)
	b.WriteString(`<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:autoHyphenation/>`)
	b.WriteString(`<w:characterSpacingControl w:val="doNotCompress"/>`)
	if len(w.noteOrder) > 0 {
		b.WriteString(`<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>`)
	}
	b.WriteString(`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>`)
	if w.opts.Lang != "" {
		val(&b, "themeFontLang", w.opts.Lang)
	}
	b.WriteString(`<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>`)
	b.WriteString("</w:settings>\n")
	return b.Bytes()
}

// fontTable returns word/fontTable.xml: the fonts the styles name.
func (w *writer) fontTable() []byte {
	var b bytes.Buffer
	b.WriteString(xmlDecl + `<w:fonts` + wAttrs + `>`)
	font := func(name, panose, family, pitch string) {
		b.WriteString("<w:font")
		attr(&b, "w:name", name)
		b.WriteString(">")
		if panose != "" {
			val(&b, "panose1", panose)
		}
		val(&b, "family", family)
		val(&b, "pitch", pitch)
		b.WriteString("</w:font>")
	}
	if w.opts.Font == DefaultFont {
		font(DefaultFont, "02020603050405020304", "roman", "variable")
	} else {
		font(w.opts.Font, "", "auto", "variable")
	}
	font("Courier New", "02070309020205020404", "modern", "fixed")
	b.WriteString("</w:fonts>\n")
	return b.Bytes()
}

// numbering returns word/numbering.xml: a bulleted and a numbered list
// definition with the PDF's markers and indents, and an instance of one
// or the other for each list, so that each numbered list counts from
// its own start.
func (w *writer) numbering() []byte {
	var b bytes.Buffer
	b.WriteString(xmlDecl + `<w:numbering` + wAttrs + `>` + "\n")
	indent := w.g.ListIndent
	for id, ordered := range []bool{false, true} {
		fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="multilevel"/>`, id)
		for l := 0; l <= maxListLevel; l++ {
			fmt.Fprintf(&b, `<w:lvl w:ilvl="%d"><w:start w:val="1"/>`, l)
			if ordered {
				fmt.Fprintf(&b, `<w:numFmt w:val="decimal"/><w:lvlText w:val="%%%d."/>`, l+1)
			} else {
				b.WriteString(`<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>`)
			}
			fmt.Fprintf(&b, `<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="%d"/></w:pPr></w:lvl>`,
				twips(float64(l+1)*indent), twips(indent))
		}
		b.WriteString("</w:abstractNum>\n")
	}
	for i, ordered := range w.lists {
		abstract := 0
		if ordered {
			abstract = 1
		}
		fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>`, i+1, abstract)
		if ordered {
			// every level restarts, at this list's first number
			for l := 0; l <= maxListLevel; l++ {
				fmt.Fprintf(&b, `<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride>`, l, w.start[i])
			}
		}
		b.WriteString("</w:num>\n")
	}
	b.WriteString("</w:numbering>\n")
	return b.Bytes()
}

// footnotes returns word/footnotes.xml: the separators Word wants, then
// each footnote referenced from the text, its number first.
func (w *writer) footnotes() []byte {
	var b bytes.Buffer
	b.WriteString(xmlDecl + `<w:footnotes` + wAttrs + `>` + "\n")
	w.out, w.last = &b, 0
	for i, sep := range []string{"separator", "continuationSeparator"} {
		fmt.Fprintf(&b, `<w:footnote w:type="%s" w:id="%d"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>`, sep, i-1)
		w.mark(runFmt{}, "<w:"+sep+"/>")
		b.WriteString("</w:p></w:footnote>\n")
	}
	for _, n := range w.noteOrder {
		fmt.Fprintf(&b, `<w:footnote w:id="%d">`, n)
		note := w.notes[n]
		c := ctx{style: styleNoteText, nested: true}
		first := note.FirstChild()
		switch first.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			w.para(first, pPr{style: styleNoteText, noteRef: true}, runFmt{})
			first = first.NextSibling()
		default:
			w.openPara(pPr{style: styleNoteText, noteRef: true})
			w.closePara()
		}
		w.last = 'p'
		for bl := first; bl != nil; bl = bl.NextSibling() {
			w.block(bl, c)
		}
		if w.last != 'p' {
			w.emptyPara(styleNoteText)
		}
		b.WriteString("</w:footnote>\n")
	}
	w.out = w.body
	b.WriteString("</w:footnotes>\n")
	return b.Bytes()
}

// footer returns word/footer1.xml: the page number, centred; a draft's
// footer says first when it was built.
func (w *writer) footer() []byte {
	var b bytes.Buffer
	b.WriteString(xmlDecl + `<w:ftr` + wAttrs + `>`)
	w.out = &b
	if w.opts.Draft {
		w.openPara(pPr{style: styleDraftNote})
		w.text(draftNote(w.opts.Built), runFmt{})
		w.closePara()
	}
	w.openPara(pPr{style: styleFooter})
	w.mark(runFmt{}, `<w:fldChar w:fldCharType="begin"/>`)
	w.mark(runFmt{}, `<w:instrText xml:space="preserve"> PAGE </w:instrText>`)
	w.mark(runFmt{}, `<w:fldChar w:fldCharType="separate"/>`)
	w.text("1", runFmt{})
	w.mark(runFmt{}, `<w:fldChar w:fldCharType="end"/>`)
	w.closePara()
	w.out = w.body
	b.WriteString("</w:ftr>\n")
	return b.Bytes()
}

// draftNote is what a draft's footer says of its build time, as the
// PDF's does.
func draftNote(t time.Time) string {
	return "Draft built " + t.UTC().Format("2006-01-02 15:04 UTC")
}

// header returns word/header1.xml: a draft's watermark, the word DRAFT
// across the page in light grey behind the text, as Word draws its own
// watermarks (a VML text path in the header), so that Word and
// LibreOffice list and remove it as a watermark.
func (w *writer) header() []byte {
	var b bytes.Buffer
	b.WriteString(xmlDecl + `<w:hdr` + wAttrs + ` xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word">`)
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleHeader + `"/></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><w:pict>`)
	b.WriteString(watermarkShapeType)
	fmt.Fprintf(&b, `<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s1025" type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;width:%s;height:%s;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#%s" stroked="f">`,
		"440pt", "150pt", grayHex(watermarkGray))
	b.WriteString(`<v:textpath style="font-family:&quot;`)
	escape(&b, w.opts.Font)
	b.WriteString(`&quot;;font-size:1pt;font-weight:bold" string="DRAFT"/><w10:wrap anchorx="margin" anchory="margin"/></v:shape>`)
	b.WriteString("</w:pict></w:r></w:p></w:hdr>\n")
	return b.Bytes()
}

// watermarkGray is the grey of the watermark, the PDF's.
const watermarkGray = 215.0 / 255

// watermarkShapeType is the shape type of Word's text watermarks, as
// Word writes it.
const watermarkShapeType = `<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">` +
	`<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>` +
	`<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>` +
	`<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>`
