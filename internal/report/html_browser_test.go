package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"unireport/internal/report"
	"unireport/internal/testkit/browser"
)

// These tests check the rendered 2017 HTML as a reader gets it: the page
// alone (TestHTMLSelfContained) and the page in headless Chromium
// (TestHTMLInBrowser).

func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

var remoteURL = regexp.MustCompile(`(?i)^\s*(https?:)?//`)

// TestHTMLSelfContained checks statically that the page needs nothing from
// elsewhere: no script, no linked stylesheet, no attribute pointing to
// another host, no url() or @import in its styles.
func TestHTMLSelfContained(t *testing.T) {
	_, b := build2017(t)
	doc := parseHTML(t, b)
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.Data {
		case "script", "iframe", "object", "embed", "base":
			t.Errorf("the page has a <%s> element", n.Data)
		case "link":
			rel, _ := attrOf(n, "rel")
			if strings.Contains(strings.ToLower(rel), "stylesheet") {
				t.Errorf("the page links a stylesheet: %v", n.Attr)
			}
		case "style":
			css := ""
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				css += c.Data
			}
			low := strings.ToLower(css)
			if strings.Contains(low, "@import") || strings.Contains(low, "url(") {
				t.Errorf("the styles load something: @import or url() in <style>")
			}
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "src", "href", "srcset", "action", "formaction", "poster", "data", "background":
				if remoteURL.MatchString(a.Val) {
					t.Errorf("<%s %s=%q> points to another host", n.Data, a.Key, a.Val)
				}
			}
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s> has an event handler attribute %s", n.Data, a.Key)
			}
		}
		return true
	})
}

// layoutFacts are measured in the page at one viewport width.
type layoutFacts struct {
	InnerWidth  float64  `json:"innerWidth"`
	ClientWidth float64  `json:"clientWidth"`
	ScrollWidth float64  `json:"scrollWidth"`
	BodyScroll  float64  `json:"bodyScroll"`
	Offenders   []string `json:"offenders"` // elements outside the viewport, not inside a .table-wrap
	// captions wider than the box that scrolls their table: their end is
	// out of sight until the reader scrolls the table
	ClippedCaptions []string `json:"clippedCaptions"`
	Wraps           []struct {
		Table       string  `json:"table"`
		OverflowX   string  `json:"overflowX"`
		Right       float64 `json:"right"`
		ClientWidth float64 `json:"clientWidth"`
		ScrollWidth float64 `json:"scrollWidth"`
	} `json:"wraps"`
}

const measureLayout = `(() => {
  const vw = window.innerWidth;
  const offenders = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.table-wrap')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5)) {
      offenders.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.className ? '.' + String(el.className).split(' ').join('.') : '') +
        ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
    }
  }
  return {
    innerWidth: vw,
    clientWidth: document.documentElement.clientWidth,
    scrollWidth: document.documentElement.scrollWidth,
    bodyScroll: document.body.scrollWidth,
    offenders: offenders.slice(0, 20),
    clippedCaptions: [...document.querySelectorAll('.table-wrap caption')].filter(c => {
      const r = c.getBoundingClientRect(), w = c.closest('.table-wrap').getBoundingClientRect();
      return r.width > 1 && r.right > w.right + 0.5;
    }).map(c => c.textContent.trim()),
    wraps: [...document.querySelectorAll('.table-wrap')].map(w => ({
      table: (w.querySelector('table') || {}).id || '',
      overflowX: getComputedStyle(w).overflowX,
      right: w.getBoundingClientRect().right,
      clientWidth: w.clientWidth,
      scrollWidth: w.scrollWidth,
    })),
  };
})()`

