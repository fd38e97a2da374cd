package main

import (
	"regexp"
	"strings"
	"testing"

	"unireport/internal/report"
)

// Every command's usage, as "unireport help CMD" and "unireport CMD -h"
// print it: on stdout, exit 0, naming the command and its EDITION.
func TestCommandHelp(t *testing.T) {
	for _, c := range []struct {
		cmd, synopsis string
	}{
		{"build", "usage: unireport build [-out DIR] [-draft [-editor URL-TEMPLATE]] [-templates DIR] [-all | EDITION]\n"},
		{"check", "usage: unireport check [-checklist] [-templates DIR] [EDITION]\n"},
		{"changes", "usage: unireport changes [-from EDITION] [-out DIR] [-templates DIR] [EDITION]\n"},
		{"new", "usage: unireport new [-from EDITION] YEAR\n"},
		{"serve", "usage: unireport serve [-addr HOST:PORT] [-host NAME]... [-editor URL-TEMPLATE] [-templates DIR] [EDITION]\n"},
		{"version", "usage: unireport version\n"},
	} {
		for _, args := range [][]string{{"help", c.cmd}, {c.cmd, "-h"}, {c.cmd, "-help"}, {c.cmd, "--help"}} {
			code, out, errOut := runCmd(t, args...)
			if code != 0 || errOut != "" {
				t.Errorf("%q: exit %d, stderr %q; want 0 and nothing", args, code, errOut)
			}
			if !strings.HasPrefix(out, c.synopsis) {
				t.Errorf("%q: stdout does not start with %q:\n%s", args, c.synopsis, out)
			}
			if c.cmd != "version" && !strings.Contains(out, "\nEDITION is a year") {
				t.Errorf("%q: the usage does not say what EDITION is:\n%s", args, out)
			}
		}
	}
	// the flags are listed
	if _, out, _ := runCmd(t, "help", "build"); !strings.Contains(out, "-draft") || !strings.Contains(out, "-templates DIR") {
		t.Errorf("help build lists no flags:\n%s", out)
	}
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		code, out, errOut := runCmd(t, args...)
		if code != 0 || errOut != "" || !strings.HasPrefix(out, "usage: unireport COMMAND") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
		for _, cmd := range []string{"build", "check", "changes", "new", "serve", "version", "help"} {
			if !regexp.MustCompile(`(?m)^  ` + cmd + ` `).MatchString(out) {
				t.Errorf("%q: the usage does not list %s", args, cmd)
			}
		}
	}
}

// Misuse prints what is wrong and the command's usage on stderr, nothing
// on stdout, and exits 2.
func TestMisuse(t *testing.T) {
	for _, c := range []struct {
		args           []string
		message, usage string
	}{
		{[]string{"help", "chek"}, `unknown command "chek"`, "usage: unireport COMMAND"},
		{[]string{"help", "build", "check"}, "name one command at most", "usage: unireport COMMAND"},
		{[]string{"check", "-x"}, "flag provided but not defined: -x", "usage: unireport check "},
		{[]string{"check", goodEdition, goodEdition}, "give one edition at most", "usage: unireport check "},
		{[]string{"build", "-out"}, "flag needs an argument: -out", "usage: unireport build "},
		{[]string{"build", "-all", "2017"}, "-all builds every edition: name none", "usage: unireport build "},
		{[]string{"build", "2016", "2017"}, "give one edition at most", "usage: unireport build "},
		{[]string{"serve", "-addr"}, "flag needs an argument: -addr", "usage: unireport serve "},
		{[]string{"serve", "2016", "2017"}, "give one edition at most", "usage: unireport serve "},
		{[]string{"serve", "-editor", "javascript:alert('{path}')"}, "may not be a javascript: URL", "usage: unireport serve "},
		{[]string{"serve", "-editor", "vscode://file/"}, "must name the file as {path}", "usage: unireport serve "},
		{[]string{"build", "-editor", "vscode://file/{path}", "2017"}, "-editor is for drafts", "usage: unireport build "},
		{[]string{"new"}, "give one YEAR", "usage: unireport new "},
		{[]string{"new", "next"}, `"next" is not a year`, "usage: unireport new "},
		{[]string{"new", "2018", "-x"}, "flag provided but not defined: -x", "usage: unireport new "},
		{[]string{"version", "now"}, "version takes no arguments", "usage: unireport version"},
		{[]string{"version", "-x"}, "flag provided but not defined: -x", "usage: unireport version"},
	} {
		code, out, errOut := runCmd(t, c.args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2", c.args, code)
		}
		if !strings.Contains(errOut, c.message) || !strings.Contains(errOut, c.usage) {
			t.Errorf("%q: stderr %q, want it to say %q and the usage %q", c.args, errOut, c.message, c.usage)
		}
		if out != "" {
			t.Errorf("%q: stdout %q, want nothing", c.args, out)
		}
	}
}

// "unireport version" and "unireport --version" print the version the
// outputs name, from the build info: "(devel)" in a test.
func TestVersionCommand(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
		code, out, errOut := runCmd(t, args...)
		if want := "unireport " + report.Version() + "\n"; code != 0 || out != want || errOut != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 0 and %q", args, code, out, errOut, want)
		}
	}
	if v := report.Version(); v != "(devel)" {
		t.Errorf("report.Version() = %q in a test, want (devel)", v)
	}
}

// check's result is on stdout: the summary line, then with -checklist the
// editors' checklist; its diagnostics are on stderr.
func TestCheckStreams(t *testing.T) {
	code, out, errOut := runCmd(t, "check", "-checklist", "-templates", templates, goodEdition)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	summary, checklist, _ := strings.Cut(out, "\n")
	if !regexp.MustCompile(`^` + regexp.QuoteMeta(goodEdition) + `: 0 errors, \d+ warnings$`).MatchString(summary) {
		t.Errorf("stdout starts with %q, want the summary line", summary)
	}
	if !strings.Contains(checklist, "### Official information per State") || !strings.Contains(checklist, "| State | Newest information |") {
		t.Errorf("the checklist is not on stdout after the summary:\n%s", checklist)
	}
	// (the checklist quotes the warnings in a list, as "- `…`")
	if l := regexp.MustCompile("(?m)^[^-` \n][^:\n]*:\\d+:\\d+: warning: .*$").FindString(out); l != "" {
		t.Errorf("a diagnostic is on stdout: %q", l)
	}
	if !strings.Contains(errOut, ": warning: ") || strings.Contains(errOut, "errors,") {
		t.Errorf("stderr holds the diagnostics and nothing else:\n%s", errOut)
	}
}
