package document

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Directives are fenced containers that carry the data tables through
// Markdown, so that their cells are parsed with the rest of the document
// (footnote references in a cell resolve like any other):
//
//	::::: table positions id=positions widths=18,62,20
//	:::: row head
//	::: header scope=col
//	State not party
//	:::
//	::::
//	:::::
//
// A page break is an empty directive:
//
//	::: pagebreak
//	:::
//
// A directive closes at a line of exactly as many colons as opened it, so
// nested directives use different counts. Data text never starts a line
// with a colon: the composer escapes it.
type directiveParser struct{}

var directiveNames = map[string]bool{"table": true, "caption": true, "row": true, "cell": true, "header": true, "titleblock": true, "pagebreak": true}

func (p *directiveParser) Trigger() []byte { return []byte{':'} }

func (p *directiveParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	fence, name, attrs, ok := parseDirectiveLine(line)
	if !ok || !directiveNames[name] || !allowedIn(name, parent) {
		return nil, parser.NoChildren
	}
	node, err := newDirectiveNode(name, attrs)
	if err != nil || node == nil {
		return nil, parser.NoChildren
	}
	node.SetAttributeString("data-fence", []byte(fence))
	reader.AdvanceToEOL()
	return node, parser.HasChildren
}

// allowedIn reports whether the directive name may open in parent: a row
// only in a table, a cell only in a row, one caption per table, nothing
// else in a table or a row directly, no table in a caption and no title
// block in a title block. Out of place, its line is text like any other,
// which shows the editor where the template went wrong.
func allowedIn(name string, parent ast.Node) bool {
	switch name {
	case "row":
		_, ok := parent.(*DataTable)
		return ok
	case "cell", "header":
		_, ok := parent.(*TableRow)
		return ok
	case "caption":
		t, ok := parent.(*DataTable)
		if !ok {
			return false
		}
		for c := t.FirstChild(); c != nil; c = c.NextSibling() {
			if _, dup := c.(*Caption); dup {
				return false
			}
		}
		return true
	}
	switch parent.(type) {
	case *DataTable, *TableRow:
		return false
	}
	for a := parent; a != nil; a = a.Parent() {
		switch a.(type) {
		case *Caption:
			if name == "table" {
				return false
			}
		case *TitleBlock:
			if name == "titleblock" {
				return false
			}
		}
	}
	return true
}

func (p *directiveParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	fence, _ := node.AttributeString("data-fence")
	if f, ok := fence.([]byte); ok && bytes.Equal(bytes.TrimSpace(line), f) {
		reader.AdvanceToEOL()
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

func (p *directiveParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	node.RemoveAttributes()
}

func (p *directiveParser) CanInterruptParagraph() bool { return true }

func (p *directiveParser) CanAcceptIndentedLine() bool { return false }

// parseDirectiveLine splits ":::: row head id=x" into its fence, name and
// attributes.
func parseDirectiveLine(line []byte) (fence, name string, attrs []string, ok bool) {
	s := strings.TrimSpace(string(line))
	n := 0
	for n < len(s) && s[n] == ':' {
		n++
	}
	if n < 3 || n == len(s) || !util.IsSpace(s[n]) {
		return "", "", nil, false
	}
	fields := strings.Fields(s[n:])
	return s[:n], fields[0], fields[1:], true
}
