package layout

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
)

// eps absorbs floating-point error in fit tests.
const eps = 1e-6

// maxPages stops a runaway layout; no report comes near it.
const maxPages = 5000

// Layout sets doc on pages of geometry g, measuring text with m. It fails on
// a footnote reference without a footnote, on content that cannot fit a page
// (a line, table header or row group taller than the page), and on invalid
// geometry; it never draws outside the content area.
func Layout(doc Document, g Geometry, m Measurer) ([]Page, error) {
	r, err := Set(doc, g, m)
	return r.Pages, err
}

// Result is a document laid out: its pages, and the compromises the layout
// had to make, for the editors.
type Result struct {
	Pages    []Page
	Warnings []Warning
	// Structure is the document's (Document.Structure), which the pages'
	// texts point into.
	Structure *Elem
	// Tables are the columns of each table of the body (not those in
	// cells or footnotes) as they were set, for a writer that sets the
	// same tables again elsewhere (the DOCX).
	Tables map[*Table]Columns
}

// Columns is how the layout set a table: its columns' widths in points,
// left to right, and the size of its text, which is Geometry.TableSize
// unless the table had to be set smaller to fit.
type Columns struct {
	Widths []float64
	Size   float64
}

// Set is Layout that also reports the words it had to break between letters.
func Set(doc Document, g Geometry, m Measurer) (res Result, err error) {
	defer func() {
		// A panic is a bug here, but the build should report it, not die.
		if r := recover(); r != nil {
			res, err = Result{}, fmt.Errorf("layout: internal error: %v", r)
		}
	}()
	if m == nil {
		return Result{}, errors.New("layout: no measurer")
	}
	if err := g.check(); err != nil {
		return Result{}, err
	}
	p := newPreparer(m, g, doc.Hyphenator)
	area := g.content()
	items, err := p.setBody(doc.Blocks, ctx{size: g.BodySize, align: AlignJustify, gap: g.ParagraphSpacing}, area, doc.TablesSet)
	if err != nil {
		return Result{}, fmt.Errorf("layout: %w", err)
	}
	pg := &paginator{g: g, area: area, placed: map[int]bool{}, notes: map[int]*footnote{}}
	if err := pg.prepareNotes(p, doc.Footnotes, doc.Notes); err != nil {
		return Result{}, err
	}
	if p.err != nil {
		return Result{}, fmt.Errorf("layout: %w", p.err)
	}
	if err := pg.run(items); err != nil {
		return Result{}, fmt.Errorf("layout: page %d: %w", len(pg.pages)+1, err)
	}
	fixLevels(pg.pages)
	return Result{Pages: pg.pages, Warnings: p.warnings, Structure: doc.Structure, Tables: p.tables}, nil
}

func (g Geometry) check() error {
	a := g.content()
	for _, v := range []float64{g.PageWidth, g.PageHeight, g.BodySize, g.TableSize, g.FootnoteSize, g.TitleSize, g.Leading, a.W, a.H} {
		if !(v > 0) || math.IsInf(v, 0) {
			return fmt.Errorf("layout: invalid geometry: page %gx%g, content %gx%g, sizes %g/%g/%g/%g, leading %g",
				g.PageWidth, g.PageHeight, a.W, a.H, g.BodySize, g.TableSize, g.FootnoteSize, g.TitleSize, g.Leading)
		}
	}
	return nil
}

// footnote is a footnote laid out at the foot's width, its number hanging in
// the indent.
type footnote struct {
	items []item
	h     float64
}

