// Package newedition starts next year's edition from the last one: the
// States not party and their quotations are carried forward, the year's own
// facts are left as TODO values that check reports until they are filled.
package newedition

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"unireport/internal/atomicfile"
	"unireport/internal/edition"
)

// Create writes a new edition for year into dir, from the edition in from.
// It refuses to touch an existing folder.
func Create(from *edition.Edition, dir string, year int) error {
	if year <= from.Facts.Year {
		return fmt.Errorf("the new edition's year %d must come after %s's year %d", year, from.Dir, from.Facts.Year)
	}
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("%s already exists: unireport new never overwrites an edition", dir)
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	states, err := os.ReadFile(filepath.Join(from.Dir, edition.StatesFile))
	if err != nil {
		return err
	}
	meetings, err := os.ReadFile(filepath.Join(from.Dir, edition.MeetingsFile))
	if err != nil {
		return err
	}
	// Write into a temporary folder, then rename it into place, so that a
	// failure leaves no half edition behind.
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	files := map[string]string{
		edition.FactsFile:    factsFile(from, year),
		edition.StatesFile:   carried(from, year, string(states)),
		edition.VoteFile:     voteFile(from, year),
		edition.MeetingsFile: string(meetings) + newMeetings(from, year),
	}
	for _, name := range edition.Files {
		if err := atomicfile.Write(filepath.Join(tmp, name), []byte(files[name]), 0o644); err != nil {
			return err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	return os.Rename(tmp, dir)
}

// q writes s as a TOML basic string.
func q(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func todo(what string) string { return q(edition.BlankMarker + ": " + what) }

// carry writes a text value carried forward from last year: as it was,
// or, when it names last year's meeting, as a TODO with the old text in a
// comment above it, so that the editor updates it rather than print a
// stale "16MSP" in the 17MSP's report.
func carry(key, old string, meeting int) string {
	other, stale := edition.NamesOtherMeeting(old, meeting)
	if !stale {
		return key + " = " + q(old)
	}
	return fmt.Sprintf("# Last year's %s named the %s; update it from last year's text:\n#   %s\n%s = %s",
		key, other, strings.ReplaceAll(old, "\n", "\n#   "), key,
		todo(fmt.Sprintf("the %s for the %dMSP (last year's is in the comment above)", strings.ReplaceAll(key, "_", " "), meeting)))
}

func factsFile(from *edition.Edition, year int) string {
	f := from.Facts
	n := f.Meeting.Number + 1
	var b strings.Builder
	fmt.Fprintf(&b, `# The %d edition's own facts: title, presentation, counts and the year's
# universalization work. Started by "unireport new" from %s: every value
# that starts with TODO must be filled in before the report builds (run
# "unireport check" to list them). See docs/data-format.md.

year = %d
%s
language = %s
presented_by = %s
date = %s
# Carried forward from %d: record each accession and withdrawal since then as
# a [[change]] table below and correct this number; check reconciles the two.
states_parties = %d
signing_year = %d
original_signatories = %d
%s
stale_after_years = %d

[meeting]
number = %d
short_name = %s
name = %s

[work]
letters = %s
bilateral_states = %s
working_group_meetings = %s

# Accessions and withdrawals since the %s, for example:
# [[change]]
# kind = "accession"
# state = "Sri Lanka"
# key = "sri-lanka"
# date = %d-12-13
`, year, from.Dir, year, carry("title", f.Title, n), q(f.Language),
		todo("the presenting office, e.g. President of the "+edition.MeetingName(n)),
		todo(fmt.Sprintf("the date of presentation, written like %d-11-30 without quotes", year)),
		f.Year, f.StatesParties, f.SigningYear, f.OriginalSignatories, carry("sources_note", f.SourcesNote, n), f.StaleAfterYears,
		n, q(strconv.Itoa(n)+"MSP"), q(edition.MeetingName(n)),
		todo(`how many States not party the President wrote to: a number without quotes, or "not known"`),
		todo(`with how many States not party the President held bilateral meetings: a number without quotes, or "not known"`),
		todo(`how many times the Informal Working Group on Universalization met: a number without quotes, or "not known"`),
		f.Meeting.Name, f.Year)
	return b.String()
}

// carried is the previous edition's states.toml with a note on top.
func carried(from *edition.Edition, year int, states string) string {
	return fmt.Sprintf("# Carried forward from %s by \"unireport new\" for the %d edition: update\n# positions as States send new information; remove States that acceded.\n\n", from.Dir, year) + states
}

func voteFile(from *edition.Edition, year int) string {
	return fmt.Sprintf(`# The %d UNGA vote on the resolution on the implementation of the
# Convention, for the States not party: list each State that is a UN member
# by its key (from states.toml) in exactly one of the three lists.

year = %d
body = %s
# Optional, printed in the vote table's caption when given:
# resolution = "A/RES/%d/..."
# session = %d
# date = %d-12-05

in_favour = [%s]
abstained = [%s]
not_present = [%s]
`, year, year,
		todo(`where the vote was taken: "first-committee" (the UNGA First Committee) or "plenary" (the General Assembly in plenary)`),
		year-1945, year-1945, year,
		todo("keys of the States not party that voted in favour"),
		todo("keys of the States not party that abstained"),
		todo("keys of the States not party that were not present"))
}

// newMeetings adds the meetings held since the previous edition: its own
// Meeting of the States Parties and this year's intersessional meetings.
func newMeetings(from *edition.Edition, year int) string {
	f := from.Facts
	msp := f.Meeting
	return fmt.Sprintf(`
# Added by "unireport new" for the %d edition: fill in who attended.

[[meeting]]
key = "%d-%dmsp"
year = %d
kind = "msp"
label = %s
name = %s
attended = [%s]

[[meeting]]
key = "%d-intersessional"
year = %d
kind = "intersessional"
label = "Intersessional meetings"
name = "intersessional meetings"
dates = %s
attended = [%s]
`, year,
		f.Date.Year, msp.Number, f.Date.Year, q(msp.ShortName), q(msp.Name),
		todo("keys of the States not party that attended the "+msp.ShortName),
		year, year,
		todo(fmt.Sprintf("the dates as printed, e.g. 8-9 June %d", year)),
		todo(fmt.Sprintf("keys of the States not party that attended the %d intersessional meetings", year)))
}
