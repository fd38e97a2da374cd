package report_test

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"unireport/internal/layout"
	"unireport/internal/pdfout"
	"unireport/internal/report"
	"unireport/internal/testkit/docxcheck"
	"unireport/internal/testkit/seedtext"
)

// draftBuilt is the build time the tests' drafts say.
var draftBuilt = time.Date(2017, 12, 1, 10, 0, 0, 0, time.UTC)

// docx2017 renders the 2017 report's DOCX, final or draft, and opens it,
// failing the test unless Word can read it (docxcheck).
func docx2017(t *testing.T, d report.Draft) (*report.Report, []byte, *docxcheck.Package) {
	t.Helper()
	r, _ := build2017(t)
	b, err := r.DOCX(d)
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
	return r, b, p
}

// tablesByCaption returns the DOCX's tables by their description (the
// caption, shown or not).
func tablesByCaption(t *testing.T, doc *docxcheck.Node) map[string]*docxcheck.Node {
	t.Helper()
	out := map[string]*docxcheck.Node{}
	for _, tbl := range doc.All("tbl") {
		c := tbl.Kid("tblPr").Kid("tblCaption")
		if c == nil {
			t.Fatal("a table without its caption as its description")
		}
		out[c.W("val")] = tbl
	}
	return out
}

func headerRows(tbl *docxcheck.Node) []bool {
	var out []bool
	for _, tr := range tbl.Kids {
		if tr.Is("tr") {
			out = append(out, tr.Kid("trPr") != nil && tr.Kid("trPr").Kid("tblHeader") != nil)
		}
	}
	return out
}

// TestDOCXParts checks the 2017 DOCX part by part: well-formed parts
// with whole references (docxcheck), the two footnotes in footnotes.xml
// (one referenced from a cell of the table of positions), the header rows
// marked to repeat (two for the participation table), the years spanning
// their meetings, the ticks centred, the columns as the PDF set them, the
// title block in its styles, and the properties.
func TestDOCXParts(t *testing.T) {
	seed, _ := loadSeed(t)
	r, _, p := docx2017(t, report.Draft{})
	doc := p.Part("word/document.xml")

	// Footnotes: the separators, then the official two.
	var notes []*docxcheck.Node
	for _, n := range p.Part("word/footnotes.xml").All("footnote") {
		if n.W("type") == "" {
			notes = append(notes, n)
		}
	}
	if len(notes) != 2 || len(seed.Footnotes) != 2 {
		t.Fatalf("footnotes.xml has %d footnotes, the official text %d; want 2", len(notes), len(seed.Footnotes))
	}
	for i, n := range notes {
		if n.All("footnoteRef") == nil {
			t.Errorf("footnote %d does not show its number", i+1)
		}
		if g, w := seedtext.Words(n.TextOf()), seedtext.Words(seed.Footnotes[i]); !slices.Equal(g, w) {
			t.Errorf("footnote %d reads %q, want %q", i+1, n.TextOf(), seed.Footnotes[i])
		}
	}

	tables := tablesByCaption(t, doc)
	if len(tables) != 3 {
		t.Fatalf("%d tables, want 3", len(tables))
	}
	byName := map[string]*docxcheck.Node{}
	for caption, tbl := range tables {
		switch {
		case strings.Contains(caption, "Voting"):
			byName["vote"] = tbl
		case strings.HasPrefix(caption, "Participation"):
			byName["participation"] = tbl
		case strings.HasPrefix(caption, "Stated positions"):
			byName["positions"] = tbl
		}
	}
	for name, heads := range map[string]int{"vote": 1, "participation": 2, "positions": 1} {
		tbl := byName[name]
		if tbl == nil {
			t.Errorf("no %s table", name)
			continue
		}
		rows := headerRows(tbl)
		want := make([]bool, len(rows))
		for i := range heads {
			want[i] = true
		}
		if len(rows) < heads+1 || !slices.Equal(rows, want) {
			t.Errorf("%s table: rows marked as header rows %v, want the first %d only", name, rows, heads)
		}
	}
	if refs := byName["positions"].All("footnoteReference"); len(refs) != 1 {
		t.Errorf("the table of positions references %d footnotes, want 1 (the signatory's)", len(refs))
	}
	if n := len(doc.All("footnoteReference")); n != 2 {
		t.Errorf("%d footnote references, want 2", n)
	}

	// The participation table: the corner spans both header rows, each
	// year its meetings; every tick centred in its cell.
	part := byName["participation"]
	rows := part.All("tr")
	first := rows[0].All("tc")
	if v := first[0].Kid("tcPr").Kid("vMerge"); v == nil || v.W("val") != "restart" {
		t.Error("the corner does not span the two header rows")
	}
	var spans []string
	for _, c := range first[1:] {
		s := "1"
		if g := c.Kid("tcPr").Kid("gridSpan"); g != nil {
			s = g.W("val")
		}
		spans = append(spans, strings.TrimSpace(c.TextOf())+":"+s)
	}
	if want := []string{"2014:2", "2015:2", "2016:2", "2017:1"}; !slices.Equal(spans, want) {
		t.Errorf("years and their spans %q, want %q", spans, want)
	}
	ticks := 0
	for _, c := range part.All("tc") {
		if strings.TrimSpace(c.TextOf()) == "√" {
			ticks++
			if s := c.Kid("p").Kid("pPr").Kid("pStyle").W("val"); s != "TableTextCentred" {
				t.Errorf("a tick in style %s, want TableTextCentred", s)
			}
		}
	}
	if ticks != 56 || seed.Participation.Ticks() != 56 {
		t.Errorf("%d ticks, the official table %d, want 56", ticks, seed.Participation.Ticks())
	}

	// The columns are the PDF's: the layout's widths in twips.
	set, err := pdfout.Set(r.Doc, pdfout.Measurer(r.Fonts), r.Edition.Facts.Language)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Columns) != 3 {
		t.Fatalf("the layout set %d tables, want 3", len(set.Columns))
	}
	var pdfWidths [][]string
	for _, cols := range set.Columns {
		pdfWidths = append(pdfWidths, twipsOf(cols))
	}
	for name, tbl := range byName {
		var got []string
		for _, c := range tbl.All("gridCol") {
			got = append(got, c.W("w"))
		}
		if !slices.ContainsFunc(pdfWidths, func(w []string) bool { return slices.Equal(w, got) }) {
			t.Errorf("%s table: columns %v, none of the PDF's %v", name, got, pdfWidths)
		}
	}

	// The title block, and the properties.
	styles := map[string]string{}
	for _, para := range doc.All("p") {
		if pr := para.Kid("pPr"); pr != nil && pr.Kid("pStyle") != nil {
			styles[pr.Kid("pStyle").W("val")] += strings.TrimSpace(para.TextOf())
		}
	}
	f := r.Edition.Facts
	if styles["Title"] != f.Title || !strings.HasPrefix(styles["Subtitle"], "Presented by") || styles["Date"] != f.Date.String() {
		t.Errorf("title block: Title %q, Subtitle %q, Date %q", styles["Title"], styles["Subtitle"], styles["Date"])
	}
	core := string(p.Raw["docProps/core.xml"])
	for _, want := range []string{"<dc:title>" + f.Title + "</dc:title>", "<dc:creator>" + f.PresentedBy + "</dc:creator>", "<dc:language>en</dc:language>", "16MSP"} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml has no %q", want)
		}
	}
	if p.Part("word/header1.xml") != nil || strings.Contains(string(p.Raw["word/footer1.xml"]), "Draft") {
		t.Error("the final has a draft's watermark or footer")
	}
}

