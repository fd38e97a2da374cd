package layout

import (
	"fmt"
	"strings"
)

// String names the style as R, B, I or BI, and a gap as GAP, with +ins
// or +del after it for the words of a redline.
func (s Style) String() string {
	switch s.Change {
	case Inserted:
		return Style{Bold: s.Bold, Italic: s.Italic, Gap: s.Gap}.String() + "+ins"
	case Deleted:
		return Style{Bold: s.Bold, Italic: s.Italic, Gap: s.Gap}.String() + "+del"
	}
	switch {
	case s.Gap:
		return "GAP"
	case s.Bold && s.Italic:
		return "BI"
	case s.Bold:
		return "B"
	case s.Italic:
		return "I"
	}
	return "R"
}

// Dump writes pages as text, one box a line, for golden tests and debugging:
//
//	page 1 595.28x841.89 content 70.87,56.69 453.54x714.33
//	  text 70.87 68.44 w=120.00 11 B "Status of"
//	  line 70.87 100.00 524.41 100.00 w=0.50
//	  fill 70.87 100.00 453.54 20.00 gray=0.88
//	  link 70.87 90.00 40.00 13.20 "https://…"
//	  anchor 120.00 "armenia"
//	  bookmark 0 56.69 "Title"
//	  footnotes 70.87 700.00 453.54 71.00
//
// Texts are given by their left edge and baseline.
func Dump(pages []Page) string {
	var b strings.Builder
	for _, p := range pages {
		c := p.Content
		fmt.Fprintf(&b, "page %d %.2fx%.2f content %.2f,%.2f %.2fx%.2f\n", p.Number, p.Width, p.Height, c.X, c.Y, c.W, c.H)
		for _, m := range p.Bookmarks {
			fmt.Fprintf(&b, "  bookmark %d %.2f %q\n", m.Level, m.Y, m.Text)
		}
		for _, a := range p.Anchors {
			fmt.Fprintf(&b, "  anchor %.2f %q\n", a.Y, a.ID)
		}
		for _, f := range p.Fills {
			fmt.Fprintf(&b, "  fill %.2f %.2f %.2f %.2f gray=%.2f\n", f.X, f.Y, f.W, f.H, f.Gray)
		}
		for _, l := range p.Lines {
			fmt.Fprintf(&b, "  line %.2f %.2f %.2f %.2f w=%.2f\n", l.X1, l.Y1, l.X2, l.Y2, l.Width)
		}
		for _, t := range p.Texts {
			fmt.Fprintf(&b, "  text %.2f %.2f w=%.2f %g %s %q\n", t.X, t.Baseline, t.W, t.Size, t.Style, t.Text)
		}
		for _, l := range p.Links {
			fmt.Fprintf(&b, "  link %.2f %.2f %.2f %.2f %q\n", l.X, l.Y, l.W, l.H, l.URL)
		}
		if f := p.Footnotes; f != (Rect{}) {
			fmt.Fprintf(&b, "  footnotes %.2f %.2f %.2f %.2f\n", f.X, f.Y, f.W, f.H)
		}
	}
	return b.String()
}
