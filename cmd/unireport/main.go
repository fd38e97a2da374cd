// Command unireport produces the President's report on the Status of
// Universalization of the Anti-Personnel Mine Ban Convention from an
// edition's data and the report's templates.
//
//	unireport build [-out DIR] [-draft] [EDITION]   write the report as HTML (and PDF)
//	unireport check [EDITION]                       check an edition's data and report every problem
//
// EDITION is a year (the folder data/<year>) or a path to an edition folder;
// by default the newest folder under data/.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"unireport/internal/diag"
	"unireport/internal/edition"
	"unireport/internal/report"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: unireport COMMAND [flags] [EDITION]

Commands:
  build    write the report into output/<year>/ (see unireport build -h)
  check    load an edition's data, print every problem, exit 1 on errors;
           -checklist adds the editors' checklist
  new      start next year's edition from the last one: unireport new 2018
  serve    preview the draft in a browser, rebuilt on every save (see unireport serve -h)

EDITION is a year (the folder data/<year>) or an edition folder;
by default the newest folder under data/.
`

// run is the whole command, with its streams passed in for tests.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "check":
		return check(args[1:], stdout, stderr)
	case "build":
		return build(args[1:], stdout, stderr)
	case "serve":
		return serve(args[1:], stdout, stderr)
	case "new":
		return newEdition(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "unireport: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func check(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tmpl := fs.String("templates", templatesDir, "read the templates from `DIR`")
	list := fs.Bool("checklist", false, "also print the editors' checklist")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	dir, err := editionDir(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return 2
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
	printDiagnostics(stdout, diags)
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

// dataRoot is where editions live, relative to the working directory.
const dataRoot = "data"

// editionDir resolves the EDITION argument to a folder.
func editionDir(args []string) (string, error) {
	switch len(args) {
	case 0:
		return newestEdition(dataRoot)
	case 1:
		if _, err := strconv.Atoi(args[0]); err == nil {
			if _, err := os.Stat(args[0]); err != nil { // a year, not a folder of that name
				return filepath.Join(dataRoot, args[0]), nil
			}
		}
		return filepath.Clean(args[0]), nil
	}
	return "", errors.New("give one edition at most, e.g. 2017 or data/2017")
}

// newestEdition returns the folder under root with the highest year.
func newestEdition(root string) (string, error) { return newestEditionBefore(root, 0) }

// newestEditionBefore returns the folder under root with the highest year
// below limit (0: any).
func newestEditionBefore(root string, limit int) (string, error) {
	f, err := edition.Newest(root, limit)
	return f.Dir, err
}
