package layout

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// everyThird hyphenates a word after every third letter.
type everyThird struct{}

func (everyThird) Points(word string) []int {
	var pts []int
	for i := 3; i < len(word)-2; i += 3 {
		pts = append(pts, i)
	}
	return pts
}

// setBothWays sets doc with its tables set apart and in place, and
// returns both results and errors.
func setBothWays(doc Document) (apart, inPlace Result, apartErr, inPlaceErr error) {
	defer func() { tablesInPlace = false }()
	apart, apartErr = Set(doc, A4(), fakeMeasurer{})
	tablesInPlace = true
	inPlace, inPlaceErr = Set(doc, A4(), fakeMeasurer{})
	return
}

// Tables set apart give the layout that setting them in place gives: the
// same pages, outline levels, warnings in the same order, columns and
// error, for random documents of headings (in lists too), lists,
// paragraphs and tables with bookmarks, footnote references in cells and
// words too long for their columns.
func TestTablesSetApartAsInPlace(t *testing.T) {
	n := 30
	if testing.Short() {
		n = 10
	}
	for seed := 0; seed < n; seed++ {
		d := &randomDoc{r: rand.New(rand.NewSource(int64(seed))), notes: map[int][]Block{}}
		doc := Document{Blocks: d.blocks(0, false), Footnotes: d.notes, Hyphenator: everyThird{}}
		for i, b := range doc.Blocks {
			if tb, ok := b.(*Table); ok && i%2 == 0 {
				tb.Bookmark = fmt.Sprintf("Table %d", i)
				tb.Name = fmt.Sprintf("t%d", i)
				for r := range tb.Body {
					tb.Body[r].Bookmark = fmt.Sprintf("row %d", r)
				}
			}
		}
		apart, inPlace, apartErr, inPlaceErr := setBothWays(doc)
		if fmt.Sprint(apartErr) != fmt.Sprint(inPlaceErr) {
			t.Fatalf("seed %d: error %v set apart, %v in place", seed, apartErr, inPlaceErr)
		}
		if !reflect.DeepEqual(apart, inPlace) {
			t.Fatalf("seed %d: the layout with the tables set apart differs", seed)
		}
	}
}

// A block that cannot be prepared fails the layout with the error of the
// first such block, table or not, as in place; a table too wide for the
// page, with the first error met laying out.
func TestTablesSetApartErrors(t *testing.T) {
	wide := &Table{Body: []Row{{Cells: make([]Cell, maxColumns+1)}}}
	narrow := &Table{Body: []Row{row(cell(strings.Repeat("w ", 3)), cell("x"))}}
	tight := &Table{Body: []Row{{Cells: make([]Cell, 60)}}}
	for i := range tight.Body[0].Cells {
		tight.Body[0].Cells[i] = cell("wide words here")
	}
	for _, c := range []struct {
		name   string
		blocks []Block
	}{
		{"table first", []Block{para("a"), wide, (*Paragraph)(nil)}},
		{"paragraph first", []Block{(*Paragraph)(nil), wide}},
		{"after a good table", []Block{narrow, para("b"), wide, narrow}},
		{"nil table", []Block{narrow, (*Table)(nil), narrow}},
		{"too wide to lay out", []Block{para("c"), tight, narrow, tight}},
	} {
		apart, inPlace, apartErr, inPlaceErr := setBothWays(Document{Blocks: c.blocks})
		if apartErr == nil || inPlaceErr == nil {
			t.Errorf("%s: errors %v and %v, want both", c.name, apartErr, inPlaceErr)
			continue
		}
		if apartErr.Error() != inPlaceErr.Error() {
			t.Errorf("%s: error %q set apart, %q in place", c.name, apartErr, inPlaceErr)
		}
		if !reflect.DeepEqual(apart, inPlace) {
			t.Errorf("%s: results differ", c.name)
		}
	}
}

// TablesSet is given the body's tables' columns, those of Result.Tables,
// before Set returns; with no tables, an empty map.
func TestTablesSet(t *testing.T) {
	a := &Table{Body: []Row{row(cell("one", "two"), cell("three"))}}
	b := &Table{Head: []Row{row(cell("head"))}, Body: []Row{row(cell(words("w", 30)))}}
	for _, blocks := range [][]Block{{para("x"), a, para("y"), b}, {para("none")}} {
		var got map[*Table]Columns
		calls := 0
		res, err := Set(Document{Blocks: blocks, TablesSet: func(c map[*Table]Columns) { got = c; calls++ }}, A4(), fakeMeasurer{})
		if err != nil {
			t.Fatal(err)
		}
		if calls != 1 || !reflect.DeepEqual(got, res.Tables) {
			t.Errorf("TablesSet called %d times with %v; the result's tables are %v", calls, got, res.Tables)
		}
	}
}

// A table that panics while it is set apart fails the layout as one set
// in place does: with an internal error, and nothing left running.
func TestTablesSetApartPanic(t *testing.T) {
	doc := Document{Blocks: []Block{para("a"), &Table{Body: []Row{row(cell("boom"))}}}}
	_, err := Set(doc, A4(), panickyMeasurer{})
	if err == nil || !strings.Contains(err.Error(), "internal error: measuring boom") {
		t.Errorf("got %v, want an internal error", err)
	}
}

// panickyMeasurer panics measuring "boom".
type panickyMeasurer struct{ fakeMeasurer }

