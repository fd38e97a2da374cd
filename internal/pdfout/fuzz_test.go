package pdfout_test

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"unireport/internal/document"
	"unireport/internal/layout"
	"unireport/internal/pdfdraw"
	"unireport/internal/pdfout"
	"unireport/internal/testkit/fuzzseed"
)

// maxFuzzInput bounds the Markdown FuzzMarkdownToPDF tries: laying out and
// drawing is the slow part of the pipeline, and the fuzzer should explore
// many small inputs rather than wait on a few long ones.
const maxFuzzInput = 4 << 10

// FuzzMarkdownToPDF lays out and draws any Markdown, directive blocks and
// raw HTML included, with the report's fonts. Errors are allowed (a
// character the fonts lack, content taller than a page) but not panics, nor
// the errors that stand for a panic caught on the way ("internal error");
// every box of every page must lie inside the page's content area, with
// finite coordinates, no text over other text or across the footnote
// separator, and what is drawn must be a PDF.
//
// The seed corpus is the named cases of internal/document/testdata/cases,
// the 2017 report (composed, in pieces) and its template (see fuzzseed.Add),
// and any input the fuzzer has found a failure with, which Go keeps in
// testdata/fuzz/FuzzMarkdownToPDF.
func FuzzMarkdownToPDF(f *testing.F) {
	fuzzseed.Add(f, 1<<10)
	m := pdfdraw.NewMeasurer(nil)
	f.Fuzz(func(t *testing.T, md []byte) {
		if len(md) > maxFuzzInput {
			t.Skip("too long to be quick")
		}
		pages, err := pdfout.Layout(document.Parse(md), m)
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("Layout: %v", err)
			}
			return
		}
		if err := checkPages(pages); err != nil {
			t.Fatalf("%v\n--- layout:\n%s", err, layout.Dump(pages))
		}
		var pdf bytes.Buffer
		err = pdfdraw.Write(&pdf, pages, pdfdraw.Options{Created: time.Date(2017, 12, 8, 0, 0, 0, 0, time.UTC), Language: "en"})
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("Write: %v", err)
			}
			return
		}
		if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(pdf.Bytes()), []byte("%%EOF")) {
			t.Fatalf("Write made no PDF: %.40q…", pdf.Bytes())
		}
	})
}

// checkPages returns the first box that lies outside its page's content
// area or has a coordinate that is not a finite number, and the first page
// out of sequence.
func checkPages(pages []layout.Page) error {
	const tol = 0.01
	if len(pages) == 0 {
		return fmt.Errorf("no pages")
	}
	for i, p := range pages {
		c := p.Content
		if p.Number != i+1 {
			return fmt.Errorf("page %d numbered %d", i+1, p.Number)
		}
		if !finite(p.Width, p.Height, c.X, c.Y, c.W, c.H) || c.X < 0 || c.Y < 0 || c.X+c.W > p.Width || c.Y+c.H > p.Height {
			return fmt.Errorf("page %d: content %+v not inside the page %gx%g", p.Number, c, p.Width, p.Height)
		}
		inside := func(what string, r layout.Rect) error {
			if !finite(r.X, r.Y, r.W, r.H) {
				return fmt.Errorf("page %d: %s %+v: not a finite number", p.Number, what, r)
			}
			if r.X < c.X-tol || r.Y < c.Y-tol || r.X+r.W > c.X+c.W+tol || r.Y+r.H > c.Y+c.H+tol || r.W < -tol || r.H < -tol {
				return fmt.Errorf("page %d: %s %+v outside the content area %+v", p.Number, what, r, c)
			}
			return nil
		}
		for _, x := range p.Texts {
			if err := inside(fmt.Sprintf("text %q", x.Text), x.Box()); err != nil {
				return err
			}
			if !finite(x.Baseline, x.Size) || x.Size <= 0 || x.Baseline < x.Y-tol || x.Baseline > x.Y+x.H+tol {
				return fmt.Errorf("page %d: text %q: baseline %g, size %g, line %g+%g", p.Number, x.Text, x.Baseline, x.Size, x.Y, x.H)
			}
		}
		for _, l := range p.Lines {
			if !finite(l.Width) || l.Width < 0 {
				return fmt.Errorf("page %d: rule %+v: width", p.Number, l)
			}
			if err := inside("rule", layout.Rect{X: min(l.X1, l.X2), Y: min(l.Y1, l.Y2), W: math.Abs(l.X2 - l.X1), H: math.Abs(l.Y2 - l.Y1)}); err != nil {
				return err
			}
		}
		for _, fl := range p.Fills {
			if err := inside("fill", fl.Rect); err != nil {
				return err
			}
		}
		for _, l := range p.Links {
			if err := inside(fmt.Sprintf("link %q", l.URL), l.Rect); err != nil {
				return err
			}
		}
		for _, a := range p.Anchors {
			if err := inside(fmt.Sprintf("anchor %q", a.ID), layout.Rect{X: c.X, Y: a.Y}); err != nil {
				return err
			}
		}
		for _, b := range p.Bookmarks {
			if err := inside(fmt.Sprintf("bookmark %q", b.Text), layout.Rect{X: c.X, Y: b.Y}); err != nil {
				return err
			}
		}
		if f := p.Footnotes; f != (layout.Rect{}) {
			if err := inside("footnote area", f); err != nil {
				return err
			}
			for _, x := range p.Texts {
				if x.Y < f.Y-tol && x.Y+x.H > f.Y+tol {
					return fmt.Errorf("page %d: text %q crosses into the footnote area", p.Number, x.Text)
				}
			}
		}
		// No two fragments of text are set over each other.
		ts := slices.Clone(p.Texts)
		slices.SortFunc(ts, func(a, b layout.Text) int { return cmp.Compare(a.Y, b.Y) })
		for a := range ts {
			for b := a + 1; b < len(ts) && ts[b].Y < ts[a].Y+ts[a].H-tol; b++ {
				ra, rb := ts[a].Box(), ts[b].Box()
				if ra.X < rb.X+rb.W-tol && rb.X < ra.X+ra.W-tol {
					return fmt.Errorf("page %d: texts overlap: %q %+v and %q %+v", p.Number, ts[a].Text, ra, ts[b].Text, rb)
				}
			}
		}
	}
	return nil
}

func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
