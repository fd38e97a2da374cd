// Package redline makes the redline of two versions of the report: one
// document tree, the new version's, with the words only the old version
// has put back as deletions and the words only the new one has marked as
// insertions (document.Edit), rows marked new, gone or changed, and long
// paragraphs of the tables that have not changed folded to their first
// words (document.Fold). Both writers render it as they render the
// report: the redline is a view of the same trees, never of the data.
//
// The two trees are compared as a reader compares two printed reports:
// block by block (paragraphs, headings, lists, each data table by its
// name), the rows of a table by their key (a State's row by its id, or by
// the State's name heading it), the cells of matched rows by their column,
// and the words of two paragraphs that stand in each other's place one
// by one (package worddiff). A table whose rows have no key, the vote's,
// is a list of names per column: each column's names are compared as a
// list, so that a State whose vote moved is struck out of one column and
// added to another.
package redline

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"unireport/internal/document"
	"unireport/internal/worddiff"
)

// Options tune a redline; the zero value takes the defaults.
type Options struct {
	// FoldWords: an unchanged paragraph of a data table's body with more
	// words than this is folded to its first words. 0 means
	// DefaultFoldWords; a negative number folds nothing.
	FoldWords int
	// ExcerptWords is how many words a folded paragraph shows; 0 means
	// DefaultExcerptWords.
	ExcerptWords int
	// Ellipsis ends the words a folded paragraph shows; "" means "…"
	// (give "..." for fonts without it).
	Ellipsis string
}

// The defaults of Options: a quotation longer than about three lines of
// its column is folded to about one line.
const (
	DefaultFoldWords    = 40
	DefaultExcerptWords = 10
)

// Compare returns the redline of old and new, after the blocks of preface
// (Markdown, e.g. a summary of the changes; may be empty) and then, when
// anything is marked, a line saying what the marks mean. It takes the two
// trees apart to build the redline from their nodes: neither is to be
// used after. Given the same trees, it gives the same tree.
func Compare(old, new *document.Document, preface []byte, opts Options) *document.Document {
	if opts.FoldWords == 0 {
		opts.FoldWords = DefaultFoldWords
	}
	if opts.ExcerptWords <= 0 {
		opts.ExcerptWords = DefaultExcerptWords
	}
	if opts.Ellipsis == "" {
		opts.Ellipsis = "…"
	}
	// The redline's source holds new's source, then old's, then the
	// preface's: new's nodes point into it as they are, old's and the
	// preface's once moved by where theirs starts. (The few words the
	// redline adds, the legend's and a fold's ellipsis, hold their text.)
	src := make([]byte, 0, len(new.Source)+len(old.Source)+len(preface)+256)
	src = append(append(src, new.Source...), old.Source...)
	b := &builder{src: src, oldSrc: old.Source, newSrc: new.Source, oldOff: len(new.Source), opts: opts}
	b.footnotes(old.Root, new.Root)

	root := ast.NewDocument()
	if len(preface) > 0 {
		p := document.Parse(preface)
		off := len(b.src)
		b.src = append(b.src, p.Source...)
		for _, n := range children(p.Root) {
			root.AppendChild(root, relocate(n, off, p.Source, nil))
		}
	}
	body := b.blocks(children(old.Root), children(new.Root), false)
	if b.marked && len(preface) > 0 {
		root.AppendChild(root, b.legend())
	}
	for _, n := range body {
		root.AppendChild(root, n)
	}
	return &document.Document{Root: root, Source: b.src}
}

// builder builds one redline.
type builder struct {
	src            []byte // the redline's source, growing
	oldSrc, newSrc []byte // the two versions' sources
	oldOff         int    // where old's source starts in src
	opts           Options
	marked         bool // anything is marked inserted or deleted

	// footnotes: the names of the notes by number in each version, the
	// redline's number of each old note, and the number of references
	// to each note so far (new's, then old's deleted ones)
	oldNotes, newNotes map[int]string
	noteNumber         map[int]int
	refs               map[int]int
}

// legend says what the marks mean, showing one of each.
func (b *builder) legend() ast.Node {
	p := ast.NewParagraph()
	p.AppendChild(p, b.str("Marks: "))
	ins := document.NewEdit(false)
	ins.AppendChild(ins, b.str("words added"))
	p.AppendChild(p, ins)
	p.AppendChild(p, b.str(" are underlined, "))
	del := document.NewEdit(true)
	del.AppendChild(del, b.str("words removed"))
	p.AppendChild(p, del)
	p.AppendChild(p, b.str(" struck through; a long quotation that has not changed shows only its first words."))
	return p
}

// str is a text node of s, as it reads (no Markdown in it).
func (b *builder) str(s string) ast.Node {
	t := ast.NewString([]byte(s))
	t.SetRaw(true)
	return t
}

