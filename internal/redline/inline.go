package redline

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"unireport/internal/document"
	"unireport/internal/worddiff"
)

// token is a word, a mark or a space of a paragraph (see worddiff.Split),
// or an inline node compared whole (a note's number, a gap, code), with
// the inline containers it stands in (emphasis, a link).
type token struct {
	key   tokenKey
	seg   text.Segment // a word's or a space's text, in the redline's source
	brk   lineBreak    // a space that ends a line of the source
	atom  ast.Node     // the node compared whole, if it is one
	chain []ast.Node   // the containers around it, outermost first
	old   bool         // it is the old version's
}

// tokenKey is what a token is compared by: its text, a space as one, and
// its containers, so that a word put in italics is a changed word.
type tokenKey struct{ text, chain string }

type lineBreak int8

const (
	noBreak lineBreak = iota
	softBreak
	hardBreak
)

// tokens lists the tokens of n's inline content, from the old version or
// the new.
func (b *builder) tokens(n ast.Node, old bool) []token { return b.firstTokens(n, old, -1) }

// firstTokens lists the tokens of n's inline content up to its first
// words, all of them when words is negative.
func (b *builder) firstTokens(n ast.Node, old bool, words int) []token {
	src, off, notes := b.newSrc, 0, b.newNotes
	if old {
		src, off, notes = b.oldSrc, b.oldOff, b.oldNotes
	}
	var out []token
	count, inWord := 0, false
	// add appends t and reports whether more are wanted.
	add := func(t token) bool {
		space := t.key.text == " "
		if !space && !inWord {
			count++
		}
		inWord = !space
		if words >= 0 && count > words {
			return false
		}
		out = append(out, t)
		return true
	}
	var walk func(p ast.Node, chain []ast.Node, sig string) bool
	walk = func(p ast.Node, chain []ast.Node, sig string) bool {
		for _, c := range children(p) {
			switch c := c.(type) {
			case *ast.Text:
				if c.Segment.Padding > 0 || c.IsRaw() {
					break // not running text: compared whole below
				}
				pos := c.Segment.Start
				value := c.Segment.Value(src)
				if words >= 0 {
					value = firstWords(value, words+1-count)
				}
				for _, part := range worddiff.Split(string(value)) {
					t := token{key: tokenKey{part, sig}, seg: text.NewSegment(pos+off, pos+len(part)+off), chain: chain, old: old}
					if strings.TrimSpace(part) == "" {
						t.key.text = " "
					}
					if !add(t) {
						return false
					}
					pos += len(part)
				}
				if c.SoftLineBreak() || c.HardLineBreak() {
					t := token{key: tokenKey{" ", sig}, seg: text.NewSegment(pos+off, pos+off), brk: softBreak, chain: chain, old: old}
					if c.HardLineBreak() {
						t.brk = hardBreak
					}
					if !add(t) {
						return false
					}
				}
				continue
			case *ast.Emphasis, *ast.Link:
				inner := append(chain[:len(chain):len(chain)], c)
				if !walk(c, inner, sig+frameSig(c)+"/") {
					return false
				}
				continue
			}
			if !add(token{key: tokenKey{atomKey(c, src, notes), sig}, atom: c, chain: chain, old: old}) {
				return false
			}
		}
		return true
	}
	walk(n, nil, "")
	return out
}

// firstWords is the start of text up to the end of its first n words
// (runs of letters between spaces), or all of it.
func firstWords(text []byte, n int) []byte {
	in := false
	for i, c := range text {
		space := c == ' ' || c == '\t' || c == '\n' || c == '\r'
		if !space && !in {
			if n <= 0 {
				return text[:i]
			}
			n--
		}
		in = !space
	}
	return text
}

// frameSig names an inline container as tokens are compared by it.
func frameSig(n ast.Node) string {
	switch n := n.(type) {
	case *ast.Emphasis:
		return "em" + strconv.Itoa(n.Level)
	case *ast.Link:
		return "link " + string(n.Destination) + " " + string(n.Title)
	case *document.Edit:
		if n.Deleted {
			return "del"
		}
		return "ins"
	}
	return n.Kind().String()
}

