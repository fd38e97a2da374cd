package layout

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// maxColumns bounds a table's grid, so that a stray ColSpan cannot exhaust
// memory; a page has room for far fewer.
const maxColumns = 200

// prepTable is a table measured once: its grid, its cells' prepared content
// and each column's minimum and natural widths.
type prepTable struct {
	p       *preparer // for reporting a table too wide to lay out
	g       Geometry  // TableSize and CellPadding as this table is set
	src     *Table    // to set it again smaller when it does not fit
	c       ctx
	caption *textBlock
	head    grid
	body    grid
	ids     []string // body row IDs
	// mark is the table's outline entry, at markLevel; rowMarks are the
	// body rows', a level below.
	mark      string
	markLevel int
	rowMarks  []string
	ncols     int
	weights   []float64
	colMin    []float64 // each column's longest word, padding included
	colHyph   []float64 // the same with words hyphenated where they may be
	colMax    []float64
	size      float64 // text size in the cells
	nested    bool
	fit       map[float64]*prepTable // the table as set at a width, by width
	helper    *preparer              // sets half the cells on another goroutine (cells.go); nil: all here
}

// MinTableSize is the smallest type, in points, a table is set in, and
// tableSizeStep the step it is shrunk by, when its columns' longest words do
// not fit side by side even hyphenated: as word processors' autofit does,
// the same size for the whole table.
const (
	MinTableSize  = 7 // points
	tableSizeStep = 0.5
)

// grid is a table section (head or body) with its cells placed in rows and
// columns the way HTML does: each cell takes the first free column of its row,
// spans reserve places in the rows below.
type grid struct {
	rows  int
	cells []*gridCell
	taken [][]bool // places taken, until fill
}

type gridCell struct {
	row, col, colSpan, rowSpan int
	header                     bool
	blocks                     []prepared
	lo, hi                     float64   // content widths, without padding
	text                       string    // its plain text, to name a column in warnings
	by                         *preparer // the preparer that prepared its blocks, which lays them out; nil: none
}

// cellText is the plain text of a cell's paragraphs.
func cellText(blocks []Block) string {
	var parts []string
	for _, b := range blocks {
		if p, ok := b.(*Paragraph); ok && p != nil {
			parts = append(parts, plainText(p.Runs))
		}
	}
	return strings.Join(parts, " ")
}

// columnName names column col in a warning: its heading in the last header
// row that has one, else its number.
func (t *prepTable) columnName(col int) string {
	name := ""
	for _, c := range t.head.cells {
		if c.col <= col && col < c.col+c.colSpan && c.text != "" {
			name = c.text
		}
	}
	if name == "" {
		return fmt.Sprintf("column %d", col+1)
	}
	return name
}

func (p *preparer) prepareTable(t *Table, c ctx) (*prepTable, error) {
	pt, err := p.prepareTableAt(t, c, p.g.TableSize)
	if err != nil {
		return nil, err
	}
	if len(t.Caption) > 0 {
		pt.caption = p.newTextBlock(t.Caption, t.CaptionElem, p.g.TableSize+1, true, AlignCenter, hyphenNever)
	}
	return pt, nil
}

