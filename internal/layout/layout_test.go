package layout

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func positionsHead() []Row {
	h := func(s string) Cell { return cell(s) }
	return []Row{row(h("State not party"), h("Position"), h("Last participation"))}
}

// A body row three pages tall splits over three pages: each page starts with
// the repeated header, the cells continue side by side, and the middle
// cell's words come out whole and in order.
func TestRowSplitsOverThreePages(t *testing.T) {
	var long []string
	for i := 0; i < 12; i++ {
		long = append(long, words("p"+strconv.Itoa(i%10), 180))
	}
	doc := Document{Blocks: []Block{
		para("Before the table."),
		&Table{
			Head:   positionsHead(),
			Body:   []Row{row(cell("Armenia"), cell(long...), cell("9MSP in 2008")), row(cell("Bahrain"), cell("No official information submitted."), cell("2009"))},
			Widths: []float64{1, 4, 1.3},
		},
	}}
	pages := mustLayout(t, doc)
	if len(pages) < 3 {
		t.Fatalf("%d pages, want at least 3\n%s", len(pages), Dump(pages))
	}
	g := A4()
	for _, p := range pages {
		h, ok := find(p, "Position")
		if !ok {
			t.Errorf("page %d: no repeated header", p.Number)
			continue
		}
		// The header is the first thing on every page after the first.
		if p.Number > 1 && h.Y > p.Content.Y+g.CellPadding+h.H {
			t.Errorf("page %d: header at %.2f, not at the top %.2f", p.Number, h.Y, p.Content.Y)
		}
		for _, x := range p.Texts {
			if !x.Style.Bold && x.Y < h.Y+h.H-0.01 && x.Y+x.H > h.Y {
				t.Errorf("page %d: %q on the header's line", p.Number, x.Text)
			}
		}
	}
	// The split row's cells all show on the first page: "Armenia" beside the
	// first lines, and the middle cell on every page.
	if pageOf(pages, "Armenia") != 1 {
		t.Errorf("Armenia on page %d", pageOf(pages, "Armenia"))
	}
	for _, p := range pages[:3] {
		found := false
		for _, x := range p.Texts {
			if strings.HasPrefix(x.Text, "p") && !strings.HasPrefix(x.Text, "Position") {
				found = true
			}
		}
		if !found {
			t.Errorf("page %d: no part of the long cell", p.Number)
		}
	}
	var got []string
	for _, w := range allWords(pages) {
		if len(w) == 5 && w[0] == 'p' && w[1] >= '0' && w[1] <= '9' {
			got = append(got, w)
		}
	}
	want := strings.Fields(strings.Join(long, " "))
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("long cell's words out of order or lost: got %d words, want %d", len(got), len(want))
	}
	if pageOf(pages, "Bahrain") != len(pages) {
		t.Errorf("next row on page %d of %d", pageOf(pages, "Bahrain"), len(pages))
	}
}

// A header with only its first body line is never left at the foot of a
// page: whatever the space left above the table, the header's page also
// holds the first body row, and the caption stays with the header.
func TestHeaderNeverAlone(t *testing.T) {
	moved := 0
	for n := 28; n < 42; n++ {
		var blocks []Block
		for i := 0; i < n; i++ {
			blocks = append(blocks, para("Filler line "+strconv.Itoa(i)))
		}
		blocks = append(blocks, &Table{
			Caption: []Run{{Text: "Caption of the table"}},
			Head:    positionsHead(),
			Body:    []Row{row(cell("Armenia"), cell(words("w", 200)), cell("2008"))},
		})
		pages := mustLayout(t, Document{Blocks: blocks})
		hp, bp, cp := pageOf(pages, "Position"), pageOf(pages, "Armenia"), pageOf(pages, "Caption of the table")
		if hp != bp || cp != hp {
			t.Errorf("%d fillers: caption on page %d, header on %d, first row on %d", n, cp, hp, bp)
		}
		if last := pageOf(pages, "Filler line "+strconv.Itoa(n-1)); last != hp {
			moved++
			// Moved: the page it left must not end far from the foot
			// only because of a bug; it ends where the table did not fit.
			if hp != last+1 {
				t.Errorf("%d fillers: table on page %d after filler on %d", n, hp, last)
			}
		}
	}
	if moved == 0 {
		t.Error("no case moved the table to the next page: the test does not cover the boundary")
	}
}