// atomKey is what an inline node compared whole is compared by: a note's
// reference by the note's name (its number may change), a gap by what it
// asks for, any other by its kind and text.
func atomKey(n ast.Node, src []byte, notes map[int]string) string {
	switch n := n.(type) {
	case *east.FootnoteLink:
		return "note " + notes[n.Index]
	case *document.Gap:
		return "gap " + n.What
	case *ast.String:
		return "string " + string(n.Value)
	}
	return n.Kind().String() + " " + document.Text(n, src)
}

// item is a token placed in the redline: unchanged, inserted or deleted.
type item struct {
	tok *token
	op  worddiff.Op
}

// inline gives n the redline of o's inline content and its own, word by
// word, and reports whether any word changed; when none did, n is left as
// it was.
func (b *builder) inline(o, n ast.Node) bool {
	ta, tb := b.tokens(o, true), b.tokens(n, false)
	ka, kb := make([]tokenKey, len(ta)), make([]tokenKey, len(tb))
	for i := range ta {
		ka[i] = ta[i].key
	}
	for j := range tb {
		kb[j] = tb[j].key
	}
	edits := worddiff.Tidy(ka, kb, worddiff.Diff(ka, kb), func(k tokenKey) int { return worddiff.Weight(k.text) })
	var items []item
	changed := false
	for _, e := range edits {
		// white space alone that comes or goes is no change to a reader
		blank := true
		for i := e.A0; i < e.A1 && blank; i++ {
			blank = ta[i].key.text == " "
		}
		for j := e.B0; j < e.B1 && blank; j++ {
			blank = tb[j].key.text == " "
		}
		switch {
		case e.Op == worddiff.Equal || e.Op == worddiff.Insert && blank:
			for j := e.B0; j < e.B1; j++ {
				items = append(items, item{&tb[j], worddiff.Equal})
			}
		case e.Op == worddiff.Delete && blank:
		case e.Op == worddiff.Delete:
			changed = true
			for i := e.A0; i < e.A1; i++ {
				items = append(items, item{&ta[i], worddiff.Delete})
			}
		case e.Op == worddiff.Insert:
			changed = true
			for j := e.B0; j < e.B1; j++ {
				items = append(items, item{&tb[j], worddiff.Insert})
			}
		}
	}
	if !changed {
		return false
	}
	items = unmarkEdgeSpaces(items)
	// n's atoms that stay are moved into the new content: take them out
	// first, then rebuild.
	n.RemoveChildren(n)
	b.rebuild(n, items)
	b.marked = true
	return true
}

// unmarkEdgeSpaces leaves the spaces at either end of a run of words
// inserted or deleted unmarked, so that the marks begin and end with
// words: "Convention. <ins>Since…</ins>", not "Convention.<ins> Since…</ins>".
// A deleted space left beside an unmarked space is dropped.
func unmarkEdgeSpaces(items []item) []item {
	for i := 0; i < len(items); {
		op := items[i].op
		j := i
		for j < len(items) && items[j].op == op {
			j++
		}
		if op != worddiff.Equal {
			for k := i; k < j && items[k].tok.key.text == " "; k++ {
				items[k].op = worddiff.Equal
			}
			for k := j - 1; k >= i && items[k].tok.key.text == " "; k-- {
				items[k].op = worddiff.Equal
			}
		}
		i = j
	}
	out := items[:0]
	for i, it := range items {
		space := it.op == worddiff.Equal && it.tok.key.text == " "
		if space && it.tok.old && (i > 0 && isSpace(items[i-1]) || i+1 < len(items) && isSpace(items[i+1])) {
			continue
		}
		out = append(out, it)
	}
	return out
}

func isSpace(it item) bool { return it.op == worddiff.Equal && it.tok.key.text == " " }

