package docxout_test

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"unireport/internal/document"
	"unireport/internal/docxout"
	"unireport/internal/pdfout"
	"unireport/internal/testkit/docxcheck"
	"unireport/internal/testkit/fuzzseed"
	"unireport/internal/testkit/testtool"
)

var update = flag.Bool("update", false, "rewrite the .docx.txt goldens of the cases in internal/document/testdata/cases")

// render writes doc as the build does: its tables with the columns the
// PDF's layout gives them (none where the layout refuses the document).
func render(t testing.TB, doc *document.Document, opts docxout.Options) []byte {
	t.Helper()
	if set, err := pdfout.Set(doc, pdfout.Measurer(nil), "en"); err == nil {
		opts.Columns = set.Columns
	}
	b, err := docxout.Render(doc, opts)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b
}

// goldenParts are the parts of a case's golden: those that depend on its
// text, not on the options.
var goldenParts = []string{
	"word/document.xml", "word/footnotes.xml", "word/numbering.xml",
	"word/_rels/document.xml.rels", "word/_rels/footnotes.xml.rels",
}

// TestCases renders every named case of internal/document/testdata/cases
// (NAME.md) as a DOCX, checks it as Word reads it (docxcheck), and
// compares its text-dependent parts with the golden NAME.docx.txt.
func TestCases(t *testing.T) {
	cases, err := fuzzseed.Cases(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			b := render(t, document.Parse(c.Src), docxout.Options{Properties: document.Properties{Title: c.Name, Lang: "en"}})
			p, err := docxcheck.Open(b)
			if err != nil {
				t.Fatal(err)
			}
			if err := p.Check(); err != nil {
				t.Error(err)
			}
			var got strings.Builder
			for _, name := range goldenParts {
				if raw, ok := p.Raw[name]; ok {
					got.WriteString("== " + name + " ==\n")
					got.Write(raw)
				}
			}
			testtool.Golden(t, c.GoldenPath(".docx.txt"), got.String(), *update)
		})
	}
}
