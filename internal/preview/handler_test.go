package preview

import (
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// do serves one request to s and returns the response.
func do(s *Server, method, target, host string) *http.Response {
	req := httptest.NewRequest(method, target, nil)
	req.Host = host
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestPage(t *testing.T) {
	s, _, _ := newServer(t)
	resp := do(s, http.MethodGet, "/", "localhost:8080")
	page := body(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /: %s", resp.Status)
	}
	for k, want := range map[string]string{
		"Content-Type":            "text/html; charset=utf-8",
		"Cache-Control":           "no-store",
		"Content-Security-Policy": csp,
	} {
		if got := resp.Header.Get(k); got != want {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	for _, want := range []string{
		"Sources of information:", // the data
		`class="draft-banner"`,    // a draft
		`<a href="/report.pdf">PDF</a>`,
		`<script data-build="` + s.cur.Load().id + `">` + reloadJS + "</script>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, `id="unireport-overlay"`) {
		t.Error("the page of a good build has the error overlay")
	}
	checkWellFormed(t, page)
	if resp := do(s, http.MethodHead, "/", "localhost"); resp.StatusCode != http.StatusOK {
		t.Errorf("HEAD /: %s", resp.Status)
	}
}

// TestOnlyItsPaths checks that nothing but the page, the PDF and the
// event stream is served: no file of the machine, nor of the edition.
func TestOnlyItsPaths(t *testing.T) {
	s, dataDir, _ := newServer(t)
	for _, p := range []string{
		"/index.html", "/edition.toml", "/data/2017/edition.toml", "/templates/report.md",
		"/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/etc/passwd", "/report.pdf/x",
		"/events/", "/favicon.ico", "/report.html", dataDir + "/edition.toml", "//etc/passwd",
	} {
		resp := do(s, http.MethodGet, p, "localhost")
		b := body(t, resp)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %s, want 404", p, resp.Status)
		}
		if strings.Contains(b, "root:") || strings.Contains(b, "stale_after_years") {
			t.Errorf("GET %s shows a file", p)
		}
	}
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		if resp := do(s, m, "/", "localhost"); resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s /: %s, want 405", m, resp.Status)
		}
	}
}

// TestErrorsInPlace breaks the edition, checks that the page served shows
// the problems over the last good render and that the PDF is withheld,
// then fixes it and checks that both are back.
func TestErrorsInPlace(t *testing.T) {
	s, dataDir, _ := newServer(t)
	path := dataDir + "/edition.toml"
	orig := readFile(t, path)
	bad, where := broken(t, path, orig)
	save(t, path, bad)
	if !s.rebuild() {
		t.Fatal("a broken edition was not published")
	}
	resp := do(s, http.MethodGet, "/", "localhost")
	page := body(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET / when broken: %s", resp.Status)
	}
	overlay := overlayText(t, page)
	if !strings.Contains(overlay, where) || !strings.Contains(overlay, "error: ") {
		t.Errorf("the overlay does not name %s with the error:\n%s", where, overlay)
	}
	if !strings.Contains(page, "Sources of information:") || !strings.Contains(page, "<main>") {
		t.Error("the broken page does not show the last good render under the overlay")
	}
	if !strings.Contains(page, "<title>1 error · DRAFT:") {
		t.Error("the title of a broken page does not count its errors")
	}
	checkWellFormed(t, page)

	resp = do(s, http.MethodGet, pdfPath, "localhost")
	pdfPage := body(t, resp)
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(overlayText(t, pdfPage), where) {
		t.Errorf("GET %s when broken: %s, want 503 with the problems", pdfPath, resp.Status)
	}
	checkWellFormed(t, pdfPage)
	resp = do(s, http.MethodGet, docxPath, "localhost")
	if docxPage := body(t, resp); resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(overlayText(t, docxPage), where) {
		t.Errorf("GET %s when broken: %s, want 503 with the problems", docxPath, resp.Status)
	}

	fixed, shown := marked(t, orig, "fixed")
	save(t, path, fixed)
	s.rebuild()
	page = body(t, do(s, http.MethodGet, "/", "localhost"))
	if strings.Contains(page, `id="unireport-overlay"`) || !strings.Contains(page, shown) {
		t.Error("after the fix the page still has the overlay or lacks the new text")
	}
	if resp := do(s, http.MethodGet, pdfPath, "localhost"); resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("GET %s after the fix: %s %s", pdfPath, resp.Status, resp.Header.Get("Content-Type"))
	}
}

// TestBrokenFromTheStart opens the preview on a broken edition: the page
// is the list of problems alone, and needs no script to be read.
func TestBrokenFromTheStart(t *testing.T) {
	dataDir, tmplDir := copyEdition(t)
	path := dataDir + "/edition.toml"
	bad, where := broken(t, path, readFile(t, path))
	save(t, path, bad)
	s, err := New(Config{DataDir: dataDir, TemplatesDir: tmplDir})
	if err != nil {
		t.Fatal(err)
	}
	page := body(t, do(s, http.MethodGet, "/", "localhost"))
	if !strings.Contains(overlayText(t, page), where) {
		t.Errorf("the page does not name %s", where)
	}
	if strings.Contains(page, "<main>") {
		t.Error("a page with no good build shows a report")
	}
	checkWellFormed(t, page)
}

