package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"unireport/internal/atomicfile"
	"unireport/internal/cmdline"
	"unireport/internal/diag"
	"unireport/internal/edition"
	"unireport/internal/pdfout"
	"unireport/internal/report"
)

func build(args []string, stdout, stderr io.Writer) int {
	fs := cmdline.NewFlags("build", "build [-out DIR] [-draft [-editor URL-TEMPLATE]] [-templates DIR] [-all | EDITION]",
		"Writes the report on EDITION as HTML, PDF and DOCX into output/<year>/ and\n"+
			"says so on stdout; problems go to stderr. Nothing is written on errors.\n"+cmdline.EditionHelp)
	out := fs.String("out", "", "write the report into `DIR` (default output/<year>; with -all, DIR/<year>)")
	draft := fs.Bool("draft", false, "mark the report as a draft, with the editors' checklist at its end")
	all := fs.Bool("all", false, "build every edition under data/")
	tmpl := fs.String("templates", cmdline.TemplatesDir, "read the templates from `DIR`")
	editor := cmdline.EditorFlag(fs)
	if code, ok := cmdline.Parse(fs, args, stdout, stderr); !ok {
		return code
	}
	if editor.Template != "" && !*draft {
		return cmdline.Misuse(fs, stderr, "-editor is for drafts, which show where each value comes from: add -draft")
	}
	opts := buildOptions{templates: *tmpl, draft: *draft, editor: editor.Template}
	// Most editions are set in the embedded fonts and in English: the PDF
	// writer's share of the work for those starts now, on another core,
	// while the edition loads.
	go pdfout.Prepare(nil, "en")
	if *all {
		if fs.NArg() > 0 {
			return cmdline.Misuse(fs, stderr, "-all builds every edition: name none")
		}
		return buildAll(cmdline.DataRoot, *out, opts, stdout, stderr)
	}
	dir, code, ok := cmdline.EditionArg(fs, stderr)
	if !ok {
		return code
	}
	return buildOne(dir, *out, opts, stdout, stderr)
}

type buildOptions struct {
	templates string
	draft     bool
	editor    string // a draft's editor URL template; "" copies positions
}

// buildAll builds every edition folder under root into out/<year>, going on
// after a failure so that every broken edition is reported in one run. It
// prepares every edition first, to know where each would be written: two
// editions that would write into the same folder (a copied folder whose
// year was not changed) are built neither of them, so that the copy cannot
// silently replace the real report.
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
	var ready []*prepared
	for _, f := range folders {
		outDir := ""
		if out != "" {
			outDir = filepath.Join(out, strconv.Itoa(f.Year))
		}
		p := prepareEdition(f.Dir, outDir, opts, stderr)
		if p == nil {
			code = 1
			continue
		}
		ready = append(ready, p)
	}
	// The editions of each output folder, in the order of their folders.
	byOut := map[string][]*prepared{}
	for _, p := range ready {
		k := filepath.Clean(p.outDir)
		byOut[k] = append(byOut[k], p)
	}
	for _, p := range ready {
		same := byOut[filepath.Clean(p.outDir)]
		if len(same) > 1 {
			if same[0] == p { // one message for the group
				both, none := "both", "neither"
				if len(same) > 2 {
					both, none = "all", "none of them"
				}
				fmt.Fprintf(stderr, "unireport: %s would %s write %s%c, so %s was built: give each edition its own year (year in edition.toml must match the folder name)\n",
					andList(same), both, filepath.Clean(p.outDir), filepath.Separator, none)
			}
			code = 1
			continue
		}
		if c := writeEdition(p, opts, stdout, stderr); c > code {
			code = c
		}
	}
	return code
}

// andList names the editions' folders: "a and b", "a, b and c".
func andList(ps []*prepared) string {
	var s string
	for i, p := range ps {
		switch {
		case i == 0:
		case i == len(ps)-1:
			s += " and "
		default:
			s += ", "
		}
		s += p.dir
	}
	return s
}

// prepared is an edition loaded and checked, with the folder its report
// goes into.
type prepared struct {
	dir, outDir string
	r           *report.Report
	diags       diag.List
}

