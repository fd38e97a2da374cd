package pdfout

import (
	"bytes"
	"testing"
	"time"

	"unireport/internal/document"
)

// Prepare runs beside a render without changing what it writes: the
// faces it parses and the patterns it reads are those the render uses.
func TestPrepareBesideARender(t *testing.T) {
	doc := document.Parse([]byte("# Title\n\nA paragraph of *hyphenation* and **Universalization**.\n"))
	opts := Options{Properties: document.Properties{Title: "T", Lang: "en", Created: time.Date(2017, 12, 8, 0, 0, 0, 0, time.UTC)}}
	before, err := Render(doc, opts)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { Prepare(nil, "en"); Prepare(nil, "fr"); close(done) }()
	during, err := Render(doc, opts)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, during) {
		t.Error("a render beside Prepare wrote other bytes")
	}
}
