package edition_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unireport/internal/diag"
	"unireport/internal/edition"
)

// The next-year tests load a 2018 edition (testdata/editions/2018: Sri
// Lanka and Palestine acceded, Ruritania withdrew) beside a copy of
// data/2017, as an editor's data/ folder holds them, so that the checks
// against the previous edition run.

// editionPair copies data/2017 and testdata/editions/2018 into root/2017
// and root/2018, applies the edits to the 2018 files and returns root/2018.
func editionPair(t *testing.T, edits ...fileEdit) string {
	t.Helper()
	root, modRoot := t.TempDir(), findModuleRoot(t)
	for _, dir := range []string{"2017", "2018"} {
		if err := os.Mkdir(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	copyEdition(t, filepath.Join(modRoot, "data", "2017"), filepath.Join(root, "2017"))
	copyEdition(t, filepath.Join(modRoot, "testdata", "editions", "2018"), filepath.Join(root, "2018"), edits...)
	return filepath.Join(root, "2018")
}

func warnAt(file, at, msg string) wantDiag {
	return wantDiag{file: file, at: at, sev: diag.Warning, msg: msg}
}

// appendTo adds text at the end of file.
func appendTo(file, text string) fileEdit {
	return func(t *testing.T, files map[string]string) { files[file] += text }
}

// TestTheCauseFirst: where an editor's change has consequences in other
// files, the one error reported is the cause, at its place.
func TestTheCauseFirst(t *testing.T) {
	cases := []struct {
		name  string
		pair  bool // 2018 beside 2017; else a copy of 2017 alone
		edits []fileEdit
		want  []wantDiag // every error, and these warnings
	}{
		{
			name:  "acceded State still listed",
			pair:  true,
			edits: []fileEdit{appendTo(statesF, "\n[[state]]\nkey = \"sri-lanka\"\nname = \"Sri Lanka\"\n")},
			// and no "Sri Lanka has no vote"
			want: []wantDiag{errAt(statesF, "‸[[state]]\nkey = \"sri-lanka\"", `Sri Lanka acceded on 13 December 2017: it is no longer a State not party: remove its [[state]] table`)},
		},
		{
			name: "acceded State still listed, with its vote",
			pair: true,
			edits: []fileEdit{
				appendTo(statesF, "\n[[state]]\nkey = \"sri-lanka\"\nname = \"Sri Lanka\"\n"),
				replace(voteF, "in_favour = [\n", "in_favour = [\n  \"sri-lanka\",\n"),
			},
			want: []wantDiag{errAt(statesF, "‸[[state]]\nkey = \"sri-lanka\"", `Sri Lanka acceded on 13 December 2017: it is no longer a State not party: remove its [[state]] table`)},
		},
		{
			name:  "the vote names an acceded State",
			pair:  true,
			edits: []fileEdit{replace(voteF, "in_favour = [\n", "in_favour = [\n  \"sri-lanka\",\n")},
			want:  []wantDiag{errAt(voteF, `‸"sri-lanka"`, `the vote lists Sri Lanka, which acceded on 13 December 2017: it is no longer a State not party, so remove it from in_favour`)},
		},
		{
			name:  "attendance names an acceded State",
			pair:  true,
			edits: []fileEdit{replace(meetingsF, `attended = ["lebanon", "morocco", "ruritania"]`, `attended = ["lebanon", "morocco", "palestine", "ruritania"]`)},
			want: []wantDiag{errAt(meetingsF, `"morocco", ‸"palestine"`,
				`meeting "Intersessional meetings" lists Palestine as attending, which acceded on 29 December 2017: it is no longer a State not party, so remove it from attended (its past attendance goes with it)`)},
		},
		{
			name:  "a change names no State of the previous edition",
			pair:  true,
			edits: []fileEdit{replace(factsF, `key = "sri-lanka"`, `key = "sri-lanca"`)},
			// and no count mismatch or "Sri Lanka is not listed" derived from it
			want: []wantDiag{errAt(factsF, `key = ‸"sri-lanca"`, `the accession of Sri Lanka names key "sri-lanca", which is not a State not party in the previous edition`)},
		},
		{
			name:  "a withdrawal of a State that was not a party",
			pair:  true,
			edits: []fileEdit{replace(factsF, "state = \"Ruritania\"\nkey = \"ruritania\"", "state = \"Tonga\"\nkey = \"tonga\"")},
			// and nothing derived from it (the count, Ruritania new to the list)
			want: []wantDiag{errAt(factsF, `key = ‸"tonga"`, `the withdrawal of Tonga names key "tonga", which was already a State not party in the previous edition`)},
		},
		{
			name:  "a name in the vote",
			edits: []fileEdit{replace(voteF, `"marshall-islands",`, `"Marshal Islands",`)},
			// and no "Marshall Islands has no vote"
			want: []wantDiag{errAt(voteF, `‸"Marshal Islands"`, `the vote lists "Marshal Islands", which is not the key of a State in states.toml; did you mean "marshall-islands" (Marshall Islands)?`)},
		},
		{
			name:  "a name in the attendance",
			edits: []fileEdit{replace(meetingsF, "dates = \"8-9 June 2017\"\nattended = [\n  \"lebanon\",", "dates = \"8-9 June 2017\"\nattended = [\n  \"Lebanon\",")},
			want:  []wantDiag{errAt(meetingsF, `‸"Lebanon"`, `meeting "Intersessional meetings" lists "Lebanon" as attending, which is not the key of a State in states.toml; did you mean "lebanon" (Lebanon)?`)},
		},
		{
			name:  "date written day/month/year",
			edits: []fileEdit{replace(factsF, "date = 2017-12-08", "date = 26/11/2017")},
			want:  []wantDiag{errAt(factsF, "date = ‸26/11/2017", `26/11/2017 is a date: write it year-month-day without quotes: 2017-11-26`)},
		},
		{
			name:  "date written in words",
			edits: []fileEdit{replace(factsF, "date = 2017-12-08", "date = 8 December 2017")},
			want:  []wantDiag{errAt(factsF, "date = ‸8 December 2017", `8 December 2017 is a date: write it year-month-day without quotes: 2017-12-08`)},
		},
		{
			name:  "date that could be either way",
			edits: []fileEdit{replace(factsF, "date = 2017-12-08", "date = 08.12.2017")},
			want:  []wantDiag{errAt(factsF, "date = ‸08.12.2017", `08.12.2017 is a date: write it year-month-day without quotes: 2017-12-08 if it means 8 December 2017`)},
		},
		{
			name:  "date in quotes, in words",
			edits: []fileEdit{replace(factsF, "date = 2017-12-08", `date = "26 November 2017"`)},
			want:  []wantDiag{errAt(factsF, `date = ‸"26 November 2017"`, `key "date" is a date written as text ("26 November 2017"): write it year-month-day without quotes: 2017-11-26`)},
		},
		{
			name:  "a date that does not exist",
			edits: []fileEdit{replace(factsF, "date = 2017-12-08", "date = 31/11/2017")},
			want:  []wantDiag{errAt(factsF, "date = ‸31/11/2017", `31/11/2017 is a date: write dates year-month-day without quotes, e.g. 2018-11-26`)},
		},
		{
			name: "an accession after the date of presentation, its State removed",
			pair: true,
			edits: []fileEdit{
				replace(factsF, "state = \"Palestine\"\nkey = \"palestine\"\ndate = 2017-12-29", "state = \"Palestine\"\nkey = \"palestine\"\ndate = 2018-12-29"),
				replace(factsF, "states_parties = 163", "states_parties = 162"),
			},
			want: []wantDiag{{file: statesF, line: 1, col: 1, sev: diag.Error,
				msg: `Palestine's accession on 29 December 2018 is after the date of presentation, so it is still a State not party in this report: keep its [[state]] table, its vote and its attendance`}},
		},
		{
			name:  "previous meeting below the first",
			edits: []fileEdit{replace(factsF, "number = 16", "number = 1")},
			want:  []wantDiag{errAt(factsF, "number = ‸1", `meeting.number is 1: it must be 2 or more, as the report names the meeting before it`)},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var dir string
			if c.pair {
				dir = editionPair(t, c.edits...)
			} else {
				dir = brokenCopy(t, c.edits...)
			}
			_, diags := edition.Load(dir)
			checkDiags(t, dir, diags, c.want)
		})
	}
}

// TestStaleTextWarnings: values carried forward from last year that no
// longer fit, and counts that cannot be right, are warned about at their
// line; none stops the report.
func TestStaleTextWarnings(t *testing.T) {
	cases := []struct {
		name  string
		edits []fileEdit
		want  []wantDiag
	}{
		{
			// the fixture carries 2017's sources note as it was
			name: "last year's meeting in the sources note",
			want: []wantDiag{warnAt(factsF, `sources_note = ‸"Sources`, `sources_note names the 16MSP, but this edition is for the 17MSP: update it if it was carried forward from last year`)},
		},
		{
			name:  "last year's meeting in the presenting office",
			edits: []fileEdit{replace(factsF, "presented_by = \"President of the Seventeenth", "presented_by = \"President of the Sixteenth")},
			want:  []wantDiag{warnAt(factsF, `presented_by = ‸"President`, `presented_by names the Sixteenth Meeting of the States Parties, but this edition is for the 17MSP`)},
		},
		{
			name:  "more letters than States not party",
			edits: []fileEdit{replace(factsF, "letters = 34", "letters = 43")},
			want:  []wantDiag{warnAt(factsF, "letters = ‸43", `work.letters is 43, but there are only 34 States not party to write to`)},
		},
		{
			name:  "a count of zero",
			edits: []fileEdit{replace(factsF, "working_group_meetings = 1", "working_group_meetings = 0")},
			want:  []wantDiag{warnAt(factsF, "working_group_meetings = ‸0", `work.working_group_meetings is 0: if the number is not known, write working_group_meetings = "not known", and the report leaves it out`)},
		},
		{
			name:  "short name of another meeting",
			edits: []fileEdit{replace(factsF, `short_name = "17MSP"`, `short_name = "16MSP"`)},
			want:  []wantDiag{warnAt(factsF, `short_name = ‸"16MSP"`, `meeting.short_name is "16MSP", but meeting.number is 17: is it "17MSP"?`)},
		},
		{
			name: "the meeting number carried forward",
			edits: []fileEdit{
				replace(factsF, "number = 17", "number = 16"),
				replace(factsF, `short_name = "17MSP"`, `short_name = "16MSP"`),
				replace(factsF, `name = "Seventeenth Meeting of the States Parties"`, `name = "Sixteenth Meeting of the States Parties"`),
			},
			want: []wantDiag{warnAt(factsF, "number = ‸16", `the meeting is number 16, but the previous edition`)},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := editionPair(t, c.edits...)
			_, diags := edition.Load(dir)
			checkDiags(t, dir, diags, c.want)
		})
	}
}