// children lists n's children, so that they can be moved while the list
// is walked.
func children(n ast.Node) []ast.Node {
	if n == nil {
		return nil
	}
	out := make([]ast.Node, 0, n.ChildCount())
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

// keyed are the blocks matched by what they are rather than by what they
// say: their contents are compared even when they differ.
func keyed(n ast.Node) string {
	switch n := n.(type) {
	case *document.DataTable:
		return "table " + n.Name + " " + n.ID
	case *document.TitleBlock:
		return "titleblock"
	case *document.Caption:
		return "caption"
	case *east.FootnoteList:
		return "footnotes"
	case *east.Footnote:
		return "footnote " + string(n.Ref)
	}
	return ""
}

// blocks returns the redline of two lists of blocks, the old version's and
// the new one's. fold says the blocks are in a data table's body cell,
// where long paragraphs that have not changed are folded.
func (b *builder) blocks(olds, news []ast.Node, fold bool) []ast.Node {
	ka, kb := make([]string, len(olds)), make([]string, len(news))
	for i, n := range olds {
		ka[i] = b.blockKey(n, true)
	}
	for j, n := range news {
		kb[j] = b.blockKey(n, false)
	}
	var out []ast.Node
	edits := worddiff.Diff(intern(ka, kb))
	for k := 0; k < len(edits); k++ {
		e := edits[k]
		switch e.Op {
		case worddiff.Equal:
			for i := range e.A1 - e.A0 {
				o, n := olds[e.A0+i], news[e.B0+i]
				if keyed(n) != "" {
					out = append(out, b.changed(o, n, fold))
				} else {
					out = append(out, b.same(n, fold))
				}
			}
		case worddiff.Delete:
			dels := olds[e.A0:e.A1]
			var ins []ast.Node
			if k+1 < len(edits) && edits[k+1].Op == worddiff.Insert {
				ins = news[edits[k+1].B0:edits[k+1].B1]
				k++
			}
			out = append(out, b.replaced(dels, ins, fold)...)
		case worddiff.Insert:
			out = append(out, b.replaced(nil, news[e.B0:e.B1], fold)...)
		}
	}
	return out
}

// replaced is the redline of blocks that stand in the place of others:
// each new block is paired with the next old one of its kind, whose words
// it changes; the old blocks passed over are deleted, the new ones with no
// partner inserted.
func (b *builder) replaced(dels, ins []ast.Node, fold bool) []ast.Node {
	var out []ast.Node
	d := 0
	for _, n := range ins {
		m := -1
		for i := d; i < len(dels); i++ {
			if pairable(dels[i], n) {
				m = i
				break
			}
		}
		if m < 0 {
			out = append(out, b.inserted(n))
			continue
		}
		for _, o := range dels[d:m] {
			out = append(out, b.deleted(o))
		}
		out = append(out, b.changed(dels[m], n, fold))
		d = m + 1
	}
	for _, o := range dels[d:] {
		out = append(out, b.deleted(o))
	}
	return out
}

// pairable reports whether old block o may be shown changed into n: both
// text (paragraphs), both headings, or both of another kind, but never a
// block matched by its key with another.
func pairable(o, n ast.Node) bool {
	if keyed(o) != "" || keyed(n) != "" {
		return keyed(o) == keyed(n)
	}
	text := func(n ast.Node) bool { return n.Kind() == ast.KindParagraph || n.Kind() == ast.KindTextBlock }
	return o.Kind() == n.Kind() || text(o) && text(n)
}

// changed is the redline of old block o and new block n that stand in each
// other's place: n, holding the redline of their contents.
func (b *builder) changed(o, n ast.Node, fold bool) ast.Node {
	switch nt := n.(type) {
	case *document.DataTable:
		return b.table(o.(*document.DataTable), nt)
	case *east.FootnoteList:
		return b.footnoteList(o.(*east.FootnoteList), nt)
	}
	if inlineContent(o) || inlineContent(n) {
		if b.inline(o, n) || !fold {
			return n
		}
		return b.same(n, fold)
	}
	merged := b.blocks(children(o), children(n), fold)
	n.RemoveChildren(n)
	for _, c := range merged {
		n.AppendChild(n, c)
	}
	return n
}

// inlineContent reports whether n holds inline content (a paragraph, a
// heading) rather than blocks.
func inlineContent(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock:
		return true
	}
	c := n.FirstChild()
	return c != nil && c.Type() == ast.TypeInline
}

// same is a new block that has not changed: folded when it is a long
// paragraph of a table's body.
func (b *builder) same(n ast.Node, fold bool) ast.Node {
	if !fold || b.opts.FoldWords < 0 || n.Kind() != ast.KindParagraph {
		return n
	}
	return b.fold(n)
}

// inserted is block n, only in the new version, with all its words marked
// inserted.
func (b *builder) inserted(n ast.Node) ast.Node {
	b.mark(n, false)
	return n
}

// deleted is block o, only in the old version, moved into the redline with
// all its words marked deleted.
func (b *builder) deleted(o ast.Node) ast.Node {
	o = relocate(o, b.oldOff, b.oldSrc, b)
	b.mark(o, true)
	return o
}

