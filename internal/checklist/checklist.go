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
	"unireport/internal/provenance"
)

// Markdown returns the checklist for the edition, with the warnings of
// check. Every fact it lists is the edition's own (stale, dropped out,
// the age of information); this package only words and orders them.
func Markdown(e *edition.Edition, diags diag.List) string {
	return markdown(e, diags, func(_ provenance.Source, text string) string { return text })
}

// Marked is Markdown for a draft: each position it lists, and each State
// and meeting it names, is marked with its source (see
// internal/provenance), which the draft links to the editor.
func Marked(e *edition.Edition, diags diag.List) string {
	return markdown(e, diags, func(src provenance.Source, text string) string {
		if src.Pos.File == "" {
			return text
		}
		return provenance.Mark(src, text)
	})
}

func markdown(e *edition.Edition, diags diag.List, mark func(provenance.Source, string) string) string {
	name := func(s *edition.State) string { return mark(e.StateSource(s, "name"), cell(s.Name)) }
	var b strings.Builder
	year := e.Facts.Year
	fmt.Fprintf(&b, "## Editors' checklist for the %d edition\n\n", year)
	b.WriteString("This checklist appears in drafts only. It lists what needs attention first.\n\n")

	if gaps := e.Gaps(); len(gaps) > 0 {
		fmt.Fprintf(&b, "### To fill in before the final build (%d)\n\n%s\n\n", len(gaps),
			"Values still marked TODO, shown in the draft as [to fill in: …]. The final build refuses each of them.")
		for _, g := range gaps {
			fmt.Fprintf(&b, "- `%s`: %s\n", mark(provenance.Source{Pos: g.Pos}, code(g.Pos.String())), cell(g.What))
		}
		b.WriteString("\n")
	}

	section(&b, name, "No official information", e.States, func(s *edition.State) bool { return !s.HasInformation() },
		"States that have never submitted official information: ask them for their position.")
	section(&b, name, "Never took part in a meeting", e.NeverParticipated(), nil,
		"States that have never taken part in a Convention meeting: invite them.")
	if unknown := e.DroppedOutUnknown(); len(unknown) > 0 {
		fmt.Fprintf(&b, "### Dropped out of the meetings in %d\n\nCannot be told while the attendance of these meetings is not known:\n\n", year)
		for _, m := range unknown {
			state := "not known"
			if m.Attended.Gap() != "" {
				state = "still to fill in"
			}
			fmt.Fprintf(&b, "- %s (%d): %s\n", mark(e.AttendanceSource(m, nil), cell(m.Label)), m.Year, state)
		}
		b.WriteString("\n")
	} else {
		section(&b, name, fmt.Sprintf("Dropped out of the meetings in %d", year), e.DroppedOut(), nil,
			fmt.Sprintf("States that took part in meetings in %d but in none in %d.", year-1, year))
	}
	stale := e.Stale()
	fmt.Fprintf(&b, "### Official information older than %d years (%d)\n\n%s\n\n", e.Facts.StaleAfterYears, len(stale),
		"States whose newest official information is old, oldest first: ask them for an update.")
	for _, s := range stale {
		age, _ := e.InformationAge(s)
		fmt.Fprintf(&b, "- %s: newest from %d, %d years old\n", name(s), s.NewestInformation(), age)
	}
	if len(stale) == 0 {
		b.WriteString("None.\n")
	}
	b.WriteString("\n")

	b.WriteString("### Official information per State\n\n")
	b.WriteString("| State | Newest information | Age in years | Last participation |\n|---|---|---|---|\n")
	for _, s := range byAge(e) {
		newest, age := "none", "—"
		if a, ok := e.InformationAge(s); ok {
			newest, age = fmt.Sprint(s.NewestInformation()), fmt.Sprint(a)
		} else if s.HasInformation() {
			newest, age = "undated", "unknown"
		}
		last := "never"
		if lp := s.LastParticipation; lp != nil {
			last = fmt.Sprintf("%s in %d", lp.Meeting, lp.Year)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", name(s), newest, age, cell(last))
	}
	b.WriteString("\n")

	var warnings []string
	for _, d := range diags {
		if d.Severity == diag.Warning {
			warnings = append(warnings, mark(provenance.Source{Pos: d.Pos}, code(d.String())))
		}
	}
	fmt.Fprintf(&b, "### Warnings of check (%d)\n\n", len(warnings))
	if len(warnings) == 0 {
		b.WriteString("None.\n")
	}
	for _, w := range warnings {
		fmt.Fprintf(&b, "- `%s`\n", w)
	}
	return b.String()
}

// code makes text safe inside a Markdown code span.
func code(s string) string { return strings.ReplaceAll(s, "`", "'") }

func section(b *strings.Builder, name func(*edition.State) string, title string, states []*edition.State, keep func(*edition.State) bool, why string) {
	var names []string
	for _, s := range states {
		if keep == nil || keep(s) {
			names = append(names, name(s))
		}
	}
	fmt.Fprintf(b, "### %s (%d)\n\n%s\n\n", title, len(names), why)
	if len(names) == 0 {
		b.WriteString("None.\n\n")
		return
	}
	for _, n := range names {
		fmt.Fprintf(b, "- %s\n", n)
	}
	b.WriteString("\n")
}

// byAge orders States by what needs attention first: no information,
// then information of unknown age, then the oldest, then by name.
func byAge(e *edition.Edition) []*edition.State {
	age := func(s *edition.State) int {
		switch a, ok := e.InformationAge(s); {
		case !s.HasInformation():
			return 1 << 21
		case !ok:
			return 1 << 20
		default:
			return a
		}
	}
	// Each age is told once, not at every comparison: it reads every
	// quotation's dates.
	type aged struct {
		state *edition.State
		age   int
	}
	states := make([]aged, len(e.States))
	for i, s := range e.States {
		states[i] = aged{s, age(s)}
	}
	slices.SortStableFunc(states, func(a, b aged) int {
		return cmp.Or(cmp.Compare(b.age, a.age), cmp.Compare(a.state.Name, b.state.Name))
	})
	out := make([]*edition.State, len(states))
	for i, a := range states {
		out[i] = a.state
	}
	return out
}

// cell escapes text for a Markdown list item or table cell.
func cell(s string) string { return cellEscapes.Replace(s) }

// cellEscapes is made once, not for every cell: the checklist has a few
// for every State. A Replacer may serve several goroutines at once.
var cellEscapes = strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "[", `\[`, "<", `\<`, "`", "'")
