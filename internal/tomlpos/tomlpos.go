// Package tomlpos finds where each key and value of a TOML document stands.
//
// BurntSushi/toml reports positions for syntax errors but keeps none for
// keys once parsed (and one per dotted name, so the elements of an array of
// tables share it). This package scans a document that has already parsed
// and indexes every key and value by its full path, with array indexes:
// "state[3].quotation[1].text", "in_favour[2]".
//
// The index is a tree of keys and array elements, so that scanning takes
// time and memory in proportion to the document: a path is spelled out
// only when asked for (Paths, Strings), never once per level of nesting.
package tomlpos

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// MaxIndexDepth is how deep in arrays and inline tables Scan indexes: a
// value inside more than MaxIndexDepth of them has no position of its own
// (look up the value that holds it) and its strings are not in Strings.
// Scan skips such a value without recursion. Callers that must not miss
// any refuse deeper documents first (see TooDeep); real data nests two or
// three deep.
const MaxIndexDepth = 64

// Pos is a 1-based line and column (in characters).
type Pos struct{ Line, Col int }

// Index maps paths to the positions of keys and of values.
type Index struct {
	root  node
	order []*node // nodes with a key, in document order
	spans []span  // string values, in document order

	pathsOnce   sync.Once
	paths       []string
	stringsOnce sync.Once
	strings     []Span
}

// node is a key of a table or an element of an array.
type node struct {
	parent   *node
	name     string // the key; "" for an element
	index    int    // the element's index; -1 for a key
	key      Pos    // where the key is (or the [[header]] of an element)
	value    Pos
	hasKey   bool
	hasValue bool
	children map[string]*node
	elems    []*node
	tables   int // elements that [[headers]] added
}

func (n *node) child(name string) *node {
	if c, ok := n.children[name]; ok {
		return c
	}
	if n.children == nil {
		n.children = map[string]*node{}
	}
	c := &node{parent: n, name: name, index: -1}
	n.children[name] = c
	return c
}

func (n *node) elem(i int) *node {
	for len(n.elems) <= i {
		n.elems = append(n.elems, &node{parent: n, index: len(n.elems)})
	}
	return n.elems[i]
}

// path spells out n's path: keys joined by dots, elements as [i].
func (n *node) path() string {
	var chain []*node
	for m := n; m.parent != nil; m = m.parent {
		chain = append(chain, m)
	}
	var b strings.Builder
	for i := len(chain) - 1; i >= 0; i-- {
		if m := chain[i]; m.index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(m.index))
			b.WriteByte(']')
		} else {
			if i < len(chain)-1 {
				b.WriteByte('.')
			}
			b.WriteString(m.name)
		}
	}
	return b.String()
}

// Span is a string value's place in the source: the byte offsets of its
// content (inside the quotes) and the position where the content starts.
type Span struct {
	Start, End int
	Pos        Pos
	Path       string
	Literal    bool // written between single quotes: no escapes
}

type span struct {
	Span
	node *node
}

// Strings returns every string value, in document order: the text that may
// reach the report. The paths are spelled out on the first call.
func (ix *Index) Strings() []Span {
	ix.stringsOnce.Do(func() {
		ix.strings = make([]Span, len(ix.spans))
		for i, sp := range ix.spans {
			ix.strings[i] = sp.Span
			ix.strings[i].Path = sp.node.path()
		}
	})
	return ix.strings
}

// Key returns the position of the key at path.
func (ix *Index) Key(path string) (Pos, bool) {
	if n := ix.root.findName(path, hasKey); n != nil {
		return n.key, true
	}
	return Pos{}, false
}

// Value returns the position of the value at path (for array elements, of
// the element); it falls back to the key's position.
func (ix *Index) Value(path string) (Pos, bool) {
	if n := ix.root.findName(path, hasValue); n != nil {
		return n.value, true
	}
	return ix.Key(path)
}

func hasKey(n *node) bool   { return n.hasKey }
func hasValue(n *node) bool { return n.hasValue }

// findName finds the node at path r below n, where r starts with a key; ok
// tells the node wanted. A quoted key may hold dots and brackets, so every
// way to cut r into keys is tried, shortest key first.
func (n *node) findName(r string, ok func(*node) bool) *node {
	for i := 0; i <= len(r); i++ {
		if i < len(r) && r[i] != '.' && r[i] != '[' {
			continue
		}
		if c, found := n.children[r[:i]]; found {
			if m := c.findRest(r[i:], ok); m != nil {
				return m
			}
		}
	}
	return nil
}

