package docxout

import (
	"fmt"
	"strings"
	"testing"
)

// gridOf lays out rows given as cells "colspan x rowspan" ("1x1") and
// shows each row's places: "A" a cell of the rows (by letter, in order),
// "^" the continuation of the one above, "." a filler; each followed by
// its span when more than one.
func gridOf(head int, rows ...string) string {
	var rs []row
	for i, r := range rows {
		tr := row{head: i < head}
		for _, c := range strings.Fields(r) {
			var cs, rsp int
			fmt.Sscanf(c, "%dx%d", &cs, &rsp)
			tr.cells = append(tr.cells, cell{colSpan: cs, rowSpan: rsp})
		}
		rs = append(rs, tr)
	}
	names := map[*cell]string{}
	for i := range rs {
		for j := range rs[i].cells {
			names[&rs[i].cells[j]] = string(rune('A' + len(names)))
		}
	}
	slots, n := grid(rs)
	var out []string
	for _, line := range slots {
		var b strings.Builder
		for _, s := range line {
			switch {
			case s.cell == nil:
				b.WriteString("^")
			case names[s.cell] == "":
				b.WriteString(".")
			default:
				b.WriteString(names[s.cell])
			}
			if s.span > 1 {
				fmt.Fprint(&b, s.span)
			}
		}
		out = append(out, b.String())
	}
	return fmt.Sprintf("%d: %s", n, strings.Join(out, " | "))
}

func TestGrid(t *testing.T) {
	cases := []struct {
		head int
		rows []string
		want string
	}{
		// the participation table: a corner over two header rows
		{2, []string{"1x2 2x1 1x1", "1x1 1x1 1x1", "1x1 1x1 1x1 1x1"}, "4: AB2C | ^DEF | GHIJ"},
		// a short row is filled out
		{0, []string{"1x1 1x1 1x1", "1x1"}, "3: ABC | D.."},
		// a span from above to the right of a row's own cells
		{0, []string{"1x1 1x1 1x2", "1x1"}, "3: ABC | D.^"},
		// a row with no cells under a span, and one beyond it
		{0, []string{"1x1 1x1 1x3", "", "1x1 1x1"}, "3: ABC | ..^ | DE^"},
		// a column span running into a cell from above stops short
		{0, []string{"1x1 1x2", "3x1"}, "2: AB | C^"},
		// row spans stop at the end of their section
		{1, []string{"1x3 1x1", "1x1 1x1"}, "2: AB | CD"},
		{0, []string{"1x5"}, "1: A"},
		// no cells at all
		{0, []string{"", ""}, "0:  | "},
	}
	for _, c := range cases {
		if got := gridOf(c.head, c.rows...); got != c.want {
			t.Errorf("grid %q (%d header rows) = %s, want %s", c.rows, c.head, got, c.want)
		}
	}
}

// bookmarkName makes names Word takes: a letter first, letters, digits
// and underscores, at most 40 characters, each once.
func TestBookmarkName(t *testing.T) {
	used := map[string]bool{}
	long := strings.Repeat("x", 50)
	for _, c := range []struct{ id, want string }{
		{"state-armenia", "state_armenia"},
		{"state-armenia", "state_armenia_2"},
		{"state-armenia", "state_armenia_3"},
		{"2017", "a_2017"},
		{"côte-d-ivoire", "côte_d_ivoire"},
		{"", "a_"},
		{long, long[:40]},
		{long, long[:38] + "_2"},
	} {
		if got := bookmarkName(c.id, used); got != c.want {
			t.Errorf("bookmarkName(%q) = %q, want %q", c.id, got, c.want)
		}
	}
}

// A row of more cells than a page could hold is cut at maxColumns.
func TestGridBounded(t *testing.T) {
	wide := row{}
	for range maxColumns + 50 {
		wide.cells = append(wide.cells, cell{colSpan: 1, rowSpan: 1})
	}
	slots, n := grid([]row{wide, {cells: []cell{{colSpan: 100, rowSpan: 1}}}})
	if n != maxColumns || len(slots[0]) != maxColumns {
		t.Errorf("%d columns, %d places in the wide row; want %d", n, len(slots[0]), maxColumns)
	}
	if len(slots[1]) != maxColumns-99 || slots[1][0].span != 100 {
		t.Errorf("the second row has %d places, its first spanning %d", len(slots[1]), slots[1][0].span)
	}
}