// prepareTableAt measures the table's cells set at size, with the padding
// in proportion; the caption is the caller's.
func (p *preparer) prepareTableAt(t *Table, c ctx, size float64) (*prepTable, error) {
	g := p.g
	g.CellPadding = p.g.CellPadding * size / p.g.TableSize
	g.TableSize = size
	pt := &prepTable{p: p, g: g, src: t, c: c, size: size, nested: c.nested, fit: map[float64]*prepTable{}}
	if !c.nested && cellCount(t) >= minCellsForTwo && !cellsInOne {
		pt.helper = newPreparer(p.m, p.g, p.hyph) // sets half the cells on another goroutine
	}
	var err error
	if pt.head, err = p.placeGrid(t.Head, true, "head", size, pt.helper); err != nil {
		return nil, err
	}
	if pt.body, err = p.placeGrid(t.Body, false, "body", size, pt.helper); err != nil {
		return nil, err
	}
	for _, r := range t.Body {
		pt.ids = append(pt.ids, r.ID)
	}
	if t.Bookmark != "" && !c.nested {
		pt.mark, pt.markLevel = t.Bookmark, p.level+1
		for _, r := range t.Body {
			pt.rowMarks = append(pt.rowMarks, r.Bookmark)
		}
	}
	pt.ncols = len(t.Widths)
	for _, gc := range append(append([]*gridCell(nil), pt.head.cells...), pt.body.cells...) {
		pt.ncols = max(pt.ncols, gc.col+gc.colSpan)
	}
	pt.weights = t.Widths
	// Empty places get empty cells, so that the grid of rules is whole.
	pt.head.fill(pt.ncols, true)
	pt.body.fill(pt.ncols, false)
	pt.columnWidths()
	return pt, nil
}

func (p *preparer) placeGrid(rows []Row, head bool, name string, size float64, helper *preparer) (grid, error) {
	g := grid{rows: len(rows)}
	var taken [][]bool
	use := func(r, c int) {
		for len(taken) <= r {
			taken = append(taken, nil)
		}
		for len(taken[r]) <= c {
			taken[r] = append(taken[r], false)
		}
		taken[r][c] = true
	}
	isTaken := func(r, c int) bool { return r < len(taken) && c < len(taken[r]) && taken[r][c] }
	// The cells are placed first, then their content is prepared, here
	// or half on another goroutine (see prepareCells).
	var jobs []cellJob
	var placeErr error // the first cell that cannot be placed; those before it are prepared first
place:
	for r, row := range rows {
		col := 0
		for i, cell := range row.Cells {
			for isTaken(r, col) {
				col++
			}
			cs, rs := max(cell.ColSpan, 1), max(cell.RowSpan, 1)
			rs = min(rs, len(rows)-r)
			// A span running into a place a row span from above holds
			// stops short of it, so that cells never overlap.
			for k := 1; k < cs; k++ {
				if isTaken(r, col+k) {
					cs = k
					break
				}
			}
			if col+cs > maxColumns {
				placeErr = fmt.Errorf("table %s row %d cell %d: more than %d columns", name, r+1, i+1, maxColumns)
				break place
			}
			// Only the header rows are set as headers; a body cell
			// heading its row is set like its neighbours (see Cell).
			header := head
			// A cell hyphenates only words too long for its column, and a
			// State's name heading its row never.
			cc := ctx{size: size, align: cell.Align, bold: header, gap: size / 2, nested: true, hyphenate: hyphenIfNeeded}
			if cell.Header && !head {
				cc.hyphenate = hyphenNever
			}
			if cc.align == AlignDefault {
				cc.align = AlignLeft
				if header {
					cc.align = AlignCenter
				}
			}
			gc := &gridCell{row: r, col: col, colSpan: cs, rowSpan: rs, header: header}
			jobs = append(jobs, cellJob{gc: gc, src: cell.Blocks, c: cc, where: fmt.Sprintf("table %s row %d cell %d", name, r+1, i+1)})
			g.cells = append(g.cells, gc)
			for rr := r; rr < r+rs; rr++ {
				for c := col; c < col+cs; c++ {
					use(rr, c)
				}
			}
			col += cs
		}
	}
	if err := p.prepareCells(jobs, helper); err != nil {
		return g, err
	}
	if placeErr != nil {
		return g, placeErr
	}
	g.taken = taken
	return g, nil
}

