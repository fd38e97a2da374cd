package compose

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"unireport/internal/document"
	"unireport/internal/edition"
	"unireport/internal/placeholder"
)

// The tables are written through document.TableWriter, which owns the
// directive syntax that the document parser reads back.

var (
	escapeInline = document.EscapeInline
	colHeader    = document.Cell{Header: true, Scope: "col"}
	rowHeader    = document.Cell{Header: true, Scope: "row"}
	plainCell    = document.Cell{}
	centred      = document.Cell{Align: document.AlignCenter}
)

// openTable starts a table with the template's settings: widths (checked
// when the settings were read), landscape, and the caption.
func openTable(w *document.TableWriter, name string, o options) {
	widths, _ := document.ParseWidths(o["widths"])
	w.Open(document.Table{Name: name, ID: name, Widths: widths, Landscape: o["landscape"] == "true"})
	if o["caption"] != "" {
		w.Caption(o["caption"], false)
	} else {
		w.Caption(o["hidden_caption"], true)
	}
}

// options are a table's name=value settings from the template.
type options map[string]string

func parseOptions(table string, args []string, allowed ...string) (options, error) {
	if len(args)%2 != 0 {
		return nil, fmt.Errorf("table %q takes name and value pairs, but %q has no value", table, args[len(args)-1])
	}
	opts := options{}
	for i := 0; i < len(args); i += 2 {
		k := args[i]
		if !slices.Contains(allowed, k) {
			return nil, fmt.Errorf("table %q has no setting %q (it has %s)", table, k, strings.Join(allowed, ", "))
		}
		opts[k] = args[i+1]
	}
	if w := opts["widths"]; w != "" {
		if _, err := document.ParseWidths(w); err != nil {
			return nil, fmt.Errorf("table %q: %w", table, err)
		}
	}
	if l, ok := opts["landscape"]; ok && l != "true" && l != "false" {
		return nil, fmt.Errorf("table %q: landscape is \"true\" or \"false\", not %q", table, l)
	}
	return opts, nil
}

// voteTable: one column per vote, the count in each heading, States in
// alphabetical order by their name in the vote table.
func voteTable(e *edition.Edition, m marker, o options) string {
	cols := e.VoteColumns()
	heads := []string{o["in_favour"], o["abstained"], o["not_present"]}
	var w document.TableWriter
	openTable(&w, "vote", o)
	w.Row(true, "")
	rows := 0
	for i, c := range cols {
		if c.Gap != "" {
			// in a draft: the column's count is not known yet, and its
			// one cell says what is needed
			w.Cell(colHeader, escapeInline(heads[i]))
			rows = max(rows, 1)
			continue
		}
		w.Cell(colHeader, fmt.Sprintf("%s (%s)", escapeInline(heads[i]), m.mark(e.VoteCountSource(c.Key), strconv.Itoa(len(c.States)))))
		rows = max(rows, len(c.States))
	}
	w.EndRow()
	for r := range rows {
		w.Row(false, "")
		for _, c := range cols {
			name := ""
			switch {
			case c.Gap != "" && r == 0:
				name = m.mark(e.VoteSource(c.Key, nil), placeholder.Mark(c.Gap))
			case r < len(c.States):
				name = m.mark(e.VoteSource(c.Key, c.States[r]), escapeInline(c.States[r].VoteName()))
			}
			w.Cell(plainCell, name)
		}
		w.EndRow()
	}
	return w.String()
}

