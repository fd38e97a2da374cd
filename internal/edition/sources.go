package edition

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"unireport/internal/diag"
	"unireport/internal/provenance"
)

// Where the values of the edition come from, for a draft to show beside
// each value it prints (see internal/provenance). The edition knows the
// file, line and column of every value it read; these methods answer for
// the values as templates and tables reach them: a field or method of a
// model value, a list that a fact returns, a cell of a table.

// Source returns where the value that a template prints comes from: member
// of v (a field or method, e.g. "Title" of Facts, "TextName" of a *State,
// "Count" of the *Edition), or, when member is "", v itself (a Figure, a
// list of States). hint names the field or method that gave v when the
// template stored it in a variable ($never := .NeverParticipated), so that
// a list can say what it is. ok is false for a value the edition did not
// read, such as a number or text written in the template.
func (e *Edition) Source(v any, member, hint string) (src provenance.Source, ok bool) {
	if e == nil || v == nil {
		return provenance.Source{}, false
	}
	if member == "" {
		return e.valueSource(v, hint)
	}
	if v == any(e) {
		return e.editionSource(member)
	}
	file, path, ok := e.base(v)
	if !ok {
		return provenance.Source{}, false
	}
	if src, ok := e.methodSource(v, file, path, member); ok {
		return src, true
	}
	t := reflect.TypeOf(v)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	f, ok := t.FieldByName(member)
	if !ok {
		return provenance.Source{}, false
	}
	name, _, ok := fieldKey(f)
	if !ok {
		return provenance.Source{}, false
	}
	return e.at(file, join(path, name)), true
}

// at is the source of the value at path in file.
func (e *Edition) at(file, path string) provenance.Source {
	return provenance.Source{Pos: e.Pos(file, path, true)}
}

// has reports whether the file has a value at path.
func (e *Edition) has(file, path string) bool {
	src, ok := e.sources[file]
	if !ok {
		return false
	}
	_, ok = src.ix.Value(path)
	return ok
}

// first is the source of the first of paths that the file holds (the
// last when it holds none): a name printed from name_in_text where there
// is one, else from name.
func (e *Edition) first(file string, paths ...string) provenance.Source {
	for _, p := range paths[:len(paths)-1] {
		if e.has(file, p) {
			return e.at(file, p)
		}
	}
	return e.at(file, paths[len(paths)-1])
}

// base tells the file and the path of a value of the model: a State's
// table is state[i] of states.toml. ok is false for a value this edition
// did not load (another edition's State, say).
func (e *Edition) base(v any) (file, path string, ok bool) {
	switch v := v.(type) {
	case Facts, *Facts:
		return FactsFile, "", true
	case Work, *Work:
		return FactsFile, "work", true
	case MeetingID, *MeetingID:
		return FactsFile, "meeting", true
	case *FontFiles:
		return FactsFile, "fonts", true
	case *Change:
		if i := slices.Index(e.Facts.Changes, v); i >= 0 {
			return FactsFile, "change[" + strconv.Itoa(i) + "]", true
		}
	case Vote, *Vote:
		return VoteFile, "", true
	case *State:
		if e.owns(v) {
			return StatesFile, statePath(v.Index), true
		}
	case *Quotation:
		for _, s := range e.States {
			if s == nil {
				continue
			}
			if j := slices.Index(s.Quotations, v); j >= 0 {
				return StatesFile, statePath(s.Index) + ".quotation[" + strconv.Itoa(j) + "]", true
			}
		}
	case *Participation:
		for _, s := range e.States {
			if s != nil && s.LastParticipation == v {
				return StatesFile, statePath(s.Index) + ".last_participation", true
			}
		}
	case *Meeting:
		if v.Index >= 0 && v.Index < len(e.Meetings) && e.Meetings[v.Index] == v {
			return MeetingsFile, meetingPath(v.Index), true
		}
	case EarlierReport:
		if e.owns(v.State) {
			return StatesFile, statePath(v.State.Index), true
		}
	}
	return "", "", false
}

// owns reports whether s is one of this edition's States.
func (e *Edition) owns(s *State) bool {
	return s != nil && s.Index >= 0 && s.Index < len(e.States) && e.States[s.Index] == s
}

// methodSource answers for the methods that templates print, which read
// one value or another of their table (a State's name in text is
// name_in_text where given, else name).
func (e *Edition) methodSource(v any, file, path, member string) (provenance.Source, bool) {
	switch v.(type) {
	case *State:
		switch member {
		case "VoteName":
			return e.first(file, path+".name_in_vote", path+".name"), true
		case "ParticipationName":
			return e.first(file, path+".name_in_participation", path+".name"), true
		case "TextName":
			return e.first(file, path+".name_in_text", path+".name"), true
		case "PrintedName":
			return e.at(file, path+".name"), true
		case "NewestInformation":
			return provenance.Source{Pos: e.Pos(file, path, false), From: "the newest date of the State's [[state.quotation]] in " + file}, true
		}
	case *Meeting:
		if member == "DisplayName" {
			return e.first(file, path+".name", path+".label"), true
		}
	case MeetingID, *MeetingID:
		if member == "PreviousMeetingName" {
			return provenance.Source{Pos: e.Pos(file, "meeting.number", true), From: "the meeting before meeting.number in " + file}, true
		}
	case EarlierReport:
		if member == "Years" {
			return e.at(file, path+".article7_reports"), true
		}
	case *Quotation:
		if member == "Citation" {
			return e.at(file, path+".occasion"), true
		}
	}
	return provenance.Source{}, false
}