// prepareNotes lays out every referenced footnote, in number order, and
// checks that each reference has one.
func (pg *paginator) prepareNotes(p *preparer, notes map[int][]Block, elems map[int]*Elem) error {
	refs := append([]int(nil), p.refs...)
	sort.Ints(refs)
	g, area := pg.g, pg.area
	c := ctx{size: g.FootnoteSize, align: AlignLeft, gap: g.FootnoteSize / 3, nested: true}
	for _, n := range refs {
		if pg.notes[n] != nil {
			continue
		}
		blocks, ok := notes[n]
		if !ok {
			return fmt.Errorf("layout: footnote reference %d has no footnote", n)
		}
		pb, err := p.prepare(blocks, c)
		if err != nil {
			return fmt.Errorf("layout: footnote %d: %w", n, err)
		}
		var items []item
		x := area.X + g.FootnoteIndent
		for _, b := range pb {
			items = b.lay(x, area.W-g.FootnoteIndent, items)
		}
		items = trimGaps(items)
		num := strconv.Itoa(n)
		size := g.FootnoteSize * supScale
		mark := Text{X: area.X, W: p.m.Width(num, Style{}, size), Text: num, Size: size, Elem: elems[n]}
		var first *lineItem
		for _, it := range items {
			if l, ok := it.(*lineItem); ok {
				first = l
				break
			}
		}
		if first == nil {
			first = &lineItem{h: g.FootnoteSize * g.Leading}
			items = append([]item{first}, items...)
		}
		mark.H = first.h
		mark.Baseline = g.baseline(g.FootnoteSize, first.h) - g.FootnoteSize*supRise
		first.texts = append([]Text{mark}, first.texts...)
		pg.notes[n] = &footnote{items: items, h: flowHeight(items)}
	}
	return nil
}

// paginator places flow items on pages. The current page's footnotes take
// the foot of the content area; the body ends above them.
type paginator struct {
	g     Geometry
	area  Rect
	pages []Page
	cur   boxes
	y     float64
	empty bool // nothing set on the current page yet

	notes  map[int]*footnote
	placed map[int]bool // footnotes set on some page
	onPage []int        // footnotes of the current page, in order
	noteH  float64      // their area's height, separator included
}

// Footnote area spacing: the gap above the separator, below it, and between
// footnotes.
func (pg *paginator) sepAbove() float64 { return pg.g.FootnoteSize }
func (pg *paginator) sepBelow() float64 { return pg.g.FootnoteSize / 3 }
func (pg *paginator) noteGap() float64  { return pg.g.FootnoteSize / 4 }

func (pg *paginator) limit() float64 { return pg.area.Y + pg.area.H - pg.noteH }

// extra is how much the footnote area grows if lines referencing refs are
// set on this page.
func (pg *paginator) extra(refs []int) float64 {
	add, n := 0.0, len(pg.onPage)
	var seen []int
	for _, r := range refs {
		if pg.placed[r] || containsInt(seen, r) || pg.notes[r] == nil {
			continue
		}
		seen = append(seen, r)
		if n == 0 {
			add += pg.sepAbove() + pg.sepBelow()
		} else {
			add += pg.noteGap()
		}
		add += pg.notes[r].h
		n++
	}
	return add
}

func (pg *paginator) addNotes(refs []int) {
	pg.noteH += pg.extra(refs)
	for _, r := range refs {
		if !pg.placed[r] && pg.notes[r] != nil {
			pg.placed[r] = true
			pg.onPage = append(pg.onPage, r)
		}
	}
}

func (pg *paginator) fits(h float64, refs []int) bool {
	return pg.y+h+pg.extra(refs) <= pg.limit()+eps
}

func (pg *paginator) start() {
	pg.cur = boxes{}
	pg.y = pg.area.Y
	pg.empty = true
	pg.onPage, pg.noteH = nil, 0
}

// finish sets the page's footnotes at the foot and closes the page.
func (pg *paginator) finish() {
	p := Page{
		Number: len(pg.pages) + 1, Width: pg.g.PageWidth, Height: pg.g.PageHeight, Content: pg.area,
	}
	if len(pg.onPage) > 0 {
		top := pg.limit()
		p.Footnotes = Rect{pg.area.X, top, pg.area.W, pg.noteH}
		y := top + pg.sepAbove()
		pg.cur.lines = append(pg.cur.lines, Line{pg.area.X, y, pg.area.X + pg.area.W/3, y, pg.g.RuleWidth})
		y += pg.sepBelow()
		for i, n := range pg.onPage {
			if i > 0 {
				y += pg.noteGap()
			}
			f := pg.notes[n]
			placeFlow(&pg.cur, f.items, 0, len(f.items), y)
			y += f.h
		}
	}
	p.Fills, p.Lines, p.Texts, p.Links = pg.cur.fills, pg.cur.lines, pg.cur.texts, pg.cur.links
	p.Anchors, p.Bookmarks = pg.cur.anchors, pg.cur.marks
	pg.pages = append(pg.pages, p)
}

func (pg *paginator) newPage() error {
	pg.finish()
	if len(pg.pages) >= maxPages {
		return fmt.Errorf("more than %d pages", maxPages)
	}
	pg.start()
	return nil
}

