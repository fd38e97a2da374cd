package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"unireport/internal/testkit/testtool"
)

// badCase is one file of testdata/badinput (see its README).
type badCase struct {
	About     string
	Command   []string
	Exit      int
	Message   string
	CRLF      []string `toml:"crlf"`
	Edit      []badEdit
	HTMLHas   []string `toml:"html_has"`
	HTMLLacks []string `toml:"html_lacks"`
	PDFHas    []string `toml:"pdf_has"`
	PDFLacks  []string `toml:"pdf_lacks"`
}

type badEdit struct {
	File   string
	Old    string
	New    string
	Repeat int
	Remove bool
	Latin1 bool
}

// TestBadInput runs every case of testdata/badinput: whatever an editor
// saves, the command answers with a clear, positioned message and the exit
// status it should, and a failed build leaves the last good report intact.
func TestBadInput(t *testing.T) {
	cases, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "badinput", "*.toml"))
	if len(cases) < 20 {
		t.Fatalf("only %d cases in testdata/badinput", len(cases))
	}
	for _, path := range cases {
		var c badCase
		md, err := toml.DecodeFile(path, &c)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if u := md.Undecoded(); len(u) > 0 {
			t.Fatalf("%s: unknown keys %v", path, u)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".toml")
		t.Run(name, func(t *testing.T) { runBadCase(t, c) })
	}
}

func runBadCase(t *testing.T, c badCase) {
	project(t)
	const htmlPath = "output/2017/universalization-status-2017.html"
	const pdfPath = "output/2017/universalization-status-2017.pdf"
	const docxPath = "output/2017/universalization-status-2017.docx"
	if code, out, errOut := runCmd(t, "build"); code != 0 {
		t.Fatalf("the first, good build failed: %s%s", out, errOut)
	}
	before := map[string][]byte{}
	for _, p := range []string{htmlPath, pdfPath, docxPath} {
		before[p], _ = os.ReadFile(p)
	}
	for _, e := range c.Edit {
		applyEdit(t, e)
	}
	for _, f := range c.CRLF {
		b, _ := os.ReadFile(f)
		os.WriteFile(f, bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")), 0o644)
	}
	args := make([]string, len(c.Command))
	for i, a := range c.Command {
		args[i] = strings.ReplaceAll(a, "EDITION", filepath.Join("data", "2017"))
	}
	code, out, errOut := runCmd(t, args...)
	all := out + errOut
	if code != c.Exit {
		t.Errorf("%s: exit %d, want %d\n%s", c.About, code, c.Exit, all)
	}
	if !regexp.MustCompile(c.Message).MatchString(all) {
		t.Errorf("%s: the output does not match %q:\n%s", c.About, c.Message, all)
	}
	if strings.Contains(all, "panic") || strings.Contains(all, "goroutine ") {
		t.Errorf("%s: the output shows a crash:\n%s", c.About, all)
	}
	if c.Exit != 0 {
		for p, b := range before {
			if after, _ := os.ReadFile(p); !bytes.Equal(after, b) {
				t.Errorf("%s: %s changed although the build failed", c.About, p)
			}
		}
		return
	}
	html, _ := os.ReadFile(htmlPath)
	for _, s := range c.HTMLHas {
		if !strings.Contains(string(html), s) {
			t.Errorf("%s: the HTML lacks %q", c.About, s)
		}
	}
	for _, s := range c.HTMLLacks {
		if strings.Contains(string(html), s) {
			t.Errorf("%s: the HTML contains %q", c.About, s)
		}
	}
	if len(c.PDFHas)+len(c.PDFLacks) == 0 {
		return
	}
	text := pdfText(t, pdfPath)
	for _, s := range c.PDFHas {
		if !strings.Contains(text, s) {
			t.Errorf("%s: the PDF text lacks %q", c.About, s)
		}
	}
	for _, s := range c.PDFLacks {
		if strings.Contains(text, s) {
			t.Errorf("%s: the PDF text contains %q", c.About, s)
		}
	}
}

func applyEdit(t *testing.T, e badEdit) {
	t.Helper()
	if e.Remove {
		if err := os.Remove(e.File); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(e.File)
	if err != nil && e.Old != "" {
		t.Fatal(err)
	}
	s := string(b)
	repl := e.New
	if e.Repeat > 0 {
		repl = strings.Repeat(repl, e.Repeat)
	}
	if e.Latin1 {
		var l []byte
		for _, r := range repl {
			l = append(l, byte(r)) // every rune of these cases is below U+0100
		}
		repl = string(l)
	}
	switch {
	case e.Old == "":
		s = repl
	case !strings.Contains(s, e.Old):
		t.Fatalf("%s has no %q to replace", e.File, e.Old)
	default:
		s = strings.Replace(s, e.Old, repl, 1)
	}
	os.MkdirAll(filepath.Dir(e.File), 0o755)
	if err := os.WriteFile(e.File, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// pdfText extracts a PDF's text with pdftotext.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	pdftotext := testtool.Need(t, "pdftotext", "poppler-utils")
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestBadInputDocumented requires every case to be named in docs/errors.md,
// where editors look up what a message means and what to do.
func TestBadInputDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "errors.md"))
	if err != nil {
		t.Fatal(err)
	}
	cases, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "badinput", "*.toml"))
	for _, c := range cases {
		name := strings.TrimSuffix(filepath.Base(c), ".toml")
		if !strings.Contains(string(doc), "`"+name+"`") {
			t.Errorf("docs/errors.md does not name the case %s", name)
		}
	}
}