// tableFacts describe the tables and links of the page, as the browser
// parsed them.
type tableFacts struct {
	Tables []struct {
		ID            string   `json:"id"`
		Captions      int      `json:"captions"`
		CaptionFirst  bool     `json:"captionFirst"`
		CaptionText   string   `json:"captionText"`
		WrapLabel     string   `json:"wrapLabel"`
		Theads        int      `json:"theads"`
		Tbodies       int      `json:"tbodies"`
		HeadRows      int      `json:"headRows"`
		BodyRows      int      `json:"bodyRows"`
		ThNoScope     []string `json:"thNoScope"`
		HeadCells     []string `json:"headCells"`
		HeadColspans  []int    `json:"headColspans"`
		BodyTicks     int      `json:"bodyTicks"`
		BodyRowIDs    []string `json:"bodyRowIds"`
		BodyRowHeader int      `json:"bodyRowHeaders"` // body rows whose first cell is th scope=row
	} `json:"tables"`
	KoreaRow     bool     `json:"koreaRow"`
	Refs         int      `json:"refs"`
	Backrefs     int      `json:"backrefs"`
	BrokenLinks  []string `json:"brokenLinks"`  // in-page links whose target is missing
	RefsNoReturn []string `json:"refsNoReturn"` // references whose footnote has no link back to them
}

const measureTables = `(() => {
  const text = el => el.textContent.replace(/\s+/g, ' ').trim();
  const target = a => {
    const h = a.getAttribute('href') || '';
    return h.startsWith('#') ? document.getElementById(decodeURIComponent(h.slice(1))) : undefined;
  };
  const tables = [...document.querySelectorAll('table')].map(t => {
    const caps = t.querySelectorAll(':scope > caption');
    const head = [...t.querySelectorAll(':scope > thead > tr')];
    const body = [...t.querySelectorAll(':scope > tbody > tr')];
    const headCells = head.flatMap(r => [...r.cells]);
    return {
      id: t.id,
      captions: caps.length,
      captionFirst: t.firstElementChild !== null && t.firstElementChild.tagName === 'CAPTION',
      wrapLabel: t.closest('.table-wrap') ? t.closest('.table-wrap').getAttribute('aria-label') || '' : '',
      captionText: caps.length ? text(caps[0]) : '',
      theads: t.querySelectorAll(':scope > thead').length,
      tbodies: t.querySelectorAll(':scope > tbody').length,
      headRows: head.length,
      bodyRows: body.length,
      thNoScope: [...t.querySelectorAll('th')].filter(th => !th.getAttribute('scope')).map(text),
      headCells: headCells.map(text),
      headColspans: headCells.map(c => c.colSpan),
      bodyTicks: body.reduce((n, r) => n + r.querySelectorAll('td[data-mark="√"]').length, 0),
      bodyRowIds: body.map(r => r.id),
      bodyRowHeaders: body.filter(r => r.cells[0] && r.cells[0].tagName === 'TH' && r.cells[0].getAttribute('scope') === 'row').length,
    };
  });
  const links = [...document.querySelectorAll('a[href^="#"]')];
  const refs = [...document.querySelectorAll('a.footnote-ref')];
  const backrefs = [...document.querySelectorAll('a.footnote-backref')];
  return {
    tables,
    koreaRow: document.getElementById('state-korea-republic-of') !== null,
    refs: refs.length,
    backrefs: backrefs.length,
    brokenLinks: links.filter(a => !target(a)).map(a => a.getAttribute('href')),
    refsNoReturn: refs.filter(a => {
      const fn = target(a);
      const sup = a.closest('[id]');
      return !fn || !sup || ![...fn.querySelectorAll('a.footnote-backref')].some(b => target(b) === sup);
    }).map(a => a.getAttribute('href')),
  };
})()`

