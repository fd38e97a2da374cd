package edition

import (
	"fmt"
	"slices"

	"unireport/internal/diag"
)

// Accessions lists the accessions that took place by the date of
// presentation, in date order.
func (e *Edition) Accessions() []*Change { return e.changes(Accession, true) }

// Withdrawals lists the withdrawals that have taken effect by the date of
// presentation, in date order.
func (e *Edition) Withdrawals() []*Change { return e.changes(Withdrawal, true) }

// PendingWithdrawals lists the withdrawals announced but not yet in effect
// on the date of presentation: those States are still parties.
func (e *Edition) PendingWithdrawals() []*Change { return e.changes(Withdrawal, false) }

func (e *Edition) changes(kind ChangeKind, effective bool) []*Change {
	var out []*Change
	for _, c := range e.Facts.Changes {
		if c.Kind == kind && e.effective(c) == effective {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b *Change) int { return a.Date.Time().Compare(b.Date.Time()) })
	return out
}

// effective reports whether a change has happened by the date of
// presentation. While that date is still to be filled in, every change
// recorded counts: the report is presented at the end of the year.
func (e *Edition) effective(c *Change) bool {
	if e.Facts.Date.IsGap() || c.Date.IsGap() {
		return true
	}
	return !c.Date.Time().After(e.Facts.Date.Time())
}

// AccessionsSincePreviousMeeting reports whether every accession of the
// edition came after the previous edition's date of presentation, that is
// after the previous Meeting of the States Parties, so that the report
// may say "Since the Sixteenth Meeting of the States Parties, ... have
// acceded". It is false when no previous edition is beside this one: the
// report then gives each accession's date instead.
func (e *Edition) AccessionsSincePreviousMeeting() bool {
	if e.Previous == nil || e.Previous.Facts.Date.IsZero() {
		return false
	}
	for _, c := range e.Accessions() {
		if c.Date.IsGap() || !c.Date.Time().After(e.Previous.Facts.Date.Time()) {
			return false
		}
	}
	return true
}

// acceded maps the keys of the States that have acceded by the date of
// presentation to their accession.
func (e *Edition) acceded() map[Key]*Change {
	m := map[Key]*Change{}
	for _, c := range e.Accessions() {
		m[c.Key] = c
	}
	return m
}

// checkChanges checks the accessions and withdrawals against this
// edition's own list of States.
func (e *Edition) checkChanges(diags *diag.List) {
	states := e.stateIndex()
	seen := map[Key]bool{}
	for i, c := range e.Facts.Changes {
		p := fmt.Sprintf("change[%d]", i)
		if seen[c.Key] {
			diags.Errorf(e.Pos(FactsFile, p+".key", true), "%s has two changes recorded: keep one", c.State)
		}
		seen[c.Key] = true
		inList := states[c.Key] != nil
		effective := e.effective(c)
		switch {
		case c.Kind == Accession && !effective:
			diags.Warnf(e.Pos(FactsFile, p+".date", true), "%s's accession on %s is after the date of presentation (%s), so it is not counted", c.State, c.Date, e.Facts.Date)
		case c.Kind == Withdrawal && effective && !inList:
			diags.Errorf(e.Pos(FactsFile, p+".key", true), "%s's withdrawal took effect on %s, so it is a State not party: add it to %s with key %q", c.State, c.Date, StatesFile, c.Key)
		case c.Kind == Withdrawal && !effective && inList:
			diags.Errorf(e.Pos(StatesFile, statePath(states[c.Key].Index), false), "%s's withdrawal takes effect only on %s, after the date of presentation: it is still a State Party, so remove its [[state]] table", c.State, c.Date)
		}
		// An acceded State still listed is reported at its [[state]]
		// table, where the fix is (see validateStates).
	}
}

