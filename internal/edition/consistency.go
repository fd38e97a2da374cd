package edition

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"unireport/internal/diag"
	"unireport/internal/lazyregexp"
	"unireport/internal/placeholder"
)

// validateWork checks the year's own counts: never negative; zero, or more
// letters than there are States not party, is probably a slip.
func (e *Edition) validateWork(diags *diag.List) {
	w := e.Facts.Work
	for _, k := range []struct {
		path string
		f    Figure
	}{{"work.letters", w.Letters}, {"work.bilateral_states", w.BilateralStates}, {"work.working_group_meetings", w.WorkingGroupMeetings}} {
		n, ok := k.f.Number()
		switch {
		case !ok:
		case n < 0:
			diags.Errorf(e.Pos(FactsFile, k.path, true), "%s cannot be negative", k.path)
		case n == 0:
			diags.Warnf(e.Pos(FactsFile, k.path, true), "%s is 0: if the number is not known, write %s = %q, and the report leaves it out", k.path, lastPart(k.path), NotKnown)
		}
	}
	if n, ok := w.Letters.Number(); ok && n > e.Count() {
		diags.Warnf(e.Pos(FactsFile, "work.letters", true), "work.letters is %d, but there are only %d States not party to write to", n, e.Count())
	}
	if n, ok := w.BilateralStates.Number(); ok && n > e.Count() {
		diags.Warnf(e.Pos(FactsFile, "work.bilateral_states", true), "work.bilateral_states is %d, but there are only %d States not party", n, e.Count())
	}
}

// validateMeeting checks that the meeting the report is presented to is
// named consistently, and warns about text that names another meeting.
func (e *Edition) validateMeeting(diags *diag.List) {
	m := e.Facts.Meeting
	if m.Number < 2 {
		diags.Errorf(e.Pos(FactsFile, "meeting.number", true), "meeting.number is %d: it must be 2 or more, as the report names the meeting before it", m.Number)
		return
	}
	if want := strconv.Itoa(m.Number) + "MSP"; !placeholder.Has(m.ShortName) && m.ShortName != want {
		diags.Warnf(e.Pos(FactsFile, "meeting.short_name", true), "meeting.short_name is %q, but meeting.number is %d: is it %q?", m.ShortName, m.Number, want)
	}
	if want := MeetingName(m.Number); !placeholder.Has(m.Name) && m.Name != want {
		diags.Warnf(e.Pos(FactsFile, "meeting.name", true), "meeting.name is %q, but meeting.number is %d: is it %q?", m.Name, m.Number, want)
	}
	for _, t := range e.textsOf(FactsFile) {
		if strings.HasPrefix(t.Path, "meeting.") || strings.HasPrefix(t.Path, "change[") {
			continue
		}
		if other, ok := NamesOtherMeeting(t.Text, m.Number); ok {
			diags.Warnf(e.Pos(FactsFile, t.Path, true), "%s names the %s, but this edition is for the %dMSP: update it if it was carried forward from last year", t.Path, other, m.Number)
		}
	}
}

// MeetingName is the long name of the nth Meeting of the States Parties,
// e.g. "Seventeenth Meeting of the States Parties".
func MeetingName(n int) string { return capitalize(OrdinalWord(n)) + " Meeting of the States Parties" }

var (
	shortMeeting = lazyregexp.New(`\b(\d{1,2})MSP\b`)
	longMeeting  = lazyregexp.New(`\b([A-Za-z]+(?:-[a-z]+)?) Meeting of the States Parties\b`)
)

// NamesOtherMeeting reports whether text names a Meeting of the States
// Parties other than the nth ("16MSP", "Sixteenth Meeting of the States
// Parties"), and which.
func NamesOtherMeeting(text string, n int) (string, bool) {
	for _, m := range shortMeeting.FindAllStringSubmatch(text, -1) {
		if k, _ := strconv.Atoi(m[1]); k != n {
			return m[0], true
		}
	}
	for _, m := range longMeeting.FindAllStringSubmatch(text, -1) {
		if k := ordinalNumber(m[1]); k > 0 && k != n {
			return m[0], true
		}
	}
	return "", false
}

// ordinalNumber reads an ordinal word ("Sixteenth"), 0 if it is none.
func ordinalNumber(w string) int {
	w = strings.ToLower(w)
	for k := 1; k < 100; k++ {
		if OrdinalWord(k) == w {
			return k
		}
	}
	return 0
}

