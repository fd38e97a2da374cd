package preview

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"unireport/internal/diag"
	"unireport/internal/document"
	"unireport/internal/htmlout"
)

// checkWellFormed checks that page is one complete HTML document whose
// elements all close in order (void elements aside), with styles in the
// head only and the overlay, if any, in the body.
func checkWellFormed(t *testing.T, page string) {
	t.Helper()
	if !strings.HasPrefix(page, "<!DOCTYPE html>\n") || !strings.HasSuffix(page, "</body>\n</html>\n") {
		t.Errorf("the page is not a whole document: %.30q ... %q", page, page[max(0, len(page)-30):])
	}
	z := html.NewTokenizer(strings.NewReader(page))
	var open []string
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if !errors.Is(z.Err(), io.EOF) {
				t.Errorf("tokenizing the page: %v", z.Err())
			}
			break
		}
		name, _ := z.TagName()
		tag := string(name)
		switch tt {
		case html.StartTagToken:
			if tag == "style" && !contains(open, "head") {
				t.Errorf("<style> outside the head, in %v", open)
			}
			if !voidElements[tag] {
				open = append(open, tag)
			}
		case html.EndTagToken:
			if len(open) == 0 || open[len(open)-1] != tag {
				t.Errorf("</%s> closes %v", tag, open)
				return
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) > 0 {
		t.Errorf("elements left open: %v", open)
	}
}

var voidElements = map[string]bool{"meta": true, "link": true, "br": true, "hr": true, "img": true, "input": true, "wbr": true, "col": true, "source": true}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// overlayText returns the text of the page's error overlay, failing the
// test if it has none. It reads the HTML as served, with no script run.
func overlayText(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var found *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "id" && a.Val == "unireport-overlay" {
				found = n
			}
		}
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if found == nil {
		t.Fatal("the page has no error overlay")
	}
	var b strings.Builder
	var text func(*html.Node)
	text = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			text(c)
		}
	}
	text(found)
	return b.String()
}

// TestOverlayLists checks that the overlay lists every problem as
// file:line:col: severity: message (help), escaped.
func TestOverlayLists(t *testing.T) {
	snap := &snapshot{id: "x-1", broken: true, diags: diag.List{
		{Pos: diag.Pos{File: "data/2017/vote.toml", Line: 3, Col: 7}, Severity: diag.Error, Message: `bad <value> & "quote"`, Help: "write a number"},
		{Pos: diag.Pos{File: "templates/report.md", Line: 12, Col: 1}, Severity: diag.Error, Message: "template: no such field"},
		{Pos: diag.Pos{File: "data/2017/states.toml", Line: 10, Col: 1}, Severity: diag.Warning, Message: "old information"},
	}}
	b, err := pageFor(snap)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	text := overlayText(t, page)
	for _, d := range snap.diags {
		if !strings.Contains(text, d.String()) {
			t.Errorf("the overlay lacks %q:\n%s", d.String(), text)
		}
	}
	if strings.Contains(page, "<value>") {
		t.Error("a message was not escaped")
	}
	if !strings.Contains(text, "Not built: 2 errors, 1 warning") {
		t.Errorf("the overlay does not count the problems:\n%s", text)
	}
	checkWellFormed(t, page)
}

// TestPageOverLastGood checks the page of a broken build that follows a
// good one: the overlay, then the old render, marked in its title.
func TestPageOverLastGood(t *testing.T) {
	doc := document.Parse([]byte("`</body>` text, `</head>` and `<title>`\n"))
	opts := htmlout.Options{Title: "R", Draft: true}
	snap := &snapshot{id: "x-2", broken: true, shown: &rendering{doc: doc, opts: opts},
		built: time.Date(2017, 12, 1, 9, 30, 0, 0, time.UTC),
		diags: diag.List{{Pos: diag.Pos{File: "f.toml", Line: 1, Col: 2}, Message: "m"}}}
	b, err := pageFor(snap)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	checkWellFormed(t, page)
	for _, want := range []string{"<title>1 error · DRAFT: R</title>", "<code>&lt;/body&gt;</code> text, <code>&lt;/head&gt;</code> and <code>&lt;title&gt;</code>",
		"last good build, of 09:30:00", "f.toml:1:2: error: m"} {
		if !strings.Contains(page, want) && !strings.Contains(overlayText(t, page), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Index(page, "<style>") > strings.Index(page, "</head>") {
		t.Error("the preview's styles are not in the head")
	}
	if i, j := strings.Index(page, `id="unireport-overlay"`), strings.Index(page, "<main>"); i < j {
		t.Error("the overlay comes before the report in the body")
	}
}

func TestCSPAllowsTheScript(t *testing.T) {
	if !strings.Contains(csp, "script-src '"+scriptHash(reloadJS)+"'") {
		t.Errorf("the policy does not allow the reload script: %s", csp)
	}
	if strings.Contains(csp, "unsafe-inline'; img") == false || strings.Contains(csp, "script-src 'unsafe") {
		t.Errorf("unexpected policy: %s", csp)
	}
}
