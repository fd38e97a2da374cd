package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The final report's two files, seen from a project made by project(t).
var (
	pairHTML = filepath.Join("output", "2017", "universalization-status-2017.html")
	pairPDF  = filepath.Join("output", "2017", "universalization-status-2017.pdf")
)

// changeNepal edits data/2017 so that the next build's report differs.
func changeNepal(t *testing.T) {
	t.Helper()
	states := filepath.Join("data", "2017", "states.toml")
	b, err := os.ReadFile(states)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("Nepal remains")) {
		t.Fatal("fixture: no \"Nepal remains\" in states.toml")
	}
	os.WriteFile(states, bytes.Replace(b, []byte("Nepal remains"), []byte("Nepal still remains"), 1), 0o644)
}

// hidden lists the hidden (temporary or backup) files in dir.
func hidden(t *testing.T, dir string) []string {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestBuildReplacesPairTogether: when the PDF cannot be replaced, the HTML
// stays the previous one too, and the message names the PDF.
func TestBuildReplacesPairTogether(t *testing.T) {
	project(t)
	if code, out, errOut := runCmd(t, "build"); code != 0 {
		t.Fatalf("first build: exit %d\n%s%s", code, out, errOut)
	}
	oldHTML, _ := os.ReadFile(pairHTML)
	oldPDF, _ := os.ReadFile(pairPDF)
	changeNepal(t)
	// Something stands in the PDF's way: a folder of its name, not empty.
	os.Rename(pairPDF, pairPDF+".saved")
	os.MkdirAll(filepath.Join(pairPDF, "notes"), 0o755)
	code, out, errOut := runCmd(t, "build")
	if code != 1 {
		t.Fatalf("build with the PDF blocked: exit %d, want 1\n%s%s", code, out, errOut)
	}
	if got, _ := os.ReadFile(pairHTML); !bytes.Equal(got, oldHTML) {
		t.Errorf("the HTML was replaced although the PDF could not be")
	}
	if !strings.Contains(errOut, "cannot replace "+pairPDF+": a folder") || !strings.Contains(errOut, "no file was changed") {
		t.Errorf("the message does not name the PDF and why:\n%s", errOut)
	}
	if h := hidden(t, filepath.Dir(pairHTML)); len(h) > 0 {
		t.Errorf("temporary or backup files left behind: %v", h)
	}
	if out != "" {
		t.Errorf("stdout: %q", out)
	}

	// Out of the way, the next build replaces both.
	os.RemoveAll(pairPDF)
	os.Rename(pairPDF+".saved", pairPDF)
	if code, out, errOut := runCmd(t, "build"); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, out, errOut)
	}
	newHTML, _ := os.ReadFile(pairHTML)
	newPDF, _ := os.ReadFile(pairPDF)
	if bytes.Equal(newHTML, oldHTML) || bytes.Equal(newPDF, oldPDF) {
		t.Errorf("the build did not replace both files (HTML new: %v, PDF new: %v)", !bytes.Equal(newHTML, oldHTML), !bytes.Equal(newPDF, oldPDF))
	}
}

// TestFirstBuildPairTogether: a first build whose PDF cannot be written
// leaves no HTML without its PDF.
func TestFirstBuildPairTogether(t *testing.T) {
	project(t)
	os.MkdirAll(filepath.Join(pairPDF, "notes"), 0o755)
	code, out, errOut := runCmd(t, "build")
	if code != 1 {
		t.Fatalf("build with the PDF blocked: exit %d, want 1\n%s%s", code, out, errOut)
	}
	if _, err := os.Lstat(pairHTML); err == nil {
		t.Error("the HTML was written without its PDF")
	}
	if h := hidden(t, filepath.Dir(pairHTML)); len(h) > 0 {
		t.Errorf("temporary or backup files left behind: %v", h)
	}
}

// TestBuildCleansLeftovers: the hidden files a killed build leaves beside
// the report go at the next successful build; other files stay.
func TestBuildCleansLeftovers(t *testing.T) {
	project(t)
	dir := filepath.Dir(pairHTML)
	os.MkdirAll(dir, 0o755)
	stale := []string{
		".universalization-status-2017.html.2041399387.tmp",
		".universalization-status-2017.pdf.8675309.tmp",
		".universalization-status-2017.html.31337.bak",
	}
	keep := []string{".notes.txt", ".universalization-status-2017-draft.html.1.tmp"}
	for _, n := range append(stale, keep...) {
		os.WriteFile(filepath.Join(dir, n), []byte("left over"), 0o644)
	}
	if code, out, errOut := runCmd(t, "build"); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, out, errOut)
	}
	if h := hidden(t, dir); strings.Join(h, " ") != strings.Join(keep, " ") {
		t.Errorf("hidden files after the build: %v, want %v", h, keep)
	}
}

// A draft built twice with SOURCE_DATE_EPOCH set is the same bytes, its
// banner giving that date.
func TestDraftReproducibleWithSourceDateEpoch(t *testing.T) {
	project(t)
	t.Setenv("SOURCE_DATE_EPOCH", "1512691200") // 8 December 2017 00:00 UTC
	var first [2][]byte
	for i := range 2 {
		if code, out, errOut := runCmd(t, "build", "-draft", "-out", "out", "2017"); code != 0 {
			t.Fatalf("build %d: exit %d\n%s%s", i+1, code, out, errOut)
		}
		for j, ext := range []string{".html", ".pdf"} {
			b, err := os.ReadFile(filepath.Join("out", "universalization-status-2017-draft"+ext))
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first[j] = b
			} else if !bytes.Equal(b, first[j]) {
				t.Errorf("the second draft's %s differs from the first", ext)
			}
		}
	}
	if !bytes.Contains(first[0], []byte("built 8 December 2017 00:00 UTC")) {
		t.Error("the draft banner does not give SOURCE_DATE_EPOCH's time")
	}
}
