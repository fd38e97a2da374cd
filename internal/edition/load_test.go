package edition_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"unireport/internal/diag"
	"unireport/internal/edition"
)

// The bad-input tests copy data/2017 into a temporary folder, break one
// thing with a textual edit, load the copy and compare the diagnostics with
// what an editor should see. Positions are given by a marker: a piece of the
// edited file, unique in it, with ‸ where the diagnostic must point. The
// expected line and column are counted from that text, so the tests do not
// break when comments are added to the data.

// caret marks the expected position inside wantDiag.at.
const caret = "‸"

// fileEdit changes the files of a copied edition (base name to contents).
type fileEdit func(t *testing.T, files map[string]string)

// replace replaces old, which must occur exactly once, by new in file.
func replace(file, old, new string) fileEdit {
	return func(t *testing.T, files map[string]string) {
		t.Helper()
		src, ok := files[file]
		if !ok {
			t.Fatalf("fixture: no file %s", file)
		}
		if n := strings.Count(src, old); n != 1 {
			t.Fatalf("fixture: %q occurs %d times in %s, want once (has data/2017 changed?)", old, n, file)
		}
		files[file] = strings.Replace(src, old, new, 1)
	}
}

// remove deletes file from the copy.
func remove(file string) fileEdit {
	return func(t *testing.T, files map[string]string) { delete(files, file) }
}

// everyFile applies f to the text of every file.
func everyFile(f func(string) string) fileEdit {
	return func(t *testing.T, files map[string]string) {
		for name, src := range files {
			files[name] = f(src)
		}
	}
}

// dataDir is the good 2017 edition.
func dataDir(t *testing.T) string {
	t.Helper()
	return filepath.Join(findModuleRoot(t), "data", "2017")
}

// brokenCopy copies data/2017 into a new temporary folder, applies the edits
// and returns the folder.
func brokenCopy(t *testing.T, edits ...fileEdit) string {
	t.Helper()
	dir := t.TempDir()
	copyEdition(t, dataDir(t), dir, edits...)
	return dir
}

