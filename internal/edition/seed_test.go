package edition_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"unireport/internal/diag"
	"unireport/internal/edition"
	"unireport/internal/testkit/seedtext"
)

// These tests compare the 2017 edition's data files with the official text
// they were copied from (see package seedtext).

func loadSeedAndEdition(t *testing.T) (*seedtext.Seed, *edition.Edition) {
	t.Helper()
	seed := seedtext.Need(t)
	root, err := seedtext.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	e, diags := edition.Load(filepath.Join(root, "data", "2017"))
	if diags.HasErrors() {
		var errs []string
		for _, d := range diags {
			if d.Severity == diag.Error {
				errs = append(errs, d.String())
			}
		}
		t.Fatalf("data/2017 does not load:\n%s", strings.Join(errs, "\n"))
	}
	return seed, e
}

func TestSeedFacts(t *testing.T) {
	seed, e := loadSeedAndEdition(t)
	f := e.Facts
	p := seed.Paragraphs
	if p[0] != f.Title {
		t.Errorf("title %q, official %q", f.Title, p[0])
	}
	if want := "Presented by the " + f.PresentedBy; p[1] != want {
		t.Errorf("presented by: official %q, data gives %q", p[1], want)
	}
	if got := f.Date.String(); p[2] != got {
		t.Errorf("date %q, official %q", got, p[2])
	}
	if len(seed.Footnotes) == 0 || seed.Footnotes[0] != f.SourcesNote {
		t.Errorf("sources_note differs from footnote ¹:\n data %q\n text %q", f.SourcesNote, seed.Footnotes)
	}
	// facts the narrative states
	needs := []string{
		fmt.Sprintf("In %d, %d States determined", f.SigningYear, f.OriginalSignatories),
		fmt.Sprintf("the Convention has %d States Parties", f.StatesParties),
		fmt.Sprintf("%d States remain outside", len(e.States)),
		fmt.Sprintf("has written to the %s States not party", f.Work.Letters),
		fmt.Sprintf("with %s States not party", f.Work.BilateralStates),
		fmt.Sprintf("met on %s occasions", edition.NumberWord(number(t, f.Work.WorkingGroupMeetings))),
		"and in the " + f.Meeting.Name + ".",
		"the " + f.Meeting.ShortName + " President",
		"President of the " + f.Meeting.Name,
	}
	if m := e.Intersessional(f.Year); m == nil || m.Dates == "" {
		t.Errorf("no dates for the %d intersessional meetings", f.Year)
	} else {
		needs = append(needs, "the work of the "+m.Dates+" intersessional meetings")
	}
	text := strings.Join(p, "\n") + "\n" + strings.Join(seed.Footnotes, "\n")
	for _, n := range needs {
		if !strings.Contains(text, n) {
			t.Errorf("the official text does not say %q", n)
		}
	}
}

func TestSeedStates(t *testing.T) {
	seed, e := loadSeedAndEdition(t)
	rows := seed.Positions.Rows
	if len(e.States) != len(rows) {
		t.Errorf("%d States in the data, %d rows in the table of positions", len(e.States), len(rows))
	}
	for i := range min(len(e.States), len(rows)) {
		s, r := e.States[i], rows[i]
		if s.Name != r.State {
			t.Errorf("State %d: name %q, official %q", i+1, s.Name, r.State)
			continue
		}
		if r.Marked != s.Signatory {
			t.Errorf("%s: signatory = %v, but the table marks it %q", s.Name, s.Signatory, r.Marker)
		}
		want := "Has never participated"
		if lp := s.LastParticipation; lp != nil {
			want = fmt.Sprintf("%s in %d", lp.Meeting, lp.Year)
		}
		if want != r.LastParticipation {
			t.Errorf("%s: last participation %q, official %q", s.Name, want, r.LastParticipation)
		}
	}
	// footnote ² names the signatory in running text
	for _, s := range e.Signatories() {
		name := s.TextName()
		name = strings.ToUpper(name[:1]) + name[1:]
		if !slices.ContainsFunc(seed.Footnotes, func(f string) bool { return strings.HasPrefix(f, name+" ") }) {
			t.Errorf("no footnote begins with %q", name)
		}
	}
	// the four States that never participated, named in running text
	never := e.NeverParticipated()
	if len(never) != 4 {
		t.Errorf("%d States never participated, the text says four", len(never))
	}
	i := slices.IndexFunc(seed.Paragraphs, func(p string) bool { return strings.Contains(p, "exception of four") })
	if i < 0 {
		t.Fatal("no paragraph on the States that never participated")
	}
	for _, s := range never {
		if !strings.Contains(seed.Paragraphs[i], s.TextName()) {
			t.Errorf("%q is not named in %q", s.TextName(), seed.Paragraphs[i])
		}
	}
	// voluntary Article 7 reports
	var sentence []string
	for _, s := range e.ReportsIn(e.Facts.Year) {
		sentence = append(sentence, fmt.Sprintf("In %d, %s submitted such a report.", e.Facts.Year, s.TextName()))
	}
	for _, r := range e.ReportsBefore(e.Facts.Year) {
		years := make([]string, len(r.Years))
		for j, y := range r.Years {
			years[j] = fmt.Sprint(y)
		}
		sentence = append(sentence, fmt.Sprintf("%s (%s)", r.State.TextName(), strings.Join(years, " and ")))
	}
	all := strings.Join(seed.Paragraphs, "\n")
	for _, s := range sentence {
		if !strings.Contains(all, s) {
			t.Errorf("the official text does not say %q", s)
		}
	}
}