// participationTable: a first header row of years spanning their meetings,
// a second of meeting names, a tick per attendance, only States that
// attended at least one meeting, alphabetically.
func participationTable(e *edition.Edition, m marker, o options) string {
	var w document.TableWriter
	openTable(&w, "participation", o)
	w.Row(true, "")
	w.Cell(document.Cell{Header: true, Scope: "col", RowSpan: 2}, escapeInline(o["state"]))
	for i := 0; i < len(e.Meetings); {
		j := i
		for j < len(e.Meetings) && e.Meetings[j].Year == e.Meetings[i].Year {
			j++
		}
		w.Cell(document.Cell{Header: true, Scope: "colgroup", ColSpan: j - i, Align: document.AlignCenter},
			m.mark(e.MeetingSource(e.Meetings[i], "year"), strconv.Itoa(e.Meetings[i].Year)))
		i = j
	}
	w.EndRow()
	w.Row(true, "")
	for _, mt := range e.Meetings {
		label := m.mark(e.MeetingSource(mt, "label"), escapeInline(mt.Label))
		if short := o["intersessional_label"]; short != "" && mt.Kind == edition.Intersessional {
			label = escapeInline(short) // one short heading for every such column, as the table grows
		}
		if mt.Attended.Gap() != "" {
			// short, in a narrow column: the checklist says it in full
			label += "\n\n" + m.mark(e.AttendanceSource(mt, nil), placeholder.Mark("who attended"))
		}
		w.Cell(document.Cell{Header: true, Scope: "col", Align: document.AlignCenter}, label)
	}
	w.EndRow()
	for _, s := range e.Participants() {
		w.Row(false, "")
		w.Cell(rowHeader, m.mark(e.NameSource(s, "ParticipationName"), escapeInline(s.ParticipationName())))
		for _, mt := range e.Meetings {
			mark, cell := "", centred
			switch {
			case !mt.Attended.Known():
				mark = escapeInline(o["not_known"]) // never an empty cell, which would read "did not attend"
				cell.Alt = o["not_known_means"]
			case mt.AttendedBy(s):
				mark = o["tick"]
				cell.Alt = o["tick_means"]
			}
			w.Cell(cell, m.mark(e.AttendanceSource(mt, s), mark))
		}
		w.EndRow()
	}
	return w.String()
}

// positionsTable: each State with its quotations, each ending with its
// citation, and its last participation.
func positionsTable(e *edition.Edition, m marker, o options) string {
	var w document.TableWriter
	openTable(&w, "positions", o)
	w.Row(true, "")
	for _, h := range []string{o["state"], o["position"], o["participation"]} {
		w.Cell(colHeader, escapeInline(h))
	}
	w.EndRow()
	for _, s := range e.Alphabetical() {
		w.Row(false, "state-"+string(s.Key))
		name := m.mark(e.NameSource(s, "PrintedName"), escapeInline(s.Name))
		if s.Signatory && o["signatory_note"] != "" {
			name += "[^" + o["signatory_note"] + "]"
		}
		w.Cell(rowHeader, name)
		w.Cell(plainCell, quotations(e, m, s, o["no_information"]))
		last := m.mark(e.NeverParticipatedSource(s), escapeInline(o["never_participated"]))
		if lp := s.LastParticipation; lp != nil {
			last = fmt.Sprintf("%s in %s", m.mark(e.StateSource(s, "last_participation.meeting"), escapeInline(lp.Meeting)),
				m.mark(e.StateSource(s, "last_participation.year"), strconv.Itoa(lp.Year)))
		}
		w.Cell(plainCell, last)
		w.EndRow()
	}
	return w.String()
}

// quotations renders a State's quotations as paragraphs, the citation in
// parentheses at the end of each quotation's last paragraph.
func quotations(e *edition.Edition, m marker, s *edition.State, none string) string {
	if !s.HasInformation() {
		return m.mark(e.NoQuotationSource(s), escapeInline(none))
	}
	var paras []string
	for j, q := range s.Quotations {
		text := strings.TrimSpace(strings.ReplaceAll(q.Text, "\r\n", "\n"))
		paras = append(paras, m.mark(e.QuotationSource(s, j, false), text)+" ("+m.mark(e.QuotationSource(s, j, true), q.Citation())+")")
	}
	return strings.Join(paras, "\n\n")
}