// copyEdition copies the edition files of src into dir, which must exist,
// with the edits applied.
func copyEdition(t *testing.T, src, dir string, edits ...fileEdit) {
	t.Helper()
	files := map[string]string{}
	for _, f := range edition.Files {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		files[f] = string(b)
	}
	for _, e := range edits {
		e(t, files)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// wantDiag is one diagnostic an editor must see.
type wantDiag struct {
	file      string // base name, e.g. states.toml
	at        string // unique text of the file with ‸ at the position; "" to use line and col
	line, col int
	sev       diag.Severity
	msg       string // a substring of the message
}

// position resolves w's expected line and column in the edited file.
func (w wantDiag) position(t *testing.T, dir string) (line, col int) {
	t.Helper()
	if w.at == "" {
		return w.line, w.col
	}
	if strings.Count(w.at, caret) != 1 {
		t.Fatalf("test: %q must hold one %s", w.at, caret)
	}
	b, err := os.ReadFile(filepath.Join(dir, w.file))
	if err != nil {
		t.Fatal(err)
	}
	return positionOf(t, string(b), w.at)
}

// positionOf returns the 1-based line and column, in characters, of the
// caret in at. With the caret removed, at must occur exactly once in src;
// "…" in at stands for any text (the shortest), so "key = \"lebanon\"…year"
// finds the first year after Lebanon's key.
func positionOf(t *testing.T, src, at string) (line, col int) {
	t.Helper()
	parts := strings.Split(at, "…")
	first := strings.ReplaceAll(parts[0], caret, "")
	if n := strings.Count(src, first); n != 1 {
		t.Fatalf("test: %q occurs %d times, want once", first, n)
	}
	off, caretOff := strings.Index(src, first), -1
	for i, p := range parts {
		before, after, hasCaret := strings.Cut(p, caret)
		text := before + after
		if i > 0 {
			j := strings.Index(src[off:], text)
			if j < 0 {
				t.Fatalf("test: no %q after %q", text, parts[i-1])
			}
			off += j
		}
		if hasCaret {
			caretOff = off + len(before)
		}
		off += len(text)
	}
	head := src[:caretOff]
	lineStart := strings.LastIndexByte(head, '\n') + 1
	return strings.Count(head, "\n") + 1, utf8.RuneCountInString(head[lineStart:]) + 1
}

// checkDiags asserts that every wanted diagnostic was reported, at its exact
// place, and that no other error was (warnings not wanted are ignored).
func checkDiags(t *testing.T, dir string, got diag.List, want []wantDiag) {
	t.Helper()
	used := make([]bool, len(got))
	for _, w := range want {
		path := filepath.Join(dir, w.file)
		line, col := w.position(t, dir)
		wantPos := diag.Pos{File: path, Line: line, Col: col}
		found := false
		for i, d := range got {
			if !used[i] && d.Pos == wantPos && d.Severity == w.sev && strings.Contains(d.Text(), w.msg) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("missing %s: %s: %s\ngot:\n%s", wantPos, w.sev, w.msg, listString(got))
		}
	}
	for i, d := range got {
		if !used[i] && d.Severity == diag.Error {
			t.Errorf("unexpected error: %s", d)
		}
	}
}

func listString(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		fmt.Fprintf(&b, "\t%s\n", d)
	}
	return b.String()
}

func errAt(file, at, msg string) wantDiag {
	return wantDiag{file: file, at: at, sev: diag.Error, msg: msg}
}

const (
	factsF    = edition.FactsFile
	statesF   = edition.StatesFile
	voteF     = edition.VoteFile
	meetingsF = edition.MeetingsFile
)

func TestLoadBadInput(t *testing.T) {
	cases := []struct {
		name  string
		edits []fileEdit
		want  []wantDiag
		check func(t *testing.T, dir string, e *edition.Edition, diags diag.List)
	}{
		// TOML syntax: the parser stops at the first error in a file.
		{
			name:  "syntax/unclosed string",
			edits: []fileEdit{replace(factsF, `Mine Ban Convention"`, `Mine Ban Convention`)},
			want:  []wantDiag{errAt(factsF, "Mine Ban Convention‸\nlanguage", `a text value is not closed: add the closing quote (") before the end of the line`)},
			check: func(t *testing.T, _ string, _ *edition.Edition, diags diag.List) {
				// What is wrong and what to do are kept apart.
				if d := diags[0]; d.Message != "a text value is not closed" || !strings.HasPrefix(d.Help, "add the closing quote") {
					t.Errorf("message %q, help %q", d.Message, d.Help)
				}
			},
		},
		{
			// columns count characters, not bytes: the curly quotes before
			// the error are three bytes each
			name:  "syntax/unclosed string after curly quotes",
			edits: []fileEdit{replace(statesF, `humanitarian objectives of the Convention.”"`, `humanitarian objectives of the Convention.”`)},
			want:  []wantDiag{errAt(statesF, "humanitarian objectives of the Convention.”‸\n", `a text value is not closed: add the closing quote (") before the end of the line`)},
		},
		{
			name:  "syntax/unclosed table header",
			edits: []fileEdit{replace(statesF, "[[state]]\nkey = \"bahrain\"", "[[state\nkey = \"bahrain\"")},
			want:  []wantDiag{errAt(statesF, "[[state‸\nkey = \"bahrain\"", "a table header is not closed: end it with ]")},
		},
		{
			name:  "syntax/missing equals sign",
			edits: []fileEdit{replace(factsF, "states_parties = 162", "states_parties 162")},
			want:  []wantDiag{errAt(factsF, "states_parties ‸162", "a key must be followed by = and its value: add the =")},
		},
		{
			name:  "syntax/stray comma in an array",
			edits: []fileEdit{replace(voteF, `"armenia",`, `"armenia",,`)},
			want:  []wantDiag{errAt(voteF, `"armenia",‸,`, "a comma with no value before it: remove the extra comma")},
		},
		{
			name:  "syntax/duplicate key in one table",
			edits: []fileEdit{replace(statesF, "name = \"Armenia\"\n", "name = \"Armenia\"\nname = \"Armenia\"\n")},
			want:  []wantDiag{errAt(statesF, "name = \"Armenia\"\n‸name = \"Armenia\"", "'state.name' is given twice: keep one")},
		},

		{
			name:  "syntax/missing comma between list items",
			edits: []fileEdit{replace(voteF, "\"armenia\",\n  \"azerbaijan\"", "\"armenia\"\n  \"azerbaijan\"")},
			want:  []wantDiag{errAt(voteF, "\"armenia\"\n  ‸\"azerbaijan\"", `'"' after an item of a list: separate the items with commas and close the list with ]`)},
		},
		{
			name:  "syntax/number too large",
			edits: []fileEdit{replace(factsF, "states_parties = 162", "states_parties = 16200000000000000000000")},
			want:  []wantDiag{errAt(factsF, "states_parties = ‸162", "16200000000000000000000 is too large a number: check the digits")},
		},

		// Unknown keys, with a suggestion when the key looks like a typo.
		{
			name:  "unknown key at top level",
			edits: []fileEdit{replace(factsF, "year = 2017\n", "year = 2017\ncolour = \"blue\"\n")},
			want:  []wantDiag{errAt(factsF, "‸colour", `unknown key "colour"`)},
			check: func(t *testing.T, _ string, _ *edition.Edition, diags diag.List) {
				if strings.Contains(diags[0].Message, "did you mean") {
					t.Errorf("no key is close to colour, but: %s", diags[0])
				}
			},
		},
		{
			name:  "unknown key in a state",
			edits: []fileEdit{replace(statesF, "name = \"Armenia\"\n", "name = \"Armenia\"\ncolour = \"red\"\n")},
			want:  []wantDiag{errAt(statesF, "‸colour", `unknown key "colour" in state "Armenia"`)},
		},
		{
			// Mongolia is the 20th of 35 States: the position must be that
			// of its own [[state.quotaton]], not of the last [[state]].
			name:  "typo in a table name in the 20th state",
			edits: []fileEdit{replace(statesF, "[[state.quotation]]\ntext = \"“Mongolia continues", "[[state.quotaton]]\ntext = \"“Mongolia continues")},
			want:  []wantDiag{errAt(statesF, "‸[[state.quotaton]]", `unknown key "quotaton" in state "Mongolia"; did you mean "quotation"?`)},
			check: func(t *testing.T, dir string, _ *edition.Edition, _ diag.List) {
				b, err := os.ReadFile(filepath.Join(dir, statesF))
				if err != nil {
					t.Fatal(err)
				}
				src := string(b)
				before := src[:strings.Index(src, "[[state.quotaton]]")]
				if n, all := strings.Count(before, "\n[[state]]\n"), strings.Count(src, "\n[[state]]\n"); n != 20 || all <= n {
					t.Errorf("fixture: the typo is in [[state]] %d of %d, want the 20th of more", n, all)
				}
			},
		},
		{
			name:  "typo in a key of the 20th state",
			edits: []fileEdit{replace(statesF, "article7_reports = [2007]", "article7_report = [2007]")},
			want:  []wantDiag{errAt(statesF, "‸article7_report = [2007]", `unknown key "article7_report" in state "Mongolia"; did you mean "article7_reports"?`)},
		},
		{
			// the misspelt key is unknown and the real one is missing
			name:  "typo in a key of a quotation",
			edits: []fileEdit{replace(statesF, `occasion = "8MSP"`, `ocasion = "8MSP"`)},
			want: []wantDiag{
				errAt(statesF, "‸ocasion", `unknown key "ocasion" in quotation 1 of state "Nepal"; did you mean "occasion"?`),
				errAt(statesF, "‸[[state.quotation]]\ntext = \"“Nepal", `missing required key "occasion" in quotation 1 of state "Nepal"`),
			},
		},

		// Values of the wrong type.
		{
			name:  "wrong type/year as text",
			edits: []fileEdit{replace(factsF, "year = 2017", `year = "2017"`)},
			want:  []wantDiag{errAt(factsF, `year = ‸"2017"`, `key "year" must be a whole number, not text`)},
		},
		{
			name:  "wrong type/signatory as text",
			edits: []fileEdit{replace(statesF, "signatory = true", `signatory = "yes"`)},
			want:  []wantDiag{errAt(statesF, `signatory = ‸"yes"`, `key "signatory" in state "Marshall Islands" must be true or false, not text`)},
		},
		{
			name:  "wrong type/date in quotes",
			edits: []fileEdit{replace(factsF, "date = 2017-12-08", `date = "2017-12-08"`)},
			want:  []wantDiag{errAt(factsF, `date = ‸"2017-12-08"`, `key "date" is a date written as text ("2017-12-08"): write it year-month-day without quotes: 2017-12-08`)},
		},
		{
			name:  "wrong type/one year instead of a list",
			edits: []fileEdit{replace(statesF, "article7_reports = [2007]", "article7_reports = 2007")},
			want:  []wantDiag{errAt(statesF, "article7_reports = ‸2007", `key "article7_reports" in state "Mongolia" must be a list in square brackets, not a number`)},
		},
		{
			name:  "wrong type/year in a list as text",
			edits: []fileEdit{replace(statesF, "article7_reports = [2008, 2009]", `article7_reports = [2008, "2009"]`)},
			want:  []wantDiag{errAt(statesF, `article7_reports = [2008, ‸"2009"]`, `item 2 of "article7_reports" in state "Azerbaijan" must be a whole number, not text`)},
		},

		// Required keys.
		{
			// with no name, the State is named by its key
			name:  "missing/name of a state",
			edits: []fileEdit{replace(statesF, "name = \"Bahrain\"\n", "")},
			want:  []wantDiag{errAt(statesF, "‸[[state]]\nkey = \"bahrain\"", `missing required key "name" in state "bahrain"`)},
		},
		{
			name:  "missing/occasion of a quotation",
			edits: []fileEdit{replace(statesF, "occasion = \"8MSP\"\n", "")},
			want:  []wantDiag{errAt(statesF, "‸[[state.quotation]]\ntext = \"“Nepal", `missing required key "occasion" in quotation 1 of state "Nepal"`)},
		},
		{
			name:  "missing/year of last participation",
			edits: []fileEdit{replace(statesF, `{ meeting = "5MSP", year = 2003 }`, `{ meeting = "5MSP" }`)},
			want:  []wantDiag{errAt(statesF, `‸last_participation = { meeting = "5MSP" }`, `missing required key "year" in state "Vietnam"`)},
		},

		// Keys and kinds.
		{
			name:  "invalid State key",
			edits: []fileEdit{replace(statesF, `key = "korea-republic-of"`, `key = "Korea Republic"`)},
			want:  []wantDiag{errAt(statesF, `key = ‸"Korea Republic"`, `key "key" in state "Korea, Republic of": "Korea Republic" is not a valid key: use lower-case letters, digits and single hyphens`)},
		},
		{
			// Tonga's key becomes Syria's; the vote's "tonga" then names no State
			name:  "duplicate State key",
			edits: []fileEdit{replace(statesF, "key = \"tonga\"", "key = \"syria\"")},
			want: []wantDiag{
				errAt(statesF, "key = ‸\"syria\"\nname = \"Tonga\"", `duplicate State key "syria": Syria already uses it at line `),
				errAt(voteF, `‸"tonga"`, `the vote lists "tonga", which is not the key of a State in states.toml; did you mean "syria" (Tonga)?`),
			},
			check: func(t *testing.T, dir string, _ *edition.Edition, diags diag.List) {
				b, err := os.ReadFile(filepath.Join(dir, statesF))
				if err != nil {
					t.Fatal(err)
				}
				line, _ := positionOf(t, string(b), "key = ‸\"syria\"\nname = \"Syria\"")
				want := fmt.Sprintf("already uses it at line %d", line)
				if !slices.ContainsFunc(diags, func(d diag.Diagnostic) bool { return strings.HasSuffix(d.Message, want) }) {
					t.Errorf("no message ends %q:\n%s", want, listString(diags))
				}
			},
		},
		{
			name:  "duplicate meeting key",
			edits: []fileEdit{replace(meetingsF, `key = "2015-intersessional"`, `key = "2014-intersessional"`)},
			want:  []wantDiag{errAt(meetingsF, "key = ‸\"2014-intersessional\"\nyear = 2015", `duplicate meeting key "2014-intersessional": also at line `)},
		},
		{
			name:  "unknown meeting kind",
			edits: []fileEdit{replace(meetingsF, "year = 2015\nkind = \"msp\"", "year = 2015\nkind = \"conference\"")},
			want:  []wantDiag{errAt(meetingsF, `kind = ‸"conference"`, `key "kind" in meeting "2015-14msp": "conference" is not a kind of meeting: use "intersessional", "review-conference" or "msp"`)},
		},

		// The vote.
		{
			// a misspelt key names no State, and Armenia is left without a vote
			name:  "vote/unknown State",
			edits: []fileEdit{replace(voteF, `"armenia",`, `"armenya",`)},
			want: []wantDiag{
				// the cause only: not also "Armenia has no vote"
				errAt(voteF, `‸"armenya"`, `the vote lists "armenya", which is not the key of a State in states.toml; did you mean "armenia" (Armenia)?`),
			},
		},
		{
			name:  "vote/State in two columns",
			edits: []fileEdit{replace(voteF, "not_present = [\n", "not_present = [\n  \"armenia\",\n")},
			want:  []wantDiag{errAt(voteF, "not_present = [\n  ‸\"armenia\"", "Armenia is in both in_favour and not_present: a State has one vote")},
		},
		{
			name:  "vote/State twice in one column",
			edits: []fileEdit{replace(voteF, "not_present = [\n", "not_present = [\n  \"tonga\",\n")},
			want:  []wantDiag{errAt(voteF, "not_present = [\n  \"tonga\",\n  \"kyrgyzstan\",\n  \"lebanon\",\n  ‸\"tonga\"", "Tonga is listed twice in not_present")},
		},
		{
			name:  "vote/UN member in no column",
			edits: []fileEdit{replace(voteF, "  \"tonga\",\n", "")},
			want:  []wantDiag{{file: voteF, line: 1, col: 1, sev: diag.Error, msg: `Tonga ("tonga") has no vote: list it in in_favour, abstained or not_present`}},
		},
		{
			name:  "vote/Palestine, not a UN member, given a vote",
			edits: []fileEdit{replace(voteF, "abstained = [\n", "abstained = [\n  \"palestine\",\n")},
			want:  []wantDiag{errAt(voteF, `‸"palestine"`, "Palestine is not a UN member (un_member = false in states.toml), so it has no vote")},
		},

		// Attendance.
		{
			name:  "attendance by an unknown State",
			edits: []fileEdit{replace(meetingsF, "dates = \"8-9 June 2017\"\nattended = [\n  \"lebanon\",", "dates = \"8-9 June 2017\"\nattended = [\n  \"lebanonn\",")},
			want:  []wantDiag{errAt(meetingsF, `‸"lebanonn"`, `meeting "Intersessional meetings" lists "lebanonn" as attending, which is not the key of a State in states.toml; did you mean "lebanon" (Lebanon)?`)},
		},

		// Years and empty values.
		{
			name:  "year out of range/Article 7 report",
			edits: []fileEdit{replace(statesF, "article7_reports = [2007]", "article7_reports = [2107]")},
			want:  []wantDiag{errAt(statesF, "article7_reports = [‸2107]", "Mongolia: Article 7 report year 2107 is outside 1999-2017")},
		},
		{
			name:  "year out of range/last participation",
			edits: []fileEdit{replace(statesF, `{ meeting = "5MSP", year = 2003 }`, `{ meeting = "5MSP", year = 1903 }`)},
			want:  []wantDiag{errAt(statesF, `{ meeting = "5MSP", year = ‸1903 }`, "Vietnam: last participation year 1903 is outside 1999-2017")},
		},
		{
			// also out of date order with the meeting after it
			name:  "year out of range/meeting",
			edits: []fileEdit{replace(meetingsF, "key = \"2015-14msp\"\nyear = 2015", "key = \"2015-14msp\"\nyear = 2051")},
			want: []wantDiag{
				errAt(meetingsF, "year = ‸2051", `meeting "14MSP" is in 2051, outside 1990-2017`),
				errAt(meetingsF, "key = \"2016-intersessional\"\nyear = ‸2016", `meeting "Intersessional meetings" (2016) comes after one of 2051: list meetings in date order`),
			},
		},
		{
			name:  "year out of range/edition",
			edits: []fileEdit{replace(factsF, "signing_year = 1997", "signing_year = 197")},
			want:  []wantDiag{errAt(factsF, "signing_year = ‸197", "197 is not a plausible year for signing_year")},
		},
		{
			name:  "empty quotation text",
			edits: []fileEdit{replace(statesF, `text = "“Nepal remains fully committed to the humanitarian objectives of the Convention.”"`, `text = ""`)},
			want:  []wantDiag{errAt(statesF, `text = ‸""`, "quotation 1 of Nepal has no text")},
		},
		{
			name:  "blank quotation occasion",
			edits: []fileEdit{replace(statesF, `occasion = "8MSP"`, `occasion = "  "`)},
			want:  []wantDiag{errAt(statesF, `occasion = ‸"  "`, "quotation 1 of Nepal has no citation: say where it was stated in occasion")},
		},

		// Files.
		{
			name:  "missing file",
			edits: []fileEdit{remove(voteF)},
			want:  []wantDiag{{file: voteF, sev: diag.Error, msg: "file is missing: every edition needs vote.toml (the UNGA vote on the Convention's resolution)"}},
		},
		{
			// the column counts characters: “ is one
			name:  "invalid UTF-8",
			edits: []fileEdit{replace(statesF, "“Israel joins", "“Israel\xff joins")},
			want:  []wantDiag{errAt(statesF, "“Israel‸\xff joins", "the file is not valid UTF-8 text (save it as UTF-8 in your editor)")},
			check: func(t *testing.T, dir string, _ *edition.Edition, diags diag.List) {
				b, err := os.ReadFile(filepath.Join(dir, statesF))
				if err != nil {
					t.Fatal(err)
				}
				line := strings.Split(string(b), "\n")[diags[0].Pos.Line-1]
				if want := `text = "“Israel`; !strings.HasPrefix(line, want) || diags[0].Pos.Col != utf8.RuneCountInString(want)+1 {
					t.Errorf("column %d of %q", diags[0].Pos.Col, line[:40])
				}
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := brokenCopy(t, c.edits...)
			e, diags := edition.Load(dir)
			if !diags.HasErrors() {
				t.Fatalf("no error reported:\n%s", listString(diags))
			}
			checkDiags(t, dir, diags, c.want)
			if c.check != nil {
				c.check(t, dir, e, diags)
			}
		})
	}
}

func TestLoadNoFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "2099")
	e, diags := edition.Load(dir)
	if e != nil {
		t.Error("an edition was returned for a folder that does not exist")
	}
	checkDiags(t, filepath.Dir(dir), diags, []wantDiag{{file: "2099", sev: diag.Error, msg: "no edition folder here: the folder does not exist"}})

	file := filepath.Join(t.TempDir(), "edition.toml")
	if err := os.WriteFile(file, []byte("year = 2017\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags = edition.Load(file)
	checkDiags(t, filepath.Dir(file), diags, []wantDiag{{file: "edition.toml", sev: diag.Error, msg: "no edition folder here: it is a file, not a folder"}})
}

// TestLoadAcceptsEncodings checks that a byte-order mark and Windows line
// endings, which some editors write, give the same data and diagnostics.
func TestLoadAcceptsEncodings(t *testing.T) {
	good, goodDiags := edition.Load(dataDir(t))
	if goodDiags.HasErrors() {
		t.Fatalf("data/2017 does not load:\n%s", listString(goodDiags))
	}
	for _, c := range []struct {
		name string
		edit fileEdit
	}{
		{"byte-order mark", everyFile(func(s string) string { return "\uFEFF" + s })},
		{"CRLF line endings", everyFile(func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") })},
		{"both", everyFile(func(s string) string { return "\uFEFF" + strings.ReplaceAll(s, "\n", "\r\n") })},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := brokenCopy(t, c.edit)
			e, diags := edition.Load(dir)
			if diags.HasErrors() {
				t.Fatalf("errors:\n%s", listString(diags))
			}
			if !reflect.DeepEqual(e.Facts, good.Facts) {
				t.Errorf("facts differ:\n got %+v\nwant %+v", e.Facts, good.Facts)
			}
			if !reflect.DeepEqual(e.Vote, good.Vote) {
				t.Errorf("vote differs:\n got %+v\nwant %+v", e.Vote, good.Vote)
			}
			if !reflect.DeepEqual(e.Meetings, good.Meetings) {
				t.Error("meetings differ")
			}
			if len(e.States) != len(good.States) {
				t.Fatalf("%d States, want %d", len(e.States), len(good.States))
			}
			for i, s := range e.States {
				if !reflect.DeepEqual(s, good.States[i]) {
					t.Errorf("State %d differs:\n got %+v\nwant %+v", i+1, s, good.States[i])
					for j := range min(len(s.Quotations), len(good.States[i].Quotations)) {
						if q, w := s.Quotations[j].Text, good.States[i].Quotations[j].Text; q != w {
							t.Errorf("quotation %d:\n got %q\nwant %q", j+1, q, w)
						}
					}
				}
			}
			if got, want := relDiags(diags, dir), relDiags(goodDiags, dataDir(t)); !slices.Equal(got, want) {
				t.Errorf("diagnostics differ:\n got %q\nwant %q", got, want)
			}
		})
	}
}

// relDiags formats diagnostics with the folder left out of their paths.
func relDiags(l diag.List, dir string) []string {
	out := make([]string, len(l))
	for i, d := range l {
		out[i] = strings.ReplaceAll(d.String(), dir+string(filepath.Separator), "")
	}
	return out
}

// TestLoadCollectsAll checks that problems in several files and places are
// all reported in one run, sorted by file, line and column.
func TestLoadCollectsAll(t *testing.T) {
	t.Run("while decoding", func(t *testing.T) {
		dir := brokenCopy(t,
			replace(statesF, "article7_reports = [2007]", "article7_report = [2007]"),
			replace(voteF, `"armenia",`, `"armenia",,`),
			replace(statesF, "name = \"Armenia\"\n", "name = \"Armenia\"\ncolour = \"red\"\n"),
			replace(meetingsF, "year = 2015\nkind = \"msp\"", "year = 2015\nkind = \"conference\""),
			replace(factsF, "year = 2017\n", "year = \"2017\"\ncolour = \"blue\"\n"),
			replace(statesF, "signatory = true", `signatory = "yes"`),
		)
		_, diags := edition.Load(dir)
		want := []wantDiag{
			errAt(factsF, `year = ‸"2017"`, `key "year" must be a whole number, not text`),
			errAt(factsF, "‸colour", `unknown key "colour"`),
			errAt(meetingsF, `kind = ‸"conference"`, `"conference" is not a kind of meeting`),
			errAt(statesF, "‸colour", `unknown key "colour" in state "Armenia"`),
			errAt(statesF, `signatory = ‸"yes"`, `key "signatory" in state "Marshall Islands" must be true or false`),
			errAt(statesF, "‸article7_report = [2007]", `unknown key "article7_report" in state "Mongolia"`),
			errAt(voteF, `"armenia",‸,`, "a comma with no value before it: remove the extra comma"),
		}
		checkDiags(t, dir, diags, want)
		checkOrder(t, dir, diags, want)
	})
	t.Run("while validating", func(t *testing.T) {
		dir := brokenCopy(t,
			replace(voteF, "abstained = [\n", "abstained = [\n  \"palestine\",\n"),
			replace(meetingsF, "dates = \"8-9 June 2017\"\nattended = [\n  \"lebanon\",", "dates = \"8-9 June 2017\"\nattended = [\n  \"lebanonn\","),
			replace(statesF, "article7_reports = [2007]", "article7_reports = [2107]"),
			replace(voteF, `"armenia",`, `"armenya",`),
			replace(statesF, `text = "“Nepal remains fully committed to the humanitarian objectives of the Convention.”"`, `text = ""`),
		)
		_, diags := edition.Load(dir)
		want := []wantDiag{
			errAt(meetingsF, `‸"lebanonn"`, `lists "lebanonn" as attending`),
			errAt(statesF, "[‸2107]", "Article 7 report year 2107"),
			errAt(statesF, `text = ‸""`, "quotation 1 of Nepal has no text"),
			errAt(voteF, `‸"armenya"`, `the vote lists "armenya"`),
			errAt(voteF, `‸"palestine"`, "Palestine is not a UN member"),
		}
		checkDiags(t, dir, diags, want)
		checkOrder(t, dir, diags, want)
	})
}

// checkOrder asserts that the list is sorted by file, line and column and
// that the wanted errors come in the order given.
func checkOrder(t *testing.T, dir string, diags diag.List, want []wantDiag) {
	t.Helper()
	sorted := slices.IsSortedFunc(diags, func(a, b diag.Diagnostic) int {
		if a.Pos.File != b.Pos.File {
			return strings.Compare(a.Pos.File, b.Pos.File)
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Col - b.Pos.Col
	})
	if !sorted {
		t.Errorf("not sorted by file, line and column:\n%s", listString(diags))
	}
	var errs diag.List
	for _, d := range diags {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	if len(errs) != len(want) {
		t.Fatalf("%d errors, want %d:\n%s", len(errs), len(want), listString(errs))
	}
	for i, w := range want {
		line, col := w.position(t, dir)
		if p := errs[i].Pos; p.File != filepath.Join(dir, w.file) || p.Line != line || p.Col != col || !strings.Contains(errs[i].Text(), w.msg) {
			t.Errorf("error %d is %s, want %s:%d:%d: %s", i+1, errs[i], w.file, line, col, w.msg)
		}
	}
}

func names(states []*edition.State) []string {
	out := make([]string, len(states))
	for i, s := range states {
		out[i] = s.Name
	}
	return out
}

// TestLoad2017 checks the good path: the 2017 edition loads, and the facts
// the report prints come out of it as the official text gives them.
func TestLoad2017(t *testing.T) {
	dir := dataDir(t)
	e, diags := edition.Load(dir)
	if diags.HasErrors() {
		t.Fatalf("data/2017 does not load:\n%s", listString(diags))
	}
	if got := len(e.States); got != 35 {
		t.Errorf("%d States, want 35", got)
	}

	var widths []int
	for _, c := range e.VoteColumns() {
		widths = append(widths, len(c.States))
	}
	if want := []int{15, 16, 3}; !slices.Equal(widths, want) {
		t.Errorf("vote columns of %v States, want %v", widths, want)
	}
	if got := e.Ticks(); got != 56 {
		t.Errorf("%d ticks in the participation table, want 56", got)
	}
	if got := len(e.Participants()); got != 15 {
		t.Errorf("%d States in the participation table, want 15: %v", got, names(e.Participants()))
	}

	if got := names(e.ReportsIn(2017)); !slices.Equal(got, []string{"Morocco"}) {
		t.Errorf("Article 7 reports in 2017: %v, want Morocco", got)
	}
	var before []string
	for _, r := range e.ReportsBefore(2017) {
		before = append(before, fmt.Sprint(r.State.Name, r.Years))
	}
	if want := []string{"Azerbaijan[2008 2009]", "Lao PDR[2011]", "Mongolia[2007]", "Palestine[2012 2013]", "Sri Lanka[2005]"}; !slices.Equal(before, want) {
		t.Errorf("Article 7 reports before 2017:\n got %v\nwant %v", before, want)
	}
	if got, want := names(e.NeverParticipated()), []string{"Iran", "Korea, DPR of", "Korea, Republic of", "Uzbekistan"}; !slices.Equal(got, want) {
		t.Errorf("never participated: %v, want %v", got, want)
	}
	if got := names(e.Signatories()); !slices.Equal(got, []string{"Marshall Islands"}) {
		t.Errorf("signatories: %v, want Marshall Islands", got)
	}

	// quotations are kept verbatim, repeated words and curly quotes included
	quote := func(key edition.Key, i int) *edition.Quotation {
		t.Helper()
		s := e.State(key)
		if s == nil || len(s.Quotations) <= i {
			t.Fatalf("no quotation %d for %s", i+1, key)
		}
		return s.Quotations[i]
	}
	if q := quote("india", 0); !strings.Contains(q.Text, "of striking a balance striking a balance between the humanitarian concerns") {
		t.Errorf("India's quotation lost its repeated words: %q", q.Text)
	}
	if q := quote("israel", 0); !strings.HasPrefix(q.Text, "“Israel joins all those countries") || !strings.HasSuffix(q.Text, "in areas of armed conflict.”") {
		t.Errorf("Israel's curly quotes changed: %q", q.Text)
	}
	if q := quote("egypt", 0); !strings.HasSuffix(q.Text, `concluding arms-control and disarmament agreements in the context of United Nations and not outside its framework."`) {
		t.Errorf("Egypt's quotation ends %q", q.Text[max(0, len(q.Text)-80):])
	}
	if q := quote("marshall-islands", 0); strings.Count(q.Text, "\n\n") != 2 || strings.HasPrefix(q.Text, "\n") || strings.Contains(q.Text, "\n\n\n") {
		t.Errorf("the Marshall Islands' quotation should be three paragraphs: %q", q.Text)
	}
	if q := quote("morocco", 1); q.Date != "" || q.Citation() != "Voluntary Article 7 report covering calendar year 2016" {
		t.Errorf("Morocco's undated quotation is cited as %q", q.Citation())
	}
	if q := quote("armenia", 0); q.Citation() != "Signing Conference of the Anti-Personnel Mine Ban Convention, 4 December 1997" {
		t.Errorf("Armenia's first citation: %q", q.Citation())
	}

	// names
	if s := e.State("korea-republic-of"); s.TextName() != "the Republic of Korea" || s.VoteName() != "Korea, Republic of" {
		t.Errorf("Republic of Korea: text %q, vote %q", s.TextName(), s.VoteName())
	}
	if s := e.State("united-states-of-america"); s.VoteName() != "USA" || s.ParticipationName() != "USA" || s.TextName() != "United States of America" {
		t.Errorf("USA: vote %q, participation %q, text %q", s.VoteName(), s.ParticipationName(), s.TextName())
	}
	if s := e.State("palestine"); s.IsUNMember() {
		t.Error("Palestine is not a UN member")
	}

	// the expected warnings
	var want []wantDiag
	var noInfo []string
	for _, d := range diags {
		if name, ok := strings.CutSuffix(d.Message, ": no official information submitted"); ok {
			noInfo = append(noInfo, name)
		}
	}
	wantNoInfo := []string{"Bahrain", "Korea, DPR of", "Palestine", "Syria", "Tonga", "Uzbekistan"}
	if !slices.Equal(noInfo, wantNoInfo) {
		t.Errorf("no official information: %v, want %v", noInfo, wantNoInfo)
	}
	for _, name := range wantNoInfo {
		s := e.States[slices.IndexFunc(e.States, func(s *edition.State) bool { return s.Name == name })]
		want = append(want, wantDiag{file: statesF, at: "‸[[state]]\nkey = \"" + string(s.Key) + "\"", sev: diag.Warning,
			msg: name + ": no official information submitted"})
	}
	want = append(want,
		wantDiag{file: statesF, at: "key = \"lebanon\"…last_participation = ‸{", sev: diag.Warning,
			msg: "Lebanon: last participation is given as Third Review Conference in 2014, but the participation table shows it at 15MSP in 2016"},
		wantDiag{file: statesF, at: "‸[[state]]\nkey = \"israel\"", sev: diag.Warning,
			msg: "Israel: newest official information is from 1997, 20 years old"},
	)
	checkDiags(t, dir, diags, want)
}
