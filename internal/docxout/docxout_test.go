package docxout_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"

	"unireport/internal/document"
	"unireport/internal/docxout"
	"unireport/internal/layout"
	"unireport/internal/testkit/docxcheck"
)

var built = time.Date(2017, 12, 8, 9, 30, 0, 0, time.UTC)

// open renders src and opens the result, failing the test unless it is a
// DOCX file as Word reads it.
func open(t *testing.T, src string, opts docxout.Options) *docxcheck.Package {
	t.Helper()
	b, err := docxout.Render(document.Parse([]byte(src)), opts)
	if err != nil {
		t.Fatal(err)
	}
	p, err := docxcheck.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Check(); err != nil {
		t.Fatal(err)
	}
	return p
}

func styleOf(p *docxcheck.Node) string {
	if pr := p.Kid("pPr"); pr != nil {
		if s := pr.Kid("pStyle"); s != nil {
			return s.W("val")
		}
	}
	return "Normal"
}

// paragraphs returns the text of each paragraph of the part with its
// style, "Style: text".
func paragraphs(root *docxcheck.Node) []string {
	var out []string
	for _, p := range root.All("p") {
		out = append(out, styleOf(p)+": "+strings.TrimSuffix(p.TextOf(), "\n"))
	}
	return out
}

// The same tree gives the same bytes, and the zip's members come in a
// fixed order with a fixed time.
func TestReproducible(t *testing.T) {
	src := "# Title\n\nText[^1] with a [link](https://example.org/).\n\n- a\n- b\n\n[^1]: A note.\n"
	opts := docxout.Options{Properties: document.Properties{Title: "T", Lang: "en", Draft: true, Built: built, Created: built}}
	a, err := docxout.Render(document.Parse([]byte(src)), opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := docxout.Render(document.Parse([]byte(src)), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of the same document differ")
	}
	z, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s is dated %v, want 1980-01-01 00:00 UTC", f.Name, f.Modified)
		}
	}
	want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
		"word/fontTable.xml", "word/numbering.xml", "word/footnotes.xml", "word/footer1.xml", "word/header1.xml"}
	if !slices.Equal(names, want) {
		t.Errorf("members %q, want %q", names, want)
	}
}

// The document's properties are the options; the language is in the
// styles' defaults and on every run of every part.
func TestProperties(t *testing.T) {
	p := open(t, "# Title\n\nText[^1] and `code`.\n\n| a | b |\n|---|---|\n| c | d |\n\n[^1]: A note.\n", docxout.Options{
		Properties: document.Properties{Title: "The title", Author: "The office", Subject: "The subject", Keywords: "k1, k2", Lang: "en-GB",
			Created: built, Draft: true, Built: built},
		Generator: "unireport v1",
	})
	core := p.Part("docProps/core.xml")
	for local, want := range map[string]string{"title": "The title", "creator": "The office", "subject": "The subject",
		"keywords": "k1, k2", "language": "en-GB", "created": "2017-12-08T09:30:00Z", "modified": "2017-12-08T09:30:00Z"} {
		found := false
		core.Walk(func(n *docxcheck.Node) bool {
			if n.Name.Local == local {
				found = true
				if n.Text != want {
					t.Errorf("core.xml %s = %q, want %q", local, n.Text, want)
				}
			}
			return true
		})
		if !found {
			t.Errorf("core.xml has no %s", local)
		}
	}
	if app := p.Part("docProps/app.xml"); app.Kids[0].Name.Local != "Application" || app.Kids[0].Text != "unireport v1" {
		t.Errorf("app.xml does not name the program: %q", app.Kids[0].Text)
	}
	def := p.Part("word/styles.xml").Kid("docDefaults")
	if l := def.All("lang"); len(l) != 1 || l[0].W("val") != "en-GB" {
		t.Error("the styles' defaults do not give the language")
	}
	if f := def.All("rFonts"); len(f) != 1 || f[0].W("ascii") != docxout.DefaultFont {
		t.Errorf("the styles' defaults do not name %s", docxout.DefaultFont)
	}
	runs := 0
	for _, part := range []string{"word/document.xml", "word/footnotes.xml", "word/footer1.xml"} {
		for _, r := range p.Part(part).All("r") {
			runs++
			if pr := r.Kid("rPr"); pr == nil || pr.Kid("lang") == nil || pr.Kid("lang").W("val") != "en-GB" {
				t.Errorf("%s: a run without the language: %q", part, r.TextOf())
			}
		}
	}
	if runs < 10 {
		t.Errorf("only %d runs", runs)
	}
}

