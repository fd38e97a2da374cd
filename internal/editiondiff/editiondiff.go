// Package editiondiff compares the data of two editions and says what
// changed, in sentences for the Presidency's editors: the facts of the
// presentation, accessions and withdrawals, stated positions, the vote,
// the meetings and who attended them, voluntary Article 7 reports, the
// year's figures, and the States' other details. It reads the two
// editions' models only (package edition): never a file, never the report.
package editiondiff

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"unireport/internal/edition"
	"unireport/internal/placeholder"
)

// Summary is what changed from one edition to another, by topic.
type Summary struct {
	Sections []Section
}

// Section is one topic's changes, each a sentence.
type Section struct {
	Title     string
	Sentences []string
}

// Empty reports whether nothing changed.
func (s Summary) Empty() bool { return len(s.Sections) == 0 }

// Text is the summary as plain text, a heading line and a line per
// sentence, for tests and the command line. A value still to fill in
// reads "[to fill in: …]". (The sentences themselves keep its mark, for
// the writers to show it as a draft does.)
func (s Summary) Text() string {
	var b strings.Builder
	for _, sec := range s.Sections {
		fmt.Fprintf(&b, "## %s\n", sec.Title)
		for _, t := range sec.Sentences {
			fmt.Fprintf(&b, "- %s\n", placeholder.Plain(t))
		}
	}
	return b.String()
}

// Options word the summary; the zero value takes the defaults.
type Options struct {
	// Arrow stands between a value as it was and as it is; "" means
	// "→" (give "->" for fonts without it).
	Arrow string
}

// Compare says what changed from edition from to edition to.
func Compare(from, to *edition.Edition, o Options) Summary {
	if o.Arrow == "" {
		o.Arrow = "→"
	}
	c := comparer{from: from, to: to, arrow: " " + o.Arrow + " "}
	var s Summary
	for _, sec := range []Section{
		{"The edition", c.presentation()},
		{"States Parties and States not party", c.membership()},
		{"Stated positions", c.positions()},
		{"The vote", c.vote()},
		{"Meetings and attendance", c.meetings()},
		{"Voluntary Article 7 reports", c.reports()},
		{"The year's work", c.work()},
		{"Other details of the States", c.details()},
	} {
		if len(sec.Sentences) > 0 {
			s.Sections = append(s.Sections, sec)
		}
	}
	return s
}

type comparer struct {
	from, to *edition.Edition
	arrow    string
}

// was is "label: old → new.", or nothing when old and new are the same.
func (c comparer) was(out *[]string, label, old, new string) {
	if old != new {
		*out = append(*out, label+": "+or(old, "none")+c.arrow+or(new, "none")+".")
	}
}

func or(s, none string) string {
	if strings.TrimSpace(s) == "" {
		return none
	}
	return s
}

// presentation: the meeting, date, office and title of the report.
func (c comparer) presentation() []string {
	var out []string
	f, t := c.from.Facts, c.to.Facts
	c.was(&out, "Year", strconv.Itoa(f.Year), strconv.Itoa(t.Year))
	c.was(&out, "Title", f.Title, t.Title)
	c.was(&out, "Presented to", meeting(f.Meeting), meeting(t.Meeting))
	c.was(&out, "Presented by", the(f.PresentedBy), the(t.PresentedBy))
	c.was(&out, "Date of presentation", date(f.Date), date(t.Date))
	c.was(&out, "Language", f.Language, t.Language)
	if f.SourcesNote != t.SourcesNote {
		out = append(out, "The note on the sources of information has changed.")
	}
	return out
}

// the puts "the" before an office, as the report prints it ("Presented
// by the President of …").
func the(office string) string {
	if office == "" || placeholder.Has(office) {
		return office
	}
	return "the " + office
}

func meeting(m edition.MeetingID) string {
	if m.ShortName == "" {
		return m.Name
	}
	return m.Name + " (" + m.ShortName + ")"
}

// date is a date as the report prints it, or "to fill in".
func date(d edition.Date) string {
	if d.IsGap() {
		return "to fill in"
	}
	return d.String()
}

