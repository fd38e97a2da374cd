package document

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

const tableSrc = `Intro with a note.[^a]

::::: table demo id=t1 widths=1,2
:::: caption
The caption
::::
:::: row head
::: header scope=col colspan=2
Heading
:::
::::
:::: row id=state-x
::: header scope=row
Marshall Islands[^a]
:::
::: cell align=center
First paragraph

Second *paragraph*
:::
::::
:::::

After the table.

[^a]: The note.
`

func TestDirectivesBuildTable(t *testing.T) {
	doc := Parse([]byte(tableSrc))
	var tables []*DataTable
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*DataTable); ok && entering {
			tables = append(tables, t)
		}
		return ast.WalkContinue, nil
	})
	if len(tables) != 1 {
		t.Fatalf("found %d tables, want 1", len(tables))
	}
	tb := tables[0]
	if tb.Name != "demo" || tb.ID != "t1" || len(tb.Widths) != 2 {
		t.Errorf("table attributes: %+v", tb)
	}
	if c := tb.Caption(); c == nil || Text(c, doc.Source) != "The caption" {
		t.Errorf("caption = %v", c)
	}
	head, body := tb.Rows()
	if len(head) != 1 || len(body) != 1 {
		t.Fatalf("rows: %d head, %d body", len(head), len(body))
	}
	if c := head[0].Cells()[0]; !c.Header || c.ColSpan != 2 || c.Scope != "col" {
		t.Errorf("head cell: %+v", c)
	}
	if body[0].ID != "state-x" {
		t.Errorf("row id %q", body[0].ID)
	}
	cells := body[0].Cells()
	if len(cells) != 2 || cells[1].Align != AlignCenter || cells[1].ChildCount() != 2 {
		t.Fatalf("body cells: %d, second has %d children", len(cells), cells[1].ChildCount())
	}
	if tb.Columns() != 2 {
		t.Errorf("columns = %d", tb.Columns())
	}
	// The footnote reference inside a cell resolves like one in the text.
	links := 0
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*east.FootnoteLink); ok && entering {
			links++
			if l.Index != 1 {
				t.Errorf("footnote link index %d", l.Index)
			}
		}
		return ast.WalkContinue, nil
	})
	if links != 2 {
		t.Errorf("found %d footnote links, want 2", links)
	}
	if p := tb.NextSibling(); p == nil || !strings.Contains(Text(p, doc.Source), "After the table") {
		t.Errorf("the table swallowed what follows it")
	}
}

func TestEscapedColonsStayText(t *testing.T) {
	doc := Parse([]byte("::::: table x\n:::: row\n::: cell\n\\::: not a fence\n:::\n::::\n:::::\n"))
	if got := Text(doc.Root, doc.Source); !strings.Contains(got, "::: not a fence") {
		t.Errorf("text = %q", got)
	}
}

func TestSlugKeepsLetters(t *testing.T) {
	for in, want := range map[string]string{
		"Côte d'Ivoire":          "côte-d-ivoire",
		"Korea, Republic of":     "korea-republic-of",
		"Кыргызстан 2017":        "кыргызстан-2017",
		"  --Status of (the) X ": "status-of-the-x",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeadingIDsKeepNonASCII(t *testing.T) {
	doc := Parse([]byte("# Situation en Côte d'Ivoire\n\n# Situation en Côte d'Ivoire\n"))
	var got []string
	for n := doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if id, ok := n.AttributeString("id"); ok {
			got = append(got, string(id.([]byte)))
		}
	}
	if strings.Join(got, " ") != "situation-en-côte-d-ivoire situation-en-côte-d-ivoire-1" {
		t.Errorf("ids = %v", got)
	}
}

func TestPageBreakDirective(t *testing.T) {
	doc := Parse([]byte("The report.[^1]\n\n[^1]: A note.\n\n::: pagebreak\n:::\n\n## Checklist\n"))
	var kinds []string
	for n := doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
		kinds = append(kinds, n.Kind().String())
	}
	if got := strings.Join(kinds, " "); got != "Paragraph PageBreak Heading FootnoteList" {
		t.Errorf("top-level nodes: %s", got)
	}
}
