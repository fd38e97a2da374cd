package compose

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"unireport/internal/edition"
	"unireport/internal/placeholder"
)

// tableWriter writes a data table as directive Markdown (see package
// document): five colons for the table, four for rows, three for cells.
type tableWriter struct{ b strings.Builder }

func (w *tableWriter) open(name, id string, o options) {
	fmt.Fprintf(&w.b, "\n::::: table %s id=%s", name, id)
	if widths := o["widths"]; widths != "" {
		fmt.Fprintf(&w.b, " widths=%s", widths)
	}
	if o["landscape"] == "true" {
		w.b.WriteString(" landscape")
	}
	w.b.WriteString("\n")
}

func (w *tableWriter) caption(o options) {
	text, hidden := o["caption"], false
	if text == "" {
		text, hidden = o["hidden_caption"], true
	}
	if strings.TrimSpace(text) == "" {
		return
	}
	flag := ""
	if hidden {
		flag = " hidden"
	}
	fmt.Fprintf(&w.b, ":::: caption%s\n%s\n::::\n", flag, escapeBlock(text))
}

func (w *tableWriter) row(head bool, id string) {
	w.b.WriteString(":::: row")
	if head {
		w.b.WriteString(" head")
	}
	if id != "" {
		w.b.WriteString(" id=" + id)
	}
	w.b.WriteString("\n")
}

func (w *tableWriter) endRow() { w.b.WriteString("::::\n") }

// cell writes one cell holding markdown; attrs are key=value words.
func (w *tableWriter) cell(kind, markdown string, attrs ...string) {
	w.b.WriteString("::: " + kind)
	for _, a := range attrs {
		w.b.WriteString(" " + a)
	}
	fmt.Fprintf(&w.b, "\n%s\n:::\n", escapeBlock(markdown))
}

func (w *tableWriter) close() string {
	w.b.WriteString(":::::\n\n")
	return w.b.String()
}

// escapeBlock keeps text from data from closing or opening a directive: a
// line that starts with a colon gets a backslash, which Markdown drops.
func escapeBlock(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimLeft(l, " \t"), ":") {
			lines[i] = `\` + strings.TrimLeft(l, " \t")
		}
	}
	return strings.Join(lines, "\n")
}

// escapeInline makes a plain name safe as Markdown inline text.
func escapeInline(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|!~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return escapeBlock(b.String())
}

var widthsPattern = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?(,[0-9]+(\.[0-9]+)?)*$`)

// options are a table's name=value settings from the template.
type options map[string]string

