package report_test

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"unireport/internal/testkit/seedtext"
)

// These tests compare the text of the rendered 2017 HTML, as a reader sees
// it, with the official text of the 2017 report (see package seedtext).

// inline are the elements that do not separate words: their text runs on
// with the text around them. Every other element separates words.
var inline = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true,
	"code": true, "data": true, "dfn": true, "em": true, "i": true, "kbd": true,
	"mark": true, "q": true, "s": true, "samp": true, "small": true,
	"span": true, "strong": true, "sub": true, "sup": true, "time": true,
	"u": true, "var": true,
}

// isFootnoteRef reports whether n is a <sup> holding a footnote reference:
// its number is a link, not a word of the text.
func isFootnoteRef(n *html.Node) bool {
	return n.Type == html.ElementNode && n.Data == "sup" &&
		find(n, func(c *html.Node) bool { return c.Data == "a" && hasClass(c, "footnote-ref") }) != nil
}

func isFootnotes(n *html.Node) bool {
	r, _ := attrOf(n, "role")
	return hasClass(n, "footnotes") || r == "doc-endnotes"
}

// visibleText appends the text under n that a reader sees on screen, in
// document order, to b: without the <head>, scripts and styles, hidden
// elements and elements of class visually-hidden (read by screen readers
// only), the footnotes section, footnote reference numbers, and footnote
// back links. Elements other than inline ones are set off by spaces.
func visibleText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		switch n.Data {
		case "head", "script", "style", "template", "noscript":
			return
		}
		if mark, ok := attrOf(n, "data-mark"); ok {
			b.WriteString(mark) // drawn by the style sheet, td[data-mark]::before
		}
		if _, hidden := attrOf(n, "hidden"); hidden || hasClass(n, "visually-hidden") ||
			isFootnotes(n) || isFootnoteRef(n) || hasClass(n, "footnote-backref") {
			return
		}
	}
	sep := n.Type == html.ElementNode && !inline[n.Data]
	if sep {
		b.WriteByte(' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		visibleText(b, c)
	}
	if sep {
		b.WriteByte(' ')
	}
}

// footnoteTexts returns the text of each footnote of the footnotes section,
// without its back link.
func footnoteTexts(doc *html.Node) []string {
	sec := find(doc, isFootnotes)
	if sec == nil {
		return nil
	}
	var out []string
	for _, li := range elements(sec, "li") {
		var b strings.Builder
		for c := li.FirstChild; c != nil; c = c.NextSibling {
			visibleText(&b, c)
		}
		out = append(out, strings.Join(strings.Fields(b.String()), " "))
	}
	return out
}

// seedDocument returns the official text in reading order as a list of
// pieces of text: the paragraphs, with each table placed after the paragraph
// printed before it. A table's repeated header rows count once,
// continuation rows are part of their row, footnote lines are left out (they
// are compared separately), and ticks are left out (Words drops them; they
// are compared cell by cell).
func seedDocument(t *testing.T, s *seedtext.Seed, raw string) []string {
	t.Helper()
	// The table of positions has no caption: it follows the last paragraph
	// printed before its first header row.
	header := strings.Join(s.Positions.Header, "\t")
	var before string
	for _, line := range strings.Split(strings.ReplaceAll(raw, "\r\n", "\n"), "\n") {
		if line == header {
			break
		}
		l := strings.TrimSpace(line)
		if l == "" || strings.Contains(line, "\t") || isFootnoteLine(s, l) {
			continue
		}
		before = l
	}
	if before == "" {
		t.Fatal("official text: no paragraph before the table of positions")
	}

	var out []string
	placed := map[string]bool{}
	for _, p := range s.Paragraphs {
		out = append(out, p)
		switch {
		case p == s.Vote.Caption && !placed["vote"]:
			placed["vote"] = true
			out = append(out, voteText(s.Vote)...)
		case p == s.Participation.Caption && !placed["participation"]:
			placed["participation"] = true
			out = append(out, participationText(s.Participation)...)
		}
		if p == before && !placed["positions"] {
			placed["positions"] = true
			out = append(out, positionsText(s.Positions)...)
		}
	}
	for _, k := range []string{"vote", "participation", "positions"} {
		if !placed[k] {
			t.Fatalf("official text: could not place the %s table", k)
		}
	}
	return out
}

