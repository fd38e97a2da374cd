package pdfout

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"unireport/internal/document"
	"unireport/internal/layout"
	"unireport/internal/placeholder"
	"unireport/internal/testkit/fuzzseed"
)

// A gap is a run of its own, flagged Gap, reading "[to fill in: …]"; the
// text around it, in the same style, is never joined to it.
func TestGapRuns(t *testing.T) {
	doc := document.Parse([]byte("Before *it " + placeholder.Mark("x") + " after* " + placeholder.Mark("y") + placeholder.Mark("z") + " end\n"))
	got := convert(doc).Blocks[0].(*layout.Paragraph).Runs
	want := []layout.Run{
		{Text: "Before "},
		{Text: "it ", Italic: true},
		{Text: "[to fill in: x]", Italic: true, Gap: true},
		{Text: " after", Italic: true},
		{Text: " "},
		{Text: "[to fill in: y]", Gap: true},
		{Text: "[to fill in: z]", Gap: true},
		{Text: " end"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("runs:\n%+v\nwant:\n%+v", got, want)
	}
	// In the title block, a table cell and a caption too.
	doc = document.Parse([]byte(":::: titleblock\n# Title\n\nBy " + placeholder.Mark("who") + "\n::::\n\n" +
		"::::: table t id=t\n:::: caption\nCaption " + placeholder.Mark("c") + "\n::::\n:::: row\n::: cell\nIn " + placeholder.Mark("d") + "\n:::\n::::\n:::::\n"))
	lay := convert(doc)
	tb := lay.Blocks[0].(*layout.TitleBlock)
	if want := [][]layout.Run{{{Text: "By "}, {Text: "[to fill in: who]", Gap: true}}}; !reflect.DeepEqual(tb.Lines, want) {
		t.Errorf("title block lines %+v, want %+v", tb.Lines, want)
	}
	tab := lay.Blocks[1].(*layout.Table)
	if c := tab.Caption; len(c) != 2 || !c[1].Gap || c[1].Text != "[to fill in: c]" || c[0].Gap {
		t.Errorf("caption runs %+v", c)
	}
	if r := tab.Body[0].Cells[0].Blocks[0].(*layout.Paragraph).Runs; len(r) != 2 || !r[1].Gap || r[1].Text != "[to fill in: d]" {
		t.Errorf("cell runs %+v", r)
	}
}

// Laid out, a gap's words are set in the gap style (bold italic, Gap), in
// fragments of their own.
func TestGapLaidOut(t *testing.T) {
	m := Measurer(nil)
	src := "Presented on" + placeholder.Mark("the date of presentation") + "by the President.\n\n" +
		"::::: table t id=t\n:::: row\n::: cell\nBy " + placeholder.Mark("the presenting office") + " now\n:::\n::::\n:::::\n"
	pages, err := Layout(document.Parse([]byte(src)), m)
	if err != nil {
		t.Fatal(err)
	}
	gapStyle := layout.Style{Bold: true, Italic: true, Gap: true}
	var gap, other []string
	for _, p := range pages {
		for _, tx := range p.Texts {
			if tx.Style == gapStyle {
				gap = append(gap, tx.Text)
			} else {
				if tx.Style.Gap {
					t.Errorf("%q in style %+v", tx.Text, tx.Style)
				}
				other = append(other, tx.Text)
			}
		}
	}
	if g := strings.Join(gap, " "); g != "[to fill in: the date of presentation] [to fill in: the presenting office]" {
		t.Errorf("gap fragments %q", gap)
	}
	for _, o := range other {
		if strings.ContainsAny(o, "[]") || strings.Contains(o, "fill") {
			t.Errorf("gap text in a fragment not set as a gap: %q", o)
		}
	}
	if strings.Join(other, " ") != "Presented on by the President. By now" {
		t.Errorf("other fragments %q", other)
	}
}

// A gap changes nothing but itself: the 2017 report, with a paragraph
// holding a gap put first, converts as without it after that paragraph.
func TestGapChangesNothingElse(t *testing.T) {
	srcs, err := fuzzseed.Markdown(filepath.Join("..", ".."), 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range srcs {
		plain := convert(document.Parse(src))
		with := convert(document.Parse(append([]byte("Gap "+placeholder.Mark("x")+"\n\n"), src...)))
		first := with.Blocks[0]
		with.Blocks = with.Blocks[1:]
		with.Structure.Kids = with.Structure.Kids[1:] // the gap paragraph's P
		if !reflect.DeepEqual(with, plain) {
			t.Errorf("with a gap before it, %.60q… converts differently", src)
		}
		if r := first.(*layout.Paragraph).Runs; len(r) != 2 || !r[1].Gap {
			t.Errorf("the gap paragraph: %+v", r)
		}
	}
}
