// Package pdfdraw draws laid-out pages (internal/layout) into a PDF with
// go-pdf/fpdf: the report's fonts embedded and subset, page numbers, the
// outline from headings, document metadata, reproducible bytes, and an
// optional DRAFT watermark. It also measures text for the layout with the
// same font metrics the PDF is drawn with (the font set's own).
package pdfdraw

import (
	"bytes"
	"fmt"
	"strings"
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

// Measurer measures text for the layout with the font set's own metrics,
// which are those the PDF writer draws with (see fonts.Set.Width), so that
// layout and drawing agree. It implements layout.Measurer and is safe for
// concurrent use.
type Measurer struct{ set *fonts.Set }

// NewMeasurer returns a Measurer for set; nil means the embedded Liberation
// Serif.
func NewMeasurer(set *fonts.Set) *Measurer {
	if set == nil {
		set = fonts.Default()
	}
	return &Measurer{set: set}
}

// Fonts returns the set the Measurer measures with.
func (m *Measurer) Fonts() *fonts.Set { return m.set }

// Width returns the width of s in points set in style at size. Characters the
// font lacks count half an em (the PDF writer refuses them later, with an
// error naming them).
func (m *Measurer) Width(s string, style layout.Style, size float64) float64 {
	return m.set.Width(fonts.FaceOf(style.Bold, style.Italic), s, size)
}

// PrepareFace parses face of set into the PDF writer's definitions, which it
// keeps for the rest of the process, so that the documents written later
// do not parse it again. A face the writer cannot use is left for them to
// report.
func PrepareFace(set *fonts.Set, face fonts.Face) {
	newPDF(set, 595.28, 841.89, []fonts.Face{face})
}

// CheckFaces reports whether the PDF writer can embed every face of set:
// it reads the files with a parser of its own, stricter than the fonts
// package's. The error is a *fonts.FaceError.
func CheckFaces(set *fonts.Set) error {
	_, err := newPDF(set, 595.28, 841.89, fonts.Faces[:])
	return err
}
