package edition

import (
	"fmt"
	"time"

	"unireport/internal/lazyregexp"
	"unireport/internal/placeholder"
)

// Key is a stable identifier: lower-case letters, digits and single hyphens.
type Key string

var keyPattern = lazyregexp.New(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// UnmarshalText validates a key as it is read.
func (k *Key) UnmarshalText(b []byte) error {
	if !keyPattern.Match(b) {
		return fmt.Errorf("%q is not a valid key: use lower-case letters, digits and single hyphens, e.g. \"korea-republic-of\"", b)
	}
	*k = Key(b)
	return nil
}

// MeetingKind is the kind of a Convention meeting.
type MeetingKind string

// The kinds of meeting in the participation table.
const (
	Intersessional   MeetingKind = "intersessional"
	ReviewConference MeetingKind = "review-conference"
	MSP              MeetingKind = "msp"
)

// UnmarshalText accepts only the known kinds.
func (k *MeetingKind) UnmarshalText(b []byte) error {
	switch v := MeetingKind(b); v {
	case Intersessional, ReviewConference, MSP:
		*k = v
		return nil
	}
	return fmt.Errorf("%q is not a kind of meeting: use \"intersessional\", \"review-conference\" or \"msp\"", b)
}

// Date is a calendar date without time or zone, read from a TOML local
// date; in a draft it may be a gap still to fill in.
type Date struct {
	Year  int
	Month time.Month
	Day   int
	gap   string
}

// IsZero reports whether the date was never set (or is a gap).
func (d Date) IsZero() bool { return d.Year == 0 }

// IsGap reports whether the date is still to be filled in.
func (d Date) IsGap() bool { return d.gap != "" }

// String formats the date as the report prints it: "8 December 2017"; a
// gap prints as its placeholder.
func (d Date) String() string {
	if d.gap != "" {
		return placeholder.Mark(d.gap)
	}
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// ChangeKind is an accession or a withdrawal.
type ChangeKind string

// The kinds of change in the membership of the Convention.
const (
	Accession  ChangeKind = "accession"
	Withdrawal ChangeKind = "withdrawal"
)

// UnmarshalText accepts only the known kinds.
func (k *ChangeKind) UnmarshalText(b []byte) error {
	switch v := ChangeKind(b); v {
	case Accession, Withdrawal:
		*k = v
		return nil
	}
	return fmt.Errorf("%q is not a kind of change: use \"accession\" or \"withdrawal\"", b)
}

// Before reports whether d is earlier than o.
func (d Date) Before(o Date) bool { return d.Time().Before(o.Time()) }