// fill adds an empty cell in every free place of the grid and sorts the
// cells by row, then column.
func (g *grid) fill(ncols int, header bool) {
	for r := 0; r < g.rows; r++ {
		for c := 0; c < ncols; c++ {
			if !(r < len(g.taken) && c < len(g.taken[r]) && g.taken[r][c]) {
				g.cells = append(g.cells, &gridCell{row: r, col: c, colSpan: 1, rowSpan: 1, header: header})
			}
		}
	}
	g.taken = nil
	sort.SliceStable(g.cells, func(i, j int) bool {
		a, b := g.cells[i], g.cells[j]
		if a.row != b.row {
			return a.row < b.row
		}
		return a.col < b.col
	})
}

// columnWidths finds each column's minimum (its longest word) and natural
// (its longest unwrapped line) widths, padding included, as HTML's automatic
// table layout does. A cell spanning columns widens them evenly where its
// own widths exceed theirs.
func (t *prepTable) columnWidths() {
	pad := 2 * t.g.CellPadding
	t.colMin = make([]float64, t.ncols)
	t.colMax = make([]float64, t.ncols)
	for i := range t.colMin {
		// A column is never narrower than an em of table text.
		t.colMin[i] = pad + t.size
		t.colMax[i] = t.colMin[i]
	}
	for _, c := range t.cellsBySpan() {
		spread(t.colMin[c.col:c.col+c.colSpan], c.lo+pad)
		spread(t.colMax[c.col:c.col+c.colSpan], c.hi+pad)
	}
	for i := range t.colMax {
		t.colMax[i] = max(t.colMax[i], t.colMin[i])
	}
}

func (t *prepTable) cellsBySpan() []*gridCell {
	cells := append(append([]*gridCell(nil), t.head.cells...), t.body.cells...)
	sort.SliceStable(cells, func(i, j int) bool { return cells[i].colSpan < cells[j].colSpan })
	return cells
}

// hyphenatedMins returns the columns' minimums with words hyphenated where
// they may be, working them out on first use: only a table whose longest
// words do not fit side by side needs them.
func (t *prepTable) hyphenatedMins() []float64 {
	if t.colHyph != nil {
		return t.colHyph
	}
	pad := 2 * t.g.CellPadding
	t.colHyph = make([]float64, t.ncols)
	for i := range t.colHyph {
		t.colHyph[i] = pad + t.size
	}
	for _, c := range t.cellsBySpan() {
		hyph := 0.0
		for _, b := range c.blocks {
			hyph = max(hyph, hyphenatedMin(b))
		}
		spread(t.colHyph[c.col:c.col+c.colSpan], hyph+pad)
	}
	for i := range t.colHyph {
		t.colHyph[i] = min(t.colHyph[i], t.colMin[i])
	}
	return t.colHyph
}

