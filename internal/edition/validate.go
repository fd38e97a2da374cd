package edition

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"unireport/internal/diag"
)

// MinYear and MaxYear bound every year an edition holds (and the names of
// edition folders): outside them a year is a typing mistake, not history.
const (
	MinYear = 1990
	MaxYear = 2100
)

// maxStates bounds counts of States: the United Nations has 193 members.
const maxStates = 250

// validate checks the edition across its files. It runs only on an edition
// whose files all decoded, so every slice element is set.
func (e *Edition) validate(diags *diag.List) {
	f := &e.Facts
	if f.Language == "" {
		f.Language = "en"
	}
	if f.StaleAfterYears == 0 {
		f.StaleAfterYears = 5
	}
	e.checkYear(diags, FactsFile, "year", f.Year)
	e.checkYear(diags, FactsFile, "signing_year", f.SigningYear)
	if !f.Date.IsGap() && f.Date.Year != f.Year {
		diags.Warnf(e.Pos(FactsFile, "date", true), "the date of presentation %s is not in the edition's year %d", f.Date, f.Year)
	}
	if f.StatesParties <= 0 {
		diags.Errorf(e.Pos(FactsFile, "states_parties", true), "states_parties must be a positive number")
	} else if f.StatesParties > maxStates {
		diags.Errorf(e.Pos(FactsFile, "states_parties", true), "states_parties is %d, but there are fewer than %d States in the world: is a digit repeated?", f.StatesParties, maxStates)
	}
	e.checkLanguage(diags)
	e.checkFolderYear(diags)
	for _, k := range []struct {
		path string
		v    int
	}{
		{"original_signatories", f.OriginalSignatories}, {"stale_after_years", f.StaleAfterYears},
		{"work.bilateral_meetings", f.Work.BilateralMeetings},
	} {
		if k.v < 0 {
			diags.Errorf(e.Pos(FactsFile, k.path, true), "%s cannot be negative", k.path)
		}
	}
	e.validateWork(diags)
	for _, s := range []struct{ path, v string }{
		{"title", f.Title}, {"presented_by", f.PresentedBy}, {"sources_note", f.SourcesNote},
		{"meeting.short_name", f.Meeting.ShortName}, {"meeting.name", f.Meeting.Name},
	} {
		if strings.TrimSpace(s.v) == "" {
			diags.Errorf(e.Pos(FactsFile, s.path, true), "%s is empty", s.path)
		}
	}
	e.validateMeeting(diags)
	e.checkChanges(diags)
	e.checkCharacters(diags)
	e.validateStates(diags)
	e.validateVote(diags)
	e.validateMeetings(diags)
}

func (e *Edition) checkYear(diags *diag.List, file, path string, y int) {
	if y < MinYear && !(path == "signing_year" && y >= 1900) || y > MaxYear {
		diags.Errorf(e.Pos(file, path, true), "%d is not a plausible year for %s", y, lastPart(path))
	}
}

