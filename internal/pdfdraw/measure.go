// Package pdfdraw draws laid-out pages (internal/layout) into a PDF with
// go-pdf/fpdf: the report's fonts embedded and subset, page numbers, the
// outline from headings, document metadata, reproducible bytes, and an
// optional DRAFT watermark. It also measures text for the layout with the
// same font metrics the PDF is drawn with.
package pdfdraw

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"unireport/internal/fonts"
	"unireport/internal/layout"
)

// pdfNames returns the names of the set's faces in the PDF, before their
// subset tags (see tagSubsets): each face's PostScript name in the
// characters a PDF name holds as they are (ASCII letters, digits and
// hyphens), so that the PDF tells which file each face was set in. Faces
// from the same file share a name; different files with the same name get
// the face's name added.
func pdfNames(set *fonts.Set) [4]string {
	var names [4]string
	for _, f := range fonts.Faces {
		var b []rune
		for _, r := range set.Name(f) {
			if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
				b = append(b, r)
			}
		}
		if len(b) == 0 {
			b = []rune("Report")
		}
		name := string(b)
		for _, g := range fonts.Faces[:f] {
			if strings.EqualFold(names[g], name) && !bytes.Equal(set.Bytes(g), set.Bytes(f)) {
				name += strings.ReplaceAll(f.String(), " ", "")
			}
		}
		names[f] = name
	}
	return names
}

// subsetPad goes before each face's PDF name to make the name the face is
// registered under in the PDF writer. fpdf writes a face registered as
// NAME as "utf8" and NAME lower-cased, as long as a subset tag with its
// "+" ("ABCDEF+") and NAME when NAME starts with subsetPad, so that
// tagSubsets can put the tag in its place without moving a byte.
const subsetPad = "zzz"

// faceNames returns the names the set's faces are registered under in the
// PDF writer: subsetPad and the face's PDF name (see pdfNames).
func faceNames(set *fonts.Set) [4]string {
	names := pdfNames(set)
	for i := range names {
		names[i] = subsetPad + names[i]
	}
	return names
}

// newPDF returns a PDF writer in points with the given faces of the set
// registered, each as a family of its own (see faceNames). Registering a
// face costs more than drawing a report, so a writer registers only the
// faces its pages use. A face fpdf cannot use is a *fonts.FaceError.
func newPDF(set *fonts.Set, w, h float64, faces []fonts.Face) (pdf *fpdf.Fpdf, err error) {
	var face fonts.Face
	defer func() {
		// fpdf's font parser panics on some damaged files.
		if r := recover(); r != nil {
			pdf, err = nil, &fonts.FaceError{Face: face, Err: fmt.Errorf("the PDF writer cannot read it: %v", r)}
		}
	}()
	names := faceNames(set)
	pdf = fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P", UnitStr: "pt",
		Size: fpdf.SizeType{Wd: w, Ht: h},
	})
	for _, face = range faces {
		pdf.AddUTF8FontFromBytes(names[face], "", set.Bytes(face))
		if err := pdf.Error(); err != nil {
			return nil, &fonts.FaceError{Face: face, Err: fmt.Errorf("the PDF writer cannot register it: %w", err)}
		}
		// fpdf prints and skips a font it cannot parse; selecting it
		// turns that into an error.
		pdf.SetFont(names[face], "", 10)
		if err := pdf.Error(); err != nil {
			return nil, &fonts.FaceError{Face: face, Err: fmt.Errorf("the PDF writer cannot read it: %w", err)}
		}
	}
	return pdf, nil
}

// Measurer measures text with the PDF writer's own metrics for a font set,
// so that layout and drawing agree. It implements layout.Measurer and is safe
// for concurrent use.
type Measurer struct {
	mu    sync.Mutex
	pdf   *fpdf.Fpdf
	set   *fonts.Set
	names [4]string
	face  fonts.Face
	size  float64
}

// NewMeasurer returns a Measurer for set; nil means the embedded Liberation
// Serif. It fails, with a *fonts.FaceError, when the PDF writer cannot use
// one of the faces.
func NewMeasurer(set *fonts.Set) (*Measurer, error) {
	if set == nil {
		set = fonts.Default()
	}
	pdf, err := newPDF(set, 595.28, 841.89, fonts.Faces[:])
	if err != nil {
		return nil, fmt.Errorf("pdfdraw: %w", err)
	}
	return &Measurer{pdf: pdf, set: set, names: faceNames(set), size: -1}, nil
}

// Fonts returns the set the Measurer measures with.
func (m *Measurer) Fonts() *fonts.Set { return m.set }

// Width returns the width of s in points set in style at size. Characters the
// font lacks count half an em (the PDF writer refuses them later, with an
// error naming them).
func (m *Measurer) Width(s string, style layout.Style, size float64) float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	face := fonts.FaceOf(style.Bold, style.Italic)
	if face != m.face || size != m.size {
		m.pdf.SetFont(m.names[face], "", size)
		m.face, m.size = face, size
	}
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