// twipsOf is a table's column widths in twips, rounded at each column's
// edge as the DOCX writer rounds them.
func twipsOf(c layout.Columns) []string {
	var out []string
	x := 0.0
	for _, w := range c.Widths {
		out = append(out, fmt.Sprint(int(math.Round((x+w)*20))-int(math.Round(x*20))))
		x += w
	}
	return out
}

// The DOCX of the same inputs is the same bytes; a draft's differs, with
// its watermark, its build time and the editors' checklist on a page of
// its own.
func TestDOCXReproducibleAndDraft(t *testing.T) {
	_, a, _ := docx2017(t, report.Draft{})
	_, b, _ := docx2017(t, report.Draft{})
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the 2017 DOCX differ")
	}
	_, d, p := docx2017(t, report.Draft{On: true, Built: draftBuilt})
	if bytes.Equal(a, d) {
		t.Fatal("the draft is the final")
	}
	if !strings.Contains(string(p.Raw["word/header1.xml"]), `string="DRAFT"`) {
		t.Error("the draft has no watermark")
	}
	if !strings.Contains(p.Part("word/footer1.xml").TextOf(), "Draft built 2017-12-01 10:00 UTC") {
		t.Error("the draft's footer does not say when it was built")
	}
	var checklist *docxcheck.Node
	for _, para := range p.Part("word/document.xml").All("p") {
		if strings.HasPrefix(para.TextOf(), "Editors' checklist") {
			checklist = para
		}
	}
	if checklist == nil || checklist.All("pageBreakBefore") == nil {
		t.Error("the draft's checklist does not start a page")
	}
}

// The DOCX has the PDF's table columns however it is made: alone (it
// starts the layout itself and takes the columns as soon as the tables are
// set), after the PDF, or beside it, as a build makes it.
func TestDOCXColumnsWithOrWithoutThePDF(t *testing.T) {
	for _, d := range []report.Draft{{}, {On: true, Built: draftBuilt}} {
		_, alone, _ := docx2017(t, d)

		r, _ := build2017(t)
		if _, err := r.PDF(d); err != nil {
			t.Fatal(err)
		}
		after, err := r.DOCX(d)
		if err != nil {
			t.Fatal(err)
		}

		r, _ = build2017(t)
		var beside []byte
		var besideErr error
		done := make(chan struct{})
		go func() { defer close(done); beside, besideErr = r.DOCX(d) }()
		if _, err := r.PDF(d); err != nil {
			t.Fatal(err)
		}
		<-done
		if besideErr != nil {
			t.Fatal(besideErr)
		}
		if !bytes.Equal(alone, after) || !bytes.Equal(alone, beside) {
			t.Errorf("draft %v: the DOCX made alone, after the PDF and beside it differ", d.On)
		}
	}
}