// membership: the counts of States Parties and not party, who acceded and
// who withdrew, told by the lists of States not party, with the dates the
// newer edition records.
func (c comparer) membership() []string {
	var out []string
	c.was(&out, "States Parties", strconv.Itoa(c.from.Facts.StatesParties), strconv.Itoa(c.to.Facts.StatesParties))
	c.was(&out, "States not party", strconv.Itoa(c.from.Count()), strconv.Itoa(c.to.Count()))
	recorded := map[edition.Key]*edition.Change{}
	for _, ch := range c.to.Facts.Changes {
		recorded[ch.Key] = ch
	}
	// who left the list: acceded, in the order of their accession
	var left []*edition.State
	for _, s := range c.from.Alphabetical() {
		if c.to.State(s.Key) == nil {
			left = append(left, s)
		}
	}
	slices.SortStableFunc(left, func(a, b *edition.State) int { return compareDates(recorded[a.Key], recorded[b.Key]) })
	for _, s := range left {
		if ch := recorded[s.Key]; ch != nil && ch.Kind == edition.Accession {
			out = append(out, fmt.Sprintf("%s acceded to the Convention on %s.", ch.State, date(ch.Date)))
		} else {
			out = append(out, fmt.Sprintf("%s is no longer listed as a State not party, and no accession is recorded.", s.Name))
		}
	}
	for _, s := range c.to.Alphabetical() {
		if c.from.State(s.Key) != nil {
			continue
		}
		if ch := recorded[s.Key]; ch != nil && ch.Kind == edition.Withdrawal {
			out = append(out, fmt.Sprintf("%s withdrew from the Convention, with effect from %s, and is listed as a State not party.", ch.State, date(ch.Date)))
		} else {
			out = append(out, fmt.Sprintf("%s is new to the list of States not party, and no withdrawal is recorded.", s.Name))
		}
	}
	pendingBefore := map[edition.Key]bool{}
	for _, ch := range c.from.PendingWithdrawals() {
		pendingBefore[ch.Key] = true
	}
	for _, ch := range c.to.PendingWithdrawals() {
		if !pendingBefore[ch.Key] {
			out = append(out, fmt.Sprintf("%s has announced its withdrawal, with effect from %s: it is still a State Party in this report.", ch.State, date(ch.Date)))
		}
	}
	return out
}

// compareDates orders changes by date, those with none or a gap last.
func compareDates(a, b *edition.Change) int {
	dated := func(c *edition.Change) bool { return c != nil && !c.Date.IsZero() && !c.Date.IsGap() }
	switch {
	case dated(a) && dated(b):
		return a.Date.Time().Compare(b.Date.Time())
	case dated(a):
		return -1
	case dated(b):
		return 1
	}
	return 0
}

// both lists the States of the newer edition that the older one has too,
// alphabetically, each with its older self.
func (c comparer) both() [][2]*edition.State {
	var out [][2]*edition.State
	for _, s := range c.to.Alphabetical() {
		if old := c.from.State(s.Key); old != nil {
			out = append(out, [2]*edition.State{old, s})
		}
	}
	return out
}

// positions: for each State in both editions, its quotations new, changed
// (the same citation with other words, or the same words cited otherwise)
// and removed.
func (c comparer) positions() []string {
	var out []string
	for _, p := range c.both() {
		old, now := p[0], p[1]
		gone := slices.Clone(old.Quotations)
		var fresh []*edition.Quotation
		for _, q := range now.Quotations {
			if i := slices.IndexFunc(gone, func(o *edition.Quotation) bool { return *o == *q }); i >= 0 {
				gone = slices.Delete(gone, i, i+1)
			} else {
				fresh = append(fresh, q)
			}
		}
		var said []string
		pair := func(same func(o, n *edition.Quotation) bool, say func(o, n *edition.Quotation) string) {
			for i := 0; i < len(fresh); {
				j := slices.IndexFunc(gone, func(o *edition.Quotation) bool { return same(o, fresh[i]) })
				if j < 0 {
					i++
					continue
				}
				said = append(said, say(gone[j], fresh[i]))
				gone = slices.Delete(gone, j, j+1)
				fresh = slices.Delete(fresh, i, i+1)
			}
		}
		pair(func(o, n *edition.Quotation) bool { return o.Text == n.Text },
			func(o, n *edition.Quotation) string {
				return fmt.Sprintf("%s: a quotation's citation changed: %s%s%s.", now.Name, o.Citation(), c.arrow, n.Citation())
			})
		pair(func(o, n *edition.Quotation) bool { return o.Citation() == n.Citation() },
			func(o, n *edition.Quotation) string {
				return fmt.Sprintf("%s: quotation changed (%s).", now.Name, n.Citation())
			})
		for _, q := range fresh {
			said = append(said, fmt.Sprintf("%s: new quotation (%s).", now.Name, q.Citation()))
		}
		for _, q := range gone {
			said = append(said, fmt.Sprintf("%s: quotation removed (%s).", now.Name, q.Citation()))
		}
		out = append(out, said...)
	}
	return out
}

// voteNames are the vote's columns as the report heads them.
var voteNames = map[string]string{"in_favour": "in favour", "abstained": "abstained", "not_present": "not present"}

