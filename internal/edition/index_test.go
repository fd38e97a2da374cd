package edition_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"unireport/internal/edition"
)

// The lookups by State are maps built at load. These tests hold them to
// what a plain scan of the lists gives.

// scanState is State by a scan: the first State with the key.
func scanState(e *edition.Edition, k edition.Key) *edition.State {
	for _, s := range e.States {
		if s.Key == k {
			return s
		}
	}
	return nil
}

// scanAttendance is Attendance by a scan of every meeting's keys.
func scanAttendance(e *edition.Edition, s *edition.State) []*edition.Meeting {
	var out []*edition.Meeting
	for _, m := range e.Meetings {
		if slices.Contains(m.Attended.Keys, s.Key) {
			out = append(out, m)
		}
	}
	return out
}

// collateSort is SortStates as it was, comparing the names themselves.
func collateSort(states []*edition.State, name func(*edition.State) string) []*edition.State {
	c := collate.New(language.English, collate.IgnoreCase)
	out := slices.Clone(states)
	slices.SortStableFunc(out, func(a, b *edition.State) int { return c.CompareString(name(a), name(b)) })
	return out
}

// namedEdition is an edition the lookups are tested on.
type namedEdition struct {
	name string
	e    *edition.Edition
}

// lookupEditions are editions with several meetings; the last, "odd lists",
// has a key listed twice as attending, unknown keys in the lists, and two
// States with one key.
func lookupEditions(t *testing.T) []namedEdition {
	t.Helper()
	root := findModuleRoot(t)
	dirs := []struct{ name, dir string }{
		{"2017", dataDir(t)},
		{"2018", editionPair(t)},
		{"plenary-2018", filepath.Join(root, "testdata", "editions", "plenary-2018")},
		{"wide-2019", filepath.Join(root, "testdata", "editions", "wide-2019")},
		{"odd lists", brokenCopy(t,
			replace(meetingsF, "attended = [\n  \"egypt\",\n  \"lebanon\",", "attended = [\n  \"egypt\",\n  \"egypt\",\n  \"no-such-state\",\n  \"lebanon\","),
			replace(voteF, "in_favour = [\n", "in_favour = [\n  \"no-such-state\",\n"),
			replace(statesF, `key = "azerbaijan"`, `key = "armenia"`),
		)},
	}
	var out []namedEdition
	for _, d := range dirs {
		e, _ := edition.Load(d.dir) // "odd lists" has errors, and is read all the same
		if e == nil {
			t.Fatalf("%s does not load", d.name)
		}
		out = append(out, namedEdition{d.name, e})
	}
	return out
}

func TestLookupsAgreeWithScans(t *testing.T) {
	for _, ne := range lookupEditions(t) {
		e := ne.e
		t.Run(ne.name, func(t *testing.T) {
			if len(e.Meetings) < 2 {
				t.Fatalf("%d meetings: the test needs several", len(e.Meetings))
			}
			var keys []edition.Key
			for _, s := range e.States {
				keys = append(keys, s.Key)
				if got, want := e.State(s.Key), scanState(e, s.Key); got != want {
					t.Errorf("State(%q) = %s, want %s", s.Key, got.Name, want.Name)
				}
				if got, want := e.Attendance(s), scanAttendance(e, s); !slices.Equal(got, want) {
					t.Errorf("Attendance(%s) = %v, want %v", s.Name, meetingKeys(got), meetingKeys(want))
				}
				for _, m := range e.Meetings {
					if got, want := m.AttendedBy(s), slices.Contains(m.Attended.Keys, s.Key); got != want {
						t.Errorf("%s AttendedBy(%s) = %v, want %v", m.Key, s.Name, got, want)
					}
				}
			}
			if s := e.State("no-such-state"); s != nil {
				t.Errorf("State of an unknown key = %s", s.Name)
			}
			for _, list := range [][]edition.Key{keys, e.Vote.InFavour.Keys, e.Vote.Abstained.Keys, e.Vote.NotPresent.Keys, {"no-such-state"}, nil} {
				var want []*edition.State
				for _, k := range list {
					if s := scanState(e, k); s != nil {
						want = append(want, s)
					}
				}
				if got := e.Lookup(list); !slices.Equal(got, want) {
					t.Errorf("Lookup(%v) = %v, want %v", list, names(got), names(want))
				}
			}
			if got, want := e.Alphabetical(), collateSort(e.States, (*edition.State).PrintedName); !slices.Equal(got, want) {
				t.Errorf("Alphabetical:\n got %v\nwant %v", names(got), names(want))
			}
			var participants []*edition.State
			for _, s := range collateSort(e.States, (*edition.State).ParticipationName) {
				if len(scanAttendance(e, s)) > 0 {
					participants = append(participants, s)
				}
			}
			if got := e.Participants(); !slices.Equal(got, participants) {
				t.Errorf("Participants:\n got %v\nwant %v", names(got), names(participants))
			}
		})
	}
}