// Pages are A4 with the PDF's margins and a page number in the footer; a
// draft has the watermark and its build time, a final neither.
func TestPages(t *testing.T) {
	g := layout.A4()
	final := open(t, "Text.\n", docxout.Options{Properties: document.Properties{Lang: "en"}})
	sect := final.Part("word/document.xml").All("sectPr")
	if len(sect) != 1 {
		t.Fatalf("%d sections, want 1", len(sect))
	}
	twips := func(pt float64) string { return fmt.Sprint(int(pt*20 + 0.5)) }
	sz, mar := sect[0].Kid("pgSz"), sect[0].Kid("pgMar")
	if sz.W("w") != twips(g.PageWidth) || sz.W("h") != twips(g.PageHeight) || sz.W("orient") != "" {
		t.Errorf("page %s x %s, want A4 upright", sz.W("w"), sz.W("h"))
	}
	if mar.W("top") != twips(g.MarginTop) || mar.W("bottom") != twips(g.MarginBottom) || mar.W("left") != twips(g.MarginLeft) || mar.W("right") != twips(g.MarginRight) {
		t.Errorf("margins %v, want the PDF's", mar.Attr)
	}
	footer := final.Part("word/footer1.xml")
	if got := footer.All("instrText"); len(got) != 1 || strings.TrimSpace(got[0].Text) != "PAGE" {
		t.Error("the footer has no page number")
	}
	if strings.Contains(footer.TextOf(), "Draft") || final.Part("word/header1.xml") != nil || sect[0].Kid("headerReference") != nil {
		t.Error("a final has a draft's footer or header")
	}

	draft := open(t, "Text.\n", docxout.Options{Properties: document.Properties{Lang: "en", Draft: true, Built: built}})
	if got := draft.Part("word/footer1.xml").TextOf(); !strings.Contains(got, "Draft built 2017-12-08 09:30 UTC") {
		t.Errorf("a draft's footer says %q", got)
	}
	if h := draft.Part("word/document.xml").All("headerReference"); len(h) != 1 {
		t.Error("a draft's section has no header")
	}
	header := string(draft.Raw["word/header1.xml"])
	if !strings.Contains(header, `string="DRAFT"`) || !strings.Contains(header, "PowerPlusWaterMarkObject") {
		t.Errorf("a draft's header has no watermark:\n%s", header)
	}
	if _, err := docxout.Render(document.Parse([]byte("x")), docxout.Options{Properties: document.Properties{Draft: true}}); err == nil {
		t.Error("a draft without its build time renders")
	}
}

// The styles a template restyles carry Word's names, and the PDF's type
// sizes (in half-points) and spacing.
func TestStyles(t *testing.T) {
	p := open(t, "x", docxout.Options{Properties: document.Properties{Lang: "en"}})
	styles := map[string]*docxcheck.Node{}
	for _, s := range p.Part("word/styles.xml").All("style") {
		styles[s.Kid("name").W("val")] = s
	}
	g := layout.A4()
	half := func(pt float64) string { return fmt.Sprint(int(pt * 2)) }
	for name, size := range map[string]string{
		"Normal": "", "Title": half(g.TitleSize), "Subtitle": half(g.BodySize + 1), "Date": "",
		"heading 1": half(g.BodySize + 1), "heading 2": "", "heading 3": "",
		"caption": half(g.TableSize + 1), "footnote text": half(g.FootnoteSize), "footnote reference": "",
		"Table Grid": "", "Table Heading": "", "Table Text": half(g.TableSize), "Table Text Centred": "",
		"List Paragraph": "", "Hyperlink": "", "footer": half(9),
	} {
		s, ok := styles[name]
		if !ok {
			t.Errorf("no style %q", name)
			continue
		}
		if size != "" {
			if sz := s.All("sz"); len(sz) != 1 || sz[0].W("val") != size {
				t.Errorf("style %q is not set at %s half-points", name, size)
			}
		}
	}
	if styles["Table Heading"].All("b") == nil || styles["Table Heading"].All("jc")[0].W("val") != "center" {
		t.Error("Table Heading is not bold and centred")
	}
	if jc := styles["Table Text Centred"].All("jc"); len(jc) != 1 || jc[0].W("val") != "center" {
		t.Error("Table Text Centred is not centred")
	}
	if _, ok := styles["To Fill In"]; ok {
		t.Error("a document without gaps has the gap style")
	}
	if v := styles["heading 2"].All("outlineLvl"); len(v) != 1 || v[0].W("val") != "1" {
		t.Error("heading 2 is not at outline level 2")
	}
}

