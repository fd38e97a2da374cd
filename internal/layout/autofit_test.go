package layout

import (
	"strings"
	"testing"

	"unireport/internal/hyphen"
)

// The autofit tests set tables whose columns' longest words do not fit the
// text width side by side, and check the order of remedies: hyphenate, then
// set the table smaller, then only break a word between letters, with a
// warning.

// nonsense is 40 letters where the British patterns allow no hyphen.
const nonsense = "xqxqxqxqxqxqxqxqxqxqxqxqxqxqxqxqxqxqxqxq"

func headerTable(name string, labels ...string) *Table {
	var head, body Row
	for _, l := range labels {
		head.Cells = append(head.Cells, cell(l))
		body.Cells = append(body.Cells, cell("x"))
	}
	return &Table{Name: name, Head: []Row{head}, Body: []Row{body}}
}

func setDoc(t *testing.T, blocks ...Block) Result {
	t.Helper()
	h, ok := hyphen.ForLanguage("en-GB")
	if !ok {
		t.Fatal("no en-GB hyphenation")
	}
	res, err := Set(Document{Blocks: blocks, Hyphenator: h}, A4(), fakeMeasurer{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, res.Pages)
	return res
}

// sizes counts the text fragments set at each size.
func sizes(res Result) map[float64]int {
	out := map[float64]int{}
	for _, p := range res.Pages {
		for _, tx := range p.Texts {
			out[tx.Size]++
		}
	}
	return out
}

// fragments returns the words of every text fragment, in drawing order.
func fragments(res Result) []string {
	var out []string
	for _, p := range res.Pages {
		for _, tx := range p.Texts {
			out = append(out, strings.Fields(tx.Text)...)
		}
	}
	return out
}

func TestAutofitNothingWhenTheWordsFit(t *testing.T) {
	res := setDoc(t, headerTable("t", "Intersessional", "meetings", "RevCon"))
	if s := sizes(res); len(s) != 1 || s[9] == 0 {
		t.Errorf("sizes %v, want 9 pt only", s)
	}
	for _, f := range fragments(res) {
		if strings.HasSuffix(f, softHyphen) {
			t.Errorf("hyphenated %q although every word fits", f)
		}
	}
}

func TestAutofitHyphenatesFirst(t *testing.T) {
	// Seven columns of a 14-letter bold word: 7 × 75 pt > 454 pt, but the
	// hyphenated parts fit.
	labels := make([]string, 7)
	for i := range labels {
		labels[i] = "Intersessional"
	}
	res := setDoc(t, headerTable("t", labels...))
	if s := sizes(res); len(s) != 1 || s[9] == 0 {
		t.Errorf("sizes %v: the table was shrunk, though hyphenation was enough", s)
	}
	hyphenated := 0
	for _, f := range fragments(res) {
		if strings.HasSuffix(f, softHyphen) {
			hyphenated++
		} else if f != "x" && !strings.HasSuffix("Intersessional", f) {
			t.Errorf("fragment %q is neither whole nor ends with a hyphen", f)
		}
	}
	if hyphenated < 7 {
		t.Errorf("%d hyphenated fragments, want one per column at least", hyphenated)
	}
	if len(res.Warnings) > 0 {
		t.Errorf("warnings %v", res.Warnings)
	}
}

func TestAutofitShrinksWhenHyphensAreNotEnough(t *testing.T) {
	// Capitals are never hyphenated: eight 11-letter bold codes need 484 pt
	// at 9 pt, 457 at 8.5 and 430 at 8.
	labels := make([]string, 8)
	for i := range labels {
		labels[i] = "ABCDEFGHIJK"
	}
	res := setDoc(t, headerTable("codes", labels...))
	s := sizes(res)
	if len(s) != 1 || s[8] == 0 {
		t.Errorf("sizes %v, want the whole table at 8 pt", s)
	}
	for _, f := range fragments(res) {
		if f != "ABCDEFGHIJK" && f != "x" {
			t.Errorf("a code was broken: %q", f)
		}
	}
	if len(res.Warnings) > 0 {
		t.Errorf("warnings %v", res.Warnings)
	}
}

func TestAutofitBreaksOnlyTheWordThatCannotFit(t *testing.T) {
	// Twelve columns of hyphenated "Intersessional meetings" and one of a
	// 40-letter word with no hyphenation point: even at the floor the word
	// is wider than what the others leave.
	labels := make([]string, 13)
	for i := range 12 {
		labels[i] = "Intersessional meetings"
	}
	labels[12] = nonsense
	tb := headerTable("participation", labels...)
	tb.Body[0].Cells[12] = cell(nonsense)
	res := setDoc(t, tb)
	if s := sizes(res); s[MinTableSize] == 0 {
		t.Errorf("sizes %v: the table was not set at the floor, %v pt, first", s, MinTableSize)
	}
	want := Warning{Table: "participation", Column: nonsense, Word: nonsense}
	if len(res.Warnings) != 1 || res.Warnings[0] != want {
		t.Errorf("warnings %+v, want only %+v", res.Warnings, want)
	}
	// Joined at their hyphens, the fragments are whole words; only the
	// nonsense is cut without one.
	stem := ""
	for _, f := range fragments(res) {
		if part, ok := strings.CutSuffix(f, softHyphen); ok {
			stem += part
			continue
		}
		word := stem + f
		stem = ""
		if word != "x" && word != "Intersessional" && word != "meetings" && !strings.Contains(nonsense, word) {
			t.Errorf("%q is broken without a hyphen", word)
		}
	}
}

func TestUnbreakableTokenStaysInTheMargins(t *testing.T) {
	url := "https://www.apminebanconvention.org/" + strings.Repeat("universalization/", 12)
	tb := headerTable("links", "Link", "Note")
	tb.Body[0].Cells[0] = cell(url)
	res := setDoc(t, para("See "+url+" for more."), tb) // checkInvariants: all inside the content area
	found := false
	for _, w := range res.Warnings {
		found = found || w.Word == url && w.Table == ""
	}
	if !found {
		t.Errorf("no warning for the URL broken in running text: %+v", res.Warnings)
	}
}

// TestLandscapeTable: a table set landscape gets pages of its own, turned,
// and is laid out at their width; the text around it stays portrait.
func TestLandscapeTable(t *testing.T) {
	labels := make([]string, 12)
	for i := range labels {
		labels[i] = "Intersessional meetings"
	}
	tb := headerTable("participation", labels...)
	tb.Landscape = true
	for range 60 {
		tb.Body = append(tb.Body, tb.Body[0])
	}
	res := setDoc(t, para(words("before", 20)), tb, para(words("after", 20)))
	g := A4()
	var kinds []string
	for _, p := range res.Pages {
		kind := "portrait"
		if p.Width > p.Height {
			kind = "landscape"
			if p.Width != g.PageHeight || p.Content.W != g.PageHeight-g.MarginLeft-g.MarginRight {
				t.Errorf("page %d: %vx%v, content %v", p.Number, p.Width, p.Height, p.Content)
			}
		}
		kinds = append(kinds, kind)
		for _, tx := range p.Texts {
			inTable := !strings.HasPrefix(tx.Text, "before") && !strings.HasPrefix(tx.Text, "after")
			if inTable != (kind == "landscape") {
				t.Errorf("page %d (%s): %q", p.Number, kind, tx.Text)
			}
		}
	}
	if len(kinds) < 4 || kinds[0] != "portrait" || kinds[1] != "landscape" || kinds[len(kinds)-1] != "portrait" {
		t.Errorf("pages %v, want portrait, landscape…, portrait", kinds)
	}
	if s := sizes(res); s[9] == 0 || len(res.Warnings) > 0 {
		t.Errorf("sizes %v, warnings %v: the turned page's width should take the table at 9 pt", s, res.Warnings)
	}
}
