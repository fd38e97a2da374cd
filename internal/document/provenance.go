package document

import (
	"sort"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"unireport/internal/provenance"
)

// KindProvenance is the kind of a Provenance node.
var KindProvenance = ast.NewNodeKind("Provenance")

// Provenance is inline content of a draft that a value of the edition's
// data printed, with where that value comes from (see internal/provenance).
// Its children are the content, as the final's tree has it: the HTML
// writer shows the source, the PDF writer only the content.
type Provenance struct {
	ast.BaseInline
	Source provenance.Source
}

// Kind implements ast.Node.
func (n *Provenance) Kind() ast.NodeKind { return KindProvenance }

// Dump implements ast.Node.
func (n *Provenance) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Source": n.Source.String()}, nil)
}

// Sources are the marks of a draft's source, taken out of the text before
// it is parsed: the tree is then the one the text without them gives, the
// final's, and the marks never meet the Markdown parser (which would read
// a mark's characters as letters, beside emphasis and at the start of a
// line). attachSources puts them back on the nodes of the text they cover.

// attachSources wraps, in a Provenance node, the inline content of the
// tree that comes from each span of source (offsets into the text the
// tree was parsed from): the text, split where a span starts or ends; the
// gaps and code spans, whole, that start in a span. Content of one span
// that lies side by side is one node, which holds an emphasis that the
// span covers whole.
func attachSources(root ast.Node, source []byte, spans []provenance.Span) {
	if len(spans) == 0 {
		return
	}
	a := attacher{source: source, spans: spans, span: map[*Provenance]int{}}
	var leaves []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Text, *Gap, *ast.CodeSpan:
			leaves = append(leaves, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	parents := map[ast.Node]bool{}
	for _, n := range leaves {
		parent := n.Parent()
		var changed bool
		switch n := n.(type) {
		case *ast.Text:
			changed = a.text(n)
		case *Gap:
			changed = a.gap(n, n.Pos())
		case *ast.CodeSpan:
			if t, ok := n.FirstChild().(*ast.Text); ok {
				changed = a.gap(n, t.Segment.Start)
			}
		}
		if changed {
			parents[parent] = true
		}
	}
	// Join the pieces of a span side by side, innermost first, so that an
	// emphasis whose whole text is one span is then held by it.
	var order []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering && (parents[n] || n.HasChildren()) {
			order = append(order, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range order {
		if _, ok := n.(*Provenance); !ok {
			a.join(n)
		}
	}
}

type attacher struct {
	source []byte
	spans  []provenance.Span
	span   map[*Provenance]int // the span each node holds content of
}

// find returns the index of the first span that ends after offset at.
func (a *attacher) find(at int) int {
	return sort.Search(len(a.spans), func(i int) bool { return a.spans[i].End > at })
}

// wrap puts n, in its place, into a new Provenance node of span i.
func (a *attacher) wrap(n ast.Node, i int) *Provenance {
	p := &Provenance{Source: a.spans[i].Source}
	a.span[p] = i
	n.Parent().ReplaceChild(n.Parent(), n, p)
	p.AppendChild(p, n)
	return p
}

// gap wraps a node that is one piece, a gap or a code span (whose
// writers read its text only), when it starts at offset at inside a span.
func (a *attacher) gap(n ast.Node, at int) bool {
	i := a.find(at)
	if i < len(a.spans) && a.spans[i].Start <= at {
		a.wrap(n, i)
		return true
	}
	return false
}

// text splits t where spans start and end within it and wraps the pieces
// a span covers.
func (a *attacher) text(t *ast.Text) bool {
	seg := t.Segment
	i := a.find(seg.Start)
	if i == len(a.spans) || a.spans[i].Start >= seg.Stop {
		return false // no span meets it
	}
	// The cuts: a span's start or end inside the text, never between a
	// backslash and what it escapes.
	type piece struct {
		start, stop int
		span        int // -1 outside every span
	}
	var pieces []piece
	at := seg.Start
	for ; i < len(a.spans) && a.spans[i].Start < seg.Stop && at < seg.Stop; i++ {
		s := a.spans[i]
		if start := a.cut(max(s.Start, at)); start > at {
			pieces = append(pieces, piece{at, start, -1})
			at = start
		}
		stop := a.cut(min(s.End, seg.Stop))
		if stop > at {
			pieces = append(pieces, piece{at, stop, i})
			at = stop
		}
	}
	if at < seg.Stop {
		pieces = append(pieces, piece{at, seg.Stop, -1})
	}
	parent := t.Parent()
	var prev ast.Node
	for k, p := range pieces {
		var n ast.Node = t
		if len(pieces) > 1 {
			nt := ast.NewTextSegment(text.Segment{Start: p.start, Stop: p.stop})
			if k == 0 {
				nt.Segment.Padding = seg.Padding
			}
			nt.SetRaw(t.IsRaw())
			if k == len(pieces)-1 {
				nt.SetSoftLineBreak(t.SoftLineBreak())
				nt.SetHardLineBreak(t.HardLineBreak())
			}
			if prev == nil {
				parent.InsertBefore(parent, t, nt)
			} else {
				parent.InsertAfter(parent, prev, nt)
			}
			n = nt
		}
		if p.span >= 0 {
			prev = a.wrap(n, p.span)
		} else {
			prev = n
		}
	}
	if len(pieces) > 1 {
		parent.RemoveChild(parent, t)
	}
	return true
}

// cut moves a cut at offset at before the backslash of an escape it would
// part from what it escapes ("\*" stays whole).
func (a *attacher) cut(at int) int {
	if at >= len(a.source) || !util.IsPunct(a.source[at]) {
		return at
	}
	k := 0
	for at-k-1 >= 0 && a.source[at-k-1] == '\\' {
		k++
	}
	if k%2 == 1 {
		return at - 1
	}
	return at
}

// liftable are the inline nodes that a Provenance node may hold whole,
// rather than sit inside them: emphasis, never a link, which is a control
// of its own. (A code span is held whole, or not at all.)
func liftable(n ast.Node) bool {
	_, ok := n.(*ast.Emphasis)
	return ok
}

// join merges the Provenance children of n that hold content of one span
// and lie side by side, and lifts each emphasis holding only one such node
// into it.
func (a *attacher) join(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if !liftable(c) || c.ChildCount() != 1 {
			continue
		}
		p, ok := c.FirstChild().(*Provenance)
		if !ok {
			continue
		}
		// c(p(x…)) becomes p(c(x…))
		c.RemoveChild(c, p)
		for x := p.FirstChild(); x != nil; {
			next := x.NextSibling()
			c.AppendChild(c, x)
			x = next
		}
		n.ReplaceChild(n, c, p)
		p.AppendChild(p, c)
		c = p
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		p, ok := c.(*Provenance)
		if !ok {
			continue
		}
		for {
			q, ok := p.NextSibling().(*Provenance)
			if !ok || a.span[q] != a.span[p] {
				break
			}
			for x := q.FirstChild(); x != nil; {
				next := x.NextSibling()
				p.AppendChild(p, x)
				x = next
			}
			n.RemoveChild(n, q)
		}
	}
}

// HasProvenance reports whether the tree holds a Provenance node.
func HasProvenance(root ast.Node) bool {
	found := false
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*Provenance); ok {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}
