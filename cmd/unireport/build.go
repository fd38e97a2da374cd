package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"unireport/internal/atomicfile"
	"unireport/internal/report"
)

// templatesDir is where the report's templates live.
const templatesDir = "templates"

func build(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write the report into `DIR` (default output/<year>)")
	draft := fs.Bool("draft", false, "mark the report as a draft")
	tmpl := fs.String("templates", templatesDir, "read the templates from `DIR`")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: unireport build [-out DIR] [-draft] [-templates DIR] [EDITION]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	dir, err := editionDir(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return 2
	}
	r, diags := report.Prepare(dir, *tmpl)
	if diags.HasErrors() {
		printDiagnostics(stderr, diags)
		fmt.Fprintf(stderr, "%s: %s; nothing was written\n", dir, diags.Summary())
		return 1
	}
	d := report.Draft{On: *draft}
	if *draft {
		d.Built = time.Now().Format("2 January 2006 15:04 MST")
	}
	html, err := r.HTML(d)
	if err != nil {
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return 1
	}
	outDir := *out
	if outDir == "" {
		outDir = report.OutputDir("output", r.Edition.Facts.Year)
	}
	htmlPath := filepath.Join(outDir, r.BaseName()+".html")
	if err := atomicfile.Write(htmlPath, html, 0o644); err != nil {
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return 1
	}
	_, warnings := diags.Count()
	fmt.Fprintf(stdout, "wrote %s", htmlPath)
	if warnings > 0 {
		fmt.Fprintf(stdout, " (%d warnings: run unireport check to see them)", warnings)
	}
	fmt.Fprintln(stdout)
	return 0
}
