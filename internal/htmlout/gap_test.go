package htmlout_test

import (
	"path/filepath"
	"strings"
	"testing"

	"unireport/internal/document"
	"unireport/internal/htmlout"
	"unireport/internal/placeholder"
	"unireport/internal/testkit/fuzzseed"
)

// A gap changes nothing but itself: the 2017 report and the named cases,
// with a paragraph holding a gap put first (which makes the parser look for
// gaps everywhere), render as without it after that paragraph.
func TestGapChangesNothingElse(t *testing.T) {
	srcs, err := fuzzseed.Markdown(filepath.Join("..", ".."), 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	cases, err := fuzzseed.Cases(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if !placeholder.Has(string(c.Src)) {
			srcs = append(srcs, c.Src)
		}
	}
	const gap = "<p>Gap <mark class=\"gap\">[to fill in: x]</mark></p>\n"
	for _, src := range srcs {
		plain, err := htmlout.Body(document.Parse(src))
		if err != nil {
			t.Fatal(err)
		}
		with, err := htmlout.Body(document.Parse(append([]byte("Gap "+placeholder.Mark("x")+"\n\n"), src...)))
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := strings.CutPrefix(string(with), gap); !ok || got != string(plain) {
			t.Errorf("with a gap before it, %.60q… renders differently:\n%s\n--- without:\n%s", src, with, plain)
		}
	}
}
