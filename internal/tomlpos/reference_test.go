package tomlpos

// This is Scan as it was before it was made linear (it builds the path
// of every value as a string, so nesting costs quadratic time): the
// reference the tests and FuzzScan compare the index with.

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// refIndex maps paths to the positions of keys and of values.
type refIndex struct {
	keys    map[string]Pos
	values  map[string]Pos
	order   []string // key paths in document order
	strings []Span
}

// Strings returns every string value, in document order: the text that may
// reach the report.
func (ix *refIndex) Strings() []Span { return ix.strings }

// Key returns the position of the key at path.
func (ix *refIndex) Key(path string) (Pos, bool) {
	p, ok := ix.keys[path]
	return p, ok
}

// Value returns the position of the value at path (for array elements, of
// the element); it falls back to the key's position.
func (ix *refIndex) Value(path string) (Pos, bool) {
	if p, ok := ix.values[path]; ok {
		return p, true
	}
	return ix.Key(path)
}

// Paths returns every key path in document order.
func (ix *refIndex) Paths() []string { return ix.order }

// refScan is the old Scan.
func refScan(src string) *refIndex {
	s := &refScanner{src: src, line: 1, col: 1, arrays: map[string]int{},
		ix: &refIndex{keys: map[string]Pos{}, values: map[string]Pos{}}}
	s.document()
	return s.ix
}

type refScanner struct {
	src       string
	off       int
	line, col int
	table     string         // the current table's resolved path
	arrays    map[string]int // array-of-tables path → elements seen so far
	ix        *refIndex
}

func (s *refScanner) pos() Pos { return Pos{s.line, s.col} }

func (s *refScanner) eof() bool { return s.off >= len(s.src) }

func (s *refScanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.off]
}

func (s *refScanner) hasPrefix(p string) bool { return strings.HasPrefix(s.src[s.off:], p) }

func (s *refScanner) next() {
	if s.eof() {
		return
	}
	r, n := utf8.DecodeRuneInString(s.src[s.off:])
	s.off += n
	if r == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
}

func (s *refScanner) skipSpace() {
	for c := s.peek(); c == ' ' || c == '\t'; c = s.peek() {
		s.next()
	}
}

// skipBlank skips white space, newlines and comments.
func (s *refScanner) skipBlank() {
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

func (s *refScanner) skipComment() {
	for !s.eof() && s.peek() != '\n' {
		s.next()
	}
}

func (s *refScanner) document() {
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

func (s *refScanner) header() {
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
	path := ""
	for i, k := range keys {
		path = refJoin(path, k)
		if i == len(keys)-1 && array {
			n := s.arrays[path]
			s.arrays[path] = n + 1
			s.record(path, at) // the array as a whole: its first header
			path += "[" + strconv.Itoa(n) + "]"
		} else if n, ok := s.arrays[path]; ok {
			path += "[" + strconv.Itoa(n-1) + "]"
		}
	}
	s.table = path
	s.record(path, at)
}

// keyValue reads "key = value" where the key is relative to table.
func (s *refScanner) keyValue(table string) {
	at := s.pos()
	keys := s.keyParts()
	if len(keys) == 0 {
		return
	}
	path := table
	for _, k := range keys {
		path = refJoin(path, k)
	}
	s.record(path, at)
	s.skipSpace()
	if s.peek() != '=' {
		return
	}
	s.next()
	s.skipSpace()
	s.value(path)
}

func (s *refScanner) record(path string, p Pos) {
	if _, seen := s.ix.keys[path]; !seen {
		s.ix.order = append(s.ix.order, path)
		s.ix.keys[path] = p
	}
}

// keyParts reads a possibly dotted key.
func (s *refScanner) keyParts() []string {
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

func (s *refScanner) value(path string) {
	s.ix.values[path] = s.pos()
	switch {
	case s.hasPrefix(`"""`):
		s.stringSpan(path, 3, func() { s.multiline(`"""`, true) })
	case s.hasPrefix(`'''`):
		s.stringSpan(path, 3, func() { s.multiline(`'''`, false) })
	case s.peek() == '"':
		s.stringSpan(path, 1, func() { s.basicString() })
	case s.peek() == '\'':
		s.stringSpan(path, 1, func() { s.literalString() })
	case s.peek() == '[':
		s.array(path)
	case s.peek() == '{':
		s.inlineTable(path)
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
func (s *refScanner) stringSpan(path string, quote int, read func()) {
	start := s.off + quote
	literal := s.src[s.off] == '\'' // the opening delimiter
	p := s.pos()
	p.Col += quote
	read()
	end := max(start, s.off-quote)
	s.ix.strings = append(s.ix.strings, Span{Start: start, End: end, Pos: p, Path: path, Literal: literal})
}

func (s *refScanner) array(path string) {
	s.next() // [
	for i := 0; ; i++ {
		s.skipBlank()
		if s.eof() || s.peek() == ']' {
			s.next()
			return
		}
		start := s.off
		s.value(path + "[" + strconv.Itoa(i) + "]")
		s.skipBlank()
		if s.peek() == ',' {
			s.next()
		} else if s.off == start {
			return
		}
	}
}

func (s *refScanner) inlineTable(path string) {
	s.next() // {
	for {
		s.skipBlank()
		if s.eof() || s.peek() == '}' {
			s.next()
			return
		}
		start := s.off
		s.keyValue(path)
		s.skipBlank()
		if s.peek() == ',' {
			s.next()
		} else if s.off == start {
			return
		}
	}
}

// basicString reads a "..." string and returns its unescaped-enough text
// (escapes are kept as written; keys rarely have them).
func (s *refScanner) basicString() string {
	s.next()
	var b strings.Builder
	for !s.eof() && s.peek() != '"' && s.peek() != '\n' {
		if s.peek() == '\\' {
			s.next()
		}
		b.WriteByte(s.peek())
		s.next()
	}
	s.next()
	return b.String()
}

func (s *refScanner) literalString() string {
	s.next()
	start := s.off
	for !s.eof() && s.peek() != '\'' && s.peek() != '\n' {
		s.next()
	}
	v := s.src[start:s.off]
	s.next()
	return v
}

func (s *refScanner) multiline(delim string, escapes bool) {
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

func refJoin(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}
