package pdfout

import (
	"strings"
	"testing"
	"time"

	"unireport/internal/document"
	"unireport/internal/layout"
)

// A link to an in-page id that is not a table row (a heading, a table)
// keeps its text and loses its target instead of failing the build.
func TestInPageLinkToNoRow(t *testing.T) {
	doc := document.Parse([]byte("# Heading\n\nSee [the heading](#heading), [the vote](#vote) and [Armenia](#state-x).\n\n" +
		"::::: table t id=t\n:::: row id=state-x\n::: cell\nX\n:::\n::::\n:::::\n"))
	if _, err := Render(doc, Options{Properties: document.Properties{Created: time.Date(2017, 12, 8, 0, 0, 0, 0, time.UTC)}}); err != nil {
		t.Fatalf("a link to a heading failed the build: %v", err)
	}
	lay := convert(doc)
	var links []string
	for _, r := range lay.Blocks[1].(*layout.Paragraph).Runs {
		if r.Link != "" {
			links = append(links, r.Text+"→"+r.Link)
		}
	}
	if strings.Join(links, " ") != "Armenia→#state-x" {
		t.Errorf("links kept: %q, want only the one to the row", links)
	}
}
