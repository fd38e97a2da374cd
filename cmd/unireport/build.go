package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"time"

	"unireport/internal/atomicfile"
	"unireport/internal/edition"
	"unireport/internal/report"
)

// templatesDir is where the report's templates live.
const templatesDir = "templates"

func build(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write the report into `DIR` (default output/<year>; with -all, DIR/<year>)")
	draft := fs.Bool("draft", false, "mark the report as a draft, with the editors' checklist at its end")
	all := fs.Bool("all", false, "build every edition under data/")
	tmpl := fs.String("templates", templatesDir, "read the templates from `DIR`")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: unireport build [-out DIR] [-draft] [-templates DIR] [-all | EDITION]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	opts := buildOptions{templates: *tmpl, draft: *draft}
	if *all {
		if fs.NArg() > 0 {
			fmt.Fprintln(stderr, "unireport: -all builds every edition: name none")
			return 2
		}
		return buildAll(dataRoot, *out, opts, stdout, stderr)
	}
	dir, err := editionDir(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return 2
	}
	return buildOne(dir, *out, opts, stdout, stderr)
}

type buildOptions struct {
	templates string
	draft     bool
}

// buildAll builds every edition folder under root into out/<year>, going on
// after a failure so that every broken edition is reported in one run.
func buildAll(root, out string, opts buildOptions, stdout, stderr io.Writer) int {
	folders, err := edition.Folders(root)
	if err != nil {
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return 2
	}
	if len(folders) == 0 {
		fmt.Fprintf(stderr, "unireport: no editions in %s/\n", root)
		return 2
	}
	code := 0
	for _, f := range folders {
		outDir := ""
		if out != "" {
			outDir = filepath.Join(out, strconv.Itoa(f.Year))
		}
		if c := buildOne(f.Dir, outDir, opts, stdout, stderr); c > code {
			code = c
		}
	}
	return code
}

// buildOne builds one edition into outDir (default output/<year>).
func buildOne(dir, outDir string, opts buildOptions, stdout, stderr io.Writer) int {
	prepare := report.Prepare
	if opts.draft {
		prepare = report.PrepareDraft // values still to fill in show as placeholders
	}
	r, diags := prepare(dir, opts.templates)
	if diags.HasErrors() {
		printDiagnostics(stderr, diags)
		fmt.Fprintf(stderr, "%s: %s; nothing was written\n", dir, diags.Summary())
		return 1
	}
	d := report.Draft{On: opts.draft}
	if opts.draft {
		d.Built = time.Now()
	}
	// Render both before writing either, so that a failure leaves the
	// previous pair as it was.
	html, err := r.HTML(d)
	if err != nil {
		fmt.Fprintf(stderr, "unireport: %s: %v\n", dir, err)
		return 1
	}
	pdf, typeset, err := r.PDFWarnings(d)
	if err != nil {
		fmt.Fprintf(stderr, "unireport: %s: %v\n", dir, err)
		return 1
	}
	printDiagnostics(stderr, typeset) // words the PDF had to break
	diags.Add(typeset...)
	if outDir == "" {
		outDir = report.OutputDir("output", r.Edition.Facts.Year)
	}
	htmlPath := filepath.Join(outDir, r.BaseName(d)+".html")
	pdfPath := filepath.Join(outDir, r.BaseName(d)+".pdf")
	for _, f := range []struct {
		path string
		data []byte
	}{{htmlPath, html}, {pdfPath, pdf}} {
		if err := atomicfile.Write(f.path, f.data, 0o644); err != nil {
			fmt.Fprintf(stderr, "unireport: %v\n", err)
			return 1
		}
	}
	_, warnings := diags.Count()
	fmt.Fprintf(stdout, "wrote %s and %s", htmlPath, pdfPath)
	if warnings > 0 {
		fmt.Fprintf(stdout, " (%d warnings: run unireport check -checklist %s to see them)", warnings, dir)
	}
	fmt.Fprintln(stdout)
	return 0
}
