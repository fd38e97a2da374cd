package report_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"unireport/internal/edition"
	"unireport/internal/testkit/browser"
	"unireport/internal/testkit/editions"
)

// redlineFacts are what the page of the fixture's redline shows, read in
// the browser.
type redlineFacts struct {
	FirstDel    []string  `json:"firstDel"`  // words struck out of the first paragraph
	FirstIns    []string  `json:"firstIns"`  // words added to it
	InsLine     string    `json:"insLine"`   // text-decoration-line of an insertion
	DelLine     string    `json:"delLine"`   // and of a deletion
	InsColor    string    `json:"insColor"`  // their colours
	DelColor    string    `json:"delColor"`  //
	TextColor   string    `json:"textColor"` // and the text's
	RowClass    string    `json:"rowClass"`  // Sri Lanka's row of the table of positions
	RowOutside  []string  `json:"rowOutside"`
	PartRows    []string  `json:"partRows"` // classes of Sri Lanka's rows of the participation table
	VoteDel     []int     `json:"voteDel"`  // columns Tonga is struck out of in the vote
	VoteIns     []int     `json:"voteIns"`  // and added to
	VoteHead    []string  `json:"voteHead"` // the vote's headers' marks, del then ins
	Fold        *foldFact `json:"fold"`
	Paragraphed bool      `json:"paragraphed"`
}

type foldFact struct {
	Open          bool    `json:"open"`
	Summary       string  `json:"summary"`
	Height        float64 `json:"height"` // the fold's, on the page
	WholeShown    bool    `json:"wholeShown"`
	WholeText     string  `json:"wholeText"`
	ExcerptShown  bool    `json:"excerptShown"`
	SummaryHeight float64 `json:"summaryHeight"`
}

const readRedline = `(() => {
  const out = {};
  const p = [...document.querySelectorAll('main > p')].find(p => p.textContent.includes('States determined to put an end'));
  out.paragraphed = !!p;
  if (p) {
    out.firstDel = [...p.querySelectorAll('del')].map(e => e.textContent);
    out.firstIns = [...p.querySelectorAll('ins')].map(e => e.textContent);
    const ins = getComputedStyle(p.querySelector('ins')), del = getComputedStyle(p.querySelector('del'));
    out.insLine = ins.textDecorationLine; out.delLine = del.textDecorationLine;
    out.insColor = ins.color; out.delColor = del.color; out.textColor = getComputedStyle(p).color;
  }
  const row = document.getElementById('state-sri-lanka');
  out.rowClass = row ? row.className : '';
  out.rowOutside = [];
  if (row) {
    const w = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    for (let n; (n = w.nextNode());) {
      if (n.textContent.trim() && !n.parentElement.closest('del')) out.rowOutside.push(n.textContent);
    }
  }
  out.partRows = [...document.querySelectorAll('#participation tbody tr')]
    .filter(r => r.cells[0].textContent.trim() === 'Sri Lanka').map(r => r.className);
  const cols = tag => [...document.querySelectorAll('#vote tbody ' + tag)]
    .filter(e => e.textContent.trim() === 'Tonga').map(e => e.closest('td, th').cellIndex);
  out.voteDel = cols('del'); out.voteIns = cols('ins');
  out.voteHead = [...document.querySelectorAll('#vote thead th')].map(th =>
    [...th.querySelectorAll('del, ins')].map(e => e.localName + ':' + e.textContent).join(' '));
  const d = document.querySelector('#state-egypt details.fold');
  if (d) {
    const s = d.querySelector('summary'), whole = d.querySelector(':scope > p');
    out.fold = {open: d.open, summary: s.textContent, summaryHeight: s.getBoundingClientRect().height,
      height: d.getBoundingClientRect().height, wholeShown: !!whole && whole.checkVisibility(), wholeText: whole ? whole.textContent : '',
      excerptShown: getComputedStyle(s.querySelector('.fold-excerpt')).display !== 'none'};
  }
  return out;
})()`