// participation is a data table as compose writes the participation
// table: two header rows, a corner spanning both, years spanning their
// meetings, ticks centred, a footnote in a cell.
const participation = `::::: table participation id=participation widths=30,20,20,30
:::: caption
Participation in meetings
::::
:::: row head
::: header scope=col rowspan=2
State
:::
::: header scope=colgroup colspan=2 align=center
2016
:::
::: header scope=colgroup align=center
2017
:::
::::
:::: row head
::: header scope=col align=center
ISM
:::
::: header scope=col align=center
15MSP
:::
::: header scope=col align=center
ISM
:::
::::
:::: row id=state-china
::: header scope=row
China[^n]
:::
::: cell align=center alt=attended
√
:::
::: cell align=center
:::
::: cell align=center alt=attended
√
:::
::::
:::::

See [China](#state-china).

[^n]: A note from a cell.
`

func TestDataTable(t *testing.T) {
	p := open(t, participation, docxout.Options{Properties: document.Properties{Lang: "en"}})
	doc := p.Part("word/document.xml")
	tbl := doc.All("tbl")
	if len(tbl) != 1 {
		t.Fatalf("%d tables, want 1", len(tbl))
	}
	if c := tbl[0].All("tblCaption"); len(c) != 1 || c[0].W("val") != "Participation in meetings" {
		t.Error("the table's description is not its caption")
	}
	if got := paragraphs(doc)[0]; got != "Caption: Participation in meetings" {
		t.Errorf("first paragraph %q, want the caption", got)
	}
	rows := tbl[0].All("tr")
	for i, r := range rows {
		head := r.Kid("trPr") != nil && r.Kid("trPr").Kid("tblHeader") != nil
		if head != (i < 2) {
			t.Errorf("row %d: tblHeader %v", i+1, head)
		}
		if split := r.Kid("trPr") != nil && r.Kid("trPr").Kid("cantSplit") != nil; split != head {
			t.Errorf("row %d: cantSplit %v; only header rows are kept whole", i+1, split)
		}
	}
	cells := rows[0].All("tc")
	if v := cells[0].Kid("tcPr").Kid("vMerge"); v == nil || v.W("val") != "restart" {
		t.Error("the corner does not start a vertical merge")
	}
	if s := cells[1].Kid("tcPr").Kid("gridSpan"); s == nil || s.W("val") != "2" {
		t.Error("2016 does not span two columns")
	}
	if v := rows[1].All("tc")[0].Kid("tcPr").Kid("vMerge"); v == nil || v.W("val") != "" {
		t.Error("the corner is not continued in the second header row")
	}
	if shd := cells[0].Kid("tcPr").Kid("shd"); shd == nil || shd.W("fill") != "E0E0E0" {
		t.Error("header cells are not on the PDF's grey")
	}
	body := rows[2].All("tc")
	if got := styleOf(body[1].Kid("p")); got != "TableTextCentred" {
		t.Errorf("a tick is in style %s, want TableTextCentred", got)
	}
	if got := styleOf(body[0].Kid("p")); got != "TableText" {
		t.Errorf("a State's name is in style %s, want TableText", got)
	}
	if body[0].All("footnoteReference") == nil {
		t.Error("the footnote in the cell is not a footnote")
	}
	notes := p.Part("word/footnotes.xml").All("footnote")
	if len(notes) != 3 || !strings.Contains(notes[2].TextOf(), "A note from a cell.") || notes[2].All("footnoteRef") == nil {
		t.Errorf("footnotes.xml does not hold the note (with its number) after the two separators")
	}
	// The link to the row goes to a bookmark at the row.
	mark := body[0].All("bookmarkStart")
	link := doc.All("hyperlink")
	if len(mark) != 1 || len(link) != 1 || link[0].W("anchor") != mark[0].W("name") {
		t.Error("the link to the row does not go to the row's bookmark")
	}

	// Without the PDF's columns the template's widths share the text
	// width, in proportion; with them, the table has the PDF's.
	grid := func(p *docxcheck.Package) []string {
		var out []string
		for _, c := range p.Part("word/document.xml").All("gridCol") {
			out = append(out, c.W("w"))
		}
		return out
	}
	if got := grid(p); !slices.Equal(got, []string{"2721", "1814", "1815", "2721"}) {
		t.Errorf("columns %v, want 30:20:20:30 of the text width", got)
	}
	d := document.Parse([]byte(participation))
	cols := map[ast.Node]layout.Columns{document.Tables(d.Root)[0]: {Widths: []float64{100, 120, 60, 173.5}, Size: 8.5}}
	b, err := docxout.Render(d, docxout.Options{Columns: cols})
	if err != nil {
		t.Fatal(err)
	}
	set, err := docxcheck.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := set.Check(); err != nil {
		t.Fatal(err)
	}
	if got := grid(set); !slices.Equal(got, []string{"2000", "2400", "1200", "3470"}) {
		t.Errorf("columns %v, want the PDF's", got)
	}
	if l := set.Part("word/document.xml").All("tblLayout"); len(l) != 1 || l[0].W("type") != "fixed" {
		t.Error("a table set at the PDF's widths does not keep them")
	}
	// Set smaller in the PDF, the table's cells are in styles of that size.
	doc = set.Part("word/document.xml")
	if got := styleOf(doc.All("tc")[0].Kid("p")); got != "TableHeading8_5pt" {
		t.Errorf("a header cell of a table set at 8.5 pt is in %s", got)
	}
	found := false
	for _, s := range set.Part("word/styles.xml").All("style") {
		if s.W("styleId") == "TableText8_5pt" {
			found = true
			if sz := s.All("sz"); len(sz) != 1 || sz[0].W("val") != "17" {
				t.Error("Table Text (8.5 pt) is not 8.5 pt")
			}
		}
	}
	if !found {
		t.Error("no Table Text style at 8.5 pt")
	}
}