// reconcile checks the edition against the one before it: each change
// names a State of the right list there, the number of States Parties adds
// up, and no State is dropped or added without a change recorded.
func (e *Edition) reconcile(diags *diag.List) {
	prev := e.Previous
	if prev == nil {
		return
	}
	prevStates := prev.stateIndex()
	unknownChange := false
	for i, c := range e.Facts.Changes {
		pos := e.Pos(FactsFile, fmt.Sprintf("change[%d].key", i), true)
		was := prevStates[c.Key]
		switch {
		case c.Kind == Accession && was == nil:
			unknownChange = true
			msg := fmt.Sprintf("the accession of %s names key %q, which is not a State not party in the previous edition %s", c.State, c.Key, prev.Dir)
			if s := prev.suggestState(string(c.Key), c.State); s != nil {
				msg += fmt.Sprintf("; did you mean %q (%s)?", s.Key, s.Name)
			}
			diags.Errorf(pos, "%s", msg)
		case c.Kind == Withdrawal && was != nil:
			unknownChange = true
			diags.Errorf(pos, "the withdrawal of %s names key %q, which was already a State not party in the previous edition %s: only a State Party can withdraw", c.State, c.Key, prev.Dir)
		}
	}
	if unknownChange {
		return // the counts below would only repeat the mistake
	}
	acc, wd := len(e.Accessions()), len(e.Withdrawals())
	if want := prev.Facts.StatesParties + acc - wd; want != e.Facts.StatesParties {
		diags.Errorf(e.Pos(FactsFile, "states_parties", true),
			"states_parties is %d, but the previous edition %s has %d and %s records %s and %s since, which make %d: correct the number or record the missing change",
			e.Facts.StatesParties, prev.Dir, prev.Facts.StatesParties, e.Dir, diag.Plural(acc, "accession"), diag.Plural(wd, "withdrawal"), want)
	}
	// Every State of the previous list is still listed, unless it acceded.
	states := e.stateIndex()
	acceded := e.acceded()
	pending := map[Key]*Change{}
	for _, c := range e.changes(Accession, false) {
		pending[c.Key] = c
	}
	for _, s := range prev.States {
		switch {
		case states[s.Key] != nil || acceded[s.Key] != nil:
		case pending[s.Key] != nil:
			diags.Errorf(e.Pos(StatesFile, "", false), "%s's accession on %s is after the date of presentation, so it is still a State not party in this report: keep its [[state]] table, its vote and its attendance", s.Name, pending[s.Key].Date)
		default:
			diags.Errorf(e.Pos(StatesFile, "", false), "%s (%q) was a State not party in %s but is not listed here, and no accession is recorded in %s", s.Name, s.Key, prev.Dir, FactsFile)
		}
	}
	withdrew := map[Key]bool{} // in effect or not: a State listed wrongly is reported at its change
	for _, c := range e.Facts.Changes {
		if c.Kind == Withdrawal {
			withdrew[c.Key] = true
		}
	}
	for _, s := range e.States {
		if prevStates[s.Key] == nil && !withdrew[s.Key] {
			diags.Warnf(e.Pos(StatesFile, statePath(s.Index), false), "%s is new to the list since %s, but no withdrawal is recorded in %s", s.Name, prev.Dir, FactsFile)
		}
	}
	if n, pn := e.Facts.Meeting.Number, prev.Facts.Meeting.Number; n != pn+1 && prev.Facts.Year < e.Facts.Year {
		diags.Warnf(e.Pos(FactsFile, "meeting.number", true), "the meeting is number %d, but the previous edition %s was presented to the %s: is this edition's meeting the %s?",
			n, prev.Dir, prev.Facts.Meeting.ShortName, fmt.Sprintf("%dMSP", pn+1))
	}
}

// suggestState returns the State whose key or name is closest to what was
// written, if close enough to be a typo; nil otherwise.
func (e *Edition) suggestState(written ...string) *State {
	var best *State
	bestDist := 0
	for _, w := range written {
		if w == "" {
			continue
		}
		for _, s := range e.States {
			for _, c := range []string{string(s.Key), s.Name, s.TextName(), s.VoteName(), s.ParticipationName()} {
				d := levenshtein(normalizeName(w), normalizeName(c))
				if d <= max(2, len(w)/4) && (best == nil || d < bestDist) {
					best, bestDist = s, d
				}
			}
		}
	}
	return best
}