func (m panickyMeasurer) Width(s string, st Style, size float64) float64 {
	if strings.Contains(s, "boom") {
		panic("measuring boom")
	}
	return m.fakeMeasurer.Width(s, st, size)
}

// A table's outline entry goes under the heading before it, set apart as
// in place, headings in lists included.
func TestTablesSetApartOutlineLevel(t *testing.T) {
	table := func(name string) *Table {
		return &Table{Bookmark: name, Body: []Row{{Bookmark: name + " row", Cells: []Cell{cell("x")}}}}
	}
	doc := Document{Blocks: []Block{
		&Heading{Level: 1, Runs: []Run{{Text: "One"}}},
		&Heading{Level: 3, Runs: []Run{{Text: "Three"}}},
		table("A"),
		&List{Items: [][]Block{{&Heading{Level: 2, Runs: []Run{{Text: "Two, in a list"}}}}}},
		table("B"),
	}}
	apart, inPlace, apartErr, inPlaceErr := setBothWays(doc)
	if apartErr != nil || inPlaceErr != nil {
		t.Fatal(apartErr, inPlaceErr)
	}
	var levels []string
	for _, b := range inPlace.Pages[0].Bookmarks {
		levels = append(levels, fmt.Sprintf("%s:%d", b.Text, b.Level))
	}
	if want := "One:0 Three:1 A:2 A row:3 Two, in a list:1 B:2 B row:3"; strings.Join(levels, " ") != want {
		t.Fatalf("in place, the outline is %v, want %s", levels, want)
	}
	if !reflect.DeepEqual(apart, inPlace) {
		t.Errorf("set apart, the outline is %v", apart.Pages[0].Bookmarks)
	}
}

// A large table's cells set half on another goroutine give the layout
// that setting them all on one gives, in random documents as above, for
// their first error too.
func TestCellsInTwoAsInOne(t *testing.T) {
	n := 30
	if testing.Short() {
		n = 10
	}
	defer func() { cellsInOne = false }()
	for seed := 0; seed < n; seed++ {
		d := &randomDoc{r: rand.New(rand.NewSource(int64(seed))), notes: map[int][]Block{}}
		doc := Document{Blocks: d.blocks(0, false), Footnotes: d.notes, Hyphenator: everyThird{}}
		for i, b := range doc.Blocks {
			if tb, ok := b.(*Table); ok {
				tb.Bookmark, tb.Name = fmt.Sprintf("Table %d", i), fmt.Sprintf("t%d", i)
			}
		}
		cellsInOne = false
		two, twoErr := Set(doc, A4(), fakeMeasurer{})
		cellsInOne = true
		one, oneErr := Set(doc, A4(), fakeMeasurer{})
		if fmt.Sprint(twoErr) != fmt.Sprint(oneErr) {
			t.Fatalf("seed %d: error %v in two, %v in one", seed, twoErr, oneErr)
		}
		if !reflect.DeepEqual(two, one) {
			t.Fatalf("seed %d: the layout with cells set in two differs", seed)
		}
	}
}

// A large table's cells set in two record the words they had to break and
// the first error they met in the cells' order: a word too long for its
// column early in the table and another late, and a list marker too wide
// for its column in an early cell and another in a late one.
func TestCellsInTwoWarningsAndErrorInOrder(t *testing.T) {
	tooLong := func(c byte) Cell { return cell(strings.Repeat(string(c), 80)) }
	marker := func(start int) Cell {
		return Cell{Blocks: []Block{&List{Ordered: true, Start: start, Items: [][]Block{{para("x")}}}}}
	}
	table := &Table{Name: "positions"}
	for r := range 8 {
		var cells []Cell
		for c := range 6 {
			switch {
			case r == 1 && c == 0:
				cells = append(cells, tooLong('a'))
			case r == 6 && c == 5:
				cells = append(cells, tooLong('b'))
			default:
				cells = append(cells, cell(fmt.Sprintf("r%dc%d", r, c)))
			}
		}
		table.Body = append(table.Body, row(cells...))
	}
	// Eight columns of markers do not fit side by side: the table is set
	// narrower than they are.
	withMarkers := &Table{Name: "markers"}
	for r := range 5 {
		var cells []Cell
		for c := range 8 {
			cells = append(cells, cell("x"))
			if r == 1 || r == 4 {
				cells[c] = marker((r+1)*1e17 + c)
			}
		}
		withMarkers.Body = append(withMarkers.Body, row(cells...))
	}
	defer func() { cellsInOne = false }()
	for _, tb := range []*Table{table, withMarkers} {
		doc := Document{Blocks: []Block{para("before"), tb}}
		cellsInOne = false
		two, twoErr := Set(doc, A4(), fakeMeasurer{})
		cellsInOne = true
		one, oneErr := Set(doc, A4(), fakeMeasurer{})
		if fmt.Sprint(twoErr) != fmt.Sprint(oneErr) {
			t.Errorf("%s: error %v in two, %v in one", tb.Name, twoErr, oneErr)
		}
		if tb == table && len(one.Warnings) != 2 {
			t.Errorf("%s: %d warnings, want the two words", tb.Name, len(one.Warnings))
		}
		if tb == withMarkers && (oneErr == nil || !strings.Contains(oneErr.Error(), `"200000000000000000."`)) {
			t.Errorf("%s: error %v, want the first marker's", tb.Name, oneErr)
		}
		if !reflect.DeepEqual(two.Warnings, one.Warnings) {
			t.Errorf("%s: warnings %v in two, %v in one", tb.Name, two.Warnings, one.Warnings)
		}
	}
}
