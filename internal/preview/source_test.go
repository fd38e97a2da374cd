package preview

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"unireport/internal/diag"
	"unireport/internal/htmlout"
	"unireport/internal/report"
)

// TestOverlaySource breaks the TOML with markup in the broken line: the
// overlay of the page served shows the line, marked, with a caret at the
// column, between its two neighbours on each side, all as text.
func TestOverlaySource(t *testing.T) {
	s, dataDir, _ := newServer(t)
	path := filepath.Join(dataDir, "edition.toml")
	bad, where := broken(t, path, readFile(t, path))
	save(t, path, bad)
	if !s.rebuild() {
		t.Fatal("a broken edition was not published")
	}
	page := body(t, do(s, http.MethodGet, "/", "localhost"))
	checkWellFormed(t, page)
	text := overlayText(t, page)
	d := s.cur.Load().diags[0]
	if !strings.HasPrefix(d.Pos.String(), where) || d.Pos.Col == 0 {
		t.Fatalf("the first problem is at %s, want %s with a column", d.Pos, where)
	}
	lines := strings.Split(bad, "\n")
	n := d.Pos.Line
	if lines[n-1] != badLine || badLine[d.Pos.Col-1:d.Pos.Col+1] != "= " {
		t.Fatalf("line %d col %d is not the second = of %q", n, d.Pos.Col, badLine)
	}
	for i := n - 2; i <= n+2; i++ {
		mark := "  "
		if i == n {
			mark = "> "
		}
		want := mark + strconv.Itoa(i) + " | " + lines[i-1]
		if i != n {
			want = want[:min(len(want), 60)] // a long line is cut
		}
		if !strings.Contains(text, want) {
			t.Errorf("the overlay lacks line %d, %q:\n%s", i, want, text)
		}
	}
	for _, i := range []int{n - 3, n + 3} {
		if strings.Contains(text, " "+strconv.Itoa(i)+" | ") {
			t.Errorf("the overlay shows line %d, more than two lines from the error", i)
		}
	}
	caret := "     | " + strings.Repeat(" ", d.Pos.Col-1) + "^\n"
	if !strings.Contains(text, "> "+strconv.Itoa(n)+" | "+badLine+"\n"+caret) {
		t.Errorf("no caret at column %d under the line:\n%s", d.Pos.Col, text)
	}
	// The markup of the line is text: escaped in the page, no element.
	if got := strings.Count(page, "<script"); got != 2 {
		t.Errorf("the page has %d script elements, want only the reload script and the script that opens sources", got)
	}
	if !strings.Contains(page, "&lt;script&gt;window.unireportInjected = true&lt;/script&gt;") {
		t.Error("the broken line is not in the page, escaped")
	}
	if strings.Count(page, `class="unireport-line unireport-here"`) != 1 {
		t.Error("the line of the error is not marked once")
	}
}