// editionSource answers for a fact of the edition printed directly:
// {{.Count}}, or a list it returns ({{len .NeverParticipated}}).
func (e *Edition) editionSource(member string) (provenance.Source, bool) {
	if member == "Count" {
		return e.CountSource(e.States, "States"), true
	}
	m := reflect.ValueOf(e).MethodByName(member)
	var list reflect.Value
	switch {
	case m.IsValid() && m.Type().NumIn() == 0 && m.Type().NumOut() == 1:
		list = m.Call(nil)[0]
	case !m.IsValid():
		f := reflect.ValueOf(e).Elem().FieldByName(member)
		if !f.IsValid() || !f.CanInterface() {
			return provenance.Source{}, false
		}
		list = f
	default:
		// a fact that takes an argument, such as ReportsIn: say what it
		// is, at its file
		if d, ok := describeList(member); ok {
			return provenance.Source{Pos: diag.Pos{File: e.filePath(d.file)}, From: d.what}, true
		}
		return provenance.Source{}, false
	}
	if !list.CanInterface() {
		return provenance.Source{}, false
	}
	return e.valueSource(list.Interface(), member)
}

// valueSource answers for a value printed as it is: a Figure, or a list
// of the model's values, which is where its first element is.
func (e *Edition) valueSource(v any, hint string) (provenance.Source, bool) {
	switch v := v.(type) {
	case Figure:
		if v.key != "" {
			return e.at(FactsFile, v.key), true
		}
	case []*State:
		src := e.listSource(hint, "[[state]] in "+StatesFile, StatesFile)
		if len(v) > 0 && e.owns(v[0]) {
			src.Pos = e.Pos(StatesFile, statePath(v[0].Index), false)
		}
		return src, true
	case []*Change:
		src := e.listSource(hint, "[[change]] in "+FactsFile, FactsFile)
		if len(v) > 0 {
			if file, path, ok := e.base(v[0]); ok {
				src.Pos = e.Pos(file, path, false)
			}
		}
		return src, true
	case []*Meeting:
		src := e.listSource(hint, "[[meeting]] in "+MeetingsFile, MeetingsFile)
		if len(v) > 0 {
			if file, path, ok := e.base(v[0]); ok {
				src.Pos = e.Pos(file, path, false)
			}
		}
		return src, true
	case []EarlierReport:
		src := e.listSource(hint, "article7_reports in "+StatesFile, StatesFile)
		if len(v) > 0 {
			if file, path, ok := e.base(v[0]); ok {
				src.Pos = e.Pos(file, path+".article7_reports", true)
			}
		}
		return src, true
	}
	return provenance.Source{}, false
}

// listSource is what a list is, by the fact that gave it (hint), or
// generic; its position is the file's until the first element gives one.
func (e *Edition) listSource(hint, generic, file string) provenance.Source {
	what := generic
	if d, ok := describeList(hint); ok {
		what, file = d.what, d.file
	}
	return provenance.Source{Pos: diag.Pos{File: e.filePath(file)}, From: what}
}

// filePath is the path of one of the edition's files, as positions name it.
func (e *Edition) filePath(file string) string { return e.Pos(file, "", false).File }

// listFacts says what each list of the edition is, in the words of its
// files, for a draft that shows what a list or a count was made from.
var listFacts = map[string]struct{ what, file string }{
	"States":             {"[[state]] in " + StatesFile, StatesFile},
	"Alphabetical":       {"[[state]] in " + StatesFile, StatesFile},
	"NeverParticipated":  {"the [[state]] of " + StatesFile + " without last_participation and in no attended list of " + MeetingsFile, StatesFile},
	"Signatories":        {"the [[state]] of " + StatesFile + " with signatory = true", StatesFile},
	"ReportsIn":          {"the [[state]] of " + StatesFile + " whose article7_reports hold the year", StatesFile},
	"ReportsBefore":      {"the [[state]] of " + StatesFile + " with article7_reports before the year", StatesFile},
	"Participants":       {"the States in the attended lists of " + MeetingsFile, MeetingsFile},
	"Stale":              {"the [[state]] of " + StatesFile + " whose newest quotation is older than stale_after_years", StatesFile},
	"DroppedOut":         {"the States in the attended lists of " + MeetingsFile + " of last year but not of this year", MeetingsFile},
	"Accessions":         {"the [[change]] of " + FactsFile + " with kind = \"accession\"", FactsFile},
	"Withdrawals":        {"the [[change]] of " + FactsFile + " with kind = \"withdrawal\"", FactsFile},
	"PendingWithdrawals": {"the [[change]] of " + FactsFile + " with kind = \"withdrawal\" not yet in effect", FactsFile},
	"Meetings":           {"[[meeting]] in " + MeetingsFile, MeetingsFile},
	"UnknownAttendance":  {"the [[meeting]] of " + MeetingsFile + " whose attended is \"not known\"", MeetingsFile},
	"DroppedOutUnknown":  {"the [[meeting]] of " + MeetingsFile + " of this year and last whose attended is \"not known\"", MeetingsFile},
}