// A heading is never the last thing on a page.
func TestHeadingKeptWithNext(t *testing.T) {
	moved := 0
	for n := 28; n < 42; n++ {
		var blocks []Block
		for i := 0; i < n; i++ {
			blocks = append(blocks, para("Filler line "+strconv.Itoa(i)))
		}
		blocks = append(blocks, &Heading{Level: 1, Runs: []Run{{Text: "Heading"}}}, para("First line after"))
		pages := mustLayout(t, Document{Blocks: blocks})
		hp, np := pageOf(pages, "Heading"), pageOf(pages, "First line after")
		if hp != np {
			t.Errorf("%d fillers: heading on page %d, next line on %d", n, hp, np)
		}
		if pageOf(pages, "Filler line "+strconv.Itoa(n-1)) != hp {
			moved++
		}
		if len(pages[hp-1].Bookmarks) != 1 || pages[hp-1].Bookmarks[0].Text != "Heading" {
			t.Errorf("%d fillers: bookmarks on the heading's page: %+v", n, pages[hp-1].Bookmarks)
		}
	}
	if moved == 0 {
		t.Error("no case moved the heading: the test does not cover the boundary")
	}
}

// footnoteChecks asserts that every footnote reference (a small "N" outside
// the footnote area) has its footnote on the same page.
func footnoteChecks(t *testing.T, pages []Page, notes map[int]string) (refPages map[int]int) {
	t.Helper()
	refPages = map[int]int{}
	for n, text := range notes {
		num := strconv.Itoa(n)
		for _, p := range pages {
			for _, x := range p.Texts {
				if x.Text == num && x.Size < 7 && (p.Footnotes.H == 0 || x.Y < p.Footnotes.Y) {
					if _, seen := refPages[n]; !seen {
						refPages[n] = p.Number
					}
				}
			}
		}
		fp := 0
		for _, p := range pages {
			for _, x := range p.Texts {
				if strings.HasPrefix(x.Text, text) {
					fp = p.Number
					if x.Y < p.Footnotes.Y || x.Y+x.H > p.Footnotes.Y+p.Footnotes.H+0.01 {
						t.Errorf("footnote %d text outside the footnote area %+v: %+v", n, p.Footnotes, x)
					}
				}
			}
		}
		if refPages[n] == 0 || fp != refPages[n] {
			t.Errorf("footnote %d referenced on page %d, set on page %d", n, refPages[n], fp)
		}
	}
	return refPages
}

// A footnote referenced from a table cell lands on the page of the
// reference, wherever the row falls, including when the line with the
// reference is pushed to the next page by the footnote's own height.
func TestFootnoteFromTableCell(t *testing.T) {
	for n := 0; n < 30; n += 3 {
		var body []Row
		for i := 0; i < 40+n; i++ {
			body = append(body, row(cell("State "+strconv.Itoa(i)), cell(words("s", 20)), cell("2016")))
		}
		ref := &Paragraph{Runs: []Run{{Text: "Marshall Islands"}, {FootnoteRef: 2}}}
		body = append(body, Row{Cells: []Cell{{Blocks: []Block{ref}}, cell(words("m", 60)), cell("9MSP")}})
		doc := Document{
			Blocks: []Block{
				&Paragraph{Runs: []Run{{Text: "The President has prepared an overview of the official"}, {FootnoteRef: 1}, {Text: " information."}}},
				&Table{Head: positionsHead(), Body: body},
			},
			Footnotes: map[int][]Block{
				1: {para("Sources of information: statements delivered at Convention-related meetings.")},
				2: {para("The Marshall Islands are signatory to the Convention. " + words("f", 120))},
			},
		}
		pages := mustLayout(t, doc)
		rp := footnoteChecks(t, pages, map[int]string{1: "Sources of information", 2: "The Marshall Islands are signatory"})
		if rp[2] < 2 {
			t.Errorf("%d extra rows: the reference in the cell is on page %d, want a later page", n, rp[2])
		}
	}
}