// findRest finds the node at r below n, where r is empty or starts with
// ".key" or "[i]".
func (n *node) findRest(r string, ok func(*node) bool) *node {
	switch {
	case r == "":
		if ok(n) {
			return n
		}
	case r[0] == '.':
		return n.findName(r[1:], ok)
	case r[0] == '[':
		j := strings.IndexByte(r, ']')
		if j < 2 || j > 10 || r[1] == '0' && j > 2 {
			return nil
		}
		i := 0
		for _, c := range []byte(r[1:j]) {
			if c < '0' || c > '9' {
				return nil
			}
			i = i*10 + int(c-'0')
		}
		if i < len(n.elems) {
			return n.elems[i].findRest(r[j+1:], ok)
		}
	}
	return nil
}

// Paths returns every key path in document order.
func (ix *Index) Paths() []string {
	ix.pathsOnce.Do(func() {
		seen := map[string]bool{}
		for _, n := range ix.order {
			if p := n.path(); !seen[p] {
				seen[p] = true
				ix.paths = append(ix.paths, p)
			}
		}
	})
	return ix.paths
}

// Scan indexes src, which must be valid TOML (parse it first: on invalid
// input Scan returns what it found before getting lost, never panics). It
// takes time in proportion to the length of src.
func Scan(src string) *Index {
	s := &scanner{src: src, line: 1, col: 1, ix: &Index{}}
	s.ix.root.index = -1
	s.table = &s.ix.root
	s.document()
	return s.ix
}

type scanner struct {
	src       string
	off       int
	line, col int
	depth     int   // arrays and inline tables open around the scanner
	table     *node // the current table
	ix        *Index
}

func (s *scanner) pos() Pos { return Pos{s.line, s.col} }

func (s *scanner) eof() bool { return s.off >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.off]
}

func (s *scanner) hasPrefix(p string) bool { return strings.HasPrefix(s.src[s.off:], p) }

func (s *scanner) next() {
	if s.eof() {
		return
	}
	switch c := s.src[s.off]; {
	case c == '\n':
		s.off++
		s.line++
		s.col = 1
	case c < utf8.RuneSelf:
		s.off++
		s.col++
	default:
		_, n := utf8.DecodeRuneInString(s.src[s.off:])
		s.off += n
		s.col++
	}
}

func (s *scanner) skipSpace() {
	for c := s.peek(); c == ' ' || c == '\t'; c = s.peek() {
		s.next()
	}
}

// skipBlank skips white space, newlines and comments.
func (s *scanner) skipBlank() {
	for !s.eof() {
		switch s.peek() {
		case ' ', '\t', '\r', '\n':
			s.next()
		case '#':
			s.skipComment()
		default:
			return
		}
	}
}

func (s *scanner) skipComment() {
	for !s.eof() && s.peek() != '\n' {
		s.next()
	}
}

func (s *scanner) document() {
	for {
		s.skipBlank()
		if s.eof() {
			return
		}
		start := s.off
		if s.peek() == '[' {
			s.header()
		} else {
			s.keyValue(s.table)
		}
		if s.off == start { // lost: invalid input; stop rather than loop
			return
		}
	}
}

func (s *scanner) header() {
	at := s.pos()
	s.next()
	array := s.peek() == '['
	if array {
		s.next()
	}
	s.skipSpace()
	keys := s.keyParts()
	s.skipSpace()
	for s.peek() == ']' {
		s.next()
	}
	// Resolve every prefix to the current element of an array of tables.
	n := &s.ix.root
	for i, k := range keys {
		n = n.child(k)
		if i == len(keys)-1 && array {
			s.record(n, at) // the array as a whole: its first header
			n.tables++
			n = n.elem(n.tables - 1)
		} else if n.tables > 0 {
			n = n.elem(n.tables - 1)
		}
	}
	s.table = n
	s.record(n, at)
}

// keyValue reads "key = value" where the key is relative to table.
func (s *scanner) keyValue(table *node) {
	at := s.pos()
	keys := s.keyParts()
	if len(keys) == 0 {
		return
	}
	n := table
	for _, k := range keys {
		n = n.child(k)
	}
	s.record(n, at)
	s.skipSpace()
	if s.peek() != '=' {
		return
	}
	s.next()
	s.skipSpace()
	s.value(n)
}

func (s *scanner) record(n *node, p Pos) {
	if !n.hasKey {
		n.hasKey, n.key = true, p
		s.ix.order = append(s.ix.order, n)
	}
}

