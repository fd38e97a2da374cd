package main

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"unireport/internal/edition"
)

// project copies data/2017 and the templates into a temp folder laid out
// like a fresh clone, and makes it the working directory.
func project(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "data", "2017"), filepath.Join(root, "data", "2017"))
	copyDir(t, filepath.Join("..", "..", "templates"), filepath.Join(root, "templates"))
	t.Chdir(root)
	return root
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(to, 0o755)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(to, e.Name()), b, 0o644)
	}
}

var todoValue = regexp.MustCompile(`"TODO[^"]*"`)

func TestNewEditionThenFillIn(t *testing.T) {
	project(t)
	if code, out, errOut := runCmd(t, "new", "2018"); code != 0 {
		t.Fatalf("new 2018: exit %d\n%s%s", code, out, errOut)
	}
	// One error per blank, at the blank's line.
	blanks := map[string]bool{}
	for _, f := range edition.Files {
		b, _ := os.ReadFile(filepath.Join("data", "2018", f))
		for i, line := range strings.Split(string(b), "\n") {
			if todoValue.MatchString(line) && !strings.HasPrefix(strings.TrimSpace(line), "#") {
				blanks[filepath.Join("data", "2018", f)+":"+strconv.Itoa(i+1)+":"] = true
			}
		}
	}
	if len(blanks) < 10 {
		t.Fatalf("only %d blanks in the new edition", len(blanks))
	}
	code, out, errOut := runCmd(t, "check", "2018")
	if code != 1 {
		t.Fatalf("check of an unfilled edition: exit %d, want 1\n%s%s", code, out, errOut)
	}
	var errs []string
	for _, l := range strings.Split(errOut, "\n") {
		if strings.Contains(l, ": error: ") {
			errs = append(errs, l)
		}
	}
	if len(errs) != len(blanks) {
		t.Errorf("%d errors for %d blanks:\n%s", len(errs), len(blanks), strings.Join(errs, "\n"))
	}
	for _, e := range errs {
		at := e[:strings.Index(e, ": error: ")]
		at = at[:strings.LastIndex(at, ":")+1] // file:line:
		if !blanks[at] || !strings.Contains(e, "is not filled in yet") {
			t.Errorf("an error that is not at a blank: %s", e)
		}
	}
	// A draft builds at once, every gap shown in place as what is needed,
	// and listed in its checklist; it is written under its own name.
	if code, out, errOut := runCmd(t, "build", "-draft", "2018"); code != 0 {
		t.Fatalf("build -draft of an unfilled edition: exit %d\n%s%s", code, out, errOut)
	}
	draftHTML, err := os.ReadFile(filepath.Join("output", "2018", "universalization-status-2018-draft.html"))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := edition.LoadDraft(filepath.Join("data", "2018"))
	if len(e.Gaps()) != len(blanks) {
		t.Errorf("%d gaps for %d blanks", len(e.Gaps()), len(blanks))
	}
	shown := html.UnescapeString(string(draftHTML))
	if n := strings.Count(shown, `<mark class="gap">`); n < len(blanks) {
		t.Errorf("the draft marks %d gaps, want at least %d", n, len(blanks))
	}
	for _, g := range e.Gaps() {
		what := g.What
		if strings.HasPrefix(g.Key, `key "attended"`) {
			what = "who attended" // in a narrow column of the participation table
		}
		if !strings.Contains(shown, `<mark class="gap">[to fill in: `+what+`]</mark>`) {
			t.Errorf("the draft does not show the gap %q", g.What)
		}
		if !strings.Contains(shown, g.Pos.String()+"</code>: "+g.What) {
			t.Errorf("the draft's checklist does not list %s: %q", g.Pos, g.What)
		}
	}
	if _, err := os.Stat(filepath.Join("output", "2018", "universalization-status-2018-draft.pdf")); err != nil {
		t.Error(err)
	}
	// The final build refuses, with the same errors as check, and writes nothing.
	if code, _, errOut := runCmd(t, "build", "2018"); code != 1 || strings.Count(errOut, "is not filled in yet") != len(blanks) {
		t.Errorf("final build of an unfilled edition: exit %d, want 1 with %d errors:\n%s", code, len(blanks), errOut)
	}
	if _, err := os.Stat(filepath.Join("output", "2018", "universalization-status-2018.html")); err == nil {
		t.Error("the refused final build wrote a report")
	}

	// The carried-forward States and quotations are there.
	states, _ := os.ReadFile(filepath.Join("data", "2018", "states.toml"))
	if !strings.Contains(string(states), "striking a balance striking a balance") {
		t.Error("quotations were not carried forward")
	}

	// Fill in every blank; the edition then checks and builds.
	vote2017, _ := os.ReadFile(filepath.Join("data", "2017", "vote.toml"))
	fill := map[string]map[string]string{
		"edition.toml": {
			`presented_by = "TODO`:           `presented_by = "President of the Seventeenth Meeting of the States Parties"`,
			`date = "TODO`:                   `date = 2018-11-30`,
			`letters = "TODO`:                `letters = 35`,
			`bilateral_states = "TODO`:       `bilateral_states = 10`,
			`working_group_meetings = "TODO`: `working_group_meetings = 3`,
			`sources_note = "TODO`:           `sources_note = "Sources of information: as for the 17MSP."`,
		},
		"meetings.toml": {
			`attended = ["TODO: keys of the States not party that attended the 16MSP`: `attended = ["china", "lebanon"]`,
			`dates = "TODO`:     `dates = "4-7 June 2018"`,
			`attended = ["TODO`: `attended = ["lebanon"]`,
		},
	}
	for file, repl := range fill {
		p := filepath.Join("data", "2018", file)
		b, _ := os.ReadFile(p)
		lines := strings.Split(string(b), "\n")
		for i, l := range lines {
			for prefix, with := range repl {
				if strings.HasPrefix(l, prefix) {
					lines[i] = with
					break
				}
			}
		}
		os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644)
	}
	os.WriteFile(filepath.Join("data", "2018", "vote.toml"), []byte(strings.Replace(string(vote2017), "year = 2017", "year = 2018", 1)), 0o644)

	if code, out, errOut := runCmd(t, "check", "2018"); code != 0 {
		t.Fatalf("check after filling in: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "build", "2018"); code != 0 {
		t.Fatalf("build after filling in: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join("output", "2018", "universalization-status-2018.pdf")); err != nil {
		t.Error(err)
	}
	// The draft, under its own name, is still there beside the final.
	if b, err := os.ReadFile(filepath.Join("output", "2018", "universalization-status-2018-draft.html")); err != nil || string(b) != string(draftHTML) {
		t.Errorf("the final build touched the draft (%v)", err)
	}
}

func TestNewRefusesToOverwrite(t *testing.T) {
	project(t)
	if code, _, _ := runCmd(t, "new", "2018"); code != 0 {
		t.Fatal("new 2018 failed")
	}
	before, _ := os.ReadFile(filepath.Join("data", "2018", "edition.toml"))
	code, _, errOut := runCmd(t, "new", "2018")
	if code == 0 || !strings.Contains(errOut, "already exists") {
		t.Errorf("second new 2018: exit %d, %q", code, errOut)
	}
	after, _ := os.ReadFile(filepath.Join("data", "2018", "edition.toml"))
	if string(before) != string(after) {
		t.Error("the existing edition was changed")
	}
	if code, _, _ := runCmd(t, "new", "2016"); code == 0 {
		t.Error("new accepted a year before the edition it starts from")
	}
	// the newest edition itself: it exists, whatever comes before it
	code, _, errOut = runCmd(t, "new", "2017")
	if want := filepath.Join("data", "2017") + " already exists: unireport new never overwrites an edition"; code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("new 2017: exit %d, %q, want %q", code, errOut, want)
	}
}

func TestBuildAll(t *testing.T) {
	project(t)
	code, out, errOut := runCmd(t, "build", "-all")
	if code != 0 || !strings.Contains(out, filepath.Join("output", "2017", "universalization-status-2017.html")) {
		t.Fatalf("build -all: exit %d\n%s%s", code, out, errOut)
	}
}