// TestHTMLInBrowser loads the 2017 HTML from a file in headless Chromium
// and checks what a reader gets: no console errors, no request beyond the
// file, no sideways scrolling of the page at desktop and phone widths, the
// tables' structure, and footnote links that work both ways. It saves a
// full-page screenshot at each width.
func TestHTMLInBrowser(t *testing.T) {
	t.Parallel() // a tab of the shared browser; the browser works while other tests run
	path, _ := write2017(t)
	pageURL := fileURL(path)
	shots := browser.ScreenshotDir(t)

	ctx := browser.New(t)
	rec, err := browser.Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(pageURL),
	); err != nil {
		t.Fatal(err)
	}

	for _, width := range []int64{1280, 375} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		f, err := chromedp.Run(ctx, chromedp.Evaluate[layoutFacts](measureLayout))
		if err != nil {
			t.Fatal(err)
		}
		if f.InnerWidth != float64(width) {
			t.Errorf("at %dpx: window.innerWidth = %v", width, f.InnerWidth)
		}
		if f.ScrollWidth > f.InnerWidth || f.ScrollWidth > f.ClientWidth || f.BodyScroll > f.ClientWidth {
			t.Errorf("at %dpx the page scrolls sideways: scrollWidth %v (body %v), innerWidth %v, clientWidth %v",
				width, f.ScrollWidth, f.BodyScroll, f.InnerWidth, f.ClientWidth)
		}
		if len(f.Offenders) > 0 {
			t.Errorf("at %dpx these elements reach outside the viewport:\n  %s", width, strings.Join(f.Offenders, "\n  "))
		}
		if len(f.ClippedCaptions) > 0 {
			t.Errorf("at %dpx these captions run out of sight beyond their table's box: %q", width, f.ClippedCaptions)
		}
		if len(f.Wraps) != 3 {
			t.Errorf("at %dpx: %d .table-wrap boxes, want 3", width, len(f.Wraps))
		}
		var scrolling []string
		for _, w := range f.Wraps {
			if w.OverflowX != "auto" && w.OverflowX != "scroll" {
				t.Errorf("at %dpx: the box of table %q has overflow-x %q; a wide table would widen the page", width, w.Table, w.OverflowX)
			}
			if w.Right > f.InnerWidth+0.5 {
				t.Errorf("at %dpx: the box of table %q ends at %v, beyond the viewport", width, w.Table, w.Right)
			}
			if w.ScrollWidth > w.ClientWidth {
				scrolling = append(scrolling, fmt.Sprintf("%s (%v of %vpx)", w.Table, w.ClientWidth, w.ScrollWidth))
				// Only the participation table, a grid of ticks under
				// long meeting names, may be wider than a phone. Scrolling
				// the quotations sideways line by line is no way to read.
				if w.Table != "participation" {
					t.Errorf("at %dpx the %s table is wider than its box (%v of %vpx): the reader must scroll it sideways", width, w.Table, w.ClientWidth, w.ScrollWidth)
				}
			}
		}
		t.Logf("at %dpx: page %vpx wide; tables scrolling in their box: %v", width, f.ScrollWidth, scrolling)

		if browser.ScreenshotsWanted() { // to look at, not to assert
			shot := filepath.Join(shots, fmt.Sprintf("universalization-status-2017-%d.png", width))
			if err := browser.Screenshot(ctx, shot); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s", shot)
		}
	}

	tf, err := chromedp.Run(ctx, chromedp.Evaluate[tableFacts](measureTables))
	if err != nil {
		t.Fatal(err)
	}
	checkTables(t, tf)

	// Click the first footnote reference, then the footnote's back link.
	if tf.Refs > 0 {
		type ref struct {
			Href   string `json:"href"`   // the footnote, e.g. #fn:1
			Origin string `json:"origin"` // the reference's own id, e.g. fnref:1
		}
		r, err := chromedp.Run(ctx, chromedp.Evaluate[ref](`(() => {
  const a = document.querySelector('a.footnote-ref');
  return {href: a.getAttribute('href'), origin: (a.closest('[id]') || {}).id || ''};
})()`))
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Click(chromedp.CSS("a.footnote-ref"))); err != nil {
			t.Fatal(err)
		}
		checkJump(t, ctx, r.Href, "the footnote")
		back := fmt.Sprintf(`[id=%q] a.footnote-backref`, strings.TrimPrefix(r.Href, "#"))
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(back))); err != nil {
			t.Fatal(err)
		}
		checkJump(t, ctx, "#"+r.Origin, "the reference")
	}

	// One last round trip, so that every event sent before it is recorded.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](`1`)); err != nil {
		t.Fatal(err)
	}
	if errs := rec.Errors(); len(errs) > 0 {
		t.Errorf("console errors:\n  %s", strings.Join(errs, "\n  "))
	}
	reqs := rec.Requests()
	if len(reqs) == 0 {
		t.Errorf("no request recorded, not even the page's own")
	}
	for _, r := range reqs {
		if r != pageURL {
			t.Errorf("request to %s; the page should load nothing but itself (%s)", r, pageURL)
		}
	}
}

