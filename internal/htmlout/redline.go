package htmlout

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"unireport/internal/document"
)

// redlineStyle shows the marks of a redline (document.Edit, Fold, rows
// marked changed). It is added only to a page that has them, so that a
// report's page is as it always was.
//
//go:embed redline.css
var redlineStyle string

// renderEdit writes words inserted as <ins> and words deleted as <del>.
func (r nodeRenderer) renderEdit(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	tag := "ins"
	if node.(*document.Edit).Deleted {
		tag = "del"
	}
	if entering {
		_, _ = w.WriteString("<" + tag + ` class="redline">`)
	} else {
		_, _ = w.WriteString("</" + tag + ">")
	}
	return ast.WalkContinue, nil
}

// renderFold writes an unchanged paragraph folded: a closed <details>
// whose <summary> is its first words and its label (see foldExcerpt), the
// whole paragraph under it.
func (r nodeRenderer) renderFold(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<details class="fold"><summary><span class="fold-excerpt">`)
	} else {
		_, _ = w.WriteString("</details>\n")
	}
	return ast.WalkContinue, nil
}

// foldExcerpt writes the paragraph of a fold's first words, when node is
// one, as the start of the fold's <summary> (no <p>), closed by the fold's
// label; it reports whether node was one.
func foldExcerpt(w util.BufWriter, node ast.Node, entering bool) bool {
	f, ok := node.Parent().(*document.Fold)
	if !ok || f.Excerpt() != node {
		return false
	}
	if !entering {
		_, _ = w.WriteString(`</span> <span class="fold-label">(`)
		_, _ = w.Write(util.EscapeHTML([]byte(f.Label)))
		_, _ = w.WriteString(")</span></summary>\n")
	}
	return true
}

// firstEdit returns the first insertion or deletion in n, or nil.
func firstEdit(n ast.Node) *document.Edit {
	var found *document.Edit
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if e, ok := c.(*document.Edit); ok && entering {
			found = e
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// writeEditedMark writes a cell whose mark (a tick) a redline adds or
// removes as the cell of a mark is written (the style sheet draws it from
// data-mark), underlined or struck through by its class, with what it
// means in an insertion or a deletion for screen readers.
func writeEditedMark(w util.BufWriter, c cellTag, n *document.TableCell, e *document.Edit, source []byte) {
	tag, class := "ins", "mark-inserted"
	if e.Deleted {
		tag, class = "del", "mark-deleted"
	}
	c.mark = strings.TrimSpace(document.Text(n, source))
	c.class = strings.TrimSpace(c.class + " " + class)
	c.write(w, true)
	fmt.Fprintf(w, `<%s class="redline"><span class="visually-hidden">%s</span></%s>`, tag, attr(n.Alt), tag)
	c.write(w, false)
}
