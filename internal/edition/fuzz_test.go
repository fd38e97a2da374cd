package edition_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"unireport/internal/compose"
	"unireport/internal/diag"
	"unireport/internal/document"
	"unireport/internal/edition"
	"unireport/internal/htmlout"
	"unireport/internal/provenance"
	"unireport/internal/testkit/htmlcheck"
)

// FuzzLoad replaces one file of the made-up 2018 edition
// (testdata/editions/2018; file selects which, in the order of
// edition.Files) with any bytes and loads the edition. Whatever
// an editor saves, Load must not panic, must point every error at a file and
// a line inside it, and must return an edition when it reports no error. An
// edition that loads clean must then merge with the templates, and its HTML
// must be well-formed and safe (see htmlcheck) whatever text the fuzzer put
// in it. The real 2017 files lie beside it as the previous edition, so that
// the reconciliation with the previous edition runs too.
//
// The seed corpus is the four real files (below) and the cases in
// testdata/fuzz/FuzzLoad, among them every input the fuzzer has found a
// failure with.
func FuzzLoad(f *testing.F) {
	read := func(dir string) map[string][]byte {
		files := map[string][]byte{}
		for _, name := range edition.Files {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				f.Fatal(err)
			}
			files[name] = b
		}
		return files
	}
	real := read(filepath.Join("..", "..", "testdata", "editions", "2018"))
	previous := read(filepath.Join("..", "..", "data", "2017"))
	for i, name := range edition.Files {
		f.Add(byte(i), real[name])
	}

	// One folder per fuzzing process: the fuzz function runs one input at a
	// time in it.
	root := f.TempDir()
	dir := filepath.Join(root, "2018")
	prev := filepath.Join(root, "2017")
	for _, d := range []string{dir, prev} {
		if err := os.Mkdir(d, 0o755); err != nil {
			f.Fatal(err)
		}
	}
	for name, b := range previous {
		if err := os.WriteFile(filepath.Join(prev, name), b, 0o644); err != nil {
			f.Fatal(err)
		}
	}
	if _, diags := edition.Load(prev); diags.HasErrors() {
		f.Fatalf("the previous edition does not load:\n%v", diags.Err())
	}
	ts, tdiags := compose.Load(filepath.Join("..", "..", "templates"))
	if tdiags.HasErrors() {
		f.Fatalf("templates: %v", tdiags.Err())
	}

	f.Fuzz(func(t *testing.T, file byte, content []byte) {
		fuzzed := edition.Files[int(file)%len(edition.Files)]
		files := map[string][]byte{}
		for _, name := range edition.Files {
			files[name] = real[name]
		}
		files[fuzzed] = content
		for name, b := range files {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}

		e, diags := edition.Load(dir)
		if e == nil && !diags.HasErrors() {
			t.Fatalf("no edition and no error (diagnostics: %v)", diags)
		}
		for _, d := range diags {
			checkDiagnostic(t, dir, files, d)
		}
		if diags.HasErrors() {
			return
		}
		_ = e.Texts()
		md, cdiags := ts.Execute(e)
		if cdiags.HasErrors() {
			t.Fatalf("the edition loads clean but does not merge with the templates: %v", cdiags.Err())
		}
		page, err := htmlout.Render(document.Parse(md), htmlout.Options{Title: e.Facts.Title, Lang: "en"})
		if err != nil {
			t.Fatalf("the edition loads clean but its HTML fails: %v", err)
		}
		if err := htmlcheck.Check(page); err != nil {
			t.Fatalf("the edition loads clean but its HTML is wrong: %v", err)
		}
		// Its draft is the same text, its values marked with their sources.
		draft, ddiags := ts.ExecuteDraft(e)
		if ddiags.HasErrors() {
			t.Fatalf("the edition merges with the templates, but not as a draft: %v", ddiags.Err())
		}
		if provenance.Plain(string(draft)) != string(md) {
			t.Fatal("the draft without the marks of its sources is not the final")
		}
		page, err = htmlout.Render(document.Parse(draft), htmlout.Options{Title: e.Facts.Title, Lang: "en"})
		if err != nil {
			t.Fatalf("the draft's HTML fails: %v", err)
		}
		if err := htmlcheck.Check(page); err != nil {
			t.Fatalf("the draft's HTML is wrong: %v", err)
		}
	})
}

// checkDiagnostic asserts that d has a message and points into one of the
// edition's files: a line of it (1 to the number of lines) and a column
// within that line, or, for an error about the file as a whole, no line.
func checkDiagnostic(t *testing.T, dir string, files map[string][]byte, d diag.Diagnostic) {
	t.Helper()
	if strings.TrimSpace(d.Message) == "" {
		t.Errorf("%v: empty message", d.Pos)
	}
	name, err := filepath.Rel(dir, d.Pos.File)
	content, ok := files[name]
	if d.Pos.File == "" || err != nil || !ok {
		t.Errorf("%v: not in a file of the edition: %s", d.Pos, d)
		return
	}
	if d.Pos.Line < 1 {
		// Every file exists and is readable: only a position is missing.
		t.Errorf("%s: %s without a line", d.Pos, d.Severity)
		return
	}
	// Positions are counted in the text as Load reads it.
	content = bytes.TrimPrefix(content, []byte("\uFEFF"))
	content = bytes.ReplaceAll(content, []byte("\r\n"), []byte("\n"))
	lines := bytes.Split(content, []byte("\n"))
	if d.Pos.Line > len(lines) {
		t.Errorf("%s: line %d past the end of the file (%d lines): %s", d.Pos, d.Pos.Line, len(lines), d)
		return
	}
	line := lines[d.Pos.Line-1]
	if n := utf8.RuneCount(line); d.Pos.Col < 0 || d.Pos.Col > n+1 {
		t.Errorf("%s: column %d outside line %d (%d characters: %q): %s", d.Pos, d.Pos.Col, d.Pos.Line, n, line, d)
	}
}
