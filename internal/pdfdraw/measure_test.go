package pdfdraw

import (
	"testing"

	"unireport/internal/fonts"
)

// The font set's own widths are the PDF writer's, to the last bit: for
// every character each of the four embedded faces maps, alone and in a
// run, the set measures what fpdf measures.
func TestWidthsAreThePDFWriters(t *testing.T) {
	set := fonts.Default()
	pdf, err := newPDF(set, 595.28, 841.89, fonts.Faces[:])
	if err != nil {
		t.Fatal(err)
	}
	names := faceNames(set)
	const size = 10.5
	for _, face := range fonts.Faces {
		pdf.SetFont(names[face], "", size)
		var run []rune
		n := 0
		for r := rune(0x20); r <= 0xFFFF; r++ {
			if !set.Has(face, r) {
				continue
			}
			n++
			run = append(run, r)
			if got, want := set.Width(face, string(r), size), pdf.GetStringWidth(string(r)); got != want {
				t.Errorf("%s U+%04X: %v, fpdf %v", face, r, got, want)
			}
		}
		if got, want := set.Width(face, string(run), size), pdf.GetStringWidth(string(run)); got != want {
			t.Errorf("%s, all %d characters in a run: %v, fpdf %v", face, n, got, want)
		}
		if n < 2000 {
			t.Errorf("%s maps %d characters; Liberation Serif maps more than 2,000", face, n)
		}
	}
}

// The embedded faces are ones the PDF writer can embed: the build does not
// check them each time.
func TestEmbeddedFacesEmbed(t *testing.T) {
	if err := CheckFaces(fonts.Default()); err != nil {
		t.Fatal(err)
	}
}