// TestDOCXOnDemand: the draft's Word document is made when first asked
// for, and offered as a download of the draft's name.
func TestDOCXOnDemand(t *testing.T) {
	s, _, _ := newServer(t)
	snap := s.cur.Load()
	if snap.docx.data != nil {
		t.Fatal("the DOCX was rendered before anyone asked for it")
	}
	resp := do(s, http.MethodGet, docxPath, "localhost")
	got := body(t, resp)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(got, "PK\x03\x04") {
		t.Fatalf("GET %s: %s, %.20q; want a zip", docxPath, resp.Status, got)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.HasSuffix(cd, `-draft.docx"`) {
		t.Errorf("Content-Disposition %q, want an attachment named as the draft", cd)
	}
	if !strings.Contains(string(snap.page), `href="`+docxPath+`"`) {
		t.Error("the draft page does not link to the DOCX")
	}
}

// TestPDFOnDemand checks that the PDF is rendered when first asked for,
// kept while nothing changes, and made again after a change.
func TestPDFOnDemand(t *testing.T) {
	s, dataDir, _ := newServer(t)
	snap := s.cur.Load()
	if snap.pdf.data != nil {
		t.Fatal("the PDF was rendered before anyone asked for it")
	}
	first := body(t, do(s, http.MethodGet, pdfPath, "localhost"))
	if !strings.HasPrefix(first, "%PDF-") {
		t.Fatalf("GET %s is not a PDF: %.40q", pdfPath, first)
	}
	kept := snap.pdf.data
	body(t, do(s, http.MethodGet, pdfPath, "localhost"))
	if &s.cur.Load().pdf.data[0] != &kept[0] {
		t.Error("the PDF was rendered again though nothing changed")
	}
	path := dataDir + "/edition.toml"
	text, _ := marked(t, readFile(t, path), "pdf")
	save(t, path, text)
	s.rebuild()
	if s.cur.Load().pdf.data != nil {
		t.Error("a new build kept the old PDF")
	}
}

// TestUnchangedSaveKeepsTheBuild checks that saving a file unchanged does
// not reload the pages.
func TestUnchangedSaveKeepsTheBuild(t *testing.T) {
	s, dataDir, _ := newServer(t)
	id := s.cur.Load().id
	path := dataDir + "/vote.toml"
	save(t, path, readFile(t, path))
	if s.rebuild() || s.cur.Load().id != id {
		t.Error("an unchanged save published a new build")
	}
}

// A change that leaves the Markdown as it was but changes the page (the
// language is only in the page's lang attribute) publishes a new build.
func TestChangeOnlyInTheOptionsPublishes(t *testing.T) {
	s, dataDir, _ := newServer(t)
	path := dataDir + "/edition.toml"
	text := readFile(t, path)
	if !strings.Contains(text, `language = "en"`) {
		t.Fatal(`data/2017 has no language = "en"`)
	}
	save(t, path, strings.Replace(text, `language = "en"`, `language = "en-GB"`, 1))
	if !s.rebuild() {
		t.Fatal("a change of language published no new build")
	}
	if page := body(t, do(s, http.MethodGet, "/", "localhost")); !strings.Contains(page, `<html lang="en-GB"`) {
		t.Errorf("the page is not in en-GB: %.200s", page)
	}
}

// TestGapsShownInPlace: a value still to fill in is no error in the
// preview, which is a draft: the page shows it as a placeholder, and the
// PDF builds.
func TestGapsShownInPlace(t *testing.T) {
	dataDir, tmplDir := copyEdition(t)
	facts := filepath.Join(dataDir, "edition.toml")
	text := readFile(t, facts)
	if !strings.Contains(text, "letters = 35") {
		t.Fatal("data/2017 has no letters = 35")
	}
	save(t, facts, strings.Replace(text, "letters = 35", `letters = "TODO: how many letters were written"`, 1))
	s, err := New(Config{DataDir: dataDir, TemplatesDir: tmplDir, Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	page := body(t, do(s, http.MethodGet, "/", "localhost"))
	if strings.Contains(page, `id="unireport-overlay"`) {
		t.Error("a gap shows as an error")
	}
	// in place, and, as any value of the draft, with its source: the line
	// of the TODO
	line := strings.Count(text[:strings.Index(text, "letters = 35")], "\n") + 1
	gap := regexp.MustCompile(`has written to the <span class="src" data-src="([^"]*)" tabindex="0"><mark class="gap">\[to fill in: how many letters were written\]</mark></span> States not party`)
	if m := gap.FindStringSubmatch(page); m == nil {
		t.Error("the page does not show the gap in place")
	} else if want := facts + ":" + strconv.Itoa(line) + ":11"; m[1] != want {
		t.Errorf("the gap's source is %s, want %s", m[1], want)
	}
	if resp := do(s, http.MethodGet, "/report.pdf", "localhost"); resp.StatusCode != http.StatusOK {
		t.Errorf("GET /report.pdf: %s", resp.Status)
	}
}
