package edition

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"

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
		if c.Kind == kind && (!c.Date.Time().After(e.Facts.Date.Time())) == effective {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b *Change) int { return a.Date.Time().Compare(b.Date.Time()) })
	return out
}

// Previous finds the edition before this one: the folder beside it with
// the highest year below this edition's. It returns "" when there is none.
func (e *Edition) Previous() string {
	parent := filepath.Dir(filepath.Clean(e.Dir))
	entries, err := os.ReadDir(parent)
	if err != nil {
		return ""
	}
	best := 0
	for _, en := range entries {
		y, err := strconv.Atoi(en.Name())
		if err != nil || !en.IsDir() || y < minYear || len(en.Name()) != 4 {
			continue // not an edition: editions are folders named by their year
		}
		if y < e.Facts.Year && y > best {
			best = y
		}
	}
	if best == 0 {
		return ""
	}
	return filepath.Join(parent, strconv.Itoa(best))
}

// validateChanges checks the accessions and withdrawals against the list
// of States and reconciles the number of States Parties with the previous
// edition's.
func (e *Edition) validateChanges(diags *diag.List) {
	states := e.stateIndex()
	seen := map[Key]bool{}
	for i, c := range e.Facts.Changes {
		p := fmt.Sprintf("change[%d]", i)
		if seen[c.Key] {
			diags.Errorf(e.Pos(FactsFile, p+".key", true), "%s has two changes recorded: keep one", c.State)
		}
		seen[c.Key] = true
		inList := states[c.Key] != nil
		effective := !c.Date.Time().After(e.Facts.Date.Time())
		switch {
		case c.Kind == Accession && !effective:
			diags.Warnf(e.Pos(FactsFile, p+".date", true), "%s's accession on %s is after the date of presentation (%s), so it is not counted", c.State, c.Date, e.Facts.Date)
		case c.Kind == Accession && inList:
			diags.Errorf(e.Pos(FactsFile, p+".key", true), "%s acceded on %s, so it is no longer a State not party: remove it from %s", c.State, c.Date, StatesFile)
		case c.Kind == Withdrawal && effective && !inList:
			diags.Errorf(e.Pos(FactsFile, p+".key", true), "%s's withdrawal took effect on %s, so it is a State not party: add it to %s with key %q", c.State, c.Date, StatesFile, c.Key)
		case c.Kind == Withdrawal && !effective && inList:
			diags.Errorf(e.Pos(FactsFile, p+".key", true), "%s's withdrawal takes effect only on %s, after the date of presentation: it is still a State Party, so remove it from %s", c.State, c.Date, StatesFile)
		}
	}
	prevDir := e.Previous()
	if prevDir == "" {
		return
	}
	prev, pdiags := load(prevDir)
	if pdiags.HasErrors() {
		diags.Warnf(e.Pos(FactsFile, "states_parties", true), "cannot reconcile the number of States Parties: the previous edition %s has errors (run unireport check %s)", prevDir, prevDir)
		return
	}
	acc, wd := len(e.Accessions()), len(e.Withdrawals())
	if want := prev.Facts.StatesParties + acc - wd; want != e.Facts.StatesParties {
		diags.Errorf(e.Pos(FactsFile, "states_parties", true),
			"states_parties is %d, but the previous edition %s has %d and %s records %s and %s since, which make %d: correct the number or record the missing change",
			e.Facts.StatesParties, prevDir, prev.Facts.StatesParties, e.Dir, count(acc, "accession"), count(wd, "withdrawal"), want)
	}
	// Every State of the previous list is still listed, unless it acceded.
	acceded := map[Key]bool{}
	for _, c := range e.Accessions() {
		acceded[c.Key] = true
	}
	for _, s := range prev.States {
		if states[s.Key] == nil && !acceded[s.Key] {
			diags.Errorf(e.Pos(StatesFile, "", false), "%s (%q) was a State not party in %s but is not listed here, and no accession is recorded in %s", s.Name, s.Key, prevDir, FactsFile)
		}
	}
	withdrew := map[Key]bool{}
	for _, c := range e.Withdrawals() {
		withdrew[c.Key] = true
	}
	prevStates := prev.stateIndex()
	for _, s := range e.States {
		if prevStates[s.Key] == nil && !withdrew[s.Key] {
			diags.Warnf(e.Pos(StatesFile, statePath(s.Index), false), "%s is new to the list since %s, but no withdrawal is recorded in %s", s.Name, prevDir, FactsFile)
		}
	}
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
