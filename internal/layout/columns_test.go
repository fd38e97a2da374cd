package layout

import (
	"math"
	"strings"
	"testing"
)

// Set reports how it set each table of the body: its columns' widths,
// which fill the width it was set at (upright or turned), and its type
// size, smaller for a table too wide; a table in a cell is the cell's.
func TestSetReportsColumns(t *testing.T) {
	g := A4()
	inner := &Table{Body: []Row{row(cell("a"), cell("b"))}}
	plain := &Table{Widths: []float64{1, 3}, Body: []Row{row(cell("one"), Cell{Blocks: []Block{inner}})}}
	turned := &Table{Landscape: true, Body: []Row{row(cell("x"), cell("y"), cell("z"))}}
	// Eight columns of a word too long for an eighth of the width each.
	var wide []Cell
	for range 8 {
		wide = append(wide, cell(strings.Repeat("m", 14)))
	}
	smaller := &Table{Body: []Row{row(wide...)}}
	res, err := Set(Document{Blocks: []Block{plain, turned, smaller}}, g, fakeMeasurer{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Tables) != 3 {
		t.Fatalf("%d tables reported, want the 3 of the body", len(res.Tables))
	}
	if _, ok := res.Tables[inner]; ok {
		t.Error("a table in a cell is reported")
	}
	sum := func(xs []float64) float64 {
		s := 0.0
		for _, x := range xs {
			s += x
		}
		return s
	}
	upright, across := g.content().W, g.turned().content().W
	for _, c := range []struct {
		t     *Table
		cols  int
		width float64
	}{{plain, 2, upright}, {turned, 3, across}, {smaller, 8, upright}} {
		got := res.Tables[c.t]
		if len(got.Widths) != c.cols || math.Abs(sum(got.Widths)-c.width) > 0.01 {
			t.Errorf("table of %d columns: widths %v (sum %.2f), want %d filling %.2f", c.cols, got.Widths, sum(got.Widths), c.cols, c.width)
		}
	}
	if w := res.Tables[plain].Widths; math.Abs(w[1]/w[0]-3) > 0.01 {
		t.Errorf("widths %v, want 1:3", w)
	}
	if s := res.Tables[plain].Size; s != g.TableSize {
		t.Errorf("a table that fits is set at %v pt, want %v", s, g.TableSize)
	}
	if s := res.Tables[smaller].Size; s >= g.TableSize || s < MinTableSize {
		t.Errorf("a table too wide is set at %v pt, want less than %v", s, g.TableSize)
	}
}
