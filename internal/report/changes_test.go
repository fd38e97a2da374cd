package report_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"unireport/internal/layout"
	"unireport/internal/pdfout"
	"unireport/internal/report"
	"unireport/internal/testkit/editions"
	"unireport/internal/testkit/htmlcheck"
)

// compareEditions prepares two editions as drafts and compares their
// reports.
func compareEditions(t testing.TB, fromDir, toDir string) *report.Changes {
	t.Helper()
	from, diags := report.PrepareDraft(fromDir, templates)
	if diags.HasErrors() {
		t.Fatalf("%s:\n%v", fromDir, diags.Err())
	}
	to, diags := report.PrepareDraft(toDir, templates)
	if diags.HasErrors() {
		t.Fatalf("%s:\n%v", toDir, diags.Err())
	}
	return report.CompareReports(from, to)
}

// fixtureChanges is the redline of the made-up 2018 edition against 2017.
func fixtureChanges(t testing.TB) *report.Changes {
	t.Helper()
	fromDir, toDir := editions.ChangesPair(t)
	return compareEditions(t, fromDir, toDir)
}

// fixtureChangesHTML is the HTML of the redline of the made-up 2018
// edition against 2017.
func fixtureChangesHTML(t *testing.T) []byte {
	t.Helper()
	h, err := fixtureChanges(t).HTML()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// pdfChanges lays the redline out as its PDF sets it and counts the texts
// of each mark, and gathers all the text.
func pdfChanges(t *testing.T, c *report.Changes) (marks map[layout.Change]int, text string) {
	t.Helper()
	res, err := pdfout.Set(c.Doc, pdfout.Measurer(nil), "en")
	if err != nil {
		t.Fatal(err)
	}
	marks = map[layout.Change]int{}
	var b strings.Builder
	for _, p := range res.Pages {
		for _, tx := range p.Texts {
			marks[tx.Style.Change]++
			b.WriteString(tx.Text + " ")
		}
	}
	return marks, b.String()
}

var (
	insTag = regexp.MustCompile(`<ins class="redline">([^<]*)</ins>`)
	delTag = regexp.MustCompile(`<del class="redline">([^<]*)</del>`)
)

func TestChangesOfTheFixture(t *testing.T) {
	c := fixtureChanges(t)
	if c.BaseName() != "changes-2017-2018" {
		t.Errorf("base name %q", c.BaseName())
	}
	h, err := c.HTML()
	if err != nil {
		t.Fatal(err)
	}
	if err := htmlcheck.Check(h); err != nil {
		t.Fatalf("the redline's HTML: %v", err)
	}
	page := string(h)
	// the summary first, then the report with its marks
	summary, body, ok := strings.Cut(page, "The report with its changes marked")
	if !ok {
		t.Fatal("the page has no heading before the report")
	}
	for _, want := range []string{"<h1", "Changes from 2017 to 2018", "What changed in the data", "Tonga: not present → in favour."} {
		if !strings.Contains(summary, want) {
			t.Errorf("the summary lacks %q", want)
		}
	}
	for _, want := range []string{
		`<del class="redline">162</del><ins class="redline">163</ins>`, // the States Parties
		`<del class="redline">Sixteenth</del><ins class="redline">Seventeenth</ins>`,
		`<tr id="state-sri-lanka" class="row-deleted">`,
		`<tr id="state-tonga" class="row-changed">`,
		`<details class="fold">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the redline lacks %q", want)
		}
	}
	// the summary has no marks of its own but the legend's
	if n := len(insTag.FindAllString(summary, -1)) + len(delTag.FindAllString(summary, -1)); n != 0 {
		t.Errorf("the summary has %d marks", n)
	}
	marks, text := pdfChanges(t, c)
	if marks[layout.Inserted] == 0 || marks[layout.Deleted] == 0 {
		t.Errorf("the PDF's texts by mark: %v; want some inserted and some deleted", marks)
	}
	if !strings.Contains(text, "(unchanged, ") {
		t.Error("the PDF folds no quotation")
	}
}

// TestChangesAgainstItself: an edition against itself says there are no
// changes and marks nothing, in the HTML and in the PDF.
func TestChangesAgainstItself(t *testing.T) {
	c := compareEditions(t, "../../data/2017", "../../data/2017")
	if !c.Summary.Empty() {
		t.Errorf("2017 against itself:\n%s", c.Summary.Text())
	}
	if c.BaseName() != "changes-2017-2017" {
		t.Errorf("base name %q", c.BaseName())
	}
	h, err := c.HTML()
	if err != nil {
		t.Fatal(err)
	}
	page := string(h)
	if !strings.Contains(page, "There are no changes") {
		t.Error("the page does not say there are no changes")
	}
	for _, mark := range []string{"<ins", "<del", `class="row-`, "Marks:"} {
		if strings.Contains(page, mark) {
			t.Errorf("the page has %q", mark)
		}
	}
	if !strings.Contains(page, `<details class="fold">`) {
		t.Error("no long quotation is folded")
	}
	marks, _ := pdfChanges(t, c)
	if marks[layout.Inserted]+marks[layout.Deleted] != 0 {
		t.Errorf("the PDF marks %d texts", marks[layout.Inserted]+marks[layout.Deleted])
	}
}

// TestChangesAreReproducible: the same editions give the same bytes,
// HTML and PDF, each time they are prepared and compared.
func TestChangesAreReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	fromDir, toDir := editions.ChangesPair(t)
	var htmls, pdfs [][]byte
	for range 2 {
		c := compareEditions(t, fromDir, toDir)
		h, err := c.HTML()
		if err != nil {
			t.Fatal(err)
		}
		p, err := c.PDF()
		if err != nil {
			t.Fatal(err)
		}
		htmls, pdfs = append(htmls, h), append(pdfs, p)
	}
	if !bytes.Equal(htmls[0], htmls[1]) {
		t.Error("two HTML redlines of the same editions differ")
	}
	if !bytes.Equal(pdfs[0], pdfs[1]) {
		t.Error("two PDF redlines of the same editions differ")
	}
	if !bytes.Contains(pdfs[0], []byte("/CreationDate (D:20181130")) {
		t.Error("the PDF is not dated as the 2018 edition")
	}
	// the reports compared are left as they were: the 2018 report renders
	// as it did
	to, _ := report.PrepareDraft(toDir, templates)
	before, _ := to.HTML(report.Draft{})
	report.CompareReports(to, to)
	if after, _ := to.HTML(report.Draft{}); !bytes.Equal(before, after) {
		t.Error("comparing a report changes its own HTML")
	}
}
