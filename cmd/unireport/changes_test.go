package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"unireport/internal/testkit/editions"
)

// TestChanges writes the redline of the made-up 2018 edition against the
// edition before it, beside it (2017): both files, together, the same
// bytes each time.
func TestChanges(t *testing.T) {
	_, to := editions.ChangesPair(t)
	out := t.TempDir()
	var first [2][]byte
	for i := range 2 {
		code, stdout, stderr := runCmd(t, "changes", "-templates", templates, "-out", out, to)
		if code != 0 {
			t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
		html, pdf := filepath.Join(out, "changes-2017-2018.html"), filepath.Join(out, "changes-2017-2018.pdf")
		if want := regexp.MustCompile(`^wrote ` + regexp.QuoteMeta(html) + ` and ` + regexp.QuoteMeta(pdf) + ` \(\d+ changes in the data\)\n$`); !want.MatchString(stdout) {
			t.Errorf("stdout %q", stdout)
		}
		h, err := os.ReadFile(html)
		if err != nil {
			t.Fatal(err)
		}
		p, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(h, []byte("<!DOCTYPE html>")) || !bytes.Contains(h, []byte("Changes from 2017 to 2018")) || !bytes.HasPrefix(p, []byte("%PDF-")) {
			t.Error("the files are not the redline's HTML and PDF")
		}
		if i == 0 {
			first = [2][]byte{h, p}
		} else if !bytes.Equal(first[0], h) || !bytes.Equal(first[1], p) {
			t.Error("a second run wrote other bytes")
		}
	}
}

func TestChangesFromAndErrors(t *testing.T) {
	out := t.TempDir()
	// -from names the edition compared with: here the same one
	code, stdout, stderr := runCmd(t, "changes", "-templates", templates, "-from", goodEdition, "-out", out, goodEdition)
	if code != 0 || !strings.HasSuffix(stdout, "changes-2017-2017.pdf (no changes in the data)\n") {
		t.Errorf("2017 against itself: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// no edition before 2017 beside it
	code, stdout, stderr = runCmd(t, "changes", "-templates", templates, "-out", out, goodEdition)
	if code != 2 || stdout != "" || !strings.Contains(stderr, "no edition before 2017 beside "+goodEdition+" to compare with: name one with -from EDITION") {
		t.Errorf("nothing before 2017: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// an edition with errors: nothing written
	bad := copyEdition(t, "edition.toml", "states_parties = 162", `states_parties = "many"`)
	empty := t.TempDir()
	code, stdout, stderr = runCmd(t, "changes", "-templates", templates, "-from", goodEdition, "-out", empty, bad)
	if code != 1 || stdout != "" || !strings.Contains(stderr, "edition.toml:") || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("an edition with errors: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if entries, _ := os.ReadDir(empty); len(entries) > 0 {
		t.Errorf("files written despite the errors: %v", entries)
	}
}