// TestChangesInBrowser reads the fixture's redline in Chromium: words
// inserted and deleted in a paragraph, each with its line and colour; a
// State's row removed, all of it struck through; a vote moved from one
// column to another; and a long quotation that has not changed, folded to
// its first words and its count of words, which unfolds when clicked.
func TestChangesInBrowser(t *testing.T) {
	t.Parallel() // a tab of the shared browser
	ctx := browser.New(t)
	fromDir, toDir := editions.ChangesPair(t)
	c := compareEditions(t, fromDir, toDir)
	h, err := c.HTML()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), c.BaseName()+".html")
	if err := os.WriteFile(path, h, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(fileURL(path))); err != nil {
		t.Fatal(err)
	}
	f, err := chromedp.Run(ctx, chromedp.Evaluate[redlineFacts](readRedline))
	if err != nil {
		t.Fatal(err)
	}
	if !f.Paragraphed {
		t.Fatal("no paragraph on the States Parties")
	}
	// the counts of the first paragraph, from the two editions' data
	for _, w := range []string{"2017", "162", "35"} {
		if !slices.Contains(f.FirstDel, w) {
			t.Errorf("the first paragraph does not strike out %q: %q", w, f.FirstDel)
		}
	}
	for _, w := range []string{"2018", "163", "34"} {
		if !slices.Contains(f.FirstIns, w) {
			t.Errorf("the first paragraph does not add %q: %q", w, f.FirstIns)
		}
	}
	if !slices.ContainsFunc(f.FirstIns, func(s string) bool { return strings.HasPrefix(s, "Since the Sixteenth Meeting") }) {
		t.Errorf("the sentence on the accessions is not added: %q", f.FirstIns)
	}
	if !strings.Contains(f.InsLine, "underline") || !strings.Contains(f.DelLine, "line-through") {
		t.Errorf("insertions are drawn %q, deletions %q: want underline and line-through", f.InsLine, f.DelLine)
	}
	if f.InsColor == f.TextColor || f.DelColor == f.TextColor || f.InsColor == f.DelColor {
		t.Errorf("colours: insertions %s, deletions %s, text %s", f.InsColor, f.DelColor, f.TextColor)
	}
	if f.RowClass != "row-deleted" || len(f.RowOutside) > 0 {
		t.Errorf("Sri Lanka's row of positions: class %q, text not struck out: %q", f.RowClass, f.RowOutside)
	}
	if !slices.Equal(f.PartRows, []string{"row-deleted"}) {
		t.Errorf("Sri Lanka's rows of the participation table: %q", f.PartRows)
	}
	// Tonga: not present (the third column) → in favour (the first)
	if !slices.Equal(f.VoteDel, []int{2}) || !slices.Equal(f.VoteIns, []int{0}) {
		t.Errorf("Tonga is struck out of columns %v and added to %v; want [2] and [0]", f.VoteDel, f.VoteIns)
	}
	if len(f.VoteHead) != 3 || f.VoteHead[0] != "del:15 ins:14" || f.VoteHead[2] != "del:3 ins:2" {
		t.Errorf("the vote's headers' marks: %q", f.VoteHead)
	}

	// Egypt's quotation, the same in both: folded, with its words counted
	// from the data
	e, _ := edition.Load(toDir)
	q := e.State("egypt").Quotations[0]
	words := len(strings.Fields(q.Text + " (" + q.Citation() + ")"))
	fold := f.Fold
	if fold == nil {
		t.Fatal("Egypt's quotation is not folded")
	}
	if fold.Open || fold.WholeShown || fold.Height > 1.5*fold.SummaryHeight || !fold.ExcerptShown {
		t.Errorf("the fold at first: open %v, the whole shown %v, %vpx high (its summary %vpx), first words shown %v",
			fold.Open, fold.WholeShown, fold.Height, fold.SummaryHeight, fold.ExcerptShown)
	}
	want := "unchanged, " + strconv.Itoa(words) + " words"
	if !strings.Contains(fold.Summary, want) || !strings.HasPrefix(strings.TrimSpace(fold.Summary), `"Egypt acknowledges the humanitarian`) {
		t.Errorf("the fold shows %q; want Egypt's first words and %q", fold.Summary, want)
	}
	shot(t, ctx, "redline-folded.png")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#state-egypt details.fold > summary"))); err != nil {
		t.Fatal(err)
	}
	f, err = chromedp.Run(ctx, chromedp.Evaluate[redlineFacts](readRedline))
	if err != nil {
		t.Fatal(err)
	}
	if fold = f.Fold; !fold.Open || !fold.WholeShown || fold.Height < 3*fold.SummaryHeight || fold.ExcerptShown {
		t.Errorf("the fold clicked: open %v, the whole shown %v, %vpx high (its summary %vpx), first words shown %v",
			fold.Open, fold.WholeShown, fold.Height, fold.SummaryHeight, fold.ExcerptShown)
	}
	last := strings.Fields(q.Text)
	if tail := strings.Join(last[len(last)-4:], " "); !strings.Contains(fold.WholeText, tail) {
		t.Errorf("the unfolded quotation lacks its end %q", tail)
	}
	shot(t, ctx, "redline-unfolded.png")
}

// shot saves a screenshot of the page, when screenshots are asked for
// (to look at, not to assert).
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if !browser.ScreenshotsWanted() {
		return
	}
	p := filepath.Join(browser.ScreenshotDir(t), name)
	if err := browser.Screenshot(ctx, p); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
}
