package edition

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"unireport/internal/lazyregexp"
)

// IsUNMember reports whether the State is a UN member (the default).
func (s *State) IsUNMember() bool { return s.UNMember == nil || *s.UNMember }

// VoteName is the State's name in the vote table.
func (s *State) VoteName() string { return or(s.NameInVote, s.Name) }

// ParticipationName is the State's name in the participation table.
func (s *State) ParticipationName() string { return or(s.NameInParticipation, s.Name) }

// TextName is the State's name in running text, e.g. "the Republic of Korea".
func (s *State) TextName() string { return or(s.NameInText, s.Name) }

// HasInformation reports whether the State has submitted official information.
func (s *State) HasInformation() bool { return len(s.Quotations) > 0 }

// NewestInformation is the year of the State's newest quotation, 0 if none
// can be told.
func (s *State) NewestInformation() int {
	newest := 0
	for _, q := range s.Quotations {
		newest = max(newest, q.Year())
	}
	return newest
}

var yearPattern = lazyregexp.New(`\b(19|20)\d\d\b`)

// Year is the latest year named in the quotation's date (or, when it has
// none, in its occasion), 0 if none.
func (q *Quotation) Year() int {
	text := q.Date
	if strings.TrimSpace(text) == "" {
		text = q.Occasion
	}
	y := 0
	for _, m := range yearPattern.FindAllString(text, -1) {
		n, _ := strconv.Atoi(m)
		y = max(y, n)
	}
	return y
}