// The line holding a reference moves to the next page with its footnote
// when the footnote does not fit below it.
func TestFootnoteMovesWithItsLine(t *testing.T) {
	moved := 0
	for n := 22; n < 40; n++ {
		var blocks []Block
		for i := 0; i < n; i++ {
			blocks = append(blocks, para("Filler line "+strconv.Itoa(i)))
		}
		blocks = append(blocks, &Paragraph{Runs: []Run{{Text: "Reference here"}, {FootnoteRef: 7}}})
		doc := Document{Blocks: blocks, Footnotes: map[int][]Block{7: {para("Seventh note. " + words("n", 150))}}}
		pages := mustLayout(t, doc)
		rp := footnoteChecks(t, pages, map[int]string{7: "Seventh note."})
		if rp[7] != pageOf(pages, "Filler line "+strconv.Itoa(n-1)) {
			moved++
		}
	}
	if moved == 0 {
		t.Error("no case moved the reference: the test does not cover the boundary")
	}
}

// The participation table: header cells spanning columns and rows, ticks
// centred in their cells.
func TestSpanningHeaderAndCentredTicks(t *testing.T) {
	doc := Document{Blocks: []Block{participationTable(6)}}
	pages := mustLayout(t, doc)
	p := pages[0]
	var xs []float64 // column rules
	for _, l := range p.Lines {
		if l.X1 == l.X2 {
			xs = append(xs, l.X1)
		}
	}
	sort.Float64s(xs)
	between := func(x float64) (float64, float64) {
		lo, hi := math.Inf(-1), math.Inf(1)
		for _, v := range xs {
			if v <= x+0.001 {
				lo = v
			} else if v < hi {
				hi = v
			}
		}
		return lo, hi
	}
	ticks := 0
	for _, x := range p.Texts {
		if x.Text == "√" {
			ticks++
			lo, hi := between(x.X)
			if d := (x.X + x.W/2) - (lo+hi)/2; math.Abs(d) > 0.01 {
				t.Errorf("tick at %.2f not centred between %.2f and %.2f", x.X, lo, hi)
			}
		}
	}
	if ticks == 0 {
		t.Fatal("no ticks")
	}
	// "2014" spans the two columns holding the first two meeting names.
	var y14 Text
	for _, x := range p.Texts {
		if x.Text == "2014" && x.Size == A4().TableSize {
			y14 = x
		}
	}
	var cols []float64
	for _, x := range xs {
		if len(cols) == 0 || x-cols[len(cols)-1] > 0.01 {
			cols = append(cols, x)
		}
	}
	mid := y14.X + y14.W/2
	var ground Fill
	for _, f := range p.Fills {
		if f.X <= mid && mid <= f.X+f.W && f.Y <= y14.Baseline && y14.Baseline <= f.Y+f.H {
			ground = f
		}
	}
	if len(cols) != 9 || math.Abs(ground.X-cols[1]) > 0.01 || math.Abs(ground.X+ground.W-cols[3]) > 0.01 {
		t.Errorf("\"2014\" sits on %+v; column rules %v: want it to span columns 2 and 3", ground, cols)
	}
	if math.Abs(mid-(ground.X+ground.W/2)) > 0.01 {
		t.Errorf("\"2014\" not centred on its cell")
	}
	// "State not Party" spans both header rows: its ground is as tall as both.
	var first, other Fill
	for _, f := range p.Fills {
		if math.Abs(f.X-p.Content.X) < 0.01 && f.Y == p.Content.Y {
			first = f
		} else if f.Y == p.Content.Y && other.H == 0 {
			other = f
		}
	}
	if first.H < 1.9*other.H {
		t.Errorf("rowspan header ground %.2f tall, a one-row header ground %.2f", first.H, other.H)
	}
}