func (pg *paginator) putLine(l *lineItem) {
	pg.cur.put(l, pg.y)
	pg.y += l.h
	pg.addNotes(l.fns)
	pg.empty = false
}

func (pg *paginator) run(items []item) error {
	pg.start()
	for i := 0; i < len(items); i++ {
		switch it := items[i].(type) {
		case gapItem:
			if !pg.empty {
				pg.y += it.h
			}
		case *lineItem:
			h, refs := chain(items, i)
			if !pg.empty && !pg.fits(h, refs) {
				if err := pg.newPage(); err != nil {
					return err
				}
			}
			if !pg.fits(it.h, it.fns) {
				if pg.empty {
					return fmt.Errorf("a line %.1fpt tall (with its footnotes) does not fit on a page", it.h)
				}
				if err := pg.newPage(); err != nil {
					return err
				}
				if !pg.fits(it.h, it.fns) {
					return fmt.Errorf("a line %.1fpt tall (with its footnotes) does not fit on a page", it.h)
				}
			}
			pg.putLine(it)
		case *tableItem:
			if err := pg.placeTable(it); err != nil {
				return err
			}
		case breakItem:
			if !pg.empty {
				if err := pg.newPage(); err != nil {
					return err
				}
			}
		case turnItem:
			if !pg.empty {
				pg.finish()
				if len(pg.pages) >= maxPages {
					return fmt.Errorf("more than %d pages", maxPages)
				}
			}
			pg.g, pg.area = it.g, it.g.content()
			pg.start()
		}
	}
	pg.finish()
	return nil
}

// chain returns the height that the line at i needs on its page: its own, or
// for lines kept with the next (headings, the title), theirs and the least
// part of what follows, with the footnotes all of it references.
func chain(items []item, i int) (float64, []int) {
	h := 0.0
	var refs []int
	for ; i < len(items); i++ {
		switch it := items[i].(type) {
		case gapItem:
			h += it.h
		case *lineItem:
			h += it.h
			refs = appendNew(refs, it.fns...)
			if !it.keep {
				return h, refs
			}
		case *tableItem:
			th, trefs := it.minFirst()
			return h + th, appendNew(refs, trefs...)
		case breakItem, turnItem:
			return h, refs
		}
	}
	return h, refs
}

// placeTable sets a table: caption, header and at least the first line of
// the first row together; then each body unit, splitting single rows line by
// line and repeating the header on every page the table continues on.
func (pg *paginator) placeTable(t *tableItem) error {
	need, refs := t.minFirst()
	if !pg.empty && !pg.fits(need, refs) {
		if err := pg.newPage(); err != nil {
			return err
		}
	}
	if !pg.fits(need, refs) {
		head := flowHeight(t.caption) + t.head.height(0, len(t.head.rowH))
		if len(t.units) > 0 && head < pg.area.H {
			if u := t.units[0]; u[1]-u[0] > 1 {
				return fmt.Errorf("table body rows %d-%d, tied by a row span, are %.1fpt tall with the header: more than a page", u[0]+1, u[1], need)
			}
			return fmt.Errorf("a table's caption, header and the first line of its first row (%.1fpt) do not fit on a page", need)
		}
		return fmt.Errorf("a table's caption and header (%.1fpt) do not fit on a page", head)
	}
	if t.mark != "" {
		pg.cur.marks = append(pg.cur.marks, Bookmark{Text: t.mark, Level: t.markLevel, Y: pg.y})
	}
	for _, it := range t.caption {
		switch it := it.(type) {
		case gapItem:
			pg.y += it.h
		case *lineItem:
			pg.putLine(it)
		}
	}
	top := pg.head(t, false)
	continued := func() error {
		if err := pg.newPage(); err != nil {
			return err
		}
		top = pg.head(t, true)
		return nil
	}
	for ui, u := range t.units {
		if pg.widow(t, ui) {
			if err := continued(); err != nil {
				return err
			}
		}
		if u[1]-u[0] > 1 {
			h, refs := t.body.height(u[0], u[1]), t.body.refs(u[0], u[1])
			if !pg.fits(h, refs) {
				if err := continued(); err != nil {
					return err
				}
				if !pg.fits(h, refs) {
					return fmt.Errorf("table body rows %d-%d, tied by a row span, are %.1fpt tall: more than a page", u[0]+1, u[1], h)
				}
			}
			pg.addNotes(refs)
			for r := u[0]; r < u[1]; r++ {
				y := pg.y + t.body.height(u[0], r)
				if t.ids[r] != "" {
					pg.cur.anchors = append(pg.cur.anchors, Anchor{t.ids[r], y})
				}
				if b, ok := t.rowMark(r, y); ok {
					pg.cur.marks = append(pg.cur.marks, b)
				}
			}
			pg.y += t.drawRows(&pg.cur, &t.body, u[0], u[1], pg.y, top, false)
			top, pg.empty = false, false
			continue
		}
		if err := pg.placeRow(t, u[0], &top, continued); err != nil {
			return err
		}
	}
	pg.y += pg.g.ParagraphSpacing
	return nil
}

