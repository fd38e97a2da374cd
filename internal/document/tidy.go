package document

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// tableTidier puts every data table's parts in the order both writers
// expect: its caption first, then its header rows, then its body rows. What
// a template put in a table or a row outside any cell, and a table put in a
// caption, it moves to just before the table, where a browser would show
// it: the PDF writer then shows it too, rather than lose it, and the HTML
// is what a browser keeps.
type tableTidier struct{}

// Transform implements parser.ASTTransformer.
func (tableTidier) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	// Every table, nested ones too, before any is changed: tidying one
	// moves nodes to its parent only, whatever they hold.
	var tables []*DataTable
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*DataTable); ok && entering {
			tables = append(tables, t)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range tables {
		tidy(t)
	}
}

func tidy(t *DataTable) {
	var caption ast.Node
	var head, body []ast.Node
	for c := t.FirstChild(); c != nil; {
		next := c.NextSibling()
		switch c := c.(type) {
		case *Caption:
			if caption == nil {
				caption = c
				moveTablesOut(t, c)
			} else {
				moveChildrenBefore(t, c)
				t.RemoveChild(t, c)
			}
		case *TableRow:
			for cc := c.FirstChild(); cc != nil; {
				nc := cc.NextSibling()
				if _, ok := cc.(*TableCell); !ok {
					moveBefore(t, cc)
				}
				cc = nc
			}
			if c.Head {
				head = append(head, c)
			} else {
				body = append(body, c)
			}
		default:
			moveBefore(t, c)
		}
		c = next
	}
	order := append(head, body...)
	if caption != nil {
		order = append([]ast.Node{caption}, order...)
	}
	for _, c := range order {
		t.AppendChild(t, c) // detaches it first: the table ends in this order
	}
}

// moveBefore moves n from wherever it is to just before the table t.
func moveBefore(t *DataTable, n ast.Node) {
	p := t.Parent()
	p.InsertBefore(p, t, n)
}

// moveChildrenBefore moves the children of n to just before the table t.
func moveChildrenBefore(t *DataTable, n ast.Node) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		moveBefore(t, c)
		c = next
	}
}

// moveTablesOut moves the tables in the caption c (a pipe table an editor
// wrote there) to just before the table t: a caption holds no table.
func moveTablesOut(t *DataTable, c *Caption) {
	var found []ast.Node
	_ = ast.Walk(c, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.(type) {
		case *east.Table, *DataTable:
			if entering {
				found = append(found, n)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, n := range found {
		moveBefore(t, n)
	}
}
