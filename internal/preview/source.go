package preview

import (
	"bytes"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"unireport/internal/diag"
	"unireport/internal/inputfile"
)

// The bounds of the source shown around the problems in the overlay.
const (
	contextLines = 2       // lines shown before and after a problem's line
	maxExcerpts  = 20      // problems shown with their source, the first ones
	maxSource    = 2 << 20 // the largest file read for them
	maxCols      = 160     // characters shown of a line, around the column
)

// excerpt is the source around a problem: the lines of its file from
// line-contextLines to line+contextLines, the problem's line marked.
type excerpt struct {
	Lines []excerptLine
}

// excerptLine is one line of an excerpt, as plain text to be escaped.
type excerptLine struct {
	Gutter string // e.g. "> 12 | " on the problem's line, "  11 | " on another
	Text   string
	Here   bool   // the problem's line
	Caret  string // under the problem's line: the gutter, then blanks up to a caret at the column; "" with no column
}

func (e *excerpt) equal(f *excerpt) bool {
	if e == nil || f == nil {
		return e == f
	}
	return slices.Equal(e.Lines, f.Lines)
}

// sources returns the excerpt of each diagnostic (nil where there is
// none): of the first maxExcerpts that have a line, in a file of the
// edition or of the templates. No other file is ever read.
func (s *Server) sources(diags diag.List) []*excerpt {
	out := make([]*excerpt, len(diags))
	files := map[string][]string{} // the lines of each file read; nil when it cannot be shown
	n := 0
	for i, d := range diags {
		if n == maxExcerpts {
			break
		}
		if d.Pos.File == "" || d.Pos.Line <= 0 {
			continue
		}
		lines, ok := files[d.Pos.File]
		if !ok {
			lines = s.readSource(d.Pos.File)
			files[d.Pos.File] = lines
		}
		if out[i] = excerptAt(lines, d.Pos.Line, d.Pos.Col); out[i] != nil {
			n++
		}
	}
	return out
}

// readSource returns the lines of path, or nil when it is not an input
// file of the edition or of the templates (after symbolic links), or
// cannot be read within maxSource.
func (s *Server) readSource(path string) []string {
	if !s.isSource(path) {
		return nil
	}
	b, err := inputfile.Read(path, maxSource)
	if err != nil {
		return nil
	}
	// As the loaders read it: a byte-order mark and \r\n are not text.
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return strings.Split(strings.ToValidUTF8(string(b), "\uFFFD"), "\n")
}

// isSource reports whether path is an input file under one of the roots,
// both as written and with symbolic links resolved.
func (s *Server) isSource(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return false
	}
	for _, r := range s.roots {
		dir, err := filepath.Abs(r.dir)
		if err != nil {
			continue
		}
		realDir, err := filepath.EvalSymlinks(dir)
		if err != nil {
			continue
		}
		if (root{dir, r.ext}).isInput(abs) && (root{realDir, r.ext}).isInput(real) {
			return true
		}
	}
	return false
}

// excerptAt is the excerpt of lines around line (1-based), with a caret at
// col when it is known; nil when the file has no such line.
func excerptAt(lines []string, line, col int) *excerpt {
	if line > len(lines) {
		return nil
	}
	first, last := max(1, line-contextLines), min(len(lines), line+contextLines)
	if last == len(lines) && lines[last-1] == "" && last > line {
		last-- // the empty "line" after the final newline
	}
	col = min(col, utf8.RuneCountInString(lines[line-1])+1) // at most just past the end
	width := len(strconv.Itoa(last))
	// One window of columns for every line, so that they stay aligned:
	// from the start, or around col when it is far to the right.
	start := 0
	if col > maxCols*3/4 {
		start = col - 1 - maxCols/2
	}
	e := &excerpt{}
	for n := first; n <= last; n++ {
		mark := "  "
		if n == line {
			mark = "> "
		}
		num := strconv.Itoa(n)
		e.Lines = append(e.Lines, excerptLine{
			Gutter: mark + strings.Repeat(" ", width-len(num)) + num + " | ",
			Text:   window(lines[n-1], start),
			Here:   n == line,
		})
	}
	if col > 0 {
		var caret strings.Builder
		caret.WriteString(strings.Repeat(" ", 2+width) + " | ")
		if start > 0 {
			caret.WriteString(" ") // under the "…"
		}
		i := 0
		for _, r := range lines[line-1] {
			if i >= col-1 {
				break
			}
			if i >= start {
				if r == '\t' {
					caret.WriteByte('\t')
				} else {
					caret.WriteByte(' ')
				}
			}
			i++
		}
		caret.WriteByte('^')
		e.Lines[line-first].Caret = caret.String()
	}
	return e
}

// window is the part of text from the character start, at most maxCols
// characters, with "…" where it is cut.
func window(text string, start int) string {
	if start == 0 && utf8.RuneCountInString(text) <= maxCols {
		return text
	}
	r := []rune(text)
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	from := min(start, len(r))
	to := min(start+maxCols, len(r))
	b.WriteString(string(r[from:to]))
	if to < len(r) {
		b.WriteString("…")
	}
	return b.String()
}
