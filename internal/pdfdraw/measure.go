// Package pdfdraw draws laid-out pages (internal/layout) into a PDF with
// go-pdf/fpdf: the report's fonts embedded and subset, page numbers, the
// outline from headings, document metadata, reproducible bytes, and an
// optional DRAFT watermark. It also measures text for the layout with the
// same font metrics the PDF is drawn with.
package pdfdraw

import (
	"fmt"
	"sync"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"unireport/internal/fonts"
	"unireport/internal/layout"
)

// familyOf is the name a set's faces are registered under in the PDF writer
// (and shown by font tools): the family name without spaces or punctuation.
func familyOf(set *fonts.Set) string {
	var b []rune
	for _, r := range set.Family {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b = append(b, r)
		}
	}
	if len(b) == 0 {
		return "Report"
	}
	return string(b)
}

// styleCode is fpdf's name for a style.
func styleCode(s layout.Style) string {
	switch {
	case s.Bold && s.Italic:
		return "BI"
	case s.Bold:
		return "B"
	case s.Italic:
		return "I"
	}
	return ""
}

// newPDF returns a PDF writer in points with the given faces of the set
// registered. Registering a face costs more than drawing a report, so a
// writer registers only the faces its pages use.
func newPDF(set *fonts.Set, w, h float64, faces []fonts.Face) (*fpdf.Fpdf, error) {
	family := familyOf(set)
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P", UnitStr: "pt",
		Size: fpdf.SizeType{Wd: w, Ht: h},
	})
	for _, f := range faces {
		code := styleCode(layout.Style{Bold: f == fonts.Bold || f == fonts.BoldItalic, Italic: f == fonts.Italic || f == fonts.BoldItalic})
		pdf.AddUTF8FontFromBytes(family, code, set.Bytes(f))
		if err := pdf.Error(); err != nil {
			return nil, fmt.Errorf("registering the %s face: %w", f, err)
		}
		// fpdf prints and skips a font it cannot parse; selecting it
		// turns that into an error.
		pdf.SetFont(family, code, 10)
		if err := pdf.Error(); err != nil {
			return nil, fmt.Errorf("the %s face cannot be used: %w", f, err)
		}
	}
	return pdf, nil
}

// Measurer measures text with the PDF writer's own metrics for a font set,
// so that layout and drawing agree. It implements layout.Measurer and is safe
// for concurrent use.
type Measurer struct {
	mu     sync.Mutex
	pdf    *fpdf.Fpdf
	set    *fonts.Set
	family string
	style  string
	size   float64
}

// NewMeasurer returns a Measurer for set; nil means the embedded Liberation
// Serif.
func NewMeasurer(set *fonts.Set) (*Measurer, error) {
	if set == nil {
		set = fonts.Default()
	}
	pdf, err := newPDF(set, 595.28, 841.89, fonts.Faces[:])
	if err != nil {
		return nil, fmt.Errorf("pdfdraw: %w", err)
	}
	return &Measurer{pdf: pdf, set: set, family: familyOf(set), size: -1}, nil
}

// Width returns the width of s in points set in style at size. Characters the
// font lacks count half an em (the PDF writer refuses them later, with an
// error naming them).
func (m *Measurer) Width(s string, style layout.Style, size float64) float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	if code := styleCode(style); code != m.style || size != m.size {
		m.pdf.SetFont(m.family, code, size)
		m.style, m.size = code, size
	}
	face := fonts.FaceOf(style.Bold, style.Italic)
	if _, _, missing := m.set.MissingIn(face, s); !missing {
		return m.pdf.GetStringWidth(s)
	}
	// fpdf indexes its width table by rune and panics past U+FFFF.
	w := 0.0
	for _, r := range s {
		if m.set.Has(face, r) {
			w += m.pdf.GetStringWidth(string(r))
		} else {
			w += size / 2
		}
	}
	return w
}
