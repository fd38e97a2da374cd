package docxout_test

import (
	"testing"

	"unireport/internal/document"
	"unireport/internal/docxout"
	"unireport/internal/testkit/docxcheck"
	"unireport/internal/testkit/fuzzseed"
)

// maxFuzzInput bounds the Markdown FuzzMarkdownToDOCX tries, so that each
// input is quick and the fuzzer explores rather than waits.
const maxFuzzInput = 8 << 10

// FuzzMarkdownToDOCX renders any Markdown, directive blocks and raw HTML
// included, as a DOCX file, as a draft so that every part is written: it
// must not panic, fail or hang, and the file must be one Word opens
// (docxcheck: well-formed parts, every reference whole, every table's
// grid whole).
//
// The seed corpus is the named cases of internal/document/testdata/cases,
// the 2017 report (composed, in pieces) and its template (see
// fuzzseed.Add), and any input the fuzzer has found a failure with, which
// Go keeps in testdata/fuzz/FuzzMarkdownToDOCX.
func FuzzMarkdownToDOCX(f *testing.F) {
	fuzzseed.Add(f, 1<<10)
	f.Fuzz(func(t *testing.T, md []byte) {
		if len(md) > maxFuzzInput {
			t.Skip("too long to be quick")
		}
		out, err := docxout.Render(document.Parse(md), docxout.Options{Properties: document.Properties{Title: "Fuzz", Lang: "en", Draft: true, Built: built}})
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if err := docxcheck.Check(out); err != nil {
			t.Fatalf("%v\n--- Markdown:\n%s", err, md)
		}
	})
}