// mark wraps the inline content of every block in n in an insertion, or a
// deletion, and marks its rows so.
func (b *builder) mark(n ast.Node, deleted bool) {
	var holders []ast.Node
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if r, ok := c.(*document.TableRow); ok {
			r.Change = document.RowInserted
			if deleted {
				r.Change = document.RowDeleted
			}
		}
		if c.Type() != ast.TypeInline && c.FirstChild() != nil && c.FirstChild().Type() == ast.TypeInline {
			holders = append(holders, c)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, h := range holders {
		e := document.NewEdit(deleted)
		for _, c := range children(h) {
			e.AppendChild(e, c)
		}
		h.AppendChild(h, e)
		b.marked = true
	}
}

// blockKey is what a block is compared by: its key (a table's name), or
// its kind and everything it says, its words and their marks.
func (b *builder) blockKey(n ast.Node, old bool) string {
	if k := keyed(n); k != "" {
		return k
	}
	return b.signature(n, old)
}

// signature writes n's kind and content: the kinds of its nodes, their
// words and the attributes that show (emphasis, links, notes, gaps).
func (b *builder) signature(n ast.Node, old bool) string {
	src, notes := b.newSrc, b.newNotes
	if old {
		src, notes = b.oldSrc, b.oldNotes
	}
	var s strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			s.WriteByte(')')
			return ast.WalkContinue, nil
		}
		s.WriteString(c.Kind().String())
		s.WriteByte('(')
		switch c := c.(type) {
		case *ast.Text:
			s.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				s.WriteByte(' ')
			}
		case *ast.String:
			s.Write(c.Value)
		case *ast.Heading:
			s.WriteString(strconv.Itoa(c.Level))
		case *ast.Emphasis:
			s.WriteString(strconv.Itoa(c.Level))
		case *ast.Link:
			s.Write(c.Destination)
		case *ast.AutoLink:
			s.Write(c.Label(src))
		case *east.FootnoteLink:
			s.WriteString(notes[c.Index])
		case *document.Gap:
			s.WriteString(c.What)
		case *document.TableCell:
			s.WriteString(c.Scope + " " + strconv.Itoa(c.ColSpan) + " " + strconv.Itoa(c.RowSpan))
		}
		return ast.WalkContinue, nil
	})
	return s.String()
}

// intern numbers the keys of both lists alike, for the diff to compare
// numbers rather than long texts.
func intern(a, b []string) ([]int, []int) {
	ids := map[string]int{}
	num := func(keys []string) []int {
		out := make([]int, len(keys))
		for i, k := range keys {
			id, ok := ids[k]
			if !ok {
				id = len(ids)
				ids[k] = id
			}
			out[i] = id
		}
		return out
	}
	return num(a), num(b)
}

// footnotes reads the notes of both versions: the redline numbers the new
// version's notes as it does, and an old note that the new version has no
// more after them.
func (b *builder) footnotes(old, new ast.Node) {
	b.oldNotes, b.newNotes = notes(old), notes(new)
	byName, last := map[string]int{}, 0
	for i, name := range b.newNotes {
		byName[name] = i
		last = max(last, i)
	}
	b.noteNumber = map[int]int{}
	for _, i := range slices.Sorted(maps.Keys(b.oldNotes)) {
		if n, ok := byName[b.oldNotes[i]]; ok {
			b.noteNumber[i] = n
		} else {
			last++
			b.noteNumber[i] = last
		}
	}
	b.refs = map[int]int{}
	_ = ast.Walk(new, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*east.FootnoteLink); ok && entering {
			b.refs[l.Index] = max(b.refs[l.Index], l.RefIndex+1)
		}
		return ast.WalkContinue, nil
	})
}

// notes maps the numbers of a tree's footnotes to their names.
func notes(root ast.Node) map[int]string {
	out := map[int]string{}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*east.Footnote); ok && entering {
			out[f.Index] = string(f.Ref)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// footnoteList is the redline of the notes: the new version's, each with
// the redline of its old version, then the old notes that are gone,
// deleted, numbered after them.
func (b *builder) footnoteList(o, n *east.FootnoteList) ast.Node {
	olds := map[string]*east.Footnote{}
	for _, c := range children(o) {
		if f, ok := c.(*east.Footnote); ok {
			olds[string(f.Ref)] = f
		}
	}
	for _, c := range children(n) {
		f, ok := c.(*east.Footnote)
		if !ok {
			continue
		}
		if of := olds[string(f.Ref)]; of != nil {
			delete(olds, string(f.Ref))
			b.changed(of, f, false)
		} else {
			b.inserted(f)
		}
	}
	for _, c := range children(o) {
		if f, ok := c.(*east.Footnote); ok && olds[string(f.Ref)] != nil {
			n.AppendChild(n, b.deleted(f))
			n.Count++
		}
	}
	return n
}