func isFootnoteLine(s *seedtext.Seed, line string) bool {
	for _, m := range s.FootnoteMarkers {
		if strings.HasPrefix(line, m+" ") {
			return true
		}
	}
	return false
}

// voteText is the vote table row by row, as printed: the headings with
// their counts, then the i-th name of each column.
func voteText(v seedtext.VoteTable) []string {
	var out []string
	rows := 0
	for _, c := range v.Columns {
		out = append(out, fmt.Sprintf("%s (%d)", c.Heading, c.Count))
		rows = max(rows, len(c.States))
	}
	for i := range rows {
		for _, c := range v.Columns {
			if i < len(c.States) {
				out = append(out, c.States[i])
			}
		}
	}
	return out
}

// participationText is the participation table: the corner, each year once
// (a year spans its meetings), the meeting labels, then each State's name.
func participationText(p seedtext.ParticipationTable) []string {
	out := []string{p.Corner}
	for i, y := range p.Years {
		if i == 0 || y != p.Years[i-1] {
			out = append(out, y)
		}
	}
	out = append(out, p.Labels...)
	for _, r := range p.Rows {
		out = append(out, r.State)
	}
	return out
}

// positionsText is the table of positions with its header row once and each
// row whole: the name (without footnote marker), the paragraphs of the
// middle cell, the last participation.
func positionsText(p seedtext.PositionsTable) []string {
	out := slices.Clone(p.Header)
	for _, r := range p.Rows {
		out = append(out, r.State)
		out = append(out, r.Paragraphs...)
		out = append(out, r.LastParticipation)
	}
	return out
}

func wordsOf(pieces []string) []string {
	var w []string
	for _, p := range pieces {
		w = append(w, seedtext.Words(p)...)
	}
	return w
}

// around shows the words around i: 10 before, the word at i in brackets,
// 10 after.
func around(w []string, i int) string {
	lo, hi := max(0, i-10), min(len(w), i+11)
	var parts []string
	for j := lo; j < hi; j++ {
		if j == i {
			parts = append(parts, "["+w[j]+"]")
		} else {
			parts = append(parts, w[j])
		}
	}
	if i >= len(w) {
		parts = append(parts, "[end of text]")
	}
	return strings.Join(parts, " ")
}

func loadSeed(t *testing.T) (*seedtext.Seed, string) {
	t.Helper()
	p := seedtext.NeedPath(t)
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s, err := seedtext.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	return s, string(raw)
}

// seedDiffs compares the words of the HTML page b, in order, with the
// words of the official text, and its footnotes with the official
// footnotes; it returns one message per difference found, and the number of
// words compared.
func seedDiffs(t *testing.T, seed *seedtext.Seed, raw string, b []byte) ([]string, int) {
	t.Helper()
	doc := parseHTML(t, b)
	var diffs []string

	var text strings.Builder
	visibleText(&text, doc)
	got := seedtext.Words(text.String())
	want := wordsOf(seedDocument(t, seed, raw))
	if i := seedtext.FirstDifference(got, want); i >= 0 {
		diffs = append(diffs, fmt.Sprintf("the HTML's text differs from the official text at word %d (HTML: %d words, official: %d):\n  HTML:     %s\n  official: %s",
			i+1, len(got), len(want), around(got, i), around(want, i)))
	}

	notes := footnoteTexts(doc)
	if len(notes) != len(seed.Footnotes) {
		diffs = append(diffs, fmt.Sprintf("the HTML has %d footnotes, the official text %d:\n  HTML:     %q\n  official: %q",
			len(notes), len(seed.Footnotes), notes, seed.Footnotes))
	}
	for i := range min(len(notes), len(seed.Footnotes)) {
		g, w := seedtext.Words(notes[i]), seedtext.Words(seed.Footnotes[i])
		if j := seedtext.FirstDifference(g, w); j >= 0 {
			diffs = append(diffs, fmt.Sprintf("footnote %d differs at word %d:\n  HTML:     %s\n  official: %s", i+1, j+1, around(g, j), around(w, j)))
		}
	}
	return diffs, len(want)
}

