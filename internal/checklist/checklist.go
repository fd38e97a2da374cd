// Package checklist writes the editors' checklist: what in an edition
// needs attention before the report goes out, most urgent first. It is
// Markdown, printed as is by check -checklist and appended to draft builds.
package checklist

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"unireport/internal/diag"
	"unireport/internal/edition"
)

// Markdown returns the checklist for the edition, with the warnings of check.
func Markdown(e *edition.Edition, diags diag.List) string {
	var b strings.Builder
	year := e.Facts.Year
	fmt.Fprintf(&b, "## Editors' checklist for the %d edition\n\n", year)
	b.WriteString("This checklist appears in drafts only. It lists what needs attention first.\n\n")

	section(&b, "No official information", e.States, func(s *edition.State) bool { return !s.HasInformation() },
		"States that have never submitted official information: ask them for their position.")
	section(&b, "Never took part in a meeting", e.NeverParticipated(), nil,
		"States that have never taken part in a Convention meeting: invite them.")
	section(&b, fmt.Sprintf("Dropped out of the meetings in %d", year), droppedOut(e), nil,
		fmt.Sprintf("States that took part in meetings in %d but in none in %d.", year-1, year))
	var stale []*edition.State
	for _, s := range e.States {
		if n := s.NewestInformation(); s.HasInformation() && year-n > e.Facts.StaleAfterYears {
			stale = append(stale, s)
		}
	}
	stale = byAge(stale, year)
	fmt.Fprintf(&b, "### Official information older than %d years (%d)\n\n%s\n\n", e.Facts.StaleAfterYears, len(stale),
		"States whose newest official information is old, oldest first: ask them for an update.")
	for _, s := range stale {
		n := s.NewestInformation()
		fmt.Fprintf(&b, "- %s: newest from %d, %d years old\n", cell(s.Name), n, year-n)
	}
	if len(stale) == 0 {
		b.WriteString("None.\n")
	}
	b.WriteString("\n")

	b.WriteString("### Official information per State\n\n")
	b.WriteString("| State | Newest information | Age in years | Last participation |\n|---|---|---|---|\n")
	for _, s := range byAge(e.States, year) {
		newest, age := "none", "—"
		if n := s.NewestInformation(); s.HasInformation() && n > 0 {
			newest, age = fmt.Sprint(n), fmt.Sprint(year-n)
		} else if s.HasInformation() {
			newest = "undated"
		}
		last := "never"
		if lp := s.LastParticipation; lp != nil {
			last = fmt.Sprintf("%s in %d", lp.Meeting, lp.Year)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", cell(s.Name), newest, age, cell(last))
	}
	b.WriteString("\n")

	var warnings []string
	for _, d := range diags {
		if d.Severity == diag.Warning {
			warnings = append(warnings, d.String())
		}
	}
	fmt.Fprintf(&b, "### Warnings of check (%d)\n\n", len(warnings))
	if len(warnings) == 0 {
		b.WriteString("None.\n")
	}
	for _, w := range warnings {
		fmt.Fprintf(&b, "- `%s`\n", strings.ReplaceAll(w, "`", "'"))
	}
	return b.String()
}

func section(b *strings.Builder, title string, states []*edition.State, keep func(*edition.State) bool, why string) {
	var names []string
	for _, s := range states {
		if keep == nil || keep(s) {
			names = append(names, s.Name)
		}
	}
	fmt.Fprintf(b, "### %s (%d)\n\n%s\n\n", title, len(names), why)
	if len(names) == 0 {
		b.WriteString("None.\n\n")
		return
	}
	for _, n := range names {
		fmt.Fprintf(b, "- %s\n", cell(n))
	}
	b.WriteString("\n")
}

// byAge orders States by what needs attention first: no information, then
// the oldest information, then by name.
func byAge(states []*edition.State, year int) []*edition.State {
	age := func(s *edition.State) int {
		if !s.HasInformation() || s.NewestInformation() == 0 {
			return 1 << 20
		}
		return year - s.NewestInformation()
	}
	out := slices.Clone(states)
	slices.SortStableFunc(out, func(a, b *edition.State) int {
		return cmp.Or(cmp.Compare(age(b), age(a)), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// droppedOut lists the States that attended a listed meeting the year
// before the edition's but none in its year.
func droppedOut(e *edition.Edition) []*edition.State {
	var out []*edition.State
	for _, s := range e.Alphabetical() {
		before, now := false, false
		for _, m := range e.Attendance(s) {
			before = before || m.Year == e.Facts.Year-1
			now = now || m.Year == e.Facts.Year
		}
		if before && !now {
			out = append(out, s)
		}
	}
	return out
}

// cell escapes text for a Markdown list item or table cell.
func cell(s string) string {
	r := strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "[", `\[`, "<", `\<`, "`", "'")
	return r.Replace(s)
}