// checkJump checks that the page's address now ends in hash and that the
// element it names is in the viewport.
func checkJump(t *testing.T, ctx context.Context, hash, what string) {
	t.Helper()
	type jump struct {
		Hash   string  `json:"hash"`
		Found  bool    `json:"found"`
		Top    float64 `json:"top"`
		Bottom float64 `json:"bottom"`
		Height float64 `json:"height"`
	}
	js := fmt.Sprintf(`(() => {
  const el = document.getElementById(%q);
  const r = el ? el.getBoundingClientRect() : {top: 0, bottom: 0};
  return {hash: location.hash, found: el !== null, top: r.top, bottom: r.bottom, height: window.innerHeight};
})()`, strings.TrimPrefix(hash, "#"))
	j, err := chromedp.Run(ctx, chromedp.Evaluate[jump](js))
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case j.Hash != hash:
		t.Errorf("following the link to %s: the address ends in %q, want %q", what, j.Hash, hash)
	case !j.Found:
		t.Errorf("following the link to %s: no element with id %s", what, hash)
	case j.Bottom <= 0 || j.Top >= j.Height:
		t.Errorf("following the link to %s: %s is not in view (top %v, bottom %v, viewport height %v)", what, hash, j.Top, j.Bottom, j.Height)
	}
}

