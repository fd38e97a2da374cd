// Package report runs the pipeline: an edition's data and the templates
// become one document tree, which the writers turn into HTML and PDF.
package report

import (
	"fmt"
	"path/filepath"
	"strconv"

	"unireport/internal/compose"
	"unireport/internal/diag"
	"unireport/internal/document"
	"unireport/internal/edition"
	"unireport/internal/htmlout"
)

// Report is an edition prepared for writing.
type Report struct {
	Edition  *edition.Edition
	Markdown []byte // the templates merged with the data
	Doc      *document.Document
}

// Prepare loads and checks the edition in dataDir, merges it with the
// templates in tmplDir and parses the result. It returns nil and the
// diagnostics when anything is in error; warnings come back either way.
func Prepare(dataDir, tmplDir string) (*Report, diag.List) {
	e, diags := edition.Load(dataDir)
	if diags.HasErrors() {
		return nil, diags
	}
	md, cdiags := compose.Compose(e, tmplDir)
	diags.Add(cdiags...)
	if diags.HasErrors() {
		return nil, diags
	}
	return &Report{Edition: e, Markdown: md, Doc: document.Parse(md)}, diags
}

// BaseName is the file name of the outputs without extension, e.g.
// universalization-status-2017.
func (r *Report) BaseName() string {
	return "universalization-status-" + strconv.Itoa(r.Edition.Facts.Year)
}

// Draft says how a draft is marked; the zero value is a final build.
type Draft struct {
	On    bool
	Built string // the build time, shown on drafts
}

// HTML renders the report as one self-contained HTML page.
func (r *Report) HTML(d Draft) ([]byte, error) {
	f := r.Edition.Facts
	return htmlout.Render(r.Doc, htmlout.Options{
		Title:    f.Title,
		Lang:     f.Language,
		Author:   f.PresentedBy,
		Subject:  fmt.Sprintf("%s, %s", f.Title, f.Date),
		Keywords: keywords(f),
		Draft:    d.On,
		Built:    d.Built,
	})
}

func keywords(f edition.Facts) string {
	return fmt.Sprintf("Anti-Personnel Mine Ban Convention, universalization, States not party, %s, %d", f.Meeting.ShortName, f.Year)
}

// OutputDir is the default output folder for an edition: output/<year>.
func OutputDir(root string, year int) string { return filepath.Join(root, strconv.Itoa(year)) }