// Citation is the text printed in parentheses after the quotation.
func (q *Quotation) Citation() string {
	if strings.TrimSpace(q.Date) == "" {
		return q.Occasion
	}
	return q.Occasion + ", " + q.Date
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Count is the number of States not party.
func (e *Edition) Count() int { return len(e.States) }

// State returns the State with key k (the first, should two share it), or
// nil.
func (e *Edition) State(k Key) *State { return e.ix.byKey[k] }

// Lookup returns the States with the given keys, skipping unknown ones.
func (e *Edition) Lookup(keys []Key) []*State {
	var out []*State
	for _, k := range keys {
		if s := e.State(k); s != nil {
			out = append(out, s)
		}
	}
	return out
}

// Alphabetical returns all States ordered by their printed name, in a
// slice of the caller's own; the order is sorted once, at load.
func (e *Edition) Alphabetical() []*State { return slices.Clone(e.ix.alphabetical) }

// PrintedName is the State's name as printed in the table of positions.
func (s *State) PrintedName() string { return s.Name }

// NeverParticipated lists the States that have never taken part in a
// Convention meeting, alphabetically.
func (e *Edition) NeverParticipated() []*State {
	var out []*State
	for _, s := range e.ix.alphabetical {
		if s.LastParticipation == nil && len(e.attended(s)) == 0 {
			out = append(out, s)
		}
	}
	return out
}

// Signatories lists the States not party that signed the Convention.
func (e *Edition) Signatories() []*State {
	var out []*State
	for _, s := range e.ix.alphabetical {
		if s.Signatory {
			out = append(out, s)
		}
	}
	return out
}

// Attendance lists the meetings of the participation table that s attended,
// in table order.
func (e *Edition) Attendance(s *State) []*Meeting { return slices.Clone(e.attended(s)) }

// attended is Attendance without the copy, for the facts that only read it.
func (e *Edition) attended(s *State) []*Meeting { return e.ix.attendance[s.Key] }

// AttendedBy reports whether s is recorded as attending m (never when the
// attendance is not known).
func (m *Meeting) AttendedBy(s *State) bool { return m.attendees[s.Key] }

// DisplayName is the meeting's name in running text.
func (m *Meeting) DisplayName() string { return or(m.Name, m.Label) }

// LastFormalAttendance is the latest Meeting of the States Parties or
// Review Conference in the participation table that s attended, or nil.
func (e *Edition) LastFormalAttendance(s *State) *Meeting {
	var last *Meeting
	for _, m := range e.attended(s) {
		if m.Kind != Intersessional {
			last = m
		}
	}
	return last
}

// Participants lists, alphabetically by their name in the participation
// table, the States that attended at least one listed meeting.
func (e *Edition) Participants() []*State {
	var out []*State
	for _, s := range e.States {
		if len(e.attended(s)) > 0 {
			out = append(out, s)
		}
	}
	// Sorting only those kept gives the same order as keeping them from
	// all the States sorted: the sort is stable.
	return SortStates(out, (*State).ParticipationName)
}

// ReviewConference is the latest Review Conference in the meetings, or nil.
func (e *Edition) ReviewConference() *Meeting {
	var rc *Meeting
	for _, m := range e.Meetings {
		if m.Kind == ReviewConference {
			rc = m
		}
	}
	return rc
}

// Intersessional returns the intersessional meetings of year, or nil.
func (e *Edition) Intersessional(year int) *Meeting {
	for _, m := range e.Meetings {
		if m.Kind == Intersessional && m.Year == year {
			return m
		}
	}
	return nil
}

// Ticks is the number of attendances in the participation table.
func (e *Edition) Ticks() int {
	n := 0
	for _, m := range e.Meetings {
		n += len(m.Attended.Keys)
	}
	return n
}

// ReportsIn lists the States that submitted a voluntary Article 7 report in year.
func (e *Edition) ReportsIn(year int) []*State {
	var out []*State
	for _, s := range e.ix.alphabetical {
		if slices.Contains(s.Article7Reports, year) {
			out = append(out, s)
		}
	}
	return out
}

// EarlierReport is a State with the years of its voluntary reports before
// the edition's year.
type EarlierReport struct {
	State *State
	Years []int
}

// ReportsBefore lists, alphabetically, the States that submitted voluntary
// Article 7 reports before year, with those years in order.
func (e *Edition) ReportsBefore(year int) []EarlierReport {
	var out []EarlierReport
	for _, s := range e.ix.alphabetical {
		var years []int
		for _, y := range s.Article7Reports {
			if y < year {
				years = append(years, y)
			}
		}
		if len(years) > 0 {
			slices.Sort(years)
			out = append(out, EarlierReport{s, years})
		}
	}
	return out
}

// VoteColumn is one column of the vote table.
type VoteColumn struct {
	Key    string // in_favour, abstained, not_present
	States []*State
	Gap    string // in a draft, what is still needed for this column
}

// VoteColumns returns the three columns of the vote, each alphabetical by
// the States' names in the vote table.
func (e *Edition) VoteColumns() []VoteColumn {
	cols := []VoteColumn{
		{"in_favour", e.Lookup(e.Vote.InFavour.Keys), e.Vote.InFavour.Gap()},
		{"abstained", e.Lookup(e.Vote.Abstained.Keys), e.Vote.Abstained.Gap()},
		{"not_present", e.Lookup(e.Vote.NotPresent.Keys), e.Vote.NotPresent.Gap()},
	}
	for i := range cols {
		cols[i].States = SortStates(cols[i].States, (*State).VoteName)
	}
	return cols
}

// PreviousMeetingName is the long name of the meeting before this one, e.g.
// "Fifteenth Meeting of the States Parties".
func (m MeetingID) PreviousMeetingName() string {
	return capitalize(OrdinalWord(m.Number-1)) + " Meeting of the States Parties"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// UnknownAttendance lists the meetings whose attendance is not known, or
// still to be filled in, in table order.
func (e *Edition) UnknownAttendance() []*Meeting {
	var out []*Meeting
	for _, m := range e.Meetings {
		if !m.Attended.Known() {
			out = append(out, m)
		}
	}
	return out
}

// InformationAge is how old a State's newest official information is in
// the edition's year. known is false when the State has none, or none of
// its quotations can be dated: its age is then unknown, never counted from
// year 0.
func (e *Edition) InformationAge(s *State) (age int, known bool) {
	n := s.NewestInformation()
	if !s.HasInformation() || n == 0 {
		return 0, false
	}
	return e.Facts.Year - n, true
}

// Stale lists the States whose newest official information is older than
// stale_after_years, oldest first, then by name. Undated information is
// not stale: its age is unknown.
func (e *Edition) Stale() []*State {
	// Each age is told once: it reads every quotation's dates.
	type aged struct {
		state *State
		age   int
	}
	var stale []aged
	for _, s := range e.States {
		if age, ok := e.InformationAge(s); ok && age > e.Facts.StaleAfterYears {
			stale = append(stale, aged{s, age})
		}
	}
	slices.SortStableFunc(stale, func(a, b aged) int {
		return cmp.Or(cmp.Compare(b.age, a.age), cmp.Compare(a.state.Name, b.state.Name))
	})
	var out []*State
	for _, a := range stale {
		out = append(out, a.state)
	}
	return out
}

// DroppedOut lists, alphabetically, the States that attended a listed
// meeting in the year before the edition's but none in its year. While
// the attendance of a meeting of either year is not known (or still to be
// filled in), the list cannot be told: DroppedOut is then empty and
// DroppedOutUnknown lists those meetings.
func (e *Edition) DroppedOut() []*State {
	if len(e.DroppedOutUnknown()) > 0 {
		return nil
	}
	var out []*State
	for _, s := range e.ix.alphabetical {
		before, now := false, false
		for _, m := range e.attended(s) {
			before = before || m.Year == e.Facts.Year-1
			now = now || m.Year == e.Facts.Year
		}
		if before && !now {
			out = append(out, s)
		}
	}
	return out
}

// DroppedOutUnknown lists the meetings of the edition's year and the year
// before whose attendance is not known: while there are any, who dropped
// out cannot be told.
func (e *Edition) DroppedOutUnknown() []*Meeting {
	var out []*Meeting
	for _, m := range e.UnknownAttendance() {
		if m.Year == e.Facts.Year || m.Year == e.Facts.Year-1 {
			out = append(out, m)
		}
	}
	return out
}

// Gaps lists the values still to be filled in, by file, line and column.
func (e *Edition) Gaps() []Gap { return e.gaps }

// normalizeName folds a name or key for comparison: lower case, words
// joined by hyphens, so that "Marshal Islands" is one letter from the key
// "marshall-islands".
func normalizeName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == ',' || r == '.' || r == '\''
	}), "-")
}
