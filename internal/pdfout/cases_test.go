package pdfout_test

import (
	"flag"
	"path/filepath"
	"testing"
	"unireport/internal/testkit/testtool"

	"unireport/internal/document"
	"unireport/internal/layout"
	"unireport/internal/pdfout"
	"unireport/internal/testkit/fuzzseed"
)

var update = flag.Bool("update", false, "rewrite the .layout goldens of the cases in internal/document/testdata/cases")

// TestCases lays out every named case of internal/document/testdata/cases
// (NAME.md) with the report's own fonts (pdfout.Measurer(nil), the
// embedded Liberation Serif) and compares layout.Dump of the pages with
// its golden NAME.layout. A case the layout refuses has its error as its
// golden, on a line "error: …".
func TestCases(t *testing.T) {
	cases, err := fuzzseed.Cases(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	m := pdfout.Measurer(nil)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			var got string
			pages, err := pdfout.Layout(document.Parse(c.Src), m)
			if err != nil {
				got = "error: " + err.Error() + "\n"
			} else {
				if err := checkPages(pages); err != nil {
					t.Error(err)
				}
				got = layout.Dump(pages)
			}
			testtool.Golden(t, c.GoldenPath(".layout"), got, *update)
		})
	}
}