// A landscape table is in a section of its own on turned pages.
func TestLandscapeTable(t *testing.T) {
	src := "Before.\n\n" + strings.Replace(participation, "widths=30,20,20,30", "widths=30,20,20,30 landscape", 1)
	doc := open(t, src, docxout.Options{Properties: document.Properties{Lang: "en"}}).Part("word/document.xml")
	sects := doc.All("sectPr")
	if len(sects) != 3 {
		t.Fatalf("%d sections, want 3: upright, turned, upright", len(sects))
	}
	orient := func(s *docxcheck.Node) string { return s.Kid("pgSz").W("orient") }
	if orient(sects[0]) != "" || orient(sects[1]) != "landscape" || orient(sects[2]) != "" {
		t.Errorf("orientations %q %q %q", orient(sects[0]), orient(sects[1]), orient(sects[2]))
	}
	// The turned section holds the table and only it.
	var order []string
	for _, k := range doc.Kid("body").Kids {
		switch {
		case k.Is("tbl"):
			order = append(order, "table")
		case k.All("sectPr") != nil:
			order = append(order, "end of "+orient(k.All("sectPr")[0]))
		}
	}
	if want := []string{"end of ", "table", "end of landscape", "end of "}; !slices.Equal(order, want) {
		t.Errorf("body %q, want %q", order, want)
	}
}

func TestText(t *testing.T) {
	src := "A & B < C > D \"q\"\ttab \x01ctl and bad \xff byte.\n\nline  \nbreak\n"
	doc := open(t, src, docxout.Options{}).Part("word/document.xml")
	got := paragraphs(doc)
	want := []string{"Normal: A & B < C > D \"q\" tab ctl and bad \uFFFD byte.", "Normal: line break"}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
	if doc.All("tab") == nil || doc.All("br") == nil {
		t.Error("the tab or the line break is not Word's")
	}
}

// Each numbered list counts from its own start; items' later paragraphs
// continue at their indent.
func TestLists(t *testing.T) {
	p := open(t, "3. three\n4. four\n\n   more\n\npara\n\n1. one\n   - bullet\n", docxout.Options{})
	got := paragraphs(p.Part("word/document.xml"))
	want := []string{"ListParagraph: three", "ListParagraph: four", "ListContinue: more", "Normal: para", "ListParagraph: one", "ListParagraph: bullet"}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
	nums := p.Part("word/numbering.xml").All("num")
	if len(nums) != 3 {
		t.Fatalf("%d list instances, want 3", len(nums))
	}
	start := func(n *docxcheck.Node) string {
		if o := n.All("startOverride"); o != nil {
			return o[0].W("val")
		}
		return ""
	}
	if start(nums[0]) != "3" || start(nums[1]) != "1" || start(nums[2]) != "" {
		t.Errorf("starts %q %q %q, want 3, 1 and none for the bullets", start(nums[0]), start(nums[1]), start(nums[2]))
	}
	lvl := p.Part("word/document.xml").All("ilvl")
	if lvl[len(lvl)-1].W("val") != "1" {
		t.Error("the nested list is not at level 2")
	}
}

