package report_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"unireport/internal/report"
	"unireport/internal/testkit/browser"
	"unireport/internal/testkit/testtool"
)

// landscapeReport is the 2017 report with templates that set the
// participation table landscape.
func landscapeReport(t *testing.T) *report.Report {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(templates, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	const at = `"state" "State not Party"`
	if !strings.Contains(string(b), at) {
		t.Fatalf("templates/report.md has no %s", at)
	}
	dir := t.TempDir()
	text := strings.Replace(string(b), at, at+"\n  \"landscape\" \"true\"", 1)
	if err := os.WriteFile(filepath.Join(dir, "report.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r, diags := report.Prepare("../../data/2017", dir)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	return r
}

// TestLandscapeTableInPDF: a table the template sets landscape is on a
// turned page of its own in the PDF, the text around it on upright pages.
func TestLandscapeTableInPDF(t *testing.T) {
	r := landscapeReport(t)
	pages, err := r.Pages(report.Draft{})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, p := range pages {
		kind, table := "portrait", false
		if p.Width > p.Height {
			kind = "landscape"
		}
		for _, tx := range p.Texts {
			table = table || strings.Contains(tx.Text, "RevCon")
		}
		if table != (kind == "landscape") {
			t.Errorf("page %d is %s, and holds the participation table: %v", p.Number, kind, table)
		}
		kinds = append(kinds, kind)
	}
	if strings.Count(strings.Join(kinds, " "), "landscape") != 1 {
		t.Errorf("pages %v, want one landscape page", kinds)
	}
}

var pdfinfoSize = regexp.MustCompile(`Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts`)

// TestLandscapeTableInBrowserPrint: printed from Chromium with the page's
// own page sizes, the HTML turns the same table's page.
func TestLandscapeTableInBrowserPrint(t *testing.T) {
	t.Parallel() // a tab of the shared browser; the browser works while other tests run
	testtool.Need(t, "pdfinfo", "poppler-utils")
	r := landscapeReport(t)
	b, err := r.HTML(report.Draft{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "landscape.html")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(fileURL(path))); err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true)})
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "printed.pdf")
	if err := os.WriteFile(pdf, res.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	landscape, portrait := 0, 0
	for _, m := range pdfinfoSize.FindAllStringSubmatch(run(t, "pdfinfo", "-f", "1", "-l", "99", pdf), -1) {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		if w > h {
			landscape++
		} else {
			portrait++
		}
	}
	if landscape == 0 || portrait == 0 {
		t.Errorf("printed %d landscape and %d portrait pages, want both", landscape, portrait)
	}
}