// fullStopAfterCitation lists the States whose one quotation the official
// text follows with a full stop after the closing parenthesis.
var fullStopAfterCitation = map[edition.Key]bool{
	"micronesia-federated-states-of": true,
	"united-states-of-america":       true,
}

func TestSeedQuotations(t *testing.T) {
	seed, e := loadSeedAndEdition(t)
	rows := map[string]seedtext.PositionRow{}
	for _, r := range seed.Positions.Rows {
		rows[r.State] = r
	}
	quotations := 0
	for _, s := range e.States {
		r, ok := rows[s.Name]
		if !ok {
			continue // reported by TestSeedStates
		}
		quotations += len(s.Quotations)
		if r.NoInformation != (len(s.Quotations) == 0) {
			t.Errorf("%s: %d quotations, official cell %.60q", s.Name, len(s.Quotations), r.Cell)
			continue
		}
		if r.NoInformation {
			continue
		}

		// by words: each quotation followed by its citation
		var parts []string
		for _, q := range s.Quotations {
			parts = append(parts, q.Text+" ("+q.Citation()+")")
		}
		got, want := seedtext.Words(strings.Join(parts, " ")), seedtext.Words(r.Cell)
		if i := seedtext.FirstDifference(got, want); i >= 0 {
			t.Errorf("%s: words differ at word %d:\n data %q\n text %q", s.Name, i+1, wordsAround(got, i), wordsAround(want, i))
			continue
		}

		// by characters: each quotation, then a separator, then its citation
		cell, pos := r.Cell, 0
		for j, q := range s.Quotations {
			if j > 0 {
				pos += separator(cell[pos:], "")
			}
			if !strings.HasPrefix(cell[pos:], q.Text) {
				t.Errorf("%s: quotation %d differs from the official text %s", s.Name, j+1, describeDiff(q.Text, cell[pos:]))
				break
			}
			pos += len(q.Text)
			cite := "(" + q.Citation() + ")"
			n := separator(cell[pos:], cite)
			if !strings.HasPrefix(cell[pos+n:], cite) {
				t.Errorf("%s: citation %d differs from the official text %s", s.Name, j+1, describeDiff(cite, strings.TrimLeft(cell[pos:], " \n")))
				break
			}
			pos += n + len(cite)
			if strings.HasPrefix(cell[pos:], ".") {
				pos++
				if !fullStopAfterCitation[s.Key] {
					t.Errorf("%s: the official text prints a full stop after citation %d", s.Name, j+1)
				}
			} else if fullStopAfterCitation[s.Key] && j == len(s.Quotations)-1 {
				t.Errorf("%s: expected a full stop after the citation", s.Name)
			}
			if j == len(s.Quotations)-1 && pos != len(cell) {
				t.Errorf("%s: the official cell goes on after the last citation: %q", s.Name, cell[pos:])
			}
		}
	}
	if quotations != 35 {
		t.Errorf("%d quotations, want 35", quotations)
	}
}