func checkTables(t *testing.T, tf tableFacts) {
	t.Helper()
	want := map[string]bool{"vote": true, "participation": true, "positions": true}
	for _, tb := range tf.Tables {
		if !want[tb.ID] {
			t.Errorf("unexpected table %q", tb.ID)
			continue
		}
		delete(want, tb.ID)
		if tb.Captions != 1 || tb.CaptionText == "" {
			t.Errorf("table %s: %d captions (%q), want one", tb.ID, tb.Captions, tb.CaptionText)
		}
		if !tb.CaptionFirst {
			t.Errorf("table %s: the caption is not the table's first child", tb.ID)
		}
		if tb.WrapLabel != tb.CaptionText {
			t.Errorf("table %s: its scrolling box is labelled %q, not with the caption %q", tb.ID, tb.WrapLabel, tb.CaptionText)
		}
		if tb.Theads != 1 || tb.Tbodies != 1 {
			t.Errorf("table %s: %d thead and %d tbody, want one of each", tb.ID, tb.Theads, tb.Tbodies)
		}
		if len(tb.ThNoScope) > 0 {
			t.Errorf("table %s: header cells without scope: %q", tb.ID, tb.ThNoScope)
		}
		switch tb.ID {
		case "vote":
			wantHead := []string{"In favour (15)", "Abstained (16)", "Not present (3)"}
			if strings.Join(tb.HeadCells, "|") != strings.Join(wantHead, "|") {
				t.Errorf("vote table headings %q, want %q", tb.HeadCells, wantHead)
			}
			if tb.BodyRows != 16 {
				t.Errorf("vote table: %d rows, want 16 (the longest column, Abstained)", tb.BodyRows)
			}
		case "participation":
			if tb.HeadRows != 2 {
				t.Errorf("participation table: %d header rows, want 2 (years, meetings)", tb.HeadRows)
			}
			// first header row: the corner, then each year spanning its meetings
			spans := map[string]int{}
			for i, c := range tb.HeadCells {
				spans[c] = tb.HeadColspans[i]
			}
			for year, n := range map[string]int{"2014": 2, "2015": 2, "2016": 2, "2017": 1} {
				if spans[year] != n {
					t.Errorf("participation table: year %s spans %d columns, want %d", year, spans[year], n)
				}
			}
			if tb.BodyTicks != 56 {
				t.Errorf("participation table: %d ticks in the body, want 56", tb.BodyTicks)
			}
			if tb.BodyRowHeader != tb.BodyRows {
				t.Errorf("participation table: %d of %d rows start with a row header", tb.BodyRowHeader, tb.BodyRows)
			}
		case "positions":
			if tb.BodyRows != 35 {
				t.Errorf("table of positions: %d rows, want 35", tb.BodyRows)
			}
			idPattern := regexp.MustCompile(`^state-[a-z0-9]+(-[a-z0-9]+)*$`)
			seen := map[string]bool{}
			for _, id := range tb.BodyRowIDs {
				if !idPattern.MatchString(id) || seen[id] {
					t.Errorf("table of positions: row id %q is not a unique state-... id", id)
				}
				seen[id] = true
			}
			if tb.BodyRowHeader != tb.BodyRows {
				t.Errorf("table of positions: %d of %d rows start with a row header", tb.BodyRowHeader, tb.BodyRows)
			}
		}
	}
	for id := range want {
		t.Errorf("no table %q", id)
	}
	if !tf.KoreaRow {
		t.Error(`document.getElementById("state-korea-republic-of") is null`)
	}
	if tf.Refs != 2 || tf.Backrefs != 2 {
		t.Errorf("%d footnote references and %d back links, want 2 and 2", tf.Refs, tf.Backrefs)
	}
	if len(tf.BrokenLinks) > 0 {
		t.Errorf("in-page links to nothing: %q", tf.BrokenLinks)
	}
	if len(tf.RefsNoReturn) > 0 {
		t.Errorf("footnote references whose footnote does not link back: %q", tf.RefsNoReturn)
	}
}

// stickyFacts describe the participation table at one sideways scroll of
// its box.
type stickyFacts struct {
	MaxScroll  float64  `json:"maxScroll"`  // how far the box scrolls
	ScrollLeft float64  `json:"scrollLeft"` // where it was scrolled to
	Cells      int      `json:"cells"`      // first-column cells checked
	Covered    int      `json:"covered"`    // cells found under the first column
	Problems   []string `json:"problems"`
}

