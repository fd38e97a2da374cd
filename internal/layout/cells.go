package layout

import (
	"fmt"
	"slices"
)

// A large table's cells are prepared and laid out half here, half on
// another goroutine by a preparer of its own (prepTable.helper): the
// long table of positions is most of a report's layout. A cell's text
// block keeps the preparer that made it (its caches and scratch space), so
// the preparer that prepared a cell also lays it out (gridCell.by), never
// two goroutines one preparer at once; what laying out a cell records in
// its preparer (warnings, the first error) is taken cell by cell and
// recorded in the table's preparer in the cells' order, as setting them
// one after another here would.

// minCellsForTwo is the number of cells from which a table's cells are
// set on two goroutines: fewer cost less to set than to hand over.
const minCellsForTwo = 24

// cellsInOne sets every table's cells on one goroutine, for tests that
// compare.
var cellsInOne = false

// cellCount is the number of cells of table t.
func cellCount(t *Table) int {
	n := 0
	for _, rows := range [][]Row{t.Head, t.Body} {
		for _, r := range rows {
			n += len(r.Cells)
		}
	}
	return n
}

// cellJob is a cell to prepare: its place, its content and the context it
// is prepared in; where names it in errors.
type cellJob struct {
	gc    *gridCell
	src   []Block
	c     ctx
	where string
}

// prepareCells prepares the cells' content: the first cells here, the
// others with helper on another goroutine, about half the text each, or
// all here when helper is nil. It returns the error of the first cell
// that cannot be prepared.
func (p *preparer) prepareCells(jobs []cellJob, helper *preparer) error {
	errs := make([]error, len(jobs))
	prepare := func(q *preparer, from, to int) {
		for i := from; i < to; i++ {
			j := jobs[i]
			blocks, err := q.prepare(j.src, j.c)
			if err != nil {
				errs[i] = fmt.Errorf("%s: %w", j.where, err)
				continue
			}
			j.gc.blocks, j.gc.by, j.gc.text = blocks, q, cellText(j.src)
			for _, b := range blocks {
				lo, hi := b.minMax()
				j.gc.lo, j.gc.hi = max(j.gc.lo, lo), max(j.gc.hi, hi)
			}
		}
	}
	half := halfOf(jobs)
	if helper == nil || half == len(jobs) {
		prepare(p, 0, len(jobs))
	} else {
		refs := len(helper.refs)
		p.inTwo(helper, func() { prepare(p, 0, half) }, func() { prepare(helper, half, len(jobs)) })
		p.refs = append(p.refs, helper.refs[refs:]...)
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// halfOf returns the index that parts the jobs into two of about as much
// text each.
func halfOf(jobs []cellJob) int {
	weights := make([]int, len(jobs))
	total := 0
	for i, j := range jobs {
		weights[i] = 1 + textLength(j.src)
		total += weights[i]
	}
	sum := 0
	for i, w := range weights {
		if 2*(sum+w) > total {
			return i
		}
		sum += w
	}
	return len(jobs)
}

// textLength is the length of the text of blocks, about.
func textLength(blocks []Block) int {
	n := 0
	for _, b := range blocks {
		switch b := b.(type) {
		case *Paragraph:
			if b != nil {
				for _, r := range b.Runs {
					n += len(r.Text)
				}
			}
		case *List:
			if b != nil {
				for _, it := range b.Items {
					n += textLength(it)
				}
			}
		case *Table:
			if b != nil {
				for _, rows := range [][]Row{b.Head, b.Body} {
					for _, r := range rows {
						for _, c := range r.Cells {
							n += textLength(c.Blocks)
						}
					}
				}
			}
		}
	}
	return n
}

// layCells lays out each cell in its column (colX holds the columns'
// edges), each by the preparer that prepared it, and records what they
// met in the table's preparer, in the cells' order.
func (pt *prepTable) layCells(cells []*gridCell, colX []float64) []*laidCell {
	pad := pt.g.CellPadding
	out := make([]*laidCell, len(cells))
	type met struct {
		warnings []Warning
		err      error
	}
	mets := make([]met, len(cells))
	lay := func(q *preparer) {
		for i, gc := range cells {
			if by := gc.by; by != q && !(by == nil && q == pt.p) {
				continue
			}
			x, w := colX[gc.col], colX[gc.col+gc.colSpan]-colX[gc.col]
			lc := &laidCell{x: x, w: w, row: gc.row, rowSpan: gc.rowSpan, header: gc.header}
			outer, warnings, errBefore := q.where, len(q.warnings), q.err
			q.where = Warning{Table: pt.src.Name, Column: pt.columnName(gc.col)}
			for _, b := range gc.blocks {
				lc.items = b.lay(x+pad, w-2*pad, lc.items)
			}
			q.where = outer
			// What the cell met is recorded below, in order.
			mets[i] = met{warnings: slices.Clone(q.warnings[warnings:])}
			if errBefore == nil {
				mets[i].err = q.err
			}
			q.warnings, q.err = q.warnings[:warnings], errBefore
			lc.items = trimGaps(lc.items)
			lc.h = flowHeight(lc.items)
			out[i] = lc
		}
	}
	helped := false
	for _, gc := range cells {
		helped = helped || gc.by != nil && gc.by != pt.p
	}
	if helped {
		pt.p.inTwo(pt.helper, func() { lay(pt.p) }, func() { lay(pt.helper) })
	} else {
		lay(pt.p)
	}
	for _, m := range mets {
		for _, w := range m.warnings {
			pt.p.addWarning(w)
		}
		if pt.p.err == nil {
			pt.p.err = m.err
		}
	}
	return out
}

// inTwo runs here and, on another goroutine, there, which uses helper;
// it returns when both have, and panics if there did.
func (p *preparer) inTwo(helper *preparer, here, there func()) {
	var panicked any
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { panicked = recover() }()
		there()
	}()
	here()
	<-done
	if panicked != nil {
		panic(panicked)
	}
}