// separator returns the length of the separator at the start of s that the
// official text prints between a quotation and its citation (none, a space,
// or a paragraph break) or between two quotations; with next, the one
// followed by next.
func separator(s, next string) int {
	for _, sep := range []string{"\n\n", " ", ""} {
		if strings.HasPrefix(s, sep) && strings.HasPrefix(s[len(sep):], next) {
			return len(sep)
		}
	}
	return 0
}

// describeDiff says where data first differs from the official text that
// should start with it, in characters, with some context.
func describeDiff(data, official string) string {
	i := 0
	for i < len(data) && i < len(official) && data[i] == official[i] {
		i++
	}
	for i > 0 && !utf8.RuneStart(data[i]) {
		i-- // back to the start of the differing character
	}
	from := max(0, i-30)
	for from > 0 && !utf8.RuneStart(data[from]) {
		from--
	}
	return fmt.Sprintf("at character %d:\n data %q\n text %q", utf8.RuneCountInString(data[:i])+1,
		clip(data[from:], i-from+30), clip(official[from:], i-from+30))
}

func clip(s string, n int) string {
	if n >= len(s) {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func wordsAround(w []string, i int) string {
	return strings.Join(w[max(0, i-5):min(len(w), i+5)], " ")
}

func TestSeedVote(t *testing.T) {
	seed, e := loadSeedAndEdition(t)
	cols := [][]edition.Key{e.Vote.InFavour.Keys, e.Vote.Abstained.Keys, e.Vote.NotPresent.Keys}
	headings := []string{"In favour", "Abstained", "Not present"}
	if len(seed.Vote.Columns) != len(cols) {
		t.Fatalf("the official vote table has %d columns, want %d", len(seed.Vote.Columns), len(cols))
	}
	for i, c := range seed.Vote.Columns {
		if c.Heading != headings[i] {
			t.Errorf("vote column %d is %q, want %q", i+1, c.Heading, headings[i])
		}
		var names []string
		for _, s := range e.Lookup(cols[i]) {
			names = append(names, s.VoteName())
		}
		if !slices.Equal(names, c.States) {
			t.Errorf("%s:\n data %q\n text %q", c.Heading, names, c.States)
		}
		if len(cols[i]) != c.Count {
			t.Errorf("%s: %d States, the heading says %d", c.Heading, len(cols[i]), c.Count)
		}
	}
}

func TestSeedParticipation(t *testing.T) {
	seed, e := loadSeedAndEdition(t)
	pt := seed.Participation
	if len(e.Meetings) != len(pt.Labels) {
		t.Fatalf("%d meetings, %d columns in the participation table", len(e.Meetings), len(pt.Labels))
	}
	byName := map[string]*edition.State{}
	for _, s := range e.States {
		byName[s.ParticipationName()] = s
	}
	for i, m := range e.Meetings {
		if m.Label != pt.Labels[i] || fmt.Sprint(m.Year) != pt.Years[i] {
			t.Errorf("meeting %d: %q in %d, official %q in %s", i+1, m.Label, m.Year, pt.Labels[i], pt.Years[i])
		}
		var want []edition.Key
		for _, r := range pt.Rows {
			if r.Attended[i] {
				s := byName[r.State]
				if s == nil {
					t.Errorf("participation table: no State is printed %q there", r.State)
					continue
				}
				want = append(want, s.Key)
			}
		}
		if !slices.Equal(m.Attended.Keys, want) {
			t.Errorf("%s (%s): attended\n data %q\n text %q", m.Key, m.Label, m.Attended.Keys, want)
		}
	}
	if got, want := e.Ticks(), pt.Ticks(); got != want || got != 56 {
		t.Errorf("%d ticks in the data, %d in the official text, want 56", got, want)
	}
	if got := len(e.Participants()); got != len(pt.Rows) {
		t.Errorf("%d States attended a meeting, the table has %d rows", got, len(pt.Rows))
	}
}

// number returns a figure that the 2017 data must state.
func number(t *testing.T, f edition.Figure) int {
	t.Helper()
	n, ok := f.Number()
	if !ok {
		t.Fatalf("figure %v is not a number", f)
	}
	return n
}
