// Package document parses the composed report into the one tree that both
// writers render: goldmark with tables, footnotes, Unicode-aware heading
// ids, and the directive nodes that carry the data tables.
package document

import (
	"bytes"
	"strconv"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"unireport/internal/placeholder"
	"unireport/internal/provenance"
)

// Document is the parsed report: the tree and the source its text nodes
// point into.
type Document struct {
	Root   ast.Node
	Source []byte
}

// Markdown returns the goldmark set-up of the document: GFM tables,
// footnotes, the directives and the gaps.
func Markdown() goldmark.Markdown { return markdown(Directives) }

func markdown(directives goldmark.Extender) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Footnote, directives),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

// Parse parses composed Markdown into the document tree. Only a source
// that holds a placeholder mark (a draft with gaps) is parsed with the gap
// parser, so that any other keeps the tree it has always had (see
// gapParser). The marks of sources in a draft (see internal/provenance)
// are taken out first, the text without them parsed, and the sources put
// back as Provenance nodes around the content they marked: the tree is
// the one the text without the marks gives, and Source is that text.
func Parse(src []byte) *Document {
	var spans []provenance.Span
	if bytes.Contains(src, sourceOpen) {
		src, spans = provenance.Strip(src)
	}
	md := markdown(directivesExt{})
	if bytes.Contains(src, gapOpen) {
		md = Markdown()
	}
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	root := md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	attachSources(root, src, spans)
	return &Document{Root: root, Source: src}
}

var sourceOpen = []byte(provenance.Open)

// Directives is the goldmark extension for the directive blocks and the
// gaps of a draft (placeholder marks, see Gap).
var Directives goldmark.Extender = directivesExt{gaps: true}

type directivesExt struct{ gaps bool }

func (e directivesExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(&directiveParser{}, 50)),
		parser.WithASTTransformers(util.Prioritized(tableTidier{}, 100)),
	)
	if e.gaps {
		m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(gapParser{}, gapPriority)))
	}
}

// ids generates heading ids that keep every letter, not only ASCII ones
// (goldmark's default drops "é" and all of "Кыргызстан").
type ids struct{ used map[string]bool }

func newIDs() *ids { return &ids{used: map[string]bool{}} }

// Generate implements parser.IDs.
func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	id := Slug(string(value))
	if id == "" {
		id = "section"
	}
	base := id
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (s *ids) Put(value []byte) { s.used[string(value)] = true }

// Slug lower-cases s and joins its runs of letters and digits with hyphens.
func Slug(s string) string {
	var b bytes.Buffer
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(unicode.ToLower(r))
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// Text returns the plain text of a node's inline content, for captions,
// outlines and metadata. A gap reads as placeholder.Text gives it,
// "[to fill in: what]".
func Text(n ast.Node, source []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Value(source))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *Gap:
			b.WriteString(placeholder.Text(t.What))
		case *ast.CodeSpan:
			for cc := t.FirstChild(); cc != nil; cc = cc.NextSibling() {
				if tt, ok := cc.(*ast.Text); ok {
					b.Write(tt.Value(source))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// Tables returns the data tables of the tree in document order.
func Tables(root ast.Node) []*DataTable {
	var out []*DataTable
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*DataTable); ok && entering {
			out = append(out, t)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// HasGap reports whether the tree holds a Gap, a value still to fill in.
func HasGap(root ast.Node) bool {
	found := false
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*Gap); ok {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}