func participationTable(rows int) *Table {
	hc := func(s string, cs, rs int) Cell {
		c := cell(s)
		c.ColSpan, c.RowSpan = cs, rs
		return c
	}
	meet := func(s string) Cell { return cell(s) }
	third := Cell{Blocks: []Block{&Paragraph{Runs: []Run{{Text: "3"}, {Text: "rd", Superscript: true}, {Text: " RevCon"}}}}}
	head := []Row{
		row(hc("State not Party", 1, 2), hc("2014", 2, 1), hc("2015", 2, 1), hc("2016", 2, 1), hc("2017", 1, 1)),
		row(meet("Intersessional meetings"), third, meet("Intersessional meetings"), meet("14MSP"), meet("Intersessional meetings"), meet("15MSP"), meet("Intersessional meetings")),
	}
	states := []string{"China", "Egypt", "India", "Kazakhstan", "Lebanon", "Libya", "Morocco", "Myanmar", "Pakistan", "Palestine", "Saudi Arabia", "Singapore", "Sri Lanka", "UAE", "USA"}
	var body []Row
	for i := 0; i < rows; i++ {
		r := row(cell(states[i%len(states)]))
		for j := 0; j < 7; j++ {
			c := Cell{Align: AlignCenter}
			if (i+j)%2 == 0 {
				c.Blocks = []Block{para("√")}
			}
			r.Cells = append(r.Cells, c)
		}
		body = append(body, r)
	}
	return &Table{Caption: []Run{{Text: "Participation in Convention-related meetings since the Third Review Conference in 2014"}}, Head: head, Body: body}
}

// Column widths follow the given proportions.
func TestGivenWidths(t *testing.T) {
	doc := Document{Blocks: []Block{&Table{
		Head:   positionsHead(),
		Body:   []Row{row(cell("a"), cell("b"), cell("c"))},
		Widths: []float64{1, 2, 1},
	}}}
	pages := mustLayout(t, doc)
	var xs []float64
	for _, l := range pages[0].Lines {
		if l.X1 == l.X2 {
			xs = append(xs, l.X1)
		}
	}
	sort.Float64s(xs)
	uniq := xs[:0]
	for _, x := range xs {
		if len(uniq) == 0 || x-uniq[len(uniq)-1] > 0.01 {
			uniq = append(uniq, x)
		}
	}
	c := pages[0].Content
	want := []float64{c.X, c.X + c.W/4, c.X + 3*c.W/4, c.X + c.W}
	if len(uniq) != 4 {
		t.Fatalf("column rules at %v", uniq)
	}
	for i := range want {
		if math.Abs(uniq[i]-want[i]) > 0.01 {
			t.Errorf("rule %d at %.2f, want %.2f", i, uniq[i], want[i])
		}
	}
}

// Automatic widths give no column less than its longest word and share the
// rest by natural width.
func TestAutoWidths(t *testing.T) {
	pt := &prepTable{ncols: 3, colMin: []float64{50, 80, 30}, colMax: []float64{100, 2000, 300}}
	w := pt.widths(450)
	sum := 0.0
	for i, v := range w {
		sum += v
		if v < pt.colMin[i] {
			t.Errorf("column %d: %.2f below its minimum", i, v)
		}
	}
	if math.Abs(sum-450) > 0.01 {
		t.Errorf("widths %v sum to %.2f", w, sum)
	}
	if !(w[1] > w[2] && w[2] > w[0]) {
		t.Errorf("widths %v not ordered by natural width", w)
	}
	// Narrow content grows to the full width in proportion.
	pt = &prepTable{ncols: 2, colMin: []float64{10, 10}, colMax: []float64{50, 150}}
	w = pt.widths(400)
	if math.Abs(w[0]-100) > 0.01 || math.Abs(w[1]-300) > 0.01 {
		t.Errorf("grown widths %v, want [100 300]", w)
	}
	// Mixed: the auto column keeps its natural width.
	pt = &prepTable{ncols: 2, colMin: []float64{10, 10}, colMax: []float64{50, 150}, weights: []float64{0, 1}}
	w = pt.widths(400)
	if math.Abs(w[0]-50) > 0.01 || math.Abs(w[1]-350) > 0.01 {
		t.Errorf("mixed widths %v, want [50 350]", w)
	}
}

