package preview

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"unireport/internal/testkit/browser"
	"unireport/internal/testkit/editions"
)

// newChangesServer makes a server for the made-up 2018 edition laid out
// beside 2017, and returns it with the 2018 edition's folder.
func newChangesServer(t testing.TB) (*Server, string) {
	t.Helper()
	_, to := editions.ChangesPair(t)
	s, err := New(Config{DataDir: to, TemplatesDir: realTemplates, Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	return s, to
}

// TestChangesPage: the draft links to /changes, which shows the redline
// of the edition against the one before, with the bar back to the draft
// and the reload script of the build; a save shows at once; a broken
// build shows its problems instead.
func TestChangesPage(t *testing.T) {
	s, dir := newChangesServer(t)
	if page := body(t, do(s, http.MethodGet, "/", "localhost")); !strings.Contains(page, `<a href="/changes">Changes</a>`) {
		t.Error("the draft does not link to the changes")
	}
	resp := do(s, http.MethodGet, changesPath, "localhost")
	page := body(t, resp)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Security-Policy") != csp || resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("GET %s: %s, headers %v", changesPath, resp.Status, resp.Header)
	}
	for _, want := range []string{
		"Changes from 2017 to 2018",
		"Letters written to States not party: 35 → 34.",
		`<del class="redline">162</del><ins class="redline">163</ins>`,
		changesBar,
		`<script data-build="` + s.cur.Load().id + `">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the changes page lacks %q", want)
		}
	}
	checkWellFormed(t, page)

	path := filepath.Join(dir, "edition.toml")
	orig := readFile(t, path)
	save(t, path, strings.Replace(orig, "letters = 34", "letters = 33", 1))
	if !s.rebuild() {
		t.Fatal("the save was not built")
	}
	page = body(t, do(s, http.MethodGet, changesPath, "localhost"))
	if !strings.Contains(page, "Letters written to States not party: 35 → 33.") || !strings.Contains(page, `<script data-build="`+s.cur.Load().id+`">`) {
		t.Error("the changes page does not show the save")
	}

	save(t, path, strings.Replace(orig, "letters = 34", "letters = = 34", 1))
	s.rebuild()
	resp = do(s, http.MethodGet, changesPath, "localhost")
	if page = body(t, resp); resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(page, `id="unireport-overlay"`) || !strings.Contains(page, path+":") {
		t.Errorf("GET %s of a broken build: %s, want 503 with the problems:\n%.500s", changesPath, resp.Status, page)
	}
}

// TestChangesPageWithoutPrevious: with no edition before, or one that does
// not build, the page says so.
func TestChangesPageWithoutPrevious(t *testing.T) {
	s, _, _ := newServer(t)
	resp := do(s, http.MethodGet, changesPath, "localhost")
	page := body(t, resp)
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "There is no edition before 2017 beside") || !strings.Contains(page, changesBar) {
		t.Errorf("GET %s of 2017 alone: %s\n%s", changesPath, resp.Status, page)
	}
	checkWellFormed(t, page)

	_, to := editions.ChangesPair(t)
	prev := filepath.Join(filepath.Dir(to), "2017", "vote.toml")
	if err := os.WriteFile(prev, []byte("year = = 2017\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{DataDir: to, TemplatesDir: realTemplates, Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	page = body(t, do(s, http.MethodGet, changesPath, "localhost"))
	if !strings.Contains(page, "does not build, so the changes cannot be shown") || !strings.Contains(page, "vote.toml:1:") {
		t.Errorf("the changes page with a broken edition before:\n%.800s", page)
	}
}

// TestChangesPageInBrowser opens /changes in Chromium from the draft's
// bar, saves a data file, and sees the page reload with the change marked,
// at the same place.
func TestChangesPageInBrowser(t *testing.T) {
	t.Parallel() // its own server and its own tab of the shared browser
	ctx := browser.New(t)
	s, dir := newChangesServer(t)
	base := start(t, s)
	act(t, ctx, chromedp.EmulateViewport(1000, 700), chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("main")))
	act(t, ctx, chromedp.Click(chromedp.CSS(`.unireport-bar a[href="/changes"]`)), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if title := eval[string](t, ctx, `document.title`); title != "Changes from 2017 to 2018" {
		t.Fatalf("the bar's link opened %q", title)
	}
	waitFor(t, "the page to listen", func() bool { return s.hub.size() == 1 })
	y := eval[float64](t, ctx, `window.scrollTo(0, 1200); window.unireportMark = true; window.scrollY`)

	path := filepath.Join(dir, "edition.toml")
	save(t, path, strings.Replace(readFile(t, path), "letters = 34", "letters = 33", 1))
	poll(t, ctx, "the changes page to reload with the save",
		`!window.unireportMark && document.readyState === "complete" && document.body.innerText.includes("Letters written to States not party: 35 → 33.")`)
	if got := eval[float64](t, ctx, `window.scrollY`); got < y-50 || got > y+50 {
		t.Errorf("after the reload scrollY is %v, want %v kept", got, y)
	}
	if n := eval[float64](t, ctx, `[...document.querySelectorAll("ins.redline")].filter(e => e.textContent === "33").length`); n < 1 {
		t.Error("the new count is not marked inserted in the report")
	}
}
