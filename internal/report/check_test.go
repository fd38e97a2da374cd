package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unireport/internal/edition"
	"unireport/internal/report"
)

// editedCopy copies data/2017 to a temp folder and replaces old by new in file.
func editedCopy(t *testing.T, file, old, new string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range edition.Files {
		b, err := os.ReadFile(filepath.Join("../../data/2017", f))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if f == file {
			if !strings.Contains(s, old) {
				t.Fatalf("%s has no %q", f, old)
			}
			s = strings.Replace(s, old, new, 1)
		}
		os.WriteFile(filepath.Join(dir, f), []byte(s), 0o644)
	}
	return dir
}

func TestCheckFindsMissingGlyphs(t *testing.T) {
	dir := editedCopy(t, edition.StatesFile, "“Although we still", "“Although 😀 we still")
	_, diags := report.Prepare(dir, "../../templates")
	var found bool
	for _, d := range diags {
		if strings.Contains(d.Message, "U+1F600 '😀' is not in the report font") {
			found = true
			if d.Pos.File != filepath.Join(dir, "states.toml") || d.Pos.Line == 0 || d.Pos.Col != 11 {
				t.Errorf("position %v", d.Pos)
			}
			b, _ := os.ReadFile(filepath.Join(dir, "states.toml"))
			line := strings.Split(string(b), "\n")[d.Pos.Line-1]
			if r := []rune(line); len(r) < d.Pos.Col || r[d.Pos.Col-1] != '😀' {
				t.Errorf("line %d column %d is not the emoji: %q", d.Pos.Line, d.Pos.Col, line)
			}
		}
	}
	if !found || !diags.HasErrors() {
		t.Errorf("no error for the emoji: %v", diags)
	}
}

func TestCheckFindsMissingGlyphsInTemplates(t *testing.T) {
	tmpl := t.TempDir()
	b, _ := os.ReadFile("../../templates/report.md")
	os.WriteFile(filepath.Join(tmpl, "report.md"), []byte(strings.Replace(string(b), "Pursuing universal", "Pursuing 中 universal", 1)), 0o644)
	_, diags := report.Prepare("../../data/2017", tmpl)
	if !diags.HasErrors() || !strings.Contains(diags.Err().Error(), "report.md:") || !strings.Contains(diags.Err().Error(), "U+4E2D") {
		t.Errorf("no positioned error for a character in a template: %v", diags)
	}
}

func TestCheck2017Clean(t *testing.T) {
	_, diags := report.Prepare("../../data/2017", "../../templates")
	if diags.HasErrors() {
		t.Fatalf("the 2017 edition has errors:\n%v", diags.Err())
	}
}
