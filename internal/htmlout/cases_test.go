package htmlout_test

import (
	"flag"
	"path/filepath"
	"testing"

	"unireport/internal/document"
	"unireport/internal/htmlout"
	"unireport/internal/testkit/fuzzseed"
	"unireport/internal/testkit/testtool"
)

var update = flag.Bool("update", false, "rewrite the .html goldens of the cases in internal/document/testdata/cases")

// TestCases renders every named case of internal/document/testdata/cases
// (NAME.md) and compares the whole body with its golden NAME.html.
func TestCases(t *testing.T) {
	cases, err := fuzzseed.Cases(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			body, err := htmlout.Body(document.Parse(c.Src))
			if err != nil {
				t.Fatalf("Body: %v", err)
			}
			testtool.Golden(t, c.GoldenPath(".html"), string(body), *update)
		})
	}
}
