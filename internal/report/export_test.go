package report

import (
	"unireport/internal/layout"
	"unireport/internal/pdfout"
)

// Pages lays the report out as its PDF sets it, for tests that check the
// boxes rather than the PDF.
func (r *Report) Pages(d Draft) ([]layout.Page, error) {
	m, err := pdfout.Measurer(r.Fonts)
	if err != nil {
		return nil, err
	}
	res, err := pdfout.Set(r.Tree(d), m, r.Edition.Facts.Language)
	return res.Pages, err
}