func lastPart(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

func (e *Edition) validateStates(diags *diag.List) {
	byKey := map[Key]*State{}
	byName := map[string]*State{}
	acceded := e.acceded()
	for i, s := range e.States {
		p := statePath(i)
		if c := acceded[s.Key]; c != nil {
			diags.Errorf(e.Pos(StatesFile, p, false), "%s acceded on %s: it is no longer a State not party: remove its [[state]] table", s.Name, c.Date)
		}
		if prev, dup := byKey[s.Key]; dup {
			diags.Errorf(e.Pos(StatesFile, p+".key", true), "duplicate State key %q: %s already uses it at line %d",
				s.Key, prev.Name, e.Pos(StatesFile, statePath(prev.Index)+".key", true).Line)
		} else {
			byKey[s.Key] = s
		}
		if strings.TrimSpace(s.Name) == "" {
			diags.Errorf(e.Pos(StatesFile, p+".name", true), "the name of State %q is empty", s.Key)
		} else if prev, dup := byName[s.Name]; dup {
			diags.Errorf(e.Pos(StatesFile, p+".name", true), "State %q is listed twice: also at line %d",
				s.Name, e.Pos(StatesFile, statePath(prev.Index), false).Line)
		} else {
			byName[s.Name] = s
		}
		for j, y := range s.Article7Reports {
			if y < 1999 || y > e.Facts.Year {
				diags.Errorf(e.Pos(StatesFile, fmt.Sprintf("%s.article7_reports[%d]", p, j), true),
					"%s: Article 7 report year %d is outside 1999-%d", s.Name, y, e.Facts.Year)
			}
		}
		e.checkLastParticipation(diags, s)
		if lp := s.LastParticipation; lp != nil {
			if strings.TrimSpace(lp.Meeting) == "" {
				diags.Errorf(e.Pos(StatesFile, p+".last_participation.meeting", true), "%s: last participation names no meeting", s.Name)
			}
			if lp.Year < 1999 || lp.Year > e.Facts.Year {
				diags.Errorf(e.Pos(StatesFile, p+".last_participation.year", true),
					"%s: last participation year %d is outside 1999-%d", s.Name, lp.Year, e.Facts.Year)
			}
		}
		for j, q := range s.Quotations {
			qp := fmt.Sprintf("%s.quotation[%d]", p, j)
			if strings.TrimSpace(q.Text) == "" {
				diags.Errorf(e.Pos(StatesFile, qp+".text", true), "quotation %d of %s has no text", j+1, s.Name)
			}
			if n := utf8.RuneCountInString(q.Text); n > MaxQuotation {
				diags.Errorf(e.Pos(StatesFile, qp+".text", true), "quotation %d of %s is %d characters long; a quotation may have at most %d: shorten it, marking cuts with (...)", j+1, s.Name, n, MaxQuotation)
			}
			if strings.TrimSpace(q.Occasion) == "" {
				diags.Errorf(e.Pos(StatesFile, qp+".occasion", true), "quotation %d of %s has no citation: say where it was stated in occasion", j+1, s.Name)
			}
			if y := q.Year(); y != 0 && (y < MinYear || y > e.Facts.Year) {
				diags.Errorf(e.Pos(StatesFile, qp+".date", true), "quotation %d of %s is dated %d, outside %d-%d", j+1, s.Name, y, MinYear, e.Facts.Year)
			}
		}
		e.warnStale(diags, s)
	}
}

// warnStale warns about States whose official information is missing or old.
func (e *Edition) warnStale(diags *diag.List, s *State) {
	p := statePath(s.Index)
	if len(s.Quotations) == 0 {
		diags.Warnf(e.Pos(StatesFile, p, false), "%s: no official information submitted", s.Name)
		return
	}
	age, known := e.InformationAge(s)
	if !known {
		diags.Warnf(e.Pos(StatesFile, p+".quotation", false), "%s: cannot tell the year of its quotations; give each a date", s.Name)
		return
	}
	if age > e.Facts.StaleAfterYears {
		diags.Warnf(e.Pos(StatesFile, p, false), "%s: newest official information is from %d, %d years old", s.Name, s.NewestInformation(), age)
	}
}

func (e *Edition) validateVote(diags *diag.List) {
	v := &e.Vote
	if v.Year != e.Facts.Year {
		diags.Warnf(e.Pos(VoteFile, "year", true), "the vote is of %d, not of the edition's year %d", v.Year, e.Facts.Year)
	}
	e.validateVoteDetails(diags)
	states := e.stateIndex()
	acceded := e.acceded()
	column := map[Key]string{}
	meant := map[Key]bool{} // States an unknown entry was probably meant for
	complete := true
	for _, col := range []struct {
		name string
		list KeyList
	}{{"in_favour", v.InFavour}, {"abstained", v.Abstained}, {"not_present", v.NotPresent}} {
		if col.list.Gap() != "" {
			complete = false
			continue
		}
		for i, k := range col.list.Keys {
			pos := e.Pos(VoteFile, fmt.Sprintf("%s[%d]", col.name, i), true)
			s, ok := states[k]
			switch {
			case !ok:
				diags.Errorf(pos, "%s", e.unknownKeyMessage(k, acceded, "the vote lists %s", "remove it from "+col.name, meant))
				continue
			case acceded[k] != nil:
				continue // reported once, at its [[state]] table
			case column[k] == col.name:
				diags.Errorf(pos, "%s is listed twice in %s", s.Name, col.name)
			case column[k] != "":
				diags.Errorf(pos, "%s is in both %s and %s: a State has one vote", s.Name, column[k], col.name)
			case !s.IsUNMember():
				diags.Errorf(pos, "%s is not a UN member (un_member = false in %s), so it has no vote", s.Name, StatesFile)
			}
			if column[k] == "" {
				column[k] = col.name
			}
		}
	}
	if !complete {
		return // who has no vote can be told once every list is filled in
	}
	pending := map[Key]bool{} // still a State Party: reported at its [[state]] table
	for _, c := range e.PendingWithdrawals() {
		pending[c.Key] = true
	}
	for _, s := range e.States {
		if s.IsUNMember() && column[s.Key] == "" && acceded[s.Key] == nil && !meant[s.Key] && !pending[s.Key] {
			diags.Errorf(e.Pos(VoteFile, "", false), "%s (%q) has no vote: list it in in_favour, abstained or not_present", s.Name, s.Key)
		}
	}
}

// unknownKeyMessage says what is wrong with a list entry that is not the
// key of a State of this edition: the State acceded, or the entry is a
// name or a typo (with the key it probably means, recorded in meant).
// listed words the list, with %s where the entry goes.
func (e *Edition) unknownKeyMessage(k Key, acceded map[Key]*Change, listed, fix string, meant map[Key]bool) string {
	if c := acceded[k]; c != nil {
		return fmt.Sprintf(listed, c.State) + fmt.Sprintf(", which acceded on %s: it is no longer a State not party, so %s", c.Date, fix)
	}
	msg := fmt.Sprintf(listed, strconv.Quote(string(k))) + fmt.Sprintf(", which is not the key of a State in %s", StatesFile)
	if s := e.suggestState(string(k)); s != nil {
		meant[s.Key] = true
		return msg + fmt.Sprintf("; did you mean %q (%s)?", s.Key, s.Name)
	}
	if !keyPattern.MatchString(string(k)) {
		msg += ": list States by their key, e.g. \"korea-republic-of\""
	}
	return msg
}

func (e *Edition) validateMeetings(diags *diag.List) {
	states := e.stateIndex()
	acceded := e.acceded()
	seen := map[Key]*Meeting{}
	for i, m := range e.Meetings {
		p := meetingPath(i)
		if prev, dup := seen[m.Key]; dup {
			diags.Errorf(e.Pos(MeetingsFile, p+".key", true), "duplicate meeting key %q: also at line %d",
				m.Key, e.Pos(MeetingsFile, meetingPath(prev.Index)+".key", true).Line)
		}
		seen[m.Key] = m
		if m.Year < MinYear || m.Year > e.Facts.Year {
			diags.Errorf(e.Pos(MeetingsFile, p+".year", true), "meeting %q is in %d, outside %d-%d", m.Label, m.Year, MinYear, e.Facts.Year)
		}
		if i > 0 && m.Year < e.Meetings[i-1].Year {
			diags.Errorf(e.Pos(MeetingsFile, p+".year", true), "meeting %q (%d) comes after one of %d: list meetings in date order", m.Label, m.Year, e.Meetings[i-1].Year)
		}
		if strings.TrimSpace(m.Label) == "" {
			diags.Errorf(e.Pos(MeetingsFile, p+".label", true), "meeting %q has an empty label", m.Key)
		}
		attended := map[Key]bool{}
		for j, k := range m.Attended.Keys {
			pos := e.Pos(MeetingsFile, fmt.Sprintf("%s.attended[%d]", p, j), true)
			switch {
			case states[k] == nil:
				diags.Errorf(pos, "%s", e.unknownKeyMessage(k, acceded, fmt.Sprintf("meeting %q lists %%s as attending", m.Label), "remove it from attended (its past attendance goes with it)", map[Key]bool{}))
			case acceded[k] != nil:
				// reported once, at its [[state]] table
			case attended[k]:
				diags.Errorf(pos, "%s is listed twice as attending %q", states[k].Name, m.Label)
			}
			attended[k] = true
		}
	}
	// A meeting whose attendance is not known may have been attended by a
	// State the report says never took part.
	if never := e.NeverParticipated(); len(never) > 0 {
		for _, m := range e.Meetings {
			if m.Attended.NotKnown() {
				var names []string
				for _, s := range never {
					names = append(names, s.Name)
				}
				diags.Warnf(e.Pos(MeetingsFile, meetingPath(m.Index)+".attended", true),
					"the attendance of %q (%d) is not known, and the report says %d States never took part in a Convention meeting (%s): check that none of them attended it",
					m.Label, m.Year, len(never), strings.Join(names, ", "))
			}
		}
	}
	// The participation table, and the report's account of the Action
	// Plan, start at the latest Review Conference.
	if e.ReviewConference() == nil {
		diags.Errorf(e.Pos(MeetingsFile, "meeting", false),
			"no meeting is a Review Conference: the participation table starts at the latest one, so list it as a [[meeting]] with kind = %q", ReviewConference)
	}
	// The last-participation column and the participation table must agree.
	for _, s := range e.States {
		last := e.LastFormalAttendance(s)
		lp := s.LastParticipation
		switch {
		case last != nil && lp == nil:
			diags.Warnf(e.Pos(StatesFile, statePath(s.Index), false),
				"%s: no last_participation is given, but the participation table shows it at %s in %d", s.Name, last.Label, last.Year)
		case last != nil && lp.Year < last.Year:
			diags.Warnf(e.Pos(StatesFile, statePath(s.Index)+".last_participation", true),
				"%s: last participation is given as %s in %d, but the participation table shows it at %s in %d", s.Name, lp.Meeting, lp.Year, last.Label, last.Year)
		}
	}
}

func (e *Edition) stateIndex() map[Key]*State {
	m := make(map[Key]*State, len(e.States))
	for _, s := range e.States {
		m[s.Key] = s
	}
	return m
}