// Runs of different styles share lines; a word longer than the line breaks
// between characters; nothing runs past the right margin.
func TestWrapping(t *testing.T) {
	long := strings.Repeat("x", 300)
	doc := Document{Blocks: []Block{
		&Paragraph{Runs: []Run{{Text: "Plain "}, {Text: "bold", Bold: true}, {Text: " and "}, {Text: "italic", Italic: true}, {Text: " text."}}},
		para("Before " + long + " after"),
		&Paragraph{Runs: []Run{{Text: "Hyphenated anti-personnel words"}}, Align: AlignLeft},
	}}
	pages := mustLayout(t, doc)
	p := pages[0]
	var styles []string
	first := p.Texts[0].Y
	for _, x := range p.Texts {
		if x.Y == first {
			styles = append(styles, x.Style.String()+":"+x.Text)
		}
	}
	if got := strings.Join(styles, "|"); got != "R:Plain|B:bold|R:and|I:italic|R:text." {
		t.Errorf("first line fragments %s", got)
	}
	n := 0
	for _, x := range p.Texts {
		n += strings.Count(x.Text, "x")
		if x.X+x.W > p.Content.X+p.Content.W+0.01 {
			t.Errorf("%q runs past the margin", x.Text)
		}
	}
	if n != 301 { // and the x of "text."

		t.Errorf("the long word shows %d of its 300 characters", n)
	}
	if _, ok := find(p, "Hyphenated anti-personnel words"); !ok {
		t.Errorf("hyphenated word not kept whole when it fits:\n%s", Dump(pages))
	}
}

// Left-aligned fragments of one style merge into one string with spaces.
func TestMergedFragments(t *testing.T) {
	pages := mustLayout(t, Document{Blocks: []Block{&Paragraph{Runs: []Run{{Text: "one two three"}}, Align: AlignLeft}}})
	if len(pages[0].Texts) != 1 || pages[0].Texts[0].Text != "one two three" {
		t.Errorf("got %+v", pages[0].Texts)
	}
}

func TestListsAndRule(t *testing.T) {
	doc := Document{Blocks: []Block{
		&List{Items: [][]Block{{para("first")}, {para("second"), &List{Ordered: true, Start: 3, Items: [][]Block{{para("nested")}}}}}},
		&Rule{},
	}}
	pages := mustLayout(t, doc)
	p := pages[0]
	b, _ := find(p, "•")
	f, _ := find(p, "first")
	if b.Baseline != f.Baseline || b.X+b.W > f.X {
		t.Errorf("bullet %+v not beside its item %+v", b, f)
	}
	n3, ok := find(p, "3.")
	nested, _ := find(p, "nested")
	if !ok || n3.X <= b.X || n3.Baseline != nested.Baseline {
		t.Errorf("nested number %+v, item %+v", n3, nested)
	}
	if len(p.Lines) != 1 || p.Lines[0].X2-p.Lines[0].X1 < p.Content.W-0.01 {
		t.Errorf("rule: %+v", p.Lines)
	}
}

func TestTitleBlock(t *testing.T) {
	doc := Document{Blocks: []Block{&TitleBlock{
		Title: []Run{{Text: "Status of Universalization of the Anti-Personnel Mine Ban Convention"}},
		Lines: [][]Run{{{Text: "Presented by the President of the Sixteenth Meeting of the States Parties"}}, {{Text: "8 December 2017"}}},
	}}}
	pages := mustLayout(t, doc)
	p := pages[0]
	var prev float64
	for i, x := range p.Texts {
		mid := x.X + x.W/2
		if math.Abs(mid-(p.Content.X+p.Content.W/2)) > 0.01 {
			t.Errorf("%q not centred", x.Text)
		}
		if i > 0 && x.Y <= prev {
			t.Errorf("%q not below the line before", x.Text)
		}
		prev = x.Y
	}
	if !p.Texts[0].Style.Bold || p.Texts[0].Size != A4().TitleSize {
		t.Errorf("title style %+v", p.Texts[0])
	}
	if len(p.Bookmarks) != 1 || p.Bookmarks[0].Level != 0 {
		t.Errorf("bookmarks %+v", p.Bookmarks)
	}
}