// measureSticky scrolls the participation table's box sideways to %v (a
// fraction of how far it scrolls) and checks its first column, the corner
// cell that spans both header rows and the row headers: each is at the
// box's left edge, opaque and bordered on the right, and the point of each
// cell passing under it is the first column's cell, not the tick's. The
// cells after it, the second header row's first one among them, have
// scrolled with the table. The caption stays in view. The window scrolls
// each cell into view first: elementFromPoint sees the viewport only.
const measureSticky = `((fraction) => {
  const table = document.getElementById('participation');
  const wrap = table.closest('.table-wrap');
  const problems = [];
  const name = c => c.tagName.toLowerCase() + ' "' + c.textContent.replace(/\s+/g, ' ').trim() + '"';
  const heads = [...table.tHead.rows];
  const first = [heads[0].cells[0], ...[...table.tBodies[0].rows].map(r => r.cells[0])];
  const others = [...table.rows].flatMap(r => [...r.cells]).filter(c => !first.includes(c));
  wrap.scrollLeft = 0;
  const before = new Map(others.map(c => [c, c.getBoundingClientRect().left]));
  const maxScroll = wrap.scrollWidth - wrap.clientWidth;
  wrap.scrollLeft = Math.round(maxScroll * fraction);
  const scrolled = wrap.scrollLeft;
  const hits = (c, x, y) => { const e = document.elementFromPoint(x, y); return e !== null && (e === c || c.contains(e)); };
  let covered = 0;
  for (const c of first) {
    const top = c.getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, top - window.innerHeight / 3);
    const r = c.getBoundingClientRect(), w = wrap.getBoundingClientRect();
    const s = getComputedStyle(c);
    if (Math.abs(r.left - (w.left + wrap.clientLeft)) > 0.5) {
      problems.push(name(c) + ' is at ' + r.left + ', not at the box\'s left edge ' + (w.left + wrap.clientLeft));
    }
    if (r.width < 1 || r.height < 1 || r.right > w.right || r.bottom <= 0 || r.top >= window.innerHeight || s.visibility !== 'visible') {
      problems.push(name(c) + ' is not in view: ' + JSON.stringify(r));
    }
    if (!/^rgb\(/.test(s.backgroundColor)) {
      problems.push(name(c) + ' has a see-through background ' + s.backgroundColor);
    }
    if (parseFloat(s.borderRightWidth) < 1 || s.borderRightStyle === 'none') {
      problems.push(name(c) + ' has no right border');
    }
    if (!hits(c, (r.left + r.right) / 2, (r.top + r.bottom) / 2)) {
      problems.push(name(c) + ': at its centre is ' + (document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2) || {tagName: 'nothing'}).tagName);
    }
    // the cells it covers: the rest of its row, or of the header for the corner
    const under = (c.parentElement.parentElement === table.tHead ? heads.flatMap(h => [...h.cells]) : [...c.parentElement.cells]).filter(o => o !== c);
    for (const o of under) {
      const q = o.getBoundingClientRect();
      const left = Math.max(q.left, r.left) + 1, right = Math.min(q.right, r.right) - 1;
      if (right <= left) continue;
      covered++;
      const x = (left + right) / 2, y = (Math.max(q.top, r.top) + Math.min(q.bottom, r.bottom)) / 2;
      if (!hits(c, x, y)) {
        problems.push(name(o) + ' shows through ' + name(c) + ' at (' + x + ', ' + y + ')');
      }
    }
  }
  const corner = first[0].getBoundingClientRect(), head = table.tHead.getBoundingClientRect();
  if (Math.abs(corner.height - head.height) > 0.5 || Math.abs(corner.top - head.top) > 0.5) {
    problems.push('the corner cell does not span the header rows: ' + corner.top + '+' + corner.height + ', header ' + head.top + '+' + head.height);
  }
  for (const o of others) {
    const moved = before.get(o) - o.getBoundingClientRect().left;
    if (Math.abs(moved - scrolled) > 0.5) {
      problems.push(name(o) + ' moved ' + moved + 'px as the table scrolled ' + scrolled + 'px');
    }
  }
  const cap = table.caption.getBoundingClientRect(), w = wrap.getBoundingClientRect();
  if (Math.abs(cap.left - w.left) > 0.5 || cap.right > w.right + 0.5) {
    problems.push('the caption [' + cap.left + ', ' + cap.right + '] is not within the box [' + w.left + ', ' + w.right + ']');
  }
  return {maxScroll, scrollLeft: scrolled, cells: first.length, covered, problems};
})(%v)`

