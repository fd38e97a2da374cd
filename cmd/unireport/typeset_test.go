package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBrokenWordIsWarned: a column label too long for the participation
// table even hyphenated and in the smallest type is broken between letters
// in the PDF, and check and build say so at the label's line.
func TestBrokenWordIsWarned(t *testing.T) {
	project(t)
	const long = "xqxqxqxqxqxqxqxqxqxqxqxqxqxqxqxqxqxqxqxq" // no hyphenation point
	path := filepath.Join("data", "2017", "meetings.toml")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), `label = "14MSP"`, `label = "`+long+`"`, 1)
	text = strings.Replace(text, `label = "15MSP"`, `label = "`+long+`y"`, 1)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	want := path + `:63:10: warning: "` + long + `" is too wide for its place in the participation table, column "` + long + `", even hyphenated and in 7 pt type`
	code, _, errOut := runCmd(t, "check", "2017")
	if code != 0 || !strings.Contains(errOut, want) {
		t.Errorf("check: exit %d, want 0 and on stderr\n%s\ngot:\n%s", code, want, errOut)
	}
	code, _, errOut = runCmd(t, "build", "2017")
	if code != 0 || !strings.Contains(errOut, want) {
		t.Errorf("build: exit %d, want 0 and\n%s\ngot:\n%s", code, want, errOut)
	}
}
