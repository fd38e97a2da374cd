package htmlout_test

import (
	"testing"

	"unireport/internal/document"
	"unireport/internal/htmlout"
	"unireport/internal/testkit/fuzzseed"
	"unireport/internal/testkit/htmlcheck"
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
// The seed corpus is the named cases of internal/document/testdata/cases,
// the 2017 report (composed, in pieces) and its template (see fuzzseed.Add),
// and any input the fuzzer has found a failure with, which Go keeps in
// testdata/fuzz/FuzzMarkdownToHTML.
func FuzzMarkdownToHTML(f *testing.F) {
	fuzzseed.Add(f, 1<<10)
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
