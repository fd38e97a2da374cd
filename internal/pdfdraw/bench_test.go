package pdfdraw

import (
	"io"
	"testing"

	"unireport/internal/layout"
)

// bigDocument is a positions table of 350 rows whose middle cells hold three
// long paragraphs each, as a report ten times the usual length would.
func bigDocument() layout.Document {
	return layout.Document{Blocks: []layout.Block{
		&layout.Heading{Level: 1, Runs: []layout.Run{{Text: "Positions of States not party"}}},
		positions(350, 3),
	}, Footnotes: sample().Footnotes}
}

func BenchmarkLayout(b *testing.B) {
	m := NewMeasurer(nil)
	doc := bigDocument()
	b.ReportAllocs()
	var pages []layout.Page
	var err error
	for b.Loop() {
		if pages, err = layout.Layout(doc, layout.A4(), m); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(pages)), "pages")
}

func BenchmarkWrite(b *testing.B) {
	m := NewMeasurer(nil)
	pages, err := layout.Layout(bigDocument(), layout.A4(), m)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, pages, options()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(pages)), "pages")
}

// BenchmarkLayoutAndWrite is the whole PDF path: a measurer, layout, drawing.
func BenchmarkLayoutAndWrite(b *testing.B) {
	doc := bigDocument()
	b.ReportAllocs()
	for b.Loop() {
		m := NewMeasurer(nil)
		pages, err := layout.Layout(doc, layout.A4(), m)
		if err != nil {
			b.Fatal(err)
		}
		if err := Write(io.Discard, pages, options()); err != nil {
			b.Fatal(err)
		}
	}
}
