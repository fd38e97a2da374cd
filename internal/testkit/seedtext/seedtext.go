// Package seedtext parses the official text of the 2017 report, "Status of
// Universalization of the Anti-Personnel Mine Ban Convention", as extracted
// from its PDF, so that tests can compare the data files and the rendered
// report against it. It is test support only: nothing in the program
// depends on it.
//
// The extracted text has these conventions, which Load undoes:
//
//   - Table rows are lines with tab-separated cells. A table ends at the next
//     line of running text; blank lines (page breaks) and footnote lines do
//     not end it.
//   - The table of positions repeats its header row where the original turns
//     a page. A row that continues on the next page appears as a
//     continuation line whose first cell is empty; its cells belong to the
//     row above and are joined to it with one space.
//   - In the table of positions, "<p>" and "</p>" mark paragraphs inside a
//     cell. Some cells have none. At a page break a paragraph may be closed
//     by "</p>" and go on without "<p>" (Iran), or go on in a "<p>" that was
//     never closed (Egypt); only "</p>" followed by "<p>" separates
//     paragraphs.
//   - Footnote lines start with a superscript digit (¹, ²); a name in a table
//     may carry one as a marker ("Marshall Islands²").
//   - A superscript ordinal suffix comes out as a separate word: "3 rd
//     RevCon" for "3rd RevCon".
package seedtext

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"unireport/internal/testkit/testtool"
)

// FileName is the name of the official text in the shared seed folder.
const FileName = "status-of-universalization-2017.txt"

// Seed is the official text, parsed.
type Seed struct {
	// Paragraphs are the lines of running text, in order: every non-blank
	// line that is neither a table row nor a footnote. They include the
	// title block (title, "Presented by ...", date) and the captions of the
	// tables, and keep footnote markers and Markdown emphasis as printed.
	Paragraphs []string
	// Footnotes are the footnote texts, in order, without their markers.
	Footnotes []string
	// FootnoteMarkers are the footnotes' markers ("¹", "²"), parallel to
	// Footnotes.
	FootnoteMarkers []string

	Vote          VoteTable
	Participation ParticipationTable
	Positions     PositionsTable
}

// VoteTable is the table of the UNGA First Committee vote by States not
// party: one column per way of voting.
type VoteTable struct {
	Caption string // the paragraph printed just before the table
	Columns []VoteColumn
}

// VoteColumn is one column of the vote table.
type VoteColumn struct {
	Heading string   // e.g. "In favour", without the count
	Count   int      // the count printed in the heading, e.g. 15
	States  []string // the names in the column, top to bottom, as printed
}

// ParticipationTable is the table of participation in Convention-related
// meetings: one row per State, one column per meeting.
type ParticipationTable struct {
	Caption string // the paragraph printed just before the table
	Corner  string // the top-left heading, "State not Party"
	// Years is the year heading of each meeting column; a year heading that
	// spans two columns is repeated for both.
	Years []string
	// Labels are the meeting column headings from the second header row,
	// with the ordinal artefact joined ("3rd RevCon"); RawLabels as printed
	// ("3 rd RevCon").
	Labels    []string
	RawLabels []string
	Rows      []ParticipationRow
}

// ParticipationRow is one State's row of the participation table.
type ParticipationRow struct {
	State    string // as printed, e.g. "UAE"
	Attended []bool // one per meeting column: true where the cell has a tick
}

// Ticks counts the ticks in the table.
func (t *ParticipationTable) Ticks() int {
	n := 0
	for _, r := range t.Rows {
		for _, a := range r.Attended {
			if a {
				n++
			}
		}
	}
	return n
}

// PositionsTable is the long table of the States' stated positions.
type PositionsTable struct {
	Header []string // the three column headings, printed once or repeated
	// HeaderLines counts how many times the header row is printed (once,
	// plus once per page turned inside the table).
	HeaderLines int
	Rows        []PositionRow
}

// PositionRow is one State's row of the table of positions.
type PositionRow struct {
	State  string // the name without footnote marker
	Marker string // the footnote marker after the name ("²"), or ""
	Marked bool   // Marker != ""
	// Paragraphs are the paragraphs of the middle cell: continuation lines
	// merged, "<p>" markers removed, each trimmed. A citation that sits in a
	// paragraph of its own (Pakistan) is a paragraph of its own here too.
	Paragraphs []string
	// Cell is Paragraphs joined with a blank line ("\n\n").
	Cell string
	// NoInformation is true when the cell says "No official information
	// submitted" (with or without a full stop).
	NoInformation bool
	// LastParticipation is the last cell, e.g. "9MSP in 2008" or "Has never
	// participated"; continuation lines merged.
	LastParticipation string
}

// ModuleRoot returns the nearest folder, from the current directory up,
// that holds a go.mod file.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("seedtext: no go.mod in the current directory or above")
		}
		dir = parent
	}
}

// Path returns the path of the official text: ../shared/seed/FileName
// relative to the module root (see ModuleRoot). It returns an error if the
// file is missing.
func Path() (string, error) {
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	p := filepath.Join(root, "..", "shared", "seed", FileName)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("seedtext: official text not found: %w", err)
	}
	return p, nil
}

