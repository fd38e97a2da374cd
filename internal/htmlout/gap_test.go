package htmlout_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"unireport/internal/document"
	"unireport/internal/fuzzseed"
	"unireport/internal/htmlout"
	"unireport/internal/placeholder"
)

// A gap changes nothing but itself: the 2017 report and the fuzz cases,
// with a paragraph holding a gap put first (which makes the parser look for
// gaps everywhere), render as without it after that paragraph.
func TestGapChangesNothingElse(t *testing.T) {
	srcs, err := fuzzseed.Markdown(filepath.Join("..", ".."), 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzMarkdownToHTML")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		_, lit, _ := strings.Cut(strings.TrimSpace(string(b)), "[]byte(")
		if s, err := strconv.Unquote(strings.TrimSuffix(lit, ")")); err == nil && !placeholder.Has(s) {
			srcs = append(srcs, []byte(s))
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