// TestNotKnown: a figure or a meeting's attendance may be declared not
// known; anything else in their place is a clear error.
func TestNotKnown(t *testing.T) {
	dir := brokenCopy(t,
		replace(factsF, "letters = 35", `letters = "not known"`),
		replace(meetingsF, "dates = \"8-9 June 2017\"\nattended = [\n  \"lebanon\",\n  \"morocco\",\n  \"saudi-arabia\",\n  \"sri-lanka\",\n  \"united-states-of-america\",\n]", "dates = \"8-9 June 2017\"\nattended = \"Not known\""),
	)
	e, diags := edition.Load(dir)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	if e.Facts.Work.Letters.Known() {
		t.Error("letters is known")
	}
	if _, ok := e.Facts.Work.Letters.Number(); ok {
		t.Error("a figure not known gives a number")
	}
	if n, ok := e.Facts.Work.BilateralStates.Number(); !ok || n != 15 {
		t.Errorf("bilateral_states = %d, %v", n, ok)
	}
	if u := e.UnknownAttendance(); len(u) != 1 || u[0].Key != "2017-intersessional" {
		t.Errorf("unknown attendance: %v", u)
	}
	if e.Meetings[len(e.Meetings)-1].AttendedBy(e.State("lebanon")) {
		t.Error("a meeting of unknown attendance is attended")
	}

	dir = brokenCopy(t,
		replace(factsF, "letters = 35", `letters = "many"`),
		replace(meetingsF, "dates = \"8-9 June 2017\"\nattended = [", "dates = \"8-9 June 2017\"\nattended = 5\nx = ["),
	)
	_, diags = edition.Load(dir)
	checkDiags(t, dir, diags, []wantDiag{
		errAt(factsF, `letters = ‸"many"`, `key "letters" must be a whole number, or "not known", not text`),
		errAt(meetingsF, "attended = ‸5", `key "attended" in meeting "2017-intersessional" must be a list of State keys in square brackets, or "not known", not a number`),
		errAt(meetingsF, "‸x = [", `unknown key "x" in meeting "2017-intersessional"`),
	})
}