// Body rows tied by a row span stay together and the spanning cell covers
// them.
func TestBodyRowSpan(t *testing.T) {
	span := cell("spans two rows")
	span.RowSpan = 2
	var body []Row
	for i := 0; i < 60; i++ {
		body = append(body, row(cell("r"+strconv.Itoa(i)), cell("x")))
	}
	body = append(body, row(span, cell("top")), row(cell("bottom")))
	pages := mustLayout(t, Document{Blocks: []Block{&Table{Head: []Row{row(cell("A"), cell("B"))}, Body: body}}})
	if pageOf(pages, "top") != pageOf(pages, "bottom") {
		t.Error("rows tied by a row span split")
	}
	tp := pages[pageOf(pages, "top")-1]
	top, _ := find(tp, "top")
	bottom, _ := find(tp, "bottom")
	s, _ := find(tp, "spans two rows")
	if !(bottom.Y > top.Y) || s.X >= top.X {
		t.Errorf("span %+v top %+v bottom %+v", s, top, bottom)
	}
	if bottom.X != top.X {
		t.Errorf("the cell under a row span is not in the second column: %.2f vs %.2f", bottom.X, top.X)
	}
}

// Links and anchors: a run's link area covers its text; a row ID becomes an
// anchor.
func TestLinksAndAnchors(t *testing.T) {
	r := row(cell("Armenia"), cell("x"))
	r.ID = "armenia"
	doc := Document{Blocks: []Block{
		&Paragraph{Runs: []Run{{Text: "See "}, {Text: "the Armenian entry", Link: "#armenia"}, {Text: " below."}}, Align: AlignLeft},
		&Table{Body: []Row{r}},
	}}
	pages := mustLayout(t, doc)
	p := pages[0]
	if len(p.Links) != 1 || p.Links[0].URL != "#armenia" {
		t.Fatalf("links %+v", p.Links)
	}
	tx, _ := find(p, "the Armenian entry")
	if l := p.Links[0]; math.Abs(l.X-tx.X) > 0.01 || math.Abs(l.W-tx.W) > 0.01 {
		t.Errorf("link %+v over text %+v", l, tx)
	}
	if len(p.Anchors) != 1 || p.Anchors[0].ID != "armenia" {
		t.Errorf("anchors %+v", p.Anchors)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		name string
		doc  Document
		want string
	}{
		{"missing footnote", Document{Blocks: []Block{&Paragraph{Runs: []Run{{FootnoteRef: 3}}}}}, "footnote reference 3 has no footnote"},
		{"nil block", Document{Blocks: []Block{para("a"), nil}}, "block 2: nil block"},
		{"nil paragraph in a cell", Document{Blocks: []Block{&Table{Body: []Row{{Cells: []Cell{{Blocks: []Block{(*Paragraph)(nil)}}}}}}}}, "nil *Paragraph"},
		{"row group taller than a page", Document{Blocks: []Block{&Table{Body: []Row{
			{Cells: []Cell{{Blocks: []Block{para(words("z", 3000))}, RowSpan: 2}, cell("a")}}, row(cell("b"))}}}}, "tied by a row span"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Layout(c.doc, A4(), fakeMeasurer{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want one containing %q", err, c.want)
			}
		})
	}
	if _, err := Layout(Document{}, Geometry{}, fakeMeasurer{}); err == nil {
		t.Error("zero geometry accepted")
	}
	if _, err := Layout(Document{}, A4(), nil); err == nil {
		t.Error("nil measurer accepted")
	}
}

// An empty document is one empty page; odd input does not break layout.
func TestOddInput(t *testing.T) {
	pages := mustLayout(t, Document{})
	if len(pages) != 1 || len(pages[0].Texts) != 0 {
		t.Errorf("empty document: %d pages", len(pages))
	}
	mustLayout(t, Document{Blocks: []Block{
		para(""), para("   "), para("a\n\nb\n"), &Paragraph{Runs: []Run{{Text: "x", Link: "https://example.org"}}},
		&Table{}, &Table{Caption: []Run{{Text: "only a caption"}}},
		&Table{Body: []Row{{}, row(cell(""))}},
		&Table{Head: positionsHead()},
		&List{}, &Heading{}, &TitleBlock{},
		&Table{Body: []Row{row(Cell{Blocks: []Block{&Table{Head: positionsHead(), Body: []Row{row(cell("nested"))}}}})}},
		&Table{Body: []Row{row(cell(strings.Repeat("W", 40)), cell(strings.Repeat("W", 40)), cell(strings.Repeat("W", 40)), cell(strings.Repeat("W", 40)))}},
	}})
}

