package document

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"unireport/internal/placeholder"
)

var (
	gapOpen  = []byte(placeholder.Open)
	gapClose = []byte(placeholder.Close)
)

// gapParser turns a placeholder mark, Open what Close on one line, into a
// Gap node. What is taken as it stands (only backslash escapes before
// punctuation are resolved, as in text): no Markdown inside a mark is
// parsed. An Open without its Close on the same line, or with another Open
// before its Close, stays text.
//
// goldmark calls inline parsers only at the start of a line, after an
// inline node, at a space and at unescaped ASCII punctuation, never at a
// byte such as 0xEE that starts the mark. So the parser triggers on space
// and on punctuation, after every other parser (see gapPriority), and looks
// along the word that follows for a mark: the bytes before it, which no
// other parser would have taken, become text.
//
// Where an inline parser is called, goldmark ends the Text node before it,
// so the parser cuts text into more nodes than before (with the same text).
// It never triggers inside a character reference ("&amp;", "&#58;"), which
// the HTML writer resolves only within one node: ';' and '#' are no
// triggers. Parse uses the parser only for a source that holds a mark.
type gapParser struct{}

// gapPriority puts the gap parser after goldmark's own inline parsers
// (100 to 500) and the footnote parser (101), so that it sees a
// punctuation character only when none of them took it.
const gapPriority = 900

// gapTrigger tells the bytes the gap parser is called at: space and ASCII
// punctuation but ';' and '#'. It holds every trigger of the other inline
// parsers, so the parser never takes a character one of them would.
var gapTrigger = func() (t [256]bool) {
	t[' '] = true
	for c := range 128 {
		t[c] = t[c] || util.IsPunct(byte(c)) && c != ';' && c != '#'
	}
	return t
}()

// Trigger implements parser.InlineParser (goldmark also calls the parsers
// of ' ' at the start of a line and after an inline node).
func (gapParser) Trigger() []byte {
	var t []byte
	for c, ok := range gapTrigger {
		if ok {
			t = append(t, byte(c))
		}
	}
	return t
}

// Parse implements parser.InlineParser.
func (gapParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	// The character the parser was called at, unless it starts a mark: a
	// space or punctuation no other parser took (an escaped one with its
	// backslash), or the first character of a word.
	k := 0
	switch c := line[0]; {
	case bytes.HasPrefix(line, gapOpen):
	case c == '\\' && len(line) > 1 && util.IsPunct(line[1]):
		k = 2
	case c == '\n' || c == '\r':
		return nil
	case gapTrigger[c] || util.IsSpace(c):
		k = 1
	}
	// Along the word, up to where goldmark would call the parsers again:
	// any character but space and the triggers, and escaped punctuation.
	for k < len(line) {
		c := line[k]
		switch {
		case bytes.HasPrefix(line[k:], gapOpen):
			end, what, ok := closeGap(line[k+len(gapOpen):])
			if !ok {
				k += len(gapOpen) // an unclosed Open is text
				continue
			}
			if k > 0 {
				ast.MergeOrAppendTextSegment(parent, text.NewSegment(seg.Start, seg.Start+k))
			}
			block.Advance(k + len(gapOpen) + end + len(gapClose))
			gap := &Gap{What: string(util.UnescapePunctuations(what))}
			gap.SetPos(seg.Start + k) // the mark's Open, not the character before it
			return gap
		case c == '\\' && k+1 < len(line) && util.IsPunct(line[k+1]):
			k += 2
		case gapTrigger[c] || util.IsSpace(c):
			return nil
		default:
			k++
		}
	}
	return nil
}

// closeGap finds the Close that ends a mark in rest, the line after its
// Open: it returns the Close's offset and the text before it, or false when
// the line ends or another Open comes first.
func closeGap(rest []byte) (end int, what []byte, ok bool) {
	for i := 0; i < len(rest); i++ {
		switch {
		case rest[i] == '\n' || rest[i] == '\r':
			return 0, nil, false
		case bytes.HasPrefix(rest[i:], gapClose):
			return i, bytes.TrimSpace(rest[:i]), true
		case bytes.HasPrefix(rest[i:], gapOpen):
			return 0, nil, false
		}
	}
	return 0, nil, false
}