// TestDraftGaps: values left TODO are errors for a final report, one each;
// a draft loads with them as placeholders, except where the value's type
// cannot show one.
func TestDraftGaps(t *testing.T) {
	dir := brokenCopy(t,
		replace(factsF, "date = 2017-12-08", `date = "TODO: the date of presentation"`),
		replace(factsF, "letters = 35", `letters = "TODO: how many letters"`),
		replace(voteF, `body = "first-committee"`, `body = "TODO: the voting body"`),
		replace(voteF, "abstained = [\n", "abstained = [\"TODO: who abstained\",\n"),
	)
	_, diags := edition.Load(dir)
	checkDiags(t, dir, diags, []wantDiag{
		errAt(factsF, `date = ‸"TODO`, `key "date" is not filled in yet: the date of presentation`),
		errAt(factsF, `letters = ‸"TODO`, `key "letters" is not filled in yet: how many letters`),
		errAt(voteF, `body = ‸"TODO`, `key "body" is not filled in yet: the voting body`),
		errAt(voteF, `abstained = [‸"TODO`, `key "abstained" is not filled in yet: who abstained`),
	})
	e, diags := edition.LoadDraft(dir)
	if diags.HasErrors() {
		t.Fatalf("a draft refuses gaps it can show:\n%v", diags.Err())
	}
	if len(e.Gaps()) != 4 || !e.Facts.Date.IsGap() || !e.Facts.Work.Letters.IsGap() || e.Vote.Abstained.Gap() != "who abstained" {
		t.Errorf("gaps %v", e.Gaps())
	}
	// the other lists are checked as usual; who has no vote waits
	for _, d := range diags {
		if strings.Contains(d.Message, "has no vote") {
			t.Errorf("derived from a gap: %s", d)
		}
	}

	dir = brokenCopy(t, replace(factsF, "states_parties = 162", `states_parties = "TODO: the number of States Parties"`))
	_, diags = edition.LoadDraft(dir)
	checkDiags(t, dir, diags, []wantDiag{
		errAt(factsF, `states_parties = ‸"TODO`, `key "states_parties" is not filled in yet: the number of States Parties (a draft cannot show this value as a placeholder)`),
	})
}

// TestNeverParticipatedWithUnknownAttendance: the report's list of States
// that never took part may be wrong while a meeting's attendance is not
// known; check says so at that meeting.
func TestNeverParticipatedWithUnknownAttendance(t *testing.T) {
	dir := filepath.Join(findModuleRoot(t), "testdata", "editions", "plenary-2018")
	_, diags := edition.Load(dir)
	checkDiags(t, dir, diags, []wantDiag{warnAt(meetingsF, `attended = ‸"not known"`,
		`the attendance of "Intersessional meetings" (2018) is not known, and the report says 4 States never took part in a Convention meeting (Iran, Korea, DPR of, Korea, Republic of, Uzbekistan): check that none of them attended it`)})
}