// A page break starts a new page for what follows, lays out the pages
// before it exactly as without it, does nothing on a page still empty (two
// in a row, or one first) and nothing inside a table cell.
func TestPageBreak(t *testing.T) {
	before := []Block{para("The report."), &Heading{Level: 2, Runs: []Run{{Text: "Last heading"}}}, para("Its end.")}
	alone := mustLayout(t, Document{Blocks: before})
	doc := Document{Blocks: append(append([]Block{&PageBreak{}}, before...),
		&PageBreak{}, &PageBreak{},
		&Heading{Level: 2, Runs: []Run{{Text: "Checklist"}}},
		&Table{Body: []Row{row(Cell{Blocks: []Block{para("in a cell"), &PageBreak{}, para("same cell")}})}},
	)}
	pages := mustLayout(t, doc)
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2\n%s", len(pages), Dump(pages))
	}
	if Dump(pages[:1]) != Dump(alone) {
		t.Errorf("the page before the break differs from the same blocks without it:\n%s\nwant\n%s", Dump(pages[:1]), Dump(alone))
	}
	h, ok := find(pages[1], "Checklist")
	if !ok || h.Y > pages[1].Content.Y+h.H {
		t.Errorf("the heading after the break is not at the top of page 2: %+v\n%s", h, Dump(pages))
	}
	if pageOf(pages, "same cell") != 2 || pageOf(pages, "in a cell") != 2 {
		t.Errorf("a page break in a cell broke the page:\n%s", Dump(pages))
	}
}

// A table's last row never goes alone to a page of its own under the
// repeated header: the row before it goes with it. No other row moves (the
// same table with a row more sets rows 1-11 alike), and a two-row table's
// first row stays with the header.
func TestLastRowNotAlone(t *testing.T) {
	table := func(fillers, rows int) []Page {
		var blocks []Block
		for i := 0; i < fillers; i++ {
			blocks = append(blocks, para("Filler line "+strconv.Itoa(i)))
		}
		tab := &Table{Head: positionsHead()}
		for r := 1; r <= rows; r++ {
			tab.Body = append(tab.Body, row(cell("Row"+strconv.Itoa(r)), cell("x"), cell("y")))
		}
		pages := mustLayout(t, Document{Blocks: append(blocks, tab)})
		checkInvariants(t, pages)
		return pages
	}
	moved := 0
	for n := 20; n < 60; n++ {
		pages, more := table(n, 12), table(n, 13)
		last, before := pageOf(pages, "Row12"), pageOf(pages, "Row11")
		if last != before {
			t.Errorf("%d fillers: the last row alone on page %d\n%s", n, last, Dump(pages[last-1:last]))
		}
		for r := 1; r <= 10; r++ {
			name := "Row" + strconv.Itoa(r)
			if pageOf(pages, name) != pageOf(more, name) {
				t.Errorf("%d fillers: %s moved to page %d (%d with a row more)", n, name, pageOf(pages, name), pageOf(more, name))
			}
		}
		if p, q := pageOf(pages, "Row11"), pageOf(more, "Row11"); p != q {
			moved++
			if p != q+1 {
				t.Errorf("%d fillers: Row11 on page %d, %d with a row more", n, p, q)
			}
		}
	}
	if moved == 0 {
		t.Error("no case moved the last but one row: the test does not cover the boundary")
	}

	// Two rows: the first stays with the header even if the second
	// cannot follow it.
	for n := 20; n < 60; n++ {
		pages := table(n, 2)
		if pageOf(pages, "Row1") != pageOf(pages, "Position") {
			t.Errorf("%d fillers: header on page %d, first row on %d", n, pageOf(pages, "Position"), pageOf(pages, "Row1"))
		}
	}
}