// TestHTMLStickyStateColumn checks the participation table on a phone
// (375px), where it scrolls sideways in its box: scrolled part way and to
// the end, its first column, the States, stays at the box's left edge over
// the ticks passing under it, in the 2017 report and in a later one with
// more meetings (the 2018 fixture, 9 meeting columns). It saves
// screenshots at 375px, scrolled to the start and sideways, and at 1280px.
func TestHTMLStickyStateColumn(t *testing.T) {
	t.Parallel() // a tab of the shared browser; the browser works while other tests run
	shots := browser.ScreenshotDir(t)
	ctx := browser.New(t)
	pages := map[string]string{}
	pages["2017"], _ = write2017(t)
	r, diags := report.Prepare(filepath.Join(editionPair(t), "2018"), templates)
	if diags.HasErrors() {
		t.Fatalf("the 2018 fixture does not prepare:\n%v", diags.Err())
	}
	b, err := r.HTML(report.Draft{})
	if err != nil {
		t.Fatal(err)
	}
	pages["2018"] = filepath.Join(t.TempDir(), "2018.html")
	if err := os.WriteFile(pages["2018"], b, 0o644); err != nil {
		t.Fatal(err)
	}

	for _, year := range []string{"2017", "2018"} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 900), chromedp.Navigate(fileURL(pages[year]))); err != nil {
			t.Fatal(err)
		}
		shot := func(name string) {
			t.Helper()
			if !browser.ScreenshotsWanted() {
				return // to look at, not to assert: on request only
			}
			p := filepath.Join(shots, fmt.Sprintf("participation-%s-%s.png", year, name))
			if err := browser.Screenshot(ctx, p); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s", p)
		}
		shot("375")
		for _, fraction := range []float64{0.5, 1} {
			f, err := chromedp.Run(ctx, chromedp.Evaluate[stickyFacts](fmt.Sprintf(measureSticky, fraction)))
			if err != nil {
				t.Fatal(err)
			}
			if f.MaxScroll < 100 || f.ScrollLeft < f.MaxScroll*fraction-1 {
				t.Fatalf("%s at 375px: the participation table's box scrolls %vpx, and scrolled to %vpx; want it to scroll sideways", year, f.MaxScroll, f.ScrollLeft)
			}
			if f.Cells < 2 || f.Covered < f.Cells {
				t.Errorf("%s, scrolled %vpx: %d cells passed under the %d cells of the first column; want one in each row at least", year, f.ScrollLeft, f.Covered, f.Cells)
			}
			for _, p := range f.Problems {
				t.Errorf("%s at 375px, scrolled %vpx: %s", year, f.ScrollLeft, p)
			}
			checkFirstColumnDrawn(t, ctx, fmt.Sprintf("%s at 375px, scrolled %vpx", year, f.ScrollLeft))
			if fraction == 0.5 {
				shot("375-scrolled")
			}
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(fileURL(pages[year]))); err != nil {
			t.Fatal(err)
		}
		shot("1280")
	}
}

// TestHTMLHyphens checks that the page is hyphenated by its language's
// rules where text runs, and never in a State's name or a column header of
// short codes, at a desktop and a phone width.
func TestHTMLHyphens(t *testing.T) {
	t.Parallel() // a tab of the shared browser; the browser works while other tests run
	path, _ := write2017(t)
	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(fileURL(path))); err != nil {
		t.Fatal(err)
	}
	lang, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	if err != nil {
		t.Fatal(err)
	}
	if lang != "en" {
		t.Errorf(`<html lang=%q>, want "en", the 2017 edition's language: browsers hyphenate by it`, lang)
	}
	type cell struct {
		Selector string `json:"selector"`
		Found    bool   `json:"found"`
		Hyphens  string `json:"hyphens"`
	}
	want := map[string]bool{ // hyphenated?
		"main > p":                              true,
		"#positions tbody td":                   true,
		"#participation tbody th[scope=row]":    false,
		"#positions tbody th[scope=row]":        false,
		"#participation thead th.codes":         false, // 2014
		"#participation thead tr + tr th.codes": false, // 3rd RevCon
		"#participation thead th[rowspan]":      false, // State not Party
		"#vote td":                              false, // a State's name
		"h1":                                    false,
	}
	var sels []string
	for s := range want {
		sels = append(sels, s)
	}
	list, err := json.Marshal(sels)
	if err != nil {
		t.Fatal(err)
	}
	js := fmt.Sprintf(`%s.map(s => { const e = document.querySelector(s); return {selector: s, found: e !== null, hyphens: e ? getComputedStyle(e).hyphens : ''}; })`, list)
	for _, width := range []int64{1280, 375} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		cells, err := chromedp.Run(ctx, chromedp.Evaluate[[]cell](js))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cells {
			switch {
			case !c.Found:
				t.Errorf("no %s in the page", c.Selector)
			case want[c.Selector] && c.Hyphens != "auto":
				t.Errorf("at %dpx: %s has hyphens %q, want auto", width, c.Selector, c.Hyphens)
			case !want[c.Selector] && c.Hyphens == "auto":
				t.Errorf("at %dpx: %s is hyphenated (hyphens auto)", width, c.Selector)
			}
		}
	}
}

