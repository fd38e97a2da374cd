package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"unireport/internal/diag"
	"unireport/internal/report"
	"unireport/internal/testkit/seedtext"
)

// build2017 prepares the 2017 edition from data/2017 and templates/ (found
// from the module root) and renders its final HTML.
func build2017(t *testing.T) (*report.Report, []byte) {
	t.Helper()
	root, err := seedtext.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	r, diags := report.Prepare(filepath.Join(root, "data", "2017"), filepath.Join(root, "templates"))
	if diags.HasErrors() {
		var errs []string
		for _, d := range diags {
			if d.Severity == diag.Error {
				errs = append(errs, d.String())
			}
		}
		t.Fatalf("the 2017 edition does not prepare:\n%s", strings.Join(errs, "\n"))
	}
	b, err := r.HTML(report.Draft{})
	if err != nil {
		t.Fatal(err)
	}
	return r, b
}

// write2017 builds the 2017 HTML into a temp folder, as the build command
// names it, and returns its path.
func write2017(t *testing.T) (string, []byte) {
	t.Helper()
	r, b := build2017(t)
	p := filepath.Join(t.TempDir(), r.BaseName(report.Draft{})+".html")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p, b
}

func parseHTML(t *testing.T, b []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attrOf(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attrOf(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

// walk calls fn for n and each node under it, in document order; fn returns
// false to skip a node's children.
func walk(n *html.Node, fn func(*html.Node) bool) {
	if !fn(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

// elements returns the elements under n with the tag, in document order.
func elements(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	walk(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.Data == tag {
			out = append(out, c)
		}
		return true
	})
	return out
}

// find returns the first element under n for which ok is true, or nil.
func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	var found *html.Node
	walk(n, func(c *html.Node) bool {
		if found != nil {
			return false
		}
		if c.Type == html.ElementNode && ok(c) {
			found = c
			return false
		}
		return true
	})
	return found
}

func byID(id string) func(*html.Node) bool {
	return func(n *html.Node) bool { v, ok := attrOf(n, "id"); return ok && v == id }
}
