package fonts

import (
	"encoding/binary"
	"errors"
	"math"
)

// metrics are a face's glyph coverage and advance widths, read from its
// cmap, head, hhea and hmtx tables once, when the set is loaded.
//
// Widths are kept as the PDF writer (fpdf) keeps them, in thousandths of
// an em rounded to the nearest whole number, and a text's width is their
// sum scaled by the size, as fpdf's GetStringWidth computes it: layout
// and drawing then agree to the last bit without fpdf having to read the
// font to measure (it reads it once, to embed it).
type metrics struct {
	cover coverage
	// widths are the advance widths of the covered characters, in pages
	// of 256 characters; a page with no covered character is nil.
	widths [256]*[256]uint16
	// notdef is the width of a drawable character the cmap does not map
	// (tab, line feed, carriage return): the width of glyph 0, or 500 when
	// that is 0, as fpdf counts it.
	notdef int
}

// readMetrics reads the metrics of the font t.
func readMetrics(t *sfnt) (*metrics, error) {
	head, hhea, hmtx := t.tables["head"], t.tables["hhea"], t.tables["hmtx"]
	if len(head) < 20 || len(hhea) < 36 {
		return nil, errors.New("head or hhea table truncated")
	}
	unitsPerEm := binary.BigEndian.Uint16(head[18:])
	if unitsPerEm == 0 {
		return nil, errors.New("the head table gives 0 units per em")
	}
	hmetrics := int(binary.BigEndian.Uint16(hhea[34:]))
	if hmetrics == 0 || 4*hmetrics > len(hmtx) {
		return nil, errors.New("hmtx table truncated")
	}
	scale := 1000 / float64(unitsPerEm)
	// width is a glyph's advance in thousandths of an em; glyphs past the
	// last long metric have its advance (the TrueType rule).
	width := func(g uint32) uint16 {
		adv := binary.BigEndian.Uint16(hmtx[4*min(int(g), hmetrics-1):])
		if adv >= 1<<15 { // fpdf's reading of a damaged advance
			return 0
		}
		return uint16(math.Round(scale * float64(adv)))
	}
	m := &metrics{notdef: int(width(0))}
	if m.notdef == 0 {
		m.notdef = 500
	}
	err := readCmap(t.tables["cmap"], func(ch, g uint32) {
		if ch > 0xFFFF {
			return // the PDF writer encodes text as UCS-2
		}
		m.cover.set(ch)
		page := m.widths[ch>>8]
		if page == nil {
			page = new([256]uint16)
			m.widths[ch>>8] = page
		}
		page[ch&0xFF] = width(g)
	})
	return m, err
}

// advance returns the width of r in thousandths of an em, and whether the
// face maps r to a glyph.
func (m *metrics) advance(r rune) (int, bool) {
	if !m.cover.has(r) {
		return 0, false
	}
	return int(m.widths[r>>8][r&0xFF]), true
}

// Width returns the width of str set in face at size points, with the
// widths and the arithmetic of the PDF writer. A character the face cannot
// draw counts half an em (the PDF writer refuses it later, with an error
// naming it).
func (s *Set) Width(face Face, str string, size float64) float64 {
	if face < Regular || face > BoldItalic {
		face = Regular
	}
	m := s.metrics[face]
	units, missing := 0, false
	for _, r := range str {
		switch w, ok := m.advance(r); {
		case ok:
			units += w
		case s.Has(face, r):
			units += m.notdef
		default:
			missing = true
		}
	}
	if !missing {
		return float64(units) * size / 1000
	}
	// With characters missing, character by character, as before: the
	// sum of the drawable ones' widths then half an em for each other.
	w := 0.0
	for _, r := range str {
		switch a, ok := m.advance(r); {
		case ok:
			w += float64(a) * size / 1000
		case s.Has(face, r):
			w += float64(m.notdef) * size / 1000
		default:
			w += size / 2
		}
	}
	return w
}
