package edition_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"unireport/internal/edition"
)

// TestCheckCatchesWhatBuildWouldTripOn: values that passed check and then
// failed in the PDF writer, or printed nonsense, or changed a name
// invisibly, are reported by check at their place.
func TestCheckCatchesWhatBuildWouldTripOn(t *testing.T) {
	for _, c := range []struct {
		name  string
		edits []fileEdit
		want  []wantDiag
	}{
		{"language with an underscore", []fileEdit{replace(factsF, `language = "en"`, `language = "en_GB"`)},
			[]wantDiag{errAt(factsF, `language = ‸"en_GB"`, `language "en_GB" is not a language tag: write "en-GB", with a hyphen (BCP 47)`)}},
		{"language that is no tag", []fileEdit{replace(factsF, `language = "en"`, `language = "English"`)},
			[]wantDiag{errAt(factsF, `language = ‸"English"`, `language "English" is not a language tag: write it like "en" or "en-GB" (BCP 47)`)}},
		{"a count of States beyond the world's", []fileEdit{replace(factsF, "states_parties = 162", "states_parties = 1000000000000")},
			[]wantDiag{errAt(factsF, "states_parties = ‸1000000000000", "states_parties is 1000000000000, but there are fewer than 250 States in the world: is a digit repeated?")}},
		{"meeting number 0", []fileEdit{replace(factsF, "number = 16", "number = 0")},
			[]wantDiag{errAt(factsF, "number = ‸0", "meeting.number is 0: it must be 2 or more, as the report names the meeting before it")}},
		{"a direction control in a name", []fileEdit{replace(statesF, `name = "Armenia"`, "name = \"Arme\u202Enia\"")},
			[]wantDiag{errAt(statesF, "name = \"Arme‸\u202Enia\"", "invisible character U+202E: a control of writing direction, which can reorder the words printed after it (often pasted from a web page): delete it")}},
		{"a direction control written as an escape", []fileEdit{replace(statesF, `name = "Armenia"`, `name = "Arme\u2067nia"`)},
			[]wantDiag{errAt(statesF, `name = "Arme‸\u2067nia"`, "invisible character U+2067: a control of writing direction")}},
		{"an invisible character in a quotation", []fileEdit{replace(statesF, "“Nepal remains fully", "“Nepal remains\u2062 fully")},
			[]wantDiag{errAt(statesF, "“Nepal remains‸\u2062 fully", "invisible character U+2062: it prints nothing but changes the text (often pasted from a web page or PDF): delete it")}},
		{"a direction control in right-to-left text", []fileEdit{replace(statesF, "“Nepal remains fully", "“Nepal \u202Bسلام\u202C remains fully")},
			[]wantDiag{warnAt(statesF, "“Nepal ‸\u202Bسلام", "invisible character U+202B: a control of writing direction, which can reorder the words printed after it; keep it only if this right-to-left text needs it")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := brokenCopy(t, c.edits...)
			_, diags := edition.Load(dir)
			checkDiags(t, dir, diags, c.want)
		})
	}
}

// TestLastParticipationKnown: a last participation must name a meeting the
// edition can know.
func TestLastParticipationKnown(t *testing.T) {
	for _, c := range []struct{ meeting, want string }{
		{"99MSP", `Armenia: last participation names the 99MSP, but this edition is for the 16MSP: is the number right?`},
		{"the big meeting", `Armenia: last participation names "the big meeting", a meeting this edition does not know: write it like "9MSP" or "Second Review Conference"`},
	} {
		dir := brokenCopy(t, replace(statesF, `name = "Armenia"
last_participation = { meeting = "9MSP", year = 2008 }`, `name = "Armenia"
last_participation = { meeting = "`+c.meeting+`", year = 2008 }`))
		_, diags := edition.Load(dir)
		checkDiags(t, dir, diags, []wantDiag{warnAt(statesF, `{ meeting = ‸"`+c.meeting, c.want)})
	}
	// the forms of 2017's data pass
	_, diags := edition.Load(dataDir(t))
	for _, d := range diags {
		if d.Severity == 1 && (strings.Contains(d.Message, "does not know") || strings.Contains(d.Message, "is the number right")) {
			t.Errorf("2017: %s", d)
		}
	}
}

// TestFolderAndYearAgree: a copy of last year's folder, its year not
// changed, is an error at the year, so that it cannot build over last
// year's report.
func TestFolderAndYearAgree(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "2018")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	copyEdition(t, dataDir(t), dir)
	_, diags := edition.Load(dir)
	checkDiags(t, dir, diags, []wantDiag{errAt(factsF, "year = ‸2017", "year is 2017, but the edition's folder is named 2018: correct the year (a copy of last year's folder keeps last year's)")})
}

// TestDataFileThatNeverEnds: a data file that is a device or a named pipe
// is refused at once, with its name, not read for ever.
func TestDataFileThatNeverEnds(t *testing.T) {
	dir := brokenCopy(t)
	if err := os.Remove(filepath.Join(dir, statesF)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, statesF)); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, diags := edition.Load(dir)
		checkDiags(t, dir, diags, []wantDiag{{file: statesF, sev: 0, msg: "the path names a device, not a file: check the path"}})
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Load of /dev/zero did not return in 5 s")
	}
}
