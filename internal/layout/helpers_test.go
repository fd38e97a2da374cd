package layout

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// fakeMeasurer gives every character half an em (bold a little more), so
// tests do not depend on a font.
type fakeMeasurer struct{}

func (fakeMeasurer) Width(s string, st Style, size float64) float64 {
	f := 0.5
	if st.Bold {
		f = 0.55
	}
	return float64(utf8.RuneCountInString(s)) * size * f
}

func para(text string) *Paragraph { return &Paragraph{Runs: []Run{{Text: text}}} }

func cell(texts ...string) Cell {
	var c Cell
	for _, t := range texts {
		c.Blocks = append(c.Blocks, para(t))
	}
	return c
}

func row(cells ...Cell) Row { return Row{Cells: cells} }

// words returns n words numbered from a prefix, for text whose order can be
// checked after wrapping.
func words(prefix string, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("%s%03d", prefix, i)
	}
	return strings.Join(w, " ")
}

func mustLayout(t *testing.T, doc Document) []Page {
	t.Helper()
	pages, err := Layout(doc, A4(), fakeMeasurer{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, pages)
	return pages
}

// checkInvariants asserts what must hold of every layout: every box inside
// the content area, body text above the footnote area, no two text boxes
// overlapping, no empty or negative sizes.
func checkInvariants(t *testing.T, pages []Page) {
	t.Helper()
	const tol = 0.01
	inside := func(p Page, what string, r Rect) {
		c := p.Content
		if r.X < c.X-tol || r.Y < c.Y-tol || r.X+r.W > c.X+c.W+tol || r.Y+r.H > c.Y+c.H+tol || r.W < -tol || r.H < -tol {
			t.Errorf("page %d: %s %+v outside content %+v", p.Number, what, r, c)
		}
	}
	for i, p := range pages {
		if p.Number != i+1 {
			t.Errorf("page %d numbered %d", i+1, p.Number)
		}
		for _, x := range p.Texts {
			inside(p, fmt.Sprintf("text %q", x.Text), x.Box())
			if x.Baseline < x.Y || x.Baseline > x.Y+x.H {
				t.Errorf("page %d: text %q baseline %.2f outside its line %.2f+%.2f", p.Number, x.Text, x.Baseline, x.Y, x.H)
			}
			if f := p.Footnotes; f.H > 0 && x.Y < f.Y-tol && x.Y+x.H > f.Y+tol {
				t.Errorf("page %d: text %q crosses into the footnote area", p.Number, x.Text)
			}
		}
		for _, l := range p.Lines {
			inside(p, "line", Rect{min(l.X1, l.X2), min(l.Y1, l.Y2), abs(l.X2 - l.X1), abs(l.Y2 - l.Y1)})
		}
		for _, f := range p.Fills {
			inside(p, "fill", f.Rect)
		}
		for _, l := range p.Links {
			inside(p, "link", l.Rect)
		}
		if p.Footnotes.H > 0 {
			inside(p, "footnote area", p.Footnotes)
		}
		ts := append([]Text(nil), p.Texts...)
		sort.Slice(ts, func(i, j int) bool { return ts[i].Y < ts[j].Y })
		for a := range ts {
			for b := a + 1; b < len(ts) && ts[b].Y < ts[a].Y+ts[a].H-tol; b++ {
				ra, rb := ts[a].Box(), ts[b].Box()
				if ra.X < rb.X+rb.W-tol && rb.X < ra.X+ra.W-tol && ra.Y < rb.Y+rb.H-tol && rb.Y < ra.Y+ra.H-tol {
					t.Errorf("page %d: texts overlap: %q %+v and %q %+v", p.Number, ts[a].Text, ra, ts[b].Text, rb)
				}
			}
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// pageOf returns the number of the first page holding a text fragment equal
// to s, or 0.
func pageOf(pages []Page, s string) int {
	for _, p := range pages {
		for _, t := range p.Texts {
			if t.Text == s {
				return p.Number
			}
		}
	}
	return 0
}

// find returns the first text fragment equal to s on page p.
func find(p Page, s string) (Text, bool) {
	for _, t := range p.Texts {
		if t.Text == s {
			return t, true
		}
	}
	return Text{}, false
}

// allWords returns the words of every text fragment on the pages, in order.
func allWords(pages []Page) []string {
	var out []string
	for _, p := range pages {
		for _, t := range p.Texts {
			out = append(out, strings.Fields(t.Text)...)
		}
	}
	return out
}