// TestLookupsOfOddLists: the edition with odd lists is odd as the test
// means it to be, so that the agreement above covers those cases.
func TestLookupsOfOddLists(t *testing.T) {
	eds := lookupEditions(t)
	e := eds[len(eds)-1].e
	if s := e.State("armenia"); s == nil || s.Name != "Armenia" {
		t.Errorf("State(armenia) is not the first State with the key")
	}
	egypt := e.State("egypt")
	if got := e.Attendance(egypt); len(got) == 0 || got[0].Key != "2014-intersessional" || len(got) != len(slices.Compact(slices.Clone(got))) {
		t.Errorf("Egypt, listed twice at one meeting, attended %v", meetingKeys(got))
	}
}

// TestLookupsReturnCopies: a caller may change what Alphabetical and
// Attendance return without changing the edition's answers.
func TestLookupsReturnCopies(t *testing.T) {
	e, _ := edition.Load(dataDir(t))
	a := e.Alphabetical()
	first := a[0]
	slices.Reverse(a)
	if e.Alphabetical()[0] != first {
		t.Error("changing what Alphabetical returned changed the edition's order")
	}
	s := e.State("lebanon")
	m := e.Attendance(s)
	m[0] = nil
	if e.Attendance(s)[0] == nil {
		t.Error("changing what Attendance returned changed the edition's")
	}
}

// TestLookupsConcurrently reads the edition from several goroutines at
// once, as the preview server does; go test -race checks that they only
// read.
func TestLookupsConcurrently(t *testing.T) {
	e, _ := edition.Load(dataDir(t))
	want := names(e.Alphabetical())
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, s := range e.States {
				e.Attendance(s)
				e.LastFormalAttendance(s)
			}
			e.Participants()
			e.VoteColumns()
			if got := names(e.Alphabetical()); !slices.Equal(got, want) {
				t.Errorf("Alphabetical differs in a goroutine: %v", got)
			}
			if got := names(edition.SortStates(e.States, (*edition.State).VoteName)); len(got) != len(want) {
				t.Errorf("SortStates lost States: %v", got)
			}
		})
	}
	wg.Wait()
}

func meetingKeys(ms []*edition.Meeting) []edition.Key {
	var out []edition.Key
	for _, m := range ms {
		out = append(out, m.Key)
	}
	return out
}

// trickyNames are names whose order depends on folding case and accents,
// on letters beyond ASCII, on punctuation and on digits.
var trickyNames = []string{
	"Côte d'Ivoire", "Cote d'Ivoire", "Cote d’Ivoire", "Côte D'Ivoire", "Curaçao", "Curacao", "Cuba",
	"korea", "Korea", "KOREA", "Korea, Republic of", "Korea, DPR of", "Korea (Republic of)", "Kórea",
	"Åland", "Aland", "Ålesund", "Albania", "Ærø", "Aero", "Œland", "Oeland", "Øresund", "Oman",
	"São Tomé and Príncipe", "Sao Tome and Principe", "Saint Lucia", "St. Lucia", "Straße", "Strasse",
	"Türkiye", "Turkey", "Tuvalu", "Viet Nam", "Vietnam", "the Bahamas", "The Bahamas", "Bahamas",
	"Armenia 10", "Armenia 2", "Armenia 100", "Armenia", "Ελλάδα", "Россия", "中国", "", " ", "-", "Z",
}

// sortNames are the 2017 names, in every form the report prints, and the
// tricky ones.
func sortNames(t *testing.T) []string {
	e, _ := edition.Load(dataDir(t))
	var out []string
	for _, s := range e.States {
		out = append(out, s.Name, s.VoteName(), s.ParticipationName(), s.TextName())
	}
	return append(out, trickyNames...)
}

// TestSortStatesAsCompareString: sorting by collation keys gives the order
// that comparing the names with the collator gives, ties kept in their
// order, whatever order the States come in.
func TestSortStatesAsCompareString(t *testing.T) {
	var states []*edition.State
	for i, n := range sortNames(t) {
		states = append(states, &edition.State{Key: edition.Key(fmt.Sprint("s", i)), Name: n})
	}
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		if round > 0 {
			r.Shuffle(len(states), func(i, j int) { states[i], states[j] = states[j], states[i] })
		}
		got := edition.SortStates(states, (*edition.State).PrintedName)
		want := collateSort(states, (*edition.State).PrintedName)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d:\n got %q\nwant %q", round, names(got), names(want))
		}
	}
	if got := edition.SortStates(nil, (*edition.State).PrintedName); got != nil {
		t.Errorf("SortStates(nil) = %v", got)
	}
}

// TestCollationKeysCompareAsNames: the property SortStates rests on, for
// every pair of names: their keys compare as the collator compares them.
func TestCollationKeysCompareAsNames(t *testing.T) {
	c := collate.New(language.English, collate.IgnoreCase)
	ns := sortNames(t)
	keys := make([][]byte, len(ns))
	var buf collate.Buffer
	for i, n := range ns {
		keys[i] = c.KeyFromString(&buf, n)
	}
	for i, a := range ns {
		for j, b := range ns {
			if got, want := bytes.Compare(keys[i], keys[j]), c.CompareString(a, b); got != want {
				t.Errorf("%q against %q: keys compare %d, names %d", a, b, got, want)
			}
		}
	}
}
