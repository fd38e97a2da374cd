// Command unireport produces the President's report on the Status of
// Universalization of the Anti-Personnel Mine Ban Convention from an
// edition's data and the report's templates.
//
//	unireport build [-out DIR] [-draft] [-templates DIR] [-all | EDITION]   write the report as HTML and PDF
//	unireport check [-checklist] [-templates DIR] [EDITION]                 check an edition's data and report every problem
//	unireport changes [-from EDITION] [-out DIR] [-templates DIR] [EDITION]  write what changed since the edition before
//	unireport new [-from EDITION] YEAR                                      start next year's edition from the last one
//	unireport serve [-addr HOST:PORT] [-host NAME]... [-templates DIR] [EDITION]   preview the draft in a browser
//	unireport version                                                       print unireport's version
//	unireport help [COMMAND]                                                print the usage of unireport or of a command
//
// EDITION is a year (the folder data/<year>) or a path to an edition folder;
// by default the newest folder under data/.
//
// As go's own commands do, unireport writes its result (what was written, a
// check's summary and checklist) on stdout and its diagnostics on stderr;
// "unireport help COMMAND" and "COMMAND -h" print the command's usage on
// stdout and exit 0; a misused command prints its usage on stderr and exits
// 2.
package main

import (
	"fmt"
	"io"
	"os"

	"unireport/internal/cmdline"
	"unireport/internal/diag"
	"unireport/internal/report"
	"unireport/internal/shortrun"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && shortRuns[args[0]] {
		shortrun.Setup()
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// shortRuns are the commands that build a report once and exit, for which
// the runtime's memory is set up so (see package shortrun); serve runs on.
var shortRuns = map[string]bool{"build": true, "check": true, "changes": true}

const usage = `usage: unireport COMMAND [flags] [EDITION]

Commands:
  build    write the report into output/<year>/
  check    load an edition's data, print every problem, exit 1 on errors;
           -checklist adds the editors' checklist
  changes  write what changed since the edition before: a summary of the
           data's changes, then the report with each change marked
  new      start next year's edition from the last one: unireport new 2018
  serve    preview the draft in a browser, rebuilt on every save
  version  print unireport's version (also: unireport --version)
  help     print this, or a command's usage: unireport help build

EDITION is a year (the folder data/<year>) or an edition folder;
by default the newest folder under data/.
Run unireport help COMMAND, or unireport COMMAND -h, for a command's flags.
`

// commands are unireport's commands, by name.
var commands = map[string]func(args []string, stdout, stderr io.Writer) int{
	"build":   build,
	"check":   check,
	"changes": changes,
	"new":     newEdition,
	"serve":   serve,
	"version": version,
}

// run is the whole command, with its streams passed in for tests.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	if cmd, ok := commands[args[0]]; ok {
		return cmd(args[1:], stdout, stderr)
	}
	switch args[0] {
	case "-version", "--version":
		return version(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		return help(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "unireport: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// help prints the usage of unireport, or of the command named, on stdout.
func help(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		fmt.Fprint(stdout, usage)
		return 0
	case len(args) > 1:
		fmt.Fprintf(stderr, "unireport help: name one command at most\n\n%s", usage)
		return 2
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "unireport help: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	return cmd([]string{"-h"}, stdout, stderr)
}

func version(args []string, stdout, stderr io.Writer) int {
	fs := cmdline.NewFlags("version", "version", "Prints unireport's version, as the PDF's producer and the HTML's generator name it.\n")
	if code, ok := cmdline.Parse(fs, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return cmdline.Misuse(fs, stderr, "version takes no arguments")
	}
	fmt.Fprintf(stdout, "unireport %s\n", report.Version())
	return 0
}

func check(args []string, stdout, stderr io.Writer) int {
	fs := cmdline.NewFlags("check", "check [-checklist] [-templates DIR] [EDITION]",
		"Loads EDITION's data and templates and lays the report out, prints every\n"+
			"problem on stderr and a summary line on stdout (with -checklist, then the\n"+
			"editors' checklist); exits 1 when there are errors.\n"+cmdline.EditionHelp)
	tmpl := fs.String("templates", cmdline.TemplatesDir, "read the templates from `DIR`")
	list := fs.Bool("checklist", false, "also print the editors' checklist")
	if code, ok := cmdline.Parse(fs, args, stdout, stderr); !ok {
		return code
	}
	dir, code, ok := cmdline.EditionArg(fs, stderr)
	if !ok {
		return code
	}
	r, diags := report.Prepare(dir, *tmpl)
	if r != nil {
		// what only setting the PDF tells: a word broken between letters
		tw, err := r.TypesetWarnings()
		if err != nil {
			diags.Errorf(diag.Pos{File: dir}, "cannot lay out the PDF: %v", err)
		}
		diags.Add(tw...)
		diags.Sort()
	}
	printDiagnostics(stderr, diags)
	fmt.Fprintf(stdout, "%s: %s\n", dir, diags.Summary())
	if *list && r == nil {
		// values still to fill in stop a final report, not the checklist,
		// which lists them first
		r, _ = report.PrepareDraft(dir, *tmpl)
	}
	if *list && r != nil {
		fmt.Fprintf(stdout, "\n%s", r.Checklist())
	}
	if diags.HasErrors() {
		return 1
	}
	return 0
}

func printDiagnostics(w io.Writer, diags diag.List) {
	for _, d := range diags {
		fmt.Fprintln(w, d)
	}
}
