package tomlpos

// TooDeep reports where arrays and inline tables first nest more than limit
// deep in src: the position of the bracket or brace that opens the
// (limit+1)th level. It reads only brackets, strings and comments, so it
// takes time in proportion to src without recursion, and it may run before
// a parser that recurses once per level; it never panics, whatever src
// holds. A "[" or "{" inside a string or a comment does not count, nor do
// the brackets of a [table] or [[array of tables]] header.
func TooDeep(src string, limit int) (Pos, bool) {
	s := &scanner{src: src, line: 1, col: 1}
	depth := 0
	lineStart := true // at depth 0, nothing but blanks since the last newline
	for !s.eof() {
		switch c := s.peek(); c {
		case ' ', '\t', '\r':
			s.next()
		case '\n':
			s.next()
			if depth == 0 {
				lineStart = true
			}
		case '#':
			s.skipComment()
		case '"', '\'':
			s.skipString()
			lineStart = false
		case '[', '{':
			if c == '[' && depth == 0 && lineStart {
				s.skipHeader()
				lineStart = false
				continue
			}
			depth++
			if depth > limit {
				return s.pos(), true
			}
			s.next()
			lineStart = false
		case ']', '}':
			depth = max(depth-1, 0)
			s.next()
			lineStart = false
		default:
			s.next()
			lineStart = false
		}
	}
	return Pos{}, false
}

// skipHeader skips a [table] or [[array of tables]] header, up to its
// closing brackets or the end of the line.
func (s *scanner) skipHeader() {
	s.next() // [
	for !s.eof() {
		switch s.peek() {
		case '\n':
			return
		case '"', '\'':
			s.skipString()
		case ']':
			s.next()
			if s.peek() == ']' {
				s.next()
			}
			return
		default:
			s.next()
		}
	}
}