// widow reports whether body unit ui, the last but one of the table, should
// go to the next page so that the last unit does not go there alone under
// the repeated header: ui fits on this page whole, but no part of the last
// unit fits after it. Not when ui is the first unit on its page: moving it
// would leave only the header (and the caption) behind.
func (pg *paginator) widow(t *tableItem, ui int) bool {
	// The unit before ui is on this page unless the page holds only the
	// header: units go to a new page only as they are placed.
	if ui == 0 || ui != len(t.units)-2 || pg.onlyHeader(t) {
		return false
	}
	u, last := t.units[ui], t.units[ui+1]
	h, refs := t.body.height(u[0], u[1]), t.body.refs(u[0], u[1])
	lh, lrefs := t.firstPart(last)
	return pg.fits(h, refs) && !pg.fits(h+lh, appendNew(append([]int(nil), refs...), lrefs...))
}

// head draws the header rows at the cursor and reports whether the next row
// must draw the table's top rule (there is no header). Header rows drawn
// again on a page the table continues on (repeat) are artifacts.
func (pg *paginator) head(t *tableItem, repeat bool) bool {
	n := len(t.head.rowH)
	if n == 0 {
		return true
	}
	pg.addNotes(t.head.refs(0, n))
	from := len(pg.cur.texts)
	pg.y += t.drawRows(&pg.cur, &t.head, 0, n, pg.y, true, true)
	if repeat {
		for i := from; i < len(pg.cur.texts); i++ {
			pg.cur.texts[i].Elem, pg.cur.texts[i].Artifact = nil, true
		}
	}
	pg.empty = false
	return false
}

// fragment is the part of a row set on one page: for each cell, the end of
// its content taken.
type fragment struct {
	to   []int
	h    float64
	refs []int
	done bool
}

// placeRow sets body row r, splitting it across pages when it is taller than
// the space left: each cell shows as many of its lines as fit, and continues
// on the next page under the repeated header.
func (pg *paginator) placeRow(t *tableItem, r int, top *bool, continued func() error) error {
	cells := t.body.byRow[r]
	from := make([]int, len(cells))
	first := true
	for {
		f := pg.fit(t, cells, from, t.body.rowH[r], first)
		if f == nil {
			if pg.onlyHeader(t) {
				return fmt.Errorf("table body row %d has a line too tall for a page", r+1)
			}
			if err := continued(); err != nil {
				return err
			}
			continue
		}
		if first && t.ids[r] != "" {
			pg.cur.anchors = append(pg.cur.anchors, Anchor{t.ids[r], pg.y})
		}
		if b, ok := t.rowMark(r, pg.y); first && ok {
			pg.cur.marks = append(pg.cur.marks, b)
		}
		t.frame(&pg.cur, pg.y, f.h, *top)
		for i, c := range cells {
			t.drawCell(&pg.cur, c, pg.y, f.h)
			placeFlow(&pg.cur, c.items, from[i], f.to[i], pg.y+t.g.CellPadding)
		}
		pg.addNotes(f.refs)
		pg.y += f.h
		*top, pg.empty, first = false, false, false
		if f.done {
			return nil
		}
		copy(from, f.to)
		if err := continued(); err != nil {
			return err
		}
	}
}

// onlyHeader reports whether the page holds nothing but the table's header,
// so that a page break cannot help.
func (pg *paginator) onlyHeader(t *tableItem) bool {
	return pg.y <= pg.area.Y+t.head.height(0, len(t.head.rowH))+eps
}

