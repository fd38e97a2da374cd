// Package report runs the pipeline: an edition's data and the templates
// become one document tree, which the writers turn into HTML and PDF.
package report

import (
	"fmt"

	"os"
	"path/filepath"
	"strconv"
	"time"
	"unireport/internal/checklist"

	"unireport/internal/compose"
	"unireport/internal/diag"
	"unireport/internal/document"
	"unireport/internal/edition"
	"unireport/internal/fonts"
	"unireport/internal/glyphs"
	"unireport/internal/htmlout"
	"unireport/internal/pdfout"
)

// Report is an edition prepared for writing.
type Report struct {
	Edition  *edition.Edition
	Markdown []byte // the templates merged with the data
	Doc      *document.Document
	Warnings diag.List // what check warns about, for the editors' checklist
}

// Prepare loads and checks the edition in dataDir, merges it with the
// templates in tmplDir and parses the result. It returns nil and the
// diagnostics when anything is in error; warnings come back either way.
func Prepare(dataDir, tmplDir string) (*Report, diag.List) {
	e, ts, diags := load(dataDir, tmplDir)
	if diags.HasErrors() {
		return nil, diags
	}
	md, cdiags := ts.Execute(e)
	diags.Add(cdiags...)
	if diags.HasErrors() {
		return nil, diags
	}
	return &Report{Edition: e, Markdown: md, Doc: document.Parse(md), Warnings: diags}, diags
}

// Checklist is the editors' checklist for this edition, as Markdown.
func (r *Report) Checklist() string { return checklist.Markdown(r.Edition, r.Warnings) }

// document returns the tree to render: a draft carries the editors'
// checklist at its end, a final build never does.
func (r *Report) document(d Draft) *document.Document {
	if !d.On {
		return r.Doc
	}
	md := append(append([]byte{}, r.Markdown...), "\n\n"+r.Checklist()...)
	return document.Parse(md)
}

// Check runs every check that a build runs, writing nothing: the data, the
// templates, the glyphs of both, and the merge of the two.
func Check(dataDir, tmplDir string) diag.List {
	_, diags := Prepare(dataDir, tmplDir)
	return diags
}

// load reads the edition and the templates and checks that the report font
// can draw every character of both.
func load(dataDir, tmplDir string) (*edition.Edition, *compose.Templates, diag.List) {
	e, diags := edition.Load(dataDir)
	ts, tdiags := compose.Load(tmplDir)
	diags.Add(tdiags...)
	font := allFaces{fonts.Default()}
	if e != nil {
		for _, t := range e.Texts() {
			glyphs.Check(font, t.Text, t.Pos, &diags)
		}
	}
	if ts != nil {
		for _, f := range ts.Files {
			glyphs.Check(font, f.Text, diag.Pos{File: f.Path, Line: 1, Col: 1}, &diags)
		}
	}
	diags.Sort()
	return e, ts, diags
}

// allFaces can draw a character when every face of the set can: text may
// be set in any of them.
type allFaces struct{ set *fonts.Set }

func (f allFaces) Has(r rune) bool {
	for _, face := range fonts.Faces {
		if !f.set.Has(face, r) {
			return false
		}
	}
	return true
}

// BaseName is the file name of the outputs without extension, e.g.
// universalization-status-2017.
func (r *Report) BaseName() string {
	return "universalization-status-" + strconv.Itoa(r.Edition.Facts.Year)
}

// Draft says how a draft is marked; the zero value is a final build.
type Draft struct {
	On    bool
	Built time.Time // the build time, shown on drafts
}

// HTML renders the report as one self-contained HTML page.
func (r *Report) HTML(d Draft) ([]byte, error) {
	f := r.Edition.Facts
	return htmlout.Render(r.document(d), htmlout.Options{
		Title:    f.Title,
		Lang:     f.Language,
		Author:   f.PresentedBy,
		Subject:  fmt.Sprintf("%s, %s", f.Title, f.Date),
		Keywords: keywords(f),
		Draft:    d.On,
		Built:    builtText(d),
	})
}

func builtText(d Draft) string {
	if !d.On || d.Built.IsZero() {
		return ""
	}
	return d.Built.Format("2 January 2006 15:04 MST")
}

// PDF renders the report as a PDF. Its dates come from SOURCE_DATE_EPOCH
// where set, else from the edition's date, so that a build is reproducible.
func (r *Report) PDF(d Draft) ([]byte, error) {
	f := r.Edition.Facts
	created, err := SourceDate(f.Date.Time())
	if err != nil {
		return nil, err
	}
	return pdfout.Render(r.document(d), pdfout.Options{
		Title:    f.Title,
		Author:   f.PresentedBy,
		Subject:  fmt.Sprintf("%s, %s", f.Title, f.Date),
		Keywords: keywords(f),
		Lang:     f.Language,
		Created:  created,
		Draft:    d.On,
		Built:    d.Built,
	})
}

// SourceDate returns the time in SOURCE_DATE_EPOCH, or fallback when it is
// not set (reproducible-builds.org's convention).
func SourceDate(fallback time.Time) (time.Time, error) {
	v := os.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return fallback, nil
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil || secs < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH must be a number of seconds since 1970, not %q", v)
	}
	return time.Unix(secs, 0).UTC(), nil
}

func keywords(f edition.Facts) string {
	return fmt.Sprintf("Anti-Personnel Mine Ban Convention, universalization, States not party, %s, %d", f.Meeting.ShortName, f.Year)
}

// OutputDir is the default output folder for an edition: output/<year>.
func OutputDir(root string, year int) string { return filepath.Join(root, strconv.Itoa(year)) }