// What follows a page break starts a new page: its first paragraph, or
// an empty one before a table.
func TestPageBreak(t *testing.T) {
	doc := open(t, "Before.\n\n::: pagebreak\n:::\n\n## After\n", docxout.Options{}).Part("word/document.xml")
	ps := doc.All("p")
	if len(ps) != 2 || ps[1].All("pageBreakBefore") == nil || ps[0].All("pageBreakBefore") != nil {
		t.Error("the heading after the break does not start a page")
	}
	doc = open(t, "Before.\n\n::: pagebreak\n:::\n\n| a |\n|---|\n| b |\n", docxout.Options{}).Part("word/document.xml")
	body := doc.Kid("body").Kids
	if !body[1].Is("p") || body[1].All("pageBreakBefore") == nil || !body[2].Is("tbl") {
		t.Error("the table after the break does not start a page")
	}
}

// Links go to their addresses, from the text and from a footnote, each
// part with its own relationships; a second reference to a footnote is
// its number.
func TestLinksAndNotes(t *testing.T) {
	p := open(t, "[a](https://example.org/a)[^1] and [b](https://example.org/a) and [c](#nowhere).[^1]\n\n[^1]: See [d](https://example.org/d).\n", docxout.Options{})
	doc := p.Part("word/document.xml")
	if n := len(doc.All("hyperlink")); n != 2 {
		t.Errorf("%d hyperlinks in the text, want 2 (a link to no anchor keeps its text only)", n)
	}
	links := func(part string) []string {
		var out []string
		if r := p.Part(part); r != nil {
			for _, k := range r.Kids {
				if tm, _ := k.Get("", "TargetMode"); tm == "External" {
					target, _ := k.Get("", "Target")
					out = append(out, target)
				}
			}
		}
		return out
	}
	if got := links("word/_rels/document.xml.rels"); !slices.Equal(got, []string{"https://example.org/a"}) {
		t.Errorf("the text links to %q", got)
	}
	if got := links("word/_rels/footnotes.xml.rels"); !slices.Equal(got, []string{"https://example.org/d"}) {
		t.Errorf("the footnotes link to %q", got)
	}
	if n := len(doc.All("footnoteReference")); n != 1 {
		t.Errorf("%d footnote references, want 1: the second is the note's number", n)
	}
	if !strings.HasSuffix(doc.TextOf(), " c.1\n") {
		t.Errorf("the second reference is not the note's number: %q", doc.TextOf())
	}
}

// An edition's own fonts are named by their family, in the styles and the
// font table, and in the watermark.
func TestFont(t *testing.T) {
	p := open(t, "x", docxout.Options{Properties: document.Properties{Draft: true, Built: built}, Font: "Noto Serif"})
	if f := p.Part("word/styles.xml").Kid("docDefaults").All("rFonts"); len(f) != 1 || f[0].W("ascii") != "Noto Serif" || f[0].W("cs") != "Noto Serif" {
		t.Error("the styles' defaults do not name the edition's font")
	}
	var names []string
	for _, f := range p.Part("word/fontTable.xml").All("font") {
		names = append(names, f.W("name"))
	}
	if !slices.Contains(names, "Noto Serif") || slices.Contains(names, docxout.DefaultFont) {
		t.Errorf("the font table names %q", names)
	}
	if !strings.Contains(string(p.Raw["word/header1.xml"]), "font-family:&quot;Noto Serif&quot;") {
		t.Error("the watermark is not in the edition's font")
	}
}

// The paragraph right after a table has the space before it that the PDF
// leaves, from a style of its own: Word adds none after a table. A heading
// after a table and the paragraphs elsewhere keep their styles.
func TestSpaceAfterTable(t *testing.T) {
	p := open(t, "Before.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter.\n\nLater.\n\n| c |\n|---|\n| 3 |\n\n# Heading\n", docxout.Options{Properties: document.Properties{Lang: "en"}})
	var got []string
	for _, s := range paragraphs(p.Part("word/document.xml")) {
		if !strings.HasPrefix(s, "Table") { // the cells' paragraphs
			got = append(got, s)
		}
	}
	want := []string{"Normal: Before.", "AfterTable: After.", "Normal: Later.", "Heading1: Heading"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range p.Part("word/styles.xml").All("style") {
		if s.W("styleId") != "AfterTable" {
			continue
		}
		sp := s.All("spacing")
		if want := fmt.Sprint(int(layout.A4().ParagraphSpacing * 20)); len(sp) != 1 || sp[0].W("before") != want {
			t.Errorf("AfterTable's spacing is not %s twips before", want)
		}
		return
	}
	t.Error("no style AfterTable")
}
