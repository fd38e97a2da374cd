package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"unireport/internal/report"
	"unireport/internal/testkit/browser"
	"unireport/internal/testkit/seedtext"
)

// checklistTable is the selector of the checklist's table of States, which
// the checklist writes as a Markdown pipe table under the heading
// "Official information per State".
const checklistTable = `section[aria-labelledby="official-information-per-state"] > table`

// draft2017 renders the 2017 draft, with the editors' checklist at its end,
// built at a fixed time.
func draft2017(t *testing.T) []byte {
	t.Helper()
	root, err := seedtext.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	r, diags := report.PrepareDraft(filepath.Join(root, "data", "2017"), filepath.Join(root, "templates"))
	if r == nil {
		t.Fatalf("the 2017 draft does not prepare:\n%v", diags)
	}
	b, err := r.HTML(report.Draft{On: true, Built: time.Date(2017, 11, 20, 9, 30, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// text is the text of n and its descendants.
func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}

// The checklist's table of States is a table in the draft's HTML, not one
// run of text: its header row of column headers and a row per State.
func TestChecklistTableHTML(t *testing.T) {
	doc := parseHTML(t, draft2017(t))
	h := find(doc, byID("official-information-per-state"))
	if h == nil || text(h) != "Official information per State" {
		t.Fatal("the draft has no heading \"Official information per State\"")
	}
	wrap := find(doc, func(n *html.Node) bool {
		v, _ := attrOf(n, "aria-labelledby")
		return n.Type == html.ElementNode && n.Data == "section" && v == "official-information-per-state"
	})
	if wrap == nil || !hasClass(wrap, "table-wrap") {
		t.Fatalf("the table under %q is not in a .table-wrap box named after the heading", text(h))
	}
	tables := elements(wrap, "table")
	if len(tables) != 1 {
		t.Fatalf("%d tables in the box, want 1", len(tables))
	}
	table := tables[0]
	if !hasClass(table, "data-table") {
		t.Error("the table is not styled as the data tables (class data-table)")
	}
	var heads []string
	for _, th := range elements(table, "th") {
		if scope, _ := attrOf(th, "scope"); scope != "col" {
			t.Errorf("header %q has scope %q, want col", text(th), scope)
		}
		heads = append(heads, text(th))
	}
	if want := []string{"State", "Newest information", "Age in years", "Last participation"}; fmt.Sprint(heads) != fmt.Sprint(want) {
		t.Errorf("column headers %q, want %q", heads, want)
	}
	thead, tbody := elements(table, "thead"), elements(table, "tbody")
	if len(thead) != 1 || len(elements(thead[0], "tr")) != 1 || len(elements(thead[0], "th")) != 4 {
		t.Errorf("want one <thead> with one row of 4 column headers")
	}
	if len(tbody) != 1 {
		t.Fatalf("%d <tbody>, want 1", len(tbody))
	}
	rows := elements(tbody[0], "tr")
	if len(rows) != 35 {
		t.Errorf("%d body rows, want 35 (one per State not party)", len(rows))
	}
	for i, tr := range rows {
		if n := len(elements(tr, "td")); n != 4 {
			t.Errorf("row %d (%q) has %d cells, want 4", i+1, text(tr), n)
		}
	}
	if len(rows) > 0 {
		if got := text(elements(rows[0], "td")[0]); got != "Bahrain" {
			t.Errorf("first State %q, want Bahrain", got)
		}
	}
}

// In the browser, the table's rows are drawn as rows: one box per row, one
// below the other, the header cells side by side.
func TestChecklistTableInBrowser(t *testing.T) {
	t.Parallel() // a tab of the shared browser; the browser works while other tests run
	path := filepath.Join(t.TempDir(), "universalization-status-2017-draft.html")
	if err := os.WriteFile(path, draft2017(t), 0o644); err != nil {
		t.Fatal(err)
	}
	shots := browser.ScreenshotDir(t)
	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(fileURL(path))); err != nil {
		t.Fatal(err)
	}
	type box struct {
		Top    float64 `json:"top"`
		Left   float64 `json:"left"`
		Width  float64 `json:"width"`
		Height float64 `json:"height"`
	}
	type facts struct {
		Found bool  `json:"found"`
		Rows  []box `json:"rows"`
		Heads []box `json:"heads"`
		Table box   `json:"table"`
	}
	js := fmt.Sprintf(`(() => {
  const t = document.querySelector(%q);
  if (!t) return {found: false, rows: [], heads: []};
  const b = e => { const r = e.getBoundingClientRect(); return {top: r.top, left: r.left, width: r.width, height: r.height}; };
  return {found: true, rows: [...t.rows].map(b), heads: [...t.querySelectorAll('thead th')].map(b), table: b(t)};
})()`, checklistTable)
	for _, width := range []int64{1280, 375} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		f, err := chromedp.Run(ctx, chromedp.Evaluate[facts](js))
		if err != nil {
			t.Fatal(err)
		}
		if !f.Found {
			t.Fatalf("no element %s in the draft", checklistTable)
		}
		if len(f.Rows) != 36 {
			t.Errorf("at %dpx: %d row boxes, want 36 (the header and 35 States)", width, len(f.Rows))
		}
		for i, r := range f.Rows {
			if r.Height < 10 || r.Width < 100 {
				t.Errorf("at %dpx: row %d is %vx%vpx", width, i, r.Width, r.Height)
			}
			if i > 0 && r.Top < f.Rows[i-1].Top+f.Rows[i-1].Height-1 {
				t.Errorf("at %dpx: row %d starts at %vpx, above the end of row %d (%vpx)", width, i, r.Top, i-1, f.Rows[i-1].Top+f.Rows[i-1].Height)
			}
		}
		if len(f.Heads) != 4 {
			t.Errorf("at %dpx: %d header cells, want 4", width, len(f.Heads))
		}
		for i := 1; i < len(f.Heads); i++ {
			if f.Heads[i].Top != f.Heads[0].Top || f.Heads[i].Left <= f.Heads[i-1].Left {
				t.Errorf("at %dpx: the header cells are not side by side: %+v", width, f.Heads)
				break
			}
		}
		if f.Table.Left+f.Table.Width > float64(width)+0.5 {
			t.Errorf("at %dpx: the table ends at %vpx, beyond the viewport", width, f.Table.Left+f.Table.Width)
		}
		png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(checklistTable)))
		if err != nil {
			t.Fatal(err)
		}
		shot := filepath.Join(shots, fmt.Sprintf("checklist-table-2017-%d.png", width))
		if err := os.WriteFile(shot, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", shot)
	}
}