func parseOptions(table string, args []string, allowed ...string) (options, error) {
	if len(args)%2 != 0 {
		return nil, fmt.Errorf("table %q takes name and value pairs, but %q has no value", table, args[len(args)-1])
	}
	opts := options{}
	for i := 0; i < len(args); i += 2 {
		k := args[i]
		if !contains(allowed, k) {
			return nil, fmt.Errorf("table %q has no setting %q (it has %s)", table, k, strings.Join(allowed, ", "))
		}
		opts[k] = args[i+1]
	}
	if w := opts["widths"]; w != "" && !widthsPattern.MatchString(w) {
		return nil, fmt.Errorf("table %q: widths must be positive numbers separated by commas, e.g. \"18,62,20\", not %q", table, w)
	}
	if l, ok := opts["landscape"]; ok && l != "true" && l != "false" {
		return nil, fmt.Errorf("table %q: landscape is \"true\" or \"false\", not %q", table, l)
	}
	return opts, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// voteTable: one column per vote, the count in each heading, States in
// alphabetical order by their name in the vote table.
func voteTable(e *edition.Edition, o options) string {
	cols := e.VoteColumns()
	heads := []string{o["in_favour"], o["abstained"], o["not_present"]}
	var w tableWriter
	w.open("vote", "vote", o)
	w.caption(o)
	w.row(true, "")
	rows := 0
	for i, c := range cols {
		if c.Gap != "" {
			// in a draft: the column's count is not known yet, and its
			// one cell says what is needed
			w.cell("header", escapeInline(heads[i]), "scope=col")
			rows = max(rows, 1)
			continue
		}
		w.cell("header", fmt.Sprintf("%s (%d)", escapeInline(heads[i]), len(c.States)), "scope=col")
		rows = max(rows, len(c.States))
	}
	w.endRow()
	for r := range rows {
		w.row(false, "")
		for _, c := range cols {
			name := ""
			switch {
			case c.Gap != "" && r == 0:
				name = placeholder.Mark(c.Gap)
			case r < len(c.States):
				name = escapeInline(c.States[r].VoteName())
			}
			w.cell("cell", name)
		}
		w.endRow()
	}
	return w.close()
}

// participationTable: a first header row of years spanning their meetings,
// a second of meeting names, a tick per attendance, only States that
// attended at least one meeting, alphabetically.
func participationTable(e *edition.Edition, o options) string {
	var w tableWriter
	w.open("participation", "participation", o)
	w.caption(o)
	w.row(true, "")
	w.cell("header", escapeInline(o["state"]), "scope=col", "rowspan=2")
	for i := 0; i < len(e.Meetings); {
		j := i
		for j < len(e.Meetings) && e.Meetings[j].Year == e.Meetings[i].Year {
			j++
		}
		w.cell("header", strconv.Itoa(e.Meetings[i].Year), "scope=colgroup", fmt.Sprintf("colspan=%d", j-i), "align=center")
		i = j
	}
	w.endRow()
	w.row(true, "")
	for _, m := range e.Meetings {
		label := escapeInline(m.Label)
		if short := o["intersessional_label"]; short != "" && m.Kind == edition.Intersessional {
			label = escapeInline(short) // one short heading for every such column, as the table grows
		}
		if m.Attended.Gap() != "" {
			// short, in a narrow column: the checklist says it in full
			label += "\n\n" + placeholder.Mark("who attended")
		}
		w.cell("header", label, "scope=col", "align=center")
	}
	w.endRow()
	for _, s := range e.Participants() {
		w.row(false, "")
		w.cell("header", escapeInline(s.ParticipationName()), "scope=row")
		for _, m := range e.Meetings {
			mark := ""
			switch {
			case !m.Attended.Known():
				mark = escapeInline(o["not_known"]) // never an empty cell, which would read "did not attend"
			case m.AttendedBy(s):
				mark = o["tick"]
			}
			w.cell("cell", mark, "align=center")
		}
		w.endRow()
	}
	return w.close()
}

// positionsTable: each State with its quotations, each ending with its
// citation, and its last participation.
func positionsTable(e *edition.Edition, o options) string {
	var w tableWriter
	w.open("positions", "positions", o)
	w.caption(o)
	w.row(true, "")
	for _, h := range []string{o["state"], o["position"], o["participation"]} {
		w.cell("header", escapeInline(h), "scope=col")
	}
	w.endRow()
	for _, s := range e.Alphabetical() {
		w.row(false, "state-"+string(s.Key))
		name := escapeInline(s.Name)
		if s.Signatory && o["signatory_note"] != "" {
			name += "[^" + o["signatory_note"] + "]"
		}
		w.cell("header", name, "scope=row")
		w.cell("cell", quotations(s, o["no_information"]))
		last := o["never_participated"]
		if lp := s.LastParticipation; lp != nil {
			last = fmt.Sprintf("%s in %d", escapeInline(lp.Meeting), lp.Year)
		}
		w.cell("cell", last)
		w.endRow()
	}
	return w.close()
}

// quotations renders a State's quotations as paragraphs, the citation in
// parentheses at the end of each quotation's last paragraph.
func quotations(s *edition.State, none string) string {
	if !s.HasInformation() {
		return escapeInline(none)
	}
	var paras []string
	for _, q := range s.Quotations {
		text := strings.TrimSpace(strings.ReplaceAll(q.Text, "\r\n", "\n"))
		paras = append(paras, text+" ("+q.Citation()+")")
	}
	return strings.Join(paras, "\n\n")
}
