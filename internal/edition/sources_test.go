package edition_test

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"unireport/internal/edition"
	"unireport/internal/provenance"
)

// sourceLine is the line that src names, from its column on.
func sourceLine(t *testing.T, src provenance.Source) string {
	t.Helper()
	b, err := os.ReadFile(src.Pos.File)
	if err != nil {
		t.Fatalf("the source %v: %v", src, err)
	}
	lines := strings.Split(string(b), "\n")
	if src.Pos.Line < 1 || src.Pos.Line > len(lines) {
		t.Fatalf("the source %v: no such line", src)
	}
	line := lines[src.Pos.Line-1]
	if src.Pos.Col < 1 || src.Pos.Col > utf8.RuneCountInString(line) {
		t.Fatalf("the source %v: no column %d in %q", src, src.Pos.Col, line)
	}
	rest := string([]rune(line)[src.Pos.Col-1:])
	if (rest == `"""` || rest == "'''") && src.Pos.Line < len(lines) {
		rest += lines[src.Pos.Line] // the text of a multi-line string starts on the next line
	}
	return rest
}

// holds checks that src names a line that holds want at its column, in
// quotes or not.
func holds(t *testing.T, what string, src provenance.Source, want string) {
	t.Helper()
	rest := sourceLine(t, src)
	for _, q := range []string{"", `"`, "'", `"""`, "'''"} {
		if strings.HasPrefix(rest, q+want) {
			return
		}
	}
	t.Errorf("%s: %v is %q, not %q", what, src, rest, want)
}

func source(t *testing.T, e *edition.Edition, v any, member, hint string) provenance.Source {
	t.Helper()
	src, ok := e.Source(v, member, hint)
	if !ok {
		t.Fatalf("no source for %s of %T", member, v)
	}
	return src
}

// TestSourcesOfEveryValue: for the values templates and tables print, the
// edition names the file, line and column where each is written.
func TestSourcesOfEveryValue(t *testing.T) {
	e := mustLoad(t, "../../data/2017")
	f := e.Facts
	holds(t, "title", source(t, e, f, "Title", ""), f.Title)
	holds(t, "date", source(t, e, f, "Date", ""), f.Date.Time().Format("2006-01-02"))
	holds(t, "States Parties", source(t, e, f, "StatesParties", ""), strconv.Itoa(f.StatesParties))
	holds(t, "meeting", source(t, e, f.Meeting, "Name", ""), f.Meeting.Name)
	letters, _ := f.Work.Letters.Number()
	holds(t, "letters", source(t, e, f.Work, "Letters", ""), strconv.Itoa(letters))
	holds(t, "letters, by the figure itself", source(t, e, f.Work.Letters, "", ""), strconv.Itoa(letters))
	prev := source(t, e, f.Meeting, "PreviousMeetingName", "")
	holds(t, "the meeting before", prev, strconv.Itoa(f.Meeting.Number))
	if prev.From == "" {
		t.Error("the previous meeting's name does not say it is computed")
	}

	count := source(t, e, e, "Count", "")
	if count.From != "count of [[state]] in states.toml" {
		t.Errorf("the count says it is %q", count.From)
	}
	holds(t, "count", count, "[[state]]")
	never := source(t, e, e.NeverParticipated(), "", "NeverParticipated")
	if !strings.Contains(never.From, "without last_participation") {
		t.Errorf("the States that never participated are described as %q", never.From)
	}
	holds(t, "never participated", never, "[[state]]")
	if again := source(t, e, e, "NeverParticipated", ""); again != never {
		t.Errorf("the fact read from the edition gives %v, from its list %v", again, never)
	}

	for _, s := range e.States {
		for _, m := range []struct {
			method string
			name   string
		}{{"PrintedName", s.PrintedName()}, {"TextName", s.TextName()}, {"VoteName", s.VoteName()}, {"ParticipationName", s.ParticipationName()}} {
			holds(t, string(s.Key)+" "+m.method, e.NameSource(s, m.method), strconv.Quote(m.name))
		}
		if lp := s.LastParticipation; lp != nil {
			holds(t, string(s.Key)+" last participation", e.StateSource(s, "last_participation.meeting"), strconv.Quote(lp.Meeting))
			holds(t, string(s.Key)+" last participation", e.StateSource(s, "last_participation.year"), strconv.Itoa(lp.Year))
		} else {
			holds(t, string(s.Key)+" never participated", e.NeverParticipatedSource(s), "[[state]]")
		}
		for j, q := range s.Quotations {
			text := strings.Fields(q.Text)
			holds(t, string(s.Key)+" quotation", e.QuotationSource(s, j, false), strings.Join(text[:min(6, len(text))], " "))
			holds(t, string(s.Key)+" citation", e.QuotationSource(s, j, true), q.Occasion)
		}
		if !s.HasInformation() {
			holds(t, string(s.Key)+" without information", e.NoQuotationSource(s), "[[state]]")
		}
	}
	for _, c := range e.VoteColumns() {
		holds(t, c.Key+" count", e.VoteCountSource(c.Key), "[")
		for _, s := range c.States {
			holds(t, c.Key+" "+string(s.Key), e.VoteSource(c.Key, s), strconv.Quote(string(s.Key)))
		}
	}
	for _, m := range e.Meetings {
		holds(t, string(m.Key)+" label", e.MeetingSource(m, "label"), strconv.Quote(m.Label))
		holds(t, string(m.Key)+" name", source(t, e, m, "DisplayName", ""), strconv.Quote(m.DisplayName()))
		for _, s := range e.States {
			if m.AttendedBy(s) {
				holds(t, string(m.Key)+" "+string(s.Key), e.AttendanceSource(m, s), strconv.Quote(string(s.Key)))
			}
		}
	}
	for _, r := range e.ReportsBefore(f.Year) {
		years := make([]string, len(r.State.Article7Reports))
		for i, y := range r.State.Article7Reports {
			years[i] = strconv.Itoa(y)
		}
		holds(t, "reports of "+string(r.State.Key), source(t, e, r, "Years", ""), "["+strings.Join(years, ", ")+"]")
	}
}

