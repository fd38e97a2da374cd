package edition

import (
	"fmt"
	"strconv"
	"strings"

	"unireport/internal/diag"
	"unireport/internal/placeholder"
)

// NotKnown is the value an editor writes for a figure or an attendance
// list that the Presidency cannot state: letters = "not known".
const NotKnown = "not known"

// Gap is a value still to be filled in: a TODO left by unireport new, or
// typed by an editor. A final build refuses every gap; a draft shows the
// draftable ones as a marked placeholder and lists them in the checklist.
type Gap struct {
	Pos       diag.Pos
	Key       string // the key as messages name it, e.g. `key "date"`
	What      string // what is needed, from the TODO text
	Draftable bool   // a draft can show it in place; otherwise it stops drafts too
}

// Message is the error a final build gives for the gap.
func (g Gap) Message() string { return fmt.Sprintf("%s is not filled in yet: %s", g.Key, g.What) }

// Figure is one of the year's own counts (letters written, States met,
// working-group meetings): a whole number, "not known", or in a draft a
// gap still to fill in. Templates test Known before wording a sentence
// around the number; printing a figure that is not known is an error.
type Figure struct {
	n        int
	notKnown bool
	gap      string
	key      string // where it was read, e.g. "work.letters", for messages and sources
}

// Known reports whether the figure may be stated: a number, or a gap that
// a draft shows as a placeholder. It is false only for "not known".
func (f Figure) Known() bool { return !f.notKnown }

// IsGap reports whether the figure is still to be filled in.
func (f Figure) IsGap() bool { return f.gap != "" }

// Number returns the figure and whether it is a number (neither not known
// nor a gap).
func (f Figure) Number() (int, bool) { return f.n, !f.notKnown && f.gap == "" }

// String prints the figure: its digits, the placeholder of a gap, or, when
// it is not known, a mark that composing reports as an error (a sentence
// must never state a number nobody knows).
func (f Figure) String() string {
	switch {
	case f.gap != "":
		return placeholder.Mark(f.gap)
	case f.notKnown:
		return notKnownOpen + f.key + notKnownClose
	}
	return strconv.Itoa(f.n)
}

// A template that prints a figure that is not known prints the figure's key
// between these marks; composing finds it and refuses the report. They are
// private-use characters that no edition file or template can hold.
const (
	notKnownOpen  = "\uE002"
	notKnownClose = "\uE003"
)

// NotKnownPrinted reports whether composed text prints a figure that is
// not known, and which (its key, e.g. "work.letters").
func NotKnownPrinted(s string) (key string, printed bool) {
	_, rest, ok := strings.Cut(s, notKnownOpen)
	if !ok {
		return "", false
	}
	key, _, _ = strings.Cut(rest, notKnownClose)
	return key, true
}

// KeyList is a list of State keys (a column of the vote), or in a draft a
// gap. Keys are read as written and checked against states.toml after
// loading, so that a name or a typo gets a "did you mean".
type KeyList struct {
	Keys []Key
	gap  string
}

// Gap returns what is still needed when the list is a gap, else "".
func (l KeyList) Gap() string { return l.gap }

// Attendance is who attended a meeting: a list of State keys, "not known",
// or in a draft a gap.
type Attendance struct {
	Keys     []Key
	notKnown bool
	gap      string
}

// Known reports whether the list of who attended is complete: not declared
// not known and not a gap.
func (a Attendance) Known() bool { return !a.notKnown && a.gap == "" }

// NotKnown reports whether the attendance was declared not known.
func (a Attendance) NotKnown() bool { return a.notKnown }

// Gap returns what is still needed when the attendance is a gap, else "".
func (a Attendance) Gap() string { return a.gap }

// VoteBody is the body of the General Assembly whose vote the report
// gives: its First Committee, or the plenary.
type VoteBody string

// The bodies that vote on the Convention's resolution.
const (
	FirstCommittee VoteBody = "first-committee"
	Plenary        VoteBody = "plenary"
)

// FirstCommittee reports whether the vote was taken in the First Committee.
func (b VoteBody) FirstCommittee() bool { return b == FirstCommittee }

// Plenary reports whether the vote was taken in the plenary.
func (b VoteBody) Plenary() bool { return b == Plenary }

// String is the body as written in vote.toml, or a gap's placeholder.
func (b VoteBody) String() string { return string(b) }

func parseVoteBody(s string) (VoteBody, error) {
	switch v := VoteBody(s); v {
	case FirstCommittee, Plenary:
		return v, nil
	}
	return "", fmt.Errorf("%q is not a voting body: use %q (the UNGA First Committee) or %q (the General Assembly in plenary)", s, FirstCommittee, Plenary)
}
