package main

import (
	"fmt"
	"io"
	"path/filepath"

	"unireport/internal/atomicfile"
	"unireport/internal/cmdline"
	"unireport/internal/pdfout"
	"unireport/internal/report"
)

func changes(args []string, stdout, stderr io.Writer) int {
	fs := cmdline.NewFlags("changes", "changes [-from EDITION] [-out DIR] [-templates DIR] [EDITION]",
		"Writes what changed in EDITION's report since the edition before it (or\n"+
			"-from's) into output/<year>/changes-<from>-<year>.html and .pdf: what\n"+
			"changed in the data, in sentences, then the whole report with the words\n"+
			"added underlined and those removed struck through. Values still to fill\n"+
			"in are shown as in a draft. Nothing is written on errors.\n"+cmdline.EditionHelp)
	from := fs.String("from", "", "compare with `EDITION` (default: the edition before EDITION, beside it)")
	out := fs.String("out", "", "write into `DIR` (default output/<year>)")
	tmpl := fs.String("templates", cmdline.TemplatesDir, "read the templates from `DIR`")
	if code, ok := cmdline.Parse(fs, args, stdout, stderr); !ok {
		return code
	}
	dir, code, ok := cmdline.EditionArg(fs, stderr)
	if !ok {
		return code
	}
	go pdfout.Prepare(nil, "en") // the PDF writer's share, while the editions load
	to := prepareDraft(dir, *tmpl, stderr)
	if to == nil {
		return 1
	}
	fromDir := to.Edition.PreviousDir()
	if *from != "" {
		var err error
		if fromDir, err = cmdline.EditionDir([]string{*from}); err != nil {
			return cmdline.Misuse(fs, stderr, "%v", err)
		}
	}
	if fromDir == "" {
		fmt.Fprintf(stderr, "unireport: no edition before %d beside %s to compare with: name one with -from EDITION\n",
			to.Edition.Facts.Year, filepath.Clean(dir))
		return 2
	}
	before := prepareDraft(fromDir, *tmpl, stderr)
	if before == nil {
		return 1
	}
	c := report.CompareReports(before, to)
	// Render both before writing either, so that a failure leaves the
	// previous pair as it was.
	html, err := c.HTML()
	if err == nil {
		var pdf []byte
		if pdf, err = c.PDF(); err == nil {
			outDir := *out
			if outDir == "" {
				outDir = report.OutputDir("output", to.Edition.Facts.Year)
			}
			htmlPath := filepath.Join(outDir, c.BaseName()+".html")
			pdfPath := filepath.Join(outDir, c.BaseName()+".pdf")
			if err = atomicfile.WriteAll([]atomicfile.File{
				{Path: htmlPath, Data: html, Perm: 0o644},
				{Path: pdfPath, Data: pdf, Perm: 0o644},
			}); err == nil {
				fmt.Fprintf(stdout, "wrote %s and %s (%s)\n", htmlPath, pdfPath, changeCount(c))
				return 0
			}
		}
	}
	fmt.Fprintf(stderr, "unireport: %v\n", err)
	return 1
}

// prepareDraft prepares an edition's report as a draft's (values still
// to fill in shown in place), or prints its errors and returns nil.
func prepareDraft(dir, templates string, stderr io.Writer) *report.Report {
	r, diags := report.PrepareDraft(dir, templates)
	if diags.HasErrors() {
		printDiagnostics(stderr, diags)
		fmt.Fprintf(stderr, "%s: %s; nothing was written\n", dir, diags.Summary())
		return nil
	}
	return r
}

// changeCount says how many changes the summary of c names.
func changeCount(c *report.Changes) string {
	n := 0
	for _, s := range c.Summary.Sections {
		n += len(s.Sentences)
	}
	switch n {
	case 0:
		return "no changes in the data"
	case 1:
		return "1 change in the data"
	}
	return fmt.Sprintf("%d changes in the data", n)
}