// TestHTMLMatchesSeed compares the words of the rendered HTML, in order,
// with the words of the official text, and its footnotes with the official
// footnotes.
func TestHTMLMatchesSeed(t *testing.T) {
	seed, raw := loadSeed(t)
	_, b := build2017(t)
	diffs, n := seedDiffs(t, seed, raw, b)
	for _, d := range diffs {
		t.Error(d)
	}
	if len(diffs) == 0 {
		t.Logf("%d words and %d footnotes match the official text", n, len(seed.Footnotes))
	}
}

// TestSeedComparisonSeesChanges makes sure the comparison is not blind:
// small changes to the page must each be reported.
func TestSeedComparisonSeesChanges(t *testing.T) {
	seed, raw := loadSeed(t)
	_, b := build2017(t)
	page := string(b)
	edits := []struct{ name, old, new string }{
		{"a word in running text", "most universal disarmament", "most universal arms"},
		{"a name in the vote table", `<td headers="vote-col3">Tonga</td>`, `<td headers="vote-col3">Tuvalu</td>`},
		{"two vote-table cells swapped", `<td headers="vote-col1">Armenia</td><td headers="vote-col2">Cuba</td>`, `<td headers="vote-col1">Cuba</td><td headers="vote-col2">Armenia</td>`},
		{"a heading of the table of positions", ">Last participation in", ">Latest participation in"},
		{"a quotation word", "Armenia supports the Convention", "Armenia backs the Convention"},
		{"the last cell", `<td headers="positions-col3 positions-row34">Has never participated</td></tr>` + "\n" + `<tr id="state-vietnam">`, `<td headers="positions-col3 positions-row33">Never participated</td></tr>` + "\n" + `<tr id="state-vietnam">`},
		{"a footnote", "The Marshall Islands are signatory", "The Marshall Islands are a signatory"},
		{"a visually hidden caption made visible", `<caption class="visually-hidden">`, "<caption>"},
	}
	for _, e := range edits {
		if !strings.Contains(page, e.old) {
			t.Errorf("%s: the page has no %q", e.name, e.old)
			continue
		}
		diffs, _ := seedDiffs(t, seed, raw, []byte(strings.Replace(page, e.old, e.new, 1)))
		if len(diffs) == 0 {
			t.Errorf("%s: the comparison saw no difference", e.name)
		}
	}
}

// TestHTMLTicks checks the ticks of the participation table cell by cell
// against the official table, and counts every tick of the page.
func TestHTMLTicks(t *testing.T) {
	seed, _ := loadSeed(t)
	_, b := build2017(t)
	doc := parseHTML(t, b)

	const wantTicks = 56
	if n := seed.Participation.Ticks(); n != wantTicks {
		t.Fatalf("the official table has %d ticks, want %d", n, wantTicks)
	}
	var text strings.Builder
	visibleText(&text, doc)
	if n := strings.Count(text.String(), "√"); n != wantTicks {
		t.Errorf("the HTML shows %d ticks, want %d", n, wantTicks)
	}

	table := find(doc, byID("participation"))
	if table == nil {
		t.Fatal("no table with id participation")
	}
	var tbody *html.Node
	if bs := elements(table, "tbody"); len(bs) == 1 {
		tbody = bs[0]
	} else {
		t.Fatalf("participation table: %d tbody elements, want 1", len(bs))
	}
	rows := elements(tbody, "tr")
	if len(rows) != len(seed.Participation.Rows) {
		t.Fatalf("participation table: %d rows, official %d", len(rows), len(seed.Participation.Rows))
	}
	for i, tr := range rows {
		want := seed.Participation.Rows[i]
		var name string
		var got []bool
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			var cell strings.Builder
			visibleText(&cell, c)
			s := strings.TrimSpace(cell.String())
			switch c.Data {
			case "th":
				name = s
			case "td":
				if s != "" && s != "√" {
					t.Errorf("%s: cell %q is neither a tick nor empty", want.State, s)
				}
				span := 1
				if v, ok := attrOf(c, "colspan"); ok {
					span, _ = strconv.Atoi(v)
				}
				for range span {
					got = append(got, s == "√")
				}
			}
		}
		if name != want.State {
			t.Errorf("participation row %d: %q, official %q", i+1, name, want.State)
		}
		if !slices.Equal(got, want.Attended) {
			t.Errorf("participation row %s: ticks %v, official %v", want.State, got, want.Attended)
		}
	}
}
