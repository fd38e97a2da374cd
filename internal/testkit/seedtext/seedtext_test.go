package seedtext

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func loadSeed(t *testing.T) *Seed {
	t.Helper()
	return Need(t)
}

func TestCounts(t *testing.T) {
	s := loadSeed(t)

	if got := len(s.Positions.Rows); got != 35 {
		t.Errorf("table of positions: %d rows, want 35", got)
	}
	if got := s.Positions.HeaderLines; got != 8 {
		t.Errorf("table of positions: header printed %d times, want 8", got)
	}
	wantHeader := []string{
		"State not party",
		"Stated support for the aims of the Convention and stated circumstances for not acceding to the Convention",
		"Last participation in Meetings of the States Parties (MSP) or Review Conference",
	}
	if !reflect.DeepEqual(s.Positions.Header, wantHeader) {
		t.Errorf("table of positions: header %q", s.Positions.Header)
	}

	wantVote := []struct {
		heading string
		n       int
	}{{"In favour", 15}, {"Abstained", 16}, {"Not present", 3}}
	if len(s.Vote.Columns) != len(wantVote) {
		t.Fatalf("vote table: %d columns, want %d", len(s.Vote.Columns), len(wantVote))
	}
	for i, w := range wantVote {
		c := s.Vote.Columns[i]
		if c.Heading != w.heading || c.Count != w.n || len(c.States) != w.n {
			t.Errorf("vote column %d: %q (%d) with %d States, want %q (%d) with %d",
				i, c.Heading, c.Count, len(c.States), w.heading, w.n, w.n)
		}
	}

	if got := len(s.Participation.Rows); got != 15 {
		t.Errorf("participation table: %d rows, want 15", got)
	}
	if got := s.Participation.Ticks(); got != 56 {
		t.Errorf("participation table: %d ticks, want 56", got)
	}
	wantLabels := []string{"Intersessional meetings", "3rd RevCon", "Intersessional meetings", "14MSP",
		"Intersessional meetings", "15MSP", "Intersessional meetings"}
	if !reflect.DeepEqual(s.Participation.Labels, wantLabels) {
		t.Errorf("participation labels %q, want %q", s.Participation.Labels, wantLabels)
	}
	if got := s.Participation.RawLabels[1]; got != "3 rd RevCon" {
		t.Errorf("raw label %q, want the artefact as printed", got)
	}
	wantYears := []string{"2014", "2014", "2015", "2015", "2016", "2016", "2017"}
	if !reflect.DeepEqual(s.Participation.Years, wantYears) {
		t.Errorf("participation years %q, want %q", s.Participation.Years, wantYears)
	}
	for _, r := range s.Participation.Rows {
		if len(r.Attended) != 7 {
			t.Errorf("participation row %s: %d columns, want 7", r.State, len(r.Attended))
		}
	}

	if got := len(s.Footnotes); got != 2 {
		t.Fatalf("%d footnotes, want 2", got)
	}
	if !strings.HasPrefix(s.Footnotes[0], "Sources of information:") || s.FootnoteMarkers[0] != "¹" {
		t.Errorf("footnote 1: %q %q", s.FootnoteMarkers[0], s.Footnotes[0])
	}
	if s.Footnotes[1] != "The Marshall Islands are signatory to the Convention." || s.FootnoteMarkers[1] != "²" {
		t.Errorf("footnote 2: %q %q", s.FootnoteMarkers[1], s.Footnotes[1])
	}

	if got := s.Paragraphs[0]; got != "Status of Universalization of the Anti-Personnel Mine Ban Convention" {
		t.Errorf("first paragraph %q, want the title", got)
	}
	if got := len(s.Paragraphs); got != 16 {
		t.Errorf("%d paragraphs, want 16", got)
	}
	for _, p := range s.Paragraphs {
		if strings.Contains(p, "\t") || strings.HasPrefix(p, "¹") || strings.HasPrefix(p, "²") {
			t.Errorf("table or footnote line among paragraphs: %q", p)
		}
	}
	if !strings.HasPrefix(s.Vote.Caption, "2017 UNGA First Committee") {
		t.Errorf("vote caption %q", s.Vote.Caption)
	}
	if !strings.HasPrefix(s.Participation.Caption, "Participation in Convention-related meetings") {
		t.Errorf("participation caption %q", s.Participation.Caption)
	}
}

