package document

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// Regression tests for what FuzzMarkdownToHTML (internal/htmlout) found:
// directives out of place and text outside any cell made HTML that
// browsers rebuild (a <td> outside a table, a <p> inside <table>) and that
// the PDF writer silently dropped.

// outline returns the kinds of the tree's blocks, nested in brackets, with
// the text of blocks that hold text.
func outline(doc *Document) string {
	var walk func(n ast.Node) string
	walk = func(n ast.Node) string {
		var parts []string
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() != ast.TypeBlock {
				continue
			}
			s := c.Kind().String()
			switch {
			case c.FirstChild() != nil && c.FirstChild().Type() == ast.TypeInline:
				s += "(" + Text(c, doc.Source) + ")"
			case c.HasChildren():
				s += "[" + walk(c) + "]"
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, " ")
	}
	return walk(doc.Root)
}

func TestTablesTidied(t *testing.T) {
	cases := []struct{ name, md, want string }{
		{"text outside the rows moves before the table",
			"::::: table t\nstray\n:::: row\n::: cell\nx\n:::\nin the row\n::::\n:::::\n",
			"Paragraph(stray) Paragraph(in the row) DataTable[DataTableRow[DataTableCell[Paragraph(x)]]]"},
		{"caption first, header rows before body rows",
			"::::: table t\n:::: row\n::: cell\nb\n:::\n::::\n:::: row head\n::: header\nh\n:::\n::::\n:::: caption\nc\n::::\n:::::\n",
			"DataTable[TableCaption[Paragraph(c)] DataTableRow[DataTableCell[Paragraph(h)]] DataTableRow[DataTableCell[Paragraph(b)]]]"},
		{"a pipe table in a caption moves before the table",
			"::::: table t\n:::: caption\n| a |\n|---|\n| b |\n::::\n:::::\n",
			"Table[TableHeader[TableCell(a)] TableRow[TableCell(b)]] DataTable[TableCaption]"},
		{"a row outside a table is text",
			":::: row\n::: cell\nx\n:::\n::::\n",
			"Paragraph(:::: row ::: cell x ::: ::::)"},
		{"a cell directly in a table is text, moved before it",
			"::::: table t\n::: cell\nx\n:::\n:::::\n",
			"Paragraph(::: cell x :::) DataTable"},
		{"a second caption is text",
			"::::: table t\n:::: caption\none\n::::\n:::: caption\ntwo\n::::\n:::::\n",
			"Paragraph(:::: caption two ::::) DataTable[TableCaption[Paragraph(one)]]"},
		{"no table in a caption, no title block in a title block",
			":::: titleblock\n::: titleblock\nt\n:::\n::::\n\n::::: table t\n:::: caption\n::: table u\n:::\n::::\n:::::\n",
			"TitleBlock[Paragraph(::: titleblock t :::)] DataTable[TableCaption[Paragraph(::: table u :::)]]"},
		{"tables nested in cells are tidied too",
			"::::: table t\n:::: row\n::: cell\n:: table u\nstray\n::\n:::\n::::\n:::::\n",
			"DataTable[DataTableRow[DataTableCell[Paragraph(:: table u stray ::)]]]"},
		{"a table nested in a cell, tidied",
			"::::::: table t\n:::::: row\n::::: cell\n:::: table u\ninner stray\n::: row\n:::\n::::\n:::::\n::::::\n:::::::\n",
			"DataTable[DataTableRow[DataTableCell[Paragraph(inner stray) DataTable[DataTableRow]]]]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := outline(Parse([]byte(c.md))); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}