// keyParts reads a possibly dotted key.
func (s *scanner) keyParts() []string {
	var parts []string
	for {
		s.skipSpace()
		var k string
		switch s.peek() {
		case '"':
			k = s.basicString()
		case '\'':
			k = s.literalString()
		default:
			start := s.off
			for !s.eof() && isBare(s.peek()) {
				s.next()
			}
			if s.off == start {
				return parts
			}
			k = s.src[start:s.off]
		}
		parts = append(parts, k)
		s.skipSpace()
		if s.peek() != '.' {
			return parts
		}
		s.next()
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func (s *scanner) value(n *node) {
	n.value, n.hasValue = s.pos(), true
	switch {
	case s.hasPrefix(`"""`):
		s.stringSpan(n, 3, func() { s.multiline(`"""`, true) })
	case s.hasPrefix(`'''`):
		s.stringSpan(n, 3, func() { s.multiline(`'''`, false) })
	case s.peek() == '"':
		s.stringSpan(n, 1, s.skipBasicString)
	case s.peek() == '\'':
		s.stringSpan(n, 1, func() { s.literalString() })
	case s.peek() == '[' || s.peek() == '{':
		if s.depth >= MaxIndexDepth {
			s.skipNested()
			return
		}
		s.depth++
		if s.peek() == '[' {
			s.array(n)
		} else {
			s.inlineTable(n)
		}
		s.depth--
	default:
		for !s.eof() {
			c := s.peek()
			if c == ',' || c == ']' || c == '}' || c == '#' || c == '\n' || c == '\r' {
				break
			}
			s.next()
		}
	}
}

// stringSpan records the content of the string that read consumes; quote
// is the length of its delimiters.
func (s *scanner) stringSpan(n *node, quote int, read func()) {
	start := s.off + quote
	p := s.pos()
	p.Col += quote
	read()
	end := max(start, s.off-quote)
	literal := start > 0 && s.src[start-1] == '\''
	s.ix.spans = append(s.ix.spans, span{Span{Start: start, End: end, Pos: p, Literal: literal}, n})
}

func (s *scanner) array(n *node) {
	s.next() // [
	for i := 0; ; i++ {
		s.skipBlank()
		if s.eof() || s.peek() == ']' {
			s.next()
			return
		}
		start := s.off
		s.value(n.elem(i))
		s.skipBlank()
		if s.peek() == ',' {
			s.next()
		} else if s.off == start {
			return
		}
	}
}

func (s *scanner) inlineTable(n *node) {
	s.next() // {
	for {
		s.skipBlank()
		if s.eof() || s.peek() == '}' {
			s.next()
			return
		}
		start := s.off
		s.keyValue(n)
		s.skipBlank()
		if s.peek() == ',' {
			s.next()
		} else if s.off == start {
			return
		}
	}
}

// skipNested skips the array or inline table at the scanner, with all it
// holds, without indexing it (and without recursion, however deep it is).
func (s *scanner) skipNested() {
	depth := 0
	for !s.eof() {
		switch s.peek() {
		case '[', '{':
			depth++
			s.next()
		case ']', '}':
			depth--
			s.next()
			if depth <= 0 {
				return
			}
		case '#':
			s.skipComment()
		case '"', '\'':
			s.skipString()
		default:
			s.next()
		}
	}
}

// skipString skips a string of any of the four kinds.
func (s *scanner) skipString() {
	switch {
	case s.hasPrefix(`"""`):
		s.multiline(`"""`, true)
	case s.hasPrefix(`'''`):
		s.multiline(`'''`, false)
	case s.peek() == '"':
		s.skipBasicString()
	default:
		s.literalString()
	}
}

// basicString reads a "..." string and returns its unescaped-enough text
// (escapes are kept as written, without the backslash; keys rarely have
// them).
func (s *scanner) basicString() string {
	s.next()
	var b strings.Builder
	for !s.eof() && s.peek() != '"' && s.peek() != '\n' {
		if s.peek() == '\\' {
			s.next()
		}
		start := s.off
		s.next()
		b.WriteString(s.src[start:s.off])
	}
	s.next()
	return b.String()
}

// skipBasicString skips a "..." string.
func (s *scanner) skipBasicString() {
	s.next()
	for !s.eof() && s.peek() != '"' && s.peek() != '\n' {
		if s.peek() == '\\' {
			s.next()
		}
		s.next()
	}
	s.next()
}

func (s *scanner) literalString() string {
	s.next()
	start := s.off
	for !s.eof() && s.peek() != '\'' && s.peek() != '\n' {
		s.next()
	}
	v := s.src[start:s.off]
	s.next()
	return v
}

func (s *scanner) multiline(delim string, escapes bool) {
	for range 3 {
		s.next()
	}
	for !s.eof() {
		if escapes && s.peek() == '\\' {
			s.next()
			s.next()
			continue
		}
		if s.hasPrefix(delim) {
			for range 3 {
				s.next()
			}
			// up to two more quotes may belong to the string
			for i := 0; i < 2 && s.peek() == delim[0]; i++ {
				s.next()
			}
			return
		}
		s.next()
	}
}