func TestPositionRows(t *testing.T) {
	s := loadSeed(t)
	rows := map[string]PositionRow{}
	marked := 0
	noInfo := 0
	for _, r := range s.Positions.Rows {
		rows[r.State] = r
		if r.Marked {
			marked++
		}
		if r.NoInformation {
			noInfo++
		}
		for _, p := range r.Paragraphs {
			if strings.Contains(p, "<p>") || strings.Contains(p, "</p>") || strings.Contains(p, "\t") {
				t.Errorf("%s: marker left in paragraph %q", r.State, p)
			}
		}
		if r.LastParticipation == "" {
			t.Errorf("%s: no last participation", r.State)
		}
	}
	if marked != 1 || !rows["Marshall Islands"].Marked || rows["Marshall Islands"].Marker != "²" {
		t.Errorf("want exactly the Marshall Islands marked with ², got %d marked", marked)
	}
	if noInfo != 6 {
		t.Errorf("%d rows without official information, want 6", noInfo)
	}

	// continuation lines are merged into the same cell and paragraph
	for _, c := range []struct {
		state, join string
		paras       int
		last        string
	}{
		{"Egypt", "attempted to embody and had actually imposed", 1, "Third Review Conference in 2014"},
		{"Iran", "to defend their territories. Due to", 1, "Has never participated"},
		{"Libya", "territories of other States.” (Explanation of vote", 1, "14MSP in 2015"},
		{"Singapore", "(...) At the same time, like", 1, "15MSP in 2016"},
		{"Marshall Islands", "", 3, "9MSP in 2008"},
		{"Pakistan", "", 2, "9MSP in 2008"},
		{"Armenia", "", 2, "9MSP in 2008"},
		{"Lebanon", "", 3, "Third Review Conference in 2014"},
		{"Russian Federation", "", 3, "10MSP in 2010"},
		{"Saudi Arabia", "", 1, "15MSP in 2016"},
	} {
		r, ok := rows[c.state]
		if !ok {
			t.Errorf("no row for %s", c.state)
			continue
		}
		if !strings.Contains(r.Cell, c.join) {
			t.Errorf("%s: cell lacks %q", c.state, c.join)
		}
		if len(r.Paragraphs) != c.paras {
			t.Errorf("%s: %d paragraphs, want %d", c.state, len(r.Paragraphs), c.paras)
		}
		if r.LastParticipation != c.last {
			t.Errorf("%s: last participation %q, want %q", c.state, r.LastParticipation, c.last)
		}
	}
	if got := rows["Pakistan"].Paragraphs[1]; got != "(Explanation of vote, UNGA resolution on the implementation of the Convention, 2016)" {
		t.Errorf("Pakistan: citation paragraph %q", got)
	}
}

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"“Hello, world.”", []string{"Hello", "world"}},
		{"the official¹ information", []string{"the", "official", "information"}},
		{"3 rd RevCon", []string{"3rd", "RevCon"}},
		{"3rd RevCon", []string{"3rd", "RevCon"}},
		{"3  rd", []string{"3", "rd"}},
		{"(...)The anti-personnel 206,317 mines", []string{"The", "anti", "personnel", "206", "317", "mines"}},
		{"Lao PDR’s", []string{"Lao", "PDR", "s"}},
	} {
		if got := Words(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := JoinOrdinals("3 rd RevCon and 2 nd"); got != "3rd RevCon and 2nd" {
		t.Errorf("JoinOrdinals: %q", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, text := range []string{
		"Text\nA\tB\n", // table row outside a table
		"In favour (1)\tAbstained (1)\nA\tB\tC\n",     // wrong cell count
		"State not party\t2014\n\tX\nA\tx\n",          // neither tick nor empty
		"State not party\t2014\nNo labels row here\n", // labels row missing
	} {
		if _, err := Parse(text); err == nil {
			t.Errorf("Parse(%q): no error", text)
		}
	}
}

// InOrder finds the words of want that got has in the same order: as
// many as the longest common subsequence has (by the classic table), and
// in got in that order.
func TestInOrder(t *testing.T) {
	cases := []struct {
		got, want string
		n         int // want's words found
	}{
		{"a b c", "a b c", 3},
		{"", "a b", 0},
		{"a b", "", 0},
		{"a x b y c", "a b c", 3},         // extra words do not count
		{"a c b", "a b c", 2},             // one of two swapped words is lost
		{"b c d a", "a b c d", 3},         // a moved to the end
		{"h a b h c", "h a b c h", 4},     // a header repeated
		{"a b a b a b", "b a b b", 4},     // several ways to align
		{"x y z", "a b c", 0},             // nothing in common
		{"p q a b c r s", "a b c q", 3},   // q comes before a in got
		{"a a a", "a a a a", 3},           // one a too many in want
		{"c b a", "a b c", 1},             // back to front: one word kept
		{"a b c d e f", "a c e b d f", 4}, // two words moved
	}
	for _, c := range cases {
		checkInOrder(t, strings.Fields(c.got), strings.Fields(c.want), c.n)
	}
	// Random lists over a small vocabulary, where alignments abound.
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		words := func() []string {
			out := make([]string, rng.IntN(40))
			for i := range out {
				out[i] = string(rune('a' + rng.IntN(4)))
			}
			return out
		}
		got, want := words(), words()
		checkInOrder(t, got, want, bruteLCS(got, want))
	}

	if got := Share(nil); got != 1 {
		t.Errorf("Share of no words = %v, want 1", got)
	}
	if got := Share([]bool{true, false, true, true}); got != 0.75 {
		t.Errorf("Share = %v, want 0.75", got)
	}
	m := Missing(strings.Fields("a b c d"), []bool{true, false, false, true}, 5)
	if len(m) != 1 || !strings.Contains(m[0], "[b c]") || !strings.HasPrefix(m[0], "word 2:") {
		t.Errorf("Missing = %q, want one run [b c] at word 2", m)
	}
}

func checkInOrder(t *testing.T, got, want []string, n int) {
	t.Helper()
	found := InOrder(got, want)
	if len(found) != len(want) {
		t.Fatalf("InOrder(%q, %q) marks %d words, want %d", got, want, len(found), len(want))
	}
	var kept []string
	for i, f := range found {
		if f {
			kept = append(kept, want[i])
		}
	}
	if len(kept) != n {
		t.Errorf("InOrder(%q, %q) finds %d words %q, want %d", got, want, len(kept), kept, n)
	}
	if !isSubsequence(kept, got) {
		t.Errorf("InOrder(%q, %q) finds %q, which got does not have in that order", got, want, kept)
	}
}

// bruteLCS is the length of the longest common subsequence by the
// classic table.
func bruteLCS(a, b []string) int {
	t := make([][]int, len(a)+1)
	for i := range t {
		t[i] = make([]int, len(b)+1)
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				t[i][j] = t[i-1][j-1] + 1
			case t[i-1][j] > t[i][j-1]:
				t[i][j] = t[i-1][j]
			default:
				t[i][j] = t[i][j-1]
			}
		}
	}
	return t[len(a)][len(b)]
}

func isSubsequence(sub, s []string) bool {
	i := 0
	for _, w := range s {
		if i < len(sub) && sub[i] == w {
			i++
		}
	}
	return i == len(sub)
}
