package pdfout_test

import (
	"slices"
	"testing"

	"unireport/internal/document"
	"unireport/internal/pdfdraw"
	"unireport/internal/pdfout"
)

// Regression test for what FuzzMarkdownToHTML found, on the PDF side: the
// PDF took a link's target as it stands in the source, so that a character
// reference in it ("&amp;" in a query) reached the PDF unresolved, and a
// reference hiding a javascript: scheme passed the check. Both writers now
// take the target from document.LinkTarget.
func TestLinkTargetsResolved(t *testing.T) {
	m := pdfdraw.NewMeasurer(nil)
	pages, err := pdfout.Layout(document.Parse([]byte(
		"[q](https://example.org/?a=1&amp;b=2) [j](javascript&colon;x) <isu@example.org>\n")), m)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, p := range pages {
		for _, l := range p.Links {
			if !slices.Contains(urls, l.URL) {
				urls = append(urls, l.URL)
			}
		}
	}
	want := []string{"https://example.org/?a=1&b=2", "mailto:isu@example.org"}
	if !slices.Equal(urls, want) {
		t.Errorf("link targets %q, want %q", urls, want)
	}
}
