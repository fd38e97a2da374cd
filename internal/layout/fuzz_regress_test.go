package layout

import (
	"strings"
	"testing"
)

// Regression tests for what FuzzMarkdownToPDF (internal/pdfout) found.

// A list nested deeper than the width allows kept indenting a quarter of
// what was left until its markers and letters stood past the right edge of
// the page. Now every level keeps an em of text, and markers that have no
// room beside the text get a line of their own.
func TestDeepListsStayInside(t *testing.T) {
	var blocks []Block = []Block{para("deep " + strings.Repeat("W", 30))}
	for range 60 {
		blocks = []Block{&List{Items: [][]Block{blocks}}}
	}
	pages := mustLayout(t, Document{Blocks: blocks})
	if got := strings.Join(allWords(pages), ""); !strings.Contains(got, "deep"+strings.Repeat("W", 30)) {
		t.Errorf("the item's text is lost: %q", got)
	}
	// In a narrow table column too.
	mustLayout(t, Document{Blocks: []Block{&Table{Body: []Row{row(cell("a"), Cell{Blocks: blocks}, cell(words("w", 200)))}}}})
}

// An ordered list's numbers wider than the indent stood over the text; the
// indent now holds the widest number.
func TestWideListNumbers(t *testing.T) {
	l := &List{Ordered: true, Start: 99999990}
	for range 12 {
		l.Items = append(l.Items, []Block{para("item")})
	}
	mustLayout(t, Document{Blocks: []Block{l}})
}
