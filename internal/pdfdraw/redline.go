package pdfdraw

import (
	"math"

	"unireport/internal/layout"
)

// The words of a redline (layout.Style.Change): inserted words in dark
// blue (9.6:1 on white) with a line under them, deleted words in dark red
// (7.9:1) with a line through them. The lines tell them apart in grey
// print and to readers who do not tell the colours apart.
var (
	insertedInk = [3]int{0, 69, 140}
	deletedInk  = [3]int{158, 0, 0}
)

// Where the lines go and how thick they are, in ems of the text: under
// the baseline, clear of the descenders' tops; through the middle of the
// lower-case letters.
const (
	underlineDrop  = 0.13
	strikeRise     = 0.27
	changeLineRule = 0.055
)

// changeInk returns the colour of a text of change c, and whether it has
// one.
func changeInk(c layout.Change) ([3]int, bool) {
	switch c {
	case layout.Inserted:
		return insertedInk, true
	case layout.Deleted:
		return deletedInk, true
	}
	return [3]int{}, false
}

// changeLines draws the line under each inserted text and through each
// deleted one, carried on across the space to the next text of the same
// change on the same line, so that a phrase reads as one.
func (d *drawer) changeLines(p layout.Page) {
	pdf := d.pdf
	for i, t := range p.Texts {
		ink, ok := changeInk(t.Style.Change)
		if !ok {
			continue
		}
		y := t.Baseline + underlineDrop*t.Size
		if t.Style.Change == layout.Deleted {
			y = t.Baseline - strikeRise*t.Size
		}
		end := t.X + t.W
		if i+1 < len(p.Texts) {
			n := p.Texts[i+1]
			if n.Style.Change == t.Style.Change && math.Abs(n.Baseline-t.Baseline) < 0.01 && n.X > end && n.X-end < t.Size {
				end = n.X
			}
		}
		pdf.SetDrawColor(ink[0], ink[1], ink[2])
		pdf.SetLineWidth(changeLineRule * t.Size)
		pdf.Line(t.X, y, end, y)
	}
	pdf.SetDrawColor(0, 0, 0)
}

// hasChanges reports whether the page has words of a redline: only then
// are lines drawn for them, so that any other page is as it always was.
func hasChanges(p layout.Page) bool {
	for _, t := range p.Texts {
		if t.Style.Change != layout.Unchanged {
			return true
		}
	}
	return false
}