// firstColumnRects scrolls the window to the participation table's header
// and returns, in the viewport, the boxes of the first column's cells that
// are wholly in view.
const firstColumnRects = `(() => {
  const table = document.getElementById('participation');
  window.scrollTo(0, table.tHead.getBoundingClientRect().top + window.scrollY - 20);
  const cells = [table.tHead.rows[0].cells[0], ...[...table.tBodies[0].rows].map(r => r.cells[0])];
  return cells.map(c => {
    const r = c.getBoundingClientRect();
    return {name: c.textContent.trim(), left: r.left, top: r.top, right: r.right, bottom: r.bottom};
  }).filter(r => r.top >= 0 && r.bottom <= window.innerHeight);
})()`

// checkFirstColumnDrawn looks at the pixels of the participation table's
// first column, as it stands scrolled: each of its cells is drawn with its
// left, right and bottom borders. (Collapsed borders, for one, stay behind
// when a cell sticks, and the cell then has no right border.)
func checkFirstColumnDrawn(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	type rect struct {
		Name                     string
		Left, Top, Right, Bottom float64
	}
	rects, err := chromedp.Run(ctx, chromedp.Evaluate[[]rect](firstColumnRects))
	if err != nil {
		t.Fatal(err)
	}
	if len(rects) < 3 {
		t.Fatalf("%s: only %d cells of the first column in view", where, len(rects))
	}
	shot, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot.Data))
	if err != nil {
		t.Fatal(err)
	}
	// dark: the grid's #595959, within a pixel of where the line should be
	dark := func(x, y int, alongX bool) bool {
		for d := -1; d <= 1; d++ {
			px, py := x+d, y
			if alongX {
				px, py = x, y+d
			}
			r, g, b, _ := img.At(px, py).RGBA()
			if (r+g+b)/3>>8 < 140 {
				return true
			}
		}
		return false
	}
	// line reports whether most of the line from (x0, y0) to (x1, y1),
	// vertical or horizontal, is dark.
	line := func(x0, y0, x1, y1 int) bool {
		n, hit := 0, 0
		for x, y := x0, y0; x <= x1 && y <= y1; {
			n++
			if dark(x, y, x0 == x1) {
				hit++
			}
			if x0 == x1 {
				y++
			} else {
				x++
			}
		}
		return n > 0 && hit*100 >= n*95
	}
	for _, r := range rects {
		left, top := int(math.Round(r.Left)), int(math.Round(r.Top))
		right, bottom := int(math.Round(r.Right))-1, int(math.Round(r.Bottom))-1
		for _, side := range []struct {
			name           string
			x0, y0, x1, y1 int
		}{
			{"left", left, top + 3, left, bottom - 3},
			{"right", right, top + 3, right, bottom - 3},
			{"bottom", left + 3, bottom, right - 3, bottom},
		} {
			if !line(side.x0, side.y0, side.x1, side.y1) {
				t.Errorf("%s: the first column's cell %q is drawn without its %s border", where, r.Name, side.name)
			}
		}
	}
}
