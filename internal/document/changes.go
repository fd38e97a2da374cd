package document

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// The node kinds of a redline, a tree that shows two versions of the
// report at once (see internal/redline). Both writers render them: an
// insertion underlined, a deletion struck through, each also coloured.
var (
	KindInsertion = ast.NewNodeKind("Insertion")
	KindDeletion  = ast.NewNodeKind("Deletion")
	KindFold      = ast.NewNodeKind("Fold")
)

// Edit is inline content that only one version has: words inserted, or
// words deleted. Its children are the words.
type Edit struct {
	ast.BaseInline
	Deleted bool // the words are the old version's; else the new one's
}

// NewEdit returns an empty insertion, or a deletion when deleted is set.
func NewEdit(deleted bool) *Edit { return &Edit{Deleted: deleted} }

// Kind implements ast.Node: KindDeletion or KindInsertion.
func (n *Edit) Kind() ast.NodeKind {
	if n.Deleted {
		return KindDeletion
	}
	return KindInsertion
}

// Dump implements ast.Node.
func (n *Edit) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Deleted": strconv.FormatBool(n.Deleted)}, nil)
}

// RowChange says how a table row of a redline differs between the two
// versions.
type RowChange int8

// The changes of a row.
const (
	RowSame     RowChange = iota // in both versions, alike
	RowInserted                  // only in the new version
	RowDeleted                   // only in the old version
	RowChanged                   // in both, with words changed
)

// String is the change as the HTML names it in a class: "", "inserted",
// "deleted" or "changed".
func (c RowChange) String() string {
	switch c {
	case RowInserted:
		return "inserted"
	case RowDeleted:
		return "deleted"
	case RowChanged:
		return "changed"
	}
	return ""
}

// Fold is a long paragraph that is the same in both versions of a
// redline, folded to its first words: its first child is a paragraph of
// those words, its second the whole paragraph. HTML shows the first words
// and Label, and unfolds the whole on request; print shows the first words
// and Label only.
type Fold struct {
	ast.BaseBlock
	Label string // e.g. "unchanged, 212 words"
}

// NewFold returns a fold of whole, showing excerpt and label.
func NewFold(excerpt, whole ast.Node, label string) *Fold {
	f := &Fold{Label: label}
	f.AppendChild(f, excerpt)
	f.AppendChild(f, whole)
	return f
}

// Excerpt returns the paragraph of the first words.
func (n *Fold) Excerpt() ast.Node { return n.FirstChild() }

// Kind implements ast.Node.
func (n *Fold) Kind() ast.NodeKind { return KindFold }

// Dump implements ast.Node.
func (n *Fold) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Label": n.Label}, nil)
}

// HasRedline reports whether the tree holds a redline's marks: an Edit,
// a Fold, or a row marked changed.
func HasRedline(root ast.Node) bool {
	found := false
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *Edit, *Fold:
			found = true
		case *TableRow:
			found = n.Change != RowSame
		}
		if found {
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}