// LoadDefault loads the official text found by Path.
func LoadDefault() (*Seed, error) {
	p, err := Path()
	if err != nil {
		return nil, err
	}
	return Load(p)
}

// Load reads and parses the official text at path.
func Load(path string) (*Seed, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, err := Parse(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

type tableKind int

const (
	noTable tableKind = iota
	voteTable
	participationTable
	positionsTable
)

var (
	headingCount = regexp.MustCompile(`^(.*\S) \((\d+)\)$`)
	cellBreak    = regexp.MustCompile(`</p>\s*<p>`)
	pMarker      = regexp.MustCompile(`</?p>`)
)

const tick = "√"

// Parse parses the official text.
func Parse(text string) (*Seed, error) {
	s := &Seed{}
	table := noTable
	var partHeader bool // the participation table's labels row is still due
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, line := range lines {
		n := i + 1
		fail := func(format string, a ...any) error {
			return fmt.Errorf("line %d: %s", n, fmt.Sprintf(format, a...))
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !strings.Contains(line, "\t") {
			if m := footnoteMarker(line); m != "" {
				s.Footnotes = append(s.Footnotes, strings.TrimSpace(line[len(m):]))
				s.FootnoteMarkers = append(s.FootnoteMarkers, m)
				continue
			}
			if partHeader {
				return nil, fail("participation table: labels row missing")
			}
			table = noTable
			s.Paragraphs = append(s.Paragraphs, strings.TrimSpace(line))
			continue
		}
		cells := strings.Split(line, "\t")
		if table == noTable {
			caption := ""
			if len(s.Paragraphs) > 0 {
				caption = s.Paragraphs[len(s.Paragraphs)-1]
			}
			switch {
			case len(cells) == 3 && strings.EqualFold(cells[0], "State not party") && s.Positions.HeaderLines == 0:
				table = positionsTable
				s.Positions.Header = cells
				s.Positions.HeaderLines = 1
			case len(cells) > 1 && strings.EqualFold(cells[0], "State not party") && s.Participation.Corner == "":
				table = participationTable
				s.Participation.Caption = caption
				s.Participation.Corner = cells[0]
				year := ""
				for _, c := range cells[1:] {
					if c != "" {
						year = c
					}
					if year == "" {
						return nil, fail("participation table: first meeting column has no year")
					}
					s.Participation.Years = append(s.Participation.Years, year)
				}
				partHeader = true
			case isVoteHeader(cells) && s.Vote.Columns == nil:
				table = voteTable
				s.Vote.Caption = caption
				for _, c := range cells {
					m := headingCount.FindStringSubmatch(c)
					k, _ := strconv.Atoi(m[2])
					s.Vote.Columns = append(s.Vote.Columns, VoteColumn{Heading: m[1], Count: k})
				}
			default:
				return nil, fail("table row outside a known table: %q", line)
			}
			continue
		}
		switch table {
		case voteTable:
			if len(cells) != len(s.Vote.Columns) {
				return nil, fail("vote table: %d cells, want %d", len(cells), len(s.Vote.Columns))
			}
			for j, c := range cells {
				if c = strings.TrimSpace(c); c != "" {
					s.Vote.Columns[j].States = append(s.Vote.Columns[j].States, c)
				}
			}
		case participationTable:
			want := len(s.Participation.Years) + 1
			if len(cells) != want {
				return nil, fail("participation table: %d cells, want %d", len(cells), want)
			}
			if partHeader {
				if cells[0] != "" {
					return nil, fail("participation table: labels row has a first cell %q", cells[0])
				}
				for _, c := range cells[1:] {
					s.Participation.RawLabels = append(s.Participation.RawLabels, c)
					s.Participation.Labels = append(s.Participation.Labels, JoinOrdinals(c))
				}
				partHeader = false
				continue
			}
			row := ParticipationRow{State: strings.TrimSpace(cells[0])}
			if row.State == "" {
				return nil, fail("participation table: row without a State")
			}
			for j, c := range cells[1:] {
				switch strings.TrimSpace(c) {
				case tick:
					row.Attended = append(row.Attended, true)
				case "":
					row.Attended = append(row.Attended, false)
				default:
					return nil, fail("participation table: %s, column %d: %q is neither a tick nor empty", row.State, j+1, c)
				}
			}
			s.Participation.Rows = append(s.Participation.Rows, row)
		case positionsTable:
			if len(cells) != 3 {
				return nil, fail("table of positions: %d cells, want 3", len(cells))
			}
			if equalCells(cells, s.Positions.Header) {
				s.Positions.HeaderLines++
				continue
			}
			if cells[0] == "" {
				if len(s.Positions.Rows) == 0 {
					return nil, fail("table of positions: continuation line before the first row")
				}
				r := &s.Positions.Rows[len(s.Positions.Rows)-1]
				r.Cell = joinSpace(r.Cell, cells[1])
				r.LastParticipation = joinSpace(r.LastParticipation, cells[2])
				continue
			}
			name, marker := splitMarker(strings.TrimSpace(cells[0]))
			s.Positions.Rows = append(s.Positions.Rows, PositionRow{
				State:             name,
				Marker:            marker,
				Marked:            marker != "",
				Cell:              cells[1], // raw until finished below
				LastParticipation: strings.TrimSpace(cells[2]),
			})
		}
	}
	if partHeader {
		return nil, errors.New("participation table: labels row missing")
	}
	for i := range s.Positions.Rows {
		r := &s.Positions.Rows[i]
		for _, p := range cellBreak.Split(r.Cell, -1) {
			p = strings.TrimSpace(pMarker.ReplaceAllString(p, ""))
			if p != "" {
				r.Paragraphs = append(r.Paragraphs, p)
			}
		}
		r.Cell = strings.Join(r.Paragraphs, "\n\n")
		r.NoInformation = strings.HasPrefix(r.Cell, "No official information submitted")
	}
	if s.Vote.Columns == nil {
		return nil, errors.New("no vote table")
	}
	if s.Participation.Corner == "" {
		return nil, errors.New("no participation table")
	}
	if s.Positions.HeaderLines == 0 {
		return nil, errors.New("no table of positions")
	}
	return s, nil
}

func isVoteHeader(cells []string) bool {
	for _, c := range cells {
		if !headingCount.MatchString(c) {
			return false
		}
	}
	return true
}

func equalCells(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.TrimSpace(a[i]) != strings.TrimSpace(b[i]) {
			return false
		}
	}
	return true
}

func joinSpace(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// superscript digits used as footnote markers
const superscripts = "¹²³⁴⁵⁶⁷⁸⁹⁰"

// footnoteMarker returns the run of superscript digits that starts line and
// is followed by a space, or "".
func footnoteMarker(line string) string {
	i := 0
	for i < len(line) {
		r, size := utf8.DecodeRuneInString(line[i:])
		if !strings.ContainsRune(superscripts, r) {
			break
		}
		i += size
	}
	if i == 0 || i == len(line) || line[i] != ' ' {
		return ""
	}
	return line[:i]
}

// splitMarker splits a trailing run of superscript digits off a name.
func splitMarker(name string) (string, string) {
	i := len(name)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(name[:i])
		if !strings.ContainsRune(superscripts, r) {
			break
		}
		i -= size
	}
	return name[:i], name[i:]
}

var ordinalArtefact = regexp.MustCompile(`\b(\d+) (st|nd|rd|th)\b`)

// JoinOrdinals joins a number and an ordinal suffix that the PDF extraction
// separated with a space because the suffix was a superscript: "3 rd" →
// "3rd".
func JoinOrdinals(s string) string {
	return ordinalArtefact.ReplaceAllString(s, "$1$2")
}

// Words splits s into words for comparing the order of words in two texts
// that differ in punctuation, quotes, spacing or paragraph breaks: the
// maximal runs of Unicode letters and decimal digits, case kept. Everything
// else separates words and is dropped, including the superscript footnote
// markers (¹ ² are not decimal digits), so "official¹" gives "official".
//
// A number followed by one space and an ordinal suffix ("3 rd") is one word
// ("3rd"): the official text was extracted from a PDF that set ordinal
// suffixes as superscripts, and the extraction put a space before them, so
// the seed's "3 rd RevCon" must compare equal to the data's "3rd RevCon".
// Joining also in texts that never had the artefact is harmless: a digit
// run followed by a separate "st", "nd", "rd" or "th" word does not occur
// otherwise.
func Words(s string) []string {
	type span struct{ start, end int }
	var spans []span
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			spans = append(spans, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		spans = append(spans, span{start, len(s)})
	}
	var words []string
	for i := 0; i < len(spans); i++ {
		w := s[spans[i].start:spans[i].end]
		if i+1 < len(spans) && allDigits(w) && spans[i+1].start == spans[i].end+1 && s[spans[i].end] == ' ' {
			if next := s[spans[i+1].start:spans[i+1].end]; isOrdinalSuffix(next) {
				words = append(words, w+next)
				i++
				continue
			}
		}
		words = append(words, w)
	}
	return words
}

func allDigits(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

func isOrdinalSuffix(w string) bool {
	switch w {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// FirstDifference returns the first index at which the word lists a and b
// differ, or -1 when they are equal.
func FirstDifference(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	return -1
}

// NeedPath returns the path of the official text, or ends the test: Skip
// where ../shared/seed is missing (a clone on its own), Fatal when CI is
// set, as for the tools tests drive.
func NeedPath(t testing.TB) string {
	t.Helper()
	p, err := Path()
	if err != nil {
		testtool.Missing(t, fmt.Sprintf("the official 2017 text is not beside the project (%v): these tests compare the report with it", err))
	}
	return p
}

// Need loads the official text, or ends the test as NeedPath does.
func Need(t testing.TB) *Seed {
	t.Helper()
	s, err := Load(NeedPath(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}
