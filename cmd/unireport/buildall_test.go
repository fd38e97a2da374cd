package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildAllSameYear: data/2018 is a copy of data/2017 whose year was not
// changed. build -all must not let it replace the real 2017 report.
func TestBuildAllSameYear(t *testing.T) {
	root := project(t)
	if code, out, errOut := runCmd(t, "build", "-all"); code != 0 {
		t.Fatalf("first build: exit %d\n%s%s", code, out, errOut)
	}
	oldHTML, _ := os.ReadFile(pairHTML)
	oldPDF, _ := os.ReadFile(pairPDF)
	// The copy's report would differ from the real one.
	copyDir(t, filepath.Join(root, "data", "2017"), filepath.Join(root, "data", "2018"))
	states := filepath.Join("data", "2018", "states.toml")
	b, _ := os.ReadFile(states)
	os.WriteFile(states, bytes.Replace(b, []byte("Nepal remains"), []byte("Nepal still remains"), 1), 0o644)

	code, out, errOut := runCmd(t, "build", "-all")
	if code != 1 {
		t.Errorf("build -all: exit %d, want 1\n%s%s", code, out, errOut)
	}
	copied := filepath.Join("data", "2018")
	if !strings.Contains(errOut, copied) {
		t.Errorf("the message does not name %s:\n%s", copied, errOut)
	}
	// Either the two editions would share output/2017, or the copy fails
	// to load because its year does not match its folder.
	if strings.Contains(errOut, "would both write") {
		want := filepath.Join("data", "2017") + " and " + copied + " would both write " + filepath.Join("output", "2017") + string(filepath.Separator)
		if !strings.Contains(errOut, want) {
			t.Errorf("the message does not say %q:\n%s", want, errOut)
		}
	}
	if got, _ := os.ReadFile(pairHTML); !bytes.Equal(got, oldHTML) {
		t.Errorf("%s changed", pairHTML)
	}
	if got, _ := os.ReadFile(pairPDF); !bytes.Equal(got, oldPDF) {
		t.Errorf("%s changed", pairPDF)
	}
	if _, err := os.Stat(filepath.Join("output", "2018")); err == nil {
		t.Errorf("output/2018 was written from an edition of 2017")
	}
}

// TestBuildAllSameYearOthersBuild: two editions sharing a year are not
// built, but every other edition still is.
func TestBuildAllSameYearOthersBuild(t *testing.T) {
	edition2018, err := filepath.Abs(filepath.Join("..", "..", "testdata", "editions", "2018"))
	if err != nil {
		t.Fatal(err)
	}
	root := project(t)
	copyDir(t, edition2018, filepath.Join(root, "data", "2018"))
	if code, out, errOut := runCmd(t, "build", "-all"); code != 0 {
		t.Fatalf("first build: exit %d\n%s%s", code, out, errOut)
	}
	oldHTML, _ := os.ReadFile(pairHTML)
	copyDir(t, filepath.Join(root, "data", "2018"), filepath.Join(root, "data", "2019"))
	changeNepal(t)

	code, out, errOut := runCmd(t, "build", "-all")
	if code != 1 {
		t.Errorf("build -all: exit %d, want 1\n%s%s", code, out, errOut)
	}
	copied := filepath.Join("data", "2019")
	if !strings.Contains(errOut, copied) {
		t.Errorf("the message does not name %s:\n%s", copied, errOut)
	}
	if strings.Contains(errOut, "would both write") {
		want := filepath.Join("data", "2018") + " and " + copied + " would both write " + filepath.Join("output", "2018") + string(filepath.Separator)
		if !strings.Contains(errOut, want) {
			t.Errorf("the message does not say %q:\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, "wrote "+pairHTML) {
		t.Errorf("data/2017 was not built:\n%s", out)
	}
	if got, _ := os.ReadFile(pairHTML); bytes.Equal(got, oldHTML) {
		t.Errorf("%s is still the old report", pairHTML)
	}
	if _, err := os.Stat(filepath.Join("output", "2019")); err == nil {
		t.Errorf("output/2019 was written from an edition of 2018")
	}
}
