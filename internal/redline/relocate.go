package redline

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"unireport/internal/document"
)

// relocate moves a subtree from its version's source to the redline's,
// where that source starts delta bytes in: every position it holds moves
// by delta. With b set (a subtree of the old version), its notes take the
// redline's numbers, each reference a number of its own, and its headings
// ids of their own. src is the subtree's own source, for the autolinks,
// whose position goldmark keeps to itself: each becomes a link of the same
// target and text. It returns the node to put in n's place: n, or the
// link n became.
func relocate(n ast.Node, delta int, src []byte, b *builder) ast.Node {
	var nodes []ast.Node
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			nodes = append(nodes, c)
		}
		return ast.WalkContinue, nil
	})
	var autolinks []*ast.AutoLink
	for _, c := range nodes {
		if c.Type() != ast.TypeInline {
			lines := c.Lines()
			for i := range lines.Len() {
				lines.Set(i, shift(lines.At(i), delta))
			}
		}
		switch c := c.(type) {
		case *ast.Text:
			c.Segment = shift(c.Segment, delta)
		case *ast.RawHTML:
			for i := range c.Segments.Len() {
				c.Segments.Set(i, shift(c.Segments.At(i), delta))
			}
		case *ast.FencedCodeBlock:
			if c.Info != nil {
				c.Info.Segment = shift(c.Info.Segment, delta)
			}
		case *ast.AutoLink:
			autolinks = append(autolinks, c)
		}
		if b == nil {
			continue
		}
		switch c := c.(type) {
		case *east.FootnoteLink:
			c.Index = b.noteNumber[c.Index]
			c.RefIndex = b.refs[c.Index]
			b.refs[c.Index]++
		case *east.FootnoteBacklink:
			c.Index = b.noteNumber[c.Index]
		case *east.Footnote:
			c.Index = b.noteNumber[c.Index]
		case *ast.Heading:
			if id, ok := c.AttributeString("id"); ok {
				if v, ok := id.([]byte); ok {
					c.SetAttributeString("id", append([]byte("removed-"), v...))
				}
			}
		}
	}
	for _, al := range autolinks {
		label := ast.NewString(al.Label(src))
		label.SetRaw(true)
		var with ast.Node = label
		if url, ok := document.AutoLinkTarget(al, src); ok {
			l := ast.NewLink()
			l.Destination = []byte(url)
			l.AppendChild(l, label)
			with = l
		}
		if ast.Node(al) == n {
			return with
		}
		p := al.Parent()
		p.ReplaceChild(p, al, with)
	}
	return n
}

// shift moves a segment by delta; an empty one too, as it marks a place.
func shift(s text.Segment, delta int) text.Segment {
	s.Start += delta
	s.Stop += delta
	return s
}