// columnOf maps each State with a vote to its column's name.
func columnOf(e *edition.Edition) map[edition.Key]string {
	m := map[edition.Key]string{}
	for _, col := range e.VoteColumns() {
		for _, s := range col.States {
			m[s.Key] = voteNames[col.Key]
		}
	}
	return m
}

// vote: the vote recorded, each State whose vote moved, the States new to
// the list with their vote, and the counts.
func (c comparer) vote() []string {
	var out []string
	fv, tv := c.from.Vote, c.to.Vote
	c.was(&out, "The vote given", voteName(fv), voteName(tv))
	if pending(c.from) || pending(c.to) {
		// who voted how cannot be told yet
		return append(out, "The vote's lists are still to fill in.")
	}
	was, now := columnOf(c.from), columnOf(c.to)
	for _, p := range c.both() {
		k := p[1].Key
		if was[k] != now[k] {
			out = append(out, fmt.Sprintf("%s: %s%s%s.", p[1].Name, or(was[k], "no vote"), c.arrow, or(now[k], "no vote")))
		}
	}
	for _, s := range c.to.Alphabetical() {
		if c.from.State(s.Key) == nil && now[s.Key] != "" {
			out = append(out, fmt.Sprintf("%s (new to the list): %s.", s.Name, now[s.Key]))
		}
	}
	counts := func(e *edition.Edition) (n [3]int, words string) {
		var parts []string
		for i, col := range e.VoteColumns() {
			n[i] = len(col.States)
			parts = append(parts, fmt.Sprintf("%d %s", n[i], voteNames[col.Key]))
		}
		return n, edition.AndList(parts)
	}
	fn, fw := counts(c.from)
	tn, tw := counts(c.to)
	if fn != tn {
		out = append(out, fmt.Sprintf("The vote now stands at %s (it was %s).", tw, fw))
	}
	return out
}

// voteName names a vote: "the 2018 First Committee vote on A/C.1/73/L.36".
// pending reports whether any of e's vote lists is still to fill in.
func pending(e *edition.Edition) bool {
	for _, col := range e.VoteColumns() {
		if col.Gap != "" {
			return true
		}
	}
	return false
}

func voteName(v edition.Vote) string {
	body := "First Committee"
	switch {
	case v.Body.Plenary():
		body = "plenary"
	case v.Body == "" || placeholder.Has(string(v.Body)):
		body = "(voting body to fill in)"
	case !v.Body.FirstCommittee():
		body = "\"" + v.Body.String() + "\""
	}
	s := fmt.Sprintf("the %d %s vote", v.Year, body)
	if v.Resolution != "" {
		s += " on " + v.Resolution
	}
	return s
}

// meetings: the meetings added to the participation table and removed
// from it, and, for those in both, the States whose attendance was
// recorded or struck out (of the States in both editions: a State that
// acceded or withdrew leaves or joins the table whole), and changed dates.
func (c comparer) meetings() []string {
	var out []string
	old := map[edition.Key]*edition.Meeting{}
	for _, m := range c.from.Meetings {
		old[m.Key] = m
	}
	kept := map[edition.Key]bool{}
	for _, m := range c.to.Meetings {
		om := old[m.Key]
		if om == nil {
			out = append(out, fmt.Sprintf("%s added: %s.", meetingLabel(m), c.attendance(c.to, m)))
			continue
		}
		kept[m.Key] = true
		c.was(&out, meetingLabel(m)+": dates", om.Dates, m.Dates)
		c.was(&out, meetingLabel(m)+": heading", om.Label, m.Label)
		switch {
		case om.Attended.Known() && !m.Attended.Known():
			out = append(out, fmt.Sprintf("%s: attendance %s.", meetingLabel(m), unknown(m.Attended)))
			continue
		case !om.Attended.Known() && m.Attended.Known():
			out = append(out, fmt.Sprintf("%s: attendance now known: %s.", meetingLabel(m), c.attendance(c.to, m)))
			continue
		case !m.Attended.Known():
			continue
		}
		var gained, lost []string
		for _, p := range c.both() {
			was, is := om.AttendedBy(p[0]), m.AttendedBy(p[1])
			switch {
			case is && !was:
				gained = append(gained, p[1].Name)
			case was && !is:
				lost = append(lost, p[1].Name)
			}
		}
		if len(gained) > 0 {
			out = append(out, fmt.Sprintf("%s: attendance gained: %s.", meetingLabel(m), edition.AndList(gained)))
		}
		if len(lost) > 0 {
			out = append(out, fmt.Sprintf("%s: attendance lost: %s.", meetingLabel(m), edition.AndList(lost)))
		}
	}
	for _, m := range c.from.Meetings {
		if !kept[m.Key] {
			out = append(out, fmt.Sprintf("%s removed from the participation table.", meetingLabel(m)))
		}
	}
	return out
}