// TestSourcesOfChangesAndUnknowns: accessions and withdrawals, and what is
// not known, are where the edition writes them.
func TestSourcesOfChangesAndUnknowns(t *testing.T) {
	e := mustLoad(t, "../../testdata/editions/2018")
	if len(e.Facts.Changes) == 0 {
		t.Fatal("the 2018 fixture records no changes")
	}
	for _, c := range e.Facts.Changes {
		holds(t, "change of "+c.State, source(t, e, c, "State", ""), strconv.Quote(c.State))
		holds(t, "change of "+c.State, source(t, e, c, "Date", ""), c.Date.Time().Format("2006-01-02"))
	}
	acc := source(t, e, e.Accessions(), "", "Accessions")
	if !strings.Contains(acc.From, `kind = "accession"`) {
		t.Errorf("the accessions are described as %q", acc.From)
	}
	holds(t, "accessions", acc, "[[change]]")

	p := mustLoad(t, "../../testdata/editions/plenary-2018")
	for _, m := range p.UnknownAttendance() {
		holds(t, string(m.Key)+" not known", p.AttendanceSource(m, p.States[0]), `"not known"`)
	}
	holds(t, "letters not known", source(t, p, p.Facts.Work.Letters, "", ""), `"not known"`)
}

// TestNoSourceForWhatTheEditionDidNotRead: values of another edition, or
// not of the model, or members it does not have, have no source.
func TestNoSourceForWhatTheEditionDidNotRead(t *testing.T) {
	e := mustLoad(t, "../../data/2017")
	other := mustLoad(t, "../../testdata/editions/2018")
	for _, c := range []struct {
		v      any
		member string
	}{
		{other.States[0], "Name"},
		{other.Meetings[0], "Label"},
		{e.States[0], "NoSuchField"},
		{"text", ""},
		{2017, ""},
		{nil, "Name"},
		{e, "NoSuchFact"},
	} {
		if src, ok := e.Source(c.v, c.member, ""); ok {
			t.Errorf("%T %q has a source: %v", c.v, c.member, src)
		}
	}
}

func mustLoad(t *testing.T, dir string) *edition.Edition {
	t.Helper()
	e, diags := edition.Load(dir)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", dir, diags.Err())
	}
	return e
}