// fitted returns the table as set w wide. Its columns' longest words side
// by side must fit: as they are; else hyphenated where they may be (see
// widths); else the whole table set smaller, a step at a time down to
// MinTableSize. At that floor words that still do not fit are broken
// between letters, and the layout reports each (see textBlock.wrap).
func (t *prepTable) fitted(w float64) *prepTable {
	if f, ok := t.fit[w]; ok {
		return f
	}
	f := t
	if sum(t.colMin) > w+eps && sum(t.hyphenatedMins()) > w+eps && !t.nested {
		for size := t.size - tableSizeStep; size >= MinTableSize-eps; size -= tableSizeStep {
			smaller, err := t.p.prepareTableAt(t.src, t.c, size)
			if err != nil {
				break // reported when the table was first prepared
			}
			smaller.caption, f = t.caption, smaller
			if sum(smaller.colMin) <= w+eps || sum(smaller.hyphenatedMins()) <= w+eps {
				break
			}
		}
	}
	t.fit[w] = f
	return f
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// spread widens cols evenly so that together they are at least w wide.
func spread(cols []float64, w float64) {
	sum := 0.0
	for _, c := range cols {
		sum += c
	}
	if d := w - sum; d > 0 {
		for i := range cols {
			cols[i] += d / float64(len(cols))
		}
	}
}

func (t *prepTable) minMax() (lo, hi float64) {
	for i := range t.colMin {
		lo += t.colMin[i]
		hi += t.colMax[i]
	}
	if t.caption != nil {
		lo = max(lo, t.caption.minW)
	}
	return lo, hi
}

// widths returns the columns' widths for a table w wide: in proportion to
// the given weights, from content (distributing like HTML's auto layout and
// growing to the full width), or both. No column is made narrower than its
// longest word while the minimums fit; when they do not, all shrink in
// proportion to them.
func (t *prepTable) widths(w float64) []float64 {
	out := make([]float64, t.ncols)
	var fixed, auto []int
	lo := t.colMin
	if sum(lo) > w+eps {
		lo = t.hyphenatedMins() // long words hyphenate rather than break
	}
	smin := 0.0
	for i := 0; i < t.ncols; i++ {
		smin += lo[i]
		if i < len(t.weights) && t.weights[i] > 0 && !math.IsInf(t.weights[i], 0) {
			fixed = append(fixed, i)
		} else {
			auto = append(auto, i)
		}
	}
	if len(fixed) == 0 {
		if smin >= w {
			t.shrink(out, lo, auto, w)
		} else {
			distribute(out, lo, t.colMax, auto, w, true)
		}
		return out
	}
	if smin >= w {
		all := make([]int, t.ncols)
		for i := range all {
			all[i] = i
		}
		t.shrink(out, lo, all, w)
		return out
	}
	// Auto columns take their natural width, within what the fixed
	// columns' minimums leave; the fixed ones share the rest.
	room := w
	for _, i := range fixed {
		room -= lo[i]
	}
	used := 0.0
	if len(auto) > 0 {
		distribute(out, lo, t.colMax, auto, room, false)
		for _, i := range auto {
			used += out[i]
		}
	}
	share(out, fixed, t.weights, lo, w-used)
	return out
}

// shrink sets columns whose longest words do not fit side by side in w:
// the columns whose words are short keep their width, and the widest share
// what is left equally (water-filling: every column gets its minimum or a
// common cap, whichever is less), so that only the words too long for any
// fair share are broken between letters. No column gets less than an em of
// text plus padding, below which a character could not be set; when even
// those do not fit, the table is too wide and layout fails.
func (t *prepTable) shrink(out, lo []float64, cols []int, w float64) {
	hard := 2*t.g.CellPadding + t.size
	if sh := hard * float64(len(cols)); w < sh-eps {
		if t.p.err == nil {
			t.p.err = fmt.Errorf("a table of %d columns needs at least %.0fpt; it has %.0fpt", t.ncols, sh, w)
		}
		for _, i := range cols {
			out[i] = hard
		}
		return
	}
	// Find the cap by bisection: the total of min(lo, cap) grows with it.
	total := func(c float64) float64 {
		s := 0.0
		for _, i := range cols {
			s += max(hard, min(lo[i], c))
		}
		return s
	}
	a, b := hard, 0.0
	for _, i := range cols {
		b = max(b, lo[i])
	}
	for range 60 {
		c := (a + b) / 2
		if total(c) > w {
			b = c
		} else {
			a = c
		}
	}
	for _, i := range cols {
		out[i] = max(hard, min(lo[i], a))
	}
}

// share divides w among cols in proportion to their weights, raising any
// column below its minimum to it and sharing what is left among the others.
// The minimums must fit in w.
func share(out []float64, cols []int, weights, lo []float64, w float64) {
	free := append([]int(nil), cols...)
	for len(free) > 0 {
		total := 0.0
		for _, i := range free {
			total += weights[i]
		}
		var keep []int
		rest := w
		for _, i := range cols {
			if !containsInt(free, i) {
				rest -= out[i]
			}
		}
		for _, i := range free {
			out[i] = rest * weights[i] / total
			if out[i] < lo[i] {
				out[i] = lo[i]
			} else {
				keep = append(keep, i)
			}
		}
		if len(keep) == len(free) {
			return
		}
		free = keep
	}
}

// distribute sets the widths of the columns cols to share w: each its
// minimum plus a share of what is left in proportion to how much more it
// would like; if all fit at their natural width and grow is set, the rest is
// shared in proportion to natural widths; if even the minimums do not fit,
// they shrink in proportion (and long words break between characters).
func distribute(out, lo, hi []float64, cols []int, w float64, grow bool) {
	smin, smax := 0.0, 0.0
	for _, i := range cols {
		smin += lo[i]
		smax += hi[i]
	}
	for _, i := range cols {
		switch {
		case smin >= w:
			out[i] = lo[i] * w / smin
		case smax <= w:
			out[i] = hi[i]
			if grow {
				out[i] += (w - smax) * hi[i] / smax
			}
		default:
			out[i] = lo[i] + (hi[i]-lo[i])*(w-smin)/(smax-smin)
		}
	}
}

// tableItem is a table laid out at a width, ready to be paginated: header
// rows drawn as one piece, body rows grouped into units that are split
// (single rows) or kept whole (rows tied by row spans).
type tableItem struct {
	g       Geometry
	x, w    float64
	caption []item
	head    section
	body    section
	units   [][2]int // body rows [r0, r1)
	widths  []float64
	ids     []string
	minRowH float64
	// mark, markLevel and rowMarks are the table's and its rows' outline
	// entries (see prepTable).
	mark      string
	markLevel int
	rowMarks  []string
}

// rowMark returns the outline entry of body row r placed at y, if it has one.
func (t *tableItem) rowMark(r int, y float64) (Bookmark, bool) {
	if r >= len(t.rowMarks) || t.rowMarks[r] == "" {
		return Bookmark{}, false
	}
	return Bookmark{Text: t.rowMarks[r], Level: t.markLevel + 1, Y: y}, true
}

// section is a laid-out grid: row heights and cells with their content.
type section struct {
	rowH  []float64
	cells []*laidCell // by row, then column
	byRow [][]*laidCell
}

type laidCell struct {
	x, w         float64
	row, rowSpan int
	header       bool
	items        []item // content at its final x, y relative to the cell
	h            float64
}

func (pt *prepTable) lay(x, w float64, out []item) []item {
	if pt.src.Landscape && !pt.nested {
		// pages of its own, turned: laid out at their width
		g := pt.p.g.turned()
		a := g.content()
		f := pt.fitted(a.W)
		t := f.layTable(a.X, a.W)
		pt.p.tables[pt.src] = Columns{Widths: t.widths, Size: f.size}
		return append(out, turnItem{g}, t, turnItem{pt.p.g})
	}
	f := pt.fitted(w)
	t := f.layTable(x, w)
	if pt.nested {
		return append(out, t.asLines()...)
	}
	pt.p.tables[pt.src] = Columns{Widths: t.widths, Size: f.size}
	return append(out, t, gapItem{pt.g.ParagraphSpacing})
}

func (pt *prepTable) layTable(x, w float64) *tableItem {
	pad := pt.g.CellPadding
	t := &tableItem{g: pt.g, x: x, w: w, ids: pt.ids, minRowH: pt.size*pt.g.Leading + 2*pad,
		mark: pt.mark, markLevel: pt.markLevel, rowMarks: pt.rowMarks}
	if pt.caption != nil {
		for _, l := range pt.caption.lines(x, w) {
			l.keep = true
			t.caption = append(t.caption, l)
		}
		t.caption = append(t.caption, gapItem{pt.g.ParagraphSpacing / 2})
	}
	widths := pt.widths(w)
	t.widths = widths
	colX := make([]float64, len(widths)+1)
	colX[0] = x
	for i, cw := range widths {
		colX[i+1] = colX[i] + cw
	}
	t.head = pt.laySection(pt.head, colX, t.minRowH)
	t.body = pt.laySection(pt.body, colX, t.minRowH)
	// Units: rows tied together by row spans.
	for r := 0; r < len(t.body.rowH); {
		end := r + 1
		for k := r; k < end; k++ {
			for _, c := range t.body.byRow[k] {
				end = max(end, c.row+c.rowSpan)
			}
		}
		t.units = append(t.units, [2]int{r, end})
		r = end
	}
	return t
}

func (pt *prepTable) laySection(g grid, colX []float64, minRowH float64) section {
	pad := pt.g.CellPadding
	s := section{rowH: make([]float64, g.rows), byRow: make([][]*laidCell, g.rows)}
	for i := range s.rowH {
		s.rowH[i] = minRowH
	}
	cells := pt.layCells(g.cells, colX)
	for i, gc := range g.cells {
		lc := cells[i]
		s.cells = append(s.cells, lc)
		s.byRow[gc.row] = append(s.byRow[gc.row], lc)
		if gc.rowSpan == 1 {
			s.rowH[gc.row] = max(s.rowH[gc.row], lc.h+2*pad)
		}
	}
	// A cell spanning rows lengthens the last of them if it needs to.
	for _, c := range s.cells {
		if c.rowSpan > 1 {
			sum := 0.0
			for r := c.row; r < c.row+c.rowSpan; r++ {
				sum += s.rowH[r]
			}
			if d := c.h + 2*pad - sum; d > 0 {
				s.rowH[c.row+c.rowSpan-1] += d
			}
		}
	}
	return s
}

// trimGaps drops gaps at the start and end of a cell's content.
func trimGaps(items []item) []item {
	for len(items) > 0 {
		if _, ok := items[0].(gapItem); !ok {
			break
		}
		items = items[1:]
	}
	for len(items) > 0 {
		if _, ok := items[len(items)-1].(gapItem); !ok {
			break
		}
		items = items[:len(items)-1]
	}
	return items
}

func flowHeight(items []item) float64 {
	h := 0.0
	for _, it := range items {
		switch it := it.(type) {
		case gapItem:
			h += it.h
		case *lineItem:
			h += it.h
		}
	}
	return h
}

func (s *section) height(r0, r1 int) float64 {
	h := 0.0
	for r := r0; r < r1; r++ {
		h += s.rowH[r]
	}
	return h
}

// refs returns the footnotes referenced in rows [r0, r1).
func (s *section) refs(r0, r1 int) []int {
	var out []int
	for r := r0; r < r1; r++ {
		for _, c := range s.byRow[r] {
			for _, it := range c.items {
				if l, ok := it.(*lineItem); ok {
					out = appendNew(out, l.fns...)
				}
			}
		}
	}
	return out
}

func appendNew(xs []int, ys ...int) []int {
	for _, y := range ys {
		if !containsInt(xs, y) {
			xs = append(xs, y)
		}
	}
	return xs
}

// minFirst is the height the table needs on the page it starts on: caption,
// header and the least of the first body unit that may be set there.
func (t *tableItem) minFirst() (float64, []int) {
	h := flowHeight(t.caption)
	var refs []int
	for _, it := range t.caption {
		if l, ok := it.(*lineItem); ok {
			refs = appendNew(refs, l.fns...)
		}
	}
	h += t.head.height(0, len(t.head.rowH))
	refs = appendNew(refs, t.head.refs(0, len(t.head.rowH))...)
	if len(t.units) > 0 {
		uh, urefs := t.firstPart(t.units[0])
		h += uh
		refs = appendNew(refs, urefs...)
	}
	return h, refs
}

// firstPart is the least of body unit u that may be set at the foot of a
// page, and the footnotes it references: rows tied by a row span whole, a
// single row the first two lines of each cell (a row splits leaving no
// orphan line; see paginator.fit).
func (t *tableItem) firstPart(u [2]int) (float64, []int) {
	if u[1]-u[0] > 1 {
		return t.body.height(u[0], u[1]), t.body.refs(u[0], u[1])
	}
	var refs []int
	fh := 0.0
	for _, c := range t.body.byRow[u[0]] {
		h, pending, lines := 0.0, 0.0, 0
		for _, it := range c.items {
			if lines == 2 {
				break
			}
			switch it := it.(type) {
			case gapItem:
				if lines > 0 {
					pending += it.h
				}
			case *lineItem:
				h += pending + it.h
				pending = 0
				lines++
				refs = appendNew(refs, it.fns...)
			}
		}
		fh = max(fh, h)
	}
	return min(fh+2*t.g.CellPadding, t.body.rowH[u[0]]), refs
}

// drawRows draws rows [r0, r1) of a section whole with their top at y, and
// returns their height. Header sections centre their cells' text vertically.
func (t *tableItem) drawRows(b *boxes, s *section, r0, r1 int, y float64, top, middle bool) float64 {
	h := s.height(r0, r1)
	t.frame(b, y, h, top)
	for r := r0; r < r1; r++ {
		for _, c := range s.byRow[r] {
			cy := y + s.height(r0, c.row)
			ch := s.height(c.row, c.row+c.rowSpan)
			off := t.g.CellPadding
			if middle {
				off = (ch - c.h) / 2
			}
			t.drawCell(b, c, cy, ch)
			placeFlow(b, c.items, 0, len(c.items), cy+off)
		}
	}
	return h
}

// frame draws the table's left rule, and its top rule when it starts a page
// or the table.
func (t *tableItem) frame(b *boxes, y, h float64, top bool) {
	rw := t.g.RuleWidth
	b.lines = append(b.lines, Line{t.x, y, t.x, y + h, rw})
	if top {
		b.lines = append(b.lines, Line{t.x, y, t.x + t.w, y, rw})
	}
}

// drawCell draws a cell's ground and its right and bottom rules; the rules
// to its left and above belong to its neighbours or the frame.
func (t *tableItem) drawCell(b *boxes, c *laidCell, y, h float64) {
	rw := t.g.RuleWidth
	if c.header {
		b.fills = append(b.fills, Fill{Rect{c.x, y, c.w, h}, t.g.HeaderGray})
	}
	b.lines = append(b.lines,
		Line{c.x + c.w, y, c.x + c.w, y + h, rw},
		Line{c.x, y + h, c.x + c.w, y + h, rw})
}

// placeFlow puts the lines of items[from:to] from y down, skipping gaps at
// the start, and returns the height used.
func placeFlow(b *boxes, items []item, from, to int, y float64) float64 {
	y0 := y
	started := false
	for _, it := range items[from:to] {
		switch it := it.(type) {
		case gapItem:
			if started {
				y += it.h
			}
		case *lineItem:
			b.put(it, y)
			y += it.h
			started = true
		}
	}
	return y - y0
}

// asLines turns a table inside a cell or footnote into unbreakable lines: the
// header as one, then each body unit.
func (t *tableItem) asLines() []item {
	out := append([]item(nil), t.caption...)
	top := true
	if n := len(t.head.rowH); n > 0 {
		li := &lineItem{}
		li.h = t.drawRows(&li.boxes, &t.head, 0, n, 0, true, true)
		li.fns = t.head.refs(0, n)
		out, top = append(out, li), false
	}
	for _, u := range t.units {
		li := &lineItem{}
		li.h = t.drawRows(&li.boxes, &t.body, u[0], u[1], 0, top, false)
		li.fns = t.body.refs(u[0], u[1])
		for r := u[0]; r < u[1]; r++ {
			if t.ids[r] != "" {
				li.anchors = append(li.anchors, Anchor{t.ids[r], t.body.height(u[0], r)})
			}
		}
		out, top = append(out, li), false
	}
	return out
}
