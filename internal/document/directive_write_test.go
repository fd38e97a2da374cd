package document

import (
	"reflect"
	"strings"
	"testing"
)

// TestTableRoundTrip: what TableWriter writes, Parse reads back as the
// same table: every attribute, and every cell's text, even text that
// looks like a directive.
func TestTableRoundTrip(t *testing.T) {
	type cell struct {
		c    Cell
		text string
	}
	rows := []struct {
		head  bool
		id    string
		cells []cell
	}{
		{true, "", []cell{
			{Cell{Header: true, Scope: "col", RowSpan: 2}, "State"},
			{Cell{Header: true, Scope: "colgroup", ColSpan: 2, Align: AlignCenter}, "2017"},
		}},
		{true, "", []cell{
			{Cell{Header: true, Scope: "col", Align: AlignCenter}, "16MSP"},
			{Cell{Header: true, Scope: "col", Align: AlignCenter}, "Intersessional meetings"},
		}},
		{false, "state-egypt", []cell{
			{Cell{Header: true, Scope: "row"}, EscapeInline("Egypt *[sic]*")},
			{Cell{Align: AlignCenter, Alt: "attended"}, "√"},
			{Cell{Align: AlignCenter, Alt: "attendance not known: 100% sure? a=b"}, "?"},
			{Cell{}, "::: cell\n:::: row\n::::: table x"},
		}},
	}
	var w TableWriter
	w.Open(Table{Name: "participation", ID: "participation", Widths: []float64{18, 62.5, 20}, Landscape: true})
	w.Caption(":::: caption\nParticipation", true)
	for _, r := range rows {
		w.Row(r.head, r.id)
		for _, c := range r.cells {
			w.Cell(c.c, c.text)
		}
		w.EndRow()
	}
	doc := Parse([]byte("Before.\n" + w.String() + "After.\n"))

	tables := Tables(doc.Root)
	if len(tables) != 1 {
		t.Fatalf("%d tables", len(tables))
	}
	tb := tables[0]
	if tb.Name != "participation" || tb.ID != "participation" || !tb.Landscape || !reflect.DeepEqual(tb.Widths, []float64{18, 62.5, 20}) {
		t.Errorf("table %+v", tb)
	}
	if c := tb.Caption(); c == nil || !c.Hidden || unescaped(Text(c, doc.Source)) != ":::: caption Participation" {
		t.Errorf("caption %q", Text(c, doc.Source))
	}
	head, body := tb.Rows()
	all := append(head, body...)
	if len(head) != 2 || len(body) != 1 {
		t.Fatalf("%d head and %d body rows", len(head), len(body))
	}
	for i, r := range rows {
		got := all[i]
		if got.Head != r.head || got.ID != r.id || len(got.Cells()) != len(r.cells) {
			t.Fatalf("row %d: head %v id %q, %d cells", i, got.Head, got.ID, len(got.Cells()))
		}
		for j, want := range r.cells {
			c := got.Cells()[j]
			gotCell := Cell{Header: c.Header, Scope: c.Scope, ColSpan: c.ColSpan, RowSpan: c.RowSpan, Align: c.Align, Alt: c.Alt}
			wantCell := want.c
			wantCell.ColSpan, wantCell.RowSpan = max(wantCell.ColSpan, 1), max(wantCell.RowSpan, 1)
			if gotCell != wantCell {
				t.Errorf("row %d cell %d: %+v, want %+v", i, j, gotCell, wantCell)
			}
			wantText := strings.ReplaceAll(want.text, "\n", " ")
			if want.text == EscapeInline("Egypt *[sic]*") {
				wantText = "Egypt *[sic]*"
			}
			if got := unescaped(Text(c, doc.Source)); got != wantText {
				t.Errorf("row %d cell %d: text %q, want %q", i, j, got, wantText)
			}
		}
	}
}

func TestParseWidths(t *testing.T) {
	if w, err := ParseWidths("18,62,20"); err != nil || !reflect.DeepEqual(w, []float64{18, 62, 20}) {
		t.Errorf("18,62,20: %v, %v", w, err)
	}
	for _, bad := range []string{"", "1,,2", "0,1", "-1", "1,wide", "NaN", "+Inf", "1e9"} {
		if _, err := ParseWidths(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// unescaped drops the backslashes of Markdown escapes, as the writers do
// (Text gives the source of text nodes, escapes included).
func unescaped(s string) string {
	return strings.NewReplacer(`\*`, "*", `\[`, "[", `\]`, "]", `\:`, ":").Replace(s)
}