func describeList(fact string) (struct{ what, file string }, bool) {
	d, ok := listFacts[fact]
	return d, ok
}

// CountSource is the source of a count of list, which a fact (such as
// "NeverParticipated", see Source's hint) gave: what was counted, at the
// first element counted.
func (e *Edition) CountSource(list any, fact string) provenance.Source {
	src, ok := e.valueSource(list, fact)
	if !ok {
		return provenance.Source{}
	}
	src.From = "count of " + src.From
	return src
}

// StateSource is where a State's value, by its key in states.toml (name,
// name_in_vote, last_participation …), is written.
func (e *Edition) StateSource(s *State, key string) provenance.Source {
	if !e.owns(s) {
		return provenance.Source{}
	}
	return e.at(StatesFile, statePath(s.Index)+"."+key)
}

// NameSource is where the name a State is printed with comes from: by
// the method that prints it (VoteName, ParticipationName, TextName,
// PrintedName).
func (e *Edition) NameSource(s *State, method string) provenance.Source {
	src, _ := e.Source(s, method, "")
	return src
}

// QuotationSource is where a State's quotation j is written: its text,
// or with citation its occasion.
func (e *Edition) QuotationSource(s *State, j int, citation bool) provenance.Source {
	key := "text"
	if citation {
		key = "occasion"
	}
	return e.StateSource(s, fmt.Sprintf("quotation[%d].%s", j, key))
}

// NoQuotationSource is the source of the words a table prints for a State
// without quotations: its table, which holds none.
func (e *Edition) NoQuotationSource(s *State) provenance.Source {
	if !e.owns(s) {
		return provenance.Source{}
	}
	return provenance.Source{Pos: e.Pos(StatesFile, statePath(s.Index), false), From: "no [[state.quotation]] in this [[state]] of " + StatesFile}
}

// NeverParticipatedSource is the source of the words a table prints for
// a State that never took part in a meeting: its table, which has no
// last_participation.
func (e *Edition) NeverParticipatedSource(s *State) provenance.Source {
	if !e.owns(s) {
		return provenance.Source{}
	}
	return provenance.Source{Pos: e.Pos(StatesFile, statePath(s.Index), false), From: "no last_participation in this [[state]] of " + StatesFile}
}

// VoteSource is where a State's vote is recorded: its key in the column's
// list of vote.toml (column as VoteColumn.Key: in_favour, abstained,
// not_present).
func (e *Edition) VoteSource(column string, s *State) provenance.Source {
	var keys []Key
	switch column {
	case "in_favour":
		keys = e.Vote.InFavour.Keys
	case "abstained":
		keys = e.Vote.Abstained.Keys
	case "not_present":
		keys = e.Vote.NotPresent.Keys
	}
	if s != nil {
		if i := slices.Index(keys, s.Key); i >= 0 {
			return e.at(VoteFile, column+"["+strconv.Itoa(i)+"]")
		}
	}
	return e.at(VoteFile, column)
}

// VoteCountSource is the source of the number of votes of a column: the
// count of its list in vote.toml.
func (e *Edition) VoteCountSource(column string) provenance.Source {
	return provenance.Source{Pos: e.Pos(VoteFile, column, true), From: "count of " + column + " in " + VoteFile}
}

// AttendanceSource is where a State's attendance of a meeting is recorded:
// its key in the meeting's attended list, or the attended value itself
// when it is "not known".
func (e *Edition) AttendanceSource(m *Meeting, s *State) provenance.Source {
	if m == nil || m.Index < 0 || m.Index >= len(e.Meetings) || e.Meetings[m.Index] != m {
		return provenance.Source{}
	}
	path := meetingPath(m.Index) + ".attended"
	if s != nil {
		if i := slices.Index(m.Attended.Keys, s.Key); i >= 0 {
			return e.at(MeetingsFile, path+"["+strconv.Itoa(i)+"]")
		}
	}
	return e.at(MeetingsFile, path)
}

// MeetingSource is where a meeting's value, by its key in meetings.toml
// (label, year …), is written.
func (e *Edition) MeetingSource(m *Meeting, key string) provenance.Source {
	if m == nil || m.Index < 0 || m.Index >= len(e.Meetings) || e.Meetings[m.Index] != m {
		return provenance.Source{}
	}
	return e.at(MeetingsFile, meetingPath(m.Index)+"."+strings.TrimPrefix(key, "."))
}
