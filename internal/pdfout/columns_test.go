package pdfout_test

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"unireport/internal/document"
	"unireport/internal/pdfout"
)

// Set gives the columns of each table of the body by the node it comes
// from, a data table or a pipe table; not those of a table in a cell.
func TestSetColumnsByNode(t *testing.T) {
	src := "| a | b |\n|---|---|\n| c | d |\n\n" +
		"::::: table demo id=t widths=1,2,1\n:::: row head\n::: header\nx\n:::\n::: header\ny\n:::\n::: header\nz\n:::\n::::\n:::::\n"
	doc := document.Parse([]byte(src))
	set, err := pdfout.Set(doc, pdfout.Measurer(nil), "en")
	if err != nil {
		t.Fatal(err)
	}
	var pipe ast.Node
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*east.Table); ok && entering {
			pipe = n
		}
		return ast.WalkContinue, nil
	})
	data := document.Tables(doc.Root)
	if pipe == nil || len(data) != 1 {
		t.Fatal("the source has no pipe table or no data table")
	}
	if len(set.Columns) != 2 {
		t.Fatalf("%d tables' columns, want 2", len(set.Columns))
	}
	if c := set.Columns[pipe]; len(c.Widths) != 2 || c.Size != 9 {
		t.Errorf("the pipe table's columns: %+v", c)
	}
	if c := set.Columns[data[0]]; len(c.Widths) != 3 || c.Widths[1] < 1.9*c.Widths[0] {
		t.Errorf("the data table's columns %+v, want three, 1:2:1", c)
	}
}
