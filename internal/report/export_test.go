package report

import (
	"unireport/internal/layout"
	"unireport/internal/pdfout"
)

// Pages lays the report out as its PDF sets it, for tests that check the
// boxes rather than the PDF.
func (r *Report) Pages(d Draft) ([]layout.Page, error) {
	m := pdfout.Measurer(r.Fonts)
	res, err := pdfout.Set(r.Tree(d), m, r.Edition.Facts.Language)
	return res.Pages, err
}
