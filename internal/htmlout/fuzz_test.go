package htmlout_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"unireport/internal/compose"
	"unireport/internal/document"
	"unireport/internal/edition"
	"unireport/internal/htmlcheck"
	"unireport/internal/htmlout"
)

// maxFuzzInput bounds the Markdown FuzzMarkdownToHTML tries, so that each
// input is quick and the fuzzer explores rather than waits.
const maxFuzzInput = 8 << 10

// FuzzMarkdownToHTML renders any Markdown, directive blocks and raw HTML
// included, as an HTML page: it must not panic or fail, the page must be
// well-formed (every element closed, in order, and where a browser keeps
// it, so that the page shows what the tree holds) and must carry nothing that
// runs code (no script element, no on* attribute, no javascript: or
// vbscript: address, no data: address other than an image).
//
// The seed corpus is the 2017 report (composed, in pieces) and its
// template, and the cases in testdata/fuzz/FuzzMarkdownToHTML, among them
// every input the fuzzer has found a failure with.
func FuzzMarkdownToHTML(f *testing.F) {
	for _, s := range markdownSeeds(f, 1<<10) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md []byte) {
		if len(md) > maxFuzzInput {
			t.Skip("too long to be quick")
		}
		out, err := htmlout.Render(document.Parse(md), htmlout.Options{Title: "Fuzz", Lang: "en"})
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if err := htmlcheck.Check(out); err != nil {
			t.Fatalf("%v\n--- HTML:\n%s", err, out)
		}
	})
}

// markdownSeeds returns the 2017 report, composed from the real data and
// templates, and its template, in pieces of at most max bytes cut at blank
// lines (a piece may cut a data table: that is a case too).
func markdownSeeds(f *testing.F, max int) [][]byte {
	f.Helper()
	root := filepath.Join("..", "..")
	e, diags := edition.Load(filepath.Join(root, "data", "2017"))
	if diags.HasErrors() {
		f.Fatal(diags.Err())
	}
	md, cdiags := compose.Compose(e, filepath.Join(root, "templates"))
	if cdiags.HasErrors() {
		f.Fatal(cdiags.Err())
	}
	tmpl, err := os.ReadFile(filepath.Join(root, "templates", compose.Main))
	if err != nil {
		f.Fatal(err)
	}
	return append(pieces(md, max), pieces(tmpl, max)...)
}

// pieces cuts src at blank lines into pieces of at most max bytes; a
// paragraph longer than max is cut at max.
func pieces(src []byte, max int) [][]byte {
	var out [][]byte
	var cur []byte
	for _, para := range bytes.SplitAfter(src, []byte("\n\n")) {
		if len(cur)+len(para) > max && len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
		for len(para) > max {
			out = append(out, para[:max])
			para = para[max:]
		}
		cur = append(cur, para...)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}
