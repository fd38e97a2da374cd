package layout

import (
	"fmt"
	"slices"
)

// The body's tables are set apart.
//
// A report's tables take most of its layout (the long table of positions
// above all), and how a table of the body is set does not depend on the
// text around it: only its outline level does, which the headings before
// it decide. So the body's tables are prepared and laid out on another
// goroutine, by a preparer of its own, while this one sets the rest; each
// table's items are then taken in its place, in order, with the warnings,
// footnote references and first error it met, so that the result is the
// one setting the tables in place gives. A writer waiting for the
// tables' columns (Document.TablesSet) has them before the pages are made.

// setBody prepares and lays out the body's blocks at area's width, in
// context c, and returns their flow items; tablesSet, if not nil, is
// given the body's tables' columns as soon as they are set, and has
// returned when setBody does.
func (p *preparer) setBody(blocks []Block, c ctx, area Rect, tablesSet func(map[*Table]Columns)) ([]item, error) {
	apart := p.setTablesApart(blocks, c, area, tablesSet)
	defer apart.wait()
	defer close(apart.levels) // the tables not reached are not laid out
	body := make([]prepared, len(blocks))
	for i, b := range blocks {
		if apart.has(i) {
			apart.levels <- p.level // the level its outline entry goes under
			continue
		}
		pb, err := p.prepareBlock(b, c)
		if err != nil {
			if err := apart.failedBefore(i); err != nil {
				return nil, err // as when the tables are prepared in place
			}
			return nil, fmt.Errorf("block %d: %w", i+1, err)
		}
		body[i] = pb
	}
	var items []item
	for i, b := range body {
		if b != nil {
			items = b.lay(area.X, area.W, items)
			continue
		}
		t, err := apart.take(i)
		if err != nil {
			return nil, err
		}
		items = append(items, t.items...)
		for _, w := range t.warnings {
			p.addWarning(w)
		}
		p.refs = append(p.refs, t.refs...)
		if p.err == nil {
			p.err = t.err
		}
		p.tables[t.src] = t.columns
	}
	return items, nil
}

// tablesInPlace sets the tables in place, as they were before they were
// set apart, for tests that compare.
var tablesInPlace = false

// tablesApart are the body's tables, set on another goroutine.
type tablesApart struct {
	at       map[int]int // the index in set of each table, by block index
	set      []*setTable // the tables in order, each ready once its done is closed
	levels   chan int    // the outline level in effect at each table, in order
	finished chan struct{}
}

// wait returns when the goroutine setting the tables has ended (and has
// called tablesSet if it was to).
func (a *tablesApart) wait() { <-a.finished }

// setTable is a table of the body as it was set apart: its items and
// columns, and what setting it in place would have left in the preparer.
type setTable struct {
	src      *Table
	items    []item
	columns  Columns
	warnings []Warning
	refs     []int
	err      error // the first error met laying it out (preparer.err)

	failed   error // preparing it failed: the error of its block
	panicked any   // it panicked with this: setBody panics with it in its place
	done     chan struct{}
}

// setTablesApart starts setting the body's tables on another goroutine,
// one after another, and returns them. Each table waits for its level on
// levels before it is laid out; a table whose level does not come (levels
// is closed) is not, and neither are those after a table that fails.
func (p *preparer) setTablesApart(blocks []Block, c ctx, area Rect, tablesSet func(map[*Table]Columns)) *tablesApart {
	apart := &tablesApart{at: map[int]int{}, finished: make(chan struct{})}
	if tablesInPlace {
		apart.levels = make(chan int)
		close(apart.finished)
		return apart
	}
	var index []int
	for i, b := range blocks {
		if t, ok := b.(*Table); ok && t != nil {
			apart.at[i] = len(apart.set)
			apart.set = append(apart.set, &setTable{src: t, done: make(chan struct{})})
			index = append(index, i)
		}
	}
	apart.levels = make(chan int, len(apart.set))
	if len(apart.set) == 0 {
		if tablesSet != nil {
			tablesSet(map[*Table]Columns{})
		}
		close(apart.finished)
		return apart
	}
	tp := newPreparer(p.m, p.g, p.hyph)
	go func() {
		defer close(apart.finished)
		for k, t := range apart.set {
			if !tp.setApart(t, index[k], c, area, apart.levels) {
				return
			}
		}
		if tablesSet != nil {
			tablesSet(tp.tables)
		}
	}()
	return apart
}

// setApart prepares and lays out table t, block i of the body, and
// reports whether the tables after it are to be set.
func (p *preparer) setApart(t *setTable, i int, c ctx, area Rect, levels <-chan int) (ok bool) {
	defer close(t.done)
	defer func() {
		if v := recover(); v != nil {
			t.panicked, ok = v, false
		}
	}()
	refs := len(p.refs)
	pt, err := p.prepareTable(t.src, c)
	if err != nil {
		t.failed = fmt.Errorf("block %d: %w", i+1, err)
		return false
	}
	level, ok := <-levels
	if !ok {
		t.failed = fmt.Errorf("block %d: not laid out", i+1) // never taken
		return false
	}
	p.level = level
	if pt.mark != "" {
		pt.markLevel = level + 1 // as prepareTableAt would have set it
	}
	warnings, errBefore := len(p.warnings), p.err
	t.items = pt.lay(area.X, area.W, nil)
	t.columns = p.tables[t.src]
	t.warnings = slices.Clone(p.warnings[warnings:])
	t.refs = slices.Clone(p.refs[refs:])
	if errBefore == nil {
		t.err = p.err
	}
	return true
}

// has reports whether block i is a table set apart.
func (a *tablesApart) has(i int) bool {
	_, ok := a.at[i]
	return ok
}

// take waits for the table at block i to be set and returns it, or the
// error its block failed with; it panics where the table did.
func (a *tablesApart) take(i int) (*setTable, error) {
	t := a.set[a.at[i]]
	<-t.done
	if t.panicked != nil {
		panic(t.panicked)
	}
	return t, t.failed
}

// failedBefore returns the error of the first table before block i that
// could not be prepared, waiting for them as needed; nil if none failed.
func (a *tablesApart) failedBefore(i int) error {
	for j := range i {
		if !a.has(j) {
			continue
		}
		if _, err := a.take(j); err != nil {
			return err
		}
	}
	return nil
}
