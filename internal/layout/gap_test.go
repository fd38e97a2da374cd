package layout

import (
	"strings"
	"testing"
)

// A gap's words are set and measured in bold italic with Gap in their
// style, and never share a fragment with the text around them, even where
// that text is bold italic too or touches the gap without a space.
func TestGapStyle(t *testing.T) {
	gap := Style{Bold: true, Italic: true, Gap: true}
	for _, align := range []Align{AlignLeft, AlignJustify} {
		runs := []Run{
			{Text: "Before "}, {Text: "[to fill in: the date]", Gap: true}, {Text: " and", Bold: true, Italic: true},
			{Text: "(", Bold: true, Italic: true}, {Text: "[to fill in: x]", Gap: true}, {Text: ")."},
			{Text: " " + words("w", 40)},
		}
		pages := mustLayout(t, Document{Blocks: []Block{&Paragraph{Runs: runs, Align: align}}})
		var gapText, other []string
		for _, tx := range pages[0].Texts {
			if tx.Style.Gap {
				if tx.Style != gap {
					t.Errorf("gap %q in style %+v", tx.Text, tx.Style)
				}
				if want := float64(len([]rune(tx.Text))) * tx.Size * 0.55; abs(tx.W-want) > 0.01 {
					t.Errorf("gap %q measured %.2f wide, want %.2f (bold)", tx.Text, tx.W, want)
				}
				gapText = append(gapText, tx.Text)
			} else {
				other = append(other, tx.Text)
			}
		}
		if g := strings.Join(gapText, " "); g != "[to fill in: the date] [to fill in: x]" {
			t.Errorf("align %d: gap fragments %q", align, gapText)
		}
		for _, o := range other {
			if strings.ContainsAny(o, "[]") || strings.Contains(o, "fill") {
				t.Errorf("align %d: gap text in a fragment not set as a gap: %q", align, o)
			}
		}
		if align == AlignLeft {
			// Unjustified, the gap is one fragment, its spaces included.
			if _, ok := find(pages[0], "[to fill in: the date]"); !ok {
				t.Errorf("the gap is cut in fragments: %q", gapText)
			}
		}
		if d := Dump(pages); !strings.Contains(d, `GAP "[to`) {
			t.Errorf("Dump does not show the gap style:\n%s", d)
		}
	}
}
