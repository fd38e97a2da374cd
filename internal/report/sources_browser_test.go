package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"unireport/internal/diag"
	"unireport/internal/document"
	"unireport/internal/htmlout"
	"unireport/internal/provenance"
	"unireport/internal/report"
	"unireport/internal/testkit/browser"
)

// TestDraftFileOpensSources opens drafts as build -draft writes them, from
// a file, in Chromium: without an editor a click on a value copies its
// file:line:col; with one it opens the editor's URL, the path made
// absolute, its slashes forward, once after the template's slash, and
// escaped.
func TestDraftFileOpensSources(t *testing.T) {
	t.Parallel() // a tab of the shared browser
	r, err := prepareDraft("../../data/2017", templates)
	if err != nil {
		t.Fatal(err)
	}
	title := "data/2017/edition.toml:8:9" // relative, as check names it
	ctx := browser.New(t)
	for _, c := range []struct {
		editor, root, want string
	}{
		{"", "", "Copied ../../" + title},
		{"vscode://file/{path}:{line}:{col}", "/home/ed/unireport/internal/report", "vscode://file/home/ed/unireport/" + title},
		{"subl://open?url=file://{path}&line={line}&column={col}", "/home/ed/my reports/./internal//report/", "subl://open?url=file:///home/ed/my%20reports/data/2017/edition.toml&line=8&column=9"},
		{"vscode://file/{path}:{line}:{col}", `C:\Users\ed\unireport\internal\report`, "vscode://file/C:/Users/ed/unireport/" + title},
		{"https://editor.example/open?file={path}#L{line}", "/srv/u/internal/report", "https://editor.example/open?file=/srv/u/data/2017/edition.toml#L8"},
	} {
		// the draft's page, with its title only, which loads at once
		d := report.Draft{On: true, Built: time.Date(2017, 11, 30, 9, 0, 0, 0, time.UTC), Editor: c.editor, EditorRoot: c.root}
		doc := document.Parse([]byte(":::: titleblock\n# " + provenance.Mark(provenance.Source{Pos: diag.Pos{File: "../../data/2017/edition.toml", Line: 8, Col: 9}}, "Title") + "\n::::\n"))
		page, err := htmlout.Render(doc, r.HTMLOptions(d))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "draft.html")
		if err := os.WriteFile(path, page, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(fileURL(path)), chromedp.WaitVisible(chromedp.CSS("main"))); err != nil {
			t.Fatal(err)
		}
		// The page follows a link to the editor's URL: noted instead.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`HTMLAnchorElement.prototype.click = function () { window.opened = this.href }; true`)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".title-block h1 [data-src]"))); err != nil {
			t.Fatal(err)
		}
		got := ""
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && !strings.Contains(got, "data/2017/edition.toml"); time.Sleep(20 * time.Millisecond) {
			got, err = chromedp.Run(ctx, chromedp.Evaluate[string](`window.opened || document.getElementById("unireport-src-status").textContent`))
			if err != nil {
				t.Fatal(err)
			}
		}
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("editor %q, root %q: a click gives %q, want %q", c.editor, c.root, got, c.want)
		}
	}
}
