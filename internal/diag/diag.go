// Package diag holds positions and diagnostics: what is wrong, where, and
// how bad. Diagnostics are data; only the command line turns them into text
// and only the preview into HTML.
package diag

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"
	"unicode/utf8"
)

// Pos is a place in a file. Line and Col are 1-based; 0 means unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, leaving out unknown parts.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	return b.String()
}

// Chars yields each character of text with its place, text starting at
// start: a line feed moves to the next line's first column. Bytes that are
// not UTF-8 come as utf8.RuneError, one column each.
func Chars(text string, start Pos) iter.Seq2[Pos, rune] {
	return func(yield func(Pos, rune) bool) {
		p := start
		for i := 0; i < len(text); {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !yield(p, r) {
				return
			}
			if r == '\n' {
				p.Line, p.Col = p.Line+1, 1
			} else {
				p.Col++
			}
			i += n
		}
	}
}

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in the inputs: what is wrong (Message)
// kept apart from what to do about it (Help), as BurntSushi/toml keeps a
// ParseError's Usage apart from its Message, so that each reader can set
// them apart.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string
	Help     string // optional: what to do about it
}

// Text is the message and, after a colon, the help: one line of words.
func (d Diagnostic) Text() string {
	if d.Help == "" {
		return d.Message
	}
	return d.Message + ": " + d.Help
}

// String formats the diagnostic as "path:line:col: error: message: help".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Text())
}

// List collects diagnostics; the zero value is ready to use.
type List []Diagnostic

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Add appends diagnostics.
func (l *List) Add(ds ...Diagnostic) { *l = append(*l, ds...) }

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders diagnostics by file, line and column, keeping the order in
// which they were found for the same place.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
		)
	})
}

// Err returns the list as an error if it holds any error, else nil.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return ListError(l)
}

// ListError is a List used as an error value.
type ListError List

func (e ListError) Error() string {
	var b strings.Builder
	for i, d := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Summary is the one-line count printed after a list, e.g. "2 errors, 1 warning".
func (l List) Summary() string {
	e, w := l.Count()
	return Plural(e, "error") + ", " + Plural(w, "warning")
}

// Plural counts n of a word for a message: "1 error", "3 errors".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