// A row split across pages leaves no widow or orphan: wherever the page
// break falls, each page holding part of the long cell holds at least two
// of its lines, and the cell's words stay whole and in order.
func TestSplitRowNoWidowsOrOrphans(t *testing.T) {
	type tc struct{ fillers, words int }
	var cases []tc
	for n := 20; n < 70; n++ {
		cases = append(cases, tc{n, 200})
	}
	for w := 100; w < 300; w += 3 {
		cases = append(cases, tc{25, w}, tc{30, w})
	}
	orphans, widows := 0, 0 // cases moved whole and split, to know the test covers both
	for _, c := range cases {
		n, long := c.fillers, words("w", c.words)
		var blocks []Block
		for i := 0; i < n; i++ {
			blocks = append(blocks, para("Filler line "+strconv.Itoa(i)))
		}
		blocks = append(blocks, &Table{
			Head:   positionsHead(),
			Body:   []Row{row(cell("Armenia"), cell("short"), cell("2008")), row(cell("Egypt"), cell(long), cell("2014"))},
			Widths: []float64{1, 4, 1.3},
		})
		pages := mustLayout(t, Document{Blocks: blocks})
		lines := map[int]map[float64]bool{} // page → baselines of the long cell's lines
		var got []string
		for _, p := range pages {
			for _, x := range p.Texts {
				if strings.HasPrefix(x.Text, "w") && len(x.Text) >= 4 && x.Text[1] >= '0' && x.Text[1] <= '9' {
					if lines[p.Number] == nil {
						lines[p.Number] = map[float64]bool{}
					}
					lines[p.Number][x.Baseline] = true
					got = append(got, strings.Fields(x.Text)...)
				}
			}
		}
		for page, ls := range lines {
			if len(ls) < 2 {
				t.Errorf("%d fillers, %d words: page %d holds %d line of the split cell", n, c.words, page, len(ls))
			}
		}
		if strings.Join(got, " ") != long {
			t.Errorf("%d fillers, %d words: the split cell's words are lost or out of order", n, c.words)
		}
		if pageOf(pages, "Egypt") != pageOf(pages, "Armenia") {
			orphans++
		}
		if len(lines) > 1 {
			widows++
		}
	}
	if orphans == 0 || widows == 0 {
		t.Errorf("rows moved whole in %d cases, split in %d: the test does not cover both", orphans, widows)
	}
}

// Inside a split cell, each paragraph obeys the same rule: one that breaks
// across pages has at least two lines on each.
func TestSplitRowParagraphsKeepTwoLines(t *testing.T) {
	var paras []string
	for i := 0; i < 14; i++ {
		paras = append(paras, words(fmt.Sprintf("p%c", 'a'+i), 8+9*(i%5))) // one to five lines
	}
	split := 0
	for n := 0; n < 60; n++ {
		var blocks []Block
		for i := 0; i < n; i++ {
			blocks = append(blocks, para("Filler line "+strconv.Itoa(i)))
		}
		blocks = append(blocks, &Table{Head: positionsHead(), Body: []Row{row(cell("Morocco"), cell(paras...), cell("2016"))}, Widths: []float64{1, 4, 1.3}})
		pages := mustLayout(t, Document{Blocks: blocks})
		for i := range paras {
			prefix := fmt.Sprintf("p%c", 'a'+i)
			perPage := map[int]map[float64]bool{}
			for _, p := range pages {
				for _, x := range p.Texts {
					if strings.HasPrefix(x.Text, prefix) && len(x.Text) > 2 && x.Text[2] >= '0' && x.Text[2] <= '9' {
						if perPage[p.Number] == nil {
							perPage[p.Number] = map[float64]bool{}
						}
						perPage[p.Number][x.Baseline] = true
					}
				}
			}
			if len(perPage) > 1 {
				split++
				for page, ls := range perPage {
					if len(ls) < 2 {
						t.Errorf("%d fillers: paragraph %s has %d line on page %d", n, prefix, len(ls), page)
					}
				}
			}
		}
	}
	if split == 0 {
		t.Error("no paragraph was split: the test does not cover it")
	}
}