// frame is an inline container open while the redline's content is built.
type frame struct {
	sig  string // the signatures of it and the containers around it
	node ast.Node
}

// rebuild appends the items to dst, each in its containers (new ones, like
// its own) and, when changed, in an insertion or a deletion innermost.
// Consecutive items in the same containers share them, and consecutive
// words of one source text are one text node.
func (b *builder) rebuild(dst ast.Node, items []item) {
	stack := []frame{{"", dst}}
	type want struct {
		sig  string
		orig ast.Node
	}
	var wants []want
	for _, it := range items {
		wants = wants[:0]
		sig := ""
		for _, c := range it.tok.chain {
			sig += frameSig(c) + "/"
			wants = append(wants, want{sig, c})
		}
		if it.op != worddiff.Equal {
			e := document.NewEdit(it.op == worddiff.Delete)
			wants = append(wants, want{sig + frameSig(e), e})
		}
		k := 0
		for k < len(wants) && k+1 < len(stack) && stack[k+1].sig == wants[k].sig {
			k++
		}
		stack = stack[:k+1]
		for _, w := range wants[k:] {
			node := cloneContainer(w.orig)
			top := stack[len(stack)-1].node
			top.AppendChild(top, node)
			stack = append(stack, frame{w.sig, node})
		}
		top := stack[len(stack)-1].node
		b.leaf(top, it.tok)
	}
}

// cloneContainer returns an empty container like n: the same emphasis,
// the same link target. An Edit made for the item is used as it is.
func cloneContainer(n ast.Node) ast.Node {
	switch n := n.(type) {
	case *ast.Emphasis:
		return ast.NewEmphasis(n.Level)
	case *ast.Link:
		l := ast.NewLink()
		l.Destination, l.Title = n.Destination, n.Title
		return l
	}
	return n
}

// leaf appends a token's node to top: its atom, moved from its version's
// tree, or its text, joined to the text before it where the two follow
// each other in the source.
func (b *builder) leaf(top ast.Node, t *token) {
	if t.atom != nil {
		a := t.atom
		if t.old {
			a = relocate(a, b.oldOff, b.oldSrc, b)
		}
		top.AppendChild(top, a)
		return
	}
	last, _ := top.LastChild().(*ast.Text)
	open := last != nil && !last.SoftLineBreak() && !last.HardLineBreak()
	switch {
	case t.brk != noBreak && open:
		last.SetSoftLineBreak(t.brk == softBreak)
		last.SetHardLineBreak(t.brk == hardBreak)
	case t.brk != noBreak:
		nt := ast.NewTextSegment(t.seg)
		nt.SetSoftLineBreak(t.brk == softBreak)
		nt.SetHardLineBreak(t.brk == hardBreak)
		top.AppendChild(top, nt)
	case open && last.Segment.Stop == t.seg.Start:
		last.Segment.Stop = t.seg.Stop
	default:
		top.AppendChild(top, ast.NewTextSegment(t.seg))
	}
}

// fold folds paragraph p, of the new version and unchanged, when it has
// more words than Options.FoldWords: to a paragraph of its first words
// (without note references, which stay with the whole), an ellipsis and
// a label saying how many words it has.
func (b *builder) fold(p ast.Node) ast.Node {
	words := len(strings.Fields(document.Text(p, b.newSrc)))
	if words <= b.opts.FoldWords {
		return p
	}
	toks := b.firstTokens(p, false, b.opts.ExcerptWords)
	for len(toks) > 0 && toks[len(toks)-1].key.text == " " {
		toks = toks[:len(toks)-1]
	}
	var items []item
	for i := range toks {
		if toks[i].atom == nil {
			items = append(items, item{&toks[i], worddiff.Equal})
		}
	}
	excerpt := ast.NewParagraph()
	b.rebuild(excerpt, items)
	excerpt.AppendChild(excerpt, b.str(b.opts.Ellipsis))
	return document.NewFold(excerpt, p, fmt.Sprintf("unchanged, %d words", words))
}