// TestSourceOnlyFromInputs checks that the overlay reads no file but the
// inputs in the edition's and the templates' folders.
func TestSourceOnlyFromInputs(t *testing.T) {
	s, dataDir, tmplDir := newServer(t)
	outside := filepath.Join(t.TempDir(), "secret.toml")
	if err := os.WriteFile(outside, []byte("secret = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dataDir, "link.toml")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	hidden := filepath.Join(dataDir, ".secret.toml")
	if err := os.WriteFile(hidden, []byte("secret = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tmpl := filepath.Join(tmplDir, "report.md")
	at := func(file string, line int) diag.Diagnostic {
		return diag.Diagnostic{Pos: diag.Pos{File: file, Line: line, Col: 1}, Message: "m"}
	}
	diags := diag.List{
		at(outside, 1), at(link, 1), at(hidden, 1), at("/etc/passwd", 1),
		at(filepath.Join(dataDir, "..", "..", "..", "secret.toml"), 1),
		at(dataDir+"/edition.toml", 100000), at(dataDir, 1), at(tmplDir+"/edition.toml", 1),
		at(tmpl, 1), at(dataDir+"/edition.toml", 1),
	}
	src := s.sources(diags)
	for i, e := range src[:len(src)-2] {
		if e != nil {
			t.Errorf("%s: shown: %+v", diags[i].Pos, e)
		}
	}
	for i, e := range src[len(src)-2:] {
		if e == nil || len(e.Lines) != 3 || !e.Lines[0].Here {
			t.Errorf("%s: %+v, want its first three lines", diags[len(src)-2+i].Pos, e)
		}
	}
}

// TestExcerptAt checks the excerpt's lines, marks, caret and cuts.
func TestExcerptAt(t *testing.T) {
	lines := strings.Split("a\n\tb = <x>\nc\nd\ne\nf\n", "\n")
	e := excerptAt(lines, 2, 3)
	var got []string
	for _, l := range e.Lines {
		got = append(got, l.Gutter+l.Text)
	}
	want := []string{"  1 | a", "> 2 | \tb = <x>", "  3 | c", "  4 | d"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || e.Lines[1].Caret != "    | \t ^" {
		t.Errorf("got %q caret %q", got, e.Lines[1].Caret)
	}
	if e := excerptAt(lines, 6, 0); len(e.Lines) != 3 || e.Lines[2].Caret != "" {
		t.Errorf("at the last line, with no column: %+v", e)
	}
	if e := excerptAt(lines, 8, 1); e != nil {
		t.Errorf("past the end: %+v", e)
	}
	long := strings.Repeat("x", 1000) + "<y>" + strings.Repeat("z", 1000)
	e = excerptAt([]string{long}, 1, 1001)
	text := e.Lines[0].Text
	if n := len([]rune(text)); n != maxCols+2 || !strings.HasPrefix(text, "…x") || !strings.HasSuffix(text, "z…") {
		t.Errorf("a long line is not cut around the column: %d characters, %q", n, text)
	}
	if i, j := strings.Index(e.Lines[0].Caret, "^"), utf8.RuneCountInString(text[:strings.Index(text, "<")]); i != len("  1 | ")+j {
		t.Errorf("the caret is at %d, the column at %d", i, j)
	}
}

// TestPageIsReportHTML checks that the page served is the report's HTML
// as report.HTML writes it, with the preview's markup only at the end of
// the head, at the end of the body and, when broken, at the start of the
// title: no other byte changed, no marker found twice or missed.
func TestPageIsReportHTML(t *testing.T) {
	s, dataDir, _ := newServer(t)
	check := func(snap *snapshot) {
		t.Helper()
		html, err := snap.report.HTML(report.Draft{On: true, Built: snap.built})
		if err != nil {
			t.Fatal(err)
		}
		want := string(html)
		if snap.broken {
			want = strings.Replace(want, "<title>", "<title>"+titlePrefix(snap.diags), 1)
		}
		page := string(snap.page)
		for _, tag := range []string{"<html lang=", "<head>", "</head>", "<title>", "</title>", "<body", "<main>", "</main>", "</body>", "</html>"} {
			if n := strings.Count(page, tag); n != 1 {
				t.Errorf("%s is %d times in the page", tag, n)
			}
		}
		head := strings.Index(want, "</head>")
		body := strings.Index(want, "</body>")
		if !strings.HasPrefix(page, want[:head]+headExtra+want[head:body]) ||
			!strings.HasSuffix(page, bar+`<script data-build="`+snap.id+`">`+reloadJS+"</script>\n"+want[body:]) {
			t.Error("the page is not the report's HTML with the preview's markup in the slots")
		}
		between := strings.TrimSuffix(strings.TrimPrefix(page, want[:head]+headExtra+want[head:body]), want[body:])
		if strings.Contains(between, "<main>") || strings.Contains(between, "<head>") {
			t.Errorf("the body's end holds more than the preview's markup: %.200q", between)
		}
		checkWellFormed(t, page)
	}
	good := s.cur.Load()
	check(good)
	if string(must(htmlout.Render(good.shown.doc, good.shown.opts))) != string(must(good.report.HTML(report.Draft{On: true, Built: good.built}))) {
		t.Error("the preview renders another page than report.HTML")
	}
	path := filepath.Join(dataDir, "edition.toml")
	bad, _ := broken(t, path, readFile(t, path))
	save(t, path, bad)
	s.rebuild()
	if snap := s.cur.Load(); !snap.broken || snap.report != good.report {
		t.Fatal("the broken build does not show the last good one")
	}
	check(s.cur.Load())
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
