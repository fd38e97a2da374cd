package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"unireport/internal/cmdline"
	"unireport/internal/edition"
)

// goodEdition is data/2017, and templates the report's templates, seen
// from this package's folder.
var (
	goodEdition = filepath.Join("..", "..", "data", "2017")
	templates   = filepath.Join("..", "..", "templates")
)

// checkArgs are the arguments of "unireport check" on the edition in dir.
func checkArgs(dir string) []string { return []string{"check", "-templates", templates, dir} }

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCheckGood(t *testing.T) {
	code, out, errOut := runCmd(t, checkArgs(goodEdition)...)
	if code != 0 {
		t.Fatalf("exit %d, want 0\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	// stdout is the summary line alone
	if !regexp.MustCompile(`^` + regexp.QuoteMeta(goodEdition) + `: 0 errors, \d+ warnings?\n$`).MatchString(out) {
		t.Errorf("stdout %q, want the summary line %q", out, goodEdition+": 0 errors, N warnings")
	}
	// the warnings are on stderr, one a line, as many as the summary says
	lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
	warning := regexp.MustCompile(`^[^:]+:\d+:\d+: warning: `)
	for _, l := range lines {
		if !warning.MatchString(l) {
			t.Errorf("not a warning line: %q", l)
		}
	}
	if want := fmt.Sprintf(": 0 errors, %d warnings\n", len(lines)); !strings.HasSuffix(out, want) {
		t.Errorf("%d warning lines on stderr; stdout %q", len(lines), out)
	}
	if !strings.Contains(errOut, "Lebanon: last participation is given as") {
		t.Error("the warning on Lebanon's last participation is missing")
	}
}

// copyEdition copies data/2017 into a temporary folder, replacing old (which
// must occur once) by new in file.
func copyEdition(t *testing.T, file, old, new string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range edition.Files {
		b, err := os.ReadFile(filepath.Join(goodEdition, f))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if f == file {
			if n := strings.Count(text, old); n != 1 {
				t.Fatalf("fixture: %q occurs %d times in %s", old, n, f)
			}
			text = strings.Replace(text, old, new, 1)
		}
		if err := os.WriteFile(filepath.Join(dir, f), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCheckBroken(t *testing.T) {
	dir := copyEdition(t, edition.StatesFile, "name = \"Armenia\"\n", "name = \"Armenia\"\ncolour = \"red\"\nquotaton = 1\n")
	code, out, errOut := runCmd(t, checkArgs(dir)...)
	if code != 1 {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	states := filepath.Join(dir, edition.StatesFile)
	b, err := os.ReadFile(states)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	colour := 1 + indexOf(lines, `colour = "red"`)
	want := []string{
		states + ":" + strconv.Itoa(colour) + ":1: error: unknown key \"colour\" in state \"Armenia\"",
		states + ":" + strconv.Itoa(colour+1) + ":1: error: unknown key \"quotaton\" in state \"Armenia\"; did you mean \"quotation\"?",
	}
	if got := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, strings.Join(want, "\n"))
	}
	if want := dir + ": 2 errors, 0 warnings\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}

	// every diagnostic line is path:line:col: severity: message
	dir = copyEdition(t, edition.VoteFile, `"armenia",`, `"armenia",,`)
	code, out, errOut = runCmd(t, checkArgs(dir)...)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !regexp.MustCompile(`^` + regexp.QuoteMeta(filepath.Join(dir, edition.VoteFile)) + `:\d+:\d+: error: a comma with no value before it: remove the extra comma\n$`).MatchString(errOut) {
		t.Errorf("stderr:\n%s", errOut)
	}
	if want := dir + ": 1 error, 0 warnings\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
}

func TestCheckMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "2099")
	code, out, errOut := runCmd(t, checkArgs(dir)...)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if want := dir + ": error: no edition folder here: the folder does not exist\n"; errOut != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, want)
	}
	if want := dir + ": 1 error, 0 warnings\n"; out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args   []string
		stderr string
	}{
		{nil, "usage: unireport COMMAND"},
		{[]string{"chek"}, `unknown command "chek"`},
		{[]string{"check", goodEdition, goodEdition}, "give one edition at most"},
		{[]string{"check", "-x", goodEdition}, "flag provided but not defined: -x"},
	} {
		code, out, errOut := runCmd(t, c.args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2", c.args, code)
		}
		if !strings.Contains(errOut, c.stderr) {
			t.Errorf("%q: stderr %q, want it to say %q", c.args, errOut, c.stderr)
		}
		if out != "" {
			t.Errorf("%q: stdout %q, want nothing", c.args, out)
		}
	}
	code, out, _ := runCmd(t, "help")
	if code != 0 || !strings.Contains(out, "usage: unireport") {
		t.Errorf("help: exit %d, stdout %q", code, out)
	}
}

// TestCheckDefaultEdition runs check with no EDITION from the project folder:
// it checks the newest edition under data/, and a bare year names data/<year>.
func TestCheckDefaultEdition(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	newest, err := cmdline.NewestEdition(cmdline.DataRoot)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "check")
	if code != 0 || !strings.Contains(out, newest+": 0 errors") {
		t.Errorf("check with no edition: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	code, out, _ = runCmd(t, "check", "2017")
	if code != 0 || !strings.Contains(out, filepath.Join("data", "2017")+": 0 errors") {
		t.Errorf("check 2017: exit %d\nstdout:\n%s", code, out)
	}
}

func TestCheckNoDataFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	code, _, errOut := runCmd(t, "check")
	if code != 2 || !strings.Contains(errOut, "no editions: cannot read data/") {
		t.Errorf("exit %d, stderr %q; want 2 and a message on the missing data folder", code, errOut)
	}
}

func indexOf(lines []string, s string) int {
	for i, l := range lines {
		if l == s {
			return i
		}
	}
	return -1
}