// buildOne builds one edition into outDir (default output/<year>).
func buildOne(dir, outDir string, opts buildOptions, stdout, stderr io.Writer) int {
	p := prepareEdition(dir, outDir, opts, stderr)
	if p == nil {
		return 1
	}
	return writeEdition(p, opts, stdout, stderr)
}

// prepareEdition loads and checks the edition in dir and works out its
// output folder (outDir, or output/<year>); on errors it prints them and
// returns nil.
func prepareEdition(dir, outDir string, opts buildOptions, stderr io.Writer) *prepared {
	prepare := report.Prepare
	if opts.draft {
		prepare = report.PrepareDraft // values still to fill in show as placeholders
	}
	r, diags := prepare(dir, opts.templates)
	if diags.HasErrors() {
		printDiagnostics(stderr, diags)
		fmt.Fprintf(stderr, "%s: %s; nothing was written\n", dir, diags.Summary())
		return nil
	}
	if outDir == "" {
		outDir = report.OutputDir("output", r.Edition.Facts.Year)
	}
	return &prepared{dir: dir, outDir: outDir, r: r, diags: diags}
}

// writeEdition renders a prepared edition and writes its HTML, PDF and
// DOCX together: all are replaced, or none.
func writeEdition(p *prepared, opts buildOptions, stdout, stderr io.Writer) int {
	r, diags, dir := p.r, p.diags, p.dir
	d := report.Draft{On: opts.draft}
	if opts.draft {
		// The time the draft says it was built: SOURCE_DATE_EPOCH's when
		// set, so that a draft too can be built again byte for byte.
		built, err := report.SourceDate(time.Now())
		if err != nil {
			fmt.Fprintf(stderr, "unireport: %v\n", err)
			return 1
		}
		d.Built = built
		if opts.editor != "" {
			// the page opens absolute paths: positions are relative to here
			wd, err := os.Getwd()
			if err != nil {
				fmt.Fprintf(stderr, "unireport: %v\n", err)
				return 1
			}
			d.Editor, d.EditorRoot = opts.editor, wd
		}
	}
	// Render all before writing any, so that a failure leaves the
	// previous files as they were. The three are rendered at once: the
	// PDF here, the HTML and the DOCX beside it (the DOCX waits for the
	// PDF's layout, then is written while the PDF is drawn).
	var (
		html, docx       []byte
		htmlErr, docxErr error
		wg               sync.WaitGroup
	)
	wg.Go(func() { html, htmlErr = r.HTML(d) })
	wg.Go(func() { docx, docxErr = r.DOCX(d) })
	pdf, typeset, pdfErr := r.PDFWarnings(d)
	wg.Wait()
	for _, err := range []error{htmlErr, pdfErr} {
		if err != nil {
			fmt.Fprintf(stderr, "unireport: %s: %v\n", dir, err)
			return 1
		}
	}
	printDiagnostics(stderr, typeset) // words the PDF had to break
	diags.Add(typeset...)
	if docxErr != nil {
		fmt.Fprintf(stderr, "unireport: %s: %v\n", dir, docxErr)
		return 1
	}
	htmlPath := filepath.Join(p.outDir, r.BaseName(d)+".html")
	pdfPath := filepath.Join(p.outDir, r.BaseName(d)+".pdf")
	docxPath := filepath.Join(p.outDir, r.BaseName(d)+".docx")
	// One call for all three: if one cannot be replaced, those already
	// replaced are put back as they were (see atomicfile.WriteAll).
	if err := atomicfile.WriteAll([]atomicfile.File{
		{Path: htmlPath, Data: html, Perm: 0o644},
		{Path: pdfPath, Data: pdf, Perm: 0o644},
		{Path: docxPath, Data: docx, Perm: 0o644},
	}); err != nil {
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return 1
	}
	_, warnings := diags.Count()
	fmt.Fprintf(stdout, "wrote %s, %s and %s", htmlPath, pdfPath, docxPath)
	if warnings > 0 {
		fmt.Fprintf(stdout, " (%d warnings: run unireport check -checklist %s to see them)", warnings, dir)
	}
	fmt.Fprintln(stdout)
	return 0
}