// validateVoteDetails checks the optional facts of the vote against each
// other: the session of the General Assembly is the one of the vote's year
// (the 73rd session opened in September 2018), and the symbol names it.
func (e *Edition) validateVoteDetails(diags *diag.List) {
	v := e.Vote
	if v.Session != 0 && v.Session != v.Year-1945 {
		diags.Warnf(e.Pos(VoteFile, "session", true), "session is %d, but a vote in %d is of the %s session of the General Assembly", v.Session, v.Year, ordinalDigits(v.Year-1945))
	}
	if r := v.Resolution; r != "" && !placeholder.Has(r) {
		if m := symbolSession.FindStringSubmatch(r); m == nil {
			diags.Warnf(e.Pos(VoteFile, "resolution", true), "resolution %q does not look like a UN document symbol, e.g. \"A/RES/73/61\" or \"A/C.1/73/L.41\"", r)
		} else if s, _ := strconv.Atoi(m[1]); s != v.Year-1945 {
			diags.Warnf(e.Pos(VoteFile, "resolution", true), "resolution %s is of the %s session of the General Assembly, but the vote is of %d (the %s session)", r, ordinalDigits(s), v.Year, ordinalDigits(v.Year-1945))
		}
	}
	if !v.Date.IsZero() && v.Date.Year != v.Year {
		diags.Warnf(e.Pos(VoteFile, "date", true), "the vote's date %s is not in its year %d", v.Date, v.Year)
	}
}

var symbolSession = lazyregexp.New(`^A/(?:RES/|C\.1/)(\d{1,3})/\S+$`)

func ordinalDigits(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprint(n) + suffix
}

// checkLanguage checks the document language: a BCP 47 tag, as the PDF and
// the HTML page declare it ("en", "en-GB"), never "en_GB".
func (e *Edition) checkLanguage(diags *diag.List) {
	l := e.Facts.Language
	if languageTag.MatchString(l) {
		if _, err := language.Parse(l); err == nil {
			return
		}
	}
	msg := fmt.Sprintf("language %q is not a language tag: write it like \"en\" or \"en-GB\" (BCP 47)", l)
	if fixed := strings.ReplaceAll(strings.TrimSpace(l), "_", "-"); fixed != l && languageTag.MatchString(fixed) {
		if _, err := language.Parse(fixed); err == nil {
			msg = fmt.Sprintf("language %q is not a language tag: write %q, with a hyphen (BCP 47)", l, fixed)
		}
	}
	diags.Errorf(e.Pos(FactsFile, "language", true), "%s", msg)
}

var languageTag = lazyregexp.New(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// checkFolderYear checks that an edition in a folder named by a year holds
// that year: a copy of last year's folder whose year was not changed would
// otherwise build over last year's report.
func (e *Edition) checkFolderYear(diags *diag.List) {
	y, ok := FolderYear(filepath.Base(filepath.Clean(e.Dir)))
	if ok && y != e.Facts.Year {
		diags.Errorf(e.Pos(FactsFile, "year", true), "year is %d, but the edition's folder is named %d: correct the year (a copy of last year's folder keeps last year's)", e.Facts.Year, y)
	}
}

// Meetings a State's last participation may name: "9MSP", "Second Review
// Conference" (the forms the table of positions prints).
var (
	mspLabel    = lazyregexp.New(`^(\d{1,3})MSP$`)
	revconLabel = lazyregexp.New(`^([A-Z][a-z]+) Review Conference$`)
)

// checkLastParticipation warns about a last participation that names a
// meeting the edition cannot know: after this edition's own, or in no
// form the table of positions uses and no listed meeting has.
func (e *Edition) checkLastParticipation(diags *diag.List, s *State) {
	lp := s.LastParticipation
	if lp == nil || strings.TrimSpace(lp.Meeting) == "" {
		return
	}
	pos := e.Pos(StatesFile, statePath(s.Index)+".last_participation.meeting", true)
	if m := mspLabel.FindStringSubmatch(lp.Meeting); m != nil {
		if n, _ := strconv.Atoi(m[1]); n > e.Facts.Meeting.Number || n < 1 {
			diags.Warnf(pos, "%s: last participation names the %s, but this edition is for the %dMSP: is the number right?", s.Name, lp.Meeting, e.Facts.Meeting.Number)
		}
		return
	}
	if m := revconLabel.FindStringSubmatch(lp.Meeting); m != nil && ordinalNumber(m[1]) > 0 {
		return
	}
	if e.ix.meetingNames[lp.Meeting] {
		return
	}
	diags.Warnf(pos, "%s: last participation names %q, a meeting this edition does not know: write it like \"9MSP\" or \"Second Review Conference\"", s.Name, lp.Meeting)
}