// fit takes from each cell the lines that fit in the space left, at least
// the first remaining line of every cell that has one; nil if they do not
// fit. Footnotes the taken lines reference shrink the space, so it is tried
// again until stable.
//
// A row splits as text does, with no widows or orphans: a cell breaks
// between its paragraphs, or inside a paragraph with at least two of its
// lines on each side (see goodBreak); where it would not, it gives up lines
// to the next page. A first part in which some cell has no good break is
// nil, so that the row starts on the next page, unless the page holds only
// the table's header (a new page would not help).
func (pg *paginator) fit(t *tableItem, cells []*laidCell, from []int, rowH float64, first bool) *fragment {
	pad := t.g.CellPadding
	avail := pg.limit() - pg.y
	budget := avail - 2*pad
	for iter := 0; iter < 100 && budget > 0; iter++ {
		f := &fragment{to: make([]int, len(cells)), done: true}
		used := 0.0
		widowBudget := budget
		for i, c := range cells {
			to, h, refs := takeLines(c.items, from[i], budget)
			if to == from[i] && hasLine(c.items, from[i]) {
				return nil
			}
			f.to[i] = to
			used = max(used, h)
			f.refs = appendNew(f.refs, refs...)
			if !hasLine(c.items, to) {
				continue
			}
			f.done = false
			if goodBreak(c.items, from[i], to) {
				continue
			}
			good := to - 1
			for good > from[i] && !goodBreak(c.items, from[i], good) {
				good--
			}
			switch {
			case hasLine(c.items[:good], from[i]):
				widowBudget = min(widowBudget, usedHeight(c.items, from[i], good))
			case first && !pg.onlyHeader(t):
				return nil // no good break: the row starts on the next page
			}
		}
		if widowBudget < budget {
			budget = widowBudget
			continue
		}
		f.h = used + 2*pad
		if f.done {
			f.h = max(f.h, t.minRowH)
			if first {
				f.h = rowH
			}
		}
		ex := pg.extra(f.refs)
		if f.h+ex <= avail+eps {
			return f
		}
		budget = min(budget-0.5, avail-2*pad-ex)
	}
	return nil
}

// takeLines takes lines from items[from:] while they fit in budget, skipping
// gaps at the start. It returns the index after the last line taken, the
// height used and the footnotes referenced.
func takeLines(items []item, from int, budget float64) (to int, used float64, refs []int) {
	to = from
	pending := 0.0
	started := false
	for i := from; i < len(items); i++ {
		switch it := items[i].(type) {
		case gapItem:
			if started {
				pending += it.h
			}
		case *lineItem:
			if used+pending+it.h > budget+eps {
				return to, used, refs
			}
			used += pending + it.h
			pending, started, to = 0, true, i+1
			refs = appendNew(refs, it.fns...)
		}
	}
	return to, used, refs
}

// goodBreak reports whether a cell's content may break before items[to],
// the part from items[from] on this page: between paragraphs (at a gap, or
// at the end), or inside a paragraph leaving at least two of its lines on
// this page and taking at least two to the next.
func goodBreak(items []item, from, to int) bool {
	before, after := 0, 0
	for i := to - 1; i >= from; i-- {
		if _, gap := items[i].(gapItem); gap {
			break
		}
		before++
	}
	for i := to; i < len(items); i++ {
		if _, gap := items[i].(gapItem); gap {
			break
		}
		after++
	}
	return before == 0 || after == 0 || before >= 2 && after >= 2
}

// usedHeight is the height that takeLines uses for the lines of
// items[from:to]: without gaps before the first line or after the last.
func usedHeight(items []item, from, to int) float64 {
	used, pending, started := 0.0, 0.0, false
	for _, it := range items[from:to] {
		switch it := it.(type) {
		case gapItem:
			if started {
				pending += it.h
			}
		case *lineItem:
			used += pending + it.h
			pending, started = 0, true
		}
	}
	return used
}

func hasLine(items []item, from int) bool {
	for _, it := range items[from:] {
		if _, ok := it.(*lineItem); ok {
			return true
		}
	}
	return false
}

// fixLevels makes outline levels start at 0 and rise by at most one from one
// bookmark to the next, as PDF outlines require.
func fixLevels(pages []Page) {
	prev := -1
	for i := range pages {
		for j := range pages[i].Bookmarks {
			b := &pages[i].Bookmarks[j]
			b.Level = max(min(b.Level, prev+1), 0)
			prev = b.Level
		}
	}
}