// meetingLabel names a meeting as its column does, with its year.
func meetingLabel(m *edition.Meeting) string {
	return fmt.Sprintf("%s (%d)", m.Label, m.Year)
}

// attendance says who attended m, a meeting of e.
func (c comparer) attendance(e *edition.Edition, m *edition.Meeting) string {
	if !m.Attended.Known() {
		return "attendance " + unknown(m.Attended)
	}
	var names []string
	for _, s := range e.Alphabetical() {
		if m.AttendedBy(s) {
			names = append(names, s.Name)
		}
	}
	if len(names) == 0 {
		return "attended by no State not party"
	}
	return "attended by " + edition.AndList(names)
}

func unknown(a edition.Attendance) string {
	if a.Gap() != "" {
		return "still to fill in"
	}
	return "not known"
}

// reports: the years of voluntary Article 7 reports added or removed, by
// State.
func (c comparer) reports() []string {
	var out []string
	for _, p := range c.both() {
		added, removed := yearsDiff(p[0].Article7Reports, p[1].Article7Reports)
		if len(added) > 0 {
			out = append(out, fmt.Sprintf("%s: %s for %s added.", p[1].Name, reportWord(len(added)), years(added)))
		}
		if len(removed) > 0 {
			out = append(out, fmt.Sprintf("%s: %s for %s removed.", p[1].Name, reportWord(len(removed)), years(removed)))
		}
	}
	return out
}

func reportWord(n int) string {
	if n == 1 {
		return "a voluntary Article 7 report"
	}
	return "voluntary Article 7 reports"
}

// yearsDiff returns the years only b has and those only a has, in order.
func yearsDiff(a, b []int) (added, removed []int) {
	for _, y := range b {
		if !slices.Contains(a, y) && !slices.Contains(added, y) {
			added = append(added, y)
		}
	}
	for _, y := range a {
		if !slices.Contains(b, y) && !slices.Contains(removed, y) {
			removed = append(removed, y)
		}
	}
	slices.Sort(added)
	slices.Sort(removed)
	return added, removed
}

func years(ys []int) string {
	var s []string
	for _, y := range ys {
		s = append(s, strconv.Itoa(y))
	}
	return edition.AndList(s)
}

// work: the year's figures, and the Convention's own that should never
// change.
func (c comparer) work() []string {
	var out []string
	f, t := c.from.Facts, c.to.Facts
	c.was(&out, "Letters written to States not party", figure(f.Work.Letters), figure(t.Work.Letters))
	c.was(&out, "States not party met bilaterally", figure(f.Work.BilateralStates), figure(t.Work.BilateralStates))
	c.was(&out, "Bilateral meetings held", count(f.Work.BilateralMeetings), count(t.Work.BilateralMeetings))
	c.was(&out, "Meetings of the Informal Working Group on Universalization", figure(f.Work.WorkingGroupMeetings), figure(t.Work.WorkingGroupMeetings))
	c.was(&out, "Original signatories", strconv.Itoa(f.OriginalSignatories), strconv.Itoa(t.OriginalSignatories))
	c.was(&out, "Year of signing", strconv.Itoa(f.SigningYear), strconv.Itoa(t.SigningYear))
	return out
}

// figure is a figure as a sentence gives it: its number, "not known" or
// "to fill in".
func figure(f edition.Figure) string {
	switch n, ok := f.Number(); {
	case ok:
		return strconv.Itoa(n)
	case f.IsGap():
		return "to fill in"
	}
	return edition.NotKnown
}

func count(n int) string {
	if n == 0 {
		return "not counted"
	}
	return strconv.Itoa(n)
}

// details: for each State in both editions, its names, whether it signed
// or is a UN member, and its last participation.
func (c comparer) details() []string {
	var out []string
	for _, p := range c.both() {
		o, n := p[0], p[1]
		c.was(&out, n.Name+": name", o.Name, n.Name)
		c.was(&out, n.Name+": name in the vote", o.VoteName(), n.VoteName())
		c.was(&out, n.Name+": name in the participation table", o.ParticipationName(), n.ParticipationName())
		c.was(&out, n.Name+": name in running text", o.TextName(), n.TextName())
		c.was(&out, n.Name+": signatory", yesNo(o.Signatory), yesNo(n.Signatory))
		c.was(&out, n.Name+": member of the United Nations", yesNo(o.IsUNMember()), yesNo(n.IsUNMember()))
		c.was(&out, n.Name+": last participation", participation(o.LastParticipation), participation(n.LastParticipation))
	}
	return out
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func participation(p *edition.Participation) string {
	if p == nil {
		return "never"
	}
	return fmt.Sprintf("%s in %d", p.Meeting, p.Year)
}
