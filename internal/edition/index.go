package edition

import (
	"bytes"
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// index holds what the facts look up for each State, built once when the
// edition is loaded: with it an edition of thousands of States is read in
// time linear in its size, and, as nothing is written after loading, from
// any number of goroutines at once.
type index struct {
	byKey        map[Key]*State     // the first State with each key
	attendance   map[Key][]*Meeting // the meetings each key attended, in table order
	alphabetical []*State           // every State by its printed name
	meetingNames map[string]bool    // each meeting's label and name in running text
}

// buildIndex builds the edition's lookups and each meeting's set of
// attendees. load calls it once the files are read, before the checks,
// which use them too.
func (e *Edition) buildIndex() {
	ix := index{
		byKey:        make(map[Key]*State, len(e.States)),
		attendance:   map[Key][]*Meeting{},
		meetingNames: map[string]bool{},
	}
	states := make([]*State, 0, len(e.States))
	for _, s := range e.States {
		if s == nil {
			continue // a table that did not decode: reported already
		}
		states = append(states, s)
		if _, dup := ix.byKey[s.Key]; !dup {
			ix.byKey[s.Key] = s
		}
	}
	for _, m := range e.Meetings {
		if m == nil {
			continue
		}
		m.attendees = make(map[Key]bool, len(m.Attended.Keys))
		for _, k := range m.Attended.Keys {
			if !m.attendees[k] { // a key listed twice is one attendance
				m.attendees[k] = true
				ix.attendance[k] = append(ix.attendance[k], m)
			}
		}
		ix.meetingNames[m.Label] = true
		ix.meetingNames[m.DisplayName()] = true
	}
	ix.alphabetical = SortStates(states, (*State).PrintedName)
	e.ix = ix
}

// collators are English collators that fold case, kept for reuse rather
// than made for every sort. A collator must not be used by two goroutines
// at once: each sort takes one of its own from the pool.
var collators = sync.Pool{New: func() any { return collate.New(language.English, collate.IgnoreCase) }}

// SortStates returns states ordered by the name that name gives, as a
// reader expects an alphabetical list (case and accents folded). States
// whose names collate the same keep their order.
func SortStates(states []*State, name func(*State) string) []*State {
	if states == nil {
		return nil
	}
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	// Each name's collation key is computed once: comparing keys as bytes
	// orders them as comparing the names would, without collating a name
	// again at every comparison.
	type keyed struct {
		state *State
		key   []byte
	}
	var buf collate.Buffer
	ks := make([]keyed, len(states))
	for i, s := range states {
		ks[i] = keyed{s, c.KeyFromString(&buf, name(s))}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return bytes.Compare(a.key, b.key) })
	out := make([]*State, len(ks))
	for i, k := range ks {
		out[i] = k.state
	}
	return out
}
